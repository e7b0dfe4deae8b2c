"""``smart agreement report FILE... [--as-of DATE] [--format table|json|csv] [--lang]
[--cohort FILE|ID]``: long-term agreements as of a date (docs/agreements.md). Every figure,
state, explanation and heading comes from the core."""

from __future__ import annotations

import argparse
import csv
import datetime
from collections.abc import Sequence
from typing import Any, TextIO

from ._core import _smart
from .agreement import Agreement, Portfolio, agreement_portfolio
from .cli_args import cohort_arg as _cohort
from .cli_args import date_arg as _date
from .enums import Lang
from .errors import SmartError

__all__ = ["add_commands"]

DEMO_COHORT_ID = "trener-2024-demo"



def add_commands(sub: Any) -> None:
    """Adds ``agreement report`` to the subcommands of the ``smart`` parser."""
    p = sub.add_parser(
        "agreement",
        help="long-term agreements: report per agreement year",
        description="Long-term agreements (smart.agreement/1 documents): report per agreement year as of a date.",
    )
    acts = p.add_subparsers(dest="agreement_action", required=True, metavar="ACTION")
    r = acts.add_parser(
        "report",
        help="report agreements as of a date (one file: per agreement year; several: the portfolio first)",
        description=(
            "Report each agreement as of a date: per agreement year and plan item planned, held, missing and "
            "still possible, with met / unmet / pending / at risk; trainer seats, certificates, costs."
        ),
    )
    r.add_argument("files", nargs="+", metavar="FILE", help="agreement documents (smart.agreement/1)")
    r.add_argument("--as-of", type=_date, default=None, metavar="DATE", help="report date YYYY-MM-DD (default: today)")
    r.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output format (default table)")
    r.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of texts (default nb)")
    r.add_argument(
        "--cohort", action="append", default=[], metavar="FILE",
        help=f"a trainer cohort document whose participants hold seats (repeatable; '{DEMO_COHORT_ID}' is the built-in demo)",
    )  # fmt: skip
    r.set_defaults(agreement_handler=run_agreement)


def _h(key: str, lang: Lang) -> str:
    text: str = _smart.agreement.heading(key, lang.value)
    return text


def _table(out: TextIO, rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _write_table(out: TextIO, pf: Portfolio, lang: Lang) -> None:
    out.write(f"{_h('as_of', lang)} {pf.data['as_of']}\n\n")
    if len(pf.rows) > 1:
        keys = ["organisation", "municipality", "current_year", "met", "unmet", "pending", "at_risk", "seats_used",
                "seats_left", "trainees_eligible", "costs_nok"]  # fmt: skip
        rows: list[list[str]] = [[_h(k, lang) for k in keys]]
        for row in pf.rows:
            rows.append([
                row["organisation"], f"{row['municipality_number']} {row['municipality_name']}", str(row["current_period"]),
                str(row["met"]), str(row["unmet"]), str(row["pending"]), str(row["at_risk"]), str(row["seats_used"]),
                str(row["seats_left"]), str(row["trainees_eligible"]), str(row["total_nok"]),
            ])  # fmt: skip
        _table(out, rows)
        out.write("\n")
    for rep in pf.reports:
        d = rep.data
        org = d["organisation"]
        out.write(f"{org['name']} ({org['municipality']['number']} {org['municipality']['name']}), "
                  f"{d['start']} – {d['end']}\n")  # fmt: skip
        rows = [[_h(k, lang) for k in ("year", "item", "planned", "held", "missing", "possible", "state")]]
        for it in rep.items:
            year = str(it["period"]) if it["period"] else _h("whole_period", lang)
            rows.append([year, it["label"], str(it["planned"]), str(it["held"]), str(it["missing"]), str(it["possible"]),
                         it["state_label"]])  # fmt: skip
        _table(out, rows)
        for it in rep.items:
            if it["state"] == "unmet" or it["at_risk"]:
                out.write(f"  - {it['explanation']}\n")
        s, c = d["seats"], d["costs"]
        out.write(f"{_h('seats_used', lang)}: {s['used']}/{s['planned']}, {_h('seats_left', lang)}: {s['left']}, "
                  f"{_h('trainees_eligible', lang)}: {d['certificates']['eligible']}/{d['certificates']['trainees_evaluated']}\n")  # fmt: skip
        out.write(f"{_h('costs_nok', lang)}: {_h('material_sets', lang)} {c['material_sets']} = {c['material_nok']}, "
                  f"{_h('trainer_participants', lang)} {c['trainer_participants']} = {c['trainer_nok']}, "
                  f"{_h('total', lang)} {c['total_nok']}\n\n")  # fmt: skip


def _write_csv(out: TextIO, pf: Portfolio) -> None:
    cols = ["agreement", "organisation", "period", "item", "from", "until", "planned", "max", "held", "missing",
            "possible", "state", "at_risk", "explanation"]  # fmt: skip
    w = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for rep in pf.reports:
        for it in rep.items:
            row = {k: it.get(k) for k in cols if k in it}
            row.update(agreement=rep.data["id"], organisation=rep.data["organisation"]["name"])
            w.writerow(row)


def run_agreement(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = Lang(args.lang)
    current = ""
    try:
        cohorts = []
        for ref in args.cohort:
            current = ref
            cohorts.append(_cohort(ref))
        agreements = []
        for f in args.files:
            current = f
            agreements.append(Agreement.load(f))
            for w in agreements[-1].schedule_warnings():  # holidays and weekends: warnings, not errors
                err.write(f"smart: {f}: {w.describe(lang)}\n")
        current = ""
        pf = agreement_portfolio(agreements, args.as_of or datetime.date.today(), cohorts, lang)
    except SmartError as exc:
        where = f"{current}: " if current else ""
        err.write(f"smart: {where}{exc}\n")
        return 1
    if args.format == "json":
        out.write(pf.to_json() + "\n")
    elif args.format == "csv":
        _write_csv(out, pf)
    else:
        _write_table(out, pf, lang)
    return 0
