"""Cohort statistics (the tables municipalities report) and synthetic cohorts, from the
core: counts are exact, rates are counts with their denominators, small groups can be
suppressed. See docs/statistics.md for the tables and the suppression rules.

:func:`statistics` gives the ``smart.statistics/1`` document as Python data;
:func:`cohort_statistics` gives a :class:`Statistics` whose tables come as pandas
DataFrames and Arrow tables, tidy (long) or wide, made from the core's typed result
(:class:`GroupFigures`, :class:`DayFigures`, :class:`CertifiedRow`). The core computes
every figure, share and suppression; this module only lays them out in columns.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, Union

import numpy as np

from . import _texts
from ._core import _smart
from .cohort import Cohort, Municipality
from .enums import Lang
from .evaluation import Evaluation

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "CertifiedRow",
    "DayFigures",
    "GroupFigures",
    "Statistics",
    "cohort_statistics",
    "mapping_rows",
    "statistics",
    "synthetic_cohorts",
]

GroupBy = Literal["none", "municipality", "role", "sector"]
Table = Literal["long", "cohorts", "groups", "funnel", "days", "certified", "certified_wide"]
Ratios = Literal["float", "fraction", "parts"]
MunicipalityMapping = Union[Mapping[str, Union[Municipality, tuple[str, str]]], "pd.DataFrame"]

GroupFigures = _smart.statistics.GroupFigures
DayFigures = _smart.statistics.DayFigures
CertifiedRow = _smart.statistics.CertifiedRow

TABLES: tuple[str, ...] = ("long", "cohorts", "groups", "funnel", "days", "certified", "certified_wide")
STATUSES: tuple[str, ...] = ("eligible", "not_eligible", "in_progress", "no_certificate", "withdrawn")
STATES: tuple[str, ...] = ("met", "unmet", "pending", "exempt")


def _mapping(m: MunicipalityMapping | None) -> dict[str, Municipality]:
    """The mapping as the core takes it: recorded number -> current Municipality. Accepts
    a mapping to Municipality or (number, name), or a DataFrame with the columns
    ``recorded``, ``number`` and ``name`` (one row per recorded number). Only converts:
    the core checks the entries (and a recorded number given twice in a DataFrame)."""
    if m is None:
        return {}
    if hasattr(m, "columns") and hasattr(m, "itertuples"):
        frame: Any = m
        cols = [str(c) for c in frame.columns]
        missing = [c for c in ("recorded", "number", "name") if c not in cols]
        if missing:
            raise ValueError(
                f"municipality_mapping: missing column(s) {', '.join(map(repr, missing))} "
                "(expected 'recorded', 'number', 'name')"
            )
        rows = zip(frame["recorded"], frame["number"], frame["name"], strict=True)
        return mapping_rows([(str(r), str(n), str(name)) for r, n, name in rows])
    return {
        str(key): value if isinstance(value, Municipality) else Municipality(str(value[0]), str(value[1]))
        for key, value in m.items()
    }


def mapping_rows(rows: Sequence[tuple[str, str, str]]) -> dict[str, Municipality]:
    """A mapping from ``(recorded, number, name)`` rows (a table or a CSV file). Raises
    :class:`ValidationError` at ``/<row>/recorded`` for a recorded number given twice."""
    mapping: dict[str, Municipality] = _smart.statistics.mapping_from_rows(
        [(recorded, Municipality(number, name)) for recorded, number, name in rows]
    )
    return mapping


def _compute(
    evaluations: Sequence[Evaluation], by: str, min_cell: int | None, mapping: MunicipalityMapping | None
) -> _smart.statistics.Statistics:
    result: _smart.statistics.Statistics = _smart.statistics.compute(
        [e._e for e in evaluations], by=by, min_cell=min_cell, municipality_mapping=_mapping(mapping)
    )
    return result


def statistics(
    evaluations: Sequence[Evaluation],
    *,
    by: GroupBy = "none",
    min_cell: int | None = None,
    municipality_mapping: MunicipalityMapping | None = None,
) -> dict[str, Any]:
    """Every statistics table of the evaluated cohorts, as the ``smart.statistics/1``
    document (per cohort, per group, attendance per day, certified per municipality).

    Args:
        evaluations: One evaluation per cohort (of one or several programmes), each
            cohort once.
        by: Group participants by municipality, role or sector (default: no groups).
        min_cell: Suppress groups smaller than this (and enough others that totals do not
            reveal them). Default: no suppression.
        municipality_mapping: Municipality numbers as recorded -> current municipality
            (a :class:`Municipality` or ``(number, name)``; or a DataFrame with columns
            ``recorded``, ``number``, ``name``), to group across municipal mergers.

    Raises:
        InvalidArgumentError: an unknown grouping, ``min_cell`` 0, or a cohort given
            twice (``path`` ``/<index of the second>``).
        ValidationError: a mapping entry that is not a recorded number of four digits
            (``path`` ``/<recorded>``) mapped to a number of four digits
            (``/<recorded>/number``) and a one-line name (``/<recorded>/name``), or a
            recorded number twice in a DataFrame (``/<row>/recorded``).
    """
    doc: dict[str, Any] = json.loads(_compute(evaluations, by, min_cell, municipality_mapping).to_json())
    return doc


def cohort_statistics(
    evaluations: Sequence[Evaluation],
    *,
    by: GroupBy = "none",
    min_cell: int | None = None,
    municipality_mapping: MunicipalityMapping | None = None,
) -> Statistics:
    """The statistics of the evaluated cohorts as a :class:`Statistics`, whose tables come
    as DataFrames (:meth:`Statistics.to_pandas`) and Arrow tables
    (:meth:`Statistics.to_arrow`). Arguments and errors as :func:`statistics`::

        evs = [c.evaluate(c.last_day) for c in smart.synthetic_cohorts()]
        st = smart.cohort_statistics(evs, by="municipality", min_cell=5)
        st.to_pandas("cohorts")     # the trend: one row per cohort
        st.to_pandas("long")        # tidy: one row per cohort x group x measure
    """
    return Statistics._make(_compute(evaluations, by, min_cell, municipality_mapping))


# --- columns ---------------------------------------------------------------------------------
#
# A table is built as a list of (name, kind, values) with kind one of "cat" (strings,
# categorical / dictionary-encoded), "int" (nullable integers), "bool", "date" and "ratio"
# (Fraction or None); one assembler per target turns them into columns.

_Column = tuple[str, str, list[Any]]


def _check_ratios(ratios: str, allowed: Sequence[str]) -> None:
    if ratios not in allowed:
        raise ValueError(f"ratios must be one of {', '.join(map(repr, allowed))}, not {ratios!r}")


def _order_key(name: str, by_number: bool) -> Callable[[Any], Any] | None:
    """How a categorical column's categories are ordered: municipality numbers by number,
    everything else as the core lays the rows out (trend order, programme order, the
    core's order of measures and statuses)."""
    if name == "municipality_number" or (by_number and name == "group"):
        return lambda v: v
    return None


def _to_pandas(columns: list[_Column], ratios: str, by_number: bool = False) -> pd.DataFrame:
    from .frames import _import_pandas

    pandas = _import_pandas()
    data: dict[str, Any] = {}
    numbers: dict[str, list[Any]] = {}  # column -> its municipality numbers, for the names
    for name, kind, values in columns:
        if kind == "cat":
            cats = list(dict.fromkeys(v for v in values if v is not None))
            key = _order_key(name, by_number)
            if key is not None:
                cats.sort(key=key)
                numbers[name] = values
            elif name in ("municipality_name", "group_label") and numbers:
                nums = numbers.get("municipality_number", numbers.get("group", []))
                first: dict[Any, Any] = {}
                for label, number in zip(values, nums, strict=False):
                    first.setdefault(label, number)
                cats.sort(key=lambda c: (first.get(c) or "", c))
            dtype = pandas.CategoricalDtype(pandas.Index(cats, dtype=object), ordered=True)
            data[name] = pandas.Categorical(values, dtype=dtype)
        elif kind == "int":
            data[name] = pandas.array(values, dtype="Int64")
        elif kind == "bool":
            data[name] = np.array(values, dtype=np.bool_)
        elif kind == "date":
            data[name] = np.array(values, dtype=object)  # datetime.date objects, None for none
        elif ratios == "fraction":
            data[name] = pandas.array([pandas.NA if v is None else v for v in values], dtype=object)
        else:
            if ratios == "float":
                data[name] = np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
            data[f"{name}_numerator"] = pandas.array([None if v is None else v.numerator for v in values], dtype="Int64")
            data[f"{name}_denominator"] = pandas.array(
                [None if v is None else v.denominator for v in values], dtype="Int64"
            )
    frame: pd.DataFrame = pandas.DataFrame(data)
    return frame


def _to_arrow(columns: list[_Column], ratios: str) -> pa.Table:
    from .frames import _import_pyarrow

    pyarrow = _import_pyarrow()
    arrays: list[Any] = []
    names: list[str] = []
    for name, kind, values in columns:
        if kind == "cat":
            arrays.append(pyarrow.array(values, type=pyarrow.string()).dictionary_encode())
        elif kind == "int":
            arrays.append(pyarrow.array(values, type=pyarrow.int64()))
        elif kind == "bool":
            arrays.append(pyarrow.array(values, type=pyarrow.bool_()))
        elif kind == "date":
            arrays.append(pyarrow.array(values, type=pyarrow.date32()))
        else:
            if ratios == "float":
                arrays.append(pyarrow.array([None if v is None else float(v) for v in values], type=pyarrow.float64()))
                names.append(name)
            arrays.append(pyarrow.array([None if v is None else v.numerator for v in values], type=pyarrow.int64()))
            arrays.append(pyarrow.array([None if v is None else v.denominator for v in values], type=pyarrow.int64()))
            names.append(f"{name}_numerator")
            name = f"{name}_denominator"
        names.append(name)
    table: pa.Table = pyarrow.table(arrays, names=names)
    return table


class Statistics:
    """The statistics tables of evaluated cohorts (made by :func:`cohort_statistics`): the
    core's typed result, read through the properties below or laid out as frames.

    Tables (``to_pandas(table)`` / ``to_arrow(table)``):

    - ``"long"``: tidy, one row per cohort x group x measure: ``cohort``, ``group`` (NA
      for the whole cohort), ``group_label``, ``measure`` (``enrolled``, ``fill_rate``,
      ``eligible``, ``not_eligible``, ``in_progress``, ``no_certificate``, ``withdrawn``
      (counted apart, still enrolled), ``at_risk``, ``completion_rate_excluding_withdrawn``
      (eligible of enrolled less withdrawn), ``mean_attendance``, ``median_attendance``,
      and per requirement ``met``, ``unmet``,
      ``pending``, ``exempt`` and ``through``, the funnel step: met or exempt for it and
      every requirement before it), ``requirement`` (NA unless per requirement),
      ``count``, ``of``, ``ratio`` and ``suppressed``. The ratio of ``eligible`` is the
      completion rate; mean and median attendance have a ratio and no count.
    - ``"cohorts"``: the trend, one row per cohort in trend order (first session day),
      with its first and last session day and ``complete`` (no one in progress as of the
      date); a running cohort's ``completion_rate`` is NA, never a premature 0.
    - ``"groups"``: one row per cohort x group (with ``by``).
    - ``"funnel"``: one row per cohort (x group) x requirement: ``met``, ``unmet``,
      ``pending``, ``exempt`` and ``through`` of ``enrolled``.
    - ``"days"``: attendance per counted day of each cohort.
    - ``"certified"``: certified (eligible) participants per municipality x cohort, and
      cumulative over the cohorts in trend order.
    - ``"certified_wide"``: one row per municipality, one column per cohort id holding
      the cumulative count.

    A suppressed cell is NA (never 0) with ``suppressed`` true (``certified``:
    ``certified_suppressed``, ``cumulative_suppressed``). Counts are nullable ``Int64``
    (Arrow ``int64``), strings ordered categoricals (Arrow dictionary; municipalities by
    number, everything else in the core's order), dates :class:`datetime.date` objects
    (Arrow ``date32``). Ratios: by default (``ratios="float"``) a float column ``<name>``
    (NaN when NA) followed by the exact ratio as two integer columns ``<name>_numerator``
    and ``<name>_denominator`` (lowest terms); ``"parts"`` only the two integer columns;
    ``"fraction"`` exact :class:`fractions.Fraction` objects (pandas only). Every figure,
    share and suppression is the core's; this class only lays them out.
    """

    __slots__ = ("_s", "_cohorts", "_groups", "_days", "_certified")
    _s: _smart.statistics.Statistics
    _cohorts: list[GroupFigures]
    _groups: list[GroupFigures]
    _days: list[DayFigures]
    _certified: list[CertifiedRow]

    def __init__(self) -> None:
        raise TypeError("Statistics are made by smart.cohort_statistics(evaluations, ...)")

    @classmethod
    def _make(cls, core: _smart.statistics.Statistics) -> Statistics:
        obj = cls.__new__(cls)
        obj._s = core
        obj._cohorts = core.cohorts
        obj._groups = core.groups
        obj._days = core.days
        obj._certified = core.certified
        return obj

    # --- the document ---

    def to_dict(self) -> dict[str, Any]:
        """The ``smart.statistics/1`` document as Python data."""
        doc: dict[str, Any] = json.loads(self._s.to_json())
        return doc

    def to_json(self) -> str:
        """The ``smart.statistics/1`` document as JSON text."""
        return self._s.to_json()

    # --- the typed result ---

    @property
    def group_by(self) -> str:
        """What the groups are: ``"none"``, ``"municipality"``, ``"role"`` or ``"sector"``."""
        return self._s.group_by

    @property
    def min_cell(self) -> int | None:
        """The minimum cell size, or None when nothing is suppressed."""
        return self._s.min_cell

    @property
    def cohort_ids(self) -> list[str]:
        """The cohorts in trend order (first session day, then id)."""
        return self._s.cohort_ids

    @property
    def cohort_labels(self) -> list[str]:
        """The cohorts' labels, in trend order."""
        return self._s.cohort_labels

    @property
    def programme_ids(self) -> list[str]:
        """Each cohort's programme id, in trend order."""
        return self._s.programme_ids

    @property
    def first_days(self) -> list[datetime.date | None]:
        """Each cohort's first session day (None: no sessions), in trend order."""
        return self._s.first_days

    @property
    def last_days(self) -> list[datetime.date | None]:
        """Each cohort's last session day (None: no sessions), in trend order."""
        return self._s.last_days

    @property
    def requirement_ids(self) -> list[list[str]]:
        """Each cohort's requirement ids (programme order), in trend order."""
        return self._s.requirement_ids

    @property
    def cohorts(self) -> list[GroupFigures]:
        """Whole-cohort figures, in trend order."""
        return list(self._cohorts)

    @property
    def groups(self) -> list[GroupFigures]:
        """Group figures (with ``by``), cohort by cohort, groups by key."""
        return list(self._groups)

    @property
    def days(self) -> list[DayFigures]:
        """Attendance per counted day of each cohort."""
        return list(self._days)

    @property
    def certified(self) -> list[CertifiedRow]:
        """Certified participants per municipality (by number): per cohort and cumulative."""
        return list(self._certified)

    def requirement_label(self, cohort: int, requirement: int, lang: Lang | str | None = None) -> str:
        """The short name of requirement ``requirement`` of the cohort at ``cohort`` (trend
        order) in ``lang`` (default: :func:`smart.set_language`): the programme's label in
        that language, else the kind's name ("attendance"), never the raw id."""
        return self._s.requirement_label(cohort, requirement, _texts.resolve(lang))

    def session_label(self, cohort: int, session_id: str, lang: Lang | str | None = None) -> str:
        """A session of the cohort at ``cohort`` named by kind and order ("gathering 2",
        "2. samling") in ``lang``."""
        return self._s.session_label(cohort, session_id, _texts.resolve(lang))

    def __repr__(self) -> str:
        n = len(self._cohorts)
        return f"<Statistics of {n} {'cohort' if n == 1 else 'cohorts'}, by={self.group_by}, min_cell={self.min_cell}>"

    def to_html(self, *, lang: Lang | str | None = None) -> str:
        """A small HTML table of the trend (one row per cohort: enrolled, the statuses,
        completion, mean attendance) in ``lang`` (default: :func:`smart.set_language`). A
        suppressed cohort shows "suppressed", a running one no completion rate."""
        from .html import statistics_html

        return statistics_html(self, lang=_texts.resolve(lang))

    def _repr_html_(self) -> str:
        return self.to_html()

    # --- frames ---

    def to_pandas(self, table: Table = "cohorts", *, ratios: Ratios = "float") -> pd.DataFrame:
        """One table as a pandas DataFrame (needs the ``pandas`` extra); see the class
        docstring for the tables and ``ratios``."""
        _check_ratios(ratios, ("float", "fraction", "parts"))
        return _to_pandas(self.columns(table), ratios, by_number=self.group_by == "municipality")

    def to_arrow(self, table: Table = "cohorts", *, ratios: Literal["float", "parts"] = "float") -> pa.Table:
        """One table as a pyarrow Table (needs the ``arrow`` extra): ratios as a float
        column followed by integer ``<name>_numerator`` / ``<name>_denominator`` columns
        (default), or the integer columns only (``ratios="parts"``)."""
        _check_ratios(ratios, ("float", "parts"))
        return _to_arrow(self.columns(table), ratios)

    def to_excel(self, path: str | os.PathLike[str], *, lang: Lang | str = "nb") -> None:
        """Writes the tables to an Excel workbook at ``path`` (needs the ``excel`` and
        ``pandas`` extras): one sheet per table (cohorts, groups with ``by``, funnel,
        days, certified, and every figure tidy), a bold header row in ``lang`` (nb, nn,
        en: the core's words), column widths, shares as numbers with a percent format,
        dates as dates, and suppressed cells shown as "–" with a note."""
        from .excel import statistics_workbook

        statistics_workbook(self, path, lang)

    def columns(self, table: Table = "cohorts") -> list[tuple[str, str, list[Any]]]:
        """One table as columns ``(name, kind, values)`` with kind ``"cat"`` (text),
        ``"int"`` (None = NA), ``"bool"``, ``"date"`` or ``"ratio"`` (Fraction or None):
        what :meth:`to_pandas` and :meth:`to_arrow` are made from, with no dependency."""
        builders: dict[str, Callable[[], list[_Column]]] = {
            "long": self._long,
            "cohorts": lambda: self._wide(self._cohorts, whole=True),
            "groups": lambda: self._wide(self._groups, whole=False),
            "funnel": self._funnel,
            "days": self._days_table,
            "certified": self._certified_table,
            "certified_wide": self._certified_wide,
        }
        if table not in builders:
            raise ValueError(f"unknown statistics table {table!r}: expected one of {', '.join(map(repr, TABLES))}")
        return builders[table]()

    def _figure_rows(self) -> list[tuple[GroupFigures, bool, list[str]]]:
        """Whole-cohort rows, each followed by its groups' rows, with the requirement ids."""
        groups: dict[str, list[GroupFigures]] = {}
        for g in self._groups:
            groups.setdefault(g.cohort_id, []).append(g)
        rows: list[tuple[GroupFigures, bool, list[str]]] = []
        for c, reqs in zip(self._cohorts, self._s.requirement_ids, strict=True):
            rows.append((c, True, reqs))
            rows.extend((g, False, reqs) for g in groups.get(c.cohort_id, []))
        return rows

    def _long(self) -> list[_Column]:
        names = ("cohort", "group", "group_label", "measure", "requirement", "count", "of", "ratio", "suppressed")
        cols: dict[str, list[Any]] = {n: [] for n in names}
        for row, whole, reqs in self._figure_rows():
            hidden = row.suppressed

            def add(m: str, req: str | None, n: int | None, d: int | None, r: Fraction | None) -> None:
                cols["cohort"].append(row.cohort_id)
                cols["group"].append(None if whole else row.group)
                cols["group_label"].append(None if whole else row.group_label)
                cols["measure"].append(m)
                cols["requirement"].append(req)
                cols["count"].append(None if hidden else n)
                cols["of"].append(None if hidden else d)
                cols["ratio"].append(None if hidden else r)
                cols["suppressed"].append(hidden)

            n = row.enrolled
            add("enrolled", None, n, None, None)
            if whole and row.seats is not None:
                add("fill_rate", None, n, row.seats, row.fill_share)
            for s in STATUSES:
                add(s, None, getattr(row, s), n, getattr(row, f"{s}_share"))
            add("at_risk", None, row.at_risk, n, row.at_risk_share)
            add("completion_rate_excluding_withdrawn", None, row.eligible, n - row.withdrawn,
                row.completion_rate_excluding_withdrawn if row.complete else None)  # a running cohort's is not final
            add("mean_attendance", None, None, None, row.mean_attendance)
            add("median_attendance", None, None, None, row.median_attendance)
            for q, req in enumerate(reqs):
                for i, st in enumerate(STATES):
                    add(st, req, row.requirement_states[q][i], n, row.requirement_shares[q][i])
                add("through", req, row.through[q], n, row.through_shares[q])
        kinds = {"count": "int", "of": "int", "ratio": "ratio", "suppressed": "bool"}
        return [(name, kinds.get(name, "cat"), cols[name]) for name in names]

    def _wide(self, rows: list[GroupFigures], *, whole: bool) -> list[_Column]:
        order = ["cohort", "label", "programme", "first_day", "last_day"] if whole else ["cohort", "group", "group_label"]
        order += ["complete", "suppressed"] + (["seats"] if whole else []) + ["enrolled"] + (["fill_rate"] if whole else [])
        order += list(STATUSES) + ["at_risk", "completion_rate", "completion_rate_excluding_withdrawn"]
        order += ["mean_attendance", "median_attendance"]
        cols: dict[str, list[Any]] = {n: [] for n in order}
        index = {cid: i for i, cid in enumerate(self._s.cohort_ids)}
        for r in rows:
            hidden = r.suppressed
            i = index[r.cohort_id]
            identity: dict[str, Any] = {"cohort": r.cohort_id, "complete": r.complete, "suppressed": hidden}
            if whole:
                identity.update(label=self._s.cohort_labels[i], programme=self._s.programme_ids[i])
                identity.update(first_day=self._s.first_days[i], last_day=self._s.last_days[i])
            else:
                identity.update(group=r.group, group_label=r.group_label)
            figures: dict[str, Any] = {
                "seats": r.seats, "enrolled": r.enrolled, "fill_rate": r.fill_share, "at_risk": r.at_risk,
                "completion_rate": r.eligible_share if r.complete else None,  # a running cohort's is not final
                "mean_attendance": r.mean_attendance,
                "completion_rate_excluding_withdrawn": r.completion_rate_excluding_withdrawn if r.complete else None,
                "median_attendance": r.median_attendance, **{s: getattr(r, s) for s in STATUSES},
            }  # fmt: skip
            for name in order:
                cols[name].append(identity[name] if name in identity else None if hidden else figures[name])
        kinds = {
            "cohort": "cat", "label": "cat", "programme": "cat", "first_day": "date", "last_day": "date", "group": "cat",
            "group_label": "cat", "complete": "bool", "suppressed": "bool", "fill_rate": "ratio", "completion_rate": "ratio",
            "completion_rate_excluding_withdrawn": "ratio", "mean_attendance": "ratio", "median_attendance": "ratio",
        }  # fmt: skip
        return [(name, kinds.get(name, "int"), cols[name]) for name in order]

    def _funnel(self) -> list[_Column]:
        names = ["cohort", "group", "group_label", "requirement", "enrolled", *STATES, "through", "suppressed"]
        cols: dict[str, list[Any]] = {n: [] for n in names}
        for row, whole, reqs in self._figure_rows():
            hidden = row.suppressed
            for q, req in enumerate(reqs):
                cols["cohort"].append(row.cohort_id)
                cols["group"].append(None if whole else row.group)
                cols["group_label"].append(None if whole else row.group_label)
                cols["requirement"].append(req)
                cols["enrolled"].append(None if hidden else row.enrolled)
                for i, st in enumerate(STATES):
                    cols[st].append(None if hidden else row.requirement_states[q][i])
                cols["through"].append(None if hidden else row.through[q])
                cols["suppressed"].append(hidden)
        kinds = {"cohort": "cat", "group": "cat", "group_label": "cat", "requirement": "cat", "suppressed": "bool"}
        return [(n, kinds.get(n, "int"), cols[n]) for n in names]

    def _days_table(self) -> list[_Column]:
        ds = self._days
        return [
            ("cohort", "cat", [d.cohort_id for d in ds]),
            ("date", "date", [d.day for d in ds]),
            ("session_id", "cat", [d.session_id for d in ds]),
            ("past", "bool", [d.past for d in ds]),
            ("enrolled", "int", [d.enrolled for d in ds]),
            ("attended", "int", [d.attended for d in ds]),
            ("excused", "int", [d.excused for d in ds]),
            ("absent", "int", [d.absent for d in ds]),
            ("attended_rate", "ratio", [d.attended_share for d in ds]),
        ]

    def _certified_table(self) -> list[_Column]:
        names = [
            "municipality_number", "municipality_name", "cohort", "certified", "cumulative",
            "certified_suppressed", "cumulative_suppressed",
        ]  # fmt: skip
        cols: dict[str, list[Any]] = {n: [] for n in names}
        for row in self._certified:
            for cid, per, cum in zip(self._s.cohort_ids, row.per_cohort, row.cumulative, strict=True):
                cols["municipality_number"].append(row.municipality_number)
                cols["municipality_name"].append(row.municipality_name)
                cols["cohort"].append(cid)
                cols["certified"].append(per)
                cols["cumulative"].append(cum)
                cols["certified_suppressed"].append(per is None)
                cols["cumulative_suppressed"].append(cum is None)
        kinds = {"municipality_number": "cat", "municipality_name": "cat", "cohort": "cat"}
        kinds.update(certified_suppressed="bool", cumulative_suppressed="bool")
        return [(n, kinds.get(n, "int"), cols[n]) for n in names]

    def _certified_wide(self) -> list[_Column]:
        rows = self._certified
        out: list[_Column] = [
            ("municipality_number", "cat", [r.municipality_number for r in rows]),
            ("municipality_name", "cat", [r.municipality_name for r in rows]),
        ]
        for j, cid in enumerate(self._s.cohort_ids):
            out.append((str(cid), "int", [r.cumulative[j] for r in rows]))
        return out


def synthetic_cohorts(
    *, seed: int = 2017, first_year: int = 2017, years: int = 9, participants: int = 36, dropout_percent: int = 6
) -> list[Cohort]:
    """One synthetic cohort per year of the trainer programme's shape, with fictional
    people ("Syntetisk deltaker 00042") and realistic outcomes; the same seed always gives
    the same cohorts. For notebooks, tests and benchmarks."""
    return [
        Cohort._wrap(c)
        for c in _smart.statistics.cohort_series(
            seed=seed, first_year=first_year, years=years, participants=participants, dropout_percent=dropout_percent
        )
    ]
