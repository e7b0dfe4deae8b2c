"""Reading CSV files for the spreadsheet import (issue 15, "100,000 people in under 2 s"):
the fast split of a file without quotes gives exactly the tables pandas's C parser gave
before (kept here as the oracle), blank lines, short and long rows, every line ending and
odd characters included; files with quotes still go through the csv module."""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import smart
from smart.workbook import _read_csv, _sheet_rows

PROGRAMME = "smart-trener-2024"


def pandas_read_csv(path: Path) -> Any:
    """What smart.workbook._read_csv did before: pandas's C parser, the csv module when the
    text has quotes or pandas refuses it (ragged rows)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",") else ",")
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=delimiter, header=None, dtype=str, na_filter=False, skip_blank_lines=False, engine="c"
        )
        if '"' not in text:
            header = next((i for i, r in enumerate(frame.itertuples(index=False)) if any(c.strip() for c in r)), None)
            if header is None:
                return None
            heads = [str(c) for c in frame.iloc[header].tolist()]
            columns = [frame.iloc[header + 1 :, j].tolist() for j in range(frame.shape[1])]
            return (path.stem, "", heads, [], columns, list(range(header + 2, frame.shape[0] + 1)), header + 1)
    except ValueError:
        pass
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    for cells in reader:
        rows.append(cells)
        lines.append(reader.line_num)
    return _sheet_rows(path.stem, rows, lines)


CASES = [
    "id;name;role\np1;Kari;lærer\np2;Ola;rektor\n",
    "id;name;role\np1;Kari;lærer\np2;Ola;rektor",  # no final line ending
    "id;name;role\r\np1;Kari;lærer\r\np2;Ola;rektor\r\n",
    "id;name;role\rp1;Kari;lærer\rp2;Ola;rektor\r",
    "id;name;role\n\np1;Kari;lærer\n\n\np2;Ola;\n\n\n",  # blank lines, trailing ones too
    "\n\n  ;\t; \nid;name;role\np1;Kari\np2\n",  # blank rows before the header, short rows
    ";;;;;\nid;name;role\np1;Kari;lærer\n",  # a wider blank row first
    "id;name;role\np1;Kari;lærer;extra;more\np2;Ola;rektor\n",  # a longer row after the first
    ";;;;;;;\n;;;;;;;;;;\nid;name\np1;x\n",  # a wider row after a wide blank first row
    "id,name,role\np1,Kari,lærer\n",
    "id\tname\trole\np1\t Kari \tlærer\n",
    "id;navn\np1;Åse 😀 \u2028 \x0b x\x00y\n",  # characters splitlines would split at
    "\ufeffid;name\np1;Kari\n",  # a BOM
    "id\np1\n\np2\n",  # one column
    "",
    "\n\n",
    "  \n ; \n",
]


@pytest.mark.parametrize("text", CASES)
def test_a_csv_file_is_read_as_pandas_read_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deltakere.csv"
    path.write_bytes(text.encode("utf-8"))
    assert _read_csv(path) == pandas_read_csv(path)


def test_random_csv_files_are_read_as_pandas_read_them(tmp_path: Path) -> None:
    rng = random.Random(15)
    pieces = ["x", "sen", "", " ", "Kari Nordmann", "ø", "😀", "\t", "0301", "18.09.2024", "  a  "]
    for n in range(150):
        sep = rng.choice([";", ",", "\t"])
        end = rng.choice(["\n", "\r\n", "\r"])
        width = rng.randint(1, 6)
        rows = []
        for _ in range(rng.randint(0, 12)):
            k = width if rng.random() < 0.7 else rng.randint(0, width + 2)
            rows.append(sep.join("".join(rng.choice(pieces) for _ in range(rng.randint(0, 2))).replace(sep, "") for _ in range(k)))
        text = end.join(rows) + (end if rng.random() < 0.7 else "")
        path = tmp_path / f"t{n}.csv"
        path.write_bytes(text.encode("utf-8"))
        try:
            want = pandas_read_csv(path)
        except pd.errors.EmptyDataError:
            want = None
        assert _read_csv(path) == want, repr(text)


def test_a_csv_file_with_quoted_cells_goes_through_the_csv_module(tmp_path: Path) -> None:
    path = tmp_path / "deltakere.csv"
    path.write_text('id;name\np1;"Nordmann; Kari"\np2;"two\nlines"\np3;x\n', encoding="utf-8")
    table = _read_csv(path)
    assert table is not None
    assert table[4] == [["p1", "p2", "p3"], ["Nordmann; Kari", "two\nlines", "x"]]
    assert table[5] == [2, 4, 5]  # p3 on line 5: the quoted cell spans lines 3 and 4


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
