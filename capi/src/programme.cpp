// The C ABI: the built-in catalogue and programmes.
#include "capi.hpp"

using namespace smart::capi;

namespace {

/// The catalogue ids as static strings, so smart_catalogue_id() can lend them for the life
/// of the process (thread-safe static initialisation).
const std::vector<std::string>& catalogue_ids() {
    static const std::vector<std::string> ids = smart::catalogue::programme_ids();
    return ids;
}

void make_programme(smart_programme** out, std::shared_ptr<const smart::programme> prog, std::string catalogue_id) {
    auto box = std::make_unique<programme_box>();
    box->prog = std::move(prog);
    box->catalogue_id = std::move(catalogue_id);
    *out = handle(box.release());
}

}  // namespace

extern "C" {

int smart_catalogue_count(size_t* out) {
    const char* const fn = __func__;
    return guard([&] { *need(out, fn, "out is NULL") = catalogue_ids().size(); });
}

int smart_catalogue_id(const char** out, size_t index) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& ids = catalogue_ids();
        if (index >= ids.size()) invalid(fn, "index out of range");
        *out = ids[index].c_str();
    });
}

int smart_catalogue_json(char** out, const char* programme_id) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(programme_id, fn, "programme_id is NULL");
        *out = dup(smart::catalogue::programme_json(programme_id));
    });
}

int smart_programme_from_catalogue(smart_programme** out, const char* programme_id) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(programme_id, fn, "programme_id is NULL");
        make_programme(out, smart::catalogue::get(programme_id), programme_id);
    });
}

int smart_programme_load_json(smart_programme** out, const char* json) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(json, fn, "json is NULL");
        make_programme(out, std::make_shared<const smart::programme>(smart::load_programme(json)), {});
    });
}

int smart_programme_load_file(smart_programme** out, const char* path) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(path, fn, "path is NULL");
        make_programme(out, std::make_shared<const smart::programme>(smart::load_programme_file(path)), {});
    });
}

int smart_programme_save_json(char** out, const smart_programme* programme) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = dup(smart::save_programme(*get(programme, fn).prog));
    });
}

int smart_programme_save_file(const smart_programme* programme, const char* path) {
    const char* const fn = __func__;
    return guard([&] {
        const auto& p = *get(programme, fn).prog;
        need(path, fn, "path is NULL");
        smart::save_programme_file(p, path);
    });
}

int smart_programme_id(const char** out, const smart_programme* programme) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(programme, fn).prog->id.c_str();
    });
}

int smart_programme_name(const char** out, const smart_programme* programme, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(programme, fn);
        *out = box.prog->name.get(to_cpp(lang, fn)).c_str();
    });
}

int smart_programme_requirement_count(size_t* out, const smart_programme* programme) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(programme, fn).prog->requirements.size();
    });
}

int smart_programme_requirement_id(const char** out, const smart_programme* programme, size_t index) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& reqs = get(programme, fn).prog->requirements;
        if (index >= reqs.size()) invalid(fn, "index out of range");
        *out = reqs[index].id.c_str();
    });
}

int smart_programme_requirement_describe(char** out, const smart_programme* programme, size_t index, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& reqs = get(programme, fn).prog->requirements;
        if (index >= reqs.size()) invalid(fn, "index out of range");
        *out = dup(smart::describe(reqs[index], to_cpp(lang, fn)));
    });
}

void smart_programme_free(smart_programme* programme) { release<programme_box>(programme, tag::programme, __func__); }

}  // extern "C"
