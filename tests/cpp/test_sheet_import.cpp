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
