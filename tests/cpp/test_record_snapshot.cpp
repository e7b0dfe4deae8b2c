// Issue 11: the evaluation is self-contained. It owns a snapshot of the cohort's records,
// shared with the cohort (copy-on-write), so explanations need no record passed in and a
// change to the cohort after evaluating leaves the evaluation as it was.
#include "helpers.hpp"

using namespace smart;
using Catch::Matchers::Contains;
using th::d;

namespace {
std::shared_ptr<const programme> trainer() {
    return th::programme_of(th::trainer_schedule(), {th::attendance(), th::festival_req()});
}
const date after_programme = d("2025-05-01");
}  // namespace

TEST_CASE("an evaluation explains an exemption's reason and grantor without the record passed in",
          "[evaluation][snapshot]") {
    cohort c = th::cohort_with_one(trainer());
    c.add_exemption("p1", {"festival", "Innlagt på sykehus", "Fagleder Hansen", std::nullopt});
    const evaluation e = evaluate(c, after_programme);
    REQUIRE(e.requirements(0)[1].state == requirement_state::exempt);
    for (lang l : {lang::nb, lang::nn, lang::en}) {
        const std::string s = e.explain(0, 1, l);
        CHECK_THAT(s, Contains("Innlagt på sykehus"));
        CHECK_THAT(s, Contains("Fagleder Hansen"));
    }
}

TEST_CASE("an evaluation keeps the records as evaluated after the cohort changes", "[evaluation][snapshot]") {
    cohort c = th::cohort_with_one(trainer());
    c.add_participant(th::person("p2", "Ola Nordmann"));
    c.add_exemption("p1", {"festival", "Innlagt på sykehus", "Fagleder Hansen", std::nullopt});
    const evaluation e = evaluate(c, after_programme);
    const std::string before = e.explain(0, 1, lang::en);

    c.remove_exemption("p1", "festival");
    c.add_exemption("p1", {"festival", "Another reason", "Someone else", std::nullopt});
    c.add_participant(th::person("p3"));

    CHECK(e.size() == 2);
    CHECK(e.participant(0).exemptions.front().reason == "Innlagt på sykehus");
    CHECK(e.participant(1).name == "Ola Nordmann");
    CHECK(e.explain(0, 1, lang::en) == before);
    CHECK(e.index_of("p2") == 1);
    CHECK(th::thrown_by([&] { (void)e.index_of("p3"); }).code() == errc::not_found);
    CHECK(th::thrown_by([&] { (void)e.participant(2); }).code() == errc::invalid_argument);
    // the cohort sees its own change
    CHECK(c.find("p1")->exemptions.front().reason == "Another reason");
    CHECK(c.size() == 3);
}

TEST_CASE("an evaluation outlives its cohort and shares, not copies, the records", "[evaluation][snapshot]") {
    auto c = std::make_unique<cohort>(th::cohort_with_one(trainer()));
    const evaluation e = evaluate(*c, after_programme);
    CHECK(&e.participant(0) == &c->participants()[0]);  // shared until the cohort changes
    CHECK(e.cohort().id() == "c1");
    CHECK(e.made_from(*c));
    c.reset();
    CHECK(e.participant(0).id == "p1");
    CHECK(e.cohort().participants().size() == 1);
    CHECK(e.missing(0, lang::en).size() == 2);
}

TEST_CASE("a copy of a cohort shares its records until one of them changes", "[cohort][snapshot]") {
    cohort a = th::cohort_with_one(trainer());
    cohort b = a;
    CHECK(&a.participants()[0] == &b.participants()[0]);
    b.set_attendance("p1", d("2024-09-18"), attendance_status::present);
    CHECK(a.attendance("p1", d("2024-09-18")) == attendance_status::unrecorded);
    CHECK(b.attendance("p1", d("2024-09-18")) == attendance_status::present);
    CHECK(a.find("p1") != b.find("p1"));
}
