// Reading .xlsx workbooks (Office Open XML spreadsheets, as Excel, LibreOffice, Google
// Sheets and openpyxl write them) into tables of text cells for the spreadsheet import
// (sheet_import.hpp). Only what an administrator's workbook holds is read: sheet names,
// cell values (shared and inline strings, numbers, booleans, dates by their number format,
// the cached values of formulas). Formatting, formulas, charts and comments are ignored.
// docs/import.md describes how cells become text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "smart/sheet_import.hpp"

namespace smart {

/// The worksheets of the workbook at `path`, in the workbook's order (chart sheets and the
/// template's instructions sheet, is_instructions_sheet(), skipped), each as a table: its first row with a non-blank cell is the header, the rows
/// below it (blank rows included; import_sheets skips them) are the data, each with its
/// spreadsheet line; columns are as wide as the widest row and keep their sheet letters.
/// A sheet without a non-blank cell gives no table. Cells as text:
///   - strings as written; booleans "true"/"false"; error values as shown ("#N/A");
///   - numbers: whole numbers with all their digits and without ".0" (301, not 301.0),
///     others in the shortest form
///     that reads back the same (0.5);
///   - numbers with a date format: ISO dates ("2024-09-18"), with a time
///     "2024-09-18 10:30:00" when not midnight (1900 and 1904 date systems).
/// Sheets are read in parallel. Throws smart::error: parse_error for a file that is not an
/// .xlsx workbook, has malformed XML (naming the part and the byte), a row number outside
/// 1–1048576, or a sheet of more than 30 million cells (width × rows: about a gigabyte of
/// text); not_found when the file cannot be opened.
std::vector<sheet_table> read_xlsx(const std::string& path);

/// The same from a workbook's bytes in memory (an upload); `name` names it in messages.
std::vector<sheet_table> read_xlsx_data(std::string_view bytes, const std::string& name = "workbook");

}  // namespace smart
