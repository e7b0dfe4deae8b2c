// Rule descriptions in bokmål, nynorsk and English from the core (rule_wording.hpp).
#include <set>

#include "helpers.hpp"

using namespace smart;
using th::d;
using Catch::Contains;

TEST_CASE("an attendance rule reads with its ratio, counted kinds and weights in each language", "[wording]") {
    attendance_rule a;
    a.weight_excused = ratio(1, 2);
    const requirement r = th::attendance(a);
    CHECK(describe(r, lang::en) == "Attendance on at least 4/5 of the days of gatherings (present counts 1, late 1, excused 1/2)");
    CHECK(describe(r, lang::nb) ==
          "Oppmøte minst 4/5 av dagene på samlinger (til stede teller 1, for sent 1, gyldig fravær 1/2)");
    CHECK(describe(r, lang::nn) ==
          "Oppmøte minst 4/5 av dagane på samlingar (til stades tel 1, for seint 1, gyldig fråvær 1/2)");
    a.counted_kinds.push_back(session_kind::festival);
    CHECK(describe(th::attendance(a), lang::en) ==
          "Attendance on at least 4/5 of the days of gatherings and the festival (present counts 1, late 1, excused 1/2)");
}

TEST_CASE("a notes rule reads with its count per period, kinds, approval and portfolio", "[wording]") {
    interval_notes_rule n;
    n.per_interval = 2;
    n.accepted_kinds = {submission_kind::reflection, submission_kind::practice_blog};
    n.require_approval = true;
    n.require_portfolio_approval = true;
    CHECK(describe(th::notes(n), lang::en) ==
          "2 notes in each period between gatherings (reflection note or practice blog); counted once approved; the "
          "portfolio must be approved by the cohort's last day");
    n.portfolio_deadline = d("2020-10-21");
    CHECK(describe(th::notes(n), lang::nn) ==
          "2 notat i kvar mellomperiode mellom samlingane (refleksjonsnotat eller praksisblogg); tel når dei er "
          "godkjende; arbeidsmappa må vere godkjend innan 21.10.2020");
    CHECK(describe(th::notes(), lang::nb) ==
          "1 notat i hver mellomperiode mellom samlingene (refleksjonsnotat, praksisblogg eller praksisdokument)");
}

TEST_CASE("a final text rule reads with its pages, categories, deadline and approval", "[wording]") {
    final_text_rule f;
    f.min_pages = 2;
    f.max_pages = 3;
    f.categories = {final_category::method, final_category::results, final_category::insight};
    f.deadline = d("2025-04-09");
    CHECK(describe(th::final_text(f), lang::en) ==
          "A final text of 2–3 pages (method, results or insight) by 9 April 2025");
    CHECK(describe(th::final_text(f), lang::nb) ==
          "En avsluttende tekst på 2–3 sider (metode, resultater eller innsikt) innen 9.4.2025");
    final_text_rule g;
    g.min_pages = 2;
    g.require_approval = true;
    CHECK(describe(th::final_text(g), lang::nn) ==
          "Ein avsluttande tekst på minst 2 sider innan siste dagen i kullet; tel når han er godkjend");
    CHECK(describe(th::final_text(), lang::en) == "A final text by the cohort's last day");
}

TEST_CASE("a festival rule reads with its accepted roles", "[wording]") {
    festival_rule f;
    CHECK(describe(th::festival_req(f), lang::en) == "Present at the festival");
    f.roles = {festival_role::exhibition, festival_role::workshop, festival_role::process_leader};
    CHECK(describe(th::festival_req(f), lang::en) ==
          "Present at the festival (role: exhibition, workshop or process leader)");
    CHECK(describe(th::festival_req(f), lang::nn) ==
          "Til stades på festivalen (rolle: utstilling, verkstadbidrag eller prosessleiar)");
}

TEST_CASE("every built-in rule reads differently in each language, and nynorsk is not bokmål", "[wording]") {
    for (const auto& id : catalogue::programme_ids()) {
        const auto prog = catalogue::get(id);
        for (const auto& r : prog->requirements) {
            INFO(id << " " << r.id);
            const std::string nb = describe(r, lang::nb), nn = describe(r, lang::nn), en = describe(r, lang::en);
            CHECK(nb != en);
            CHECK(nn != en);
            if (r.kind() != requirement_kind::festival) CHECK(nb != nn);
            for (const char* english : {" the ", " of ", " days", " by "}) {
                CHECK_THAT(nb, !Contains(english));
                CHECK_THAT(nn, !Contains(english));
            }
        }
    }
}

TEST_CASE("every heading has words in each language and is found again by its key", "[wording]") {
    for (unsigned i = 0; i <= static_cast<unsigned>(heading::not_evaluated); ++i) {
        const auto h = static_cast<heading>(i);
        INFO(to_string(h));
        CHECK(parse_heading(to_string(h)) == h);
        for (lang l : {lang::nb, lang::nn, lang::en}) CHECK(std::string(label(h, l)).size() > 0);
    }
    CHECK(std::string(label(heading::warnings, lang::nn)) == "åtvaringar");
    CHECK(std::string(label(heading::no_certificate, lang::en)) == "none: the programme issues no certificate");
    CHECK(th::thrown_by([] { (void)parse_heading("nope"); }).code() == errc::invalid_argument);
}

TEST_CASE("every column heading has words in each language, sheet names fit a workbook", "[wording]") {
    const auto names = column_heading_names();
    std::set<std::string_view> seen;
    for (auto name : names) {
        INFO(std::string(name));
        CHECK(seen.insert(name).second);  // each name once
        for (lang l : {lang::nb, lang::nn, lang::en}) {
            const char* words = column_heading(name, l);
            REQUIRE(words != nullptr);
            CHECK(std::string(words).size() > 0);
            if (name.starts_with("sheet_")) {  // Excel: at most 31 characters, none of []:*?/
                CHECK(std::string(words).size() <= 31);
                CHECK(std::string(words).find_first_of("[]:*?/\\") == std::string::npos);
            }
        }
    }
    // every number behind a requirement's state has a heading (the festival role as festival_role)
    for (const auto& f : number_fields()) {
        const std::string_view name = f.number == result_number::role ? "festival_role" : f.name;
        CHECK(column_heading(name, lang::nb) != nullptr);
    }
    // statuses and states are the core's labels of them
    CHECK(std::string(column_heading("eligible", lang::nn)) == label(overall_status::eligible, lang::nn));
    CHECK(std::string(column_heading("unmet", lang::en)) == label(requirement_state::unmet, lang::en));
    CHECK(std::string(column_heading("enrolled", lang::nb)) == "påmeldte");
    CHECK(column_heading("no such column", lang::nb) == nullptr);
}

TEST_CASE("a requirement's short label is its kind's name in the language asked for, never its id", "[wording]") {
    requirement r = th::final_text();
    r.id = "ft";
    r.label.nb = "En avsluttende oppsummering";  // a sentence, and only in bokmål
    CHECK(short_label(r, lang::en) == "final text");
    CHECK(short_label(r, lang::nn) == "avsluttande tekst");
    CHECK(short_label(r, lang::nb) == "avsluttende tekst");
    CHECK(short_label(th::attendance(), lang::en) == "attendance");
    CHECK(std::string(label(requirement_kind::interval_notes, lang::nb)) == "notater");
    CHECK(std::string(label(requirement_kind::interval_notes, lang::nn)) == "notat");
}

TEST_CASE("a sector in the core's words, in each language", "[wording]") {
    CHECK(std::string(label(sector::public_sector, lang::nn)) == "offentleg");
    CHECK(std::string(label(sector::private_sector, lang::en)) == "private");
    CHECK(std::string(label(sector::voluntary, lang::nb)) == "frivillig");
}
