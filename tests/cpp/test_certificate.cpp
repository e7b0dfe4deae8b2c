#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "smart/smart.hpp"

using namespace smart;

TEST_CASE("certificate data is given only for an eligible participant after the last day", "[certificate]") {
    const cohort c = catalogue::demo_cohort();
    const evaluation after = evaluate(c, date(2025, 4, 30));
    std::size_t eligible = 0, refused = 0;
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (after.result(i).status == overall_status::eligible) {
            const certificate_data d = certificate_for(c, after, i);
            CHECK(d.holder == c.participants()[i].name);
            CHECK(d.period_start == date(2024, 9, 18));
            CHECK(d.period_end == date(2025, 4, 9));
            CHECK(d.goals.size() == c.programme().goals.size());
            for (const auto& r : d.requirements)
                CHECK((r.state == requirement_state::met || r.state == requirement_state::exempt));
            ++eligible;
        } else {
            try {
                (void)certificate_for(c, after, i);
                FAIL("certificate data for a participant who is not eligible");
            } catch (const error& e) {
                CHECK(e.code() == errc::not_allowed);
                ++refused;
            }
        }
    }
    CHECK(eligible == 24);
    CHECK(refused == 12);

    const evaluation on_last_day = evaluate(c, date(2025, 4, 9));
    const evaluation before = evaluate(c, date(2025, 4, 8));
    const std::size_t p01 = c.index_of("p01");
    CHECK_NOTHROW(certificate_for(c, on_last_day, p01));
    try {
        (void)certificate_for(c, before, p01);
        FAIL("certificate data before the last day");
    } catch (const error& e) {
        CHECK(e.code() == errc::not_allowed);
    }
}

TEST_CASE("certificate data shows an exemption with its reason and no contact data", "[certificate]") {
    const cohort c = catalogue::demo_cohort();
    const evaluation e = evaluate(c, date(2025, 4, 30));
    const std::size_t p16 = c.index_of("p16");  // exempt from the festival in the demo cohort
    const certificate_data d = certificate_for(c, e, p16);
    bool exempt = false;
    for (const auto& r : d.requirements)
        if (r.id == "festival") {
            exempt = r.state == requirement_state::exempt;
            CHECK_FALSE(r.exemption_reason.empty());
        }
    CHECK(exempt);
    const auto j = nlohmann::json::parse(certificate_data_to_json(d));
    CHECK(j["format"] == "smart.certificate-data/1");
    CHECK(j["holder"] == c.participants()[p16].name);
    CHECK(j["period"]["start"] == "2024-09-18");
    CHECK(j["competence_goals"].size() == 8);
    CHECK(j.dump().find("example.org") == std::string::npos);
    CHECK(j.dump().find("contact") == std::string::npos);
}

TEST_CASE("certificate data refuses an evaluation of another or a changed cohort", "[certificate]") {
    cohort c = catalogue::demo_cohort();
    const evaluation e = evaluate(c, date(2025, 4, 30));
    const std::size_t p01 = c.index_of("p01");
    c.add_submission("p01", submission{submission_kind::reflection, submission_status::submitted, date(2025, 4, 20),
                                       std::nullopt, final_category::none, submission_extra{"Etterord", std::nullopt, {}}});
    try {
        (void)certificate_for(c, e, p01);
        FAIL("stale evaluation accepted");
    } catch (const error& err) {
        CHECK(err.code() == errc::invalid_argument);
    }
}
