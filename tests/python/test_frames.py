"""DataFrames and Arrow tables: shapes, dtypes and values, from whole columns."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import smart
from smart import _smart

PARTICIPANT_COLUMNS = ["participant_id", "name", "municipality_number", "municipality_name", "role", "sector",
                       "status", "at_risk", "warnings", "attendance", "notes", "final_text", "festival"]  # fmt: skip
# the fixed columns, then every number of the core's table under its name (a ratio followed
# by its exact parts; the festival role as festival_role: docs/vocabulary.md)
REQUIREMENT_COLUMNS = ["participant_id", "requirement_id", "kind", "state"]
for _n in smart.result_numbers():
    REQUIREMENT_COLUMNS.append("festival_role" if _n.name == "role" else _n.name)
    if _n.type == "ratio":
        REQUIREMENT_COLUMNS += [f"{_n.name}_numerator", f"{_n.name}_denominator"]


@pytest.fixture
def ev(demo: smart.Cohort) -> smart.Evaluation:
    return demo.evaluate("2025-04-30")


def test_one_row_per_participant(ev: smart.Evaluation) -> None:
    df = ev.to_pandas()
    assert list(df.columns) == PARTICIPANT_COLUMNS
    assert len(df) == 36
    for col in ("participant_id", "name", "municipality_name", "role", "sector", "status", "attendance"):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
    assert df["at_risk"].dtype == np.bool_ and df["warnings"].dtype == np.int32
    assert list(df["status"].cat.categories) == ["eligible", "not_eligible", "in_progress", "no_certificate", "withdrawn"]
    assert (df["status"] == "eligible").sum() == 24
    row = df.set_index("participant_id").loc["p07"]
    assert (row["status"], row["attendance"], row["name"]) == ("not_eligible", "unmet", "Marte Skjærvø")
    assert df.groupby("status", observed=True).size().to_dict() == {"eligible": 24, "not_eligible": 12}


def test_one_row_per_participant_and_requirement(ev: smart.Evaluation) -> None:
    df = ev.to_pandas(by="requirement")
    assert list(df.columns) == REQUIREMENT_COLUMNS
    assert len(df) == 36 * 4
    assert list(df["requirement_id"][:4]) == ["attendance", "notes", "final_text", "festival"]
    assert str(df["counted_days"].dtype) == "Int32" and str(df["portfolio_approved"].dtype) == "boolean"
    assert df["date"].dtype == object and df["attended"].dtype == np.float64
    att = df[df["kind"] == "attendance"].set_index("participant_id")
    assert att.loc["p07", "attended"] == 6.0 and att.loc["p07", "required_days"] == 7
    notes = df[df["kind"] == "interval_notes"]
    assert notes["counted_days"].isna().all() and notes["attended"].isna().all()
    text = df[(df["kind"] == "final_text") & (df["participant_id"] == "p01")].iloc[0]
    assert text["deadline"] == datetime.date(2025, 4, 9) and text["pages"] == 3
    fest = df[(df["kind"] == "festival") & (df["participant_id"] == "p01")].iloc[0]
    assert fest["festival_role"] == "exhibition"
    # the same categories in both frames: joins line up
    wide = ev.to_pandas()
    assert list(wide["participant_id"].cat.categories) == list(df["participant_id"].cat.categories)


def test_the_core_hands_over_whole_columns(ev: smart.Evaluation) -> None:
    cols = dict(ev._e.columns("requirement"))
    kind, codes, categories = cols["participant_id"]
    assert kind == "cat" and codes.dtype == np.int32 and len(codes) == 144 and len(categories) == 36
    assert cols["date"][0] == "date" and cols["date"][1].dtype == np.dtype("datetime64[s]")
    assert cols["pages"][0] == "masked"


def test_categoricals_skip_no_check_pandas_would_fail(ev: smart.Evaluation, demo: smart.Cohort) -> None:
    """The frames build categoricals without pandas's checks (the core's categories are
    distinct, its codes in range): each must equal what the checking constructor builds."""
    checked = 0
    for cols, frame in (
        (ev._e.columns("participant"), ev.to_pandas()),
        (ev._e.columns("requirement"), ev.to_pandas(by="requirement")),
        (demo.evaluate("2024-10-01")._e.columns("requirement"), demo.evaluate("2024-10-01").to_pandas(by="requirement")),
    ):
        for name, col in cols:
            if col[0] == "cat":
                codes, categories = col[1], col[2]
            elif col[0] == "intervals":
                codes, categories = _smart.evaluation.interval_categories(col[1], col[2], col[3])
            else:
                continue
            name = "festival_role" if name == "role" and name not in frame.columns else name
            if not frame[name].cat.ordered or col[0] == "intervals":
                expected = pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object, tupleize_cols=False))
            elif name in ("role", "municipality_number", "municipality_name"):  # sorted: see test_tables.py
                values = pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object))
                expected = pd.Categorical(values.astype(object), categories=frame[name].cat.categories, ordered=True)
                assert list(frame[name].cat.categories) != [] and set(frame[name].cat.categories) == set(categories)
            else:  # in the core's order, ordered
                expected = pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(pd.Index(categories, dtype=object), ordered=True))
            assert frame[name].cat.categories.is_unique, name
            pd.testing.assert_series_equal(frame[name], pd.Series(expected, name=name), check_index=False)
            checked += 1
    assert checked >= 20


def test_arrow_tables_are_dictionary_encoded_with_date32(ev: smart.Evaluation) -> None:
    t = ev.to_arrow(by="requirement")
    assert t.num_rows == 144 and t.column_names == REQUIREMENT_COLUMNS
    assert pa.types.is_dictionary(t.schema.field("state").type)
    assert t.schema.field("date").type == pa.date32()
    assert t.column("counted_days").null_count == 108
    assert t.schema.field("counted_days").type == pa.int32()
    wide = ev.to_arrow()
    assert wide.num_rows == 36 and wide.column("status").to_pylist().count("eligible") == 24
    assert wide.to_pandas()["status"].dtype == "category"


def test_cohort_tables(demo: smart.Cohort) -> None:
    p = demo.to_pandas()
    assert list(p.columns) == ["participant_id", "name", "municipality_number", "municipality_name", "role", "sector", "festival_role"]
    assert len(p) == 36 and "email" not in p.columns  # contact data is not for statistics
    a = demo.to_pandas("attendance")
    assert list(a.columns) == ["participant_id", "date", "session_id", "session_kind", "status"]
    assert a["date"].min() == datetime.date(2024, 9, 18)
    per_day = a[a["status"].isin(["present", "late"])].groupby("date").size()
    assert len(per_day) == 9
    s = demo.to_pandas("submissions")
    assert list(s.columns) == ["participant_id", "kind", "date", "status", "pages", "category", "title", "decided_by", "decided_on", "session"]
    assert str(s["pages"].dtype) == "Int32" and s["pages"].isna().any()
    e = demo.to_pandas("exemptions")
    assert list(e["participant_id"]) == ["p16"]
    assert demo.to_arrow("attendance").schema.field("date").type == pa.date32()
    with pytest.raises(smart.InvalidArgumentError):
        demo.to_pandas("nope")  # type: ignore[arg-type]


def test_an_empty_cohort_gives_empty_frames() -> None:
    c = smart.Cohort("smart-trener-2024", id="c", label="L")
    ev = c.evaluate(datetime.date(2025, 1, 1))
    assert ev.to_pandas().shape == (0, 13)
    assert ev.to_arrow(by="requirement").num_rows == 0
    assert c.to_pandas("attendance").empty


def test_frames_of_a_large_cohort_build_from_columns() -> None:
    c = smart.demo_cohort()
    ids = c.ids
    doc = c.to_json()
    # 36 x 100 participants with distinct ids
    import json

    d = json.loads(doc)
    people = d["participants"]
    d["capacity"] = 5000
    d["participants"] = [dict(p, id=f"{p['id']}-{k}") for k in range(100) for p in people]
    big = smart.loads_cohort(json.dumps(d))
    assert len(big) == 3600 and ids[0] == "p01"
    df = big.evaluate("2025-04-30").to_pandas(by="requirement")
    assert len(df) == 14400 and (df["state"] == "unmet").sum() == 100 * (df["state"][:144] == "unmet").sum()


def test_the_raw_module_is_private_but_importable() -> None:
    assert _smart.__name__ == "smart._smart"


def test_polars_and_duckdb_read_the_arrow_tables(ev: smart.Evaluation) -> None:
    pl = pytest.importorskip("polars")
    duckdb = pytest.importorskip("duckdb")
    people, reqs = ev.to_arrow(), ev.to_arrow(by="requirement")
    expected = ev.to_pandas(by="requirement")

    df = pl.from_arrow(people)
    assert isinstance(df, pl.DataFrame) and df.height == len(ev)
    assert df.filter(pl.col("status") == "eligible").height == ev.counts.eligible
    assert df.schema["status"] == pl.Categorical and df.schema["at_risk"] == pl.Boolean
    per_req = pl.from_arrow(reqs)
    assert isinstance(per_req, pl.DataFrame)
    assert per_req.schema["deadline"] == pl.Date
    deadlines = per_req.filter(pl.col("requirement_id") == "final_text")["deadline"].drop_nulls().unique().to_list()
    assert deadlines == sorted(set(expected.loc[expected.requirement_id == "final_text", "deadline"].dropna()))

    con = duckdb.connect()
    con.register("people", people)
    con.register("reqs", reqs)
    assert con.execute("select count(*) from people where status = 'eligible'").fetchone() == (ev.counts.eligible,)
    got = dict(con.execute("select state, count(*) from reqs where requirement_id = 'attendance' group by state").fetchall())
    want = expected[expected.requirement_id == "attendance"]["state"].value_counts().to_dict()
    assert got == {str(k): v for k, v in want.items() if v}  # pandas also counts the unused categories
    (deadline,) = con.execute("select max(deadline) from reqs").fetchone()  # date32 arrives as a date
    assert isinstance(deadline, datetime.date)
