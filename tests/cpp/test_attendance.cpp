// The attendance rule (docs/rules.md "Attendance"): exact thresholds, weights, unrecorded
// days, as-of dates and the at-risk flag.
#include "helpers.hpp"

using namespace smart;
using th::d;
using S = requirement_state;
using A = attendance_status;

namespace {

cohort trainer_attendance_cohort(attendance_rule rule = {}) {
    return th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::attendance(rule)}));
}

/// Records the statuses on the trainer programme's 8 days, in order.
void record_days(cohort& c, const std::vector<A>& statuses) {
    const auto days = th::trainer_days();
    for (std::size_t i = 0; i < statuses.size(); ++i) c.set_attendance("p1", days[i], statuses[i]);
}

const date after_programme = d("2025-04-30");

}  // namespace

TEST_CASE("attendance becomes met on the day attended days reach the bar", "[attendance]") {
    cohort c = trainer_attendance_cohort();
    record_days(c, {A::present, A::present, A::present, A::present, A::present, A::present, A::present, A::absent});
    const auto days = th::trainer_days();
    CHECK(th::state_of(c, days[5]) == S::pending);  // 6 of 8 so far, 6.4 needed
    CHECK(th::state_of(c, days[6]) == S::met);      // 7th day: met before the programme ends
    CHECK(th::state_of(c, days[7]) == S::met);      // missing the last day changes nothing
    CHECK(th::state_of(c, after_programme) == S::met);
}

TEST_CASE("attendance becomes unmet on the day the bar can no longer be reached", "[attendance]") {
    cohort c = trainer_attendance_cohort();
    record_days(c, {A::present, A::present, A::absent, A::present, A::present, A::present, A::absent, A::present});
    const auto days = th::trainer_days();
    CHECK(th::state_of(c, days[2]) == S::pending);
    CHECK(th::state_of(c, days[5]) == S::pending);
    CHECK(th::state_of(c, days[6]) == S::unmet);  // second missed day: 6 of 8 at most
    CHECK(th::state_of(c, days[7]) == S::unmet);  // attending afterwards does not help
    CHECK(th::state_of(c, after_programme) == S::unmet);
}

TEST_CASE("attendance state and at-risk flag follow each recorded day", "[attendance]") {
    cohort c = trainer_attendance_cohort();
    record_days(c, {A::present, A::present, A::absent, A::present, A::present, A::present, A::absent, A::present});
    const auto days = th::trainer_days();
    struct row {
        std::size_t day;
        S state;
        bool at_risk;
    };
    // Worked by hand: 8 counted days, 4/5 → 6.4 weighted days needed.
    const row expected[] = {{0, S::pending, false}, {1, S::pending, false}, {2, S::pending, true},
                            {3, S::pending, true},  {4, S::pending, true},  {5, S::pending, true},
                            {6, S::unmet, false},   {7, S::unmet, false}};
    for (const row& r : expected) {
        INFO("as of " << to_iso(days[r.day]));
        const evaluation e = evaluate(c, days[r.day]);
        CHECK(e.requirements(0)[0].state == r.state);
        CHECK(e.result(0).at_risk == r.at_risk);
        CHECK(e.requirements(0)[0].past_days == r.day + 1);
        CHECK(e.requirements(0)[0].remaining_days == 8 - (r.day + 1));
    }
}

TEST_CASE("trainer 2024: 8 counted days need 7 — 7 attended is met, 6 is unmet", "[attendance][seed]") {
    cohort c = trainer_attendance_cohort();
    SECTION("7 of 8") {
        record_days(c, {A::present, A::absent, A::present, A::present, A::present, A::present, A::present, A::present});
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.counted_days == 8);
        CHECK(r.required_days == 7);
        CHECK(r.attended == ratio(7));
        CHECK(r.state == S::met);
    }
    SECTION("6 of 8") {
        record_days(c, {A::present, A::absent, A::present, A::present, A::present, A::absent, A::present, A::present});
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.required_days == 7);
        CHECK(r.attended == ratio(6));
        CHECK(r.state == S::unmet);
    }
}

TEST_CASE("leader 2024: 6 counted days need 5 — 5 attended is met, 4 is unmet", "[attendance][seed]") {
    const auto prog = th::programme_of(th::leader_schedule(), {th::attendance()});
    cohort c = th::cohort_with_one(prog);
    const std::vector<date> days{d("2024-09-04"), d("2024-09-05"), d("2024-10-17"),
                                 d("2024-11-28"), d("2025-01-30"), d("2025-03-20")};
    th::record(c, "p1", days, A::present);
    c.set_attendance("p1", days[3], A::absent);
    auto r = evaluate(c, after_programme).requirements(0)[0];
    CHECK(r.counted_days == 6);
    CHECK(r.required_days == 5);
    CHECK(r.state == S::met);
    c.set_attendance("p1", days[4], A::absent);
    r = evaluate(c, after_programme).requirements(0)[0];
    CHECK(r.attended == ratio(4));
    CHECK(r.state == S::unmet);
}

TEST_CASE("year-long format: 9 counted days need 8 — 8 attended is met, 7 is unmet", "[attendance][seed]") {
    const auto schedule = th::year_long_schedule();
    cohort c = th::cohort_with_one(th::programme_of(schedule, {th::attendance()}));
    std::vector<date> days;
    for (const auto& s : schedule)
        if (s.kind == session_kind::gathering) days.push_back(s.first_day());
    REQUIRE(days.size() == 9);
    th::record(c, "p1", days, A::present);
    c.set_attendance("p1", days[0], A::absent);
    auto r = evaluate(c, d("2020-12-31")).requirements(0)[0];
    CHECK(r.counted_days == 9);
    CHECK(r.required_days == 8);
    CHECK(r.state == S::met);
    c.set_attendance("p1", days[8], A::absent);
    r = evaluate(c, d("2020-12-31")).requirements(0)[0];
    CHECK(r.attended == ratio(7));
    CHECK(r.state == S::unmet);
}

TEST_CASE("a late day counts as attended by default", "[attendance]") {
    cohort c = trainer_attendance_cohort();
    record_days(c, {A::late, A::late, A::present, A::late, A::present, A::present, A::late, A::absent});
    const auto r = evaluate(c, after_programme).requirements(0)[0];
    CHECK(r.attended == ratio(7));
    CHECK(r.state == S::met);
}

TEST_CASE("an excused absence is still an absence by default", "[attendance]") {
    cohort c = trainer_attendance_cohort();
    record_days(c, {A::present, A::present, A::present, A::present, A::present, A::present, A::excused, A::absent});
    const auto r = evaluate(c, after_programme).requirements(0)[0];
    CHECK(r.attended == ratio(6));
    CHECK(r.state == S::unmet);
}

TEST_CASE("custom weights are applied exactly", "[attendance][weights]") {
    SECTION("excused 1/2: 6 present + 1 excused = 13/2 ≥ 32/5 is met") {
        attendance_rule rule;
        rule.weight_excused = ratio(1, 2);
        cohort c = trainer_attendance_cohort(rule);
        record_days(c, {A::present, A::present, A::present, A::present, A::present, A::present, A::excused, A::absent});
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.attended == ratio(13, 2));
        CHECK(r.state == S::met);
    }
    SECTION("excused 1/2: 5 present + 2 excused = 6 < 32/5 is unmet") {
        attendance_rule rule;
        rule.weight_excused = ratio(1, 2);
        cohort c = trainer_attendance_cohort(rule);
        record_days(c, {A::present, A::excused, A::present, A::present, A::present, A::excused, A::present, A::absent});
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.attended == ratio(6));
        CHECK(r.state == S::unmet);
    }
    SECTION("late 2/5: 6 present + 1 late is exactly 32/5, the bar itself, so met") {
        attendance_rule rule;
        rule.weight_late = ratio(2, 5);
        cohort c = trainer_attendance_cohort(rule);
        record_days(c, {A::present, A::present, A::present, A::late, A::present, A::present, A::present, A::absent});
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.attended == ratio(32, 5));
        CHECK(r.state == S::met);
    }
    SECTION("late 1/3: 6 present + 1 late = 19/3 just under 32/5, so unmet") {
        attendance_rule rule;
        rule.weight_late = ratio(1, 3);
        cohort c = trainer_attendance_cohort(rule);
        record_days(c, {A::present, A::present, A::present, A::late, A::present, A::present, A::present, A::absent});
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.attended == ratio(19, 3));
        CHECK(r.state == S::unmet);
    }
    SECTION("min_ratio 3/4 with 8 days needs exactly 6") {
        attendance_rule rule;
        rule.min_ratio = ratio(3, 4);
        cohort c = trainer_attendance_cohort(rule);
        record_days(c, {A::present, A::absent, A::present, A::present, A::present, A::absent, A::present, A::present});
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.required_days == 6);
        CHECK(r.state == S::met);
    }
}

TEST_CASE("a past counted day with no record counts as absent and warns with its date", "[attendance][warnings]") {
    cohort c = trainer_attendance_cohort();
    const auto days = th::trainer_days();
    // everything recorded except the second day
    record_days(c, {A::present, A::unrecorded, A::present, A::present, A::present, A::present, A::present, A::present});
    const evaluation e = evaluate(c, after_programme);
    const auto r = e.requirements(0)[0];
    CHECK(r.unrecorded_days == 1);
    CHECK(r.attended == ratio(7));
    CHECK(r.state == S::met);
    REQUIRE(e.warnings_of(0).size() == 1);
    CHECK(e.warnings_of(0)[0].kind == warning_kind::unrecorded_day);
    CHECK(e.warnings_of(0)[0].day == days[1]);
    CHECK(e.warnings_of(0)[0].participant == 0);
    CHECK(e.warnings_of(0)[0].count == 1);
}

TEST_CASE("a participant with no records at all has every past counted day unrecorded", "[attendance][warnings]") {
    cohort c = trainer_attendance_cohort();
    const auto days = th::trainer_days();
    const evaluation e = evaluate(c, days[2]);  // three days have passed
    const auto r = e.requirements(0)[0];
    CHECK(r.unrecorded_days == 3);
    CHECK(r.past_days == 3);
    CHECK(r.attended == ratio(0));
    CHECK(r.state == S::unmet);  // at most 5 of 8 is left
    // one warning for the three days: their count and the first
    const auto ws = e.warnings_of(0);
    REQUIRE(ws.size() == 1);
    CHECK(ws[0].kind == warning_kind::unrecorded_day);
    CHECK(ws[0].count == 3);
    CHECK(ws[0].day == days[0]);
}

TEST_CASE("days not yet past and the uncounted festival day never warn", "[attendance][warnings]") {
    cohort c = trainer_attendance_cohort();
    record_days(c, {A::present, A::present, A::present, A::present, A::present, A::present, A::present, A::present});
    // festival day left unrecorded: the festival is not a counted day
    const evaluation e = evaluate(c, after_programme);
    CHECK(e.warnings_of(0).empty());
    CHECK(e.requirements(0)[0].counted_days == 8);
    // before anything happened: no warning at all
    cohort fresh = trainer_attendance_cohort();
    CHECK(evaluate(fresh, d("2024-09-17")).warnings().empty());
}

TEST_CASE("before the programme every requirement is pending and nobody is at risk", "[attendance][as-of]") {
    const auto prog = th::programme_of(th::trainer_schedule(),
                                       {th::attendance(), th::notes(), th::final_text(), th::festival_req()});
    cohort c = th::cohort_with_one(prog);
    const evaluation e = evaluate(c, d("2024-09-17"));
    for (const auto& r : e.requirements(0)) CHECK(r.state == S::pending);
    CHECK(e.result(0).status == overall_status::in_progress);
    CHECK_FALSE(e.result(0).at_risk);
    const auto a = e.requirements(0)[0];
    CHECK(a.past_days == 0);
    CHECK(a.remaining_days == 8);
    CHECK(a.unrecorded_days == 0);
}

TEST_CASE("during the programme at risk means exactly no slack left", "[attendance][as-of][at-risk]") {
    cohort c = trainer_attendance_cohort();
    const auto days = th::trainer_days();
    SECTION("one day missed: every remaining day must be attended") {
        record_days(c, {A::absent, A::present});
        const evaluation e = evaluate(c, days[1]);
        CHECK(e.requirements(0)[0].state == S::pending);
        CHECK(e.result(0).at_risk);
        CHECK(e.counts().at_risk == 1);
    }
    SECTION("no day missed: one day of slack") {
        record_days(c, {A::present, A::present});
        const evaluation e = evaluate(c, days[1]);
        CHECK(e.requirements(0)[0].state == S::pending);
        CHECK_FALSE(e.result(0).at_risk);
    }
    SECTION("one excused day is a missed day for the slack") {
        record_days(c, {A::present, A::excused});
        CHECK(evaluate(c, days[1]).result(0).at_risk);
    }
}

TEST_CASE("a fractional weight can leave part of a day as slack", "[attendance][at-risk][weights]") {
    attendance_rule rule;
    rule.weight_excused = ratio(1, 2);
    cohort c = trainer_attendance_cohort(rule);
    const auto days = th::trainer_days();
    record_days(c, {A::excused, A::present});
    // attended 3/2, 6 remaining: missing one more gives 13/2 ≥ 32/5 — still slack
    const evaluation e = evaluate(c, days[1]);
    CHECK(e.requirements(0)[0].attended == ratio(3, 2));
    CHECK_FALSE(e.result(0).at_risk);
    record_days(c, {A::excused, A::excused});
    // attended 1, 6 remaining: missing one more gives 6 < 32/5
    CHECK(evaluate(c, days[1]).result(0).at_risk);
}

TEST_CASE("after the programme attendance is met or unmet and nobody is at risk", "[attendance][as-of]") {
    cohort c = trainer_attendance_cohort();
    record_days(c, {A::absent, A::present, A::present, A::present, A::present, A::present, A::present, A::present});
    const evaluation e = evaluate(c, after_programme);
    CHECK(e.requirements(0)[0].state == S::met);
    CHECK(e.requirements(0)[0].remaining_days == 0);
    CHECK(e.requirements(0)[0].past_days == 8);
    CHECK_FALSE(e.result(0).at_risk);
    CHECK(e.result(0).status == overall_status::eligible);
}

TEST_CASE("records dated after the as-of date are ignored", "[attendance][as-of]") {
    const auto days = th::trainer_days();
    SECTION("absences recorded ahead do not make the requirement unmet early") {
        cohort c = trainer_attendance_cohort();
        record_days(c, {A::present, A::absent, A::absent, A::absent, A::absent, A::absent, A::absent, A::absent});
        const auto r = evaluate(c, days[0]).requirements(0)[0];
        CHECK(r.state == S::pending);
        CHECK(r.attended == ratio(1));
        CHECK(evaluate(c, days[1]).requirements(0)[0].state == S::pending);
        CHECK(evaluate(c, days[2]).requirements(0)[0].state == S::unmet);
    }
    SECTION("presence recorded ahead does not make it met early") {
        cohort c = trainer_attendance_cohort();
        record_days(c, {A::present, A::present, A::present, A::present, A::present, A::present, A::present, A::present});
        const auto r = evaluate(c, days[3]).requirements(0)[0];
        CHECK(r.attended == ratio(4));
        CHECK(r.state == S::pending);
    }
}

TEST_CASE("at risk is reported only for participants in progress", "[attendance][at-risk]") {
    const auto prog = th::programme_of(th::trainer_schedule(), {th::attendance(), th::notes()});
    cohort c = th::cohort_with_one(prog);
    c.add_participant(th::person("p2", "Ola Nordmann"));
    for (const char* pid : {"p1", "p2"}) {
        c.set_attendance(pid, d("2024-09-18"), A::absent);
        c.set_attendance(pid, d("2024-09-19"), A::present);
        c.set_attendance(pid, d("2024-11-13"), A::present);
    }
    c.add_submission("p2", th::note(d("2024-10-01")));
    // as of the first day of gathering 2: interval 1 has closed; p1 has no note there
    const evaluation e = evaluate(c, d("2024-11-13"));
    CHECK(e.requirements(0)[0].state == S::pending);  // attendance: no slack for either
    CHECK(e.requirements(1)[0].state == S::pending);
    CHECK(e.result(0).status == overall_status::not_eligible);
    CHECK_FALSE(e.result(0).at_risk);
    CHECK(e.result(1).status == overall_status::in_progress);
    CHECK(e.result(1).at_risk);
    CHECK(e.counts().at_risk == 1);
}

TEST_CASE("an exempt attendance requirement puts nobody at risk", "[attendance][at-risk]") {
    cohort c = trainer_attendance_cohort();
    c.add_exemption("p1", {"attendance", "Langvarig sykdom", "Koordinator", std::nullopt});
    const auto days = th::trainer_days();
    record_days(c, {A::absent, A::present});
    const evaluation e = evaluate(c, days[1]);
    CHECK(e.requirements(0)[0].state == S::exempt);
    CHECK(e.result(0).status == overall_status::eligible);
    CHECK_FALSE(e.result(0).at_risk);
}

TEST_CASE("only gathering days count unless counted_kinds says otherwise", "[attendance]") {
    SECTION("kick-off days are not counted by default") {
        auto schedule = th::trainer_schedule();
        schedule.insert(schedule.begin(), th::make_session("kick", session_kind::kick_off, {d("2024-08-30")}));
        cohort c = th::cohort_with_one(th::programme_of(schedule, {th::attendance()}));
        const auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.counted_days == 8);
        CHECK(r.required_days == 7);
    }
    SECTION("counting the festival gives 9 days and needs 8") {
        attendance_rule rule;
        rule.counted_kinds = {session_kind::gathering, session_kind::festival};
        cohort c = trainer_attendance_cohort(rule);
        record_days(c, {A::present, A::present, A::present, A::present, A::present, A::present, A::present, A::absent});
        auto r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.counted_days == 9);
        CHECK(r.required_days == 8);
        CHECK(r.unrecorded_days == 1);  // the festival day
        CHECK(r.state == S::unmet);
        c.set_attendance("p1", th::trainer_festival_day, A::present);
        r = evaluate(c, after_programme).requirements(0)[0];
        CHECK(r.attended == ratio(8));
        CHECK(r.state == S::met);
    }
}

TEST_CASE("an evaluation as of a special date is refused", "[attendance]") {
    cohort c = trainer_attendance_cohort();
    CHECK(th::thrown_by([&] { evaluate(c, date(boost::gregorian::not_a_date_time)); }).code() ==
          errc::invalid_argument);
}

TEST_CASE("unmet attendance means no mix of statuses can reach the bar, whatever the weights", "[attendance][weights]") {
    // late weighs more than present: attending late on every remaining day is the best case
    attendance_rule rule;
    rule.weight_present = ratio(1, 2);
    rule.weight_late = ratio(1);
    cohort c = trainer_attendance_cohort(rule);
    record_days(c, {A::absent, A::late, A::late, A::late, A::late, A::late, A::late, A::late});
    const auto days = th::trainer_days();
    CHECK(th::state_of(c, days[0]) == S::pending);  // 7 late days can still give 7 of 8
    CHECK(th::state_of(c, days[6]) == S::pending);
    CHECK(th::state_of(c, days[7]) == S::met);
    CHECK(th::state_of(c, after_programme) == S::met);
    SECTION("excused weighing more than present likewise") {
        attendance_rule r2;
        r2.weight_present = ratio(1, 2);
        r2.weight_excused = ratio(1);
        cohort c2 = trainer_attendance_cohort(r2);
        record_days(c2, {A::absent, A::excused, A::excused, A::excused, A::excused, A::excused, A::excused, A::excused});
        CHECK(th::state_of(c2, days[0]) == S::pending);
        CHECK(th::state_of(c2, after_programme) == S::met);
    }
}
