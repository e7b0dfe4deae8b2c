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
