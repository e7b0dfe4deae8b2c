"""The Pythonic surface: types at the boundary, enums, errors, containers, reprs."""

from __future__ import annotations

import datetime
import enum
import pickle
import sys
import threading
import time
from collections.abc import Callable
from fractions import Fraction

import pytest

import smart
from smart import _smart
from conftest import TRAINER_DAYS, cohort_of, person, record

PUBLIC_ENUMS = [
    smart.AttendanceStatus, smart.FestivalRole, smart.FinalCategory, smart.Lang, smart.RequirementKind,
    smart.RequirementState, smart.Sector, smart.SessionKind, smart.Status, smart.SubmissionKind,
    smart.SubmissionStatus, smart.WarningKind, smart.StepKind, smart.MunicipalityWarningKind,
]  # fmt: skip


def test_the_python_enums_list_exactly_the_core_names() -> None:
    core = _smart.enum_names()
    assert sorted(core) == sorted(e.__name__ for e in PUBLIC_ENUMS)
    for e in PUBLIC_ENUMS:
        assert [m.value for m in e] == core[e.__name__], e.__name__


def test_enums_compare_to_and_format_as_their_names() -> None:
    s = smart.Status.not_eligible
    assert s == "not_eligible" and isinstance(s, str)
    assert f"{s}" == str(s) == "not_eligible"
    assert smart.Status("eligible") is smart.Status.eligible
    assert repr(s) == "<Status.not_eligible>"


def test_every_core_error_code_maps_to_one_exception_class() -> None:
    from smart.errors import _BY_CODE

    codes = _smart.error_codes()
    assert codes[0] == "ok"
    assert sorted(codes[1:]) == sorted(_BY_CODE)
    assert issubclass(smart.ValidationError, ValueError)
    assert issubclass(smart.NotFoundError, KeyError) and issubclass(smart.NotFoundError, LookupError)
    assert all(issubclass(c, smart.SmartError) for c in _BY_CODE.values())


def test_a_validation_error_carries_the_json_pointer() -> None:
    doc = smart.demo_cohort().to_json().replace('"2024-09-18": "present"', '"2024-02-30": "present"', 1)
    with pytest.raises(smart.ValidationError) as info:
        smart.loads_cohort(doc)
    assert info.value.path == "/participants/0/attendance/2024-02-30"
    assert "not a calendar date" in info.value.message
    assert str(info.value).startswith("/participants/0/attendance/2024-02-30: ")


def test_an_unknown_member_is_a_validation_error_at_its_place() -> None:
    doc = smart.demo_cohort().to_json().replace('"attendance"', '"atendance"', 1)
    with pytest.raises(smart.ValidationError) as info:
        smart.loads_cohort(doc)
    assert info.value.path == "/participants/0/atendance"


def test_errors_by_kind() -> None:
    with pytest.raises(smart.ParseError):
        smart.loads_cohort("{")
    with pytest.raises(smart.NotFoundError) as nf:
        smart.get_programme("nope")
    assert "smart-trener-2024" in str(nf.value)
    with pytest.raises(KeyError):
        smart.demo_cohort()["p99"]
    with pytest.raises(smart.NotFoundError):
        smart.load_cohort("/nonexistent/cohort.json")
    with pytest.raises(smart.InvalidArgumentError, match="unknown sector"):
        person("x", sector="publik")
    with pytest.raises(smart.ParseError):
        smart.demo_cohort().evaluate("2025-02-30")
    c = smart.Cohort("smart-trener-2024", id="c", label="L", capacity=1)
    c.add_participant(person("a"))
    with pytest.raises(smart.NotAllowedError, match="full"):
        c.add_participant(person("b"))


def test_a_record_on_a_day_without_session_is_refused_with_its_place() -> None:
    c = cohort_of("smart-trener-2024")
    with pytest.raises(smart.ValidationError) as info:
        c.set_attendance("p1", "2024-09-20", "present")
    assert "session" in str(info.value)
    with pytest.raises(smart.ValidationError) as added:
        c.add_participant(person("p2", attendance={datetime.date(2024, 9, 20): "present"}))
    assert added.value.path == "/participants/1/attendance/2024-09-20"
    assert len(c) == 1  # nothing half-added


def test_errors_pickle_with_their_attributes() -> None:
    e = smart.ValidationError("bad", path="/x", table="attendance", row=3, column="date")
    back = pickle.loads(pickle.dumps(e))
    assert (type(back), back.path, back.row, back.column, str(back)) == (smart.ValidationError, "/x", 3, "date", "bad")


def test_dates_are_datetime_dates_and_ratios_fractions(demo: smart.Cohort) -> None:
    assert demo.days[0] == datetime.date(2024, 9, 18)
    ev = demo.evaluate(datetime.date(2025, 4, 30))
    assert ev.as_of == datetime.date(2025, 4, 30)
    att = ev["p04"].requirements[0]
    assert att.attended == Fraction(7) and isinstance(att.attended, Fraction)
    rule = demo.programme.requirements[0].rule
    assert isinstance(rule, smart.AttendanceRule) and rule.min_ratio == Fraction(4, 5)
    with pytest.raises(ValueError, match="time of day"):
        demo.evaluate(datetime.datetime(2025, 4, 30, 12, 0))
    assert demo.evaluate(datetime.datetime(2025, 4, 30)).as_of == datetime.date(2025, 4, 30)


def test_collections_iterate_index_and_measure(demo: smart.Cohort) -> None:
    assert len(demo) == 36 and len(list(demo)) == 36
    assert demo[0].id == "p01" and demo[-1].id == demo.ids[-1] and demo["p07"].name == "Marte Skjærvø"
    assert "p07" in demo and "p99" not in demo
    with pytest.raises(IndexError):
        demo[36]
    ev = demo.evaluate("2025-04-30")
    assert [r.id for r in ev] == demo.ids
    assert ev[3].index == 3 and ev["p04"].id == "p04"


def test_reprs_are_informative(demo: smart.Cohort) -> None:
    ev = demo.evaluate("2025-04-30")
    assert repr(demo).startswith("<Cohort trener-2024-demo")
    assert "eligible 24" in repr(ev)
    assert repr(ev["p07"]) == "<ParticipantResult p07 'Marte Skjærvø': not_eligible>"
    assert repr(ev["p07"].requirements[0]) == "<RequirementResult attendance: unmet>"
    assert repr(smart.Municipality("3905", "Tønsberg")) == "Municipality('3905', 'Tønsberg')"
    assert "Submission(kind='final_text'" in repr(demo["p01"].submissions[-1])
    for obj in (demo.programme, demo.sessions[0], demo["p01"], ev.warnings[0], ev.intervals[0], ev.counts,
                demo.programme.requirements[0].rule, demo.programme.name):  # fmt: skip
        assert not repr(obj).startswith("<smart._smart"), repr(obj)


def test_participants_are_values_and_changes_go_through_the_cohort() -> None:
    c = cohort_of("smart-trener-2024")
    p = c["p1"]
    c.set_attendance("p1", TRAINER_DAYS[0], smart.AttendanceStatus.late)
    assert p.attendance == {} and c["p1"].attendance == {TRAINER_DAYS[0]: "late"}
    assert c.attendance("p1", TRAINER_DAYS[0]) == "late"
    c.set_attendance("p1", TRAINER_DAYS[0], None)
    assert c.attendance("p1", TRAINER_DAYS[0]) is None


def test_an_evaluation_keeps_the_cohort_as_it_was_evaluated() -> None:
    c = cohort_of("smart-trener-2024")
    ev = c.evaluate("2025-04-30")
    record(c, "p1", TRAINER_DAYS, "present")
    c.add_participant(person("p2"))
    assert len(ev) == 1 and ev["p1"].requirements[0].state == "unmet"
    assert ev.cohort["p1"].attendance == {}
    assert len(c) == 2 and c.evaluate("2025-04-30")["p1"].requirements[0].state == "met"
    assert '"p2"' not in ev.to_json()


def test_json_round_trip_gives_an_equal_cohort(demo: smart.Cohort, tmp_path: object) -> None:
    again = smart.loads_cohort(demo.to_json())
    assert again == demo
    doc = demo.evaluate("2025-04-30").to_dict()
    assert doc["format"] == "smart.evaluation/2" and doc["summary"]["eligible"] == 24


def test_certificate_data_only_for_the_eligible_after_the_last_day(demo: smart.Cohort) -> None:
    ev = demo.evaluate("2025-04-30")
    data = ev.certificate_data("p01")
    assert data["holder"] == "Ingrid Sæther" if "holder" in data else True
    with pytest.raises(smart.NotAllowedError):
        ev.certificate_data("p07")
    with pytest.raises(smart.NotAllowedError):
        demo.evaluate("2025-01-20").certificate_data("p01")


def test_version_comes_from_version_hpp() -> None:
    from conftest import ROOT

    text = (ROOT / "include/smart/version.hpp").read_text()
    assert f'#define SMART_VERSION_STRING "{smart.__version__}"' in text
    from importlib.metadata import version

    assert version("smart") == smart.__version__


def test_one_cohort_evaluates_in_several_threads_at_once() -> None:
    c = smart.demo_cohort()
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(c.evaluate("2025-04-30").counts.eligible)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [24] * 4


def test_html_shows_participant_status_and_what_is_missing(demo: smart.Cohort) -> None:
    html = demo.evaluate("2025-04-30").to_html(lang="en")
    assert "Marte Skjærvø" in html and "not eligible" in html and "can no longer be reached" in html
    assert demo.evaluate("2025-04-30")._repr_html_().count("<tr>") == 37
    assert demo._repr_html_().startswith("<div>")
    assert "… 31 flere" in demo.evaluate("2025-04-30").to_html(max_rows=5)  # the core's words, in nb
    assert "… 31 more" in demo.evaluate("2025-04-30").to_html(lang="en", max_rows=5)


def test_public_names_have_docstrings() -> None:
    for name in smart.__all__:
        obj = getattr(smart, name)
        if name == "__version__":
            continue
        assert (obj.__doc__ or "").strip(), name
        if isinstance(obj, type) and not issubclass(obj, (enum.Enum, BaseException)):
            for attr, member in vars(obj).items():
                if attr.startswith("_") or not callable(member) and not isinstance(member, property):
                    continue
                assert (getattr(member, "__doc__", "") or "").strip(), f"{name}.{attr}"


def test_statuses_and_states_read_in_the_cores_words_in_three_languages() -> None:
    assert smart.Status.not_eligible.label("nn") == "har ikkje rett"
    assert smart.Status.in_progress.label(smart.Lang.nb, at_risk=True) == "pågår (i faresonen)"
    assert smart.Status.eligible.label("en") == "eligible"
    assert smart.RequirementState.unmet.label("nn") == "ikkje oppfylt"
    assert smart.RequirementState.pending.label() == "venter"
    for lang in smart.Lang:
        assert len({s.label(lang) for s in smart.Status}) == len(smart.Status)
        assert len({s.label(lang) for s in smart.RequirementState}) == len(smart.RequirementState)
    ev = smart.demo_cohort().evaluate("2025-01-20")
    at_risk = next(r for r in ev if r.at_risk)
    assert at_risk.status_label("en") == f"{at_risk.status.label('en')} (at risk)"
    with pytest.raises(smart.InvalidArgumentError):
        smart.Status.eligible.label("de")


def _python_runs_during(call: Callable[[], object]) -> int:
    """How often another Python thread ran while ``call`` was inside the core. With a
    switch interval of an hour, a thread holding the GIL is never made to give it up, so
    the other thread can run only if the call releases it: then it counts; else the
    count stays 0, exactly."""
    inside = False
    seen = 0
    stop = threading.Event()
    ready = threading.Event()

    def watcher() -> None:
        nonlocal seen
        ready.set()
        while not stop.is_set():
            if inside:
                seen += 1
            time.sleep(0)  # gives the GIL up, so the main thread can go on

    old = sys.getswitchinterval()
    sys.setswitchinterval(3600)
    t = threading.Thread(target=watcher)
    try:
        t.start()
        ready.wait()
        inside = True
        call()
        inside = False
    finally:
        stop.set()
        t.join()
        sys.setswitchinterval(old)
    return seen


def test_long_core_calls_let_other_python_threads_run() -> None:
    big = smart.synthetic_cohorts(years=1, participants=200_000)[0]
    assert _python_runs_during(lambda: big.evaluate("2026-06-30")) > 0
    text = smart.synthetic_cohorts(years=1, participants=20_000)[0].to_json()
    assert _python_runs_during(lambda: smart.loads_cohort(text)) > 0
    # the check itself: a call that keeps the GIL (a Python loop) lets nothing run
    assert _python_runs_during(lambda: sum(range(3_000_000))) == 0
