"""HTML for notebooks: a readable table of participants, status and what is missing; a
cohort's roster; the statistics' trend. Every word in the language asked for, from the core."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from . import _texts
from .enums import Lang, Status

if TYPE_CHECKING:
    from .cohort import Cohort
    from .evaluation import Evaluation
    from .statistics import Statistics

__all__ = ["cohort_html", "evaluation_html", "statistics_html"]

_COLOURS = {
    Status.eligible: "#1a7f37",
    Status.not_eligible: "#cf222e",
    Status.in_progress: "#9a6700",
    Status.no_certificate: "#57606a",
    Status.withdrawn: "#57606a",
}


def evaluation_html(ev: Evaluation, *, lang: Lang, max_rows: int) -> str:
    """The evaluation as an HTML table (at most ``max_rows`` participants)."""
    cohort = ev.cohort
    def h(key: str) -> str:
        return _texts.heading(key, lang)

    c = ev.counts
    title = (
        f"<b>{escape(cohort.label)}</b><br>{escape(ev.programme.name.get(lang))} — "
        f"{h('evaluated_as_of')} {ev.as_of.isoformat()}: "
        + escape(_texts.summary(c, lang))
    )
    rows = []
    for i, r in enumerate(ev):
        if i >= max_rows:
            rows.append(
                f'<tr><td colspan="4" style="text-align:left">… {len(ev) - max_rows} {escape(h("more"))}</td></tr>'
            )
            break
        missing = r.missing(lang)
        label = _texts.status_label(r.status, r.at_risk, lang)
        rows.append(
            "<tr>"
            f'<td style="text-align:left">{escape(r.id)}</td>'
            f'<td style="text-align:left">{escape(r.name)}</td>'
            f'<td style="text-align:left;color:{_COLOURS[r.status]}">{escape(label)}</td>'
            f'<td style="text-align:left">{"<br>".join(escape(m) for m in missing) if missing else "–"}</td>'
            "</tr>"
        )
    head = "".join(f'<th style="text-align:left">{escape(x)}</th>' for x in ("id", h("participant"), h("status"), h("missing")))
    return f'<div><p>{title}</p><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _table(head: list[str], rows: list[list[str]], numeric_from: int) -> str:
    def cell(tag: str, i: int, text: str) -> str:
        align = "right" if i >= numeric_from else "left"
        return f'<{tag} style="text-align:{align}">{escape(text)}</{tag}>'

    thead = "".join(cell("th", i, x) for i, x in enumerate(head))
    body = "".join("<tr>" + "".join(cell("td", i, x) for i, x in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{thead}</tr></thead><tbody>{body}</tbody></table>"


def cohort_html(cohort: Cohort, *, lang: Lang, max_rows: int) -> str:
    """The cohort's roster (id, name, municipality, role) without any status: a cohort has
    no as-of date, so its repr evaluates nothing (Cohort.to_html(as_of) does)."""
    def h(key: str) -> str:
        return _texts.heading(key, lang)

    title = (
        f"<b>{escape(cohort.label)}</b><br>{escape(cohort.programme.name.get(lang))} — "
        f"{escape(_texts.counted(len(cohort), 'participant', 'participants', lang))}, "
        f"{cohort.first_day.isoformat()}–{cohort.last_day.isoformat()}; {escape(h('status'))}: {escape(h('not_evaluated'))}"
    )
    rows = [[p.id, p.name, f"{p.municipality.number} {p.municipality.name}", p.role] for p in list(cohort)[:max_rows]]
    if len(cohort) > max_rows:
        rows.append([f"… {len(cohort) - max_rows} {h('more')}", "", "", ""])
    head = ["id", h("participant"), h("municipality"), h("role")]
    return f"<div><p>{title}</p>{_table(head, rows, numeric_from=len(head))}</div>"


def _percent(r: object) -> str:
    return "–" if r is None else f"{float(r) * 100:.1f} %"  # type: ignore[arg-type]


def statistics_html(st: Statistics, *, lang: Lang) -> str:
    """The trend as a small table: one row per cohort."""
    def h(key: str) -> str:
        return _texts.heading(key, lang)

    statuses = (Status.eligible, Status.not_eligible, Status.in_progress, Status.no_certificate, Status.withdrawn)
    head = [h("cohort"), h("complete"), h("enrolled"), *(s.label(lang) for s in statuses)]
    head += [h("completion_rate"), h("mean_attendance")]
    rows = []
    for r, label in zip(st.cohorts, st.cohort_labels, strict=True):
        first = [label or r.cohort_id, "✓" if r.complete else Status.in_progress.label(lang)]
        if r.suppressed:
            rows.append(first + [h("suppressed")] + [""] * (len(head) - 3))
            continue
        rows.append(first + [str(r.enrolled), *(str(getattr(r, s.value)) for s in statuses)]
                    + [_percent(r.eligible_share if r.complete else None), _percent(r.mean_attendance)])  # fmt: skip
    k = st.min_cell
    title = f"<b>{escape(h('cohort_statistics'))}</b>"
    if k is not None:
        title += f" — {escape(h('groups_under'))} {k} {escape(h('suppressed'))}"
    return f"<div><p>{title}</p>{_table(head, rows, numeric_from=2)}</div>"
