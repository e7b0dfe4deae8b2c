"""``smart stats``: cohort statistics on the command line (docs/statistics.md).

    smart stats FILES... [--by municipality|role|sector] [--min-cell K] [--as-of DATE]
                         [--municipalities CSV] [--format table|json|csv|xlsx -o FILE] [--lang nb|nn|en]

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

from . import _texts
from .cli_args import date_arg as _date
from .cohort import load_cohort
from .enums import Lang, RequirementState, Status
from .errors import InvalidArgumentError, SmartError, ValidationError
from .evaluation import Evaluation
from .statistics import STATES, STATUSES, GroupFigures, Statistics, cohort_statistics, mapping_rows

__all__ = ["add_commands", "run_stats"]



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
    p.add_argument("--format", choices=["table", "json", "csv", "xlsx"], default="table", help="output format (default table)")
    p.add_argument("-o", "--output", default=None, metavar="FILE", help="the workbook to write (--format xlsx)")
    p.add_argument(
        "--lang", choices=[x.value for x in Lang], default="nb",
        help="language of the table's and workbook's words (default nb; json and csv keep their column names)",
    )  # fmt: skip
    p.set_defaults(stats_handler=run_stats)


class _BadInput(Exception):
    pass


def _read_mapping(path: str) -> tuple[list[tuple[str, str, str]], list[int]]:
    """The mapping file's rows (recorded, number, name) and the line each ends on. The
    core checks the entries; a problem it finds is reported at its line (_mapping_error)."""
    rows: list[tuple[str, str, str]] = []
    lines: list[int] = []
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            for row in reader:
                r, n, name = ((row.get(c) or "").strip() for c in ("recorded", "number", "name"))
                rows.append((r, n, name))
                lines.append(reader.line_num)
            fields = list(reader.fieldnames or [])
    except OSError as exc:
        raise _BadInput(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise _BadInput(f"{path}: not a UTF-8 CSV file: {exc}") from exc
    missing = [c for c in ("recorded", "number", "name") if c not in fields]
    if missing:
        raise _BadInput(f"{path}: missing column(s) {', '.join(missing)} (expected recorded,number,name)")
    return rows, lines


def _mapping_error(path: str, rows: list[tuple[str, str, str]], lines: list[int], exc: SmartError) -> str:
    """The core's error about a mapping entry, at the CSV line it came from: the pointer is
    /<row>/recorded (a recorded number twice) or /<recorded>[/number|/name]."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in exc.path.split("/")[1:]]
    if not tokens:
        return f"{path}: {exc.message}"
    if tokens[-1] == "recorded" and tokens[0].isdigit() and len(tokens) == 2:
        row = int(tokens[0])
    else:
        row = max((i for i, r in enumerate(rows) if r[0] == tokens[0]), default=-1)
    column = tokens[1] if len(tokens) == 2 and tokens[1] in ("number", "name") else "recorded"
    where = f"line {lines[row]}, column {column}" if 0 <= row < len(lines) else "a row"
    return f"{path}: {where}: {exc.message}"


def run_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Runs ``smart stats`` with parsed arguments. Returns the exit status."""
    if args.format == "xlsx" and not args.output:
        err.write("smart: --format xlsx needs -o FILE (the workbook to write)\n")
        return 2
    where = ""
    try:
        rows, lines = _read_mapping(args.municipalities) if args.municipalities else ([], [])
        as_of = args.as_of or datetime.date.today()
        evaluations: list[Evaluation] = []
        for path in args.files:
            where = f"{path}: "
            evaluations.append(load_cohort(path).evaluate(as_of))
        where = ""
        st = _statistics(args, evaluations, rows, lines)
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
    elif args.format == "xlsx":
        st.to_excel(args.output, lang=args.lang)
    else:
        _table(out, st, as_of, Lang(args.lang))
    return 0


def _statistics(
    args: argparse.Namespace, evaluations: list[Evaluation], rows: list[tuple[str, str, str]], lines: list[int]
) -> Statistics:
    """The core's statistics; its errors about the mapping are reported at their CSV line,
    a cohort given twice at its two files."""
    try:
        mapping = mapping_rows(rows) if args.municipalities else None
        return cohort_statistics(evaluations, by=args.by or "none", min_cell=args.min_cell, municipality_mapping=mapping)
    except ValidationError as exc:
        if args.municipalities:
            raise _BadInput(_mapping_error(args.municipalities, rows, lines, exc)) from exc
        raise
    except InvalidArgumentError as exc:
        index = exc.path[1:]
        if not index.isdigit() or int(index) >= len(args.files):
            raise
        second = int(index)
        ids = [e.cohort.id for e in evaluations]
        first = ids.index(ids[second])
        raise _BadInput(f"{args.files[second]}: {exc.message} (the cohort of {args.files[first]})") from exc


def _cell(v: Any) -> str:
    """A value as CSV text: ratios as decimals ("0.55", never "11/20", which a spreadsheet
    may read as a date), NA as empty."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Fraction):
        return decimal(v)
    return str(v)


def decimal(v: Fraction) -> str:
    """An exact ratio as decimal text: the shortest that reads back as the same float."""
    return str(v.numerator) if v.denominator == 1 else repr(float(v))


def csv_columns(columns: list[tuple[str, str, list[Any]]]) -> list[tuple[str, list[Any]]]:
    """A statistics table's columns as the CSV (and the default DataFrame) lays them out:
    each ratio as a decimal followed by its exact ``<name>_numerator`` and
    ``<name>_denominator``."""
    out: list[tuple[str, list[Any]]] = []
    for name, kind, values in columns:
        out.append((name, values))
        if kind == "ratio":
            out.append((f"{name}_numerator", [None if v is None else v.numerator for v in values]))
            out.append((f"{name}_denominator", [None if v is None else v.denominator for v in values]))
    return out


def _csv(out: TextIO, st: Statistics) -> None:
    """The tidy table: one row per cohort x group x measure."""
    columns = csv_columns(st.columns("long"))
    w = csv.writer(out, lineterminator="\n")
    w.writerow([name for name, _ in columns])
    for i in range(len(columns[0][1])):
        w.writerow([_cell(values[i]) for _, values in columns])


def _percent(r: Fraction | None) -> str:
    return "–" if r is None else f"{float(r) * 100:.1f} %"


def _grid(
    out: TextIO, title: str, header: Sequence[str], rows: Sequence[Sequence[str]], *, text: int = 1, none: str = "(none)"
) -> None:
    """A table with the first ``text`` columns left-aligned, the numbers right-aligned."""
    out.write(f"{title}\n")
    if not rows:
        out.write(f"  {none}\n\n")
        return
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [c.ljust(widths[i]) if i < text else c.rjust(widths[i]) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip()

    out.write(line(header) + "\n" + "-" * len(line(header)) + "\n")
    for r in rows:
        out.write(line(r) + "\n")
    out.write("\n")


def _table(out: TextIO, st: Statistics, as_of: datetime.date, lang: Lang = Lang.nb) -> None:
    """The tables for people, every word in ``lang`` from the core (headings, statuses,
    requirement states and names)."""
    def h(key: str) -> str:
        return _texts.heading(key, lang)

    def cap(text: str) -> str:
        return text[:1].upper() + text[1:]

    k = st.min_cell
    out.write(f"{h('cohort_statistics')} {h('as_of')} {as_of.isoformat()}"
              + (f", {h('groups_under')} {k} {h('suppressed')}" if k else "") + "\n\n")  # fmt: skip
    suppressed = f"({h('suppressed')})"
    none = h("none")
    statuses = [Status(x) for x in STATUSES]

    def figures(r: GroupFigures, first: list[str]) -> list[str]:
        if r.suppressed:
            return first + [suppressed] + [""] * 9
        final = r.complete  # a running cohort's completion is not final: shown as "–"
        return first + [
            str(r.enrolled),
            *(str(getattr(r, x.value)) for x in statuses),
            str(r.at_risk),
            _percent(r.eligible_share if final else None),
            _percent(r.completion_rate_excluding_withdrawn if final else None),
            _percent(r.mean_attendance),
        ]

    head = [h("enrolled"), *(x.label(lang) for x in statuses), _texts.at_risk_label(lang)]
    head += [h("completion_rate"), h("without_withdrawn"), h("mean_attendance")]
    rows = [figures(r, [r.cohort_id + ("" if r.complete else f" ({Status.in_progress.label(lang)})")]) for r in st.cohorts]
    _grid(out, cap(h("cohorts")), [h("cohort"), *head], rows, none=none)

    funnel_rows: list[list[str]] = []
    for i, (r, reqs) in enumerate(zip(st.cohorts, st.requirement_ids, strict=True)):
        if r.suppressed:
            funnel_rows.append([r.cohort_id, "", suppressed, "", "", "", ""])
            continue
        for q, (counts, through) in enumerate(zip(r.requirement_states, r.through, strict=True)):
            name = st.requirement_label(i, q, lang)
            funnel_rows.append([r.cohort_id, name, *(str(n) for n in counts), str(through)])
    states = [RequirementState(x).label(lang) for x in STATES]
    _grid(out, h("requirement_funnel"), [h("cohort"), h("requirement"), *states, h("through")], funnel_rows, text=2,
          none=none)  # fmt: skip

    if st.group_by != "none":
        named = st.group_by == "municipality"  # roles and sectors are their own labels
        rows = [figures(g, [g.cohort_id, g.group] + ([g.group_label] if named else [])) for g in st.groups]
        keys = [h("cohort"), h(st.group_by)] + ([h("name")] if named else [])
        _grid(out, f"{cap(h('by'))} {h(st.group_by)}", [*keys, *head], rows, text=len(keys), none=none)

    crow = [
        [r.municipality_number, r.municipality_name, *("–" if x is None else str(x) for x in r.cumulative)]
        for r in st.certified
    ]
    _grid(out, h("certified_cumulative"), [h("municipality"), h("name"), *st.cohort_ids], crow, text=2, none=none)
