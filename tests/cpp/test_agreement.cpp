// Issue 13, docs/agreements.md: long-term agreements in the core — agreement years (29
// February, extension, one year, half-yearly periods), the default plan, still possible and
// the states as of a date, prices by date, all-or-nothing loading with JSON Pointers.
#include "helpers.hpp"

#include "smart/agreement.hpp"

using namespace smart;
using th::d;

namespace {

organisation org() { return organisation{"Testvik skole", municipality{"3905", "Tønsberg"}, organisation_kind::school}; }

const item_status& item(const agreement_report& r, plan_item k, int period) {
    for (const auto& s : r.items)
        if (s.item == k && s.period == period) return s;
    FAIL("no such item");
    throw;
}

}  // namespace

TEST_CASE("agreement years run from the start; 29 February continues on 1 March in common years", "[agreement]") {
    agreement a("a", org(), d("2024-02-29"), 3, agreement_form::full, 10);
    const auto ps = a.periods();
    REQUIRE(ps.size() == 3);
    CHECK(ps[0].start == d("2024-02-29"));
    CHECK(ps[0].end == d("2025-02-28"));
    CHECK(ps[1].start == d("2025-03-01"));
    CHECK(ps[2].end == d("2027-02-28"));
    a.add_extension({d("2026-12-01"), 2});
    REQUIRE(a.periods().size() == 5);
    CHECK(a.periods()[4].start == d("2028-02-29"));
    CHECK(a.end() == d("2029-02-28"));
}

TEST_CASE("the small form has half-yearly periods; the 31st continues on the 1st", "[agreement]") {
    agreement a("a", org(), d("2025-08-31"), 1, agreement_form::small, 10);
    const auto ps = a.periods();
    REQUIRE(ps.size() == 2);
    CHECK(ps[0].end == d("2026-02-28"));
    CHECK(ps[1].start == d("2026-03-01"));
    CHECK(ps[1].end == d("2026-08-30"));
}

TEST_CASE("default plan: core group 4 (2 in the last year), staff 4 then 2, relasjon in year 2 or 3", "[agreement]") {
    const agreement_plan p = default_plan(agreement_form::full, 3);
    CHECK(p.core_group_min == std::vector<int>{4, 4, 2});
    CHECK(p.staff == std::vector<int>{4, 2});
    CHECK(p.relasjon_years == std::vector<int>{2, 3});
    CHECK(p.trainer_seats == 6);
    CHECK(p.planning_days == 1);
    CHECK(default_plan(agreement_form::full, 1).core_group_min == std::vector<int>{4});
    CHECK(default_plan(agreement_form::full, 1).relasjon_years.empty());
}

TEST_CASE("still possible: one a month; unmet as soon as the minimum cannot be reached", "[agreement]") {
    agreement a("a", org(), d("2025-08-01"), 3, agreement_form::full, 10);
    a.add_meeting({meeting_kind::core_group, d("2025-09-04"), "", 6});
    // 1 May 2026: held 1; May, June, July possible -> 1 + 3 == 4: pending at risk
    auto s = item(report(a, d("2026-05-01")), plan_item::core_group, 1);
    CHECK(s.held == 1);
    CHECK(s.possible == 3);
    CHECK(s.state == requirement_state::pending);
    CHECK(s.at_risk);
    s = item(report(a, d("2026-06-01")), plan_item::core_group, 1);
    CHECK(s.possible == 2);
    CHECK(s.state == requirement_state::unmet);
    CHECK(explain(s, lang::en, a.form()) ==
          "Core-group meetings in agreement year 1 (1 August 2025–31 July 2026): 1 of at least 4 held; only 2 more "
          "possible by 31 July 2026, so it can no longer be reached");
}

TEST_CASE("a cost uses the price valid on its date", "[agreement]") {
    agreement a("a", org(), d("2025-08-01"), 3, agreement_form::full, 10, std::nullopt, {},
                {price{price_item::material_set, d("2026-01-01"), 320}});
    a.add_material({10, d("2025-12-31")});
    a.add_material({1, d("2026-01-01")});
    const auto r = report(a, d("2026-07-31"));
    CHECK(r.costs.material_nok == 10 * 300 + 320);
    CHECK(report(a, d("2025-12-31")).costs.material_nok == 3000);
}

TEST_CASE("an agreement document is loaded all or nothing, with the pointer of the first problem", "[agreement]") {
    const std::string head = R"({"format": "smart.agreement/1", "id": "a", "organisation": {"name": "X", )"
                             R"("municipality": {"number": "3905", "name": "Tønsberg"}, "kind": "school"}, )"
                             R"("start": "2025-08-01", "employees": 5)";
    CHECK(load_agreement(head + "}").years() == 3);
    const auto pointer_of = [&](const std::string& tail) {
        try {
            (void)load_agreement(head + tail + "}");
        } catch (const error& e) {
            return e.pointer();
        }
        return std::string("(loaded)");
    };
    CHECK(pointer_of(R"(, "records": {"meetings": [{"kind": "staff", "date": "2028-08-01"}]})") ==
          "/records/meetings/0/date");
    CHECK(pointer_of(R"(, "plan": {"relasjon_years": [4]})") == "/plan/relasjon_years/0");
    CHECK(pointer_of(R"(, "form": "small", "records": {"meetings": [{"kind": "staff", "date": "2025-09-01"}]})") ==
          "/records/meetings/0/kind");
}
