"""Issue 15, "one language per output, no silent surprises": HTML reprs and the CLI's tables
in the language asked for (the core's words), a module-wide default language, reprs that do
not evaluate behind the notebook's back, final-text explanations that name the failed rule,
the checks of names and municipality numbers, and the polish (min_cell's type, dir(smart),
"1 participant")."""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterator

import pytest

import smart
from smart import cli
from conftest import ROOT, person

AS_OF = "2025-04-30"
DEMO = str(ROOT / "examples/cohorts/trener-2024-demo.json")


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    yield
    smart.set_language("nb")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


# --- HTML reprs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words", "foreign"),
    [
        ("nb", ["deltaker", "mangler", "vurdert per 2025-04-30", "har rett"], ["participant", "missing", "eligible"]),
        ("nn", ["deltakar", "manglar", "vurdert per 2025-04-30"], ["participant", "missing", "mangler"]),
        ("en", ["participant", "missing", "evaluated as of 2025-04-30", "eligible"], ["deltaker", "mangler"]),
    ],
)
def test_evaluation_html_is_in_one_language(lang: str, words: list[str], foreign: list[str]) -> None:
    html = smart.demo_cohort().evaluate(AS_OF).to_html(lang=lang)
    for w in words:
        assert w in html, w
    for w in foreign:
        assert f">{w}<" not in html, w


def test_set_language_is_the_default_of_every_repr() -> None:
    demo = smart.demo_cohort()
    ev = demo.evaluate(AS_OF)
    assert smart.get_language() == "nb" and ">deltaker<" in ev._repr_html_()
    smart.set_language("en")
    assert smart.get_language() == smart.Lang.en
    assert ">participant<" in ev._repr_html_()
    assert ">municipality<" in demo._repr_html_()
    st = smart.cohort_statistics([ev])
    assert ">completion rate<" in st._repr_html_()
    assert ">deltakar<" in ev.to_html(lang="nn")  # an explicit lang wins
    with pytest.raises(ValueError, match="lang must be one of 'nb', 'nn', 'en', not 'de'"):
        smart.set_language("de")
    assert smart.get_language() == "en"  # unchanged by the refused value


def test_a_cohort_repr_shows_no_status_of_a_date_the_notebook_did_not_ask_for() -> None:
    demo = smart.demo_cohort()
    html = demo._repr_html_()
    for status in smart.Status:
        for lang in ("nb", "en"):
            assert f">{status.label(lang)}<" not in html  # no status column, no evaluation as of today
    assert "ikke vurdert" in html and "36 deltakere" in html
    assert html.count("<tr>") == 1 + 36
    assert "0301 Oslo" in html or "3905 Tønsberg" in html
    dated = demo.to_html("2024-11-20", lang="en")
    assert "evaluated as of 2024-11-20" in dated and "in progress" in dated


def test_statistics_have_a_small_html_table() -> None:
    cohorts = smart.synthetic_cohorts(years=2, participants=12)
    running = cohorts[1].evaluate(cohorts[1].days[2])
    done = cohorts[0].evaluate(cohorts[0].last_day + datetime.timedelta(days=120))
    st = smart.cohort_statistics([done, running], min_cell=5)
    html = st.to_html(lang="en")
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    assert len(rows) == 3  # header + one row per cohort
    assert "completion rate" in rows[0] and "eligible" in rows[0]
    assert "✓" in rows[1] and "in progress" in rows[2]
    cells = re.findall(r">([^<]*)</td>", rows[2])
    assert cells[-2] == "–"  # a running cohort has no completion rate yet, not 0.0 %
    assert "groups under 5 suppressed" in html
    assert "Kullstatistikk" in st._repr_html_()


# --- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nb", ["Kullstatistikk per 2025-04-30", "påmeldt", "har rett", "fullføringsgrad", "Kravtrakt", "oppmøte",
                "avsluttende tekst", "oppfylt", "Etter kommune"]),
        ("nn", ["Kullstatistikk per 2025-04-30", "påmeld", "fullføringsgrad", "avsluttande tekst", "Etter kommune"]),
        ("en", ["Cohort statistics as of 2025-04-30", "enrolled", "eligible", "completion rate", "Requirement funnel",
                "final text", "By municipality"]),
    ],
)  # fmt: skip
def test_stats_table_is_in_the_language_asked_for(lang: str, words: list[str]) -> None:
    status, out, err = run("stats", DEMO, "--as-of", AS_OF, "--by", "municipality", "--lang", lang)
    assert status == 0 and err == ""
    for w in words:
        assert w in out, w
    assert "final_text" not in out and "interval_notes" not in out
    if lang != "en":
        for english in ("enrolled", "completion", "Cohorts", "Requirement funnel", "By municipality"):
            assert english not in out, english


def test_stats_table_marks_a_running_cohort_and_shows_no_completion() -> None:
    status, out, _ = run("stats", DEMO, "--as-of", "2024-11-20", "--lang", "en")
    assert status == 0
    line = next(x for x in out.splitlines() if x.startswith("trener-2024-demo"))
    assert "(in progress)" in line
    assert "0.0 %" not in line and "–" in line


def test_evaluate_table_names_requirements_in_its_language() -> None:
    _, en, _ = run("evaluate", "--as-of", AS_OF, "--lang", "en")
    header = next(x for x in en.splitlines() if x.startswith("id "))
    assert "final text" in header and "attendance" in header and "participant" in header
    assert "final_text" not in header
    _, nb, _ = run("evaluate", "--as-of", AS_OF)
    header = next(x for x in nb.splitlines() if x.startswith("id "))
    assert "avsluttende tekst" in header and "oppmøte" in header and "deltaker" in header
    for english in ("final_text", "final text", "attendance", "notes", "participant"):
        assert english not in header, english


# --- final-text wording ------------------------------------------------------------------------


def final_text_cohort(submission: smart.Submission | None) -> smart.Cohort:
    from conftest import cohort_of, programme

    prog = programme([{"id": "final_text", "kind": "final_text", "pages": {"min": 2, "max": 3},
                       "categories": ["method"], "deadline": "2025-03-31"}])  # fmt: skip
    c = cohort_of(prog)
    if submission is not None:
        c.add_submission("p1", submission)
    return c


@pytest.mark.parametrize(
    ("kw", "nb", "en"),
    [
        ({}, "mangler", "missing"),
        ({"status": "rejected", "date": "2025-03-01", "pages": 2}, "avvist", "rejected"),
        ({"date": "2025-04-02", "pages": 2}, "etter fristen", "after the deadline"),
        ({"date": "2025-03-01", "pages": 1}, "med 1 side, utenfor 2–3 sider", "with 1 page, outside 2–3 pages"),
        ({"date": "2025-03-01", "pages": 2, "category": "results"}, "som ikke godkjennes", "which is not accepted"),
    ],
)
def test_every_final_text_explanation_names_the_rule_that_failed(kw: dict[str, object], nb: str, en: str) -> None:
    sub = smart.Submission(kind="final_text", **kw) if kw else None  # type: ignore[arg-type]
    r = final_text_cohort(sub).evaluate("2025-04-30")["p1"]
    (q,) = r.requirements
    assert q.state == "unmet"
    assert nb in q.explain("nb") and en in q.explain("en")
    assert r.missing("en") == [q.explain("en")]
    if kw:
        assert "mangler" not in q.explain("nb") and "missing" not in q.explain("en")


# --- names and municipality numbers -------------------------------------------------------------


def test_names_are_trimmed_and_a_name_of_spaces_is_refused_at_its_pointer() -> None:
    c = smart.Cohort("smart-trener-2024", id="c1", label="Kull")
    c.add_participants([person("p1", name="  Kari Nordmann "), person("p2")])
    assert c["p1"].name == "Kari Nordmann"
    with pytest.raises(smart.ValidationError) as info:
        c.add_participants([person("p3"), person("p4", name="   ")])
    assert info.value.path == "/participants/3/name"
    assert "blank" in info.value.message
    assert len(c) == 2


def test_municipality_9999_is_refused_and_3905_named_bergen_is_a_warning() -> None:
    c = smart.Cohort("smart-trener-2024", id="c1", label="Kull")
    with pytest.raises(smart.ValidationError) as info:
        c.add_participants([person("p1", municipality=smart.Municipality("9999", "Ingensteds"))])
    assert info.value.path == "/participants/0/municipality/number" and "9999" in info.value.message
    c.add_participants([person("p1"), person("p2", municipality=smart.Municipality("3905", "Bergen"))])
    (w,) = c.municipality_warnings()
    assert (w.number, w.names, w.participant, w.path) == ("3905", ["Tønsberg", "Bergen"], 1, "/participants/1/municipality/name")
    assert w.describe("en") == "Municipality number 3905 is recorded with different names: «Tønsberg», «Bergen»"
    assert smart.demo_cohort().municipality_warnings() == []


def test_evaluate_reports_a_municipality_number_with_two_names(tmp_path: object) -> None:
    import pathlib

    c = smart.demo_cohort()
    first = c[0]
    c.correct_participant(first.id, name=first.name, municipality=smart.Municipality(c[1].municipality.number, "Bergen"),
                          role=first.role, sector=first.sector)  # fmt: skip
    path = pathlib.Path(str(tmp_path)) / "c.json"
    path.write_text(c.to_json(), encoding="utf-8")
    status, _, err = run("evaluate", str(path), "--as-of", AS_OF, "--lang", "en")
    assert status == 0
    assert "is recorded with different names" in err and "«Bergen»" in err


# --- polish -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["5", 2.5, True])
def test_min_cell_of_the_wrong_type_is_a_clean_error_naming_it(bad: object) -> None:
    ev = smart.demo_cohort().evaluate(AS_OF)
    with pytest.raises(TypeError, match=r"^min_cell: expected a whole number \(int\) or None, not "):
        smart.cohort_statistics([ev], min_cell=bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="min_cell"):
        smart.statistics([ev], min_cell=bad)  # type: ignore[arg-type]
    with pytest.raises(smart.InvalidArgumentError, match="min_cell"):
        smart.cohort_statistics([ev], min_cell=-1)
    assert smart.cohort_statistics([ev], min_cell=5).min_cell == 5


def test_dir_smart_shows_only_the_public_api() -> None:
    names = dir(smart)
    assert names == sorted(smart.__all__)
    for private in ("_core", "_smart", "_texts", "annotations", "enums", "errors", "html", "frames"):
        assert private not in names
    assert "set_language" in names and "Cohort" in names
    assert all(hasattr(smart, n) for n in names)
    # the next-steps names are listed once, in smart.next_steps.__all__
    assert set(smart.next_steps.__all__) <= set(smart.__all__)
    assert all(getattr(smart, n) is getattr(smart.next_steps, n) for n in smart.next_steps.__all__)
    assert len(smart.__all__) == len(set(smart.__all__))


def test_counts_are_worded_in_the_singular_for_one() -> None:
    c = smart.Cohort("smart-trener-2024", id="c1", label="Kull")
    c.add_participants([person("p1")])
    assert "1 participant," in repr(c) and "1 participants" not in repr(c)
    assert "1 participant," in repr(c.evaluate(AS_OF))
    assert "1 deltaker," in c._repr_html_()
    two = smart.demo_cohort()
    assert "36 participants" in repr(two) and "36 deltakere" in two._repr_html_()
    st = smart.cohort_statistics([c.evaluate(AS_OF)])
    assert "1 cohort," in repr(st)
