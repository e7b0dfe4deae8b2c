// Reading CSV files into tables of text cells for the spreadsheet import
// (sheet_import.hpp), and reading whatever an administrator hands over: a workbook, one
// CSV file or a directory of CSV files (read_tables). docs/import.md, "Reading CSV files",
// states the rules with examples.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smart/sheet_import.hpp"

namespace smart {

/// The table in a CSV file's text, named `name` (a file's stem: "deltakere"); nullopt when
/// no cell is non-blank.
///   - Encoding: UTF-8 (a byte order mark is skipped); UTF-16 with its byte order mark
///     (Excel's "Unicode text"); any other text that is not UTF-8 is read as Windows-1252,
///     what Excel on Norwegian Windows writes as "CSV (semicolon separated)".
///   - Separator: `;` when the first non-blank line has more semicolons than commas, else
///     a tab when it has more tabs than commas, else `,`.
///   - Quoting as Excel, Python's csv module and RFC 4180: a cell in double quotes may hold
///     separators, line breaks and doubled quotes (""); a quote inside an unquoted cell is
///     kept; text after a closing quote is added to the cell. Line breaks inside a cell
///     become "\n".
///   - Lines end with \n, \r\n or \r. Empty lines are left out; the first row with a
///     non-blank cell is the header; each row keeps the line it starts on; columns are as
///     wide as the widest row from the header on (shorter rows get blank cells) and carry
///     the letters a spreadsheet would show (A, B, ...).
/// A file that cannot be read as a table gives a table without columns whose `problems`
/// say why, at the line, in nb/nn/en (code parse_error; import_sheets reports them): a
/// quoted cell that is not closed (at the line and column where its quote opens), bytes
/// that are neither UTF-8 nor Windows-1252, a stray byte in a file that is otherwise
/// UTF-8, malformed UTF-16. Throws smart::error parse_error for a file over 2 GiB or a
/// table over 30 million cells.
std::optional<sheet_table> read_csv_data(std::string_view bytes, const std::string& name);

/// The table in the CSV file at `path`, named by the file's stem. Throws as read_csv_data,
/// and not_found when the file cannot be read.
std::optional<sheet_table> read_csv(const std::string& path);

/// The tables to import from `path`:
///   - a directory: its CSV files (names ending .csv or .txt, any case) in name order, one
///     table per file named by its stem; not_found when it has none;
///   - a file ending .xlsx or .xlsm: its worksheets (read_xlsx);
///   - a file ending .csv or .txt: its table;
/// not_found when the path does not exist, invalid_argument for another kind of file.
std::vector<sheet_table> read_tables(const std::string& path);

/// The tables in a file's bytes in memory (an upload, a database blob), told apart by the
/// file's `name` as read_tables tells files apart: a name ending .csv or .txt (any case)
/// makes them one CSV table named by the name's stem ("deltakere.csv" → "deltakere"; none
/// when it has no non-blank cell); any other name an .xlsx workbook (read_xlsx_data, named
/// `name` in messages). Throws as read_csv_data and read_xlsx_data.
std::vector<sheet_table> read_tables_data(std::string_view bytes, const std::string& name);

}  // namespace smart
