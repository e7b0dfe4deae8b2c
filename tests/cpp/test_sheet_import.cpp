// The spreadsheet import (include/smart/sheet_import.hpp): layouts, Norwegian values and
// headers, and every problem at its table, line and column letter.
#include <catch2/catch.hpp>

#include "smart/smart.hpp"

using namespace smart;

namespace {

cohort empty_trener() { return cohort(catalogue::get("smart-trener-2024"), "kull", "Kull"); }

sheet_column col(std::string header, std::vector<std::string> cells) { return {std::move(header), "", std::move(cells)}; }

sheet_table people_sheet() {
    sheet_table t;
    t.name = "Deltakere";
    t.columns = {col("Deltaker", {"a1", "a2"}),        col("Navn", {"Kari Nordmann", "Ola Nordmann"}),
                 col("Kommunenr", {"301", "3905"}),     col("Kommune", {"Oslo", "Tønsberg"}),
                 col("Rolle", {"lærer", "rektor"}),     col("Sektor", {"offentlig", "Privat"})};
    return t;
}

}  // namespace

TEST_CASE("sheet dates: ISO and Norwegian", "[sheet_import]") {
    CHECK(parse_sheet_date("2024-09-18") == date(2024, 9, 18));
    CHECK(parse_sheet_date("18.09.2024") == date(2024, 9, 18));
    CHECK(parse_sheet_date("8.9.2024") == date(2024, 9, 8));
    CHECK(parse_sheet_date("2024-09-18 00:00:00") == date(2024, 9, 18));
    CHECK_FALSE(parse_sheet_date("30.02.2025"));
    CHECK_FALSE(parse_sheet_date("18/09/2024"));
    CHECK_FALSE(parse_sheet_date("18.09.24"));
    CHECK(column_letter(0) == "A");
    CHECK(column_letter(25) == "Z");
    CHECK(column_letter(26) == "AA");
    CHECK(column_letter(27 * 26) == "AAA");
    CHECK(canonical_column(sheet_table_kind::participants, " Kommune-nr ") == "municipality_number");
    CHECK(canonical_column(sheet_table_kind::attendance, "DATO") == "date");
    CHECK(table_kind_of("Oppmøte") == sheet_table_kind::attendance);
    CHECK(table_kind_of("OPPMØTE") == sheet_table_kind::attendance);
}

TEST_CASE("a wide sheet with Norwegian headers and values becomes a cohort", "[sheet_import]") {
    const cohort base = empty_trener();
    sheet_table att;
    att.name = "oppmøte";
    att.columns = {col("deltaker", {"a1", "a2"}), col("navn", {"Kari", "Ola"}), col("18.09.2024", {"x", ""}),
                   col("2024-09-19", {" Til  Stede ", "sen"}), col("13.11.2024", {"✓", "forfall"}),
                   col("14.11.2024", {"1", "fravær"}), col("15.01.2025", {"", "gyldig fravær"})};
    const auto r = import_sheets(base, {people_sheet(), att});
    INFO((r.problems.empty() ? "" : describe(r.problems.front())));
    REQUIRE(r.problems.empty());
    REQUIRE(r.cohort);
    const cohort& c = *r.cohort;
    REQUIRE(c.size() == 2);
    CHECK(c.find("a1")->municipality.number == "0301");  // an integer that lost its zero
    CHECK(c.find("a2")->sector == sector::private_sector);
    CHECK(c.attendance("a1", date(2024, 9, 18)) == attendance_status::present);
    CHECK(c.attendance("a1", date(2024, 9, 19)) == attendance_status::present);
    CHECK(c.attendance("a2", date(2024, 9, 18)) == attendance_status::unrecorded);
    CHECK(c.attendance("a2", date(2024, 9, 19)) == attendance_status::late);
    CHECK(c.attendance("a2", date(2024, 11, 13)) == attendance_status::excused);
    CHECK(c.attendance("a2", date(2024, 11, 14)) == attendance_status::absent);
    CHECK(c.attendance("a2", date(2025, 1, 15)) == attendance_status::excused);
}

TEST_CASE("a long attendance table and submissions", "[sheet_import]") {
    sheet_table att;
    att.name = "attendance";
    att.columns = {col("participant_id", {"a1", "a2"}), col("date", {"2024-09-18", "19.09.2024"}),
                   col("status", {"present", ""})};
    sheet_table subs;
    subs.name = "innleveringer";
    subs.columns = {col("deltaker", {"a1"}), col("type", {"Avsluttende tekst"}), col("dato", {"01.04.2025"}),
                    col("sider", {"3.0"}), col("status", {"godkjent"}), col("vurdert av", {"Veileder"}),
                    col("vurdert dato", {"2025-04-02"})};
    const auto r = import_sheets(empty_trener(), {people_sheet(), att, subs});
    INFO((r.problems.empty() ? "" : describe(r.problems.front())));
    REQUIRE(r.cohort);
    const auto& s = r.cohort->find("a1")->submissions.at(0);
    CHECK(s.kind == submission_kind::final_text);
    CHECK(s.pages == 3);
    CHECK(s.status == submission_status::approved);
    CHECK(s.decision()->by == "Veileder");
    CHECK(r.cohort->attendance("a2", date(2024, 9, 19)) == attendance_status::unrecorded);
}

TEST_CASE("every bad cell is reported at its line and column letter, and nothing is loaded", "[sheet_import]") {
    sheet_table people = people_sheet();
    people.columns[2].cells = {"39O5", "3905"};          // C2
    people.columns[5].cells = {"offentlig", "statlig"};  // F3
    people.columns[1].cells = {"Kari", ""};               // B3
    sheet_table att;
    att.name = "oppmøte";
    att.lines = {2, 4};  // a blank line 3 was skipped by the reader
    att.columns = {col("deltaker", {"a1", "zz"}), col("navn", {"", ""}), col("18.09.2024", {"ja", "x"}),
                   col("20.09.2024", {"x", "x"})};
    const auto r = import_sheets(empty_trener(), {people, att});
    CHECK_FALSE(r.cohort);
    std::vector<std::string> got;
    for (const auto& p : r.problems) got.push_back(describe(p));
    const std::vector<std::string> want{
        "oppmøte line 1, column D (20.09.2024): no session is held on 2024-09-20 (session days: 18.9.2024, 19.9.2024, "
        "13.11.2024, 14.11.2024, 15.1.2025, 16.1.2025, 12.3.2025, 13.3.2025, 9.4.2025)",
        "Deltakere line 2, column C (Kommunenr): expected a 4-digit municipality number (0301, 3905), found \"39O5\"",
        "Deltakere line 3, column B (Navn): expected the participant's name, found a blank cell",
        "Deltakere line 3, column F (Sektor): unknown sector \"statlig\": expected public, private, voluntary, "
        "offentlig, privat or frivillig",
        "oppmøte line 2, column C (18.09.2024): unknown attendance status \"ja\": expected x, ✓, 1, til stede, sen, "
        "forfall, gyldig fravær, fravær or blank",
        "oppmøte line 4, column A (deltaker): no participant \"zz\" in the participants table",
    };
    CHECK(got == want);
    CHECK(r.problems[1].found == "39O5");
    CHECK(r.problems[1].pointer == "/participants/0/municipality/number");

    sheet_import_options few;
    few.max_problems = 2;
    const auto t = import_sheets(empty_trener(), {people, att}, few);
    CHECK(t.problems.size() == 2);
    CHECK(t.truncated);
}

TEST_CASE("missing and unknown columns, duplicates and the model's own rules", "[sheet_import]") {
    sheet_table people = people_sheet();
    people.columns.erase(people.columns.begin() + 5);  // no sector
    auto r = import_sheets(empty_trener(), {people});
    REQUIRE(r.problems.size() == 1);
    CHECK(describe(r.problems[0]) == "Deltakere: missing column 'sector' (or 'sektor')");

    people = people_sheet();
    people.columns[0].cells = {"a1", "a1"};
    people.columns.push_back(col("alder", {"40", "50"}));
    r = import_sheets(empty_trener(), {people});
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].column == "G");
    CHECK(r.problems[0].message.rfind("unknown column 'alder'", 0) == 0);
    CHECK(describe(r.problems[1]) == "Deltakere line 3, column A (Deltaker): duplicate participant id \"a1\" (first on line 2)");

    sheet_table ex;
    ex.name = "fritak";
    ex.columns = {col("deltaker", {"a1"}), col("krav", {"festivalen"}), col("begrunnelse", {"Syk"}),
                  col("innvilget av", {"Koordinator"})};
    r = import_sheets(empty_trener(), {people_sheet(), ex});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].column == "B");
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].message.find("unknown requirement \"festivalen\"") != std::string::npos);
}

TEST_CASE("a vocabulary of one's own", "[sheet_import]") {
    sheet_table att;
    att.name = "oppmøte";
    att.columns = {col("deltaker", {"a1"}), col("18.09.2024", {"J"}), col("19.09.2024", {"x"})};
    sheet_import_options o;
    o.attendance_vocabulary = {{"j", attendance_status::present}};
    const auto r = import_sheets(empty_trener(), {people_sheet(), att}, o);
    REQUIRE(r.problems.size() == 1);  // x is not in this vocabulary
    CHECK(r.problems[0].column == "C");
    CHECK(r.problems[0].expected == "j or blank");
}

TEST_CASE("values in a column without a header are a problem, an empty one is not", "[sheet_import]") {
    sheet_table people = people_sheet();
    people.columns.push_back(col("", {"", ""}));
    CHECK(import_sheets(empty_trener(), {people}).problems.empty());
    people.columns.back().cells = {"", "41"};
    const auto r = import_sheets(empty_trener(), {people});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].column == "G");
    CHECK(r.problems[0].message.rfind("values in a column without a header", 0) == 0);
}

namespace {

/// Every problem the import reports for inputs that cover each kind of problem (issue 15:
/// messages in three languages). None of them comes from the model's own checks.
std::vector<sheet_problem> problems_of_every_kind() {
    std::vector<sheet_problem> out;
    sheet_import_options o;
    o.max_problems = 1000;
    auto add = [&](const cohort& base, const std::vector<sheet_table>& tables) {
        const auto r = import_sheets(base, tables, o);
        REQUIRE_FALSE(r.cohort);
        out.insert(out.end(), r.problems.begin(), r.problems.end());
    };
    sheet_table unknown;
    unknown.name = "Ark1";
    unknown.columns = {col("a", {"1"})};
    sheet_table att_only;
    att_only.name = "oppmøte";
    att_only.columns = {col("deltaker", {"a1"}), col("18.09.2024", {"x"})};
    add(empty_trener(), {unknown, att_only});  // unknown table, no participants table

    sheet_table people = people_sheet();
    people.columns.push_back(col("navn", {"x", "y"}));      // G: given twice
    people.columns.push_back(col("", {"1", ""}));           // H: values without a header
    people.columns.push_back(col("alder", {"40", "50"}));   // I: unknown
    people.columns.push_back(col("festivalrolle", {"dans", ""}));
    people.columns.push_back(col("31.02.2025", {"", ""}));  // not a calendar date
    people.columns[0].cells = {"a1", "a1"};                 // duplicate id
    people.columns[2].cells = {"39O5", "3905"};
    people.columns[3].cells = {"", "Tønsberg"};
    people.columns[4].cells = {"lærer", ""};
    people.columns[5].cells = {"statlig", ""};
    sheet_table second = people_sheet();
    second.name = "deltakarar";
    sheet_table no_sector = people_sheet();
    no_sector.name = "participants";
    no_sector.columns.erase(no_sector.columns.begin() + 5);
    add(empty_trener(), {people, second});
    add(empty_trener(), {no_sector});

    sheet_table wide;
    wide.name = "oppmøte";
    wide.columns = {col("deltaker", {"a1", "zz", ""}),  col("foo", {"", "", ""}),
                    col("20.09.2024", {"", "", ""}),   col("g1", {"", "", ""}),
                    col("18.09.2024", {"ja", "x", "x"}), col("2024-09-18", {"", "", ""}),
                    col("19.09.2024", {"x", "", ""})};
    sheet_table long_att;
    long_att.name = "attendance";
    long_att.columns = {col("participant_id", {"a1", "a1", "a2"}), col("date", {"19.09.2024", "20.09.2024", "32.1.2025"}),
                        col("status", {"x", "x", "x"})};
    sheet_table subs;
    subs.name = "innleveringer";
    subs.columns = {col("deltaker", {"a1", "a1", "a2", "a2", "a2"}),
                    col("type", {"blogg", "", "refleksjon", "refleksjon", "refleksjon"}),
                    col("dato", {"01.04.2025", "01.04.2025", "", "01.04.2025", "01.04.2025"}),
                    col("status", {"kanskje", "", "godkjent", "", "godkjent"}),
                    col("sider", {"0", "", "", "", ""}),
                    col("kategori", {"roman", "", "", "", ""}),
                    col("vurdert av", {"", "", "Veileder", "Veileder", "Veileder"}),
                    col("vurdert dato", {"", "", "", "", ""})};
    sheet_table subs2 = subs;
    subs2.name = "submissions";
    sheet_table ex;
    ex.name = "fritak";
    ex.columns = {col("deltaker", {"a1", "a2"}), col("krav", {"festivalen", ""}), col("begrunnelse", {"", "Syk"}),
                  col("innvilget av", {"", "Koordinator"})};
    add(empty_trener(), {people_sheet(), wide, long_att, subs, subs2, ex});

    cohort full(catalogue::get("smart-trener-2024"), "kull", "Kull", 1);
    add(full, {people_sheet()});  // two people, one seat
    const cohort has_a1 = *import_sheets(empty_trener(), {people_sheet()}).cohort;
    add(has_a1, {people_sheet()});  // already in the cohort
    return out;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("every import problem is worded in bokmål, nynorsk and English by the core", "[sheet_import][lang]") {
    const auto ps = problems_of_every_kind();
    REQUIRE(ps.size() >= 40);
    for (const auto& p : ps) {
        const std::string& nb = message(p, lang::nb);
        const std::string& nn = message(p, lang::nn);
        const std::string& en = message(p, lang::en);
        INFO(en);
        CHECK(en == p.message);  // the English message of before
        CHECK(expected(p, lang::en) == p.expected);
        CHECK_FALSE(nb.empty());
        CHECK_FALSE(nn.empty());
        CHECK(nb != en);
        CHECK(nn != en);
        for (const auto* english : {"expected", "found", "unknown", "second", "missing", "no participant", "blank"}) {
            CHECK_FALSE(has(nb, english));
            CHECK_FALSE(has(nn, english));
        }
        if (!p.expected.empty()) {
            CHECK_FALSE(expected(p, lang::nb).empty());
            CHECK_FALSE(expected(p, lang::nn).empty());
        }
    }
    // every message appears; spot-check the exact words
    auto find = [&](std::string_view en_start) -> const sheet_problem& {
        for (const auto& p : ps)
            if (p.message.rfind(en_start, 0) == 0) return p;
        FAIL("no problem starting " << en_start);
        return ps.front();
    };
    const auto& number = find("expected a 4-digit municipality number");
    CHECK(describe(number, lang::nb) ==
          "Deltakere linje 2, kolonne C (Kommunenr): forventet et firesifret kommunenummer (0301, 3905), fant \"39O5\"");
    CHECK(describe(number, lang::nn) ==
          "Deltakere linje 2, kolonne C (Kommunenr): venta eit firesifra kommunenummer (0301, 3905), fann \"39O5\"");
    CHECK(describe(number, lang::en) ==
          "Deltakere line 2, column C (Kommunenr): expected a 4-digit municipality number (0301, 3905), found \"39O5\"");
    CHECK(describe(number, lang::en) == describe(number));  // the English line of before
    const auto& status = find("unknown attendance status");
    CHECK(message(status, lang::nb) ==
          "ukjent oppmøtestatus \"ja\": forventet x, ✓, 1, til stede, sen, forfall, gyldig fravær, fravær eller tom");
    CHECK(message(status, lang::nn) ==
          "ukjend frammøtestatus \"ja\": venta x, ✓, 1, til stede, sen, forfall, gyldig fravær, fravær eller tom");
    const auto& twice = find("duplicate participant id");
    CHECK(message(twice, lang::nb) == "deltaker-ID-en \"a1\" er brukt før (første gang på linje 2)");
    CHECK(message(twice, lang::nn) == "deltakar-ID-en \"a1\" er brukt før (første gong på linje 2)");
    const auto& no_day = find("no session is held on 2024-09-20");
    CHECK(has(message(no_day, lang::nb), "det er ingen samling 20.9.2024 (samlingsdager: 18.9.2024, 19.9.2024,"));
    CHECK(has(message(no_day, lang::nn), "det er inga samling 20.9.2024 (samlingsdagar: 18.9.2024, 19.9.2024,"));
    const auto& blank = find("expected the participant's role");
    CHECK(message(blank, lang::nb) == "forventet deltakerens rolle (lærer, rektor, ...), fant en tom celle");
    CHECK(message(blank, lang::nn) == "venta rolla til deltakaren (lærar, rektor, ...), fann ei tom celle");
    const auto& seats = find("the cohort has 1 seat");
    CHECK(message(seats, lang::nb) == "kullet har 1 plass: deltaker nr. 2 er én for mye");
    CHECK(message(seats, lang::nn) == "kullet har 1 plass: deltakar nr. 2 er éin for mykje");
    const auto& missing = find("missing column 'sector'");
    CHECK(describe(missing, lang::nn) == "participants: manglar kolonnen 'sector' (eller 'sektor')");
    const auto& requirement = find("unknown requirement");
    CHECK(has(message(requirement, lang::nb), "ukjent krav \"festivalen\" i programmet \"smart-trener-2024\" (kravene er: "));
    const auto& no_people = find("no participants table");
    CHECK(describe(no_people, lang::nb) == "ingen deltakertabell (et ark som heter deltakere eller participants)");
    for (const char* start : {"unknown table", "a second participants table", "a second submissions table",
                              "column 'name' is given twice", "values in a column without a header", "unknown column 'alder'",
                              "unknown festival role", "\"31.02.2025\" is not a calendar date", "unknown column 'foo'",
                              "session \"g1\" has 2 days", "a second column for 2024-09-18", "no participant \"zz\"",
                              "expected a participant id", "a second record for participant \"a1\"",
                              "\"32.1.2025\" is not a calendar date", "unknown submission kind", "expected a submission kind",
                              "unknown submission status", "expected a page count", "unknown final text category",
                              "a submitted document has no decision", "expected the date of the decision",
                              "expected a date", "expected a requirement id", "expected the reason",
                              "expected who granted", "participant \"a1\" is already in the cohort",
                              "expected the municipality's name", "expected a sector, found a blank cell",
                              "unknown sector"})
        CHECK_NOTHROW(find(start));
}

TEST_CASE("the place of a problem in three languages, for a sheet and for a DataFrame", "[sheet_import][lang]") {
    CHECK(describe_place("Deltakarar", "3", "C", "Kommunenr", sheet_place::sheet, lang::nn) ==
          "Deltakarar linje 3, kolonne C (Kommunenr)");
    CHECK(describe_place("Deltakere", "3", "C", "", sheet_place::sheet, lang::en) == "Deltakere line 3, column C");
    CHECK(describe_place("oppmøte", "", "D", "20.09.2024", sheet_place::sheet, lang::nb) ==
          "oppmøte kolonne D (20.09.2024)");
    CHECK(describe_place("attendance", "7", "C", "date", sheet_place::frame, lang::nb) == "attendance rad 7, kolonne 'date'");
    CHECK(describe_place("attendance", "7", "C", "date", sheet_place::frame, lang::en) == "attendance row 7, column 'date'");
    CHECK(describe_place("Deltakere", "", "", "", sheet_place::sheet, lang::en) == "Deltakere");
    CHECK(describe_place("", "", "", "", sheet_place::sheet, lang::en).empty());
    CHECK(describe_import_failure(3, false, "kull.xlsx", lang::nb) == "3 feil i kull.xlsx; ingenting er skrevet.");
    CHECK(describe_import_failure(3, true, "kull.xlsx", lang::nn) == "3 feil i kull.xlsx (og fleire); ingenting er skrive.");
    CHECK(describe_import_failure(1, false, "kull.xlsx", lang::en) == "1 problem in kull.xlsx; nothing was written.");
    CHECK(describe_import_success(5, "a.xlsx", "k.json", lang::nn) == "a.xlsx: 5 deltakarar lesne inn; skreiv k.json");
    CHECK(describe_import_success(1, "a.xlsx", "k.json", lang::en) == "a.xlsx: 1 participant imported; wrote k.json");
}

TEST_CASE("a template's words come from the core and are read back", "[sheet_import][lang]") {
    for (lang l : {lang::nb, lang::nn, lang::en}) {
        CHECK_FALSE(template_instructions(l).empty());
        CHECK(is_instructions_sheet(instructions_sheet_name(l)));
        for (auto k : {sheet_table_kind::participants, sheet_table_kind::attendance, sheet_table_kind::submissions,
                       sheet_table_kind::exemptions}) {
            CHECK(table_kind_of(sheet_name(k, l)) == k);
            const auto heads = template_headers(k, l);
            REQUIRE_FALSE(heads.empty());
            CHECK(canonical_column(k, heads.front()) == (k == sheet_table_kind::participants ? "id" : "participant_id"));
            if (k != sheet_table_kind::attendance)
                for (const auto& h : heads) CHECK_FALSE(canonical_column(k, h).empty());
        }
    }
    CHECK(template_headers(sheet_table_kind::participants, lang::nn)[1] == "namn");
    CHECK(template_headers(sheet_table_kind::participants, lang::nb)[2] == "kommunenr");
    CHECK(sheet_name(sheet_table_kind::attendance, lang::nn) == std::string("frammøte"));
    CHECK(template_word(attendance_status::excused) == std::string("forfall"));
    CHECK(template_word(sector::voluntary, lang::nn) == std::string("frivillig"));
    CHECK(template_word(sector::voluntary, lang::en) == std::string("voluntary"));
}
