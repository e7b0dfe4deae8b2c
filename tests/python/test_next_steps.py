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


def doc_of(e: smart.Evaluation, participant: str | None = None, within_days: int | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(e.next_steps_json(participant, within_days))
    return doc


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
        doc = doc_of(demo.evaluate(as_of), within_days=14)
        errors = sorted(v.iter_errors(doc), key=str)
        assert not errors, f"as of {as_of}: {errors[0]}"
        for p in doc["participants"]:
            kinds.update(s["kind"] for s in p["steps"])
            blocked += len(p["blocked"])
    assert {"attend", "note", "final_text", "festival"} <= kinds
    assert blocked > 0


def test_the_schema_refuses_what_the_core_never_writes(demo: smart.Cohort) -> None:
    doc = doc_of(demo.evaluate(as_of_dates(demo)[3]), within_days=30)
    step = next(s for p in doc["participants"] for s in p["steps"])
    step["kind"] = "dance"
    assert not validator().is_valid(doc)


def test_one_participant_and_the_coordinators_list(demo: smart.Cohort) -> None:
    as_of = as_of_dates(demo)[4]
    e = demo.evaluate(as_of)
    full = doc_of(e, within_days=60)
    some = next(p for p in full["participants"] if p["steps"])
    one = doc_of(e, some["id"])
    assert [p["id"] for p in one["participants"]] == [some["id"]]
    assert one["participants"][0] == some
    assert "coordinator" not in one
    due = [datetime.date.fromisoformat(s["due"]) for s in full["coordinator"]["steps"]]
    assert due == sorted(due)
    assert all(as_of < d <= as_of + datetime.timedelta(days=60) for d in due)
    with pytest.raises(smart.NotFoundError):
        e.next_steps_json("nobody")
    with pytest.raises(smart.InvalidArgumentError):
        e.next_steps_json(within_days=-1)


def test_the_frame_has_one_row_per_step(demo: smart.Cohort) -> None:
    pytest.importorskip("pandas")
    e = demo.evaluate(as_of_dates(demo)[4])
    doc = doc_of(e)
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
    doc = doc_of(demo.evaluate(as_of))
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
    doc = doc_of(demo.evaluate(as_of), within_days=30)
    status, table, _ = cli_run("next", "--as-of", as_of.isoformat(), "--within", "30", "--lang", "nn")
    assert status == 0
    for s in doc["coordinator"]["steps"]:
        assert s["text"]["nn"] in table
    status, _, err = cli_run("next", "--within", "-3")
    assert status == 2 and "--within" in err
    status, _, err = cli_run("next", "--participant", "nobody")
    assert status == 1 and "nobody" in err


def test_typed_objects_carry_what_the_document_says(demo: smart.Cohort) -> None:
    seen: set[smart.StepKind] = set()
    blocked = 0
    for as_of in as_of_dates(demo)[2:10]:
        e = demo.evaluate(as_of)
        doc = doc_of(e)
        plans = e.next_steps()
        assert isinstance(plans, list) and len(plans) == len(doc["participants"])
        for ns, p in zip(plans, doc["participants"], strict=True):
            assert isinstance(ns, smart.NextSteps)
            assert (ns.id, ns.name, ns.status, ns.at_risk) == (p["id"], p["name"], p["status"], p["at_risk"])
            assert isinstance(ns.status, smart.Status)
            day = lambda v: None if v is None else datetime.date.fromisoformat(v)  # noqa: E731
            assert ns.earliest_eligible == day(p["earliest_eligible"])
            assert ns.next_deadline == day(p["next_deadline"])
            assert len(ns.steps) == len(p["steps"])
            for st, js in zip(ns.steps, p["steps"], strict=True):
                assert isinstance(st, smart.Step) and isinstance(st.kind, smart.StepKind)
                seen.add(st.kind)
                assert isinstance(st.start, datetime.date)
                assert (st.start, st.end, st.due) == (day(js["start"]), day(js["end"]), day(js["due"]))
                for name in ("kind", "must", "requirement", "needed", "of", "interval", "accepted_kinds",
                             "categories", "roles", "approval", "min_pages", "max_pages", "awaiting_approval"):
                    assert getattr(st, name) == js[name], (name, st, js)
                for lang in smart.Lang:
                    assert st.describe(lang) == js["text"][lang.value]
            assert len(ns.blocked) == len(p["blocked"])
            for b, jb in zip(ns.blocked, p["blocked"], strict=True):
                blocked += 1
                assert b.closed == day(jb["closed"])
                for name in ("requirement", "kind", "exemption_needed", "required_days", "reachable_days",
                             "missing_intervals", "portfolio_missing"):
                    assert getattr(b, name) == jb[name], name
                assert b.describe("nn") == jb["text"]["nn"]
        some = next(p for p in plans if p.steps)
        one = e.next_steps(some.id)
        assert isinstance(one, smart.NextSteps) and one.id == some.id and one.steps == some.steps
        assert e.next_steps(some.index).id == some.id
    assert seen >= {smart.StepKind.attend, smart.StepKind.note, smart.StepKind.final_text, smart.StepKind.festival}
    assert blocked > 0
    e = demo.evaluate(as_of_dates(demo)[4])
    with pytest.raises(smart.NotFoundError):
        e.next_steps("nobody")
    with pytest.raises(IndexError):
        e.next_steps(len(e))


def test_the_coordinators_list_as_typed_objects(demo: smart.Cohort) -> None:
    e = demo.evaluate(as_of_dates(demo)[4])
    doc = doc_of(e, within_days=45)["coordinator"]
    cl = e.coordinator_list(45)
    assert isinstance(cl, smart.CoordinatorList) and cl.within_days == 45
    assert [(d.participant, d.due.isoformat(), d.step.describe("en")) for d in cl.steps] == [
        (s["participant"], s["due"], s["text"]["en"]) for s in doc["steps"]
    ]
    assert [(g.participants, g.describe("nb")) for g in cl.by_action] == [
        (g["participants"], g["summary"]["nb"]) for g in doc["by_action"]
    ]
    assert [p for r in cl.at_risk for p in r.participants] == doc["at_risk"]["participants"]
    # several cohorts: each cohort's entries carry its position
    later = demo.evaluate(as_of_dates(demo)[6])
    both = smart.coordinator_list([e, later], 45)
    assert {d.cohort for d in both.steps} <= {0, 1}
    assert len(both.steps) == len(cl.steps) + len(later.coordinator_list(45).steps)
    with pytest.raises(smart.InvalidArgumentError):
        e.coordinator_list(-1)


def test_the_frame_is_the_documents_steps_column_by_column(demo: smart.Cohort) -> None:
    pd = pytest.importorskip("pandas")
    from smart.next_steps import FRAME_COLUMNS

    for as_of in as_of_dates(demo)[3:8]:
        e = demo.evaluate(as_of)
        rows = [
            {"participant_id": p["id"], "status": p["status"], "at_risk": p["at_risk"], **s, "text": s["text"]["nn"]}
            for p in doc_of(e)["participants"]
            for s in p["steps"]
        ]
        frame = e.next_steps_frame(lang="nn")
        assert list(frame.columns) == FRAME_COLUMNS
        assert len(frame) == len(rows)
        for c in ("participant_id", "status", "kind", "requirement", "text"):
            assert isinstance(frame[c].dtype, pd.CategoricalDtype), c
        for c in ("start", "end", "due"):  # datetime.date objects, as in every frame
            assert all(isinstance(v, datetime.date) and not isinstance(v, datetime.datetime) for v in frame[c]), c
        for i, row in enumerate(rows):
            got = frame.iloc[i]
            for c in FRAME_COLUMNS:
                want = row[c]
                if c in ("start", "end", "due"):
                    assert got[c] == datetime.date.fromisoformat(want), c
                elif want is None:
                    assert pd.isna(got[c]), c
                else:
                    assert got[c] == want, (c, got[c], want)
    some = doc_of(e)["participants"]
    pid = next(p["id"] for p in some if p["steps"])
    assert set(e.next_steps_frame(pid)["participant_id"]) == {pid}


def test_next_steps_icalendar_within_days_and_stamp(demo: smart.Cohort) -> None:
    as_of = as_of_dates(demo)[4]
    e = demo.evaluate(as_of)
    doc = doc_of(e)
    stamp = datetime.datetime(2024, 1, 2, 3, 4, 5)
    full = e.next_steps_icalendar(stamp=stamp)
    assert "DTSTAMP:20240102T030405Z" in full
    assert full == e.next_steps_icalendar(stamp=stamp)
    due = [datetime.date.fromisoformat(s["due"]) for p in doc["participants"] for s in p["steps"]]
    counts = set()
    for days in (0, 60, 120):
        text = e.next_steps_icalendar(within_days=days, stamp=stamp)
        inside = [d for d in due if d <= as_of + datetime.timedelta(days=days)]
        assert text.count("BEGIN:VEVENT") == len(inside)
        assert len(inside) < len(due)
        counts.add(len(inside))
    assert len(counts) == 3  # the windows cut at different places
    with pytest.raises(smart.InvalidArgumentError):
        e.next_steps_icalendar(within_days=-2)


def test_cli_next_ics_honours_within(demo: smart.Cohort) -> None:
    as_of = as_of_dates(demo)[4]
    due = [datetime.date.fromisoformat(s["due"]) for p in doc_of(demo.evaluate(as_of))["participants"] for s in p["steps"]]
    status, ics, err = cli_run("next", "--as-of", as_of.isoformat(), "--within", "60", "--format", "ics")
    assert status == 0 and not err
    within = [d for d in due if d <= as_of + datetime.timedelta(days=60)]
    assert 0 < ics.count("BEGIN:VEVENT") == len(within) < len(due)


def test_the_readme_example_is_what_smart_next_prints() -> None:
    """README, "Next steps": the coordinator's list on the demo cohort, as `smart next`
    prints it (the README cuts long lists of people with "…")."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ smart next --as-of 2025-01-02 --within 14 --lang en\n", 1)[1].split("```", 1)[0]
    status, out, _ = cli_run("next", "--as-of", "2025-01-02", "--within", "14", "--lang", "en")
    assert status == 0
    printed = out.splitlines()
    shown = [line for line in block.splitlines() if line.strip()]
    assert len(shown) >= 8
    for line in shown:
        if "…" in line:
            head = line.split("…", 1)[0].rstrip(", ")
            assert any(p.startswith(head) for p in printed), line
        else:
            assert line in printed, line
