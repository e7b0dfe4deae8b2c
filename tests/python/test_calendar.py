"""Norwegian public holidays (against the PyPI `holidays` package), the schedule warnings,
and the iCalendar export: parsed with the PyPI `icalendar` package, and published to a real
CalDAV server (Radicale, started on 127.0.0.1 for the test) with the `caldav` client, where
a moved gathering must update the one event in place (docs/calendar.md)."""

from __future__ import annotations

import datetime
import io
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import smart
from smart import cli

from conftest import ROOT, TRAINER_DAYS, TRAINER_FESTIVAL, person

icalendar = pytest.importorskip("icalendar")

OSLO = ZoneInfo("Europe/Oslo")
STAMP = datetime.datetime(2025, 1, 2, 3, 0, tzinfo=datetime.timezone.utc)


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def trainer_sessions(g2_days: list[datetime.date] | None = None) -> list[smart.Session]:
    days = TRAINER_DAYS
    out = []
    for i in range(4):
        d = days[2 * i : 2 * i + 2]
        if i == 1 and g2_days is not None:
            d = g2_days
        out.append(smart.Session(f"g{i + 1}", kind="gathering", days=d, theme=smart.LocalizedText(f"Tema {i + 1}", en=f"Theme {i + 1}")))
    out.append(smart.Session("festival", kind="festival", days=[TRAINER_FESTIVAL]))
    return out


def trainer_cohort(g2_days: list[datetime.date] | None = None) -> smart.Cohort:
    c = smart.Cohort("smart-trener-2024", id="trener-kull-1", label="Trenerkull, Vestfold", sessions=trainer_sessions(g2_days))
    c.add_participants([person("p1"), person("p2", name="Ola Nordmann")])
    return c


def events_of(ics: str) -> list[Any]:
    cal = icalendar.Calendar.from_ical(ics)
    return [c for c in cal.walk("VEVENT")]


# --- holidays ---------------------------------------------------------------------------


def test_holidays_match_the_holidays_package_every_year_1950_to_2100() -> None:
    holidays = pytest.importorskip("holidays")
    years = range(1950, 2101)
    # include_sundays=False: the package otherwise lists every Sunday as a holiday (Norway
    # names Sundays "Søndag" in it); only the 12 public holidays are compared
    reference = holidays.Norway(years=years, include_sundays=False)
    expected = set(reference.keys())
    ours = {h.day for y in years for h in smart.holidays_in(y)}
    assert ours == expected
    for day in sorted(expected):
        assert smart.public_holiday(day) is not None


def test_public_holiday_names_in_three_languages() -> None:
    h = smart.public_holiday(datetime.date(2025, 5, 29))
    assert h is not None and h.kind == "ascension_day"
    assert h.name("en") == "Ascension Day" and h.name("nb") == "Kristi himmelfartsdag"
    assert smart.public_holiday(datetime.date(2025, 5, 28)) is None
    assert smart.easter_sunday(2025) == datetime.date(2025, 4, 20)


# --- schedule warnings ------------------------------------------------------------------


def test_schedule_warnings_name_session_day_and_reason() -> None:
    c = trainer_cohort(g2_days=[datetime.date(2024, 11, 15), datetime.date(2024, 11, 16)])  # Fri, Sat
    warnings = c.schedule_warnings()
    assert [(w.session_id, w.day, w.reason, w.holiday) for w in warnings] == [
        ("g2", datetime.date(2024, 11, 16), "saturday", None)
    ]
    assert warnings[0].describe("en") == "Session «g2» on 16 November 2024 falls on a Saturday"
    assert warnings[0].describe("nn") == "Økta «g2» 16.11.2024 fell på ein laurdag"


def test_builtin_and_example_cohorts_have_no_session_on_a_holiday_or_weekend() -> None:
    cohorts = [smart.demo_cohort()] + [smart.load_cohort(p) for p in sorted((ROOT / "examples/cohorts").glob("*.json"))]
    for c in cohorts:
        assert c.schedule_warnings() == [], c.id
    for pid in smart.programme_ids():
        prog = smart.get_programme(pid)
        for s in prog.sessions:
            for d in s.days:
                assert d.weekday() < 5 and smart.public_holiday(d) is None, (pid, s.id, d)


def test_cli_prints_schedule_warnings_on_stderr_in_the_language(tmp_path: Path) -> None:
    doc = json.loads(trainer_cohort().to_json())
    doc["sessions"][1]["days"] = ["2024-12-25", "2024-12-26"]  # Christmas
    path = tmp_path / "cohort.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    status, out, err = run_cli("schedule", str(path), "--lang", "en")
    assert status == 0
    assert err.splitlines() == [
        "smart: Session «g2» on 25 December 2024 falls on Christmas Day, a public holiday",
        "smart: Session «g2» on 26 December 2024 falls on Boxing Day, a public holiday",
    ]
    assert "2024-12-25, 2024-12-26" in out
    status, _, err = run_cli("evaluate", str(path), "--as-of", "2025-01-01", "--lang", "nb")
    assert status == 0
    assert "Økten «g2» 25.12.2024 faller på første juledag, en offentlig høytidsdag" in err


# --- iCalendar --------------------------------------------------------------------------


def test_every_export_parses_with_icalendar() -> None:
    cohorts = [smart.demo_cohort(), trainer_cohort()] + [
        smart.load_cohort(p) for p in sorted((ROOT / "examples/cohorts").glob("*.json"))
    ]
    for c in cohorts:
        for lang in ("nb", "nn", "en"):
            for who in [None, *c.ids[:3]]:
                ics = c.to_icalendar(lang, participant=who, stamp=STAMP)
                cal = icalendar.Calendar.from_ical(ics)
                assert cal["VERSION"] == "2.0"
                events = events_of(ics)
                assert len(events) >= len(c.sessions)
                uids = [str(e["UID"]) for e in events]
                assert len(set(uids)) == len(uids)
                for e in events:
                    assert e["DTSTAMP"].dt == STAMP
                    assert str(e["SUMMARY"])
                    if who is not None:  # no personal name in any uid
                        assert who not in str(e["UID"]).split("@")[0].split(".")[3:]
                        assert c[who].name not in str(e["UID"])


def test_timed_sessions_keep_local_time_across_summer_time() -> None:
    # the 2-hour basic course at 10:00 on a day in March after the change and in October before it
    sessions = [
        smart.Session("mars", kind="other", days=[datetime.date(2025, 3, 31)], start=datetime.time(10), end=datetime.time(12)),
        smart.Session("oktober", kind="other", days=[datetime.date(2025, 10, 20)], start=datetime.time(10), end=datetime.time(12)),
        smart.Session("etter", kind="other", days=[datetime.date(2025, 10, 28)], start=datetime.time(10), end=datetime.time(12)),
    ]
    c = smart.Cohort("smart-grunnkurs", id="grunnkurs-dst", label="Grunnkurs", sessions=sessions)
    ics = c.to_icalendar("nb", stamp=STAMP)
    assert "DTSTART;TZID=Europe/Oslo:20250331T100000\r\n" in ics
    assert "DTSTART;TZID=Europe/Oslo:20251020T100000\r\n" in ics
    cal = icalendar.Calendar.from_ical(ics)
    assert len(list(cal.walk("VTIMEZONE"))) == 1
    starts = [e["DTSTART"].dt for e in cal.walk("VEVENT")]
    assert [s.time() for s in starts] == [datetime.time(10)] * 3
    # the offsets differ across the change: 08:00 UTC in summer time, 09:00 UTC after it
    utc = [s.astimezone(datetime.timezone.utc).time() for s in starts]
    assert utc == [datetime.time(8), datetime.time(8), datetime.time(9)]
    assert [s.replace(tzinfo=None) for s in starts] == [
        s.astimezone(OSLO).replace(tzinfo=None) for s in starts
    ]


def test_participant_export_has_deadlines_marked() -> None:
    c = trainer_cohort()
    events = events_of(c.to_icalendar("nb", participant="p1", stamp=STAMP))
    deadlines = [e for e in events if str(e["SUMMARY"]).startswith("Frist: ")]
    # three note intervals between four gatherings, and the final text (trainer programme)
    assert len(deadlines) >= 4
    assert all("VALARM" in [x.name for x in e.subcomponents] for e in deadlines)
    assert {e["DTSTART"].dt for e in deadlines} >= {TRAINER_DAYS[2], TRAINER_DAYS[4], TRAINER_DAYS[6]}
    en = events_of(c.to_icalendar("en", participant="p1", stamp=STAMP))
    assert sum(str(e["SUMMARY"]).startswith("Deadline: ") for e in en) == len(deadlines)


def test_a_moved_gathering_keeps_its_uid_and_gets_a_higher_sequence() -> None:
    first = trainer_cohort().to_icalendar("nb", stamp=STAMP)
    moved = trainer_cohort(g2_days=[datetime.date(2024, 11, 20), datetime.date(2024, 11, 21)])
    second = moved.to_icalendar("nb", previous=first, stamp=STAMP)
    before = {str(e["UID"]): e for e in events_of(first)}
    after = {str(e["UID"]): e for e in events_of(second)}
    assert before.keys() == after.keys()
    changed = [u for u in after if after[u]["DTSTART"].dt != before[u]["DTSTART"].dt]
    assert len(changed) == 1 and ".g2.gathering@" in changed[0]
    for uid, e in after.items():
        assert int(e["SEQUENCE"]) == (1 if uid in changed else 0)


def test_deadlines_no_longer_due_are_cancelled_in_the_next_export() -> None:
    c = trainer_cohort()
    first = c.to_icalendar("en", participant="p1", stamp=STAMP)
    c.add_exemption("p1", smart.Exemption(requirement="notes", reason="Fritak etter avtale.", granted_by="Koordinator"))
    second = c.to_icalendar("en", participant="p1", previous=first, stamp=STAMP)
    before = {str(e["UID"]): e for e in events_of(first)}
    after = {str(e["UID"]): e for e in events_of(second)}
    assert before.keys() == after.keys()  # nothing vanishes silently from people's calendars
    cancelled = [u for u, e in after.items() if e.get("STATUS") == "CANCELLED"]
    assert cancelled and all(".deadline.notes." in u for u in cancelled)
    assert len(cancelled) == sum(".deadline.notes." in u for u in before)
    for u in cancelled:
        assert int(after[u]["SEQUENCE"]) == int(before[u]["SEQUENCE"]) + 1
        assert after[u]["DTSTART"].dt == before[u]["DTSTART"].dt


def test_cli_ics_uses_the_existing_file_as_previous_export(tmp_path: Path) -> None:
    path = tmp_path / "cohort.json"
    path.write_text(trainer_cohort().to_json(), encoding="utf-8")
    out = tmp_path / "kull.ics"
    status, text, _ = run_cli("schedule", str(path), "--ics", str(out), "--lang", "en")
    assert status == 0 and "5 events" in text
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sessions"][1]["days"] = ["2024-11-20", "2024-11-21"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert run_cli("schedule", str(path), "--ics", str(out), "--lang", "en")[0] == 0
    seqs = {str(e["UID"]): int(e["SEQUENCE"]) for e in events_of(out.read_text(encoding="utf-8"))}
    assert sorted(seqs.values()) == [0, 0, 0, 0, 1]
    status, _, _ = run_cli("schedule", str(path), "--ics", str(tmp_path / "p1.ics"), "--participant", "p1")
    assert status == 0 and "Frist: " in (tmp_path / "p1.ics").read_text(encoding="utf-8")
    status, _, err = run_cli("schedule", str(path), "--ics", str(tmp_path / "x.ics"), "--participant", "nobody")
    assert status == 1 and "nobody" in err
    demo = smart.demo_cohort()
    status, text, _ = run_cli("schedule", demo.id)  # a built-in cohort id
    assert status == 0 and demo.label in text
    status, _, err = run_cli("schedule", "no-such-cohort")
    assert status == 1 and "built-in demo cohort" in err and "trygge-fagfolk-demo" in err
    (tmp_path / "bad.ics").write_text("hello", encoding="utf-8")
    status, _, err = run_cli("schedule", str(path), "--ics", str(tmp_path / "bad.ics"))
    assert status == 1 and "previous export" in err


# --- a real CalDAV server ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    """Radicale on 127.0.0.1 (a free port), storage in a temporary folder, no auth; stopped
    at the end. Yields its URL."""
    pytest.importorskip("radicale")
    port = _free_port()
    config = tmp_path / "radicale.conf"
    config.write_text(
        "[server]\nhosts = 127.0.0.1:%d\n[auth]\ntype = none\n[rights]\ntype = authenticated\n"
        "[storage]\nfilesystem_folder = %s\n[logging]\nlevel = warning\n" % (port, tmp_path / "storage"),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                    pytest.fail(f"radicale did not start: {output}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


def _publish(calendar: Any, ics: str) -> None:
    """Publishes every event of an export as its own calendar object (one UID per object, as
    CalDAV wants), with the VTIMEZONE when there is one."""
    cal = icalendar.Calendar.from_ical(ics)
    timezones = list(cal.walk("VTIMEZONE"))
    for event in cal.walk("VEVENT"):
        one = icalendar.Calendar()
        for key in ("VERSION", "PRODID", "CALSCALE"):
            one.add(key, cal[key])
        for tz in timezones:
            one.add_component(tz)
        one.add_component(event)
        calendar.save_event(one.to_ical().decode())


def _server_events(calendar: Any) -> list[Any]:
    out = []
    for obj in calendar.events():
        out.extend(icalendar.Calendar.from_ical(obj.data).walk("VEVENT"))
    return out


def test_a_moved_gathering_updates_the_event_on_a_caldav_server(radicale: str, monkeypatch: pytest.MonkeyPatch) -> None:
    caldav = pytest.importorskip("caldav")
    # loopback only: never through a proxy the environment may name
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    client = caldav.DAVClient(url=radicale, username="koordinator", password="x")
    calendar = client.principal().make_calendar(name="Trenerkull")

    first = trainer_cohort().to_icalendar("nb", participant="p1", stamp=STAMP)
    _publish(calendar, first)
    stored = _server_events(calendar)
    assert len(stored) == len(events_of(first))
    g2 = next(str(e["UID"]) for e in stored if ".g2.gathering@" in str(e["UID"]))
    old = next(e for e in stored if str(e["UID"]) == g2)
    assert old["DTSTART"].dt == TRAINER_DAYS[2]

    moved = trainer_cohort(g2_days=[datetime.date(2024, 11, 20), datetime.date(2024, 11, 21)])
    second = moved.to_icalendar("nb", participant="p1", previous=first, stamp=STAMP)
    _publish(calendar, second)
    stored = _server_events(calendar)
    assert len(stored) == len(events_of(second))  # nothing duplicated
    same = [e for e in stored if str(e["UID"]) == g2]
    assert len(same) == 1
    assert same[0]["DTSTART"].dt == datetime.date(2024, 11, 20)
    assert same[0]["DTEND"].dt == datetime.date(2024, 11, 22)  # exclusive end
    assert int(same[0]["SEQUENCE"]) > int(old["SEQUENCE"])


# --- agreements --------------------------------------------------------------------------


def _agreement_doc(staff_date: str = "2025-10-20") -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((ROOT / "examples/agreements/fjordvik-skole.json").read_text(encoding="utf-8"))
    doc["plan"]["dates"][1]["date"] = staff_date
    return doc


def test_an_agreements_calendar_parses_and_a_moved_date_updates_its_entry(tmp_path: Path) -> None:
    a = smart.Agreement.from_json(json.dumps(_agreement_doc()))
    first = a.to_icalendar("en", stamp=STAMP)
    events = events_of(first)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Fjordvik skole: Personalmøte: styrkefokus" in summaries
    assert [s for s in summaries if s.endswith("ends")] == [f"Fjordvik skole: Agreement year {n} ends" for n in (1, 2, 3)]
    assert len(events) == len(a.planned_items()) + len(a.periods())
    moved = smart.Agreement.from_json(json.dumps(_agreement_doc("2025-10-27")))
    second = moved.to_icalendar("en", previous=first, stamp=STAMP)
    old = {str(e["UID"]): e for e in events}
    new = {str(e["UID"]): e for e in events_of(second)}
    assert old.keys() == new.keys()  # one entry per item: the moved one is updated, not duplicated
    changed = [u for u in new if new[u].decoded("DTSTART") != old[u].decoded("DTSTART")]
    assert len(changed) == 1
    assert new[changed[0]].decoded("DTSTART") == datetime.date(2025, 10, 27)
    assert int(new[changed[0]]["SEQUENCE"]) == int(old[changed[0]]["SEQUENCE"]) + 1


def test_smart_schedule_exports_an_agreement_and_warns_of_a_holiday(tmp_path: Path) -> None:
    path = tmp_path / "avtale.json"
    path.write_text(json.dumps(_agreement_doc("2025-05-17"), ensure_ascii=False), encoding="utf-8")
    status, out, err = run_cli("schedule", str(path), "--ics", str(tmp_path / "avtale.ics"), "--lang", "en")
    assert status == 0, err
    assert "/plan/dates/1" in err and "17 May 2025" in err
    assert len(events_of((tmp_path / "avtale.ics").read_text(encoding="utf-8"))) == 6
    status, out, err = run_cli("schedule", str(path))
    assert status == 0 and out.startswith("Fjordvik skole\n") and "2025-05-17  staff" in out
    status, out, err = run_cli("agreement", "report", str(path), "--as-of", "2025-06-01")
    assert status == 0 and "/plan/dates/1" in err
    status, out, err = run_cli("schedule", str(path), "--participant", "p1", "--ics", str(tmp_path / "x.ics"))
    assert status == 2 and "for cohorts" in err
