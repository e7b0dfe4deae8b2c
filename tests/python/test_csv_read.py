"""Reading CSV files for the spreadsheet import (smart/csv.hpp, the core's reader used by
`smart import`, `smart.read_workbook` and C's `smart_cohort_import`): every file, random ones
with quoted cells included, reads as Python's csv module reads it (the oracle), in the
encodings Excel writes; what cannot be read names the file and the line."""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
from pathlib import Path

import pytest

import smart
from smart._smart import sheet_import as core
from conftest import sheet_rows, smart_cli

PROGRAMME = "smart-trener-2024"

Table = tuple[int, list[str], list[list[str]], list[int]] | None


def core_table(data: bytes) -> Table:
    tables = core.read_csv_data(data, "deltakere")
    if not tables:
        return None
    (t,) = tables
    return t.header_line, t.headers, [t.column(i) for i in range(len(t.headers))], t.lines


def delimiter_of(text: str) -> str | None:
    """The separator the core chooses: from the first line that is not blank."""
    lines = io.StringIO(text, newline="").readlines()
    first = next((line for line in lines if line.strip(" \t;,\r\n")), None)
    if first is None:
        return None
    return ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",") else ",")


def csv_module_table(text: str) -> Table:
    """Python's csv module on the text, with the core's documented choices: the separator
    from the first line that is not blank; empty lines left out; each row at the line it
    starts on; line breaks inside a cell as \\n."""
    delimiter = delimiter_of(text)
    if delimiter is None:  # spaces, tabs and separators only
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    starts: list[int] = []
    previous = 0
    for cells in reader:
        if cells:
            rows.append([c.replace("\r\n", "\n").replace("\r", "\n") for c in cells])
            starts.append(previous + 1)
        previous = reader.line_num
    return sheet_rows(rows, starts)


CASES = [
    "id;name;role\np1;Kari;lærer\np2;Ola;rektor\n",
    "id;name;role\np1;Kari;lærer\np2;Ola;rektor",  # no final line ending
    "id;name;role\r\np1;Kari;lærer\r\np2;Ola;rektor\r\n",
    "id;name;role\rp1;Kari;lærer\rp2;Ola;rektor\r",
    "id;name;role\n\np1;Kari;lærer\n\n\np2;Ola;\n\n\n",  # blank lines, trailing ones too
    "\n\n  ;\t; \nid;name;role\np1;Kari\np2\n",  # blank rows before the header, short rows
    ";;;;;\nid;name;role\np1;Kari;lærer\n",  # a wider blank row first
    "id;name;role\np1;Kari;lærer;extra;more\np2;Ola;rektor\n",  # a longer row after the first
    "id,name,role\np1,Kari,lærer\n",
    "id\tname\trole\np1\t Kari \tlærer\n",
    "id;navn\np1;Åse 😀 \u2028 \x0b x\x00y\n",  # characters Python's str.splitlines would split at
    "\ufeffid;name\np1;Kari\n",  # a BOM
    "id\np1\n\np2\n",  # one column
    'id;name\np1;"Nordmann; Kari"\np2;"two\r\nlines"\np3;x\n',  # quoted cells span lines
    'id;name\np1;Kari "Kaja" Nordmann;"ab"c\np2;"";""""\n',  # quotes inside cells, text after one
    "",
    "\n\n",
    "  \n ; \n",
]


@pytest.mark.parametrize("text", CASES)
def test_a_csv_file_reads_as_the_csv_module_reads_it(text: str) -> None:
    assert core_table(text.encode("utf-8")) == csv_module_table(text.removeprefix("\ufeff"))


def test_random_csv_files_read_as_the_csv_module_reads_them() -> None:
    rng = random.Random(15)
    pieces = ["x", "sen", "", " ", "Kari Nordmann", "ø", "😀", "\t", "0301", "18.09.2024", "  a  ", ";", ",", "\n", "\r\n", '"']
    compared = 0
    for _ in range(400):
        sep = rng.choice([";", ",", "\t"])
        end = rng.choice(["\n", "\r\n", "\r"])
        width = rng.randint(1, 6)
        rows = []
        for _ in range(rng.randint(0, 12)):
            k = width if rng.random() < 0.7 else rng.randint(0, width + 2)
            cells = []
            for _ in range(k):
                text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
                if rng.random() < 0.3:  # quoted as Excel quotes: separators and line breaks allowed
                    cells.append('"' + text.replace('"', '""') + '"' + (rng.choice(["", "", "x"])))
                else:  # unquoted: no separator, line break or leading quote
                    plain = text.replace(sep, "").replace("\r", "").replace("\n", "").lstrip('"')
                    cells.append(plain)
            rows.append(sep.join(cells))
        text = end.join(rows) + (end if rng.random() < 0.7 else "")
        if delimiter_of(text) not in (sep, None):  # a separator in a cell of the first line misleads both
            continue
        want = csv_module_table(text)
        assert core_table(text.encode("utf-8")) == want, repr(text)
        compared += want is not None
    assert compared > 250


@pytest.mark.parametrize(
    ("encoding", "bom"), [("cp1252", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")]
)
def test_the_encodings_excel_writes(encoding: str, bom: bytes) -> None:
    text = "Deltaker;Navn;Kommune\r\np1;Åse Bjørnstad;Bærum\r\np2;«Ærlig» – €;Tromsø\r\n"
    assert core_table(bom + text.encode(encoding)) == csv_module_table(text)


def test_what_cannot_be_read_names_the_file_and_the_line(tmp_path: Path) -> None:
    d = tmp_path / "kull"
    d.mkdir()
    (d / "deltakere.csv").write_text('Deltaker;Navn\np1;"Kari\np2;Ola\n', encoding="utf-8")
    (d / "oppmøte.csv").write_text("Deltaker;18.09.2024\np1;kanskje\n", encoding="utf-8")
    with pytest.raises(smart.SheetImportError) as info:
        smart.read_workbook(d, PROGRAMME)
    (e,) = info.value.errors  # the reading problem alone: the other table's is not reported
    assert (e.table, e.row, e.letter, e.code) == ("deltakere", 2, "B", "parse_error")
    assert e.describe("en") == 'deltakere line 2, column B: a quoted cell is not closed (a " without its closing ")'
    assert e.describe("nb") == 'deltakere linje 2, kolonne B: en celle i anførselstegn blir ikke avsluttet (en " uten sin avsluttende ")'
    (d / "deltakere.csv").write_bytes(b"Deltaker;Navn\np1;\x81\n")
    with pytest.raises(smart.SheetImportError, match=r"neither UTF-8 nor Windows-1252"):
        smart.read_workbook(d, PROGRAMME)
    (d / "oppmøte.csv").unlink()
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        smart.read_workbook(tmp_path / "missing", PROGRAMME)
    (d / "deltakere.csv").unlink()
    with pytest.raises(FileNotFoundError, match="no CSV files"):
        smart.read_workbook(d, PROGRAMME)
    (tmp_path / "kull.pdf").write_bytes(b"%PDF-1.7")
    with pytest.raises(ValueError, match="expected an .xlsx workbook, a CSV file or a directory of CSV files"):
        smart.read_workbook(tmp_path / "kull.pdf", PROGRAMME)


def test_a_wide_csv_directory_imports_with_lines_and_letters(tmp_path: Path) -> None:
    d = tmp_path / "kull"
    d.mkdir()
    (d / "deltakere.csv").write_text(
        "Deltaker;Navn;Kommunenr;Kommune;Rolle;Sektor\r\np1;Kari;301;Oslo;lærer;offentlig\r\n\r\np2;Ola;3905;Tønsberg;rektor;statlig\r\n",
        encoding="utf-8-sig",
    )
    (d / "oppmøte.csv").write_text("Deltaker;18.09.2024;19.09.2024\np1;x;sen\np2;;x\n", encoding="utf-8")
    with pytest.raises(smart.SheetImportError) as info:
        smart.read_workbook(d, PROGRAMME)
    assert [(e.table, e.row, e.letter, e.column) for e in info.value.errors] == [("deltakere", 4, "F", "Sektor")]
    (d / "deltakere.csv").write_text("Deltaker;Navn;Kommunenr;Kommune;Rolle;Sektor\np1;Kari;301;Oslo;lærer;offentlig\n")
    (d / "oppmøte.csv").write_text("Deltaker;18.09.2024;19.09.2024\np1;x;sen\n")
    c = smart.read_workbook(d, PROGRAMME)
    assert c["p1"].municipality.number == "0301"
    assert [str(v) for v in c["p1"].attendance.values()] == ["present", "late"]


def test_excels_semicolon_csv_in_windows_1252_imports(tmp_path: Path) -> None:
    """What "Lagre som → CSV (semikolondelt)" in Excel on Norwegian Windows writes."""
    d = tmp_path / "kull"
    d.mkdir()
    (d / "deltakere.csv").write_bytes(
        "Deltaker;Navn;Kommunenr;Kommune;Rolle;Sektor\r\np1;Åse Bjørnstad;3201;Bærum;lærer;offentlig\r\n".encode("cp1252")
    )
    (d / "oppmøte.csv").write_bytes("Deltaker;18.09.2024\r\np1;x\r\n".encode("cp1252"))
    c = smart.read_workbook(d, PROGRAMME)
    assert c["p1"].name == "Åse Bjørnstad" and c["p1"].municipality.name == "Bærum"


def test_reading_a_csv_directory_does_not_import_pandas(tmp_path: Path) -> None:
    """`smart import DIR` in a fresh process: importing pandas alone took longer than
    reading and importing 100,000 participants."""
    d = tmp_path / "kull"
    d.mkdir()
    (d / "deltakere.csv").write_text("Deltaker;Navn;Kommunenr;Kommune;Rolle;Sektor\np1;Kari;301;Oslo;lærer;offentlig\n")
    (d / "oppmøte.csv").write_text("Deltaker;18.09.2024\np1;x\n")
    code = (
        "import sys, smart\n"
        f"c = smart.read_workbook({str(d)!r}, {PROGRAMME!r})\n"
        "assert len(c) == 1 and c['p1'].municipality.number == '0301'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'pyarrow')))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


def test_an_uploaded_csv_file_is_one_table_named_by_its_name(tmp_path: Path) -> None:
    """A web form's upload: a binary file object named deltakere.csv, in Excel's Windows-1252."""
    data = "Deltaker;Navn;Kommunenr;Kommune;Rolle;Sektor\r\np1;Åse;301;Oslo;lærer;offentlig\r\n".encode("cp1252")
    upload = io.BytesIO(data)
    upload.name = "deltakere.csv"
    c = smart.read_workbook(upload, PROGRAMME, id="kull")
    assert c["p1"].name == "Åse" and c["p1"].municipality.number == "0301"
    path = tmp_path / "deltakere.csv"
    path.write_bytes(data)
    with open(path, "rb") as f:
        assert smart.read_workbook(f, PROGRAMME).id == "deltakere"
    # bytes without a name are a workbook, as before
    with pytest.raises(smart.ParseError, match="not an .xlsx workbook"):
        smart.read_workbook(data, PROGRAMME)


def test_smart_import_reports_an_unreadable_csv_file_in_its_language(tmp_path: Path) -> None:
    d = tmp_path / "kull"
    d.mkdir()
    (d / "deltakere.csv").write_text('Deltaker;Navn\np1;"Kari\n', encoding="utf-8")
    out = tmp_path / "kull.json"
    status, _, err = smart_cli("import", str(d), "--programme", PROGRAMME, "-o", str(out), "--lang", "nn")
    assert status == 1 and not out.exists()
    lines = err.splitlines()
    assert lines[0] == 'deltakere linje 2, kolonne B: ei celle i hermeteikn vert ikkje avslutta (ein " utan den avsluttande ")'
    assert "English" not in err and "quoted" not in err
