"""Spreadsheet import as administrators keep it (issue 15): workbooks, CSV directories and
DataFrames with Norwegian headers and values, wide and long attendance, every problem at
its sheet, line and column letter; `smart import` and `smart template`."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pandas as pd
import pytest

import smart

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
PROGRAMME = "smart-trener-2024"


def expected(name: str) -> list[str]:
    return (SHEETS / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()


def problems(path: Path) -> list[str]:
    with pytest.raises(smart.SheetImportError) as info:
        smart.read_workbook(path, PROGRAMME)
    return [e.text for e in info.value.errors]


def test_a_norwegian_wide_workbook_loads() -> None:
    c = smart.read_workbook(SHEETS / "wide_nb.xlsx", PROGRAMME)
    assert c.id == "wide_nb" and len(c) == 5
    k01, k02, k03, k04, k05 = (c[i] for i in ("k01", "k02", "k03", "k04", "k05"))
    assert k01.municipality.number == "0301"  # Excel kept 301
    assert (k03.sector, k04.sector) == ("private", "voluntary")
    assert k01.contact is not None and k01.contact.email == "k01@example.org"
    day = datetime.date
    assert k01.attendance[day(2025, 1, 16)] == "late"
    assert k01.attendance[day(2025, 4, 9)] == "present"  # the festival column, headed by its session id
    assert day(2024, 9, 19) not in k02.attendance  # blank: not recorded
    assert k02.attendance[day(2024, 11, 13)] == "excused"
    assert k03.attendance[day(2025, 1, 15)] == "absent"
    assert k05.attendance[day(2024, 11, 13)] == "excused"  # gyldig fravær
    assert day(2024, 11, 13) not in k04.attendance
    final = k01.submissions[-1]
    assert (final.kind, final.pages, final.status, final.decided_by) == ("final_text", 3, "approved", "Kari Veileder")
    assert k01.submissions[0].date == day(2024, 10, 1)  # a date cell
    assert c.evaluate("2025-04-30")["k01"].status == "eligible"


def test_a_csv_directory_with_long_attendance_says_the_same() -> None:
    wide = smart.read_workbook(SHEETS / "wide_nb.xlsx", PROGRAMME)
    long = smart.Cohort.from_workbook(SHEETS / "long_en", PROGRAMME)
    for p in long:
        w = wide[p.id]
        assert {d: s for d, s in w.attendance.items() if d != datetime.date(2025, 4, 9)} == p.attendance
        assert (p.municipality, p.sector, p.name) == (w.municipality, w.sector, w.name)


@pytest.mark.parametrize("name", ["bad_wide.xlsx", "bad_csv"])
def test_every_problem_of_a_bad_workbook_is_reported_at_its_line_and_letter(name: str) -> None:
    assert problems(SHEETS / name) == expected(Path(name).stem)


def test_the_error_keeps_the_single_error_attributes() -> None:
    with pytest.raises(smart.ValidationError) as info:
        smart.read_workbook(SHEETS / "bad_wide.xlsx", PROGRAMME)
    e = info.value
    assert isinstance(e, smart.SheetImportError)
    first = e.errors[0]
    assert (e.table, e.row, e.column, e.path) == (first.table, first.row, first.column, first.path)
    assert str(e).splitlines() == [p.text for p in e.errors]
    bad = next(p for p in e.errors if p.found == "39O5")
    assert (bad.table, bad.row, bad.letter, bad.column) == ("Deltakere", 3, "C", "Kommunenr")
    assert bad.path == "/participants/1/municipality/number"
    with pytest.raises(smart.SheetImportError) as few:
        smart.read_workbook(SHEETS / "bad_wide.xlsx", PROGRAMME, max_errors=2)
    assert len(few.value.errors) == 2 and few.value.truncated


def people() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Deltaker": ["a1", "a2", "a3"],
            "Navn": ["Kari Nordmann", "Ola Nordmann", "Per Hansen"],
            "Kommunenr": [301, 3905, 3301],  # integers, as pandas reads them
            "Kommune": ["Oslo", "Tønsberg", "Drammen"],
            "Rolle": ["lærer", "rektor", "lærer"],
            "Sektor": ["offentlig", "privat", "offentlig"],
        }
    )


def test_from_frames_takes_a_wide_norwegian_frame_with_blanks() -> None:
    att = pd.DataFrame(
        {
            "deltaker": ["a1", "a2", "a3"],
            pd.Timestamp("2024-09-18"): ["x", None, "sen"],  # headers as Excel dates
            "19.09.2024": ["x", "", "fravær"],
            "festival": ["✓", float("nan"), "x"],
        }
    )
    c = smart.Cohort.from_frames(PROGRAMME, id="k", label="K", participants=people(), attendance=att)
    assert c["a1"].municipality.number == "0301"
    assert c["a2"].attendance == {}
    assert c["a3"].attendance == {
        datetime.date(2024, 9, 18): "late",
        datetime.date(2024, 9, 19): "absent",
        datetime.date(2025, 4, 9): "present",
    }


def test_from_frames_reports_all_errors_at_once() -> None:
    p = people()
    p.loc[1, "Sektor"] = "statlig"
    att = pd.DataFrame({"deltaker": ["a1", "a2", "a9"], "dato": ["18.09.2024", "31.09.2024", "19.09.2024"],
                        "status": ["x", "x", "x"]})
    with pytest.raises(smart.SheetImportError) as info:
        smart.Cohort.from_frames(PROGRAMME, id="k", label="K", participants=p, attendance=att)
    got = [(e.table, e.row, e.column) for e in info.value.errors]
    assert got == [("participants", 1, "Sektor"), ("attendance", 1, "dato"), ("attendance", 2, "deltaker")]
    assert "31.09.2024" in info.value.errors[1].message


def test_a_vocabulary_of_ones_own() -> None:
    att = pd.DataFrame({"deltaker": ["a1"], "18.09.2024": ["J"], "19.09.2024": ["N"]})
    c = smart.Cohort.from_frames(
        PROGRAMME, id="k", label="K", participants=people(), attendance=att, vocabulary={"j": "present", "n": "absent"}
    )
    assert c["a1"].attendance == {datetime.date(2024, 9, 18): "present", datetime.date(2024, 9, 19): "absent"}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_template_round_trip(tmp_path: Path, demo: smart.Cohort, lang: str) -> None:
    path = tmp_path / "kull.xlsx"
    smart.write_template(path, demo.programme.id, cohort=demo, lang=lang)
    again = smart.read_workbook(path, demo.programme.id, id=demo.id, label=demo.label, capacity=demo.capacity)
    assert again == demo


def test_a_directory_import_copies_nothing_half(tmp_path: Path) -> None:
    d = tmp_path / "csv"
    shutil.copytree(SHEETS / "long_en", d)
    (d / "attendance.csv").write_text("participant_id,date,status\nk01,2024-09-18,present\nk01,2024-09-18,late\n")
    with pytest.raises(smart.SheetImportError) as info:
        smart.read_workbook(d, PROGRAMME)
    assert [e.text for e in info.value.errors] == [
        'attendance line 3, column B (date): a second record for participant "k01" on 2024-09-18 (first on line 2)'
    ]


def test_rows_of_a_frame_with_labels_are_named_by_their_labels() -> None:
    p = people()
    p.index = pd.Index(["x", "y", "z"])
    p.loc["y", "Sektor"] = "statlig"
    with pytest.raises(smart.SheetImportError) as info:
        smart.Cohort.from_frames(PROGRAMME, id="k", label="K", participants=p)
    assert (info.value.row, info.value.column) == ("y", "Sektor")
    assert str(info.value).startswith("participants row y, column 'Sektor': unknown sector \"statlig\"")


def test_a_csv_file_with_blank_lines_keeps_its_line_numbers(tmp_path: Path) -> None:
    (tmp_path / "deltakere.csv").write_text(
        "id;name;municipality_number;municipality;role;sector\n\na1;Kari;301;Oslo;lærer;offentlig\n\n\na2;Ola;3905;Tønsberg;;privat\n",
        encoding="utf-8",
    )
    with pytest.raises(smart.SheetImportError) as info:
        smart.read_workbook(tmp_path, PROGRAMME)
    assert [e.text for e in info.value.errors] == [
        "deltakere line 6, column E (role): expected the participant's role (lærer, rektor, ...), found a blank cell"
    ]
