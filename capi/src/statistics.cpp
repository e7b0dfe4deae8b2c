// The C ABI: cohort statistics as a smart.statistics/1 document. The core computes every
// figure and every suppression, reads the municipality mapping (a small JSON object) and
// checks it; this adapter converts the handles and the options and returns the document.
#include "capi.hpp"

using namespace smart::capi;

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
            if (options->municipality_mapping) o.municipality_mapping = smart::municipality_mapping_from_json(options->municipality_mapping);
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

int smart_statistics_cohort_complete(int* complete, const smart_cohort* cohort, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    return guard([&] {
        need(complete, fn, "complete is NULL");
        const auto& c = get(need(cohort, fn, "cohort is NULL"), fn).c;
        const auto& e = get(need(evaluation, fn, "evaluation is NULL"), fn).e;
        const smart::evaluated_cohort input[1] = {{&c, &e}};
        // the statistics' own flag (group_figures::complete), so C reads what the document says
        *complete = smart::compute_statistics(input).cohorts.front().complete ? 1 : 0;
    });
}

}  // extern "C"
