// The final text and festival rules (docs/rules.md "Final text", "Festival").
#include "helpers.hpp"

using namespace smart;
using th::d;
using S = requirement_state;
using A = attendance_status;

namespace {

cohort final_text_cohort(final_text_rule rule = {}) {
    return th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::final_text(rule)}));
}

final_text_rule two_to_three_pages() {
    final_text_rule rule;
    rule.min_pages = 2;
    rule.max_pages = 3;
    return rule;
}

cohort festival_cohort(festival_rule rule = {}) {
    return th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::festival_req(rule)}));
}

const date festival_day = d("2025-04-09");

}  // namespace

// --- final text -----------------------------------------------------------------------

TEST_CASE("without a final text the requirement is pending until the last session day, then unmet", "[final-text]") {
    cohort c = final_text_cohort();
    auto r = evaluate(c, d("2025-04-08")).requirements(0)[0];
    CHECK(r.state == S::pending);
    CHECK(r.deadline == festival_day);  // default deadline: the cohort's last day (the festival)
    CHECK(th::state_of(c, festival_day) == S::unmet);
    CHECK(th::state_of(c, d("2025-12-31")) == S::unmet);
}

TEST_CASE("a final text dated on the deadline counts", "[final-text]") {
    cohort c = final_text_cohort();
    c.add_submission("p1", th::text(festival_day, 2));
    const auto r = evaluate(c, festival_day).requirements(0)[0];
    CHECK(r.state == S::met);
    CHECK(r.on == festival_day);
    CHECK(r.pages == 2);
}

TEST_CASE("a final text is met from its date, before the deadline", "[final-text]") {
    cohort c = final_text_cohort();
    c.add_submission("p1", th::text(d("2025-02-01"), 3));
    CHECK(th::state_of(c, d("2025-01-31")) == S::pending);  // dated after the as-of date: ignored
    CHECK(th::state_of(c, d("2025-02-01")) == S::met);
}

TEST_CASE("an explicit deadline replaces the last session day", "[final-text][deadline]") {
    final_text_rule rule;
    rule.deadline = d("2025-03-31");
    cohort c = final_text_cohort(rule);
    CHECK(th::state_of(c, d("2025-03-30")) == S::pending);
    CHECK(th::state_of(c, d("2025-03-31")) == S::unmet);
    CHECK(evaluate(c, d("2025-03-30")).requirements(0)[0].deadline == d("2025-03-31"));
    SECTION("a text on that deadline counts") {
        c.add_submission("p1", th::text(d("2025-03-31")));
        CHECK(th::state_of(c, d("2025-03-31")) == S::met);
    }
}

TEST_CASE("a late final text does not count and warns", "[final-text][late]") {
    final_text_rule rule;
    rule.deadline = d("2025-03-31");
    cohort c = final_text_cohort(rule);
    c.add_submission("p1", th::text(d("2025-04-01"), 2));
    const evaluation e = evaluate(c, d("2025-04-30"));
    CHECK(e.requirements(0)[0].state == S::unmet);
    REQUIRE(e.warnings_of(0).size() == 1);
    CHECK(e.warnings_of(0)[0].kind == warning_kind::late_final_text);
    CHECK(e.warnings_of(0)[0].day == d("2025-04-01"));
}

TEST_CASE("a late final text never turns unmet into met", "[final-text][late]") {
    cohort c = final_text_cohort();  // deadline: the festival day
    CHECK(th::state_of(c, festival_day) == S::unmet);
    c.add_submission("p1", th::text(d("2025-04-22"), 3, final_category::method, submission_status::approved));
    for (const char* as_of : {"2025-04-21", "2025-04-22", "2025-06-30", "2026-04-09"}) {
        INFO(as_of);
        CHECK(th::state_of(c, d(as_of)) == S::unmet);
    }
    CHECK(th::warning_kinds(evaluate(c, d("2025-04-22"))) == std::vector<warning_kind>{warning_kind::late_final_text});
    CHECK(evaluate(c, d("2025-04-21")).warnings_of(0).empty());  // not dated yet then
}

TEST_CASE("a final text outside the page range does not count and warns with its page count",
          "[final-text][pages]") {
    cohort c = final_text_cohort(two_to_three_pages());
    SECTION("1 page is too short") {
        c.add_submission("p1", th::text(d("2025-04-02"), 1));
        const evaluation e = evaluate(c, d("2025-04-30"));
        CHECK(e.requirements(0)[0].state == S::unmet);
        REQUIRE(e.warnings_of(0).size() == 1);
        CHECK(e.warnings_of(0)[0].kind == warning_kind::pages_out_of_range);
        CHECK(e.warnings_of(0)[0].day == d("2025-04-02"));
        CHECK(e.warnings_of(0)[0].pages == 1);
    }
    SECTION("4 pages is too long") {
        c.add_submission("p1", th::text(d("2025-04-02"), 4));
        const evaluation e = evaluate(c, d("2025-04-30"));
        CHECK(e.requirements(0)[0].state == S::unmet);
        CHECK(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::pages_out_of_range});
        CHECK(e.warnings_of(0)[0].pages == 4);
    }
    SECTION("2 and 3 pages are inside") {
        c.add_submission("p1", th::text(d("2025-04-02"), 2));
        CHECK(th::state_of(c, d("2025-04-30")) == S::met);
        cohort other = final_text_cohort(two_to_three_pages());
        other.add_submission("p1", th::text(d("2025-04-02"), 3));
        CHECK(th::state_of(other, d("2025-04-30")) == S::met);
    }
    SECTION("a later text inside the range still counts before the deadline") {
        c.add_submission("p1", th::text(d("2025-04-02"), 1));
        c.add_submission("p1", th::text(d("2025-04-05"), 2));
        const evaluation e = evaluate(c, d("2025-04-30"));
        CHECK(e.requirements(0)[0].state == S::met);
        CHECK(e.requirements(0)[0].on == d("2025-04-05"));
        CHECK(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::pages_out_of_range});
    }
}

TEST_CASE("a final text with no recorded page count is accepted under a page range", "[final-text][pages]") {
    cohort c = final_text_cohort(two_to_three_pages());
    c.add_submission("p1", th::text(d("2025-04-02")));
    const evaluation e = evaluate(c, d("2025-04-30"));
    CHECK(e.requirements(0)[0].state == S::met);
    CHECK(e.requirements(0)[0].pages == 0);  // not recorded
    CHECK(e.warnings_of(0).empty());
}

TEST_CASE("a minimum alone or a maximum alone bounds only that side", "[final-text][pages]") {
    final_text_rule at_least_two;
    at_least_two.min_pages = 2;
    cohort c = final_text_cohort(at_least_two);
    c.add_submission("p1", th::text(d("2025-04-02"), 40));
    CHECK(th::state_of(c, d("2025-04-30")) == S::met);
    final_text_rule at_most_three;
    at_most_three.max_pages = 3;
    cohort c2 = final_text_cohort(at_most_three);
    c2.add_submission("p1", th::text(d("2025-04-02"), 4));
    CHECK(th::state_of(c2, d("2025-04-30")) == S::unmet);
}

TEST_CASE("a final text with no recorded category is accepted under a category list", "[final-text][category]") {
    final_text_rule rule;
    rule.categories = {final_category::method};
    cohort c = final_text_cohort(rule);
    c.add_submission("p1", th::text(d("2025-04-02"), 2, final_category::none));
    const evaluation e = evaluate(c, d("2025-04-30"));
    CHECK(e.requirements(0)[0].state == S::met);
    CHECK(e.warnings().empty());
}

TEST_CASE("a final text's category must be one the rule lists", "[final-text][category]") {
    final_text_rule rule;
    rule.categories = {final_category::method, final_category::results};
    cohort c = final_text_cohort(rule);
    c.add_submission("p1", th::text(d("2025-04-02"), 2, final_category::insight));
    evaluation e = evaluate(c, d("2025-04-30"));
    CHECK(e.requirements(0)[0].state == S::unmet);
    CHECK(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::category_not_accepted});
    c.add_submission("p1", th::text(d("2025-04-03"), 2, final_category::results));
    e = evaluate(c, d("2025-04-30"));
    CHECK(e.requirements(0)[0].state == S::met);
    CHECK(e.requirements(0)[0].on == d("2025-04-03"));
}

TEST_CASE("with no categories listed any category counts", "[final-text][category]") {
    for (final_category cat : {final_category::none, final_category::method, final_category::results,
                               final_category::problem, final_category::insight, final_category::other}) {
        INFO(to_string(cat));
        cohort c = final_text_cohort();
        c.add_submission("p1", th::text(d("2025-04-02"), 2, cat));
        CHECK(th::state_of(c, d("2025-04-30")) == S::met);
    }
}

TEST_CASE("a rejected final text never counts", "[final-text][status]") {
    cohort c = final_text_cohort();
    c.add_submission("p1", th::text(d("2025-04-02"), 2, final_category::method, submission_status::rejected));
    CHECK(th::state_of(c, d("2025-04-30")) == S::unmet);
}

TEST_CASE("with require_approval only an approved final text counts", "[final-text][status]") {
    final_text_rule rule;
    rule.require_approval = true;
    cohort c = final_text_cohort(rule);
    c.add_submission("p1", th::text(d("2025-04-02"), 2, final_category::method, submission_status::submitted));
    CHECK(th::state_of(c, d("2025-04-08")) == S::pending);
    CHECK(th::state_of(c, d("2025-04-30")) == S::unmet);
    c.add_submission("p1", th::text(d("2025-04-03"), 2, final_category::method, submission_status::approved));
    CHECK(th::state_of(c, d("2025-04-30")) == S::met);
}

TEST_CASE("a final text awaiting approval is counted as such and keeps the requirement pending", "[final-text][status]") {
    final_text_rule rule;
    rule.require_approval = true;
    cohort c = final_text_cohort(rule);
    c.add_submission("p1", th::text(d("2025-04-02"), 2, final_category::method, submission_status::submitted));
    const auto r = evaluate(c, d("2025-04-05")).requirements(0)[0];
    CHECK(r.awaiting_approval == 1);
    CHECK(r.state == S::pending);
    CHECK(evaluate(c, d("2025-04-01")).requirements(0)[0].awaiting_approval == 0);  // not dated yet
}

// --- festival -------------------------------------------------------------------------

TEST_CASE("festival participation is pending before the festival day", "[festival]") {
    cohort c = festival_cohort();
    c.set_attendance("p1", festival_day, A::present);  // recorded ahead: ignored
    const auto r = evaluate(c, d("2025-04-08")).requirements(0)[0];
    CHECK(r.state == S::pending);
    CHECK(r.deadline == festival_day);
}

TEST_CASE("festival participation is met when present or late on the festival day", "[festival]") {
    for (A status : {A::present, A::late}) {
        INFO(to_string(status));
        cohort c = festival_cohort();
        c.set_attendance("p1", festival_day, status);
        const auto r = evaluate(c, festival_day).requirements(0)[0];
        CHECK(r.state == S::met);
        CHECK(r.on == festival_day);
    }
}

TEST_CASE("festival participation is unmet from the festival day without presence", "[festival]") {
    for (A status : {A::absent, A::excused, A::unrecorded}) {
        INFO(to_string(status));
        cohort c = festival_cohort();
        c.set_attendance("p1", d("2024-09-18"), A::present);
        if (status != A::unrecorded) c.set_attendance("p1", festival_day, status);
        CHECK(th::state_of(c, festival_day) == S::unmet);
        CHECK(th::state_of(c, d("2025-04-30")) == S::unmet);
    }
    cohort nothing = festival_cohort();  // no records at all
    CHECK(th::state_of(nothing, d("2025-04-30")) == S::unmet);
}

TEST_CASE("a festival over two days is pending until the end of its last day", "[festival]") {
    auto schedule = th::trainer_schedule();
    schedule.back().days = {d("2025-04-09"), d("2025-04-10")};
    cohort c = th::cohort_with_one(th::programme_of(schedule, {th::festival_req()}));
    c.set_attendance("p1", d("2025-04-09"), A::absent);
    CHECK(th::state_of(c, d("2025-04-09")) == S::pending);
    SECTION("present on the second day") {
        c.set_attendance("p1", d("2025-04-10"), A::present);
        const auto r = evaluate(c, d("2025-04-10")).requirements(0)[0];
        CHECK(r.state == S::met);
        CHECK(r.on == d("2025-04-10"));
    }
    SECTION("absent on both days") {
        c.set_attendance("p1", d("2025-04-10"), A::absent);
        CHECK(th::state_of(c, d("2025-04-10")) == S::unmet);
    }
}

TEST_CASE("with roles listed, presence in another role does not count and warns", "[festival][roles]") {
    festival_rule rule;
    rule.roles = {festival_role::exhibition, festival_role::workshop};
    cohort c = festival_cohort(rule);
    c.set_attendance("p1", festival_day, A::present);
    SECTION("process leader is not listed") {
        c.set_festival_role("p1", festival_role::process_leader);
        const evaluation e = evaluate(c, d("2025-04-30"));
        CHECK(e.requirements(0)[0].state == S::unmet);
        CHECK(e.requirements(0)[0].role == festival_role::process_leader);
        REQUIRE(e.warnings_of(0).size() == 1);
        CHECK(e.warnings_of(0)[0].kind == warning_kind::festival_role_not_accepted);
        CHECK(e.warnings_of(0)[0].day == festival_day);
    }
    SECTION("no role at all is not an accepted role") {
        const evaluation e = evaluate(c, d("2025-04-30"));
        CHECK(e.requirements(0)[0].state == S::unmet);
        CHECK(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::festival_role_not_accepted});
    }
    SECTION("a listed role counts") {
        c.set_festival_role("p1", festival_role::workshop);
        const evaluation e = evaluate(c, d("2025-04-30"));
        CHECK(e.requirements(0)[0].state == S::met);
        CHECK(e.requirements(0)[0].role == festival_role::workshop);
        CHECK(e.warnings_of(0).empty());
    }
}

TEST_CASE("with no roles listed any recorded presence counts", "[festival][roles]") {
    for (festival_role role : {festival_role::none, festival_role::exhibition, festival_role::workshop,
                               festival_role::process_leader}) {
        cohort c = festival_cohort();
        c.set_attendance("p1", festival_day, A::present);
        c.set_festival_role("p1", role);
        CHECK(th::state_of(c, festival_day) == S::met);
    }
}

TEST_CASE("an exempt festival requirement is exempt whatever was recorded", "[festival][exemption]") {
    cohort c = festival_cohort();
    c.set_attendance("p1", festival_day, A::excused);
    c.add_exemption("p1", {"festival", "Sykdom på festivaldagen", "Koordinator", d("2025-04-01")});
    for (const char* as_of : {"2025-04-01", "2025-04-09", "2025-04-30"}) {
        INFO(as_of);
        const evaluation e = evaluate(c, d(as_of));
        CHECK(e.requirements(0)[0].state == S::exempt);
        CHECK(e.result(0).status == overall_status::eligible);
    }
    SECTION("an exemption dated after the as-of date does not apply yet") {
        const evaluation e = evaluate(c, d("2025-03-31"));
        CHECK(e.requirements(0)[0].state == S::pending);
        CHECK(e.result(0).status == overall_status::in_progress);
    }
    SECTION("withdrawing the exemption brings the rule back") {
        c.remove_exemption("p1", "festival");
        CHECK(th::state_of(c, d("2025-04-30")) == S::unmet);
    }
}

TEST_CASE("a final text's explanation says which rule it failed", "[final-text][wording]") {
    final_text_rule rule = two_to_three_pages();
    rule.deadline = d("2025-03-31");
    rule.categories = {final_category::method};
    const date after = d("2025-04-30");
    auto explain = [&](std::optional<submission> s, lang l) {
        cohort c = final_text_cohort(rule);
        if (s) c.add_submission("p1", *s);
        return evaluate(c, after).explain(0, 0, l);
    };
    const std::string missing = explain(std::nullopt, lang::nb);
    CHECK(missing.find("mangler") != std::string::npos);

    const std::string rejected = explain(th::text(d("2025-03-01"), 2, final_category::none, submission_status::rejected), lang::nb);
    CHECK(rejected.find("avvist") != std::string::npos);
    CHECK(rejected.find("mangler") == std::string::npos);
    CHECK(explain(th::text(d("2025-03-01"), 2, final_category::none, submission_status::rejected), lang::en)
              .find("rejected") != std::string::npos);

    const std::string late = explain(th::text(d("2025-04-02"), 2), lang::en);
    CHECK(late.find("after the deadline") != std::string::npos);
    CHECK(late.find("2 April 2025") != std::string::npos);
    CHECK(explain(th::text(d("2025-04-02"), 2), lang::nn).find("etter fristen") != std::string::npos);

    const std::string pages = explain(th::text(d("2025-03-01"), 1), lang::en);
    CHECK(pages.find("with 1 page, outside 2–3 pages") != std::string::npos);
    CHECK(explain(th::text(d("2025-03-01"), 1), lang::nb).find("med 1 side, utenfor 2–3 sider") != std::string::npos);

    const std::string category = explain(th::text(d("2025-03-01"), 2, final_category::results), lang::en);
    CHECK(category.find("in the category") != std::string::npos);
    CHECK(category.find("not accepted") != std::string::npos);
    for (const std::string& s : {rejected, late, pages, category}) CHECK(s.find("missing") == std::string::npos);

    // still pending, a rejected text: not "not submitted yet"
    cohort c = final_text_cohort(rule);
    c.add_submission("p1", th::text(d("2025-03-01"), 2, final_category::none, submission_status::rejected));
    const std::string pending = evaluate(c, d("2025-03-10")).explain(0, 0, lang::en);
    CHECK(pending.find("No final text that counts yet") != std::string::npos);
    CHECK(pending.find("rejected") != std::string::npos);
}
