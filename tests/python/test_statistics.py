"""Statistics and synthetic cohorts through Python: the core computes, Python only asks."""

from __future__ import annotations

import pytest

import smart


def test_synthetic_cohorts_are_deterministic_and_fictional() -> None:
    a = smart.synthetic_cohorts(years=2, participants=20)
    b = smart.synthetic_cohorts(years=2, participants=20)
    assert [c.id for c in a] == ["synthetic-2017", "synthetic-2018"]
    assert all(len(c) == 20 for c in a) and a == b
    assert a[0][0].name.startswith("Syntetisk deltaker")


def test_statistics_of_evaluated_cohorts() -> None:
    cohorts = smart.synthetic_cohorts(years=3)
    evs = [c.evaluate(c.last_day) for c in cohorts]
    doc = smart.statistics(evs, by="municipality", min_cell=3)
    assert doc["format"] == "smart.statistics/1"
    assert [row["cohort"] for row in doc["cohorts"]] == [c.id for c in cohorts]
    first = doc["cohorts"][0]
    assert first["enrolled"] == 36
    assert first["status"]["eligible"] == evs[0].counts.eligible
    assert doc["groups"] and doc["days"]


def test_statistics_refuse_an_unknown_grouping() -> None:
    c = smart.demo_cohort()
    with pytest.raises(smart.InvalidArgumentError, match="grouping"):
        smart.statistics([c.evaluate("2025-04-30")], by="county")  # type: ignore[arg-type]


def test_the_core_checks_a_municipality_mapping_as_in_cpp_and_c() -> None:
    # issue 11: this mapping was accepted and people were grouped under "38"
    ev = smart.demo_cohort().evaluate("2025-04-30")
    for mapping, path in (
        ({"3312": ("38", "")}, "/3312/number"),
        ({"3312": ("3803", "")}, "/3312/name"),
        ({"33": smart.Municipality("3803", "Drammen")}, "/33"),
        ({"3312": ("3803", "Dram\nmen")}, "/3312/name"),
    ):
        for by in ("municipality", "none"):
            with pytest.raises(smart.ValidationError) as info:
                smart.cohort_statistics([ev], by=by, municipality_mapping=mapping)  # type: ignore[arg-type]
            assert info.value.path == path, (mapping, by)


def test_a_mapping_table_with_a_recorded_number_twice_is_refused_at_its_row() -> None:
    pd = pytest.importorskip("pandas")
    ev = smart.demo_cohort().evaluate("2025-04-30")
    frame = pd.DataFrame({"recorded": ["0704", "0704"], "number": ["3905", "3803"], "name": ["Tønsberg", "Tønsberg"]})
    with pytest.raises(smart.ValidationError) as info:
        smart.cohort_statistics([ev], municipality_mapping=frame)
    assert info.value.path == "/1/recorded"


def test_the_same_cohort_twice_is_refused_by_the_core() -> None:
    ev = smart.demo_cohort().evaluate("2025-04-30")
    with pytest.raises(smart.InvalidArgumentError) as info:
        smart.cohort_statistics([ev, ev])
    assert info.value.path == "/1" and "trener-2024-demo" in info.value.message


def test_the_typed_result_has_readable_reprs() -> None:
    st = smart.cohort_statistics([smart.demo_cohort().evaluate("2025-04-30")])
    assert repr(st.cohorts[0]) == "<GroupFigures trener-2024-demo: 36 enrolled>"
    assert repr(st.days[0]) == "<DayFigures trener-2024-demo 2024-09-18: 34 of 36 attended>"
    assert repr(st.certified[0]).startswith("<CertifiedRow ")


def test_the_typed_rows_and_the_mapping_reader_are_public_names() -> None:
    # `smart.statistics` is the function, so the row types are re-exported at the top level.
    demo = smart.demo_cohort()
    st = smart.cohort_statistics([demo.evaluate("2025-04-30")], by="municipality")
    assert isinstance(st.cohorts[0], smart.GroupFigures)
    assert all(isinstance(g, smart.GroupFigures) for g in st.groups)
    assert isinstance(st.days[0], smart.DayFigures)
    assert isinstance(st.certified[0], smart.CertifiedRow)
    mapping = smart.mapping_rows([("0704", "3905", "Tønsberg")])
    assert mapping["0704"].number == "3905"
    with pytest.raises(smart.ValidationError):
        smart.mapping_rows([("0704", "3905", "Tønsberg"), ("0704", "3803", "Tønsberg")])
