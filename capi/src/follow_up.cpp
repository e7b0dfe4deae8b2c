// The C ABI: follow-up without a certificate (smart/follow_up.h). The core follows up and
// writes the document; this adapter converts the handle and the date.
#include "capi.hpp"
#include "smart/catalogue.hpp"
#include "smart/follow_up.hpp"

using namespace smart::capi;

extern "C" {

int smart_cohort_submission_session(const char** out, const smart_cohort* cohort, size_t participant,
                                    size_t submission) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const smart::cohort& c = get(cohort, fn).c;
        if (participant >= c.size()) invalid(fn, "participant index out of range");
        const auto& list = c.participants()[participant].submissions;
        if (submission >= list.size()) invalid(fn, "submission index out of range");
        *out = list[submission].session().c_str();
    });
}

int smart_cohort_demo_by_id(smart_cohort** out, const char* id) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(id, fn, "id is NULL");
        smart::cohort c = smart::catalogue::demo_cohort(id);
        auto box = std::make_unique<cohort_box>(cohort_box{tag::cohort, std::move(c)});
        *out = handle(box.release());
    });
}

int smart_cohort_follow_up_json(char** out, const smart_cohort* cohort, const char* as_of) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(as_of, fn, "as_of is NULL");
        const smart::cohort& c = get(cohort, fn).c;
        *out = dup(smart::follow_up_to_json(smart::evaluate_follow_up(c, smart::parse_date(as_of))));
    });
}

}  // extern "C"
