// The C ABI: long-term agreements. The core reads, validates and reports; this adapter
// converts handles and returns the documents.
#include <nlohmann/json.hpp>

#include "capi.hpp"
#include "smart/agreement_calendar.hpp"

using namespace smart::capi;

namespace {

constexpr std::uint32_t agreement_tag = 0x534d4131;  // "SMA1"

struct agreement_box {
    std::uint32_t kind = agreement_tag;
    smart::agreement a;
};

const agreement_box& get_agreement(const smart_agreement* h, const char* fn) {
    if (!h) bad_handle(h, fn, "agreement");
    std::uint32_t actual;
    std::memcpy(&actual, h, sizeof actual);
    if (actual != agreement_tag) bad_handle(h, fn, "agreement");
    return *reinterpret_cast<const agreement_box*>(h);
}

std::vector<const smart::cohort*> cohort_list(const smart_cohort* const* cohorts, size_t n, const char* fn) {
    if (n > 0) need(cohorts, fn, "cohorts is NULL");
    std::vector<const smart::cohort*> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) out.push_back(&get(need(cohorts[i], fn, "a cohort is NULL"), fn).c);
    return out;
}

void make(smart_agreement** out, smart::agreement a) {
    *out = reinterpret_cast<smart_agreement*>(new agreement_box{agreement_tag, std::move(a)});
}

}  // namespace

extern "C" {

int smart_agreement_load_json(smart_agreement** out, const char* json) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(json, fn, "json is NULL");
        make(out, smart::load_agreement(json));
    });
}

int smart_agreement_load_file(smart_agreement** out, const char* path) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(path, fn, "path is NULL");
        make(out, smart::load_agreement_file(path));
    });
}

int smart_agreement_record_json(smart_agreement* agreement, const char* list, const char* json) {
    const char* const fn = __func__;
    return guard([&] {
        auto& box = const_cast<agreement_box&>(get_agreement(agreement, fn));
        need(list, fn, "list is NULL");
        need(json, fn, "json is NULL");
        smart::add_agreement_record_json(box.a, list, json);
    });
}

int smart_agreement_report_json(char** out, const smart_agreement* agreement, const char* as_of,
                                const smart_cohort* const* cohorts, size_t n, smart_lang lang) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const auto& a = get_agreement(agreement, fn).a;
        need(as_of, fn, "as_of is NULL");
        const smart::date d = smart::parse_date(as_of);
        const smart::lang l = to_cpp(lang, fn);
        const auto list = cohort_list(cohorts, n, fn);
        return dup(smart::report_to_json(a, smart::report(a, d, list), l));
    });
}

int smart_agreement_portfolio_json(char** out, const smart_agreement* const* agreements, size_t n, const char* as_of,
                                   const smart_cohort* const* cohorts, size_t n_cohorts, smart_lang lang) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        if (n > 0) need(agreements, fn, "agreements is NULL");
        need(as_of, fn, "as_of is NULL");
        const smart::date d = smart::parse_date(as_of);
        const smart::lang l = to_cpp(lang, fn);
        std::vector<const smart::agreement*> list;
        list.reserve(n);
        for (size_t i = 0; i < n; ++i) list.push_back(&get_agreement(need(agreements[i], fn, "an agreement is NULL"), fn).a);
        const auto cs = cohort_list(cohorts, n_cohorts, fn);
        return dup(smart::portfolio_to_json(list, d, cs, l));
    });
}

int smart_agreement_seats_in_cohort_json(char** out, const smart_agreement* const* agreements, size_t n,
                                         const char* cohort_id) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        if (n > 0) need(agreements, fn, "agreements is NULL");
        need(cohort_id, fn, "cohort_id is NULL");
        std::vector<const smart::agreement*> list;
        list.reserve(n);
        for (size_t i = 0; i < n; ++i) list.push_back(&get_agreement(need(agreements[i], fn, "an agreement is NULL"), fn).a);
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& s : smart::seats_in_cohort(list, cohort_id))
            rows.push_back({{"participant", s.participant},
                            {"agreement", s.agreement},
                            {"organisation", s.organisation},
                            {"taken_on", smart::to_iso(s.on)}});
        return dup(rows.dump());
    });
}

void smart_agreement_free(smart_agreement* agreement) {
    if (!agreement) return;
    std::uint32_t actual;
    std::memcpy(&actual, agreement, sizeof actual);
    if (actual != agreement_tag) {
        fail(smart::errc::invalid_argument, "smart_agreement_free: not a live handle of this kind, left alone");
        return;
    }
    auto* box = reinterpret_cast<agreement_box*>(agreement);
    box->kind = 0;
    delete box;
}

}  // extern "C"

int smart_agreement_schedule_warnings(char** out, const smart_agreement* agreement, smart_lang lang) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const auto& a = get_agreement(agreement, fn).a;
        const smart::lang l = to_cpp(lang, fn);
        return dup(smart::schedule_warnings_to_json(smart::check_agreement_days(a), l));
    });
}

int smart_agreement_icalendar(char** out, const smart_agreement* agreement, smart_lang lang, const char* previous,
                              long long stamp) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const auto& a = get_agreement(agreement, fn).a;
        const smart::lang l = to_cpp(lang, fn);
        const auto options =
            smart::icalendar_options::from(a.organisation().name, previous ? previous : "", stamp_of(stamp));
        return dup(smart::write_icalendar(smart::agreement_events(a, l), options));
    });
}
