"""Long-term agreements (issue 13, docs/agreements.md): agreement years, the default plan,
recording, reports as of dates before, during and after each year (expectations computed by
hand in the comments), costs with a price change, trainer seats linked to the demo cohort,
the portfolio, malformed documents with their JSON Pointer, and the CLI."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest

import smart
from smart import cli

ROOT = Path(__file__).resolve().parents[2]
FJORDVIK = ROOT / "examples" / "agreements" / "fjordvik-skole.json"
SOLBAKKEN = ROOT / "examples" / "agreements" / "solbakken-barnehage.json"
D = datetime.date


def doc(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "format": "smart.agreement/1",
        "id": "test-skole",
        "organisation": {"name": "Testvik skole", "municipality": {"number": "3905", "name": "Tønsberg"}, "kind": "school"},
        "start": "2025-08-01",
        "employees": 20,
    }
    base.update(changes)
    return base


def load(d: dict[str, Any]) -> smart.Agreement:
    return smart.Agreement.from_json(json.dumps(d, ensure_ascii=False))


# --- agreement years ------------------------------------------------------------------------


def test_three_agreement_years_from_the_start_date() -> None:
    a = load(doc())
    assert a.years == 3
    assert a.periods() == [
        (1, D(2025, 8, 1), D(2026, 7, 31)),
        (2, D(2026, 8, 1), D(2027, 7, 31)),
        (3, D(2027, 8, 1), D(2028, 7, 31)),
    ]
    assert a.end == D(2028, 7, 31)


def test_start_on_29_february_continues_on_1_march_in_common_years() -> None:
    a = load(doc(start="2024-02-29"))
    assert a.periods() == [
        (1, D(2024, 2, 29), D(2025, 2, 28)),
        (2, D(2025, 3, 1), D(2026, 2, 28)),
        (3, D(2026, 3, 1), D(2027, 2, 28)),
    ]
    a.extend("2027-01-10", 2)  # year 4 starts on 1 March 2027, year 5 on 29 February 2028 (a leap year)
    assert a.periods()[3:] == [(4, D(2027, 3, 1), D(2028, 2, 28)), (5, D(2028, 2, 29), D(2029, 2, 28))]
    assert a.years == 5


def test_an_extension_appends_years_and_the_default_plan_follows() -> None:
    a = load(doc(extensions=[{"date": "2028-05-01", "years": 1}]))
    assert a.years == 4 and a.end == D(2029, 7, 31)
    r = a.report("2025-09-01")
    # default core-group minimum: 4 a year, 2 in the last year (now year 4)
    assert [r.item("core_group", y)["planned"] for y in (1, 2, 3, 4)] == [4, 4, 4, 2]


def test_an_extension_agreed_after_the_end_is_refused_with_its_pointer() -> None:
    with pytest.raises(smart.ValidationError) as e:
        load(doc(extensions=[{"date": "2028-08-01", "years": 1}]))
    assert e.value.path == "/extensions/0/date"


def test_a_one_year_agreement_has_one_year_and_no_smart_relasjon() -> None:
    a = load(doc(years=1))
    assert a.periods() == [(1, D(2025, 8, 1), D(2026, 7, 31))]
    r = a.report("2025-09-01")
    assert r.item("core_group", 1)["planned"] == 4  # the only year is not "tapered"
    assert r.item("staff", 1)["planned"] == 4
    assert all(i["item"] != "relasjon" for i in r.items)


def test_the_small_form_has_half_yearly_periods() -> None:
    a = smart.Agreement.load(SOLBAKKEN)
    assert a.form == "small"
    assert a.periods() == [(1, D(2025, 1, 15), D(2025, 7, 14)), (2, D(2025, 7, 15), D(2026, 1, 14))]
    r = a.report("2025-12-01")
    assert [i["item"] for i in r.items] == ["half_yearly", "half_yearly"]
    assert r.item("half_yearly", 1)["state"] == "met"  # 2 of 2
    p2 = r.item("half_yearly", 2)
    # held 1 (1 Sep); possible: one a month in December and January -> 2; 1 + 2 >= 2: pending
    assert (p2["held"], p2["possible"], p2["state"], p2["at_risk"]) == (1, 2, "pending", False)
    p2 = a.report("2026-01-01").item("half_yearly", 2)
    assert (p2["possible"], p2["state"], p2["at_risk"]) == (1, "pending", True)  # January only: no slack
    p2 = a.report("2026-01-15").item("half_yearly", 2)
    assert (p2["possible"], p2["state"]) == (0, "unmet")
    assert a.report("2026-01-15").data["current_period"] == 0


def test_the_small_form_records_only_half_yearly_meetings() -> None:
    a = smart.Agreement.load(SOLBAKKEN)
    with pytest.raises(smart.ValidationError) as e:
        a.record_meeting("core_group", "2025-03-01")
    assert e.value.path == "/records/meetings/3/kind"


# --- default plan -----------------------------------------------------------------------------


def test_default_plan_from_the_seed() -> None:
    r = load(doc()).report("2025-08-01")
    planned = {(i["item"], i["period"]): i["planned"] for i in r.items}
    assert planned == {
        ("core_group", 1): 4, ("core_group", 2): 4, ("core_group", 3): 2,
        ("staff", 1): 4, ("staff", 2): 2, ("staff", 3): 2,
        ("conference", 1): 1, ("conference", 2): 1, ("conference", 3): 1,
        ("network", 1): 1, ("network", 2): 1, ("network", 3): 1,
        ("post", 1): 1, ("post", 2): 1, ("post", 3): 1,
        ("planning_day", 0): 1, ("relasjon", 0): 1,
    }  # fmt: skip
    assert r.item("core_group", 1)["max"] == 8
    rel = r.item("relasjon")
    assert (rel["from"], rel["until"]) == ("2026-08-01", "2028-07-31")  # years 2 and 3
    assert r.seats == {"planned": 6, "used": 0, "left": 6, "taken": []}


def test_every_plan_number_is_a_setting() -> None:
    plan = {"core_group_min": [6, 5, 3], "core_group_max": 6, "staff": 3, "planning_days": 2, "trainer_seats": 2,
            "relasjon_years": [3], "conference": 0, "network": [2], "posts": 4, "max_per_month": 2}  # fmt: skip
    r = load(doc(plan=plan)).report("2025-08-01")
    planned = {(i["item"], i["period"]): i["planned"] for i in r.items}
    assert planned[("core_group", 1)] == 6 and planned[("core_group", 3)] == 3
    assert planned[("staff", 2)] == 3 and planned[("network", 3)] == 2 and planned[("post", 1)] == 4
    assert planned[("planning_day", 0)] == 2
    assert not any(k[0] == "conference" for k in planned)
    assert r.item("relasjon")["from"] == "2027-08-01"
    assert r.seats["planned"] == 2
    # two a month: the 12 months of year 1 allow 24, capped by the maximum 6
    assert r.item("core_group", 1)["possible"] == 6


def test_planned_dates_for_calendars() -> None:
    a = smart.Agreement.load(FJORDVIK)
    assert a.planned_items() == [
        ("core_group", D(2025, 9, 4), 2, "Kjernegruppe: plan for året"),
        ("staff", D(2025, 10, 20), 2, "Personalmøte: styrkefokus"),
        ("relasjon", D(2026, 2, 10), 2, "SMART relasjon: opplæring"),
    ]


# --- reports ----------------------------------------------------------------------------------


def test_report_before_the_start_everything_pending() -> None:
    r = smart.Agreement.load(FJORDVIK).report("2024-07-15")
    assert r.data["current_period"] == 0
    assert {i["state"] for i in r.items} == {"pending"}
    assert r.item("core_group", 1)["possible"] == 8  # 12 months, capped by the maximum 8
    assert r.costs["total_nok"] == 0 and r.seats["used"] == 0


def test_report_at_the_end_of_year_1() -> None:
    r = smart.Agreement.load(FJORDVIK).report("2025-07-31", cohorts=[smart.demo_cohort()])
    assert r.data["current_period"] == 1
    for item in ("core_group", "staff", "conference", "network", "post"):
        assert r.item(item, 1)["state"] == "met", item
    assert r.item("core_group", 1)["held"] == 5
    assert r.item("planning_day")["state"] == "met"
    # 40 sets at 300 (20 Aug 2024) + 5 sets at 350 (1 Feb 2025, the document's price from 1 Jan 2025)
    # + 3 trainer participants at 2000
    assert r.costs == {"material_sets": 45, "material_nok": 12000 + 1750, "trainer_participants": 3,
                       "trainer_nok": 6000, "total_nok": 19750}  # fmt: skip
    assert r.data["periods"][0]["costs"]["total_nok"] == 19750
    assert r.data["periods"][1]["costs"]["total_nok"] == 0


def test_year_2_core_group_pending_at_risk_then_unmet() -> None:
    a = smart.Agreement.load(FJORDVIK)
    # 15 May 2026: held 1 (4 Sep 2025); May, June, July possible -> 1 + 3 = 4: pending, no slack
    i = a.report("2026-05-15").item("core_group", 2)
    assert (i["held"], i["missing"], i["possible"], i["state"], i["at_risk"]) == (1, 3, 3, "pending", True)
    # 1 June 2026: June and July -> 1 + 2 < 4: unmet already before the year ends
    r = a.report("2026-06-01", lang="en")
    i = r.item("core_group", 2)
    assert (i["possible"], i["state"]) == (2, "unmet")
    assert i["explanation"] == (
        "Core-group meetings in agreement year 2 (1 August 2025–31 July 2026): 1 of at least 4 held; "
        "only 2 more possible by 31 July 2026, so it can no longer be reached"
    )
    # staff year 2: 2 planned, 1 held (20 Oct 2025), still possible
    s = r.item("staff", 2)
    assert (s["held"], s["state"], s["at_risk"]) == (1, "pending", False)
    nb = a.report("2026-06-01", lang="nb").item("core_group", 2)["explanation"]
    nn = a.report("2026-06-01", lang="nn").item("core_group", 2)["explanation"]
    assert nb.startswith("Kjernegruppemøter i avtaleår 2 (1.8.2025–31.7.2026): 1 av minst 4 gjennomført; bare 2")
    assert nn.startswith("Kjernegruppemøte i avtaleår 2") and "kan ikkje nåast" in nn


def test_a_meeting_held_this_month_uses_the_months_capacity() -> None:
    a = smart.Agreement.load(FJORDVIK)
    a.record_meeting("core_group", "2026-05-10", who="kjernegruppen")
    # 15 May 2026: held 2; May is used (one a month), June and July -> 2 + 2 = 4: pending at risk
    i = a.report("2026-05-15").item("core_group", 2)
    assert (i["held"], i["possible"], i["state"], i["at_risk"]) == (2, 2, "pending", True)


def test_report_after_the_end() -> None:
    r = smart.Agreement.load(FJORDVIK).report("2027-08-01")
    assert r.data["current_period"] == 0
    assert all(i["possible"] == 0 for i in r.items)
    assert all(i["state"] in ("met", "unmet") for i in r.items)
    assert r.item("relasjon")["state"] == "unmet"
    assert r.item("core_group", 3)["state"] == "unmet"
    summary = r.data["summary"]
    assert summary["met"] + summary["unmet"] == len(r.items) and summary["pending"] == 0


def test_records_after_the_as_of_date_do_not_count() -> None:
    a = smart.Agreement.load(FJORDVIK)
    assert a.report("2024-10-01").item("core_group", 1)["held"] == 1  # only 5 Sep 2024
    assert a.report("2024-10-10").item("core_group", 1)["held"] == 2


def test_costs_use_the_price_valid_on_the_purchase_date() -> None:
    a = load(doc(prices=[{"item": "material_set", "from": "2026-01-01", "nok": 320},
                         {"item": "trainer_participant", "from": "2026-06-01", "nok": 2500}]))  # fmt: skip
    a.record_material_sets(20, "2025-12-31")
    a.record_material_sets(2, "2026-01-01")
    a.record_seat("trener-2024-demo", "p01", "2026-05-31")
    a.record_seat("trener-2024-demo", "p02", "2026-06-01")
    assert a.price_on("material_set", "2025-12-31") == 300 and a.price_on("material_set", "2026-01-01") == 320
    c = a.report("2026-07-31").costs
    assert c == {"material_sets": 22, "material_nok": 20 * 300 + 2 * 320, "trainer_participants": 2,
                 "trainer_nok": 2000 + 2500, "total_nok": 6640 + 4500}  # fmt: skip
    # an earlier report is not rewritten by the later price
    assert a.report("2025-12-31").costs["material_nok"] == 6000


def test_seats_are_linked_to_trainer_cohort_participants() -> None:
    demo = smart.demo_cohort()
    a = smart.Agreement.load(FJORDVIK)
    r = a.report("2025-04-30", cohorts=[demo])
    statuses = {s["participant"]: s["status"] for s in r.seats["taken"]}
    ev = demo.evaluate(D(2025, 4, 30))
    assert statuses == {p: ev[p].status.value for p in ("p01", "p02", "p05")}
    assert r.data["certificates"] == {"trainees_evaluated": 3, "eligible": sum(s == "eligible" for s in statuses.values())}
    assert r.data["certificates"]["eligible"] == 2  # p01, p02 eligible; p05 not eligible
    assert (r.seats["used"], r.seats["left"]) == (3, 3)
    # without the cohort the seats are counted, their status open
    r = a.report("2025-04-30")
    assert {s["status"] for s in r.seats["taken"]} == {None}
    assert r.data["certificates"] == {"trainees_evaluated": 0, "eligible": 0}


def test_a_seat_of_a_participant_not_in_the_given_cohort_is_named() -> None:
    a = load(doc())
    a.record_seat("trener-2024-demo", "p99", "2025-09-01")
    with pytest.raises(smart.NotFoundError) as e:
        a.report("2025-10-01", cohorts=[smart.demo_cohort()])
    assert e.value.path == "/records/trainer_seats/0/participant"


def test_seats_beyond_the_plan_and_twice_the_same_participant_are_refused() -> None:
    a = load(doc(plan={"trainer_seats": 1}))
    a.record_seat("trener-2024-demo", "p01", "2025-09-01")
    with pytest.raises(smart.ValidationError) as e:
        a.record_seat("trener-2024-demo", "p02", "2025-09-01")
    assert e.value.path == "/records/trainer_seats/1" and "one too many" in e.value.message
    b = load(doc())
    b.record_seat("trener-2024-demo", "p01", "2025-09-01")
    with pytest.raises(smart.ValidationError) as e:
        b.record_seat("trener-2024-demo", "p01", "2025-10-01")
    assert e.value.path == "/records/trainer_seats/1/participant"


def test_recording_validates_as_the_loader_and_leaves_the_agreement_unchanged() -> None:
    a = smart.Agreement.load(FJORDVIK)
    before = a.report("2027-07-31").to_json()
    cases = [
        (lambda: a.record_meeting("core_group", "2027-08-01"), "/records/meetings/11/date"),
        (lambda: a.record_meeting("board", "2025-08-01"), "/records/meetings/11/kind"),
        (lambda: a.record_planning_day("2024-07-31"), "/records/planning_days/1"),
        (lambda: a.record_contribution("poster", "2025-01-01"), "/records/contributions/3/kind"),
        (lambda: a.record_material_sets(0, "2025-01-01"), "/records/material_sets/2/count"),
        (lambda: a.record_relasjon("2030-01-01"), "/records/relasjon/0"),
        (lambda: a.record("meetings", {"kind": "staff", "date": "2025-01-01", "room": 4}), "/records/meetings/11/room"),
    ]
    for call, pointer in cases:
        with pytest.raises(smart.SmartError) as e:
            call()
        assert e.value.path == pointer
    assert a.report("2027-07-31").to_json() == before


# --- malformed documents ------------------------------------------------------------------------

def _without(d: dict[str, Any], *path: str) -> dict[str, Any]:
    d = copy.deepcopy(d)
    t = d
    for p in path[:-1]:
        t = t[p]
    del t[path[-1]]
    return d


BASE = json.loads(FJORDVIK.read_text(encoding="utf-8"))


def _set(path: list[Any], value: Any) -> dict[str, Any]:
    d = copy.deepcopy(BASE)
    t = d
    for p in path[:-1]:
        t = t[p]
    t[path[-1]] = value
    return d


MALFORMED = [
    (_set(["format"], "smart.agreement/2"), "/format"),
    (_without(BASE, "id"), ""),
    (_set(["id"], ""), "/id"),
    (_set(["organisation", "kind"], "university"), "/organisation/kind"),
    (_set(["organisation", "municipality", "number"], "390"), "/organisation/municipality/number"),
    (_without(BASE, "organisation", "name"), "/organisation"),
    (_set(["start"], "2025-02-29"), "/start"),
    (_set(["years"], 0), "/years"),
    (_set(["form"], "medium"), "/form"),
    (_set(["employees"], -1), "/employees"),
    (_set(["unknown"], 1), "/unknown"),
    (_set(["extensions"], [{"date": "2024-01-01", "years": 1}]), "/extensions/0/date"),
    (_set(["extensions"], [{"date": "2025-01-01", "years": 0}]), "/extensions/0/years"),
    (_set(["plan", "core_group_min"], [4, 9]), "/plan/core_group_min/1"),
    (_set(["plan", "core_group_min"], []), "/plan/core_group_min"),
    (_set(["plan", "relasjon_years"], [2, 4]), "/plan/relasjon_years/1"),
    (_set(["plan", "dates"], [{"kind": "staff", "date": "2030-01-01"}]), "/plan/dates/0/date"),
    (_set(["plan", "dates"], [{"kind": "party", "date": "2025-01-01"}]), "/plan/dates/0/kind"),
    (_set(["plan", "max_per_month"], 0), "/plan/max_per_month"),
    (_set(["prices"], [{"item": "material_set", "from": "2025-01-01", "nok": "350"}]), "/prices/0/nok"),
    (_set(["prices"], [{"item": "book", "from": "2025-01-01", "nok": 350}]), "/prices/0/item"),
    (_set(["records", "meetings", 3, "date"], "2027-08-01"), "/records/meetings/3/date"),
    (_set(["records", "meetings", 3, "who"], []), "/records/meetings/3/who"),
    (_set(["records", "planning_days", 0], "2024-13-01"), "/records/planning_days/0"),
    (_set(["records", "trainer_seats", 1, "participant"], "p01"), "/records/trainer_seats/1/participant"),
    (_set(["records", "trainer_seats", 2, "date"], "2023-01-01"), "/records/trainer_seats/2/date"),
    (_set(["records", "contributions", 1, "kind"], "tweet"), "/records/contributions/1/kind"),
    (_set(["records", "material_sets", 0, "count"], 0), "/records/material_sets/0/count"),
    (_set(["records", "visits"], []), "/records/visits"),
]


@pytest.mark.parametrize(("document", "pointer"), MALFORMED, ids=[p or "(root)" for _, p in MALFORMED])
def test_malformed_documents_are_refused_with_their_pointer(document: dict[str, Any], pointer: str) -> None:
    with pytest.raises(smart.SmartError) as e:
        load(document)
    assert e.value.path == pointer, str(e.value)
    assert e.value.message


def test_every_example_agreement_loads() -> None:
    for f in sorted((ROOT / "examples" / "agreements").glob("*.json")):
        assert smart.Agreement.load(f).id


# --- portfolio --------------------------------------------------------------------------------


def test_portfolio_as_a_dataframe() -> None:
    pytest.importorskip("pandas")
    agreements = [smart.Agreement.load(FJORDVIK), smart.Agreement.load(SOLBAKKEN)]
    pf = smart.agreement_portfolio(agreements, D(2025, 12, 1), cohorts=[smart.demo_cohort()])
    df = pf.to_pandas()
    assert list(df["id"]) == ["fjordvik-skole-2024", "solbakken-barnehage-2025"]
    row = df.set_index("id").loc["solbakken-barnehage-2025"]
    assert (row["met"], row["pending"], row["unmet"], row["total_nok"]) == (1, 1, 0, 14 * 300)
    fj = df.set_index("id").loc["fjordvik-skole-2024"]
    assert (fj["current_period"], fj["seats_used"], fj["trainees_eligible"]) == (2, 3, 2)
    assert (fj["municipality_number"], fj["municipality_name"]) == ("3905", "Tønsberg")  # docs/vocabulary.md
    assert "municipality" not in df.columns
    assert len(pf.reports) == 2
    items = pf.reports[0].to_pandas()
    assert {"period", "item", "planned", "held", "missing", "possible", "state", "at_risk"} <= set(items.columns)


def test_portfolio_refuses_an_agreement_given_twice() -> None:
    a = smart.Agreement.load(FJORDVIK)
    with pytest.raises(smart.InvalidArgumentError) as e:
        smart.agreement_portfolio([a, smart.Agreement.load(FJORDVIK)], "2025-01-01")
    assert e.value.path == "/1"


# --- CLI ------------------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_cli_agreement_report_table() -> None:
    status, out, err = run("agreement", "report", str(FJORDVIK), "--as-of", "2026-06-01", "--lang", "en",
                           "--cohort", "trener-2024-demo")  # fmt: skip
    assert status == 0, err
    assert "Fjordvik skole (3905 Tønsberg)" in out
    assert "only 2 more possible by 31 July 2026" in out
    assert "Trainees eligible: 2/3" in out
    assert "Total 19750" in out


def test_cli_agreement_report_json_and_csv_of_several_files(tmp_path: Path) -> None:
    status, out, _ = run("agreement", "report", str(FJORDVIK), str(SOLBAKKEN), "--as-of", "2025-12-01", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["format"] == "smart.agreement_portfolio/1" and len(data["rows"]) == 2
    status, out, _ = run("agreement", "report", str(FJORDVIK), str(SOLBAKKEN), "--as-of", "2025-12-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and {r["agreement"] for r in rows} == {"fjordvik-skole-2024", "solbakken-barnehage-2025"}
    assert len(rows) == len(data["reports"][0]["periods"][0]["items"]) * 3 + 2 + 2
    status, out, _ = run("agreement", "report", str(FJORDVIK), str(SOLBAKKEN), "--as-of", "2025-12-01")
    assert status == 0 and "Solbakken barnehage" in out and "Kommune" in out  # the portfolio table first
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_set(["years"], 0)), encoding="utf-8")
    status, _, err = run("agreement", "report", str(bad))
    assert status == 1 and "bad.json: /years:" in err


def test_seats_are_traced_from_the_cohort_to_the_agreement() -> None:
    # The report goes from an agreement to its trainees' certificates; this goes back: which
    # agreement holds the seat of a participant of the trainer cohort.
    a = smart.Agreement.load(ROOT / "examples/agreements/fjordvik-skole.json")
    seats = smart.seats_in_cohort([a], smart.demo_cohort())
    assert [(s.participant, s.agreement, s.organisation) for s in seats] == [
        ("p01", "fjordvik-skole-2024", "Fjordvik skole"),
        ("p02", "fjordvik-skole-2024", "Fjordvik skole"),
        ("p05", "fjordvik-skole-2024", "Fjordvik skole"),
    ]
    assert seats[0].taken_on == datetime.date(2024, 8, 15)
    assert smart.seats_in_cohort([a], "another-cohort") == []
