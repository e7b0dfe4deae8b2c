"""The documents of a certificate record: the PDF's text (the core's words), the OB 3.0
JSON and the signed token, written whole or not at all."""

from __future__ import annotations

import json
import os
import pathlib
from typing import TYPE_CHECKING, Any

from ._core import _smart
from .enums import Lang
from .evaluation import Evaluation
from .issuing_types import CertificateData, CertificateRecord, Wording

if TYPE_CHECKING:
    from .pdf_sign import PdfSigner

__all__ = [
    "certificate_data",
    "certificate_text",
    "verification_token",
    "document_paths",
    "open_badge_credential",
    "wording",
    "write_documents",
]

_iss = _smart.issuing


def certificate_data(evaluation: Evaluation, participant: int | str) -> CertificateData:
    """What a certificate for this participant of the evaluation states.

    Raises:
        NotAllowedError: the participant is not eligible, the programme has no
            certificate, or the evaluation is dated before the cohort's last day.
        NotFoundError: no participant has this id.
    """
    core = evaluation._e
    index = core.index_of(participant) if isinstance(participant, str) else participant
    return _iss.certificate_for(core, index)


def wording(record: CertificateRecord, lang: Lang | str | None = None) -> Wording:
    """The certificate's words (title, attesting sentence, goals, requirements, issuer,
    serial, code), in ``lang`` — by default the language it was issued in."""
    return _iss.wording(record, Lang(lang) if lang is not None else None)


def open_badge_credential(record: CertificateRecord) -> dict[str, Any]:
    """The Open Badges 3.0 ``AchievementCredential`` of a record (the credential the
    record's JWS signs, without the JWT claims iss, jti and nbf)."""
    doc: dict[str, Any] = json.loads(_iss.open_badge_credential(record))
    return doc


def verification_token(serial: str, code: str) -> str:
    """The token of a certificate's page on a published verification site
    (``URL/c/<token>/``, :mod:`smart.publish`): 26 lowercase base32 characters of SHA-256
    of ``"smart-verify:" + SERIAL + ":" + CODE`` (serial in upper case, code in upper case
    without dashes). Raises InvalidArgumentError for a serial not of a serial's form or an
    empty code."""
    return str(_iss.verification_token(serial, code))


def _qr_text(record: CertificateRecord, verify_url: str | None) -> str:
    url = verify_url or record.issuer.url
    if url:  # the certificate's page on the issuer's published site (smart publish)
        return f"{url.rstrip('/')}/c/{verification_token(record.serial, record.verification_code)}/"
    return f"{record.serial} {record.verification_code}"


def certificate_text(record: CertificateRecord, *, verify_url: str | None = None) -> Any:
    """The :class:`smart.pdf.CertificateText` of a record: the core's words in the record's
    language; the QR code carries ``"SMART-… XXXX-XXXX"`` or, with ``verify_url`` (default:
    the issuer's url), the certificate's page on the published site, ``URL/c/<token>/``."""
    from .pdf import CertificateText

    w = _iss.wording(record, None)
    lang = str(record.language)
    return CertificateText(
        title=w.title,
        holder=w.holder_line,
        attests=w.attests,
        goals_heading=w.goals_heading,
        goals=tuple(w.goals),
        requirements_heading=w.requirements_heading,
        requirements=tuple(w.requirements),
        issued_line=w.issued_line,
        serial_line=w.serial_line,
        code_line=w.code_line,
        verify_hint=w.verify_hint,
        qr_text=_qr_text(record, verify_url),
        lang=lang,
        programme=record.data.programme_name.get(lang),
        keywords=(record.serial, record.data.programme_id, record.data.cohort_id),
    )


def write_atomic(path: pathlib.Path, data: bytes, mode: int | None = None) -> None:
    """The core's atomic, durable replacement: a temporary ``.NAME.PID.UNIQUE.tmp`` in the
    same folder, fsync, rename, fsync of the folder; with ``mode``, exactly those
    permission bits before the file appears."""
    _smart.file.write_file_atomic(path, data, mode=mode)


def document_paths(record: CertificateRecord, out_dir: str | os.PathLike[str]) -> dict[str, pathlib.Path]:
    """The files of a record in ``out_dir``: ``<serial>.pdf``, ``<serial>.json`` (the OB 3.0
    credential) and ``<serial>.jwt`` (the signed compact token)."""
    d = pathlib.Path(out_dir)
    return {ext: d / f"{record.serial}.{ext}" for ext in ("jwt", "json", "pdf")}


def write_documents(
    record: CertificateRecord,
    out_dir: str | os.PathLike[str],
    *,
    verify_url: str | None = None,
    only_missing: bool = True,
    mode: int = 0o600,
    pdf_signer: PdfSigner | None = None,
) -> list[pathlib.Path]:
    """Writes a record's documents (:func:`document_paths`) from the stored record, each
    whole or not at all (temporary file, then rename), with the permission bits ``mode``
    (0600 by default, as the register: they hold the holder's name). With
    ``only_missing`` (default), files that exist are left as they are. With ``pdf_signer``
    (a :class:`smart.pdf_sign.PdfSigner`: the issuer's key and certificate chain), the PDF
    is signed (PAdES B-B over the whole file). Returns the files written."""
    written: list[pathlib.Path] = []
    for ext, p in document_paths(record, out_dir).items():
        if only_missing and p.exists():
            continue
        if ext == "jwt":
            write_atomic(p, (record.credential_jws + "\n").encode("ascii"), mode)
        elif ext == "json":
            write_atomic(p, _iss.open_badge_credential(record).encode("utf-8"), mode)
        else:
            from .pdf import render_certificate

            render_certificate(certificate_text(record, verify_url=verify_url), p, signer=pdf_signer, mode=mode)
        written.append(p)
    return written
