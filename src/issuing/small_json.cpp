// Keys, credentials and register lines are small JSON documents of a fixed shape: read
// within tighter limits than programmes and cohorts, with messages that never quote the
// text (a key file holds secrets).
#include "internal.hpp"
#include "../json_input.hpp"
#include "smart/error.hpp"

namespace smart::detail {

namespace {

/// Keys, credentials and register lines are small documents of a fixed shape: read within
/// tighter limits than programmes and cohorts (their objects keep the order they were
/// written in, so members are few: a duplicate check per member stays cheap).
detail::json_limits small_document_limits() {
    detail::json_limits l;
    l.object_members = 256;
    l.array_elements = 4096;
    return l;
}

}  // namespace

ojson parse_small(std::string_view text) { return detail::parse_bounded<ojson>(text, small_document_limits()); }

ojson parse_json(std::string_view text, const char* what) {
    try {
        return parse_small(text);
    } catch (const error& e) {
        // never echo the text itself (a key file holds secrets): the kind of problem only
        const std::string at = e.message().rfind("malformed JSON at byte ", 0) == 0
                                   ? e.message().substr(std::string("malformed JSON ").size(),
                                                        e.message().find(':') - std::string("malformed JSON ").size())
                                   : std::string();
        throw error(errc::parse_error, std::string("malformed ") + what + (at.empty() ? "" : " " + at),
                    e.code() == errc::parse_error ? std::string() : e.pointer());
    }
}

/// The string member `key` of `o`, or "" when it is absent or not a string.
std::string string_member(const ojson& o, const char* key) {
    if (!o.is_object()) return {};
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const std::string& member_string(const ojson& o, const char* key, const std::string& base) {
    const std::string at = base + "/" + key;
    if (!o.is_object() || !o.contains(key)) throw error(errc::validation_error, std::string("missing \"") + key + "\"", base);
    const ojson& v = o.at(key);
    if (!v.is_string()) throw error(errc::validation_error, "expected a string", at);
    return v.get_ref<const std::string&>();
}

}  // namespace smart::detail
