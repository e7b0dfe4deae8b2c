// The JSON readers' building blocks: typed member access with JSON Pointer errors, and
// reading a document file within the limits.
#include "json_read.hpp"

#include <fstream>
#include <vector>

#include "json_input.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/limits.hpp"

namespace smart {
namespace json_read {


[[noreturn]] void fail(const path& p, const std::string& message, errc code) {
    throw error(code, message, p.str());
}

const char* type_name(const dom& j) {
    switch (j.type()) {
        case dom::value_t::null: return "null";
        case dom::value_t::object: return "an object";
        case dom::value_t::array: return "an array";
        case dom::value_t::string: return "a string";
        case dom::value_t::boolean: return "a boolean";
        case dom::value_t::number_integer:
        case dom::value_t::number_unsigned: return "an integer";
        case dom::value_t::number_float: return "a number";
        default: return "something else";
    }
}

[[noreturn]] void wrong_type(const dom& j, const path& p, const char* expected) {
    fail(p, std::string("expected ") + expected + ", got " + type_name(j));
}

const dom::object_t& object(const dom& j, const path& p, std::initializer_list<std::string_view> allowed) {
    if (!j.is_object()) wrong_type(j, p, "an object");
    const auto& obj = j.get_ref<const dom::object_t&>();
    for (const auto& [key, value] : obj) {
        bool ok = false;
        for (auto a : allowed) ok = ok || key == a;
        if (!ok) {
            std::string names;
            for (auto a : allowed) names += (names.empty() ? "\"" : ", \"") + std::string(a) + "\"";
            fail(p.child(key), "unknown member " + detail::quoted(key) + " (expected one of " + names + ")");
        }
    }
    return obj;
}

const dom* find(const dom::object_t& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &it->second;
}

const dom& require(const dom::object_t& obj, const char* key, const path& p) {
    const dom* j = find(obj, key);
    if (!j) fail(p, std::string("missing required member \"") + key + "\"");
    return *j;
}

const std::string& string(const dom& j, const path& p) {
    if (!j.is_string()) wrong_type(j, p, "a string");
    return j.get_ref<const std::string&>();
}

const std::string& nonempty_string(const dom& j, const path& p) {
    const std::string& s = string(j, p);
    if (s.empty()) fail(p, "expected a non-empty string");
    return s;
}

std::int64_t integer(const dom& j, const path& p, std::int64_t lo, std::int64_t hi) {
    const auto range = [&] { return "an integer from " + std::to_string(lo) + " to " + std::to_string(hi); };
    std::int64_t v = 0;
    if (j.is_number_unsigned()) {
        // above INT64_MAX would wrap in get<int64_t>()
        if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) fail(p, "expected " + range() + ", got " + j.dump());
        v = static_cast<std::int64_t>(j.get<std::uint64_t>());
    } else if (j.is_number_integer()) {
        v = j.get<std::int64_t>();
    } else if (j.is_number_float()) {
        // JSON (and JSON Schema) do not tell 2 from 2.0: a number with no fraction is an integer.
        const double d = j.get<double>();
        if (!(d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) || d != static_cast<double>(static_cast<std::int64_t>(d)))
            fail(p, "expected " + range() + ", got " + j.dump());
        v = static_cast<std::int64_t>(d);
    } else {
        wrong_type(j, p, "an integer");
    }
    if (v < lo || v > hi)
        fail(p, "expected " + range() + ", got " + std::to_string(v));
    return v;
}

bool boolean(const dom& j, const path& p) {
    if (!j.is_boolean()) wrong_type(j, p, "true or false");
    return j.get<bool>();
}

const dom::array_t& array(const dom& j, const path& p) {
    if (!j.is_array()) wrong_type(j, p, "an array");
    return j.get_ref<const dom::array_t&>();
}

date read_date(const dom& j, const path& p) {
    const std::string& s = string(j, p);
    try {
        return parse_date(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

ratio read_ratio(const dom& j, const path& p) {
    const std::string& s = string(j, p);
    try {
        return parse_ratio(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

localized_text read_text(const dom& j, const path& p) {
    localized_text t;
    if (j.is_string()) {
        t.nb = j.get<std::string>();
        if (t.nb.empty()) fail(p, "expected a non-empty text");
        return t;
    }
    if (!j.is_object()) wrong_type(j, p, "a string or an object {\"nb\", \"nn\", \"en\"}");
    const auto& o = object(j, p, {"nb", "nn", "en"});
    t.nb = nonempty_string(require(o, "nb", p), p.child("nb"));
    // An empty translation would mean "no translation": the member is left out for that.
    if (const dom* v = find(o, "nn")) t.nn = nonempty_string(*v, p.child("nn"));
    if (const dom* v = find(o, "en")) t.en = nonempty_string(*v, p.child("en"));
    return t;
}

std::vector<localized_text> read_texts(const dom& j, const path& p) {
    std::vector<localized_text> out;
    const auto& a = array(j, p);
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_text(a[i], p.at(i)));
    return out;
}

void check_format(const dom::object_t& o, const path& p, std::string_view expected, bool required) {
    const dom* f = find(o, "format");
    if (!f) {
        if (required) fail(p, "missing required member \"format\" (expected \"" + std::string(expected) + "\")");
        return;
    }
    const std::string& s = string(*f, p.child("format"));
    if (s != expected)
        fail(p.child("format"), "unsupported format \"" + s + "\": expected \"" + std::string(expected) + "\"");
}

dom parse_text(std::string_view text) { return detail::parse_bounded<dom>(text); }

}  // namespace json_read

namespace detail {
std::string read_document_file(const std::filesystem::path& file) {
    std::error_code ec;
    const auto st = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(st))
        throw error(errc::not_found, "cannot open " + detail::quoted(file.string(), 200) + ": no such file");
    if (std::filesystem::is_directory(st))
        throw error(errc::invalid_argument, detail::quoted(file.string(), 200) + " is a directory, not a document");
    if (std::filesystem::is_regular_file(st)) {
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec) detail::check_document_size(static_cast<std::size_t>(size), "file");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw error(errc::not_found, "cannot open " + detail::quoted(file.string(), 200));
    // Read in blocks up to the limit: a device or pipe (/dev/zero) has no size to check first.
    std::string out;
    std::vector<char> block(1 << 16);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        out.append(block.data(), static_cast<std::size_t>(in.gcount()));
        if (out.size() > limits::document_bytes) detail::check_document_size(out.size(), "file");
    }
    if (in.bad()) throw error(errc::not_found, "cannot read " + detail::quoted(file.string(), 200));
    return out;
}
}  // namespace detail

}  // namespace smart
