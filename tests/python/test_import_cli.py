"""`smart import` and `smart template` (issue 15): the report of every problem, nothing
written on errors, a template workbook to start from."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

import smart
from smart.cli import run as run_cli

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
PROGRAMME = "smart-trener-2024"


def expected(name: str, lang: str = "en") -> list[str]:
    suffix = "" if lang == "en" else f".{lang}"
    return (SHEETS / f"{name}.expected{suffix}.txt").read_text(encoding="utf-8").splitlines()


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_cli(argv, out, err)
    return status, out.getvalue(), err.getvalue()


def test_smart_import_and_template_commands(tmp_path: Path) -> None:
    out = tmp_path / "kull.json"
    status, _, text = run(["import", str(SHEETS / "bad_wide.xlsx"), "--programme", PROGRAMME, "-o", str(out)])
    assert status == 1
    err = text.splitlines()
    assert err[:-1] == expected("bad_wide", "nb")  # the default language: bokmål
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


@pytest.mark.parametrize(
    ("lang", "summary"),
    [("nb", "feil i {}; ingenting er skrevet."), ("nn", "feil i {}; ingenting er skrive."),
     ("en", "problems in {}; nothing was written.")],
)
def test_smart_import_reports_every_problem_in_the_language_asked_for(tmp_path: Path, lang: str, summary: str) -> None:
    for name in ("bad_wide", "bad_csv"):
        path = SHEETS / (name + ".xlsx" if name == "bad_wide" else name)
        status, out, err = run(["import", str(path), "--programme", PROGRAMME, "-o", str(tmp_path / "k.json"), "--lang", lang])
        assert status == 1 and out == ""
        lines = err.splitlines()
        assert lines[:-1] == expected(name, lang)
        assert lines[-1] == f"{len(lines) - 1} " + summary.format(path)
        # the same words as the Python API's
        with pytest.raises(smart.SheetImportError) as info:
            smart.read_workbook(path, PROGRAMME)
        assert [e.describe(lang) for e in info.value.errors] == lines[:-1]
    if lang == "nn":  # places in nynorsk: "linje", "kolonne"
        assert expected("bad_wide", "nn")[1].startswith("Deltakere linje 3, kolonne C (Kommunenr): venta ")
    status, out, err = run(["import", str(SHEETS / "wide_nb.xlsx"), "--programme", PROGRAMME, "-o", str(tmp_path / "k.json"),
                            "--lang", lang])
    assert status == 0, err
    done = {"nb": "5 deltakere lest inn; skrev", "nn": "5 deltakarar lesne inn; skreiv", "en": "5 participants imported; wrote"}
    assert out == f"{SHEETS / 'wide_nb.xlsx'}: {done[lang]} {tmp_path / 'k.json'}\n"


def test_a_truncated_report_says_so_in_its_language(tmp_path: Path) -> None:
    args = ["import", str(SHEETS / "bad_wide.xlsx"), "--programme", PROGRAMME, "-o", str(tmp_path / "k.json"), "--max-errors", "2"]
    for lang, more in (("nb", "(og flere)"), ("nn", "(og fleire)"), ("en", "(and more)")):
        status, _, err = run([*args, "--lang", lang])
        lines = err.splitlines()
        assert status == 1 and len(lines) == 3 and f" {more}; " in lines[-1]
        assert lines[:2] == expected("bad_wide", lang)[:2]


def test_a_template_in_nynorsk_and_english_is_worded_by_the_core_and_reads_back(tmp_path: Path) -> None:
    cohort = smart.read_workbook(SHEETS / "wide_nb.xlsx", PROGRAMME)
    source = tmp_path / "kull.json"
    cohort.save(source)
    for lang, sheets, first in (
        ("nn", ["Rettleiing", "deltakarar", "frammøte", "innleveringar", "fritak"], ["deltakar", "namn", "kommunenr"]),
        ("en", ["Instructions", "participants", "attendance", "submissions", "exemptions"], ["id", "name", "municipality_number"]),
    ):
        path = tmp_path / f"mal-{lang}.xlsx"
        status, _, err = run(["template", "--programme", PROGRAMME, "--cohort", str(source), "-o", str(path), "--lang", lang])
        assert status == 0, err
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == sheets
        assert [c.value for c in book[sheets[1]][1]][:3] == first
        assert book[sheets[0]]["A1"].value == smart._smart.sheet_import.template_instructions(lang)[0]
        assert smart.read_workbook(path, PROGRAMME, id=cohort.id, label=cohort.label) == cohort
    status, _, err = run(["template", "--programme", "smart-leder-2024", "--cohort", str(source), "-o",
                          str(tmp_path / "x.xlsx"), "--lang", "nn"])
    assert status == 1 and "kullet høyrer til programmet" in err


def test_problems_describe_themselves_in_each_language_and_the_exception_stays_english() -> None:
    with pytest.raises(smart.SheetImportError) as info:
        smart.read_workbook(SHEETS / "bad_wide.xlsx", PROGRAMME)
    exc = info.value
    first = exc.errors[0]
    assert str(exc).splitlines() == expected("bad_wide")  # English, as every exception of the library
    assert first.describe("en") == first.text and first.message_in("en") == first.message
    assert first.describe("nb") == expected("bad_wide", "nb")[0]
    assert first.message_in("nn") != first.message and first.expected_in("nb") != first.expected
    assert exc.describe("nn").splitlines() == expected("bad_wide", "nn")
    before = smart.get_language()
    smart.set_language("en")
    try:
        assert first.describe() == first.text
        smart.set_language("nb")
        assert first.describe() == expected("bad_wide", "nb")[0]
    finally:
        smart.set_language(before)
