// The C ABI: evaluation, its typed accessors, the evaluation document and certificate data.
#include <algorithm>
#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "capi.hpp"

using namespace smart::capi;

namespace {

const smart::evaluation& checked_participant(const evaluation_box& box, std::size_t participant, const char* function) {
    if (participant >= box.e.size()) invalid(function, "participant index out of range");
    return box.e;
}

void check_requirement(const evaluation_box& box, std::size_t requirement, const char* function) {
    if (requirement >= box.e.requirement_count()) invalid(function, "requirement index out of range");
}

}  // namespace

extern "C" {

int smart_evaluate_options_init(smart_evaluate_options* options, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(options, fn, "options is NULL");
        if (version < 1 || version > SMART_EVALUATE_OPTIONS_VERSION) invalid(fn, "unknown structure version");
        *options = smart_evaluate_options SMART_EVALUATE_OPTIONS_INIT;
        options->version = version;
    });
}

int smart_evaluate(smart_evaluation** out, const smart_cohort* cohort, const smart_evaluate_options* options) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::cohort& c = get(cohort, fn).c;
        smart_evaluate_options opts = SMART_EVALUATE_OPTIONS_INIT;
        if (options) {
            if (options->version < 1 || options->version > SMART_EVALUATE_OPTIONS_VERSION)
                invalid(fn, "unknown smart_evaluate_options version (initialise it with SMART_EVALUATE_OPTIONS_INIT)");
            opts.as_of = options->as_of;  // version 1 fields
        }
        const smart::date as_of =
            opts.as_of ? smart::parse_date(opts.as_of) : boost::gregorian::day_clock::local_day();

        auto box = std::make_unique<evaluation_box>();
        box->e = smart::evaluate(c, as_of);
        *out = handle(box.release());
    });
}

int smart_evaluation_as_of(char* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    if (out) out[0] = '\0';
    return guard([&] {
        need(out, fn, "out is NULL");
        write_date(out, get(evaluation, fn).e.as_of());
    });
}

int smart_evaluation_participant_count(size_t* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(evaluation, fn).e.size();
    });
}

int smart_evaluation_participant_id(const char** out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        *out = box.e.participant(participant).id.c_str();
    });
}

int smart_evaluation_participant_index(size_t* out, const smart_evaluation* evaluation, const char* participant_id) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        need(participant_id, fn, "participant_id is NULL");
        *out = box.e.index_of(participant_id);
    });
}

int smart_evaluation_status(smart_overall_status* out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = checked_participant(get(evaluation, fn), participant, fn);
        *out = to_c(e.result(participant).status);
    });
}

int smart_evaluation_at_risk(int* out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = checked_participant(get(evaluation, fn), participant, fn);
        *out = e.result(participant).at_risk ? 1 : 0;
    });
}

int smart_evaluation_count(size_t* out, const smart_evaluation* evaluation, smart_overall_status status) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = get(evaluation, fn).e;
        const smart::status_counts n = e.counts();
        switch (to_cpp(status, fn)) {
            case smart::overall_status::eligible: *out = n.eligible; break;
            case smart::overall_status::not_eligible: *out = n.not_eligible; break;
            case smart::overall_status::in_progress: *out = n.in_progress; break;
            case smart::overall_status::no_certificate: *out = n.no_certificate; break;
            case smart::overall_status::withdrawn: *out = n.withdrawn; break;
        }
    });
}

int smart_evaluation_at_risk_count(size_t* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(evaluation, fn).e.counts().at_risk;
    });
}

int smart_evaluation_requirement_count(size_t* out, const smart_evaluation* evaluation) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(evaluation, fn).e.requirement_count();
    });
}

int smart_evaluation_requirement_id(const char** out, const smart_evaluation* evaluation, size_t requirement) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        check_requirement(box, requirement, fn);
        *out = box.e.programme().requirements[requirement].id.c_str();
    });
}

int smart_evaluation_requirement_kind(smart_requirement_kind* out, const smart_evaluation* evaluation,
                                      size_t requirement) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        check_requirement(box, requirement, fn);
        *out = to_c(box.e.programme().requirements[requirement].kind());
    });
}

int smart_evaluation_requirement_state(smart_requirement_state* out, const smart_evaluation* evaluation,
                                       size_t participant, size_t requirement) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        check_requirement(box, requirement, fn);
        *out = to_c(box.e.requirements(participant)[requirement].state);
    });
}

int smart_status_label(const char** out, smart_overall_status status, int at_risk, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::overall_status s = to_cpp(status, fn);
        const smart::lang l = to_cpp(lang, fn);
        // every status, with and without the note, in every language: made once, kept
        static const std::array<std::string, 5 * 2 * 3> labels = [] {
            std::array<std::string, 5 * 2 * 3> a;
            for (std::size_t i = 0; i < a.size(); ++i)
                a[i] = smart::status_label(static_cast<smart::overall_status>(i / 6), (i / 3) % 2 == 1,
                                           static_cast<smart::lang>(i % 3));
            return a;
        }();
        *out = labels[static_cast<std::size_t>(s) * 6 + (at_risk ? 3 : 0) + static_cast<std::size_t>(l)].c_str();
    });
}

int smart_requirement_state_label(const char** out, smart_requirement_state state, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = smart::label(to_cpp(state, fn), to_cpp(lang, fn));
    });
}

int smart_evaluation_explain(char** out, const smart_evaluation* evaluation, size_t participant, size_t requirement,
                             smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        check_requirement(box, requirement, fn);
        *out = dup(box.e.explain(participant, requirement, to_cpp(lang, fn)));
    });
}

int smart_evaluation_missing(char** out, const smart_evaluation* evaluation, size_t participant, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& box = get(evaluation, fn);
        checked_participant(box, participant, fn);
        std::string text;
        for (const std::string& line : box.e.missing(participant, to_cpp(lang, fn))) {
            text += line;
            text += '\n';
        }
        *out = dup(text);
    });
}

int smart_evaluation_to_json(char** out, const smart_evaluation* evaluation, const smart_cohort* cohort) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = get(evaluation, fn).e;
        *out = dup(smart::evaluation_to_json(e, get(cohort, fn).c));
    });
}

int smart_certificate_data_json(char** out, const smart_cohort* cohort, const smart_evaluation* evaluation,
                                size_t participant) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& c = get(cohort, fn).c;
        const auto& e = get(evaluation, fn).e;
        *out = dup(smart::certificate_data_to_json(smart::certificate_for(c, e, participant)));
    });
}

void smart_evaluation_free(smart_evaluation* evaluation) {
    release<evaluation_box>(evaluation, tag::evaluation, __func__);
}

}  // extern "C"
