"""Typical use of the package, checked by mypy --strict (test_typing.py): the stubs and
annotations must let this pass without a cast or an ignore. Also run as a plain script."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pandas as pd

import smart
from smart import issuing


def summary(ev: smart.Evaluation) -> dict[str, int]:
    c: smart.StatusCounts = ev.counts
    return {"eligible": c.eligible, "not_eligible": c.not_eligible, "in_progress": c.in_progress}


def missing_by_participant(ev: smart.Evaluation, lang: smart.Lang = smart.Lang.en) -> dict[str, list[str]]:
    return {r.id: r.missing(lang) for r in ev if r.status != smart.Status.eligible}


def attended(ev: smart.Evaluation, participant_id: str) -> Fraction:
    for q in ev[participant_id].requirements:
        if q.kind == smart.RequirementKind.attendance and q.attended is not None:
            return q.attended
    raise LookupError(participant_id)


def issuer_dids() -> tuple[str, str]:
    key = issuing.generate_signing_key()
    alg: issuing.KeyAlgorithm = key.algorithm
    assert alg == issuing.KeyAlgorithm.es256
    resolved: issuing.PublicKey = issuing.resolve_did_key(key.did)
    assert resolved == key.public_key
    document: str = issuing.did_document(key, "https://kommune.example")
    return key.did, document


def build() -> smart.Cohort:
    prog: smart.Programme = smart.get_programme("smart-trener-2024")
    cohort = smart.Cohort(prog, id="kull-1", label="Kull 1", capacity=36)
    cohort.add_participant(
        smart.Participant(
            id="a1",
            name="Kari Nordmann",
            municipality=smart.Municipality("3905", "Tønsberg"),
            role="lærer",
            sector=smart.Sector.public,
            attendance={datetime.date(2024, 9, 18): smart.AttendanceStatus.present},
        )
    )
    cohort.set_attendance("a1", datetime.date(2024, 9, 19), "late")
    cohort.add_submission("a1", smart.Submission(kind="final_text", date=datetime.date(2025, 4, 1), pages=3))
    cohort.add_exemption("a1", smart.Exemption(requirement="festival", reason="Sykdom", granted_by="Koordinator"))
    return cohort


def frames(ev: smart.Evaluation) -> tuple[pd.DataFrame, int]:
    wide = ev.to_pandas()
    long = ev.to_pandas(by="requirement")
    table = ev.to_arrow()
    rows: int = table.num_rows
    return wide.merge(long, on="participant_id"), rows


def main() -> None:
    cohort = smart.demo_cohort()
    ev = smart.evaluate(cohort, "2025-04-30")
    assert summary(ev)["eligible"] == 24
    assert attended(ev, "p07") == 6
    days: list[datetime.date] = cohort.days
    first: smart.Session = cohort.sessions[0]
    assert first.kind == smart.SessionKind.gathering and days[0] == first.days[0]
    rule = cohort.programme.requirements[0].rule
    if isinstance(rule, smart.AttendanceRule):
        assert rule.min_ratio == Fraction(4, 5)
    try:
        smart.loads_cohort("{}")
    except smart.ValidationError as e:
        path: str = e.path
        assert path == "" or path.startswith("/")
    c = build()
    assert len(c) == 1 and c["a1"].attendance[datetime.date(2024, 9, 19)] == "late"
    merged, rows = frames(ev)
    assert rows == 36 and len(merged) == 144
    for w in ev.warnings:
        kind: smart.WarningKind = w.kind
        assert kind in smart.WarningKind
    print(missing_by_participant(ev)["p07"])
    did, document = issuer_dids()
    assert did.startswith("did:key:zDn") and "did:web:kommune.example" in document

    follow_up_usage()
    next_steps_usage()


def next_steps_usage() -> None:
    """Next steps as typed objects (docs/next-steps.md)."""
    ev = smart.demo_cohort().evaluate("2024-11-20")
    everyone: list[smart.NextSteps] = ev.next_steps()
    one: smart.NextSteps = ev.next_steps("p04")
    by_position: smart.NextSteps = ev.next_steps(3)
    assert one.id == by_position.id and len(everyone) == 36
    for step in one.steps:
        kind: smart.StepKind = step.kind
        due: datetime.date = step.due
        pages: int | None = step.min_pages
        line: str = step.describe(smart.Lang.en)
        assert kind in smart.StepKind and due > ev.as_of and (pages is None or pages > 0) and line
    for p in everyone:
        for b in p.blocked:
            missing: list[int] | None = b.missing_intervals
            assert b.describe("nb") and (missing is None or all(i > 0 for i in missing))
    deadline: datetime.date | None = one.next_deadline
    assert deadline is not None
    cl: smart.CoordinatorList = smart.coordinator_list([ev], 14)
    for g in cl.by_action:
        who: list[str] = g.participants
        assert who and g.describe("nn")
    frame: pd.DataFrame = ev.next_steps_frame(lang="en")
    assert len(frame) == sum(len(p.steps) for p in everyone)
    ics: str = ev.next_steps_icalendar(within_days=7, stamp=datetime.datetime(2024, 11, 20, 8, 0))
    assert ics.startswith("BEGIN:VCALENDAR")


def follow_up_usage() -> None:
    """Follow-up without a certificate, typed (docs/follow-up.md)."""
    c = smart.demo_cohort("trygge-fagfolk-demo")
    c.add_submission("l03", smart.Submission(kind="between_session_work", date="2023-02-08", session="g1"))
    f: smart.FollowUp = c.follow_up(datetime.date(2023, 6, 30))
    entry: smart.FollowUpEntry = f["l03"].gatherings[0]
    status: smart.WorkStatus = entry.work
    attended: smart.FollowUpAttendance = entry.attendance
    late: int = f.gatherings[0].work[smart.WorkStatus.late]
    text: str = entry.text("en") + f.label(status, "nn") + f.label(attended)
    assert late >= 0 and text


if __name__ == "__main__":
    main()
