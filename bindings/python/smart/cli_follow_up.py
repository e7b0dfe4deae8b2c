"""``smart follow-up FILE|ID``: attendance and between-session work per participant and
gathering, as of a date (docs/follow-up.md). Every word comes from the core."""

from __future__ import annotations

import argparse
import csv
import datetime
from collections.abc import Callable
from typing import Any, TextIO

from ._core import _smart
from .cli_args import cohort_arg as _cohort
from .cohort import Cohort
from .enums import Lang
from .errors import SmartError
from .follow_up import FollowUp, WorkStatus

__all__ = ["add_commands", "no_certificate_hint"]


def no_certificate_hint(lang: Lang) -> str:
    """What ``smart evaluate`` says about a programme without certificate rules."""
    text: str = _smart.follow_up.heading("no_certificate_hint", lang)
    return text


def add_commands(sub: Any, parse_date: Callable[[str], datetime.date]) -> None:
    """Adds ``follow-up`` to the subcommands of the ``smart`` parser; the parsed arguments
    carry ``follow_up_handler``."""
    p = sub.add_parser(
        "follow-up",
        help="follow up attendance and between-session work (programmes without a certificate)",
        description=(
            "Follow up every participant of a cohort (a smart.cohort/1 file, or the id of a built-in demo cohort "
            "such as trygge-fagfolk-demo) as of a date: attendance and between-session work per gathering."
        ),
    )
    p.add_argument("cohort", metavar="FILE|ID", help="a smart.cohort/1 document or a built-in demo cohort id")
    p.add_argument("--as-of", type=parse_date, default=None, metavar="DATE", help="follow-up date YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output format (default table)")
    p.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of texts (default nb)")
    p.set_defaults(follow_up_handler=_run)



def _table(out: TextIO, cohort: Cohort, f: FollowUp, lang: Lang) -> None:
    out.write(f"{cohort.label}\n{cohort.programme.name.get(lang)} — {f.heading('follow_up', lang)} ")
    out.write(f"{_smart.evaluation.heading('as_of', lang)} {f.as_of.isoformat()}\n\n")
    cells = [
        [f"{f.label(e.attendance, lang)} / {f.label(e.work, lang)}" if g.has_work else f.label(e.attendance, lang)
         for g, e in zip(f.gatherings, p.gatherings)]
        for p in f.participants
    ]  # fmt: skip
    heads = [g.session for g in f.gatherings]
    names = [p.name + (f" ({f.heading('withdrawn', lang)})" if p.withdrawn else "") for p in f.participants]
    wid = max([2] + [len(p.id) for p in f.participants]) + 2
    wname = max([len(_smart.evaluation.heading("participant", lang))] + [len(n) for n in names]) + 2
    wcol = [max([len(h)] + [len(row[k]) for row in cells]) + 2 for k, h in enumerate(heads)]
    header = "id".ljust(wid) + _smart.evaluation.heading("participant", lang).ljust(wname)
    header += "".join(h.ljust(wcol[k]) for k, h in enumerate(heads))
    out.write(header.rstrip() + "\n" + "-" * len(header.rstrip()) + "\n")
    for p, name, row in zip(f.participants, names, cells):
        line = p.id.ljust(wid) + name.ljust(wname) + "".join(c.ljust(wcol[k]) for k, c in enumerate(row))
        out.write(line.rstrip() + "\n")
    out.write("\n")
    for g in f.gatherings:
        if not g.has_work:
            continue
        due = f"{f.heading('due', lang)} {g.due.isoformat()}" if g.due else "–"
        counts = ", ".join(f"{f.label(w, lang)} {n}" for w, n in g.work.items() if n and w is not WorkStatus.no_work)
        out.write(f"{g.session} ({f.heading('work', lang)}, {due}): {counts}\n")


def _csv(out: TextIO, f: FollowUp, lang: Lang) -> None:
    rows = f.rows(lang)
    columns = list(rows[0]) if rows else ["participant_id", "session_id", "attendance", "work"]
    w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if v is None else v.isoformat() if isinstance(v, datetime.date) else
                        ("true" if v else "false") if isinstance(v, bool) else v) for k, v in r.items()})  # fmt: skip


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = Lang(args.lang)
    try:
        cohort = _cohort(args.cohort)
        f = cohort.follow_up(args.as_of or datetime.date.today())
        if args.format == "json":
            out.write(f.to_json())
        elif args.format == "csv":
            _csv(out, f, lang)
        else:
            _table(out, cohort, f, lang)
        return 0
    except SmartError as exc:
        err.write(f"smart: {args.cohort}: {exc}\n")
        return 1
