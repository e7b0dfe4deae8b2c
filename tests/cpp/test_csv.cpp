// Reading CSV files (smart/csv.hpp): encodings, separators, quoting, lines and letters, and
// the files and directories read_tables takes. tests/python/test_csv_read.py compares
// random files with Python's csv module.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "smart/catalogue.hpp"
#include "smart/csv.hpp"
#include "smart/error.hpp"

using smart::read_csv_data;

namespace {

std::vector<std::string> column(const smart::sheet_table& t, std::size_t c) { return t.columns.at(c).cells; }

std::vector<std::string> headers(const smart::sheet_table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.header);
    return out;
}

smart::errc code_of(const std::string& bytes) {
    try {
        (void)read_csv_data(bytes, "deltakere");
    } catch (const smart::error& e) {
        return e.code();
    }
    return smart::errc::ok;
}

std::string message_of(const std::string& bytes) {
    try {
        (void)read_csv_data(bytes, "deltakere");
    } catch (const smart::error& e) {
        return e.what();
    }
    return {};
}

/// The one reading problem of a file that cannot be read as a table.
smart::sheet_problem problem_of(const std::string& bytes) {
    const auto t = read_csv_data(bytes, "deltakere");
    REQUIRE(t);
    CHECK(t->columns.empty());
    REQUIRE(t->problems.size() == 1);
    CHECK(t->problems[0].code == smart::errc::parse_error);
    CHECK(t->problems[0].table == "deltakere");
    return t->problems[0];
}

struct temp_dir {
    std::filesystem::path path;
    explicit temp_dir(const char* name) : path(std::filesystem::temp_directory_path() / name) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~temp_dir() { std::filesystem::remove_all(path); }
    void write(const std::string& file, const std::string& bytes) const {
        std::ofstream(path / file, std::ios::binary) << bytes;
    }
};

}  // namespace

TEST_CASE("csv: separators, lines, letters and ragged rows", "[csv]") {
    SECTION("semicolons, as Norwegian Excel writes them") {
        const auto t = read_csv_data("Deltaker;Navn;Kommunenr\r\np1;Kari;301\r\n\r\np2;Ola\r\n", "deltakere");
        REQUIRE(t);
        CHECK(t->name == "deltakere");
        CHECK(t->header_line == 1);
        CHECK(headers(*t) == std::vector<std::string>{"Deltaker", "Navn", "Kommunenr"});
        CHECK(column(*t, 0) == std::vector<std::string>{"p1", "p2"});
        CHECK(column(*t, 2) == std::vector<std::string>{"301", ""});  // a short row: blank cells
        CHECK(t->lines == std::vector<std::int64_t>{2, 4});          // the empty line 3 is left out
        CHECK(t->columns[2].letter == "C");
    }
    SECTION("commas, tabs; the first non-blank line decides") {
        CHECK(headers(*read_csv_data("a,b;c\n", "t")) == std::vector<std::string>{"a", "b;c"});
        CHECK(headers(*read_csv_data("a\tb\tc,d\n", "t")) == std::vector<std::string>{"a", "b", "c,d"});
        CHECK(headers(*read_csv_data("a;b,c\n", "t")) == std::vector<std::string>{"a;b", "c"});  // a tie: comma
        const auto t = read_csv_data("\n;;;\n\nid;navn\np1;Kari\n", "t");
        REQUIRE(t);
        CHECK(t->header_line == 4);  // the row of separators only is blank: not the header
        CHECK(headers(*t) == std::vector<std::string>{"id", "navn"});
        CHECK(t->lines == std::vector<std::int64_t>{5});
    }
    SECTION("a row wider than the header widens the table; spaces are kept") {
        const auto t = read_csv_data("id;navn\rp1; Kari ;x;y\rp2\r", "t");
        REQUIRE(t);
        REQUIRE(t->columns.size() == 4);
        CHECK(t->columns[3].header.empty());
        CHECK(t->columns[3].letter == "D");
        CHECK(column(*t, 1) == std::vector<std::string>{" Kari ", ""});
        CHECK(column(*t, 3) == std::vector<std::string>{"y", ""});
        CHECK(t->lines == std::vector<std::int64_t>{2, 3});
    }
    SECTION("no final line ending; a trailing separator is an empty cell") {
        const auto t = read_csv_data("id;navn;\np1;Kari;", "t");
        REQUIRE(t);
        CHECK(t->columns.size() == 3);
        CHECK(column(*t, 2) == std::vector<std::string>{""});
    }
    SECTION("nothing but blanks is no table") {
        CHECK_FALSE(read_csv_data("", "t"));
        CHECK_FALSE(read_csv_data("\n\r\n ; \n\t\n", "t"));
        CHECK_FALSE(read_csv_data("\xEF\xBB\xBF", "t"));
    }
}

TEST_CASE("csv: quoted cells as Excel writes them", "[csv]") {
    const auto t = read_csv_data(
        "id;navn;merknad\r\n"
        "p1;\"Nordmann; Kari\";\"sa \"\"hei\"\"\"\r\n"
        "p2;\"to\r\nlinjer\";x\r\n"
        "p3;Kari \"Kaja\" Nordmann;\"ab\"c\r\n"
        "p4;\"\";\"\"\"\"\r\n",
        "t");
    REQUIRE(t);
    CHECK(column(*t, 1) == std::vector<std::string>{"Nordmann; Kari", "to\nlinjer", "Kari \"Kaja\" Nordmann", ""});
    CHECK(column(*t, 2) == std::vector<std::string>{"sa \"hei\"", "x", "abc", "\""});
    CHECK(t->lines == std::vector<std::int64_t>{2, 3, 5, 6});  // p2 starts on line 3 and ends on 4
}

TEST_CASE("csv: encodings", "[csv]") {
    const std::vector<std::string> want{"Åse", "Bjørn"};
    SECTION("UTF-8 with and without a byte order mark") {
        CHECK(column(*read_csv_data("navn\nÅse\nBjørn\n", "t"), 0) == want);
        const auto t = read_csv_data("\xEF\xBB\xBFnavn\nÅse\nBjørn\n", "t");
        CHECK(headers(*t) == std::vector<std::string>{"navn"});
        CHECK(column(*t, 0) == want);
    }
    SECTION("Windows-1252, as Excel's \"CSV (semicolon separated)\" on Norwegian Windows") {
        const auto t = read_csv_data("navn;bel\xF8p\n\xC5se;\x80 5\nBj\xF8rn;\x96\n", "t");
        REQUIRE(t);
        CHECK(headers(*t) == std::vector<std::string>{"navn", "beløp"});
        CHECK(column(*t, 0) == want);
        CHECK(column(*t, 1) == std::vector<std::string>{"€ 5", "–"});
    }
    SECTION("UTF-16 with its byte order mark, as Excel's \"Unicode text\" (tab separated)") {
        const std::u16string text = u"navn\tsmil\r\nÅse\t😀\r\nBjørn\t\r\n";
        std::string le = "\xFF\xFE", be = "\xFE\xFF";
        for (char16_t u : text) {
            le.push_back(static_cast<char>(u & 0xFF));
            le.push_back(static_cast<char>(u >> 8));
            be.push_back(static_cast<char>(u >> 8));
            be.push_back(static_cast<char>(u & 0xFF));
        }
        for (const std::string& bytes : {le, be}) {
            const auto t = read_csv_data(bytes, "t");
            REQUIRE(t);
            CHECK(headers(*t) == std::vector<std::string>{"navn", "smil"});
            CHECK(column(*t, 0) == want);
            CHECK(column(*t, 1) == std::vector<std::string>{"😀", ""});
        }
    }
}

TEST_CASE("csv: what cannot be read is a problem at its line, in three languages", "[csv][errors]") {
    const auto open = problem_of("id;navn;merknad\np1;Kari;\"sa hei\np2;Ola\n");
    CHECK(open.line == 2);
    CHECK(open.column == "C");  // where the quote opens
    CHECK(open.message == "a quoted cell is not closed (a \" without its closing \")");
    CHECK(smart::describe(open, smart::lang::nb) ==
          "deltakere linje 2, kolonne C: en celle i anførselstegn blir ikke avsluttet (en \" uten sin avsluttende \")");
    CHECK(smart::describe(open, smart::lang::nn) ==
          "deltakere linje 2, kolonne C: ei celle i hermeteikn vert ikkje avslutta (ein \" utan den avsluttande \")");
    // 0x81 is undefined in Windows-1252 and the text is not UTF-8
    const auto undefined = problem_of("navn\nok\n\x81x\n");
    CHECK(undefined.line == 3);
    CHECK(undefined.column.empty());
    CHECK(undefined.message == "neither UTF-8 nor Windows-1252 text (byte 129); save the file as \"CSV UTF-8\"");
    CHECK(smart::message(undefined, smart::lang::nb) == "verken UTF-8 eller Windows-1252 (byte 129); lagre filen som «CSV UTF-8»");
    // a UTF-8 file with a stray byte: a problem, not every letter read as Windows-1252 (Ã¸)
    const auto stray = problem_of("navn\nBjørn\nx\xF8y\n");
    CHECK(stray.line == 3);
    CHECK(stray.message == "not UTF-8 (byte 248) in a file that is UTF-8 elsewhere; save the file as \"CSV UTF-8\"");
    CHECK(problem_of(std::string("\xFF\xFE" "a\0b", 5)).message == "UTF-16 text of an odd number of bytes");
    const auto surrogate = problem_of(std::string("\xFF\xFE" "a\0\n\0\x00\xDC", 8));
    CHECK(surrogate.line == 2);
    CHECK(surrogate.message == "malformed UTF-16 (an unpaired surrogate)");
    CHECK(code_of("id\np1\n") == smart::errc::ok);
    // a table of more than 30 million cells is refused before it is built
    std::string wide(20'000, ';');
    wide += "\n";
    std::string big = "id" + wide;
    for (int i = 0; i < 1600; ++i) big += "x\n";
    CHECK(message_of(big).find("is too large: 1600 rows of 20001 columns") != std::string::npos);
    // one line of 40 million separators is refused before it is split into cells
    CHECK(message_of("id;x\n" + std::string(40'000'000, ';')) == "deltakere is too large: more than 30000000 cells");
}

TEST_CASE("csv: read_tables takes a directory of CSV files, one file or a workbook", "[csv]") {
    const temp_dir d("smart_test_csv");
    d.write("deltakere.csv", "id;navn\np1;Kari\n");
    d.write("Oppmøte.TXT", "id;18.09.2024\np1;x\n");
    d.write("tom.csv", "\n ; \n");
    d.write("notater.md", "not a table");
    const auto tables = smart::read_tables(d.path.string());
    REQUIRE(tables.size() == 2);  // the blank file gives no table; other files are not read
    CHECK(tables[0].name == "Oppmøte");  // name order (bytes: 'O' before 'd')
    CHECK(tables[1].name == "deltakere");
    const auto one = smart::read_tables((d.path / "deltakere.csv").string());
    REQUIRE(one.size() == 1);
    CHECK(one[0].name == "deltakere");
    const auto workbook = smart::read_tables(std::string(SMART_SOURCE_DIR) + "/tests/data/sheets/cells.xlsx");
    CHECK(workbook.size() == 1);

    const auto code = [](const std::string& path) {
        try {
            (void)smart::read_tables(path);
        } catch (const smart::error& e) {
            return e.code();
        }
        return smart::errc::ok;
    };
    // bytes in memory, told apart by the file's name
    const auto uploaded = smart::read_tables_data("id;navn\np1;Kari\n", "Deltakere.CSV");
    REQUIRE(uploaded.size() == 1);
    CHECK(uploaded[0].name == "Deltakere");
    CHECK(smart::read_tables_data("\n", "tom.txt").empty());
    std::ifstream in(std::string(SMART_SOURCE_DIR) + "/tests/data/sheets/cells.xlsx", std::ios::binary);
    const std::string book((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(smart::read_tables_data(book, "kull.xlsx").size() == 1);
    try {
        (void)smart::read_tables_data("id;navn\n", "kull.xlsx");  // CSV bytes named as a workbook
        CHECK(false);
    } catch (const smart::error& e) {
        CHECK(e.code() == smart::errc::parse_error);
        CHECK(std::string(e.what()).find("kull.xlsx: not an .xlsx workbook") != std::string::npos);
    }

    CHECK(code((d.path / "missing.csv").string()) == smart::errc::not_found);
    CHECK(code((d.path / "notater.md").string()) == smart::errc::invalid_argument);
    const temp_dir empty("smart_test_csv_empty");
    empty.write("readme.md", "x");
    CHECK(code(empty.path.string()) == smart::errc::not_found);
    CHECK(code((d.path / "missing.xlsx").string()) == smart::errc::not_found);
}

TEST_CASE("csv: import_sheets reports the reading problems, and only those", "[csv][errors]") {
    const smart::cohort base(smart::catalogue::get("smart-trener-2024"), "kull", "Kull");
    std::vector<smart::sheet_table> tables;
    tables.push_back(*read_csv_data("deltaker;navn;kommunenr;kommune;rolle;sektor\nk01;\"Siri;0301;Oslo;lærer;offentlig\n",
                                    "deltakere"));
    // a table with its own mistakes (an unknown status), which would be reported otherwise
    tables.push_back(*read_csv_data("deltaker;dato;status\nk01;18.09.2024;kanskje\n", "oppmøte"));
    const auto r = smart::import_sheets(base, tables);
    CHECK_FALSE(r.cohort);
    REQUIRE(r.problems.size() == 1);
    CHECK(smart::describe(r.problems[0], smart::lang::en) ==
          "deltakere line 2, column B: a quoted cell is not closed (a \" without its closing \")");
    tables[0] = *read_csv_data("deltaker;navn;kommunenr;kommune;rolle;sektor\nk01;Siri;0301;Oslo;lærer;offentlig\n",
                               "deltakere");
    const auto fixed = smart::import_sheets(base, tables);  // the quote closed: the status is reported
    REQUIRE(fixed.problems.size() == 1);
    CHECK(fixed.problems[0].line == 2);
    CHECK(fixed.problems[0].column == "C");
    CHECK(fixed.problems[0].found == "kanskje");
}
