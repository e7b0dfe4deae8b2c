// Reading .xlsx workbooks into tables of text cells (smart/xlsx.hpp): libzip opens the
// package, pugixml parses its XML parts in place, one thread per worksheet.
#include "smart/xlsx.hpp"

#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "smart/error.hpp"
#include "smart/schedule.hpp"

namespace smart {

namespace {

/// Parts larger than this (inflated) are refused: a workbook of a million participants
/// stays far below it; a ZIP bomb does not.
constexpr zip_uint64_t max_part_bytes = 2ull * 1024 * 1024 * 1024;

/// The local part of a name: "c" of "c" and of "x:c". The parts' namespaces are fixed by
/// the format (transitional or strict), so names are matched by their local part, as
/// other readers do.
std::string_view local(const char* name) {
    for (const char* p = name; *p; ++p)
        if (*p == ':') name = p + 1;
    return name;
}

/// The children of `n` with local name `want`.
template <class F>
void each(pugi::xml_node n, std::string_view want, F&& f) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local(c.name()) == want) f(c);
}

pugi::xml_node child(pugi::xml_node n, std::string_view want) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local(c.name()) == want) return c;
    return {};
}

/// The attribute with local name `want` ("" when absent).
const char* attribute(pugi::xml_node n, std::string_view want) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (local(a.name()) == want) return a.value();
    return "";
}

/// The text of a string item (<si> or <is>): its <t>, or the <t> of its runs (<r>),
/// without the phonetic reading aids (<rPh>).
std::string string_item(pugi::xml_node item) {
    std::string out;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        const std::string_view name = local(c.name());
        if (name == "t") {
            out += c.child_value();
        } else if (name == "r") {
            if (pugi::xml_node t = child(c, "t")) out += t.child_value();
        }
    }
    return out;
}

/// One parsed XML part; its text is parsed in place and owned here.
struct xml_part {
    std::unique_ptr<char[]> text;
    pugi::xml_document doc;
    pugi::xml_node root() const { return doc.document_element(); }
};

/// One open workbook package (not shared between threads: libzip archives are not).
class package {
public:
    explicit package(const std::string& path) : path_(path) {
        int code = 0;
        z_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
        if (!z_) {
            zip_error_t e;
            zip_error_init_with_code(&e, code);
            const std::string why = zip_error_strerror(&e);
            zip_error_fini(&e);
            if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ)
                throw error(errc::not_found, path + ": cannot open the workbook: " + why);
            throw error(errc::parse_error,
                        path + ": not an .xlsx workbook (" + (code == ZIP_ER_NOZIP ? "not a ZIP archive" : why) + ")");
        }
    }
    /// A package in memory (`bytes` must outlive it); `name` names it in messages.
    package(std::string_view bytes, const std::string& name) : path_(name) {
        zip_error_t e;
        zip_error_init(&e);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &e);
        if (src) z_ = zip_open_from_source(src, ZIP_RDONLY, &e);
        if (!z_) {
            if (src) zip_source_free(src);
            const int code = zip_error_code_zip(&e);
            const std::string why = zip_error_strerror(&e);
            zip_error_fini(&e);
            throw error(errc::parse_error,
                        name + ": not an .xlsx workbook (" + (code == ZIP_ER_NOZIP ? "not a ZIP archive" : why) + ")");
        }
        zip_error_fini(&e);
    }
    package(const package&) = delete;
    package& operator=(const package&) = delete;
    ~package() { zip_discard(z_); }

    bool has(const std::string& part) const { return zip_name_locate(z_, part.c_str(), 0) >= 0; }

    /// The part inflated and parsed. Throws for a missing, oversized or unreadable part and
    /// for malformed XML, naming the part and the offset.
    std::unique_ptr<xml_part> parse(const std::string& part) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(z_, part.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            throw error(errc::parse_error, path_ + ": not an .xlsx workbook (" + part + " is missing)");
        if (st.size > max_part_bytes) throw error(errc::parse_error, path_ + ": " + part + " is larger than 2 GiB");
        auto out = std::make_unique<xml_part>();
        out->text = std::make_unique<char[]>(static_cast<std::size_t>(st.size) + 1);
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(z_, part.c_str(), 0), zip_fclose);
        if (!f) throw error(errc::parse_error, path_ + ": cannot read " + part + ": " + zip_strerror(z_));
        zip_uint64_t done = 0;
        while (done < st.size) {
            const zip_int64_t n = zip_fread(f.get(), out->text.get() + done, st.size - done);
            if (n < 0)
                throw error(errc::parse_error, path_ + ": cannot read " + part + ": " + zip_file_strerror(f.get()));
            if (n == 0) break;
            done += static_cast<zip_uint64_t>(n);
        }
        if (done != st.size) throw error(errc::parse_error, path_ + ": " + part + " is shorter than its ZIP entry says");
        const auto r = out->doc.load_buffer_inplace(out->text.get(), static_cast<std::size_t>(done),
                                                    pugi::parse_minimal | pugi::parse_escapes | pugi::parse_eol |
                                                        pugi::parse_ws_pcdata_single);  // keeps <t>   </t>
        if (!r)
            throw error(errc::parse_error, path_ + ": " + part + " at byte " + std::to_string(r.offset) +
                                               ": malformed XML: " + r.description());
        return out;
    }


private:
    std::string path_;
    zip_t* z_ = nullptr;
};

/// "xl/worksheets/sheet1.xml" from a relationship's target relative to `dir` ("xl/").
std::string resolve(const std::string& dir, std::string_view target) {
    if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
    std::string out = dir;
    while (target.substr(0, 3) == "../") {
        target.remove_prefix(3);
        if (!out.empty()) out.pop_back();
        out.erase(out.rfind('/') == std::string::npos ? 0 : out.rfind('/') + 1);
    }
    return out + std::string(target);
}

struct relationship {
    std::string type;  ///< the last segment of the type URI: "worksheet", "sharedStrings", ...
    std::string target;
};

/// Whether a number format shows a date or time: the built-in ones (ECMA-376 18.8.30) and
/// custom codes with d, m, y, h or s outside quoted text, escapes and [sections].
bool is_date_format(std::string_view code) {
    bool quoted = false, bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            quoted = c != '"';
        } else if (bracket) {
            bracket = c != ']';
        } else if (c == '"') {
            quoted = true;
        } else if (c == '[') {
            bracket = true;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or a padding/fill character)
        } else if (std::strchr("dDmMyYhHsS", c) && c != '\0') {
            return true;
        }
    }
    return false;
}

bool is_builtin_date_format(long id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) ||
           (id >= 71 && id <= 81);
}

/// Per cell style (cellXfs): whether it shows a date.
std::vector<bool> date_styles(pugi::xml_node styles) {
    std::map<long, bool> custom;  // numFmtId → is a date format
    each(child(styles, "numFmts"), "numFmt", [&](pugi::xml_node f) {
        custom[std::strtol(attribute(f, "numFmtId"), nullptr, 10)] = is_date_format(attribute(f, "formatCode"));
    });
    std::vector<bool> out;
    each(child(styles, "cellXfs"), "xf", [&](pugi::xml_node xf) {
        const long id = std::strtol(attribute(xf, "numFmtId"), nullptr, 10);
        const auto it = custom.find(id);
        out.push_back(it != custom.end() ? it->second : is_builtin_date_format(id));
    });
    return out;
}

/// What every worksheet needs: the shared strings, which styles are dates, the date system.
struct workbook_context {
    std::vector<std::string> shared;
    std::vector<bool> date_style;
    bool date1904 = false;
};

std::string two(int v) {
    char b[3] = {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10), 0};
    return b;
}

/// A number as a person reads it: 301, 0.5, 1e-05.
std::string number_text(double x, std::string_view raw) {
    if (!std::isfinite(x)) return std::string(raw);
    if (x == std::floor(x)) {  // all its digits, as a whole number (2.5e20 → 250000000000000000000)
        if (std::fabs(x) < 1e15) return std::to_string(static_cast<std::int64_t>(x));
        char digits[400];
        const int n = std::snprintf(digits, sizeof digits, "%.0f", x);
        return std::string(digits, static_cast<std::size_t>(n));
    }
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

/// A date serial (days since the epoch of the workbook's date system, the fraction the
/// time of day) as ISO text; nullopt outside the calendar.
std::optional<std::string> serial_text(double x, bool date1904) {
    // The last serial is 9999-12-31's: 2958465 (1900 system), 2957003 (1904 system).
    if (!std::isfinite(x) || x < 0 || x >= (date1904 ? 2957004 : 2958466)) return std::nullopt;
    auto days = static_cast<long>(std::floor(x));
    auto seconds = static_cast<long>(std::llround((x - static_cast<double>(days)) * 86400.0));
    if (seconds >= 86400) {
        ++days;
        seconds -= 86400;
    }
    const std::string time = two(static_cast<int>(seconds / 3600)) + ":" + two(static_cast<int>(seconds / 60 % 60)) +
                             ":" + two(static_cast<int>(seconds % 60));
    if (days == 0 && !date1904) return time;  // a time of day without a date
    // 1900 system: serial 1 is 1900-01-01, and Excel counts a 29 February 1900 (serial 60).
    date d = date1904 ? date(1904, 1, 1) + boost::gregorian::date_duration(days)
             : days < 60 ? date(1899, 12, 31) + boost::gregorian::date_duration(days)
                         : date(1899, 12, 30) + boost::gregorian::date_duration(days);
    if (d.is_special()) return std::nullopt;
    return seconds == 0 ? to_iso(d) : to_iso(d) + " " + time;
}

/// The 0-based column of a cell reference "C12" (nullopt when it has no letters).
std::optional<std::size_t> column_of(std::string_view ref) {
    std::size_t n = 0, i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
        n = n * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
        if (n > 16384) return std::nullopt;  // past XFD, Excel's last column
    }
    if (i == 0) return std::nullopt;
    return n - 1;
}

/// A row as stored: its line and its non-blank cells (column, text), sparse so that a cell
/// in column XFD does not cost 16,384 strings.
struct sheet_row {
    std::int64_t line;
    std::vector<std::pair<std::uint32_t, std::string>> cells;
};

/// A table is a dense grid: at most this many cells (width × rows below the header), about
/// a gigabyte of text cells; 100,000 participants with 100 columns are 10 million.
constexpr std::size_t max_table_cells = 30'000'000;
/// Excel's last line and column (XFD).
constexpr std::int64_t max_line = 1'048'576;

/// A cell's value as text; throws for a reference to a shared string that is not there.
std::string cell_text(pugi::xml_node c, const workbook_context& ctx, const std::string& where) {
    const std::string_view type = attribute(c, "t");
    if (type == "inlineStr") return string_item(child(c, "is"));
    std::string_view value = child(c, "v").child_value();
    if (type == "s") {
        std::size_t i = 0;
        const auto r = std::from_chars(value.data(), value.data() + value.size(), i);
        if (r.ec != std::errc{} || i >= ctx.shared.size())
            throw error(errc::parse_error, where + " refers to shared string " + std::string(value) +
                                               ", which the workbook does not have");
        return ctx.shared[i];
    }
    if (type == "str" || type == "e") return std::string(value);  // a formula's text, an error (#N/A)
    if (type == "b") return value == "1" || value == "true" ? "true" : "false";
    if (type == "d") {  // an ISO 8601 date cell: midnight is the date alone
        std::string v(value);
        if (v.size() > 10 && v[10] == 'T') {
            const std::string_view time = std::string_view(v).substr(11);
            if (time == "00:00:00" || time == "00:00:00Z" || time == "00:00:00.000") return v.substr(0, 10);
            v[10] = ' ';
        }
        return v;
    }
    if (value.empty()) return {};
    double x = 0;
    const auto r = std::from_chars(value.data(), value.data() + value.size(), x);
    if (r.ec != std::errc{} || r.ptr != value.data() + value.size()) return std::string(value);
    const auto style = static_cast<std::size_t>(std::strtoul(attribute(c, "s"), nullptr, 10));
    if (style < ctx.date_style.size() && ctx.date_style[style])
        if (auto d = serial_text(x, ctx.date1904)) return std::move(*d);
    return number_text(x, value);
}

/// The rows of a worksheet, each with its line and its cells by column (blank = "").
std::vector<sheet_row> rows_of(pugi::xml_node worksheet, const workbook_context& ctx, const std::string& where) {
    std::vector<sheet_row> rows;
    each(child(worksheet, "sheetData"), "row", [&](pugi::xml_node row) {
        const char* r = attribute(row, "r");
        const std::int64_t line = *r ? std::strtoll(r, nullptr, 10) : (rows.empty() ? 1 : rows.back().line + 1);
        if (line < 1 || line > max_line)
            throw error(errc::parse_error, where + ": a row numbered \"" + std::string(*r ? r : "") +
                                               "\" (expected a line from 1 to 1048576)");
        auto& cells = rows.emplace_back(sheet_row{line, {}}).cells;
        std::size_t next = 0;
        each(row, "c", [&](pugi::xml_node c) {
            const char* ref = attribute(c, "r");
            const auto column = *ref ? column_of(ref) : std::optional<std::size_t>(next);
            if (!column)
                throw error(errc::parse_error, where + " line " + std::to_string(line) + ": a cell reference \"" + ref +
                                                   "\" without a column letter (A to XFD)");
            next = *column + 1;
            std::string text = cell_text(c, ctx, where + " cell " + (*ref ? ref : column_letter(*column) + std::to_string(line)));
            if (!text.empty()) cells.emplace_back(static_cast<std::uint32_t>(*column), std::move(text));
        });
    });
    return rows;
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// A sheet's rows as a table (nullopt when no cell is non-blank).
/// A sheet's rows as a table (nullopt when no cell is non-blank).
std::optional<sheet_table> table_of(std::string name, std::vector<sheet_row>& rows, const std::string& where) {
    const auto header = std::find_if(rows.begin(), rows.end(), [](const sheet_row& r) {
        return std::any_of(r.cells.begin(), r.cells.end(), [](const auto& c) { return !blank(c.second); });
    });
    if (header == rows.end()) return std::nullopt;
    std::size_t width = 0;
    for (auto r = header; r != rows.end(); ++r)
        for (const auto& c : r->cells) width = std::max<std::size_t>(width, c.first + 1u);
    const auto n = static_cast<std::size_t>(rows.end() - header - 1);
    if (width * std::max<std::size_t>(n, 1) > max_table_cells)
        throw error(errc::parse_error, where + " is too large: " + std::to_string(n) + " rows of " +
                                           std::to_string(width) + " columns (at most " +
                                           std::to_string(max_table_cells) + " cells)");
    sheet_table t;
    t.name = std::move(name);
    t.header_line = header->line;
    t.columns.resize(width);
    for (std::size_t c = 0; c < width; ++c) {
        t.columns[c].letter = column_letter(c);
        t.columns[c].cells.resize(n);
    }
    for (auto& [c, text] : header->cells) t.columns[c].header = std::move(text);
    t.lines.reserve(n);
    std::size_t i = 0;
    for (auto r = header + 1; r != rows.end(); ++r, ++i) {
        t.lines.push_back(r->line);
        for (auto& [c, text] : r->cells) t.columns[c].cells[i] = std::move(text);
    }
    return t;
}

std::string directory_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::map<std::string, relationship> relationships_of(const package& pkg, const std::string& part) {
    const std::string rels = directory_of(part) + "_rels/" + part.substr(directory_of(part).size()) + ".rels";
    std::map<std::string, relationship> out;
    if (!pkg.has(rels)) return out;
    const auto doc = pkg.parse(rels);
    each(doc->root(), "Relationship", [&](pugi::xml_node r) {
        const std::string_view type = attribute(r, "Type");
        out[attribute(r, "Id")] = {std::string(type.substr(type.rfind('/') + 1)), attribute(r, "Target")};
    });
    return out;
}

/// The tables of the package `open()` gives (called once per thread); `path` names it.
template <class Open>
std::vector<sheet_table> read_package(const Open& open, const std::string& path) {
    const auto first = open();
    const package& pkg = *first;
    // The workbook part: from the package's relationships (normally xl/workbook.xml).
    std::string workbook_part = "xl/workbook.xml";
    for (const auto& [id, r] : relationships_of(pkg, ""))
        if (r.type == "officeDocument") workbook_part = resolve("", r.target);
    const std::string dir = directory_of(workbook_part);
    const auto rels = relationships_of(pkg, workbook_part);

    workbook_context ctx;
    struct job {
        std::string name, part;
        std::optional<sheet_table> table;
        std::exception_ptr failure;
    };
    std::vector<job> jobs;
    {
        const auto wb = pkg.parse(workbook_part);
        const std::string_view d1904 = attribute(child(wb->root(), "workbookPr"), "date1904");
        ctx.date1904 = d1904 == "1" || d1904 == "true";
        each(child(wb->root(), "sheets"), "sheet", [&](pugi::xml_node sheet) {
            const auto r = rels.find(attribute(sheet, "id"));  // r:id
            if (r == rels.end() || r->second.type != "worksheet") return;  // chart and dialog sheets hold no cells
            if (is_instructions_sheet(attribute(sheet, "name"))) return;  // the template's: no records
            jobs.push_back({attribute(sheet, "name"), resolve(dir, r->second.target), std::nullopt, nullptr});
        });
    }
    for (const auto& [id, r] : rels) {
        if (r.type == "sharedStrings") {
            const auto doc = pkg.parse(resolve(dir, r.target));
            each(doc->root(), "si", [&](pugi::xml_node si) { ctx.shared.push_back(string_item(si)); });
        } else if (r.type == "styles") {
            ctx.date_style = date_styles(pkg.parse(resolve(dir, r.target))->root());
        }
    }

    // Worksheets in parallel, each thread with its own archive (libzip's are not shared).
    const std::size_t threads =
        std::min<std::size_t>(jobs.size(), std::max(1u, std::min(4u, std::thread::hardware_concurrency())));
    std::vector<std::exception_ptr> opening(threads);
    std::atomic<std::size_t> next{0};
    auto work = [&](std::size_t self) {
        try {
            const auto own = open();
            for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
                try {
                    const auto doc = own->parse(jobs[i].part);
                    auto rows = rows_of(doc->root(), ctx, path + ": sheet \"" + jobs[i].name + "\"");
                    jobs[i].table = table_of(jobs[i].name, rows, path + ": sheet \"" + jobs[i].name + "\"");
                } catch (...) {
                    jobs[i].failure = std::current_exception();
                }
            }
        } catch (...) {
            opening[self] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
    if (threads > 0) work(0);
    for (auto& t : pool) t.join();
    for (const auto& e : opening)
        if (e) std::rethrow_exception(e);

    std::vector<sheet_table> out;
    for (auto& j : jobs) {
        if (j.failure) std::rethrow_exception(j.failure);
        if (j.table) out.push_back(std::move(*j.table));
    }
    return out;
}

}  // namespace

std::vector<sheet_table> read_xlsx(const std::string& path) {
    return read_package([&] { return std::make_unique<const package>(path); }, path);
}

std::vector<sheet_table> read_xlsx_data(std::string_view bytes, const std::string& name) {
    return read_package([&] { return std::make_unique<const package>(bytes, name); }, name);
}

}  // namespace smart
