"""`smart import` and `smart template` (issue 15): the report of every problem, nothing
written on errors, a template workbook to start from."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

import smart
from smart.cli import run as run_cli

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
PROGRAMME = "smart-trener-2024"


def expected(name: str) -> list[str]:
    return (SHEETS / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_cli(argv, out, err)
    return status, out.getvalue(), err.getvalue()


def test_smart_import_and_template_commands(tmp_path: Path) -> None:
    out = tmp_path / "kull.json"
    status, _, text = run(["import", str(SHEETS / "bad_wide.xlsx"), "--programme", PROGRAMME, "-o", str(out)])
    assert status == 1
    err = text.splitlines()
    assert err[:-1] == expected("bad_wide")
    assert err[-1].startswith(f"{len(expected('bad_wide'))} feil i ") and "ingenting er skrevet" in err[-1]
    assert not out.exists()
    status, text, _ = run(["import", str(SHEETS / "wide_nb.xlsx"), "--programme", PROGRAMME, "-o", str(out), "--lang", "en"])
    assert status == 0 and "5 participants imported" in text
    assert smart.load_cohort(out) == smart.read_workbook(SHEETS / "wide_nb.xlsx", PROGRAMME)
    template = tmp_path / "mal.xlsx"
    assert run(["template", "--programme", PROGRAMME, "-o", str(template)])[0] == 0
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Instruksjoner", "deltakere", "oppmøte", "innleveringer", "fritak"]
    heads = [c.value for c in book["oppmøte"][1]]
    assert heads[:3] == ["deltaker", "navn", "18.09.2024"] and len(heads) == 2 + 9
    # an empty template imports as an empty cohort
    empty = smart.read_workbook(template, PROGRAMME)
    assert len(empty) == 0


def test_smart_import_warns_about_a_number_with_two_names_and_reports_an_unwritable_output(tmp_path: Path) -> None:
    folder = tmp_path / "ark"
    folder.mkdir()
    (folder / "deltakere.csv").write_text(
        "deltaker,navn,kommunenr,kommune,rolle,sektor\n"
        "p1,Fiktiv En,3905,Tønsberg,Trener,frivillig\n"
        "p2,Fiktiv To,3905,Bergen,Trener,frivillig\n",
        encoding="utf-8",
    )
    out = tmp_path / "kull.json"
    status, text, err = run(["import", str(folder), "--programme", PROGRAMME, "-o", str(out), "--lang", "en"])
    assert status == 0 and out.exists(), err
    assert "3905" in err and "Bergen" in err and "Tønsberg" in err  # a warning, the cohort is still written
    status, text, err = run(["import", str(folder), "--programme", PROGRAMME, "-o", str(tmp_path / "no" / "kull.json")])
    assert status == 1 and "Traceback" not in err and "kull.json" in err, err
