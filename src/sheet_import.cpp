// Spreadsheet import: tables of text cells → a cohort, with every problem at its cell.
#include "smart/sheet_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

namespace {

// --- text keys: case, white space, '-', '_' and '.' do not matter ---------------------

/// The key a header or a value is compared by: ASCII and Æ/Ø/Å lower-cased, spaces (also
/// no-break spaces), '-', '_' and '.' dropped.
std::string key_of(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '.' || c == '\r' || c == '\n') continue;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // no-break space
            ++i;
            continue;
        }
        if (c == 0xC3 && i + 1 < s.size()) {  // Æ Ø Å → æ ø å
            const auto d = static_cast<unsigned char>(s[i + 1]);
            out += static_cast<char>(c);
            out += static_cast<char>(d == 0x86 || d == 0x98 || d == 0x85 ? d + 0x20 : d);
            ++i;
            continue;
        }
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return out;
}

std::string_view trim(std::string_view s) noexcept {
    auto blank = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && blank(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    // no-break spaces around a value (copied from web pages)
    while (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0)
        s.remove_prefix(2);
    while (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
           static_cast<unsigned char>(s.back()) == 0xA0)
        s.remove_suffix(2);
    return s;
}

// --- columns and their names ------------------------------------------------------------

struct column_spec {
    const char* name;                 ///< canonical (English) name
    bool required;
    std::vector<const char*> aliases; ///< Norwegian and other names (keys are compared)
};

const std::vector<const char*> id_aliases{"deltaker", "participant_id", "participant", "deltaker_id", "deltakernr",
                                          "deltakernummer"};

const std::vector<column_spec>& specs(sheet_table_kind kind) {
    static const std::vector<column_spec> participants{
        {"id", true, {"deltaker", "participant_id", "participant", "deltaker_id", "deltakernr", "deltakernummer"}},
        {"name", true, {"navn", "fullt navn", "deltakernavn"}},
        {"municipality_number", true, {"kommunenr", "kommunenummer", "knr"}},
        {"municipality_name", true, {"kommune", "kommunenavn", "municipality"}},
        {"role", true, {"rolle", "stilling", "yrke"}},
        {"sector", true, {"sektor"}},
        {"email", false, {"e-post", "epost", "e-mail", "mail"}},
        {"phone", false, {"telefon", "tlf", "mobil", "telefonnummer"}},
        {"festival_role", false, {"festivalrolle"}},
    };
    static const std::vector<column_spec> attendance{
        {"participant_id", true, id_aliases},
        {"date", true, {"dato", "dag"}},
        {"status", true, {"oppmøte", "fremmøte", "frammøte"}},
    };
    static const std::vector<column_spec> submissions{
        {"participant_id", true, id_aliases},
        {"kind", true, {"type", "innleveringstype"}},
        {"date", true, {"dato", "levert", "innlevert"}},
        {"status", false, {}},
        {"pages", false, {"sider", "antall sider"}},
        {"category", false, {"kategori"}},
        {"title", false, {"tittel"}},
        {"decided_by", false, {"vurdert av", "godkjent av"}},
        {"decided_on", false, {"vurdert dato", "vurdert den", "godkjent dato"}},
        {"session", false, {"økt", "samling"}},
    };
    static const std::vector<column_spec> exemptions{
        {"participant_id", true, id_aliases},
        {"requirement", true, {"krav"}},
        {"reason", true, {"begrunnelse", "grunn", "årsak"}},
        {"granted_by", true, {"innvilget av", "gitt av"}},
        {"date", false, {"dato", "innvilget"}},
    };
    static const std::vector<column_spec> none;
    switch (kind) {
        case sheet_table_kind::participants: return participants;
        case sheet_table_kind::attendance: return attendance;
        case sheet_table_kind::submissions: return submissions;
        case sheet_table_kind::exemptions: return exemptions;
        case sheet_table_kind::unknown: break;
    }
    return none;
}

/// Index into specs(kind) of the column a header names, or -1.
int spec_index(sheet_table_kind kind, std::string_view header) {
    const std::string k = key_of(header);
    if (k.empty()) return -1;
    const auto& list = specs(kind);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (key_of(list[i].name) == k) return static_cast<int>(i);
        for (const char* a : list[i].aliases)
            if (key_of(a) == k) return static_cast<int>(i);
    }
    return -1;
}

std::string single_quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

/// "'id' (deltaker), 'name' (navn), ..." for a message listing what a table takes.
std::string column_list(sheet_table_kind kind) {
    std::string out;
    for (const auto& c : specs(kind)) {
        if (!out.empty()) out += ", ";
        out += single_quoted(c.name);
        for (const char* a : c.aliases)
            if (key_of(a) != key_of(c.name)) {
                out += std::string(" (") + a + ")";
                break;
            }
    }
    return out;
}

// --- values -------------------------------------------------------------------------------

template <class E>
struct value_name {
    const char* text;
    E value;
};

const std::vector<value_name<sector>> sector_values{
    {"public", sector::public_sector},    {"private", sector::private_sector}, {"voluntary", sector::voluntary},
    {"offentlig", sector::public_sector}, {"privat", sector::private_sector},  {"frivillig", sector::voluntary}};
const std::vector<value_name<submission_status>> status_values{
    {"submitted", submission_status::submitted}, {"approved", submission_status::approved},
    {"rejected", submission_status::rejected},   {"levert", submission_status::submitted},
    {"innlevert", submission_status::submitted}, {"godkjent", submission_status::approved},
    {"avvist", submission_status::rejected},     {"ikke godkjent", submission_status::rejected}};
const std::vector<value_name<submission_kind>> kind_values{
    {"reflection", submission_kind::reflection},
    {"practice_blog", submission_kind::practice_blog},
    {"practice_document", submission_kind::practice_document},
    {"final_text", submission_kind::final_text},
    {"portfolio", submission_kind::portfolio},
    {"between_session_work", submission_kind::between_session_work},
    {"refleksjonsnotat", submission_kind::reflection},
    {"refleksjon", submission_kind::reflection},
    {"praksisblogg", submission_kind::practice_blog},
    {"praksisdokument", submission_kind::practice_document},
    {"avsluttende tekst", submission_kind::final_text},
    {"sluttekst", submission_kind::final_text},
    {"mappe", submission_kind::portfolio},
    {"portefølje", submission_kind::portfolio},
    {"mellomarbeid", submission_kind::between_session_work}};
const std::vector<value_name<final_category>> category_values{
    {"method", final_category::method},   {"results", final_category::results},  {"problem", final_category::problem},
    {"insight", final_category::insight}, {"other", final_category::other},      {"metode", final_category::method},
    {"resultater", final_category::results}, {"resultat", final_category::results}, {"innsikt", final_category::insight},
    {"annet", final_category::other}};
const std::vector<value_name<festival_role>> festival_values{
    {"exhibition", festival_role::exhibition}, {"workshop", festival_role::workshop},
    {"process_leader", festival_role::process_leader}, {"utstilling", festival_role::exhibition},
    {"verksted", festival_role::workshop},     {"prosessleder", festival_role::process_leader}};

template <class E>
std::optional<E> lookup(const std::vector<value_name<E>>& names, std::string_view cell) {
    const std::string k = key_of(cell);
    for (const auto& n : names)
        if (key_of(n.text) == k) return n.value;
    return std::nullopt;
}

template <class E>
std::string names_of(const std::vector<value_name<E>>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i].text;
    }
    return out;
}

/// A whole number written as digits (also "3.0", as a float column writes it).
std::optional<long> whole_number(std::string_view s) {
    if (s.size() > 2 && (s.ends_with(".0") || s.ends_with(",0"))) s.remove_suffix(2);
    if (s.empty() || s.size() > 9) return std::nullopt;
    long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int two_digits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

std::optional<date> make_date(int y, int m, int d) noexcept {
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    try {
        return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
    } catch (...) {
        return std::nullopt;
    }
}

/// True when the text has the shape of a date (so a refusal means "no such day").
bool looks_like_date(std::string_view s) {
    const bool iso = s.size() >= 10 && all_digits(s.substr(0, 4)) && s[4] == '-' && s[7] == '-';
    return iso || (s.find('.') != std::string_view::npos && std::count(s.begin(), s.end(), '.') == 2);
}

}  // namespace

// --- public helpers ---------------------------------------------------------------------

const char* to_string(sheet_table_kind k) noexcept {
    switch (k) {
        case sheet_table_kind::participants: return "participants";
        case sheet_table_kind::attendance: return "attendance";
        case sheet_table_kind::submissions: return "submissions";
        case sheet_table_kind::exemptions: return "exemptions";
        case sheet_table_kind::unknown: break;
    }
    return "";
}

sheet_table_kind table_kind_of(std::string_view name) noexcept {
    try {
        const std::string k = key_of(name);
        static const std::array<std::pair<const char*, sheet_table_kind>, 12> names{{
            {"participants", sheet_table_kind::participants},
            {"deltakere", sheet_table_kind::participants},
            {"deltakarar", sheet_table_kind::participants},
            {"attendance", sheet_table_kind::attendance},
            {"oppmøte", sheet_table_kind::attendance},
            {"fremmøte", sheet_table_kind::attendance},
            {"frammøte", sheet_table_kind::attendance},
            {"submissions", sheet_table_kind::submissions},
            {"innleveringer", sheet_table_kind::submissions},
            {"innleveringar", sheet_table_kind::submissions},
            {"exemptions", sheet_table_kind::exemptions},
            {"fritak", sheet_table_kind::exemptions},
        }};
        for (const auto& [n, kind] : names)
            if (k == n) return kind;
    } catch (...) {
    }
    return sheet_table_kind::unknown;
}

std::vector<std::pair<std::string, attendance_status>> default_attendance_vocabulary() {
    return {{"x", attendance_status::present},       {"✓", attendance_status::present},
            {"1", attendance_status::present},       {"til stede", attendance_status::present},
            {"sen", attendance_status::late},        {"forfall", attendance_status::excused},
            {"gyldig fravær", attendance_status::excused}, {"fravær", attendance_status::absent}};
}

std::string column_letter(std::size_t position) {
    std::string out;
    std::size_t n = position + 1;
    while (n > 0) {
        const std::size_t r = (n - 1) % 26;
        out.insert(out.begin(), static_cast<char>('A' + r));
        n = (n - 1) / 26;
    }
    return out;
}

std::optional<date> parse_sheet_date(std::string_view s) noexcept {
    s = trim(s);
    if (s.size() >= 10 && all_digits(s.substr(0, 4)) && s[4] == '-' && s[7] == '-' && all_digits(s.substr(5, 2)) &&
        all_digits(s.substr(8, 2))) {
        const std::string_view rest = s.substr(10);
        if (!rest.empty() && rest != " 00:00:00" && rest != "T00:00:00" && rest != " 00:00" && rest != "T00:00")
            return std::nullopt;
        return make_date((s[0] - '0') * 1000 + (s[1] - '0') * 100 + two_digits(s, 2), two_digits(s, 5),
                         two_digits(s, 8));
    }
    // d.m.yyyy, dd.mm.yyyy
    const auto p1 = s.find('.');
    if (p1 == std::string_view::npos) return std::nullopt;
    const auto p2 = s.find('.', p1 + 1);
    if (p2 == std::string_view::npos) return std::nullopt;
    const auto d = s.substr(0, p1), m = s.substr(p1 + 1, p2 - p1 - 1), y = s.substr(p2 + 1);
    if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4)
        return std::nullopt;
    auto num = [](std::string_view t) {
        int v = 0;
        for (char c : t) v = v * 10 + (c - '0');
        return v;
    };
    return make_date(num(y), num(m), num(d));
}

std::string canonical_column(sheet_table_kind kind, std::string_view header) {
    const int i = spec_index(kind, header);
    return i < 0 ? std::string() : std::string(specs(kind)[static_cast<std::size_t>(i)].name);
}

std::string describe(const sheet_problem& p, std::string_view row_word) {
    std::string out = p.table;
    if (p.line >= 0) out += " " + std::string(row_word) + " " + std::to_string(p.line);
    if (!p.column.empty()) {
        out += p.line >= 0 ? ", column " : " column ";
        out += p.column;
        if (!p.header.empty()) out += " (" + p.header + ")";
    }
    return out + ": " + p.message;
}

// --- the import ---------------------------------------------------------------------------

namespace {

constexpr std::int64_t no_line = -1;

struct table_view {
    const sheet_table* t = nullptr;
    sheet_table_kind kind = sheet_table_kind::unknown;
    std::vector<int> column_of;  ///< spec index → column position, -1 when absent
    std::vector<std::pair<std::size_t, std::size_t>> day_columns;  ///< (column position, day index)
    int name_column = -1;        ///< a wide attendance table's name column (ignored)
    bool usable = true;          ///< the rows can be read (required columns present)
    bool wide = false;

    std::int64_t line(std::size_t row) const {
        return t->lines.empty() ? static_cast<std::int64_t>(row) + t->header_line + 1 : t->lines[row];
    }
    std::size_t rows() const {
        std::size_t n = 0;
        for (const auto& c : t->columns) n = std::max(n, c.cells.size());
        return n;
    }
    std::string letter(std::size_t column) const {
        const auto& c = t->columns[column];
        return c.letter.empty() ? column_letter(column) : c.letter;
    }
    std::string_view cell(std::size_t column, std::size_t row) const {
        const auto& cells = t->columns[column].cells;
        return row < cells.size() ? trim(cells[row]) : std::string_view{};
    }
    /// The cell of a canonical column (blank when the column is absent).
    std::string_view get(int spec, std::size_t row) const {
        const int c = column_of[static_cast<std::size_t>(spec)];
        return c < 0 ? std::string_view{} : cell(static_cast<std::size_t>(c), row);
    }
    bool blank_row(std::size_t row) const {
        for (std::size_t c = 0; c < t->columns.size(); ++c)
            if (!cell(c, row).empty()) return false;
        return true;
    }
};

/// Where a record of the cohort came from: its table and row.
struct origin {
    const table_view* view = nullptr;
    std::size_t row = 0;
};

struct importer {
    const cohort& base;
    const sheet_import_options& options;
    sheet_import_result result;
    std::vector<std::pair<std::string, attendance_status>> vocabulary;  // keys
    std::string vocabulary_words;

    std::vector<participant> people;
    std::vector<origin> person_origin;
    std::vector<bool> person_bad;
    std::unordered_map<std::string, std::uint32_t> by_id;
    std::vector<std::vector<origin>> submission_origin, exemption_origin;
    std::vector<std::int64_t> attendance_line;  // person * days + day → line of its record (-1 = none)

    importer(const cohort& b, const sheet_import_options& o) : base(b), options(o) {
        auto words = o.attendance_vocabulary.empty() ? default_attendance_vocabulary() : o.attendance_vocabulary;
        for (const auto& [w, s] : words) {
            vocabulary.emplace_back(key_of(w), s);
            if (!vocabulary_words.empty()) vocabulary_words += ", ";
            vocabulary_words += w;
        }
        for (const char* w : {"present", "late", "excused", "absent"})
            vocabulary.emplace_back(key_of(w), parse_attendance_status(w));
        vocabulary_words += " or blank";
    }

    /// "first on line 3" (a sheet) or "first in row 3" (a DataFrame).
    std::string first_at(std::int64_t line) const {
        return std::string(options.row_word == "line" ? "first on " : "first in ") + options.row_word + " " +
               std::to_string(line);
    }

    /// One problem beyond the limit is collected, to know that the list was cut.
    bool full() const { return result.problems.size() > std::max<std::size_t>(options.max_problems, 1); }

    void problem(const table_view& v, std::int64_t line, int column, std::string found, std::string expected,
                 std::string message, std::string pointer = {}, errc code = errc::validation_error) {
        if (full()) {
            result.truncated = true;
            return;
        }
        sheet_problem p;
        p.table = v.t->name;
        p.line = line;
        if (column >= 0) {
            p.column = v.letter(static_cast<std::size_t>(column));
            p.header = v.t->columns[static_cast<std::size_t>(column)].header;
        }
        p.found = std::move(found);
        p.expected = std::move(expected);
        p.message = std::move(message);
        p.pointer = std::move(pointer);
        p.code = code;
        result.problems.push_back(std::move(p));
    }

    /// A bad cell: "expected <expected>, found "<cell>"" (or "a blank cell").
    void bad_cell(const table_view& v, std::size_t row, int spec, std::string_view cell, const std::string& expected,
                  std::string pointer = {}, std::string message = {}) {
        const int col = spec >= 0 ? v.column_of[static_cast<std::size_t>(spec)] : -1;
        if (message.empty())
            message = "expected " + expected + ", found " + (cell.empty() ? std::string("a blank cell") : detail::quoted(cell, 40));
        problem(v, v.line(row), col, std::string(cell), expected, std::move(message), std::move(pointer));
    }

    std::string at_person(std::size_t i) const { return detail::pointer_append("/participants", base.size() + i); }

    // --- headers ---------------------------------------------------------------------------

    /// The day a wide attendance header names: a date or a one-day session's id.
    std::optional<std::size_t> header_day(const table_view& v, std::size_t column, bool must, bool& reported) {
        reported = true;
        const std::string_view h = trim(v.t->columns[column].header);
        if (auto d = parse_sheet_date(h)) {
            if (auto i = base.day_index(*d)) return *i;
            problem(v, v.t->header_line, static_cast<int>(column), std::string(h), "a session day",
                    "no session is held on " + to_iso(*d) + " (session days: " + days_list() + ")");
            return std::nullopt;
        }
        for (const auto& s : base.sessions())
            if (!h.empty() && key_of(s.id) == key_of(h)) {
                if (s.days.size() == 1) return base.day_index(s.days.front());
                problem(v, v.t->header_line, static_cast<int>(column), std::string(h), "a date",
                        "session " + detail::quoted(s.id) + " has " + std::to_string(s.days.size()) +
                            " days: head one column per day with its date (" + to_norwegian(s.days.front()) + ", ...)");
                return std::nullopt;
            }
        if (must || looks_like_date(h)) {
            if (looks_like_date(h))
                problem(v, v.t->header_line, static_cast<int>(column), std::string(h), "a date",
                        detail::quoted(h, 40) + " is not a calendar date (write 2024-09-18 or 18.09.2024)");
            else
                problem(v, v.t->header_line, static_cast<int>(column), std::string(h),
                        "a session day (2024-09-18 or 18.09.2024) or a session id",
                        "unknown column " + single_quoted(h) +
                            ": a wide attendance table has the participant's id, their name and one column per "
                            "session day headed by its date (2024-09-18 or 18.09.2024) or a one-day session's id");
        } else {
            reported = false;
        }
        return std::nullopt;
    }

    std::string days_list() const {
        std::string out;
        const auto& days = base.days();
        for (std::size_t i = 0; i < days.size() && i < 12; ++i) out += (i ? ", " : "") + to_norwegian(days[i]);
        if (days.size() > 12) out += ", ...";
        return out.empty() ? "none" : out;
    }

    table_view view_of(const sheet_table& t) {
        table_view v;
        v.t = &t;
        v.kind = t.kind != sheet_table_kind::unknown ? t.kind : table_kind_of(t.name);
        if (v.kind == sheet_table_kind::unknown) {
            problem(v, no_line, -1, t.name, "participants, attendance, submissions or exemptions",
                    "unknown table " + detail::quoted(t.name, 40) +
                        ": expected participants (deltakere), attendance (oppmøte), submissions (innleveringer) or "
                        "exemptions (fritak)");
            v.usable = false;
            return v;
        }
        const auto& list = specs(v.kind);
        v.column_of.assign(list.size(), -1);
        // a wide attendance table: no date and status columns
        bool has_date = false, has_status = false;
        if (v.kind == sheet_table_kind::attendance) {
            for (const auto& c : t.columns) {
                const int s = spec_index(v.kind, c.header);
                has_date = has_date || s == 1;
                has_status = has_status || s == 2;
            }
            v.wide = !has_date && !has_status;
        }
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const std::string_view h = trim(t.columns[c].header);
            int s = spec_index(v.kind, h);
            if (v.wide && s > 0) s = -1;
            if (s >= 0) {
                auto& slot = v.column_of[static_cast<std::size_t>(s)];
                if (slot >= 0) {
                    problem(v, t.header_line, static_cast<int>(c), std::string(h), "each column once",
                            "column " + single_quoted(list[static_cast<std::size_t>(s)].name) +
                                " is given twice (also column " + v.letter(static_cast<std::size_t>(slot)) + ")");
                    continue;
                }
                slot = static_cast<int>(c);
                continue;
            }
            if (h.empty()) {
                if (!column_empty(t.columns[c]))  // an unused column of a sheet is fine
                    problem(v, t.header_line, static_cast<int>(c), "", "a header",
                            "values in a column without a header (give it one of " + column_list(v.kind) +
                                " or clear it)");
                continue;
            }
            const bool day_table = v.wide || v.kind == sheet_table_kind::participants;
            if (v.wide && (key_of(h) == "name" || key_of(h) == "navn")) {
                v.name_column = static_cast<int>(c);
                continue;
            }
            if (day_table) {
                bool reported = false;
                if (auto d = header_day(v, c, v.wide, reported)) {
                    for (const auto& [oc, od] : v.day_columns)
                        if (od == *d) {
                            problem(v, t.header_line, static_cast<int>(c), std::string(h), "each day once",
                                    "a second column for " + to_iso(base.days()[*d]) + " (also column " +
                                        v.letter(oc) + ")");
                            d.reset();
                            break;
                        }
                    if (d) v.day_columns.emplace_back(c, *d);
                    continue;
                }
                if (reported || v.wide) continue;
            }
            problem(v, t.header_line, static_cast<int>(c), std::string(h), "a known column",
                    "unknown column " + single_quoted(h) + " (expected " + column_list(v.kind) +
                        (v.kind == sheet_table_kind::participants ? ", and session days" : "") + ")");
        }
        for (std::size_t s = 0; s < list.size(); ++s) {
            if (!list[s].required || v.column_of[s] >= 0) continue;
            if (v.wide && s > 0) continue;
            std::string alias = list[s].aliases.empty() ? "" : list[s].aliases.front();
            if (key_of(alias) == key_of(list[s].name) && list[s].aliases.size() > 1) alias = list[s].aliases[1];
            problem(v, no_line, -1, "", list[s].name,
                    "missing column " + single_quoted(list[s].name) +
                        (alias.empty() || key_of(alias) == key_of(list[s].name) ? "" : " (or " + single_quoted(alias) + ")"));
            v.usable = false;
        }
        return v;
    }

    static bool column_empty(const sheet_column& c) {
        return std::all_of(c.cells.begin(), c.cells.end(), [](const std::string& s) { return trim(s).empty(); });
    }

    // --- participants ------------------------------------------------------------------------

    void read_participants(const table_view& v) {
        const std::size_t n = v.rows();
        people.reserve(n);
        person_origin.reserve(n);
        for (std::size_t row = 0; row < n; ++row) {
            if (full()) return;
            if (v.blank_row(row)) continue;
            const std::size_t i = people.size();
            const std::string at = at_person(i);
            participant p;
            bool bad = false;
            auto text = [&](int spec, const char* member, const char* expected, bool required) {
                const std::string_view c = v.get(spec, row);
                if (c.empty() && required) {
                    bad_cell(v, row, spec, c, expected, at + member);
                    bad = true;
                }
                return std::string(c);
            };
            p.id = text(0, "/id", "a participant id", true);
            p.name = text(1, "/name", "the participant's name", true);
            std::string number(v.get(2, row));
            if (all_digits(number) && number.size() < 4) number.insert(0, 4 - number.size(), '0');
            if (number.size() == 6 && number.ends_with(".0") && all_digits(number.substr(0, 4))) number.resize(4);
            if (number.size() != 4 || !all_digits(number)) {
                bad_cell(v, row, 2, v.get(2, row), "a 4-digit municipality number (0301, 3905)", at + "/municipality/number");
                bad = true;
            }
            p.municipality.number = std::move(number);
            p.municipality.name = text(3, "/municipality/name", "the municipality's name", true);
            p.role = text(4, "/role", "the participant's role (lærer, rektor, ...)", true);
            const std::string_view sec = v.get(5, row);
            if (auto s = lookup(sector_values, sec)) {
                p.sector = *s;
            } else {
                bad_cell(v, row, 5, sec, names_of(sector_values), at + "/sector",
                         (sec.empty() ? std::string("expected a sector, found a blank cell")
                                      : "unknown sector " + detail::quoted(sec, 40)) +
                             ": expected " + names_of(sector_values));
                bad = true;
            }
            const std::string_view email = v.get(6, row), phone = v.get(7, row);
            if (!email.empty() || !phone.empty()) p.contact = contact_info{std::string(email), std::string(phone)};
            const std::string_view fr = v.get(8, row);
            if (!fr.empty()) {
                if (auto r = lookup(festival_values, fr)) {
                    p.festival_role = *r;
                } else {
                    bad_cell(v, row, 8, fr, names_of(festival_values) + " or blank", at + "/festival_role",
                             "unknown festival role " + detail::quoted(fr, 40) + ": expected " +
                                 names_of(festival_values) + " or blank");
                    bad = true;
                }
            }
            if (!p.id.empty()) {
                const auto [it, fresh] = by_id.emplace(p.id, static_cast<std::uint32_t>(i));
                if (!fresh) {
                    problem(v, v.line(row), v.column_of[0], p.id, "a participant id used once",
                            "duplicate participant id " + detail::quoted(p.id) + " (" +
                                first_at(person_origin[it->second].view->line(person_origin[it->second].row)) + ")",
                            at + "/id");
                    bad = true;
                } else if (base.find(p.id)) {
                    bad_cell(v, row, 0, p.id, "a new participant id", at + "/id",
                             "participant " + detail::quoted(p.id) + " is already in the cohort");
                    bad = true;
                }
            }
            people.push_back(std::move(p));
            person_origin.push_back({&v, row});
            person_bad.push_back(bad);
        }
    }

    // --- attendance ----------------------------------------------------------------------------

    std::optional<attendance_status> status_of(std::string_view cell) const {
        if (cell.empty()) return attendance_status::unrecorded;
        const std::string k = key_of(cell);
        for (const auto& [w, s] : vocabulary)
            if (w == k) return s;
        return std::nullopt;
    }

    void record(const table_view& v, std::size_t row, int column, std::uint32_t person, std::size_t day,
                attendance_status s, std::string_view found) {
        const std::size_t days = base.days().size();
        if (attendance_line.empty()) attendance_line.assign(people.size() * days, -1);
        auto& line = attendance_line[person * days + day];
        if (line != -1) {
            const std::string iso = to_iso(base.days()[day]);
            problem(v, v.line(row), column, std::string(found), "one record per participant and day",
                    "a second record for participant " + detail::quoted(people[person].id) + " on " + iso + " (" + first_at(line) + ")",
                    detail::pointer_append(at_person(person) + "/attendance", iso));
            person_bad[person] = true;
            return;
        }
        line = v.line(row);
        if (s == attendance_status::unrecorded) return;
        auto& a = people[person].attendance;
        if (a.empty()) a.assign(days, attendance_status::unrecorded);
        a[day] = s;
    }

    void bad_status(const table_view& v, std::size_t row, int column, std::string_view cell, std::uint32_t person,
                    const std::string& day_key) {
        problem(v, v.line(row), column, std::string(cell), vocabulary_words,
                "unknown attendance status " + detail::quoted(cell, 40) + ": expected " + vocabulary_words,
                person == UINT32_MAX ? std::string() : detail::pointer_append(at_person(person) + "/attendance", day_key));
        if (person != UINT32_MAX) person_bad[person] = true;
    }

    /// The participant a row of a table names, or UINT32_MAX (reported).
    std::uint32_t owner(const table_view& v, std::size_t row, int spec = 0) {
        const std::string_view id = v.get(spec, row);
        if (id.empty()) {
            bad_cell(v, row, spec, id, "a participant id");
            return UINT32_MAX;
        }
        const auto it = by_id.find(std::string(id));
        if (it == by_id.end()) {
            bad_cell(v, row, spec, id, "the id of a participant in the participants table", {},
                     "no participant " + detail::quoted(id, 40) + " in the participants table");
            return UINT32_MAX;
        }
        return it->second;
    }

    void read_wide(const table_view& v, bool from_participants) {
        if (v.day_columns.empty()) return;
        const std::size_t n = v.rows();
        std::size_t person_row = 0;  // in the participants table: the position among non-blank rows
        for (std::size_t row = 0; row < n; ++row) {
            if (full()) return;
            if (v.blank_row(row)) continue;
            std::uint32_t person;
            if (from_participants) {
                person = static_cast<std::uint32_t>(person_row++);
                if (people[person].id.empty() || by_id.at(people[person].id) != person) continue;
            } else {
                person = owner(v, row);
                if (person == UINT32_MAX) continue;
            }
            for (const auto& [column, day] : v.day_columns) {
                const std::string_view cell = v.cell(column, row);
                if (auto s = status_of(cell))
                    record(v, row, static_cast<int>(column), person, day, *s, cell);
                else
                    bad_status(v, row, static_cast<int>(column), cell, person, to_iso(base.days()[day]));
            }
        }
    }

    void read_long(const table_view& v) {
        const std::size_t n = v.rows();
        for (std::size_t row = 0; row < n; ++row) {
            if (full()) return;
            if (v.blank_row(row)) continue;
            const std::uint32_t person = owner(v, row);
            const std::string_view day_text = v.get(1, row);
            const std::string at = person == UINT32_MAX ? std::string() : at_person(person) + "/attendance";
            std::optional<std::size_t> day;
            if (auto d = parse_sheet_date(day_text)) {
                day = base.day_index(*d);
                if (!day)
                    bad_cell(v, row, 1, day_text, "a session day", at.empty() ? "" : detail::pointer_append(at, to_iso(*d)),
                             "no session is held on " + to_iso(*d) + " (session days: " + days_list() + ")");
            } else {
                bad_cell(v, row, 1, day_text, "a date (2024-09-18 or 18.09.2024)",
                         at.empty() ? "" : detail::pointer_append(at, day_text),
                         day_text.empty() ? "" : detail::quoted(day_text, 40) + " is not a calendar date (write 2024-09-18 or 18.09.2024)");
            }
            const std::string_view status_text = v.get(2, row);
            const auto s = status_of(status_text);
            if (!s) bad_status(v, row, v.column_of[2], status_text, person, day ? to_iso(base.days()[*day]) : std::string(day_text));
            if (person == UINT32_MAX) continue;
            if (!day) {
                person_bad[person] = true;
                continue;
            }
            if (s) record(v, row, v.column_of[1], person, *day, *s, day_text);
        }
    }

    // --- submissions and exemptions ---------------------------------------------------------------

    std::optional<date> date_cell(const table_view& v, std::size_t row, int spec, const std::string& pointer,
                                  bool required, bool& bad) {
        const std::string_view c = v.get(spec, row);
        if (c.empty()) {
            if (required) {
                bad_cell(v, row, spec, c, "a date (2024-09-18 or 18.09.2024)", pointer);
                bad = true;
            }
            return std::nullopt;
        }
        auto d = parse_sheet_date(c);
        if (!d) {
            bad_cell(v, row, spec, c, "a date (2024-09-18 or 18.09.2024)", pointer,
                     looks_like_date(c) ? detail::quoted(c, 40) + " is not a calendar date (write 2024-09-18 or 18.09.2024)"
                                        : std::string());
            bad = true;
        }
        return d;
    }

    void read_submissions(const table_view& v) {
        const std::size_t n = v.rows();
        for (std::size_t row = 0; row < n; ++row) {
            if (full()) return;
            if (v.blank_row(row)) continue;
            const std::uint32_t person = owner(v, row);
            const std::size_t index = person == UINT32_MAX ? 0 : people[person].submissions.size();
            const std::string at = person == UINT32_MAX ? std::string()
                                                        : detail::pointer_append(at_person(person) + "/submissions", index);
            auto ptr = [&](const char* m) { return at.empty() ? std::string() : at + m; };
            bool bad = false;
            submission s;
            const std::string_view kind = v.get(1, row);
            if (auto k = lookup(kind_values, kind)) {
                s.kind = *k;
            } else {
                bad_cell(v, row, 1, kind, names_of(kind_values), ptr("/kind"),
                         (kind.empty() ? std::string("expected a submission kind, found a blank cell")
                                       : "unknown submission kind " + detail::quoted(kind, 40)) +
                             ": expected " + names_of(kind_values));
                bad = true;
            }
            if (auto d = date_cell(v, row, 2, ptr("/date"), true, bad)) s.on = *d;
            const std::string_view st = v.get(3, row);
            if (!st.empty()) {
                if (auto x = lookup(status_values, st)) {
                    s.status = *x;
                } else {
                    bad_cell(v, row, 3, st, names_of(status_values), ptr("/status"),
                             "unknown submission status " + detail::quoted(st, 40) + ": expected " +
                                 names_of(status_values) + " or blank (submitted)");
                    bad = true;
                }
            }
            const std::string_view pages = v.get(4, row);
            if (!pages.empty()) {
                const auto pn = whole_number(pages);
                if (pn && *pn >= 1 && *pn <= 10000)
                    s.pages = static_cast<std::uint16_t>(*pn);
                else {
                    bad_cell(v, row, 4, pages, "a page count from 1 to 10000", ptr("/pages"));
                    bad = true;
                }
            }
            const std::string_view cat = v.get(5, row);
            if (!cat.empty()) {
                if (auto x = lookup(category_values, cat)) {
                    s.category = *x;
                } else {
                    bad_cell(v, row, 5, cat, names_of(category_values), ptr("/category"),
                             "unknown final text category " + detail::quoted(cat, 40) + ": expected " +
                                 names_of(category_values) + " or blank");
                    bad = true;
                }
            }
            const std::string_view title = v.get(6, row);
            if (!title.empty()) s.set_title(std::string(title));
            const std::string_view by = v.get(7, row);
            const auto on = date_cell(v, row, 8, ptr("/decided_on"), false, bad);
            if (!by.empty() || on) {
                if (s.status == submission_status::submitted) {
                    bad_cell(v, row, by.empty() ? 8 : 7, by.empty() ? v.get(8, row) : by,
                             "no decision for a submission that is only submitted", ptr(by.empty() ? "/decided_on" : "/decided_by"),
                             "a submitted document has no decision: set the status to approved (godkjent) or rejected "
                             "(avvist), or leave who decided and when blank");
                    bad = true;
                } else if (by.empty() || !on) {
                    if (!bad)
                        bad_cell(v, row, by.empty() ? 7 : 8, "", by.empty() ? "who decided" : "the date of the decision",
                                 ptr(by.empty() ? "/decided_by" : "/decided_on"));
                    bad = true;
                } else {
                    s.set_decision(submission_decision{std::string(by), *on});
                }
            }
            const std::string_view session = v.get(9, row);
            if (!session.empty()) s.set_session(std::string(session));
            if (person == UINT32_MAX) continue;
            if (bad) {
                person_bad[person] = true;
                continue;
            }
            people[person].submissions.push_back(std::move(s));
            if (submission_origin.size() <= person) submission_origin.resize(people.size());
            submission_origin[person].push_back({&v, row});
        }
    }

    void read_exemptions(const table_view& v) {
        const std::size_t n = v.rows();
        for (std::size_t row = 0; row < n; ++row) {
            if (full()) return;
            if (v.blank_row(row)) continue;
            const std::uint32_t person = owner(v, row);
            const std::size_t index = person == UINT32_MAX ? 0 : people[person].exemptions.size();
            const std::string at = person == UINT32_MAX ? std::string()
                                                        : detail::pointer_append(at_person(person) + "/exemptions", index);
            auto ptr = [&](const char* m) { return at.empty() ? std::string() : at + m; };
            bool bad = false;
            exemption e;
            e.requirement = std::string(v.get(1, row));
            e.reason = std::string(v.get(2, row));
            e.granted_by = std::string(v.get(3, row));
            if (e.requirement.empty()) {
                bad_cell(v, row, 1, "", "a requirement id of the programme", ptr("/requirement"));
                bad = true;
            } else if (!base.programme().find_requirement(e.requirement)) {
                std::string ids;
                for (const auto& q : base.programme().requirements) ids += (ids.empty() ? "" : ", ") + q.id;
                bad_cell(v, row, 1, e.requirement, "a requirement id of the programme (" + ids + ")", ptr("/requirement"),
                         "unknown requirement " + detail::quoted(e.requirement, 40) + " for programme \"" +
                             base.programme().id + "\" (its requirements: " + ids + ")");
                bad = true;
            }
            if (e.reason.empty()) {
                bad_cell(v, row, 2, "", "the reason for the exemption", ptr("/reason"));
                bad = true;
            }
            if (e.granted_by.empty()) {
                bad_cell(v, row, 3, "", "who granted the exemption", ptr("/granted_by"));
                bad = true;
            }
            e.granted_on = date_cell(v, row, 4, ptr("/date"), false, bad);
            if (person == UINT32_MAX) continue;
            if (bad) {
                person_bad[person] = true;
                continue;
            }
            people[person].exemptions.push_back(std::move(e));
            if (exemption_origin.size() <= person) exemption_origin.resize(people.size());
            exemption_origin[person].push_back({&v, row});
        }
    }

    // --- the model's own checks, at their cells ---------------------------------------------------

    void model_problem(const error& e) {
        // "/participants/<n>/<member>/..." → the cell it came from
        const std::string& ptr = e.pointer();
        std::vector<std::string> tokens;
        for (std::size_t at = 1; at <= ptr.size() && !ptr.empty();) {
            const auto next = ptr.find('/', at);
            tokens.push_back(ptr.substr(at, next == std::string::npos ? std::string::npos : next - at));
            if (next == std::string::npos) break;
            at = next + 1;
        }
        const table_view* v = person_origin.empty() ? nullptr : person_origin.front().view;
        std::size_t row = 0;
        int spec = -1;
        if (tokens.size() >= 2 && tokens[0] == "participants" && all_digits(tokens[1])) {
            const std::size_t n = std::stoul(tokens[1]);
            if (n >= base.size() && n - base.size() < people.size()) {
                const std::size_t i = n - base.size();
                v = person_origin[i].view;
                row = person_origin[i].row;
                const std::string member = tokens.size() >= 3 ? tokens[2] : "";
                const std::string sub = tokens.size() >= 4 ? tokens[3] : "";
                static const std::vector<std::pair<std::string, int>> person_members{
                    {"id", 0}, {"name", 1}, {"role", 4}, {"sector", 5}, {"contact", 6}, {"festival_role", 8}};
                if (member == "municipality")
                    spec = tokens.size() >= 4 && tokens[3] == "name" ? 3 : 2;
                else if (member == "contact")
                    spec = tokens.size() >= 4 && tokens[3] == "phone" ? 7 : 6;
                else if ((member == "submissions" || member == "exemptions") && all_digits(sub)) {
                    const auto& origins = member == "submissions" ? submission_origin : exemption_origin;
                    const std::size_t j = std::stoul(sub);
                    if (i < origins.size() && j < origins[i].size()) {
                        v = origins[i][j].view;
                        row = origins[i][j].row;
                        const std::string field = tokens.size() >= 5 ? tokens[4] : "";
                        const auto& list = specs(v->kind);
                        for (std::size_t s = 0; s < list.size(); ++s)
                            if (field == list[s].name) spec = static_cast<int>(s);
                    }
                } else {
                    for (const auto& [m, s] : person_members)
                        if (m == member) spec = s;
                }
                if (spec >= 0 && v->column_of[static_cast<std::size_t>(spec)] < 0) spec = -1;
                const int col = spec >= 0 ? v->column_of[static_cast<std::size_t>(spec)] : -1;
                const std::string found = col >= 0 ? std::string(v->cell(static_cast<std::size_t>(col), row)) : "";
                problem(*v, v->line(row), col, found, "", e.message(), ptr, e.code());
                return;
            }
        }
        if (v) {
            problem(*v, no_line, -1, "", "", e.message(), ptr, e.code());
        } else if (!full()) {
            result.problems.push_back(sheet_problem{"", -1, "", "", "", "", e.message(), ptr, e.code()});
        }
    }

    void run(const std::vector<sheet_table>& tables) {
        std::vector<table_view> views;
        views.reserve(tables.size());
        for (const auto& t : tables) views.push_back(view_of(t));
        const table_view* participants_view = nullptr;
        for (const auto& v : views) {
            if (v.kind != sheet_table_kind::participants) continue;
            if (participants_view) {
                problem(v, no_line, -1, "", "one participants table",
                        "a second participants table (the first is " + detail::quoted(participants_view->t->name, 40) + ")");
                continue;
            }
            participants_view = &v;
        }
        for (auto kind : {sheet_table_kind::submissions, sheet_table_kind::exemptions}) {
            const table_view* first = nullptr;
            for (const auto& v : views)
                if (v.kind == kind) {
                    if (first)
                        problem(v, no_line, -1, "", std::string("one ") + to_string(kind) + " table",
                                std::string("a second ") + to_string(kind) + " table (the first is " +
                                    detail::quoted(first->t->name, 40) + ")");
                    else
                        first = &v;
                }
        }
        if (!participants_view) {
            if (!full())
                result.problems.push_back(sheet_problem{"", -1, "", "", "", "participants",
                                                        "no participants table (a sheet named participants or deltakere)",
                                                        "", errc::validation_error});
            return;
        }
        if (!participants_view->usable) return;
        read_participants(*participants_view);
        if (!participants_view->day_columns.empty()) read_wide(*participants_view, true);
        for (const auto& v : views) {
            if (!v.usable || &v == participants_view) continue;
            if (v.kind == sheet_table_kind::attendance) {
                if (v.wide)
                    read_wide(v, false);
                else
                    read_long(v);
            } else if (v.kind == sheet_table_kind::submissions) {
                read_submissions(v);
            } else if (v.kind == sheet_table_kind::exemptions) {
                read_exemptions(v);
            }
        }
        for (std::size_t i = 0; i < people.size() && !full(); ++i) {
            if (person_bad[i]) continue;
            try {
                base.check_participant(people[i], base.size() + i);
            } catch (const error& e) {
                model_problem(e);
            }
        }
        if (const auto cap = base.capacity(); cap && base.size() + people.size() > static_cast<std::size_t>(*cap)) {
            const std::size_t first = static_cast<std::size_t>(*cap) - std::min(base.size(), static_cast<std::size_t>(*cap));
            const auto& o = person_origin[first];
            problem(*o.view, o.view->line(o.row), -1, "", "at most " + std::to_string(*cap) + " participants",
                    "the cohort has " + std::to_string(*cap) + (*cap == 1 ? " seat" : " seats") + ": participant " +
                        std::to_string(*cap + 1) + " is one too many",
                    detail::pointer_append("/participants", static_cast<std::size_t>(*cap)));
        }
        if (!result.problems.empty()) return;
        cohort c = base;
        try {
            c.add_participants(std::move(people));
        } catch (const error& e) {
            model_problem(e);
            return;
        }
        result.cohort = std::move(c);
    }
};

}  // namespace

sheet_import_result import_sheets(const cohort& base, const std::vector<sheet_table>& tables,
                                  const sheet_import_options& options) {
    importer im(base, options);
    im.run(tables);
    if (!im.result.problems.empty()) im.result.cohort.reset();
    if (const std::size_t max = std::max<std::size_t>(options.max_problems, 1); im.result.problems.size() > max) {
        im.result.problems.resize(max);
        im.result.truncated = true;
    }
    return std::move(im.result);
}

}  // namespace smart
