// The table of result numbers (include/smart/result_numbers.hpp): the one place that
// says which numbers a requirement result has, what they are called and how to read them.
#include "smart/result_numbers.hpp"

#include <array>

#include "smart/error.hpp"

namespace smart {

namespace {

using K = requirement_kind;
using T = number_type;
const auto& table = detail::number_table;

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
