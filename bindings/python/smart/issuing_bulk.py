"""Bulk issuing for a cohort: the core decides who gets a certificate, who has one and why
the others get none (``issue_cohort`` of the C++ core); this module writes the documents
of every issued or stored record and the ``not-issued.csv`` report."""

from __future__ import annotations

import csv
import datetime
import io
import os
import pathlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._core import _smart
from .cohort import DateLike
from .enums import Lang
from .evaluation import Evaluation
from .issuing_documents import write_atomic, write_documents
from .issuing_types import CertificateRecord, IssueOutcome, Issuer, Register, SigningKey

if TYPE_CHECKING:
    from .pdf_sign import PdfSigner

__all__ = ["REPORT_FIELDS", "IssueReport", "issue_cohort"]

_iss = _smart.issuing

REPORT_FIELDS = ["participant_id", "name", "status", "reason"]


@dataclass
class IssueReport:
    """What :func:`issue_cohort` did.

    Attributes:
        issued: Records newly issued in this run (replacements of certificates revoked
            for correction included: their entries say ``reissued``).
        existing: Records found in the register (issued by an earlier or a concurrent
            run) and rendered from the stored record.
        written: Files written in this run.
        not_issued: ``(participant_id, name, outcome, reason)`` for everyone who got no
            certificate, as the core decided: not_eligible or in_progress (the reason is
            the core's explanation of what is missing), no_certificate, revoked (revoked
            for another reason than a correction: only a re-issue makes a new one),
            too_early, withdrawn or not_printable (the name cannot be printed: a character
            no font has, or too long; nothing registered).
        entries: The core's decision for every participant, in the cohort's order
            (``IssueEntry``: participant, participant_id, name, outcome, record, reason).
    """

    issued: list[CertificateRecord] = field(default_factory=list)
    existing: list[CertificateRecord] = field(default_factory=list)
    written: list[pathlib.Path] = field(default_factory=list)
    not_issued: list[tuple[str, str, str, str]] = field(default_factory=list)
    entries: list[Any] = field(default_factory=list)


def _remove_leftovers(folder: pathlib.Path) -> None:
    """Removes the temporary files of writers that died (killed while writing a document:
    ``.NAME.PID.XXXX.tmp``, PID no longer running). A live writer's files are left alone:
    another run may be writing into the same folder."""
    for p in folder.glob(".*.tmp"):
        parts = p.name.split(".")
        try:
            pid = int(parts[-3])
            os.kill(pid, 0)
        except ProcessLookupError:
            p.unlink(missing_ok=True)
        except (ValueError, IndexError, PermissionError):
            continue


def _write_report(out: pathlib.Path, rows: list[tuple[str, str, str, str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(REPORT_FIELDS)
    w.writerows(rows)
    write_atomic(out / "not-issued.csv", buf.getvalue().encode("utf-8"))


def issue_cohort(
    evaluation: Evaluation,
    out_dir: str | os.PathLike[str],
    key: SigningKey,
    issuer: Issuer,
    *,
    issued_on: DateLike | None = None,
    lang: Lang | str = "nb",
    verify_url: str | None = None,
    key_file: str | os.PathLike[str] | None = None,
    progress: Callable[[Iterable[int], int], Iterable[int]] | None = None,
    mode: int = 0o600,
    pdf_signer: PdfSigner | None = None,
) -> IssueReport:
    """Issues a certificate to every eligible participant of ``evaluation`` and writes
    their documents into ``out_dir``; the register is ``out_dir/register.jsonl``.

    Who gets what is the core's decision (docs/certificates.md, "Bulk issuing"): a valid
    record in the register is used as stored (never re-made from today's data); otherwise
    the register issues one under its lock, so a concurrent run cannot issue twice. A
    participant whose newest certificate was revoked for correction
    (``Register.revoke(..., correction=True)``) gets the replacement from the evaluation's
    current data, linked both ways (``reissued``); one revoked for another reason gets no
    new one (re-issue explicitly). Then any of a record's files that is missing is written — the register
    entry always exists before its documents, so a run killed half-way is completed by the
    next run, which issues nothing twice and gives the same serials (and removes the killed
    run's temporary files). The participants without a certificate, with the reason, are
    written to ``out_dir/not-issued.csv``. Before anything, every package and font a
    certificate needs must be there (:func:`smart.pdf_names.check_requirements`), and a
    participant whose name cannot be printed gets nothing (not_printable).

    Args:
        key_file: Where the key was read from; refused when it lies inside ``out_dir``.
        progress: Wraps the loop over the documents written, e.g.
            ``lambda it, n: tqdm(it, total=n)``.
        mode: The permission bits of a new register and of every document written
            (0600 unless configured: they hold the holders' names).
        pdf_signer: Signs every PDF written (:class:`smart.pdf_sign.PdfSigner`, built once
            from the issuer's key and certificate chain); without it the PDFs are unsigned.

    Raises:
        InvalidArgumentError (a ValueError): the key file is inside the output folder.
        ImportError, FileNotFoundError: a Python package or a font package is missing
            (nothing registered, nothing written).
    """
    from .pdf_names import check_requirements, name_problem

    check_requirements()  # before anything is registered: a missing package or font is one error
    out = pathlib.Path(out_dir)
    if key_file is not None:
        _iss.check_key_outside(os.fspath(key_file), os.fspath(out))
    out.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    day = issued_on if issued_on is not None else datetime.date.today()
    # the names the PDF cannot print: the core registers nothing for them (not_printable)
    unprintable = {n: why for n in {p.name for p in evaluation.cohort} if (why := name_problem(n)) is not None}
    core = _iss.issue_cohort(
        Register(out / "register.jsonl", mode=mode), evaluation._e, issuer, key, day, Lang(lang), unprintable=unprintable
    )
    report = IssueReport(entries=list(core.entries))
    given = (IssueOutcome.issued, IssueOutcome.already_issued, IssueOutcome.reissued)
    with_record = [x for x in report.entries if x.outcome in given]
    report.not_issued = [
        (x.participant_id, x.name, str(x.outcome), x.reason) for x in report.entries if x.outcome not in given
    ]
    indices: Iterable[int] = range(len(with_record))
    if progress is not None:
        indices = progress(indices, len(with_record))
    for i in indices:
        x = with_record[i]
        (report.existing if x.outcome is IssueOutcome.already_issued else report.issued).append(x.record)
        report.written += write_documents(x.record, out, verify_url=verify_url, mode=mode, pdf_signer=pdf_signer)
    _write_report(out, report.not_issued)
    return report


def _tqdm_progress(enabled: bool | None = None) -> Callable[[Iterable[int], int], Iterable[int]] | None:
    """A tqdm progress bar on stderr when it is a terminal (and tqdm is installed)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None

    def bar(it: Iterable[int], total: int) -> Iterable[int]:
        return tqdm(it, total=total, unit="participant", file=sys.stderr)

    return bar
