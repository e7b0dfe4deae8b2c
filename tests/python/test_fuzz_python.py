"""Python-side fuzzing (issue 10): Hypothesis over the DataFrame ingestion and the CLI.

Each test is a fixed, derandomized run (the same examples on every machine), so CI is
repeatable; `SMART_FUZZ_EXAMPLES=5000 pytest tests/python/test_fuzz_python.py` runs a
longer one. The properties: whatever the input, the library either gives a result that
saves and loads again to an equal cohort, or raises smart.SmartError with a message that
is valid text — never another exception, a crash, or a traceback from the CLI.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import math
import os
from pathlib import Path
from typing import Any

import pytest

import smart
import smart.cli

hypothesis = pytest.importorskip("hypothesis")
pd = pytest.importorskip("pandas")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(os.environ.get("SMART_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

DAYS = ["2024-09-18", "2024-09-19", "2024-11-13", "2024-11-14", "2025-01-15", "2025-01-16", "2025-03-12", "2025-03-13", "2025-04-09"]

# Cell values as spreadsheets and pandas hand them over: text of every kind (control
# characters, lone surrogates, Norwegian letters, numbers as text), numbers (NaN, inf,
# municipality numbers read as integers), dates in several types, and missing values.
text = st.one_of(
    st.sampled_from(["a1", "a2", "Kari", "Tønsberg", "3905", "0301", "present", "absent", "late", "excused", "x", ""]),
    st.sampled_from(["public", "private", "voluntary", "reflection", "final_text", "approved", "method", "workshop"]),
    st.sampled_from(DAYS + ["18.09.2024", "2024-02-30", "1399-12-31", "2024-9-18"]),
    st.text(max_size=12),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=4),
    st.sampled_from(["\ud800", "a\x00b", "\u202e", "😀", " " * 3]),
)
number = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([301, 3905, 0, -1, 1e999, math.nan, 2.5, 3.0, 10001]),
    st.floats(allow_nan=True, allow_infinity=True),
)
when = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.sampled_from([datetime.date.fromisoformat(d) for d in DAYS]),
    st.builds(lambda d: pd.Timestamp(d), st.sampled_from(DAYS)),
)
cell = st.one_of(text, number, when, st.none())

PARTICIPANT_COLUMNS = ["id", "name", "municipality_number", "municipality", "role", "sector", "email", "phone", "festival_role"]
ATTENDANCE_COLUMNS = ["participant_id", "date", "status"]
SUBMISSION_COLUMNS = ["participant_id", "kind", "date", "status", "pages", "category", "title"]
EXEMPTION_COLUMNS = ["participant_id", "requirement", "reason", "granted_by", "date"]


@st.composite
def frame(draw: Any, columns: list[str], max_rows: int = 4) -> Any:
    """A DataFrame over a random subset of `columns` (plus now and then an unknown one)."""
    chosen = [c for c in columns if draw(st.booleans()) or c in columns[:2]]
    if draw(st.integers(0, 9)) == 0:
        chosen.append("unexpected")
    rows = draw(st.integers(0, max_rows))
    data = {c: [draw(cell) for _ in range(rows)] for c in chosen}
    return pd.DataFrame(data, columns=chosen, dtype=object)


def good_participants() -> Any:
    return pd.DataFrame(
        [
            dict(id="a1", name="Kari Nordmann", municipality_number="3905", municipality="Tønsberg", role="lærer", sector="public"),
            dict(id="a2", name="Ola Nordmann", municipality_number="3301", municipality="Drammen", role="rektor", sector="private"),
        ]
    )


def _check_round_trip(c: smart.Cohort) -> None:
    again = smart.loads_cohort(c.to_json())
    assert again.to_json() == c.to_json()
    c.evaluate(datetime.date(2025, 4, 30))


def _ingest(**frames: Any) -> None:
    try:
        c = smart.Cohort.from_frames("smart-trener-2024", id="kull-1", label="Kull 1", **frames)
    except smart.SmartError as e:
        assert str(e).encode("utf-8")  # the message is valid text
        return
    _check_round_trip(c)


@FUZZ
@given(participants=frame(PARTICIPANT_COLUMNS))
def test_any_participants_frame_loads_or_raises_a_smart_error(participants: Any) -> None:
    _ingest(participants=participants)


@FUZZ
@given(attendance=frame(ATTENDANCE_COLUMNS, 6), submissions=frame(SUBMISSION_COLUMNS), exemptions=frame(EXEMPTION_COLUMNS, 2))
def test_any_record_frames_load_or_raise_a_smart_error(attendance: Any, submissions: Any, exemptions: Any) -> None:
    _ingest(participants=good_participants(), attendance=attendance, submissions=submissions, exemptions=exemptions)


DEMO = (Path(__file__).resolve().parents[2] / "examples" / "cohorts" / "trener-2024-demo.json").read_bytes()


@st.composite
def mutated_document(draw: Any) -> bytes:
    """The demo cohort with a few byte-level edits: cuts, insertions, replacements."""
    data = bytearray(DEMO)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "replace", "delete", "cut"]))
        chunk = draw(st.one_of(st.binary(max_size=8), st.sampled_from([b"[", b"{", b'"', b"\xff", b"\xc3", b"1e999", b",", b"\\u0000"])))
        if op == "insert":
            data[at:at] = chunk
        elif op == "replace":
            data[at : at + len(chunk)] = chunk
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            del data[at:]
    return bytes(data)


def _run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = smart.cli.main(args)
        except SystemExit as e:  # argparse
            status = int(e.code or 0)
    return status, out.getvalue(), err.getvalue()


@FUZZ
@given(document=st.one_of(mutated_document(), st.binary(max_size=64)))
def test_the_cli_evaluates_or_says_why_in_one_line(document: bytes, tmp_path_factory: Any) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "cohort.json"
    path.write_bytes(document)
    for args in (["evaluate", str(path), "--as-of", "2025-04-30"], ["evaluate", str(path), "--format", "json"]):
        status, out, err = _run_cli(args)
        assert "Traceback" not in err
        if status == 0:
            if "--format" in args:
                json.loads(out)
        else:
            assert status in (1, 2), (status, err)
            assert err.strip(), "an error exit says why"
            assert len(err.strip().splitlines()) <= 3, err


def test_the_fuzz_runs_are_fixed_and_short() -> None:
    # CI runs a fixed number of examples (derandomized); a long run is an environment variable.
    assert FUZZ.derandomize and FUZZ.max_examples == EXAMPLES
