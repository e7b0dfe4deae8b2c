// Notes between gatherings (docs/rules.md "Notes between gatherings"): interval edges,
// closing, approval, per_interval, accepted kinds and the portfolio.
//
// Trainer 2024 intervals: 1 = (2024-09-19, 2024-11-13], 2 = (2024-11-14, 2025-01-15],
// 3 = (2025-01-16, 2025-03-12].
#include "helpers.hpp"

using namespace smart;
using th::d;
using S = requirement_state;

namespace {

cohort notes_cohort(interval_notes_rule rule = {}) {
    return th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::notes(rule)}));
}

const date after_programme = d("2025-04-30");

std::uint64_t bit(int interval_number) { return std::uint64_t{1} << (interval_number - 1); }

}  // namespace

TEST_CASE("the intervals run from the last day of one gathering to the first day of the next", "[notes]") {
    cohort c = notes_cohort();
    const evaluation e = evaluate(c, after_programme);
    REQUIRE(e.intervals().size() == 3);
    CHECK(e.intervals()[0] == interval{d("2024-09-19"), d("2024-11-13")});
    CHECK(e.intervals()[1] == interval{d("2024-11-14"), d("2025-01-15")});
    CHECK(e.intervals()[2] == interval{d("2025-01-16"), d("2025-03-12")});
    CHECK(e.requirements(0)[0].intervals == 3);
}

TEST_CASE("a note on the last day of a gathering counts for no interval", "[notes][edges]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-09-19")));
    const evaluation e = evaluate(c, d("2024-11-13"));
    const auto r = e.requirements(0)[0];
    CHECK(r.intervals_met == 0);
    CHECK(r.missing_intervals == bit(1));
    CHECK(r.state == S::unmet);
    REQUIRE(e.warnings_of(0).size() == 1);
    CHECK(e.warnings_of(0)[0].kind == warning_kind::note_outside_intervals);
    CHECK(e.warnings_of(0)[0].day == d("2024-09-19"));
}

TEST_CASE("a note on the day after a gathering counts for the following interval", "[notes][edges]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-09-20")));
    const evaluation e = evaluate(c, d("2024-11-13"));
    CHECK(e.requirements(0)[0].intervals_met == 1);
    CHECK(e.requirements(0)[0].missing_intervals == 0);
    CHECK(e.requirements(0)[0].state == S::pending);  // intervals 2 and 3 still open
    CHECK(e.warnings_of(0).empty());
}

TEST_CASE("a note on the first day of the next gathering still counts", "[notes][edges]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-11-13")));
    const evaluation e = evaluate(c, d("2024-11-13"));
    CHECK(e.requirements(0)[0].intervals_met == 1);
    CHECK(e.requirements(0)[0].missing_intervals == 0);
    CHECK(e.warnings_of(0).empty());
}

TEST_CASE("a note on the second day of a two-day gathering counts for no interval", "[notes][edges]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-11-14")));  // last day of gathering 2
    const evaluation e = evaluate(c, after_programme);
    CHECK(e.requirements(0)[0].intervals_met == 0);
    REQUIRE(e.warnings_of(0).size() == 1);
    CHECK(e.warnings_of(0)[0].kind == warning_kind::note_outside_intervals);
    CHECK(e.warnings_of(0)[0].day == d("2024-11-14"));
}

TEST_CASE("after a one-day gathering, the day after its first day counts for the next interval", "[notes][edges]") {
    // leader 2024: g2 is the single day 2024-10-17; interval 1 = (2024-09-05, 2024-10-17],
    // interval 2 = (2024-10-17, 2024-11-28]
    cohort c = th::cohort_with_one(th::programme_of(th::leader_schedule(), {th::notes()}));
    c.add_submission("p1", th::note(d("2024-10-17")));
    c.add_submission("p1", th::note(d("2024-10-18")));
    const evaluation e = evaluate(c, d("2024-11-28"));
    const auto r = e.requirements(0)[0];
    CHECK(r.intervals == 4);
    CHECK(r.intervals_met == 2);
    CHECK(r.missing_intervals == 0);
    CHECK(r.open_intervals == (bit(3) | bit(4)));
    CHECK(e.warnings_of(0).empty());
}

TEST_CASE("a note before the first gathering counts for no interval", "[notes][edges]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-09-01")));
    const evaluation e = evaluate(c, d("2024-10-01"));
    CHECK(e.requirements(0)[0].intervals_met == 0);
    CHECK(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::note_outside_intervals});
}

TEST_CASE("an interval closes at the end of the next gathering's first day", "[notes][closing]") {
    cohort c = notes_cohort();
    SECTION("without a note it is pending the day before and unmet on that day") {
        auto r = evaluate(c, d("2024-11-12")).requirements(0)[0];
        CHECK(r.state == S::pending);
        CHECK(r.open_intervals == (bit(1) | bit(2) | bit(3)));
        CHECK(r.missing_intervals == 0);
        r = evaluate(c, d("2024-11-13")).requirements(0)[0];
        CHECK(r.state == S::unmet);
        CHECK(r.missing_intervals == bit(1));
        CHECK(r.open_intervals == (bit(2) | bit(3)));
    }
    SECTION("a later note cannot reopen a closed interval") {
        c.add_submission("p1", th::note(d("2024-11-20")));
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.missing_intervals == (bit(1) | bit(3)));
        CHECK(r.intervals_met == 1);
        CHECK(r.state == S::unmet);
    }
}

TEST_CASE("the notes requirement is met once every interval has its note", "[notes]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-10-01")));
    c.add_submission("p1", th::doc(submission_kind::practice_blog, d("2024-12-01")));
    CHECK(th::state_of(c, d("2025-02-01")) == S::pending);  // interval 3 open
    c.add_submission("p1", th::doc(submission_kind::practice_document, d("2025-02-01")));
    CHECK(th::state_of(c, d("2025-01-31")) == S::pending);  // the third note is not dated yet
    const auto r = evaluate(c, d("2025-02-01")).requirements(0)[0];
    CHECK(r.state == S::met);  // met before interval 3 closes
    CHECK(r.intervals_met == 3);
    CHECK(r.open_intervals == 0);
}

TEST_CASE("a rejected note never counts", "[notes][status]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-10-01"), submission_status::rejected));
    auto r = evaluate(c, d("2024-11-13")).requirements(0)[0];
    CHECK(r.intervals_met == 0);
    CHECK(r.state == S::unmet);
    SECTION("a revised note in the same interval replaces it") {
        c.add_submission("p1", th::note(d("2024-10-15")));
        r = evaluate(c, d("2024-11-13")).requirements(0)[0];
        CHECK(r.intervals_met == 1);
        CHECK(r.state == S::pending);
    }
}

TEST_CASE("a rejected note does not count even when approval is required", "[notes][status]") {
    interval_notes_rule rule;
    rule.require_approval = true;
    cohort c = notes_cohort(rule);
    c.add_submission("p1", th::note(d("2024-10-01"), submission_status::rejected));
    CHECK(th::state_of(c, d("2024-11-13")) == S::unmet);
}

TEST_CASE("with require_approval only approved notes count", "[notes][status]") {
    interval_notes_rule rule;
    rule.require_approval = true;
    cohort c = notes_cohort(rule);
    c.add_submission("p1", th::note(d("2024-10-01"), submission_status::submitted));
    CHECK(evaluate(c, d("2024-11-13")).requirements(0)[0].intervals_met == 0);
    CHECK(th::state_of(c, d("2024-11-13")) == S::unmet);
    c.add_submission("p1", th::note(d("2024-10-02"), submission_status::approved));
    CHECK(evaluate(c, d("2024-11-13")).requirements(0)[0].intervals_met == 1);
    CHECK(th::state_of(c, d("2024-11-13")) == S::pending);
}

TEST_CASE("without require_approval a submitted note counts", "[notes][status]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-10-01"), submission_status::submitted));
    CHECK(evaluate(c, d("2024-11-13")).requirements(0)[0].intervals_met == 1);
}

TEST_CASE("per_interval 2 needs two notes in each interval", "[notes][per-interval]") {
    interval_notes_rule rule;
    rule.per_interval = 2;
    cohort c = notes_cohort(rule);
    c.add_submission("p1", th::note(d("2024-10-01")));
    c.add_submission("p1", th::note(d("2024-12-01")));
    c.add_submission("p1", th::note(d("2024-12-02")));
    c.add_submission("p1", th::note(d("2025-02-01")));
    c.add_submission("p1", th::note(d("2025-02-02")));
    auto r = evaluate(c, after_programme).requirements(0)[0];
    CHECK(r.intervals_met == 2);
    CHECK(r.missing_intervals == bit(1));
    CHECK(r.state == S::unmet);
    SECTION("a second note in interval 1 completes it") {
        c.add_submission("p1", th::note(d("2024-11-13")));
        r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.intervals_met == 3);
        CHECK(r.state == S::met);
    }
    SECTION("a rejected second note does not") {
        c.add_submission("p1", th::note(d("2024-11-01"), submission_status::rejected));
        CHECK(evaluate(c, after_programme).requirements(0)[0].state == S::unmet);
    }
}

TEST_CASE("only accepted kinds count as notes", "[notes][kinds]") {
    interval_notes_rule rule;
    rule.accepted_kinds = {submission_kind::reflection};
    cohort c = notes_cohort(rule);
    c.add_submission("p1", th::doc(submission_kind::practice_blog, d("2024-10-01")));
    c.add_submission("p1", th::doc(submission_kind::final_text, d("2024-10-02")));
    c.add_submission("p1", th::doc(submission_kind::portfolio, d("2024-10-03")));
    auto e = evaluate(c, d("2024-11-13"));
    CHECK(e.requirements(0)[0].intervals_met == 0);
    CHECK(e.requirements(0)[0].state == S::unmet);
    c.add_submission("p1", th::doc(submission_kind::reflection, d("2024-10-04")));
    e = evaluate(c, d("2024-11-13"));
    CHECK(e.requirements(0)[0].intervals_met == 1);
}

TEST_CASE("by default reflections, practice blogs and practice documents count", "[notes][kinds]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::doc(submission_kind::reflection, d("2024-10-01")));
    c.add_submission("p1", th::doc(submission_kind::practice_blog, d("2024-12-01")));
    c.add_submission("p1", th::doc(submission_kind::practice_document, d("2025-02-01")));
    CHECK(th::state_of(c, after_programme) == S::met);
}

TEST_CASE("a final text dated in an interval is not a note", "[notes][kinds]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::text(d("2024-10-01"), 3, final_category::method));
    CHECK(th::state_of(c, d("2024-11-13")) == S::unmet);
}

TEST_CASE("a note dated after the as-of date is ignored", "[notes][as-of]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-11-13")));
    const auto r = evaluate(c, d("2024-11-12")).requirements(0)[0];
    CHECK(r.intervals_met == 0);
    CHECK(r.state == S::pending);
}

TEST_CASE("the festival and kick-off sessions do not form intervals", "[notes]") {
    auto schedule = th::trainer_schedule();
    schedule.insert(schedule.begin(), th::make_session("kick", session_kind::kick_off, {d("2024-08-28")}));
    cohort c = th::cohort_with_one(th::programme_of(schedule, {th::notes()}));
    c.add_submission("p1", th::note(d("2024-09-01")));  // between kick-off and gathering 1
    c.add_submission("p1", th::note(d("2024-10-01")));
    c.add_submission("p1", th::note(d("2024-12-01")));
    c.add_submission("p1", th::note(d("2025-02-01")));
    c.add_submission("p1", th::note(d("2025-04-01")));  // between gathering 4 and the festival
    const evaluation e = evaluate(c, after_programme);
    REQUIRE(e.intervals().size() == 3);
    CHECK(e.intervals().front().after == d("2024-09-19"));
    CHECK(e.intervals().back().until == d("2025-03-12"));
    CHECK(e.requirements(0)[0].state == S::met);
    // the two notes outside: one warning with the count and the first date
    REQUIRE(e.warnings_of(0).size() == 1);
    CHECK(e.warnings_of(0)[0].kind == warning_kind::note_outside_intervals);
    CHECK(e.warnings_of(0)[0].count == 2);
    CHECK(e.warnings_of(0)[0].day == d("2024-09-01"));
}

TEST_CASE("a schedule with a single gathering has no intervals: the notes rule is rejected", "[notes][vacuous]") {
    // it would be met by nothing (docs/rules.md "Schedules the rules need")
    const std::vector<session> one{th::gathering("g1", {d("2024-09-18")}), th::festival("f", d("2024-10-01"))};
    programme p;
    p.id = "one-gathering";
    p.name.nb = "Én samling";
    p.sessions = one;
    p.requirements = {th::notes()};
    CHECK(th::thrown_by([&] { validate(p); }).pointer() == "/certificate/requirements/0");
    const auto tmpl = th::programme_of({}, {th::notes()});
    CHECK(th::thrown_by([&] { cohort(tmpl, "c1", "Kull", std::nullopt, one); }).pointer() == "/sessions");
}

TEST_CASE("an approved portfolio is needed in addition when the rule says so", "[notes][portfolio]") {
    interval_notes_rule rule;
    rule.accepted_kinds = {submission_kind::practice_document};
    rule.require_portfolio_approval = true;
    cohort c = notes_cohort(rule);
    c.add_submission("p1", th::doc(submission_kind::practice_document, d("2024-10-01")));
    c.add_submission("p1", th::doc(submission_kind::practice_document, d("2024-12-01")));
    c.add_submission("p1", th::doc(submission_kind::practice_document, d("2025-02-01")));

    SECTION("without a portfolio: pending before the last day, unmet from the last day") {
        auto r = evaluate(c, d("2025-04-08")).requirements(0)[0];
        CHECK(r.intervals_met == 3);
        CHECK_FALSE(r.portfolio_approved);
        CHECK(r.state == S::pending);
        CHECK(evaluate(c, d("2025-04-09")).requirements(0)[0].state == S::unmet);
        CHECK(evaluate(c, after_programme).requirements(0)[0].state == S::unmet);
    }
    SECTION("a submitted but not approved portfolio is not enough") {
        c.add_submission("p1", th::doc(submission_kind::portfolio, d("2025-03-20"), submission_status::submitted));
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK_FALSE(r.portfolio_approved);
        CHECK(r.state == S::unmet);
    }
    SECTION("an approved portfolio makes it met from its date") {
        c.add_submission("p1", th::doc(submission_kind::portfolio, d("2025-03-20"), submission_status::approved));
        CHECK(evaluate(c, d("2025-03-19")).requirements(0)[0].state == S::pending);
        const auto r = evaluate(c, d("2025-03-20")).requirements(0)[0];
        CHECK(r.portfolio_approved);
        CHECK(r.state == S::met);
        CHECK(evaluate(c, after_programme).requirements(0)[0].state == S::met);
    }
    SECTION("an approved portfolio does not replace a missing note") {
        cohort other = notes_cohort(rule);
        other.add_submission("p1", th::doc(submission_kind::practice_document, d("2024-10-01")));
        other.add_submission("p1", th::doc(submission_kind::portfolio, d("2025-03-20"), submission_status::approved));
        const auto r = evaluate(other, after_programme).requirements(0)[0];
        CHECK(r.portfolio_approved);
        CHECK(r.missing_intervals == (bit(2) | bit(3)));
        CHECK(r.state == S::unmet);
    }
}

TEST_CASE("an approved portfolio dated after its deadline never counts: unmet stays unmet", "[notes][portfolio][deadline]") {
    interval_notes_rule rule;
    rule.accepted_kinds = {submission_kind::practice_document};
    rule.require_portfolio_approval = true;
    cohort c = notes_cohort(rule);
    for (const char* day : {"2024-10-01", "2024-12-01", "2025-02-01"})
        c.add_submission("p1", th::doc(submission_kind::practice_document, d(day)));
    c.add_submission("p1", th::doc(submission_kind::portfolio, d("2025-04-12"), submission_status::approved));
    CHECK(th::state_of(c, d("2025-04-08")) == S::pending);
    CHECK(th::state_of(c, d("2025-04-09")) == S::unmet);  // the last day: "can no longer be reached"
    for (const char* day : {"2025-04-11", "2025-04-12", "2025-04-30"}) {
        INFO(day);
        const evaluation e = evaluate(c, d(day));
        const auto r = e.requirements(0)[0];
        CHECK(r.state == S::unmet);
        CHECK_FALSE(r.portfolio_approved);
        CHECK(r.deadline == d("2025-04-09"));
    }
    const evaluation e = evaluate(c, d("2025-04-30"));
    REQUIRE(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::late_portfolio});
    CHECK(e.warnings_of(0)[0].day == d("2025-04-12"));
    CHECK(e.describe(e.warnings_of(0)[0], lang::nb) ==
          "Godkjent arbeidsmappe datert 12.4.2025 kom etter fristen og teller ikke");
    CHECK(e.describe(e.warnings_of(0)[0], lang::nn) ==
          "Godkjend arbeidsmappe datert 12.4.2025 kom etter fristen og tel ikkje");
    CHECK(e.describe(e.warnings_of(0)[0], lang::en) ==
          "Approved portfolio dated 12 April 2025 came after the deadline and does not count");
    CHECK(e.explain(0, 0, lang::nb) ==
          "Notat levert for alle 3 mellomperioder; arbeidsmappen er ikke godkjent (frist 9.4.2025)");
    CHECK(evaluate(c, d("2025-04-11")).warnings_of(0).empty());  // not dated yet then
}

TEST_CASE("portfolio_deadline moves the portfolio's deadline", "[notes][portfolio][deadline]") {
    interval_notes_rule rule;
    rule.accepted_kinds = {submission_kind::practice_document};
    rule.require_portfolio_approval = true;
    rule.portfolio_deadline = d("2025-05-15");
    cohort c = notes_cohort(rule);
    for (const char* day : {"2024-10-01", "2024-12-01", "2025-02-01"})
        c.add_submission("p1", th::doc(submission_kind::practice_document, d(day)));
    SECTION("no portfolio: pending until the deadline, unmet from it") {
        CHECK(th::state_of(c, d("2025-04-30")) == S::pending);
        CHECK(th::state_of(c, d("2025-05-14")) == S::pending);
        CHECK(th::state_of(c, d("2025-05-15")) == S::unmet);
        CHECK(evaluate(c, d("2025-05-15")).requirements(0)[0].deadline == d("2025-05-15"));
    }
    SECTION("approved on the deadline day counts") {
        c.add_submission("p1", th::doc(submission_kind::portfolio, d("2025-05-15"), submission_status::approved));
        CHECK(th::state_of(c, d("2025-05-14")) == S::pending);
        CHECK(th::state_of(c, d("2025-05-15")) == S::met);
        CHECK(th::state_of(c, d("2026-01-01")) == S::met);
    }
    SECTION("a deadline before the last interval closes: unmet from the deadline without a portfolio") {
        interval_notes_rule early = rule;
        early.portfolio_deadline = d("2025-03-01");
        cohort e = notes_cohort(early);
        e.add_submission("p1", th::doc(submission_kind::practice_document, d("2024-10-01")));
        e.add_submission("p1", th::doc(submission_kind::practice_document, d("2024-12-01")));
        CHECK(th::state_of(e, d("2025-02-28")) == S::pending);
        CHECK(th::state_of(e, d("2025-03-01")) == S::unmet);  // interval 3 still open, but the portfolio is late
        CHECK(th::state_of(e, d("2025-04-30")) == S::unmet);
    }
}

TEST_CASE("portfolio_deadline needs require_portfolio_approval and is read and written", "[notes][portfolio][json]") {
    interval_notes_rule rule;
    rule.portfolio_deadline = d("2025-05-15");
    programme p;
    p.id = "x";
    p.name.nb = "X";
    p.sessions = th::trainer_schedule();
    p.requirements = {th::notes(rule)};
    const error e = th::thrown_by([&] { validate(p); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/certificate/requirements/0/portfolio_deadline");

    rule.require_portfolio_approval = true;
    p.requirements = {th::notes(rule)};
    validate(p);
    const std::string text = save_programme(p);
    CHECK_THAT(text, Catch::Matchers::Contains("\"portfolio_deadline\": \"2025-05-15\""));
    const programme back = load_programme(text);
    CHECK(back == p);
    CHECK(std::get<interval_notes_rule>(back.requirements[0].rule).portfolio_deadline == d("2025-05-15"));
    // absent: no deadline of its own
    rule.portfolio_deadline.reset();
    p.requirements = {th::notes(rule)};
    CHECK(save_programme(p).find("portfolio_deadline") == std::string::npos);
}

TEST_CASE("notes outside the intervals are reported in one warning with their count", "[notes][warnings]") {
    cohort c = notes_cohort();
    c.add_submission("p1", th::note(d("2024-09-19")));
    c.add_submission("p1", th::note(d("2025-03-20")));
    const evaluation e = evaluate(c, after_programme);
    CHECK(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::note_outside_intervals});
    CHECK(e.warnings_of(0)[0].count == 2);
    CHECK(e.warnings_of(0)[0].day == d("2024-09-19"));
    // a note outside the intervals dated after the as-of date is not reported yet
    REQUIRE(evaluate(c, d("2025-03-19")).warnings_of(0).size() == 1);
    CHECK(evaluate(c, d("2025-03-19")).warnings_of(0)[0].count == 1);
}

namespace {
std::vector<session> weekly_gatherings(int n) {
    std::vector<session> out;
    date day = d("2024-01-01");
    for (int i = 0; i < n; ++i, day += boost::gregorian::days(7))
        out.push_back(th::gathering("g" + std::to_string(i + 1), {day}));
    return out;
}
}  // namespace

TEST_CASE("a long schedule of 64 gatherings tracks all 63 intervals", "[notes][limits]") {
    const auto schedule = weekly_gatherings(64);
    cohort c = th::cohort_with_one(th::programme_of(schedule, {th::notes()}));
    for (std::size_t i = 0; i + 1 < schedule.size(); ++i)
        if (i != 62) c.add_submission("p1", th::note(schedule[i].first_day() + boost::gregorian::days(1)));
    auto r = evaluate(c, schedule.back().first_day()).requirements(0)[0];
    CHECK(r.intervals == 63);
    CHECK(r.intervals_met == 62);
    CHECK(r.missing_intervals == bit(63));  // only the last one
    CHECK(r.state == S::unmet);
    c.add_submission("p1", th::note(schedule.back().first_day()));
    r = evaluate(c, schedule.back().first_day()).requirements(0)[0];
    CHECK(r.state == S::met);
}

TEST_CASE("a schedule with more gatherings than the notes rule supports is rejected", "[notes][limits]") {
    // the programme's own schedule when it is validated ...
    programme p;
    p.id = "weekly";
    p.name.nb = "Ukentlig";
    p.sessions = weekly_gatherings(66);
    p.requirements = {th::notes()};
    const error pe = th::thrown_by([&] { validate(p); });
    CHECK(pe.code() == errc::validation_error);
    CHECK(pe.pointer() == "/sessions");
    // ... and a cohort's own schedule when the cohort is built
    const error e = th::thrown_by([&] { cohort(th::programme_of({}, {th::notes()}), "c1", "Kull", std::nullopt, weekly_gatherings(66)); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
    // without the notes rule the same schedule is fine
    CHECK(cohort(th::programme_of(weekly_gatherings(66), {th::attendance()}), "c1", "Kull").days().size() == 66);
}

TEST_CASE("notes awaiting approval are counted but do not fill an interval", "[notes][status]") {
    interval_notes_rule rule;
    rule.require_approval = true;
    cohort c = notes_cohort(rule);
    c.add_submission("p1", th::note(d("2024-10-01"), submission_status::submitted));
    c.add_submission("p1", th::note(d("2024-12-01"), submission_status::submitted));
    c.add_submission("p1", th::note(d("2024-12-02"), submission_status::rejected));   // never counts
    c.add_submission("p1", th::note(d("2024-11-14"), submission_status::submitted));  // in no interval
    const evaluation e = evaluate(c, d("2024-12-31"));
    const auto r = e.requirements(0)[0];
    CHECK(r.awaiting_approval == 2);
    CHECK(r.intervals_met == 0);
    CHECK(r.state == S::unmet);
    CHECK(th::warning_kinds(e) == std::vector<warning_kind>{warning_kind::note_outside_intervals});
    SECTION("without require_approval nothing is awaiting") {
        cohort plain = notes_cohort();
        plain.add_submission("p1", th::note(d("2024-10-01"), submission_status::submitted));
        CHECK(evaluate(plain, d("2024-12-31")).requirements(0)[0].awaiting_approval == 0);
    }
}
