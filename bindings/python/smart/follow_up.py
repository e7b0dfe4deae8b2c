"""Follow-up without a certificate: attendance and between-session work (*mellomarbeid*)
per participant and gathering, as of a date (docs/follow-up.md).

The core follows up and writes a ``smart.follow_up/1`` document; this module reads it into
plain objects. Every status, label and sentence comes from the core.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._core import _smart
from .enums import Lang, _StrEnum

if TYPE_CHECKING:
    import pandas as pd

    from .cohort import Cohort

__all__ = [
    "FollowUp",
    "FollowUpAttendance",
    "FollowUpEntry",
    "FollowUpGathering",
    "FollowUpParticipant",
    "WorkStatus",
    "follow_up",
]


class FollowUpAttendance(_StrEnum):
    """Attendance at one gathering as of a date."""

    present = "present"
    late = "late"
    partly = "partly"
    excused = "excused"
    absent = "absent"
    not_recorded = "not_recorded"
    not_yet = "not_yet"
    withdrawn = "withdrawn"


class WorkStatus(_StrEnum):
    """The between-session work of one gathering as of a date."""

    no_work = "no_work"
    delivered = "delivered"
    late = "late"
    missing = "missing"
    not_due = "not_due"
    rejected = "rejected"
    withdrawn = "withdrawn"


def _date(text: str | None) -> datetime.date | None:
    return None if text is None else datetime.date.fromisoformat(text)


def _texts(o: Mapping[str, str]) -> dict[Lang, str]:
    return {Lang(k): v for k, v in o.items()}


@dataclass(frozen=True)
class FollowUpEntry:
    """One participant at one gathering."""

    session: str
    attendance: FollowUpAttendance
    days_attended: int
    days_held: int
    work: WorkStatus
    due: datetime.date | None
    submission: int | None
    """Position, in the participant's submissions, of the work that decided ``work``."""
    delivered_on: datetime.date | None
    review: str | None
    """submitted, approved or rejected: the status of that work."""
    days_late: int
    texts: dict[Lang, str]

    def text(self, lang: Lang | str = "nb") -> str:
        """The sentence about attendance and work, in the core's words."""
        return self.texts[Lang(lang)]


@dataclass(frozen=True)
class FollowUpParticipant:
    id: str
    name: str
    withdrawn: bool
    withdrawal_date: datetime.date | None
    attendance: dict[FollowUpAttendance, int]
    work: dict[WorkStatus, int]
    gatherings: list[FollowUpEntry]


@dataclass(frozen=True)
class FollowUpGathering:
    session: str
    kind: str
    theme: dict[Lang, str]
    first_day: datetime.date
    last_day: datetime.date
    held: bool
    has_work: bool
    due: datetime.date | None
    attendance: dict[FollowUpAttendance, int]
    work: dict[WorkStatus, int]


def _entry(o: Mapping[str, Any]) -> FollowUpEntry:
    return FollowUpEntry(
        session=o["session"],
        attendance=FollowUpAttendance(o["attendance"]),
        days_attended=o["days_attended"],
        days_held=o["days_held"],
        work=WorkStatus(o["work"]),
        due=_date(o["due"]),
        submission=o["submission"],
        delivered_on=_date(o["delivered_on"]),
        review=o["review"],
        days_late=o["days_late"],
        texts=_texts(o["text"]),
    )


def _attendance_counts(o: Mapping[str, int]) -> dict[FollowUpAttendance, int]:
    return {FollowUpAttendance(k): v for k, v in o.items()}


def _work_counts(o: Mapping[str, int]) -> dict[WorkStatus, int]:
    return {WorkStatus(k): v for k, v in o.items()}


class FollowUp:
    """A cohort followed up as of a date: ``participants`` (each with one entry per
    gathering) and ``gatherings`` (with counts). Iterating gives the participants."""

    __slots__ = ("_doc", "_text", "as_of", "cohort_id", "gatherings", "has_certificate", "participants", "programme_id")

    def __init__(self, document: str) -> None:
        doc: dict[str, Any] = json.loads(document)
        self._text = document
        self._doc = doc
        self.cohort_id: str = doc["cohort"]
        self.programme_id: str = doc["programme"]
        self.has_certificate: bool = doc["has_certificate"]
        self.as_of: datetime.date = datetime.date.fromisoformat(doc["as_of"])
        self.gatherings: list[FollowUpGathering] = [
            FollowUpGathering(
                session=g["session"],
                kind=g["kind"],
                theme=_texts(g["theme"]),
                first_day=datetime.date.fromisoformat(g["first_day"]),
                last_day=datetime.date.fromisoformat(g["last_day"]),
                held=g["held"],
                has_work=g["has_work"],
                due=_date(g["due"]),
                attendance=_attendance_counts(g["attendance"]),
                work=_work_counts(g["work"]),
            )
            for g in doc["gatherings"]
        ]
        self.participants: list[FollowUpParticipant] = [
            FollowUpParticipant(
                id=p["id"],
                name=p["name"],
                withdrawn=p["withdrawn"],
                withdrawal_date=_date(p["withdrawal_date"]),
                attendance=_attendance_counts(p["attendance"]),
                work=_work_counts(p["work"]),
                gatherings=[_entry(e) for e in p["gatherings"]],
            )
            for p in doc["participants"]
        ]

    def __len__(self) -> int:
        return len(self.participants)

    def __iter__(self) -> Iterator[FollowUpParticipant]:
        return iter(self.participants)

    def __getitem__(self, participant_id: str) -> FollowUpParticipant:
        for p in self.participants:
            if p.id == participant_id:
                return p
        raise KeyError(participant_id)

    def label(self, status: WorkStatus | FollowUpAttendance, lang: Lang | str = "nb") -> str:
        """A status as a person reads it (the core's words)."""
        group = "work" if isinstance(status, WorkStatus) else "attendance"
        text: str = self._doc["labels"][group][status.value][Lang(lang).value]
        return text

    def heading(self, key: str, lang: Lang | str = "nb") -> str:
        """A heading of the follow-up table ("gathering", "attendance", "work", "due", ...)."""
        text: str = self._doc["labels"]["headings"][key][Lang(lang).value]
        return text

    def work_summary(self) -> dict[WorkStatus, int]:
        """Counts of every work status over all participants and gatherings."""
        return _work_counts(self._doc["summary"]["work"])

    def attendance_summary(self) -> dict[FollowUpAttendance, int]:
        """Counts of every attendance status over all participants and gatherings."""
        return _attendance_counts(self._doc["summary"]["attendance"])

    def to_json(self) -> str:
        """The ``smart.follow_up/1`` document as the core wrote it."""
        return self._text

    def rows(self, lang: Lang | str = "nb") -> list[dict[str, object]]:
        """One dict per participant × gathering: the columns of :meth:`to_pandas`."""
        out: list[dict[str, object]] = []
        for p in self.participants:
            for g, e in zip(self.gatherings, p.gatherings):
                out.append(
                    {
                        "participant_id": p.id,
                        "name": p.name,
                        "withdrawn": p.withdrawn,
                        "session_id": e.session,
                        "first_day": g.first_day,
                        "attendance": e.attendance.value,
                        "days_attended": e.days_attended,
                        "days_held": e.days_held,
                        "work": e.work.value,
                        "due": e.due,
                        "delivered_on": e.delivered_on,
                        "review": e.review,
                        "days_late": e.days_late,
                        "text": e.text(lang),
                    }
                )
        return out

    def to_pandas(self, lang: Lang | str = "nb") -> pd.DataFrame:
        """One row per participant × gathering (needs the ``pandas`` extra): ``participant_id``,
        ``name``, ``withdrawn``, ``session_id``, ``first_day``, ``attendance``,
        ``days_attended``, ``days_held``, ``work``, ``due``, ``delivered_on``, ``review``,
        ``days_late``, ``text`` (in ``lang``). Statuses are categoricals with every status
        of the vocabulary as a category, in its order (ordered); dates
        :class:`datetime.date` objects (None when absent), as in every frame."""
        import pandas as pd

        frame = pd.DataFrame(self.rows(lang))
        if frame.empty:
            frame = pd.DataFrame(columns=list(_COLUMNS))
        for col in ("first_day", "due", "delivered_on"):
            frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
        frame["attendance"] = pd.Categorical(
            frame["attendance"], categories=[x.value for x in FollowUpAttendance], ordered=True
        )
        frame["work"] = pd.Categorical(frame["work"], categories=[x.value for x in WorkStatus], ordered=True)
        for col in ("participant_id", "name", "session_id", "review"):
            frame[col] = frame[col].astype("category")
        return frame

    def __repr__(self) -> str:
        n, g = len(self), len(self.gatherings)
        return (
            f"<FollowUp {self.cohort_id} as of {self.as_of.isoformat()}: {n} {'participant' if n == 1 else 'participants'}, "
            f"{g} {'gathering' if g == 1 else 'gatherings'}>"
        )


_COLUMNS = (
    "participant_id",
    "name",
    "withdrawn",
    "session_id",
    "first_day",
    "attendance",
    "days_attended",
    "days_held",
    "work",
    "due",
    "delivered_on",
    "review",
    "days_late",
    "text",
)


def follow_up(cohort: Cohort, as_of: datetime.date | str | None = None) -> FollowUp:
    """Follows up every participant of ``cohort`` as of the end of ``as_of`` (default today)."""
    day = as_of if as_of is not None else datetime.date.today()
    return FollowUp(_smart.follow_up.follow_up_json(cohort._c, day))
