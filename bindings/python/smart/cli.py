"""The command line (also ``python -m smart``): ``smart catalog``, ``smart evaluate``,
``smart follow-up`` (cli_follow_up.py), ``smart agreement`` (cli_agreement.py), ``smart stats`` (cli_stats.py),
``smart schedule`` (cli_schedule.py) and ``smart keygen`` / ``issue`` / ``verify`` / ``revoke``
(cli_issue.py).

Exit status: 0 on success, 1 when the input is bad (a file that does not load, an unknown
programme id), 2 for a usage error (unknown option, a malformed --as-of date).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import os
import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import TextIO

from . import _texts, cli_agreement, cli_follow_up, cli_issue, cli_schedule, cli_stats
from . import cli_next
from . import cli_import
from ._core import _smart
from .cli_args import date_arg as _date
from .cohort import Cohort, demo_cohort, load_cohort
from .enums import Lang
from .errors import SmartError
from .evaluation import Evaluation, result_numbers
from .programme import get_programme, programme_ids
from .frames import RENAMED

__all__ = ["main"]



def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="smart",
        description="SMART competence programmes: the built-in catalogue and certificate evaluation.",
    )
    p.add_argument("--version", action="version", version=f"smart {_smart.__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    cat = sub.add_parser("catalog", help="list the built-in programmes, or show one", description="List the built-in programmes (catalog), or show one (catalog show ID).")
    cat.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of texts (default nb)")
    cat_sub = cat.add_subparsers(dest="action", metavar="ACTION")
    show = cat_sub.add_parser("show", help="show one programme: schedule and certificate rules")
    show.add_argument("id", help="a programme id, e.g. smart-trener-2024")
    show.add_argument("--lang", choices=[x.value for x in Lang], default=argparse.SUPPRESS, help="language of texts")

    ev = sub.add_parser(
        "evaluate",
        help="evaluate a cohort document (default: the built-in demo cohort)",
        description="Evaluate every participant of a cohort (a smart.cohort/1 JSON file; without FILE the built-in demo cohort) as of a date.",
    )
    ev.add_argument("file", nargs="?", metavar="FILE", help="a smart.cohort/1 document")
    ev.add_argument("--as-of", type=_date, default=None, metavar="DATE", help="evaluation date YYYY-MM-DD (default: today)")
    ev.add_argument("--format", choices=["table", "json", "csv", "xlsx"], default="table", help="output format (default table)")
    ev.add_argument("-o", "--output", default=None, metavar="FILE", help="the workbook to write (--format xlsx)")
    ev.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of texts (default nb)")
    cli_stats.add_commands(sub)
    cli_agreement.add_commands(sub)
    cli_issue.add_commands(sub)
    cli_follow_up.add_commands(sub, _date)
    cli_schedule.add_commands(sub)
    cli_next.add_commands(sub, _date)
    cli_import.add_commands(sub)
    return p


def _width(rows: Sequence[Sequence[str]], col: int) -> int:
    return max((len(r[col]) for r in rows), default=0)


def _catalog_list(out: TextIO, lang: Lang) -> None:
    def h(key: str) -> str:
        return _texts.heading(key, lang)

    rows = [("id", h("name"), h("sessions"), h("period"), h("certificate"))]
    for pid in programme_ids():
        prog = get_programme(pid)
        days = [d for s in prog.sessions for d in s.days]
        period = f"{min(days).isoformat()} – {max(days).isoformat()}" if days else h("template_programme")
        reqs = ", ".join(r.id for r in prog.requirements) if prog.has_certificate else "–"
        rows.append((pid, prog.name.get(lang), str(len(prog.sessions)), period, reqs))
    widths = [_width(rows, i) for i in range(4)]
    for r in rows:
        out.write("  ".join(x.ljust(widths[i]) for i, x in enumerate(r[:4])) + "  " + r[4] + "\n")


def _catalog_show(out: TextIO, pid: str, lang: Lang) -> None:
    def h(key: str) -> str:
        return _texts.heading(key, lang)

    prog = get_programme(pid)
    out.write(f"{prog.id}: {prog.name.get(lang)}\n")
    if prog.provider:
        out.write(f"{h('provider')}: {prog.provider.get(lang)}\n")
    if prog.seats is not None:
        out.write(f"{h('seats')}: {prog.seats}\n")
    out.write(f"\n{h('sessions')}:\n")
    if not prog.sessions:
        out.write(f"  {h('none')}\n")
    for s in prog.sessions:
        days = ", ".join(d.isoformat() for d in s.days) or h("not_dated")
        times = f" {s.start:%H:%M}–{s.end:%H:%M}" if s.start and s.end else ""
        theme = f" — {s.theme.get(lang)}" if s.theme else ""
        out.write(f"  {s.id:<12} {s.kind:<10} {days}{times}{theme}\n")
    out.write(f"\n{h('certificate_requirements')}:\n")
    if not prog.requirements:
        out.write(f"  {h('no_certificate')}\n")
    for r in prog.requirements:
        label = f" ({r.label.get(lang)})" if r.label else ""
        out.write(f"  {r.id:<12} {r.kind:<15} {r.describe(lang)}{label}\n")
    if prog.goals:
        out.write(f"\n{h('competence_goals')}:\n")
        for g in prog.goals:
            out.write(f"  {g.id}: {g.text.get(lang)}\n")


def _table(out: TextIO, cohort: Cohort, ev: Evaluation, lang: Lang) -> None:
    def h(key: str) -> str:
        return _texts.heading(key, lang)

    out.write(f"{cohort.label}\n{ev.programme.name.get(lang)} — {h('as_of')} {ev.as_of.isoformat()}\n\n")
    # requirements by name in the language of the other headers, never by id (the core's words)
    reqs = [q.short_label(lang) for q in ev.programme.requirements]
    rows = []
    for r in ev:
        states = [x.state.label(lang) for x in r.requirements]
        rows.append((r.id, r.name, _texts.status_label(r.status, r.at_risk, lang), states, r.missing(lang)))
    wid = max([2] + [len(x[0]) for x in rows]) + 2
    wname = max([len(h("participant"))] + [len(x[1]) for x in rows]) + 2
    wstat = max([len(h("status"))] + [len(x[2]) for x in rows]) + 2
    wreq = [max([len(q)] + [len(x[3][k]) for x in rows]) + 2 for k, q in enumerate(reqs)]
    header = "id".ljust(wid) + h("participant").ljust(wname) + h("status").ljust(wstat)
    header += "".join(q.ljust(wreq[k]) for k, q in enumerate(reqs)) + h("missing")
    out.write(header + "\n" + "-" * max(len(header), 100) + "\n")
    indent = wid + wname + wstat + sum(wreq)
    for pid, name, status, states, missing in rows:
        line = pid.ljust(wid) + name.ljust(wname) + status.ljust(wstat)
        line += "".join(s.ljust(wreq[k]) for k, s in enumerate(states))
        out.write(line + (missing[0] if missing else "–") + "\n")
        for m in missing[1:]:
            out.write(" " * indent + m + "\n")
    c = ev.counts
    summary = _texts.summary(c, lang)
    out.write(f"\n{summary}, {h('warnings')} {len(ev.warnings)}\n")


_CSV_HEAD = ["participant_id", "name", "status", "at_risk", "requirement_id", "kind", "state"]


def _csv_value(value: object) -> object:
    """A number as the CSV shows it: ratios as decimals ("7", "6.5"; their exact parts are
    columns of their own), true/false, interval numbers separated by spaces, ISO dates, ""
    when absent."""
    if isinstance(value, Fraction):
        return cli_stats.decimal(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def _csv(out: TextIO, ev: Evaluation, lang: Lang) -> None:
    """One row per participant × requirement: the columns of _CSV_HEAD, every number of the
    core's table under its name (empty where it does not belong to the row's kind), and the
    explanation."""
    numbers: list[str] = []  # each ratio followed by its exact parts, the festival role renamed
    for n in result_numbers():
        numbers.append(RENAMED.get(n.name, n.name))
        if n.type == "ratio":
            numbers += [f"{n.name}_numerator", f"{n.name}_denominator"]
    w = csv.DictWriter(out, fieldnames=[*_CSV_HEAD, *numbers, "explanation"], lineterminator="\n")
    w.writeheader()
    for r in ev:
        base: dict[str, object] = {
            "participant_id": r.id,
            "name": r.name,
            "status": r.status,
            "at_risk": "true" if r.at_risk else "false",
        }
        if not r.requirements:
            w.writerow(base)
        for q in r.requirements:
            row = dict(base, requirement_id=q.id, kind=q.kind, state=q.state, explanation=q.explain(lang))
            for name, value in q.numbers.items():
                row[RENAMED.get(name, name)] = _csv_value(value)
                if isinstance(value, Fraction):
                    row[f"{name}_numerator"], row[f"{name}_denominator"] = value.numerator, value.denominator
            w.writerow(row)


def run(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    """Runs the command line with ``argv`` (without the program name), writing to
    ``out`` and ``err``. Returns the exit status."""
    args = _parser().parse_args(argv)
    if getattr(args, "stats_handler", None):
        return int(args.stats_handler(args, out, err))
    if getattr(args, "issue_handler", None):
        return int(args.issue_handler(args, out, err))
    if getattr(args, "follow_up_handler", None):
        return int(args.follow_up_handler(args, out, err))
    if getattr(args, "agreement_handler", None):
        return int(args.agreement_handler(args, out, err))
    if getattr(args, "schedule_handler", None):
        return int(args.schedule_handler(args, out, err))
    if getattr(args, "next_handler", None):
        return int(args.next_handler(args, out, err))
    if getattr(args, "import_handler", None):
        return int(args.import_handler(args, out, err))
    lang = Lang(args.lang)
    try:
        if args.command == "catalog":
            if args.action == "show":
                _catalog_show(out, args.id, lang)
            else:
                _catalog_list(out, lang)
            return 0
        cohort = load_cohort(args.file) if args.file else demo_cohort()
        cli_schedule.print_schedule_warnings(cohort, lang, err)
        for w in cohort.municipality_warnings():  # two names, not the register's: warnings, not errors
            err.write(f"smart: {w.path}: {w.describe(lang)}\n")
        ev = cohort.evaluate(args.as_of or datetime.date.today())
        if not ev.programme.has_certificate:
            # nobody is assessed against requirements: say so, and point to the follow-up
            hint = cli_follow_up.no_certificate_hint(lang)
            if args.format == "table":
                out.write(f"{cohort.label}\n{ev.programme.name.get(lang)} — {_texts.heading('as_of', lang)} {ev.as_of.isoformat()}\n\n{hint}\n")
                return 0
            err.write(f"smart: {hint}\n")
        if args.format == "json":
            out.write(ev.to_json())
        elif args.format == "csv":
            _csv(out, ev, lang)
        elif args.format == "xlsx":
            if not args.output:
                err.write("smart: --format xlsx needs -o FILE (the workbook to write)\n")
                return 2
            ev.to_excel(args.output, lang=lang)
        else:
            _table(out, cohort, ev, lang)
        return 0
    except SmartError as exc:
        where = f"{args.file}: " if getattr(args, "file", None) else ""
        err.write(f"smart: {where}{exc}\n")
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """The ``smart`` command. Returns the exit status (argparse exits with 2 on a usage
    error)."""
    try:
        buffered = io.StringIO()
        status = run(argv, buffered, sys.stderr)
        sys.stdout.write(buffered.getvalue())
        sys.stdout.flush()
        return status
    except BrokenPipeError:  # e.g. `smart evaluate | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
