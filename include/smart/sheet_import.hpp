// Spreadsheet import (issue 15): a cohort from tables of text cells as course
// administrators keep them in Excel or CSV — Norwegian or English headers, attendance wide
// (one column per session day) or long (participant, date, status), `x` or blank for
// attendance, dates as 18.09.2024, municipality numbers that lost their leading zero. The
// rules of what is valid stay here; callers (Python, the CLI) only read files and hand over
// cells. Every problem is reported at once (up to a limit), each at its table, spreadsheet
// line and column letter; nothing is half-loaded. docs/import.md describes the layouts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/error.hpp"
#include "smart/text.hpp"

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

/// One problem with the input, at a cell when it is about one.
struct sheet_problem {
    std::string table;       ///< the table's name as given
    std::int64_t line = -1;  ///< spreadsheet line (or DataFrame row label); -1 = about the whole table
    std::string column;      ///< column letter ("" = not about one column)
    std::string header;      ///< that column's header as written ("" when none)
    std::string found;       ///< the cell's text ("" = blank or not about a cell)
    std::string expected;    ///< what was expected there, in words (English: expected_in[en])
    std::string message;     ///< the whole sentence without the place, e.g. "expected ..., found ..." (English)
    /// The JSON Pointer of the value in the cohort document (docs/format.md) when the
    /// problem is about one, e.g. "/participants/3/municipality/number"; "" otherwise.
    std::string pointer;
    errc code = errc::validation_error;
    /// `expected` and `message` in bokmål, nynorsk and English (indexed by lang): the core's
    /// words for people. A problem the cohort model's own checks find (rare: they run after
    /// the import's) has its English message in all three.
    std::array<std::string, 3> expected_in, message_in;
    friend bool operator==(const sheet_problem&, const sheet_problem&) = default;
};

/// One table (a sheet of a workbook, a CSV file, a DataFrame).
struct sheet_table {
    std::string name;  ///< as the user named it: the sheet's or file's name
    sheet_table_kind kind = sheet_table_kind::unknown;  ///< unknown = from the name
    std::vector<sheet_column> columns;
    /// The spreadsheet line of each row (the header on line 1 → first row on line 2);
    /// empty means 2, 3, ... by position.
    std::vector<std::int64_t> lines;
    std::int64_t header_line = 1;
    /// What made the file unreadable as a table, at its line (read_csv: a quoted cell that
    /// is not closed, text in no supported encoding), in nb/nn/en with code parse_error.
    /// import_sheets reports every table's reading problems, and only those, when there
    /// are any; a table with problems may have no columns.
    std::vector<sheet_problem> problems;
};

/// How cells are read. The defaults are Norwegian administrators' ways.
struct sheet_import_options {
    /// Attendance values (compared with case and white space ignored) → status. A blank
    /// cell is always "not recorded". Empty = default_attendance_vocabulary(); the
    /// English names (present, late, excused, absent) are always understood.
    std::vector<std::pair<std::string, attendance_status>> attendance_vocabulary;
    /// At most this many problems are collected (at least 1).
    std::size_t max_problems = 100;
    /// How messages name a place in a table: "line" (a sheet's line: "first on line 3" /
    /// "første gang på linje 3") or "row" (a DataFrame's index label: "first in row 3" /
    /// "første gang i rad 3").
    std::string row_word = "line";
};

/// x, ✓, 1, til stede → present; sen → late; forfall, gyldig fravær → excused; fravær →
/// absent.
std::vector<std::pair<std::string, attendance_status>> default_attendance_vocabulary();


/// The problem's sentence without the place in `l`.
const std::string& message(const sheet_problem& p, lang l) noexcept;
/// What was expected at the place, in `l`.
const std::string& expected(const sheet_problem& p, lang l) noexcept;

/// How a place is named: a file's sheet line and column letter, or a DataFrame's row label
/// and column name.
enum class sheet_place : std::uint8_t { sheet, frame };

/// The place of a problem in `l`: "Deltakere linje 3, kolonne C (Kommunenr)" / "Deltakarar
/// linje 3, kolonne C (Kommunenr)" / "Deltakere line 3, column C (Kommunenr)"; for a frame
/// "attendance rad 7, kolonne 'date'" / "attendance row 7, column 'date'". `row` is the line
/// or row label as text ("" = about the whole table), `letter` "" = not about one column.
/// "" when there is no table either.
std::string describe_place(std::string_view table, std::string_view row, std::string_view letter,
                           std::string_view header, sheet_place place, lang l);

/// "<place>: <message>" in `l` (the message alone when there is no place); for a frame,
/// `row_label` names the row when given (the DataFrame's index label as text), else p.line.
std::string describe(const sheet_problem& p, lang l, sheet_place place = sheet_place::sheet,
                     std::string_view row_label = {});

/// The English report line of before (row_word "line" or "row" for a frame's row).
std::string describe(const sheet_problem& p, std::string_view row_word = "line");

/// The last line of an import's report in `l`: "3 feil i kull.xlsx; ingenting er skrevet."
/// / "3 feil i kull.xlsx; ingenting er skrive." / "3 problems in kull.xlsx; nothing was
/// written." (" (og flere)" / " (og fleire)" / " (and more)" after the file when truncated).
std::string describe_import_failure(std::size_t problems, bool truncated, std::string_view file, lang l);
/// " (og flere)" / " (og fleire)" / " (and more)": more problems than reported.
const char* more_problems(lang l) noexcept;
/// The line of a successful import in `l`: "kull.xlsx: 5 deltakere lest inn; skrev kull.json"
/// / "...: 5 deltakarar lesne inn; skreiv kull.json" / "...: 5 participants imported; wrote kull.json".
std::string describe_import_success(std::size_t participants, std::string_view file, std::string_view output, lang l);
/// A template asked for one programme and filled with a cohort of another, in `l`.
std::string describe_programme_mismatch(std::string_view cohort_programme, std::string_view programme, lang l);

// --- the words of a template workbook (smart template, write_template) -------------------

/// The sheet name of a table in `l`: deltakere / deltakarar / participants, oppmøte /
/// frammøte / attendance, innleveringer / innleveringar / submissions, fritak / fritak /
/// exemptions (each read back by table_kind_of). "" for unknown.
const char* sheet_name(sheet_table_kind k, lang l) noexcept;
/// The columns a template writes for a table in `l`, each understood by canonical_column
/// (attendance: the participant's id and name; the session days follow).
std::vector<std::string> template_headers(sheet_table_kind k, lang l);
/// The instructions sheet: its name ("Instruksjoner" / "Rettleiing" / "Instructions") and
/// its lines (a title, then how to fill in the sheets).
const char* instructions_sheet_name(lang l) noexcept;
std::vector<std::string> template_instructions(lang l);
/// Whether a sheet of this name holds instructions (no records): any language's name, or
/// "veiledning"; case and spaces ignored.
bool is_instructions_sheet(std::string_view name) noexcept;
/// The word a template writes for an attendance status: the first default vocabulary word
/// (x, sen, forfall, fravær), the same in every language; "" for unrecorded.
const char* template_word(attendance_status s) noexcept;
/// The word a template writes for a sector in `l`: offentlig / privat / frivillig (nb, nn),
/// public / private / voluntary (en).
const char* template_word(sector s, lang l) noexcept;

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
