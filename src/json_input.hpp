// Reading JSON text that comes from outside, within the library's limits (limits.hpp).
// Private to src/: nlohmann types never reach the public headers.
//
// nlohmann's parser is iterative, but its own DOM builder accepts any depth, any number of
// members and duplicate keys (the last wins), and values nested deeply are later copied
// and destroyed recursively. This builder is nlohmann's SAX-to-DOM builder with the
// limits checked as each token arrives: depth, members per object, elements per array,
// string and key length, duplicate keys (an error naming the second one). Work stays
// linear in the input and bounded in depth, and every error names its JSON Pointer.
#pragma once

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/limits.hpp"

namespace smart::detail {

struct json_limits {
    std::size_t depth = limits::depth;
    std::size_t object_members = limits::object_members;
    std::size_t array_elements = limits::array_elements;
    std::size_t string_bytes = limits::string_bytes;
    std::size_t key_bytes = limits::key_bytes;
};

/// Throws validation_error unless a document of `size` bytes is within the limit.
inline void check_document_size(std::size_t size, const char* what = "document") {
    if (size > limits::document_bytes)
        throw error(errc::validation_error, std::string("the ") + what + " is " + std::to_string(size) +
                                                " bytes long; at most " + std::to_string(limits::document_bytes) +
                                                " bytes (256 MiB) are read");
}

/// The first string (value or member name) in `text` longer than `max_bytes`: its
/// content's byte offset and length, or {npos, 0}. A scan at memchr speed, run before
/// parsing: nlohmann's lexer copies a string byte by byte before any handler sees it, so a
/// 10 MB string would otherwise cost a quarter of a second to refuse.
inline std::pair<std::size_t, std::size_t> find_long_string(std::string_view text, std::size_t max_bytes) {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* p = begin;
    while (p < end) {
        const void* q = std::memchr(p, '"', static_cast<std::size_t>(end - p));
        if (!q) break;
        const char* open = static_cast<const char*>(q);
        const char* close = open + 1;
        for (;;) {  // the closing quote: one not preceded by an odd number of backslashes
            const void* c = std::memchr(close, '"', static_cast<std::size_t>(end - close));
            if (!c) return {std::string_view::npos, 0};  // unterminated: the parser reports it
            close = static_cast<const char*>(c);
            std::size_t backslashes = 0;
            while (close - backslashes > open + 1 && close[-1 - static_cast<std::ptrdiff_t>(backslashes)] == '\\')
                ++backslashes;
            if (backslashes % 2 == 0) break;
            ++close;
        }
        const auto length = static_cast<std::size_t>(close - open - 1);
        if (length > max_bytes) return {static_cast<std::size_t>(open + 1 - begin), length};
        p = close + 1;
    }
    return {std::string_view::npos, 0};
}

/// Refuses a text with a string longer than `max_bytes` quickly, still naming its JSON
/// Pointer: `parse` (which throws at the first problem) is run on a copy whose long string
/// is replaced by one just over the limit, and its error is given the real length.
template <class Parse>
void refuse_long_strings(std::string_view text, std::size_t max_bytes, Parse parse) {
    // A quick look first: a string longer than twice the limit (and not full of escaped
    // quotes) covers a whole block of max_bytes bytes with no '"' in it. Documents without
    // such a block skip the exact scan; shorter long strings are left to the parser, which
    // refuses them in time proportional to their length anyway.
    bool suspicious = false;
    for (std::size_t off = 0; off + max_bytes <= text.size() && !suspicious; off += max_bytes)
        suspicious = std::memchr(text.data() + off, '"', max_bytes) == nullptr;
    if (!suspicious) return;
    // A string of exactly max_bytes + 1 is left to the parser (the copy below has one).
    const auto [at, length] = find_long_string(text, max_bytes + 1);
    if (at == std::string_view::npos) return;
    const std::string message = "a string of " + std::to_string(length) + " bytes (" +
                                smart::detail::quoted(text.substr(at, length), 40) + "); at most " +
                                std::to_string(max_bytes) + " are allowed";
    std::string patched;
    patched.reserve(text.size() - length + max_bytes + 1);
    patched.append(text.substr(0, at)).append(max_bytes + 1, 'x').append(text.substr(at + length));
    try {
        parse(std::string_view(patched));
    } catch (const error& e) {
        if (e.message().rfind("a string of " + std::to_string(max_bytes + 1) + " bytes", 0) == 0 ||
            e.message().rfind("a member name of " + std::to_string(max_bytes + 1) + " bytes", 0) == 0)
            throw error(e.code(), message, e.pointer());
        throw;  // an earlier problem comes first
    }
    throw error(errc::validation_error, message + " (at byte " + std::to_string(at) + ")");
}

/// The message for a parse error reported by nlohmann at byte `position`: nlohmann's
/// description without its prefix, the offending token quoted safely and briefly (it may
/// hold bytes that are not UTF-8, or be megabytes long).
inline std::string parse_error_message(std::size_t position, const std::string& what_text,
                                       const std::string& last_token) {
    std::string what = what_text;
    if (const auto at = what.find("parse error"); at != std::string::npos) what = what.substr(at);
    if (const auto colon = what.find(": "); colon != std::string::npos && what.rfind("parse error", 0) == 0)
        what = what.substr(colon + 2);  // drop nlohmann's "parse error at line 1, column 7"
    if (const auto lr = what.find("; last read: '"); lr != std::string::npos)
        what = what.substr(0, lr) + "; last read: " + smart::detail::quoted(last_token, 40);
    if (what.find("number overflow") != std::string::npos)
        what = "a number too large to represent (" + smart::detail::quoted(last_token, 40) + ")";
    // nlohmann's wording can itself quote raw input: keep the message valid UTF-8.
    if (!is_utf8(what)) {
        std::string q = smart::detail::quoted(what, what.size());
        what = q.substr(1, q.size() - 2);
    }
    return "malformed JSON at byte " + std::to_string(position) + ": " + what;
}

/// A SAX handler building a `Json` DOM within `json_limits`.
///
/// `on_element`, when set, receives each element of the top-level object's member named
/// `stream_key` (when that member is an array) as soon as it is complete, instead of
/// keeping it in the DOM: a large cohort never exists as one DOM. Its index is passed.
template <class Json>
class bounded_dom_builder {
public:
    using string_t = typename Json::string_t;
    using binary_t = typename Json::binary_t;
    using number_integer_t = typename Json::number_integer_t;
    using number_unsigned_t = typename Json::number_unsigned_t;
    using number_float_t = typename Json::number_float_t;

    explicit bounded_dom_builder(Json& root, json_limits lim = {}) : root_(root), lim_(lim) {}

    /// Streams the elements of the top-level member `key` to `f` (see the class comment).
    void stream(std::string key, std::size_t max_elements, std::function<void(Json&&, std::size_t)> f) {
        stream_key_ = std::move(key);
        stream_max_ = max_elements;
        on_element_ = std::move(f);
    }
    /// True when the streamed member was present as an array.
    bool streamed() const noexcept { return streamed_; }

    bool null() { return value(Json(nullptr)); }
    bool boolean(bool v) { return value(Json(v)); }
    bool number_integer(number_integer_t v) { return value(Json(v)); }
    bool number_unsigned(number_unsigned_t v) { return value(Json(v)); }
    bool number_float(number_float_t v, const string_t&) { return value(Json(v)); }
    bool string(string_t& v) {
        if (v.size() > lim_.string_bytes)
            fail_here("a string of " + std::to_string(v.size()) + " bytes; at most " +
                      std::to_string(lim_.string_bytes) + " are allowed");
        return value(Json(std::move(v)));
    }
    bool binary(binary_t&) {
        fail_here("binary values are not JSON");
        return false;
    }

    bool start_object(std::size_t) { return open(Json(Json::value_t::object), false); }
    bool start_array(std::size_t) { return open(Json(Json::value_t::array), true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t& k) {
        frame& f = stack_.back();
        if (k.size() > lim_.key_bytes) {
            f.count = 0;  // name the object, not the oversized key
            fail_at(pointer(), "a member name of " + std::to_string(k.size()) + " bytes (" + smart::detail::quoted(k, 40) +
                                   "); at most " + std::to_string(lim_.key_bytes) + " are allowed");
        }
        f.key = k;  // a view of the lexer's buffer: valid in this call, for the errors below
        if (++f.count > lim_.object_members)
            fail_at(pointer(), "more than " + std::to_string(lim_.object_members) + " members in one object");
        if (stack_.size() == 1 && on_element_ && k == stream_key_) {
            if (stream_seen_) fail_at(pointer(true), "duplicate member " + smart::detail::quoted(k) + ": a member may appear once");
            stream_seen_ = true;
            f.key = stream_key_;
            f.slot = nullptr;  // decided by the value that follows
            pending_stream_ = true;
            return true;
        }
        pending_stream_ = false;
        auto& obj = f.value->template get_ref<typename Json::object_t&>();
        auto [it, inserted] = obj.emplace(k, Json());
        if (!inserted) fail_at(pointer(true), "duplicate member " + smart::detail::quoted(k) + ": a member may appear once");
        f.key = it->first;  // the member's own name: stable while the object lives
        f.slot = &it->second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token, const typename Json::exception& ex) {
        throw error(errc::parse_error, parse_error_message(position, ex.what(), last_token));
    }

private:
    struct frame {
        Json* value = nullptr;  ///< the container being filled (nullptr: the streamed array)
        bool is_array = false;
        std::size_t count = 0;  ///< members or elements so far
        std::string_view key;   ///< the current member's name (objects)
        Json* slot = nullptr;   ///< where the current member's value goes (objects)
    };

    /// The JSON Pointer of the value being read; `key_itself` for an object's current member.
    std::string pointer(bool key_itself = true) const {
        std::string out;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const frame& f = stack_[i];
            const bool last = i + 1 == stack_.size();
            if (f.is_array) {
                if (f.count > 0) out = pointer_append(out, f.count - 1);
            } else if (f.count > 0 && (!last || key_itself)) {
                out = pointer_append(out, f.key);
            }
        }
        return out;
    }

    [[noreturn]] static void fail_at(const std::string& where, const std::string& message) {
        throw error(errc::validation_error, message, where);
    }
    [[noreturn]] void fail_here(const std::string& message) {
        // the value being read is at the current key or the next array index
        if (!stack_.empty() && stack_.back().is_array) ++stack_.back().count;
        fail_at(pointer(), message);
    }

    /// Where a new value goes: the current member's slot, a new array element, or the root.
    Json* place(Json&& v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        frame& f = stack_.back();
        if (!f.is_array) {
            *f.slot = std::move(v);
            return f.slot;
        }
        if (f.count >= (f.value ? lim_.array_elements : stream_max_)) {
            ++f.count;
            fail_at(pointer(), "more than " + std::to_string(f.value ? lim_.array_elements : stream_max_) +
                                   (f.value ? " elements in one array" : " elements"));
        }
        ++f.count;
        if (!f.value) {  // an element of the streamed array: built on its own
            element_ = std::move(v);
            return &element_;
        }
        auto& arr = f.value->template get_ref<typename Json::array_t&>();
        arr.push_back(std::move(v));
        return &arr.back();
    }

    bool value(Json&& v) {
        if (pending_stream_) {  // the streamed member is not an array: keep it for the type check
            pending_stream_ = false;
            auto& obj = stack_.back().value->template get_ref<typename Json::object_t&>();
            obj[stream_key_] = std::move(v);
            return true;
        }
        Json* p = place(std::move(v));
        if (p == &element_) deliver();
        return true;
    }

    bool open(Json&& v, bool is_array) {
        if (stack_.size() >= lim_.depth) {
            if (!stack_.empty() && stack_.back().is_array) ++stack_.back().count;
            fail_at(pointer(), "nested deeper than " + std::to_string(lim_.depth) + " levels");
        }
        if (pending_stream_) {
            pending_stream_ = false;
            if (is_array) {
                streamed_ = true;
                stack_.push_back(frame{nullptr, true, 0, {}, nullptr});
                return true;
            }
            auto& obj = stack_.back().value->template get_ref<typename Json::object_t&>();
            Json* p = &(obj[stream_key_] = std::move(v));
            stack_.push_back(frame{p, false, 0, {}, nullptr});
            return true;
        }
        Json* p = place(std::move(v));
        stack_.push_back(frame{p, is_array, 0, {}, nullptr});
        return true;
    }

    bool close() {
        stack_.pop_back();
        if (stack_.size() == 2 && !stack_.back().value && stack_.back().is_array) deliver();
        return true;
    }

    void deliver() {
        const std::size_t index = stack_.back().count - 1;
        Json element = std::move(element_);
        element_ = Json();
        on_element_(std::move(element), index);
    }

    Json& root_;
    json_limits lim_;
    std::vector<frame> stack_;
    Json element_;
    std::string stream_key_;
    std::size_t stream_max_ = 0;
    std::function<void(Json&&, std::size_t)> on_element_;
    bool pending_stream_ = false;
    bool stream_seen_ = false;
    bool streamed_ = false;
};

/// The content of a document file, its size checked before it is read (and while reading
/// it, for devices and pipes, which have no size): not_found for a missing or unreadable
/// file, invalid_argument for a directory, validation_error past limits::document_bytes.
std::string read_document_file(const std::filesystem::path& file);

/// Parses `text` within the limits (throws parse_error or validation_error).
template <class Json>
Json parse_bounded(std::string_view text, json_limits lim = {}) {
    check_document_size(text.size());
    refuse_long_strings(text, lim.string_bytes, [&](std::string_view t) { (void)parse_bounded<Json>(t, lim); });
    Json root;
    bounded_dom_builder<Json> b(root, lim);
    Json::sax_parse(text.begin(), text.end(), &b);
    return root;
}

}  // namespace smart::detail
