"""Signing keys and key files: the core generates, writes (mode 0600, never overwriting)
and reads them; this module converts paths and errors."""

from __future__ import annotations

import os
import pathlib

from ._core import _smart
from .errors import NotAllowedError
from .issuing_types import PublicKey, SigningKey

__all__ = [
    "generate_signing_key",
    "load_public_key",
    "load_signing_key",
    "public_key_path",
    "save_public_key",
    "save_signing_key",
]

_iss = _smart.issuing


def generate_signing_key() -> SigningKey:
    """A fresh Ed25519 key pair from the operating system's randomness."""
    return _iss.generate_signing_key()


def public_key_path(key_file: str | os.PathLike[str]) -> pathlib.Path:
    """Where the public key of a secret key file goes: ``issuer.key.json`` ->
    ``issuer.pub.json``; any other name gets ``.pub.json`` appended."""
    return pathlib.Path(_iss.public_key_path(os.fspath(key_file)))


def save_signing_key(key: SigningKey, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes the secret key file, readable by its owner only (mode 0600), and the public
    key file beside it (:func:`public_key_path`). Returns the public key file's path.

    Raises:
        FileExistsError: either file exists (a key is never overwritten).
    """
    try:
        return pathlib.Path(_iss.save_signing_key_file(key, os.fspath(path)))
    except NotAllowedError as exc:
        raise FileExistsError(exc.message) from None


def save_public_key(key: PublicKey | SigningKey, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes a public key file (``smart.public-key/1``); refuses to overwrite one
    (FileExistsError)."""
    pk = key.public_key if isinstance(key, SigningKey) else key
    try:
        _iss.save_public_key_file(pk, os.fspath(path))
    except NotAllowedError as exc:
        raise FileExistsError(exc.message) from None
    return pathlib.Path(path)


def load_signing_key(path: str | os.PathLike[str]) -> SigningKey:
    """Reads a secret key file (``smart.signing-key/1``).

    Raises:
        NotFoundError: the file cannot be opened.
        ParseError, ValidationError: not a key file, or an inconsistent one. Messages
            name the file and the place, never key material.
    """
    return _iss.load_signing_key_file(os.fspath(path))


def load_public_key(path: str | os.PathLike[str]) -> PublicKey:
    """Reads a public key file (``smart.public-key/1``) — or the public half of a secret
    key file (at most 1 MiB, UTF-8).

    Raises:
        NotFoundError, ParseError, ValidationError: as :func:`load_signing_key`.
    """
    return _iss.load_public_key_file(os.fspath(path))
