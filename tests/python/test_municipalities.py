"""The official register of municipalities of 2024 and the municipality warnings that use it
(issue 15: "3905 named Bergen is accepted"; docs/format.md, "Municipalities")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import smart
from smart.cli import run as run_cli

PROGRAMME = "smart-trener-2024"


def person(pid: str, number: str, name: str) -> smart.Participant:
    return smart.Participant(id=pid, name=f"Fiktiv {pid}", municipality=smart.Municipality(number, name),
                             role="lærer", sector="public")  # fmt: skip


def test_the_register_looks_numbers_up_with_their_parallel_names() -> None:
    assert smart.municipality("3905") == smart.RegisteredMunicipality("3905", "Tønsberg", ("Tønsberg",))
    nordreisa = smart.municipality("5544")
    assert nordreisa is not None
    assert nordreisa.name == "Nordreisa - Ráisa - Raisi" and nordreisa.names == ("Nordreisa", "Ráisa", "Raisi")
    for number, name in [("0301", "Oslo"), ("3301", "Drammen"), ("5501", "Tromsø"), ("4601", "Bergen")]:
        found = smart.municipality(number)
        assert found is not None and found.name == name
    for gone in ["3005", "5401", "9999", "301"]:
        assert smart.municipality(gone) is None
    register = smart.municipality_register()
    assert len(register) == 357 and [m.number for m in register] == sorted({m.number for m in register})
    with pytest.raises(TypeError, match="expected the number as a str"):
        smart.municipality(301)  # type: ignore[arg-type]


def test_3905_named_bergen_is_a_warning_naming_tonsberg() -> None:
    c = smart.Cohort(PROGRAMME, id="c1", label="Kull")
    c.add_participants([person("p1", "0301", "Oslo"), person("p2", "3905", "Bergen")])
    (w,) = c.municipality_warnings()
    assert w.kind is smart.MunicipalityWarningKind.not_register_name and w.kind == "not_register_name"
    assert (w.number, w.names, w.participant, w.path) == ("3905", ["Bergen"], 1, "/participants/1/municipality/name")
    assert (w.register_name, w.register_number) == ("Tønsberg", "4601")
    assert w.describe("en") == "Municipality number 3905 is Tønsberg in the municipality register, not «Bergen» (Bergen is 4601)"
    assert w.describe("nb") == "Kommunenummer 3905 er Tønsberg i kommuneregisteret, ikke «Bergen» (Bergen er 4601)"
    assert "ikkje «Bergen»" in w.describe("nn")


def test_spellings_of_official_names_are_accepted_and_old_numbers_only_warned_from_2024() -> None:
    c = smart.Cohort(PROGRAMME, id="c1", label="Kull")
    c.add_participants([person("p1", "3905", " TØNSBERG "), person("p2", "5540", "Gáivuotna")])
    assert c.municipality_warnings() == []
    c.add_participants([person("p3", "3005", "Drammen")])
    (w,) = c.municipality_warnings()
    assert w.kind == smart.MunicipalityWarningKind.not_in_register
    assert (w.number, w.path, w.register_number) == ("3005", "/participants/2/municipality/number", "3301")
    assert "renumbered in 2020 or 2024?" in w.describe("en")


def test_the_kinds_are_a_typed_enum_agreeing_with_the_core() -> None:
    assert [k.value for k in smart.MunicipalityWarningKind] == ["two_names", "not_register_name", "not_in_register"]
    from smart._core import _smart

    assert _smart.enum_names()["MunicipalityWarningKind"] == [k.value for k in smart.MunicipalityWarningKind]


def test_the_demo_and_fixtures_load_without_municipality_warnings() -> None:
    assert smart.demo_cohort().municipality_warnings() == []
    # a cohort of 2022-2023 with the numbers of then (3005 Drammen, 3024 Bærum): no warning
    old = smart.demo_cohort("trygge-fagfolk-demo")
    assert any(p.municipality.number == "3005" for p in old) and old.municipality_warnings() == []
    assert all(c.municipality_warnings() == [] for c in smart.synthetic_cohorts(years=9))
    root = Path(__file__).resolve().parents[2]
    loaded = 0
    for path in sorted([*(root / "tests" / "data").rglob("*.json"), *(root / "examples").rglob("*.json")]):
        try:
            c = smart.load_cohort(path)
        except (smart.SmartError, ValueError, OSError):
            continue  # not a cohort, or a fixture that is wrong on purpose
        loaded += 1
        assert c.municipality_warnings() == [], path
    assert loaded >= 6


def test_smart_import_prints_the_register_warning(tmp_path: Path) -> None:
    folder = tmp_path / "ark"
    folder.mkdir()
    (folder / "deltakere.csv").write_text(
        "deltaker,navn,kommunenr,kommune,rolle,sektor\np1,Fiktiv En,3905,Bergen,Trener,frivillig\n", encoding="utf-8"
    )
    out, err = io.StringIO(), io.StringIO()
    status = run_cli(["import", str(folder), "--programme", PROGRAMME, "-o", str(tmp_path / "kull.json"), "--lang", "en"],
                     out, err)  # fmt: skip
    assert status == 0 and (tmp_path / "kull.json").exists()
    assert (
        "smart: /participants/0/municipality/name: Municipality number 3905 is Tønsberg in the municipality register,"
        " not «Bergen» (Bergen is 4601)" in err.getvalue()
    )


def test_smart_evaluate_prints_the_register_warnings(tmp_path: Path) -> None:
    c = smart.Cohort(PROGRAMME, id="c1", label="Kull")
    c.add_participants([person("p1", "3905", "Bergen"), person("p2", "3005", "Drammen")])
    path = tmp_path / "c.json"
    path.write_text(c.to_json(), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run_cli(["evaluate", str(path), "--as-of", "2025-04-30", "--lang", "nb"], out, err) == 0
    lines = err.getvalue().splitlines()
    assert (
        "smart: /participants/1/municipality/number: Kommunenummer 3005 («Drammen») finnes ikke i "
        "kommuneregisteret fra 1. januar 2024: fått nytt nummer i 2020 eller 2024? (Drammen er 3301)"
    ) in lines
    assert (
        "smart: /participants/0/municipality/name: Kommunenummer 3905 er Tønsberg i kommuneregisteret, "
        "ikke «Bergen» (Bergen er 4601)"
    ) in lines
