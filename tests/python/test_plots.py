"""smart.plots: each function returns matplotlib Axes with the expected bars or lines
(rendered off screen with the Agg backend)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import smart

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from smart import plots  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def series() -> smart.Statistics:
    cohorts = smart.synthetic_cohorts(years=4, participants=40)
    return smart.cohort_statistics([c.evaluate(c.last_day) for c in cohorts], by="municipality", min_cell=5)


def bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def test_attendance_by_day_has_one_bar_per_counted_day() -> None:
    ev = smart.demo_cohort().evaluate("2025-04-30")
    ax = plots.attendance_by_day(ev)
    assert isinstance(ax, Axes) and len(bars(ax)) == 8
    assert [round(b.get_height(), 4) for b in bars(ax)][:2] == [round(34 / 36, 4), 1.0]
    assert "Attendance per day" in ax.get_title() and ax.get_ylabel()
    # mid-programme: only the days held so far
    assert len(bars(plots.attendance_by_day(smart.demo_cohort().evaluate("2024-11-20")))) == 4


def test_funnel_stacks_four_states_per_requirement(series: smart.Statistics) -> None:
    ax = plots.funnel(series, cohort="synthetic-2018")
    assert len(bars(ax)) == 4 * 4
    assert [t.get_text() for t in ax.get_yticklabels()] == ["attendance", "notes", "final_text", "festival"]  # top down
    assert "2018" in ax.get_title()
    with pytest.raises(ValueError, match="no cohort"):
        plots.funnel(series, cohort="nope")


def test_status_by_group_draws_no_bar_for_suppressed_groups(series: smart.Statistics) -> None:
    ax = plots.status_by_group(series)
    groups = series.to_pandas("groups")
    latest = groups[groups["cohort"] == series.cohort_ids[-1]]
    visible = int((~latest["suppressed"]).sum())
    statuses_present = sum(1 for s in ("eligible", "not_eligible", "in_progress", "no_certificate") if latest[s].sum() > 0)
    assert len(bars(ax)) == visible * statuses_present
    assert len(ax.get_xticklabels()) == len(latest)
    assert sum(t.get_text() == "suppressed" for t in ax.texts) == int(latest["suppressed"].sum())
    with pytest.raises(ValueError, match="no groups"):
        plots.status_by_group(smart.cohort_statistics([smart.demo_cohort().evaluate("2025-04-30")]))


def test_trend_draws_two_lines_across_cohorts(series: smart.Statistics) -> None:
    fig, ax = plt.subplots()
    assert plots.trend(series, ax=ax) is ax
    lines = ax.get_lines()
    assert len(lines) == 2 and all(len(line.get_xdata()) == 4 for line in lines)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2017", "2018", "2019", "2020"]
    assert [line.get_label() for line in lines] == ["completion rate", "mean attendance"]


def test_status_by_group_stacks_withdrawn_participants_apart() -> None:
    c = smart.demo_cohort()
    c.withdraw(c[0].id, "2025-01-15", "Sluttet")
    st = smart.cohort_statistics([c.evaluate("2025-04-30")], by="sector")
    ax = plots.status_by_group(st)
    assert "withdrawn" in [t.get_text() for t in ax.get_legend().get_texts()]
    heights = {}
    for b in bars(ax):
        heights[b.get_facecolor()] = heights.get(b.get_facecolor(), 0) + b.get_height()
    assert sum(heights.values()) == sum(g.enrolled for g in st.groups)  # every participant once


def test_plots_read_the_public_result_only(series: smart.Statistics) -> None:
    # a Statistics whose private members cannot be read: the plots still draw
    class PublicOnly(smart.Statistics):
        __slots__ = ()

        def __getattribute__(self, name: str) -> object:
            if name.startswith("_") and not name.startswith("__"):
                raise AttributeError(f"a plot read the private member {name}")
            return getattr(series, name)

    stand_in = PublicOnly.__new__(PublicOnly)
    for draw in (plots.funnel, plots.trend, plots.attendance_by_day, plots.status_by_group):
        assert isinstance(draw(stand_in), Axes)
