// The spreadsheet import from C (smart/sheet_import.hpp, smart/xlsx.hpp, smart/csv.hpp): a
// workbook, a CSV file or a directory of CSV files into a copy of a cohort, every problem
// reported as JSON.
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

#include "capi.hpp"
#include "smart/sheet_import.hpp"
#include "smart/csv.hpp"
#include "smart/xlsx.hpp"

using namespace smart::capi;

namespace {

/// The import of the tables `read` reads from `path`, for both entry points.
template <class Read>
int import_from(const char* fn, smart_cohort** out, char** problems, const smart_cohort* base, const char* path,
                smart_lang lang, Read read) {
    if (out) *out = nullptr;
    if (problems) *problems = nullptr;
    int status = 0;
    const int guarded = guard([&] {
        need(out, fn, "out is NULL");
        const auto& b = get(base, fn).c;
        need(path, fn, "path is NULL");
        const smart::lang l = to_cpp(lang, fn);
        auto r = smart::import_sheets(b, read(std::string(path)));
        if (r.cohort) {
            auto box = std::make_unique<cohort_box>(cohort_box{tag::cohort, std::move(*r.cohort)});
            *out = handle(box.release());
            return;
        }
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& p : r.problems)
            list.push_back({{"table", p.table},
                            {"line", p.line},
                            {"column", p.column},
                            {"header", p.header},
                            {"found", p.found},
                            {"expected", smart::expected(p, l)},
                            {"message", smart::message(p, l)},
                            {"pointer", p.pointer},
                            {"code", smart::to_string(p.code)},
                            {"text", smart::describe(p, l)}});
        if (problems) *problems = dup(list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
        const auto& first = r.problems.front();
        status = fail(first.code, smart::describe(first, l).c_str(), first.pointer.c_str());
    });
    return guarded != 0 ? guarded : status;
}

}  // namespace

extern "C" {

int smart_cohort_import_xlsx(smart_cohort** out, char** problems, const smart_cohort* base, const char* path,
                             smart_lang lang) {
    return import_from(__func__, out, problems, base, path, lang, [](const std::string& p) { return smart::read_xlsx(p); });
}

int smart_cohort_import(smart_cohort** out, char** problems, const smart_cohort* base, const char* path,
                        smart_lang lang) {
    return import_from(__func__, out, problems, base, path, lang, [](const std::string& p) { return smart::read_tables(p); });
}

int smart_cohort_import_data(smart_cohort** out, char** problems, const smart_cohort* base, const void* data,
                             size_t size, const char* name, smart_lang lang) {
    const char* const fn = __func__;
    return import_from(fn, out, problems, base, name, lang, [&](const std::string& n) {
        if (size > 0) need(data, fn, "data is NULL");
        return smart::read_tables_data(size > 0 ? std::string_view(static_cast<const char*>(data), size) : std::string_view(), n);
    });
}

}  // extern "C"
