"""Labels for presenting results in bokmål, nynorsk and English (the CLI's table and the
notebook's HTML). Presentation only: the explanations themselves come from the core."""

from __future__ import annotations

from .enums import Lang, RequirementState, Status

STATUS: dict[Lang, dict[Status, str]] = {
    Lang.nb: {
        Status.eligible: "har rett",
        Status.not_eligible: "har ikke rett",
        Status.in_progress: "pågår",
        Status.no_certificate: "uten bevis",
    },
    Lang.nn: {
        Status.eligible: "har rett",
        Status.not_eligible: "har ikkje rett",
        Status.in_progress: "i gang",
        Status.no_certificate: "utan bevis",
    },
    Lang.en: {
        Status.eligible: "eligible",
        Status.not_eligible: "not eligible",
        Status.in_progress: "in progress",
        Status.no_certificate: "no certificate",
    },
}

AT_RISK = {Lang.nb: "i faresonen", Lang.nn: "i faresona", Lang.en: "at risk"}

STATE: dict[Lang, dict[RequirementState, str]] = {
    Lang.nb: {
        RequirementState.met: "oppfylt",
        RequirementState.unmet: "ikke oppfylt",
        RequirementState.pending: "venter",
        RequirementState.exempt: "fritatt",
    },
    Lang.nn: {
        RequirementState.met: "oppfylt",
        RequirementState.unmet: "ikkje oppfylt",
        RequirementState.pending: "ventar",
        RequirementState.exempt: "fritatt",
    },
    Lang.en: {
        RequirementState.met: "met",
        RequirementState.unmet: "unmet",
        RequirementState.pending: "pending",
        RequirementState.exempt: "exempt",
    },
}

HEADERS = {
    Lang.nb: {"participant": "deltaker", "status": "status", "missing": "mangler", "as_of": "per", "warnings": "advarsler"},
    Lang.nn: {"participant": "deltakar", "status": "status", "missing": "manglar", "as_of": "per", "warnings": "åtvaringar"},
    Lang.en: {"participant": "participant", "status": "status", "missing": "missing", "as_of": "as of", "warnings": "warnings"},
}


def status_label(status: Status, at_risk: bool, lang: Lang) -> str:
    """The status as a person reads it, e.g. "pågår (i faresonen)"."""
    text = STATUS[lang][status]
    return f"{text} ({AT_RISK[lang]})" if at_risk else text


def summary(counts_eligible: int, not_eligible: int, in_progress: int, at_risk: int, no_certificate: int, lang: Lang) -> str:
    """One line of counts by status."""
    s = STATUS[lang]
    parts = [
        f"{s[Status.eligible]} {counts_eligible}",
        f"{s[Status.not_eligible]} {not_eligible}",
        f"{s[Status.in_progress]} {in_progress} ({AT_RISK[lang]} {at_risk})",
    ]
    if no_certificate:
        parts.append(f"{s[Status.no_certificate]} {no_certificate}")
    return ", ".join(parts)
