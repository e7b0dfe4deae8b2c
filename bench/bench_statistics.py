"""Cohort statistics on 1,000,000 participants: the library against plain pandas.

    .venv/bin/python bench/bench_statistics.py [--participants 100000] [--years 10] [--repeat 3]

Data: ``smart.synthetic_cohorts`` (the core's generator: ten yearly cohorts of the
trainer programme's shape, 100,000 fictional participants each, realistic outcomes with
dropouts, missing notes, late texts and festival exemptions). Not timed: generating the
cohorts, and building from them the flat tables an analyst would have loaded from the
register (``cohort.to_pandas``: participants, one row per recorded attendance day,
submissions, exemptions, and the schedule).

Timed, "from loaded data to DataFrames", median of --repeat runs:

- library: evaluate every cohort as of its last day (the core applies every rule), compute
  the statistics (``smart.cohort_statistics``; certified per municipality is always
  computed) and build the DataFrames ``cohorts``, ``funnel``, ``days`` and ``certified``;
  timed again with ``by="municipality"`` (also every group table, which the pandas
  version does not compute) for reference;
- pandas: what an analyst writes from the flat tables: per participant the attendance
  ratio (present or late over the gathering days; met when ≥ 4/5), the notes (one note of
  an accepted kind, not rejected, in each interval between gatherings: strictly after a
  gathering's last day, up to and including the next one's first day), the final text
  (final_text, not rejected, 2–3 pages or pages not recorded, by the festival day), the
  festival (present or late on the festival day) and exemptions (an exempted requirement
  counts as exempt); eligible when every requirement is met or exempt; then the same
  tables by groupby: per cohort enrolled, eligible, mean attendance ratio, per-requirement
  met / unmet / exempt, attended per day, certified per municipality and cumulative.

Both are evaluated after each cohort's last day, so nothing is pending (the pandas
version does not implement "pending", at-risk, mid-programme dates, approval rules,
categories or warnings — the library does all of these in the timed path). The script
checks that every compared number is identical, then prints the times and the ratio.
"""

from __future__ import annotations

import argparse
import statistics as pystats
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

import smart

ACCEPTED_NOTES = ["practice_blog", "practice_document", "reflection"]
REQUIREMENTS = ["attendance", "notes", "final_text", "festival"]


# --- input for pandas (not timed) -------------------------------------------------------------


def flat_tables(cohorts: list[smart.Cohort]) -> dict[str, pd.DataFrame]:
    """The register as an analyst loads it: one frame per table over all cohorts, with a
    `cohort` column and a participant key unique across cohorts."""
    parts, att, subs, exs, sched = [], [], [], [], []
    offset = 0
    for c in cohorts:
        p = c.to_pandas("participants")
        ids = pd.Index(p["participant_id"].astype(str))
        key = np.arange(offset, offset + len(p), dtype=np.int64)
        offset += len(p)

        def keys(frame: pd.DataFrame) -> np.ndarray:
            return key[ids.get_indexer(frame["participant_id"].astype(str))]

        parts.append(pd.DataFrame({"cohort": c.id, "key": key, "municipality_number": p["municipality_number"].astype(str),
                                   "municipality": p["municipality"].astype(str)}))  # fmt: skip
        a = c.to_pandas("attendance")
        att.append(pd.DataFrame({"cohort": c.id, "key": keys(a), "date": a["date"], "session_kind": a["session_kind"].astype(str),
                                 "status": a["status"].astype(str)}))  # fmt: skip
        s = c.to_pandas("submissions")
        subs.append(pd.DataFrame({"cohort": c.id, "key": keys(s), "kind": s["kind"].astype(str), "date": s["date"],
                                  "status": s["status"].astype(str), "pages": s["pages"]}))  # fmt: skip
        e = c.to_pandas("exemptions")
        exs.append(pd.DataFrame({"cohort": c.id, "key": keys(e), "requirement": e["requirement"].astype(str)}))
        for sess in c.sessions:
            for d in sess.days:
                sched.append({"cohort": c.id, "session": sess.id, "kind": str(sess.kind), "date": pd.Timestamp(d)})
    out = {
        "participants": pd.concat(parts, ignore_index=True),
        "attendance": pd.concat(att, ignore_index=True),
        "submissions": pd.concat(subs, ignore_index=True),
        "exemptions": pd.concat(exs, ignore_index=True),
        "schedule": pd.DataFrame(sched),
    }
    for name in ("participants", "attendance", "submissions", "exemptions"):
        for col in ("cohort", "session_kind", "status", "kind", "requirement", "municipality_number", "municipality"):
            if col in out[name]:
                out[name][col] = out[name][col].astype("category")
    return out


# --- the pandas version (timed) -------------------------------------------------------------


def pandas_tables(t: dict[str, pd.DataFrame]) -> dict[str, Any]:
    people, att, subs, exs, sched = t["participants"], t["attendance"], t["submissions"], t["exemptions"], t["schedule"]
    people = people.set_index("key")
    gatherings = sched[sched["kind"] == "gathering"]
    counted = gatherings.groupby("cohort").size()  # counted days per cohort
    festival_day = sched[sched["kind"] == "festival"].groupby("cohort")["date"].max()
    last_day = sched.groupby("cohort")["date"].max()

    # attendance: present or late on a gathering day; at least 4/5 of the counted days
    came = att["status"].isin(["present", "late"])
    on_gathering = att["session_kind"] == "gathering"
    attended = att[came & on_gathering].groupby("key").size().reindex(people.index, fill_value=0)
    days = people["cohort"].map(counted).astype(np.int64)
    att_ratio = attended / days
    att_met = attended * 5 >= days * 4

    # festival: present or late on the festival day
    fest_keys = att.loc[came & (att["session_kind"] == "festival"), "key"].unique()
    fest_met = pd.Series(people.index.isin(fest_keys), index=people.index)

    # notes: one accepted, not rejected note in each interval (last day of g_i, first day of g_i+1]
    bounds = gatherings.groupby(["cohort", "session"], observed=True)["date"].agg(["min", "max"]).reset_index()
    bounds = bounds.sort_values(["cohort", "min"])
    bounds["hi"] = bounds.groupby("cohort")["min"].shift(-1)
    intervals = bounds.dropna(subset=["hi"]).rename(columns={"max": "lo"})[["cohort", "lo", "hi"]]
    intervals["interval"] = intervals.groupby("cohort").cumcount()
    n_intervals = intervals.groupby("cohort").size()
    notes = subs[subs["kind"].isin(ACCEPTED_NOTES) & (subs["status"] != "rejected")]
    notes = notes.merge(intervals, on="cohort")
    notes = notes[(notes["date"] > notes["lo"]) & (notes["date"] <= notes["hi"])]
    covered = notes.groupby("key")["interval"].nunique().reindex(people.index, fill_value=0)
    notes_met = covered >= people["cohort"].map(n_intervals).astype(np.int64)

    # final text: 2-3 pages (or not recorded), not rejected, by the festival day
    texts = subs[(subs["kind"] == "final_text") & (subs["status"] != "rejected")]
    deadline = texts["cohort"].map(festival_day)
    pages_ok = texts["pages"].isna() | texts["pages"].between(2, 3)
    text_keys = texts.loc[pages_ok & (texts["date"] <= deadline), "key"].unique()
    text_met = pd.Series(people.index.isin(text_keys), index=people.index)

    met = pd.DataFrame({"attendance": att_met, "notes": notes_met, "final_text": text_met, "festival": fest_met})
    exempt = pd.DataFrame(False, index=people.index, columns=REQUIREMENTS)
    for req, keys in exs.groupby("requirement", observed=True)["key"]:
        exempt.loc[keys.to_numpy(), str(req)] = True
    eligible = (met | exempt).all(axis=1)

    frame = pd.DataFrame({"cohort": people["cohort"], "eligible": eligible, "ratio": att_ratio,
                          "municipality": people["municipality_number"]})  # fmt: skip
    per_cohort = frame.groupby("cohort", observed=True).agg(
        enrolled=("eligible", "size"), eligible=("eligible", "sum"), mean_attendance=("ratio", "mean")
    )
    state = pd.concat({"met": met & ~exempt, "unmet": ~met & ~exempt, "exempt": exempt}, axis=1)
    funnel = state.groupby(people["cohort"], observed=True).sum()
    per_day = att[came & on_gathering].groupby(["cohort", "date"], observed=True).size()
    certified = frame[frame["eligible"]].groupby(["municipality", "cohort"], observed=True).size()
    certified = certified.unstack("cohort", fill_value=0).reindex(columns=last_day.sort_values().index, fill_value=0)
    return {"cohorts": per_cohort, "funnel": funnel, "days": per_day, "certified": certified,
            "cumulative": certified.cumsum(axis=1)}  # fmt: skip


# --- the library (timed) ----------------------------------------------------------------------


def library_tables(cohorts: list[smart.Cohort], by: str = "none") -> dict[str, pd.DataFrame]:
    evs = [c.evaluate(c.last_day) for c in cohorts]
    st = smart.cohort_statistics(evs, by=by)  # type: ignore[arg-type]
    return {name: st.to_pandas(name) for name in ("cohorts", "funnel", "days", "certified")}  # type: ignore[misc]


# --- checks -----------------------------------------------------------------------------------


def compare(lib: dict[str, pd.DataFrame], pan: dict[str, Any]) -> list[str]:
    bad: list[str] = []

    def same(what: str, a: object, b: object) -> None:
        if a != b:
            bad.append(f"{what}: library {a!r}, pandas {b!r}")

    coh = lib["cohorts"].set_index("cohort")
    pc = pan["cohorts"]
    for cid in coh.index.astype(str):
        same(f"{cid} enrolled", int(coh.loc[cid, "enrolled"]), int(pc.loc[cid, "enrolled"]))
        same(f"{cid} eligible", int(coh.loc[cid, "eligible"]), int(pc.loc[cid, "eligible"]))
        mean = coh.loc[cid, "mean_attendance"]
        if abs(float(mean) - float(pc.loc[cid, "mean_attendance"])) > 1e-12:
            bad.append(f"{cid} mean attendance: library {mean} = {float(mean)!r}, pandas {pc.loc[cid, 'mean_attendance']!r}")
    fun = lib["funnel"][lib["funnel"]["group"].isna()]  # whole cohorts (the groups are below them)
    for row in fun.itertuples(index=False):
        for st in ("met", "unmet", "exempt"):
            same(f"{row.cohort} {row.requirement} {st}", int(getattr(row, st)), int(pan["funnel"].loc[row.cohort, (st, row.requirement)]))
        same(f"{row.cohort} {row.requirement} pending", int(row.pending), 0)
    days = lib["days"]
    for row in days.itertuples(index=False):
        same(f"{row.cohort} {row.date:%Y-%m-%d} attended", int(row.attended), int(pan["days"].get((row.cohort, row.date), 0)))
    same("days", len(days), len(pan["days"]))
    cert = lib["certified"]
    for row in cert.itertuples(index=False):
        p = pan["certified"].loc[row.municipality] if row.municipality in pan["certified"].index else None
        pc_cum = pan["cumulative"].loc[row.municipality] if p is not None else None
        same(f"certified {row.municipality} {row.cohort}", int(row.certified), 0 if p is None else int(p[row.cohort]))
        same(f"cumulative {row.municipality} {row.cohort}", int(row.cumulative), 0 if pc_cum is None else int(pc_cum[row.cohort]))
    return bad


def timed(f: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t0)
    return pystats.median(times), times, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--participants", type=int, default=100_000, help="per cohort (default 100,000)")
    ap.add_argument("--years", type=int, default=10, help="cohorts (default 10)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each side (median; default 5)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    cohorts = smart.synthetic_cohorts(years=args.years, participants=args.participants)
    n = sum(len(c) for c in cohorts)
    tables = flat_tables(cohorts)
    print(f"{n:,} participants in {len(cohorts)} cohorts; {len(tables['attendance']):,} attendance rows, "
          f"{len(tables['submissions']):,} submissions, {len(tables['exemptions']):,} exemptions "
          f"(generated and flattened in {time.perf_counter() - t0:.1f} s, not timed)")  # fmt: skip

    lib_t, lib_all, lib = timed(lambda: library_tables(cohorts), args.repeat)
    grp_t, grp_all, _ = timed(lambda: library_tables(cohorts, "municipality"), args.repeat)
    pan_t, pan_all, pan = timed(lambda: pandas_tables(tables), args.repeat)
    bad = compare(lib, pan)
    if bad:
        print(f"MISMATCH: {len(bad)} numbers differ", *bad[:20], sep="\n  ")
        return 1
    cells = len(lib["cohorts"]) * 3 + len(lib["funnel"]) * 4 + len(lib["days"]) + 2 * len(lib["certified"])
    print(f"identical: {cells:,} numbers (enrolled, eligible, mean attendance per cohort; met/unmet/exempt/pending "
          "per requirement; attended per day; certified per municipality, per cohort and cumulative)")  # fmt: skip
    print(f"library (evaluate + statistics + DataFrames): {lib_t:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in lib_all)})")
    print(f"pandas (rules + aggregations by groupby):      {pan_t:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in pan_all)})")
    print(f"ratio pandas / library: {pan_t / lib_t:.1f}x  (target >= 5x)")
    print(f"library with the group tables by municipality as well (which the pandas version does not compute): "
          f"{grp_t:.3f} s (runs: {', '.join(f'{x:.3f}' for x in grp_all)}), ratio {pan_t / grp_t:.1f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
