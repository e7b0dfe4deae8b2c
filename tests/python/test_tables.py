"""Numbers out (issue 15): frames with float shares and their exact parts beside them,
dates as datetime.date in every frame, ordered categories, one vocabulary across JSON,
frames, Arrow, CSV and the C names, the same cohort twice refused, and Excel workbooks
read back by pandas/openpyxl and by LibreOffice."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, TRAINER_DAYS, cohort_of, person, programme, record

import smart
from smart import cli, excel

D = datetime.date.fromisoformat
AS_OF = "2025-04-30"
FESTIVAL = D("2025-04-09")
TABLES = ("long", "cohorts", "groups", "funnel", "days", "certified")


@pytest.fixture(scope="module")
def ev() -> smart.Evaluation:
    return smart.demo_cohort().evaluate(AS_OF)


@pytest.fixture(scope="module")
def st() -> smart.Statistics:
    evs = [c.evaluate(c.last_day) for c in smart.synthetic_cohorts(years=3)]
    return smart.cohort_statistics(evs, by="municipality", min_cell=5)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


# --- ratios ------------------------------------------------------------------------------------


def ratio_columns(st: smart.Statistics, table: str) -> list[str]:
    return [name for name, kind, _ in st.columns(table) if kind == "ratio"]  # type: ignore[arg-type]


@pytest.mark.parametrize("table", TABLES)
def test_frames_default_to_float_shares_with_their_exact_parts_beside(st: smart.Statistics, table: str) -> None:
    df = st.to_pandas(table)  # type: ignore[arg-type]
    exact = st.to_pandas(table, ratios="fraction")  # type: ignore[arg-type]
    names = list(df.columns)
    for name in ratio_columns(st, table):
        i = names.index(name)
        assert names[i + 1 : i + 3] == [f"{name}_numerator", f"{name}_denominator"]
        assert df[name].dtype == "float64"
        assert str(df[f"{name}_numerator"].dtype) == str(df[f"{name}_denominator"].dtype) == "Int64"
        for f, n, d, x in zip(df[name], df[f"{name}_numerator"], df[f"{name}_denominator"], exact[name], strict=True):
            if x is pd.NA:
                assert pd.isna(f) and n is pd.NA and d is pd.NA
            else:
                assert isinstance(x, Fraction) and Fraction(int(n), int(d)) == x and f == float(x)
    assert not any(isinstance(v, Fraction) for c in df.columns for v in df[c].tolist())


def test_the_default_frame_works_with_parquet_polars_plot_and_round(st: smart.Statistics, tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import polars as pl

    df = st.to_pandas("cohorts")
    path = tmp_path / "cohorts.parquet"
    df.to_parquet(path)
    back = pd.read_parquet(path)
    assert back["completion_rate"].tolist() == df["completion_rate"].tolist()
    assert back["first_day"].tolist() == df["first_day"].tolist()
    frame = pl.from_pandas(df)
    assert frame["completion_rate"].to_list() == df["completion_rate"].tolist()
    assert frame["first_day"].dtype == pl.Date
    ax = df.plot(x="cohort", y="completion_rate")
    assert len(ax.get_lines()[0].get_ydata()) == len(df)
    rounded = df.round(2)
    assert all(isinstance(v, float) and round(v, 2) == v for v in rounded["completion_rate"])
    assert rounded["completion_rate"].tolist() == [round(float(x), 2) for x in df["completion_rate"]]
    pl.from_pandas(st.to_pandas("long"))
    st.to_pandas("long").to_parquet(tmp_path / "long.parquet")


def test_ratios_on_request_as_fractions_or_parts_only(st: smart.Statistics) -> None:
    parts = st.to_pandas("cohorts", ratios="parts")
    assert "completion_rate" not in parts.columns and "completion_rate_numerator" in parts.columns
    arrow = st.to_arrow("cohorts")
    assert str(arrow.schema.field("completion_rate").type) == "double"
    assert str(arrow.schema.field("completion_rate_numerator").type) == "int64"
    assert "completion_rate" not in st.to_arrow("cohorts", ratios="parts").column_names
    with pytest.raises(ValueError, match="ratios must be one of"):
        st.to_pandas("cohorts", ratios="percent")  # type: ignore[arg-type]


def test_evaluation_frames_carry_attended_as_float_and_exact_parts(ev: smart.Evaluation) -> None:
    df = ev.to_pandas(by="requirement")
    cols = list(df.columns)
    i = cols.index("attended")
    assert cols[i + 1 : i + 3] == ["attended_numerator", "attended_denominator"]
    exact = ev.to_pandas(by="requirement", ratios="fraction")
    assert "attended_numerator" not in exact.columns
    k = 0
    for r in ev:
        for q in r.requirements:
            if q.kind == "attendance":
                assert isinstance(q.attended, Fraction)
                assert Fraction(int(df["attended_numerator"].iloc[k]), int(df["attended_denominator"].iloc[k])) == q.attended
                assert df["attended"].iloc[k] == float(q.attended) and exact["attended"].iloc[k] == q.attended
            else:
                assert df["attended_numerator"].iloc[k] is pd.NA and exact["attended"].iloc[k] is pd.NA
            k += 1
    table = ev.to_arrow(by="requirement")
    assert table.column("attended_numerator").to_pylist() == df["attended_numerator"].astype(object).where(
        df["attended_numerator"].notna(), None
    ).tolist()
    assert "attended" not in ev.to_arrow(by="requirement", ratios="parts").column_names


FRACTION = re.compile(r"^\d+/\d+$")


def test_the_evaluate_csv_writes_decimals_and_the_exact_parts() -> None:
    prog = programme([{"id": "attendance", "kind": "attendance", "min_ratio": "3/4", "weights": {"excused": "1/2"}}])
    c = cohort_of(prog, person("p1"), person("p2"))
    record(c, "p1", TRAINER_DAYS[:3], "present")
    record(c, "p1", TRAINER_DAYS[3:4], "excused")  # 3.5 days
    record(c, "p2", TRAINER_DAYS[:2], "present")
    ev = c.evaluate(TRAINER_DAYS[3])
    out = io.StringIO()
    cli._csv(out, ev, smart.Lang.en)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["attended"] == "3.5" and (rows[0]["attended_numerator"], rows[0]["attended_denominator"]) == ("7", "2")
    assert rows[1]["attended"] == "2" and (rows[1]["attended_numerator"], rows[1]["attended_denominator"]) == ("2", "1")
    for row, r in zip(rows, ev, strict=True):
        value = r.requirements[0].attended
        assert Fraction(row["attended"]) == value  # the decimal reads back as the value
        assert Fraction(int(row["attended_numerator"]), int(row["attended_denominator"])) == value
    # the command itself: no n/d anywhere
    status, text, _ = run("evaluate", "--as-of", "2024-12-15", "--format", "csv", "--lang", "en")
    assert status == 0 and not any(FRACTION.match(v) for r in csv.DictReader(io.StringIO(text)) for v in r.values() if v)


def test_the_stats_csv_writes_decimals_and_counts_never_n_over_d(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    path.write_text(smart.demo_cohort().to_json(), encoding="utf-8")
    status, out, err = run("stats", str(path), "--as-of", AS_OF, "--format", "csv", "--by", "municipality")
    assert status == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"count", "of", "ratio", "ratio_numerator", "ratio_denominator"} <= set(rows[0])
    assert not any(FRACTION.match(v) for r in rows for v in r.values() if v)
    doc = smart.statistics([smart.demo_cohort().evaluate(AS_OF)])
    exact = Fraction(doc["cohorts"][0]["completion_rate"]["ratio"])
    completion = next(r for r in rows if r["measure"] == "eligible" and not r["group"])
    assert exact.denominator != 1 and float(completion["ratio"]) == float(exact)
    assert Fraction(int(completion["ratio_numerator"]), int(completion["ratio_denominator"])) == exact
    assert int(completion["count"]) == doc["cohorts"][0]["completion_rate"]["count"]


def test_the_json_stays_exact(st: smart.Statistics) -> None:
    doc = st.to_dict()
    for c, row in zip(doc["cohorts"], st.cohorts, strict=True):
        assert Fraction(c["completion_rate"]["ratio"]) == row.eligible_share
        assert c["completion_rate"]["count"] == row.eligible and c["completion_rate"]["of"] == row.enrolled
        assert Fraction(c["mean_attendance"]) == row.mean_attendance


# --- dates -------------------------------------------------------------------------------------


def test_every_frame_with_dates_holds_datetime_date_and_matches_a_date(ev: smart.Evaluation, st: smart.Statistics) -> None:
    cohort = smart.demo_cohort()
    frames: list[tuple[pd.DataFrame, str, datetime.date]] = [
        (ev.to_pandas(by="requirement"), "festival_day", FESTIVAL),
        (ev.to_pandas(by="requirement"), "date", FESTIVAL),
        (cohort.to_pandas("attendance"), "date", D("2024-09-18")),
        (cohort.to_pandas("submissions"), "date", cohort.to_pandas("submissions")["date"].iloc[0]),
        (smart.cohort_statistics([ev]).to_pandas("days"), "date", D("2024-09-18")),
        (smart.cohort_statistics([ev]).to_pandas("cohorts"), "first_day", D("2024-09-18")),
        (smart.cohort_statistics([ev]).to_pandas("cohorts"), "last_day", FESTIVAL),
        (cohort.evaluate("2024-12-15").next_steps_frame(), "due", None),  # type: ignore[list-item]
        (cohort.follow_up("2025-04-30").to_pandas(), "first_day", D("2024-09-18")),
    ]
    for frame, column, day in frames:
        values = [v for v in frame[column] if v is not None and not pd.isna(v)]
        assert values and all(type(v) is datetime.date for v in values), column
        if day is None:
            day = values[0]
        assert (frame[column] == day).sum() >= 1, (column, day)
    # the case, exactly
    df = ev.to_pandas(by="requirement")
    attended = sum(q.date == FESTIVAL for r in ev for q in r.requirements)
    assert (df.date == datetime.date(2025, 4, 9)).sum() == attended > 0


# --- categories --------------------------------------------------------------------------------


def test_municipalities_sort_by_number_and_statuses_in_the_cores_order(ev: smart.Evaluation) -> None:
    df = ev.to_pandas()
    numbers = df["municipality_number"]
    assert numbers.cat.ordered and list(numbers.cat.categories) == sorted(numbers.cat.categories)
    names = df["municipality_name"]
    first = {n: str(m) for n, m in zip(names, numbers, strict=True)}
    assert names.cat.ordered
    assert [first[n] for n in names.cat.categories] == sorted(first[n] for n in names.cat.categories)
    assert df.sort_values("municipality_number")["municipality_number"].tolist() == sorted(numbers.astype(str))
    status = df["status"]
    assert status.cat.ordered and list(status.cat.categories) == [s.value for s in smart.Status]
    req = ev.to_pandas(by="requirement")
    assert req["requirement_id"].cat.ordered and list(req["requirement_id"].cat.categories) == ev.requirement_ids
    assert list(req["kind"].cat.categories) == [k.value for k in smart.RequirementKind]
    assert list(req["state"].cat.categories) == [s.value for s in smart.RequirementState]
    assert req.sort_values("requirement_id", kind="stable")["requirement_id"].tolist()[: len(ev)] == [ev.requirement_ids[0]] * len(ev)


def test_statistics_frames_order_municipalities_by_number(st: smart.Statistics) -> None:
    groups = st.to_pandas("groups")["group"]
    assert groups.cat.ordered and list(groups.cat.categories) == sorted(groups.cat.categories)
    certified = st.to_pandas("certified")
    numbers = certified["municipality_number"]
    assert list(numbers.cat.categories) == sorted(numbers.cat.categories)
    long = st.to_pandas("long")
    assert long["measure"].cat.ordered and long["measure"].cat.categories[0] == "enrolled"
    assert list(st.to_pandas("cohorts")["cohort"].cat.categories) == st.cohort_ids


# --- one vocabulary ----------------------------------------------------------------------------


def test_the_festival_role_and_municipality_name_have_one_name(ev: smart.Evaluation) -> None:
    req = ev.to_pandas(by="requirement")
    assert "festival_role" in req.columns and "role" not in req.columns
    assert "festival_role" in ev.to_arrow(by="requirement").column_names
    people = ev.to_pandas()
    assert {"participant_id", "municipality_number", "municipality_name", "role"} <= set(people.columns)
    assert "municipality" not in people.columns
    assert "municipality_name" in smart.demo_cohort().to_pandas().columns
    festival = req[req.kind == "festival"]
    assert set(festival["festival_role"].dropna()) <= {r.value for r in smart.FestivalRole}
    status, out, _ = run("evaluate", "--as-of", AS_OF, "--format", "csv")
    header = next(csv.reader(io.StringIO(out)))
    assert "festival_role" in header and "role" not in header


def test_statistics_frames_use_the_document_names(st: smart.Statistics) -> None:
    doc = st.to_dict()
    cohorts = st.to_pandas("cohorts")
    assert "completion_rate_excluding_withdrawn" in cohorts.columns
    assert "completion_rate_excluding_withdrawn" in doc["cohorts"][0]
    long = st.to_pandas("long")
    assert "completion_rate_excluding_withdrawn" in set(long["measure"])
    assert "municipality_number" in st.to_pandas("certified").columns


def frame_and_csv_names(ev: smart.Evaluation, st: smart.Statistics) -> set[str]:
    names: set[str] = set()
    names |= set(ev.to_pandas().columns) - set(ev.requirement_ids)
    names |= set(ev.to_pandas(by="requirement").columns)
    cohort = smart.demo_cohort()
    for t in ("participants", "attendance", "submissions", "exemptions"):
        names |= set(cohort.to_pandas(t).columns)  # type: ignore[arg-type]
    for t in TABLES:
        names |= set(st.to_pandas(t).columns)  # type: ignore[arg-type]
    names |= set(st.to_pandas("long")["measure"].astype(str))
    _, out, _ = run("evaluate", "--as-of", AS_OF, "--format", "csv")
    names |= set(next(csv.reader(io.StringIO(out))))
    return names


def test_the_vocabulary_lists_every_column_once(ev: smart.Evaluation, st: smart.Statistics) -> None:
    text = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.M)
    assert len(listed) == len(set(listed)), "a name listed twice"
    names = {n.removesuffix("_numerator").removesuffix("_denominator") for n in frame_and_csv_names(ev, st)}
    missing = names - set(listed)
    assert not missing, f"docs/vocabulary.md does not list {sorted(missing)}"
    for doc in ("python.md", "c-api.md", "format.md"):
        assert "vocabulary.md" in (ROOT / "docs" / doc).read_text(encoding="utf-8"), doc


def test_every_workbook_heading_comes_from_the_core(ev: smart.Evaluation, st: smart.Statistics) -> None:
    from smart._core import _smart

    known = set(_smart.evaluation.column_heading_names())
    parts = {n for n in frame_and_csv_names(ev, st) if n.endswith(("_numerator", "_denominator"))}
    cohort_only = {"session_id", "session_kind", "status", "title", "decided_by", "decided_on", "reason",
                   "granted_by", "festival_role", "email", "phone", "category"}  # fmt: skip
    missing = frame_and_csv_names(ev, st) - known - parts - cohort_only
    assert not missing, sorted(missing)
    for lang, word in (("nb", "påmeldte"), ("nn", "påmelde"), ("en", "enrolled")):
        assert _smart.evaluation.column_heading("enrolled", smart.Lang(lang)) == word
    assert _smart.evaluation.column_heading("eligible", smart.Lang.nn) == smart.Status.eligible.label("nn")
    assert _smart.evaluation.column_heading("no such column", smart.Lang.nb) is None


# --- the same cohort twice ---------------------------------------------------------------------


def test_the_same_cohort_twice_is_refused_by_every_path() -> None:
    cohort = smart.demo_cohort()
    a, b = cohort.evaluate(AS_OF), cohort.evaluate("2025-03-01")
    for evs in ([a, a], [a, b], [a, smart.demo_cohort().evaluate(AS_OF)]):
        with pytest.raises(smart.InvalidArgumentError, match="given twice") as info:
            smart.statistics(evs)
        assert info.value.path == "/1"
        with pytest.raises(smart.InvalidArgumentError, match="given twice"):
            smart.cohort_statistics(evs, by="municipality")


# --- Excel -------------------------------------------------------------------------------------


def read_sheets(path: Path) -> dict[str, pd.DataFrame]:
    sheets: dict[str, pd.DataFrame] = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    return sheets


def test_statistics_to_excel_one_formatted_sheet_per_table(st: smart.Statistics, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "stats.xlsx"
    st.to_excel(path, lang="nb")
    sheets = read_sheets(path)
    assert list(sheets) == ["Kull", "Grupper", "Krav steg for steg", "Oppmøte per dag", "Kvalifiserte per kommune", "Alle tall"]
    cohorts = sheets["Kull"]
    head = excel.column_heading
    assert list(cohorts.columns[:3]) == [head("cohort"), head("label"), head("programme")]
    frame = st.to_pandas("cohorts")
    assert cohorts[head("completion_rate")].tolist() == frame["completion_rate"].tolist()
    assert cohorts[head("enrolled")].tolist() == frame["enrolled"].astype(int).tolist()
    book = openpyxl.load_workbook(path)
    ws = book["Kull"]
    header = [c.value for c in ws[1]]
    assert all(c.font.bold for c in ws[1])
    rate = ws.cell(row=2, column=header.index(head("completion_rate")) + 1)
    assert rate.number_format == "0.0%" and isinstance(rate.value, float)
    first = ws.cell(row=2, column=header.index(head("first_day")) + 1)
    assert first.is_date and first.value.date() == frame["first_day"].iloc[0]
    assert ws.column_dimensions["B"].width > 10
    # suppressed groups: "–" with a note, never 0
    groups = book["Grupper"]
    gheader = [c.value for c in groups[1]]
    hidden = [r for r in groups.iter_rows(min_row=2, values_only=True) if r[gheader.index(head("suppressed"))]]
    assert hidden and all(r[gheader.index(head("enrolled"))] == excel.SUPPRESSED for r in hidden)
    assert groups.cell(row=1, column=gheader.index(head("enrolled")) + 1).comment is not None
    shown = st.to_pandas("groups")
    assert len(hidden) == int(shown["suppressed"].sum())


@pytest.mark.parametrize("lang,sheet,heading", [("nn", "Alle tal", "påmelde"), ("en", "All figures", "enrolled")])
def test_workbook_headings_and_sheets_in_each_language(
    st: smart.Statistics, tmp_path: Path, lang: str, sheet: str, heading: str
) -> None:
    path = tmp_path / f"stats-{lang}.xlsx"
    st.to_excel(path, lang=lang)
    sheets = read_sheets(path)
    assert sheet in sheets and heading in list(sheets[next(iter(sheets))].columns)


def libreoffice_csv(path: Path, sheet: int, out: Path) -> list[list[str]]:
    """The sheet as LibreOffice reads it, converted to CSV (UTF-8, as shown)."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("libreoffice is not installed (Debian: libreoffice-calc-nogui)")
    subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{out}/profile", "--convert-to",
         f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,{sheet}",  # as shown
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    produced = sorted(out.glob(f"{path.stem}*.csv"))
    assert produced, list(out.iterdir())
    with open(produced[0], encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_a_second_reader_libreoffice_reads_the_same_numbers(st: smart.Statistics, tmp_path: Path) -> None:
    path = tmp_path / "stats.xlsx"
    st.to_excel(path, lang="en")
    rows = libreoffice_csv(path, 1, tmp_path)
    header, body = rows[0], rows[1:]
    frame = st.to_pandas("cohorts")
    assert header[0] == "cohort" and len(body) == len(frame)
    first = header.index("first day")
    assert [row[first] for row in body] == [d.isoformat() for d in frame["first_day"]]  # dates as dates (en: ISO)
    enrolled = header.index("enrolled")
    rate = header.index("completion rate")
    for row, (n, r) in zip(body, zip(frame["enrolled"], frame["completion_rate"], strict=True), strict=True):
        assert int(row[enrolled]) == n
        assert re.fullmatch(r"\d+\.\d%", row[rate]), row[rate]  # the percent format, as LibreOffice shows it
        assert abs(float(row[rate].rstrip("%")) / 100 - r) <= 0.0005


def test_evaluation_to_excel_and_smart_evaluate_xlsx(ev: smart.Evaluation, tmp_path: Path) -> None:
    path = tmp_path / "ev.xlsx"
    status, out, err = run("evaluate", "--as-of", AS_OF, "--format", "xlsx", "-o", str(path), "--lang", "en")
    assert status == 0, err
    sheets = read_sheets(path)
    assert list(sheets) == ["Participants", "Requirements"]
    people = sheets["Participants"]
    assert people["participant id"].tolist() == [r.id for r in ev]
    assert people["status"].tolist() == [smart.Status(r.status).label("en") for r in ev]
    labels = [q.short_label("en") for q in ev.programme.requirements]
    assert labels[0] in people.columns
    from smart.excel import column_heading

    if "sector" in ev.to_pandas().columns:  # values in the core's words, not raw ids
        assert set(people[column_heading("sector", "en")]) <= {s.label("en") for s in smart.Sector}
    reqs = sheets["Requirements"]
    kinds = set(reqs[column_heading("kind", "en")])
    assert kinds == {q.kind.label("en") for q in ev.programme.requirements} and "final text" in kinds
    frame = ev.to_pandas(by="requirement")
    assert reqs["attended"].fillna(-1).tolist() == frame["attended"].fillna(-1).tolist()
    assert reqs["counted days"].fillna(-1).astype(int).tolist() == frame["counted_days"].fillna(-1).astype(int).tolist()
    festival = reqs["festival day"].dropna()
    assert len(festival) and all(pd.Timestamp(d).date() == FESTIVAL for d in festival)
    assert run("evaluate", "--format", "xlsx")[0] == 2


def test_smart_stats_xlsx(tmp_path: Path) -> None:
    cohort = tmp_path / "c.json"
    cohort.write_text(smart.demo_cohort().to_json(), encoding="utf-8")
    path = tmp_path / "s.xlsx"
    status, _, err = run("stats", str(cohort), "--as-of", AS_OF, "--format", "xlsx", "-o", str(path))
    assert status == 0, err
    sheets = read_sheets(path)
    doc = smart.statistics([smart.demo_cohort().evaluate(AS_OF)])
    assert sheets["Kull"]["påmeldte"].tolist() == [doc["cohorts"][0]["enrolled"]]
    assert sheets["Kull"]["fullføringsgrad"].tolist() == [float(Fraction(doc["cohorts"][0]["completion_rate"]["ratio"]))]
    assert run("stats", str(cohort), "--format", "xlsx")[0] == 2


def test_workbooks_survive_json_round_trip_of_the_figures(st: smart.Statistics) -> None:
    # the JSON document and the frame agree on every share (exact vs float of it)
    doc = json.loads(st.to_json())
    frame = st.to_pandas("cohorts")
    assert frame["completion_rate"].tolist() == [float(Fraction(c["completion_rate"]["ratio"])) for c in doc["cohorts"]]

