"""pandas and Arrow: assembling frames from the core's columns, and cohorts from frames.

The core hands over whole columns (bindings/python/src/columns.hpp): NumPy arrays for
numbers and booleans, dates as datetime64[s], integer codes plus categories for strings,
values plus a mask for numbers that may be missing, offsets and values for sets of
intervals (as Arrow lays out a list column). This module only assembles them; it decides
nothing. pandas and pyarrow are optional: imported when first needed.
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ._core import _smart
from .errors import SmartError, ValidationError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .cohort import Cohort
    from .programme import Programme, Session

__all__ = ["cohort_from_frames", "to_arrow", "to_pandas"]

Columns = list[tuple[str, tuple[Any, ...]]]


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("smart: DataFrames need pandas: pip install 'smart[pandas]'") from exc
    return pandas


def _import_pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("smart: Arrow tables need pyarrow: pip install 'smart[arrow]'") from exc
    return pyarrow


def _categorical(pandas: Any, codes: np.ndarray, categories: Any, ordered: bool = False) -> Any:
    """A categorical from the core's codes and categories. The core makes the categories
    distinct and non-null and every code an index into them (or -1), so pandas's checks of
    both (a hash table of 100,000 participant ids per frame) are skipped where pandas
    offers the way; otherwise the public, checking constructor is used."""
    index = pandas.Index(categories, dtype=object, tupleize_cols=False)
    fastpath = getattr(pandas.CategoricalDtype, "_from_fastpath", None)
    if fastpath is None:  # pragma: no cover - every pandas from 1.0 to 3.1 has it
        return pandas.Categorical.from_codes(codes, categories=index, ordered=ordered)
    return pandas.Categorical.from_codes(codes, dtype=fastpath(index, ordered), validate=False)


# Columns whose categories are free text with few distinct values: sorted and ordered.
# Every other categorical comes from the core in a meaningful order (enums in the core's
# order: statuses eligible, not_eligible, in_progress, no_certificate, withdrawn;
# requirement ids and kinds in programme order; participants and their names in cohort
# order) and is ordered as it comes; municipality names are ordered by their number.
_TEXT_COLUMNS = frozenset({"role", "municipality_number", "category", "decided_by", "granted_by"})

# Result numbers whose frame and CSV column differs from the core's number name
# (docs/vocabulary.md): the festival role is "festival_role" (as in the cohort document),
# never "role", which everywhere else is the participant's role. The evaluation document
# and the C ABI (SMART_NUMBER_ROLE) keep "role".
RENAMED = {"role": "festival_role"}


def _sorted_categorical(pandas: Any, codes: np.ndarray, categories: Any, key: Any = None) -> Any:
    """An ordered categorical with the categories sorted (by ``key`` when given), the
    codes renumbered to match."""
    cats = list(categories)
    order = sorted(range(len(cats)), key=(lambda i: key[i]) if key is not None else (lambda i: cats[i]))
    position = np.empty(len(cats) + 1, dtype=np.int32)
    position[np.asarray(order, dtype=np.int64)] = np.arange(len(cats), dtype=np.int32)
    position[len(cats)] = -1  # a code -1 (NA) stays NA
    codes = np.asarray(codes)
    new_codes = position[np.where(codes < 0, len(cats), codes)]
    index = pandas.Index([cats[i] for i in order], dtype=object, tupleize_cols=False)
    return pandas.Categorical.from_codes(new_codes, dtype=pandas.CategoricalDtype(index, ordered=True))


def _municipality_names(pandas: Any, names: Any, numbers: Any) -> Any:
    """Municipality names ordered by their number (the number of the first row with the
    name; ``numbers`` is already sorted, so its codes order the numbers)."""
    name_codes = np.asarray(names.codes)
    number_codes = np.asarray(numbers.codes)
    cats = list(names.categories)
    present, first_row = np.unique(name_codes, return_index=True)  # first row of each name
    rank = np.full(len(cats), np.iinfo(np.int32).max, dtype=np.int64)
    keep = present >= 0
    rank[present[keep]] = number_codes[first_row[keep]]
    key = [(int(rank[i]), cats[i]) for i in range(len(cats))]
    return _sorted_categorical(pandas, name_codes, cats, key)


def dates(days: np.ndarray) -> np.ndarray:
    """datetime64 days as an object array of :class:`datetime.date` (None for NaT): the
    one way dates come in frames (docs/python.md), so ``df.date == datetime.date(...)``
    matches. One object per distinct day (a cohort has a few dozen), shared by its rows."""
    pandas = _import_pandas()
    codes, uniques = pandas.factorize(np.asarray(days).astype("datetime64[D]"))
    objects = np.empty(len(uniques) + 1, dtype=object)  # the last: None, for code -1 (NaT)
    objects[: len(uniques)] = np.asarray(uniques, dtype="datetime64[D]").astype(object)
    out: np.ndarray = objects[codes]
    return out


def to_pandas(columns: Columns, rename: dict[str, str] | None = None) -> pd.DataFrame:
    """A DataFrame from the core's columns: ordered categoricals from codes (free text
    sorted, municipalities by number), nullable numbers from values and masks, dates as
    :class:`datetime.date` objects, sets of intervals as categoricals of tuples of interval
    numbers."""
    pandas = _import_pandas()
    data: dict[str, Any] = {}
    for raw, col in columns:
        kind = col[0]
        name = rename.get(raw, raw) if rename else raw
        if kind == "array":
            data[name] = col[1]
        elif kind == "date":
            data[name] = dates(col[1])
        elif kind == "cat":
            if raw in _TEXT_COLUMNS and name == raw:
                data[name] = _sorted_categorical(pandas, col[1], col[2])
            else:
                data[name] = _categorical(pandas, col[1], col[2], ordered=True)
        elif kind == "masked":
            values, mask = col[1], col[2]
            if values.dtype == np.bool_:
                data[name] = pandas.arrays.BooleanArray(values, mask)
            else:
                data[name] = pandas.arrays.IntegerArray(values, mask)
        elif kind == "intervals":
            # a categorical of the distinct sets, tuples of 1-based interval numbers (hashable:
            # they group and count); NA where the number does not apply
            codes, sets = _smart.evaluation.interval_categories(col[1], col[2], col[3])
            data[name] = _categorical(pandas, codes, sets)
        else:  # pragma: no cover - the core gives only these kinds
            raise AssertionError(f"unknown column kind {kind!r}")
    if "municipality_name" in data and "municipality_number" in data:
        data["municipality_name"] = _municipality_names(pandas, data["municipality_name"], data["municipality_number"])
    frame: pd.DataFrame = pandas.DataFrame(data, copy=False)
    return frame


def to_arrow(columns: Columns, rename: dict[str, str] | None = None) -> pa.Table:
    """An Arrow table from the core's columns: dictionary arrays from codes, date32 from
    datetime64[s], nulls from masks, list<int32> from the offsets of interval sets."""
    pyarrow = _import_pyarrow()
    arrays: list[Any] = []
    names: list[str] = []
    for name, col in columns:
        kind = col[0]
        if kind == "array":
            arrays.append(pyarrow.array(col[1], from_pandas=True))  # NaN (a ratio's NA) as null
        elif kind == "date":
            arrays.append(pyarrow.array(col[1], type=pyarrow.date32(), from_pandas=True))
        elif kind == "date32":  # as the core laid it out for Arrow: int32 days and a validity bitmap
            days, valid = col[1], col[2]
            arrays.append(
                pyarrow.Array.from_buffers(pyarrow.date32(), len(days), [pyarrow.py_buffer(valid), pyarrow.py_buffer(days)])
            )
        elif kind == "cat":
            codes = col[1]
            indices = pyarrow.array(codes, mask=codes < 0)
            arrays.append(pyarrow.DictionaryArray.from_arrays(indices, pyarrow.array(col[2], type=pyarrow.string())))
        elif kind == "intervals":
            offsets, values, mask = col[1], col[2], col[3]
            arrays.append(
                pyarrow.ListArray.from_arrays(pyarrow.array(offsets), pyarrow.array(values), mask=pyarrow.array(mask))
            )
        else:
            arrays.append(pyarrow.array(col[1], mask=col[2]))
        names.append(rename.get(name, name) if rename else name)
    table: pa.Table = pyarrow.table(arrays, names=names)
    return table


# --- cohorts from DataFrames ----------------------------------------------------------------

# table -> (required columns, optional columns)
_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "participants": (
        ("id", "name", "municipality_number", "municipality_name", "role", "sector"),
        ("email", "phone", "festival_role"),
    ),
    "attendance": (("participant_id", "date", "status"), ()),
    "submissions": (
        ("participant_id", "kind", "date"),
        ("status", "pages", "category", "title", "decided_by", "decided_on", "session"),
    ),
    "exemptions": (("participant_id", "requirement", "reason", "granted_by"), ("date",)),
}

# JSON member of a participant -> participants column
_PARTICIPANT_MEMBER = {
    "id": "id",
    "name": "name",
    "municipality": "municipality_number",
    "role": "role",
    "sector": "sector",
    "contact": "email",
    "festival_role": "festival_role",
}
_MUNICIPALITY_MEMBER = {"number": "municipality_number", "name": "municipality_name"}
_CONTACT_MEMBER = {"email": "email", "phone": "phone"}


def _missing(v: object) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    pandas = _import_pandas()
    return bool(v is pandas.NA or v is pandas.NaT)


def _json_value(v: object) -> object:
    """A cell as a JSON value, as close to what the user wrote as possible: the core judges
    it. Missing values are None."""
    if _missing(v):
        return None
    if isinstance(v, np.generic):
        v = v.item()
        if isinstance(v, datetime.datetime | datetime.date):
            return _json_value(v)
    if isinstance(v, bool | str | int):
        return v
    if isinstance(v, float):
        return int(v) if v.is_integer() else v  # a column with NaN holds integers as floats
    if isinstance(v, datetime.datetime):
        if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0):
            return v.date().isoformat()
        return v.isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)


class _Place:
    """Where a JSON value came from: table, row label and column."""

    __slots__ = ("column", "row", "table")

    def __init__(self, table: str, row: Hashable, column: str | None) -> None:
        self.table, self.row, self.column = table, row, column


def _rows(frame: pd.DataFrame, table: str) -> Iterable[tuple[Hashable, dict[str, object]]]:
    required, optional = _COLUMNS[table]
    columns = [str(c) for c in frame.columns]
    for c in columns:
        if c not in required and c not in optional:
            raise ValidationError(
                f"{table}: unknown column {c!r} (expected {', '.join(map(repr, required + optional))})",
                table=table,
                column=c,
            )
    for c in required:
        if c not in columns:
            raise ValidationError(f"{table}: missing column {c!r}", table=table, column=c)
    for label, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        yield label, dict(zip(columns, values, strict=True))


def _fail(place: _Place, message: str) -> ValidationError:
    where = f"{place.table} row {place.row}" + (f", column {place.column!r}" if place.column else "")
    return ValidationError(f"{where}: {message}", table=place.table, row=place.row, column=place.column)


class _FrameCohort:
    """The smart.cohort/1 document that DataFrames describe, built table by table, with the
    table, row and column each part came from (so the core's errors, which name JSON
    Pointers, can be reported at the row of the sheet)."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.people: list[dict[str, Any]] = []
        self.position: dict[object, int] = {}  # participant id -> position
        self.places: dict[tuple[Any, ...], _Place] = {}  # (position, ...) -> origin
        self.id_column = "id"
        self.name_column = "municipality_name"

    def add_participants(self, participants: pd.DataFrame) -> None:
        # The participants table of Cohort.to_pandas() names its id column participant_id.
        if "participant_id" in participants.columns and "id" not in participants.columns:
            participants = participants.rename(columns={"participant_id": "id"})
            self.id_column = "participant_id"
        # "municipality" for the name: the column's name before docs/vocabulary.md
        if "municipality" in participants.columns and "municipality_name" not in participants.columns:
            participants = participants.rename(columns={"municipality": "municipality_name"})
            self.name_column = "municipality"
        for row, r in _rows(participants, "participants"):
            p = _participant(r)
            i = len(self.people)
            self.places[(i,)] = _Place("participants", row, None)
            if isinstance(p["id"], str) and p["id"] not in self.position:
                self.position[p["id"]] = i  # a duplicate id is left for the core to report
            self.people.append(p)

    def owner(self, table: str, row: Hashable, r: dict[str, object]) -> int:
        pid = _json_value(r["participant_id"])
        if pid not in self.position:
            raise _fail(_Place(table, row, "participant_id"), f"no participant {pid!r} in the participants table")
        return self.position[pid]

    def add_attendance(self, attendance: pd.DataFrame) -> None:
        for row, r in _rows(attendance, "attendance"):
            i = self.owner("attendance", row, r)
            day = _json_value(r["date"])
            if day is None:
                raise _fail(_Place("attendance", row, "date"), "missing value")
            key = str(day)
            recorded = self.people[i].setdefault("attendance", {})
            if key in recorded:
                first = self.places[(i, "attendance", key)]
                raise _fail(
                    _Place("attendance", row, "date"),
                    f"a second record for participant {self.people[i]['id']!r} on {key} (first in row {first.row})",
                )
            recorded[key] = _json_value(r["status"])
            self.places[(i, "attendance", key)] = _Place("attendance", row, None)

    def add_records(self, frame: pd.DataFrame, table: str, build: Callable[[dict[str, object]], dict[str, Any]]) -> None:
        for row, r in _rows(frame, table):
            i = self.owner(table, row, r)
            items = self.people[i].setdefault(table, [])
            self.places[(i, table, len(items))] = _Place(table, row, None)
            items.append(build(r))

    def load(self) -> Cohort:
        """The cohort, loaded (and so validated) by the core; its errors at the sheet's row."""
        from .cohort import loads_cohort

        self.doc["participants"] = self.people
        try:
            return loads_cohort(json.dumps(self.doc, ensure_ascii=False))
        except SmartError as exc:
            place = _locate(exc.path, self.places, self.people)
            if place is None:
                raise
            if place.table == "participants" and place.column == "id":
                place.column = self.id_column
            if place.table == "participants" and place.column == "municipality_name":
                place.column = self.name_column
            where = f"{place.table} row {place.row}" + (f", column {place.column!r}" if place.column else "")
            raise type(exc)(
                f"{where}: {exc.message}", path=exc.path, table=place.table, row=place.row, column=place.column
            ) from exc


def _optional(r: dict[str, object], keys: Sequence[str]) -> dict[str, Any]:
    """The members of the row's optional columns that hold a value."""
    return {k: _json_value(r[k]) for k in keys if k in r and not _missing(r[k])}


def _participant(r: dict[str, object]) -> dict[str, Any]:
    p: dict[str, Any] = {
        "id": _json_value(r["id"]),
        "name": _json_value(r["name"]),
        "municipality": {"number": _json_value(r["municipality_number"]), "name": _json_value(r["municipality_name"])},
        "role": _json_value(r["role"]),
        "sector": _json_value(r["sector"]),
    }
    contact = _optional(r, ("email", "phone"))
    if contact:
        p["contact"] = contact
    p.update(_optional(r, ("festival_role",)))
    return p


def _submission(r: dict[str, object]) -> dict[str, Any]:
    s = {"kind": _json_value(r["kind"]), "date": _json_value(r["date"])}
    s.update(_optional(r, ("status", "pages", "category", "title", "decided_by", "decided_on", "session")))
    return s


def _exemption(r: dict[str, object]) -> dict[str, Any]:
    e = {k: _json_value(r[k]) for k in ("requirement", "reason", "granted_by")}
    e.update(_optional(r, ("date",)))
    return e


def cohort_from_frames(
    programme: Programme | str,
    *,
    id: str,
    label: str,
    participants: pd.DataFrame,
    attendance: pd.DataFrame | None = None,
    submissions: pd.DataFrame | None = None,
    exemptions: pd.DataFrame | None = None,
    capacity: int | None = None,
    sessions: Sequence[Session] = (),
) -> Cohort:
    """See :meth:`smart.Cohort.from_frames`."""
    from .cohort import Cohort

    # The cohort without participants, checked by the core, is the document's frame.
    built = _FrameCohort(json.loads(Cohort(programme, id=id, label=label, capacity=capacity, sessions=sessions).to_json()))
    built.add_participants(participants)
    if attendance is not None:
        built.add_attendance(attendance)
    if submissions is not None:
        built.add_records(submissions, "submissions", _submission)
    if exemptions is not None:
        built.add_records(exemptions, "exemptions", _exemption)
    return built.load()


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _locate(path: str, places: dict[tuple[Any, ...], _Place], people: list[dict[str, Any]]) -> _Place | None:
    """The table, row and column a JSON Pointer into the generated document came from."""
    tokens = [_unescape(t) for t in path.split("/")[1:]]
    if len(tokens) < 2 or tokens[0] != "participants" or not tokens[1].isdigit():
        return None
    i = int(tokens[1])
    rest = tokens[2:]
    base = places.get((i,))
    if base is None:
        return None
    if not rest:
        return base
    member = rest[0]
    if member == "attendance" and len(rest) >= 2:
        key = rest[1]
        origin = places.get((i, "attendance", key))
        if origin is None:
            return _Place(base.table, base.row, None)
        return _Place(origin.table, origin.row, _attendance_column(key, people[i]["attendance"][key]))
    if member in ("submissions", "exemptions") and len(rest) >= 2 and rest[1].isdigit():
        origin = places.get((i, member, int(rest[1])))
        if origin is None:
            return None
        return _Place(origin.table, origin.row, rest[2] if len(rest) >= 3 else None)
    if member == "municipality":
        return _Place(base.table, base.row, _MUNICIPALITY_MEMBER.get(rest[1], None) if len(rest) >= 2 else "municipality_number")
    if member == "contact":
        return _Place(base.table, base.row, _CONTACT_MEMBER.get(rest[1]) if len(rest) >= 2 else "email")
    return _Place(base.table, base.row, _PARTICIPANT_MEMBER.get(member))


def _attendance_column(key: str, status: object) -> str:
    """An attendance record is one JSON member, "date": "status", so the core's pointer
    names both; ask the core's parsers which of the two it refused."""
    try:
        _smart.schedule.parse_date(key)
    except SmartError:
        return "date"
    if not isinstance(status, str):
        return "status"
    try:
        _smart.parse_enum("AttendanceStatus", status)
    except SmartError:
        return "status"
    return "date"  # a calendar date on which no session is held
