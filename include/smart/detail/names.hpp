// Internal: name tables for enums, shared by their to_string/parse_* functions.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart::detail {

/// Looks `s` up in `names` (indexed by the enum's value); throws invalid_argument with a
/// message listing the expected names.
template <class Enum, std::size_t N>
Enum parse_name(std::string_view s, const std::array<const char*, N>& names, const char* what,
                std::size_t first = 0) {
    for (std::size_t i = first; i < N; ++i)
        if (s == names[i]) return static_cast<Enum>(i);
    std::string expected;
    for (std::size_t i = first; i < N; ++i) {
        if (!expected.empty()) expected += i + 1 == N ? " or " : ", ";
        expected += '"';
        expected += names[i];
        expected += '"';
    }
    throw error(errc::invalid_argument, "unknown " + std::string(what) + " " + quoted(s, 40) + ": expected " + expected);
}

/// A stable identifier of a programme, session, goal or requirement:
/// [a-z0-9][a-z0-9._-]* (the pattern of schema/programme.schema.json).
inline bool is_identifier(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
}

/// Throws validation_error at `pointer` unless `s` is an identifier.
inline void check_identifier(std::string_view s, const char* what, const std::string& pointer) {
    if (!is_identifier(s))
        throw error(errc::validation_error,
                    std::string("expected a ") + what +
                        " id of lower-case letters, digits, '.', '_' and '-' (starting with a letter or digit), got " +
                        quoted(s),
                    pointer);
}

template <class Enum, std::size_t N>
const char* name_of(Enum e, const std::array<const char*, N>& names) noexcept {
    const auto i = static_cast<std::size_t>(e);
    return i < N ? names[i] : "";
}

}  // namespace smart::detail
