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


def _categorical(pandas: Any, codes: np.ndarray, categories: Any) -> Any:
    """A categorical from the core's codes and categories. The core makes the categories
    distinct and non-null and every code an index into them (or -1), so pandas's checks of
    both (a hash table of 100,000 participant ids per frame) are skipped where pandas
    offers the way; otherwise the public, checking constructor is used."""
    index = pandas.Index(categories, dtype=object, tupleize_cols=False)
    fastpath = getattr(pandas.CategoricalDtype, "_from_fastpath", None)
    if fastpath is None:  # pragma: no cover - every pandas from 1.0 to 3.1 has it
        return pandas.Categorical.from_codes(codes, categories=index)
    return pandas.Categorical.from_codes(codes, dtype=fastpath(index, False), validate=False)


def to_pandas(columns: Columns) -> pd.DataFrame:
    """A DataFrame from the core's columns: categoricals from codes, nullable numbers from
    values and masks, dates as datetime64, sets of intervals as categoricals of tuples of
    interval numbers."""
    pandas = _import_pandas()
    data: dict[str, Any] = {}
    for name, col in columns:
        kind = col[0]
        if kind in ("array", "date"):
            data[name] = col[1]  # dates: datetime64[s], as pandas keeps them
        elif kind == "cat":
            data[name] = _categorical(pandas, col[1], col[2])
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
    frame: pd.DataFrame = pandas.DataFrame(data, copy=False)
    return frame


def to_arrow(columns: Columns) -> pa.Table:
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
        names.append(name)
    table: pa.Table = pyarrow.table(arrays, names=names)
    return table


# --- cohorts from DataFrames ----------------------------------------------------------------
# The core's spreadsheet import reads them (smart/workbook.py, include/smart/sheet_import.hpp).

from .workbook import cohort_from_frames  # noqa: E402
