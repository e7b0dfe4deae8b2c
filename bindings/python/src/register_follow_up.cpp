// Follow-up without a certificate from Python (smart/follow_up.hpp): the core follows up
// and writes the smart.follow_up/1 document; smart/follow_up.py reads it into objects.
#include "bindings.hpp"

#include "smart/catalogue.hpp"
#include "smart/follow_up.hpp"

namespace smart_py {

void register_follow_up(py::module_& m) {
    py::module_ s = m.def_submodule("follow_up", "Follow-up of attendance and between-session work, as of a date.");
    s.def(
        "follow_up_json",
        [](const py_cohort& c, smart::date as_of) {
            py::gil_scoped_release nogil;
            return smart::follow_up_to_json(smart::evaluate_follow_up(c.get(), as_of));
        },
        py::arg("cohort"), py::arg("as_of"),
        "The follow-up of every participant as of the end of `as_of`, as a smart.follow_up/1 document.");
    s.def(
        "heading", [](const text& key, smart::lang l) { return std::string(smart::follow_up_heading(key, l)); },
        py::arg("key"), py::arg("lang"), "A word around a follow-up by key (\"gathering\", \"no_certificate_hint\", ...).");
    s.def(
        "demo_cohort_ids", [] { return smart::catalogue::demo_cohort_ids(); }, "Ids of the built-in demo cohorts.");
    s.def(
        "demo_cohort",
        [](const text& id) {
            const std::string key = id.value;
            py::gil_scoped_release nogil;
            return py_cohort{std::make_shared<smart::cohort>(smart::catalogue::demo_cohort(key))};
        },
        py::arg("id"), "A built-in demo cohort by id. Raises NotFoundError naming the ids.");
    s.attr("follow_up_demo_cohort_id") = std::string(smart::catalogue::follow_up_demo_cohort_id);
}

}  // namespace smart_py
