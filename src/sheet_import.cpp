// Spreadsheet import: tables of text cells → a cohort, with every problem at its cell.
#include "smart/sheet_import.hpp"

#include <algorithm>
#include <functional>
#include <array>
#include <charconv>
#include <unordered_map>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/schedule.hpp"
#include "wording.hpp"

namespace smart {

namespace {

using detail::t;

/// A text in bokmål, nynorsk and English (indexed by lang).
using tri = std::array<std::string, 3>;

tri tr(std::string nb, std::string nn, std::string en) { return {std::move(nb), std::move(nn), std::move(en)}; }

/// The same text in each language (the model's English messages).
tri same(const std::string& s) { return {s, s, s}; }

/// The text for each language, from f(lang).
template <class F>
tri each(F f) {
    return {f(lang::nb), f(lang::nn), f(lang::en)};
}

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
                                          "deltakernummer", "deltakar"};

const std::vector<column_spec>& specs(sheet_table_kind kind) {
    static const std::vector<column_spec> participants{
        {"id", true, {"deltaker", "participant_id", "participant", "deltaker_id", "deltakernr", "deltakernummer", "deltakar"}},
        {"name", true, {"navn", "fullt navn", "deltakernavn", "namn"}},
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

/// "a, b or c" / "a, b eller c": every word a value may be written as.
template <class E>
std::string names_of(const std::vector<value_name<E>>& names, lang l) {
    std::vector<std::string> words;
    words.reserve(names.size());
    for (const auto& n : names) words.emplace_back(n.text);
    return detail::or_list(words, l);
}

/// "a date (2024-09-18 or 18.09.2024)" in each language.
tri a_date() {
    return tr("en dato (18.09.2024 eller 2024-09-18)", "ein dato (18.09.2024 eller 2024-09-18)",
              "a date (2024-09-18 or 18.09.2024)");
}

/// ""31.02.2025" is not a calendar date (write ...)" in each language.
tri not_a_date(std::string_view text) {
    const std::string q = detail::quoted(text, 40);
    return tr(q + " er ikke en gyldig dato (skriv 18.09.2024 eller 2024-09-18)",
              q + " er ikkje ein gyldig dato (skriv 18.09.2024 eller 2024-09-18)",
              q + " is not a calendar date (write 2024-09-18 or 18.09.2024)");
}

/// A table kind's name in messages: "deltakertabell" / "deltakartabell" / "participants table".
std::string table_word(sheet_table_kind k, lang l) {
    switch (k) {
        case sheet_table_kind::participants: return t(l, "deltakertabell", "deltakartabell", "participants table");
        case sheet_table_kind::attendance: return t(l, "oppmøtetabell", "frammøtetabell", "attendance table");
        case sheet_table_kind::submissions: return t(l, "innleveringstabell", "innleveringstabell", "submissions table");
        case sheet_table_kind::exemptions: return t(l, "fritakstabell", "fritakstabell", "exemptions table");
        case sheet_table_kind::unknown: break;
    }
    return t(l, "tabell", "tabell", "table");
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

const std::string& message(const sheet_problem& p, lang l) noexcept {
    const auto& m = p.message_in[static_cast<std::size_t>(l)];
    return m.empty() ? p.message : m;
}

const std::string& expected(const sheet_problem& p, lang l) noexcept {
    const auto& m = p.expected_in[static_cast<std::size_t>(l)];
    return m.empty() ? p.expected : m;
}

std::string describe_place(std::string_view table, std::string_view row, std::string_view letter,
                           std::string_view header, sheet_place place, lang l) {
    std::string out(table);
    const bool frame = place == sheet_place::frame;
    if (!row.empty()) {
        out += " ";
        out += frame ? t(l, "rad", "rad", "row") : t(l, "linje", "linje", "line");
        out += " ";
        out += row;
    }
    const char* column = t(l, "kolonne", "kolonne", "column");
    if (frame) {
        // a DataFrame's columns have names, not letters
        if (!header.empty() && (!row.empty() || !letter.empty()))
            out += std::string(row.empty() ? " " : ", ") + column + " '" + std::string(header) + "'";
    } else if (!letter.empty()) {
        out += std::string(row.empty() ? " " : ", ") + column + " " + std::string(letter);
        if (!header.empty()) out += " (" + std::string(header) + ")";
    }
    return out;
}

std::string describe(const sheet_problem& p, lang l, sheet_place place, std::string_view row_label) {
    const std::string row = !row_label.empty() ? std::string(row_label) : p.line >= 0 ? std::to_string(p.line) : "";
    const std::string at = describe_place(p.table, row, p.column, p.header, place, l);
    return at.empty() ? message(p, l) : at + ": " + message(p, l);
}

std::string describe(const sheet_problem& p, std::string_view row_word) {
    return describe(p, lang::en, row_word == "row" ? sheet_place::frame : sheet_place::sheet);
}

const char* more_problems(lang l) noexcept { return t(l, " (og flere)", " (og fleire)", " (and more)"); }

std::string describe_import_failure(std::size_t problems, bool truncated, std::string_view file, lang l) {
    const std::string n = std::to_string(problems);
    const std::string more = truncated ? more_problems(l) : "";
    switch (l) {
        case lang::nb: return n + " feil i " + std::string(file) + more + "; ingenting er skrevet.";
        case lang::nn: return n + " feil i " + std::string(file) + more + "; ingenting er skrive.";
        case lang::en: break;
    }
    return n + (problems == 1 ? " problem in " : " problems in ") + std::string(file) + more + "; nothing was written.";
}

std::string describe_import_success(std::size_t participants, std::string_view file, std::string_view output, lang l) {
    const bool one = participants == 1;
    const std::string n = std::to_string(participants);
    switch (l) {
        case lang::nb:
            return std::string(file) + ": " + n + (one ? " deltaker" : " deltakere") + " lest inn; skrev " + std::string(output);
        case lang::nn:
            return std::string(file) + ": " + n + (one ? " deltakar lesen" : " deltakarar lesne") + " inn; skreiv " +
                   std::string(output);
        case lang::en: break;
    }
    return std::string(file) + ": " + n + (one ? " participant" : " participants") + " imported; wrote " + std::string(output);
}

std::string describe_programme_mismatch(std::string_view cohort_programme, std::string_view programme, lang l) {
    const std::string a = detail::quoted(cohort_programme, 60), b = detail::quoted(programme, 60);
    return t(l, "kullet hører til programmet ", "kullet høyrer til programmet ", "the cohort is of programme ") + a +
           t(l, ", ikke ", ", ikkje ", ", not ") + b;
}

// --- the words of a template workbook ------------------------------------------------------

const char* sheet_name(sheet_table_kind k, lang l) noexcept {
    switch (k) {
        case sheet_table_kind::participants: return t(l, "deltakere", "deltakarar", "participants");
        case sheet_table_kind::attendance: return t(l, "oppmøte", "frammøte", "attendance");
        case sheet_table_kind::submissions: return t(l, "innleveringer", "innleveringar", "submissions");
        case sheet_table_kind::exemptions: return t(l, "fritak", "fritak", "exemptions");
        case sheet_table_kind::unknown: break;
    }
    return "";
}

std::vector<std::string> template_headers(sheet_table_kind k, lang l) {
    if (k == sheet_table_kind::attendance)
        return l == lang::en ? std::vector<std::string>{"participant_id", "name"}
                             : std::vector<std::string>{t(l, "deltaker", "deltakar", ""), t(l, "navn", "namn", "")};
    std::vector<std::string> out;
    for (const auto& c : specs(k)) {
        if (l == lang::en || c.aliases.empty()) {
            out.emplace_back(c.name);
            continue;
        }
        // the first alias is the bokmål word; nynorsk has its own where the words differ
        std::string word = c.aliases.front();
        if (l == lang::nn) {
            static const std::array<std::pair<std::string_view, const char*>, 2> nn{{{"deltaker", "deltakar"}, {"navn", "namn"}}};
            for (const auto& [nb, w] : nn)
                if (word == nb) word = w;
        }
        out.push_back(std::move(word));
    }
    return out;
}

const char* instructions_sheet_name(lang l) noexcept { return t(l, "Instruksjoner", "Rettleiing", "Instructions"); }

std::vector<std::string> template_instructions(lang l) {
    switch (l) {
        case lang::nb:
            return {"Slik fyller du ut arbeidsboka",
                    "Én rad per deltaker i arket «deltakere»; deltaker-ID-en brukes i de andre arkene.",
                    "Oppmøte: én kolonne per samlingsdag. Skriv x (til stede), sen, forfall, fravær eller la cellen stå "
                    "tom (ikke registrert).",
                    "Datoer skrives 18.09.2024 eller 2024-09-18. Kommunenummer med fire sifre (0301).",
                    "Sektor: offentlig, privat eller frivillig.",
                    "Les inn med: smart import ARBEIDSBOK.xlsx --programme PROGRAM -o kull.json"};
        case lang::nn:
            return {"Slik fyller du ut arbeidsboka",
                    "Éi rad per deltakar i arket «deltakarar»; deltakar-ID-en blir brukt i dei andre arka.",
                    "Frammøte: éin kolonne per samlingsdag. Skriv x (til stades), sen, forfall, fravær eller la cella "
                    "stå tom (ikkje registrert).",
                    "Datoar skriv du 18.09.2024 eller 2024-09-18. Kommunenummer med fire siffer (0301).",
                    "Sektor: offentlig, privat eller frivillig.",
                    "Les inn med: smart import ARBEIDSBOK.xlsx --programme PROGRAM -o kull.json"};
        case lang::en: break;
    }
    return {"How to fill in this workbook",
            "One row per participant in the 'participants' sheet; the participant id is used in the other sheets.",
            "Attendance: one column per session day. Write x (present), sen (late), forfall (excused), fravær (absent) "
            "or leave it blank (not recorded).",
            "Dates as 18.09.2024 or 2024-09-18. Municipality numbers with four digits (0301).",
            "Sector: public, private or voluntary (offentlig, privat, frivillig).",
            "Import with: smart import WORKBOOK.xlsx --programme PROGRAMME -o cohort.json"};
}

bool is_instructions_sheet(std::string_view name) noexcept {
    try {
        const std::string k = key_of(name);
        for (const char* n : {"instruksjoner", "instructions", "rettleiing", "veiledning"})
            if (k == n) return true;
    } catch (...) {
    }
    return false;
}

const char* template_word(attendance_status s) noexcept {
    switch (s) {
        case attendance_status::present: return "x";
        case attendance_status::late: return "sen";
        case attendance_status::excused: return "forfall";
        case attendance_status::absent: return "fravær";
        case attendance_status::unrecorded: break;
    }
    return "";
}

const char* template_word(sector s, lang l) noexcept {
    switch (s) {
        case sector::public_sector: return t(l, "offentlig", "offentlig", "public");
        case sector::private_sector: return t(l, "privat", "privat", "private");
        case sector::voluntary: return t(l, "frivillig", "frivillig", "voluntary");
    }
    return "";
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
    tri vocabulary_words;  // "x, sen, ... or blank" per language

    std::vector<participant> people;
    std::vector<origin> person_origin;
    std::vector<bool> person_bad;
    /// Participants by id, looked up by the cells' string_views without a copy.
    struct id_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::uint32_t, id_hash, std::equal_to<>> by_id;
    std::vector<std::vector<origin>> submission_origin, exemption_origin;
    std::vector<std::int64_t> attendance_line;  // person * days + day → line of its record (-1 = none)

    importer(const cohort& b, const sheet_import_options& o) : base(b), options(o) {
        auto words = o.attendance_vocabulary.empty() ? default_attendance_vocabulary() : o.attendance_vocabulary;
        std::string list;
        for (const auto& [w, s] : words) {
            vocabulary.emplace_back(key_of(w), s);
            if (!list.empty()) list += ", ";
            list += w;
        }
        for (const char* w : {"present", "late", "excused", "absent"})
            vocabulary.emplace_back(key_of(w), parse_attendance_status(w));
        vocabulary_words = each([&](lang l) { return list + t(l, " eller tom", " eller tom", " or blank"); });
    }

    bool frame() const { return options.row_word == "row"; }

    /// "first on line 3" (a sheet) or "first in row 3" (a DataFrame), in `l`.
    std::string first_at(std::int64_t line, lang l) const {
        const std::string n = std::to_string(line);
        if (frame()) return t(l, "første gang i rad ", "første gong i rad ", "first in row ") + n;
        return t(l, "første gang på linje ", "første gong på linje ", "first on line ") + n;
    }

    /// One problem beyond the limit is collected, to know that the list was cut.
    bool full() const { return result.problems.size() > std::max<std::size_t>(options.max_problems, 1); }

    void problem(const table_view& v, std::int64_t line, int column, std::string found, tri expected, tri message,
                 std::string pointer = {}, errc code = errc::validation_error) {
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
        p.expected = expected[static_cast<std::size_t>(lang::en)];
        p.message = message[static_cast<std::size_t>(lang::en)];
        p.expected_in = std::move(expected);
        p.message_in = std::move(message);
        p.pointer = std::move(pointer);
        p.code = code;
        result.problems.push_back(std::move(p));
    }

    /// A bad cell: "expected <expected>, found "<cell>"" (or "a blank cell") in each language.
    void bad_cell(const table_view& v, std::size_t row, int spec, std::string_view cell, const tri& expected,
                  std::string pointer = {}, tri message = {}) {
        const int col = spec >= 0 ? v.column_of[static_cast<std::size_t>(spec)] : -1;
        if (message[static_cast<std::size_t>(lang::en)].empty()) {
            const std::string q = cell.empty() ? "" : detail::quoted(cell, 40);
            message = tr("forventet " + expected[0] + ", fant " + (cell.empty() ? std::string("en tom celle") : q),
                         "venta " + expected[1] + ", fann " + (cell.empty() ? std::string("ei tom celle") : q),
                         "expected " + expected[2] + ", found " + (cell.empty() ? std::string("a blank cell") : q));
        }
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
            problem(v, v.t->header_line, static_cast<int>(column), std::string(h), a_session_day(), no_session_on(*d));
            return std::nullopt;
        }
        for (const auto& s : base.sessions())
            if (!h.empty() && key_of(s.id) == key_of(h)) {
                if (s.days.size() == 1) return base.day_index(s.days.front());
                const std::string q = detail::quoted(s.id), n = std::to_string(s.days.size()),
                                  first = to_norwegian(s.days.front());
                problem(v, v.t->header_line, static_cast<int>(column), std::string(h),
                        tr("en dato", "ein dato", "a date"),
                        tr("samlingen " + q + " har " + n + " dager: gi hver dag sin egen kolonne med datoen som overskrift (" +
                               first + ", ...)",
                           "samlinga " + q + " har " + n + " dagar: gi kvar dag sin eigen kolonne med datoen som overskrift (" +
                               first + ", ...)",
                           "session " + q + " has " + n + " days: head one column per day with its date (" + first + ", ...)"));
                return std::nullopt;
            }
        if (must || looks_like_date(h)) {
            if (looks_like_date(h)) {
                problem(v, v.t->header_line, static_cast<int>(column), std::string(h), tr("en dato", "ein dato", "a date"),
                        not_a_date(h));
            } else {
                const std::string q = single_quoted(h);
                problem(v, v.t->header_line, static_cast<int>(column), std::string(h),
                        tr("en samlingsdag (18.09.2024 eller 2024-09-18) eller en samlings-ID",
                           "ein samlingsdag (18.09.2024 eller 2024-09-18) eller ein samlings-ID",
                           "a session day (2024-09-18 or 18.09.2024) or a session id"),
                        tr("ukjent kolonne " + q +
                               ": en bred oppmøtetabell har deltakerens ID, navnet og én kolonne per samlingsdag med "
                               "datoen (18.09.2024 eller 2024-09-18) eller ID-en til en éndagssamling som overskrift",
                           "ukjend kolonne " + q +
                               ": ein brei frammøtetabell har ID-en til deltakaren, namnet og éin kolonne per samlingsdag "
                               "med datoen (18.09.2024 eller 2024-09-18) eller ID-en til ei eindagssamling som overskrift",
                           "unknown column " + q +
                               ": a wide attendance table has the participant's id, their name and one column per "
                               "session day headed by its date (2024-09-18 or 18.09.2024) or a one-day session's id"));
            }
        } else {
            reported = false;
        }
        return std::nullopt;
    }

    std::string days_list(lang l) const {
        std::string out;
        const auto& days = base.days();
        for (std::size_t i = 0; i < days.size() && i < 12; ++i) out += (i ? ", " : "") + to_norwegian(days[i]);
        if (days.size() > 12) out += ", ...";
        return out.empty() ? t(l, "ingen", "ingen", "none") : out;
    }

    static tri a_session_day() { return tr("en samlingsdag", "ein samlingsdag", "a session day"); }
    static tri a_participant_id() { return tr("en deltaker-ID", "ein deltakar-ID", "a participant id"); }

    /// "a, b or c or blank" in each language.
    template <class E>
    static tri or_blank(const std::vector<value_name<E>>& names) {
        return each([&](lang l) { return names_of(names, l) + t(l, " eller tom", " eller tom", " or blank"); });
    }

    /// A second table of a kind there may be one of.
    void second_table(const table_view& v, const table_view& first) {
        const std::string q = detail::quoted(first.t->name, 40);
        problem(v, no_line, -1, "",
                each([&](lang l) { return t(l, "én ", "éin ", "one ") + table_word(v.kind, l); }),
                each([&](lang l) {
                    return t(l, "en ", "ein ", "a second ") + table_word(v.kind, l) + t(l, " til (den første er ", " til (den første er ", " (the first is ") + q + ")";
                }));
    }

    /// "no session is held on 2024-09-20 (session days: ...)" in each language.
    tri no_session_on(date d) const {
        return tr("det er ingen samling " + detail::day_text(d, lang::nb) + " (samlingsdager: " + days_list(lang::nb) + ")",
                  "det er inga samling " + detail::day_text(d, lang::nn) + " (samlingsdagar: " + days_list(lang::nn) + ")",
                  "no session is held on " + to_iso(d) + " (session days: " + days_list(lang::en) + ")");
    }

    table_view view_of(const sheet_table& t) {
        table_view v;
        v.t = &t;
        v.kind = t.kind != sheet_table_kind::unknown ? t.kind : table_kind_of(t.name);
        if (v.kind == sheet_table_kind::unknown) {
            const std::string q = detail::quoted(t.name, 40);
            problem(v, no_line, -1, t.name,
                    tr("deltakere, oppmøte, innleveringer eller fritak", "deltakarar, frammøte, innleveringar eller fritak",
                       "participants, attendance, submissions or exemptions"),
                    tr("ukjent tabell " + q +
                           ": forventet deltakere (participants), oppmøte (attendance), innleveringer (submissions) eller "
                           "fritak (exemptions)",
                       "ukjend tabell " + q +
                           ": venta deltakarar (participants), frammøte (attendance), innleveringar (submissions) eller "
                           "fritak (exemptions)",
                       "unknown table " + q +
                           ": expected participants (deltakere), attendance (oppmøte), submissions (innleveringer) or "
                           "exemptions (fritak)"));
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
                    const std::string q = single_quoted(list[static_cast<std::size_t>(s)].name),
                                      other = v.letter(static_cast<std::size_t>(slot));
                    problem(v, t.header_line, static_cast<int>(c), std::string(h),
                            tr("hver kolonne én gang", "kvar kolonne éin gong", "each column once"),
                            tr("kolonnen " + q + " er gitt to ganger (også kolonne " + other + ")",
                               "kolonnen " + q + " er gitt to gonger (også kolonne " + other + ")",
                               "column " + q + " is given twice (also column " + other + ")"));
                    continue;
                }
                slot = static_cast<int>(c);
                continue;
            }
            if (h.empty()) {
                if (!column_empty(t.columns[c])) {  // an unused column of a sheet is fine
                    const std::string cols = column_list(v.kind);
                    problem(v, t.header_line, static_cast<int>(c), "", tr("en overskrift", "ei overskrift", "a header"),
                            tr("verdier i en kolonne uten overskrift (gi den en av " + cols + " eller tøm den)",
                               "verdiar i ein kolonne utan overskrift (gi han ein av " + cols + " eller tøm han)",
                               "values in a column without a header (give it one of " + cols + " or clear it)"));
                }
                continue;
            }
            const bool day_table = v.wide || v.kind == sheet_table_kind::participants;
            if (v.wide && (key_of(h) == "name" || key_of(h) == "navn" || key_of(h) == "namn")) {
                v.name_column = static_cast<int>(c);
                continue;
            }
            if (day_table) {
                bool reported = false;
                if (auto d = header_day(v, c, v.wide, reported)) {
                    for (const auto& [oc, od] : v.day_columns)
                        if (od == *d) {
                            const date day = base.days()[*d];
                            const std::string other = v.letter(oc);
                            problem(v, t.header_line, static_cast<int>(c), std::string(h),
                                    tr("hver dag én gang", "kvar dag éin gong", "each day once"),
                                    tr("en kolonne til for " + detail::day_text(day, lang::nb) + " (også kolonne " + other + ")",
                                       "ein kolonne til for " + detail::day_text(day, lang::nn) + " (også kolonne " + other + ")",
                                       "a second column for " + to_iso(day) + " (also column " + other + ")"));
                            d.reset();
                            break;
                        }
                    if (d) v.day_columns.emplace_back(c, *d);
                    continue;
                }
                if (reported || v.wide) continue;
            }
            {
                const std::string q = single_quoted(h), cols = column_list(v.kind);
                const bool days = v.kind == sheet_table_kind::participants;
                problem(v, t.header_line, static_cast<int>(c), std::string(h),
                        tr("en kjent kolonne", "ein kjend kolonne", "a known column"),
                        tr("ukjent kolonne " + q + " (forventet " + cols + (days ? ", og samlingsdager" : "") + ")",
                           "ukjend kolonne " + q + " (venta " + cols + (days ? ", og samlingsdagar" : "") + ")",
                           "unknown column " + q + " (expected " + cols + (days ? ", and session days" : "") + ")"));
            }
        }
        for (std::size_t s = 0; s < list.size(); ++s) {
            if (!list[s].required || v.column_of[s] >= 0) continue;
            if (v.wide && s > 0) continue;
            std::string alias = list[s].aliases.empty() ? "" : list[s].aliases.front();
            if (key_of(alias) == key_of(list[s].name) && list[s].aliases.size() > 1) alias = list[s].aliases[1];
            const std::string q = single_quoted(list[s].name);
            const bool other = !alias.empty() && key_of(alias) != key_of(list[s].name);
            const std::string qa = other ? single_quoted(alias) : "";
            problem(v, no_line, -1, "", tr(list[s].name, list[s].name, list[s].name),
                    tr("mangler kolonnen " + q + (other ? " (eller " + qa + ")" : ""),
                       "manglar kolonnen " + q + (other ? " (eller " + qa + ")" : ""),
                       "missing column " + q + (other ? " (or " + qa + ")" : "")));
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
        by_id.reserve(n);
        for (std::size_t row = 0; row < n; ++row) {
            if (full()) return;
            if (v.blank_row(row)) continue;
            const std::size_t i = people.size();
            const std::string at = at_person(i);
            participant p;
            bool bad = false;
            auto text = [&](int spec, const char* member, const tri& expected, bool required) {
                const std::string_view c = v.get(spec, row);
                if (c.empty() && required) {
                    bad_cell(v, row, spec, c, expected, at + member);
                    bad = true;
                }
                return std::string(c);
            };
            p.id = text(0, "/id", a_participant_id(), true);
            p.name = text(1, "/name", tr("deltakerens navn", "namnet til deltakaren", "the participant's name"), true);
            std::string number(v.get(2, row));
            if (all_digits(number) && number.size() < 4) number.insert(0, 4 - number.size(), '0');
            if (number.size() == 6 && number.ends_with(".0") && all_digits(number.substr(0, 4))) number.resize(4);
            if (number.size() != 4 || !all_digits(number)) {
                bad_cell(v, row, 2, v.get(2, row),
                         tr("et firesifret kommunenummer (0301, 3905)", "eit firesifra kommunenummer (0301, 3905)",
                            "a 4-digit municipality number (0301, 3905)"),
                         at + "/municipality/number");
                bad = true;
            }
            p.municipality.number = std::move(number);
            p.municipality.name =
                text(3, "/municipality/name", tr("kommunens navn", "namnet på kommunen", "the municipality's name"), true);
            p.role = text(4, "/role",
                          tr("deltakerens rolle (lærer, rektor, ...)", "rolla til deltakaren (lærar, rektor, ...)",
                             "the participant's role (lærer, rektor, ...)"),
                          true);
            const std::string_view sec = v.get(5, row);
            if (auto s = lookup(sector_values, sec)) {
                p.sector = *s;
            } else {
                const std::string q = detail::quoted(sec, 40);
                bad_cell(v, row, 5, sec, each([](lang l) { return names_of(sector_values, l); }), at + "/sector",
                         tr((sec.empty() ? std::string("sektor mangler (tom celle)") : "ukjent sektor " + q) +
                                ": forventet " + names_of(sector_values, lang::nb),
                            (sec.empty() ? std::string("sektor manglar (tom celle)") : "ukjend sektor " + q) +
                                ": venta " + names_of(sector_values, lang::nn),
                            (sec.empty() ? std::string("expected a sector, found a blank cell") : "unknown sector " + q) +
                                ": expected " + names_of(sector_values, lang::en)));
                bad = true;
            }
            const std::string_view email = v.get(6, row), phone = v.get(7, row);
            if (!email.empty() || !phone.empty()) p.contact = contact_info{std::string(email), std::string(phone)};
            const std::string_view fr = v.get(8, row);
            if (!fr.empty()) {
                if (auto r = lookup(festival_values, fr)) {
                    p.festival_role = *r;
                } else {
                    const tri words = or_blank(festival_values);
                    const std::string q = detail::quoted(fr, 40);
                    bad_cell(v, row, 8, fr, words, at + "/festival_role",
                             tr("ukjent festivalrolle " + q + ": forventet " + words[0],
                                "ukjend festivalrolle " + q + ": venta " + words[1],
                                "unknown festival role " + q + ": expected " + words[2]));
                    bad = true;
                }
            }
            if (!p.id.empty()) {
                const auto [it, fresh] = by_id.emplace(p.id, static_cast<std::uint32_t>(i));
                if (!fresh) {
                    const std::int64_t first = person_origin[it->second].view->line(person_origin[it->second].row);
                    const std::string q = detail::quoted(p.id);
                    problem(v, v.line(row), v.column_of[0], p.id,
                            tr("en deltaker-ID som bare brukes én gang", "ein deltakar-ID som berre blir brukt éin gong",
                               "a participant id used once"),
                            tr("deltaker-ID-en " + q + " er brukt før (" + first_at(first, lang::nb) + ")",
                               "deltakar-ID-en " + q + " er brukt før (" + first_at(first, lang::nn) + ")",
                               "duplicate participant id " + q + " (" + first_at(first, lang::en) + ")"),
                            at + "/id");
                    bad = true;
                } else if (base.find(p.id)) {
                    const std::string q = detail::quoted(p.id);
                    bad_cell(v, row, 0, p.id, tr("en ny deltaker-ID", "ein ny deltakar-ID", "a new participant id"), at + "/id",
                             tr("deltakeren " + q + " er allerede i kullet", "deltakaren " + q + " er alt i kullet",
                                "participant " + q + " is already in the cohort"));
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
            const date d = base.days()[day];
            const std::string iso = to_iso(d), q = detail::quoted(people[person].id);
            problem(v, v.line(row), column, std::string(found),
                    tr("én registrering per deltaker og dag", "éi registrering per deltakar og dag",
                       "one record per participant and day"),
                    tr("en registrering til for deltaker " + q + " " + detail::day_text(d, lang::nb) + " (" +
                           first_at(line, lang::nb) + ")",
                       "ei registrering til for deltakar " + q + " " + detail::day_text(d, lang::nn) + " (" +
                           first_at(line, lang::nn) + ")",
                       "a second record for participant " + q + " on " + iso + " (" + first_at(line, lang::en) + ")"),
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
        const std::string q = detail::quoted(cell, 40);
        problem(v, v.line(row), column, std::string(cell), vocabulary_words,
                tr("ukjent oppmøtestatus " + q + ": forventet " + vocabulary_words[0],
                   "ukjend frammøtestatus " + q + ": venta " + vocabulary_words[1],
                   "unknown attendance status " + q + ": expected " + vocabulary_words[2]),
                person == UINT32_MAX ? std::string() : detail::pointer_append(at_person(person) + "/attendance", day_key));
        if (person != UINT32_MAX) person_bad[person] = true;
    }

    /// The participant a row of a table names, or UINT32_MAX (reported).
    std::uint32_t owner(const table_view& v, std::size_t row, int spec = 0) {
        const std::string_view id = v.get(spec, row);
        if (id.empty()) {
            bad_cell(v, row, spec, id, a_participant_id());
            return UINT32_MAX;
        }
        const auto it = by_id.find(id);
        if (it == by_id.end()) {
            const std::string q = detail::quoted(id, 40);
            bad_cell(v, row, spec, id,
                     tr("ID-en til en deltaker i deltakertabellen", "ID-en til ein deltakar i deltakartabellen",
                        "the id of a participant in the participants table"),
                     {},
                     tr("ingen deltaker " + q + " i deltakertabellen", "ingen deltakar " + q + " i deltakartabellen",
                        "no participant " + q + " in the participants table"));
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
                    bad_cell(v, row, 1, day_text, a_session_day(), at.empty() ? "" : detail::pointer_append(at, to_iso(*d)),
                             no_session_on(*d));
            } else {
                bad_cell(v, row, 1, day_text, a_date(), at.empty() ? "" : detail::pointer_append(at, day_text),
                         day_text.empty() ? tri{} : not_a_date(day_text));
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
                bad_cell(v, row, spec, c, a_date(), pointer);
                bad = true;
            }
            return std::nullopt;
        }
        auto d = parse_sheet_date(c);
        if (!d) {
            bad_cell(v, row, spec, c, a_date(), pointer, looks_like_date(c) ? not_a_date(c) : tri{});
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
                const std::string q = detail::quoted(kind, 40);
                const tri words = each([](lang l) { return names_of(kind_values, l); });
                bad_cell(v, row, 1, kind, words, ptr("/kind"),
                         tr((kind.empty() ? std::string("innleveringstypen mangler (tom celle)") : "ukjent innleveringstype " + q) +
                                ": forventet " + words[0],
                            (kind.empty() ? std::string("innleveringstypen manglar (tom celle)") : "ukjend innleveringstype " + q) +
                                ": venta " + words[1],
                            (kind.empty() ? std::string("expected a submission kind, found a blank cell")
                                          : "unknown submission kind " + q) +
                                ": expected " + words[2]));
                bad = true;
            }
            if (auto d = date_cell(v, row, 2, ptr("/date"), true, bad)) s.on = *d;
            const std::string_view st = v.get(3, row);
            if (!st.empty()) {
                if (auto x = lookup(status_values, st)) {
                    s.status = *x;
                } else {
                    const std::string q = detail::quoted(st, 40);
                    const tri words = each([](lang l) { return names_of(status_values, l); });
                    bad_cell(v, row, 3, st, words, ptr("/status"),
                             tr("ukjent innleveringsstatus " + q + ": forventet " + words[0] + " eller tom (levert)",
                                "ukjend innleveringsstatus " + q + ": venta " + words[1] + " eller tom (levert)",
                                "unknown submission status " + q + ": expected " + words[2] + " or blank (submitted)"));
                    bad = true;
                }
            }
            const std::string_view pages = v.get(4, row);
            if (!pages.empty()) {
                const auto pn = whole_number(pages);
                if (pn && *pn >= 1 && *pn <= 10000)
                    s.pages = static_cast<std::uint16_t>(*pn);
                else {
                    bad_cell(v, row, 4, pages,
                             tr("et antall sider fra 1 til 10000", "eit tal sider frå 1 til 10000", "a page count from 1 to 10000"),
                             ptr("/pages"));
                    bad = true;
                }
            }
            const std::string_view cat = v.get(5, row);
            if (!cat.empty()) {
                if (auto x = lookup(category_values, cat)) {
                    s.category = *x;
                } else {
                    const std::string q = detail::quoted(cat, 40);
                    const tri words = or_blank(category_values);
                    bad_cell(v, row, 5, cat, each([](lang l) { return names_of(category_values, l); }), ptr("/category"),
                             tr("ukjent kategori for avsluttende tekst " + q + ": forventet " + words[0],
                                "ukjend kategori for avsluttande tekst " + q + ": venta " + words[1],
                                "unknown final text category " + q + ": expected " + words[2]));
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
                             tr("ingen vurdering for en innlevering som bare er levert",
                                "inga vurdering for ei innlevering som berre er levert",
                                "no decision for a submission that is only submitted"),
                             ptr(by.empty() ? "/decided_on" : "/decided_by"),
                             tr("et levert dokument er ikke vurdert: sett statusen til godkjent eller avvist, eller la "
                                "vurdert av og vurdert dato stå tomme",
                                "eit levert dokument er ikkje vurdert: set statusen til godkjent eller avvist, eller la "
                                "vurdert av og vurdert dato stå tomme",
                                "a submitted document has no decision: set the status to approved (godkjent) or rejected "
                                "(avvist), or leave who decided and when blank"));
                    bad = true;
                } else if (by.empty() || !on) {
                    if (!bad)
                        bad_cell(v, row, by.empty() ? 7 : 8, "",
                                 by.empty() ? tr("hvem som vurderte", "kven som vurderte", "who decided")
                                            : tr("datoen for vurderingen", "datoen for vurderinga", "the date of the decision"),
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
            const tri a_requirement = tr("en krav-ID i programmet", "ein krav-ID i programmet", "a requirement id of the programme");
            if (e.requirement.empty()) {
                bad_cell(v, row, 1, "", a_requirement, ptr("/requirement"));
                bad = true;
            } else if (!base.programme().find_requirement(e.requirement)) {
                std::string ids;
                for (const auto& q : base.programme().requirements) ids += (ids.empty() ? "" : ", ") + q.id;
                const std::string q = detail::quoted(e.requirement, 40), prog = "\"" + base.programme().id + "\"";
                bad_cell(v, row, 1, e.requirement,
                         each([&](lang l) { return a_requirement[static_cast<std::size_t>(l)] + " (" + ids + ")"; }),
                         ptr("/requirement"),
                         tr("ukjent krav " + q + " i programmet " + prog + " (kravene er: " + ids + ")",
                            "ukjent krav " + q + " i programmet " + prog + " (krava er: " + ids + ")",
                            "unknown requirement " + q + " for programme " + prog + " (its requirements: " + ids + ")"));
                bad = true;
            }
            if (e.reason.empty()) {
                bad_cell(v, row, 2, "", tr("begrunnelsen for fritaket", "grunngivinga for fritaket", "the reason for the exemption"),
                         ptr("/reason"));
                bad = true;
            }
            if (e.granted_by.empty()) {
                bad_cell(v, row, 3, "",
                         tr("hvem som innvilget fritaket", "kven som innvilga fritaket", "who granted the exemption"),
                         ptr("/granted_by"));
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
                problem(*v, v->line(row), col, found, {}, same(e.message()), ptr, e.code());
                return;
            }
        }
        if (v) {
            problem(*v, no_line, -1, "", {}, same(e.message()), ptr, e.code());
        } else if (!full()) {
            result.problems.push_back(sheet_problem{"", -1, "", "", "", "", e.message(), ptr, e.code(), {}, same(e.message())});
        }
    }

    void run(const std::vector<sheet_table>& tables) {
        // a file that could not be read as a table: its problems alone, since what the
        // other tables refer to may be in the part that was not read
        for (const auto& t : tables)
            for (const auto& p : t.problems) {
                if (full()) {
                    result.truncated = true;
                    return;
                }
                result.problems.push_back(p);
            }
        if (!result.problems.empty()) return;
        std::vector<table_view> views;
        views.reserve(tables.size());
        for (const auto& t : tables) views.push_back(view_of(t));
        const table_view* participants_view = nullptr;
        for (const auto& v : views) {
            if (v.kind != sheet_table_kind::participants) continue;
            if (participants_view) {
                second_table(v, *participants_view);
                continue;
            }
            participants_view = &v;
        }
        for (auto kind : {sheet_table_kind::submissions, sheet_table_kind::exemptions}) {
            const table_view* first = nullptr;
            for (const auto& v : views)
                if (v.kind == kind) {
                    if (first)
                        second_table(v, *first);
                    else
                        first = &v;
                }
        }
        if (!participants_view) {
            if (!full()) {
                sheet_problem p;
                p.expected_in = tr("deltakere", "deltakarar", "participants");
                p.message_in = tr("ingen deltakertabell (et ark som heter deltakere eller participants)",
                                  "ingen deltakartabell (eit ark som heiter deltakarar, deltakere eller participants)",
                                  "no participants table (a sheet named participants or deltakere)");
                p.expected = p.expected_in[2];
                p.message = p.message_in[2];
                result.problems.push_back(std::move(p));
            }
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
            const std::string n = std::to_string(*cap), next = std::to_string(*cap + 1);
            const bool one = *cap == 1;
            problem(*o.view, o.view->line(o.row), -1, "",
                    tr("høyst " + n + (one ? " deltaker" : " deltakere"), "høgst " + n + (one ? " deltakar" : " deltakarar"),
                       "at most " + n + " participants"),
                    tr("kullet har " + n + (one ? " plass" : " plasser") + ": deltaker nr. " + next + " er én for mye",
                       "kullet har " + n + (one ? " plass" : " plassar") + ": deltakar nr. " + next + " er éin for mykje",
                       "the cohort has " + n + (one ? " seat" : " seats") + ": participant " + next + " is one too many"),
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
