"""Issue 11, recording: an evaluation owns its records; a register corrects itself
(submission status, corrections, removals, participant details, withdrawal)."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest

import smart
from smart import cli
from conftest import TRAINER_DAYS, TRAINER_FESTIVAL, cohort_of, person, programme

D = datetime.date.fromisoformat
AFTER = D("2025-05-01")


def trainer() -> smart.Programme:
    return programme([{"id": "attendance", "kind": "attendance"}, {"id": "festival", "kind": "festival"}])


def test_an_evaluation_explains_an_exemption_from_its_own_records_after_the_cohort_changed() -> None:
    c = cohort_of(trainer(), person("p1"), person("p2", name="Ola Nordmann"))
    c.add_exemption("p1", smart.Exemption(requirement="festival", reason="Innlagt på sykehus", granted_by="Fagleder Hansen"))
    e = c.evaluate(AFTER)
    before = e["p1"].missing("en")
    c.remove_exemption("p1", "festival")
    c.add_exemption("p1", smart.Exemption(requirement="festival", reason="Another reason", granted_by="Someone else"))
    assert e["p1"].missing("en") == before
    assert "Innlagt på sykehus" in e["p1"].requirements[1].explain("nb")
    assert e.participant("p1").exemptions[0].reason == "Innlagt på sykehus"
    assert e.participant(1).name == "Ola Nordmann"
    assert e.cohort["p1"].exemptions[0].reason == "Innlagt på sykehus"
    assert c["p1"].exemptions[0].reason == "Another reason"
    with pytest.raises(IndexError):
        e.participant(2)
    with pytest.raises(smart.NotFoundError):
        e.participant("nobody")


def test_changing_the_cohort_an_evaluation_hands_out_leaves_the_evaluation_alone() -> None:
    c = cohort_of(trainer())
    e = c.evaluate(AFTER)
    snapshot = e.cohort
    snapshot.set_attendance("p1", TRAINER_DAYS[0], "present")
    assert e.participant("p1").attendance == {}
    assert snapshot["p1"].attendance == {TRAINER_DAYS[0]: smart.AttendanceStatus.present}
    assert c["p1"].attendance == {}
    del c
    assert e["p1"].missing("en")[0].startswith("Attended 0 of 8 days")


def approval_programme() -> smart.Programme:
    return programme([{"id": "final_text", "kind": "final_text", "require_approval": True}])


def with_text() -> smart.Cohort:
    c = cohort_of(approval_programme())
    c.add_submission("p1", smart.Submission(kind="final_text", date=D("2025-04-01"), pages=3))
    return c


def test_approving_a_submission_records_who_and_when_and_makes_it_count() -> None:
    c = with_text()
    assert c.evaluate(AFTER)["p1"].status == smart.Status.not_eligible
    c.set_submission_status("p1", 0, "approved", decided_by="Fagleder Hansen", decided_on="2025-04-05")
    s = c["p1"].submissions[0]
    assert s.status == smart.SubmissionStatus.approved
    assert (s.decided_by, s.decided_on) == ("Fagleder Hansen", D("2025-04-05"))
    assert c.evaluate(AFTER)["p1"].status == smart.Status.eligible
    assert "decided_by='Fagleder Hansen'" in repr(s)
    again = smart.loads_cohort(c.to_json())
    assert again == c
    c.set_submission_status("p1", 0, "submitted")
    assert c["p1"].submissions[0].decided_by is None


def test_a_decision_without_who_or_when_is_refused_and_changes_nothing() -> None:
    c = with_text()
    before = c.to_json()
    with pytest.raises(smart.ValidationError) as info:
        c.set_submission_status("p1", 0, "approved", decided_on="2025-04-05")
    assert info.value.path == "/participants/0/submissions/0/decided_by"
    with pytest.raises(smart.ValidationError) as info:
        c.set_submission_status("p1", 0, "approved", decided_by="Hansen", decided_on="2025-03-01")
    assert info.value.path == "/participants/0/submissions/0/decided_on"
    with pytest.raises(smart.NotFoundError):
        c.set_submission_status("p1", 5, "approved", decided_by="Hansen", decided_on="2025-04-05")
    assert c.to_json() == before


def test_a_submission_is_corrected_and_removed() -> None:
    c = with_text()
    c.add_submission("p1", smart.Submission(kind="reflection", date=D("2024-10-01")))
    fixed = smart.Submission(kind="final_text", date=D("2025-04-02"), pages=2, category="method", title="Min metode")
    c.correct_submission("p1", 0, fixed)
    assert c["p1"].submissions[0] == fixed
    with pytest.raises(smart.ValidationError) as info:
        c.correct_submission("p1", 1, smart.Submission(kind="final_text", date=D("2025-04-02"), pages=0))
    assert info.value.path == "/participants/0/submissions/1/pages"
    c.remove_submission("p1", 0)
    assert [s.kind for s in c["p1"].submissions] == [smart.SubmissionKind.reflection]
    with pytest.raises(smart.NotFoundError):
        c.remove_submission("p1", 1)


def test_a_participants_details_are_corrected_the_id_kept() -> None:
    c = with_text()
    c.correct_participant("p1", name="Kari Hansen", municipality=smart.Municipality("3911", "Færder"), role="rektor",
                          sector="private")  # fmt: skip
    p = c["p1"]
    assert (p.id, p.name, p.municipality.number, p.role, p.sector) == ("p1", "Kari Hansen", "3911", "rektor", "private")
    assert len(p.submissions) == 1
    with pytest.raises(smart.ValidationError) as info:
        c.correct_participant("p1", name="X", municipality=smart.Municipality("38", "Færder"), role="r", sector="public")
    assert info.value.path == "/participants/0/municipality/number"
    assert c["p1"].name == "Kari Hansen"


def test_a_withdrawn_participant_is_withdrawn_from_the_date_on_with_the_states_still_shown() -> None:
    c = cohort_of(trainer())
    for d in TRAINER_DAYS[:2]:
        c.set_attendance("p1", d, "present")
    with pytest.raises(smart.ValidationError) as info:
        c.withdraw("p1", TRAINER_FESTIVAL + datetime.timedelta(days=1), "For sent")
    assert info.value.path == "/participants/0/withdrawal/date"
    c.withdraw("p1", "2024-11-13", "Sluttet i jobben")
    assert c["p1"].withdrawal == smart.Withdrawal(date=D("2024-11-13"), reason="Sluttet i jobben")
    assert c.evaluate("2024-11-12")["p1"].status == smart.Status.in_progress
    e = c.evaluate(AFTER)
    r = e["p1"]
    assert r.status == smart.Status.withdrawn and not r.at_risk
    assert r.requirements[0].state == smart.RequirementState.unmet
    assert e.counts.withdrawn == 1
    assert smart.Status.withdrawn.label("nb") == "trukket seg"
    assert smart.Status.withdrawn.label("nn") == "trekt seg"
    assert smart.Status.withdrawn.label("en") == "withdrawn"
    assert smart.loads_cohort(c.to_json()) == c
    with pytest.raises(smart.NotAllowedError):
        c.withdraw("p1", "2024-12-01", "Igjen")
    c.cancel_withdrawal("p1")
    assert c["p1"].withdrawal is None
    with pytest.raises(smart.NotFoundError):
        c.cancel_withdrawal("p1")


def test_a_withdrawn_participant_frees_no_seat() -> None:
    c = smart.Cohort(trainer(), id="c1", label="Kull", capacity=1)
    c.add_participant(person("p1"))
    c.withdraw("p1", "2024-10-01", "Sluttet")
    with pytest.raises(smart.NotAllowedError):
        c.add_participant(person("p2"))


def test_smart_evaluate_shows_a_withdrawn_participant_in_json_csv_and_the_table(tmp_path: Path) -> None:
    c = smart.demo_cohort()
    c.withdraw("p07", "2024-12-01", "Sluttet i jobben (fiktivt)")
    f = tmp_path / "cohort.json"
    c.save(f)
    out = io.StringIO()
    assert cli.run(["evaluate", str(f), "--as-of", "2025-04-30", "--format", "json"], out, io.StringIO()) == 0
    doc = json.loads(out.getvalue())
    assert doc["summary"]["withdrawn"] == 1 and doc["summary"]["not_eligible"] == 11
    assert next(p for p in doc["participants"] if p["id"] == "p07")["status"] == "withdrawn"
    out = io.StringIO()
    assert cli.run(["evaluate", str(f), "--as-of", "2025-04-30", "--format", "csv"], out, io.StringIO()) == 0
    rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["participant_id"] == "p07"]
    assert {r["status"] for r in rows} == {"withdrawn"} and rows[0]["state"] == "unmet"
    out = io.StringIO()
    assert cli.run(["evaluate", str(f), "--as-of", "2025-04-30", "--lang", "nn"], out, io.StringIO()) == 0
    assert "trekt seg" in out.getvalue()
