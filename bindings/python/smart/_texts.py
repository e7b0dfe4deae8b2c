"""Column headings and the summary line for presenting results in bokmål, nynorsk and
English (the CLI's table and the notebook's HTML). The words for statuses and states, like
the explanations, come from the core."""

from __future__ import annotations

from ._core import _smart
from .enums import Lang, Status

HEADERS = {
    Lang.nb: {"participant": "deltaker", "status": "status", "missing": "mangler", "as_of": "per", "warnings": "advarsler"},
    Lang.nn: {"participant": "deltakar", "status": "status", "missing": "manglar", "as_of": "per", "warnings": "åtvaringar"},
    Lang.en: {"participant": "participant", "status": "status", "missing": "missing", "as_of": "as of", "warnings": "warnings"},
}


def status_label(status: Status, at_risk: bool, lang: Lang) -> str:
    """The status as a person reads it, e.g. "pågår (i faresonen)" (the core's words)."""
    return status.label(lang, at_risk=at_risk)


def summary(counts_eligible: int, not_eligible: int, in_progress: int, at_risk: int, no_certificate: int, lang: Lang) -> str:
    """One line of counts by status."""
    parts = [
        f"{Status.eligible.label(lang)} {counts_eligible}",
        f"{Status.not_eligible.label(lang)} {not_eligible}",
        f"{Status.in_progress.label(lang)} {in_progress} ({_smart.evaluation.at_risk_label(lang)} {at_risk})",
    ]
    if no_certificate:
        parts.append(f"{Status.no_certificate.label(lang)} {no_certificate}")
    return ", ".join(parts)
