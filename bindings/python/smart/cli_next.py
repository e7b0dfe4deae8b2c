"""``smart next [FILE]``: what each participant must still do, and by when, as of a date
(docs/next-steps.md). The core plans the steps and words them; this module lays them out as
a table, JSON, CSV or iCalendar."""

from __future__ import annotations

import argparse
import csv
import datetime
import json
from collections.abc import Callable
from typing import Any, TextIO

from . import _texts
from .cohort import demo_cohort, load_cohort
from .enums import Lang, Status
from .errors import SmartError
from .next_steps import FRAME_COLUMNS

__all__ = ["add_commands"]

CSV_COLUMNS = FRAME_COLUMNS  # the columns of Evaluation.next_steps_frame


def add_commands(sub: Any, parse_date: Callable[[str], datetime.date]) -> None:
    """Adds ``next`` to the subcommands of the ``smart`` parser; the parsed arguments carry
    ``next_handler``."""
    p = sub.add_parser(
        "next",
        help="what each participant must still do, and by when",
        description=(
            "The next steps of every participant of a cohort (a smart.cohort/1 file; without FILE the built-in demo "
            "cohort) as of a date: attend, notes, portfolio, final text, festival, with windows and deadlines; the "
            "requirements that can no longer be met and the exemption they need. With --within, the coordinator's "
            "list: the steps due within that many days, by date, and who is at risk."
        ),
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="a smart.cohort/1 document")
    p.add_argument("--as-of", type=parse_date, default=None, metavar="DATE", help="date YYYY-MM-DD (default: today)")
    p.add_argument("--within", type=int, default=None, metavar="DAYS", help="only steps due within DAYS days")
    p.add_argument("--participant", default=None, metavar="ID", help="only this participant")
    p.add_argument("--format", choices=["table", "json", "csv", "ics"], default="table", help="output format (default table)")
    p.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of texts (default nb)")
    p.set_defaults(next_handler=_run)


def _in_window(due: str, as_of: datetime.date, within: int | None) -> bool:
    if within is None:
        return True
    return as_of < datetime.date.fromisoformat(due) <= as_of + datetime.timedelta(days=within)


def _table(out: TextIO, label: str, programme: str, doc: dict[str, Any], within: int | None, lang: Lang) -> None:
    as_of = datetime.date.fromisoformat(doc["as_of"])
    out.write(f"{label}\n{programme} — {_texts.heading('as_of', lang)} {as_of.isoformat()}\n\n")
    key = lang.value
    if within is not None:
        # the coordinator's list: each action due in the window, with who must do it
        names = {p["id"]: p["name"] for p in doc["participants"]}
        for g in doc["coordinator"]["by_action"]:
            out.write(f"{g['due']}  {g['summary'][key]}\n")
            people = ", ".join(f"{pid} {names[pid]}" for pid in g["participants"])
            out.write(f"            {people}\n")
        risk = doc["coordinator"]["at_risk"]
        if risk["participants"]:
            status = Status.in_progress.label(lang, at_risk=True)
            people = ", ".join(f"{pid} {names[pid]}" for pid in risk["participants"])
            out.write(f"\n{risk['next_day']}: {status}: {people}\n")
        return
    for p in doc["participants"]:
        if not p["steps"] and not p["blocked"]:
            continue
        out.write(f"{p['id']}  {p['name']} — {_texts.status_label(Status(p['status']), p['at_risk'], lang)}\n")
        for b in p["blocked"]:
            out.write(f"  !  {b['text'][key]}\n")
        for s in sorted(p["steps"], key=lambda x: str(x["due"])):
            out.write(f"  {s['due']}  {s['text'][key]}\n")
        out.write("\n")


def _csv(out: TextIO, doc: dict[str, Any], within: int | None, lang: Lang) -> None:
    as_of = datetime.date.fromisoformat(doc["as_of"])
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for p in doc["participants"]:
        for s in p["steps"]:
            if not _in_window(s["due"], as_of, within):
                continue
            row = {"participant_id": p["id"], "status": p["status"], "at_risk": p["at_risk"], **s, "text": s["text"][lang.value]}
            w.writerow(["" if row[c] is None else str(row[c]).lower() if isinstance(row[c], bool) else row[c] for c in CSV_COLUMNS])


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = Lang(args.lang)
    try:
        if args.within is not None and args.within < 0:
            err.write("smart: --within: expected a number of days >= 0\n")
            return 2
        cohort = load_cohort(args.file) if args.file else demo_cohort()
        ev = cohort.evaluate(args.as_of or datetime.date.today())
        if args.format == "ics":
            out.write(ev.next_steps_icalendar(args.participant, lang, within_days=args.within))
            return 0
        if args.format == "json":
            out.write(ev.next_steps_json(args.participant, args.within))
            return 0
        doc = json.loads(ev.next_steps_json(args.participant, args.within))
        if args.format == "csv":
            _csv(out, doc, args.within, lang)
        else:
            _table(out, cohort.label, ev.programme.name.get(lang), doc, args.within, lang)
        return 0
    except SmartError as exc:
        where = f"{args.file}: " if args.file else ""
        err.write(f"smart: {where}{exc}\n")
        return 1
