"""Benchmark of the spreadsheet import (issue 15): 100,000 participants with Norwegian
headers, municipality numbers as integers and wide attendance (one column per session day,
`x`/`sen`/`forfall`/`fravær`/blank) through

- ``Cohort.from_frames`` (DataFrames already in memory),
- ``smart import DIR`` (a directory of two CSV files, in a fresh process: start-up,
  reading, import and writing the cohort document), and its parts: reading the CSV files,
  the import, ``Cohort.save`` (written and synced) and ``Cohort.to_json``,
- ``smart import WORKBOOK.xlsx`` (the core's .xlsx reader; python-calamine, when
  installed, is timed beside it for comparison).

    .venv/bin/python bench/bench_import.py [--n 100000] [--repeat 3]

Target: 100,000 people in under 2 s end to end.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import smart
from smart.workbook import read_tables

PROGRAMME = "smart-trener-2024"
MUNICIPALITIES = [(301, "Oslo"), (3905, "Tønsberg"), (4601, "Bergen"), (3301, "Drammen"), (5001, "Trondheim")]


def frames(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(15)
    prog = smart.get_programme(PROGRAMME)
    days = [d.strftime("%d.%m.%Y") for s in prog.sessions for d in s.days]
    ids = [f"p{i:06d}" for i in range(n)]
    names = [f"Fiktiv Deltaker {i}" for i in range(n)]
    munis = [MUNICIPALITIES[rng.randrange(len(MUNICIPALITIES))] for _ in range(n)]
    people = pd.DataFrame(
        {
            "Deltaker": ids,
            "Navn": names,
            "Kommunenr": [m[0] for m in munis],
            "Kommune": [m[1] for m in munis],
            "Rolle": [rng.choice(["lærer", "rektor", "assistent"]) for _ in range(n)],
            "Sektor": [rng.choice(["offentlig", "privat", "frivillig"]) for _ in range(n)],
        }
    )
    marks = ["x"] * 85 + ["sen"] * 5 + ["forfall"] * 3 + ["fravær"] * 3 + [""] * 4
    att = {"Deltaker": ids, "Navn": names}
    for d in days:
        att[d] = [rng.choice(marks) for _ in range(n)]
    return people, pd.DataFrame(att)


def best(f: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--xlsx", action=argparse.BooleanOptionalAction, default=True)
    args = ap.parse_args()
    people, att = frames(args.n)
    print(f"{args.n} participants, {att.shape[1] - 2} session days (wide), Python {sys.version.split()[0]}")

    def from_frames() -> smart.Cohort:
        return smart.Cohort.from_frames(PROGRAMME, id="bench", label="Bench", participants=people, attendance=att)

    c = from_frames()
    assert len(c) == args.n
    t = best(from_frames, args.repeat)
    print(f"Cohort.from_frames:             {t:6.3f} s  ({t / args.n * 1e6:.2f} µs/participant)")

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "kull"
        d.mkdir()
        for name, frame in (("deltakere", people), ("oppmøte", att)):
            with open(d / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, delimiter=";")
                w.writerow(frame.columns)
                w.writerows(frame.itertuples(index=False, name=None))
        out = Path(tmp) / "kull.json"
        cmd = [sys.executable, "-m", "smart", "import", str(d), "--programme", PROGRAMME, "-o", str(out)]

        def cli() -> None:
            subprocess.run(cmd, check=True, capture_output=True)

        t = best(cli, args.repeat)
        print(f"smart import DIR (CSV) -o FILE: {t:6.3f} s  (a fresh process, end to end)")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import smart"], check=True)
        print(f"  of which Python + import smart: {time.perf_counter() - t0:6.3f} s")
        t = best(lambda: smart.read_workbook(d, PROGRAMME), args.repeat)
        print(f"  of which read_workbook(DIR):  {t:6.3f} s  (reading the CSV files and the import)")
        t = best(lambda: read_tables(d), args.repeat)

        def csv_module() -> None:  # the obvious Python reader, for comparison: rows of str
            for f in sorted(d.iterdir()):
                with open(f, encoding="utf-8-sig", newline="") as fh:
                    list(csv.reader(fh, delimiter=";"))

        t2 = best(csv_module, args.repeat)
        print(f"    of which reading the CSV:   {t:6.3f} s  (the core's reader; Python's csv module, same files: {t2:.3f} s, {t2 / t:.1f}x)")
        t = best(lambda: c.save(Path(tmp) / "again.json"), args.repeat)
        print(f"  of which Cohort.save:         {t:6.3f} s  (the cohort document, {out.stat().st_size / 1e6:.0f} MB, synced)")
        t = best(c.to_json, args.repeat)
        print(f"    Cohort.to_json:             {t:6.3f} s  (the same document as a str, not written)")
        if args.xlsx:
            path = Path(tmp) / "kull.xlsx"
            with pd.ExcelWriter(path, engine="openpyxl") as w:
                people.to_excel(w, sheet_name="deltakere", index=False)
                att.to_excel(w, sheet_name="oppmøte", index=False)
            xcmd = [sys.executable, "-m", "smart", "import", str(path), "--programme", PROGRAMME, "-o", str(out)]
            t = best(lambda: subprocess.run(xcmd, check=True, capture_output=True), args.repeat)
            print(f"smart import WORKBOOK.xlsx -o FILE: {t:6.3f} s  (a fresh process, end to end)")
            t = best(lambda: smart.read_workbook(path, PROGRAMME), args.repeat)
            print(f"  of which read_workbook(.xlsx): {t:6.3f} s  (the core's reader and the import)")
            try:
                from python_calamine import CalamineWorkbook

                def calamine() -> None:  # the Python reader used before, for comparison
                    book = CalamineWorkbook.from_path(str(path))
                    for name in book.sheet_names:
                        book.get_sheet_by_name(name).to_python(skip_empty_area=False)

                t2 = best(lambda: smart._smart.sheet_import.read_xlsx(str(path)), args.repeat)
                t3 = best(calamine, args.repeat)
                print(f"  reading the cells alone: core {t2:6.3f} s, python-calamine {t3:6.3f} s ({t3 / t2:.1f}x)")
            except ImportError:
                pass


if __name__ == "__main__":
    main()
