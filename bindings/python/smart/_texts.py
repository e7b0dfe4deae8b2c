"""Headings and the summary line for presenting results in bokmål, nynorsk and English (the
CLI's tables and the notebook's HTML). Every word comes from the core: the statuses, states
and explanations, and the headings (smart/headings.hpp)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._core import _smart
from .enums import Lang, Status

if TYPE_CHECKING:
    from .evaluation import StatusCounts


def heading(key: str, lang: Lang) -> str:
    """A heading by key ("participant", "status", "missing", "as_of", "warnings", ...)."""
    text: str = _smart.evaluation.heading(key, lang)
    return text


def status_label(status: Status, at_risk: bool, lang: Lang) -> str:
    """The status as a person reads it, e.g. "pågår (i faresonen)" (the core's words)."""
    return status.label(lang, at_risk=at_risk)


def summary(counts: StatusCounts, lang: Lang) -> str:
    """One line of counts by status, in the core's words (withdrawn and no certificate only
    when there are any)."""
    parts = [
        f"{Status.eligible.label(lang)} {counts.eligible}",
        f"{Status.not_eligible.label(lang)} {counts.not_eligible}",
        f"{Status.in_progress.label(lang)} {counts.in_progress} ({_smart.evaluation.at_risk_label(lang)} {counts.at_risk})",
    ]
    if counts.no_certificate:
        parts.append(f"{Status.no_certificate.label(lang)} {counts.no_certificate}")
    if counts.withdrawn:
        parts.append(f"{Status.withdrawn.label(lang)} {counts.withdrawn}")
    return ", ".join(parts)
