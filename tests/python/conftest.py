"""Shared fixtures: small programmes and cohorts built through the Python API, like the
helpers of the C++ tests (tests/cpp/helpers.hpp)."""

from __future__ import annotations

import datetime
import functools
import http.server
import io
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import smart
from smart import issuing

ROOT = Path(__file__).resolve().parents[2]

D = datetime.date.fromisoformat

TRAINER_DAYS = [D(x) for x in ("2024-09-18", "2024-09-19", "2024-11-13", "2024-11-14",
                                "2025-01-15", "2025-01-16", "2025-03-12", "2025-03-13")]  # fmt: skip
TRAINER_FESTIVAL = D("2025-04-09")
LEADER_DAYS = [D(x) for x in ("2024-09-04", "2024-09-05", "2024-10-17", "2024-11-28", "2025-01-30", "2025-03-20")]
LEADER_FESTIVAL = D("2025-04-09")
YEAR_LONG_DAYS = [D(x) for x in ("2019-11-06", "2019-12-04", "2020-01-15", "2020-02-12", "2020-03-11",
                                  "2020-04-22", "2020-05-13", "2020-06-10", "2020-09-16")]  # fmt: skip
YEAR_LONG_FESTIVAL = D("2020-10-21")


def sheet_rows(rows: Sequence[Sequence[object]], lines: Sequence[int] | None = None) -> tuple[int, list[str], list[list[str]], list[int]] | None:
    """A second reader's rows as the core's readers make a table of them (the oracle of
    test_xlsx.py and test_csv_read.py): the first row with a non-blank cell is the header
    (blank: spaces, tabs and line breaks only); columns as wide as the widest row from the
    header on, shorter rows padded with ""; cells as a person reads them (smart.workbook._text).
    `lines`: each row's line, default 1, 2, .... Returns (header line, headers, columns,
    lines of the rows below the header), or None without a non-blank cell."""
    from smart.workbook import _text

    def blank(c: object) -> bool:
        return _text(c).strip(" \t\r\n") == ""

    numbers = list(lines) if lines is not None else list(range(1, len(rows) + 1))
    header = next((i for i, r in enumerate(rows) if not all(blank(c) for c in r)), None)
    if header is None:
        return None
    width = max(len(r) for r in rows[header:])
    padded = [[_text(c) for c in r] + [""] * (width - len(r)) for r in rows[header:]]
    columns = [[r[j] for r in padded[1:]] for j in range(width)]
    return numbers[header], padded[0], columns, numbers[header + 1 :]


def person(pid: str, **kw: Any) -> smart.Participant:
    """A valid participant with no records (keyword arguments override)."""
    args: dict[str, Any] = dict(
        id=pid, name="Kari Nordmann", municipality=smart.Municipality("3905", "Tønsberg"), role="lærer", sector="public"
    )
    args.update(kw)
    return smart.Participant(**args)


def programme(requirements: Sequence[dict[str, Any]], sessions: Sequence[dict[str, Any]] | None = None) -> smart.Programme:
    """A programme document with these requirements (default: the trainer schedule)."""
    doc = {
        "format": "smart.programme/1",
        "id": "test-programme",
        "name": "Testprogram",
        "sessions": sessions if sessions is not None else trainer_sessions(),
        "certificate": {"requirements": list(requirements)},
    }
    return smart.loads_programme(json.dumps(doc))


def trainer_sessions() -> list[dict[str, Any]]:
    days = [d.isoformat() for d in TRAINER_DAYS]
    return [
        {"id": f"g{i + 1}", "kind": "gathering", "days": days[2 * i : 2 * i + 2]} for i in range(4)
    ] + [{"id": "festival", "kind": "festival", "days": [TRAINER_FESTIVAL.isoformat()]}]


def cohort_of(prog: smart.Programme | str, *people: smart.Participant, sessions: Sequence[smart.Session] = ()) -> smart.Cohort:
    c = smart.Cohort(prog, id="c1", label="Testkull", sessions=sessions)
    c.add_participants(list(people) or [person("p1")])
    return c


def record(c: smart.Cohort, pid: str, days: Sequence[datetime.date], status: str) -> None:
    for d in days:
        c.set_attendance(pid, d, status)


def state_of(c: smart.Cohort, as_of: datetime.date, requirement: str = "attendance", who: str = "p1") -> smart.RequirementState:
    r = c.evaluate(as_of)[who]
    return next(q.state for q in r.requirements if q.id == requirement)


@pytest.fixture
def demo() -> smart.Cohort:
    return smart.demo_cohort()


@pytest.fixture
def demo_expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "tests/data/demo_expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def trainer_one() -> Callable[[], smart.Cohort]:
    """A factory: the trainer programme 2024 with one participant p1 and no records."""
    return lambda: cohort_of("smart-trener-2024")


# --- issuing: the `smart` command in this process, issuer keys, a local web site -------------

DEMO = ROOT / "examples/cohorts/trener-2024-demo.json"


def smart_cli(*argv: str) -> tuple[int, str, str]:
    """Runs the `smart` command in this process: (exit status, stdout, stderr)."""
    from smart.cli import run

    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def keyfile(tmp_path: Path) -> Path:
    """An issuer key pair made by `smart keygen`: the secret key file (the public one beside it)."""
    path = tmp_path / "keys" / "issuer.key.json"
    status, _, err = smart_cli("keygen", str(path))
    assert status == 0, err
    return path


@pytest.fixture(scope="module")
def key() -> issuing.SigningKey:
    """An issuer key (ES256), one for each test module."""
    return issuing.generate_signing_key()


def web_issuer(url: str) -> issuing.Issuer:
    """An issuer with a web address, named by its did:web: its certificates get status list entries."""
    return issuing.Issuer(id=issuing.did_web(url), name="Eksempel kommune", url=url)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A real HTTP server on 127.0.0.1 serving the folder tmp_path/"site": (folder, base URL)."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def validate_ob3_credential(credential: dict[str, Any]) -> None:
    """Validates an Open Badges 3.0 AchievementCredential against the official JSON schema in
    ../shared/openbadges (skips when jsonschema or the schema is missing)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = ROOT.parent / "shared" / "openbadges" / "ob_v3p0_achievementcredential.schema.json"
    if not schema_file.is_file():
        pytest.skip(f"the official schema is not at {schema_file}")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(credential)
