"""``smart stats``: cohort statistics on the command line (docs/statistics.md).

    smart stats FILES... [--by municipality|role|sector] [--min-cell K] [--as-of DATE]
                         [--municipalities CSV] [--format table|json|csv]

Every cohort document is evaluated as of the date and the core computes the tables; this
module only prints them. Exit status 0 on success, 1 for bad input (a file that does not
load, a bad mapping file), 2 for a usage error (argparse).
"""

from __future__ import annotations

import argparse
import csv
import datetime
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, TextIO

from ._core import _smart
from .cohort import Municipality, load_cohort
from .errors import SmartError
from .evaluation import Evaluation
from .statistics import STATES, STATUSES, Statistics, cohort_statistics

__all__ = ["add_commands", "run_stats"]


def _date(text: str) -> datetime.date:
    try:
        day: datetime.date = _smart.schedule.parse_date(text)
    except SmartError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc
    return day


def _min_cell(text: str) -> int:
    try:
        k = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}") from None
    if k < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return k


def add_commands(sub: Any) -> None:
    """Adds ``stats`` to the subcommands of the ``smart`` parser (``sub``, from
    ``add_subparsers``); the parsed arguments carry ``stats_handler``."""
    p = sub.add_parser(
        "stats",
        help="cohort statistics over cohort documents",
        description=(
            "Evaluate each cohort document (smart.cohort/1) as of a date and print the statistics tables: "
            "per cohort (the trend), the requirement funnel, per group, certified per municipality. "
            "Small groups are suppressed with --min-cell (docs/statistics.md)."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="cohort documents (smart.cohort/1)")
    p.add_argument("--by", choices=["municipality", "role", "sector"], default=None, help="group participants")
    p.add_argument(
        "--min-cell", type=_min_cell, default=None, metavar="K",
        help="suppress groups of fewer than K participants (and enough others that totals reveal none)",
    )  # fmt: skip
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE", help="evaluation date YYYY-MM-DD (default: today)")
    p.add_argument(
        "--municipalities", default=None, metavar="CSV",
        help="municipality numbers as recorded -> current: a CSV file with columns recorded,number,name",
    )  # fmt: skip
    p.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output format (default table)")
    p.set_defaults(stats_handler=run_stats)


class _BadInput(Exception):
    pass


def _read_mapping(path: str) -> dict[str, Municipality]:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
            fields = [] if not rows else list(rows[0])
    except OSError as exc:
        raise _BadInput(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise _BadInput(f"{path}: not a UTF-8 CSV file: {exc}") from exc
    missing = [c for c in ("recorded", "number", "name") if c not in fields]
    if missing:
        raise _BadInput(f"{path}: missing column(s) {', '.join(missing)} (expected recorded,number,name)")
    out: dict[str, Municipality] = {}
    for line, row in enumerate(rows, start=2):
        recorded, number, name = ((row.get(c) or "").strip() for c in ("recorded", "number", "name"))
        if not recorded or not number or not name:
            raise _BadInput(f"{path}: line {line}: recorded, number and name must all be given")
        if recorded in out:
            raise _BadInput(f"{path}: line {line}: recorded number {recorded} is mapped twice")
        out[recorded] = Municipality(number, name)
    return out


def run_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Runs ``smart stats`` with parsed arguments. Returns the exit status."""
    where = ""
    try:
        mapping = _read_mapping(args.municipalities) if args.municipalities else None
        as_of = args.as_of or datetime.date.today()
        evaluations: list[Evaluation] = []
        seen: dict[str, str] = {}
        for path in args.files:
            where = f"{path}: "
            cohort = load_cohort(path)
            if cohort.id in seen:
                raise _BadInput(f"{path}: cohort id {cohort.id!r} is also the id of {seen[cohort.id]}")
            seen[cohort.id] = path
            evaluations.append(cohort.evaluate(as_of))
        where = ""
        st = cohort_statistics(evaluations, by=args.by or "none", min_cell=args.min_cell, municipality_mapping=mapping)
    except _BadInput as exc:
        err.write(f"smart: {exc}\n")
        return 1
    except SmartError as exc:
        err.write(f"smart: {where}{exc}\n")
        return 1
    if args.format == "json":
        out.write(st.to_json())
    elif args.format == "csv":
        _csv(out, st)
    else:
        _table(out, st, as_of)
    return 0


def _cell(v: Any) -> str:
    """A value as CSV text: exact ratios as "n/d", NA as empty."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Fraction):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return str(v)


def _csv(out: TextIO, st: Statistics) -> None:
    """The tidy table: one row per cohort x group x measure."""
    columns = st._columns("long")
    w = csv.writer(out, lineterminator="\n")
    w.writerow([name for name, _, _ in columns])
    for i in range(len(columns[0][2])):
        w.writerow([_cell(values[i]) for _, _, values in columns])


def _percent(r: Fraction | None) -> str:
    return "–" if r is None else f"{float(r) * 100:.1f} %"


def _grid(out: TextIO, title: str, header: Sequence[str], rows: Sequence[Sequence[str]], *, text: int = 1) -> None:
    """A table with the first ``text`` columns left-aligned, the numbers right-aligned."""
    out.write(f"{title}\n")
    if not rows:
        out.write("  (none)\n\n")
        return
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [c.ljust(widths[i]) if i < text else c.rjust(widths[i]) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip()

    out.write(line(header) + "\n" + "-" * len(line(header)) + "\n")
    for r in rows:
        out.write(line(r) + "\n")
    out.write("\n")


def _num(v: Any) -> str:
    return "–" if v is None else str(v)


def _table(out: TextIO, st: Statistics, as_of: datetime.date) -> None:
    doc = st._doc
    k = st.min_cell
    out.write(f"Cohort statistics as of {as_of.isoformat()}" + (f", groups under {k} suppressed" if k else "") + "\n\n")
    suppressed = "(suppressed)"

    def figures(r: dict[str, Any], first: list[str]) -> list[str]:
        if r.get("suppressed"):
            return first + [suppressed] + [""] * 7
        s = r["status"]
        comp = r["completion_rate"]
        mean = r.get("mean_attendance")
        return first + [
            _num(r.get("enrolled")),
            *(str(s[x]) for x in STATUSES),
            str(r.get("at_risk")),
            _percent(Fraction(comp["ratio"]) if comp.get("ratio") is not None else None),
            _percent(Fraction(mean) if mean is not None else None),
        ]

    head = ["enrolled", "eligible", "not eligible", "in progress", "no certificate", "at risk", "completion"]
    head.append("mean attendance")
    _grid(out, "Cohorts", ["cohort", *head], [figures(r, [r["cohort"]]) for r in doc["cohorts"]])

    funnel_rows: list[list[str]] = []
    for r in doc["cohorts"]:
        if r.get("suppressed"):
            funnel_rows.append([r["cohort"], "", suppressed, "", "", ""])
            continue
        for f in r.get("requirements", []):
            funnel_rows.append([r["cohort"], f["requirement"], *(str(f[x]) for x in STATES)])
    _grid(out, "Requirement funnel", ["cohort", "requirement", *STATES], funnel_rows, text=2)

    if st.group_by != "none":
        named = st.group_by == "municipality"  # roles and sectors are their own labels
        rows = [figures(g, [g["cohort"], g["group"]] + ([g["label"]] if named else [])) for g in doc["groups"]]
        keys = ["cohort", st.group_by] + (["name"] if named else [])
        _grid(out, f"By {st.group_by}", [*keys, *head], rows, text=len(keys))

    cert = doc["certified_by_municipality"]
    crow = [
        [r["municipality"], r["name"], *("–" if isinstance(x, dict) else str(x) for x in r["cumulative"])]
        for r in cert["rows"]
    ]
    _grid(out, "Certified by municipality, cumulative (– suppressed)", ["municipality", "name", *cert["cohorts"]], crow, text=2)
