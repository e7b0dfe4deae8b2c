"""Plots of cohort statistics with matplotlib (optional: ``pip install 'smart[plots]'``,
imported on first use). Each function draws on ``ax`` (default: a new figure) and returns
the matplotlib Axes, so it can be styled further or saved::

    import smart
    from smart import plots

    st = smart.cohort_statistics([c.evaluate(c.last_day) for c in smart.synthetic_cohorts()])
    plots.trend(st).figure.savefig("trend.png")

Every figure comes from :class:`smart.Statistics` (the core's numbers, suppression
included): a suppressed group is drawn as no bar and labelled "suppressed", never as 0.
Functions that show one cohort take ``cohort`` (an id; default: the latest in trend order).
An :class:`~smart.Evaluation` or a list of them is accepted in place of the statistics;
:func:`status_by_group` then suppresses groups under ``min_cell`` (default 5), a
:class:`~smart.Statistics` is drawn with the suppression it was made with.

Every text drawn (titles, axes, legends, labels) is in ``lang`` (``"nb"``, ``"nn"`` or
``"en"``; default :func:`smart.set_language`), the core's words: requirements and sessions
by name ("final text", "2. samling"), never by id. A cohort still running (not
``complete``) is drawn with a hollow marker on a dashed line and labelled "in progress" in
:func:`trend`, never as a drop to 0 %.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from . import _texts
from .enums import Lang, RequirementState, Status
from .evaluation import Evaluation
from .statistics import STATES, GroupFigures, Statistics, cohort_statistics

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["attendance_by_day", "funnel", "status_by_group", "trend"]

# Colours that stay apart for common colour-vision deficiencies (Okabe–Ito).
_GREEN, _RED, _ORANGE, _GREY, _BLUE, _SKY = "#009E73", "#D55E00", "#E69F00", "#999999", "#0072B2", "#56B4E9"
_STATUS = ((Status.eligible, _GREEN), (Status.not_eligible, _RED), (Status.in_progress, _ORANGE),
           (Status.no_certificate, _GREY), (Status.withdrawn, "#CC79A7"))  # fmt: skip
_STATES = ((RequirementState.met, _GREEN), (RequirementState.exempt, _SKY), (RequirementState.pending, _ORANGE),
           (RequirementState.unmet, _RED))  # fmt: skip
_STATE_INDEX = {state: i for i, state in enumerate(STATES)}  # the core's order of requirement_states


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("smart: plots need matplotlib: pip install 'smart[plots]'") from exc
    return plt


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = _pyplot().subplots(figsize=size, layout="constrained")
    result: Axes = new
    return result


def _stats(
    data: Statistics | Evaluation | Sequence[Evaluation], by: str = "none", min_cell: int | None = None
) -> Statistics:
    if isinstance(data, Statistics):
        return data
    evs = [data] if isinstance(data, Evaluation) else list(data)
    return cohort_statistics(evs, by=by, min_cell=min_cell)  # type: ignore[arg-type]


def _words(lang: Lang | str | None) -> tuple[Lang, Callable[[str], str]]:
    """The language and a function giving a heading in it (the core's words)."""
    resolved = _texts.resolve(lang)

    def h(key: str) -> str:
        return _texts.heading(key, resolved)

    return resolved, h


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cohort(st: Statistics, cohort: str | None) -> tuple[int, str, str]:
    """The cohort's position in trend order, id and label (default: the latest)."""
    ids = st.cohort_ids
    if not ids:
        raise ValueError("the statistics hold no cohort")
    if cohort is not None and cohort not in ids:
        raise ValueError(f"no cohort {cohort!r} in the statistics (they hold {', '.join(ids)})")
    i = len(ids) - 1 if cohort is None else ids.index(cohort)
    return i, ids[i], st.cohort_labels[i] or ids[i]


def _percent_axis(ax: Axes, axis: str = "y") -> None:
    from matplotlib.ticker import PercentFormatter

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(PercentFormatter(1.0))


def attendance_by_day(
    data: Statistics | Evaluation | Sequence[Evaluation],
    *,
    cohort: str | None = None,
    ax: Axes | None = None,
    lang: Lang | str | None = None,
) -> Axes:
    """Share of the enrolled who attended (present or late) each counted day of one cohort:
    one bar per day, coloured by session (named "1. samling" / "gathering 1"); days after
    the as-of date are left out."""
    st = _stats(data)
    lang, h = _words(lang)
    ci, cid, label = _cohort(st, cohort)
    days = [d for d in st.days if d.cohort_id == cid and d.past]
    ax = _axes(ax, (8, 4))
    sessions = list(dict.fromkeys(d.session_id for d in days))
    palette = (_BLUE, _SKY, _GREEN, _ORANGE, "#CC79A7", "#F0E442", _RED, _GREY)
    for i, d in enumerate(days):
        share = float(d.attended_share) if d.attended_share is not None else 0.0
        colour = palette[sessions.index(d.session_id) % len(palette)]
        first = d is next(x for x in days if x.session_id == d.session_id)
        ax.bar(i, share, color=colour, label=st.session_label(ci, d.session_id, lang) if first else None)
        ax.annotate(f"{d.attended}", (i, share), ha="center", va="bottom", fontsize=8, xytext=(0, 2),
                    textcoords="offset points")  # fmt: skip
    ax.set_xticks(range(len(days)), [d.day.isoformat() for d in days], rotation=45, ha="right")
    ax.set_ylim(0, 1.08)
    _percent_axis(ax)
    ax.set_xlabel(h("counted_day"))
    ax.set_ylabel(h("attended_share"))
    ax.set_title(f"{h('attendance_per_day')}\n{label}", fontsize=10)
    if days:
        ax.legend(title=h("session"), loc="lower left", fontsize=8)
    return ax


def funnel(
    data: Statistics | Evaluation | Sequence[Evaluation],
    *,
    cohort: str | None = None,
    ax: Axes | None = None,
    lang: Lang | str | None = None,
) -> Axes:
    """The requirement funnel of one cohort: per requirement (programme order, top down,
    by name), how many have met it, are exempt, are still pending and can no longer meet
    it — stacked horizontal bars, one segment per state."""
    st = _stats(data)
    lang, h = _words(lang)
    i, _, label = _cohort(st, cohort)
    row = st.cohorts[i]
    reqs = st.requirement_ids[i]
    ax = _axes(ax, (8, 3.5))
    ax.set_title(f"{h('requirement_funnel')}\n{label}", fontsize=10)
    ax.set_xlabel(h("participants"))
    if row.suppressed:
        ax.text(0.5, 0.5, h("suppressed_reason"), ha="center", transform=ax.transAxes)
        return ax
    if not reqs:
        ax.text(0.5, 0.5, h("no_requirements"), ha="center", transform=ax.transAxes)
        return ax
    ys = list(range(len(reqs)))[::-1]
    left = [0] * len(reqs)
    for state, colour in _STATES:
        values = [counts[_STATE_INDEX[state.value]] for counts in row.requirement_states]
        bars = ax.barh(ys, values, left=left, color=colour, label=state.label(lang))
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center", fontsize=8, color="white")
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(ys, [st.requirement_label(i, q, lang) for q in range(len(reqs))])
    ax.set_xlim(0, max(row.enrolled, 1))
    ax.legend(ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=8, frameon=False)
    return ax


def status_by_group(
    data: Statistics | Evaluation | Sequence[Evaluation],
    *,
    cohort: str | None = None,
    ax: Axes | None = None,
    lang: Lang | str | None = None,
    min_cell: int | None = 5,
) -> Axes:
    """Overall status by group (municipality, role or sector, as the statistics were
    grouped) in one cohort: stacked bars of eligible, not eligible, in progress, no
    certificate and withdrawn. Suppressed groups get no bar and the label "suppressed".

    From evaluations the statistics are made by municipality with ``min_cell`` (default 5:
    groups of fewer people are suppressed, with enough company that totals reveal none;
    ``None`` draws every group). A :class:`~smart.Statistics` is drawn with its own
    suppression (``min_cell`` is then not used)."""
    st = _stats(data, by="municipality", min_cell=min_cell)
    lang, h = _words(lang)
    if st.group_by == "none":
        raise ValueError("the statistics have no groups: make them with by='municipality', 'role' or 'sector'")
    _, cid, label = _cohort(st, cohort)
    groups = [g for g in st.groups if g.cohort_id == cid]
    ax = _axes(ax, (max(6.0, 0.6 * len(groups) + 2), 4))
    xs = list(range(len(groups)))
    bottom = [0] * len(groups)
    visible = [i for i, g in enumerate(groups) if not g.suppressed]
    for status, colour in _STATUS:
        values: list[int] = [getattr(groups[i], status.value) for i in visible]
        if not any(values):
            continue
        ax.bar([xs[i] for i in visible], values, bottom=[bottom[i] for i in visible], color=colour,
               label=status.label(lang))  # fmt: skip
        for i, v in zip(visible, values, strict=True):
            bottom[i] += v
    top = max(bottom, default=0) or 1
    for i, g in enumerate(groups):
        if g.suppressed:
            ax.text(i, top * 0.02, h("suppressed"), rotation=90, ha="center", va="bottom", fontsize=8, color=_GREY)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    names = [g.group_label if st.group_by == "municipality" else g.group for g in groups]
    ax.set_xticks(xs, names, rotation=45, ha="right")
    ax.set_ylabel(h("participants"))
    ax.set_xlabel(h(st.group_by))
    subtitle = label
    if st.min_cell is not None:
        subtitle += f" ({h('groups_under')} {st.min_cell} {h('suppressed')})"
    ax.set_title(f"{_capital(h('status'))} {h('by')} {h(st.group_by)}\n{subtitle}", fontsize=10)
    if visible:
        ax.legend(fontsize=8)
    return ax


def trend(
    data: Statistics | Sequence[Evaluation], *, ax: Axes | None = None, lang: Lang | str | None = None
) -> Axes:
    """Completion rate (eligible of enrolled) and mean attendance ratio across cohorts, in
    trend order (first session day): two lines; a suppressed cohort is a gap. A cohort
    still running (not ``complete``) has no completion rate yet: its attendance so far is
    a hollow marker on a dashed line, labelled "in progress" ("pågår") — never 0 %."""
    st = _stats(data)
    lang, h = _words(lang)
    rows = st.cohorts
    ax = _axes(ax, (8, 4))
    xs = list(range(len(rows)))
    running = [i for i, r in enumerate(rows) if not r.complete and not r.suppressed]

    def value(share: Fraction | None, r: GroupFigures, *, final: bool) -> float:
        if r.suppressed or share is None or (final and not r.complete):
            return float("nan")
        return float(share)

    completion = [value(r.eligible_share, r, final=True) for r in rows]
    attendance = [value(r.mean_attendance, r, final=False) for r in rows]
    solid = [float("nan") if i in running else v for i, v in enumerate(attendance)]
    ax.plot(xs, completion, marker="o", color=_GREEN, label=h("completion_rate"))
    ax.plot(xs, solid, marker="s", color=_BLUE, label=h("mean_attendance"))
    if running:
        # the running cohorts' attendance so far: hollow markers on a dashed line from the
        # last complete cohort's point
        before = [i for i in xs if i < running[0] and not math.isnan(solid[i])]
        joined = before[-1:] + running
        ax.plot(joined, [attendance[i] for i in joined], linestyle="--", color=_BLUE, marker="s", markerfacecolor="none",
                label=f"{h('mean_attendance')} ({Status.in_progress.label(lang)})")  # fmt: skip
        for i in running:
            y = 0.5 if math.isnan(attendance[i]) else attendance[i]
            ax.annotate(Status.in_progress.label(lang), (i, y), ha="center", va="bottom", fontsize=8, color=_GREY,
                        xytext=(0, 6), textcoords="offset points")  # fmt: skip
    ticks = [str(d.year) if d is not None else cid for d, cid in zip(st.first_days, st.cohort_ids, strict=True)]
    ax.set_xticks(xs, ticks)
    ax.set_ylim(0, 1.05)
    _percent_axis(ax)
    ax.set_xlabel(h("cohort_year"))
    ax.set_ylabel(h("share"))
    ax.set_title(h("completion_trend"))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower left")
    return ax
