"""Hardening (issue 10): text enters the core as UTF-8 and is checked there, whatever Python
hands over (lone surrogates, bytes that are not UTF-8); errors of the core always become
SmartError with readable text; saving replaces a file whole or not at all, also when the
saving process is killed."""

from __future__ import annotations

import datetime
import json
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import smart
from smart import _smart

from conftest import person

SURROGATE = "\ud800"


def trainer_cohort() -> smart.Cohort:
    c = smart.Cohort("smart-trener-2024", id="holmestrand-2024", label="Holmestrand 2024")
    c.add_participant(person("p1"))
    return c


# --- text enters as UTF-8 -------------------------------------------------------------------


def test_a_name_in_bytes_that_are_not_utf8_is_refused_and_the_cohort_still_saves(tmp_path: Path) -> None:
    c = trainer_cohort()
    before = c.to_json()
    for bad in (b"\xff", b"kull-\xff", "Tønsberg".encode("cp1252")):
        with pytest.raises(smart.ValidationError) as info:
            c.add_participant(person("p2", name=bad))
        assert info.value.path == "/participants/1/name"
        assert "participant name is not valid UTF-8" in info.value.message
    assert c.to_json() == before
    c.save(tmp_path / "kull.json")
    assert smart.load_cohort(tmp_path / "kull.json") == c


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: person("p2", name=SURROGATE), "/participants/1/name"),
        (lambda: person(SURROGATE), "/participants/1/id"),
        (lambda: person("p2", role="lærer" + SURROGATE), "/participants/1/role"),
        (lambda: person("p2", municipality=smart.Municipality("3905", "T\udcf8nsberg")), "/participants/1/municipality/name"),
        (lambda: person("p2", contact=smart.Contact(email=SURROGATE)), "/participants/1/contact/email"),
    ],
)
def test_a_lone_surrogate_is_a_validation_error_naming_the_argument(make: Any, path: str) -> None:
    c = trainer_cohort()
    before = c.to_json()
    with pytest.raises(smart.ValidationError) as info:
        c.add_participant(make())
    assert info.value.path == path
    assert "not valid UTF-8" in info.value.message
    assert c.to_json() == before


def test_texts_of_records_refuse_surrogates_and_control_characters() -> None:
    c = trainer_cohort()
    before = c.to_json()
    day = datetime.date(2024, 10, 1)
    for title in (SURROGATE, "to\nlinjer", b"\xff"):
        with pytest.raises(smart.ValidationError) as info:
            c.add_submission("p1", smart.Submission(kind="reflection", date=day, title=title))  # type: ignore[arg-type]
        assert info.value.path == "/participants/0/submissions/0/title"
    for kw, field in ((dict(reason=SURROGATE), "reason"), (dict(granted_by="Rektor\tOla"), "granted_by")):
        args: dict[str, Any] = dict(requirement="festival", reason="Sykdom", granted_by="Rektor") | kw
        with pytest.raises(smart.ValidationError) as info:
            c.add_exemption("p1", smart.Exemption(**args))
        assert info.value.path == f"/participants/0/exemptions/0/{field}"
    assert c.to_json() == before
    # free text may hold line breaks and tabs
    c.add_exemption("p1", smart.Exemption(requirement="festival", reason="Sykdom.\n\tLegeerklæring.", granted_by="Rektor"))


def test_a_cohort_id_or_label_with_a_surrogate_is_a_validation_error() -> None:
    with pytest.raises(smart.ValidationError) as info:
        smart.Cohort("smart-trener-2024", id=SURROGATE, label="Kull")
    assert info.value.path == "/id"
    with pytest.raises(smart.ValidationError) as info:
        smart.Cohort("smart-trener-2024", id="kull", label="Kull\n3")
    assert info.value.path == "/label"


def test_an_id_no_participant_can_have_is_an_invalid_argument_not_a_type_error() -> None:
    c = trainer_cohort()
    for bad in (SURROGATE, "p1\x00", b"p1\xff"):
        with pytest.raises(smart.InvalidArgumentError, match="participant id"):
            c.set_attendance(bad, "2024-09-18", "present")  # type: ignore[arg-type]
        with pytest.raises(smart.InvalidArgumentError):
            c.set_festival_role(bad, "workshop")  # type: ignore[arg-type]
        with pytest.raises(smart.InvalidArgumentError):
            c.index_of(bad)  # type: ignore[arg-type]
    assert SURROGATE not in c
    with pytest.raises(smart.NotFoundError):
        c.index_of("p9")


def test_text_given_to_parsers_and_lookups_is_never_a_type_error() -> None:
    with pytest.raises(smart.ParseError):
        smart.loads_cohort('{"id": "' + SURROGATE + '"}')
    with pytest.raises(smart.ParseError):
        _smart.schedule.parse_date("2024-01-0" + SURROGATE)
    with pytest.raises(smart.NotFoundError, match=r"\\xED"):
        smart.get_programme("smart-" + SURROGATE)
    with pytest.raises(smart.InvalidArgumentError):
        trainer_cohort().set_attendance("p1", "2024-09-18", "present" + SURROGATE)
    session = smart.Session("g1", kind="gathering", days=[datetime.date(2024, 9, 18)], focus_areas=[SURROGATE])
    with pytest.raises(smart.ValidationError) as info:
        smart.Cohort(smart.get_programme("smart-grunnkurs"), id="k", label="K", sessions=[session])
    assert info.value.path == "/sessions/0/focus_areas/0"


def test_a_core_message_that_is_not_utf8_still_becomes_a_smart_error() -> None:
    # A Windows-1252 file: the core's message must not make the translation fail.
    doc = smart.demo_cohort().to_json().encode("cp1252")
    with pytest.raises(smart.SmartError) as info:
        smart.loads_cohort(doc)  # type: ignore[arg-type]
    assert isinstance(info.value, smart.ParseError)
    str(info.value).encode("utf-8")  # readable text, whatever the core quoted


def test_load_errors_of_a_windows_1252_file_are_smart_errors(tmp_path: Path) -> None:
    f = tmp_path / "kull-1252.json"
    f.write_bytes(smart.demo_cohort().to_json().encode("cp1252"))
    with pytest.raises(smart.SmartError):
        smart.load_cohort(f)


def test_smart_evaluate_on_a_windows_1252_file_exits_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    f = tmp_path / "kull-1252.json"
    text = smart.demo_cohort().to_json()
    assert "Tønsberg" in text
    f.write_bytes(text.encode("cp1252"))
    r = subprocess.run([sys.executable, "-m", "smart", "evaluate", str(f)], capture_output=True)
    assert r.returncode == 1
    err = r.stderr.decode("utf-8")  # itself UTF-8
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1
    assert err.startswith("smart: ") and "UTF-8" in err


def test_an_issuer_or_revocation_reason_that_is_not_utf8_is_refused_and_the_register_stays_readable(
    tmp_path: Path,
) -> None:
    from smart import issuing

    ev = smart.demo_cohort().evaluate("2025-04-30")
    key = issuing.generate_signing_key()
    reg = issuing.Register(tmp_path / "register.jsonl")
    data = issuing.certificate_data(ev, "p01")
    with pytest.raises(smart.InvalidArgumentError, match="issuer name"):
        reg.issue(data, issuing.Issuer(id="urn:x", name="Kommune " + SURROGATE), key, "2025-04-30", "nb")
    record, _ = reg.issue(data, issuing.Issuer(id="urn:x", name="Kommune"), key, "2025-04-30", "nb")
    with pytest.raises(smart.InvalidArgumentError, match="revocation reason"):
        reg.revoke(record.serial, "feil " + SURROGATE, datetime.date(2025, 5, 5))
    assert [r.serial for r in issuing.Register(tmp_path / "register.jsonl").records()] == [record.serial]


def test_a_municipality_mapping_with_a_surrogate_is_a_validation_error() -> None:
    ev = smart.demo_cohort().evaluate("2025-04-30")
    with pytest.raises(smart.ValidationError) as info:
        smart.statistics([ev], by="municipality", municipality_mapping={"0704": ("3905", "T" + SURROGATE)})
    assert info.value.path == "/0704/name"
    with pytest.raises(smart.ValidationError):
        smart.statistics([ev], by="municipality", municipality_mapping={"07" + SURROGATE: ("3905", "Tønsberg")})


# --- saving replaces a file whole or not at all -----------------------------------------------


def test_save_writes_the_document_and_keeps_the_file_mode(tmp_path: Path) -> None:
    c = trainer_cohort()
    f = tmp_path / "kull.json"
    c.save(f)
    assert f.read_text(encoding="utf-8") == c.to_json()
    f.chmod(0o640)
    c.set_attendance("p1", "2024-09-18", "present")
    c.save(str(f))
    assert smart.load_cohort(f) == c
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kull.json"]


def test_a_failed_save_is_a_smart_error_and_leaves_the_old_file(tmp_path: Path) -> None:
    c = trainer_cohort()
    with pytest.raises(smart.NotFoundError, match="mangler"):
        c.save(tmp_path / "mangler" / "kull.json")
    with pytest.raises(smart.InvalidArgumentError):
        c.save(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_programme_saves_and_loads_back(tmp_path: Path) -> None:
    p = smart.get_programme("smart-leder-2024")
    p.save(tmp_path / "program.json")
    assert smart.load_programme(tmp_path / "program.json") == p


def test_write_file_atomic_takes_bytes_and_path_like(tmp_path: Path) -> None:
    f = tmp_path / "Tønsberg.pdf"
    _smart.file.write_file_atomic(f, b"%PDF-1.7\n")
    _smart.file.write_file_atomic(os.fsencode(f), b"%PDF-1.7\n%%EOF\n")
    assert f.read_bytes() == b"%PDF-1.7\n%%EOF\n"
    assert [p.name for p in tmp_path.iterdir()] == ["Tønsberg.pdf"]


# --- the kill trial -------------------------------------------------------------------------
#
# A server process (a fresh interpreter: no threads, so forking is safe) loads two large
# cohorts A and B once. For each trial the file holds A; the server forks a writer that
# saves B, A, B, ... in a loop, and the test kills the writer with SIGKILL at a moment spread
# over the writes. Afterwards the file must be exactly A or exactly B. The same trial against
# a naive truncate-then-write (what Cohort.save did before) shows that it detects a torn file.

PARTICIPANTS = 20_000
TRIALS = 50

SERVER = textwrap.dedent(
    """
    import json, os, sys, time
    from pathlib import Path
    import smart
    from smart import _smart

    folder, n = Path(sys.argv[1]), int(sys.argv[2])
    base = json.loads(smart.demo_cohort().to_json())
    days = [d.isoformat() for d in smart.demo_cohort().days][:8]

    def document(label, status):
        doc = dict(base, label=label, capacity=n)
        doc["participants"] = [
            {"id": f"p{i:06d}", "name": f"Deltaker {i} Ærlig Øvrebø",
             "municipality": {"number": "3905", "name": "Tønsberg"}, "role": "lærer", "sector": "public",
             "attendance": {d: status for d in days}}
            for i in range(n)
        ]
        return json.dumps(doc)

    cohorts = {"A": smart.loads_cohort(document("A", "present")), "B": smart.loads_cohort(document("B", "late"))}
    texts = {k: c.to_json().encode("utf-8") for k, c in cohorts.items()}
    for k, t in texts.items():
        (folder / f"{k}.bin").write_bytes(t)
    target = folder / "kull.json"

    def write(mode, which):
        if mode == "save":
            cohorts[which].save(target)
        elif mode == "atomic":
            _smart.file.write_file_atomic(target, texts[which])
        else:  # the naive way: truncate, then write
            target.write_bytes(texts[which])

    cycle = {}
    for mode in ("save", "atomic", "naive"):
        start = time.perf_counter()
        write(mode, "A")
        cycle[mode] = time.perf_counter() - start
    print(json.dumps(cycle), flush=True)

    for line in sys.stdin:
        mode = line.strip()
        pid = os.fork()
        if pid == 0:
            while True:
                write(mode, "B")
                write(mode, "A")
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)
    """
)


def kill_trial(server: subprocess.Popen[str], folder: Path, mode: str, span: float) -> dict[str, int]:
    """TRIALS kills of a writer in `mode`, at moments spread evenly over `span` seconds."""
    assert server.stdin is not None and server.stdout is not None
    old, new = (folder / "A.bin").read_bytes(), (folder / "B.bin").read_bytes()
    target = folder / "kull.json"
    outcome = {"old": 0, "new": 0, "corrupt": 0}
    for i in range(TRIALS):
        target.write_bytes(old)
        server.stdin.write(mode + "\n")
        server.stdin.flush()
        pid = int(server.stdout.readline())
        time.sleep(span * (i + 0.5) / TRIALS)
        os.kill(pid, signal.SIGKILL)
        assert server.stdout.readline().strip() == "reaped"
        data = target.read_bytes()
        outcome["old" if data == old else "new" if data == new else "corrupt"] += 1
        # a killed writer may leave its temporary file, named for its pid
        for leftover in folder.glob(".*.tmp"):
            assert re.fullmatch(rf"\.kull\.json\.{pid}\.\d+-\d+\.tmp", leftover.name), leftover.name
            leftover.unlink()
    return outcome


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_document(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    with subprocess.Popen(
        [sys.executable, "-c", SERVER, str(tmp_path), str(PARTICIPANTS)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    ) as server:  # fmt: skip
        assert server.stdout is not None
        cycle = json.loads(server.stdout.readline())
        # Cohort.save: kills over about two saves (serialising, writing, flushing, renaming)
        saved = kill_trial(server, tmp_path, "save", 1.6 * cycle["save"])
        # the core's write alone, over about two writes: every kill lands while writing
        atomic = kill_trial(server, tmp_path, "atomic", 2 * cycle["atomic"])
        assert smart.load_cohort(tmp_path / "kull.json").label in ("A", "B")
        # the control: truncate and write, as Cohort.save did before
        naive = kill_trial(server, tmp_path, "naive", 2 * cycle["naive"])
        server.stdin.close()  # type: ignore[union-attr]  # the server ends
        assert server.wait(timeout=30) == 0
    report = (
        f"kill trial, {PARTICIPANTS} participants ({(tmp_path / 'A.bin').stat().st_size / 1e6:.1f} MB), {TRIALS} kills each: "
        f"Cohort.save {saved['corrupt']} corrupt of {TRIALS} (old {saved['old']}, new {saved['new']}); "
        f"write_file_atomic {atomic['corrupt']} corrupt of {TRIALS} (old {atomic['old']}, new {atomic['new']}); "
        f"naive truncate-then-write {naive['corrupt']} corrupt of {TRIALS}"
    )
    print(report)
    assert saved["corrupt"] == 0, report
    assert atomic["corrupt"] == 0, report
    assert saved["old"] > 0 and saved["new"] > 0, report  # the kills did fall before and after a save
    assert naive["corrupt"] > 0, report  # the trial does detect a torn file


def test_a_public_key_file_that_is_a_device_or_not_utf8_is_a_smart_error(tmp_path: Path) -> None:
    # /dev/zero has no end: it is read up to a limit, not forever
    with pytest.raises(smart.ValidationError, match="not a key file"):
        smart.load_public_key("/dev/zero")
    bad = tmp_path / "latin1.pub.json"
    bad.write_bytes(b'{"format": "smart.public-key/1", "key_id": "T\xf8nsberg"}')
    with pytest.raises(smart.ParseError, match="not UTF-8"):
        smart.load_public_key(bad)
