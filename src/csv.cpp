// Reading CSV files (smart/csv.hpp): decoding, the separator, quoting as Excel and
// Python's csv module read it, and the table the spreadsheet import takes.
#include "smart/csv.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <cctype>
#include <system_error>
#include <utility>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/xlsx.hpp"

namespace smart {

namespace {

/// The largest file read: as an .xlsx part.
constexpr std::size_t max_file_bytes = std::size_t{1} << 31;
/// As read_xlsx: a table is a dense grid of at most this many cells.
constexpr std::size_t max_table_cells = 30'000'000;

/// What makes a file unreadable as a table, in nb/nn/en: thrown inside this file, turned
/// into the table's sheet_problem by read_csv_data.
struct unreadable {
    std::int64_t line = -1;
    std::size_t column = 0;  ///< 0 = not about a column; else its position + 1
    std::array<std::string, 3> message, expected;
};

const std::array<std::string, 3> save_as_utf8{"lagre filen som «CSV UTF-8»", "lagre fila som «CSV UTF-8»",
                                              "save the file as \"CSV UTF-8\""};

std::array<std::string, 3> words(std::string nb, std::string nn, std::string en) {
    return {std::move(nb), std::move(nn), std::move(en)};
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// The line (1-based) of byte `at` of `text`, counting \n, \r\n and \r.
std::int64_t line_at(std::string_view text, std::size_t at) {
    std::int64_t line = 1;
    for (std::size_t i = 0; i < at && i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
    return line;
}

/// UTF-16 (little or big endian, after its byte order mark) as UTF-8.
std::string from_utf16(std::string_view b, bool little) {
    const auto utf16 = words("tekst i UTF-16", "tekst i UTF-16", "UTF-16 text");
    if (b.size() % 2 != 0)
        throw unreadable{-1, 0,
                         words("UTF-16-tekst med et odde antall byte", "UTF-16-tekst med eit oddetal byte",
                               "UTF-16 text of an odd number of bytes"),
                         utf16};
    std::string out;
    out.reserve(b.size());
    const auto unit = [&](std::size_t i) {
        const auto lo = static_cast<unsigned char>(b[little ? i : i + 1]);
        const auto hi = static_cast<unsigned char>(b[little ? i + 1 : i]);
        return static_cast<char32_t>(hi << 8 | lo);
    };
    for (std::size_t i = 0; i < b.size(); i += 2) {
        char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            throw unreadable{line_at(out, out.size()), 0,
                             words("ugyldig UTF-16 (et surrogat uten par)", "ugyldig UTF-16 (eit surrogat utan par)",
                                   "malformed UTF-16 (an unpaired surrogate)"),
                             utf16};
        append_utf8(out, u);
    }
    return out;
}

/// Windows-1252 as UTF-8; the five bytes it leaves undefined are an error.
std::string from_windows_1252(std::string_view b) {
    static constexpr char16_t high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                          0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    std::string out;
    out.reserve(b.size() + b.size() / 8);
    for (std::size_t i = 0; i < b.size(); ++i) {
        const auto c = static_cast<unsigned char>(b[i]);
        char32_t cp = c;
        if (c >= 0x80 && c < 0xA0) {
            cp = high[c - 0x80];
            if (cp == 0) {
                const std::string byte = " (byte " + std::to_string(c) + "); ";
                throw unreadable{line_at(b, i), 0,
                                 words("verken UTF-8 eller Windows-1252" + byte + save_as_utf8[0],
                                       "verken UTF-8 eller Windows-1252" + byte + save_as_utf8[1],
                                       "neither UTF-8 nor Windows-1252 text" + byte + save_as_utf8[2]),
                                 words("tekst i UTF-8", "tekst i UTF-8", "UTF-8 text")};
            }
        }
        append_utf8(out, cp);
    }
    return out;
}

/// Whether the text holds a well-formed UTF-8 sequence of more than one byte.
bool has_utf8_sequence(std::string_view b) {
    for (std::size_t i = 0; i < b.size(); ++i) {
        const auto c = static_cast<unsigned char>(b[i]);
        const std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n != 0 && i + n <= b.size() && detail::is_utf8(b.substr(i, n))) return true;
    }
    return false;
}

/// The file's text as UTF-8. Text that is not UTF-8 is Windows-1252 unless it also holds
/// UTF-8 letters: a UTF-8 file with a stray byte is an error, not read with every
/// non-ASCII letter garbled.
std::string decode(std::string_view b) {
    if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
    else if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return from_utf16(b.substr(2), true);
    else if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return from_utf16(b.substr(2), false);
    const std::size_t bad = detail::utf8_error_offset(b);
    if (bad == std::string_view::npos) return std::string(b);
    if (has_utf8_sequence(b)) {
        const std::string byte = " (byte " + std::to_string(static_cast<unsigned char>(b[bad])) + ") ";
        throw unreadable{line_at(b, bad), 0,
                         words("ikke UTF-8" + byte + "i en fil som ellers er UTF-8; " + save_as_utf8[0],
                               "ikkje UTF-8" + byte + "i ei fil som elles er UTF-8; " + save_as_utf8[1],
                               "not UTF-8" + byte + "in a file that is UTF-8 elsewhere; " + save_as_utf8[2]),
                         words("tekst i UTF-8", "tekst i UTF-8", "UTF-8 text")};
    }
    return from_windows_1252(b);
}

bool blank_line(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == ';' || c == ','; });
}

/// The separator, from the first line that is not blank; nullopt when every line is blank
/// (spaces, tabs and separators only: no table, whichever the separator).
std::optional<char> separator_of(std::string_view text) {
    std::string_view first;
    std::size_t at = 0;
    for (;;) {
        if (at >= text.size()) return std::nullopt;
        const std::size_t end = text.find_first_of("\r\n", at);
        first = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        if (!blank_line(first)) break;
        if (end == std::string_view::npos) return std::nullopt;
        at = end + 1;
    }
    const auto count = [&](char c) { return std::count(first.begin(), first.end(), c); };
    const auto commas = count(',');
    if (count(';') > commas) return ';';
    if (count('\t') > commas) return '\t';
    return ',';
}

bool blank_cell(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// The records of the text: every cell in one list, with where each record starts in it
/// and the line each record starts on. Empty lines give no record.
struct records {
    std::vector<std::string> cells;
    std::vector<std::size_t> first;  ///< index in cells of each record's first cell
    std::vector<std::int64_t> lines;
};

records split(std::string_view text, char sep, const std::string& name) {
    enum class state { start_record, start_field, in_field, in_quoted, quote_in_quoted };
    records out;
    state s = state::start_record;
    std::string field;
    std::int64_t line = 1;
    std::int64_t quote_line = 0;
    std::size_t quote_column = 0;
    // refused before splitting, so that a line of a billion separators does not fill the
    // memory: more separators and line breaks than a table of max_table_cells has (a
    // header row of Excel's 16,384 columns aside)
    std::size_t marks = 0;
    for (const char c : text) marks += static_cast<std::size_t>((c == sep) | (c == '\n') | (c == '\r'));
    if (marks > max_table_cells + 16'384)
        throw error(errc::parse_error, name + " is too large: more than " + std::to_string(max_table_cells) + " cells");
    const auto end_field = [&] {
        out.cells.push_back(std::move(field));
        field.clear();
    };
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        const bool eol = c == '\n' || c == '\r';
        if (eol && c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;  // \r\n is one line ending
        switch (s) {
            case state::start_record:
                if (eol) {
                    ++line;
                    break;
                }
                out.first.push_back(out.cells.size());
                out.lines.push_back(line);
                [[fallthrough]];
            case state::start_field:
                if (eol) {
                    end_field();
                    ++line;
                    s = state::start_record;
                } else if (c == '"') {
                    s = state::in_quoted;
                    quote_line = line;
                    quote_column = out.cells.size() - out.first.back() + 1;
                } else if (c == sep) {
                    end_field();
                    s = state::start_field;
                } else {
                    field.push_back(c);
                    s = state::in_field;
                }
                break;
            case state::in_field:
                if (eol) {
                    end_field();
                    ++line;
                    s = state::start_record;
                } else if (c == sep) {
                    end_field();
                    s = state::start_field;
                } else {
                    field.push_back(c);
                }
                break;
            case state::in_quoted:
                if (c == '"') {
                    s = state::quote_in_quoted;
                } else if (eol) {
                    field.push_back('\n');
                    ++line;
                } else {
                    field.push_back(c);
                }
                break;
            case state::quote_in_quoted:
                if (c == '"') {  // a doubled quote
                    field.push_back('"');
                    s = state::in_quoted;
                } else if (c == sep) {
                    end_field();
                    s = state::start_field;
                } else if (eol) {
                    end_field();
                    ++line;
                    s = state::start_record;
                } else {  // text after the closing quote: added, as Excel and Python do
                    field.push_back(c);
                    s = state::in_field;
                }
                break;
        }
    }
    if (s == state::in_quoted)
        throw unreadable{quote_line, quote_column,
                         words("en celle i anførselstegn blir ikke avsluttet (en \" uten sin avsluttende \")",
                               "ei celle i hermeteikn vert ikkje avslutta (ein \" utan den avsluttande \")",
                               "a quoted cell is not closed (a \" without its closing \")"),
                         words("en avsluttende \"", "ein avsluttande \"", "a closing \"")};
    if (s != state::start_record) end_field();
    return out;
}

}  // namespace

std::optional<sheet_table> read_csv_data(std::string_view bytes, const std::string& name) {
    if (bytes.size() > max_file_bytes)
        throw error(errc::parse_error, name + " is too large: " + std::to_string(bytes.size()) + " bytes (at most 2 GiB)");
    std::string text;
    records r;
    try {
        text = decode(bytes);
        const auto sep = separator_of(text);
        if (!sep) return std::nullopt;
        r = split(text, *sep, name);
    } catch (const unreadable& u) {
        sheet_table t;
        t.name = name;
        sheet_problem p;
        p.table = name;
        p.line = u.line;
        if (u.column > 0) p.column = column_letter(u.column - 1);
        p.code = errc::parse_error;
        p.message_in = u.message;
        p.expected_in = u.expected;
        p.message = u.message[static_cast<std::size_t>(lang::en)];
        p.expected = u.expected[static_cast<std::size_t>(lang::en)];
        t.problems.push_back(std::move(p));
        return t;
    }
    const std::size_t count = r.first.size();
    const auto end_of = [&](std::size_t k) { return k + 1 < count ? r.first[k + 1] : r.cells.size(); };
    std::size_t header = 0;
    while (header < count &&
           std::all_of(r.cells.begin() + static_cast<std::ptrdiff_t>(r.first[header]),
                       r.cells.begin() + static_cast<std::ptrdiff_t>(end_of(header)), blank_cell))
        ++header;
    if (header == count) return std::nullopt;
    std::size_t width = 0;
    for (std::size_t k = header; k < count; ++k) width = std::max(width, end_of(k) - r.first[k]);
    const std::size_t rows = count - header - 1;
    if (width * std::max<std::size_t>(rows, 1) > max_table_cells)
        throw error(errc::parse_error, name + " is too large: " + std::to_string(rows) + " rows of " +
                                           std::to_string(width) + " columns (at most " +
                                           std::to_string(max_table_cells) + " cells)");
    sheet_table t;
    t.name = name;
    t.header_line = r.lines[header];
    t.columns.resize(width);
    for (std::size_t c = 0; c < width; ++c) {
        t.columns[c].letter = column_letter(c);
        t.columns[c].cells.resize(rows);
    }
    for (std::size_t i = r.first[header]; i < end_of(header); ++i)
        t.columns[i - r.first[header]].header = std::move(r.cells[i]);
    t.lines.assign(r.lines.begin() + static_cast<std::ptrdiff_t>(header + 1), r.lines.end());
    for (std::size_t k = header + 1; k < count; ++k)
        for (std::size_t i = r.first[k]; i < end_of(k); ++i)
            t.columns[i - r.first[k]].cells[k - header - 1] = std::move(r.cells[i]);
    return t;
}

std::optional<sheet_table> read_csv(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path p(path);
    const auto size = fs::file_size(p, ec);
    std::ifstream in(p, std::ios::binary);
    if (ec || !in) throw error(errc::not_found, path + ": cannot read the CSV file" + (ec ? ": " + ec.message() : ""));
    if (size > max_file_bytes)
        throw error(errc::parse_error, path + " is too large: " + std::to_string(size) + " bytes (at most 2 GiB)");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())) && !bytes.empty())
        throw error(errc::not_found, path + ": cannot read the CSV file");
    return read_csv_data(bytes, p.stem().string());
}

namespace {

/// A file name's suffix in lower case: ".csv".
std::string suffix(const std::filesystem::path& f) {
    std::string s = f.extension().string();
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool csv_name(const std::filesystem::path& f) { return suffix(f) == ".csv" || suffix(f) == ".txt"; }

/// The table of a CSV file, as a list of none or one.
std::vector<sheet_table> one_table(std::optional<sheet_table> t) {
    std::vector<sheet_table> tables;
    if (t) tables.push_back(std::move(*t));
    return tables;
}

}  // namespace

std::vector<sheet_table> read_tables_data(std::string_view bytes, const std::string& name) {
    const std::filesystem::path named(name);
    if (csv_name(named)) return one_table(read_csv_data(bytes, named.stem().string()));
    return read_xlsx_data(bytes, name);
}

std::vector<sheet_table> read_tables(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
        std::vector<fs::path> files;
        for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
            if (csv_name(it->path()) && it->is_regular_file(ec))
                files.push_back(it->path());
        if (ec) throw error(errc::not_found, path + ": cannot list the directory: " + ec.message());
        if (files.empty())
            throw error(errc::not_found, path + ": no CSV files (one per table: deltakere.csv, oppmøte.csv, ...)");
        std::sort(files.begin(), files.end());
        std::vector<sheet_table> tables;
        for (const auto& f : files)
            if (auto t = read_csv(f.string())) tables.push_back(std::move(*t));
        return tables;
    }
    if (!fs::exists(p, ec)) throw error(errc::not_found, path + ": no such file or directory");
    if (suffix(p) == ".xlsx" || suffix(p) == ".xlsm") return read_xlsx(path);
    if (csv_name(p)) return one_table(read_csv(path));
    throw error(errc::invalid_argument,
                path + ": expected an .xlsx workbook, a CSV file or a directory of CSV files");
}

}  // namespace smart
