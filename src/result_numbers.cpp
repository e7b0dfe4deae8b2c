// The table of result numbers (include/smart/result_numbers.hpp): the one place that
// says which numbers a requirement result has, what they are called and how to read them.
#include "smart/result_numbers.hpp"

#include <array>

#include "smart/error.hpp"

namespace smart {

namespace {

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
const std::array<number_field, 18> table{{
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

/// The numbers of each kind, in table order.
struct by_kind {
    std::array<std::vector<const number_field*>, 4> lists;
    by_kind() {
        for (const auto& f : table)
            for (unsigned k = 0; k < lists.size(); ++k)
                if (f.belongs_to(static_cast<K>(k))) lists[k].push_back(&f);
    }
};

}  // namespace

const char* to_string(number_type t) noexcept {
    switch (t) {
        case T::count: return "count";
        case T::ratio: return "ratio";
        case T::date: return "date";
        case T::intervals: return "intervals";
        case T::role: return "role";
        case T::flag: return "flag";
    }
    return "";
}

const char* to_string(result_number n) noexcept {
    const auto i = static_cast<std::size_t>(n);
    return i < table.size() ? table[i].name : "";
}

std::vector<int> interval_set::numbers() const {
    std::vector<int> out;
    for (int i = 0; i < 64; ++i)
        if (bits & (std::uint64_t{1} << i)) out.push_back(i + 1);
    return out;
}

std::span<const number_field> number_fields() noexcept { return table; }

const number_field& field_of(result_number n) {
    const auto i = static_cast<std::size_t>(n);
    if (i >= table.size()) throw error(errc::invalid_argument, "unknown result number " + std::to_string(i));
    return table[i];
}

const number_field* find_number(std::string_view name) noexcept {
    for (const auto& f : table)
        if (name == f.name) return &f;
    return nullptr;
}

std::span<const number_field* const> numbers_of(requirement_kind k) noexcept {
    static const by_kind lists;
    const auto i = static_cast<std::size_t>(k);
    if (i >= lists.lists.size()) return {};
    return lists.lists[i];
}

number_value read(const requirement_result& r, const number_field& f) {
    if (!f.belongs_to(r.kind)) return {};
    switch (f.type) {
        case T::count: {
            const std::uint16_t v = r.*f.count;
            if (v == 0 && f.zero_is_absent) return {};
            return std::int64_t{v};
        }
        case T::ratio: return r.*f.fraction;
        case T::date: {
            const date d = r.*f.day;
            if (d.is_special()) return {};
            return d;
        }
        case T::intervals: return interval_set{r.*f.interval_bits};
        case T::role: {
            const festival_role role = r.*f.festival;
            if (role == festival_role::none) return {};
            return role;
        }
        case T::flag: return bool{r.*f.flag};
    }
    return {};
}

}  // namespace smart
