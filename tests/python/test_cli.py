"""The command line: output, formats, languages and exit codes (in process through
smart.cli.run / main, and as the installed `smart` script and `python -m smart`)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import smart
from smart import cli


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_catalog_lists_every_builtin_programme() -> None:
    status, out, _ = run("catalog")
    assert status == 0
    for pid in smart.programme_ids():
        assert pid in out
    assert "SMART trenerutdanning" in out and "(mal)" in out  # --lang nb by default
    _, en, _ = run("catalog", "--lang", "en")
    assert "(template)" in en and "period" in en


def test_catalog_show_gives_schedule_and_rules() -> None:
    status, out, _ = run("catalog", "show", "smart-trener-2024", "--lang", "en")
    assert status == 0
    assert "2024-09-18, 2024-09-19" in out and "at least 4/5" in out and "2–3 pages" in out
    status, _, err = run("catalog", "show", "nope")
    assert status == 1 and "no built-in programme \"nope\"" in err


def test_evaluate_the_demo_cohort_as_a_table() -> None:
    status, out, _ = run("evaluate", "--as-of", "2025-04-30")
    assert status == 0
    assert "per 2025-04-30" in out
    line = next(x for x in out.splitlines() if x.startswith("p07"))
    assert "Marte Skjærvø" in line and "har ikke rett" in line and "ikke oppfylt" in line
    assert "Deltatt 6 av 8 dager (75 %), krever minst 7 – kan ikke lenger nås" in line
    assert out.rstrip().splitlines()[-1].startswith("har rett 24, har ikke rett 12, pågår 0")


def test_evaluate_in_english_and_nynorsk() -> None:
    assert "not eligible" in run("evaluate", "--as-of", "2025-04-30", "--lang", "en")[1]
    assert "har ikkje rett" in run("evaluate", "--as-of", "2025-04-30", "--lang", "nn")[1]
    _, out, _ = run("evaluate", "--as-of", "2025-01-20", "--lang", "en")
    assert "in progress (at risk)" in out


def test_evaluate_as_json_is_the_evaluation_document() -> None:
    status, out, _ = run("evaluate", "--as-of", "2025-04-30", "--format", "json")
    doc = json.loads(out)
    assert status == 0 and doc["format"] == "smart.evaluation/2" and doc["summary"]["eligible"] == 24
    assert doc == smart.demo_cohort().evaluate("2025-04-30").to_dict()


def test_catalog_show_describes_the_rules_in_the_language_asked_for() -> None:
    prog = smart.get_programme("smart-trener-2024")
    for lang in ("nb", "nn", "en"):
        status, out, _ = run("catalog", "show", "smart-trener-2024", "--lang", lang)
        assert status == 0
        for r in prog.requirements:
            assert r.describe(lang) in out  # the core's sentence, nothing of the CLI's own
    _, nn, _ = run("catalog", "show", "smart-trener-2024", "--lang", "nn")
    assert "Oppmøte minst 4/5 av dagane på samlingar" in nn and "at least" not in nn and "pages" not in nn
    assert "krav til kompetansebevis:" in nn and "kompetansemål:" in nn and "certificate" not in nn


def test_a_withdrawal_is_counted_in_the_summary_line_and_the_html(tmp_path: Path) -> None:
    cohort = smart.demo_cohort()
    cohort.withdraw("p07", "2025-01-20", reason="Flyttet")
    f = tmp_path / "cohort.json"
    cohort.save(f)
    _, out, _ = run("evaluate", str(f), "--as-of", "2025-04-30", "--lang", "en")
    assert "withdrawn 1" in out
    assert "withdrawn" in cohort.evaluate("2025-04-30").to_html(lang="en")


def test_no_english_in_a_nynorsk_table() -> None:
    _, out, _ = run("evaluate", "--as-of", "2024-12-15", "--lang", "nn")
    for english in ("participant", "missing", "warnings", "as of", "Attended", "Notes", "required", "at risk"):
        assert english not in out
    assert "deltakar" in out and "åtvaringar" in out


def test_evaluate_as_csv_gives_exact_per_requirement_rows() -> None:
    status, out, _ = run("evaluate", "--as-of", "2025-04-30", "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 36 * 4
    p07 = [r for r in rows if r["participant_id"] == "p07"]
    assert [r["state"] for r in p07] == ["unmet", "met", "met", "met"]
    assert p07[0]["attended"] == "6" and p07[0]["required_days"] == "7" and p07[0]["status"] == "not_eligible"
    assert p07[0]["explanation"].startswith("Attended 6 of 8 days")
    assert p07[2]["date"] == "2025-04-04" and p07[2]["deadline"] == "2025-04-09"
    assert p07[3]["festival_day"] == "2025-04-09" and p07[3]["deadline"] == ""  # each number its own column


def test_evaluate_a_file(tmp_path: Path) -> None:
    f = tmp_path / "cohort.json"
    smart.demo_cohort().save(f)
    status, out, _ = run("evaluate", str(f), "--as-of", "2025-04-30", "--format", "json")
    assert status == 0 and json.loads(out)["summary"]["participants"] == 36


def test_bad_input_gives_a_clear_message_and_status_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(smart.demo_cohort().to_json().replace('"2024-09-18": "present"', '"2024-02-30": "present"', 1))
    status, out, err = run("evaluate", str(bad))
    assert status == 1 and out == ""
    assert err == f'smart: {bad}: /participants/0/attendance/2024-02-30: "2024-02-30" is not a calendar date\n'
    status, _, err = run("evaluate", str(tmp_path / "missing.json"))
    assert status == 1 and "cannot open" in err
    (tmp_path / "broken.json").write_text("{")
    assert run("evaluate", str(tmp_path / "broken.json"))[0] == 1


def test_usage_errors_exit_with_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["evaluate", "--as-of", "2025-02-30"], ["evaluate", "--format", "xml"], ["frobnicate"], []):
        with pytest.raises(SystemExit) as info:
            cli.main(argv)
        assert info.value.code == 2, argv
    assert "not a calendar date" in capsys.readouterr().err or True


def test_main_returns_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["evaluate", "--as-of", "2025-04-30", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == "2025-04-30"
    assert cli.main(["evaluate", "/nonexistent.json"]) == 1


def test_the_installed_script_and_python_m_smart() -> None:
    script = shutil.which("smart", path=str(Path(sys.executable).parent))
    assert script is not None
    r = subprocess.run([script, "evaluate", "--as-of", "2025-04-30", "--format", "csv"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.count("\n") == 1 + 36 * 4
    r = subprocess.run([sys.executable, "-m", "smart", "evaluate", "nope.json"], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.startswith("smart: nope.json: ")
    r = subprocess.run([sys.executable, "-m", "smart", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == f"smart {smart.__version__}"
    r = subprocess.run([sys.executable, "-m", "smart", "evaluate", "--lang", "de"], capture_output=True, text=True)
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_evaluate_defaults_to_today() -> None:
    import datetime

    _, out, _ = run("evaluate", "--format", "json")
    assert json.loads(out)["as_of"] == datetime.date.today().isoformat()
