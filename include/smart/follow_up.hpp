// Follow-up without a certificate (domain.md, "Follow-up without a certificate";
// docs/follow-up.md): per participant and gathering, attendance and whether the
// between-session work (mellomarbeid) was delivered by its due date, as of a date. A
// follow-up status, never a certificate status: it makes nobody "eligible".
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/text.hpp"

namespace smart {

inline constexpr std::string_view follow_up_format = "smart.follow_up/1";

/// Attendance at one gathering as of a date (the as-of day itself has happened).
enum class follow_up_attendance : std::uint8_t {
    present,       ///< present on every day held
    late,          ///< attended every day held, late on at least one
    partly,        ///< attended some of the days held, not all (multi-day gatherings)
    excused,       ///< attended none, excused
    absent,        ///< attended none, absent on at least one day
    not_recorded,  ///< held, nothing recorded
    not_yet,       ///< the gathering's first day is after the as-of date
    withdrawn,     ///< nothing recorded, held on or after the participant's withdrawal
};
inline constexpr std::size_t follow_up_attendance_count = 8;

/// The between-session work of one gathering as of a date.
enum class work_status : std::uint8_t {
    no_work,    ///< the gathering has no between-session work
    delivered,  ///< submitted or approved, dated on or before the due date
    late,       ///< submitted or approved, dated after the due date
    missing,    ///< nothing delivered and the due day has passed (as of it or later)
    not_due,    ///< nothing delivered yet, the due date is after the as-of date (or none set)
    rejected,   ///< only rejected work, nothing else delivered
    withdrawn,  ///< nothing delivered, due on or after the participant's withdrawal
};
inline constexpr std::size_t work_status_count = 7;

const char* to_string(follow_up_attendance a) noexcept;
const char* to_string(work_status w) noexcept;
follow_up_attendance parse_follow_up_attendance(std::string_view s);  ///< throws invalid_argument
work_status parse_work_status(std::string_view s);                    ///< throws invalid_argument
/// The word for people ("levert" / "levert" / "delivered").
const char* label(follow_up_attendance a, lang l) noexcept;
const char* label(work_status w, lang l) noexcept;

/// The words around a follow-up, by key, in `l`: the headings of its table ("follow_up",
/// "gathering", "attendance", "work", "due", "delivered_on", "withdrawn") and the hint shown
/// when a programme without certificate rules is evaluated ("no_certificate_hint"). Throws
/// invalid_argument for an unknown key, naming the keys.
const char* follow_up_heading(std::string_view key, lang l);
/// Every key of follow_up_heading, in order.
const std::vector<std::string_view>& follow_up_heading_keys();

/// One participant at one followed gathering.
struct follow_up_entry {
    follow_up_attendance attendance = follow_up_attendance::not_yet;
    std::uint32_t days_attended = 0;  ///< days present or late, on or before the as-of date
    std::uint32_t days_held = 0;      ///< the gathering's days on or before the as-of date
    work_status work = work_status::no_work;
    /// The work that decided `work` (delivered, late: the earliest counted one; rejected:
    /// the latest rejected one): its position in the participant's submissions.
    std::optional<std::size_t> submission;
    std::optional<date> delivered_on;          ///< that submission's date
    std::optional<submission_status> review;   ///< that submission's status
    std::int32_t days_late = 0;                ///< late: days after the due date
    friend bool operator==(const follow_up_entry&, const follow_up_entry&) = default;
};

/// Counts by status, indexed by the enum's value.
using attendance_counts = std::array<std::uint32_t, follow_up_attendance_count>;
using work_counts = std::array<std::uint32_t, work_status_count>;

/// A followed gathering: every session of kind gathering, and any other session with
/// between-session work, in schedule order.
struct follow_up_gathering {
    std::size_t session = 0;  ///< index into cohort::sessions()
    bool held = false;        ///< its first day is on or before the as-of date
    std::optional<date> due;  ///< its between-session work's due date
    bool has_work = false;
    attendance_counts attendance{};  ///< over all participants
    work_counts work{};              ///< over all participants (no_work for each when !has_work)
};

struct follow_up_participant {
    bool withdrawn = false;  ///< withdrawn on or before the as-of date
    std::vector<follow_up_entry> entries;  ///< one per followed gathering, same order
    attendance_counts attendance{};
    work_counts work{};
};

/// A cohort followed up as of a date. Holds a copy of the cohort as evaluated (cheap:
/// copy-on-write), so it stays valid when the cohort changes.
struct follow_up {
    smart::cohort cohort;
    date as_of;
    std::vector<follow_up_gathering> gatherings;
    std::vector<follow_up_participant> participants;  ///< in the cohort's order

    /// One sentence about participant `p` at gathering `g` (attendance and work, with the
    /// dates), in `l`.
    std::string explain(std::size_t p, std::size_t g, lang l) const;
};

/// Follows up every participant of `c` as of `as_of` (end of that day). Works for any
/// cohort; meant for programmes without certificate rules. Throws invalid_argument for a
/// special date. Thread-safe for concurrent const use of `c`.
follow_up evaluate_follow_up(const cohort& c, date as_of);

/// The follow-up as a smart.follow_up/1 document (schema/follow_up.schema.json): labels
/// of the vocabulary in nb/nn/en, per-gathering counts, and per participant each gathering's
/// attendance, work status, numbers and sentence in nb, nn and en.
std::string follow_up_to_json(const follow_up& f);

}  // namespace smart
