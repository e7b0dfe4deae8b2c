// Reading .xlsx workbooks (smart/xlsx.hpp): the cells of workbooks written by openpyxl and
// by LibreOffice (tests/data/sheets/make_sheets.py) read as a person sees them, and broken
// packages are refused with the part named.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "smart/error.hpp"
#include "smart/xlsx.hpp"

namespace {

std::string sheets(const std::string& name) { return std::string(SMART_SOURCE_DIR) + "/tests/data/sheets/" + name; }

/// The text of the cell at `letter` on spreadsheet line `line` ("" when blank).
std::string cell(const smart::sheet_table& t, std::size_t column, std::int64_t line) {
    for (std::size_t i = 0; i < t.lines.size(); ++i)
        if (t.lines[i] == line) return column < t.columns.size() ? t.columns[column].cells[i] : std::string();
    return {};
}

}  // namespace

TEST_CASE("xlsx: cells of openpyxl's and LibreOffice's workbooks as a person reads them", "[xlsx]") {
    for (const bool libreoffice : {false, true}) {
        CAPTURE(libreoffice);
        const auto tables = smart::read_xlsx(sheets(libreoffice ? "cells_libreoffice.xlsx" : "cells.xlsx"));
        REQUIRE(tables.size() == 1);  // the sheet "tom" has no cells: no table
        const auto& t = tables[0];
        CHECK(t.name == "celler");
        CHECK(t.header_line == 1);
        REQUIRE(t.columns.size() == 10);  // J holds a cell without a header
        CHECK(t.columns[0].header == "tekst");
        CHECK(t.columns[8].header == "tegn");
        CHECK(t.columns[9].header.empty());
        CHECK(t.columns[9].letter == "J");
        // strings, escapes, non-ASCII; spaces are kept (the import trims)
        CHECK(cell(t, 0, 2) == "Åse Ørn");
        CHECK(cell(t, 0, 3) == " mellomrom ");
        CHECK(cell(t, 8, 2) == "a&b <c> \"d\"");
        CHECK(cell(t, 8, 3) == "emoji \xF0\x9F\x8E\x89");
        // numbers: whole numbers without ".0", others in their shortest form
        CHECK(cell(t, 1, 2) == "301");
        CHECK(cell(t, 1, 3) == "3905");
        CHECK(cell(t, 2, 2) == "0.5");
        CHECK(cell(t, 2, 5) == "-2.5e-07");
        // dates by their number format; midnight is the date alone; 1900-03-01 is serial 61
        CHECK(cell(t, 3, 2) == "2024-09-18");
        CHECK(cell(t, 3, 3) == "1999-12-31");
        CHECK(cell(t, 3, 5) == "1900-03-01");
        CHECK(cell(t, 4, 2) == "2024-09-18 10:30:00");
        CHECK(cell(t, 4, 3) == "2025-01-01");
        // booleans
        CHECK(cell(t, 5, 2) == "true");
        CHECK(cell(t, 5, 3) == "false");
        // formulas: their cached value (openpyxl stores none)
        CHECK(cell(t, 6, 2) == (libreoffice ? "602" : ""));
        CHECK(cell(t, 6, 3) == (libreoffice ? "Åse Ørn!" : ""));
        CHECK(cell(t, 7, 2).empty());
        CHECK(cell(t, 9, 5) == "uten overskrift");
        CHECK(t.lines.back() == 5);
    }
}

TEST_CASE("xlsx: an administrator's workbook keeps its sheet lines and letters", "[xlsx]") {
    const auto tables = smart::read_xlsx(sheets("wide_nb.xlsx"));
    REQUIRE(tables.size() >= 2);
    for (const auto& t : tables) {
        CAPTURE(t.name);
        CHECK(t.name != "Instruksjoner");  // the template's instructions hold no records
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            CHECK(t.columns[c].letter == smart::column_letter(c));
            CHECK(t.columns[c].cells.size() == t.lines.size());
        }
        for (std::size_t i = 1; i < t.lines.size(); ++i) CHECK(t.lines[i] > t.lines[i - 1]);
        if (!t.lines.empty()) CHECK(t.lines.front() > t.header_line);
    }
}

TEST_CASE("xlsx: what is not a workbook is refused with the file named", "[xlsx]") {
    const auto dir = std::filesystem::temp_directory_path() / "smart_test_xlsx";
    std::filesystem::create_directories(dir);
    const std::string text = (dir / "not.xlsx").string();
    std::ofstream(text) << "deltaker;navn\nk01;Siri\n";
    try {
        smart::read_xlsx(text);
        FAIL("a text file was read as a workbook");
    } catch (const smart::error& e) {
        CHECK(e.code() == smart::errc::parse_error);
        CHECK(std::string(e.what()).find("not.xlsx: not an .xlsx workbook (not a ZIP archive)") != std::string::npos);
    }
    try {
        smart::read_xlsx((dir / "missing.xlsx").string());
        FAIL("a missing file was read");
    } catch (const smart::error& e) {
        CHECK(e.code() == smart::errc::not_found);
        CHECK(std::string(e.what()).find("missing.xlsx: cannot open the workbook") != std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: a workbook in memory reads as the same file", "[xlsx]") {
    std::ifstream in(sheets("cells_libreoffice.xlsx"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto from_file = smart::read_xlsx(sheets("cells_libreoffice.xlsx"));
    const auto from_memory = smart::read_xlsx_data(bytes, "upload.xlsx");
    REQUIRE(from_memory.size() == from_file.size());
    for (std::size_t i = 0; i < from_file.size(); ++i) {
        CHECK(from_memory[i].name == from_file[i].name);
        CHECK(from_memory[i].lines == from_file[i].lines);
        REQUIRE(from_memory[i].columns.size() == from_file[i].columns.size());
        for (std::size_t c = 0; c < from_file[i].columns.size(); ++c) {
            CHECK(from_memory[i].columns[c].header == from_file[i].columns[c].header);
            CHECK(from_memory[i].columns[c].cells == from_file[i].columns[c].cells);
        }
    }
    try {
        smart::read_xlsx_data(bytes.substr(0, bytes.size() / 2), "upload.xlsx");
        FAIL("half a workbook was read");
    } catch (const smart::error& e) {
        CHECK(e.code() == smart::errc::parse_error);
        CHECK(std::string(e.what()).rfind("upload.xlsx: not an .xlsx workbook", 0) == 0);
    }
}
