// One definition of the numbers behind a requirement result: for each number its one name,
// its type, the requirement kinds it belongs to and where it is read in a
// requirement_result. The evaluation document (smart.evaluation/2), the C accessors
// (smart_number), the Python properties, the DataFrame/Arrow columns and the CLI's CSV all
// walk this table, so a number has the same name, type and presence in every face.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "smart/evaluation.hpp"

namespace smart {

/// Every number a requirement result carries, in the table's order. The values are fixed
/// (the C ABI's smart_number mirrors them); a new number is appended.
enum class result_number : std::uint8_t {
    attended,            ///< attendance: weighted days attended (exact)
    counted_days,        ///< attendance: counted days of the whole cohort
    required_days,       ///< attendance: full days needed
    past_days,           ///< attendance: counted days on or before the evaluation date
    remaining_days,      ///< attendance: counted days after it
    unrecorded_days,     ///< attendance: past counted days with no record
    intervals,           ///< notes: intervals between gatherings
    intervals_met,       ///< notes: intervals with enough notes
    missing_intervals,   ///< notes: closed intervals without enough notes
    open_intervals,      ///< notes: open intervals without enough notes yet
    portfolio_approved,  ///< notes: an approved portfolio exists
    portfolio_deadline,  ///< notes under require_portfolio_approval: the portfolio's deadline
    awaiting_approval,   ///< notes, final text: documents that would count once approved
    date,                ///< final text: its date; festival: the day attended
    pages,               ///< final text: its page count
    deadline,            ///< final text: its deadline
    role,                ///< festival: the recorded role
    festival_day,        ///< festival: the (first) festival day
};

/// How a number is typed, in every face.
enum class number_type : std::uint8_t {
    count,      ///< a whole number >= 0
    ratio,      ///< an exact fraction (weighted days); "7/2" in text
    date,       ///< a calendar day
    intervals,  ///< a set of intervals between gatherings; faces show 1-based interval numbers
    role,       ///< a festival_role
    flag,       ///< yes or no
};
const char* to_string(number_type t) noexcept;
const char* to_string(result_number n) noexcept;  ///< the number's one name

/// A set of intervals between gatherings: bit i is interval i (0-based).
struct interval_set {
    std::uint64_t bits = 0;
    /// The members as 1-based interval numbers, ascending (as the document shows them).
    std::vector<int> numbers() const;
    friend bool operator==(const interval_set&, const interval_set&) = default;
};

/// One number of the table. Exactly one of the member pointers is set, by `type`.
struct number_field {
    result_number number;
    const char* name;         ///< the one name, in every face
    number_type type;
    std::uint8_t kinds;       ///< bit k: requirement_kind k has this number
    const char* description;  ///< English, one line, for docstrings and docs
    /// A count whose zero means "not recorded" (pages): absent then, like a date that is
    /// not a date or the role none.
    bool zero_is_absent = false;

    std::uint16_t requirement_result::*count = nullptr;
    smart::ratio requirement_result::*fraction = nullptr;
    smart::date requirement_result::*day = nullptr;
    std::uint64_t requirement_result::*interval_bits = nullptr;
    festival_role requirement_result::*festival = nullptr;
    bool requirement_result::*flag = nullptr;

    bool belongs_to(requirement_kind k) const noexcept { return (kinds >> static_cast<unsigned>(k)) & 1u; }
};

namespace detail {
// The table itself, constexpr so that code walking it (the DataFrame columns) can read each
// number at a fixed offset; everything else goes through number_fields().
namespace result_table {
using K = requirement_kind;
using R = requirement_result;
using T = number_type;

constexpr std::uint8_t kind_bit(K k) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(k)); }
constexpr std::uint8_t attendance = kind_bit(K::attendance), notes = kind_bit(K::interval_notes),
                       final_text = kind_bit(K::final_text), festival = kind_bit(K::festival);

constexpr number_field counted(result_number n, const char* name, std::uint8_t kinds, std::uint16_t R::*m,
                               const char* description, bool zero_is_absent = false) {
    return {.number = n, .name = name, .type = T::count, .kinds = kinds, .description = description,
            .zero_is_absent = zero_is_absent, .count = m};
}
constexpr number_field dated(result_number n, const char* name, std::uint8_t kinds, date R::*m, const char* description) {
    return {.number = n, .name = name, .type = T::date, .kinds = kinds, .description = description, .day = m};
}

using N = result_number;
inline constexpr std::array<number_field, 18> number_table{{
    {.number = N::attended, .name = "attended", .type = T::ratio, .kinds = attendance,
     .description = "Attendance: weighted days attended, on or before the evaluation date (exact).",
     .fraction = &R::attended},
    counted(N::counted_days, "counted_days", attendance, &R::counted_days, "Attendance: counted days of the whole cohort."),
    counted(N::required_days, "required_days", attendance, &R::required_days,
            "Attendance: full days needed (the minimum ratio of the counted days, rounded up)."),
    counted(N::past_days, "past_days", attendance, &R::past_days,
            "Attendance: counted days on or before the evaluation date."),
    counted(N::remaining_days, "remaining_days", attendance, &R::remaining_days,
            "Attendance: counted days after the evaluation date."),
    counted(N::unrecorded_days, "unrecorded_days", attendance, &R::unrecorded_days,
            "Attendance: past counted days with no record (counted as absent)."),
    counted(N::intervals, "intervals", notes, &R::intervals, "Notes: intervals between gatherings."),
    counted(N::intervals_met, "intervals_met", notes, &R::intervals_met, "Notes: intervals with enough notes."),
    {.number = N::missing_intervals, .name = "missing_intervals", .type = T::intervals, .kinds = notes,
     .description = "Notes: intervals closed without enough notes (1-based interval numbers).",
     .interval_bits = &R::missing_intervals},
    {.number = N::open_intervals, .name = "open_intervals", .type = T::intervals, .kinds = notes,
     .description = "Notes: intervals still open, without enough notes yet (1-based interval numbers).",
     .interval_bits = &R::open_intervals},
    {.number = N::portfolio_approved, .name = "portfolio_approved", .type = T::flag, .kinds = notes,
     .description = "Notes: an approved portfolio exists.", .flag = &R::portfolio_approved},
    dated(N::portfolio_deadline, "portfolio_deadline", notes, &R::deadline,
          "Notes under an approved-portfolio rule: the portfolio's deadline (absent otherwise)."),
    counted(N::awaiting_approval, "awaiting_approval", notes | final_text, &R::awaiting_approval,
            "Notes, final text: submitted documents that would count once approved."),
    dated(N::date, "date", final_text | festival, &R::on,
          "Final text: the date of the text that counts; festival: the day attended (absent when none)."),
    counted(N::pages, "pages", final_text, &R::pages, "Final text: its page count (absent when not recorded).", true),
    dated(N::deadline, "deadline", final_text, &R::deadline, "Final text: its deadline."),
    {.number = N::role, .name = "role", .type = T::role, .kinds = festival,
     .description = "Festival: the role recorded (absent when none).", .festival = &R::role},
    dated(N::festival_day, "festival_day", festival, &R::deadline, "Festival: the (first) festival day."),
}};
}  // namespace result_table
using result_table::number_table;
}  // namespace detail

/// The whole table, in result_number order (index = value).
std::span<const number_field> number_fields() noexcept;
/// One number's entry. Throws smart::error(invalid_argument) for a value outside the enum.
const number_field& field_of(result_number n);
/// The number with this name, or nullptr.
const number_field* find_number(std::string_view name) noexcept;
/// The numbers of a requirement kind, in table order.
std::span<const number_field* const> numbers_of(requirement_kind k) noexcept;

/// A number's value in one result: std::monostate when the number does not belong to the
/// result's kind or is absent (a date not set, no role, a count whose zero means none).
using number_value = std::variant<std::monostate, std::int64_t, smart::ratio, smart::date, interval_set, festival_role, bool>;

/// Reads one number of a result (the alternative is the one of its type).
number_value read(const requirement_result& r, const number_field& f);

}  // namespace smart
