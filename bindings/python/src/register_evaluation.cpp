// The rule engine from Python: evaluate a cohort as of a date; per-participant and
// per-requirement results with their numbers, explanations and warnings; whole columns.
#include "bindings.hpp"
#include "columns.hpp"

#include <bit>

namespace smart_py {

namespace {

/// One participant's outcome within an evaluation.
struct participant_result_ref {
    evaluation_ptr ev;
    std::size_t index;
    const smart::participant& record() const { return ev->e.participant(index); }
};

/// One requirement's result for one participant.
struct requirement_result_ref {
    evaluation_ptr ev;
    std::size_t participant;
    std::size_t requirement;
    const smart::requirement_result& r() const { return ev->e.requirements(participant)[requirement]; }
    const smart::requirement& def() const { return ev->e.programme().requirements[requirement]; }
};

/// A warning of an evaluation.
struct warning_ref {
    evaluation_ptr ev;
    smart::warning w;
};

std::vector<int> interval_numbers(std::uint64_t mask) {
    std::vector<int> out;
    for (int i = 0; i < 64; ++i)
        if (mask & (std::uint64_t{1} << i)) out.push_back(i + 1);
    return out;
}

std::optional<smart::date> opt_date(smart::date d) { return d.is_special() ? std::nullopt : std::optional(d); }

/// The numbers of a result that mean something for its kind (docs/format.md, "Numbers by kind").
py::dict numbers_of(const smart::requirement_result& r) {
    py::dict d;
    switch (r.kind) {
        case smart::requirement_kind::attendance:
            d["attended"] = r.attended;
            d["counted_days"] = r.counted_days;
            d["required_days"] = r.required_days;
            d["past_days"] = r.past_days;
            d["remaining_days"] = r.remaining_days;
            d["unrecorded_days"] = r.unrecorded_days;
            break;
        case smart::requirement_kind::interval_notes:
            d["intervals"] = r.intervals;
            d["intervals_met"] = r.intervals_met;
            d["missing"] = interval_numbers(r.missing_intervals);
            d["open"] = interval_numbers(r.open_intervals);
            d["portfolio_approved"] = r.portfolio_approved;
            d["portfolio_deadline"] = opt_date(r.deadline);
            d["awaiting_approval"] = r.awaiting_approval;
            break;
        case smart::requirement_kind::final_text:
            d["date"] = opt_date(r.on);
            d["pages"] = r.pages ? std::optional<int>(r.pages) : std::nullopt;
            d["deadline"] = opt_date(r.deadline);
            d["awaiting_approval"] = r.awaiting_approval;
            break;
        case smart::requirement_kind::festival:
            d["date"] = opt_date(r.on);
            d["role"] = r.role;
            d["festival_day"] = opt_date(r.deadline);
            break;
    }
    return d;
}

std::vector<requirement_result_ref> requirements_of(const participant_result_ref& p) {
    std::vector<requirement_result_ref> out;
    for (std::size_t r = 0; r < p.ev->e.requirement_count(); ++r) out.push_back({p.ev, p.index, r});
    return out;
}

std::vector<warning_ref> warnings_of(const evaluation_ptr& ev, std::span<const smart::warning> ws) {
    std::vector<warning_ref> out;
    out.reserve(ws.size());
    for (const auto& w : ws) out.push_back({ev, w});
    return out;
}

std::size_t checked(const evaluation_ptr& ev, std::size_t i) {
    if (i >= ev->e.size()) throw py::index_error("participant index out of range");
    return i;
}

/// The requirement-state column names of the per-participant table: the requirement id,
/// or "<id>_state" where the id is taken by a fixed column.
std::vector<std::string> state_column_names(const smart::programme& p) {
    static const char* fixed[] = {"participant_id", "name",    "municipality_number",
                                  "municipality",   "role",    "sector",
                                  "status",         "at_risk", "warnings"};
    std::vector<std::string> out;
    for (const auto& r : p.requirements) {
        bool taken = false;
        for (const char* f : fixed) taken = taken || r.id == f;
        out.push_back(taken ? r.id + "_state" : r.id);
    }
    return out;
}

py::list participant_columns(const evaluation_ptr& ev) {
    const smart::evaluation& e = ev->e;
    const smart::cohort& c = ev->cohort();
    const std::size_t n = e.size(), R = e.requirement_count();
    column_table t;
    participant_identity_columns who(t, n);
    auto* status = t.enum_codes<smart::overall_status>("status", n);
    auto* at_risk = t.array<bool>("at_risk", n);
    auto* warnings = t.array<std::int32_t>("warnings", n);
    std::vector<std::int32_t*> states;
    for (const auto& col : state_column_names(e.programme()))
        states.push_back(t.enum_codes<smart::requirement_state>(col, n));
    {
        py::gil_scoped_release nogil;
        const auto& ps = c.participants();
        for (std::size_t i = 0; i < n; ++i) {
            who.fill(i, ps[i]);
            const auto& res = e.result(i);
            status[i] = column_table::enum_code(res.status);
            at_risk[i] = res.at_risk;
            std::int64_t occurrences = 0;  // what the warnings stand for: unrecorded days, notes, ...
            for (const auto& w : e.warnings_of(i)) occurrences += w.count;
            warnings[i] = static_cast<std::int32_t>(occurrences);
            const auto reqs = e.requirements(i);
            for (std::size_t r = 0; r < R; ++r) states[r][i] = column_table::enum_code(reqs[r].state);
        }
    }
    who.finish(t);
    return t.result();
}

py::list requirement_columns(const evaluation_ptr& ev) {
    const smart::evaluation& e = ev->e;
    const smart::cohort& c = ev->cohort();
    const std::size_t n = e.size(), R = e.requirement_count(), rows = n * R;
    using K = smart::requirement_kind;
    column_table t;
    auto* pid = t.codes("participant_id", rows);
    auto* rid = t.codes("requirement_id", rows);
    auto* kind = t.enum_codes<smart::requirement_kind>("kind", rows);
    auto* state = t.enum_codes<smart::requirement_state>("state", rows);
    auto* attended = t.array<double>("attended", rows);
    auto [counted, no_counted] = t.masked<std::int32_t>("counted_days", rows);
    auto [required, no_required] = t.masked<std::int32_t>("required_days", rows);
    auto [past, no_past] = t.masked<std::int32_t>("past_days", rows);
    auto [remaining, no_remaining] = t.masked<std::int32_t>("remaining_days", rows);
    auto [unrecorded, no_unrecorded] = t.masked<std::int32_t>("unrecorded_days", rows);
    auto [intervals, no_intervals] = t.masked<std::int32_t>("intervals", rows);
    auto [met, no_met] = t.masked<std::int32_t>("intervals_met", rows);
    auto [missing, no_missing] = t.masked<std::int32_t>("intervals_missing", rows);
    auto [open, no_open] = t.masked<std::int32_t>("intervals_open", rows);
    auto [portfolio, no_portfolio] = t.masked<bool>("portfolio_approved", rows);
    auto [awaiting, no_awaiting] = t.masked<std::int32_t>("awaiting_approval", rows);
    auto [pages, no_pages] = t.masked<std::int32_t>("pages", rows);
    auto* day = t.dates("date", rows);
    auto* deadline = t.dates("deadline", rows);
    auto* role = t.enum_codes<smart::festival_role>("role", rows);
    std::vector<std::string_view> ids, req_ids;
    for (const auto& r : e.programme().requirements) req_ids.push_back(r.id);
    {
        py::gil_scoped_release nogil;
        ids.reserve(n);
        for (const auto& p : c.participants()) ids.push_back(p.id);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        std::size_t row = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto reqs = e.requirements(i);
            for (std::size_t r = 0; r < R; ++r, ++row) {
                const auto& x = reqs[r];
                const bool a = x.kind == K::attendance, nt = x.kind == K::interval_notes, ft = x.kind == K::final_text,
                           fe = x.kind == K::festival;
                pid[row] = static_cast<std::int32_t>(i);
                rid[row] = static_cast<std::int32_t>(r);
                kind[row] = column_table::enum_code(x.kind);
                state[row] = column_table::enum_code(x.state);
                attended[row] = a ? static_cast<double>(x.attended.num()) / static_cast<double>(x.attended.den()) : nan;
                counted[row] = x.counted_days, no_counted[row] = !a;
                required[row] = x.required_days, no_required[row] = !a;
                past[row] = x.past_days, no_past[row] = !a;
                remaining[row] = x.remaining_days, no_remaining[row] = !a;
                unrecorded[row] = x.unrecorded_days, no_unrecorded[row] = !a;
                intervals[row] = x.intervals, no_intervals[row] = !nt;
                met[row] = x.intervals_met, no_met[row] = !nt;
                missing[row] = std::popcount(x.missing_intervals), no_missing[row] = !nt;
                open[row] = std::popcount(x.open_intervals), no_open[row] = !nt;
                portfolio[row] = x.portfolio_approved, no_portfolio[row] = !nt;
                awaiting[row] = x.awaiting_approval, no_awaiting[row] = !(nt || ft);
                pages[row] = x.pages, no_pages[row] = !ft || x.pages == 0;
                day[row] = epoch_days(x.on);
                deadline[row] = epoch_days(x.deadline);
                role[row] = fe ? column_table::enum_code(x.role) : -1;
            }
        }
    }
    t.set_categories("participant_id", ids);
    t.set_categories("requirement_id", req_ids);
    return t.result();
}

std::string participant_result_repr(const participant_result_ref& p) {
    const auto& r = p.ev->e.result(p.index);
    return "<ParticipantResult " + p.record().id + " " + py_repr(py::str(p.record().name)) + ": " +
           smart::to_string(r.status) + (r.at_risk ? " (at risk)" : "") + ">";
}

}  // namespace

void register_evaluation(py::module_& m) {
    py::module_ s = m.def_submodule("evaluation", "The rule engine: evaluation of a cohort as of a date.");

    s.def(
        "status_label",
        [](smart::overall_status status, bool at_risk, smart::lang l) { return smart::status_label(status, at_risk, l); },
        py::arg("status"), py::arg("at_risk") = false, py::arg("lang") = smart::lang::nb,
        "The status as a person reads it, with the at-risk note: 'pågår (i faresonen)'.");
    s.def(
        "requirement_state_label",
        [](smart::requirement_state state, smart::lang l) { return std::string(smart::label(state, l)); },
        py::arg("state"), py::arg("lang") = smart::lang::nb, "A requirement's state as a person reads it.");
    s.def(
        "at_risk_label", [](smart::lang l) { return std::string(smart::at_risk_label(l)); },
        py::arg("lang") = smart::lang::nb, "'i faresonen' / 'i faresona' / 'at risk'.");

    py::class_<smart::interval>(s, "Interval",
                                "An interval between two gatherings: notes dated in (after, until] count.")
        .def_readonly("after", &smart::interval::after, "The last day of the earlier gathering.")
        .def_readonly("until", &smart::interval::until, "The first day of the next gathering.")
        .def("__eq__", [](const smart::interval& a, const smart::interval& b) { return a == b; })
        .def("__repr__", [](const smart::interval& x) {
            return "Interval(after=" + py_repr(py::cast(x.after)) + ", until=" + py_repr(py::cast(x.until)) + ")";
        });

    py::class_<smart::status_counts>(s, "StatusCounts", "Counts of participants by overall status.")
        .def_readonly("eligible", &smart::status_counts::eligible, "Participants eligible for the certificate.")
        .def_readonly("not_eligible", &smart::status_counts::not_eligible,
                      "Participants who can no longer become eligible.")
        .def_readonly("in_progress", &smart::status_counts::in_progress, "Participants neither yet.")
        .def_readonly("no_certificate", &smart::status_counts::no_certificate,
                      "Participants of a programme without certificate.")
        .def_readonly("at_risk", &smart::status_counts::at_risk, "In progress and at risk (also in in_progress).")
        .def_readonly("withdrawn", &smart::status_counts::withdrawn,
                      "Participants withdrawn on or before the date (in no other count).")
        .def("__eq__", [](const smart::status_counts& a, const smart::status_counts& b) { return a == b; })
        .def("__repr__", [](const smart::status_counts& x) {
            return "StatusCounts(eligible=" + std::to_string(x.eligible) +
                   ", not_eligible=" + std::to_string(x.not_eligible) +
                   ", in_progress=" + std::to_string(x.in_progress) +
                   ", no_certificate=" + std::to_string(x.no_certificate) + ", at_risk=" + std::to_string(x.at_risk) + ", withdrawn=" + std::to_string(x.withdrawn) +
                   ")";
        });

    py::class_<warning_ref>(s, "ResultWarning",
                            "Something in a participant's records a person should look at (unrecorded days, "
                            "notes in no interval, ...): one per participant and kind, with the number of "
                            "occurrences and the first date. A record of the evaluation, not a Python warning.")
        .def_property_readonly(
            "participant", [](const warning_ref& w) { return w.w.participant; },
            "The participant's position in the cohort.")
        .def_property_readonly(
            "participant_id", [](const warning_ref& w) { return w.ev->e.participant(w.w.participant).id; },
            "The participant's id.")
        .def_property_readonly(
            "kind", [](const warning_ref& w) { return w.w.kind; }, "What the warning is about.")
        .def_property_readonly(
            "date", [](const warning_ref& w) { return w.w.day; },
            "The first (earliest) day or document date the warning stands for.")
        .def_property_readonly(
            "count", [](const warning_ref& w) { return w.w.count; },
            "How many days or documents the warning stands for (1 or more).")
        .def_property_readonly(
            "pages", [](const warning_ref& w) { return w.w.pages ? std::optional<int>(w.w.pages) : std::nullopt; },
            "pages_out_of_range: the page count of the earliest text.")
        .def(
            "message", [](const warning_ref& w, smart::lang l) { return w.ev->e.describe(w.w, l); },
            py::arg("lang") = smart::lang::nb, "A sentence on the warning in nb, nn or en.")
        .def("__repr__", [](const warning_ref& w) {
            return "<ResultWarning " + w.ev->e.participant(w.w.participant).id + " " +
                   smart::to_string(w.w.kind) + " " + smart::to_iso(w.w.day) +
                   (w.w.count > 1 ? " (" + std::to_string(w.w.count) + " in all)" : std::string()) + ">";
        });

    py::class_<requirement_result_ref>(s, "RequirementResult",
                                       "One requirement's result for one participant: its state and the numbers "
                                       "behind it.")
        .def_property_readonly(
            "id", [](const requirement_result_ref& x) { return x.def().id; }, "The requirement id.")
        .def_property_readonly(
            "kind", [](const requirement_result_ref& x) { return x.r().kind; },
            "attendance, interval_notes, final_text or festival.")
        .def_property_readonly(
            "label", [](const requirement_result_ref& x) { return x.def().label; }, "The requirement's readable name.")
        .def_property_readonly(
            "state", [](const requirement_result_ref& x) { return x.r().state; }, "met, unmet, pending or exempt.")
        .def_property_readonly(
            "numbers", [](const requirement_result_ref& x) { return numbers_of(x.r()); },
            "The numbers behind the state, as in the evaluation document (docs/format.md): attendance "
            "attended (Fraction), counted_days, required_days, past_days, remaining_days, unrecorded_days; notes "
            "intervals, intervals_met, missing, open (1-based interval numbers), portfolio_approved, "
            "portfolio_deadline, awaiting_approval; final text date, pages, deadline, awaiting_approval; festival date, role, "
            "festival_day.")
        .def_property_readonly(
            "attended", [](const requirement_result_ref& x) { return x.r().attended; },
            "Attendance: weighted days attended (exact).")
        .def_property_readonly(
            "counted_days", [](const requirement_result_ref& x) { return x.r().counted_days; },
            "Attendance: counted days of the whole cohort.")
        .def_property_readonly(
            "required_days", [](const requirement_result_ref& x) { return x.r().required_days; },
            "Attendance: full days needed.")
        .def_property_readonly(
            "past_days", [](const requirement_result_ref& x) { return x.r().past_days; },
            "Attendance: counted days on or before the evaluation date.")
        .def_property_readonly(
            "remaining_days", [](const requirement_result_ref& x) { return x.r().remaining_days; },
            "Attendance: counted days after the evaluation date.")
        .def_property_readonly(
            "unrecorded_days", [](const requirement_result_ref& x) { return x.r().unrecorded_days; },
            "Attendance: past counted days with no record (counted as absent).")
        .def_property_readonly(
            "intervals", [](const requirement_result_ref& x) { return x.r().intervals; },
            "Notes: intervals between gatherings.")
        .def_property_readonly(
            "intervals_met", [](const requirement_result_ref& x) { return x.r().intervals_met; },
            "Notes: intervals with enough notes.")
        .def_property_readonly(
            "missing_intervals",
            [](const requirement_result_ref& x) { return interval_numbers(x.r().missing_intervals); },
            "Notes: closed intervals without enough notes (1-based).")
        .def_property_readonly(
            "open_intervals", [](const requirement_result_ref& x) { return interval_numbers(x.r().open_intervals); },
            "Notes: open intervals without enough notes yet (1-based).")
        .def_property_readonly(
            "portfolio_approved", [](const requirement_result_ref& x) { return x.r().portfolio_approved; },
            "Notes: an approved portfolio exists.")
        .def_property_readonly(
            "awaiting_approval", [](const requirement_result_ref& x) { return x.r().awaiting_approval; },
            "Notes, final text: documents that would count once approved.")
        .def_property_readonly(
            "pages",
            [](const requirement_result_ref& x) {
                return x.r().pages ? std::optional<int>(x.r().pages) : std::nullopt;
            },
            "Final text: its page count, or None.")
        .def_property_readonly(
            "date", [](const requirement_result_ref& x) { return opt_date(x.r().on); },
            "Final text: its date; festival: the day attended (or None).")
        .def_property_readonly(
            "deadline", [](const requirement_result_ref& x) { return opt_date(x.r().deadline); },
            "Final text: the deadline; festival: the festival day; notes with a required portfolio: the "
            "portfolio's deadline (or None).")
        .def_property_readonly(
            "role", [](const requirement_result_ref& x) { return x.r().role; }, "Festival: the recorded role, or None.")
        .def(
            "explain",
            [](const requirement_result_ref& x, smart::lang l) {
                return x.ev->e.explain(x.participant, x.requirement, l);
            },
            py::arg("lang") = smart::lang::nb, "A sentence on the result with its numbers, in nb, nn or en.")
        .def("__repr__", [](const requirement_result_ref& x) {
            return "<RequirementResult " + x.def().id + ": " + smart::to_string(x.r().state) + ">";
        });

    py::class_<participant_result_ref>(s, "ParticipantResult", "One participant's outcome as of the evaluation date.")
        .def_property_readonly(
            "index", [](const participant_result_ref& p) { return p.index; }, "Position in the cohort.")
        .def_property_readonly(
            "id", [](const participant_result_ref& p) { return p.record().id; }, "The participant's id.")
        .def_property_readonly(
            "name", [](const participant_result_ref& p) { return p.record().name; }, "The participant's name.")
        .def_property_readonly(
            "status", [](const participant_result_ref& p) { return p.ev->e.result(p.index).status; },
            "eligible, not_eligible, in_progress or no_certificate.")
        .def_property_readonly(
            "at_risk", [](const participant_result_ref& p) { return p.ev->e.result(p.index).at_risk; },
            "In progress with no attendance slack left.")
        .def_property_readonly("requirements", &requirements_of,
                               "Every requirement's result, in the programme's order.")
        .def_property_readonly(
            "warnings", [](const participant_result_ref& p) { return warnings_of(p.ev, p.ev->e.warnings_of(p.index)); },
            "The participant's warnings.")
        .def(
            "status_label",
            [](const participant_result_ref& p, smart::lang l) {
                const auto& r = p.ev->e.result(p.index);
                return smart::status_label(r.status, r.at_risk, l);
            },
            py::arg("lang") = smart::lang::nb,
            "The status as a person reads it in nb, nn or en, with the at-risk note: 'pågår (i faresonen)'.")
        .def(
            "missing",
            [](const participant_result_ref& p, smart::lang l) { return p.ev->e.missing(p.index, l); },
            py::arg("lang") = smart::lang::nb,
            "One sentence per requirement not met or exempt (what is missing), in nb, nn or en.")
        .def("__repr__", &participant_result_repr);

    py::class_<py_evaluation, std::shared_ptr<py_evaluation>>(s, "Evaluation",
                                                              "The result of evaluating a cohort as of a date.")
        .def_property_readonly("as_of", [](const py_evaluation& x) { return x.e.as_of(); })
        .def_property_readonly(
            "programme",
            [](const py_evaluation& x) { return std::const_pointer_cast<smart::programme>(x.e.programme_ptr()); })
        .def_property_readonly(
            "cohort",
            [](const std::shared_ptr<py_evaluation>& x) {
                return py_cohort{std::const_pointer_cast<smart::cohort>(x->e.cohort_ptr())};
            },
            "The cohort as it was evaluated.")
        .def("__len__", [](const py_evaluation& x) { return x.e.size(); })
        .def_property_readonly("requirement_ids",
                               [](const py_evaluation& x) {
                                   std::vector<std::string> out;
                                   for (const auto& r : x.e.programme().requirements) out.push_back(r.id);
                                   return out;
                               })
        .def(
            "result",
            [](const std::shared_ptr<py_evaluation>& x, std::size_t i) {
                return participant_result_ref{x, checked(x, i)};
            },
            py::arg("index"))
        .def(
            "index_of", [](const py_evaluation& x, const text& id) { return x.e.index_of(id); },
            py::arg("id"))
        .def(
            "participant",
            [](const std::shared_ptr<py_evaluation>& x, std::size_t i) { return record_of(x->cohort(), checked(x, i)); },
            py::arg("index"), "The participant's record as evaluated.")
        .def("counts", [](const py_evaluation& x) { return x.e.counts(); })
        .def_property_readonly("intervals", [](const py_evaluation& x) { return x.e.intervals(); })
        .def("warnings", [](const std::shared_ptr<py_evaluation>& x) { return warnings_of(x, x->e.warnings()); })
        .def(
            "to_json",
            [](const py_evaluation& x) {
                py::gil_scoped_release nogil;
                return smart::evaluation_to_json(x.e, x.cohort());
            },
            "The evaluation as a smart.evaluation/1 document.")
        .def(
            "columns",
            [](const std::shared_ptr<py_evaluation>& x, std::string_view by) {
                if (by == "participant") return participant_columns(x);
                if (by == "requirement") return requirement_columns(x);
                throw smart::error(
                    smart::errc::invalid_argument,
                    "unknown table \"" + std::string(by) + "\": expected \"participant\" or \"requirement\"");
            },
            py::arg("by"), "Whole columns, one row per participant or per participant x requirement.");

    s.def(
        "evaluate",
        [](const py_cohort& c, smart::date as_of) {
            auto out = std::make_shared<py_evaluation>();
            {
                py::gil_scoped_release nogil;
                out->e = smart::evaluate(c.get(), as_of);
            }
            return out;
        },
        py::arg("cohort"), py::arg("as_of"), "Evaluates every participant as of the end of `as_of`.");
}

void register_certificate(py::module_& m) {
    py::module_ s = m.def_submodule("certificate", "What a certificate attests, taken from an evaluation.");
    s.def(
        "certificate_json",
        [](const std::shared_ptr<py_evaluation>& x, std::size_t i) {
            return smart::certificate_data_to_json(smart::certificate_for(x->cohort(), x->e, i));
        },
        py::arg("evaluation"), py::arg("index"),
        "The certificate data of one participant as JSON (smart.certificate-data/1). Raises NotAllowedError when "
        "the participant is not eligible or the evaluation date is before the cohort's last day.");
}

}  // namespace smart_py
