// Norwegian public holidays (offentlige høytidsdager) and the check that warns about
// sessions held on one of them or on a weekend (domain.md, "Calendars and holidays").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

/// The Norwegian public holidays, in calendar order within a year.
enum class holiday_kind : std::uint8_t {
    new_years_day,     ///< 1 January
    maundy_thursday,   ///< Easter Sunday - 3
    good_friday,       ///< Easter Sunday - 2
    easter_sunday,
    easter_monday,     ///< Easter Sunday + 1
    labour_day,        ///< 1 May
    constitution_day,  ///< 17 May
    ascension_day,     ///< Easter Sunday + 39
    whit_sunday,       ///< Easter Sunday + 49
    whit_monday,       ///< Easter Sunday + 50
    christmas_day,     ///< 25 December
    boxing_day,        ///< 26 December
};
/// "new_years_day", "maundy_thursday", ...
const char* to_string(holiday_kind k) noexcept;
/// The holiday's name: "Første påskedag" / "Første påskedag" / "Easter Sunday".
const char* holiday_name(holiday_kind k, lang l) noexcept;

struct holiday {
    date day;
    holiday_kind kind = holiday_kind::new_years_day;
    friend bool operator==(const holiday&, const holiday&) = default;
};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian computus).
/// Throws smart::error(invalid_argument) for a year outside 1583–9999.
date easter_sunday(int year);
/// The public holidays of `year` in date order (12 days). Throws like easter_sunday().
std::vector<holiday> holidays_in(int year);
/// The public holiday on `d`, or nullopt (also for not a date and years outside 1583–9999).
std::optional<holiday> public_holiday(date d);

/// Why a session day deserves a look.
enum class schedule_warning_reason : std::uint8_t { holiday, saturday, sunday };
const char* to_string(schedule_warning_reason r) noexcept;  ///< "holiday", "saturday", "sunday"

/// A session day on a public holiday or a weekend: a warning, not an error.
struct schedule_warning {
    std::size_t session = 0;  ///< position in the schedule checked
    std::string session_id;
    date day;
    schedule_warning_reason reason = schedule_warning_reason::holiday;
    /// The holiday when reason is holiday (a holiday on a Sunday is reported as the holiday).
    std::optional<holiday_kind> holiday;
    friend bool operator==(const schedule_warning&, const schedule_warning&) = default;
};

/// One warning per session day that falls on a Norwegian public holiday, a Saturday or a
/// Sunday, in schedule order. Works on any schedule (a cohort's, a programme's, an
/// agreement's plan turned into sessions); undated sessions give none.
std::vector<schedule_warning> check_schedule_days(const std::vector<session>& sessions);
/// The warning as a sentence in `l`: "Økten «s3» 17.5.2025 faller på grunnlovsdag, en
/// offentlig høytidsdag" / "Session «s3» on 17 May 2025 falls on Constitution Day, a public
/// holiday".
std::string describe(const schedule_warning& w, lang l);
/// The warnings as a JSON array, one object per warning: session (id), day (ISO 8601),
/// reason ("holiday"/"saturday"/"sunday"), holiday (its name in to_string(), else null)
/// and message (describe() in `l`). What the C ABI and the CLI hand out.
std::string schedule_warnings_to_json(const std::vector<schedule_warning>& warnings, lang l);

}  // namespace smart
