"""Signing keys and key files: the core generates, writes (mode 0600, never overwriting)
and reads them; this module converts paths and errors."""

from __future__ import annotations

import os
import pathlib

from ._core import _smart
from .errors import NotAllowedError
from .issuing_types import KeyAlgorithm, PublicKey, SigningKey

__all__ = [
    "did_document",
    "did_web",
    "did_web_document_url",
    "generate_signing_key",
    "load_did_document",
    "load_public_key",
    "load_signing_key",
    "public_key_path",
    "resolve_did_key",
    "save_did_document",
    "save_public_key",
    "save_signing_key",
]

_iss = _smart.issuing


def generate_signing_key(algorithm: KeyAlgorithm | str = KeyAlgorithm.es256) -> SigningKey:
    """A fresh key pair from the operating system's randomness: ECDSA P-256 (``ES256``)
    unless told ``Ed25519`` (kept for the keys made before)."""
    return _iss.generate_signing_key(str(KeyAlgorithm(algorithm)))


def resolve_did_key(did: str) -> PublicKey:
    """The public key a ``did:key`` (or a did:key URL ``did:key:z…#z…``) names, resolved
    without any network: a trusted key for :func:`verify`.

    Raises:
        InvalidArgumentError: not a did:key of a P-256 or Ed25519 key.
    """
    return _iss.resolve_did_key(did)


def did_web(url: str) -> str:
    """The ``did:web`` of an issuer's https URL (``https://kommune.no`` ->
    ``did:web:kommune.no``). Raises InvalidArgumentError for anything else."""
    return _iss.did_web(url)


def did_web_document_url(did: str) -> str:
    """Where a did:web's document is published: ``https://host/.well-known/did.json``, or
    ``https://host/path/did.json``."""
    return _iss.did_web_document_url(did)


def did_document(key: PublicKey | SigningKey, url: str | None = None) -> str:
    """The DID document (``did.json``) publishing the key: under the did:web of ``url``
    (the issuer's https address), or under the key's did:key without one."""
    pk = key.public_key if isinstance(key, SigningKey) else key
    return _iss.did_document(pk, _iss.did_web(url) if url else pk.did)


def save_did_document(key: PublicKey | SigningKey, url: str, path: str | os.PathLike[str]) -> pathlib.Path:
    """Writes :func:`did_document` for ``url`` to a new file (mode 0644); refuses to
    overwrite one (FileExistsError)."""
    text = did_document(key, url)
    p = pathlib.Path(path)
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return p


def load_did_document(path: str | os.PathLike[str]) -> list[PublicKey]:
    """The keys a DID document file (``did.json``, e.g. as downloaded from
    :func:`did_web_document_url`) publishes, each with its method's fragment as key id.

    Raises:
        OSError: the file cannot be read.
        ParseError, ValidationError: not a DID document, or one with no usable key.
    """
    return _iss.load_did_document(pathlib.Path(path).read_text(encoding="utf-8"))


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
    """Writes a public key file (``smart.public-key/2``); refuses to overwrite one
    (FileExistsError)."""
    pk = key.public_key if isinstance(key, SigningKey) else key
    try:
        _iss.save_public_key_file(pk, os.fspath(path))
    except NotAllowedError as exc:
        raise FileExistsError(exc.message) from None
    return pathlib.Path(path)


def load_signing_key(path: str | os.PathLike[str]) -> SigningKey:
    """Reads a secret key file (``smart.signing-key/2``, or ``/1`` of an Ed25519 key).

    Raises:
        NotFoundError: the file cannot be opened.
        ParseError, ValidationError: not a key file, or an inconsistent one. Messages
            name the file and the place, never key material.
    """
    return _iss.load_signing_key_file(os.fspath(path))


def load_public_key(path: str | os.PathLike[str]) -> PublicKey:
    """Reads a public key file (``smart.public-key/2``, or ``/1`` of an Ed25519 key; at
    most 1 MiB, UTF-8).

    Raises:
        NotFoundError, ParseError, ValidationError: as :func:`load_signing_key`; a secret
            key file is refused (ValidationError: "this is a secret key; give the public
            key file …").
    """
    return _iss.load_public_key_file(os.fspath(path))
