"""Shared fixtures: small programmes and cohorts built through the Python API, like the
helpers of the C++ tests (tests/cpp/helpers.hpp)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import smart

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
