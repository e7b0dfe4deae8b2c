"""Issue 11, recording: an evaluation owns its records; a register corrects itself
(submission status, corrections, removals, participant details, withdrawal)."""

from __future__ import annotations

import datetime

import pytest

import smart
from conftest import TRAINER_DAYS, TRAINER_FESTIVAL, cohort_of, person, programme

D = datetime.date.fromisoformat
AFTER = D("2025-05-01")


def trainer() -> smart.Programme:
    return programme([{"id": "attendance", "kind": "attendance"}, {"id": "festival", "kind": "festival"}])


def test_an_evaluation_explains_an_exemption_from_its_own_records_after_the_cohort_changed() -> None:
    c = cohort_of(trainer(), person("p1"), person("p2", name="Ola Nordmann"))
    c.add_exemption("p1", smart.Exemption("festival", "Innlagt på sykehus", "Fagleder Hansen"))
    e = c.evaluate(AFTER)
    before = e["p1"].missing("en")
    c.remove_exemption("p1", "festival")
    c.add_exemption("p1", smart.Exemption("festival", "Another reason", "Someone else"))
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
