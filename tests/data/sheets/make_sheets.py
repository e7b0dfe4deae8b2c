"""Writes the administrator workbooks of tests/data/sheets (fictional people, programme
smart-trener-2024): run `.venv/bin/python tests/data/sheets/make_sheets.py` after changing
it. tests/python/test_sheet_import.py reads them and checks the exact errors listed in
*.expected.txt (one line per problem, as `smart import --lang en` prints them; the same
problems in bokmål and nynorsk in *.expected.nb.txt and *.expected.nn.txt, read by
tests/python/test_import_cli.py)."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent

PEOPLE = [
    # deltaker, navn, kommunenr (as Excel keeps it: a number), kommune, rolle, sektor
    ("k01", "Siri Fjellstad", 301, "Oslo", "lærer", "offentlig"),
    ("k02", "Jonas Bråten", 3905, "Tønsberg", "rektor", "offentlig"),
    ("k03", "Mina Eikeland", 4601, "Bergen", "miljøterapeut", "privat"),
    ("k04", "Petter Lunde", 301, "Oslo", "lærer", "frivillig"),
    ("k05", "Aisha Haugen", 3301, "Drammen", "assistent", "offentlig"),
]
DAYS = ["18.09.2024", "19.09.2024", "13.11.2024", "14.11.2024", "15.01.2025", "16.01.2025", "12.03.2025", "13.03.2025"]
MARKS = [
    ["x", "x", "x", "X", "x", "sen", "x", "x"],
    ["x", "", "forfall", "x", "x", "x", "x", "x"],
    ["✓", "✓", "✓", "✓", "fravær", "✓", "✓", "✓"],
    ["x", "x", "", "", "", "", "", ""],
    ["til stede", "til stede", "gyldig fravær", "x", "x", "x", "1", "1"],
]


def sheet(book: openpyxl.Workbook, title: str, rows: list[list[object]]) -> None:
    ws = book.create_sheet(title)
    for r in rows:
        ws.append(r)


def wide_nb() -> None:
    """The usual case: Norwegian headers and values, wide attendance (one column per day
    plus the festival by its session id), blanks, municipality numbers as numbers."""
    book = openpyxl.Workbook()
    book.active.title = "Instruksjoner"
    book.active["A1"] = "Kull høsten 2024 – fyll inn x for oppmøte"
    sheet(book, "Deltakere", [["Deltaker", "Navn", "Kommunenr", "Kommune", "Rolle", "Sektor", "E-post"]]
          + [[*p, f"{p[0]}@example.org"] for p in PEOPLE])
    sheet(book, "Oppmøte", [["Deltaker", "Navn", *DAYS, "festival"]]
          + [[p[0], p[1], *m, "x" if i < 3 else None] for i, (p, m) in enumerate(zip(PEOPLE, MARKS, strict=True))])
    sheet(book, "Innleveringer", [
        ["Deltaker", "Type", "Dato", "Sider", "Status", "Vurdert av", "Vurdert dato"],
        ["k01", "praksisblogg", datetime.datetime(2024, 10, 1), None, None, None, None],
        ["k01", "praksisblogg", "01.12.2024", None, None, None, None],
        ["k01", "praksisblogg", "2025-02-01", None, None, None, None],
        ["k01", "avsluttende tekst", "01.04.2025", 3, "godkjent", "Kari Veileder", "02.04.2025"],
    ])
    book.save(HERE / "wide_nb.xlsx")


def bad_wide() -> None:
    """The same workbook with mistakes in several places."""
    book = openpyxl.Workbook()
    book.active.title = "Instruksjoner"
    people = [list(p) for p in PEOPLE]
    people[1][2] = "39O5"        # C3: a letter O
    people[2][5] = "statlig"     # F4: not a sector
    people[3][1] = "   "         # B5: a name of spaces
    people.append(["k01", "Siri Fjellstad", 301, "Oslo", "lærer", "offentlig"])  # A7: duplicate
    sheet(book, "Deltakere", [["Deltaker", "Navn", "Kommunenr", "Kommune", "Rolle", "Sektor"]] + people)
    marks = [list(m) for m in MARKS]
    marks[0][2] = "ja"           # E2 (13.11.2024)
    marks[4][7] = "syk"          # J6 (13.03.2025)
    rows: list[list[object]] = [["Deltaker", "Navn", *DAYS[:6], "31.02.2025", "13.03.2025"]]  # I1: no such day
    rows += [[p[0], p[1], *m] for p, m in zip(PEOPLE, marks, strict=True)]
    rows.append([None] * 10)      # a blank line 7
    rows.append(["k09", "Ukjent Person", "x", "x", "x", "x", "x", "x", "x", "x"])  # A8: unknown participant
    sheet(book, "Oppmøte", rows)
    sheet(book, "Innleveringer", [
        ["Deltaker", "Type", "Dato", "Sider"],
        ["k01", "praksisblogg", "32.10.2024", None],   # C2: no such day
        ["k02", "blogg", "01.12.2024", None],          # B3: unknown kind
        ["k01", "avsluttende tekst", "01.04.2025", 0],  # D4: 0 pages
    ])
    book.save(HERE / "bad_wide.xlsx")


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)


def long_en() -> None:
    """A directory of CSV files with English headers and long attendance."""
    d = HERE / "long_en"
    d.mkdir(exist_ok=True)
    sectors = {"offentlig": "public", "privat": "private", "frivillig": "voluntary"}
    write_csv(d / "participants.csv", [["id", "name", "municipality_number", "municipality", "role", "sector"]]
              + [[p[0], p[1], f"{p[2]:04d}", p[3], p[4], sectors[p[5]]] for p in PEOPLE])
    words = {"x": "present", "X": "present", "✓": "present", "1": "present", "til stede": "present", "sen": "late",
             "forfall": "excused", "gyldig fravær": "excused", "fravær": "absent"}
    rows: list[list[object]] = [["participant_id", "date", "status"]]
    for p, m in zip(PEOPLE, MARKS, strict=True):
        for day, mark in zip(DAYS, m, strict=True):
            if mark:
                d_, m_, y_ = day.split(".")
                rows.append([p[0], f"{y_}-{m_}-{d_}", words[mark]])
    write_csv(d / "attendance.csv", rows)
    write_csv(d / "submissions.csv", [["participant_id", "kind", "date", "pages"],
                                      ["k02", "final_text", "2025-04-01", "4"]])


def bad_csv() -> None:
    """Semicolon CSV files as Norwegian Excel saves them, with mistakes."""
    d = HERE / "bad_csv"
    d.mkdir(exist_ok=True)
    write_csv(d / "deltakere.csv", [["deltaker", "navn", "kommunenr", "kommune", "rolle", "sektor", "alder"],
                                    ["k01", "Siri Fjellstad", "0301", "Oslo", "lærer", "offentlig", "41"],
                                    ["k02", "Jonas Bråten", "3905", "Tønsberg", "", "offentlig", "38"]], ";")
    write_csv(d / "oppmøte.csv", [["deltaker", "dato", "status"],
                                  ["k01", "18.09.2024", "x"],
                                  ["k01", "18.9.2024", "sen"],       # a second record (line 2)
                                  ["k02", "20.09.2024", "x"],        # no session
                                  ["k02", "19.09.2024", "kanskje"]], ";")
    write_csv(d / "fritak.csv", [["deltaker", "krav", "begrunnelse", "innvilget av"],
                                 ["k02", "festivalen", "Syk", "Koordinator"]], ";")


# The cells of cells.xlsx (openpyxl) and cells_libreoffice.xlsx (the same workbook saved by
# LibreOffice: shared strings, its own number formats, cached formula values), with the
# text each cell must read as (tests/cpp/test_xlsx.cpp, tests/python/test_xlsx.py).
CELLS = [
    ["tekst", "heltall", "desimal", "dato", "tidspunkt", "sann", "formel", "tom", "tegn"],
    ["Åse Ørn", 301, 0.5, datetime.date(2024, 9, 18), datetime.datetime(2024, 9, 18, 10, 30), True, "=B2*2", None,
     'a&b <c> "d"'],
    [" mellomrom ", 3905, 1.25, datetime.date(1999, 12, 31), datetime.datetime(2025, 1, 1), False, '=A2&"!"', None,
     "emoji 🎉"],
    [],
    ["siste", None, -2.5e-7, datetime.date(1900, 3, 1), None, None, None, None, None, "uten overskrift"],
]


def cells() -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    ws = book.create_sheet("celler")
    for r in CELLS:
        ws.append(r)
    for row in ws.iter_rows(min_row=2):
        row[3].number_format = "dd.mm.yyyy"
        row[4].number_format = "yyyy-mm-dd hh:mm"
    book.create_sheet("tom")  # a sheet without cells: no table
    book.save(HERE / "cells.xlsx")
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:  # LibreOffice writes the second one
        shutil.copy(HERE / "cells.xlsx", Path(tmp) / "cells_libreoffice.xlsx")
        subprocess.run(["libreoffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                        str(Path(tmp) / "out"), str(Path(tmp) / "cells_libreoffice.xlsx")], check=True,
                       capture_output=True)
        shutil.copy(Path(tmp) / "out" / "cells_libreoffice.xlsx", HERE / "cells_libreoffice.xlsx")


if __name__ == "__main__":
    cells()
    wide_nb()
    bad_wide()
    long_en()
    bad_csv()
