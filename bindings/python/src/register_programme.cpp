// Programmes (course designs) and their certificate requirements, read-only from Python;
// the built-in catalogue.
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace smart_py {

namespace {

using programme_ptr = std::shared_ptr<smart::programme>;

/// The catalogue shares its programmes as const; Python only ever reads them.
programme_ptr share(std::shared_ptr<const smart::programme> p) {
    return std::const_pointer_cast<smart::programme>(std::move(p));
}

template <class T>
std::string list_repr(const std::vector<T>& xs) {
    return py_repr(py::cast(xs));
}

}  // namespace

void register_programme(py::module_& m) {
    py::module_ s = m.def_submodule("programme", "Programmes and their certificate requirements.");

    py::class_<smart::attendance_rule>(s, "AttendanceRule",
                                       "At least `min_ratio` of the counted days attended, statuses weighted.")
        .def_readonly("min_ratio", &smart::attendance_rule::min_ratio, "The share of counted days needed (4/5).")
        .def_readonly("weight_present", &smart::attendance_rule::weight_present,
                      "Weight of a day recorded present (1 by default).")
        .def_readonly("weight_late", &smart::attendance_rule::weight_late,
                      "Weight of a day recorded late (1 by default).")
        .def_readonly("weight_excused", &smart::attendance_rule::weight_excused,
                      "Weight of an excused absence (0 by default: still an absence).")
        .def_readonly("counted_kinds", &smart::attendance_rule::counted_kinds,
                      "The session kinds whose days count (gatherings by default).")
        .def("__repr__", [](const smart::attendance_rule& r) {
            return "AttendanceRule(min_ratio=" + r.min_ratio.to_string() + ", weights present " +
                   r.weight_present.to_string() + ", late " + r.weight_late.to_string() + ", excused " +
                   r.weight_excused.to_string() + ")";
        });

    py::class_<smart::interval_notes_rule>(s, "IntervalNotesRule", "Notes between each pair of consecutive gatherings.")
        .def_readonly("per_interval", &smart::interval_notes_rule::per_interval, "Notes needed in each interval.")
        .def_readonly("accepted_kinds", &smart::interval_notes_rule::accepted_kinds,
                      "The submission kinds that count as notes.")
        .def_readonly("require_approval", &smart::interval_notes_rule::require_approval,
                      "Notes count only once approved.")
        .def_readonly("require_portfolio_approval", &smart::interval_notes_rule::require_portfolio_approval,
                      "An approved portfolio is needed in addition.")
        .def("__repr__", [](const smart::interval_notes_rule& r) {
            return "IntervalNotesRule(per_interval=" + std::to_string(r.per_interval) +
                   ", require_approval=" + (r.require_approval ? "True" : "False") +
                   ", require_portfolio_approval=" + (r.require_portfolio_approval ? "True" : "False") + ")";
        });

    py::class_<smart::final_text_rule>(s, "FinalTextRule",
                                       "The final text: page range, categories, approval, deadline.")
        .def_readonly("min_pages", &smart::final_text_rule::min_pages, "Fewest pages, or None.")
        .def_readonly("max_pages", &smart::final_text_rule::max_pages, "Most pages, or None.")
        .def_readonly("categories", &smart::final_text_rule::categories, "Accepted categories (empty: any).")
        .def_readonly("require_approval", &smart::final_text_rule::require_approval,
                      "The text counts only once approved.")
        .def_readonly("deadline", &smart::final_text_rule::deadline, "The deadline, or None for the cohort's last day.")
        .def("__repr__", [](const smart::final_text_rule& r) {
            auto opt = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("None"); };
            return "FinalTextRule(min_pages=" + opt(r.min_pages) + ", max_pages=" + opt(r.max_pages) +
                   ", require_approval=" + (r.require_approval ? "True" : "False") + ")";
        });

    py::class_<smart::festival_rule>(s, "FestivalRule", "Presence at the festival, in one of `roles` when listed.")
        .def_readonly("roles", &smart::festival_rule::roles, "Accepted roles (empty: any recorded presence).")
        .def("__repr__",
             [](const smart::festival_rule& r) { return "FestivalRule(roles=" + list_repr(r.roles) + ")"; });

    py::class_<smart::requirement>(s, "Requirement", "One certificate requirement of a programme.")
        .def_readonly("id", &smart::requirement::id, "Stable id, referred to by exemptions.")
        .def_property_readonly("kind", &smart::requirement::kind, "attendance, interval_notes, final_text or festival.")
        .def_readonly("label", &smart::requirement::label, "A readable name of the requirement.")
        .def_property_readonly(
            "rule", [](const smart::requirement& r) { return r.rule; },
            "The rule's parameters: AttendanceRule, IntervalNotesRule, FinalTextRule or FestivalRule.")
        .def(
            "describe", [](const smart::requirement& r, smart::lang l) { return smart::describe(r, l); },
            py::arg("lang") = smart::lang::nb,
            "The rule as a sentence with its parameters in nb, nn or en (the core's words), e.g. 'Attendance on at "
            "least 4/5 of the days of gatherings (present counts 1, late 1, excused 0)'.")
        .def(
            "short_label", [](const smart::requirement& r, smart::lang l) { return smart::short_label(r, l); },
            py::arg("lang") = smart::lang::nb,
            "A short name for headers and legends in nb, nn or en: the kind's name ('attendance', 'final text'; "
            "one requirement per kind), never the raw id nor another language's words.")
        .def("__repr__", [](const smart::requirement& r) {
            return "<Requirement " + r.id + " (" + smart::to_string(r.kind()) + ")>";
        });

    py::class_<smart::competence_goal>(s, "CompetenceGoal", "A competence goal (kompetansemål).")
        .def_readonly("id", &smart::competence_goal::id, "Stable id.")
        .def_readonly("text", &smart::competence_goal::text, "The goal's text.")
        .def("__repr__", [](const smart::competence_goal& g) { return "<CompetenceGoal " + g.id + ">"; });

    py::class_<smart::programme, programme_ptr>(s, "Programme",
                                                "A programme (course design): aims, competence goals, a default "
                                                "schedule and the certificate requirements. Read-only.")
        .def_readonly("id", &smart::programme::id, "Stable id, e.g. 'smart-trener-2024'.")
        .def_readonly("name", &smart::programme::name, "The programme's name.")
        .def_readonly("provider", &smart::programme::provider, "Who runs the programme.")
        .def_readonly("audience", &smart::programme::audience, "Who the programme is for.")
        .def_readonly("description", &smart::programme::description, "What the programme is.")
        .def_readonly("focus_question", &smart::programme::focus_question, "The programme's focus question.")
        .def_readonly("aims", &smart::programme::aims, "What the programme is meant to achieve.")
        .def_readonly("goals", &smart::programme::goals, "The competence goals.")
        .def_readonly("knowledge_base", &smart::programme::knowledge_base, "The theories the programme draws on.")
        .def_readonly("seats", &smart::programme::seats, "Default capacity of a cohort, or None.")
        .def_readonly("sessions", &smart::programme::sessions, "The default schedule (empty for a template).")
        .def_readonly("requirements", &smart::programme::requirements, "The certificate requirements, in order.")
        .def_property_readonly("has_certificate", &smart::programme::has_certificate,
                               "True when the programme has certificate rules.")
        .def(
            "find_requirement",
            [](const smart::programme& p, const text& id) -> std::optional<smart::requirement> {
                const auto* r = p.find_requirement(id);
                return r ? std::optional<smart::requirement>(*r) : std::nullopt;
            },
            py::arg("id"), "The requirement with this id, or None.")
        .def("to_json", &smart::save_programme, py::call_guard<py::gil_scoped_release>(),
             "The programme as a smart.programme/1 document.")
        .def("save", &smart::save_programme_file, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
             "Writes the programme document to a file, replacing it atomically and durably.")
        .def("__eq__", [](const smart::programme& a, const smart::programme& b) { return a == b; })
        .def("__repr__", [](const smart::programme& p) {
            return "<Programme " + p.id + " " + py_repr(py::str(p.name.nb)) + ": " + std::to_string(p.sessions.size()) +
                   " sessions, " + std::to_string(p.requirements.size()) + " requirements>";
        });

    s.def(
        "load_programme",
        [](const text& doc) { return std::make_shared<smart::programme>(smart::load_programme(doc)); },
        py::arg("text"), py::call_guard<py::gil_scoped_release>(),
        "Parses and validates a smart.programme/1 document (JSON text).");
    s.def(
        "load_programme_file",
        [](const std::filesystem::path& path) {
            return std::make_shared<smart::programme>(smart::load_programme_file(path));
        },
        py::arg("path"), py::call_guard<py::gil_scoped_release>(), "Loads a smart.programme/1 document from a file.");
}

void register_catalogue(py::module_& m) {
    py::module_ s = m.def_submodule("catalogue", "The built-in programmes and the demo cohort.");
    s.def("programme_ids", &smart::catalogue::programme_ids, "Ids of the built-in programmes, in catalogue order.");
    s.def(
        "get", [](const text& id) { return share(smart::catalogue::get(id)); }, py::arg("id"),
        "The built-in programme with this id. Raises NotFoundError.");
    s.def(
        "programme_json", [](const text& id) { return std::string(smart::catalogue::programme_json(id)); },
        py::arg("id"), "The built-in programme document as JSON text.");
    s.def(
        "demo_cohort_json", [] { return std::string(smart::catalogue::demo_cohort_json()); },
        "The demo cohort document as JSON text.");
    s.def(
        "demo_cohort", [] { return py_cohort{std::make_shared<smart::cohort>(smart::catalogue::demo_cohort())}; },
        py::call_guard<py::gil_scoped_release>(), "The demo cohort (36 fictional participants), loaded.");
    s.attr("demo_cohort_id") = std::string(smart::catalogue::demo_cohort_id);
}

}  // namespace smart_py
