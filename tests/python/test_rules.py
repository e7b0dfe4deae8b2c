"""The certificate rules through Python: the scenarios of the C++ suite (tests/cpp), each
decided by the core. Python only asks."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import smart
from conftest import (
    D,
    LEADER_DAYS,
    LEADER_FESTIVAL,
    TRAINER_DAYS,
    TRAINER_FESTIVAL,
    YEAR_LONG_DAYS,
    YEAR_LONG_FESTIVAL,
    cohort_of,
    person,
    programme,
    record,
    state_of,
)

AFTER = D("2025-04-30")


@pytest.mark.parametrize(
    ("prog", "days", "festival", "required"),
    [
        ("smart-trener-2024", TRAINER_DAYS, TRAINER_FESTIVAL, 7),
        ("smart-leder-2024", LEADER_DAYS, LEADER_FESTIVAL, 5),
        ("smart-trener-arslop", YEAR_LONG_DAYS, YEAR_LONG_FESTIVAL, 8),
    ],
)
def test_eighty_percent_needs_the_rounded_up_number_of_days(
    prog: str, days: list[datetime.date], festival: datetime.date, required: int
) -> None:
    sessions = [smart.Session(f"g{i}", kind="gathering", days=[d]) for i, d in enumerate(days)] + [
        smart.Session("festival", kind="festival", days=[festival])
    ]
    # the year-long format is a template: its cohorts give their own dates
    c = cohort_of(prog, person("met"), person("unmet"), sessions=sessions if prog == "smart-trener-arslop" else ())
    assert c.days[:-1] == days
    record(c, "met", days[:required], "present")
    record(c, "unmet", days[: required - 1], "present")
    record(c, "unmet", days[required - 1 :], "absent")
    ev = c.evaluate(festival + datetime.timedelta(days=30))
    met = next(q for q in ev["met"].requirements if q.kind == "attendance")
    unmet = next(q for q in ev["unmet"].requirements if q.kind == "attendance")
    assert (met.state, met.required_days, met.counted_days) == ("met", required, len(days))
    assert (unmet.state, unmet.attended) == ("unmet", required - 1)
    assert met.attended == required


def test_attendance_becomes_met_on_the_day_attended_days_reach_the_bar() -> None:
    c = cohort_of("smart-trener-2024")
    record(c, "p1", TRAINER_DAYS, "present")
    assert state_of(c, TRAINER_DAYS[5]) == "pending"
    assert state_of(c, TRAINER_DAYS[6]) == "met"


def test_attendance_becomes_unmet_when_the_bar_can_no_longer_be_reached() -> None:
    c = cohort_of("smart-trener-2024")
    record(c, "p1", TRAINER_DAYS[:2], "absent")
    assert state_of(c, TRAINER_DAYS[0]) == "pending"
    assert state_of(c, TRAINER_DAYS[1]) == "unmet"


def test_a_late_day_counts_and_an_excused_absence_does_not() -> None:
    c = cohort_of("smart-trener-2024", person("late"), person("excused"))
    record(c, "late", TRAINER_DAYS, "late")
    record(c, "excused", TRAINER_DAYS[:6], "present")
    record(c, "excused", TRAINER_DAYS[6:], "excused")
    assert state_of(c, AFTER, who="late") == "met"
    assert state_of(c, AFTER, who="excused") == "unmet"


def test_custom_weights_are_applied_exactly() -> None:
    prog = programme([{"id": "attendance", "kind": "attendance", "min_ratio": "3/4", "weights": {"excused": "1/2"}}])
    c = cohort_of(prog)
    record(c, "p1", TRAINER_DAYS[:5], "present")
    record(c, "p1", TRAINER_DAYS[5:7], "excused")
    record(c, "p1", TRAINER_DAYS[7:], "absent")
    r = c.evaluate(AFTER)["p1"].requirements[0]
    assert r.attended == smart_fraction(6, 1)  # 5 + 2 * 1/2
    assert r.state == "met"  # 6 * 4 >= 3 * 8
    assert isinstance(r.attended, type(smart_fraction(1, 2)))
    assert prog.requirements[0].rule.min_ratio == smart_fraction(3, 4)


def smart_fraction(n: int, d: int) -> Any:
    from fractions import Fraction

    return Fraction(n, d)


def test_an_unrecorded_past_day_counts_as_absent_and_warns_with_its_date() -> None:
    c = cohort_of("smart-trener-2024")
    record(c, "p1", [d for d in TRAINER_DAYS if d != TRAINER_DAYS[3]], "present")
    r = c.evaluate(AFTER)["p1"]
    att = r.requirements[0]
    assert (att.state, att.unrecorded_days, att.attended) == ("met", 1, 7)
    assert [(w.kind, w.date) for w in r.warnings] == [("unrecorded_day", TRAINER_DAYS[3])]
    assert "14.11.2024" in r.warnings[0].message("nb") or "14 November 2024" in r.warnings[0].message("en")


def test_repeated_warnings_come_once_per_kind_with_their_count_and_first_date() -> None:
    c = cohort_of("smart-trener-2024")
    record(c, "p1", TRAINER_DAYS[:2], "present")  # the other six days unrecorded
    ev = c.evaluate(AFTER)
    r = ev["p1"]
    assert [(w.kind, w.date, w.count) for w in r.warnings] == [("unrecorded_day", TRAINER_DAYS[2], 6)]
    w = r.warnings[0]
    assert w.message("en") == "No record for 6 days, the first on 13 November 2024: counted as absent"
    assert w.message("nb") == "Ingen registrering for 6 dager, den første 13.11.2024: regnes som fravær"
    assert "(6 in all)" in repr(w)
    assert [x.count for x in ev.warnings] == [6]
    assert json_warnings(ev) == [{"kind": "unrecorded_day", "date": "2024-11-13", "count": 6}]


def json_warnings(ev: smart.Evaluation) -> list[dict[str, Any]]:
    return [{k: w[k] for k in ("kind", "date", "count")} for w in ev.to_dict()["participants"][0]["warnings"]]


def test_the_warnings_column_counts_what_the_warnings_stand_for() -> None:
    pytest.importorskip("pandas")
    c = cohort_of("smart-trener-2024", person("p1"), person("p2"))
    record(c, "p1", TRAINER_DAYS[:2], "present")
    record(c, "p2", TRAINER_DAYS, "present")
    assert c.evaluate(AFTER).to_pandas()["warnings"].tolist() == [6, 0]


def test_an_approved_portfolio_after_its_deadline_never_counts() -> None:
    prog = programme(
        [{"id": "notes", "kind": "interval_notes", "accepted_kinds": ["practice_document"],
          "require_portfolio_approval": True}]
    )  # fmt: skip
    c = cohort_of(prog)
    for day in ("2024-10-01", "2024-12-01", "2025-02-01"):
        c.add_submission("p1", smart.Submission(kind="practice_document", date=D(day)))
    c.add_submission("p1", smart.Submission(kind="portfolio", date=D("2025-04-12"), status="approved"))
    assert state_of(c, TRAINER_FESTIVAL, "notes") == "unmet"
    r = c.evaluate(AFTER)["p1"]
    notes = r.requirements[0]
    assert (notes.state, notes.portfolio_approved, notes.portfolio_deadline) == ("unmet", False, TRAINER_FESTIVAL)
    assert notes.numbers["portfolio_deadline"] == TRAINER_FESTIVAL
    assert [(w.kind, w.date) for w in r.warnings] == [("late_portfolio", D("2025-04-12"))]


def test_before_the_programme_everything_is_pending_and_nobody_at_risk() -> None:
    c = cohort_of("smart-trener-2024")
    r = c.evaluate(D("2024-08-01"))["p1"]
    assert r.status == "in_progress" and not r.at_risk
    assert [q.state for q in r.requirements] == ["pending"] * 4


def test_at_risk_means_no_attendance_slack_left() -> None:
    c = cohort_of(programme([{"id": "attendance", "kind": "attendance"}]), person("ok"), person("risk"))
    record(c, "ok", TRAINER_DAYS[:6], "present")
    record(c, "risk", TRAINER_DAYS[:5], "present")
    record(c, "risk", TRAINER_DAYS[5:6], "absent")
    ev = c.evaluate(TRAINER_DAYS[5])
    assert not ev["ok"].at_risk
    assert ev["risk"].at_risk and ev["risk"].status == "in_progress"
    assert ev.counts.at_risk == 1


def test_records_dated_after_the_as_of_date_are_ignored() -> None:
    c = cohort_of("smart-trener-2024")
    record(c, "p1", TRAINER_DAYS, "absent")
    assert state_of(c, TRAINER_DAYS[0] - datetime.timedelta(days=1)) == "pending"
    assert state_of(c, AFTER) == "unmet"


# --- notes between gatherings: the interval edges ---------------------------------------


@pytest.mark.parametrize(
    ("day", "counts"),
    [
        ("2024-09-19", False),  # last day of gathering 1: no interval
        ("2024-09-20", True),  # the day after: interval 1
        ("2024-11-13", True),  # first day of gathering 2: still interval 1
        ("2024-11-14", False),  # last day of gathering 2: no interval (for interval 1)
    ],
)
def test_a_note_counts_for_interval_one_only_strictly_after_and_up_to_the_next_first_day(day: str, counts: bool) -> None:
    c = cohort_of("smart-trener-2024")
    c.add_submission("p1", smart.Submission(kind="reflection", date=day))
    notes = c.evaluate(AFTER)["p1"].requirements[1]
    assert notes.kind == "interval_notes"
    assert (1 not in notes.missing_intervals) is counts


def test_an_open_interval_keeps_the_notes_pending_and_a_closed_empty_one_makes_them_unmet() -> None:
    c = cohort_of("smart-trener-2024")
    c.add_submission("p1", smart.Submission(kind="practice_blog", date="2024-10-01"))
    mid = c.evaluate(D("2024-12-01"))["p1"].requirements[1]
    assert (mid.state, mid.intervals_met, mid.open_intervals) == ("pending", 1, [2, 3])
    after = c.evaluate(D("2025-01-15"))["p1"].requirements[1]
    assert (after.state, after.missing_intervals) == ("unmet", [2])
    assert after.numbers["missing_intervals"] == [2]


def test_a_rejected_note_never_counts() -> None:
    c = cohort_of("smart-trener-2024")
    c.add_submission("p1", smart.Submission(kind="reflection", date="2024-10-01", status="rejected"))
    assert 1 in c.evaluate(AFTER)["p1"].requirements[1].missing_intervals


# --- final text and festival ------------------------------------------------------------


def test_a_final_text_outside_the_page_range_does_not_count_and_warns() -> None:
    c = cohort_of("smart-trener-2024", person("short"), person("unrecorded"))
    c.add_submission("short", smart.Submission(kind="final_text", date="2025-04-01", pages=1))
    c.add_submission("unrecorded", smart.Submission(kind="final_text", date="2025-04-01"))
    ev = c.evaluate(AFTER)
    assert ev["short"].requirements[2].state == "unmet"
    assert [w.kind for w in ev["short"].warnings if w.kind != "unrecorded_day"] == ["pages_out_of_range"]
    assert ev["unrecorded"].requirements[2].state == "met"  # no page count recorded: accepted


def test_the_final_text_is_due_on_the_festival_day() -> None:
    c = cohort_of("smart-trener-2024", person("on_time"), person("late"))
    c.add_submission("on_time", smart.Submission(kind="final_text", date=TRAINER_FESTIVAL, pages=2))
    c.add_submission("late", smart.Submission(kind="final_text", date="2025-04-10", pages=2))
    ev = c.evaluate(AFTER)
    assert ev["on_time"].requirements[2].state == "met"
    assert ev["late"].requirements[2].state == "unmet"
    assert ev["on_time"].requirements[2].deadline == TRAINER_FESTIVAL


def test_festival_presence_is_pending_before_the_day_and_unmet_after_it() -> None:
    c = cohort_of("smart-trener-2024")
    assert state_of(c, D("2025-04-08"), "festival") == "pending"
    assert state_of(c, D("2025-04-09"), "festival") == "unmet"
    c.set_attendance("p1", TRAINER_FESTIVAL, "present")
    c.set_festival_role("p1", smart.FestivalRole.workshop)
    r = c.evaluate(D("2025-04-09"))["p1"].requirements[3]
    assert (r.state, r.role, r.date) == ("met", "workshop", TRAINER_FESTIVAL)


# --- exemptions and overall status ----------------------------------------------------------


def test_an_exemption_wins_over_any_state_and_names_its_reason() -> None:
    c = cohort_of("smart-trener-2024")
    c.add_exemption("p1", smart.Exemption(requirement="festival", reason="Sykdom (fiktiv)", granted_by="Koordinator"))
    r = c.evaluate(AFTER)["p1"]
    fest = r.requirements[3]
    assert fest.state == "exempt"
    assert "Sykdom (fiktiv)" in fest.explain("nb")
    c.remove_exemption("p1", "festival")
    assert state_of(c, AFTER, "festival") == "unmet"


def test_an_exemption_dated_after_the_as_of_date_does_not_apply_yet() -> None:
    c = cohort_of("smart-trener-2024")
    c.add_exemption("p1", smart.Exemption(requirement="festival", reason="x", granted_by="y", date="2025-05-01"))
    assert state_of(c, AFTER, "festival") == "unmet"
    assert state_of(c, D("2025-05-01"), "festival") == "exempt"


def test_overall_status_follows_the_requirements() -> None:
    c = cohort_of("smart-trener-2024", person("all"), person("none"))
    record(c, "all", TRAINER_DAYS + [TRAINER_FESTIVAL], "present")
    for day in ("2024-10-01", "2024-12-01", "2025-02-01"):
        c.add_submission("all", smart.Submission(kind="practice_blog", date=day))
    c.add_submission("all", smart.Submission(kind="final_text", date="2025-04-01", pages=3, category="method"))
    ev = c.evaluate(AFTER)
    assert ev["all"].status == smart.Status.eligible
    assert ev["all"].missing("en") == []
    assert ev["none"].status == "not_eligible"
    assert len(ev["none"].missing("en")) == 4
    assert ev.counts == ev.counts and (ev.counts.eligible, ev.counts.not_eligible) == (1, 1)


def test_a_programme_without_certificate_rules_gives_no_certificate() -> None:
    c = cohort_of(programme([]))
    assert not c.programme.has_certificate
    r = c.evaluate(AFTER)["p1"]
    assert r.status == "no_certificate" and r.requirements == []


# --- the demo cohort against its hand-derived oracle ---------------------------------------


@pytest.mark.parametrize("as_of", ["2025-01-20", "2025-04-30"])
def test_the_demo_cohort_evaluates_as_derived_by_hand(demo: smart.Cohort, demo_expected: dict[str, Any], as_of: str) -> None:
    expected = demo_expected[as_of]
    ev = demo.evaluate(as_of)
    assert len(ev) == len(expected) == 36
    for r in ev:
        e = expected[r.id]
        assert r.status == e["status"], r.id
        assert r.at_risk == e["at_risk"], r.id
        assert {q.id: str(q.state) for q in r.requirements} == e["requirements"], r.id


def test_the_demo_counts_are_those_of_the_readme(demo: smart.Cohort) -> None:
    assert (demo.evaluate("2025-04-30").counts.eligible, demo.evaluate("2025-04-30").counts.not_eligible) == (24, 12)
    mid = demo.evaluate("2025-01-20").counts
    assert (mid.in_progress, mid.at_risk, mid.not_eligible) == (32, 4, 4)
