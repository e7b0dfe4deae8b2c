// Spreadsheet import (issue 15): a cohort from tables of text cells as course
// administrators keep them in Excel or CSV — Norwegian or English headers, attendance wide
// (one column per session day) or long (participant, date, status), `x` or blank for
// attendance, dates as 18.09.2024, municipality numbers that lost their leading zero. The
// rules of what is valid stay here; callers (Python, the CLI) only read files and hand over
// cells. Every problem is reported at once (up to a limit), each at its table, spreadsheet
// line and column letter; nothing is half-loaded. docs/import.md describes the layouts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/error.hpp"

namespace smart {

/// One column of a table: its header as written, its letter in the sheet ("" = derived
/// from its position: A, B, ..., Z, AA, ...) and one text cell per row ("" = blank).
struct sheet_column {
    std::string header;
    std::string letter;
    std::vector<std::string> cells;
};

/// What a table holds. A table's kind comes from its name (English or Norwegian, see
/// table_kind_of) unless given.
enum class sheet_table_kind : std::uint8_t { unknown, participants, attendance, submissions, exemptions };
const char* to_string(sheet_table_kind k) noexcept;  ///< "participants", ...
/// The kind a sheet or table name names: "participants"/"deltakere", "attendance"/
/// "oppmøte"/"fremmøte", "submissions"/"innleveringer", "exemptions"/"fritak" (case,
/// spaces, '-' and '_' ignored); unknown otherwise.
sheet_table_kind table_kind_of(std::string_view name) noexcept;

/// One table (a sheet of a workbook, a CSV file, a DataFrame).
struct sheet_table {
    std::string name;  ///< as the user named it: the sheet's or file's name
    sheet_table_kind kind = sheet_table_kind::unknown;  ///< unknown = from the name
    std::vector<sheet_column> columns;
    /// The spreadsheet line of each row (the header on line 1 → first row on line 2);
    /// empty means 2, 3, ... by position.
    std::vector<std::int64_t> lines;
    std::int64_t header_line = 1;
};

/// How cells are read. The defaults are Norwegian administrators' ways.
struct sheet_import_options {
    /// Attendance values (compared with case and white space ignored) → status. A blank
    /// cell is always "not recorded". Empty = default_attendance_vocabulary(); the
    /// English names (present, late, excused, absent) are always understood.
    std::vector<std::pair<std::string, attendance_status>> attendance_vocabulary;
    /// At most this many problems are collected (at least 1).
    std::size_t max_problems = 100;
    /// The word for a place in a table in messages: "line" (a sheet's line) or "row" (a
    /// DataFrame's index label).
    std::string row_word = "line";
};

/// x, ✓, 1, til stede → present; sen → late; forfall, gyldig fravær → excused; fravær →
/// absent.
std::vector<std::pair<std::string, attendance_status>> default_attendance_vocabulary();

/// One problem with the input, at a cell when it is about one.
struct sheet_problem {
    std::string table;       ///< the table's name as given
    std::int64_t line = -1;  ///< spreadsheet line (or DataFrame row label); -1 = about the whole table
    std::string column;      ///< column letter ("" = not about one column)
    std::string header;      ///< that column's header as written ("" when none)
    std::string found;       ///< the cell's text ("" = blank or not about a cell)
    std::string expected;    ///< what was expected there, in words
    std::string message;     ///< the whole sentence without the place, e.g. "expected ..., found ..."
    /// The JSON Pointer of the value in the cohort document (docs/format.md) when the
    /// problem is about one, e.g. "/participants/3/municipality/number"; "" otherwise.
    std::string pointer;
    errc code = errc::validation_error;
    friend bool operator==(const sheet_problem&, const sheet_problem&) = default;
};

/// "<table> line 5, column C (kommunenr): <message>" (row_word in place of "line").
std::string describe(const sheet_problem& p, std::string_view row_word = "line");

struct sheet_import_result {
    std::optional<smart::cohort> cohort;  ///< set exactly when problems is empty
    std::vector<sheet_problem> problems;
    bool truncated = false;  ///< more problems than options.max_problems were found
};

/// A cohort from tables: `base` (programme, id, label, capacity, schedule; its
/// participants, if any, stay) plus the participants, attendance, submissions and
/// exemptions the tables hold. At most one participants, submissions and exemptions
/// table; attendance may be one long table or any number of wide ones (wide columns in
/// the participants table too). All or nothing: any problem → no cohort.
sheet_import_result import_sheets(const smart::cohort& base, const std::vector<sheet_table>& tables,
                                  const sheet_import_options& options = {});

/// The column letter of a 0-based position: 0 → "A", 25 → "Z", 26 → "AA".
std::string column_letter(std::size_t position);

/// A date as administrators write it: ISO "2024-09-18" or Norwegian "18.09.2024" /
/// "8.9.2024" (also with a time of 00:00:00 after an ISO date, as spreadsheets export
/// them). nullopt for anything else or a day that does not exist.
std::optional<date> parse_sheet_date(std::string_view text) noexcept;

/// The canonical (English) column a header names in a table of that kind, e.g. "kommunenr"
/// → "municipality_number" in participants; "" when none. docs/import.md lists them.
std::string canonical_column(sheet_table_kind kind, std::string_view header);

}  // namespace smart
