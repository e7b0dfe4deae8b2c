"""Public revocation: the issuer's W3C Bitstring Status List credential.

Every certificate of an issuer with a web address names, in its ``credentialStatus``, an
index in the list published at ``<issuer url>/status/revocation.jwt``. The list is a
signed credential whose bits say which certificates are no longer valid (revoked, or
replaced by a correction); it holds no names, so it can be published. Republish it after
every revocation (docs/certificates.md, "Public revocation")."""

from __future__ import annotations

import datetime

from ._core import _smart
from .issuing_types import Issuer, Register, SigningKey

__all__ = ["STATUS_LIST_SIZE", "status_list_credential", "status_list_url"]

_iss = _smart.issuing

#: The number of entries of a status list (131,072 bits, 16 KB: the spec's minimum).
STATUS_LIST_SIZE: int = _iss.STATUS_LIST_SIZE


def status_list_url(issuer_url: str, n: int = 0) -> str:
    """The URL of the issuer's revocation list number ``n`` (0 the first; another one
    only when the first is full): ``<issuer url>/status/revocation.jwt``."""
    return _iss.status_list_url(issuer_url, n)


def status_list_credential(
    register: Register,
    issuer: Issuer,
    key: SigningKey,
    list_url: str,
    valid_from: datetime.date | str,
) -> str:
    """The signed status list credential (a compact JWS, VC-JWT) of the register's
    certificates on ``list_url``: bit i is set when the certificate with index i is
    revoked or replaced. Signed with ``key`` (kid the issuer's DID URL) as ``issuer``;
    ``validFrom`` is ``valid_from``, there is no ``validUntil``. Publish the text at
    ``list_url``. Releases the GIL."""
    return _iss.status_list_credential(register, issuer, key, list_url, valid_from)
