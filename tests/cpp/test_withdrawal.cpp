// Issue 11 and domain.md, "Withdrawal": a participant who drops out is withdrawn on a date
// with a reason, never deleted. As of that date or later the overall status is `withdrawn`,
// with the requirement states still shown; before it the participant is evaluated as usual.
#include "helpers.hpp"

#include <nlohmann/json.hpp>

using namespace smart;
using th::d;
using th::thrown_by;
using A = attendance_status;
using Catch::Contains;

namespace {
std::shared_ptr<const programme> trainer() {
    return th::programme_of(th::trainer_schedule(), {th::attendance(), th::festival_req()});
}
}  // namespace

TEST_CASE("a withdrawn participant is withdrawn from the withdrawal date on, evaluated as usual before",
          "[withdrawal]") {
    cohort c = th::cohort_with_one(trainer());
    th::record(c, "p1", {d("2024-09-18"), d("2024-09-19")}, A::present);
    c.withdraw("p1", d("2024-11-13"), "Sluttet i jobben");
    REQUIRE(c.find("p1")->withdrawal);
    CHECK(c.find("p1")->withdrawal->on == d("2024-11-13"));
    CHECK(c.find("p1")->withdrawal->reason == "Sluttet i jobben");

    const evaluation before = evaluate(c, d("2024-11-12"));
    CHECK(before.result(0).status == overall_status::in_progress);
    const evaluation on = evaluate(c, d("2024-11-13"));
    CHECK(on.result(0).status == overall_status::withdrawn);
    CHECK_FALSE(on.result(0).at_risk);
    // the requirement states are still shown
    CHECK(on.requirements(0)[0].state == requirement_state::pending);
    CHECK(on.requirements(0)[0].attended == ratio(2));
    const evaluation after = evaluate(c, d("2025-05-01"));
    CHECK(after.result(0).status == overall_status::withdrawn);
    CHECK(after.requirements(0)[0].state == requirement_state::unmet);
    CHECK(after.counts().withdrawn == 1);
    CHECK(after.counts().not_eligible == 0);
    CHECK(before.counts().withdrawn == 0);
}

TEST_CASE("an eligible participant who withdrew is withdrawn, not eligible", "[withdrawal]") {
    cohort c = th::cohort_with_one(trainer());
    th::record(c, "p1", th::trainer_days(), A::present);
    c.set_attendance("p1", th::trainer_festival_day, A::present);
    c.withdraw("p1", th::trainer_festival_day, "Flyttet");
    const evaluation e = evaluate(c, d("2025-05-01"));
    CHECK(e.result(0).status == overall_status::withdrawn);
    CHECK(e.requirements(0)[0].state == requirement_state::met);
    CHECK(thrown_by([&] { (void)certificate_for(c, e, 0); }).code() == errc::not_allowed);
}

TEST_CASE("a withdrawal is dated on or before the cohort's last day and has a reason", "[withdrawal]") {
    cohort c = th::cohort_with_one(trainer());
    const cohort before = c;
    error e = thrown_by([&] { c.withdraw("p1", d("2025-04-10"), "For sent"); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/withdrawal/date");
    CHECK_THAT(e.message(), Contains("2025-04-09"));
    e = thrown_by([&] { c.withdraw("p1", d("2024-10-01"), ""); });
    CHECK(e.pointer() == "/participants/0/withdrawal/reason");
    e = thrown_by([&] { c.withdraw("p1", date(boost::gregorian::not_a_date_time), "x"); });
    CHECK(e.pointer() == "/participants/0/withdrawal/date");
    CHECK(thrown_by([&] { c.withdraw("p9", d("2024-10-01"), "x"); }).code() == errc::not_found);
    CHECK(c == before);
    c.withdraw("p1", d("2025-04-09"), "Siste dag");  // the last day itself is allowed
    e = thrown_by([&] { c.withdraw("p1", d("2024-10-01"), "Igjen"); });
    CHECK(e.code() == errc::not_allowed);
    CHECK(c.find("p1")->withdrawal->on == d("2025-04-09"));
}

TEST_CASE("a withdrawal can be undone; the participant is then evaluated as usual", "[withdrawal]") {
    cohort c = th::cohort_with_one(trainer());
    th::record(c, "p1", {d("2024-09-18"), d("2024-09-19")}, A::present);
    const cohort before = c;
    c.withdraw("p1", d("2024-10-01"), "Feilregistrert");
    c.cancel_withdrawal("p1");
    CHECK_FALSE(c.find("p1")->withdrawal);
    CHECK(c == before);
    CHECK(evaluate(c, d("2024-10-02")).result(0).status == overall_status::in_progress);
    CHECK(thrown_by([&] { c.cancel_withdrawal("p1"); }).code() == errc::not_found);
}

TEST_CASE("a withdrawn participant frees no seat", "[withdrawal][capacity]") {
    cohort c(trainer(), "c1", "Kull", 1);
    c.add_participant(th::person("p1"));
    c.withdraw("p1", d("2024-10-01"), "Sluttet");
    CHECK(c.size() == 1);
    CHECK(thrown_by([&] { c.add_participant(th::person("p2")); }).code() == errc::not_allowed);
}

TEST_CASE("withdrawn has labels in nb, nn and en and a name", "[withdrawal]") {
    CHECK(std::string(to_string(overall_status::withdrawn)) == "withdrawn");
    CHECK(parse_overall_status("withdrawn") == overall_status::withdrawn);
    CHECK(std::string(label(overall_status::withdrawn, lang::nb)) == "trukket seg");
    CHECK(std::string(label(overall_status::withdrawn, lang::nn)) == "trekt seg");
    CHECK(std::string(label(overall_status::withdrawn, lang::en)) == "withdrawn");
}

TEST_CASE("a withdrawal survives saving and loading the cohort", "[withdrawal][json]") {
    cohort c = th::cohort_with_one(trainer());
    c.withdraw("p1", d("2024-10-01"), "Sluttet i jobben");
    const cohort back = load_cohort(save_cohort(c));
    CHECK(back == c);
    REQUIRE(back.find("p1")->withdrawal);
    CHECK(back.find("p1")->withdrawal->reason == "Sluttet i jobben");
}

TEST_CASE("the evaluation document shows a withdrawn participant and counts them apart", "[withdrawal][json]") {
    cohort c = th::cohort_with_one(trainer());
    c.add_participant(th::person("p2"));
    c.withdraw("p1", d("2024-10-01"), "Sluttet");
    const evaluation e = evaluate(c, d("2025-05-01"));
    const auto doc = nlohmann::json::parse(evaluation_to_json(e, c));
    CHECK(doc.at("summary").at("withdrawn") == 1);
    CHECK(doc.at("summary").at("not_eligible") == 1);
    CHECK(doc.at("participants")[0].at("status") == "withdrawn");
    CHECK(doc.at("participants")[0].at("requirements")[0].at("state") == "unmet");
    CHECK(doc.at("participants")[1].at("status") == "not_eligible");
}
