"""Next steps (docs/next-steps.md): the smart.next_steps/1 document validates against
schema/next_steps.schema.json on the demo cohort at dates across the programme, and the
Python faces (dict, DataFrame) carry what the core planned."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import smart

ROOT = Path(__file__).resolve().parents[2]
jsonschema = pytest.importorskip("jsonschema")
SCHEMA: dict[str, Any] = json.loads((ROOT / "schema" / "next_steps.schema.json").read_text(encoding="utf-8"))


def validator() -> Any:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def as_of_dates(c: smart.Cohort) -> list[datetime.date]:
    days = [d for s in c.sessions for d in s.days]
    first, last = min(days), max(days)
    step = max(1, (last - first).days // 12)
    return [first - datetime.timedelta(days=1) + datetime.timedelta(days=k * step) for k in range(14)]


def test_documents_validate_against_the_schema(demo: smart.Cohort) -> None:
    v = validator()
    kinds: set[str] = set()
    blocked = 0
    for as_of in as_of_dates(demo):
        doc = demo.evaluate(as_of).next_steps(within_days=14)
        errors = sorted(v.iter_errors(doc), key=str)
        assert not errors, f"as of {as_of}: {errors[0]}"
        for p in doc["participants"]:
            kinds.update(s["kind"] for s in p["steps"])
            blocked += len(p["blocked"])
    assert {"attend", "note", "final_text", "festival"} <= kinds
    assert blocked > 0


def test_the_schema_refuses_what_the_core_never_writes(demo: smart.Cohort) -> None:
    doc = demo.evaluate(as_of_dates(demo)[3]).next_steps(within_days=30)
    step = next(s for p in doc["participants"] for s in p["steps"])
    step["kind"] = "dance"
    assert not validator().is_valid(doc)


def test_one_participant_and_the_coordinators_list(demo: smart.Cohort) -> None:
    as_of = as_of_dates(demo)[4]
    e = demo.evaluate(as_of)
    full = e.next_steps(within_days=60)
    some = next(p for p in full["participants"] if p["steps"])
    one = e.next_steps(some["id"])
    assert [p["id"] for p in one["participants"]] == [some["id"]]
    assert one["participants"][0] == some
    assert "coordinator" not in one
    due = [datetime.date.fromisoformat(s["due"]) for s in full["coordinator"]["steps"]]
    assert due == sorted(due)
    assert all(as_of < d <= as_of + datetime.timedelta(days=60) for d in due)
    with pytest.raises(smart.NotFoundError):
        e.next_steps("nobody")
    with pytest.raises(smart.InvalidArgumentError):
        e.next_steps(within_days=-1)


def test_the_frame_has_one_row_per_step(demo: smart.Cohort) -> None:
    pytest.importorskip("pandas")
    e = demo.evaluate(as_of_dates(demo)[4])
    doc = e.next_steps()
    frame = e.next_steps_frame(lang="en")
    assert len(frame) == sum(len(p["steps"]) for p in doc["participants"])
    assert all(isinstance(d, datetime.date) for d in frame["due"].dropna())  # dates as in every frame
    first = next(s for p in doc["participants"] for s in p["steps"])
    assert frame.iloc[0]["text"] == first["text"]["en"]
    assert frame.iloc[0]["needed"] == first["needed"]


def cli_run(*argv: str) -> tuple[int, str, str]:
    import io

    from smart import cli

    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_cli_next_formats(demo: smart.Cohort) -> None:
    as_of = as_of_dates(demo)[4]
    doc = demo.evaluate(as_of).next_steps()
    status, out, _ = cli_run("next", "--as-of", as_of.isoformat(), "--format", "json")
    assert status == 0
    assert json.loads(out) == doc
    # the table: every step's line of every participant, in the language asked for
    status, table, _ = cli_run("next", "--as-of", as_of.isoformat(), "--lang", "en")
    assert status == 0
    lines = [s["text"]["en"] for p in doc["participants"] for s in p["steps"]]
    assert lines and all(line in table for line in lines)
    # CSV: one row per step
    import csv
    import io

    status, text, _ = cli_run("next", "--as-of", as_of.isoformat(), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(lines)
    assert rows[0]["kind"] == doc["participants"][0]["steps"][0]["kind"] or rows[0]["participant_id"]
    # ICS: one entry per step of the participant, each with an alarm
    some = next(p for p in doc["participants"] if p["steps"])
    status, ics, _ = cli_run("next", "--as-of", as_of.isoformat(), "--participant", some["id"], "--format", "ics")
    assert status == 0
    assert ics.count("BEGIN:VEVENT") == len(some["steps"])
    assert ics.count("BEGIN:VALARM") == len(some["steps"])


def test_cli_next_within_days_is_the_coordinators_list(demo: smart.Cohort) -> None:
    as_of = as_of_dates(demo)[4]
    doc = demo.evaluate(as_of).next_steps(within_days=30)
    status, table, _ = cli_run("next", "--as-of", as_of.isoformat(), "--within", "30", "--lang", "nn")
    assert status == 0
    for s in doc["coordinator"]["steps"]:
        assert s["text"]["nn"] in table
    status, _, err = cli_run("next", "--within", "-3")
    assert status == 2 and "--within" in err
    status, _, err = cli_run("next", "--participant", "nobody")
    assert status == 1 and "nobody" in err
