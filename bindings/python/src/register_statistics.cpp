// Cohort statistics over evaluated cohorts, as the core's typed result, and the synthetic
// cohort series of the core. The result's tables are bound as they are (every figure,
// share and suppression decided by the core); smart/statistics.py lays them out as frames.
#include "bindings.hpp"

namespace smart_py {

namespace {

using stats_ptr = std::shared_ptr<smart::statistics>;

/// min_cell as the core takes it: None, or a whole number (not a bool, float or text: a
/// TypeError naming the argument; 0 or less is the core's invalid_argument).
std::optional<std::size_t> min_cell_arg(const py::object& v) {
    if (v.is_none()) return std::nullopt;
    if (!py::isinstance<py::int_>(v) || py::isinstance<py::bool_>(v))
        throw py::type_error("min_cell: expected a whole number (int) or None, not " +
                             std::string(py::str(py::type::of(v).attr("__name__"))) + " " + std::string(py::repr(v)));
    const auto k = v.cast<long long>();
    if (k < 0)  // 0 goes to the core, the one judge of the value
        throw smart::error(smart::errc::invalid_argument,
                           "min_cell: the minimum cell size must be at least 1, not " + std::to_string(k));
    return static_cast<std::size_t>(k);
}

stats_ptr compute(const std::vector<std::shared_ptr<py_evaluation>>& evaluations, const text& by,
                  const py::object& min_cell, const std::map<text, smart::municipality>& mapping) {
    smart::statistics_options o;
    o.by = smart::parse_group_by(by);
    o.min_cell = min_cell_arg(min_cell);
    for (const auto& [recorded, m] : mapping) o.municipality_mapping.emplace(recorded.value, m);
    std::vector<smart::evaluated_cohort> input;
    input.reserve(evaluations.size());
    for (const auto& ev : evaluations) input.push_back({&ev->cohort(), &ev->e});
    py::gil_scoped_release nogil;  // the evaluations are kept alive by the argument list
    return std::make_shared<smart::statistics>(smart::compute_statistics(input, o));
}

void register_group_figures(py::module_& s) {
    using g = smart::group_figures;
    py::class_<g>(s, "GroupFigures",
                  "Figures of one cohort or one group of it. Shares are of enrolled, exact; None when no one is "
                  "enrolled or the group is suppressed (every figure withheld, counts 0).")
        .def_readonly("cohort_id", &g::cohort_id, "The cohort's id.")
        .def_readonly("group", &g::group, "The group's key; '' for the whole cohort.")
        .def_readonly("group_label", &g::group_label, "Municipality name, role or sector.")
        .def_readonly("suppressed", &g::suppressed, "True when the group is smaller than min_cell (or suppressed so as not to reveal one): every figure withheld.")
        .def_readonly("complete", &g::complete,
                      "True when the cohort is complete as of the date: no participant in progress (no one enrolled: "
                      "after its last day). False: still running, its completion rate not final. The cohort's flag on "
                      "its group rows too.")
        .def_readonly("enrolled", &g::enrolled, "Participants enrolled in the cohort or group.")
        .def_readonly("seats", &g::seats, "Whole cohort only; None when the cohort has no capacity.")
        .def_readonly("eligible", &g::eligible, "Eligible for the certificate as of the date.")
        .def_readonly("not_eligible", &g::not_eligible, "Not eligible: some requirement can no longer be met.")
        .def_readonly("in_progress", &g::in_progress, "In progress: nothing unmet, something still pending.")
        .def_readonly("no_certificate", &g::no_certificate, "In a programme without certificate rules.")
        .def_readonly("at_risk", &g::at_risk, "In progress with no attendance slack left.")
        .def_readonly("withdrawn", &g::withdrawn, "Withdrawn as of the date: counted apart, still enrolled.")
        .def_readonly("eligible_share", &g::eligible_share, "The completion rate: eligible of enrolled.")
        .def_readonly("not_eligible_share", &g::not_eligible_share, "Not eligible of enrolled.")
        .def_readonly("in_progress_share", &g::in_progress_share, "In progress of enrolled.")
        .def_readonly("no_certificate_share", &g::no_certificate_share, "No certificate of enrolled.")
        .def_readonly("at_risk_share", &g::at_risk_share, "At risk of enrolled.")
        .def_readonly("withdrawn_share", &g::withdrawn_share, "Withdrawn of enrolled.")
        .def_readonly("completion_rate_excluding_withdrawn", &g::completion_excluding_withdrawn,
                      "Eligible of (enrolled - withdrawn); None when that is no one.")
        .def_property_readonly(
            "completion_excluding_withdrawn",
            [](const g& x) {
                if (PyErr_WarnEx(PyExc_DeprecationWarning,
                                 "GroupFigures.completion_excluding_withdrawn is deprecated: use "
                                 "completion_rate_excluding_withdrawn (the name of the document, the frames and the docs)",
                                 1) < 0)
                    throw py::error_already_set();
                return x.completion_excluding_withdrawn;
            },
            "Deprecated alias of completion_rate_excluding_withdrawn (warns DeprecationWarning).")
        .def_readonly("mean_attendance", &g::mean_attendance, "The exact mean of the participants' attendance ratios; None without an attendance rule or people.")
        .def_readonly("median_attendance", &g::median_attendance, "The exact median of the participants' attendance ratios; None as for the mean.")
        .def_readonly("requirement_states", &g::requirement_states,
                      "Per requirement: [met, unmet, pending, exempt] counts.")
        .def_readonly("requirement_shares", &g::requirement_shares, "The same as shares of enrolled.")
        .def_readonly("through", &g::through,
                      "The funnel: per requirement, how many met (or are exempt from) it and every one before it.")
        .def_readonly("through_shares", &g::through_shares, "The funnel as shares of enrolled.")
        .def_readonly("fill_share", &g::fill_share, "Enrolled of seats (whole cohort); None without seats.")
        .def("__repr__", [](const g& x) {
            return "<GroupFigures " + x.cohort_id + (x.group.empty() ? "" : " " + x.group) +
                   (x.suppressed ? " suppressed>" : ": " + std::to_string(x.enrolled) + " enrolled>");
        });
}

void register_tables(py::module_& s) {
    py::class_<smart::day_figures>(s, "DayFigures", "Attendance on one counted day of a cohort.")
        .def_readonly("cohort_id", &smart::day_figures::cohort_id, "The cohort's id.")
        .def_readonly("day", &smart::day_figures::day, "The counted session day.")
        .def_readonly("session_id", &smart::day_figures::session_id, "The session the day belongs to.")
        .def_readonly("attended", &smart::day_figures::attended, "Present or late.")
        .def_readonly("excused", &smart::day_figures::excused, "Recorded excused.")
        .def_readonly("absent", &smart::day_figures::absent, "Absent or, for a past day, unrecorded.")
        .def_readonly("enrolled", &smart::day_figures::enrolled, "Participants enrolled in the cohort.")
        .def_readonly("past", &smart::day_figures::past, "On or before the as-of date.")
        .def_readonly("attended_share", &smart::day_figures::attended_share, "Attended of enrolled.")
        .def("__repr__", [](const smart::day_figures& d) {
            return "<DayFigures " + d.cohort_id + " " + smart::to_iso(d.day) +
                   (d.past ? ": " + std::to_string(d.attended) + " of " + std::to_string(d.enrolled) + " attended>"
                           : " (after the as-of date)>");
        });
    py::class_<smart::certified_row>(s, "CertifiedRow", "Certified participants of one municipality.")
        .def_readonly("municipality_number", &smart::certified_row::municipality_number, "The municipality's number (after the mapping).")
        .def_readonly("municipality_name", &smart::certified_row::municipality_name, "The municipality's name (after the mapping).")
        .def_readonly("per_cohort", &smart::certified_row::per_cohort, "Per cohort in trend order; None = suppressed.")
        .def_readonly("cumulative", &smart::certified_row::cumulative, "Cumulative; None = suppressed.")
        .def("__repr__", [](const smart::certified_row& r) {
            return "<CertifiedRow " + r.municipality_number + " " + r.municipality_name + ">";
        });
}

void register_result(py::module_& s) {
    using st = smart::statistics;
    py::class_<st, std::shared_ptr<st>>(s, "Statistics", "The core's statistics tables (compute_statistics).")
        .def_property_readonly(
            "group_by", [](const st& x) { return smart::to_string(x.options.by); }, "What the groups are: none, municipality, role or sector.")
        .def_property_readonly(
            "min_cell", [](const st& x) { return x.options.min_cell; }, "The minimum cell size k; None: no suppression.")
        .def_readonly("cohort_ids", &st::cohort_ids, "The cohorts in trend order (first session day, then id).")
        .def_readonly("cohort_labels", &st::cohort_labels, "The cohorts' labels, in trend order.")
        .def_readonly("programme_ids", &st::programme_ids, "The cohorts' programme ids, in trend order.")
        .def_readonly("first_days", &st::first_days, "Per cohort: its first session day (None: no sessions).")
        .def_readonly("last_days", &st::last_days, "Per cohort: its last session day (None: no sessions).")
        .def_readonly("requirement_ids", &st::requirement_ids, "Per cohort: its programme's requirement ids.")
        .def_readonly("cohorts", &st::cohorts, "Whole-cohort figures, in trend order.")
        .def_readonly("groups", &st::groups, "Group figures, cohort by cohort, groups by key.")
        .def_readonly("days", &st::days, "Attendance per counted day, cohort by cohort (never suppressed: a day is not a group of people).")
        .def_readonly("certified", &st::certified, "Certified per municipality, by number.")
        .def(
            "requirement_label",
            [](const st& x, std::size_t cohort, std::size_t q, smart::lang l) {
                return smart::requirement_label(x, cohort, q, l);
            },
            py::arg("cohort"), py::arg("requirement"), py::arg("lang"),
            "The short name of requirement `requirement` of the cohort at `cohort` (trend order) in `lang`.")
        .def(
            "session_label",
            [](const st& x, std::size_t cohort, std::string_view session_id, smart::lang l) {
                return smart::session_label(x, cohort, session_id, l);
            },
            py::arg("cohort"), py::arg("session_id"), py::arg("lang"),
            "A session's name by kind and order ('gathering 2') in `lang`.")
        .def(
            "to_json", [](const st& x) { return smart::statistics_to_json(x); },
            "The smart.statistics/1 document.")
        .def("__repr__", [](const st& x) {
            return "<core Statistics of " + std::to_string(x.cohorts.size()) + " cohort(s)>";
        });
}

}  // namespace

void register_statistics(py::module_& m) {
    py::module_ s = m.def_submodule("statistics", "Cohort statistics and synthetic cohorts.");
    register_group_figures(s);
    register_tables(s);
    register_result(s);

    s.def(
        "compute", [](const std::vector<std::shared_ptr<py_evaluation>>& evaluations, const text& by,
                      const py::object& min_cell, const std::map<text, smart::municipality>& mapping) {
            return compute(evaluations, by, min_cell, mapping);
        },
        py::arg("evaluations"), py::kw_only(), py::arg("by") = "none", py::arg("min_cell") = py::none(),
        py::arg("municipality_mapping") = std::map<text, smart::municipality>{},
        "Every statistics table of the evaluated cohorts (the core's compute_statistics).");
    s.def(
        "statistics_json",
        [](const std::vector<std::shared_ptr<py_evaluation>>& evaluations, const text& by,
           const py::object& min_cell, const std::map<text, smart::municipality>& mapping) {
            return smart::statistics_to_json(*compute(evaluations, by, min_cell, mapping));
        },
        py::arg("evaluations"), py::kw_only(), py::arg("by") = "none", py::arg("min_cell") = py::none(),
        py::arg("municipality_mapping") = std::map<text, smart::municipality>{},
        "Every statistics table of the evaluated cohorts as a smart.statistics/1 document.");
    s.def(
        "mapping_from_rows",
        [](const std::vector<std::pair<text, smart::municipality>>& rows) {
            std::vector<smart::municipality_mapping_row> in;
            in.reserve(rows.size());
            for (const auto& [recorded, m] : rows) in.push_back({recorded.value, m});
            return smart::municipality_mapping_from_rows(in);
        },
        py::arg("rows"),
        "A municipality mapping from (recorded, Municipality) rows; ValidationError at /<row>/recorded for a "
        "recorded number given twice.");

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
