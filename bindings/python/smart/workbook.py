"""Spreadsheets in: DataFrames, .xlsx workbooks and directories of CSV files → a cohort.

This module only reads files and turns columns into text cells; the core
(include/smart/sheet_import.hpp) decides what the cells mean and what is valid, and
reports every problem at its table, line and column letter (docs/import.md). openpyxl
(for .xlsx) and pandas are imported when first needed.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

import numpy as np

from ._core import _smart
from .errors import NotFoundError, SheetImportError, SheetProblem

if TYPE_CHECKING:
    import pandas as pd

    from .cohort import Cohort
    from .programme import Programme, Session

__all__ = ["read_workbook", "write_template"]

# (name, kind, headers, letters, columns of text cells, lines, header line)
_Table = tuple[str, str, list[str], list[str], list[list[str]], list[int], int]

# A table as import_sheets takes it: cells handed over from Python, or read by the core.
_AnyTable = _Table | _smart.sheet_import.SheetTable


def _text(v: object) -> str:
    """A cell as text, as the user would read it: blanks as "", whole numbers without
    ".0", dates as ISO."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool | np.bool_):
        return "true" if v else "false"
    if isinstance(v, int | np.integer):
        return str(int(v))
    if isinstance(v, float | np.floating):
        f = float(v)
        if f != f:  # NaN
            return ""
        return str(int(f)) if f.is_integer() else repr(f)
    if isinstance(v, datetime.datetime):
        if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0):
            return v.date().isoformat()
        return v.isoformat(sep=" ")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, np.datetime64):
        return "" if np.isnat(v) else str(v.astype("datetime64[D]"))
    try:
        import pandas

        if v is pandas.NA or v is pandas.NaT:
            return ""
    except ImportError:  # pragma: no cover - pandas is optional
        pass
    return str(v)


def _column_cells(series: pd.Series) -> list[str]:
    """A DataFrame column as text cells, vectorised where the dtype allows."""
    values = series.to_numpy()
    kind = values.dtype.kind
    if kind in "iu":
        return values.astype(str).tolist()
    if kind == "f":
        mask = np.isnan(values)
        whole = ~mask & (values == np.floor(np.where(mask, 0, values)))
        if whole[~mask].all():
            out = np.where(mask, 0, values).astype(np.int64).astype(str).astype(object)
            out[mask] = ""
            return out.tolist()  # type: ignore[no-any-return]
    if kind == "M":
        days = values.astype("datetime64[D]")
        out = np.datetime_as_string(days).astype(object)
        out[np.isnat(days)] = ""
        return cast(list[str], out.tolist())
    if kind == "b":
        return ["true" if b else "false" for b in values]
    if kind == "O":
        cells = values.tolist()
        if all(type(c) is str for c in cells):
            return cast(list[str], cells)
        return [c if type(c) is str else _text(c) for c in cells]
    return [_text(c) for c in values.tolist()]


def _frame_table(name: str, frame: pd.DataFrame, kind: str = "") -> tuple[_Table, list[Any]]:
    """A DataFrame as a table; its rows are named by their index labels when these are
    integers (the row numbers in messages), else by position (labels kept for mapping)."""
    headers = [_text(c) for c in frame.columns]
    columns = [_column_cells(frame.iloc[:, i]) for i in range(frame.shape[1])]
    labels = list(frame.index)
    if all(isinstance(x, int | np.integer) and int(x) >= 0 for x in labels):
        lines = [int(x) for x in labels]
    else:
        lines = list(range(len(labels)))
    return (name, kind, headers, [], columns, lines, -1), labels


def _problems(raw: list[tuple[Any, ...]], rows: Mapping[str, Mapping[int, object]] | None) -> list[SheetProblem]:
    """The core's problems with their places in nb, nn and en (the core's words): a file's
    lines and column letters, or (`rows` given) a DataFrame's index labels and column names."""
    describe_place = _smart.sheet_import.describe_place
    out: list[SheetProblem] = []
    for table, line, letter, header, found, expected, message, path, code, expected_in, message_in in raw:
        row: object = None if line < 0 else line
        if rows is not None and row is not None and table in rows:
            row = rows[table].get(line, row)
        texts: list[str] = []
        for lang, m in zip(("nb", "nn", "en"), message_in, strict=True):
            place = describe_place(table, "" if row is None else str(row), letter, header, rows is not None, lang)
            texts.append(f"{place}: {m}" if place else m)
        out.append(
            SheetProblem(
                table, row, letter, header, found, expected, message, path, code, texts[2],
                (texts[0], texts[1], texts[2]), (message_in[0], message_in[1], message_in[2]),
                (expected_in[0], expected_in[1], expected_in[2]),
            )
        )
    return out


def import_tables(
    base: Cohort,
    tables: Sequence[_AnyTable],
    *,
    vocabulary: Mapping[str, str] | None = None,
    max_errors: int = 100,
    row_word: str = "line",
    rows: Mapping[str, Mapping[int, object]] | None = None,
) -> Cohort:
    """The core's import of `tables` into a copy of `base`; raises SheetImportError with
    every problem."""
    from .cohort import Cohort

    vocab = [(str(k), str(getattr(v, "value", v))) for k, v in (vocabulary or {}).items()]
    core, raw, truncated = _smart.sheet_import.import_sheets(base._c, list(tables), vocab, max(1, int(max_errors)), row_word)
    if core is not None:
        return Cohort._wrap(core)
    problems = _problems(raw, rows)
    first = problems[0]
    column = first.column or None
    raise SheetImportError(
        first.text, path=first.path, table=first.table, row=first.row, column=column, errors=problems, truncated=truncated
    )


def cohort_from_frames(
    programme: Programme | str,
    *,
    id: str,
    label: str,
    participants: pd.DataFrame,
    attendance: pd.DataFrame | Sequence[pd.DataFrame] | None = None,
    submissions: pd.DataFrame | None = None,
    exemptions: pd.DataFrame | None = None,
    capacity: int | None = None,
    sessions: Sequence[Session] = (),
    vocabulary: Mapping[str, str] | None = None,
    max_errors: int = 100,
) -> Cohort:
    """See :meth:`smart.Cohort.from_frames`."""
    from .cohort import Cohort

    base = Cohort(programme, id=id, label=label, capacity=capacity, sessions=sessions)
    tables: list[_Table] = []
    rows: dict[str, dict[int, object]] = {}

    def add(name: str, frame: pd.DataFrame) -> None:
        table, labels = _frame_table(name, frame, name.split("[")[0])
        tables.append(table)
        rows[name] = {line: label for line, label in zip(table[5], labels, strict=True)}

    # The participants table of Cohort.to_pandas() names its id column participant_id.
    add("participants", participants)
    if attendance is not None:
        frames: list[pd.DataFrame] = list(attendance) if isinstance(attendance, list | tuple) else [cast("pd.DataFrame", attendance)]
        for i, frame in enumerate(frames):
            add("attendance" if len(frames) == 1 else f"attendance[{i}]", frame)
    if submissions is not None:
        add("submissions", submissions)
    if exemptions is not None:
        add("exemptions", exemptions)
    return import_tables(base, tables, vocabulary=vocabulary, max_errors=max_errors, row_word="row", rows=rows)


# --- files --------------------------------------------------------------------------------


def read_tables(path: str | os.PathLike[str]) -> list[_AnyTable]:
    """The tables of a workbook (.xlsx: one per sheet), a CSV file, or a directory of CSV
    files (one per table, named by the file's stem), read by the core (smart/csv.hpp,
    smart/xlsx.hpp): the cells stay in C++ until the import. CSV files may be UTF-8,
    UTF-16 with a byte order mark or Windows-1252, separated by `;`, `,` or tabs
    (docs/import.md, "Reading CSV files").

    Raises:
        FileNotFoundError: the path does not exist, or a directory has no CSV files.
        ValueError: another kind of file; a file that cannot be read (naming the line).
    """
    try:
        return list(_smart.sheet_import.read_tables(os.fspath(path)))
    except NotFoundError as exc:  # a path, not an id: the exception Python users catch
        raise FileNotFoundError(exc.message) from None


def read_workbook(
    path: str | os.PathLike[str] | bytes | BinaryIO,
    programme: Programme | str,
    *,
    id: str | None = None,
    label: str | None = None,
    capacity: int | None = None,
    sessions: Sequence[Session] = (),
    vocabulary: Mapping[str, str] | None = None,
    max_errors: int = 100,
) -> Cohort:
    """A cohort from an .xlsx workbook (one sheet per table) or a directory of CSV files
    (one file per table), as course administrators keep them (docs/import.md).

    Sheets are named ``deltakere``/``participants``, ``oppmøte``/``attendance``,
    ``innleveringer``/``submissions``, ``fritak``/``exemptions``; an ``Instruksjoner`` sheet
    is ignored. `id` defaults to the file's name, `label` to the id.

    `path` may also be an .xlsx workbook's bytes or a binary file object (an upload, an
    e-mail attachment, ``io.BytesIO``); its ``name``, when it has one, names it in messages
    and gives the default id ("workbook" otherwise). A file object named ``*.csv`` or
    ``*.txt`` (``deltakere.csv``) is one CSV table, named by the name's stem.

    Raises:
        SheetImportError: every problem found (``.errors``), each at its sheet, line
            (header on line 1) and column letter; nothing is loaded.
    """
    from .cohort import Cohort

    tables: list[_AnyTable]
    if isinstance(path, bytes | bytearray | memoryview) or hasattr(path, "read"):
        data = bytes(path) if isinstance(path, bytes | bytearray | memoryview) else cast(BinaryIO, path).read()
        if not isinstance(data, bytes):
            raise TypeError("smart: read_workbook needs a binary file object (open(..., 'rb')), got text")
        given = getattr(path, "name", None)  # a file's name; an int for a file descriptor
        name = str(os.fspath(given)) if isinstance(given, str | os.PathLike) else "workbook"
        stem = Path(name).stem or "workbook"
        tables = list(_smart.sheet_import.read_tables_data(data, name))  # the name says CSV or workbook
    else:
        stem = Path(path).stem
        tables = read_tables(path)
    cohort_id = id if id is not None else stem
    base = Cohort(programme, id=cohort_id, label=label if label is not None else cohort_id, capacity=capacity, sessions=sessions)
    return import_tables(base, tables, vocabulary=vocabulary, max_errors=max_errors)


# --- the template -----------------------------------------------------------------------------

def write_template(
    path: str | os.PathLike[str],
    programme: Programme | str,
    *,
    cohort: Cohort | None = None,
    lang: str = "nb",
) -> None:
    """Writes a workbook to start from: an instructions sheet, then one sheet per table with
    headers in `lang` (nb, nn or en) and attendance wide, one column per session day
    (dd.mm.yyyy). With `cohort`, its records fill the sheets (read back by
    :func:`read_workbook` into an equal cohort)."""
    try:
        import openpyxl
        from openpyxl.styles import Font
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("smart: writing .xlsx needs openpyxl: pip install 'smart[excel]'") from exc
    from .cohort import Cohort

    if lang not in ("nb", "nn", "en"):
        raise ValueError(f"unknown language {lang!r}: expected nb, nn or en")
    words = _smart.sheet_import  # every word of the template is the core's
    c = cohort if cohort is not None else Cohort(programme, id="mal", label="mal")
    kinds = ("participants", "attendance", "submissions", "exemptions")
    headers = {k: words.template_headers(k, lang) for k in kinds}
    names = {k: words.sheet_name(k, lang) for k in kinds}
    book = openpyxl.Workbook()
    info = book.active
    info.title = words.instructions_sheet_name(lang)
    for i, line in enumerate(words.template_instructions(lang), start=1):
        info.cell(row=i, column=1, value=line).font = Font(bold=i == 1)
    info.column_dimensions["A"].width = 110
    bold = Font(bold=True)

    def sheet(kind: str, head: list[str], rows: Sequence[Sequence[object]]) -> None:
        ws = book.create_sheet(names[kind])
        ws.append(head)
        for cell in ws[1]:
            cell.font = bold
        for r in rows:
            ws.append(r)
        for i, h in enumerate(head, start=1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(10, len(h) + 2)
        ws.freeze_panes = "B2"

    people = list(c)
    sheet(
        "participants",
        headers["participants"],
        [
            [
                p.id, p.name, p.municipality.number, p.municipality.name, p.role, words.sector_word(p.sector, lang),
                p.contact.email if p.contact else None, p.contact.phone if p.contact else None,
                str(p.festival_role.value) if p.festival_role else None,
            ]
            for p in people
        ],
    )
    days = c.days
    day_heads = [d.strftime("%d.%m.%Y") for d in days]
    att_rows: list[list[object]] = []
    for p in people:
        recorded = p.attendance
        att_rows.append([p.id, p.name] + [words.attendance_word(recorded[d]) or None if d in recorded else None for d in days])
    sheet("attendance", headers["attendance"] + day_heads, att_rows)
    sub_rows: list[list[object]] = []
    for p in people:
        for s in p.submissions:
            sub_rows.append(
                [
                    p.id, str(s.kind.value), s.date.strftime("%d.%m.%Y"), str(s.status.value), s.pages,
                    str(s.category.value) if s.category else None, s.title or None,
                    s.decided_by or None, s.decided_on.strftime("%d.%m.%Y") if s.decided_on else None,
                    s.session or None,
                ]
            )
    sheet("submissions", headers["submissions"], sub_rows)
    ex_rows = [
        [p.id, e.requirement, e.reason, e.granted_by, e.date.strftime("%d.%m.%Y") if e.date else None]
        for p in people
        for e in p.exemptions
    ]
    sheet("exemptions", headers["exemptions"], ex_rows)
    book.save(os.fspath(path))
