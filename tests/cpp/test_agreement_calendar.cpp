// An agreement's dates as calendar events and the holiday/weekend warnings on them
// (include/smart/agreement_calendar.hpp).
#include "helpers.hpp"

#include "smart/agreement_calendar.hpp"

using namespace smart;
using th::d;

namespace {
agreement with_dates(std::vector<planned_date> dates) {
    auto plan = default_plan(agreement_form::full, 3);
    plan.dates = std::move(dates);
    return agreement("testvik-2024", organisation{"Testvik skole", municipality{"3905", "Tønsberg"}, organisation_kind::school},
                     d("2024-08-01"), 3, agreement_form::full, 40, plan);
}
}  // namespace

TEST_CASE("an agreement's calendar: its planned dates and the end of each agreement year", "[agreement][calendar]") {
    const auto a = with_dates({{plan_item::staff, d("2025-10-20"), "Personalmøte: styrkefokus"},
                               {plan_item::core_group, d("2025-09-04"), ""},
                               {plan_item::staff, d("2026-01-12"), ""}});
    const auto ev = agreement_events(a, lang::nb);
    REQUIRE(ev.size() == 3 + 3);
    CHECK(ev[0].first == d("2025-09-04"));
    CHECK(ev[0].summary == std::string("Testvik skole: ") + label(plan_item::core_group, lang::nb));
    CHECK(ev[1].summary == "Testvik skole: Personalmøte: styrkefokus");
    CHECK(ev[1].description.find("avtaleår 2") != std::string::npos);
    CHECK(ev[3].summary == "Testvik skole: Avtaleår 1 slutter");
    CHECK(ev[3].first == d("2025-07-31"));
    CHECK(ev[5].first == d("2027-07-31"));
    CHECK(agreement_events(a, lang::en)[3].summary == "Testvik skole: Agreement year 1 ends");
    CHECK(agreement_events(a, lang::nn)[3].summary == "Testvik skole: Avtaleår 1 sluttar");

    // moving the first staff meeting keeps its uid (the calendar updates it) and bumps SEQUENCE
    const auto moved = with_dates({{plan_item::staff, d("2025-10-27"), "Personalmøte: styrkefokus"},
                                   {plan_item::core_group, d("2025-09-04"), ""},
                                   {plan_item::staff, d("2026-01-12"), ""}});
    const auto ev2 = agreement_events(moved, lang::nb);
    CHECK(ev2[1].uid == ev[1].uid);
    CHECK(ev2[1].first == d("2025-10-27"));
    icalendar_options o;
    o.stamp = boost::posix_time::ptime(d("2026-01-01"));
    const auto first = write_icalendar(ev, o);
    o.previous = first;
    const auto second = write_icalendar(ev2, o);
    CHECK(second.find("DTSTART;VALUE=DATE:20251027") != std::string::npos);
    CHECK(second.find("SEQUENCE:1") != std::string::npos);
    for (const auto& e : ev) CHECK(e.uid.find("2025") == std::string::npos);  // never from dates
}

TEST_CASE("planned dates and held meetings on a holiday or a weekend are warnings with their JSON Pointer",
          "[agreement][calendar]") {
    auto a = with_dates({{plan_item::staff, d("2025-05-17"), ""}, {plan_item::staff, d("2025-10-20"), ""}});
    a.add_meeting({meeting_kind::core_group, d("2024-09-07"), "", 0});  // a Saturday
    a.add_meeting({meeting_kind::core_group, d("2024-09-05"), "", 0});  // a Thursday
    const auto w = check_agreement_days(a);
    REQUIRE(w.size() == 2);
    CHECK(w[0].session_id == "/plan/dates/0");
    CHECK(w[0].reason == schedule_warning_reason::holiday);
    CHECK(w[1].session_id == "/records/meetings/0");
    CHECK(w[1].reason == schedule_warning_reason::saturday);
    CHECK(check_agreement_days(with_dates({{plan_item::staff, d("2025-10-20"), ""}})).empty());
}

TEST_CASE("seats traced the other way: from a cohort's participant to the agreement holding the seat", "[agreement]") {
    auto a = with_dates({});
    a.add_seat({"trener-2024-demo", "p05", d("2024-08-15")});
    a.add_seat({"trener-2024-demo", "p01", d("2024-09-01")});
    a.add_seat({"trener-2025", "p01", d("2025-08-15")});
    auto b = agreement("solvik-2024", organisation{"Solvik barnehage", municipality{"3905", "Tønsberg"}, organisation_kind::kindergarten},
                       d("2024-08-01"), 3, agreement_form::full, 12);
    b.add_seat({"trener-2024-demo", "p03", d("2024-08-20")});
    const agreement* both[] = {&a, &b};
    const auto seats = seats_in_cohort(both, "trener-2024-demo");
    REQUIRE(seats.size() == 3);
    CHECK(seats[0] == cohort_seat{"p01", "testvik-2024", "Testvik skole", d("2024-09-01")});
    CHECK(seats[1] == cohort_seat{"p03", "solvik-2024", "Solvik barnehage", d("2024-08-20")});
    CHECK(seats[2].participant == "p05");
    CHECK(seats_in_cohort(both, "trener-2025").size() == 1);
    CHECK(seats_in_cohort(both, "none").empty());
}
