// Cohorts validate everything on entry: participants, capacity, attendance days,
// exemptions and the schedule.
#include "helpers.hpp"

using namespace smart;
using th::d;
using th::thrown_by;
using A = attendance_status;
using Catch::Contains;

namespace {

std::shared_ptr<const programme> trainer_programme() {
    return th::programme_of(th::trainer_schedule(),
                            {th::attendance(), th::notes(), th::final_text(), th::festival_req()});
}

}  // namespace

TEST_CASE("a cohort exposes its schedule's days in order", "[cohort]") {
    cohort c(trainer_programme(), "c1", "Kull");
    CHECK(c.days().size() == 9);
    CHECK(c.first_day() == d("2024-09-18"));
    CHECK(c.last_day() == d("2025-04-09"));
    CHECK(c.day_index(d("2024-11-14")) == std::optional<std::size_t>{3});
    CHECK_FALSE(c.day_index(d("2024-11-15")).has_value());
    CHECK(c.sessions()[c.session_of_day(3)].id == "g2");
    CHECK(c.sessions()[c.session_of_day(8)].kind == session_kind::festival);
    CHECK_FALSE(c.has_own_sessions());
    CHECK(c.programme_ref().empty());
}

TEST_CASE("a duplicate participant id is rejected", "[cohort][participants]") {
    cohort c(trainer_programme(), "c1", "Kull");
    c.add_participant(th::person("p1"));
    const error e = thrown_by([&] { c.add_participant(th::person("p1", "Noen Andre")); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/1/id");
    CHECK_THAT(e.message(), Contains("p1"));
    CHECK(c.size() == 1);
}

TEST_CASE("participants are found by id", "[cohort][participants]") {
    cohort c(trainer_programme(), "c1", "Kull");
    c.add_participants({th::person("p3"), th::person("p1"), th::person("p2")});
    c.add_participant(th::person("p0"));
    for (const char* id : {"p0", "p1", "p2", "p3"}) {
        INFO(id);
        REQUIRE(c.find(id) != nullptr);
        CHECK(c.find(id)->id == id);
        CHECK(c.participants()[c.index_of(id)].id == id);
    }
    CHECK(c.index_of("p3") == 0);  // insertion order is kept
    CHECK(c.find("p9") == nullptr);
    CHECK(thrown_by([&] { c.index_of("p9"); }).code() == errc::not_found);
}

TEST_CASE("adding a participant to a full cohort is not allowed", "[cohort][capacity]") {
    cohort c(trainer_programme(), "c1", "Kull", 2);
    c.add_participant(th::person("p1"));
    c.add_participant(th::person("p2"));
    const error e = thrown_by([&] { c.add_participant(th::person("p3")); });
    CHECK(e.code() == errc::not_allowed);
    CHECK(c.size() == 2);
}

TEST_CASE("adding too many participants at once names the first one beyond capacity", "[cohort][capacity]") {
    cohort c(trainer_programme(), "c1", "Kull", 3);
    c.add_participant(th::person("p1"));
    const error e = thrown_by([&] { c.add_participants({th::person("p2"), th::person("p3"), th::person("p4")}); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/3");
    CHECK(c.size() == 1);
}

TEST_CASE("loading more participants than seats is a validation error at the first extra one", "[cohort][capacity]") {
    const std::string doc = R"({
      "format": "smart.cohort/1", "id": "c1", "label": "Kull", "capacity": 2,
      "programme": {"id": "p", "name": "P", "sessions": [{"id": "g1", "kind": "gathering", "days": ["2024-09-18"]}]},
      "participants": [
        {"id": "a", "name": "A", "municipality": {"number": "3905", "name": "Tønsberg"}, "role": "lærer", "sector": "public"},
        {"id": "b", "name": "B", "municipality": {"number": "3905", "name": "Tønsberg"}, "role": "lærer", "sector": "public"},
        {"id": "c", "name": "C", "municipality": {"number": "3905", "name": "Tønsberg"}, "role": "lærer", "sector": "public"}
      ]})";
    const error e = thrown_by([&] { load_cohort(doc); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/2");
    CHECK_THAT(e.message(), Contains("2"));
}

TEST_CASE("a cohort's capacity defaults to the programme's seats", "[cohort][capacity]") {
    auto prog = std::make_shared<programme>(*trainer_programme());
    prog->seats = 36;
    cohort by_default(prog, "c1", "Kull");
    CHECK(by_default.capacity() == std::optional<int>{36});
    cohort own(prog, "c2", "Kull", 12);
    CHECK(own.capacity() == std::optional<int>{12});
    cohort unlimited(trainer_programme(), "c3", "Kull");
    CHECK_FALSE(unlimited.capacity().has_value());
    CHECK(thrown_by([&] { cohort(prog, "c4", "Kull", 0); }).code() == errc::validation_error);
}

TEST_CASE("attendance can only be recorded on a session day", "[cohort][attendance]") {
    cohort c = th::cohort_with_one(trainer_programme());
    const error e = thrown_by([&] { c.set_attendance("p1", d("2024-09-20"), A::present); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/attendance/2024-09-20");
    CHECK(c.find("p1")->attendance.empty());  // nothing recorded
    CHECK(thrown_by([&] { c.attendance("p1", d("2024-09-20")); }).code() == errc::validation_error);
}

TEST_CASE("attendance for an unknown participant is not_found", "[cohort][attendance]") {
    cohort c = th::cohort_with_one(trainer_programme());
    CHECK(thrown_by([&] { c.set_attendance("nobody", d("2024-09-18"), A::present); }).code() == errc::not_found);
    CHECK(thrown_by([&] { c.attendance("nobody", d("2024-09-18")); }).code() == errc::not_found);
}

TEST_CASE("recorded attendance reads back per day, unrecorded elsewhere", "[cohort][attendance]") {
    cohort c = th::cohort_with_one(trainer_programme());
    CHECK(c.attendance("p1", d("2024-09-18")) == A::unrecorded);
    c.set_attendance("p1", d("2024-09-18"), A::late);
    c.set_attendance("p1", th::trainer_festival_day, A::present);
    CHECK(c.attendance("p1", d("2024-09-18")) == A::late);
    CHECK(c.attendance("p1", d("2024-09-19")) == A::unrecorded);
    CHECK(c.attendance("p1", th::trainer_festival_day) == A::present);
    CHECK(c.find("p1")->attendance.size() == c.days().size());
}

TEST_CASE("a participant's attendance must have one entry per session day", "[cohort][attendance]") {
    cohort c(trainer_programme(), "c1", "Kull");
    participant p = th::person("p1");
    p.attendance = {A::present, A::present};
    const error e = thrown_by([&] { c.add_participant(p); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/attendance");
}

TEST_CASE("an exemption must name a requirement of the programme", "[cohort][exemption]") {
    cohort c = th::cohort_with_one(trainer_programme());
    const error e = thrown_by([&] { c.add_exemption("p1", {"attendence", "Sykdom", "Koordinator", std::nullopt}); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/exemptions/0/requirement");
    CHECK_THAT(e.message(), Contains("attendence"));
    CHECK(c.find("p1")->exemptions.empty());
}

TEST_CASE("an exemption needs a reason and who granted it, once per requirement", "[cohort][exemption]") {
    cohort c = th::cohort_with_one(trainer_programme());
    CHECK(thrown_by([&] { c.add_exemption("p1", {"festival", "", "Koordinator", std::nullopt}); }).pointer() ==
          "/participants/0/exemptions/0/reason");
    CHECK(thrown_by([&] { c.add_exemption("p1", {"festival", "Sykdom", "", std::nullopt}); }).pointer() ==
          "/participants/0/exemptions/0/granted_by");
    c.add_exemption("p1", {"festival", "Sykdom", "Koordinator", std::nullopt});
    const error twice = thrown_by([&] { c.add_exemption("p1", {"festival", "Igjen", "Koordinator", std::nullopt}); });
    CHECK(twice.code() == errc::validation_error);
    CHECK(twice.pointer() == "/participants/0/exemptions/1/requirement");
    CHECK(c.find("p1")->exemptions.size() == 1);
    CHECK(thrown_by([&] { c.remove_exemption("p1", "notes"); }).code() == errc::not_found);
    c.remove_exemption("p1", "festival");
    CHECK(c.find("p1")->exemptions.empty());
}

TEST_CASE("a municipality number must be exactly four digits", "[cohort][participants]") {
    for (const char* number : {"390", "39055", "39a5", "", " 390", "-390"}) {
        INFO('"' << number << '"');
        cohort c(trainer_programme(), "c1", "Kull");
        participant p = th::person("p1");
        p.municipality.number = number;
        const error e = thrown_by([&] { c.add_participant(p); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/participants/0/municipality/number");
        CHECK(c.size() == 0);
    }
    cohort c(trainer_programme(), "c1", "Kull");
    participant oslo = th::person("p1");
    oslo.municipality = {"0301", "Oslo"};  // a leading zero is a digit like any other
    c.add_participant(oslo);
    CHECK(c.find("p1")->municipality.number == "0301");
}

TEST_CASE("a participant needs an id, a name and a role", "[cohort][participants]") {
    cohort c(trainer_programme(), "c1", "Kull");
    c.add_participant(th::person("p0"));
    participant no_id = th::person("");
    CHECK(thrown_by([&] { c.add_participant(no_id); }).pointer() == "/participants/1/id");
    participant no_name = th::person("p1", "");
    CHECK(thrown_by([&] { c.add_participant(no_name); }).pointer() == "/participants/1/name");
    participant no_role = th::person("p1");
    no_role.role.clear();
    CHECK(thrown_by([&] { c.add_participant(no_role); }).pointer() == "/participants/1/role");
    CHECK(c.size() == 1);
}

TEST_CASE("a submission with zero pages is rejected", "[cohort][submissions]") {
    cohort c = th::cohort_with_one(trainer_programme());
    submission s = th::text(d("2025-04-01"), 0);
    const error e = thrown_by([&] { c.add_submission("p1", s); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/submissions/0/pages");
    CHECK(c.find("p1")->submissions.empty());
    submission undated = th::note(date(boost::gregorian::not_a_date_time));
    CHECK(thrown_by([&] { c.add_submission("p1", undated); }).pointer() == "/participants/0/submissions/0/date");
}

TEST_CASE("a template programme cannot be used without the cohort's own sessions", "[cohort][schedule]") {
    auto schedule = th::year_long_schedule();
    for (auto& s : schedule) s.days.clear();  // a template: sessions with no dates
    const auto tmpl = th::programme_of(schedule, {th::attendance(), th::festival_req()});
    const error e = thrown_by([&] { cohort(tmpl, "c1", "Kull"); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
    cohort own(tmpl, "c2", "Kull 3", std::nullopt, th::year_long_schedule());
    CHECK(own.has_own_sessions());
    CHECK(own.days().size() == 10);
}

TEST_CASE("a programme with no schedule needs the cohort's own sessions", "[cohort][schedule]") {
    const auto bare = th::programme_of({}, {});
    CHECK(thrown_by([&] { cohort(bare, "c1", "Kull"); }).code() == errc::validation_error);
    cohort own(bare, "c1", "Kull", std::nullopt, {th::gathering("kurs", {d("2025-01-10")})});
    CHECK(own.days().size() == 1);
}

TEST_CASE("a festival requirement needs a festival session", "[cohort][schedule]") {
    auto schedule = th::trainer_schedule();
    schedule.pop_back();  // no festival
    // (a programme whose own schedule lacks it is rejected itself: test_vacuous.cpp)
    const auto prog = th::programme_of({}, {th::attendance(), th::festival_req()});
    const error e = thrown_by([&] { cohort(prog, "c1", "Kull", std::nullopt, schedule); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
    CHECK_THAT(e.message(), Contains("festival"));
    // without the festival requirement the same schedule is fine
    cohort ok(th::programme_of(schedule, {th::attendance()}), "c1", "Kull");
    CHECK(ok.days().size() == 8);
}

TEST_CASE("a cohort's sessions must be in date order and share no day", "[cohort][schedule]") {
    const auto prog = th::programme_of(th::trainer_schedule(), {th::attendance()});
    SECTION("out of order") {
        const error e = thrown_by([&] {
            cohort(prog, "c1", "Kull", std::nullopt,
                   {th::gathering("g1", {d("2024-11-13")}), th::gathering("g2", {d("2024-09-18")})});
        });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/sessions/1/days/0");
    }
    SECTION("overlapping on a day") {
        const error e = thrown_by([&] {
            cohort(prog, "c1", "Kull", std::nullopt,
                   {th::gathering("g1", {d("2024-09-18"), d("2024-09-19")}), th::gathering("g2", {d("2024-09-19")})});
        });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/sessions/1/days/0");
    }
    SECTION("days inside a session out of order") {
        const error e = thrown_by([&] {
            cohort(prog, "c1", "Kull", std::nullopt, {th::gathering("g1", {d("2024-09-19"), d("2024-09-18")})});
        });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/sessions/0/days/1");
    }
    SECTION("a repeated day inside a session") {
        const error e = thrown_by([&] {
            cohort(prog, "c1", "Kull", std::nullopt, {th::gathering("g1", {d("2024-09-18"), d("2024-09-18")})});
        });
        CHECK(e.pointer() == "/sessions/0/days/1");
    }
    SECTION("a duplicate session id") {
        const error e = thrown_by([&] {
            cohort(prog, "c1", "Kull", std::nullopt,
                   {th::gathering("g1", {d("2024-09-18")}), th::gathering("g1", {d("2024-09-19")})});
        });
        CHECK(e.pointer() == "/sessions/1/id");
    }
    SECTION("a session without days") {
        const error e = thrown_by(
            [&] { cohort(prog, "c1", "Kull", std::nullopt, {th::gathering("g1", {d("2024-09-18")}), th::gathering("g2", {})}); });
        CHECK(e.pointer() == "/sessions/1/days");
    }
    SECTION("an end time before the start time") {
        session s = th::gathering("g1", {d("2024-09-18")});
        s.start = time_of_day{11, 0};
        s.end = time_of_day{9, 0};
        const error e = thrown_by([&] { cohort(prog, "c1", "Kull", std::nullopt, {s}); });
        CHECK(e.pointer() == "/sessions/0/end");
    }
}

TEST_CASE("a cohort needs a non-empty id and label", "[cohort]") {
    CHECK(thrown_by([] { cohort(th::programme_of(th::trainer_schedule(), {}), "", "Kull"); }).pointer() == "/id");
    CHECK(thrown_by([] { cohort(th::programme_of(th::trainer_schedule(), {}), "c1", ""); }).pointer() == "/label");
}

TEST_CASE("add_participants adds all or nothing", "[cohort][participants]") {
    cohort c(trainer_programme(), "c1", "Kull");
    c.add_participant(th::person("p1"));
    SECTION("an invalid participant in the batch") {
        participant bad = th::person("p3");
        bad.municipality.number = "12";
        const error e = thrown_by([&] { c.add_participants({th::person("p2"), bad, th::person("p4")}); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/participants/2/municipality/number");  // position in the cohort
    }
    SECTION("a duplicate of a participant already there") {
        const error e = thrown_by([&] { c.add_participants({th::person("p2"), th::person("p1")}); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/participants/2/id");
    }
    SECTION("a duplicate inside the batch") {
        const error e = thrown_by([&] { c.add_participants({th::person("p2"), th::person("p3"), th::person("p2")}); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/participants/3/id");
    }
    CHECK(c.size() == 1);
    CHECK(c.find("p2") == nullptr);
    // the cohort still works after the refused batch
    c.add_participants({th::person("p2"), th::person("p3")});
    CHECK(c.size() == 3);
    CHECK(c.find("p3") != nullptr);
    CHECK(c.find("p1") == &c.participants()[0]);
}

TEST_CASE("records on another participant do not leak", "[cohort][participants]") {
    cohort c(trainer_programme(), "c1", "Kull");
    c.add_participants({th::person("a"), th::person("b")});
    c.set_attendance("b", d("2024-09-18"), A::present);
    c.add_submission("b", th::note(d("2024-10-01")));
    CHECK(c.find("a")->attendance.empty());
    CHECK(c.find("a")->submissions.empty());
    CHECK(c.attendance("b", d("2024-09-18")) == A::present);
}

TEST_CASE("cohort equality compares programme, schedule and participants", "[cohort]") {
    const auto prog = trainer_programme();
    cohort a(prog, "c1", "Kull");
    cohort b(prog, "c1", "Kull");
    CHECK(a == b);
    a.add_participant(th::person("p1"));
    CHECK_FALSE(a == b);
    b.add_participant(th::person("p1"));
    CHECK(a == b);
    a.set_attendance("p1", d("2024-09-18"), A::present);
    CHECK_FALSE(a == b);
    cohort other_label(prog, "c1", "Annet kull");
    CHECK_FALSE(other_label == cohort(prog, "c1", "Kull"));
}

TEST_CASE("a submission's page count is checked on entry as on load (1 to 10000)", "[cohort][submission]") {
    smart::cohort c = smart::catalogue::demo_cohort();
    smart::submission s{smart::submission_kind::final_text, smart::submission_status::submitted,
                        smart::date(2025, 4, 1), std::uint16_t{10001}, smart::final_category::none, {}};
    CHECK_THROWS_AS(c.add_submission("p01", s), smart::error);
    s.pages = 10000;
    CHECK_NOTHROW(c.add_submission("p01", s));
    CHECK(smart::load_cohort(smart::save_cohort(c)) == c);
}

TEST_CASE("names are stored trimmed and a name of spaces is refused at its pointer", "[cohort][participants]") {
    cohort c(trainer_programme(), "c1", "Kull");
    c.add_participant(th::person("p1", "  Kari Nordmann\t"));
    CHECK(c.participants()[0].name == "Kari Nordmann");
    participant nbsp = th::person("p2", "\xC2\xA0Ola\xC2\xA0");
    nbsp.municipality.name = " Tønsberg ";
    c.add_participants({nbsp});
    CHECK(c.participants()[1].name == "Ola");
    CHECK(c.participants()[1].municipality.name == "Tønsberg");
    const error e = thrown_by([&] { c.add_participants({th::person("p3"), th::person("p4", "   ")}); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/3/name");
    CHECK_THAT(e.message(), Contains("blank"));
    CHECK(c.size() == 2);
    const error corrected = thrown_by([&] { c.correct_participant("p1", {" \t ", {"3905", "Tønsberg"}, "lærer", sector::public_sector}); });
    CHECK(corrected.pointer() == "/participants/0/name");
}

TEST_CASE("a municipality number no county has is refused; numbers from before a reform are kept", "[cohort][participants]") {
    cohort c(trainer_programme(), "c1", "Kull");
    participant p = th::person("p1");
    p.municipality = {"9999", "Ingensteds"};
    const error e = thrown_by([&] { c.add_participant(p); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/municipality/number");
    CHECK_THAT(e.message(), Contains("9999"));
    p.municipality = {"3900", "Vestfold"};  // a county, no municipality
    CHECK(thrown_by([&] { c.add_participant(p); }).pointer() == "/participants/0/municipality/number");
    for (const char* kept : {"0704", "3803", "5001", "5601", "0301"}) {
        participant q = th::person(std::string("q") + kept);
        q.municipality = {kept, "Kommune"};
        CHECK_NOTHROW(c.add_participant(q));
    }
}

TEST_CASE("a municipality number recorded with two names is a warning naming both", "[cohort][participants][warnings]") {
    cohort c(trainer_programme(), "c1", "Kull");
    c.add_participant(th::person("p1"));                       // 3905 Tønsberg
    participant b = th::person("p2");
    b.municipality = {"3905", "Bergen"};
    participant o = th::person("p3");
    o.municipality = {"0301", "Oslo"};
    c.add_participants({o, b, th::person("p4")});
    const auto ws = check_municipality_names(c);
    REQUIRE(ws.size() == 1);
    CHECK(ws[0].number == "3905");
    CHECK(ws[0].names == std::vector<std::string>{"Tønsberg", "Bergen"});
    CHECK(ws[0].participant == 2);
    CHECK(ws[0].path == "/participants/2/municipality/name");
    CHECK(describe(ws[0], lang::nb) == "Kommunenummer 3905 er registrert med ulike navn: «Tønsberg», «Bergen»");
    CHECK(describe(ws[0], lang::en) == "Municipality number 3905 is recorded with different names: «Tønsberg», «Bergen»");
    CHECK_THAT(describe(ws[0], lang::nn), Contains("ulike namn"));
}
