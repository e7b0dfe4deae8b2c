"""Verifying certificates: a signed credential (the core verifies), a credential document
against its register record (the core compares), and a PDF: its PDF signature first
(:mod:`smart.pdf_sign`), then its register record (the words on the page must be the
stored record's)."""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import pathlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._core import _smart
from .enums import Lang
from .issuing_types import PublicKey, Register, SigningKey, VerificationStatus

if TYPE_CHECKING:
    from cryptography import x509

__all__ = ["Verification", "verify", "verify_code", "verify_document", "verify_pdf", "verify_site_token"]

_iss = _smart.issuing


@dataclass(frozen=True)
class Verification:
    """What :func:`verify` found.

    Attributes:
        status: valid, revoked, replaced, tampered or unknown_key; for a PDF also
            unsigned (no PDF signature; its words are the register's record).
        key_id: The key id the credential names.
        serial: The certificate's serial, when it could be read.
        credential: What was certified — the signed payload, as Python data — when the
            signature verified (also for revoked and replaced; for a tampered PDF, what the
            register certifies under its serial); else None.
        detail: Why, in English.
        replaced_by: The serial of the replacement when the register says the certificate
            was corrected (revoked or replaced, and re-issued), else "".
        revoked_reason: Why it was revoked (the register's), else "".
        revoked_on: When it was revoked, or None.
    """

    status: VerificationStatus
    key_id: str
    serial: str
    credential: dict[str, Any] | None
    detail: str
    replaced_by: str = ""
    revoked_reason: str = ""
    revoked_on: datetime.date | None = None

    @property
    def ok(self) -> bool:
        """True when the status is valid."""
        return self.status is VerificationStatus.valid

    def text(self, lang: Lang | str = "nb") -> str:
        """The verdict for people in nb, nn or en, in the core's words; a corrected
        certificate names its replacement ("Trukket tilbake …: … Erstattet av SMART-…")."""
        return str(
            _iss.verification_text(
                str(self.status),
                Lang(lang),
                revoked_on=self.revoked_on,
                revoked_reason=self.revoked_reason,
                replaced_by=self.replaced_by,
            )
        )


def _public_keys(trusted_keys: Iterable[PublicKey | SigningKey | str]) -> list[PublicKey]:
    """Public keys; a string is an issuer's did:key, resolved by the core (no network)."""
    return [
        _iss.resolve_did_key(k) if isinstance(k, str) else k.public_key if isinstance(k, SigningKey) else k
        for k in trusted_keys
    ]


def _verification(r: Any) -> Verification:
    cred: dict[str, Any] | None = json.loads(r.credential_json) if r.credential_json else None
    return Verification(
        VerificationStatus(r.status), r.key_id, r.serial, cred, r.detail, r.replaced_by, r.revoked_reason, r.revoked_on
    )


def verify(
    credential_jws: str,
    trusted_keys: Iterable[PublicKey | SigningKey | str],
    register: Register | None = None,
    *,
    status_list: str | None = None,
) -> Verification:
    """Checks a compact JWS credential: its key must be one of ``trusted_keys`` (keys,
    e.g. from :func:`load_public_key` or :func:`load_did_document`, or issuers' did:key
    strings; never a key from the token's header), else unknown_key; its alg must be the
    key's and its signature must match the exact bytes (else tampered); with a
    ``register``, a revoked or replaced record says so. With ``status_list`` (the text of
    the issuer's published status list credential, ``revocation.jwt``) and a credential
    that names one, its bit decides: set is revoked, without the register; a list that
    does not verify with ``trusted_keys``, is another issuer's or another URL's makes
    the verdict tampered (or unknown_key). Releases the GIL."""
    return _verification(
        _iss.verify_credential(
            credential_jws.strip(), _public_keys(trusted_keys), register, (status_list or "").strip()
        )
    )


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


def verify_code(
    serial: str,
    code: str,
    trusted_keys: Iterable[PublicKey | SigningKey],
    register: Register,
) -> Verification:
    """The check with what is printed on a certificate: its serial and verification code
    against the issuer's register (letter case aside; the code with or without its dash).
    The record's signed token must verify with one of ``trusted_keys``; a revoked or
    replaced certificate says so and names its replacement.

    Raises:
        NotFoundError: no certificate with this serial in the register.
        NotAllowedError: the code is not this certificate's (the message names neither the
            holder nor what was certified).
    """
    return _verification(_iss.verify_serial_code(register, serial.strip(), code.strip(), _public_keys(trusted_keys)))


def verify_site_token(
    credential_jws: str,
    serial: str,
    code: str,
    trusted_keys: Iterable[PublicKey | SigningKey | str],
    *,
    status_list: str | None = None,
    stated: _smart.issuing.SiteStatus | None = None,
) -> Verification:
    """The check against a published verification site (what
    :func:`smart.publish.fetch_site_certificate` fetched for a serial and code): the token
    must verify with ``trusted_keys`` (never a key from the site), against the site's
    signed ``status_list`` when it has one (a set bit is revoked, whatever ``stated``
    says), and be that serial's and code's certificate; a revoked or replaced ``stated``
    status (the site's ``status.json``) then gives the date, reason and replacement.

    Raises:
        NotAllowedError: the token is not the certificate of this serial and code.
    """
    return _verification(
        _iss.verify_site_certificate(
            credential_jws.strip(), serial, code, _public_keys(trusted_keys), (status_list or "").strip(), stated
        )
    )


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
    *,
    trusted_certs: Sequence[x509.Certificate] | None = None,
) -> Verification:
    """Checks a certificate PDF: its signature first, then the issuer's register.

    1. The PDF signature (:func:`smart.pdf_sign.verify_pdf_signature`): a signature that
       is broken, or a file changed after signing, is ``tampered`` whatever the page's
       text says; a signature intact over the whole file by a certificate that is not one
       of ``trusted_certs`` (the issuer's certificate or its CA) is ``unknown_key``. A PDF
       without a signature is ``tampered`` when ``trusted_certs`` are given (the issuer
       signs its PDFs), else — a PDF issued before PDFs were signed — ``unsigned`` when its
       words are the register's record (what a page *shows* cannot be proven without a
       signature: never ``valid``), else ``tampered``.
    2. The register: the serial printed on the page must be a record of the register
       whose signed credential verifies with one of ``trusted_keys`` (revoked and replaced
       records say so), and the words on the page must be exactly the words of that stored
       record — the holder, programme, period, competence goals, requirements, issuer,
       serial and verification code. Line breaks and spacing do not matter (see
       docs/certificates.md).

    Needs pypdf (the ``pdf`` extra) and pyHanko.

    Raises:
        ValueError: the file is not a readable PDF.
    """
    from .pdf_sign import SignatureState, public_key_of, verify_pdf_signature

    p = pathlib.Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read {p}: {exc.strerror or exc}") from None
    pages = _read_pdf_pages(p)
    keys = _public_keys(trusted_keys)
    issuer_keys = [k for k in map(public_key_of, keys) if k is not None]
    sv = verify_pdf_signature(data, list(trusted_certs or ()), issuer_keys)
    if sv.state is SignatureState.unreadable:
        raise ValueError(f"{p}: not a readable PDF ({sv.detail})")
    if sv.state is SignatureState.unsigned and trusted_certs:
        return _with_record(pages, keys, register, VerificationStatus.tampered,
                            "the PDF is not signed, but the issuer signs its certificate PDFs: it is not the issued "
                            "file")  # fmt: skip
    if sv.state in (SignatureState.broken, SignatureState.modified):
        return _with_record(pages, keys, register, VerificationStatus.tampered,
                            f"{sv.detail}: this is not the file that was signed")  # fmt: skip
    if sv.state is SignatureState.untrusted:
        return _with_record(pages, keys, register, VerificationStatus.unknown_key,
                            f"the PDF is signed by {sv.signer}, which is not one of the trusted certificates "
                            "(give the issuer's certificate)")  # fmt: skip
    v = _verify_pdf_text(pages, keys, register)
    if v.status is VerificationStatus.valid:
        # the core's detail ("the signature is valid") is about the credential's signature
        v = dataclasses.replace(
            v, detail=f"the words on the page are the register's record {v.serial}, whose signed credential verifies"
        )
    if sv.state is SignatureState.unsigned:
        if v.status is VerificationStatus.valid:
            return Verification(
                VerificationStatus.unsigned, v.key_id, v.serial, v.credential,
                f"the PDF itself is not signed (issued before PDFs were signed?): {v.detail}, but what the page "
                "shows cannot be proven without a PDF signature; verify the .jwt",
            )  # fmt: skip
        return dataclasses.replace(v, detail=f"{v.detail} (the PDF itself is not signed)")
    return dataclasses.replace(v, detail=f"{sv.detail}; {v.detail}")


def _with_record(
    pages: list[str],
    trusted_keys: Iterable[PublicKey | SigningKey],
    register: Register,
    status: VerificationStatus,
    detail: str,
) -> Verification:
    """A verdict on the PDF itself, with what the register certifies under the serial on
    the page when there is exactly one and its record verifies."""
    found = _iss.find_certificate_serials("".join(pages))
    if len(found) != 1:
        return Verification(status, "", "", None, detail)
    record = register.find(found[0])
    if record is None:
        return Verification(status, "", found[0], None, f"{detail}; the serial {found[0]} is not in the register")
    v = verify(record.credential_jws, trusted_keys, register)
    certified = v.credential if v.status not in (VerificationStatus.tampered, VerificationStatus.unknown_key) else None
    return Verification(status, v.key_id, found[0], certified, detail)


def _verify_pdf_text(
    pages: list[str],
    trusted_keys: Iterable[PublicKey | SigningKey],
    register: Register,
) -> Verification:
    """The register check of :func:`verify_pdf` (step 2) on the PDF's extracted text."""
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


# What extraction tools add that no certified text holds (the core refuses controls and
# bidirectional formatting characters in printed texts): pypdf's NUL before CJK glyphs,
# pdftotext's embedding marks around right-to-left runs.
_NOT_TEXT = dict.fromkeys([*range(0x20), 0x7F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _squeeze(text: str) -> str:
    """The text without any whitespace, in NFC: line breaks and spacing of a PDF's text
    differ between extraction tools, and so do the controls and direction marks they add
    and the composition of accented letters; the words do not."""
    return unicodedata.normalize("NFC", "".join(text.translate(_NOT_TEXT).split()))
