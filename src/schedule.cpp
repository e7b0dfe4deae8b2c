#include "smart/schedule.hpp"

#include <array>
#include <set>

#include "smart/detail/names.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/limits.hpp"

namespace smart {

namespace {
bool digits(std::string_view s, std::size_t from, std::size_t n, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        const char ch = s[i];
        if (ch < '0' || ch > '9') return false;
        value = value * 10 + (ch - '0');
    }
    return true;
}
}  // namespace

date parse_date(std::string_view text, const std::string& pointer) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, y) || !digits(text, 5, 2, m) ||
        !digits(text, 8, 2, d))
        throw error(errc::parse_error, "expected a date \"YYYY-MM-DD\", got " + detail::quoted(text, 40), pointer);
    // Boost's range is 1400–9999; check the day exists without relying on exceptions
    // for the common case.
    static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int last = m >= 1 && m <= 12 ? month_days[m - 1] + (m == 2 && leap ? 1 : 0) : 0;
    if (y < limits::first_year || y > limits::last_year)
        throw error(errc::parse_error,
                    "\"" + std::string(text) + "\" is outside the supported dates, " + std::to_string(limits::first_year) +
                        "-01-01 to " + std::to_string(limits::last_year) + "-12-31",
                    pointer);
    if (m < 1 || m > 12 || d < 1 || d > last)
        throw error(errc::parse_error, "\"" + std::string(text) + "\" is not a calendar date", pointer);
    return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

std::string to_iso(date d) {
    if (d.is_special()) return {};
    const auto ymd = d.year_month_day();
    const int y = ymd.year, m = ymd.month, day = ymd.day;  // year is 1400–9999
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + y / 1000);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + day / 10);
    out[9] = static_cast<char>('0' + day % 10);
    return out;
}

std::string to_norwegian(date d) {
    if (d.is_special()) return {};
    const auto ymd = d.year_month_day();
    return std::to_string(static_cast<int>(ymd.day)) + "." + std::to_string(static_cast<int>(ymd.month)) + "." +
           std::to_string(static_cast<int>(ymd.year));
}

time_of_day parse_time(std::string_view text, const std::string& pointer) {
    int h = 0, m = 0;
    if (text.size() != 5 || text[2] != ':' || !digits(text, 0, 2, h) || !digits(text, 3, 2, m) || h > 23 || m > 59)
        throw error(errc::parse_error, "expected a time \"HH:MM\" (00:00–23:59), got " + detail::quoted(text, 40),
                    pointer);
    return {static_cast<std::uint8_t>(h), static_cast<std::uint8_t>(m)};
}

std::string to_string(time_of_day t) {
    std::string out(5, ':');
    out[0] = static_cast<char>('0' + t.hour / 10);
    out[1] = static_cast<char>('0' + t.hour % 10);
    out[3] = static_cast<char>('0' + t.minute / 10);
    out[4] = static_cast<char>('0' + t.minute % 10);
    return out;
}

namespace {
constexpr std::array<const char*, 4> session_kind_names{"gathering", "festival", "kick_off", "other"};
}  // namespace

const char* to_string(session_kind k) noexcept { return detail::name_of(k, session_kind_names); }
session_kind parse_session_kind(std::string_view s) {
    return detail::parse_name<session_kind>(s, session_kind_names, "session kind");
}

namespace {
/// A session's texts (docs/format.md, "Text"): what it is called and links are one line,
/// what describes it (theme, description, between-session work) is free text.
void check_session_texts(const session& s, const std::string& at) {
    using detail::check_text;
    using detail::text_kind;
    check_text(s.theme, "session theme", at + "/theme", text_kind::multiline);
    check_text(s.description, "session description", at + "/description", text_kind::multiline);
    for (std::size_t i = 0; i < s.focus_areas.size(); ++i)
        check_text(s.focus_areas[i], "focus area", detail::pointer_append(at + "/focus_areas", i));
    for (std::size_t i = 0; i < s.resources.size(); ++i) {
        const resource& r = s.resources[i];
        const std::string rp = detail::pointer_append(at + "/resources", i);
        check_text(r.title, "resource title", rp + "/title");
        check_text(r.kind, "resource kind", rp + "/kind", text_kind::line, limits::name_chars);
        check_text(r.url, "resource URL", rp + "/url");
    }
    if (s.work)
        check_text(s.work->description, "between-session work", at + "/between_session_work/description",
                   text_kind::multiline);
}
}  // namespace

void validate_sessions(const std::vector<session>& sessions, const std::string& pointer, bool allow_undated) {
    std::set<std::string_view> ids;
    date previous_last(boost::gregorian::not_a_date_time);
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const session& s = sessions[i];
        const std::string at = detail::pointer_append(pointer, i);
        detail::check_identifier(s.id, "session", at + "/id");
        if (!ids.insert(s.id).second)
            throw error(errc::validation_error, "duplicate session id \"" + s.id + "\"", at + "/id");
        check_session_texts(s, at);
        if (s.days.empty()) {
            if (!allow_undated)
                throw error(errc::validation_error, "expected at least one day for session \"" + s.id + "\"",
                            at + "/days");
            continue;
        }
        for (std::size_t d = 0; d < s.days.size(); ++d) {
            if (s.days[d].is_special())
                throw error(errc::validation_error, "expected a date", detail::pointer_append(at + "/days", d));
            if (d > 0 && s.days[d] <= s.days[d - 1])
                throw error(errc::validation_error,
                            "days must be in strictly increasing order (" + to_iso(s.days[d]) + " follows " +
                                to_iso(s.days[d - 1]) + ")",
                            detail::pointer_append(at + "/days", d));
        }
        if (!previous_last.is_special() && s.days.front() <= previous_last)
            throw error(errc::validation_error,
                        "sessions must be in date order and share no day (" + to_iso(s.days.front()) +
                            " is not after " + to_iso(previous_last) + ")",
                        detail::pointer_append(at + "/days", std::size_t{0}));
        previous_last = s.days.back();
        if (s.start && s.end && !(*s.start < *s.end))
            throw error(errc::validation_error, "end time must be after start time", at + "/end");
        if (s.work && s.work->due && s.work->due->is_special())
            throw error(errc::validation_error, "expected a date", at + "/between_session_work/due");
    }
}

}  // namespace smart
