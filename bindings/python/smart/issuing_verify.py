"""Verifying certificates: a signed credential (the core verifies), a credential document
against its register record (the core compares), and a PDF against its register record
(the words on the page must be the stored record's)."""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ._core import _smart
from .issuing_types import PublicKey, Register, SigningKey, VerificationStatus

__all__ = ["Verification", "verify", "verify_document", "verify_pdf"]

_iss = _smart.issuing


@dataclass(frozen=True)
class Verification:
    """What :func:`verify` found.

    Attributes:
        status: valid, revoked, replaced, tampered or unknown_key.
        key_id: The key id the credential names.
        serial: The certificate's serial, when it could be read.
        credential: What was certified — the signed payload, as Python data — when the
            signature verified (also for revoked and replaced; for a tampered PDF, what the
            register certifies under its serial); else None.
        detail: Why, in English.
    """

    status: VerificationStatus
    key_id: str
    serial: str
    credential: dict[str, Any] | None
    detail: str

    @property
    def ok(self) -> bool:
        """True when the status is valid."""
        return self.status is VerificationStatus.valid


def _public_keys(trusted_keys: Iterable[PublicKey | SigningKey | str]) -> list[PublicKey]:
    """Public keys; a string is an issuer's did:key, resolved by the core (no network)."""
    return [
        _iss.resolve_did_key(k) if isinstance(k, str) else k.public_key if isinstance(k, SigningKey) else k
        for k in trusted_keys
    ]


def _verification(r: Any) -> Verification:
    cred: dict[str, Any] | None = json.loads(r.credential_json) if r.credential_json else None
    return Verification(VerificationStatus(r.status), r.key_id, r.serial, cred, r.detail)


def verify(
    credential_jws: str,
    trusted_keys: Iterable[PublicKey | SigningKey | str],
    register: Register | None = None,
) -> Verification:
    """Checks a compact JWS credential: its key must be one of ``trusted_keys`` (keys,
    e.g. from :func:`load_public_key` or :func:`load_did_document`, or issuers' did:key
    strings; never a key from the token's header), else unknown_key; its alg must be the
    key's and its signature must match the exact bytes (else tampered); with a
    ``register``, a revoked or replaced record says so. Releases the GIL."""
    return _verification(_iss.verify_credential(credential_jws.strip(), _public_keys(trusted_keys), register))


def verify_document(
    credential_json: str,
    trusted_keys: Iterable[PublicKey | SigningKey | str],
    register: Register,
) -> Verification:
    """Checks a credential document (``SERIAL.json``, which carries no signature) against
    the register: the record named by its id holds the signed token, which must verify, and
    the document must say exactly what that token signed (else tampered).

    Raises:
        NotFoundError: the register has no record with the document's id.
        ParseError: the text is not JSON.
    """
    return _verification(_iss.verify_credential_document(credential_json, _public_keys(trusted_keys), register))


def _read_pdf_pages(p: pathlib.Path) -> list[str]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as exc:  # pragma: no cover - the pdf extra is missing
        raise ImportError("verifying a PDF needs pypdf: pip install 'smart[pdf]'") from exc
    try:
        reader = PdfReader(p)
        return [page.extract_text() for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{p}: not a readable PDF ({exc})") from exc


def _tampered(serial: str, detail: str, key_id: str = "", certified: dict[str, Any] | None = None) -> Verification:
    return Verification(VerificationStatus.tampered, key_id, serial, certified, detail)


def verify_pdf(
    path: str | os.PathLike[str],
    trusted_keys: Iterable[PublicKey | SigningKey | str],
    register: Register,
) -> Verification:
    """Checks a certificate PDF against the issuer's register: the serial printed on it
    must be a record of the register whose signed credential verifies with one of
    ``trusted_keys`` (revoked and replaced records say so), and the words on the page
    must be exactly the words of that stored record — the holder, programme, period,
    competence goals, requirements, issuer, serial and verification code — so an edited
    PDF is ``tampered``. Line breaks and spacing do not matter; drawings do not count (see
    docs/certificates.md). Needs pypdf (the ``pdf`` extra).

    Raises:
        ValueError: the file is not a readable PDF.
    """
    pages = _read_pdf_pages(pathlib.Path(path))
    found = _iss.find_certificate_serials("".join(pages))
    if len(found) != 1:
        what = "no certificate serial" if not found else f"{len(found)} different serials"
        return _tampered("", f"{what} on the page: not a certificate of this register")
    serial = found[0]
    record = register.find(serial)
    if record is None:
        return _tampered(serial, f"the serial {serial} is not in the register")
    v = verify(record.credential_jws, trusted_keys, register)
    if v.status in (VerificationStatus.tampered, VerificationStatus.unknown_key):
        return v
    if len(pages) != 1:
        return _tampered(serial, f"a certificate has one page, this PDF has {len(pages)}", v.key_id, v.credential)
    from .issuing_documents import certificate_text
    from .pdf import page_words

    expected = _squeeze(page_words(certificate_text(record)))
    got = _squeeze(pages[0])
    if got != expected:
        at = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
        return _tampered(
            serial,
            f"the words on the page differ from the certified record from character {at}: "
            f"page {got[max(0, at - 20) : at + 20]!r}, record {expected[max(0, at - 20) : at + 20]!r}",
            v.key_id,
            v.credential,  # what the register certifies under this serial
        )
    return v


def _squeeze(text: str) -> str:
    """The text without any whitespace: line breaks and spacing of a PDF's text differ
    between extraction tools, the words do not."""
    return "".join(text.split())
