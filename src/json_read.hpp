// The JSON readers' building blocks (internal): typed access to a document's members
// that reports the first problem with its JSON Pointer (materialised only when an error
// is thrown, so loading stays fast). Used by json_read_programme.cpp and
// json_read_cohort.cpp.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "smart/error.hpp"
#include "smart/programme.hpp"
#include "smart/ratio.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart::json_read {

/// Documents are read into nlohmann::json (members in a std::map: logarithmic look-up and
/// insertion, whatever the number of members).
using dom = nlohmann::json;

/// A JSON Pointer under construction, as a chain of stack frames.
struct path {
    const path* parent = nullptr;
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;

    path child(std::string_view k) const { return path{this, k, 0, false}; }
    path at(std::size_t i) const { return path{this, {}, i, true}; }
    std::string str() const {
        if (!parent) return {};
        std::string base = parent->str();
        return is_index ? detail::pointer_append(base, index) : detail::pointer_append(base, key);
    }
};

[[noreturn]] void fail(const path& p, const std::string& message, errc code = errc::validation_error);
const char* type_name(const dom& j);
[[noreturn]] void wrong_type(const dom& j, const path& p, const char* expected);
/// The object at `p`, with only the `allowed` members.
const dom::object_t& object(const dom& j, const path& p, std::initializer_list<std::string_view> allowed);
const dom* find(const dom::object_t& obj, const char* key);
const dom& require(const dom::object_t& obj, const char* key, const path& p);
const std::string& string(const dom& j, const path& p);
const std::string& nonempty_string(const dom& j, const path& p);
std::int64_t integer(const dom& j, const path& p, std::int64_t lo, std::int64_t hi);
bool boolean(const dom& j, const path& p);
const dom::array_t& array(const dom& j, const path& p);
date read_date(const dom& j, const path& p);
ratio read_ratio(const dom& j, const path& p);
localized_text read_text(const dom& j, const path& p);
std::vector<localized_text> read_texts(const dom& j, const path& p);
/// The document's "format" member: `expected` (required or optional).
void check_format(const dom::object_t& o, const path& p, std::string_view expected, bool required);
/// Parses a document within the limits of smart/limits.hpp.
dom parse_text(std::string_view text);
/// A programme object (the whole document, or embedded in a cohort document).
programme read_programme(const dom& j, const path& p, bool format_required);
session read_session(const dom& j, const path& p);

/// Parses an enum name, turning invalid_argument into a validation error at `p`.
template <class F>
auto read_enum(const dom& j, const path& p, F parse) {
    const std::string& s = string(j, p);
    try {
        return parse(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

template <class T, class F>
std::vector<T> read_list(const dom& j, const path& p, F read_one) {
    std::vector<T> out;
    const auto& a = array(j, p);
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_one(a[i], p.at(i)));
    return out;
}

/// read_list for a list with its own limit (sessions, submissions, exemptions), checked
/// before any element is read.
template <class T, class F>
std::vector<T> read_list(const dom& j, const path& p, F read_one, std::size_t max, const char* what) {
    std::vector<T> out;
    const auto& a = array(j, p);
    if (a.size() > max)
        fail(p, std::to_string(a.size()) + " " + what + "; at most " + std::to_string(max) + " are allowed");
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_one(a[i], p.at(i)));
    return out;
}

/// A list of enum names, each at most once (schema: uniqueItems); a repeat is an error at
/// its second place.
template <class T, class F>
std::vector<T> read_enum_set(const dom& j, const path& p, F parse) {
    std::vector<T> out = read_list<T>(j, p, [&](const dom& x, const path& xp) { return read_enum(x, xp, parse); });
    for (std::size_t i = 1; i < out.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (out[k] == out[i]) fail(p.at(i), "\"" + j[i].get<std::string>() + "\" appears twice: list it once");
    return out;
}

/// Runs a model validation, re-rooting its pointer under `base` (for embedded documents).
template <class F>
void validate_under(const path& base, F f) {
    try {
        f();
    } catch (const error& e) {
        throw error(e.code(), e.message(), base.str() + e.pointer());
    }
}

}  // namespace smart::json_read
