// Norwegian public holidays, the schedule check, and iCalendar export (smart._smart.calendar).

#include "bindings.hpp"
#include "smart/agreement_calendar.hpp"
#include "smart/calendar.hpp"
#include "smart/holidays.hpp"

namespace smart_py {

void register_calendar(py::module_& m) {
    py::module_ s = m.def_submodule("calendar", "Norwegian public holidays and iCalendar export.");

    py::class_<smart::holiday>(s, "Holiday", "A Norwegian public holiday.")
        .def_readonly("day", &smart::holiday::day, "The day.")
        .def_property_readonly("kind", [](const smart::holiday& h) { return std::string(smart::to_string(h.kind)); },
                               "Which holiday: new_years_day, maundy_thursday, ..., boxing_day.")
        .def(
            "name", [](const smart::holiday& h, smart::lang l) { return std::string(smart::holiday_name(h.kind, l)); },
            py::arg("lang") = smart::lang::nb, "The holiday's name in `lang`.")
        .def("__eq__", [](const smart::holiday& a, const smart::holiday& b) { return a == b; })
        .def("__repr__", [](const smart::holiday& h) {
            return "<Holiday " + smart::to_iso(h.day) + " " + smart::to_string(h.kind) + ">";
        });

    py::class_<smart::schedule_warning>(s, "ScheduleWarning",
                                        "A session day on a Norwegian public holiday or a weekend.")
        .def_readonly("session_index", &smart::schedule_warning::session, "Position of the session in the schedule.")
        .def_readonly("session_id", &smart::schedule_warning::session_id, "The session's id.")
        .def_readonly("day", &smart::schedule_warning::day, "The day.")
        .def_property_readonly(
            "reason", [](const smart::schedule_warning& w) { return std::string(smart::to_string(w.reason)); },
            "'holiday', 'saturday' or 'sunday'.")
        .def_property_readonly(
            "holiday",
            [](const smart::schedule_warning& w) -> std::optional<std::string> {
                if (!w.holiday) return std::nullopt;
                return std::string(smart::to_string(*w.holiday));
            },
            "The holiday's kind when reason is 'holiday', else None.")
        .def(
            "describe", [](const smart::schedule_warning& w, smart::lang l) { return smart::describe(w, l); },
            py::arg("lang") = smart::lang::nb, "The warning as a sentence in `lang`.")
        .def("__eq__", [](const smart::schedule_warning& a, const smart::schedule_warning& b) { return a == b; })
        .def("__repr__", [](const smart::schedule_warning& w) {
            return "<ScheduleWarning " + w.session_id + " " + smart::to_iso(w.day) + " " + smart::to_string(w.reason) +
                   ">";
        });

    s.def("easter_sunday", &smart::easter_sunday, py::arg("year"),
          "Easter Sunday of `year` (Gregorian computus, years 1583-9999).");
    s.def("holidays_in", &smart::holidays_in, py::arg("year"), "The 12 Norwegian public holidays of `year`, in order.");
    s.def("public_holiday", &smart::public_holiday, py::arg("day"), "The public holiday on `day`, or None.");
    s.def(
        "schedule_warnings", [](const py_cohort& c) { return smart::check_schedule_days(c.get().sessions()); },
        py::arg("cohort"), "The cohort's session days on a public holiday or a weekend, in schedule order.");
    s.def(
        "icalendar",
        [](const py_cohort& c, smart::lang l, std::optional<text> participant, std::optional<text> previous,
           std::optional<std::int64_t> stamp) {
            const auto options = smart::icalendar_options::from(c.get().label(), previous.value_or(text{}).value, stamp);
            const auto events = participant ? smart::participant_events(c.get(), std::string_view(*participant), l)
                                            : smart::cohort_events(c.get(), l);
            return smart::write_icalendar(events, options);
        },
        py::arg("cohort"), py::kw_only(), py::arg("lang") = smart::lang::nb, py::arg("participant") = py::none(),
        py::arg("previous") = py::none(), py::arg("stamp") = py::none(),
        "The cohort's schedule (or one participant's own dates) as iCalendar text; `stamp`: DTSTAMP in seconds "
        "since 1970 UTC (default now).");
    s.def(
        "agreement_schedule_warnings", [](const smart::agreement& a) { return smart::check_agreement_days(a); },
        py::arg("agreement"),
        "The agreement's planned dates and held meetings on a public holiday or a weekend (session: the date's "
        "JSON Pointer).");
    s.def(
        "agreement_icalendar",
        [](const smart::agreement& a, smart::lang l, std::optional<text> previous, std::optional<std::int64_t> stamp) {
            const auto options = smart::icalendar_options::from(a.organisation().name, previous.value_or(text{}).value, stamp);
            return smart::write_icalendar(smart::agreement_events(a, l), options);
        },
        py::arg("agreement"), py::kw_only(), py::arg("lang") = smart::lang::nb, py::arg("previous") = py::none(),
        py::arg("stamp") = py::none(),
        "The agreement's planned dates and agreement-year ends as iCalendar text.");
}

}  // namespace smart_py
