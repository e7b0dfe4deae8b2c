// Next steps from Python (smart/next_steps.hpp): the core plans the steps and writes the
// smart.next_steps/1 document; smart/evaluation.py reads it (Evaluation.next_steps).
#include "bindings.hpp"

#include "smart/next_steps.hpp"

namespace smart_py {

void register_next_steps(py::module_& m) {
    py::module_ s = m.def_submodule("next_steps", "What each participant must still do, and by when.");
    s.def(
        "next_steps_json",
        [](const py_evaluation& x, const text& participant, std::optional<int> within_days) {
            smart::next_steps_options o{participant.value, within_days};
            py::gil_scoped_release nogil;
            return smart::next_steps_to_json(x.e, o);
        },
        py::arg("evaluation"), py::arg("participant") = text{}, py::arg("within_days") = py::none(),
        "The next steps of every participant (or of one, by id) as a smart.next_steps/1 document; with "
        "within_days, the coordinator's list of the steps due within that many days.");
    s.def(
        "next_steps_icalendar",
        [](const py_evaluation& x, smart::lang l, const text& participant, std::optional<text> previous,
           std::optional<std::int64_t> stamp) {
            const auto options = smart::icalendar_options::from(x.cohort().label(), previous.value_or(text{}).value, stamp);
            py::gil_scoped_release nogil;
            return smart::write_icalendar(smart::next_steps_events(x.e, participant.value, l), options);
        },
        py::arg("evaluation"), py::kw_only(), py::arg("lang") = smart::lang::nb, py::arg("participant") = text{},
        py::arg("previous") = py::none(), py::arg("stamp") = py::none(),
        "Every participant's (or one's) next steps as iCalendar entries on their due days, with an alarm.");
}

}  // namespace smart_py
