"""One definition of the result numbers: the core's table (smart.result_numbers()) walked
through every Python face — the properties of RequirementResult, its numbers dict, the
evaluation document, the DataFrame and Arrow columns and the CLI's CSV — each showing every
number under the same name with the same value."""

from __future__ import annotations

import csv
import datetime
import io
import json
import math
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import D, TRAINER_FESTIVAL, cohort_of, programme

import smart
from smart import cli

FIXED = ["participant_id", "requirement_id", "kind", "state"]
NAMES = [n.name for n in smart.result_numbers()]
# the names of the frame and CSV columns: every number under its name (the festival role as
# festival_role, docs/vocabulary.md), each ratio followed by its exact parts
COLUMN = {name: "festival_role" if name == "role" else name for name in NAMES}
COLUMNS: list[str] = []
for _n in smart.result_numbers():
    COLUMNS.append(COLUMN[_n.name])
    if _n.type == "ratio":
        COLUMNS += [f"{_n.name}_numerator", f"{_n.name}_denominator"]


@pytest.fixture(params=["2024-12-15", "2025-04-30"])
def ev(request: pytest.FixtureRequest) -> smart.Evaluation:
    return smart.demo_cohort().evaluate(request.param)


def kinds_of(name: str) -> set[str]:
    return {str(k) for n in smart.result_numbers() if n.name == name for k in n.kinds}


def test_the_table_names_each_number_once_with_its_type_and_kinds() -> None:
    numbers = smart.result_numbers()
    assert len(NAMES) == len(set(NAMES)) == 18
    assert {n.type for n in numbers} == {"count", "ratio", "date", "intervals", "role", "flag"}
    assert all(n.kinds and n.description for n in numbers)
    # one name per number: the old names are gone from the table
    assert "missing" not in NAMES and "intervals_missing" not in NAMES and "missing_intervals" in NAMES
    assert kinds_of("awaiting_approval") == {"interval_notes", "final_text"}
    assert kinds_of("date") == {"final_text", "festival"}


def as_json(value: Any) -> Any:
    """A number's Python value as the evaluation document shows it."""
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # a role: its name
    return value


def test_properties_numbers_and_document_show_the_same_numbers(ev: smart.Evaluation) -> None:
    doc = ev.to_dict()
    for i, r in enumerate(ev):
        for j, q in enumerate(r.requirements):
            mine = {n for n in NAMES if str(q.kind) in kinds_of(n)}
            assert set(q.numbers) == mine
            shown = doc["participants"][i]["requirements"][j]["numbers"]
            assert set(shown) == mine
            for name in NAMES:
                if name in mine:
                    assert getattr(q, name) == q.numbers[name], name
                    assert shown[name] == as_json(q.numbers[name]), name
                elif name != "deadline":  # the deprecated alias, below
                    assert getattr(q, name) is None, name


def same_cell(cell: Any, value: Any) -> bool:
    if value is None:
        return cell is None or cell is pd.NA or cell is pd.NaT or (isinstance(cell, float) and math.isnan(cell))
    if isinstance(value, Fraction):
        return bool(cell == float(value))
    if isinstance(value, datetime.date):
        return bool(cell == value)
    if isinstance(value, list):
        return cell == tuple(value)
    return bool(cell == value)


def test_frames_have_one_column_per_number_with_the_same_values(ev: smart.Evaluation) -> None:
    df = ev.to_pandas(by="requirement")
    assert list(df.columns) == FIXED + COLUMNS
    table = ev.to_arrow(by="requirement")
    assert table.column_names == FIXED + COLUMNS
    rows = table.to_pylist()
    k = 0
    for r in ev:
        for q in r.requirements:
            for name in NAMES:
                value = q.numbers.get(name)
                column = COLUMN[name]
                assert same_cell(df[column].iloc[k], value), (r.id, q.id, name, df[column].iloc[k], value)
                cell = rows[k][column]
                if isinstance(value, Fraction):
                    assert cell == float(value)
                    assert (rows[k][f"{name}_numerator"], rows[k][f"{name}_denominator"]) == (value.numerator, value.denominator)
                else:
                    assert cell == value, (r.id, q.id, name, cell, value)
            k += 1


def test_interval_sets_are_hashable_tuples_in_pandas_and_lists_in_arrow() -> None:
    ev = smart.demo_cohort().evaluate("2024-12-15")
    df = ev.to_pandas(by="requirement")
    notes = df[df["kind"] == "interval_notes"]
    assert all(isinstance(x, tuple) for x in notes["open_intervals"])
    assert notes["open_intervals"].value_counts().sum() == len(notes)
    assert df[df["kind"] != "interval_notes"]["missing_intervals"].isna().all()
    arrow = ev.to_arrow(by="requirement")
    assert str(arrow.schema.field("missing_intervals").type) == "list<item: int32>"


def test_the_csv_has_one_column_per_number_with_the_same_values() -> None:
    out = io.StringIO()
    assert cli.run(["evaluate", "--as-of", "2024-12-15", "--format", "csv", "--lang", "en"], out, io.StringIO()) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["participant_id", "name", "status", "at_risk", *FIXED[1:], *COLUMNS, "explanation"]
    ev = smart.demo_cohort().evaluate("2024-12-15")
    k = 0
    for r in ev:
        for q in r.requirements:
            for name in NAMES:
                value = q.numbers.get(name)
                assert rows[k][COLUMN[name]] == str(cli._csv_value(value)), (r.id, q.id, name)
            k += 1


def test_deadline_of_notes_and_festival_is_a_deprecated_alias() -> None:
    prog = programme(
        [{"id": "notes", "kind": "interval_notes", "accepted_kinds": ["practice_document"],
          "require_portfolio_approval": True},
         {"id": "festival", "kind": "festival"}]
    )  # fmt: skip
    notes, festival = cohort_of(prog).evaluate("2025-04-30")["p1"].requirements
    assert notes.portfolio_deadline == TRAINER_FESTIVAL and festival.festival_day == TRAINER_FESTIVAL
    with pytest.warns(DeprecationWarning, match="use portfolio_deadline"):
        assert notes.deadline == TRAINER_FESTIVAL
    with pytest.warns(DeprecationWarning, match="use festival_day"):
        assert festival.deadline == TRAINER_FESTIVAL
    assert "deadline" not in notes.numbers and "deadline" not in festival.numbers


def test_docs_list_every_number_with_its_kinds_and_type() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text()
    for n in smart.result_numbers():
        kinds = ", ".join(str(k) for k in n.kinds)
        assert f"| `{n.name}` | {kinds} | {n.type} |" in text, n.name


def test_the_document_and_python_agree_on_an_awaited_approval() -> None:
    prog = programme([{"id": "final_text", "kind": "final_text", "require_approval": True}])
    c = cohort_of(prog)
    c.add_submission("p1", smart.Submission(kind="final_text", date=D("2025-04-01"), pages=2))
    q = c.evaluate("2025-04-05")["p1"].requirements[0]
    doc = json.loads(c.evaluate("2025-04-05").to_json())
    assert q.awaiting_approval == 1 == doc["participants"][0]["requirements"][0]["numbers"]["awaiting_approval"]
    assert q.pages is None and q.date is None and q.deadline == TRAINER_FESTIVAL


def test_evaluation_documents_validate_against_the_schema_whose_numbers_are_the_table() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "schema" / "evaluation.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for kind in ("attendance", "interval_notes", "final_text", "festival"):
        shown = schema["$defs"][f"requirement_{kind}"]["properties"]["numbers"]
        assert list(shown["properties"]) == [n for n in NAMES if kind in kinds_of(n)], kind
        assert sorted(shown["required"]) == sorted(shown["properties"])
    withdrawn = smart.demo_cohort()
    withdrawn.withdraw("p07", "2025-01-20", reason="Flyttet")
    prog = programme(
        [{"id": "notes", "kind": "interval_notes", "require_portfolio_approval": True},
         {"id": "final_text", "kind": "final_text", "pages": {"min": 2}, "require_approval": True}]
    )  # fmt: skip
    texts = cohort_of(prog)
    texts.add_submission("p1", smart.Submission(kind="final_text", date=D("2025-04-01"), pages=1))
    evaluations = [
        smart.demo_cohort().evaluate("2024-12-15"),
        smart.demo_cohort().evaluate("2025-04-30"),
        withdrawn.evaluate("2025-04-30"),
        texts.evaluate("2025-04-30"),
        smart.load_cohort(Path(root / "examples/cohorts/grunnkurs-demo.json")).evaluate("2025-04-30"),
    ]
    for ev in evaluations:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(ev.to_dict())]
        assert not errors, errors[:5]
