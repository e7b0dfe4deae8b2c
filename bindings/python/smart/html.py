"""HTML for notebooks: a readable table of participants, status and what is missing."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from . import _texts
from .enums import Lang, Status

if TYPE_CHECKING:
    from .evaluation import Evaluation

__all__ = ["evaluation_html"]

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
        f"{h('as_of')} {ev.as_of.isoformat()}: "
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
