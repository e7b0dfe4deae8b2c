// The C ABI: cohort statistics as a smart.statistics/1 document. The core computes every
// figure and every suppression; this adapter converts the handles, the options and the
// municipality mapping (a small JSON object) and returns the core's document.
#include <nlohmann/json.hpp>

#include "capi.hpp"

using namespace smart::capi;

namespace {

/// RFC 6901: "~" and "/" in a member name are written "~0" and "~1".
std::string pointer_token(const std::string& key) {
    std::string out;
    for (const char ch : key) {
        if (ch == '~') out += "~0";
        else if (ch == '/') out += "~1";
        else out += ch;
    }
    return out;
}

bool four_digits(const std::string& s) {
    return s.size() == 4 && s.find_first_not_of("0123456789") == std::string::npos;
}

/// {"0704": {"number": "3905", "name": "Tønsberg"}, ...} -> recorded number -> municipality.
std::map<std::string, smart::municipality> read_mapping(const char* text) {
    using json = nlohmann::json;
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        const std::string what = e.what();
        const auto at = what.find("parse error");
        throw smart::error(smart::errc::parse_error, "municipality_mapping: malformed JSON at byte " +
                                                         std::to_string(e.byte) + ": " +
                                                         (at == std::string::npos ? what : what.substr(at)));
    }
    if (!doc.is_object())
        throw smart::error(smart::errc::validation_error,
                           "municipality_mapping: expected an object of recorded number -> {\"number\", \"name\"}", "");
    std::map<std::string, smart::municipality> out;
    for (const auto& [key, value] : doc.items()) {
        const std::string at = "/" + pointer_token(key);
        if (!value.is_object())
            throw smart::error(smart::errc::validation_error, "expected an object {\"number\": ..., \"name\": ...}", at);
        smart::municipality m;
        for (const char* member : {"number", "name"}) {
            const auto it = value.find(member);
            if (it == value.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
                throw smart::error(smart::errc::validation_error,
                                   std::string("expected \"") + member + "\" as non-empty text", at + "/" + member);
            (std::string_view(member) == "number" ? m.number : m.name) = it->get<std::string>();
        }
        if (!four_digits(m.number))
            throw smart::error(smart::errc::validation_error,
                               "expected a municipality number of four digits, not \"" + m.number + "\"",
                               at + "/number");
        for (const auto& [other, unused] : value.items())
            if (other != "number" && other != "name")
                throw smart::error(smart::errc::validation_error, "unknown member \"" + other + "\"",
                                   at + "/" + pointer_token(other));
        out.emplace(key, std::move(m));
    }
    return out;
}

}  // namespace

extern "C" {

int smart_statistics_options_init(smart_statistics_options* options, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(options, fn, "options is NULL");
        if (version < 1 || version > SMART_STATISTICS_OPTIONS_VERSION) invalid(fn, "unknown structure version");
        *options = smart_statistics_options SMART_STATISTICS_OPTIONS_INIT;
        options->version = version;
    });
}

int smart_statistics_json(char** out, const smart_cohort* const* cohorts, const smart_evaluation* const* evaluations,
                          size_t n, const smart_statistics_options* options) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        if (n > 0) {
            need(cohorts, fn, "cohorts is NULL");
            need(evaluations, fn, "evaluations is NULL");
        }
        smart::statistics_options o;
        if (options) {
            if (options->version < 1 || options->version > SMART_STATISTICS_OPTIONS_VERSION)
                invalid(fn,
                        "unknown smart_statistics_options version (initialise it with SMART_STATISTICS_OPTIONS_INIT)");
            o.by = to_cpp(options->group_by, fn);  // version 1 fields
            if (options->min_cell > 0) o.min_cell = options->min_cell;
            if (options->municipality_mapping) o.municipality_mapping = read_mapping(options->municipality_mapping);
        }
        std::vector<smart::evaluated_cohort> input;
        input.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const auto& c = get(need(cohorts[i], fn, "a cohort is NULL"), fn).c;
            const auto& e = get(need(evaluations[i], fn, "an evaluation is NULL"), fn).e;
            input.push_back({&c, &e});
        }
        *out = dup(smart::statistics_to_json(smart::compute_statistics(input, o)));
    });
}

}  // extern "C"
