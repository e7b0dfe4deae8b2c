"""Correcting an issued certificate in one step: the core revokes it for correction and
issues the corrected one from the participant's current record, in one appended register
line (``Register.reissue(..., reason=...)``); this module finds the participant's current
data in the corrected cohort and writes the new certificate's documents (``smart reissue``)."""

from __future__ import annotations

import datetime
import os
import pathlib
from typing import TYPE_CHECKING

from .cohort import Cohort, DateLike
from .enums import Lang
from .errors import NotAllowedError, NotFoundError
from .issuing_documents import certificate_data, write_documents
from .issuing_types import CertificateRecord, Issuer, Register, SigningKey

if TYPE_CHECKING:
    from .pdf_sign import PdfSigner

__all__ = ["reissue_certificate"]


def reissue_certificate(
    register: Register,
    serial: str,
    reason: str,
    cohort: Cohort,
    key: SigningKey,
    out_dir: str | os.PathLike[str],
    *,
    issued_on: DateLike | None = None,
    as_of: DateLike | None = None,
    issuer: Issuer | None = None,
    lang: Lang | str | None = None,
    verify_url: str | None = None,
    mode: int = 0o600,
    pdf_signer: PdfSigner | None = None,
) -> tuple[CertificateRecord, list[pathlib.Path]]:
    """Corrects the certificate ``serial`` (letter case aside): revokes it for correction
    with ``reason`` (a revoked one keeps its revocation) and issues the corrected one from
    its participant's current record in ``cohort`` — correct the name or municipality
    first with :meth:`smart.Cohort.correct_participant` — linked both ways (the new record
    ``replaces`` the old, the old is ``replaced_by`` the new), then writes the new record's
    documents into ``out_dir`` with the permission bits ``mode`` (the PDF signed by
    ``pdf_signer`` when given). A corrected name that cannot be printed is refused before
    anything is registered.

    Args:
        as_of: The evaluation date (default: the one the old certificate states, so only the
            corrected details change).
        issued_on: The new certificate's date (default: today); also the revocation's.
        issuer: Default: the old certificate's issuer.
        lang: Default: the old certificate's language.

    Returns:
        The new record and the files written.

    Raises:
        NotFoundError: no such serial in the register, or its participant is not in the cohort.
        NotAllowedError: re-issued already (the message names the successor), or the
            participant is not eligible as of ``as_of``.
        InvalidArgumentError: an empty reason.
        NotAllowedError: the corrected name cannot be printed (nothing registered).
    """
    old = register.find(serial)
    if old is None:
        raise NotFoundError(f"no certificate with serial {serial!r} in the register {register.path}")
    evaluation = cohort.evaluate(as_of if as_of is not None else old.data.as_of)
    data = certificate_data(evaluation, old.data.participant_id)
    from .pdf_names import name_problem

    problem = name_problem(data.holder)
    if problem is not None:
        why = "it is too long" if problem[0] == "too_long" else f"no font has the character {problem[1]}"
        raise NotAllowedError(f"the corrected name {data.holder!r} cannot be printed ({why}): nothing was registered")
    record = register.reissue(
        old.serial,
        data,
        issuer if issuer is not None else old.issuer,
        key,
        issued_on if issued_on is not None else datetime.date.today(),
        Lang(lang) if lang is not None else old.language,
        reason=reason,
    )
    written = write_documents(record, out_dir, verify_url=verify_url, mode=mode, pdf_signer=pdf_signer)
    return record, written
