// Next steps through the C ABI (smart/next_steps.h): the document, a handle holding one
// participant's steps planned once (smart_next_steps_plan and its accessors), and the
// older per-call accessors, which plan through the same path.
#include <cstring>

#include "capi.hpp"
#include "smart/next_steps.hpp"

using namespace smart::capi;

struct smart_next_steps;  // incomplete: a handle is a pointer to a next_steps_box

namespace {

constexpr tag next_steps_tag = static_cast<tag>(0x534d4e31);  // "SMN1"

/// One participant's next steps, planned once, with what their words need (the programme
/// and the intervals), so the handle outlives the evaluation.
struct next_steps_box {
    tag kind = next_steps_tag;
    smart::next_steps ns;
    std::shared_ptr<const smart::programme> prog;
    std::vector<smart::interval> intervals;
};

const next_steps_box& get_steps(const smart_next_steps* h, const char* function) {
    return checked<next_steps_box>(h, next_steps_tag, function, "next steps");
}

/// Plans participant `participant` of `evaluation` (the one path of every accessor).
smart::next_steps plan_of(const smart_evaluation* evaluation, std::size_t participant, const char* function) {
    const auto& e = get(evaluation, function).e;
    if (participant >= e.size()) invalid(function, "participant index out of range");
    return smart::next_steps_of(e, participant);
}

const smart::next_step& step_at(const smart::next_steps& ns, std::size_t step, const char* function) {
    if (step >= ns.steps.size()) invalid(function, "step index out of range");
    return ns.steps[step];
}

/// Participant `participant`'s step `step`, planned now (the per-call accessors).
smart::next_step step_of(const smart_evaluation* evaluation, std::size_t participant, std::size_t step,
                         const char* function) {
    return step_at(plan_of(evaluation, participant, function), step, function);
}

void window_of(char* start, char* end, char* due, const smart::next_step& s) {
    write_date(start, s.start);
    write_date(end, s.end);
    if (due) write_date(due, smart::due_on(s));
}

void numbers_of(unsigned* needed, unsigned* of, int* must, const smart::next_step& s) {
    if (needed) *needed = s.needed;
    if (of) *of = s.of;
    if (must) *must = s.must ? 1 : 0;
}

void date_or_empty(char* out, smart::date d) {
    if (!out) return;
    if (d.is_special())
        out[0] = '\0';
    else
        write_date(out, d);
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
        *out = plan_of(evaluation, participant, fn).steps.size();
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
        window_of(start, end, due, step_of(evaluation, participant, step, fn));
    });
}

int smart_next_step_numbers(unsigned* needed, unsigned* of, int* must, const smart_evaluation* evaluation,
                            size_t participant, size_t step) {
    const char* const fn = __func__;
    return guard([&] { numbers_of(needed, of, must, step_of(evaluation, participant, step, fn)); });
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

// --- the handle ----------------------------------------------------------------------------

int smart_next_steps_plan(smart_next_steps** out, const smart_evaluation* evaluation, size_t participant) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& e = get(evaluation, fn).e;
        auto box = std::make_unique<next_steps_box>();
        box->ns = plan_of(evaluation, participant, fn);
        box->prog = e.programme_ptr();
        if (!box->ns.blocked.empty()) box->intervals = e.intervals();
        *out = reinterpret_cast<smart_next_steps*>(box.release());
    });
}

void smart_next_steps_free(smart_next_steps* steps) { release<next_steps_box>(steps, next_steps_tag, __func__); }

int smart_next_steps_summary(smart_overall_status* status, int* at_risk, char* earliest_eligible, char* next_deadline,
                             const smart_next_steps* steps) {
    const char* const fn = __func__;
    if (earliest_eligible) earliest_eligible[0] = '\0';
    if (next_deadline) next_deadline[0] = '\0';
    return guard([&] {
        const auto& b = get_steps(steps, fn);
        if (status) *status = to_c(b.ns.status);
        if (at_risk) *at_risk = b.ns.at_risk ? 1 : 0;
        date_or_empty(earliest_eligible, b.ns.earliest_eligible);
        date_or_empty(next_deadline, b.ns.next_deadline);
    });
}

int smart_next_steps_count(size_t* steps_out, size_t* blocked_out, const smart_next_steps* steps) {
    const char* const fn = __func__;
    return guard([&] {
        const auto& b = get_steps(steps, fn);
        if (steps_out) *steps_out = b.ns.steps.size();
        if (blocked_out) *blocked_out = b.ns.blocked.size();
    });
}

int smart_next_steps_step(const char** kind, const char** requirement_id, const smart_next_steps* steps, size_t step) {
    const char* const fn = __func__;
    if (kind) *kind = nullptr;
    if (requirement_id) *requirement_id = nullptr;
    return guard([&] {
        const auto& b = get_steps(steps, fn);
        const smart::next_step& s = step_at(b.ns, step, fn);
        if (kind) *kind = smart::to_string(s.kind);
        if (requirement_id) *requirement_id = b.prog->requirements[s.requirement].id.c_str();
    });
}

int smart_next_steps_window(char* start, char* end, char* due, const smart_next_steps* steps, size_t step) {
    const char* const fn = __func__;
    if (start) start[0] = '\0';
    if (end) end[0] = '\0';
    if (due) due[0] = '\0';
    return guard([&] {
        need(start, fn, "start is NULL");
        need(end, fn, "end is NULL");
        window_of(start, end, due, step_at(get_steps(steps, fn).ns, step, fn));
    });
}

int smart_next_steps_numbers(unsigned* needed, unsigned* of, int* must, const smart_next_steps* steps, size_t step) {
    const char* const fn = __func__;
    return guard([&] { numbers_of(needed, of, must, step_at(get_steps(steps, fn).ns, step, fn)); });
}

int smart_next_steps_describe(char** out, const smart_next_steps* steps, size_t step, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::lang l = to_cpp(lang, fn);
        *out = dup(smart::describe(step_at(get_steps(steps, fn).ns, step, fn), l));
    });
}

int smart_next_steps_blocked_describe(char** out, const smart_next_steps* steps, size_t blocked, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::lang l = to_cpp(lang, fn);
        const auto& b = get_steps(steps, fn);
        if (blocked >= b.ns.blocked.size()) invalid(fn, "blocked index out of range");
        *out = dup(smart::describe(b.ns.blocked[blocked], *b.prog, b.intervals, l));
    });
}

}  // extern "C"
