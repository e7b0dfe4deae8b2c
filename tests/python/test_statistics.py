"""Statistics and synthetic cohorts through Python: the core computes, Python only asks."""

from __future__ import annotations

import pytest

import smart


def test_synthetic_cohorts_are_deterministic_and_fictional() -> None:
    a = smart.synthetic_cohorts(years=2, participants=20)
    b = smart.synthetic_cohorts(years=2, participants=20)
    assert [c.id for c in a] == ["synthetic-2017", "synthetic-2018"]
    assert all(len(c) == 20 for c in a) and a == b
    assert a[0][0].name.startswith("Syntetisk deltaker")


def test_statistics_of_evaluated_cohorts() -> None:
    cohorts = smart.synthetic_cohorts(years=3)
    evs = [c.evaluate(c.last_day) for c in cohorts]
    doc = smart.statistics(evs, by="municipality", min_cell=3)
    assert doc["format"] == "smart.statistics/1"
    assert [row["cohort"] for row in doc["cohorts"]] == [c.id for c in cohorts]
    first = doc["cohorts"][0]
    assert first["enrolled"] == 36
    assert first["status"]["eligible"] == evs[0].counts.eligible
    assert doc["groups"] and doc["days"]


def test_statistics_refuse_an_unknown_grouping() -> None:
    c = smart.demo_cohort()
    with pytest.raises(smart.InvalidArgumentError, match="grouping"):
        smart.statistics([c.evaluate("2025-04-30")], by="county")  # type: ignore[arg-type]
