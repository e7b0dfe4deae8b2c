"""``smart schedule``: a cohort's schedule on the terminal or as an iCalendar file
(docs/calendar.md), and the schedule warnings (session days on a Norwegian public holiday
or a weekend) that ``smart schedule`` and ``smart evaluate`` print to stderr."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import tempfile
from typing import Any, TextIO

from .cli_args import cohort_arg as load_cohort_or_builtin
from .cohort import Cohort
from .enums import Lang
from .errors import SmartError

__all__ = ["add_commands", "load_cohort_or_builtin", "print_schedule_warnings"]


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        "schedule",
        help="show a cohort's schedule, or export it as an iCalendar (.ics) file",
        description="Show a cohort's schedule (FILE: a smart.cohort/1 document or a built-in cohort id; or a "
        "smart.agreement/1 document: its planned dates and agreement-year ends), or with "
        "--ics write it as an iCalendar file for calendar apps: one event per session, or with --participant "
        "that participant's own dates and deadlines. When OUT exists it is read as the previous export: "
        "unchanged events keep their SEQUENCE, moved ones get a higher one under the same UID. Sessions on "
        "a public holiday or a weekend are reported on stderr.",
    )
    p.add_argument("file", metavar="FILE", help="a smart.cohort/1 document, or a built-in cohort id")
    p.add_argument("--ics", metavar="OUT", help="write the iCalendar file OUT (its old content is the previous export)")
    p.add_argument("--participant", metavar="ID", help="export this participant's own dates (needs --ics)")
    p.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of texts (default nb)")
    p.set_defaults(schedule_handler=run_schedule)



def print_schedule_warnings(cohort: Cohort, lang: Lang, err: TextIO) -> None:
    """One line per session day on a public holiday or a weekend, in ``lang``."""
    for w in cohort.schedule_warnings():
        err.write(f"smart: {w.describe(lang)}\n")


def _write_atomically(path: pathlib.Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def run_schedule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = Lang(args.lang)
    if args.participant and not args.ics:
        err.write("smart: schedule: --participant needs --ics OUT\n")
        return 2
    try:
        if _is_agreement(args.file):
            if args.participant:
                err.write("smart: schedule: --participant is for cohorts, not agreements\n")
                return 2
            return _agreement_schedule(args, lang, out, err)
        cohort = load_cohort_or_builtin(args.file)
        print_schedule_warnings(cohort, lang, err)
        if args.ics:
            path = pathlib.Path(args.ics)
            previous = None
            if path.exists():
                with open(path, encoding="utf-8", newline="") as f:  # keep the CRLFs as written
                    previous = f.read()
            text = cohort.to_icalendar(lang, participant=args.participant, previous=previous)
            _write_atomically(path, text)
            out.write(f"{path}: {text.count('BEGIN:VEVENT')} events\n")
            return 0
        _show(cohort, lang, out)
        return 0
    except (SmartError, OSError) as exc:
        err.write(f"smart: {args.file}: {exc}\n")
        return 1


def _is_agreement(name: str) -> bool:
    """True for a file holding a smart.agreement/1 document (its "format" member)."""
    if not os.path.isfile(name):
        return False
    try:
        with open(name, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError):
        return False  # the cohort loader reports what is wrong with it
    return isinstance(doc, dict) and str(doc.get("format", "")).startswith("smart.agreement/")


def _agreement_schedule(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    """An agreement's planned dates (and agreement-year ends) on the terminal or as iCalendar."""
    from .agreement import Agreement

    a = Agreement.load(args.file)
    for w in a.schedule_warnings():
        err.write(f"smart: {w.describe(lang)}\n")
    if args.ics:
        path = pathlib.Path(args.ics)
        previous = None
        if path.exists():
            with open(path, encoding="utf-8", newline="") as f:
                previous = f.read()
        text = a.to_icalendar(lang, previous=previous)
        _write_atomically(path, text)
        out.write(f"{path}: {text.count('BEGIN:VEVENT')} events\n")
        return 0
    out.write(f"{a.organisation}\n\n")
    for item in a.planned_items():
        out.write(f"  {item.date.isoformat()}  {item.kind:<12} {item.label}\n")
    return 0


def _show(cohort: Cohort, lang: Lang, out: TextIO) -> None:
    out.write(f"{cohort.label}\n{cohort.programme.name.get(lang)}\n\n")
    for s in cohort.sessions:
        days = ", ".join(d.isoformat() for d in s.days)
        times = f" {_hm(s.start)}–{_hm(s.end)}" if s.start and s.end else ""
        theme = f" — {s.theme.get(lang)}" if s.theme else ""
        out.write(f"  {s.id:<12} {s.kind:<10} {days}{times}{theme}\n")


def _hm(t: datetime.time) -> str:
    return t.strftime("%H:%M")
