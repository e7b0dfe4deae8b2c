// Overall status, exemptions, explanations, missing(), the evaluation document, and the
// evaluation's independence from the cohort it was made from.
#include "helpers.hpp"

#include <nlohmann/json.hpp>
#include <set>

using namespace smart;
using th::d;
using S = requirement_state;
using A = attendance_status;
using Catch::Contains;
using Catch::StartsWith;

namespace {

/// The trainer 2024 rules built in C++: attendance 4/5, notes, final text 2–3 pages,
/// festival.
std::shared_ptr<const programme> full_programme() {
    final_text_rule ft;
    ft.min_pages = 2;
    ft.max_pages = 3;
    return th::programme_of(th::trainer_schedule(),
                            {th::attendance(), th::notes(), th::final_text(ft), th::festival_req()});
}

enum req_index : std::size_t { ATT = 0, NOTES = 1, TEXT = 2, FEST = 3 };

/// Gives participant `pid` everything the rules ask for.
void complete(cohort& c, const std::string& pid) {
    th::record(c, pid, th::trainer_days(), A::present);
    c.set_attendance(pid, th::trainer_festival_day, A::present);
    c.add_submission(pid, th::note(d("2024-10-01")));
    c.add_submission(pid, th::note(d("2024-12-01")));
    c.add_submission(pid, th::note(d("2025-02-01")));
    c.add_submission(pid, th::text(d("2025-04-01"), 3, final_category::method));
}

const date after_programme = d("2025-04-30");

}  // namespace

TEST_CASE("a participant meeting every requirement is eligible", "[evaluation][status]") {
    cohort c = th::cohort_with_one(full_programme());
    complete(c, "p1");
    const evaluation e = evaluate(c, after_programme);
    for (const auto& r : e.requirements(0)) CHECK(r.state == S::met);
    CHECK(e.result(0).status == overall_status::eligible);
    CHECK_FALSE(e.result(0).at_risk);
    CHECK(e.missing(0, lang::nb).empty());
}

TEST_CASE("one unmet requirement makes a participant not eligible", "[evaluation][status]") {
    cohort c = th::cohort_with_one(full_programme());
    complete(c, "p1");
    c.set_attendance("p1", th::trainer_festival_day, A::absent);
    const evaluation e = evaluate(c, after_programme);
    CHECK(e.requirements(0)[FEST].state == S::unmet);
    CHECK(e.result(0).status == overall_status::not_eligible);
}

TEST_CASE("a pending requirement with none unmet keeps a participant in progress", "[evaluation][status]") {
    cohort c = th::cohort_with_one(full_programme());
    complete(c, "p1");
    // as of the day before the festival: attendance, notes and text met, festival pending
    const evaluation e = evaluate(c, d("2025-04-08"));
    CHECK(e.requirements(0)[ATT].state == S::met);
    CHECK(e.requirements(0)[NOTES].state == S::met);
    CHECK(e.requirements(0)[TEXT].state == S::met);
    CHECK(e.requirements(0)[FEST].state == S::pending);
    CHECK(e.result(0).status == overall_status::in_progress);
}

TEST_CASE("unmet wins over pending in the overall status", "[evaluation][status]") {
    cohort c = th::cohort_with_one(full_programme());
    th::record(c, "p1", {d("2024-09-18"), d("2024-09-19"), d("2024-11-13")}, A::present);
    // no note in interval 1, as of its closing day: everything else pending
    const evaluation e = evaluate(c, d("2024-11-13"));
    CHECK(e.requirements(0)[ATT].state == S::pending);
    CHECK(e.requirements(0)[NOTES].state == S::unmet);
    CHECK(e.requirements(0)[TEXT].state == S::pending);
    CHECK(e.result(0).status == overall_status::not_eligible);
}

TEST_CASE("a programme with no certificate rules gives no_certificate for everyone", "[evaluation][status]") {
    cohort c(th::programme_of(th::trainer_schedule(), {}), "c1", "Uten kompetansebevis");
    c.add_participant(th::person("p1"));
    c.add_participant(th::person("p2"));
    th::record(c, "p1", th::trainer_days(), A::present);
    for (const char* as_of : {"2024-01-01", "2025-04-30"}) {
        const evaluation e = evaluate(c, d(as_of));
        CHECK(e.requirement_count() == 0);
        CHECK(e.requirements(0).empty());
        for (std::size_t i = 0; i < 2; ++i) {
            CHECK(e.result(i).status == overall_status::no_certificate);
            CHECK_FALSE(e.result(i).at_risk);
            CHECK(e.missing(i, lang::en).empty());
        }
        CHECK(e.counts() == status_counts{0, 0, 0, 2, 0});
        CHECK(e.warnings().empty());
    }
}

TEST_CASE("counts() adds up the overall statuses", "[evaluation][status]") {
    cohort c(full_programme(), "c1", "Kull");
    for (const char* pid : {"a", "b", "c"}) c.add_participant(th::person(pid));
    complete(c, "a");
    complete(c, "b");
    c.set_attendance("b", th::trainer_festival_day, A::absent);
    const evaluation e = evaluate(c, after_programme);
    CHECK(e.size() == 3);
    CHECK(e.counts() == status_counts{1, 2, 0, 0, 0});
}

TEST_CASE("an exemption makes the requirement exempt and explain() shows its reason", "[evaluation][exemption]") {
    cohort c = th::cohort_with_one(full_programme());
    complete(c, "p1");
    c.set_attendance("p1", th::trainer_festival_day, A::absent);
    c.add_exemption("p1", {"festival", "Innlagt på sykehus", "Fagleder Hansen", d("2025-04-10")});
    const evaluation e = evaluate(c, after_programme);
    CHECK(e.requirements(0)[FEST].state == S::exempt);
    CHECK(e.result(0).status == overall_status::eligible);
    for (lang l : {lang::nb, lang::nn, lang::en}) {
        INFO(to_string(l));
        const std::string s = e.explain(0, FEST, l);
        CHECK_THAT(s, Contains("Innlagt på sykehus"));
        CHECK_THAT(s, Contains("Fagleder Hansen"));
    }
    // an exempt requirement is not missing
    CHECK(e.missing(0, lang::nb).empty());
}

TEST_CASE("an exemption wins over an unmet requirement", "[evaluation][exemption]") {
    cohort c = th::cohort_with_one(full_programme());
    complete(c, "p1");
    c.set_attendance("p1", d("2024-09-18"), A::absent);
    c.set_attendance("p1", d("2024-09-19"), A::absent);  // 6 of 8: unmet
    REQUIRE(evaluate(c, after_programme).requirements(0)[ATT].state == S::unmet);
    c.add_exemption("p1", {"attendance", "Dokumentert sykefravær", "Koordinator", std::nullopt});
    const evaluation e = evaluate(c, after_programme);
    CHECK(e.requirements(0)[ATT].state == S::exempt);
    CHECK(e.result(0).status == overall_status::eligible);
}

TEST_CASE("missing() lists the unmet and pending requirements in the programme's order", "[evaluation][missing]") {
    cohort c = th::cohort_with_one(full_programme());
    th::record(c, "p1", {d("2024-09-18"), d("2024-09-19"), d("2024-11-13")}, A::present);
    // as of 2024-11-13: attendance pending, notes unmet (interval 1), text and festival pending
    const evaluation e = evaluate(c, d("2024-11-13"));
    REQUIRE(e.requirements(0)[NOTES].state == S::unmet);
    for (lang l : {lang::nb, lang::nn, lang::en}) {
        const auto missing = e.missing(0, l);
        REQUIRE(missing.size() == 4);
        for (std::size_t r = 0; r < 4; ++r) CHECK(missing[r] == e.explain(0, r, l));
    }
    SECTION("met and exempt requirements are left out") {
        complete(c, "p1");
        c.set_attendance("p1", th::trainer_festival_day, A::absent);
        c.add_exemption("p1", {"final_text", "Fritak etter søknad", "Koordinator", std::nullopt});
        const evaluation after = evaluate(c, after_programme);
        const auto missing = after.missing(0, lang::en);
        REQUIRE(missing.size() == 1);
        CHECK(missing[0] == after.explain(0, FEST, lang::en));
    }
}

TEST_CASE("the attendance explanation carries the numbers in bokmål, nynorsk and English",
          "[evaluation][explain]") {
    cohort c = th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::attendance()}));
    SECTION("7 of 8, met") {
        th::record(c, "p1", th::trainer_days(), A::present);
        c.set_attendance("p1", d("2025-03-13"), A::absent);
        const evaluation e = evaluate(c, after_programme);
        CHECK(e.explain(0, 0, lang::nb) == "Deltatt 7 av 8 dager (88 %), krever minst 7");
        CHECK(e.explain(0, 0, lang::en) == "Attended 7 of 8 days (88 %), at least 7 required");
        const std::string nn = e.explain(0, 0, lang::nn);
        CHECK_THAT(nn, Contains("7 av 8"));
        CHECK_THAT(nn, Contains("(88 %)"));
    }
    SECTION("6 of 8, unmet") {
        th::record(c, "p1", th::trainer_days(), A::present);
        c.set_attendance("p1", d("2024-11-14"), A::absent);
        c.set_attendance("p1", d("2025-03-13"), A::absent);
        const evaluation e = evaluate(c, after_programme);
        REQUIRE(e.requirements(0)[0].state == S::unmet);
        CHECK_THAT(e.explain(0, 0, lang::nb), StartsWith("Deltatt 6 av 8 dager (75 %), krever minst 7"));
        CHECK_THAT(e.explain(0, 0, lang::en), StartsWith("Attended 6 of 8 days (75 %), at least 7 required"));
        const std::string nn = e.explain(0, 0, lang::nn);
        CHECK_THAT(nn, Contains("6 av 8"));
        CHECK_THAT(nn, Contains("(75 %)"));
        CHECK_THAT(nn, Contains("7"));
        // the three languages say different things
        CHECK(e.explain(0, 0, lang::nb) != e.explain(0, 0, lang::en));
        CHECK(e.explain(0, 0, lang::nb) != nn);
    }
    SECTION("pending: what has passed, what remains, what is needed") {
        th::record(c, "p1", {d("2024-09-18"), d("2024-09-19"), d("2024-11-13")}, A::present);
        c.set_attendance("p1", d("2024-11-14"), A::absent);
        const evaluation e = evaluate(c, d("2024-11-14"));
        REQUIRE(e.requirements(0)[0].state == S::pending);
        for (lang l : {lang::nb, lang::nn, lang::en}) {
            const std::string s = e.explain(0, 0, l);
            INFO(s);
            CHECK_THAT(s, Contains("3"));  // attended
            CHECK_THAT(s, Contains("4"));  // past days
            CHECK_THAT(s, Contains("7"));  // required
            CHECK_THAT(s, Contains("8"));  // counted
        }
    }
    SECTION("fractional attended days are written exactly") {
        attendance_rule rule;
        rule.weight_excused = ratio(1, 2);
        cohort w = th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::attendance(rule)}));
        th::record(w, "p1", th::trainer_days(), A::present);
        w.set_attendance("p1", d("2025-03-13"), A::excused);
        const evaluation e = evaluate(w, after_programme);
        CHECK(e.requirements(0)[0].attended == ratio(15, 2));
        CHECK_THAT(e.explain(0, 0, lang::en), Contains("7 1/2 of 8"));
        CHECK_THAT(e.explain(0, 0, lang::en), Contains("(94 %)"));  // 93.75
    }
}

TEST_CASE("the other explanations name their dates", "[evaluation][explain]") {
    cohort c = th::cohort_with_one(full_programme());
    SECTION("a missing interval names its dates") {
        const evaluation e = evaluate(c, d("2024-11-13"));
        CHECK_THAT(e.explain(0, NOTES, lang::nb), Contains("13.11.2024"));
        CHECK_THAT(e.explain(0, NOTES, lang::en), Contains("13 November 2024"));
    }
    SECTION("a pending final text names its deadline, and the page range") {
        const evaluation e = evaluate(c, d("2025-01-01"));
        const std::string nb = e.explain(0, TEXT, lang::nb);
        CHECK_THAT(nb, Contains("9.4.2025"));
        CHECK_THAT(nb, Contains("2–3"));
        CHECK_THAT(e.explain(0, TEXT, lang::en), Contains("9 April 2025"));
    }
    SECTION("a met final text names its date and pages") {
        c.add_submission("p1", th::text(d("2025-04-01"), 3));
        const evaluation e = evaluate(c, after_programme);
        CHECK_THAT(e.explain(0, TEXT, lang::nb), Contains("1.4.2025"));
        CHECK_THAT(e.explain(0, TEXT, lang::nb), Contains("3"));
    }
    SECTION("the festival names its day") {
        const evaluation e = evaluate(c, d("2025-01-01"));
        CHECK_THAT(e.explain(0, FEST, lang::nb), Contains("9.4.2025"));
        CHECK_THAT(e.explain(0, FEST, lang::en), Contains("9 April 2025"));
    }
}

TEST_CASE("a warning is described with its date in each language", "[evaluation][explain]") {
    cohort c = th::cohort_with_one(full_programme());
    c.set_attendance("p1", d("2024-09-18"), A::present);  // 2024-09-19 unrecorded
    const evaluation e = evaluate(c, d("2024-09-19"));
    REQUIRE(e.warnings_of(0).size() == 1);
    const warning& w = e.warnings_of(0)[0];
    CHECK(w.kind == warning_kind::unrecorded_day);
    CHECK_THAT(e.describe(w, lang::nb), Contains("19.9.2024"));
    CHECK_THAT(e.describe(w, lang::nn), Contains("19.9.2024"));
    CHECK_THAT(e.describe(w, lang::en), Contains("19 September 2024"));
}

TEST_CASE("explain() refuses indices out of range", "[evaluation][explain]") {
    cohort c = th::cohort_with_one(full_programme());
    const evaluation e = evaluate(c, after_programme);
    CHECK(th::thrown_by([&] { e.explain(0, 4, lang::nb); }).code() == errc::invalid_argument);
    CHECK(th::thrown_by([&] { e.explain(1, 0, lang::nb); }).code() == errc::invalid_argument);
    CHECK(th::thrown_by([&] { e.requirements(1); }).code() == errc::invalid_argument);
}

TEST_CASE("evaluation_to_json writes the evaluation document", "[evaluation][json]") {
    cohort c(full_programme(), "kull-1", "Kull 1");
    c.add_participant(th::person("p1", "Kari Nordmann"));
    c.add_participant(th::person("p2", "Ola Nordmann"));
    complete(c, "p1");
    complete(c, "p2");
    c.set_attendance("p2", d("2024-11-14"), A::absent);
    c.set_attendance("p2", d("2025-03-13"), A::unrecorded);
    const evaluation e = evaluate(c, after_programme);
    const auto doc = nlohmann::json::parse(evaluation_to_json(e, c));

    CHECK(doc.at("format") == "smart.evaluation/2");
    CHECK(doc.at("cohort") == "kull-1");
    CHECK(doc.at("programme") == "test-programme");
    CHECK(doc.at("as_of") == "2025-04-30");

    const auto& sum = doc.at("summary");
    CHECK(sum.at("participants") == 2);
    CHECK(sum.at("eligible") == 1);
    CHECK(sum.at("not_eligible") == 1);
    CHECK(sum.at("in_progress") == 0);
    CHECK(sum.at("no_certificate") == 0);
    CHECK(sum.at("at_risk") == 0);

    REQUIRE(doc.at("intervals").size() == 3);
    CHECK(doc.at("intervals")[0] == nlohmann::json{{"after", "2024-09-19"}, {"until", "2024-11-13"}});

    const auto& ps = doc.at("participants");
    REQUIRE(ps.size() == 2);
    CHECK(ps[0].at("id") == "p1");
    CHECK(ps[0].at("name") == "Kari Nordmann");
    CHECK(ps[0].at("status") == "eligible");
    CHECK(ps[0].at("at_risk") == false);
    CHECK(ps[0].at("warnings").empty());
    CHECK(ps[0].at("missing").at("nb").empty());

    const auto& p2 = ps[1];
    CHECK(p2.at("status") == "not_eligible");
    const auto& reqs = p2.at("requirements");
    REQUIRE(reqs.size() == 4);
    CHECK(reqs[0].at("id") == "attendance");
    CHECK(reqs[0].at("kind") == "attendance");
    CHECK(reqs[0].at("state") == "unmet");
    const auto& n = reqs[0].at("numbers");
    CHECK(n.at("attended") == "6");
    CHECK(n.at("counted_days") == 8);
    CHECK(n.at("required_days") == 7);
    CHECK(n.at("past_days") == 8);
    CHECK(n.at("remaining_days") == 0);
    CHECK(n.at("unrecorded_days") == 1);
    for (const char* l : {"nb", "nn", "en"})
        CHECK(reqs[0].at("explanation").at(l) == e.explain(1, 0, parse_lang(l)));
    CHECK_THAT(reqs[0].at("explanation").at("nb").get<std::string>(),
               StartsWith("Deltatt 6 av 8 dager (75 %), krever minst 7"));

    CHECK(reqs[1].at("kind") == "interval_notes");
    CHECK(reqs[1].at("numbers").at("intervals") == 3);
    CHECK(reqs[1].at("numbers").at("intervals_met") == 3);
    CHECK(reqs[1].at("numbers").at("missing_intervals").empty());
    CHECK(reqs[1].at("numbers").at("open_intervals").empty());
    CHECK(reqs[1].at("numbers").at("portfolio_approved") == false);
    CHECK(reqs[1].at("numbers").at("awaiting_approval") == 0);

    CHECK(reqs[2].at("kind") == "final_text");
    CHECK(reqs[2].at("numbers").at("date") == "2025-04-01");
    CHECK(reqs[2].at("numbers").at("pages") == 3);
    CHECK(reqs[2].at("numbers").at("deadline") == "2025-04-09");
    CHECK(reqs[2].at("numbers").at("awaiting_approval") == 0);

    CHECK(reqs[3].at("kind") == "festival");
    CHECK(reqs[3].at("state") == "met");
    CHECK(reqs[3].at("numbers").at("date") == "2025-04-09");
    CHECK(reqs[3].at("numbers").at("role").is_null());
    CHECK(reqs[3].at("numbers").at("festival_day") == "2025-04-09");

    for (const char* l : {"nb", "nn", "en"}) {
        REQUIRE(p2.at("missing").at(l).size() == 1);
        CHECK(p2.at("missing").at(l)[0] == reqs[0].at("explanation").at(l));
    }
    REQUIRE(p2.at("warnings").size() == 1);
    CHECK(p2.at("warnings")[0].at("kind") == "unrecorded_day");
    CHECK(p2.at("warnings")[0].at("date") == "2025-03-13");
    for (const char* l : {"nb", "nn", "en"}) CHECK(p2.at("warnings")[0].at("message").at(l).is_string());
}

TEST_CASE("the evaluation document lists missing and open intervals by number", "[evaluation][json]") {
    cohort c = th::cohort_with_one(full_programme());
    c.add_submission("p1", th::note(d("2024-12-01")));
    const evaluation e = evaluate(c, d("2024-12-15"));
    const auto doc = nlohmann::json::parse(evaluation_to_json(e, c));
    const auto& numbers = doc.at("participants")[0].at("requirements")[NOTES].at("numbers");
    CHECK(numbers.at("missing_intervals") == nlohmann::json::array({1}));
    CHECK(numbers.at("open_intervals") == nlohmann::json::array({3}));
    CHECK(numbers.at("intervals_met") == 1);
    const auto& text = doc.at("participants")[0].at("requirements")[TEXT].at("numbers");
    CHECK(text.at("date").is_null());
    CHECK(text.at("pages").is_null());
}

TEST_CASE("evaluation_to_json writes from the evaluation's own records after the cohort changed",
          "[evaluation][json]") {
    cohort c(full_programme(), "kull-1", "Kull 1");
    c.add_participant(th::person("p1", "Kari Nordmann"));
    complete(c, "p1");
    const evaluation e = evaluate(c, after_programme);
    const std::string before = evaluation_to_json(e, c);
    c.correct_participant("p1", [&] {
        participant_details d;
        d.name = "Kari Endret";
        d.municipality = c.participants()[0].municipality;
        d.role = c.participants()[0].role;
        d.sector = c.participants()[0].sector;
        return d;
    }());
    c.add_participant(th::person("p2", "Ola Nordmann"));
    CHECK(evaluation_to_json(e) == before);  // the names and people as evaluated
    CHECK(th::thrown_by([&] { evaluation_to_json(e, c); }).code() == errc::invalid_argument);
}

TEST_CASE("evaluation_to_json refuses a cohort the evaluation was not made from", "[evaluation][json]") {
    cohort a = th::cohort_with_one(full_programme());
    cohort b = th::cohort_with_one(full_programme());
    const evaluation e = evaluate(a, after_programme);
    CHECK(th::thrown_by([&] { evaluation_to_json(e, b); }).code() == errc::invalid_argument);
}

TEST_CASE("evaluation_to_json refuses another cohort of the same programme and size", "[evaluation][json]") {
    // evaluation.hpp / json.hpp: "`c` must be the cohort that was evaluated. Throws
    // invalid_argument otherwise." Two cohorts of one built-in programme share it.
    const auto prog = catalogue::get("smart-trener-2024");
    cohort a(prog, "kull-a", "Kull A", std::nullopt, {}, "smart-trener-2024");
    cohort b(prog, "kull-b", "Kull B", std::nullopt, {}, "smart-trener-2024");
    a.add_participant(th::person("a1", "Anne"));
    b.add_participant(th::person("b1", "Bjørn"));
    complete(a, "a1");
    const evaluation e = evaluate(a, after_programme);
    REQUIRE(e.result(0).status == overall_status::eligible);
    // otherwise Bjørn, who did nothing, would be written out as eligible
    CHECK(th::thrown_by([&] { evaluation_to_json(e, b); }).code() == errc::invalid_argument);
}

TEST_CASE("an evaluation outlives the cohort it was made from", "[evaluation][lifetime]") {
    std::optional<evaluation> e;
    {
        cohort c(th::programme_of(th::trainer_schedule(), {th::attendance(), th::notes(), th::festival_req()},
                                  "short-lived"),
                 "c1", "Kull");
        c.add_participant(th::person("p1"));
        c.set_attendance("p1", d("2024-09-18"), A::present);
        c.add_exemption("p1", {"festival", "Bortreist", "Koordinator", std::nullopt});
        e = evaluate(c, d("2024-11-13"));
    }  // the cohort and the last other owner of the programme are gone
    CHECK(e->programme().id == "short-lived");
    CHECK(e->intervals().size() == 3);
    CHECK(e->result(0).status == overall_status::not_eligible);
    CHECK_THAT(e->explain(0, 0, lang::nb), Contains("1 av 8 dager"));
    CHECK_THAT(e->explain(0, 1, lang::en), Contains("13 November 2024"));
    CHECK_THAT(e->explain(0, 2, lang::nb), Contains("Bortreist"));  // the evaluation keeps the record
    CHECK(e->missing(0, lang::nn).size() == 2);
    REQUIRE_FALSE(e->warnings().empty());
    CHECK_THAT(e->describe(e->warnings().front(), lang::nb), Contains("19.9.2024"));
}

TEST_CASE("statuses and states have labels in bokmål, nynorsk and English", "[evaluation][labels]") {
    CHECK(std::string(label(overall_status::not_eligible, lang::nb)) == "har ikke rett");
    CHECK(std::string(label(overall_status::not_eligible, lang::nn)) == "har ikkje rett");
    CHECK(std::string(label(overall_status::in_progress, lang::en)) == "in progress");
    CHECK(std::string(label(requirement_state::unmet, lang::nn)) == "ikkje oppfylt");
    CHECK(std::string(label(requirement_state::pending, lang::nb)) == "venter");
    CHECK(status_label(overall_status::in_progress, true, lang::nb) == "pågår (i faresonen)");
    CHECK(status_label(overall_status::in_progress, true, lang::nn) == "i gang (i faresona)");
    CHECK(status_label(overall_status::eligible, false, lang::en) == "eligible");
    for (lang l : {lang::nb, lang::nn, lang::en}) {
        std::set<std::string> statuses, states;
        for (auto s : {overall_status::eligible, overall_status::not_eligible, overall_status::in_progress,
                       overall_status::no_certificate})
            statuses.insert(label(s, l));
        for (auto s : {S::met, S::unmet, S::pending, S::exempt}) states.insert(label(s, l));
        CHECK(statuses.size() == 4);  // every value has its own, non-empty label
        CHECK(states.size() == 4);
        CHECK_FALSE(statuses.contains(""));
        CHECK_FALSE(states.contains(""));
    }
}
