"""smart — the SMART competence programmes from Python.

Programmes, cohorts, attendance and submissions, and the certificate rules, evaluated by
the library's C++ core (the compiled module ``smart._smart``, private)::

    import datetime, smart

    cohort = smart.demo_cohort()                      # or smart.load_cohort("cohort.json")
    ev = cohort.evaluate(datetime.date(2025, 4, 30))  # or smart.evaluate(cohort, "2025-04-30")
    for r in ev:
        print(r.id, r.status, r.missing("en"))
    ev.to_pandas()                                    # one row per participant
    ev.to_pandas(by="requirement")                    # one row per participant x requirement

Statuses and states are str-based enums (``r.status == "eligible"``), dates are
``datetime.date``, ratios ``fractions.Fraction``. Errors derive from :class:`SmartError`.
"""

from __future__ import annotations

from ._core import _smart
from .cohort import (
    Cohort,
    Contact,
    Exemption,
    Municipality,
    Participant,
    Submission,
    Withdrawal,
    demo_cohort,
    load_cohort,
    loads_cohort,
)
from .enums import (
    AttendanceStatus,
    FestivalRole,
    FinalCategory,
    Lang,
    RequirementKind,
    RequirementState,
    Sector,
    SessionKind,
    Status,
    SubmissionKind,
    SubmissionStatus,
    WarningKind,
)
from .errors import (
    InternalError,
    InvalidArgumentError,
    NotAllowedError,
    NotFoundError,
    OutOfMemoryError,
    ParseError,
    SmartError,
    ValidationError,
)
from .evaluation import (
    Evaluation,
    Interval,
    ParticipantResult,
    RequirementResult,
    ResultNumber,
    ResultWarning,
    StatusCounts,
    evaluate,
    result_numbers,
)
from .programme import (
    AttendanceRule,
    BetweenSessionWork,
    CompetenceGoal,
    FestivalRule,
    FinalTextRule,
    IntervalNotesRule,
    LocalizedText,
    Programme,
    Requirement,
    Resource,
    Session,
    get_programme,
    load_programme,
    loads_programme,
    programme_ids,
)
from .statistics import (
    CertifiedRow,
    DayFigures,
    GroupFigures,
    Statistics,
    cohort_statistics,
    mapping_rows,
    statistics,
    synthetic_cohorts,
)

__version__: str = _smart.__version__
"""The library's version (from include/smart/version.hpp)."""

__all__ = [
    "AttendanceRule",
    "AttendanceStatus",
    "BetweenSessionWork",
    "Cohort",
    "CompetenceGoal",
    "Contact",
    "Evaluation",
    "Exemption",
    "FestivalRole",
    "FestivalRule",
    "FinalCategory",
    "FinalTextRule",
    "InternalError",
    "Interval",
    "IntervalNotesRule",
    "InvalidArgumentError",
    "Lang",
    "LocalizedText",
    "Municipality",
    "NotAllowedError",
    "NotFoundError",
    "OutOfMemoryError",
    "ParseError",
    "Participant",
    "ParticipantResult",
    "Programme",
    "Requirement",
    "RequirementKind",
    "RequirementResult",
    "RequirementState",
    "Resource",
    "ResultNumber",
    "ResultWarning",
    "Sector",
    "Session",
    "SessionKind",
    "SmartError",
    "Statistics",
    "GroupFigures",
    "DayFigures",
    "CertifiedRow",
    "Status",
    "StatusCounts",
    "Submission",
    "SubmissionKind",
    "SubmissionStatus",
    "ValidationError",
    "WarningKind",
    "Withdrawal",
    "__version__",
    "cohort_statistics",
    "demo_cohort",
    "evaluate",
    "get_programme",
    "load_cohort",
    "load_programme",
    "loads_cohort",
    "loads_programme",
    "programme_ids",
    "result_numbers",
    "statistics",
    "mapping_rows",
    "synthetic_cohorts",
]

# Issuing certificates (docs/certificates.md): keys, frozen records, signed Open Badges 3.0
# credentials, verification and the register; the documents and bulk issuing.
from . import issuing  # noqa: E402
from .issuing import (  # noqa: E402
    CertificateData,
    CertificateRecord,
    Issuer,
    PublicKey,
    RecordStatus,
    Register,
    SigningKey,
    Verification,
    VerificationStatus,
    generate_signing_key,
    issue_cohort,
    load_public_key,
    load_signing_key,
    save_signing_key,
    verify,
)

__all__ += [
    "CertificateData",
    "CertificateRecord",
    "Issuer",
    "PublicKey",
    "RecordStatus",
    "Register",
    "SigningKey",
    "Verification",
    "VerificationStatus",
    "generate_signing_key",
    "issue_cohort",
    "issuing",
    "load_public_key",
    "load_signing_key",
    "save_signing_key",
    "verify",
]

# Follow-up without a certificate (docs/follow-up.md): attendance and between-session work.
from .follow_up import (  # noqa: E402
    FollowUp,
    FollowUpAttendance,
    FollowUpEntry,
    FollowUpGathering,
    FollowUpParticipant,
    WorkStatus,
)

__all__ += [
    "FollowUp",
    "FollowUpAttendance",
    "FollowUpEntry",
    "FollowUpGathering",
    "FollowUpParticipant",
    "WorkStatus",
]
# Long-term agreements (docs/agreements.md): plan, records, reports and the portfolio.
from .agreement import Agreement, AgreementReport, CohortSeat, Portfolio, agreement_portfolio, seats_in_cohort  # noqa: E402

__all__ += ["Agreement", "AgreementReport", "CohortSeat", "Portfolio", "agreement_portfolio", "seats_in_cohort"]
# Norwegian public holidays and iCalendar export (docs/calendar.md).
from . import calendar  # noqa: E402
from .calendar import Holiday, ScheduleWarning, easter_sunday, holidays_in, public_holiday  # noqa: E402

__all__ += ["Holiday", "ScheduleWarning", "calendar", "easter_sunday", "holidays_in", "public_holiday"]
# What each participant must still do, and by when (docs/next-steps.md).
from .enums import StepKind  # noqa: E402
from . import next_steps  # noqa: E402
from .next_steps import *  # noqa: E402,F403  (its __all__: one list of the next-steps names)

__all__ += next_steps.__all__
__all__ += ["StepKind"]

# Spreadsheet import as administrators keep it (docs/import.md).
from .errors import SheetImportError, SheetProblem  # noqa: E402
from .workbook import read_workbook, write_template  # noqa: E402

__all__ += ["SheetImportError", "SheetProblem", "read_workbook", "write_template"]

# One language per output (docs/python.md, "Languages"): the default of every lang=None.
from ._texts import get_language, set_language  # noqa: E402

__all__ += ["get_language", "set_language"]

# The official register of municipalities of 2024 (docs/format.md, "Municipalities").
from .enums import MunicipalityWarningKind  # noqa: E402
from .municipalities import RegisteredMunicipality, municipality, municipality_register  # noqa: E402

__all__ += ["MunicipalityWarningKind", "RegisteredMunicipality", "municipality", "municipality_register"]


def __dir__() -> list[str]:
    """Only the public API (``__all__``): ``dir(smart)`` lists no private modules or imports."""
    return sorted(__all__)
