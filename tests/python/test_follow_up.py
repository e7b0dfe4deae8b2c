"""Follow-up without a certificate (issue 13, docs/follow-up.md): between-session work from
Python, Cohort.follow_up and its DataFrame, the smart.follow_up/1 document against its
schema, and ``smart follow-up`` / ``smart evaluate`` on a programme without certificate
rules."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from conftest import ROOT

import smart
from smart import cli

DEMO = "trygge-fagfolk-demo"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def work(session: str, day: str, status: str = "submitted") -> smart.Submission:
    decided = {"decided_by": "Koordinator", "decided_on": day} if status != "submitted" else {}
    return smart.Submission(kind="between_session_work", date=day, status=status, session=session, **decided)


def test_the_demo_cohort_is_built_in_and_identical_to_the_example_file() -> None:
    built_in = smart.demo_cohort(DEMO)
    assert built_in == smart.load_cohort(ROOT / "examples/cohorts/trygge-fagfolk-demo.json")
    assert not built_in.programme.has_certificate
    assert len(built_in) == 12
    with pytest.raises(smart.NotFoundError, match="trygge-fagfolk-demo"):
        smart.demo_cohort("nope")


def test_between_session_work_is_recorded_against_its_session_and_checked() -> None:
    c = smart.demo_cohort(DEMO)
    c.add_submission("l03", work("g1", "2023-02-08"))
    assert c["l03"].submissions[-1].session == "g1"
    assert "session='g1'" in repr(c["l03"].submissions[-1])
    assert smart.loads_cohort(c.to_json()) == c
    with pytest.raises(smart.ValidationError) as e:
        c.add_submission("l03", work("kickoff-alle", "2023-02-08"))
    assert e.value.path == "/participants/2/submissions/2/session"
    assert "has no between-session work" in e.value.message


def test_follow_up_of_the_demo_on_the_first_due_day() -> None:
    f = smart.demo_cohort(DEMO).follow_up("2023-02-08")
    assert f.as_of.isoformat() == "2023-02-08" and not f.has_certificate
    assert [g.session for g in f.gatherings] == ["g1", "g2", "g3", "g4"]
    g1 = {p.id: p.gatherings[0] for p in f}
    # as of the due day itself the deadline has passed: nothing delivered is missing
    assert g1["l03"].work is smart.WorkStatus.missing
    assert g1["l02"].work is smart.WorkStatus.delivered  # delivered on the due day
    assert g1["l08"].work is smart.WorkStatus.missing  # delivered 2023-02-20: not yet as of 02-08
    assert g1["l04"].work is smart.WorkStatus.rejected
    assert g1["l01"].review == "approved"
    # the day before it, nothing delivered is not due
    before = smart.demo_cohort(DEMO).follow_up("2023-02-07")
    assert before["l03"].gatherings[0].work is smart.WorkStatus.not_due
    assert before["l03"].gatherings[0].text("en") == "Present; between-session work not delivered yet (due 8 February 2023)."


def test_follow_up_after_the_last_gathering_counts_per_gathering() -> None:
    f = smart.demo_cohort(DEMO).follow_up("2023-06-30")
    g1, g2 = f.gatherings[0], f.gatherings[1]
    assert g1.work[smart.WorkStatus.delivered] == 8 and g1.work[smart.WorkStatus.late] == 1
    assert g1.work[smart.WorkStatus.missing] == 2 and g1.work[smart.WorkStatus.rejected] == 1
    assert g2.work[smart.WorkStatus.withdrawn] == 1  # l06 withdrew 2023-03-15, before the due date
    l06 = f["l06"]
    assert l06.withdrawn and l06.withdrawal_date is not None
    assert l06.gatherings[2].attendance is smart.FollowUpAttendance.withdrawn
    assert f["l08"].gatherings[0].days_late == 12
    assert sum(f.work_summary().values()) == len(f) * len(f.gatherings)
    assert f.label(smart.WorkStatus.missing, "nn") == "manglar"


def test_to_pandas_gives_one_row_per_participant_and_gathering() -> None:
    pytest.importorskip("pandas")
    f = smart.demo_cohort(DEMO).follow_up("2023-06-30")
    df = f.to_pandas("en")
    assert len(df) == len(f) * len(f.gatherings) == 48
    assert list(df["work"].cat.categories) == [w.value for w in smart.WorkStatus]
    late = df[(df.participant_id == "l02") & (df.session_id == "g2")].iloc[0]
    assert late.work == "late" and late.days_late == 6
    assert str(late.due) == "2023-04-19"  # a datetime.date, as in every frame
    assert (df.groupby("session_id", observed=True)["work"].apply(lambda s: (s == "missing").sum())["g1"]) == 2


jsonschema = pytest.importorskip("jsonschema")
SCHEMA: dict[str, Any] = json.loads((ROOT / "schema" / "follow_up.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("as_of", ["2022-10-01", "2023-02-07", "2023-02-08", "2023-04-19", "2023-06-30", "2023-12-31"])
def test_follow_up_documents_validate_against_the_schema(as_of: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    doc = json.loads(smart.demo_cohort(DEMO).follow_up(as_of).to_json())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]
    assert not errors, errors[:5]
    # a programme with certificate rules is followed up too (its gatherings have no work)
    doc = json.loads(smart.demo_cohort().follow_up(as_of).to_json())
    assert validator.is_valid(doc) and doc["has_certificate"] is True


def test_cli_follow_up_table_json_csv() -> None:
    status, out, _ = run("follow-up", DEMO, "--as-of", "2023-06-30")
    assert status == 0
    assert "Leder Eksempel 8" in out and "levert for sent" in out and "trukket seg" in out
    assert "g1 (mellomarbeid, frist 2023-02-08): levert 8, levert for sent 1, mangler 2, avvist 1" in out
    # columns line up, also after a withdrawn participant's longer name
    lines = out.splitlines()
    header = next(x for x in lines if x.startswith("id "))
    withdrawn = next(x for x in lines if x.startswith("l06 "))
    assert withdrawn.index("til stede / levert") == header.index("g1")
    status, out, _ = run("follow-up", DEMO, "--as-of", "2023-06-30", "--format", "json")
    assert status == 0 and json.loads(out)["format"] == "smart.follow_up/1"
    status, out, _ = run("follow-up", str(ROOT / "examples/cohorts/trygge-fagfolk-demo.json"),
                         "--as-of", "2023-06-30", "--format", "csv", "--lang", "nn")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 48
    assert {r["work"] for r in rows} >= {"delivered", "late", "missing", "not_due", "rejected", "withdrawn"}
    assert "dagar etter fristen" in next(r["text"] for r in rows if r["work"] == "late")


def test_cli_follow_up_errors() -> None:
    status, _, err = run("follow-up", "no-such-cohort", "--as-of", "2023-06-30")
    assert status == 1 and "no-such-cohort" in err and "trygge-fagfolk-demo" in err
    status, _, err = run("follow-up", "missing.json", "--as-of", "2023-06-30")
    assert status == 1 and "missing.json" in err


def test_cli_evaluate_on_a_programme_without_certificate_points_to_follow_up() -> None:
    path = str(ROOT / "examples/cohorts/trygge-fagfolk-demo.json")
    status, out, _ = run("evaluate", path, "--as-of", "2023-06-30", "--lang", "en")
    assert status == 0
    assert "issues no certificate" in out and "smart follow-up" in out
    assert "eligible" not in out and "in progress" not in out
    status, out, err = run("evaluate", path, "--as-of", "2023-06-30", "--format", "json")
    assert status == 0 and "smart follow-up" in err and json.loads(out)["format"] == "smart.evaluation/2"
