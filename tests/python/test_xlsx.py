"""The core's .xlsx reader (include/smart/xlsx.hpp) against a second reader: every cell of
the test workbooks and of a generated one reads as openpyxl reads it; broken packages are
refused naming the file and the part."""

from __future__ import annotations

import datetime
import random
import zipfile
from pathlib import Path

import pytest

import smart
from smart._smart import sheet_import as core
from conftest import sheet_rows

openpyxl = pytest.importorskip("openpyxl")

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"


def by_line(headers: list[str], columns: list[list[str]], lines: list[int]) -> dict[tuple[int, int], str]:
    """The non-blank cells of a table by (line, column), the header on line 0."""
    out = {(0, c): h for c, h in enumerate(headers) if h}
    for c, column in enumerate(columns):
        for line, text in zip(lines, column, strict=True):
            if text:
                out[(line, c)] = text
    return out


def core_cells(path: Path) -> dict[str, tuple[int, dict[tuple[int, int], str]]]:
    out = {}
    for t in core.read_xlsx(str(path)):
        cols = [t.column(i) for i in range(len(t.headers))]
        out[t.name] = (t.header_line, by_line(t.headers, cols, t.lines))
    return out


def openpyxl_cells(path: Path) -> dict[str, tuple[int, dict[tuple[int, int], str]]]:
    book = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in book.worksheets:
        if ws.title.replace(" ", "").lower() in {"instruksjoner", "instructions", "rettleiing", "veiledning"}:
            continue  # the template's instructions: the core leaves them out
        t = sheet_rows([list(r) for r in ws.iter_rows(values_only=True)])
        if t is not None:
            header_line, headers, columns, lines = t
            out[ws.title] = (header_line, by_line(headers, columns, lines))
    return out


@pytest.mark.parametrize("name", ["cells.xlsx", "cells_libreoffice.xlsx", "wide_nb.xlsx", "bad_wide.xlsx"])
def test_every_cell_reads_as_openpyxl_reads_it(name: str) -> None:
    ours = core_cells(SHEETS / name)
    assert ours == openpyxl_cells(SHEETS / name)
    assert ours  # not vacuous


@pytest.mark.parametrize("mac_1904", [False, True])
def test_a_generated_workbook_of_every_kind_of_cell(tmp_path: Path, mac_1904: bool) -> None:
    rng = random.Random(15)

    def value() -> object:
        kind = rng.randrange(9)
        if kind == 0:
            return None
        if kind == 1:
            return rng.choice(["x", "sen", "forfall", "Ærlig & <rett>", 'si "hei"', "  ", "æøå ÆØÅ", "tab\there", "😀"])
        if kind == 2:
            return rng.randrange(-10**12, 10**12)
        if kind == 3:
            return rng.uniform(-1e6, 1e6)
        if kind == 4:
            return rng.choice([0.1, 1e-9, 123456.789, -0.5, 2.5e20])
        if kind == 5:
            return datetime.date(1901, 1, 1) + datetime.timedelta(days=rng.randrange(60000))
        if kind == 6:
            return datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=rng.randrange(10**8))
        if kind == 7:
            return rng.choice([True, False, "#N/A", "#DIV/0!"])  # booleans and error values
        return f"p{rng.randrange(10**6):06d}"

    book = openpyxl.Workbook()
    if mac_1904:  # the 1904 date system of old Mac workbooks
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        book.epoch = CALENDAR_MAC_1904
    book.remove(book.active)
    for s in range(3):
        ws = book.create_sheet(f"ark {s}")
        for r in range(rng.randrange(1, 60)):
            for c in range(rng.randrange(1, 14)):
                v = value()
                if v is not None:
                    cell = ws.cell(row=r + 1 + s, column=c + 1, value=v)
                    if isinstance(v, datetime.datetime):
                        cell.number_format = "yyyy-mm-dd hh:mm:ss"
                    elif isinstance(v, datetime.date):
                        cell.number_format = rng.choice(["dd.mm.yyyy", "yyyy-mm-dd", "d. mmmm yyyy", "[$-414]dd/mm/yy"])
    path = tmp_path / "mix.xlsx"
    book.save(path)
    ours = core_cells(path)
    assert ours == openpyxl_cells(path)
    assert sum(len(cells) for _, cells in ours.values()) > 100


def broken(tmp_path: Path, parts: dict[str, str | None]) -> Path:
    """A copy of cells.xlsx with parts replaced (None: removed)."""
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(SHEETS / "cells.xlsx") as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            if item.filename in parts:
                if parts[item.filename] is not None:
                    dst.writestr(item.filename, parts[item.filename])
            else:
                dst.writestr(item, src.read(item.filename))
    return path


def test_broken_packages_are_refused_naming_the_part(tmp_path: Path) -> None:
    with pytest.raises(smart.ParseError, match=r"broken\.xlsx: not an \.xlsx workbook \(xl/workbook\.xml is missing\)"):
        smart.read_workbook(broken(tmp_path, {"xl/workbook.xml": None}), "smart-trener-2024")
    with pytest.raises(smart.ParseError, match=r"broken\.xlsx: xl/worksheets/sheet1\.xml at byte \d+: malformed XML"):
        smart.read_workbook(broken(tmp_path, {"xl/worksheets/sheet1.xml": "<worksheet><sheetData><row>"}), "smart-trener-2024")
    sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>'
    with pytest.raises(smart.ParseError, match=r'sheet "celler" cell A1 refers to shared string 7, which the workbook does not have'):
        smart.read_workbook(broken(tmp_path, {"xl/worksheets/sheet1.xml": sheet}), "smart-trener-2024")
    text = tmp_path / "kull.xlsx"
    text.write_text("deltaker;navn\n", encoding="utf-8")
    with pytest.raises(smart.ParseError, match=r"kull\.xlsx: not an \.xlsx workbook \(not a ZIP archive\)"):
        smart.read_workbook(text, "smart-trener-2024")
    with pytest.raises(FileNotFoundError):
        smart.read_workbook(tmp_path / "missing.xlsx", "smart-trener-2024")


def test_a_sheet_too_large_or_with_impossible_lines_is_refused(tmp_path: Path) -> None:
    # 2,000 rows with a cell in column XFD: a 16,384-column grid of 32 million cells.
    rows = "".join(f'<row r="{i}"><c r="XFD{i}" t="inlineStr"><is><t>x</t></is></c></row>' for i in range(1, 2002))
    sheet = f"<worksheet><sheetData>{rows}</sheetData></worksheet>"
    with pytest.raises(smart.ParseError, match=r'sheet "celler" is too large: 2000 rows of 16384 columns \(at most 30000000 cells\)'):
        smart.read_workbook(broken(tmp_path, {"xl/worksheets/sheet1.xml": sheet}), "smart-trener-2024")
    sheet = '<worksheet><sheetData><row r="0"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    with pytest.raises(smart.ParseError, match=r'a row numbered "0" \(expected a line from 1 to 1048576\)'):
        smart.read_workbook(broken(tmp_path, {"xl/worksheets/sheet1.xml": sheet}), "smart-trener-2024")
    sheet = '<worksheet><sheetData><row r="1"><c r="12" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    with pytest.raises(smart.ParseError, match=r'line 1: a cell reference "12" without a column letter'):
        smart.read_workbook(broken(tmp_path, {"xl/worksheets/sheet1.xml": sheet}), "smart-trener-2024")


def test_a_workbook_in_memory_reads_as_the_file(tmp_path: Path) -> None:
    import io

    path = SHEETS / "wide_nb.xlsx"
    from_file = smart.read_workbook(path, "smart-trener-2024")
    data = path.read_bytes()
    for source in (data, bytearray(data), io.BytesIO(data)):
        c = smart.read_workbook(source, "smart-trener-2024", id=from_file.id)
        assert c.to_json() == from_file.to_json()
    with open(path, "rb") as f:
        assert smart.Cohort.from_workbook(f, "smart-trener-2024").id == "wide_nb"  # the file's name
    assert smart.read_workbook(io.BytesIO(data), "smart-trener-2024").id == "workbook"
    with pytest.raises(smart.ParseError, match=r"upload\.xlsx: not an \.xlsx workbook"):
        upload = io.BytesIO(data[: len(data) // 2])
        upload.name = "upload.xlsx"
        smart.read_workbook(upload, "smart-trener-2024")
    with pytest.raises(TypeError, match="binary file object"):
        smart.read_workbook(io.StringIO("deltaker;navn\n"), "smart-trener-2024")  # type: ignore[arg-type]
