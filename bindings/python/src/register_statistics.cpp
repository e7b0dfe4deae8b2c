// Cohort statistics over evaluated cohorts, and the synthetic cohort series of the core.
#include "bindings.hpp"

namespace smart_py {

void register_statistics(py::module_& m) {
    py::module_ s = m.def_submodule("statistics", "Cohort statistics and synthetic cohorts.");

    s.def(
        "statistics_json",
        [](const std::vector<std::shared_ptr<py_evaluation>>& evaluations, const text& by,
           std::optional<std::size_t> min_cell, const std::map<text, smart::municipality>& mapping) {
            smart::statistics_options o;
            o.by = smart::parse_group_by(by);
            o.min_cell = min_cell;
            for (const auto& [recorded, m] : mapping) o.municipality_mapping.emplace(recorded.value, m);
            std::vector<smart::evaluated_cohort> input;
            input.reserve(evaluations.size());
            for (const auto& ev : evaluations) input.push_back({&ev->cohort(), &ev->e});
            py::gil_scoped_release nogil;  // the evaluations are kept alive by the argument list
            return smart::statistics_to_json(smart::compute_statistics(input, o));
        },
        py::arg("evaluations"), py::kw_only(), py::arg("by") = "none", py::arg("min_cell") = py::none(),
        py::arg("municipality_mapping") = std::map<std::string, smart::municipality>{},
        "Every statistics table of the evaluated cohorts as a smart.statistics/1 document.");

    s.def(
        "cohort_series",
        [](std::uint64_t seed, int first_year, int years, std::size_t participants, int dropout_percent) {
            smart::synthetic::options o;
            o.seed = seed;
            o.first_year = first_year;
            o.years = years;
            o.participants = participants;
            o.dropout_percent = dropout_percent;
            std::vector<smart::cohort> cs;
            {
                py::gil_scoped_release nogil;
                cs = smart::synthetic::cohort_series(o);
            }
            std::vector<py_cohort> out;
            out.reserve(cs.size());
            for (auto& c : cs) out.push_back(py_cohort{std::make_shared<smart::cohort>(std::move(c))});
            return out;
        },
        py::kw_only(), py::arg("seed") = 2017, py::arg("first_year") = 2017, py::arg("years") = 9,
        py::arg("participants") = 36, py::arg("dropout_percent") = 6,
        "One synthetic cohort per year of the trainer programme's shape (fictional people).");
}

}  // namespace smart_py
