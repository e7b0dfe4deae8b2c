"""Cohort statistics (the tables municipalities report) and synthetic cohorts, from the
core: counts are exact, rates are counts with their denominators, small groups can be
suppressed. See docs/statistics.md for the tables and the suppression rules.

:func:`statistics` gives the ``smart.statistics/1`` document as Python data;
:func:`cohort_statistics` gives a :class:`Statistics` whose tables come as pandas
DataFrames and Arrow tables, tidy (long) or wide. The core computes every figure and
every suppression; this module only lays the document's cells out in columns.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, Union

import numpy as np

from ._core import _smart
from .cohort import Cohort, Municipality
from .evaluation import Evaluation

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Statistics", "cohort_statistics", "statistics", "synthetic_cohorts"]

GroupBy = Literal["none", "municipality", "role", "sector"]
Table = Literal["long", "cohorts", "groups", "funnel", "days", "certified", "certified_wide"]
Ratios = Literal["fraction", "parts", "float"]
MunicipalityMapping = Union[Mapping[str, Union[Municipality, tuple[str, str]]], "pd.DataFrame"]

TABLES: tuple[str, ...] = ("long", "cohorts", "groups", "funnel", "days", "certified", "certified_wide")
STATUSES: tuple[str, ...] = ("eligible", "not_eligible", "in_progress", "no_certificate")
STATES: tuple[str, ...] = ("met", "unmet", "pending", "exempt")


def _mapping(m: MunicipalityMapping | None) -> dict[str, Municipality]:
    """The mapping as the core takes it: recorded number -> current Municipality. Accepts
    a mapping to Municipality or (number, name), or a DataFrame with the columns
    ``recorded``, ``number`` and ``name`` (one row per recorded number)."""
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
        out: dict[str, Municipality] = {}
        for recorded, number, name in zip(frame["recorded"], frame["number"], frame["name"], strict=True):
            key = str(recorded)
            if key in out:
                raise ValueError(f"municipality_mapping: recorded number {key!r} is given twice")
            out[key] = Municipality(str(number), str(name))
        return out
    result: dict[str, Municipality] = {}
    for key, value in m.items():
        result[str(key)] = value if isinstance(value, Municipality) else Municipality(str(value[0]), str(value[1]))
    return result


def _document(
    evaluations: Sequence[Evaluation], by: str, min_cell: int | None, mapping: MunicipalityMapping | None
) -> str:
    text: str = _smart.statistics.statistics_json(
        [e._e for e in evaluations], by=by, min_cell=min_cell, municipality_mapping=_mapping(mapping)
    )
    return text


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
        evaluations: One evaluation per cohort (of one or several programmes).
        by: Group participants by municipality, role or sector (default: no groups).
        min_cell: Suppress groups smaller than this (and enough others that totals do not
            reveal them). Default: no suppression.
        municipality_mapping: Municipality numbers as recorded -> current municipality
            (a :class:`Municipality` or ``(number, name)``; or a DataFrame with columns
            ``recorded``, ``number``, ``name``), to group across municipal mergers.

    Raises:
        InvalidArgumentError: an unknown grouping, or ``min_cell`` 0.
    """
    doc: dict[str, Any] = json.loads(_document(evaluations, by, min_cell, municipality_mapping))
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
    text = _document(evaluations, by, min_cell, municipality_mapping)
    first_days: dict[str, datetime.date | None] = {}
    requirements: dict[str, list[str]] = {}
    for e in evaluations:
        core_cohort = e._e.cohort
        first_days[core_cohort.id] = core_cohort.first_day if core_cohort.days else None
        requirements[core_cohort.id] = list(e.requirement_ids)
    return Statistics._make(json.loads(text), first_days, requirements)


# --- columns ---------------------------------------------------------------------------------
#
# A table is built as a list of (name, kind, values) with kind one of "cat" (strings,
# categorical / dictionary-encoded), "int" (nullable integers), "bool", "date" and "ratio"
# (Fraction or None); one assembler per target turns them into columns.

_Column = tuple[str, str, list[Any]]


def _fraction(text: object) -> Fraction | None:
    return None if text is None else Fraction(str(text))


def _rate(cell: Mapping[str, Any] | None) -> Fraction | None:
    return None if cell is None else _fraction(cell.get("ratio"))


def _check_ratios(ratios: str, allowed: Sequence[str]) -> None:
    if ratios not in allowed:
        raise ValueError(f"ratios must be one of {', '.join(map(repr, allowed))}, not {ratios!r}")


def _to_pandas(columns: list[_Column], ratios: str) -> pd.DataFrame:
    from .frames import _import_pandas

    pandas = _import_pandas()
    data: dict[str, Any] = {}
    for name, kind, values in columns:
        if kind == "cat":
            cats = list(dict.fromkeys(v for v in values if v is not None))
            data[name] = pandas.Categorical(values, categories=pandas.Index(cats, dtype=object))
        elif kind == "int":
            data[name] = pandas.array(values, dtype="Int64")
        elif kind == "bool":
            data[name] = np.array(values, dtype=np.bool_)
        elif kind == "date":
            data[name] = np.array(values, dtype="datetime64[D]")
        elif ratios == "fraction":
            data[name] = pandas.array([pandas.NA if v is None else v for v in values], dtype=object)
        elif ratios == "float":
            data[name] = np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
        else:
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
        elif ratios == "float":
            arrays.append(pyarrow.array([None if v is None else float(v) for v in values], type=pyarrow.float64()))
        else:
            arrays.append(pyarrow.array([None if v is None else v.numerator for v in values], type=pyarrow.int64()))
            arrays.append(pyarrow.array([None if v is None else v.denominator for v in values], type=pyarrow.int64()))
            names.append(f"{name}_numerator")
            name = f"{name}_denominator"
        names.append(name)
    table: pa.Table = pyarrow.table(arrays, names=names)
    return table


class Statistics:
    """The statistics tables of evaluated cohorts (made by :func:`cohort_statistics`).

    Tables (``to_pandas(table)`` / ``to_arrow(table)``):

    - ``"long"``: tidy, one row per cohort x group x measure: ``cohort``, ``group`` (NA
      for the whole cohort), ``group_label``, ``measure`` (``enrolled``, ``fill_rate``,
      ``eligible``, ``not_eligible``, ``in_progress``, ``no_certificate``, ``at_risk``,
      ``mean_attendance``, ``median_attendance``, and per requirement ``met``, ``unmet``,
      ``pending``, ``exempt``), ``requirement`` (NA unless a requirement's state),
      ``count``, ``of``, ``ratio`` and ``suppressed``. The ratio of ``eligible`` is the
      completion rate; mean and median attendance have a ratio and no count.
    - ``"cohorts"``: the trend, one row per cohort in trend order (first session day).
    - ``"groups"``: one row per cohort x group (with ``by``).
    - ``"funnel"``: one row per cohort (x group) x requirement: ``met``, ``unmet``,
      ``pending``, ``exempt`` of ``enrolled``.
    - ``"days"``: attendance per counted day of each cohort.
    - ``"certified"``: certified (eligible) participants per municipality x cohort, and
      cumulative over the cohorts in trend order.
    - ``"certified_wide"``: one row per municipality, one column per cohort id holding
      the cumulative count.

    A suppressed cell is NA (never 0) with ``suppressed`` true (``certified``:
    ``certified_suppressed``, ``cumulative_suppressed``). Counts are nullable ``Int64``
    (Arrow ``int64``), strings categorical (Arrow dictionary), dates ``datetime64``
    (Arrow ``date32``). Ratios: ``ratios="fraction"`` exact :class:`fractions.Fraction`
    objects (pandas only), ``"parts"`` two integer columns ``<name>_numerator`` and
    ``<name>_denominator``, ``"float"`` floats (NaN when NA).
    """

    __slots__ = ("_doc", "_first_days", "_requirements")
    _doc: dict[str, Any]
    _first_days: dict[str, datetime.date | None]
    _requirements: dict[str, list[str]]

    def __init__(self) -> None:
        raise TypeError("Statistics are made by smart.cohort_statistics(evaluations, ...)")

    @classmethod
    def _make(
        cls, doc: dict[str, Any], first_days: dict[str, datetime.date | None], requirements: dict[str, list[str]]
    ) -> Statistics:
        obj = cls.__new__(cls)
        obj._doc = doc
        obj._first_days = first_days
        obj._requirements = requirements
        return obj

    # --- the document ---

    def to_dict(self) -> dict[str, Any]:
        """The ``smart.statistics/1`` document as Python data (a copy)."""
        doc: dict[str, Any] = json.loads(json.dumps(self._doc))
        return doc

    def to_json(self) -> str:
        """The ``smart.statistics/1`` document as JSON text."""
        return json.dumps(self._doc, ensure_ascii=False, indent=2) + "\n"

    @property
    def group_by(self) -> str:
        """What the groups are: ``"none"``, ``"municipality"``, ``"role"`` or ``"sector"``."""
        return str(self._doc["group_by"])

    @property
    def min_cell(self) -> int | None:
        """The minimum cell size, or None when nothing is suppressed."""
        value = self._doc["min_cell"]
        return None if value is None else int(value)

    @property
    def cohort_ids(self) -> list[str]:
        """The cohorts in trend order (first session day, then id)."""
        return [str(r["cohort"]) for r in self._doc["cohorts"]]

    def __repr__(self) -> str:
        return (
            f"<Statistics of {len(self._doc['cohorts'])} cohort(s), by={self.group_by}, "
            f"min_cell={self.min_cell}>"
        )

    # --- frames ---

    def to_pandas(self, table: Table = "cohorts", *, ratios: Ratios = "fraction") -> pd.DataFrame:
        """One table as a pandas DataFrame (needs the ``pandas`` extra); see the class
        docstring for the tables and ``ratios``."""
        _check_ratios(ratios, ("fraction", "parts", "float"))
        return _to_pandas(self._columns(table), ratios)

    def to_arrow(self, table: Table = "cohorts", *, ratios: Literal["parts", "float"] = "parts") -> pa.Table:
        """One table as a pyarrow Table (needs the ``arrow`` extra): ratios as integer
        ``<name>_numerator`` / ``<name>_denominator`` columns, or floats."""
        _check_ratios(ratios, ("parts", "float"))
        return _to_arrow(self._columns(table), ratios)

    def _columns(self, table: str) -> list[_Column]:
        builders: dict[str, Callable[[], list[_Column]]] = {
            "long": self._long,
            "cohorts": lambda: self._wide(self._doc["cohorts"], whole=True),
            "groups": lambda: self._wide(self._doc["groups"], whole=False),
            "funnel": self._funnel,
            "days": self._days,
            "certified": self._certified,
            "certified_wide": self._certified_wide,
        }
        if table not in builders:
            raise ValueError(f"unknown statistics table {table!r}: expected one of {', '.join(map(repr, TABLES))}")
        return builders[table]()

    def _figure_rows(self) -> list[tuple[dict[str, Any], bool]]:
        """Whole-cohort rows, each followed by its groups' rows."""
        groups: dict[str, list[dict[str, Any]]] = {}
        for g in self._doc["groups"]:
            groups.setdefault(g["cohort"], []).append(g)
        rows: list[tuple[dict[str, Any], bool]] = []
        for c in self._doc["cohorts"]:
            rows.append((c, True))
            rows.extend((g, False) for g in groups.get(c["cohort"], []))
        return rows

    def _long(self) -> list[_Column]:
        cohort: list[str] = []
        group: list[str | None] = []
        label: list[str | None] = []
        measure: list[str] = []
        requirement: list[str | None] = []
        count: list[int | None] = []
        of: list[int | None] = []
        ratio: list[Fraction | None] = []
        suppressed: list[bool] = []

        for row, whole in self._figure_rows():
            hidden = bool(row.get("suppressed", False))
            cid = str(row["cohort"])

            def add(m: str, req: str | None, n: int | None, d: int | None, r: Fraction | None) -> None:
                cohort.append(cid)
                group.append(None if whole else str(row["group"]))
                label.append(None if whole else str(row["label"]))
                measure.append(m)
                requirement.append(req)
                count.append(None if hidden else n)
                of.append(None if hidden else d)
                ratio.append(None if hidden else r)
                suppressed.append(hidden)

            enrolled = row.get("enrolled")
            add("enrolled", None, enrolled, None, None)
            if whole and (row.get("seats") is not None or (hidden and self._seats(cid) is not None)):
                fill = row.get("fill_rate")
                add("fill_rate", None, enrolled, row.get("seats"), _rate(fill))
            status = row.get("status", {})
            for s in STATUSES:
                n = status.get(s)
                add(s, None, n, enrolled, _rate(row.get("completion_rate")) if s == "eligible" else _share(n, enrolled))
            add("at_risk", None, row.get("at_risk"), enrolled, _share(row.get("at_risk"), enrolled))
            add("mean_attendance", None, None, None, _fraction(row.get("mean_attendance")))
            add("median_attendance", None, None, None, _fraction(row.get("median_attendance")))
            funnel = {f["requirement"]: f for f in row.get("requirements", [])}
            for req in self._requirements.get(cid, [f["requirement"] for f in row.get("requirements", [])]):
                cell = funnel.get(req, {})
                for st in STATES:
                    n = cell.get(st)
                    add(st, req, n, enrolled, _share(n, enrolled))
        return [
            ("cohort", "cat", cohort),
            ("group", "cat", group),
            ("group_label", "cat", label),
            ("measure", "cat", measure),
            ("requirement", "cat", requirement),
            ("count", "int", count),
            ("of", "int", of),
            ("ratio", "ratio", ratio),
            ("suppressed", "bool", suppressed),
        ]

    def _seats(self, cohort_id: str) -> int | None:
        for c in self._doc["cohorts"]:
            if c["cohort"] == cohort_id and c.get("seats") is not None:
                return int(c["seats"])
        return None

    def _wide(self, rows: list[dict[str, Any]], *, whole: bool) -> list[_Column]:
        cols: dict[str, list[Any]] = {}

        def put(name: str, value: Any) -> None:
            cols.setdefault(name, []).append(value)

        labels = {str(c["cohort"]): c.get("label") for c in self._doc["cohorts"]}
        programmes = {str(c["cohort"]): c.get("programme") for c in self._doc["cohorts"]}
        for r in rows:
            cid = str(r["cohort"])
            hidden = bool(r.get("suppressed", False))
            put("cohort", cid)
            if whole:
                put("label", labels.get(cid))
                put("programme", programmes.get(cid))
                put("first_day", self._first_days.get(cid))
            else:
                put("group", r.get("group"))
                put("group_label", r.get("label"))
            put("suppressed", hidden)
            if whole:
                put("seats", r.get("seats"))
            put("enrolled", r.get("enrolled"))
            if whole:
                put("fill_rate", _rate(r.get("fill_rate")))
            status = r.get("status", {})
            for s in STATUSES:
                put(s, status.get(s))
            put("at_risk", r.get("at_risk"))
            put("completion_rate", _rate(r.get("completion_rate")))
            put("mean_attendance", _fraction(r.get("mean_attendance")))
            put("median_attendance", _fraction(r.get("median_attendance")))
        kinds = {
            "cohort": "cat", "label": "cat", "programme": "cat", "first_day": "date", "group": "cat",
            "group_label": "cat", "suppressed": "bool", "fill_rate": "ratio", "completion_rate": "ratio",
            "mean_attendance": "ratio", "median_attendance": "ratio",
        }  # fmt: skip
        order = ["cohort", "label", "programme", "first_day"] if whole else ["cohort", "group", "group_label"]
        order += ["suppressed"] + (["seats"] if whole else []) + ["enrolled"] + (["fill_rate"] if whole else [])
        order += list(STATUSES) + ["at_risk", "completion_rate", "mean_attendance", "median_attendance"]
        return [(name, kinds.get(name, "int"), cols.get(name, [])) for name in order]

    def _funnel(self) -> list[_Column]:
        names = ["cohort", "group", "group_label", "requirement", "enrolled", *STATES, "suppressed"]
        cols: dict[str, list[Any]] = {n: [] for n in names}
        for row, whole in self._figure_rows():
            cid = str(row["cohort"])
            hidden = bool(row.get("suppressed", False))
            funnel = {f["requirement"]: f for f in row.get("requirements", [])}
            for req in self._requirements.get(cid, list(funnel)):
                cell = funnel.get(req, {})
                cols["cohort"].append(cid)
                cols["group"].append(None if whole else row["group"])
                cols["group_label"].append(None if whole else row["label"])
                cols["requirement"].append(req)
                cols["enrolled"].append(row.get("enrolled"))
                for st in STATES:
                    cols[st].append(cell.get(st))
                cols["suppressed"].append(hidden)
        kinds = {"cohort": "cat", "group": "cat", "group_label": "cat", "requirement": "cat", "suppressed": "bool"}
        return [(n, kinds.get(n, "int"), cols[n]) for n in names]

    def _days(self) -> list[_Column]:
        names = ["cohort", "date", "session", "past", "enrolled", "attended", "excused", "absent", "attended_rate"]
        cols: dict[str, list[Any]] = {n: [] for n in names}
        for d in self._doc["days"]:
            cols["cohort"].append(d["cohort"])
            cols["date"].append(datetime.date.fromisoformat(d["date"]))
            cols["session"].append(d["session"])
            cols["past"].append(bool(d["past"]))
            cols["enrolled"].append(d["attended"]["of"])
            cols["attended"].append(d["attended"]["count"])
            cols["excused"].append(d["excused"])
            cols["absent"].append(d["absent"])
            cols["attended_rate"].append(_rate(d["attended"]))
        kinds = {"cohort": "cat", "date": "date", "session": "cat", "past": "bool", "attended_rate": "ratio"}
        return [(n, kinds.get(n, "int"), cols[n]) for n in names]

    def _certified(self) -> list[_Column]:
        names = [
            "municipality", "municipality_name", "cohort", "certified", "cumulative",
            "certified_suppressed", "cumulative_suppressed",
        ]  # fmt: skip
        cols: dict[str, list[Any]] = {n: [] for n in names}
        table = self._doc["certified_by_municipality"]
        for row in table["rows"]:
            for j, cid in enumerate(table["cohorts"]):
                per, cum = row["per_cohort"][j], row["cumulative"][j]
                cols["municipality"].append(row["municipality"])
                cols["municipality_name"].append(row["name"])
                cols["cohort"].append(cid)
                cols["certified"].append(None if isinstance(per, dict) else per)
                cols["cumulative"].append(None if isinstance(cum, dict) else cum)
                cols["certified_suppressed"].append(isinstance(per, dict))
                cols["cumulative_suppressed"].append(isinstance(cum, dict))
        kinds = {"municipality": "cat", "municipality_name": "cat", "cohort": "cat"}
        kinds.update(certified_suppressed="bool", cumulative_suppressed="bool")
        return [(n, kinds.get(n, "int"), cols[n]) for n in names]

    def _certified_wide(self) -> list[_Column]:
        table = self._doc["certified_by_municipality"]
        out: list[_Column] = [
            ("municipality", "cat", [r["municipality"] for r in table["rows"]]),
            ("municipality_name", "cat", [r["name"] for r in table["rows"]]),
        ]
        for j, cid in enumerate(table["cohorts"]):
            values = [None if isinstance(r["cumulative"][j], dict) else r["cumulative"][j] for r in table["rows"]]
            out.append((str(cid), "int", values))
        return out


def _share(n: int | None, of: int | None) -> Fraction | None:
    return Fraction(n, of) if n is not None and of else None


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
