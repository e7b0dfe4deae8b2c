// Warnings cannot blow up (issue #10): a repeated warning is reported once per participant
// and kind, with a count and its first (earliest) day, so an evaluation's size is bounded
// by participants x kinds whatever the schedule or the number of documents.
#include <nlohmann/json.hpp>

#include <set>

#include "helpers.hpp"

using namespace smart;
using th::d;
using Catch::Matchers::Contains;
using A = attendance_status;

namespace {

const date after_programme = d("2025-04-30");

std::shared_ptr<const programme> everything_programme(final_text_rule text = {}, festival_rule fest = {}) {
    return th::programme_of(th::trainer_schedule(),
                            {th::attendance(), th::notes(), th::final_text(text), th::festival_req(fest)});
}

/// The participant's warning of `kind`; fails the test when there is none or several.
warning only_warning(const evaluation& e, warning_kind kind, std::size_t who = 0) {
    std::vector<warning> found;
    for (const auto& w : e.warnings_of(who))
        if (w.kind == kind) found.push_back(w);
    REQUIRE(found.size() == 1);
    return found.front();
}

/// Every participant has at most one warning of each kind.
void check_one_per_kind(const evaluation& e) {
    for (std::size_t i = 0; i < e.size(); ++i) {
        std::set<warning_kind> kinds;
        for (const auto& w : e.warnings_of(i)) {
            CHECK(w.participant == i);
            CHECK(w.count >= 1);
            CHECK(kinds.insert(w.kind).second);
        }
    }
}

}  // namespace

TEST_CASE("unrecorded days give one warning with their count and the first day", "[warnings][aggregate]") {
    cohort c = th::cohort_with_one(everything_programme());
    const auto days = th::trainer_days();
    SECTION("no record at all") {
        const evaluation e = evaluate(c, after_programme);
        const warning w = only_warning(e, warning_kind::unrecorded_day);
        CHECK(w.count == 8);
        CHECK(w.day == days[0]);
        CHECK(w.count == e.requirements(0)[0].unrecorded_days);
        // as of the third day: three so far
        const warning early = only_warning(evaluate(c, days[2]), warning_kind::unrecorded_day);
        CHECK(early.count == 3);
        CHECK(early.day == days[0]);
    }
    SECTION("some days recorded") {
        th::record(c, "p1", {days[0], days[1], days[3], days[6]}, A::present);
        const warning w = only_warning(evaluate(c, after_programme), warning_kind::unrecorded_day);
        CHECK(w.count == 4);  // days 3, 5, 6, 8
        CHECK(w.day == days[2]);
    }
    SECTION("a single unrecorded day keeps count 1") {
        th::record(c, "p1", days, A::present);
        c.set_attendance("p1", days[5], A::unrecorded);
        const warning w = only_warning(evaluate(c, after_programme), warning_kind::unrecorded_day);
        CHECK(w.count == 1);
        CHECK(w.day == days[5]);
    }
}

TEST_CASE("notes outside the intervals give one warning dated by the earliest", "[warnings][aggregate]") {
    cohort c = th::cohort_with_one(everything_programme());
    // recorded out of date order: the warning names the earliest
    c.add_submission("p1", th::note(d("2025-03-20")));
    c.add_submission("p1", th::note(d("2024-09-01")));
    c.add_submission("p1", th::note(d("2024-11-14")));
    c.add_submission("p1", th::note(d("2024-10-01")));  // in interval 1: no warning
    const evaluation e = evaluate(c, after_programme);
    const warning w = only_warning(e, warning_kind::note_outside_intervals);
    CHECK(w.count == 3);
    CHECK(w.day == d("2024-09-01"));
    // as of a date before the latest: only what is dated by then
    const warning early = only_warning(evaluate(c, d("2025-01-01")), warning_kind::note_outside_intervals);
    CHECK(early.count == 2);
}

TEST_CASE("final texts with the same problem give one warning each kind", "[warnings][aggregate]") {
    final_text_rule rule;
    rule.min_pages = 2;
    rule.max_pages = 3;
    rule.categories = {final_category::method, final_category::results};
    cohort c = th::cohort_with_one(everything_programme(rule));
    c.add_submission("p1", th::text(d("2025-04-03"), 7));
    c.add_submission("p1", th::text(d("2025-04-02"), 1));
    c.add_submission("p1", th::text(d("2025-03-01"), 2, final_category::insight));
    c.add_submission("p1", th::text(d("2025-02-01"), 2, final_category::problem));
    c.add_submission("p1", th::text(d("2025-04-20"), 2));
    c.add_submission("p1", th::text(d("2025-04-15"), 2));
    const evaluation e = evaluate(c, after_programme);
    const warning pages = only_warning(e, warning_kind::pages_out_of_range);
    CHECK(pages.count == 2);
    CHECK(pages.day == d("2025-04-02"));
    CHECK(pages.pages == 1);  // the earliest one's page count
    const warning category = only_warning(e, warning_kind::category_not_accepted);
    CHECK(category.count == 2);
    CHECK(category.day == d("2025-02-01"));
    const warning late = only_warning(e, warning_kind::late_final_text);
    CHECK(late.count == 2);
    CHECK(late.day == d("2025-04-15"));
    check_one_per_kind(e);
}

TEST_CASE("a present festival participant in a role not accepted gets one warning with count 1",
          "[warnings][aggregate]") {
    festival_rule rule;
    rule.roles = {festival_role::exhibition};
    cohort c = th::cohort_with_one(everything_programme({}, rule));
    c.set_attendance("p1", th::trainer_festival_day, A::present);
    c.set_festival_role("p1", festival_role::workshop);
    const warning w = only_warning(evaluate(c, after_programme), warning_kind::festival_role_not_accepted);
    CHECK(w.count == 1);
}

TEST_CASE("an aggregated warning is described with its count and first day", "[warnings][explain]") {
    cohort c = th::cohort_with_one(everything_programme());
    c.set_attendance("p1", d("2024-09-19"), A::present);
    const evaluation e = evaluate(c, d("2024-11-13"));  // 2024-09-18 and 2024-11-13 unrecorded
    const warning w = only_warning(e, warning_kind::unrecorded_day);
    REQUIRE(w.count == 2);
    CHECK(e.describe(w, lang::nb) == "Ingen registrering for 2 dager, den første 18.9.2024: regnes som fravær");
    CHECK(e.describe(w, lang::nn) == "Inga registrering for 2 dagar, den første 18.9.2024: blir rekna som fråvær");
    CHECK(e.describe(w, lang::en) == "No record for 2 days, the first on 18 September 2024: counted as absent");

    c.add_submission("p1", th::note(d("2024-09-01")));
    c.add_submission("p1", th::note(d("2024-09-02")));
    c.add_submission("p1", th::note(d("2024-09-03")));
    const evaluation e2 = evaluate(c, d("2024-11-13"));
    const warning n = only_warning(e2, warning_kind::note_outside_intervals);
    CHECK(e2.describe(n, lang::nb) ==
          "3 notater ligger utenfor alle mellomperioder og teller ikke (det første datert 1.9.2024)");
    CHECK(e2.describe(n, lang::nn) ==
          "3 notat ligg utanfor alle mellomperiodane og tel ikkje (det første datert 1.9.2024)");
    CHECK(e2.describe(n, lang::en) ==
          "3 notes fall in no period between gatherings and do not count (the first dated 1 September 2024)");
}

TEST_CASE("every aggregated warning kind names its count in each language", "[warnings][explain]") {
    final_text_rule rule;
    rule.min_pages = 2;
    rule.max_pages = 3;
    rule.categories = {final_category::method};
    cohort c = th::cohort_with_one(everything_programme(rule));
    for (const char* day : {"2025-04-01", "2025-04-02"}) {
        c.add_submission("p1", th::text(d(day), 9));
        c.add_submission("p1", th::text(d(day), 2, final_category::other));
    }
    c.add_submission("p1", th::text(d("2025-04-10"), 2));
    c.add_submission("p1", th::text(d("2025-04-11"), 2));
    const evaluation e = evaluate(c, after_programme);
    for (warning_kind k :
         {warning_kind::pages_out_of_range, warning_kind::category_not_accepted, warning_kind::late_final_text}) {
        const warning w = only_warning(e, k);
        REQUIRE(w.count == 2);
        INFO(to_string(k));
        CHECK_THAT(e.describe(w, lang::nb), Contains("2 avsluttende tekster") && Contains("den første datert"));
        CHECK_THAT(e.describe(w, lang::nn), Contains("2 avsluttande tekstar") && Contains("den første datert"));
        CHECK_THAT(e.describe(w, lang::en), Contains("2 final texts") && Contains("the first dated"));
    }
    CHECK_THAT(e.describe(only_warning(e, warning_kind::pages_out_of_range), lang::nb),
               Contains("1.4.2025, 9 sider") && Contains("2–3"));
    CHECK_THAT(e.describe(only_warning(e, warning_kind::late_final_text), lang::en),
               Contains("10 April 2025"));
}

TEST_CASE("the evaluation document gives each warning's count", "[warnings][json]") {
    cohort c = th::cohort_with_one(everything_programme());
    c.add_participant(th::person("p2"));
    th::record(c, "p2", th::trainer_days(), A::present);
    c.set_attendance("p2", d("2025-01-16"), A::unrecorded);
    const evaluation e = evaluate(c, after_programme);
    const auto doc = nlohmann::json::parse(evaluation_to_json(e, c));
    const auto& w1 = doc.at("participants")[0].at("warnings");
    REQUIRE(w1.size() == 1);
    CHECK(w1[0].at("kind") == "unrecorded_day");
    CHECK(w1[0].at("date") == "2024-09-18");
    CHECK(w1[0].at("count") == 8);
    CHECK(w1[0].at("message").at("en") ==
          "No record for 8 days, the first on 18 September 2024: counted as absent");
    const auto& w2 = doc.at("participants")[1].at("warnings");
    REQUIRE(w2.size() == 1);
    CHECK(w2[0].at("count") == 1);
    CHECK(w2[0].at("date") == "2025-01-16");
}

TEST_CASE("a 65,535-day schedule gives one warning per participant and kind", "[warnings][limits]") {
    // 60 gatherings of 1,000 consecutive days and a last gathering of 5,534 days, then one
    // festival day: 65,535 session days. Nobody has an attendance record, everybody has
    // notes outside the intervals, late and short final texts.
    std::vector<session> schedule;
    date day = d("1900-01-01");
    for (int g = 0; g < 61; ++g) {
        std::vector<date> days;
        const int n = g < 60 ? 1000 : 5534;
        for (int i = 0; i < n; ++i, day += boost::gregorian::days(1)) days.push_back(day);
        day += boost::gregorian::days(1);  // a day between gatherings
        schedule.push_back(th::gathering("g" + std::to_string(g + 1), std::move(days)));
    }
    schedule.push_back(th::festival("festival", day));
    final_text_rule text;
    text.min_pages = 2;
    text.max_pages = 3;
    const auto prog =
        th::programme_of(schedule, {th::attendance(), th::notes(), th::final_text(text), th::festival_req()});
    cohort c(prog, "huge", "Stort kull");
    REQUIRE(c.days().size() == 65535);
    const std::size_t people = 20;
    for (std::size_t i = 0; i < people; ++i) {
        participant p = th::person("p" + std::to_string(i));
        for (int k = 0; k < 200; ++k) {
            p.submissions.push_back(th::note(schedule[1].days[static_cast<std::size_t>(k) + 1]));  // inside g2
            p.submissions.push_back(th::text(schedule[3].days[static_cast<std::size_t>(k)], 9));
            p.submissions.push_back(th::text(day + boost::gregorian::days(k + 1), 2));  // after the deadline
        }
        c.add_participant(std::move(p));
    }
    const evaluation e = evaluate(c, day + boost::gregorian::days(365));
    CHECK(e.warnings().size() == people * 4);
    check_one_per_kind(e);
    for (std::size_t i = 0; i < people; ++i) {
        const auto ws = e.warnings_of(i);
        REQUIRE(ws.size() == 4);
        CHECK(ws[0].kind == warning_kind::unrecorded_day);
        CHECK(ws[0].count == 65534);
        CHECK(ws[0].day == d("1900-01-01"));
        for (std::size_t k = 1; k < 4; ++k) CHECK(ws[k].count == 200);
    }
}
