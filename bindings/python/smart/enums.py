"""The library's enumerations, as str-based enums.

Each member *is* its name as a string, so it compares to it (``status == "eligible"``),
formats as it (``f"{status}"``) and serialises as it. The names are those of the JSON
documents (docs/format.md) and of the C++ core, which converts them at the boundary with its
own name tables; a test checks that the two lists agree.
"""

from __future__ import annotations

import enum

__all__ = [
    "AttendanceStatus",
    "FestivalRole",
    "FinalCategory",
    "Lang",
    "RequirementKind",
    "RequirementState",
    "Sector",
    "SessionKind",
    "Status",
    "StepKind",
    "SubmissionKind",
    "SubmissionStatus",
    "WarningKind",
    "MunicipalityWarningKind",
]


class _StrEnum(str, enum.Enum):
    """A str-based enum whose str() and format() give the member's name."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}>"


class Status(_StrEnum):
    """A participant's overall status as of a date."""

    eligible = "eligible"
    """Every requirement met or exempt."""
    not_eligible = "not_eligible"
    """Some requirement can no longer be met."""
    in_progress = "in_progress"
    """Neither yet."""
    no_certificate = "no_certificate"
    """The programme has no certificate rules."""
    withdrawn = "withdrawn"
    """Withdrawn on or before the date (the requirement states are still evaluated)."""

    def label(self, lang: Lang | str = "nb", *, at_risk: bool = False) -> str:
        """The status as a person reads it, in the core's words: ``Status.not_eligible.label("nn")``
        is "har ikkje rett"; with ``at_risk`` the note is added: "pågår (i faresonen)"."""
        from ._core import _smart

        return _smart.evaluation.status_label(self, at_risk, lang)


class RequirementState(_StrEnum):
    """The state of one requirement for one participant as of a date."""

    met = "met"
    """Fulfilled."""
    unmet = "unmet"
    """Can no longer be fulfilled."""
    pending = "pending"
    """Not fulfilled yet, still possible."""
    exempt = "exempt"
    """Waived by a recorded exemption."""

    def label(self, lang: Lang | str = "nb") -> str:
        """The state as a person reads it, in the core's words: ``RequirementState.unmet.label("nn")``
        is "ikkje oppfylt"."""
        from ._core import _smart

        return _smart.evaluation.requirement_state_label(self, lang)


class RequirementKind(_StrEnum):
    """The kinds of certificate requirement."""

    attendance = "attendance"
    interval_notes = "interval_notes"
    final_text = "final_text"
    festival = "festival"

    def label(self, lang: Lang | str = "nb") -> str:
        """The kind as a short name, in the core's words: ``RequirementKind.final_text.label("nn")``
        is "avsluttande tekst"."""
        from ._core import _smart

        return _smart.evaluation.requirement_kind_label(self, lang)


class SessionKind(_StrEnum):
    """What a session is. Only gatherings count for attendance by default."""

    gathering = "gathering"
    festival = "festival"
    kick_off = "kick_off"
    other = "other"


class AttendanceStatus(_StrEnum):
    """What was recorded for a participant on a session day (no record: None)."""

    present = "present"
    late = "late"
    excused = "excused"
    absent = "absent"


class Sector(_StrEnum):
    """The sector a participant works in."""

    public = "public"
    private = "private"
    voluntary = "voluntary"

    def label(self, lang: Lang | str = "nb") -> str:
        """The sector as a person reads it, in the core's words: ``Sector.public.label("nn")``
        is "offentleg"."""
        from ._core import _smart

        return _smart.evaluation.sector_label(self, lang)


class SubmissionKind(_StrEnum):
    """Kinds of submitted documentation."""

    reflection = "reflection"
    practice_blog = "practice_blog"
    practice_document = "practice_document"
    final_text = "final_text"
    portfolio = "portfolio"
    between_session_work = "between_session_work"


class SubmissionStatus(_StrEnum):
    """The status of a submission; a rejected one never counts."""

    submitted = "submitted"
    approved = "approved"
    rejected = "rejected"


class FinalCategory(_StrEnum):
    """Categories of a final text (no category: None)."""

    method = "method"
    results = "results"
    problem = "problem"
    insight = "insight"
    other = "other"


class FestivalRole(_StrEnum):
    """Roles at the festival (no role: None)."""

    exhibition = "exhibition"
    workshop = "workshop"
    process_leader = "process_leader"


class WarningKind(_StrEnum):
    """Kinds of warning an evaluation gives about a participant's records."""

    unrecorded_day = "unrecorded_day"
    note_outside_intervals = "note_outside_intervals"
    pages_out_of_range = "pages_out_of_range"
    late_final_text = "late_final_text"
    category_not_accepted = "category_not_accepted"
    festival_role_not_accepted = "festival_role_not_accepted"
    late_portfolio = "late_portfolio"


class Lang(_StrEnum):
    """Languages of user-facing text: Norwegian bokmål, nynorsk, English."""

    nb = "nb"
    nn = "nn"
    en = "en"


class StepKind(_StrEnum):
    """What a next step asks for (docs/next-steps.md)."""

    attend = "attend"
    note = "note"
    portfolio_approval = "portfolio_approval"
    final_text = "final_text"
    festival = "festival"


class MunicipalityWarningKind(_StrEnum):
    """What a municipality warning is about (docs/format.md, "Municipalities")."""

    two_names = "two_names"
    """One number recorded with different names in the cohort."""
    not_register_name = "not_register_name"
    """A number of the register recorded only with names that are not its official ones."""
    not_in_register = "not_in_register"
    """A number not in the register of 2024, in a cohort whose first day is in 2024 or later."""
