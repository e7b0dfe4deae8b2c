"""schema/statistics.schema.json describes what the core writes: documents of several
cohorts, groupings and suppression levels validate against it, and the mapping part of the
schema agrees with the core's check of a municipality mapping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

import smart

jsonschema = pytest.importorskip("jsonschema")

SCHEMA: dict[str, Any] = json.loads((ROOT / "schema" / "statistics.schema.json").read_text(encoding="utf-8"))


def validator(schema: dict[str, Any]) -> Any:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def evaluations() -> list[smart.Evaluation]:
    cohorts = smart.synthetic_cohorts(years=3, participants=25)
    evs = [c.evaluate(c.last_day) for c in cohorts]
    evs.append(smart.load_cohort(Path(ROOT / "examples/cohorts/grunnkurs-demo.json")).evaluate("2025-04-30"))
    evs.append(smart.demo_cohort().evaluate("2025-01-01"))  # in progress: pending and at-risk figures
    evs.append(smart.Cohort("smart-trener-2024", id="empty", label="Tomt").evaluate("2025-04-30"))
    return evs


@pytest.mark.parametrize("by", ["none", "municipality", "role", "sector"])
@pytest.mark.parametrize("min_cell", [None, 3, 40])
def test_documents_validate_against_the_schema(evaluations: list[smart.Evaluation], by: str, min_cell: int | None) -> None:
    doc = smart.statistics(evaluations, by=by, min_cell=min_cell)  # type: ignore[arg-type]
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(SCHEMA).iter_errors(doc)]
    assert not errors, errors[:5]
    assert doc["cohorts"] and (by == "none") == (doc["groups"] == [])


@pytest.mark.parametrize(
    ("mapping", "valid"),
    [
        ({"0704": {"number": "3905", "name": "Tønsberg"}}, True),
        ({"3312": {"number": "38", "name": ""}}, False),
        ({"3312": {"number": "3803", "name": ""}}, False),
        ({"33": {"number": "3803", "name": "Drammen"}}, False),
        ({"3312": {"number": "3803", "name": "Dram\nmen"}}, False),
        ({"3312": {"number": "3803"}}, False),
    ],
)
def test_the_mapping_schema_agrees_with_the_core(mapping: dict[str, dict[str, str]], valid: bool) -> None:
    schema = {**SCHEMA, "$ref": "#/$defs/municipality_mapping"}
    for key in ("type", "required", "additionalProperties", "properties"):
        schema.pop(key)
    assert validator(schema).is_valid(mapping) == valid
    ev = smart.demo_cohort().evaluate("2025-04-30")
    converted = {k: (v.get("number", ""), v.get("name", "")) for k, v in mapping.items()}
    try:
        smart.statistics([ev], municipality_mapping=converted)  # type: ignore[arg-type]
        core_valid = True
    except smart.ValidationError:
        core_valid = False
    assert core_valid == valid
