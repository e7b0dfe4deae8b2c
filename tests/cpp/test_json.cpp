// JSON documents (docs/format.md): loading from strings, round trips, and a table of
// malformed documents each with its error code, JSON Pointer and message.
#include "helpers.hpp"

#include <functional>
#include <nlohmann/json.hpp>

using namespace smart;
using th::d;
using th::thrown_by;
using A = attendance_status;
using Catch::Contains;
using nlohmann::json;

namespace {

/// A valid cohort document with an embedded programme shaped like the trainer programme.
json base_cohort() {
    return json::parse(R"({
      "format": "smart.cohort/1",
      "id": "kull-1",
      "label": "Kull 1",
      "programme": {
        "id": "test-programme",
        "name": {"nb": "Testprogram", "en": "Test programme"},
        "sessions": [
          {"id": "g1", "kind": "gathering", "days": ["2024-09-18", "2024-09-19"]},
          {"id": "g2", "kind": "gathering", "days": ["2024-11-13", "2024-11-14"]},
          {"id": "festival", "kind": "festival", "days": ["2025-04-09"]}
        ],
        "certificate": {"requirements": [
          {"id": "attendance", "kind": "attendance", "min_ratio": "4/5"},
          {"id": "notes", "kind": "interval_notes"},
          {"id": "final_text", "kind": "final_text", "pages": {"min": 2, "max": 3}},
          {"id": "festival", "kind": "festival"}
        ]}
      },
      "participants": [
        {"id": "p1", "name": "Kari Nordmann", "municipality": {"number": "3905", "name": "Tønsberg"},
         "role": "lærer", "sector": "public",
         "attendance": {"2024-09-18": "present", "2024-09-19": "late"},
         "submissions": [{"kind": "reflection", "date": "2024-10-01"},
                         {"kind": "final_text", "date": "2025-04-01", "pages": 2, "category": "method"}]},
        {"id": "p2", "name": "Ola Nordmann", "municipality": {"number": "0301", "name": "Oslo"},
         "role": "rektor", "sector": "private"}
      ]
    })");
}

struct bad_case {
    const char* what;
    std::function<void(json&)> change;
    errc code;
    const char* pointer;
    const char* fragment;
};

}  // namespace

TEST_CASE("a cohort document with an embedded programme loads", "[json]") {
    const cohort c = load_cohort(base_cohort().dump());
    CHECK(c.id() == "kull-1");
    CHECK(c.label() == "Kull 1");
    CHECK(c.programme().id == "test-programme");
    CHECK(c.programme().name.en == "Test programme");
    CHECK(c.programme_ref().empty());
    CHECK(c.programme().requirements.size() == 4);
    CHECK(c.days().size() == 5);
    REQUIRE(c.size() == 2);
    CHECK(c.attendance("p1", d("2024-09-19")) == A::late);
    CHECK(c.attendance("p1", d("2024-11-13")) == A::unrecorded);
    CHECK(c.find("p2")->attendance.empty());
    CHECK(c.find("p2")->sector == sector::private_sector);
    const auto& subs = c.find("p1")->submissions;
    REQUIRE(subs.size() == 2);
    CHECK(subs[0].status == submission_status::submitted);  // the default
    CHECK(subs[1].pages == std::optional<std::uint16_t>{2});
    CHECK(subs[1].category == final_category::method);
    CHECK_FALSE(c.capacity().has_value());
}

TEST_CASE("a programme document loads with defaults for what it leaves out", "[json]") {
    const programme p = load_programme(R"({
      "format": "smart.programme/1", "id": "mini", "name": "Mini",
      "certificate": {"requirements": [
        {"id": "a", "kind": "attendance"},
        {"id": "n", "kind": "interval_notes"},
        {"id": "t", "kind": "final_text"},
        {"id": "f", "kind": "festival"}
      ]}})");
    CHECK(p.name.nb == "Mini");  // a plain string is bokmål
    CHECK(p.name.get(lang::en) == "Mini");
    REQUIRE(p.requirements.size() == 4);
    CHECK(std::get<attendance_rule>(p.requirements[0].rule) == attendance_rule{});
    CHECK(std::get<interval_notes_rule>(p.requirements[1].rule) == interval_notes_rule{});
    CHECK(std::get<final_text_rule>(p.requirements[2].rule) == final_text_rule{});
    CHECK(std::get<festival_rule>(p.requirements[3].rule) == festival_rule{});
    const auto& a = std::get<attendance_rule>(p.requirements[0].rule);
    CHECK(a.min_ratio == ratio(4, 5));
    CHECK(a.weight_late == ratio(1));
    CHECK(a.weight_excused == ratio(0));
    CHECK(a.counted_kinds == std::vector<session_kind>{session_kind::gathering});
    CHECK(p.sessions.empty());
    CHECK_FALSE(p.seats.has_value());
}

TEST_CASE("a programme with no certificate member has no certificate", "[json]") {
    const programme p = load_programme(R"({"format": "smart.programme/1", "id": "x", "name": {"nb": "X"}})");
    CHECK_FALSE(p.has_certificate());
}

TEST_CASE("a cohort may reference a built-in programme by id", "[json][catalogue]") {
    const cohort c = load_cohort(R"({"format": "smart.cohort/1", "id": "k", "label": "K",
                                     "programme": "smart-trener-2024"})");
    CHECK(c.programme_ref() == "smart-trener-2024");
    CHECK(c.programme().id == "smart-trener-2024");
    CHECK(c.programme_ptr() == catalogue::get("smart-trener-2024"));  // shared, not copied
    CHECK(c.size() == 0);
}

// --- round trips ----------------------------------------------------------------------

namespace {

localized_text text3(const char* nb, const char* nn, const char* en) { return {nb, nn, en}; }

/// A programme using every optional member.
programme everything_programme() {
    programme p;
    p.id = "alt.i-1";
    p.name = text3("Alt", "Alt", "Everything");
    p.provider = text3("SMART-senteret", "", "The SMART centre");
    p.audience = {"Ledere", "", ""};
    p.description = text3("Beskrivelse", "Skildring", "Description");
    p.focus_question = {"Hva virker?", "", ""};
    p.aims = {text3("Mål 1", "", "Aim 1"), {"Mål 2", "", ""}};
    p.goals = {{"k1", text3("Kompetanse 1", "Kompetanse 1", "Competence 1")}, {"k2", {"Kompetanse 2", "", ""}}};
    p.knowledge_base = {{"Positiv psykologi", "", "Positive psychology"}};
    p.seats = 36;

    session g1 = th::gathering("g1", {d("2024-09-18"), d("2024-09-19")});
    g1.start = time_of_day{9, 0};
    g1.end = time_of_day{15, 30};
    g1.theme = text3("Styrker", "Styrkar", "Strengths");
    g1.description = {"Første samling", "", ""};
    g1.focus_areas = {"Relasjon", "Anerkjennelse"};
    g1.resources = {{"Presentasjon", "presentation", "https://example.org/p.pdf"}, {"Film", "film", ""}, {"Modell", "", ""}};
    g1.work = between_session_work{text3("Mellomarbeid", "", "Between-session work"), d("2024-10-15")};
    session g2 = th::gathering("g2", {d("2024-11-13")});
    g2.work = between_session_work{{"Uten frist", "", ""}, std::nullopt};
    session kick = th::make_session("kick", session_kind::kick_off, {d("2024-08-30")});
    session other = th::make_session("other", session_kind::other, {d("2025-01-10")});
    p.sessions = {kick, g1, g2, other, th::festival("festival", d("2025-04-09"))};

    attendance_rule a;
    a.min_ratio = ratio(3, 4);
    a.weight_present = ratio(1);
    a.weight_late = ratio(1, 2);
    a.weight_excused = ratio(1, 3);
    a.counted_kinds = {session_kind::gathering, session_kind::kick_off};
    interval_notes_rule n;
    n.per_interval = 2;
    n.accepted_kinds = {submission_kind::practice_document, submission_kind::reflection};
    n.require_approval = true;
    n.require_portfolio_approval = true;
    final_text_rule f;
    f.min_pages = 2;
    f.max_pages = 3;
    f.categories = {final_category::method, final_category::insight};
    f.require_approval = true;
    f.deadline = d("2025-04-01");
    festival_rule fe;
    fe.roles = {festival_role::exhibition, festival_role::process_leader};
    p.requirements = {requirement{"oppmote", text3("80 %", "80 %", "80 %"), a},
                      requirement{"notater", {"Notater", "", ""}, n}, requirement{"tekst", {}, f},
                      requirement{"festival", {}, fe}};
    validate(p);
    return p;
}

/// A participant with every optional member.
participant everything_participant(const std::string& id) {
    participant p = th::person(id, "Åse Grønlie");
    p.municipality = {"0301", "Oslo"};
    p.sector = sector::voluntary;
    p.contact = contact_info{"ase@example.org", "000 00 000"};
    p.festival_role = festival_role::process_leader;
    submission s1 = th::note(d("2024-10-01"), submission_status::approved);
    s1.set_title("Første notat");
    submission s2 = th::doc(submission_kind::portfolio, d("2025-03-01"), submission_status::rejected);
    submission s3 = th::text(d("2025-03-20"), 3, final_category::insight, submission_status::approved);
    s3.set_title("Innsikt");
    p.submissions = {s1, s2, s3};
    p.exemptions = {{"festival", "Sykdom", "Koordinator", d("2025-04-01")}, {"tekst", "Fritak", "Leder", std::nullopt}};
    return p;
}

}  // namespace

TEST_CASE("a programme with every optional member round-trips", "[json][round-trip]") {
    const programme p = everything_programme();
    const std::string text = save_programme(p);
    const programme back = load_programme(text);
    CHECK(back == p);
    CHECK(save_programme(back) == text);  // writing is stable
    const json doc = json::parse(text);
    CHECK(doc.at("format") == "smart.programme/1");
    CHECK(doc.at("sessions")[1].at("start") == "09:00");
    CHECK(doc.at("sessions")[1].at("between_session_work").at("due") == "2024-10-15");
    CHECK(doc.at("certificate").at("requirements")[0].at("weights").at("excused") == "1/3");
}

TEST_CASE("a cohort with an embedded programme and every optional member round-trips", "[json][round-trip]") {
    auto prog = std::make_shared<const programme>(everything_programme());
    cohort c(prog, "kull-alt", "Kull med alt", 20);
    c.add_participant(everything_participant("p1"));
    c.add_participant(th::person("p2"));
    c.add_participant(th::person("p3"));
    c.set_attendance("p1", d("2024-08-30"), A::present);
    c.set_attendance("p1", d("2024-09-18"), A::late);
    c.set_attendance("p1", d("2024-09-19"), A::excused);
    c.set_attendance("p1", d("2024-11-13"), A::absent);
    c.set_attendance("p1", d("2025-04-09"), A::present);
    c.set_attendance("p2", d("2024-09-18"), A::present);
    const std::string text = save_cohort(c);
    const cohort back = load_cohort(text);
    CHECK(back == c);
    CHECK(back.programme() == *prog);
    CHECK(back.programme_ref().empty());
    CHECK(back.capacity() == std::optional<int>{20});
    CHECK(*back.find("p1") == *c.find("p1"));
    CHECK(save_cohort(back) == text);
    const json doc = json::parse(text);
    CHECK(doc.at("programme").is_object());
    CHECK(doc.at("participants")[0].at("contact").at("email") == "ase@example.org");
    CHECK(doc.at("participants")[0].at("attendance").at("2024-09-19") == "excused");
}

TEST_CASE("a cohort with its own sessions round-trips", "[json][round-trip]") {
    auto tmpl_sessions = th::year_long_schedule();
    for (auto& s : tmpl_sessions) s.days.clear();
    const auto tmpl = th::programme_of(tmpl_sessions, {th::attendance(), th::festival_req()}, "arslop-test");
    auto own = th::year_long_schedule();
    own[0].start = time_of_day{8, 30};
    own[0].end = time_of_day{15, 0};
    cohort c(tmpl, "kull-3", "Kull 3", 36, own);
    participant p = th::person("p1");
    p.exemptions = {{"festival", "Sykdom", "Koordinator", std::nullopt}};
    c.add_participant(p);
    c.set_attendance("p1", d("2020-09-16"), A::present);
    const std::string text = save_cohort(c);
    const json doc = json::parse(text);
    REQUIRE(doc.contains("sessions"));
    CHECK(doc.at("sessions").size() == 10);
    CHECK(doc.at("sessions")[0].at("end") == "15:00");
    const cohort back = load_cohort(text);
    CHECK(back.has_own_sessions());
    CHECK(back.sessions() == own);
    CHECK(back == c);
}

TEST_CASE("a cohort referencing a catalogue programme round-trips as a reference", "[json][round-trip]") {
    cohort c(catalogue::get("smart-trener-2024"), "k", "Kull", 12, {}, "smart-trener-2024");
    participant p = th::person("p1");
    p.contact = contact_info{"", "000 00 000"};
    p.festival_role = festival_role::exhibition;
    p.submissions = {th::note(d("2024-10-01")), th::text(d("2025-04-01"), 2, final_category::results)};
    p.exemptions = {{"attendance", "Sykdom", "Koordinator", d("2024-12-01")}};
    c.add_participant(p);
    c.set_attendance("p1", d("2024-09-18"), A::present);
    c.set_attendance("p1", d("2025-04-09"), A::late);
    const std::string text = save_cohort(c);
    const json doc = json::parse(text);
    CHECK(doc.at("programme") == "smart-trener-2024");
    CHECK_FALSE(doc.contains("sessions"));
    const cohort back = load_cohort(text);
    CHECK(back == c);
    CHECK(back.programme_ref() == "smart-trener-2024");
}

TEST_CASE("clearing a participant's only recorded day still round-trips", "[json][round-trip]") {
    cohort c = th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::attendance()}));
    c.set_attendance("p1", d("2024-09-18"), A::present);
    c.set_attendance("p1", d("2024-09-18"), A::unrecorded);  // the record is withdrawn
    REQUIRE(c.attendance("p1", d("2024-09-18")) == A::unrecorded);
    const cohort back = load_cohort(save_cohort(c));
    CHECK(back.attendance("p1", d("2024-09-18")) == A::unrecorded);
    CHECK(back == c);  // save_cohort: "loading the text again gives an equal cohort"
}

TEST_CASE("a loaded document saves to an equal document", "[json][round-trip]") {
    const cohort c = load_cohort(base_cohort().dump());
    const cohort back = load_cohort(save_cohort(c));
    CHECK(back == c);
}

// --- malformed documents --------------------------------------------------------------

TEST_CASE("malformed cohort documents are rejected with code, pointer and message", "[json][errors]") {
    const std::vector<bad_case> cases = {
        {"a day that does not exist as an attendance key",
         [](json& j) { j["participants"][0]["attendance"]["2025-02-29"] = "present"; }, errc::validation_error,
         "/participants/0/attendance/2025-02-29", "2025-02-29"},
        {"an attendance key that is not a date",
         [](json& j) { j["participants"][0]["attendance"]["18.09.2024"] = "present"; }, errc::validation_error,
         "/participants/0/attendance/18.09.2024", "YYYY-MM-DD"},
        {"a bad date in a submission",
         [](json& j) { j["participants"][0]["submissions"][1]["date"] = "2025-04-31"; }, errc::validation_error,
         "/participants/0/submissions/1/date", "2025-04-31"},
        {"a date with a time in a submission",
         [](json& j) { j["participants"][0]["submissions"][0]["date"] = "2024-10-01T12:00"; }, errc::validation_error,
         "/participants/0/submissions/0/date", "2024-10-01T12:00"},
        {"an unknown session kind", [](json& j) { j["programme"]["sessions"][1]["kind"] = "workshop"; },
         errc::validation_error, "/programme/sessions/1/kind", "workshop"},
        {"an unknown attendance status",
         [](json& j) { j["participants"][0]["attendance"]["2024-09-19"] = "sick"; }, errc::validation_error,
         "/participants/0/attendance/2024-09-19", "sick"},
        {"a string where an integer belongs", [](json& j) { j["capacity"] = "36"; }, errc::validation_error,
         "/capacity", "integer"},
        {"a string page count", [](json& j) { j["participants"][0]["submissions"][1]["pages"] = "2"; },
         errc::validation_error, "/participants/0/submissions/1/pages", "integer"},
        {"a missing required member", [](json& j) { j["participants"][1].erase("name"); }, errc::validation_error,
         "/participants/1", "\"name\""},
        {"a missing label", [](json& j) { j.erase("label"); }, errc::validation_error, "", "\"label\""},
        {"an unknown member (a typo)",
         [](json& j) {
             j["participants"][0]["atendance"] = j["participants"][0]["attendance"];
             j["participants"][0].erase("attendance");
         },
         errc::validation_error, "/participants/0/atendance", "atendance"},
        {"a duplicate participant id", [](json& j) { j["participants"][1]["id"] = "p1"; }, errc::validation_error,
         "/participants/1/id", "p1"},
        {"a duplicate requirement id",
         [](json& j) { j["programme"]["certificate"]["requirements"][1]["id"] = "attendance"; },
         errc::validation_error, "/programme/certificate/requirements/1/id", "attendance"},
        {"two requirements of one kind",
         [](json& j) {
             j["programme"]["certificate"]["requirements"].push_back({{"id", "more"}, {"kind", "attendance"}});
         },
         errc::validation_error, "/programme/certificate/requirements/4/kind", "attendance"},
        {"attendance on a day with no session",
         [](json& j) { j["participants"][0]["attendance"]["2024-09-20"] = "present"; }, errc::validation_error,
         "/participants/0/attendance/2024-09-20", "2024-09-20"},
        {"a wrong format version", [](json& j) { j["format"] = "smart.cohort/2"; }, errc::validation_error, "/format",
         "smart.cohort/1"},
        {"a missing format", [](json& j) { j.erase("format"); }, errc::validation_error, "", "format"},
        {"a programme document where a cohort belongs", [](json& j) { j["format"] = "smart.programme/1"; },
         errc::validation_error, "/format", "smart.cohort/1"},
        {"an unknown programme id", [](json& j) { j["programme"] = "smart-trener-2099"; }, errc::validation_error,
         "/programme", "smart-trener-2099"},
        {"a programme that is neither id nor object", [](json& j) { j["programme"] = 7; }, errc::validation_error,
         "/programme", "programme"},
        {"min_ratio above 1", [](json& j) { j["programme"]["certificate"]["requirements"][0]["min_ratio"] = "5/4"; },
         errc::validation_error, "/programme/certificate/requirements/0/min_ratio", "5/4"},
        {"min_ratio zero", [](json& j) { j["programme"]["certificate"]["requirements"][0]["min_ratio"] = "0"; },
         errc::validation_error, "/programme/certificate/requirements/0/min_ratio", "0"},
        {"a ratio that is not a ratio",
         [](json& j) { j["programme"]["certificate"]["requirements"][0]["min_ratio"] = "80%"; },
         errc::validation_error, "/programme/certificate/requirements/0/min_ratio", "80%"},
        {"a weight above 1",
         [](json& j) { j["programme"]["certificate"]["requirements"][0]["weights"] = {{"late", "3/2"}}; },
         errc::validation_error, "/programme/certificate/requirements/0/weights/late", "3/2"},
        {"pages min above max",
         [](json& j) { j["programme"]["certificate"]["requirements"][2]["pages"] = {{"min", 3}, {"max", 2}}; },
         errc::validation_error, "/programme/certificate/requirements/2/pages", "minimum"},
        {"per_interval zero",
         [](json& j) { j["programme"]["certificate"]["requirements"][1]["per_interval"] = 0; },
         errc::validation_error, "/programme/certificate/requirements/1/per_interval", "1"},
        {"an unknown requirement kind",
         [](json& j) { j["programme"]["certificate"]["requirements"][3]["kind"] = "exam"; }, errc::validation_error,
         "/programme/certificate/requirements/3/kind", "exam"},
        {"an unknown final text category",
         [](json& j) { j["participants"][0]["submissions"][1]["category"] = "essay"; }, errc::validation_error,
         "/participants/0/submissions/1/category", "essay"},
        {"an unknown sector", [](json& j) { j["participants"][1]["sector"] = "government"; }, errc::validation_error,
         "/participants/1/sector", "government"},
        {"a three-digit municipality number",
         [](json& j) { j["participants"][1]["municipality"]["number"] = "301"; }, errc::validation_error,
         "/participants/1/municipality/number", "301"},
        {"an exemption for an unknown requirement",
         [](json& j) {
             j["participants"][1]["exemptions"] = {{{"requirement", "oppmøte"}, {"reason", "R"}, {"granted_by", "G"}}};
         },
         errc::validation_error, "/participants/1/exemptions/0/requirement", "oppmøte"},
        {"a time of day out of range", [](json& j) { j["programme"]["sessions"][0]["start"] = "25:00"; },
         errc::validation_error, "/programme/sessions/0/start", "25:00"},
        {"sessions out of order",
         [](json& j) { j["programme"]["sessions"][1]["days"] = {"2024-09-01"}; }, errc::validation_error,
         "/programme/sessions/1/days/0", "2024-09-01"},
        {"a duplicate session id", [](json& j) { j["programme"]["sessions"][1]["id"] = "g1"; },
         errc::validation_error, "/programme/sessions/1/id", "g1"},
        {"a capacity of zero", [](json& j) { j["capacity"] = 0; }, errc::validation_error, "/capacity", "0"},
        {"a document that is not an object", [](json& j) { j = json::array(); }, errc::validation_error, "",
         "object"},
        {"a session id that is not a stable id", [](json& j) { j["programme"]["sessions"][0]["id"] = "G1"; },
         errc::validation_error, "/programme/sessions/0/id", "G1"},
        {"a requirement id that is not a stable id",
         [](json& j) { j["programme"]["certificate"]["requirements"][0]["id"] = "oppmøte"; }, errc::validation_error,
         "/programme/certificate/requirements/0/id", "oppmøte"},
        {"a participant that is not an object", [](json& j) { j["participants"][1] = "p2"; }, errc::validation_error,
         "/participants/1", "object"},
        {"participants that are not an array", [](json& j) { j["participants"] = json::object(); },
         errc::validation_error, "/participants", "array"},
        {"a '/' and '~' in an unknown member's name are escaped in the pointer",
         [](json& j) { j["participants"][0]["a/b~c"] = 1; }, errc::validation_error, "/participants/0/a~1b~0c",
         "a/b~c"},
        {"a '/' in an attendance key is escaped in the pointer",
         [](json& j) { j["participants"][0]["attendance"]["2024/09/18"] = "present"; }, errc::validation_error,
         "/participants/0/attendance/2024~109~118", "2024/09/18"},
    };
    for (const bad_case& bc : cases) {
        INFO(bc.what);
        json doc = base_cohort();
        bc.change(doc);
        const error e = thrown_by([&] { load_cohort(doc.dump()); });
        CHECK(e.code() == bc.code);
        CHECK(e.pointer() == bc.pointer);
        CHECK_THAT(e.message(), Contains(bc.fragment));
        CHECK_THAT(std::string(e.what()), Contains(bc.fragment));
    }
}

TEST_CASE("truncated JSON is a parse error with the byte offset and no pointer", "[json][errors]") {
    std::string text = base_cohort().dump();
    text.resize(text.size() / 2);
    const error e = thrown_by([&] { load_cohort(text); });
    CHECK(e.code() == errc::parse_error);
    CHECK(e.pointer().empty());
    CHECK_THAT(e.message(), Contains("byte"));
    CHECK(thrown_by([] { load_programme("{\"format\": "); }).code() == errc::parse_error);
    CHECK(thrown_by([] { load_cohort(""); }).code() == errc::parse_error);
}

TEST_CASE("a template programme referenced without sessions is rejected at /sessions", "[json][errors][catalogue]") {
    const error e = thrown_by([] {
        load_cohort(R"({"format": "smart.cohort/1", "id": "k", "label": "K", "programme": "smart-trener-arslop"})");
    });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions");
}

TEST_CASE("a programme document's errors point into the programme", "[json][errors]") {
    const error version = thrown_by([] { load_programme(R"({"format": "smart.programme/2", "id": "x", "name": "X"})"); });
    CHECK(version.code() == errc::validation_error);
    CHECK(version.pointer() == "/format");
    CHECK_THAT(version.message(), Contains("smart.programme/1"));
    const error no_format = thrown_by([] { load_programme(R"({"id": "x", "name": "X"})"); });
    CHECK(no_format.code() == errc::validation_error);
    CHECK(no_format.pointer().empty());
    const error ratio = thrown_by([] {
        load_programme(R"({"format": "smart.programme/1", "id": "x", "name": "X",
                           "certificate": {"requirements": [{"id": "a", "kind": "attendance", "min_ratio": "5/4"}]}})");
    });
    CHECK(ratio.code() == errc::validation_error);
    CHECK(ratio.pointer() == "/certificate/requirements/0/min_ratio");
    const error no_nb = thrown_by([] { load_programme(R"({"format": "smart.programme/1", "id": "x", "name": {"en": "X"}})"); });
    CHECK(no_nb.code() == errc::validation_error);
    CHECK(no_nb.pointer() == "/name");
}

TEST_CASE("a failed load returns nothing and leaves the catalogue untouched", "[json][errors]") {
    json doc = base_cohort();
    doc["programme"] = "smart-trener-2024";
    doc["participants"][1]["attendance"] = {{"2024-09-18", "present"}, {"2024-09-20", "present"}};
    std::optional<cohort> loaded;
    const error e = thrown_by([&] { loaded.emplace(load_cohort(doc.dump())); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/1/attendance/2024-09-20");
    CHECK_FALSE(loaded.has_value());
    // the shared built-in programme is as it was, and loads fine again
    const auto prog = catalogue::get("smart-trener-2024");
    CHECK(*prog == load_programme(catalogue::programme_json("smart-trener-2024")));
    doc["participants"][1].erase("attendance");
    CHECK(load_cohort(doc.dump()).size() == 2);
}

TEST_CASE("load_cohort_file reports a missing file as not_found", "[json][errors]") {
    CHECK(thrown_by([] { load_cohort_file("/nonexistent/cohort.json"); }).code() == errc::not_found);
}

TEST_CASE("a programme id outside the documented pattern is rejected", "[json][errors]") {
    // docs/format.md: id is a string matching [a-z0-9][a-z0-9._-]* (schema/programme.schema.json
    // #/$defs/id has the same pattern).
    for (const char* id : {"SMART-leder", "smart leder", "-smart", "smart/leder", "smart-lederutdanning!"}) {
        INFO(id);
        json doc = {{"format", "smart.programme/1"}, {"id", id}, {"name", "X"}};
        const error e = thrown_by([&] { load_programme(doc.dump()); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/id");
    }
    for (const char* id : {"smart-leder-2024", "a", "0", "x.y_z-1"}) {
        INFO(id);
        json doc = {{"format", "smart.programme/1"}, {"id", id}, {"name", "X"}};
        CHECK(load_programme(doc.dump()).id == id);
    }
}

TEST_CASE("cohort and participant ids may be any non-empty string", "[json]") {
    json doc = base_cohort();
    doc["id"] = "Kull 2024/25 (Vestfold)";
    doc["participants"][0]["id"] = "HR-00417 Kari";
    const cohort c = load_cohort(doc.dump());
    CHECK(c.id() == "Kull 2024/25 (Vestfold)");
    CHECK(c.find("HR-00417 Kari") != nullptr);
    CHECK(load_cohort(save_cohort(c)) == c);
}

TEST_CASE("a document of an unknown format version is refused at /format before its content is read",
          "[json][errors]") {
    // docs/format.md: "a loader refuses a format it does not know (/format: expected
    // "smart.cohort/1")". A later version may well name its members differently.
    json doc = base_cohort();
    doc["format"] = "smart.cohort/2";
    doc["participants"][0]["presence"] = doc["participants"][0]["attendance"];
    doc["participants"][0].erase("attendance");
    const error e = thrown_by([&] { load_cohort(doc.dump()); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/format");
    CHECK_THAT(e.message(), Contains("smart.cohort/1"));
}

TEST_CASE("a truncated document is a parse error even when a participant before the cut is invalid",
          "[json][errors]") {
    json doc = base_cohort();
    doc["participants"][0]["sector"] = "government";
    std::string text = doc.dump();
    text.resize(text.size() - 3);  // cut inside the last participant
    const error e = thrown_by([&] { load_cohort(text); });
    CHECK(e.code() == errc::parse_error);
    CHECK(e.pointer().empty());
}

TEST_CASE("one participant object loads on its own, placed on the cohort's days", "[json][participant]") {
    cohort c = catalogue::demo_cohort();
    const participant p07 = *c.find("p07");
    const std::string text = save_participant(p07, c);
    CHECK(json::parse(text) == json::parse(save_cohort(c))["participants"][6]);  // as in the cohort document

    participant copy = load_participant(text, c);
    copy.id = "p99";
    CHECK(copy.attendance == p07.attendance);
    CHECK(copy.submissions == p07.submissions);
    cohort other(c.programme_ptr(), "other", "Another cohort", std::nullopt, {}, c.programme_ref());
    other.add_participant(copy);  // the same days: the trainer programme's schedule
    CHECK(other.find("p99")->attendance == p07.attendance);

    json bad = json::parse(text);
    bad["attendance"]["2024-09-20"] = "present";  // not a session day of the demo cohort
    auto e = thrown_by([&] { (void)load_participant(bad.dump(), c); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/attendance/2024-09-20");
    bad = json::parse(text);
    bad["sector"] = "hobby";
    e = thrown_by([&] { (void)load_participant(bad.dump(), c); });
    CHECK(e.pointer() == "/sector");
    e = thrown_by([&] { (void)load_participant("[]", c); });
    CHECK((e.code() == errc::validation_error && e.pointer().empty()));
    e = thrown_by([&] { (void)load_participant("{\"id\": ", c); });
    CHECK(e.code() == errc::parse_error);
    e = thrown_by([&] { (void)load_participant("{} {}", c); });
    CHECK(e.code() == errc::parse_error);
}
