"""Statistics as DataFrames and Arrow tables: tidy and wide shapes, dtypes, exact ratios,
suppressed cells as NA with a flag (never 0), hand-computed figures of a small cohort,
several cohorts, an empty cohort, a programme without certificate; and `smart stats`."""

from __future__ import annotations

import csv
import datetime
import io
import json
from fractions import Fraction

import pandas as pd
import pyarrow as pa
import pytest
from conftest import ROOT, TRAINER_DAYS, TRAINER_FESTIVAL, person, record

import smart
from smart import cli
from smart.statistics import GroupFigures

AS_OF = "2025-04-30"
HORTEN = smart.Municipality("3901", "Horten")


def small_cohort() -> smart.Cohort:
    """Four people, figures worked out by hand:

    a (Tønsberg) everything done: eligible, attended 8/8;
    b (Tønsberg) everything but two days absent: attendance 6/8 < 7, not eligible;
    c (Horten) every day and the festival, no notes or text: not eligible, 8/8;
    d (Horten) nothing recorded: not eligible, 0/8.
    """
    c = smart.Cohort("smart-trener-2024", id="small", label="Lite kull")
    c.add_participants(
        [person("a"), person("b"), person("c", municipality=HORTEN, role="assistent"),
         person("d", municipality=HORTEN, role="assistent")]
    )  # fmt: skip
    for pid in "abc":
        record(c, pid, [*TRAINER_DAYS, TRAINER_FESTIVAL], "present")
    record(c, "b", TRAINER_DAYS[6:], "absent")
    for pid in "ab":
        for day in ("2024-10-01", "2024-12-01", "2025-02-01"):
            c.add_submission(pid, smart.Submission(kind="reflection", date=day))
        c.add_submission(pid, smart.Submission(kind="final_text", date="2025-04-01", pages=3))
    return c


@pytest.fixture
def small() -> smart.Evaluation:
    return small_cohort().evaluate(AS_OF)


def measure(long: pd.DataFrame, name: str, requirement: str | None = None, group: str | None = None) -> pd.Series:
    rows = long[(long["measure"] == name)]
    rows = rows[rows["requirement"].isna()] if requirement is None else rows[rows["requirement"] == requirement]
    rows = rows[rows["group"].isna()] if group is None else rows[rows["group"] == group]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_hand_computed_figures_of_a_small_cohort(small: smart.Evaluation) -> None:
    st = smart.cohort_statistics([small])
    row = st.to_pandas("cohorts").iloc[0]
    assert (row["cohort"], row["enrolled"], row["eligible"], row["not_eligible"], row["in_progress"]) == ("small", 4, 1, 3, 0)
    assert row["completion_rate"] == Fraction(1, 4)
    assert row["mean_attendance"] == Fraction(11, 16)  # (1 + 3/4 + 1 + 0) / 4
    assert row["median_attendance"] == Fraction(7, 8)  # (3/4 + 1) / 2
    assert pd.isna(row["seats"]) and pd.isna(row["fill_rate"])  # no capacity given

    funnel = st.to_pandas("funnel").set_index("requirement")
    assert funnel.loc["attendance", ["met", "unmet", "pending", "exempt"]].tolist() == [2, 2, 0, 0]
    assert funnel.loc["notes", ["met", "unmet"]].tolist() == [2, 2]
    assert funnel.loc["final_text", ["met", "unmet"]].tolist() == [2, 2]
    assert funnel.loc["festival", ["met", "unmet"]].tolist() == [3, 1]
    # the funnel: met (or exempt) through attendance: a, c; through the notes and on: a alone
    assert funnel["through"].tolist() == [2, 1, 1, 1]

    days = st.to_pandas("days")
    # the day's session by the cohort attendance's name, in every face (issue 15)
    assert "session" not in days.columns
    assert days["session_id"].astype(str).tolist() == [d.session_id for d in st.days]
    assert st.to_arrow("days").column_names[:3] == ["cohort", "date", "session_id"]
    assert all("session_id" in d and "session" not in d for d in st.to_dict()["days"])
    assert days["attended"].tolist() == [3, 3, 3, 3, 3, 3, 2, 2]
    assert days["absent"].tolist() == [1, 1, 1, 1, 1, 1, 2, 2]  # d unrecorded on past days: absent
    assert days["attended_rate"].tolist()[-1] == Fraction(1, 2)

    long = st.to_pandas("long")
    e = measure(long, "eligible")
    assert (e["count"], e["of"], e["ratio"], e["suppressed"]) == (1, 4, Fraction(1, 4), False)
    assert measure(long, "unmet", "attendance")["count"] == 2
    assert measure(long, "mean_attendance")["ratio"] == Fraction(11, 16)
    assert measure(long, "not_eligible")["ratio"] == Fraction(3, 4)
    assert measure(long, "met", "festival")["ratio"] == Fraction(3, 4)
    through = measure(long, "through", "notes")
    assert (through["count"], through["of"], through["ratio"]) == (1, 4, Fraction(1, 4))


def test_groups_by_municipality_without_suppression(small: smart.Evaluation) -> None:
    st = smart.cohort_statistics([small], by="municipality", min_cell=2)
    groups = st.to_pandas("groups").set_index("group")
    assert groups.index.tolist() == ["3901", "3905"]
    assert groups.loc["3905", "eligible"] == 1 and groups.loc["3905", "enrolled"] == 2
    assert groups.loc["3905", "mean_attendance"] == Fraction(7, 8)
    assert groups.loc["3901", "mean_attendance"] == Fraction(1, 2)
    assert not groups["suppressed"].any()
    cert = st.to_pandas("certified").set_index("municipality_number")
    # one certified person in Tønsberg is a cell below 2: withheld, not shown as 0
    assert cert.loc["3905", "certified_suppressed"] and pd.isna(cert.loc["3905", "certified"])


def test_suppressed_cells_are_na_and_flagged_never_zero(small: smart.Evaluation) -> None:
    st = smart.cohort_statistics([small], by="municipality", min_cell=3)
    groups = st.to_pandas("groups")
    assert groups["suppressed"].all()
    for col in ("enrolled", "eligible", "not_eligible", "at_risk", "completion_rate", "mean_attendance"):
        assert groups[col].isna().all(), col
    long = st.to_pandas("long")
    hidden = long[long["group"].notna()]
    assert len(hidden) > 0 and hidden["suppressed"].all()
    assert hidden["count"].isna().all() and hidden["of"].isna().all() and hidden["ratio"].isna().all()
    assert not (hidden["count"].fillna(-1) == 0).any()
    whole = long[long["group"].isna()]
    assert not whole["suppressed"].any() and measure(long, "enrolled")["count"] == 4
    # certified: Tønsberg's single certificate is withheld, and Horten's 0 with it
    cert = st.to_pandas("certified")
    assert cert["certified_suppressed"].all() and cert["certified"].isna().all()
    wide = st.to_pandas("certified_wide")
    assert wide.columns.tolist() == ["municipality_number", "municipality_name", "small"] and wide["small"].isna().all()
    # Arrow: nulls, not zeros
    t = st.to_arrow("groups")
    assert t.column("enrolled").null_count == t.num_rows


def test_a_municipality_mapping_groups_recorded_numbers_as_today(small: smart.Evaluation) -> None:
    for mapping in (
        {"3901": smart.Municipality("3905", "Tønsberg")},
        {"3901": ("3905", "Tønsberg")},
        pd.DataFrame({"recorded": ["3901"], "number": ["3905"], "name": ["Tønsberg"]}),
    ):
        st = smart.cohort_statistics([small], by="municipality", municipality_mapping=mapping)
        groups = st.to_pandas("groups")
        assert groups["group"].tolist() == ["3905"] and groups["enrolled"].tolist() == [4]
        assert st.to_pandas("certified")["municipality_number"].tolist() == ["3905"]
    with pytest.raises(ValueError, match="recorded"):
        smart.cohort_statistics([small], municipality_mapping=pd.DataFrame({"old": ["3901"]}))


def test_dtypes_of_the_pandas_tables(small: smart.Evaluation) -> None:
    st = smart.cohort_statistics([small], by="role")
    long = st.to_pandas("long")
    assert long.columns.tolist() == [
        "cohort", "group", "group_label", "measure", "requirement", "count", "of", "ratio", "ratio_numerator",
        "ratio_denominator", "suppressed",
    ]  # fmt: skip
    for col in ("cohort", "group", "group_label", "measure", "requirement"):
        assert isinstance(long[col].dtype, pd.CategoricalDtype), col
    assert long["count"].dtype == "Int64" and long["of"].dtype == "Int64"
    assert long["ratio"].dtype == "float64" and long["suppressed"].dtype == bool
    assert st.to_pandas("long", ratios="fraction")["ratio"].dtype == object
    cohorts = st.to_pandas("cohorts")
    assert cohorts["first_day"].dtype == object and cohorts["enrolled"].dtype == "Int64"
    days = st.to_pandas("days")
    assert isinstance(days["date"].iloc[0], datetime.date) and days["past"].dtype == bool
    # 1 whole-cohort block + 2 role groups, 10 + 4 x 5 rows each (no fill rate: no seats)
    assert len(long) == 3 * (10 + 20)


def test_ratios_as_parts_or_floats(small: smart.Evaluation) -> None:
    st = smart.cohort_statistics([small])
    parts = st.to_pandas("cohorts", ratios="parts")
    assert parts.loc[0, "mean_attendance_numerator"] == 11 and parts.loc[0, "mean_attendance_denominator"] == 16
    assert "mean_attendance" not in parts.columns
    floats = st.to_pandas("cohorts", ratios="float")
    assert floats["mean_attendance"].dtype == "float64" and floats.loc[0, "mean_attendance"] == 11 / 16
    with pytest.raises(ValueError, match="ratios"):
        st.to_pandas("cohorts", ratios="decimal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="table"):
        st.to_pandas("people")  # type: ignore[arg-type]


def test_arrow_tables_have_typed_columns(small: smart.Evaluation) -> None:
    st = smart.cohort_statistics([small], by="municipality", min_cell=2)
    t = st.to_arrow("long")
    assert isinstance(t, pa.Table)
    assert t.schema.field("cohort").type == pa.dictionary(pa.int32(), pa.string())
    assert t.schema.field("count").type == pa.int64() and t.schema.field("suppressed").type == pa.bool_()
    assert t.column_names[-4:] == ["ratio", "ratio_numerator", "ratio_denominator", "suppressed"]
    assert t.num_rows == len(st.to_pandas("long"))
    assert st.to_arrow("days").schema.field("date").type == pa.date32()
    assert st.to_arrow("cohorts", ratios="float").schema.field("mean_attendance").type == pa.float64()
    with pytest.raises(ValueError, match="ratios"):
        st.to_arrow("cohorts", ratios="fraction")  # type: ignore[arg-type]


def test_several_cohorts_in_trend_order() -> None:
    cohorts = smart.synthetic_cohorts(years=3, participants=20)
    evs = [c.evaluate(c.last_day) for c in reversed(cohorts)]
    st = smart.cohort_statistics(evs, by="municipality", min_cell=3)
    assert st.cohort_ids == ["synthetic-2017", "synthetic-2018", "synthetic-2019"]
    trend = st.to_pandas("cohorts")
    assert trend["cohort"].tolist() == st.cohort_ids and (trend["enrolled"] == 20).all()
    assert trend["fill_rate"].tolist() == [1, 1, 1]
    doc = smart.statistics(evs)
    assert trend["eligible"].tolist() == [r["status"]["eligible"] for r in doc["cohorts"]]
    long = st.to_pandas("long")
    assert len(long[long["group"].isna()]) == 3 * (11 + 20)
    days = st.to_pandas("days")
    assert len(days) == 3 * 8 and days.groupby("cohort", observed=True).size().tolist() == [8, 8, 8]
    wide = st.to_pandas("certified_wide")
    assert wide.columns.tolist()[2:] == st.cohort_ids
    assert json.loads(st.to_json()) == st.to_dict() and st.to_dict()["format"] == "smart.statistics/1"
    assert "3 cohorts," in repr(st)


def test_an_empty_cohort_has_zero_counts_and_no_ratios() -> None:
    empty = smart.Cohort("smart-trener-2024", id="empty", label="Tomt").evaluate(AS_OF)
    st = smart.cohort_statistics([empty])
    row = st.to_pandas("cohorts").iloc[0]
    assert row["enrolled"] == 0 and row["eligible"] == 0
    assert pd.isna(row["completion_rate"]) and pd.isna(row["mean_attendance"])
    assert st.to_pandas("days")["attended_rate"].isna().all()


def test_a_programme_without_certificate_counts_everyone_as_no_certificate() -> None:
    g = smart.load_cohort(ROOT / "examples/cohorts/grunnkurs-demo.json").evaluate(AS_OF)
    st = smart.cohort_statistics([g])
    row = st.to_pandas("cohorts").iloc[0]
    assert row["no_certificate"] == row["enrolled"] == 4 and row["eligible"] == 0
    assert pd.isna(row["mean_attendance"])
    assert len(st.to_pandas("funnel")) == 0
    assert set(st.to_pandas("long")["measure"]) == {
        "enrolled", "eligible", "not_eligible", "in_progress", "no_certificate", "withdrawn", "at_risk",
        "completion_rate_excluding_withdrawn", "mean_attendance", "median_attendance",
    }  # fmt: skip


def test_statistics_cannot_be_made_directly() -> None:
    with pytest.raises(TypeError):
        smart.Statistics()


# --- smart stats ---------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


DEMO = str(ROOT / "examples/cohorts/trener-2024-demo.json")
GRUNNKURS = str(ROOT / "examples/cohorts/grunnkurs-demo.json")


def test_stats_prints_the_tables() -> None:
    status, out, err = run(
        "stats", DEMO, GRUNNKURS, "--as-of", AS_OF, "--by", "municipality", "--min-cell", "3", "--lang", "en"
    )
    assert status == 0 and err == ""
    assert out.startswith("Cohort statistics as of 2025-04-30, groups under 3 suppressed")
    for title in ("Cohorts", "Requirement funnel", "By municipality", "Certified by municipality"):
        assert f"\n{title}" in out
    line = next(x for x in out.splitlines() if x.startswith("trener-2024-demo ") and "%" in x)
    assert line.split()[1:4] == ["36", "24", "12"] and "66.7 %" in line


def test_stats_as_json_and_csv() -> None:
    status, out, _ = run("stats", DEMO, "--as-of", AS_OF, "--format", "json", "--by", "sector")
    doc = json.loads(out)
    assert status == 0 and doc["format"] == "smart.statistics/1" and doc["group_by"] == "sector"
    status, out, _ = run("stats", DEMO, "--as-of", AS_OF, "--format", "csv", "--min-cell", "5", "--by", "role")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    eligible = next(r for r in rows if r["measure"] == "eligible" and r["group"] == "")
    assert (eligible["count"], eligible["of"], eligible["ratio"], eligible["suppressed"]) == ("24", "36", repr(2 / 3), "false")
    assert (eligible["ratio_numerator"], eligible["ratio_denominator"]) == ("2", "3")
    hidden = [r for r in rows if r["suppressed"] == "true"]
    assert hidden and all(r["count"] == "" and r["ratio"] == "" for r in hidden)


def test_stats_with_a_municipality_mapping_file(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "map.csv"
    path.write_text("recorded,number,name\n3901,3905,Tønsberg\n", encoding="utf-8")
    status, out, _ = run("stats", DEMO, "--as-of", AS_OF, "--by", "municipality", "--municipalities", str(path), "--format", "json")
    assert status == 0 and "3901" not in {g["group"] for g in json.loads(out)["groups"]}
    path.write_text("old,new\n3901,3905\n", encoding="utf-8")
    status, _, err = run("stats", DEMO, "--municipalities", str(path))
    assert status == 1 and "missing column(s) recorded, number, name" in err


def test_stats_exit_codes_for_bad_input(tmp_path: object) -> None:
    from pathlib import Path

    status, _, err = run("stats", "no-such-file.json")
    assert status == 1 and err.startswith("smart: no-such-file.json: ")
    bad = Path(str(tmp_path)) / "bad.json"
    bad.write_text('{"format": "smart.cohort/1"', encoding="utf-8")
    status, _, err = run("stats", DEMO, str(bad))
    assert status == 1 and str(bad) in err and "malformed JSON" in err
    status, _, err = run("stats", DEMO, DEMO)
    assert status == 1 and err.startswith(f"smart: {DEMO}: ") and "given twice" in err and f"cohort of {DEMO}" in err


@pytest.mark.parametrize(
    "argv",
    [["stats"], ["stats", DEMO, "--min-cell", "0"], ["stats", DEMO, "--min-cell", "x"],
     ["stats", DEMO, "--by", "county"], ["stats", DEMO, "--as-of", "2025-02-30"], ["stats", DEMO, "--format", "xml"]],
)  # fmt: skip
def test_stats_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.run(argv, io.StringIO(), io.StringIO())
    assert exc.value.code == 2
    assert "usage: smart stats" in capsys.readouterr().err


def test_frames_are_built_from_the_typed_result_not_from_json(
    small: smart.Evaluation, monkeypatch: pytest.MonkeyPatch
) -> None:
    st = smart.cohort_statistics([small], by="municipality", min_cell=2)

    def no_json(*args: object, **kwargs: object) -> None:
        raise AssertionError("a table was built by parsing JSON text")

    monkeypatch.setattr(json, "loads", no_json)
    for table in ("long", "cohorts", "groups", "funnel", "days", "certified", "certified_wide"):
        assert len(st.to_pandas(table)) > 0, table


def test_the_typed_result_carries_the_cores_shares_and_days(small: smart.Evaluation) -> None:
    st = smart.cohort_statistics([small])
    whole = st.cohorts[0]
    assert isinstance(whole, GroupFigures)
    assert (whole.eligible, whole.eligible_share, whole.not_eligible_share) == (1, Fraction(1, 4), Fraction(3, 4))
    assert whole.through == [2, 1, 1, 1] and whole.through_shares[0] == Fraction(1, 2)
    assert st.first_days == [datetime.date(2024, 9, 18)] and st.last_days == [datetime.date(2025, 4, 9)]
    cohorts = st.to_pandas("cohorts")
    assert cohorts.loc[0, "first_day"] == datetime.date(2024, 9, 18)
    assert cohorts.loc[0, "last_day"] == datetime.date(2025, 4, 9)
    assert st.days[0].attended_share == Fraction(3, 4)
    assert st.to_dict()["cohorts"][0]["shares"]["not_eligible"] == "3/4"


def test_stats_reports_a_bad_mapping_entry_at_its_csv_line(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "map.csv"
    path.write_text("recorded,number,name\n0704,3905,Tønsberg\n3312,38,\n", encoding="utf-8")
    status, _, err = run("stats", DEMO, "--as-of", AS_OF, "--municipalities", str(path))
    assert status == 1 and f"{path}: line 3, column number: " in err and "four digits" in err
    path.write_text("recorded,number,name\n3312,3803,\n", encoding="utf-8")
    status, _, err = run("stats", DEMO, "--as-of", AS_OF, "--municipalities", str(path))
    assert status == 1 and f"{path}: line 2, column name: " in err
    path.write_text("recorded,number,name\n3312,3803,Drammen\n0704,3905,Tønsberg\n3312,3301,Drammen\n", encoding="utf-8")
    status, _, err = run("stats", DEMO, "--as-of", AS_OF, "--municipalities", str(path))
    assert status == 1 and f"{path}: line 4, column recorded: " in err and "mapped twice" in err


def test_withdrawals_are_counted_apart_with_completion_with_and_without_them() -> None:
    c = small_cohort()
    c.withdraw("c", "2025-03-01", "Sluttet")  # c: every day and the festival, no notes or text
    st = smart.cohort_statistics([c.evaluate(AS_OF)], by="municipality")
    row = st.to_pandas("cohorts").iloc[0]
    assert (row["enrolled"], row["eligible"], row["not_eligible"], row["withdrawn"]) == (4, 1, 2, 1)
    assert row["completion_rate"] == Fraction(1, 4) and row["completion_rate_excluding_withdrawn"] == float(Fraction(1, 3))
    funnel = st.to_pandas("funnel")
    whole = funnel[funnel["group"].isna()].set_index("requirement")
    assert whole.loc["attendance", "met"] == 2  # a and c: c's states are still shown...
    assert whole["through"].tolist() == [1, 1, 1, 1]  # ...but the funnel leaves c out
    long = st.to_pandas("long")
    w = measure(long, "withdrawn")
    assert (w["count"], w["of"], w["ratio"]) == (1, 4, Fraction(1, 4))
    ex = measure(long, "completion_rate_excluding_withdrawn", group="3901")  # Horten: c withdrawn, d not eligible
    assert (ex["count"], ex["of"], ex["ratio"]) == (0, 1, Fraction(0))
    assert st.to_dict()["cohorts"][0]["completion_rate_excluding_withdrawn"]["ratio"] == "1/3"


def test_group_figures_name_the_rate_without_withdrawn_as_the_vocabulary_and_warn_on_the_old_name() -> None:
    c = small_cohort()
    c.withdraw("c", "2025-03-01", "Sluttet")
    whole = smart.cohort_statistics([c.evaluate(AS_OF)]).cohorts[0]
    assert whole.completion_rate_excluding_withdrawn == Fraction(whole.eligible, whole.enrolled - whole.withdrawn)
    with pytest.warns(DeprecationWarning, match="completion_rate_excluding_withdrawn"):
        old = whole.completion_excluding_withdrawn
    assert old == whole.completion_rate_excluding_withdrawn
