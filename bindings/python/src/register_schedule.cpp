// Texts in nb/nn/en, dates and the schedule: sessions, resources, between-session work.
#include "bindings.hpp"

namespace smart_py {

namespace {

std::string quoted(const std::string& s) { return py_repr(display_text(s)); }

std::string text_repr(const smart::localized_text& t) {
    std::string out = "LocalizedText(" + quoted(t.nb);
    if (!t.nn.empty()) out += ", nn=" + quoted(t.nn);
    if (!t.en.empty()) out += ", en=" + quoted(t.en);
    return out + ")";
}

}  // namespace

void register_text(py::module_& m) {
    py::module_ t = m.def_submodule("text", "Texts in bokmål, nynorsk and English.");
    py::class_<smart::localized_text>(t, "LocalizedText",
                                      "A text in bokmål (always present), and optionally nynorsk and English.\n\n"
                                      "get(lang) falls back to bokmål when a translation is missing; str() is the "
                                      "bokmål text.")
        .def(py::init([](text nb, text nn, text en) {
                 return smart::localized_text{std::move(nb), std::move(nn), std::move(en)};
             }),
             py::arg("nb"), py::kw_only(), py::arg("nn") = "", py::arg("en") = "")
        .def_readonly("nb", &smart::localized_text::nb, "The bokmål text.")
        .def_readonly("nn", &smart::localized_text::nn, "The nynorsk text, or '' when not translated.")
        .def_readonly("en", &smart::localized_text::en, "The English text, or '' when not translated.")
        .def("get", &smart::localized_text::get, py::arg("lang") = smart::lang::nb,
             "The text in `lang` ('nb', 'nn' or 'en'), or the bokmål text when that translation is missing.")
        .def("__str__", [](const smart::localized_text& x) { return display_text(x.nb, "surrogateescape"); })
        .def("__repr__", &text_repr)
        .def("__bool__", [](const smart::localized_text& x) { return !x.empty(); })
        .def("__eq__", [](const smart::localized_text& a, const smart::localized_text& b) { return a == b; })
        .def("__hash__", [](const smart::localized_text& x) { return py::hash(py::make_tuple(x.nb, x.nn, x.en)); });
    py::implicitly_convertible<py::str, smart::localized_text>();
}

void register_schedule(py::module_& m) {
    py::module_ s = m.def_submodule("schedule", "Dates, times of day and sessions.");

    s.def(
        "parse_date", [](const text& iso) { return smart::parse_date(iso); }, py::arg("text"),
        "Parses a strict ISO 8601 date 'YYYY-MM-DD'. Raises ParseError otherwise.");
    s.def("to_norwegian", &smart::to_norwegian, py::arg("day"), "The Norwegian way of writing a date: '9.4.2025'.");

    py::class_<smart::resource>(s, "Resource",
                                "A resource handed out with a session (presentation, film, PDF, link, ...).")
        .def(py::init([](text title, text kind, text url) {
                 return smart::resource{std::move(title), std::move(kind), std::move(url)};
             }),
             py::arg("title"), py::kw_only(), py::arg("kind") = "", py::arg("url") = "")
        .def_readonly("title", &smart::resource::title, "The resource's title.")
        .def_readonly("kind", &smart::resource::kind, "Free text: presentation, film, pdf, model, link, ...")
        .def_readonly("url", &smart::resource::url, "Where to find it, or ''.")
        .def("__eq__", [](const smart::resource& a, const smart::resource& b) { return a == b; })
        .def("__repr__", [](const smart::resource& r) {
            return "Resource(" + quoted(r.title) + (r.kind.empty() ? "" : ", kind=" + quoted(r.kind)) +
                   (r.url.empty() ? "" : ", url=" + quoted(r.url)) + ")";
        });

    py::class_<smart::between_session_work>(s, "BetweenSessionWork", "Assignments between sessions (mellomarbeid).")
        .def(py::init([](smart::localized_text description, std::optional<smart::date> due) {
                 return smart::between_session_work{std::move(description), due};
             }),
             py::arg("description"), py::kw_only(), py::arg("due") = py::none())
        .def_readonly("description", &smart::between_session_work::description, "What is to be done.")
        .def_readonly("due", &smart::between_session_work::due, "The day the work is due, or None.")
        .def("__eq__",
             [](const smart::between_session_work& a, const smart::between_session_work& b) { return a == b; })
        .def("__repr__", [](const smart::between_session_work& w) {
            return "BetweenSessionWork(" + text_repr(w.description) +
                   (w.due ? ", due=" + py_repr(py::cast(*w.due)) : std::string()) + ")";
        });

    py::class_<smart::session>(s, "Session",
                               "One session of a cohort: a gathering, the festival, a kick-off, ... of one or more "
                               "days in increasing order.")
        .def(py::init([](text id, smart::session_kind kind, std::vector<smart::date> days,
                         std::optional<smart::time_of_day> start, std::optional<smart::time_of_day> end,
                         std::optional<smart::localized_text> theme, std::optional<smart::localized_text> description,
                         std::vector<text> focus_areas, std::vector<smart::resource> resources,
                         std::optional<smart::between_session_work> work) {
                 smart::session x;
                 x.id = std::move(id);
                 x.kind = kind;
                 x.days = std::move(days);
                 x.start = start;
                 x.end = end;
                 if (theme) x.theme = std::move(*theme);
                 if (description) x.description = std::move(*description);
                 x.focus_areas = values(std::move(focus_areas));
                 x.resources = std::move(resources);
                 x.work = std::move(work);
                 return x;
             }),
             py::arg("id"), py::kw_only(), py::arg("kind"), py::arg("days"), py::arg("start") = py::none(),
             py::arg("end") = py::none(), py::arg("theme") = py::none(), py::arg("description") = py::none(),
             py::arg("focus_areas") = std::vector<std::string>{}, py::arg("resources") = std::vector<smart::resource>{},
             py::arg("between_session_work") = py::none(),
             "A session. It is checked when it becomes part of a cohort's schedule.")
        .def_readonly("id", &smart::session::id, "Stable id, unique in the schedule.")
        .def_readonly("kind", &smart::session::kind, "gathering, festival, kick_off or other.")
        .def_readonly("days", &smart::session::days, "The session's days, in increasing order.")
        .def_readonly("start", &smart::session::start, "Start time (Europe/Oslo local time), or None.")
        .def_readonly("end", &smart::session::end, "End time (Europe/Oslo local time), or None.")
        .def_readonly("theme", &smart::session::theme, "The session's theme.")
        .def_readonly("description", &smart::session::description, "What the session is about.")
        .def_readonly("focus_areas", &smart::session::focus_areas, "Focus areas (for leaders, in Trygge fagfolk).")
        .def_readonly("resources", &smart::session::resources, "Resources handed out with the session.")
        .def_readonly("between_session_work", &smart::session::work,
                      "Assignments due before the next session, or None.")
        .def("__eq__", [](const smart::session& a, const smart::session& b) { return a == b; })
        .def("__repr__", [](const smart::session& x) {
            std::string days;
            for (const auto& d : x.days) days += (days.empty() ? "" : ", ") + smart::to_iso(d);
            return "<Session " + x.id + " (" + smart::to_string(x.kind) + "): " + (days.empty() ? "undated" : days) +
                   ">";
        });
}

}  // namespace smart_py
