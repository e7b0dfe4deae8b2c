// The C ABI: holidays on a cohort's schedule, and iCalendar export.
#include <boost/date_time/posix_time/conversion.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <nlohmann/json.hpp>

#include "capi.hpp"
#include "smart/calendar.hpp"
#include "smart/holidays.hpp"

using namespace smart::capi;

int smart_cohort_schedule_warnings(char** out, const smart_cohort* cohort, smart_lang lang) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& c = get(cohort, fn).c;
        const smart::lang l = to_cpp(lang, fn);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& w : smart::check_schedule_days(c.sessions())) {
            list.push_back({{"session", w.session_id},
                            {"day", smart::to_iso(w.day)},
                            {"reason", smart::to_string(w.reason)},
                            {"holiday", w.holiday ? nlohmann::json(smart::to_string(*w.holiday)) : nlohmann::json()},
                            {"message", smart::describe(w, l)}});
        }
        *out = dup(list.dump());
    });
}

int smart_cohort_icalendar(char** out, const smart_cohort* cohort, const char* participant, smart_lang lang,
                           const char* previous, long long stamp) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& c = get(cohort, fn).c;
        const smart::lang l = to_cpp(lang, fn);
        smart::icalendar_options options;
        options.name = c.label();
        if (previous) options.previous = previous;
        if (stamp >= 0)
            options.stamp = boost::posix_time::from_time_t(0) + boost::posix_time::seconds(stamp);
        const auto events = participant ? smart::participant_events(c, participant, l) : smart::cohort_events(c, l);
        *out = dup(smart::write_icalendar(events, options));
    });
}
