"""Headings and the summary line for presenting results in bokmål, nynorsk and English (the
CLI's tables and the notebook's HTML). Every word comes from the core: the statuses, states
and explanations, and the headings (smart/headings.hpp)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._core import _smart
from .enums import Lang, Status

if TYPE_CHECKING:
    from .evaluation import StatusCounts


_default_lang: Lang = Lang.nb


def set_language(lang: Lang | str) -> None:
    """Sets the language every output uses when none is given (``lang=None``): HTML reprs
    and ``to_html``, plots, and the words of tables. ``"nb"`` (the default), ``"nn"`` or
    ``"en"``; raises ValueError naming them for another value. Process-wide."""
    global _default_lang
    _default_lang = _lang_arg(lang)


def get_language() -> Lang:
    """The language outputs use when none is given (see :func:`set_language`)."""
    return _default_lang


def _lang_arg(lang: Lang | str) -> Lang:
    try:
        return Lang(lang)
    except ValueError:
        raise ValueError(f"lang must be one of 'nb', 'nn', 'en', not {lang!r}") from None


def resolve(lang: Lang | str | None) -> Lang:
    """``lang`` as a Lang, or the module's default (:func:`set_language`) when None."""
    return _default_lang if lang is None else _lang_arg(lang)


def counted(n: int, singular: str, plural: str, lang: Lang) -> str:
    """"1 participant", "3 participants": the count with the heading in the right number
    (``singular`` and ``plural`` are heading keys, e.g. "participant" and "participants")."""
    return f"{n} {heading(singular if n == 1 else plural, lang)}"


def heading(key: str, lang: Lang) -> str:
    """A heading by key ("participant", "status", "missing", "as_of", "warnings", ...)."""
    text: str = _smart.evaluation.heading(key, lang)
    return text


def at_risk_label(lang: Lang) -> str:
    """"i faresonen" / "i faresona" / "at risk" (the core's words)."""
    text: str = _smart.evaluation.at_risk_label(lang)
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
