// iCalendar (RFC 5545) export: a generic event model and its writer (independent of
// cohorts, so any plan can become a calendar), and the events of a cohort's schedule and
// of one participant's own dates (docs/calendar.md).
#pragma once

#include <boost/date_time/posix_time/ptime.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

class cohort;

/// A reminder shown before an event (VALARM, ACTION:DISPLAY).
struct calendar_alarm {
    std::uint32_t minutes_before = 0;  ///< before the event's start (an all-day event: its midnight)
    std::string description;           ///< the reminder's text; the summary when empty
    friend bool operator==(const calendar_alarm&, const calendar_alarm&) = default;
};

/// One calendar entry: all-day over the days first..last (inclusive), or timed on
/// `first` from `start` to `end` local time in Europe/Oslo.
struct calendar_event {
    /// Stable identity: the same entry gets the same uid in every export (never derived
    /// from its dates), so a calendar updates it instead of adding another.
    std::string uid;
    std::string summary;
    std::string description;  ///< may be empty
    date first;
    date last;                          ///< all-day: the last day (>= first); timed: ignored
    std::optional<time_of_day> start;   ///< set: a timed event (then `end` is needed)
    std::optional<time_of_day> end;     ///< after start, same day
    std::optional<calendar_alarm> alarm;
    std::vector<std::string> categories;  ///< CATEGORIES, e.g. "gathering", "deadline"

    bool timed() const noexcept { return start.has_value(); }
    friend bool operator==(const calendar_event&, const calendar_event&) = default;
};

struct icalendar_options {
    /// The calendar's name (X-WR-CALNAME); none when empty.
    std::string name;
    /// The previous export of this calendar ("" = none): an event whose uid it holds keeps
    /// its SEQUENCE when unchanged and gets SEQUENCE + 1 when changed (compared by the
    /// X-SMART-FINGERPRINT the writer puts on each event); a new uid starts at 0. An event
    /// of the previous export whose uid is not among `events` is written again as
    /// STATUS:CANCELLED (its old dates and summary, SEQUENCE + 1 the first time), so
    /// calendars holding it drop it.
    std::string previous;
    /// DTSTAMP of every event, UTC; default: now.
    std::optional<boost::posix_time::ptime> stamp;

    /// The options from a face's plain arguments: the calendar's name, the previous export
    /// (empty = none) and DTSTAMP as seconds since 1970-01-01 UTC (nullopt = now).
    static icalendar_options from(std::string name, std::string previous, std::optional<std::int64_t> stamp_seconds);
};

/// The events as a VCALENDAR (VERSION 2.0, PRODID, CALSCALE GREGORIAN): CRLF line ends,
/// lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped
/// (backslash, ';', ',', newlines). Timed events use DTSTART;TZID=Europe/Oslo with a
/// VTIMEZONE for Europe/Oslo (the EU summer-time rules) included whenever one is timed;
/// all-day events use VALUE=DATE with the exclusive DTEND. Throws
/// smart::error(invalid_argument) for an event without uid or summary, an all-day one whose
/// last day is before its first, a timed one without end or with end not after start, two
/// events with one uid, and a `previous` that is not an iCalendar text.
std::string write_icalendar(const std::vector<calendar_event>& events, const icalendar_options& options = {});

/// The content fingerprint the writer stores as X-SMART-FINGERPRINT: 16 hex digits over
/// everything of the event but its uid (FNV-1a, 64 bits).
std::string fingerprint(const calendar_event& e);

/// "smart.<programme id>.<cohort id>.<parts...>@smart": parts joined with '.', each
/// percent-encoded outside [A-Za-z0-9_-] so the joins cannot collide.
std::string calendar_uid(std::string_view programme_id, std::string_view cohort_id,
                         const std::vector<std::string>& parts);

/// One event per session of the cohort: a session on consecutive days is one all-day event
/// spanning them; one on days with gaps gives an event per run of consecutive days; a
/// timed session (start and end known) one timed event per day. Summary: the session's
/// theme (else its kind and number) after the programme's name, in `l`; description: the
/// session's description, the between-session work and the cohort's label. UIDs from
/// programme id, cohort id, session id and kind (the first run or day keeps the plain
/// uid, later ones add their position: ".2", ".3", ...), never from dates or names.
std::vector<calendar_event> cohort_events(const cohort& c, lang l);

/// One participant's own dates: the cohort's events (the same uids: they are the same
/// entries) and, as all-day events marked "Frist:" / "Deadline:", the deadlines that
/// apply to them: the closing day of every note interval, the portfolio's deadline, the
/// final-text deadline (none for a requirement they are exempt from) and every session's
/// between-session work due date. Deadline uids name the requirement or session, not the
/// participant (the deadlines are the cohort's). A withdrawn participant's (a withdrawal
/// recorded, whatever its date) has nothing after the withdrawal date: later events are
/// left out and an all-day run across it ends on it. Throws not_found for an unknown id.
std::vector<calendar_event> participant_events(const cohort& c, std::string_view participant_id, lang l);

}  // namespace smart
