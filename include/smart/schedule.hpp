// Dates, times of day and sessions (gatherings, the festival, kick-offs, ...).
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smart/text.hpp"

namespace smart {

/// Calendar dates are Boost.Date_Time's Gregorian dates everywhere in the C++ API.
using date = boost::gregorian::date;

/// Parses a strict ISO 8601 calendar date "YYYY-MM-DD" (no other form). Throws
/// smart::error(parse_error) naming `pointer` for text that is not such a date or names a
/// day that does not exist (2025-02-29).
date parse_date(std::string_view text, const std::string& pointer = {});
/// "YYYY-MM-DD".
std::string to_iso(date d);
/// "9.4.2025" — the Norwegian way of writing a date, used in explanations.
std::string to_norwegian(date d);

/// A local time of day (Europe/Oslo), minute precision.
struct time_of_day {
    std::uint8_t hour = 0;
    std::uint8_t minute = 0;
    friend auto operator<=>(const time_of_day&, const time_of_day&) = default;
};
/// Parses "HH:MM" (00:00–23:59). Throws smart::error(parse_error) naming `pointer`.
time_of_day parse_time(std::string_view text, const std::string& pointer = {});
/// "HH:MM".
std::string to_string(time_of_day t);

/// What a session is. Only gatherings count for attendance by default; the festival has
/// its own requirement.
enum class session_kind : std::uint8_t { gathering, festival, kick_off, other };
const char* to_string(session_kind k) noexcept;
/// Throws smart::error(invalid_argument) for an unknown name.
session_kind parse_session_kind(std::string_view s);

/// A resource handed out with a session (presentation, film, PDF, model, link, ...).
struct resource {
    std::string title;
    std::string kind;  ///< free text such as "presentation", "film", "pdf", "model", "link"
    std::string url;   ///< may be empty
    friend bool operator==(const resource&, const resource&) = default;
};

/// Assignments between sessions (mellomarbeid), with the day they are due.
struct between_session_work {
    localized_text description;
    std::optional<date> due;
    friend bool operator==(const between_session_work&, const between_session_work&) = default;
};

/// One session of a cohort: one or more days in increasing order.
struct session {
    std::string id;
    session_kind kind = session_kind::gathering;
    std::vector<date> days;                 ///< strictly increasing; empty only in a template
    std::optional<time_of_day> start;       ///< local time Europe/Oslo, if known
    std::optional<time_of_day> end;         ///< after start when both are given
    localized_text theme;
    localized_text description;
    std::vector<std::string> focus_areas;
    std::vector<resource> resources;
    std::optional<between_session_work> work;

    date first_day() const { return days.front(); }
    date last_day() const { return days.back(); }
    friend bool operator==(const session&, const session&) = default;
};

/// Checks a schedule: ids unique and non-empty, every session has days in strictly
/// increasing order, sessions ordered by date and sharing no day, end after start.
/// `allow_undated`: a programme's template schedule may hold sessions with no days yet
/// (a cohort's schedule may not). Throws smart::error(validation_error) naming
/// `pointer`/<index>/... of the bad value.
void validate_sessions(const std::vector<session>& sessions, const std::string& pointer,
                       bool allow_undated = false);

}  // namespace smart
