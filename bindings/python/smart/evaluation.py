"""Evaluating a cohort against its programme's certificate rules as of a date.

Every rule is decided by the C++ core (docs/rules.md); this module presents the result:
per participant and per requirement, as objects, a JSON document, pandas DataFrames and
Arrow tables.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal, overload

from ._core import _smart, position
from .cohort import Cohort, DateLike, Participant
from .enums import Lang
from .programme import Programme

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .next_steps import CoordinatorList, NextSteps

__all__ = [
    "Evaluation",
    "Interval",
    "ParticipantResult",
    "RequirementResult",
    "ResultNumber",
    "ResultWarning",
    "StatusCounts",
    "evaluate",
    "result_numbers",
]

ParticipantResult = _smart.evaluation.ParticipantResult
RequirementResult = _smart.evaluation.RequirementResult
ResultNumber = _smart.evaluation.ResultNumber
ResultWarning = _smart.evaluation.ResultWarning
Interval = _smart.evaluation.Interval
StatusCounts = _smart.evaluation.StatusCounts

By = Literal["participant", "requirement"]
Ratios = Literal["float", "fraction", "parts"]


class Evaluation:
    """The result of evaluating a cohort as of a date.

    ``len(evaluation)`` is the number of participants; iterating gives a
    :class:`ParticipantResult` for each, in cohort order; ``evaluation["p01"]`` or
    ``evaluation[0]`` gives one. The evaluation keeps the cohort as it was evaluated.
    """

    __slots__ = ("_e",)
    _e: _smart.evaluation.Evaluation

    def __init__(self) -> None:
        raise TypeError("an Evaluation is made by smart.evaluate(cohort, as_of) or cohort.evaluate(as_of)")

    @classmethod
    def _wrap(cls, core: _smart.evaluation.Evaluation) -> Evaluation:
        obj = cls.__new__(cls)
        obj._e = core
        return obj

    @property
    def as_of(self) -> datetime.date:
        """The evaluation date: everything dated on or before it has happened."""
        return self._e.as_of

    @property
    def programme(self) -> Programme:
        """The programme whose rules were applied."""
        return self._e.programme

    @property
    def cohort(self) -> Cohort:
        """The cohort as it was evaluated (a cohort of its own: changing it changes
        neither this evaluation nor the cohort it was taken from)."""
        return Cohort._wrap(self._e.cohort)

    @property
    def requirement_ids(self) -> list[str]:
        """The programme's requirement ids, in order."""
        return self._e.requirement_ids

    @property
    def intervals(self) -> list[Interval]:
        """The intervals between gatherings (for the notes rule)."""
        return self._e.intervals

    @property
    def counts(self) -> StatusCounts:
        """How many participants have each overall status (and how many are at risk)."""
        return self._e.counts()

    @property
    def warnings(self) -> list[ResultWarning]:
        """Every warning, ordered by participant: at most one per participant and kind, its
        ``count`` the days or documents it stands for and its ``date`` the first of them."""
        return self._e.warnings()

    def __len__(self) -> int:
        return len(self._e)

    def __iter__(self) -> Iterator[ParticipantResult]:
        for i in range(len(self._e)):
            yield self._e.result(i)

    def __getitem__(self, key: int | str) -> ParticipantResult:
        """The result of the participant with this id (str) or at this position (int).

        Raises:
            NotFoundError: no participant has this id (a KeyError).
            IndexError: the position is out of range.
        """
        return self._e.result(position(key, len(self._e), self._e.index_of, "evaluation"))

    def participant(self, key: int | str) -> Participant:
        """The record of the participant with this id (str) or at this position (int), as
        it was evaluated (names, submissions, exemptions, ...): the evaluation owns it,
        whatever happened to the cohort since.

        Raises:
            NotFoundError: no participant has this id (a KeyError).
            IndexError: the position is out of range.
        """
        return self._e.participant(position(key, len(self._e), self._e.index_of, "evaluation"))

    def to_json(self) -> str:
        """The ``smart.evaluation/2`` document: summary, and per participant the status,
        every requirement's state, numbers and explanation (nb, nn, en) and warnings.
        Releases the GIL while the core writes it."""
        return self._e.to_json()

    def to_dict(self) -> dict[str, Any]:
        """The ``smart.evaluation/2`` document as Python data."""
        doc: dict[str, Any] = json.loads(self.to_json())
        return doc

    def next_steps_json(self, participant: str | None = None, within_days: int | None = None) -> str:
        """The ``smart.next_steps/1`` document (docs/next-steps.md): per participant the
        status, the steps still to do (kind, must or option, requirement, window, numbers
        and one line in nb, nn and en), the requirements that can no longer be met (and
        the exemption each would need), the earliest eligibility date and the next
        deadline. ``participant``: only that one (by id). ``within_days``: adds the
        coordinator's list of the steps falling due within that many days.

        Raises:
            NotFoundError: no participant has this id.
            InvalidArgumentError: ``within_days`` is negative.
        """
        return _smart.next_steps.next_steps_json(self._e, participant or "", within_days)

    def next_steps_icalendar(
        self,
        participant: str | None = None,
        lang: Lang | str = Lang.nb,
        previous: str | None = None,
        *,
        within_days: int | None = None,
        stamp: datetime.datetime | None = None,
    ) -> str:
        """Every participant's (or one's) next steps as iCalendar text: one all-day entry
        per step on its due day, with an alarm two days before; stable UIDs, and with
        ``previous`` (the last export) the steps done since come back cancelled.
        ``within_days``: only the steps due within that many days. ``stamp``: the
        DTSTAMP (default now; naive = UTC), as :meth:`Cohort.to_icalendar`.

        Raises:
            NotFoundError: no participant has this id.
            InvalidArgumentError: ``within_days`` is negative.
        """
        from .calendar import stamp_seconds

        return _smart.next_steps.next_steps_icalendar(
            self._e,
            lang=Lang(lang),
            participant=participant or "",
            previous=previous,
            stamp=stamp_seconds(stamp),
            within_days=within_days,
        )

    @overload
    def next_steps(self, participant: None = None) -> list[NextSteps]: ...
    @overload
    def next_steps(self, participant: int | str) -> NextSteps: ...
    def next_steps(self, participant: int | str | None = None) -> list[NextSteps] | NextSteps:
        """The next steps planned by the core, as typed objects: without ``participant`` a
        :class:`NextSteps` per participant in cohort order; with an id (str) or position
        (int) that participant's. Each has ``status``, ``at_risk``, ``steps``
        (:class:`Step`: ``kind`` a :class:`StepKind`, ``must``, ``requirement`` id,
        ``start``/``end``/``due`` as ``datetime.date``, ``needed``, ``of``, ...,
        ``describe(lang)``), ``blocked`` (:class:`BlockedRequirement`),
        ``earliest_eligible`` and ``next_deadline``. :meth:`next_steps_json` is the same
        as a ``smart.next_steps/1`` document.

        Raises:
            NotFoundError: no participant has this id (a KeyError).
            IndexError: the position is out of range.
        """
        if participant is None:
            return _smart.next_steps.plan(self._e)
        index = position(participant, len(self._e), self._e.index_of, "evaluation")
        return _smart.next_steps.plan(self._e, index)[0]

    def coordinator_list(self, within_days: int) -> CoordinatorList:
        """The coordinator's list (:func:`smart.coordinator_list` for several cohorts):
        every step falling due within ``within_days`` days of the evaluation date, by due
        date (``steps``, :class:`DueStep`), the same grouped by action (``by_action``,
        :class:`ActionGroup` with ``describe(lang)``: "7 participants: ...") and the
        at-risk participants before the next counted day (``at_risk``).

        Raises:
            InvalidArgumentError: ``within_days`` is negative.
        """
        return _smart.next_steps.coordinator_list([self._e], within_days)

    def next_steps_frame(self, participant: str | None = None, lang: Lang | str = Lang.nb) -> pd.DataFrame:
        """The next steps as a pandas DataFrame, one row per step (needs the ``pandas``
        extra), filled from the core's columns: ``participant_id``, ``status``,
        ``at_risk``, ``kind``, ``must``, ``requirement``, ``start``, ``end``, ``due``
        (:class:`datetime.date`, as every frame holds dates), ``needed``, ``of``, ``interval`` (1-based, NA unless a note),
        ``approval``, ``min_pages``, ``max_pages`` (NA: no bound, or not a final text),
        ``awaiting_approval`` and ``text`` (the step in ``lang``) — the names of the
        ``smart.next_steps/1`` document's step members. Strings are categorical.

        Raises:
            NotFoundError: no participant has this id.
        """
        from .next_steps import steps_frame

        return steps_frame(self, participant, lang)

    def to_pandas(self, by: By = "participant", *, ratios: Ratios = "float") -> pd.DataFrame:
        """The results as a pandas DataFrame (needs the ``pandas`` extra).

        ``by="participant"``: one row per participant: ``participant_id``, ``name``,
        ``municipality_number``, ``municipality``, ``role``, ``sector``, ``status``,
        ``at_risk``, ``warnings`` (how many problems the participant's warnings stand for:
        the sum of their counts), and one column per requirement, named by its id, holding
        its state.

        ``by="requirement"``: one row per participant × requirement: ``participant_id``,
        ``requirement_id``, ``kind``, ``state`` and one column per number behind the state,
        named and ordered as :func:`result_numbers` lists them (the names of the
        evaluation document and of :class:`RequirementResult`'s properties; the festival
        role is ``festival_role``, docs/vocabulary.md): counts as nullable integers,
        ``attended`` as a float followed by its exact value as ``attended_numerator`` and
        ``attended_denominator`` (nullable integers), dates as :class:`datetime.date`
        objects, flags as nullable booleans, ``festival_role`` categorical,
        ``missing_intervals`` and ``open_intervals`` as categoricals of tuples of 1-based
        interval numbers. A number that does not belong to the row's kind, or is absent,
        is NA.

        ``ratios``: ``"float"`` (default) as above; ``"fraction"``: ``attended`` as exact
        :class:`fractions.Fraction` objects, without the two integer columns; ``"parts"``:
        only the two integer columns.

        Strings are ordered categoricals (the core hands over integer codes and
        categories): statuses, states and kinds in the core's order, requirements in
        programme order, participants in cohort order, municipality numbers sorted and
        municipality names by their number, roles sorted. The core fills the columns
        without the GIL.
        """
        from .frames import RENAMED, to_pandas

        if ratios not in ("float", "fraction", "parts"):
            raise ValueError(f"ratios must be one of 'float', 'fraction', 'parts', not {ratios!r}")
        frame = to_pandas(self._e.columns(by), RENAMED if by == "requirement" else None)
        return _ratio_columns(frame, ratios)

    def to_arrow(self, by: By = "participant", *, ratios: Literal["float", "parts"] = "float") -> pa.Table:
        """The columns of :meth:`to_pandas` as a pyarrow Table (needs the ``arrow`` extra):
        strings dictionary-encoded, dates date32, sets of intervals list<int32>, missing
        numbers null, ``ratios`` as in :meth:`to_pandas`. polars
        (``polars.from_arrow``) and DuckDB read it without copying."""
        from .frames import RENAMED, to_arrow

        if ratios not in ("float", "parts"):
            raise ValueError(f"ratios must be one of 'float', 'parts', not {ratios!r}")
        table = to_arrow(self._e.columns(by, arrow=True), RENAMED if by == "requirement" else None)
        if ratios == "parts":
            table = table.drop_columns([n for n in _ratio_names() if n in table.column_names])
        return table

    def to_excel(self, path: str | os.PathLike[str], *, lang: Lang | str = "nb") -> None:
        """Writes the results to an Excel workbook at ``path`` (needs the ``excel`` and
        ``pandas`` extras): a sheet of participants (status and each requirement's state)
        and one of participant × requirement (every number and the explanation), with a
        bold header row, statuses, states and headings in ``lang`` (the core's words),
        column widths and dates as dates."""
        from .excel import evaluation_workbook

        evaluation_workbook(self, path, lang)

    def certificate_data(self, participant: int | str) -> dict[str, Any]:
        """What a certificate for this participant attests (``smart.certificate-data/1``).

        Raises:
            NotAllowedError: the participant is not eligible, the programme has no
                certificate, or the evaluation date is before the cohort's last day.
        """
        index = self._e.index_of(participant) if isinstance(participant, str) else participant
        doc: dict[str, Any] = json.loads(_smart.certificate.certificate_json(self._e, index))
        return doc

    def to_html(self, *, lang: Lang | str | None = None, max_rows: int = 60) -> str:
        """An HTML table: participant, status and what is missing (at most ``max_rows``
        rows), saying the as-of date, in ``lang`` (default: :func:`smart.set_language`)."""
        from . import _texts
        from .html import evaluation_html

        return evaluation_html(self, lang=_texts.resolve(lang), max_rows=max_rows)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        c = self.counts
        return (
            f"<Evaluation of {self._e.cohort.id} as of {self.as_of.isoformat()}: "
            f"{len(self)} {'participant' if len(self) == 1 else 'participants'}, "
            f"eligible {c.eligible}, not eligible {c.not_eligible}, in progress {c.in_progress} "
            f"(at risk {c.at_risk}), no certificate {c.no_certificate}>"
        )


def _ratio_names() -> list[str]:
    return [n.name for n in result_numbers() if n.type == "ratio"]


def _ratio_columns(frame: pd.DataFrame, ratios: str) -> pd.DataFrame:
    """The frame's ratio columns as asked: float and parts (as the core gives them), exact
    Fractions, or parts only."""
    if ratios == "float":
        return frame
    from fractions import Fraction

    import pandas as pd

    for name in _ratio_names():
        if name not in frame.columns:
            continue
        if ratios == "parts":
            frame = frame.drop(columns=[name])
            continue
        num, den = frame[f"{name}_numerator"], frame[f"{name}_denominator"]
        exact = [pd.NA if n is pd.NA else Fraction(int(n), int(d)) for n, d in zip(num, den, strict=True)]
        frame[name] = pd.array(exact, dtype=object)
        frame = frame.drop(columns=[f"{name}_numerator", f"{name}_denominator"])
    return frame


def result_numbers() -> list[ResultNumber]:
    """Every number behind a requirement's state, from the core's one table, in order: its
    ``name`` (the same in the evaluation document, the properties of
    :class:`RequirementResult`, the DataFrame and Arrow columns, the CSV of
    ``smart evaluate`` and the C ABI), ``type`` (count, ratio, date, intervals, role,
    flag), the requirement ``kinds`` that have it and a ``description``."""
    return _smart.evaluation.result_numbers()


def evaluate(cohort: Cohort, as_of: DateLike | None = None) -> Evaluation:
    """Evaluates every participant of ``cohort`` as of the end of ``as_of`` (a date or
    ``"YYYY-MM-DD"``; default today). Releases the GIL while the core works."""
    day = datetime.date.today() if as_of is None else as_of
    return Evaluation._wrap(_smart.evaluation.evaluate(cohort._c, day))
