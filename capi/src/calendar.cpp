// The C ABI: holidays on a cohort's schedule, and iCalendar export.

#include "capi.hpp"
#include "smart/calendar.hpp"
#include "smart/holidays.hpp"

using namespace smart::capi;

int smart_cohort_schedule_warnings(char** out, const smart_cohort* cohort, smart_lang lang) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const auto& c = get(cohort, fn).c;
        const smart::lang l = to_cpp(lang, fn);
        return dup(smart::schedule_warnings_to_json(smart::check_schedule_days(c.sessions()), l));
    });
}

int smart_cohort_icalendar(char** out, const smart_cohort* cohort, const char* participant, smart_lang lang,
                           const char* previous, long long stamp) {
    const char* const fn = __func__;
    return produce(out, fn, [&] {
        const auto& c = get(cohort, fn).c;
        const smart::lang l = to_cpp(lang, fn);
        const auto options = smart::icalendar_options::from(c.label(), previous ? previous : "", stamp_of(stamp));
        const auto events = participant ? smart::participant_events(c, participant, l) : smart::cohort_events(c, l);
        return dup(smart::write_icalendar(events, options));
    });
}
