"""``smart import WORKBOOK.xlsx|DIR`` and ``smart template``: spreadsheets as course
administrators keep them in, a cohort document out; and a workbook to start from
(docs/import.md). The core reads and checks the cells (include/smart/sheet_import.hpp);
this module reads files and prints the report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO

from ._core import _smart
from .cohort import Cohort, load_cohort
from .enums import Lang
from .errors import SheetImportError, SmartError

__all__ = ["add_commands"]


def add_commands(sub: Any) -> None:
    """Adds ``import`` and ``template``; the parsed arguments carry ``import_handler``."""
    p = sub.add_parser(
        "import",
        help="read a workbook (.xlsx) or a directory of CSV files into a cohort document",
        description=(
            "Reads participants, attendance (wide: one column per session day, or long), submissions and exemptions "
            "from an .xlsx workbook (one sheet per table), a directory of CSV files (one file per table: UTF-8, "
            "UTF-16 or Windows-1252; ; , or tab separated) or one CSV file, with "
            "Norwegian or English headers and values, and writes a smart.cohort/1 document. Every problem is "
            "reported with its sheet, line and column letter; then nothing is written and the exit status is 1."
        ),
    )
    p.add_argument("workbook", metavar="WORKBOOK", help="an .xlsx workbook, a directory of CSV files or one CSV file")
    p.add_argument("--programme", required=True, metavar="ID", help="the catalogue id of the programme")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the cohort document to write")
    p.add_argument("--id", default=None, help="the cohort's id (default: the workbook's name)")
    p.add_argument("--label", default=None, help="the cohort's label (default: its id)")
    p.add_argument("--capacity", type=int, default=None, help="seats")
    p.add_argument("--max-errors", type=int, default=100, metavar="N", help="report at most N problems (default 100)")
    p.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of the report (default nb)")
    p.set_defaults(import_handler=_run_import)
    t = sub.add_parser(
        "template",
        help="write a workbook to start from (one sheet per table, attendance by session day)",
        description=(
            "Writes an .xlsx workbook for a programme: instructions, then participants, attendance (one column per "
            "session day), submissions and exemptions with headers in --lang. With --cohort, filled with its records."
        ),
    )
    t.add_argument("--programme", required=True, metavar="ID", help="the catalogue id of the programme")
    t.add_argument("--cohort", default=None, metavar="FILE", help="a smart.cohort/1 document to fill the sheets with")
    t.add_argument("-o", "--output", required=True, metavar="FILE", help="the .xlsx file to write")
    t.add_argument("--lang", choices=[x.value for x in Lang], default="nb", help="language of headers (default nb)")
    t.set_defaults(import_handler=_run_template)


def _run_import(args: Any, out: TextIO, err: TextIO) -> int:
    from .workbook import read_workbook

    lang = str(args.lang)
    try:
        cohort = read_workbook(
            args.workbook, args.programme, id=args.id, label=args.label, capacity=args.capacity, max_errors=args.max_errors
        )
    except SheetImportError as exc:
        for e in exc.errors:  # every problem in --lang, the core's words
            err.write(f"{e.describe(lang)}\n")
        err.write(_smart.sheet_import.describe_import_failure(len(exc.errors), exc.truncated, str(args.workbook), lang) + "\n")
        return 1
    except (SmartError, OSError, ValueError) as exc:
        err.write(f"smart: {args.workbook}: {exc}\n")
        return 1
    for w in cohort.municipality_warnings():  # one number, two names: a warning, not an error
        err.write(f"smart: {w.path}: {w.describe(lang)}\n")
    try:
        cohort.save(args.output)
    except (SmartError, OSError) as exc:
        err.write(f"smart: {args.output}: {exc}\n")
        return 1
    out.write(_smart.sheet_import.describe_import_success(len(cohort), str(args.workbook), str(args.output), lang) + "\n")
    return 0


def _run_template(args: Any, out: TextIO, err: TextIO) -> int:
    from .workbook import write_template

    try:
        cohort: Cohort | None = load_cohort(args.cohort) if args.cohort else None
        if cohort is not None and cohort.programme.id != args.programme:
            mismatch = _smart.sheet_import.describe_programme_mismatch(cohort.programme.id, args.programme, str(args.lang))
            err.write(f"smart: {args.cohort}: {mismatch}\n")
            return 1
        write_template(args.output, args.programme, cohort=cohort, lang=str(args.lang))
    except (SmartError, OSError, ValueError) as exc:
        err.write(f"smart: {exc}\n")
        return 1
    out.write(f"{os.fspath(Path(args.output))}\n")
    return 0
