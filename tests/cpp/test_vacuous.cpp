// Rules that cannot be vacuous (issue #10): a requirement that would be met by nothing
// (no counted day, no interval) or that nobody could meet is rejected when the cohort or
// the programme is built, naming the place (docs/rules.md "Schedules the rules need").
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "smart/limits.hpp"

using namespace smart;
using th::d;
using Catch::Matchers::Contains;

namespace {

/// A programme with these requirements and no schedule of its own (every cohort brings one).
std::shared_ptr<const programme> template_programme(std::vector<requirement> reqs) {
    return th::programme_of({}, std::move(reqs));
}

programme unchecked(std::vector<session> sessions, std::vector<requirement> reqs) {
    programme p;
    p.id = "test-programme";
    p.name.nb = "Testprogram";
    p.sessions = std::move(sessions);
    p.requirements = std::move(reqs);
    return p;
}

attendance_rule counting(std::vector<session_kind> kinds) {
    attendance_rule a;
    a.counted_kinds = std::move(kinds);
    return a;
}

std::vector<session> weekly_gatherings(int n) {
    std::vector<session> out;
    date day = d("2024-01-01");
    for (int i = 0; i < n; ++i, day += boost::gregorian::days(7))
        out.push_back(th::gathering("g" + std::to_string(i + 1), {day}));
    return out;
}

}  // namespace

// --- cohorts ----------------------------------------------------------------------------

TEST_CASE("a cohort whose schedule has no counted day for the attendance rule is rejected", "[vacuous][cohort]") {
    const auto prog = template_programme({th::attendance(counting({session_kind::other}))});
    const error e = th::thrown_by([&] { cohort(prog, "c1", "Kull", std::nullopt, th::trainer_schedule()); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
    CHECK_THAT(e.message(), Contains("attendance") && Contains("other"));
    // with a session of that kind it is fine
    auto schedule = th::trainer_schedule();
    schedule.insert(schedule.begin() + 1, th::make_session("x", session_kind::other, {d("2024-10-01")}));
    cohort ok(prog, "c1", "Kull", std::nullopt, schedule);
    ok.add_participant(th::person("p1"));
    const auto r = evaluate(ok, d("2025-04-30")).requirements(0)[0];
    CHECK(r.counted_days == 1);
    CHECK(r.state == requirement_state::unmet);  // attended nothing: not "0 of 0"
}

TEST_CASE("a cohort with fewer than two gatherings under a notes rule is rejected", "[vacuous][cohort]") {
    const auto prog = template_programme({th::notes()});
    for (const auto& schedule : {std::vector<session>{th::gathering("g1", {d("2024-09-18"), d("2024-09-19")}),
                                                      th::festival("f", d("2024-10-01"))},
                                 std::vector<session>{th::make_session("k", session_kind::kick_off, {d("2024-09-01")}),
                                                      th::festival("f", d("2024-10-01"))}}) {
        const error e = th::thrown_by([&] { cohort(prog, "c1", "Kull", std::nullopt, schedule); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/sessions");
        CHECK_THAT(e.message(), Contains("notes") && Contains("2 gatherings"));
    }
    CHECK(cohort(prog, "c1", "Kull", std::nullopt, th::trainer_schedule()).days().size() == 9);
}

TEST_CASE("a cohort with more gatherings than the notes rule supports is rejected", "[vacuous][cohort][limits]") {
    const auto prog = template_programme({th::notes()});
    const auto n = static_cast<int>(limits::gatherings_with_notes);
    const error e = th::thrown_by([&] { cohort(prog, "c1", "Kull", std::nullopt, weekly_gatherings(n + 1)); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
    CHECK(cohort(prog, "c1", "Kull", std::nullopt, weekly_gatherings(n)).days().size() == limits::gatherings_with_notes);
}

TEST_CASE("a cohort where the notes needed exceed the submissions a participant may have is rejected",
          "[vacuous][cohort][limits]") {
    interval_notes_rule rule;
    rule.per_interval = 1000;
    const auto prog = template_programme({th::notes(rule)});
    // 11 intervals x 1000 notes > 10000 submissions
    const error e = th::thrown_by([&] { cohort(prog, "c1", "Kull", std::nullopt, weekly_gatherings(12)); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
    CHECK(cohort(prog, "c1", "Kull", std::nullopt, weekly_gatherings(10)).days().size() == 10);
}

// --- programmes -------------------------------------------------------------------------

TEST_CASE("a programme whose own schedule has no counted day is rejected", "[vacuous][programme]") {
    const programme p = unchecked(th::trainer_schedule(), {th::attendance(counting({session_kind::other}))});
    const error e = th::thrown_by([&] { validate(p); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/certificate/requirements/0/counted_kinds");
    CHECK(th::thrown_by([&] { validate(p, "/programme"); }).pointer() ==
          "/programme/certificate/requirements/0/counted_kinds");
    // a template session (no days yet) of the kind is enough
    auto schedule = th::trainer_schedule();
    for (auto& s : schedule) s.days.clear();
    schedule.push_back(th::make_session("x", session_kind::other, {}));
    CHECK_NOTHROW(validate(unchecked(schedule, {th::attendance(counting({session_kind::other}))})));
    // a programme with no schedule at all leaves the check to each cohort
    CHECK_NOTHROW(validate(unchecked({}, {th::attendance(counting({session_kind::other}))})));
}

TEST_CASE("a programme whose own schedule has fewer than two gatherings under a notes rule is rejected",
          "[vacuous][programme]") {
    const programme p =
        unchecked({th::gathering("g1", {d("2024-09-18")}), th::festival("f", d("2024-10-01"))}, {th::notes()});
    const error e = th::thrown_by([&] { validate(p); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/certificate/requirements/0");
    CHECK_THAT(e.message(), Contains("2 gatherings"));
}

TEST_CASE("a programme with more gatherings than the notes rule supports is rejected", "[vacuous][programme][limits]") {
    const auto n = static_cast<int>(limits::gatherings_with_notes);
    const error e = th::thrown_by([&] { validate(unchecked(weekly_gatherings(n + 1), {th::notes()})); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
    CHECK_NOTHROW(validate(unchecked(weekly_gatherings(n), {th::notes()})));
    CHECK_NOTHROW(validate(unchecked(weekly_gatherings(n + 1), {th::attendance()})));
    // and on load, with the programme's place
    nlohmann::json doc = {{"format", "smart.programme/1"}, {"id", "many"}, {"name", "Mange samlinger"}};
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : weekly_gatherings(n + 1))
        sessions.push_back({{"id", s.id}, {"kind", "gathering"}, {"days", {to_iso(s.first_day())}}});
    doc["sessions"] = sessions;
    doc["certificate"] = {{"requirements", {{{"id", "notes"}, {"kind", "interval_notes"}}}}};
    const error loaded = th::thrown_by([&] { load_programme(doc.dump()); });
    CHECK(loaded.code() == errc::validation_error);
    CHECK(loaded.pointer() == "/sessions");
}

TEST_CASE("a programme whose own schedule lacks the festival its rule needs is rejected", "[vacuous][programme]") {
    auto schedule = th::trainer_schedule();
    schedule.pop_back();  // no festival
    const error e = th::thrown_by([&] { validate(unchecked(schedule, {th::festival_req()})); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/certificate/requirements/0");
    CHECK_THAT(e.message(), Contains("festival"));
}

TEST_CASE("a programme where the notes needed exceed the submissions a participant may have is rejected",
          "[vacuous][programme][limits]") {
    interval_notes_rule rule;
    rule.per_interval = 1000;
    const error e = th::thrown_by([&] { validate(unchecked(weekly_gatherings(12), {th::notes(rule)})); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/certificate/requirements/0/per_interval");
}

TEST_CASE("every built-in programme passes the stricter checks", "[vacuous][catalogue]") {
    for (const auto& id : catalogue::programme_ids()) {
        INFO(id);
        CHECK_NOTHROW(validate(*catalogue::get(id)));
        CHECK_NOTHROW(load_programme(catalogue::programme_json(id)));
    }
    CHECK(catalogue::demo_cohort().size() == 36);
}
