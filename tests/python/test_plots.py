"""smart.plots: each function returns matplotlib Axes with the expected bars or lines
(rendered off screen with the Agg backend)."""

from __future__ import annotations

import datetime
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
    ax = plots.attendance_by_day(ev, lang="en")
    assert isinstance(ax, Axes) and len(bars(ax)) == 8
    assert [round(b.get_height(), 4) for b in bars(ax)][:2] == [round(34 / 36, 4), 1.0]
    assert "Attendance per day" in ax.get_title() and ax.get_ylabel()
    # mid-programme: only the days held so far
    assert len(bars(plots.attendance_by_day(smart.demo_cohort().evaluate("2024-11-20")))) == 4


def test_funnel_stacks_four_states_per_requirement(series: smart.Statistics) -> None:
    ax = plots.funnel(series, cohort="synthetic-2018", lang="en")
    assert len(bars(ax)) == 4 * 4
    assert [t.get_text() for t in ax.get_yticklabels()] == ["attendance", "notes", "final text", "festival"]  # top down
    assert "2018" in ax.get_title()
    with pytest.raises(ValueError, match="no cohort"):
        plots.funnel(series, cohort="nope")


def test_status_by_group_draws_no_bar_for_suppressed_groups(series: smart.Statistics) -> None:
    ax = plots.status_by_group(series, lang="en")
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
    assert plots.trend(series, ax=ax, lang="en") is ax
    lines = ax.get_lines()
    assert len(lines) == 2 and all(len(line.get_xdata()) == 4 for line in lines)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2017", "2018", "2019", "2020"]
    assert [line.get_label() for line in lines] == ["completion rate", "mean attendance"]


def test_status_by_group_stacks_withdrawn_participants_apart() -> None:
    c = smart.demo_cohort()
    c.withdraw(c[0].id, "2025-01-15", "Sluttet")
    st = smart.cohort_statistics([c.evaluate("2025-04-30")], by="sector")
    ax = plots.status_by_group(st, lang="en")
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


def all_text(ax: Axes) -> list[str]:
    """Every text drawn on the axes: title, axis labels, tick labels, legend, annotations."""
    texts = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    texts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    legend = ax.get_legend()
    if legend is not None:
        texts += [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    texts += [t.get_text() for t in ax.texts]
    return [t for t in texts if t]


RAW_IDS = ("final_text", "not_eligible", "in_progress", "no_certificate", "g1", "g2", "attendance_per_day")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_plot_speaks_one_language_with_names_not_ids(series: smart.Statistics, lang: str) -> None:
    ev = smart.demo_cohort().evaluate("2025-04-30")
    drawn = {
        "days": plots.attendance_by_day(ev, lang=lang),
        "funnel": plots.funnel(ev, lang=lang),
        "groups": plots.status_by_group(series, lang=lang),
        "trend": plots.trend(series, lang=lang),
    }
    words = {
        "nb": {"days": ["Oppmøte per dag", "telledag", "1. samling", "samling"],
               "funnel": ["Kravtrakt", "avsluttende tekst", "oppfylt", "deltakere"],
               "groups": ["Status etter kommune", "deltakere", "kommune", "skjult", "har rett"],
               "trend": ["Fullføring og oppmøte over kull", "fullføringsgrad", "gjennomsnittlig oppmøte", "andel"]},
        "nn": {"days": ["Oppmøte per dag", "teljedag", "1. samling"],
               "funnel": ["Kravtrakt", "avsluttande tekst", "deltakarar"],
               "groups": ["Status etter kommune", "deltakarar", "skjult"],
               "trend": ["fullføringsgrad", "gjennomsnittleg oppmøte", "del"]},
        "en": {"days": ["Attendance per day", "counted day", "gathering 1", "session"],
               "funnel": ["Requirement funnel", "final text", "met", "participants"],
               "groups": ["Status by municipality", "participants", "municipality", "suppressed", "eligible"],
               "trend": ["Completion and attendance across cohorts", "completion rate", "mean attendance", "share"]},
    }  # fmt: skip
    for name, ax in drawn.items():
        texts = all_text(ax)
        joined = "\n".join(texts)
        for word in words[lang][name]:
            assert word in joined, (name, word, texts)
        for raw in RAW_IDS:
            assert raw not in texts, (name, raw)
        if lang != "en":
            for english in ("participants", "share of enrolled", "counted day", "completion rate", "Status by"):
                assert english not in joined, (name, english)


def test_the_default_language_follows_set_language() -> None:
    ev = smart.demo_cohort().evaluate("2025-04-30")
    assert plots.funnel(ev).get_title().startswith("Kravtrakt")  # nb by default
    smart.set_language("en")
    try:
        assert plots.funnel(ev).get_title().startswith("Requirement funnel")
        assert plots.funnel(ev, lang="nn").get_xlabel() == "deltakarar"  # an explicit lang wins
    finally:
        smart.set_language("nb")
    with pytest.raises(ValueError, match="lang must be one of 'nb', 'nn', 'en'"):
        plots.funnel(ev, lang="de")


def test_status_by_group_from_evaluations_suppresses_small_groups() -> None:
    ev = smart.demo_cohort().evaluate("2025-04-30")  # municipalities of 3 and 4 people
    ax = plots.status_by_group(ev, lang="en")
    st = smart.cohort_statistics([ev], by="municipality", min_cell=5)
    hidden = [g for g in st.groups if g.suppressed]
    assert hidden and all(g.enrolled == 0 for g in hidden)  # figures withheld
    small = smart.cohort_statistics([ev], by="municipality")
    assert any(g.enrolled < 5 for g in small.groups)  # the cohort has small groups to hide
    assert sum(t.get_text() == "suppressed" for t in ax.texts) == len(hidden)
    heights: dict[float, float] = {}
    for b in bars(ax):
        x = round(b.get_x() + b.get_width() / 2)
        heights[x] = heights.get(x, 0) + b.get_height()
    assert heights and all(h >= 5 for h in heights.values())  # no visible group under 5
    assert "groups under 5 suppressed" in ax.get_title()
    # min_cell=None draws every group, as asked
    everyone = plots.status_by_group(ev, lang="en", min_cell=None)
    assert not any(t.get_text() == "suppressed" for t in everyone.texts)


def test_trend_draws_a_running_cohort_hollow_and_dashed_never_at_zero() -> None:
    cohorts = smart.synthetic_cohorts(years=3, participants=40)
    done = [c.evaluate(c.last_day + datetime.timedelta(days=120)) for c in cohorts[:2]]
    last = cohorts[2]
    running = last.evaluate(last.days[3])  # mid-programme: people still in progress
    st = smart.cohort_statistics([*done, running])
    assert [r.complete for r in st.cohorts] == [True, True, False]
    assert st.cohorts[2].eligible_share == 0  # what used to be drawn as a drop to 0 %
    for lang, marker in (("nb", "pågår"), ("en", "in progress")):
        ax = plots.trend(st, lang=lang)
        completion = ax.get_lines()[0]
        ys = list(completion.get_ydata())
        assert ys[0] > 0 and ys[1] > 0 and ys[2] != ys[2]  # NaN: no point for the running cohort
        dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
        assert len(dashed) == 1 and dashed[0].get_markerfacecolor() == "none"
        assert list(dashed[0].get_xdata())[-1] == 2
        assert marker in [t.get_text() for t in ax.texts]
        assert any(marker in t.get_text() for t in ax.get_legend().get_texts())
    frame = st.to_pandas("cohorts")
    assert list(frame["complete"]) == [True, True, False]
    assert frame["completion_rate"].isna().tolist() == [False, False, True]
