// Long-term agreements (smart.agreement/1): loading, recording and reports, all from the
// core; smart/agreement.py lays the reports out as Python data and DataFrames.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "smart/agreement.hpp"

namespace smart_py {

namespace {

using agreement_ptr = std::shared_ptr<smart::agreement>;

std::vector<const smart::cohort*> cohort_list(const std::vector<py_cohort>& cohorts) {
    std::vector<const smart::cohort*> out;
    out.reserve(cohorts.size());
    for (const auto& c : cohorts) out.push_back(&c.get());
    return out;
}

}  // namespace

void register_agreement(py::module_& m) {
    py::module_ s = m.def_submodule("agreement", "Long-term agreements: model, records and reports.");
    py::class_<smart::agreement, agreement_ptr>(s, "Agreement", "A long-term agreement (smart.agreement/1).")
        .def_static(
            "load",
            [](const text& json) { return std::make_shared<smart::agreement>(smart::load_agreement(json.value)); },
            py::arg("json"), "Loads a smart.agreement/1 document from JSON text, all or nothing.")
        .def_static(
            "load_file",
            [](const std::filesystem::path& path) { return std::make_shared<smart::agreement>(smart::load_agreement_file(path)); },
            py::arg("path"), "Loads a smart.agreement/1 document from a file.")
        .def_property_readonly("id", &smart::agreement::id)
        .def_property_readonly("organisation_name", [](const smart::agreement& a) { return a.organisation().name; })
        .def_property_readonly("municipality_number",
                               [](const smart::agreement& a) { return a.organisation().municipality.number; })
        .def_property_readonly("municipality_name", [](const smart::agreement& a) { return a.organisation().municipality.name; })
        .def_property_readonly("kind", [](const smart::agreement& a) { return std::string(smart::to_string(a.organisation().kind)); })
        .def_property_readonly("form", [](const smart::agreement& a) { return std::string(smart::to_string(a.form())); })
        .def_property_readonly("start", &smart::agreement::start)
        .def_property_readonly("end", &smart::agreement::end)
        .def_property_readonly("years", &smart::agreement::years)
        .def_property_readonly("employees", &smart::agreement::employees)
        .def("periods",
             [](const smart::agreement& a) {
                 std::vector<std::tuple<int, smart::date, smart::date>> out;
                 for (const auto& p : a.periods()) out.emplace_back(p.index, p.start, p.end);
                 return out;
             },
             "(index, first day, last day) of each agreement year (half-year for the small form).")
        .def("planned_items",
             [](const smart::agreement& a) {
                 std::vector<std::tuple<std::string, smart::date, int, std::string>> out;
                 for (const auto& d : a.planned_items()) out.emplace_back(smart::to_string(d.kind), d.on, d.period, d.label);
                 return out;
             },
             "(kind, date, period, label) of each planned date, in date order.")
        .def("price_on",
             [](const smart::agreement& a, const text& item, smart::date on) {
                 return a.price_on(smart::parse_price_item(item.value), on);
             },
             py::arg("item"), py::arg("on"), "The price in NOK of an item valid on a date.")
        .def("record",
             [](smart::agreement& a, const text& list, const text& json) {
                 smart::add_agreement_record_json(a, list.value, json.value);
             },
             py::arg("list"), py::arg("json"),
             "Adds one record (JSON as in the document's records.<list>), validated as when loading.")
        .def("report_json",
             [](const smart::agreement& a, smart::date as_of, const std::vector<py_cohort>& cohorts, const text& lang) {
                 const auto list = cohort_list(cohorts);
                 return smart::report_to_json(a, smart::report(a, as_of, list), smart::parse_lang(lang.value));
             },
             py::arg("as_of"), py::arg("cohorts"), py::arg("lang"), "The smart.agreement_report/1 document.");
    s.def(
        "heading", [](const text& key, const text& lang) { return std::string(smart::agreement_heading(key.value, smart::parse_lang(lang.value))); },
        py::arg("key"), py::arg("lang"), "A column heading of agreement reports in the language (the core's words).");
    s.def(
        "portfolio_json",
        [](const std::vector<agreement_ptr>& agreements, smart::date as_of, const std::vector<py_cohort>& cohorts,
           const text& lang) {
            std::vector<const smart::agreement*> list;
            for (const auto& a : agreements) list.push_back(a.get());
            const auto cs = cohort_list(cohorts);
            return smart::portfolio_to_json(list, as_of, cs, smart::parse_lang(lang.value));
        },
        py::arg("agreements"), py::arg("as_of"), py::arg("cohorts"), py::arg("lang"),
        "The smart.agreement_portfolio/1 document of the agreements as of a date.");
    s.def(
        "seats_in_cohort",
        [](const std::vector<agreement_ptr>& agreements, const text& cohort_id) {
            std::vector<const smart::agreement*> list;
            for (const auto& a : agreements) list.push_back(a.get());
            std::vector<std::tuple<std::string, std::string, std::string, smart::date>> out;
            for (const auto& s : smart::seats_in_cohort(list, cohort_id.value))
                out.emplace_back(s.participant, s.agreement, s.organisation, s.on);
            return out;
        },
        py::arg("agreements"), py::arg("cohort_id"),
        "(participant, agreement id, organisation, taken on) of every seat of the agreements in the cohort.");
}

}  // namespace smart_py
