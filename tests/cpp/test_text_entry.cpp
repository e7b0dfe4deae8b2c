// Text is UTF-8, checked where it enters (issue 10): records, programmes and schedules
// refuse text that is not UTF-8 or holds control characters (line breaks and tabs only in
// free text), lookups refuse ids no record can have, and every message quoting outside
// text is itself UTF-8. A cohort that refused a text is unchanged and still saves.
#include "helpers.hpp"

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "smart/detail/names.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/limits.hpp"

using namespace smart;
using th::d;
using th::thrown_by;
using Catch::Contains;

namespace {

std::shared_ptr<const programme> trainer_programme() {
    return th::programme_of(th::trainer_schedule(),
                            {th::attendance(), th::notes(), th::final_text(), th::festival_req()});
}

cohort cohort_of_one() { return th::cohort_with_one(trainer_programme()); }

/// The cohort saves, and loads back equal: no text it holds breaks the writer.
void check_savable(const cohort& c) {
    std::string text;
    REQUIRE_NOTHROW(text = save_cohort(c));
    CHECK(detail::is_utf8(text));
    CHECK(load_cohort(text) == c);
}

exemption exemption_of(std::string requirement, std::string reason, std::string granted_by) {
    return {std::move(requirement), std::move(reason), std::move(granted_by), std::nullopt};
}

const std::string nul_id("a\0b", 3);

}  // namespace

TEST_CASE("a participant named in bytes that are not UTF-8 is refused and the cohort still saves", "[text]") {
    cohort c = cohort_of_one();
    const cohort before = c;
    for (const char* bad : {"\xff", "kull-\xff", "T\xf8nsberg" /* Windows-1252 */, "\xed\xa0\x80" /* surrogate */,
                            "\xc0\xaf" /* overlong '/' */, "\xf4\x90\x80\x80" /* above U+10FFFF */, "abc\xe2\x82"}) {
        INFO(detail::quoted(bad));
        const error e = thrown_by([&] { c.add_participant(th::person("p2", bad)); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/participants/1/name");
        CHECK_THAT(e.message(), Contains("not valid UTF-8"));
        CHECK(detail::is_utf8(e.what()));
    }
    CHECK(c == before);
    check_savable(c);
}

TEST_CASE("one-line texts of a participant refuse every control character, NUL included", "[text]") {
    struct text_case {
        const char* what;
        std::function<void(participant&)> change;
        const char* pointer;
    };
    const std::string nul_name("Kari\0Nordmann", 13);
    const text_case cases[] = {
        {"NUL in the id", [](participant& p) { p.id = nul_id; }, "/participants/1/id"},
        {"line feed in the id", [](participant& p) { p.id = "p\n2"; }, "/participants/1/id"},
        {"NUL in the name", [&](participant& p) { p.name = nul_name; }, "/participants/1/name"},
        {"tab in the name", [](participant& p) { p.name = "Kari\tNordmann"; }, "/participants/1/name"},
        {"line feed in the role", [](participant& p) { p.role = "lærer\nrektor"; }, "/participants/1/role"},
        {"DEL in the municipality name", [](participant& p) { p.municipality.name = "Oslo\x7f"; },
         "/participants/1/municipality/name"},
        {"carriage return in the e-mail address",
         [](participant& p) { p.contact = contact_info{"kari@example.no\r", ""}; }, "/participants/1/contact/email"},
        {"escape in the phone number", [](participant& p) { p.contact = contact_info{"", "\x1b[2J"}; },
         "/participants/1/contact/phone"},
    };
    cohort c = cohort_of_one();
    const cohort before = c;
    for (const auto& tc : cases) {
        INFO(tc.what);
        participant p = th::person("p2");
        tc.change(p);
        const error e = thrown_by([&] { c.add_participant(p); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == tc.pointer);
        CHECK_THAT(e.message(), Contains("control character"));
        CHECK(detail::is_utf8(e.what()));
    }
    CHECK(c == before);
    check_savable(c);
}

TEST_CASE("a participant's name refuses C1 controls, line separators and bidirectional overrides", "[text]") {
    // Each would print differently from what the record says: a C1 control or U+2028 is
    // no glyph, a right-to-left override (U+202E) shows "Kari" as "iraK".
    struct name_case {
        const char* name;
        const char* code_point;
        const char* kind;
    };
    const name_case cases[] = {
        {"Kari\xC2\x85Nordmann", "U+0085", "control character"},          // NEXT LINE (C1)
        {"Kari\xC2\x9FNordmann", "U+009F", "control character"},          // last C1 control
        {"Kari\xE2\x80\xA8Nordmann", "U+2028", "line or paragraph separator"},
        {"Kari\xE2\x80\xA9Nordmann", "U+2029", "line or paragraph separator"},
        {"\xE2\x80\xAEKari Nordmann", "U+202E", "bidirectional formatting character"},  // RLO
        {"Kari \xE2\x80\xAANordmann", "U+202A", "bidirectional formatting character"},  // LRE
        {"Kari \xE2\x81\xA6Nordmann", "U+2066", "bidirectional formatting character"},  // LRI
        {"Kari \xE2\x81\xA9Nordmann", "U+2069", "bidirectional formatting character"},  // PDI
    };
    cohort c = cohort_of_one();
    const cohort before = c;
    for (const auto& nc : cases) {
        INFO(nc.code_point);
        const error e = thrown_by([&] { c.add_participant(th::person("p2", nc.name)); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/participants/1/name");
        CHECK_THAT(e.message(), Contains(nc.kind) && Contains(nc.code_point));
        CHECK(detail::is_utf8(e.what()));
    }
    CHECK(c == before);
    // the neighbours of the refused ranges are names like any other: U+00A0 (no-break
    // space), U+2027, U+202F (narrow no-break space), U+2065 is unassigned, U+206A and
    // Arabic, Chinese and emoji
    for (const char* fine : {"Kari\xC2\xA0Nordmann", "Kari\xE2\x80\xAFNordmann", "Kari\xE2\x80\xA7",
                             "\xD9\x84\xD9\x8A\xD9\x84\xD9\x89", "\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E",
                             "Kari \xF0\x9F\x8C\x9F Nordmann"}) {
        INFO(detail::quoted(fine));
        cohort ok = cohort_of_one();
        CHECK_NOTHROW(ok.add_participant(th::person("p2", fine)));
    }
    // free text keeps its line breaks but not an override
    CHECK_NOTHROW(detail::check_text("a\xE2\x80\xA8" "b", "reason", "/reason", detail::text_kind::multiline));
    const error rlo = thrown_by(
        [] { detail::check_text("a\xE2\x80\xAE" "b", "reason", "/reason", detail::text_kind::multiline); });
    CHECK_THAT(rlo.message(), Contains("bidirectional"));
}

TEST_CASE("texts longer than the limits (in characters) are refused", "[text][limits]") {
    cohort c = cohort_of_one();
    participant longest = th::person("p2", std::string(limits::name_chars, 'x'));
    CHECK_NOTHROW(c.add_participant(longest));
    std::string longest_nb;
    for (std::size_t i = 0; i < limits::name_chars; ++i) longest_nb += "ø";
    CHECK_NOTHROW(c.add_participant(th::person("p2ø", longest_nb)));  // characters, not bytes
    const error e = thrown_by([&] { c.add_participant(th::person("p3", std::string(limits::name_chars + 1, 'x'))); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/3/name");
    CHECK_THAT(e.message(), Contains("at most 256"));
    submission s = th::note(d("2024-10-01"));
    s.set_title(std::string(limits::text_chars + 1, 't'));
    CHECK(thrown_by([&] { c.add_submission("p1", s); }).pointer() == "/participants/0/submissions/0/title");
}

TEST_CASE("an exemption's reason is free text; its requirement and who granted it are one line", "[text][exemptions]") {
    cohort c = cohort_of_one();
    CHECK_NOTHROW(c.add_exemption("p1", exemption_of("festival", "Sykdom.\nDokumentert\tmed legeerklæring.", "Rektor")));
    const cohort before = c;
    struct exemption_case {
        exemption e;
        const char* pointer;
    };
    const exemption_case cases[] = {
        {exemption_of("attendance", "grunn\x01", "Rektor"), "/participants/0/exemptions/1/reason"},
        {exemption_of("attendance", "grunn \xff", "Rektor"), "/participants/0/exemptions/1/reason"},
        {exemption_of("attendance", "grunn", "Rektor\nOla"), "/participants/0/exemptions/1/granted_by"},
        {exemption_of("attendance", "grunn", "kull-\xff"), "/participants/0/exemptions/1/granted_by"},
        {exemption_of(nul_id, "grunn", "Rektor"), "/participants/0/exemptions/1/requirement"},
    };
    for (const auto& tc : cases) {
        INFO(tc.pointer);
        const error e = thrown_by([&] { c.add_exemption("p1", tc.e); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == tc.pointer);
        CHECK(detail::is_utf8(e.what()));
    }
    CHECK(c == before);
    check_savable(c);
}

TEST_CASE("a submission's title is one line of UTF-8", "[text][submissions]") {
    cohort c = cohort_of_one();
    submission ok = th::note(d("2024-10-01"));
    ok.set_title("Refleksjonsnotat – «samling 1»");
    CHECK_NOTHROW(c.add_submission("p1", ok));
    const cohort before = c;
    for (const char* bad : {"kull-\xff", "tittel\nto linjer", "\xe2\x80"}) {
        submission s = th::note(d("2024-10-02"));
        s.set_title(bad);
        const error e = thrown_by([&] { c.add_submission("p1", s); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/participants/0/submissions/1/title");
    }
    CHECK(c == before);
    check_savable(c);
}

TEST_CASE("an id no participant can have is an invalid argument to a lookup, an unknown one is not found",
          "[text][participants]") {
    cohort c = cohort_of_one();
    const cohort before = c;
    for (const std::string& bad : {nul_id, std::string("p1\xff"), std::string("p\n1")}) {
        INFO(detail::quoted(bad));
        CHECK(thrown_by([&] { c.set_attendance(bad, d("2024-09-18"), attendance_status::present); }).code() ==
              errc::invalid_argument);
        CHECK(thrown_by([&] { c.set_festival_role(bad, festival_role::workshop); }).code() == errc::invalid_argument);
        CHECK(thrown_by([&] { c.add_submission(bad, th::note(d("2024-10-01"))); }).code() == errc::invalid_argument);
        CHECK(thrown_by([&] { c.remove_exemption(bad, "festival"); }).code() == errc::invalid_argument);
        const error e = thrown_by([&] { (void)c.attendance(bad, d("2024-09-18")); });
        CHECK(e.code() == errc::invalid_argument);
        CHECK(detail::is_utf8(e.what()));
        CHECK(c.find(bad) == nullptr);
    }
    const error unknown = thrown_by([&] { (void)c.index_of("p9"); });
    CHECK(unknown.code() == errc::not_found);
    CHECK_THAT(unknown.message(), Contains("\"p9\""));
    CHECK(thrown_by([&] { c.remove_exemption("p1", "kull-\xff"); }).code() == errc::invalid_argument);
    CHECK(c == before);
}

TEST_CASE("a document cannot hold an id with NUL or a name with a control character", "[text][json]") {
    const std::string doc = save_cohort(cohort_of_one());
    auto with = [&](const std::string& member, const std::string& value) {
        auto j = nlohmann::json::parse(doc);
        j["participants"][0][member] = value;
        return j.dump();
    };
    const error id = thrown_by([&] { load_cohort(with("id", nul_id)); });
    CHECK(id.code() == errc::validation_error);
    CHECK(id.pointer() == "/participants/0/id");
    const error name = thrown_by([&] { load_cohort(with("name", "Kari\x07")); });
    CHECK(name.code() == errc::validation_error);
    CHECK(name.pointer() == "/participants/0/name");
    CHECK(detail::is_utf8(name.what()));
}

TEST_CASE("a programme's names are one line and its descriptions free text", "[text][programme]") {
    programme p = *trainer_programme();
    p.description.nb = "Første avsnitt.\n\n\tAndre avsnitt.";
    p.aims = {{"Mål én\nover to linjer", "", ""}};
    CHECK_NOTHROW(validate(p));

    struct programme_case {
        const char* what;
        std::function<void(programme&)> change;
        const char* pointer;
    };
    const programme_case cases[] = {
        {"line feed in the name", [](programme& x) { x.name.nb = "Navn\nto"; }, "/name"},
        {"not UTF-8 in the nynorsk name", [](programme& x) { x.name.nn = "Namn \xff"; }, "/name/nn"},
        {"NUL in the provider", [](programme& x) { x.provider.nb = std::string("Lev\0erandør", 12); }, "/provider"},
        {"bell in the description", [](programme& x) { x.description.en = "Ding\x07"; }, "/description/en"},
        {"not UTF-8 in an aim", [](programme& x) { x.aims = {{"\xc3", "", ""}}; }, "/aims/0"},
        {"not UTF-8 in the knowledge base", [](programme& x) { x.knowledge_base = {{"\xff", "", ""}}; },
         "/knowledge_base/0"},
        {"escape in a goal", [](programme& x) { x.goals = {{"g1", {"Mål\x1b", "", ""}}}; },
         "/competence_goals/0/text"},
        {"line feed in a requirement label",
         [](programme& x) { x.requirements[0].label = {"Oppmøte\n", "Oppmøte", ""}; },
         "/certificate/requirements/0/label/nb"},
        {"control character in a session theme", [](programme& x) { x.sessions[0].theme.nb = "Tema\x01"; },
         "/sessions/0/theme"},
        {"not UTF-8 in a session description", [](programme& x) { x.sessions[1].description.nb = "\xff"; },
         "/sessions/1/description"},
        {"line feed in a focus area", [](programme& x) { x.sessions[0].focus_areas = {"a\nb"}; },
         "/sessions/0/focus_areas/0"},
        {"tab in a resource title", [](programme& x) { x.sessions[0].resources = {{"Tittel\t", "pdf", ""}}; },
         "/sessions/0/resources/0/title"},
        {"not UTF-8 in a resource URL",
         [](programme& x) { x.sessions[0].resources = {{"Tittel", "link", "https://x.no/\xff"}}; },
         "/sessions/0/resources/0/url"},
        {"bell in between-session work",
         [](programme& x) { x.sessions[0].work = between_session_work{{"Les\x07", "", ""}, std::nullopt}; },
         "/sessions/0/between_session_work/description"},
    };
    for (const auto& tc : cases) {
        INFO(tc.what);
        programme x = p;
        tc.change(x);
        const error e = thrown_by([&] { validate(x); });
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == tc.pointer);
        CHECK(detail::is_utf8(e.what()));
    }
}

TEST_CASE("a cohort's id and label are one line of UTF-8", "[text]") {
    CHECK_NOTHROW(detail::check_cohort_texts("Kull 2024/25 (Vestfold)", "SMART trenerutdanning – kull 3"));
    const error id = thrown_by([] { detail::check_cohort_texts("kull-\xff", "Kull"); });
    CHECK(id.code() == errc::validation_error);
    CHECK(id.pointer() == "/id");
    CHECK(thrown_by([] { detail::check_cohort_texts(std::string("k\0", 2), "Kull"); }).pointer() == "/id");
    CHECK(thrown_by([] { detail::check_cohort_texts("k", "Kull\n3"); }).pointer() == "/label");
}

TEST_CASE("a cohort's own schedule is checked for its texts", "[text][schedule]") {
    std::vector<session> own = th::trainer_schedule();
    own[2].theme.nb = "Samling \xff";
    const error e = thrown_by([&] { cohort(trainer_programme(), "c1", "Kull", std::nullopt, own); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/sessions/2/theme");
}

TEST_CASE("messages quote outside text as valid UTF-8, briefly", "[text][errors]") {
    const std::string long_bad = "\xff" + std::string(100000, 'x');
    const std::function<void()> calls[] = {
        [] { (void)parse_attendance_status("\xff\xfe"); },
        [] { (void)parse_date("20\xff-01-01"); },
        [] { (void)parse_time("1\xff:00"); },
        [] { (void)parse_ratio("4/\xff"); },
        [] { (void)catalogue::get("smart-\xff"); },
        [&] { (void)parse_session_kind(long_bad); },
        [] { detail::check_identifier("Id \xff", "session", "/sessions/0/id"); },
    };
    for (const auto& call : calls) {
        const error e = thrown_by(call);
        CHECK(e.code() != errc::ok);
        CHECK(detail::is_utf8(e.what()));
        CHECK(std::string_view(e.what()).size() < 400);
        CHECK_THAT(e.message(), Contains("\\xFF"));
    }
}

TEST_CASE("replace_invalid_utf8 keeps valid text and marks each bad byte", "[text]") {
    CHECK(detail::replace_invalid_utf8("Tønsberg") == "Tønsberg");
    CHECK(detail::replace_invalid_utf8("T\xf8nsberg") == "T\xef\xbf\xbdnsberg");
    CHECK(detail::replace_invalid_utf8("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(detail::is_utf8(detail::replace_invalid_utf8("\xc3")));
}

TEST_CASE("what goes into a signed record is UTF-8: the issuer and a revocation reason", "[text][issuing]") {
    const auto dir = std::filesystem::temp_directory_path() / ("smart-text-issuing-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const cohort c = catalogue::demo_cohort();
    const evaluation e = evaluate(c, d("2025-04-30"));
    const signing_key k = generate_signing_key();
    const issuer_profile good{"urn:smart:issuer:test", "Eksempel kommune", ""};
    {
        certificate_register reg(dir / "register.jsonl");
        for (const issuer_profile& bad : {issuer_profile{"urn:x", "Kommune \xff", ""},
                                          issuer_profile{"urn:x\n", "Kommune", ""},
                                          issuer_profile{"urn:x", "Kommune", "https://x.no/\x01"}}) {
            const error err = thrown_by([&] { reg.issue(certificate_for(c, e, 0), bad, k, d("2025-04-30"), lang::nb); });
            CHECK(err.code() == errc::invalid_argument);
            CHECK(detail::is_utf8(err.what()));
        }
        CHECK(reg.records().empty());
        const auto [r, fresh] = reg.issue(certificate_for(c, e, 0), good, k, d("2025-04-30"), lang::nb);
        CHECK(fresh);
        CHECK(thrown_by([&] { reg.revoke(r.serial, "feil \xff", d("2025-05-05")); }).code() == errc::invalid_argument);
        CHECK(thrown_by([&] { reg.revoke(r.serial, "feil\x01", d("2025-05-05")); }).code() == errc::invalid_argument);
        CHECK(reg.revoke(r.serial, "Utstedt ved en feil.\nSe sak 2025/17.", d("2025-05-05")).status ==
              record_status::revoked);
    }
    certificate_register again(dir / "register.jsonl");  // the register reads back whole
    CHECK(again.records().size() == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a municipality mapping's texts are one line of UTF-8 before they go into the tables", "[text][statistics]") {
    const cohort c = catalogue::demo_cohort();
    const evaluation e = evaluate(c, d("2025-04-30"));
    const evaluated_cohort input[] = {{&c, &e}};
    statistics_options o;
    o.by = group_by::municipality;
    o.municipality_mapping = {{"0704", {"3905", "T\xf8nsberg"}}};
    const error bad_name = thrown_by([&] { (void)compute_statistics(input, o); });
    CHECK(bad_name.code() == errc::validation_error);
    CHECK(bad_name.pointer() == "/0704/name");
    o.municipality_mapping = {{"07\n04", {"3905", "Tønsberg"}}};
    CHECK(thrown_by([&] { (void)compute_statistics(input, o); }).code() == errc::validation_error);
    o.municipality_mapping = {{"0704", {"3905", "Tønsberg"}}};
    CHECK(detail::is_utf8(statistics_to_json(compute_statistics(input, o))));
}
