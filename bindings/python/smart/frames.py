"""pandas and Arrow: assembling frames from the core's columns, and cohorts from frames.

The core hands over whole columns (bindings/python/src/columns.hpp): NumPy arrays for
numbers and booleans, dates as datetime64[s], integer codes plus categories for strings,
values plus a mask for numbers that may be missing, offsets and values for sets of
intervals (as Arrow lays out a list column). This module only assembles them; it decides
nothing. pandas and pyarrow are optional: imported when first needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._core import _smart

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa


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
# The core's spreadsheet import reads them (smart/workbook.py, include/smart/sheet_import.hpp).

from .workbook import cohort_from_frames  # noqa: E402
