// The C ABI: a cohort's municipality warnings, computed once into a handle, and the
// register of municipalities of 2024 (smart/cohort.h; the rules are the core's:
// check_municipality_names, find_municipality).
#include "capi.hpp"
#include "smart/cohort.hpp"
#include "smart/municipalities.hpp"

using namespace smart::capi;

struct smart_municipality_warnings;  // incomplete: a handle is a pointer to a warnings_box

namespace {

constexpr tag warnings_tag = static_cast<tag>(0x534d4d31);  // "SMM1"

struct warnings_box {
    tag kind = warnings_tag;
    std::vector<smart::municipality_warning> list;
};

static_assert(static_cast<int>(smart::municipality_warning_kind::two_names) == SMART_MUNICIPALITY_TWO_NAMES);
static_assert(static_cast<int>(smart::municipality_warning_kind::not_register_name) ==
              SMART_MUNICIPALITY_NOT_REGISTER_NAME);
static_assert(static_cast<int>(smart::municipality_warning_kind::not_in_register) ==
              SMART_MUNICIPALITY_NOT_IN_REGISTER);

const smart::municipality_warning& warning_at(const smart_municipality_warnings* h, std::size_t index,
                                              const char* function) {
    const auto& b = checked<warnings_box>(h, warnings_tag, function, "municipality warnings");
    if (index >= b.list.size()) invalid(function, "warning index out of range");
    return b.list[index];
}

}  // namespace

extern "C" {

int smart_cohort_municipality_warnings(smart_municipality_warnings** out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        auto box = std::make_unique<warnings_box>();
        box->list = smart::check_municipality_names(get(cohort, fn).c);
        *out = reinterpret_cast<smart_municipality_warnings*>(box.release());
    });
}

void smart_municipality_warnings_free(smart_municipality_warnings* warnings) {
    release<warnings_box>(warnings, warnings_tag, __func__);
}

int smart_municipality_warnings_count(size_t* out, const smart_municipality_warnings* warnings) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        return checked<warnings_box>(warnings, warnings_tag, fn, "municipality warnings").list.size();
    });
}

int smart_municipality_warning(smart_municipality_warning_kind* kind, const char** number, size_t* participant,
                               const char** path, const char** register_name, const char** register_number,
                               const smart_municipality_warnings* warnings, size_t index) {
    const char* const fn = __func__;
    for (const char** p : {number, path, register_name, register_number})
        if (p) *p = nullptr;
    return guard([&] {
        const smart::municipality_warning& w = warning_at(warnings, index, fn);
        if (kind) *kind = static_cast<smart_municipality_warning_kind>(w.kind);
        if (number) *number = w.number.c_str();
        if (participant) *participant = w.participant;
        if (path) *path = w.path.c_str();
        if (register_name) *register_name = w.register_name.c_str();
        if (register_number) *register_number = w.register_number.c_str();
    });
}

int smart_municipality_warning_name_count(size_t* out, const smart_municipality_warnings* warnings, size_t index) {
    const char* const fn = __func__;
    return produce(out, fn, [&] { return warning_at(warnings, index, fn).names.size(); });
}

int smart_municipality_warning_name(const char** out, const smart_municipality_warnings* warnings, size_t index,
                                    size_t name) {
    const char* const fn = __func__;
    return lend_text(out, fn, [&]() -> const std::string& {
        const auto& names = warning_at(warnings, index, fn).names;
        if (name >= names.size()) invalid(fn, "name index out of range");
        return names[name];
    });
}

int smart_municipality_warning_describe(char** out, const smart_municipality_warnings* warnings, size_t index,
                                        smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::lang l = to_cpp(lang, fn);
        *out = dup(smart::describe(warning_at(warnings, index, fn), l));
    });
}

int smart_municipality_find(const char** name, size_t* name_count, const char* number) {
    const char* const fn = __func__;
    if (name) *name = nullptr;
    if (name_count) *name_count = 0;
    return guard([&] {
        need(number, fn, "number is NULL");
        const auto m = smart::find_municipality(number);
        if (!m)
            throw smart::error(smart::errc::not_found,
                               "municipality number \"" + std::string(number) + "\" is not in the register of 2024");
        // The register's texts are string literals: NUL-terminated, static storage.
        if (name) *name = m->name.data();
        if (name_count) *name_count = m->names.size();
    });
}

}  // extern "C"
