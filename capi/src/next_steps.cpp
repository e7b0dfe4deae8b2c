// Next steps through the C ABI (smart/next_steps.h): the document and a few typed accessors.
#include "capi.hpp"
#include "smart/next_steps.hpp"

using namespace smart::capi;

namespace {

/// Participant `participant`'s step `step`, planned now.
smart::next_step step_of(const smart_evaluation* evaluation, std::size_t participant, std::size_t step,
                         const char* function) {
    const auto& e = get(evaluation, function).e;
    if (participant >= e.size()) invalid(function, "participant index out of range");
    const smart::next_steps ns = smart::next_steps_of(e, participant);
    if (step >= ns.steps.size()) invalid(function, "step index out of range");
    return ns.steps[step];
}

}  // namespace

extern "C" {

int smart_next_steps_json(char** out, const smart_evaluation* evaluation, const char* participant_id, int within_days) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = get(evaluation, fn).e;
        smart::next_steps_options o;
        if (participant_id) o.participant = participant_id;
        if (participant_id && o.participant.empty()) invalid(fn, "participant_id is empty: pass NULL for everyone");
        if (within_days >= 0) o.within_days = within_days;
        *out = dup(smart::next_steps_to_json(e, o));
    });
}

int smart_next_step_count(size_t* out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    if (out) *out = 0;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = get(evaluation, fn).e;
        if (participant >= e.size()) invalid(fn, "participant index out of range");
        *out = smart::next_steps_of(e, participant).steps.size();
    });
}

int smart_next_step_kind(const char** out, const smart_evaluation* evaluation, size_t participant, size_t step) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = smart::to_string(step_of(evaluation, participant, step, fn).kind);
    });
}

int smart_next_step_window(char* start, char* end, char* due, const smart_evaluation* evaluation, size_t participant,
                           size_t step) {
    const char* const fn = __func__;
    if (start) start[0] = '\0';
    if (end) end[0] = '\0';
    if (due) due[0] = '\0';
    return guard([&] {
        need(start, fn, "start is NULL");
        need(end, fn, "end is NULL");
        const smart::next_step s = step_of(evaluation, participant, step, fn);
        write_date(start, s.start);
        write_date(end, s.end);
        if (due) write_date(due, smart::due_on(s));
    });
}

int smart_next_step_numbers(unsigned* needed, unsigned* of, int* must, const smart_evaluation* evaluation,
                            size_t participant, size_t step) {
    const char* const fn = __func__;
    return guard([&] {
        const smart::next_step s = step_of(evaluation, participant, step, fn);
        if (needed) *needed = s.needed;
        if (of) *of = s.of;
        if (must) *must = s.must ? 1 : 0;
    });
}

int smart_next_step_describe(char** out, const smart_evaluation* evaluation, size_t participant, size_t step,
                             smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::lang l = to_cpp(lang, fn);
        *out = dup(smart::describe(step_of(evaluation, participant, step, fn), l));
    });
}

}  // extern "C"
