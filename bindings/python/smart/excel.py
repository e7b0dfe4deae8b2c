"""Excel workbooks of results: one formatted sheet per table (bold header row, column
widths, shares as numbers with a percent format, dates as dates, suppressed cells marked
"–" with a note), headings and sheet names in nb, nn or en from the core's words
(``smart.column_heading``, src/headings.cpp). Needs pandas and openpyxl
(``pip install 'smart[excel,pandas]'``).

The figures are the frames' (:meth:`Statistics.to_pandas`, :meth:`Evaluation.to_pandas`);
this module only lays them out.
"""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._core import _smart
from .enums import Lang, RequirementKind, RequirementState, Sector, Status

if TYPE_CHECKING:
    import pandas as pd

    from .evaluation import Evaluation
    from .statistics import Statistics

__all__ = ["SUPPRESSED", "column_heading", "evaluation_workbook", "statistics_workbook"]

SUPPRESSED = "–"
"""What a suppressed cell shows (an en dash), with a note saying why."""

PERCENT = "0.0%"
DAYS = "General"  # weighted days: 8, 6.5
_DATE = {Lang.nb: "dd.mm.yyyy", Lang.nn: "dd.mm.yyyy", Lang.en: "yyyy-mm-dd"}
_STATUS_WORDS = {s.value for s in Status}
_STATE_WORDS = {s.value for s in RequirementState}
_SECTOR_WORDS = {s.value for s in Sector}
_KIND_WORDS = {k.value for k in RequirementKind}


def column_heading(name: str, lang: Lang | str = "nb") -> str:
    """The heading of a column by its one name (docs/vocabulary.md), in the core's words;
    a name the core has no heading for (a requirement id, a cohort id) is shown as it is."""
    words: str | None = _smart.evaluation.column_heading(name, Lang(lang))
    return name if words is None else words


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("smart: Excel workbooks need openpyxl: pip install 'smart[excel]'") from exc
    return openpyxl


class _Sheet:
    """One table to write: a frame, the columns holding shares (percent format) and
    whether NA cells of a row are suppressed (a column of booleans, per figure column)."""

    def __init__(
        self,
        key: str,
        frame: pd.DataFrame,
        *,
        shares: Sequence[str] = (),
        days: Sequence[str] = (),
        suppressed: dict[str, str] | None = None,
        headings: dict[str, str] | None = None,
        words: dict[str, str] | None = None,
    ) -> None:
        self.key, self.frame, self.shares, self.days = key, frame, set(shares), set(days)
        self.suppressed = suppressed or {}  # figure column -> its boolean "suppressed" column
        self.headings = headings or {}  # column -> heading, where not the core's
        # column -> how its values read: "status", "state", "sector", "kind" (the core's
        # labels) or "heading"; a sector column and a requirement kind column always read so
        self.words = {c: c for c in ("sector", "kind") if c in frame.columns} | (words or {})


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return isinstance(v, float) and math.isnan(v)


def _cell(v: Any, lang: Lang, words: str | None) -> Any:
    """A frame's value as a workbook cell: numbers and dates as they are, statuses and
    states in the core's words, interval sets as their numbers."""
    if _missing(v):
        return None
    if hasattr(v, "item") and not isinstance(v, str | bytes):
        v = v.item()  # a NumPy scalar
    if isinstance(v, tuple):
        return " ".join(map(str, v))
    if isinstance(v, bool | int | float | datetime.date):
        return v
    text = str(v)
    if words == "status" and text in _STATUS_WORDS:
        return Status(text).label(lang)
    if words == "state" and text in _STATE_WORDS:
        return RequirementState(text).label(lang)
    if words == "sector" and text in _SECTOR_WORDS:
        return Sector(text).label(lang)
    if words == "kind" and text in _KIND_WORDS:
        return RequirementKind(text).label(lang)
    if words == "heading":
        return column_heading(text, lang)
    return text


def _write(book: Any, sheet: _Sheet, lang: Lang) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    title = column_heading(f"sheet_{sheet.key}", lang)[:31]
    ws = book.create_sheet(title)
    frame = sheet.frame
    columns = [str(c) for c in frame.columns]
    headings = [sheet.headings.get(c) or column_heading(c, lang) for c in columns]
    ws.append(headings)
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=False, vertical="top")
    widths = [len(h) for h in headings]
    note = column_heading("suppressed_note", lang)
    any_suppressed = False
    flags = {c: frame[f].tolist() for c, f in sheet.suppressed.items() if f in frame.columns}
    values = [frame[c].tolist() for c in columns]
    for i in range(len(frame)):
        row: list[Any] = []
        hidden: list[int] = []
        for j, c in enumerate(columns):
            v = _cell(values[j][i], lang, sheet.words.get(c))
            if v is None and c in flags and bool(flags[c][i]):
                v = SUPPRESSED
                hidden.append(j)
            row.append(v)
        ws.append(row)
        r = ws.max_row
        for j, c in enumerate(columns):
            cell = ws.cell(row=r, column=j + 1)
            v = row[j]
            if j in hidden:
                cell.alignment = Alignment(horizontal="right")
                any_suppressed = True
            elif c in sheet.shares and isinstance(v, float | int):
                cell.number_format = PERCENT
            elif c in sheet.days and isinstance(v, float | int):
                cell.number_format = DAYS
            elif isinstance(v, datetime.date):
                cell.number_format = _DATE[lang]
            shown = 10 if isinstance(v, datetime.date) else 7 if c in sheet.shares else len(str(v)) if v is not None else 0
            widths[j] = max(widths[j], shown)
    for j, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(j + 1)].width = min(max(w, 4) + 2, 60)
    ws.freeze_panes = "A2"
    if len(frame):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{ws.max_row}"
    if any_suppressed:
        # the note on the header of every column with a suppressed cell, said once per sheet
        for j, c in enumerate(columns):
            if c in flags and any(bool(f) for f in flags[c]):
                ws.cell(row=1, column=j + 1).comment = Comment(note, "smart")


def _save(path: str | os.PathLike[str], sheets: list[_Sheet], lang: Lang) -> None:
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    book.remove(book.active)
    for s in sheets:
        _write(book, s, lang)
    book.save(os.fspath(path))


def _statistics_sheet(st: Statistics, key: str, table: str) -> _Sheet:
    frame = st.to_pandas(table)  # type: ignore[arg-type]
    kinds = {name: kind for name, kind, _ in st.columns(table)}  # type: ignore[arg-type]
    parts = [c for c in frame.columns if str(c).endswith(("_numerator", "_denominator"))]
    frame = frame.drop(columns=parts)
    shares = [n for n, k in kinds.items() if k == "ratio"]
    suppressed: dict[str, str] = {}
    if "suppressed" in frame.columns:
        suppressed = {c: "suppressed" for c in frame.columns if kinds.get(str(c)) in ("int", "ratio")}
    if table == "certified":
        suppressed = {"certified": "certified_suppressed", "cumulative": "cumulative_suppressed"}
    return _Sheet(key, frame, shares=shares, suppressed=suppressed, words={"measure": "heading"})


def statistics_workbook(st: Statistics, path: str | os.PathLike[str], lang: Lang | str = "nb") -> None:
    """Writes the statistics tables to an Excel workbook: see :meth:`Statistics.to_excel`."""
    lang = Lang(lang)
    sheets = [_statistics_sheet(st, "cohorts", "cohorts")]
    if st.group_by != "none":
        sheets.append(_statistics_sheet(st, "groups", "groups"))
    sheets += [
        _statistics_sheet(st, "funnel", "funnel"),
        _statistics_sheet(st, "days", "days"),
        _statistics_sheet(st, "certified", "certified"),
        _statistics_sheet(st, "long", "long"),
    ]
    _save(path, sheets, lang)


def evaluation_workbook(ev: Evaluation, path: str | os.PathLike[str], lang: Lang | str = "nb") -> None:
    """Writes an evaluation to an Excel workbook: see :meth:`Evaluation.to_excel`."""
    lang = Lang(lang)
    people = ev.to_pandas("participant")
    labels = {r.id: r.short_label(lang) for r in ev.programme.requirements}  # never another language's words
    state_columns = {c: labels[c] for c in people.columns if c in labels}
    requirements = ev.to_pandas("requirement").drop(columns=["attended_numerator", "attended_denominator"])
    requirements.insert(
        len(requirements.columns),
        "explanation",
        [q.explain(lang) for r in ev for q in r.requirements],
    )
    requirements["requirement_id"] = [labels.get(str(x), str(x)) for x in requirements["requirement_id"]]
    _save(
        path,
        [
            _Sheet("participants", people, headings=state_columns,
                   words={"status": "status", **{c: "state" for c in state_columns}}),
            _Sheet("requirements", requirements, days=["attended"], words={"state": "state"}),
        ],
        lang,
    )
