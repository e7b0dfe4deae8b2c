"""Long-term agreements (*langtidsavtale*, docs/agreements.md): an organisation's agreement
with the SMART centre, its agreement years, its plan, what was recorded, and reports per
agreement year as of a date with the met / unmet / pending / at-risk vocabulary::

    import smart

    a = smart.Agreement.load("examples/agreements/fjordvik-skole.json")
    a.record_meeting("core_group", "2026-03-05", who=6)
    r = a.report("2026-03-31", cohorts=[smart.demo_cohort()], lang="en")
    r.to_pandas()                                          # one row per plan item
    smart.agreement_portfolio([a], "2026-03-31").to_pandas()  # one row per agreement

Every rule, every figure and every explanation (nb, nn, en) comes from the C++ core;
this module only converts.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ._core import _smart
from .cohort import Cohort, Municipality
from .enums import Lang

if TYPE_CHECKING:
    import pandas as pd

    from .calendar import ScheduleWarning

__all__ = ["Agreement", "AgreementReport", "CohortSeat", "PlannedItem", "Period", "Portfolio", "agreement_portfolio", "seats_in_cohort"]

DateLike = datetime.date | str


class Period(NamedTuple):
    """An agreement year (a half-year for the small form): its 1-based number, first and last day."""

    number: int
    start: datetime.date
    end: datetime.date


class CohortSeat(NamedTuple):
    """A trainer seat seen from the cohort: the participant and the agreement that holds the seat."""

    participant: str
    agreement: str
    organisation: str
    taken_on: datetime.date


class PlannedItem(NamedTuple):
    """A planned date of the plan (for calendars): item kind, date, agreement year, label."""

    kind: str
    date: datetime.date
    period: int
    label: str


def _iso(d: DateLike) -> str:
    return d if isinstance(d, str) else d.isoformat()


def _cores(cohorts: Sequence[Cohort]) -> list[_smart.cohort.Cohort]:
    return [c._c for c in cohorts]


class Agreement:
    """A long-term agreement (``smart.agreement/1``). Records added through the methods are
    validated exactly as the loader validates the document's ``records`` (errors name the
    JSON Pointer the record would have there)."""

    __slots__ = ("_a",)
    _a: _smart.agreement.Agreement

    def __init__(self, core: _smart.agreement.Agreement) -> None:
        self._a = core

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Agreement:
        """Loads a ``smart.agreement/1`` document from a file, all or nothing.

        Raises:
            NotFoundError: the file cannot be opened.
            ParseError, ValidationError: the document is bad (the message names the JSON Pointer).
        """
        return cls(_smart.agreement.Agreement.load_file(path))

    @classmethod
    def from_json(cls, text: str | bytes) -> Agreement:
        """Loads a ``smart.agreement/1`` document from JSON text, all or nothing."""
        return cls(_smart.agreement.Agreement.load(text))

    @property
    def id(self) -> str:
        """The agreement's id."""
        return self._a.id

    @property
    def organisation(self) -> str:
        """The organisation's name."""
        return self._a.organisation_name

    @property
    def municipality(self) -> Municipality:
        """The municipality (Statistics Norway's number and name) as at the agreement."""
        return Municipality(self._a.municipality_number, self._a.municipality_name)

    @property
    def kind(self) -> str:
        """school, kindergarten, after_school or other."""
        return self._a.kind

    @property
    def form(self) -> str:
        """full (agreement years) or small (half-yearly periods)."""
        return self._a.form

    @property
    def start(self) -> datetime.date:
        """The first day of agreement year 1."""
        return self._a.start

    @property
    def end(self) -> datetime.date:
        """The last day of the last agreement year, extensions included."""
        return self._a.end

    @property
    def years(self) -> int:
        """Years, extensions included."""
        return self._a.years

    @property
    def employees(self) -> int:
        """Number of employees (material sets are bought per employee)."""
        return self._a.employees

    def periods(self) -> list[Period]:
        """The agreement years (half-years for the small form), extensions appended."""
        return [Period(*p) for p in self._a.periods()]

    def planned_items(self) -> list[PlannedItem]:
        """The plan's dated items, in date order, with the agreement year each falls in."""
        return [PlannedItem(*p) for p in self._a.planned_items()]

    def schedule_warnings(self) -> list[ScheduleWarning]:
        """The planned dates and held meetings (and planning days) that fall on a Norwegian
        public holiday, a Saturday or a Sunday: warnings, not errors; each warning's
        ``session_id`` is the date's JSON Pointer in the document ("/plan/dates/0")."""
        return _smart.calendar.agreement_schedule_warnings(self._a)

    def to_icalendar(
        self, lang: Lang | str = "nb", previous: str | None = None, stamp: datetime.datetime | None = None
    ) -> str:
        """The agreement's calendar as iCalendar (RFC 5545) text in ``lang``: an all-day event
        per planned date and one on the last day of every agreement year (half-year).
        ``previous``: the previous export (unchanged events keep their SEQUENCE, a moved date
        gets SEQUENCE + 1 under the same UID); ``stamp``: the DTSTAMP (default now; naive =
        UTC). See docs/calendar.md."""
        from .calendar import stamp_seconds

        return _smart.calendar.agreement_icalendar(self._a, lang=lang, previous=previous, stamp=stamp_seconds(stamp))

    def price_on(self, item: str, on: DateLike) -> int:
        """The price in whole NOK of ``material_set`` or ``trainer_participant`` valid on a date."""
        return self._a.price_on(item, on)

    def record(self, list_name: str, record: Any) -> None:
        """Adds one record as in the document: ``list_name`` is a member of ``records``
        (meetings, planning_days, trainer_seats, relasjon, contributions, material_sets) or
        ``extensions``; ``record`` the JSON value (dict or date string)."""
        self._a.record(list_name, json.dumps(record, ensure_ascii=False, default=_iso))

    def record_meeting(self, kind: str, date: DateLike, who: str | int | None = None) -> None:
        """A meeting held: kind core_group, staff (full form) or half_yearly (small form);
        ``who`` free text or a number of people."""
        rec: dict[str, Any] = {"kind": kind, "date": _iso(date)}
        if who is not None:
            rec["who"] = who
        self.record("meetings", rec)

    def record_planning_day(self, date: DateLike) -> None:
        """The full planning day held."""
        self.record("planning_days", _iso(date))

    def record_relasjon(self, date: DateLike) -> None:
        """SMART relasjon delivered."""
        self.record("relasjon", _iso(date))

    def record_seat(self, cohort: str, participant: str, date: DateLike) -> None:
        """A trainer-programme seat taken by a participant of a trainer cohort."""
        self.record("trainer_seats", {"cohort": cohort, "participant": participant, "date": _iso(date)})

    def record_contribution(self, kind: str, date: DateLike, note: str | None = None) -> None:
        """A contribution back: conference, network or post."""
        rec: dict[str, Any] = {"kind": kind, "date": _iso(date)}
        if note is not None:
            rec["note"] = note
        self.record("contributions", rec)

    def record_material_sets(self, count: int, date: DateLike) -> None:
        """Material sets (a book and a card deck) bought."""
        self.record("material_sets", {"count": count, "date": _iso(date)})

    def extend(self, date: DateLike, years: int) -> None:
        """Appends ``years`` agreement years (agreed on ``date``, within the period)."""
        self.record("extensions", {"date": _iso(date), "years": years})

    def report(self, as_of: DateLike, cohorts: Sequence[Cohort] = (), lang: Lang | str = "nb") -> AgreementReport:
        """The report as of a date. ``cohorts``: trainer cohorts whose participants hold the
        agreement's seats (evaluated as of the same date for the certificate count)."""
        return AgreementReport(json.loads(self._a.report_json(as_of, _cores(cohorts), str(Lang(lang).value))))

    def __repr__(self) -> str:
        return f"<Agreement {self.id}: {self.organisation}, {self.start.isoformat()} to {self.end.isoformat()}>"


class AgreementReport:
    """A ``smart.agreement_report/1`` document (docs/agreements.md) as Python data."""

    __slots__ = ("data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    @property
    def items(self) -> list[dict[str, Any]]:
        """Every plan item: those of each agreement year, then the whole-period ones."""
        out: list[dict[str, Any]] = []
        for p in self.data["periods"]:
            out += p["items"]
        return out + list(self.data["agreement_items"])

    def item(self, name: str, period: int = 0) -> dict[str, Any]:
        """The item ``name`` of agreement year ``period`` (0: a whole-period item)."""
        for i in self.items:
            if i["item"] == name and i["period"] == period:
                return i
        raise KeyError(f"no plan item {name!r} in period {period}")

    @property
    def costs(self) -> dict[str, int]:
        """Costs in whole NOK as of the date: material sets and trainer participants, counts and totals."""
        return dict(self.data["costs"])

    @property
    def seats(self) -> dict[str, Any]:
        """Trainer seats: planned, used, left and those taken with their certificate status."""
        return dict(self.data["seats"])

    def to_json(self) -> str:
        """The document as JSON text."""
        return json.dumps(self.data, ensure_ascii=False, indent=2)

    def to_pandas(self) -> pd.DataFrame:
        """One row per plan item (agreement year, item, planned, held, missing, possible,
        state, at_risk, explanation)."""
        import pandas as pd

        return pd.DataFrame(self.items)


class Portfolio:
    """All agreements as of a date (``smart.agreement_portfolio/1``)."""

    __slots__ = ("data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    @property
    def rows(self) -> list[dict[str, Any]]:
        """One row per agreement (the columns of :meth:`to_pandas`)."""
        return list(self.data["rows"])

    @property
    def reports(self) -> list[AgreementReport]:
        """Each agreement's report, in the order given."""
        return [AgreementReport(r) for r in self.data["reports"]]

    def to_json(self) -> str:
        """The document as JSON text."""
        return json.dumps(self.data, ensure_ascii=False, indent=2)

    def to_pandas(self) -> pd.DataFrame:
        """One row per agreement: organisation, current year, item counts by state, seats,
        trainees eligible, costs in NOK."""
        import pandas as pd

        return pd.DataFrame(self.rows)


def agreement_portfolio(
    agreements: Sequence[Agreement], as_of: DateLike, cohorts: Sequence[Cohort] = (), lang: Lang | str = "nb"
) -> Portfolio:
    """The portfolio of agreements as of a date (each agreement's id once)."""
    text = _smart.agreement.portfolio_json([a._a for a in agreements], as_of, _cores(cohorts), str(Lang(lang).value))
    return Portfolio(json.loads(text))


def seats_in_cohort(agreements: Sequence[Agreement], cohort: Cohort | str) -> list[CohortSeat]:
    """The other way of the seat link: every seat of ``agreements`` in the trainer cohort
    (a :class:`Cohort` or its id), ordered by participant id — which agreement paid for a
    participant's place, and so for their certificate (docs/agreements.md)."""
    cohort_id = cohort if isinstance(cohort, str) else cohort.id
    return [CohortSeat(*s) for s in _smart.agreement.seats_in_cohort([a._a for a in agreements], cohort_id)]
