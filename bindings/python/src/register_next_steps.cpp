// Next steps from Python (smart/next_steps.hpp): the core plans the steps; this module hands
// them over as typed objects (NextSteps, Step, BlockedRequirement, the coordinator's list),
// as whole columns for a DataFrame (one row per step), as the smart.next_steps/1 document
// and as iCalendar text. smart/evaluation.py wraps them (Evaluation.next_steps, ...).
#include "bindings.hpp"
#include "columns.hpp"
#include "smart/next_steps.hpp"

namespace smart_py {

smart::step_kind parse_step_kind(std::string_view s) {
    const auto names = enum_value_names<smart::step_kind>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (s == names[i]) return static_cast<smart::step_kind>(i);
    throw smart::error(smart::errc::invalid_argument, "unknown step kind \"" + std::string(s) +
                                                          "\" (expected attend, note, portfolio_approval, final_text "
                                                          "or festival)");
}

namespace {

/// A step with the requirement's id (the core keeps the position).
struct py_step {
    smart::next_step s;
    std::string requirement_id;
};

/// A blocked requirement with its evaluation (for the requirement's id and the words,
/// which name the intervals).
struct py_blocked {
    smart::blocked_requirement b;
    evaluation_ptr ev;
    const smart::programme& prog() const noexcept { return ev->e.programme(); }
    const std::string& id() const { return prog().requirements[b.requirement].id; }
};

struct py_next_steps {
    smart::next_steps ns;
    std::string id, name;
    std::vector<py_step> steps;
    std::vector<py_blocked> blocked;
};

struct py_due_step {
    std::uint32_t cohort = 0;
    std::uint32_t index = 0;
    std::string participant;
    smart::date due;
    py_step step;
};

struct py_action_group {
    smart::action_group g;
    py_step step;
    std::vector<std::string> participants;
};

struct py_at_risk {
    std::uint32_t cohort = 0;
    smart::date next_day;
    std::vector<std::string> participants;
};

struct py_coordinator_list {
    int within_days = 0;
    std::vector<py_due_step> steps;
    std::vector<py_action_group> by_action;
    std::vector<py_at_risk> at_risk;
};

py_step step_of(const smart::next_step& s, const smart::programme& p) { return {s, p.requirements[s.requirement].id}; }

py_next_steps wrap(smart::next_steps&& ns, const evaluation_ptr& ev) {
    const smart::evaluation& e = ev->e;
    py_next_steps out;
    const auto& part = e.cohort().participants()[ns.participant];
    out.id = part.id;
    out.name = part.name;
    for (const auto& s : ns.steps) out.steps.push_back(step_of(s, e.programme()));
    for (const auto& b : ns.blocked) out.blocked.push_back({b, ev});
    out.ns = std::move(ns);
    return out;
}

/// The members of an enum named by bits (bit i = value i), or None when `applies` is false.
template <class E>
py::object members(unsigned bits, unsigned count, bool applies) {
    if (!applies) return py::none();
    py::list out;
    for (unsigned i = 0; i < count; ++i)
        if (bits & (1u << i)) out.append(py::cast(static_cast<E>(i)));
    return std::move(out);
}

std::optional<smart::date> day_or_none(smart::date d) {
    if (d.is_special()) return std::nullopt;
    return d;
}

std::string step_repr(const py_step& x) {
    return "<Step " + std::string(smart::to_string(x.s.kind)) + " " + x.requirement_id + (x.s.must ? " must " : " option ") +
           smart::to_iso(x.s.start) + ".." + smart::to_iso(x.s.end) + " needed " + std::to_string(x.s.needed) + " of " +
           std::to_string(x.s.of) + ">";
}

std::size_t index_of(const smart::evaluation& e, const text& participant) {
    return e.index_of(participant.value);  // throws not_found
}

/// One row per step: the columns of Evaluation.next_steps_frame, named as the members of
/// the smart.next_steps/1 document (plus participant_id, status, at_risk and text).
py::list step_columns(const py_evaluation& x, const text& participant, smart::lang l) {
    const smart::evaluation& e = x.e;
    const smart::programme& prog = e.programme();
    std::size_t first = 0, last = e.size();
    if (!participant.value.empty()) {
        first = index_of(e, participant);
        last = first + 1;
    }
    std::vector<smart::next_steps> plans(last - first);
    std::size_t n = 0;
    {
        py::gil_scoped_release nogil;
        const smart::step_planner planner(e);
        for (std::size_t i = first; i < last; ++i) {
            planner.plan(i, plans[i - first]);
            n += plans[i - first].steps.size();
        }
    }
    column_table t;
    auto* pid = t.codes("participant_id", n);
    auto* status = t.enum_codes<smart::overall_status>("status", n);
    auto* at_risk = t.array<bool>("at_risk", n);
    auto* kind = t.enum_codes<smart::step_kind>("kind", n);
    auto* must = t.array<bool>("must", n);
    auto* req = t.codes("requirement", n);
    auto* start = t.dates("start", n);
    auto* end = t.dates("end", n);
    auto* due = t.dates("due", n);
    auto* needed = t.array<std::int32_t>("needed", n);
    auto* of = t.array<std::int32_t>("of", n);
    auto [interval, interval_na] = t.masked<std::int32_t>("interval", n);
    auto* approval = t.array<bool>("approval", n);
    auto [min_pages, min_na] = t.masked<std::int32_t>("min_pages", n);
    auto [max_pages, max_na] = t.masked<std::int32_t>("max_pages", n);
    auto* awaiting = t.array<std::int32_t>("awaiting_approval", n);
    auto* words = t.codes("text", n);
    dict_encoder ids, reqs, texts;
    std::vector<std::string> lines;  // the views of `texts` point into it
    lines.reserve(n);
    {
        py::gil_scoped_release nogil;
        std::size_t row = 0;
        for (const auto& ns : plans) {
            const auto& p = e.cohort().participants()[ns.participant];
            for (const auto& s : ns.steps) {
                const bool note = s.kind == smart::step_kind::note, ft = s.kind == smart::step_kind::final_text;
                pid[row] = ids(p.id);
                status[row] = column_table::enum_code(ns.status);
                at_risk[row] = ns.at_risk;
                kind[row] = column_table::enum_code(s.kind);
                must[row] = s.must;
                req[row] = reqs(prog.requirements[s.requirement].id);
                start[row] = epoch_days(s.start);
                end[row] = epoch_days(s.end);
                due[row] = epoch_days(smart::due_on(s));
                needed[row] = s.needed;
                of[row] = s.of;
                interval[row] = note ? s.interval + 1 : 0;
                interval_na[row] = !note;
                approval[row] = s.approval;
                min_pages[row] = s.min_pages;
                min_na[row] = !(ft && s.min_pages);
                max_pages[row] = s.max_pages;
                max_na[row] = !(ft && s.max_pages);
                awaiting[row] = s.awaiting_approval;
                lines.push_back(smart::describe(s, l));
                words[row] = texts(lines.back());
                ++row;
            }
        }
    }
    t.set_categories("participant_id", ids.categories());
    t.set_categories("requirement", reqs.categories());
    t.set_categories("text", texts.categories());
    return t.result();
}

}  // namespace

void register_next_steps(py::module_& m) {
    py::module_ s = m.def_submodule("next_steps", "What each participant must still do, and by when.");

    py::class_<py_step>(s, "Step", "One action a participant must (or may) still do.")
        .def_property_readonly("kind", [](const py_step& x) { return x.s.kind; }, "What the step asks for.")
        .def_property_readonly("must", [](const py_step& x) { return x.s.must; },
                               "True: must be done; False: an option (any `needed` of the `of` days).")
        .def_property_readonly("requirement", [](const py_step& x) { return x.requirement_id; },
                               "The id of the requirement the step serves.")
        .def_property_readonly("requirement_index", [](const py_step& x) { return x.s.requirement; },
                               "The requirement's position in the programme.")
        .def_property_readonly("start", [](const py_step& x) { return x.s.start; }, "First day of the window.")
        .def_property_readonly("end", [](const py_step& x) { return x.s.end; }, "Last day of the window (the deadline).")
        .def_property_readonly("due", [](const py_step& x) { return smart::due_on(x.s); },
                               "The day it falls due for a coordinator.")
        .def_property_readonly("needed", [](const py_step& x) { return x.s.needed; },
                               "attend: days to attend; note: notes still needed; otherwise 1.")
        .def_property_readonly("of", [](const py_step& x) { return x.s.of; },
                               "attend / festival: the days to choose from; note: notes per interval; otherwise 1.")
        .def_property_readonly(
            "interval",
            [](const py_step& x) -> std::optional<int> {
                if (x.s.kind != smart::step_kind::note) return std::nullopt;
                return x.s.interval + 1;
            },
            "note: the interval between gatherings, 1-based; else None.")
        .def_property_readonly(
            "accepted_kinds",
            [](const py_step& x) {
                return members<smart::submission_kind>(x.s.kinds, 6, x.s.kind == smart::step_kind::note);
            },
            "note: the submission kinds accepted; else None.")
        .def_property_readonly(
            "categories",
            [](const py_step& x) {
                return members<smart::final_category>(x.s.kinds, 6, x.s.kind == smart::step_kind::final_text);
            },
            "final_text: the categories accepted (empty: any); else None.")
        .def_property_readonly(
            "roles",
            [](const py_step& x) {
                return members<smart::festival_role>(x.s.roles, 4, x.s.kind == smart::step_kind::festival);
            },
            "festival: the roles accepted (empty: any); else None.")
        .def_property_readonly("approval", [](const py_step& x) { return x.s.approval; },
                               "Counts only once approved.")
        .def_property_readonly(
            "min_pages",
            [](const py_step& x) -> std::optional<int> {
                if (x.s.kind != smart::step_kind::final_text || !x.s.min_pages) return std::nullopt;
                return x.s.min_pages;
            },
            "final_text: the fewest pages; None: no lower bound.")
        .def_property_readonly(
            "max_pages",
            [](const py_step& x) -> std::optional<int> {
                if (x.s.kind != smart::step_kind::final_text || !x.s.max_pages) return std::nullopt;
                return x.s.max_pages;
            },
            "final_text: the most pages; None: no upper bound.")
        .def_property_readonly("awaiting_approval", [](const py_step& x) { return x.s.awaiting_approval; },
                               "Documents already submitted that would count once approved.")
        .def(
            "describe", [](const py_step& x, smart::lang l) { return smart::describe(x.s, l); },
            py::arg("lang") = smart::lang::nb, "The step as one line in `lang`, with its dates.")
        .def("__eq__", [](const py_step& a, const py_step& b) { return a.s == b.s && a.requirement_id == b.requirement_id; })
        .def("__repr__", &step_repr);

    py::class_<py_blocked>(s, "BlockedRequirement", "A requirement that can no longer be met (an exemption is needed).")
        .def_property_readonly("requirement", [](const py_blocked& x) { return x.id(); },
                               "The requirement's id.")
        .def_property_readonly("exemption_needed",
                               [](const py_blocked& x) { return x.id(); },
                               "The requirement id an exemption would have to name.")
        .def_property_readonly("kind", [](const py_blocked& x) { return x.b.kind; }, "The requirement's kind.")
        .def_property_readonly("closed", [](const py_blocked& x) { return day_or_none(x.b.closed); },
                               "The day it could no longer be met.")
        .def_property_readonly(
            "required_days",
            [](const py_blocked& x) -> std::optional<int> {
                if (x.b.kind != smart::requirement_kind::attendance) return std::nullopt;
                return x.b.required_days;
            },
            "attendance: the days required; else None.")
        .def_property_readonly(
            "reachable_days",
            [](const py_blocked& x) -> std::optional<int> {
                if (x.b.kind != smart::requirement_kind::attendance) return std::nullopt;
                return x.b.reachable_days;
            },
            "attendance: the whole weighted days still reachable; else None.")
        .def_property_readonly(
            "missing_intervals",
            [](const py_blocked& x) -> std::optional<std::vector<int>> {
                if (x.b.kind != smart::requirement_kind::interval_notes) return std::nullopt;
                std::vector<int> out;
                for (int i = 0; i < 64; ++i)
                    if (x.b.missing_intervals & (std::uint64_t{1} << i)) out.push_back(i + 1);
                return out;
            },
            "notes: the closed intervals short of notes, 1-based; else None.")
        .def_property_readonly(
            "portfolio_missing",
            [](const py_blocked& x) -> std::optional<bool> {
                if (x.b.kind != smart::requirement_kind::interval_notes) return std::nullopt;
                return x.b.portfolio_missing;
            },
            "notes: the portfolio was not approved in time; else None.")
        .def(
            "describe", [](const py_blocked& x, smart::lang l) { return smart::describe(x.b, x.ev->e, l); },
            py::arg("lang") = smart::lang::nb, "Why it can no longer be met and which exemption is needed, in `lang`.")
        .def("__repr__", [](const py_blocked& x) {
            return "<BlockedRequirement " + x.id() + ">";
        });

    py::class_<py_next_steps>(s, "NextSteps", "One participant's next steps as of the evaluation's date.")
        .def_property_readonly("index", [](const py_next_steps& x) { return x.ns.participant; },
                               "The participant's position in the evaluation.")
        .def_property_readonly("id", [](const py_next_steps& x) { return x.id; }, "The participant's id.")
        .def_property_readonly("name", [](const py_next_steps& x) { return x.name; }, "The participant's name.")
        .def_property_readonly("status", [](const py_next_steps& x) { return x.ns.status; }, "The overall status.")
        .def_property_readonly("at_risk", [](const py_next_steps& x) { return x.ns.at_risk; },
                               "In progress with no slack left on attendance.")
        .def_property_readonly("steps", [](const py_next_steps& x) { return x.steps; },
                               "The steps, by requirement order (attend days by date).")
        .def_property_readonly("blocked", [](const py_next_steps& x) { return x.blocked; },
                               "The requirements that can no longer be met.")
        .def_property_readonly("earliest_eligible", [](const py_next_steps& x) { return day_or_none(x.ns.earliest_eligible); },
                               "The earliest day the participant could be eligible (None unless in progress).")
        .def_property_readonly("next_deadline", [](const py_next_steps& x) { return day_or_none(x.ns.next_deadline); },
                               "The earliest end of the steps (None without steps).")
        .def("__len__", [](const py_next_steps& x) { return x.steps.size(); })
        .def("__repr__", [](const py_next_steps& x) {
            return "<NextSteps " + x.id + " " + smart::to_string(x.ns.status) + ": " + std::to_string(x.steps.size()) +
                   " steps, " + std::to_string(x.blocked.size()) + " blocked>";
        });

    py::class_<py_due_step>(s, "DueStep", "A step of one participant on the coordinator's list.")
        .def_readonly("cohort", &py_due_step::cohort, "Position of the evaluation in those given.")
        .def_readonly("index", &py_due_step::index, "The participant's position in that evaluation.")
        .def_readonly("participant", &py_due_step::participant, "The participant's id.")
        .def_readonly("due", &py_due_step::due, "The day the step falls due.")
        .def_readonly("step", &py_due_step::step, "The step.")
        .def("__repr__", [](const py_due_step& x) { return "<DueStep " + x.participant + " " + step_repr(x.step) + ">"; });

    py::class_<py_action_group>(s, "ActionGroup", "Participants who share one action.")
        .def_property_readonly("cohort", [](const py_action_group& x) { return x.g.cohort; },
                               "Position of the evaluation in those given.")
        .def_property_readonly("due", [](const py_action_group& x) { return x.g.due; }, "The day it falls due.")
        .def_readonly("step", &py_action_group::step, "The action (awaiting_approval: the sum over the group).")
        .def_readonly("participants", &py_action_group::participants, "The ids of the participants.")
        .def(
            "describe", [](const py_action_group& x, smart::lang l) { return smart::describe(x.g, l); },
            py::arg("lang") = smart::lang::nb, "\"7 participants: Submit 1 note ...\" in `lang`.")
        .def("__repr__", [](const py_action_group& x) {
            return "<ActionGroup " + std::to_string(x.participants.size()) + " " + step_repr(x.step) + ">";
        });

    py::class_<py_at_risk>(s, "AtRiskList", "At-risk participants of one cohort before its next counted day.")
        .def_readonly("cohort", &py_at_risk::cohort, "Position of the evaluation in those given.")
        .def_property_readonly("next_day", [](const py_at_risk& x) { return day_or_none(x.next_day); },
                               "The next counted day after the as-of date.")
        .def_readonly("participants", &py_at_risk::participants, "The ids of the participants.")
        .def("__repr__", [](const py_at_risk& x) {
            return "<AtRiskList " + std::to_string(x.participants.size()) + " before " +
                   (x.next_day.is_special() ? std::string("-") : smart::to_iso(x.next_day)) + ">";
        });

    py::class_<py_coordinator_list>(s, "CoordinatorList", "The coordinator's follow-up list.")
        .def_readonly("within_days", &py_coordinator_list::within_days, "The window in days after each as-of date.")
        .def_readonly("steps", &py_coordinator_list::steps, "Every step due in the window, by due date.")
        .def_readonly("by_action", &py_coordinator_list::by_action, "The same steps grouped by action, by due date.")
        .def_readonly("at_risk", &py_coordinator_list::at_risk, "One list per cohort with at-risk participants.")
        .def("__repr__", [](const py_coordinator_list& x) {
            return "<CoordinatorList within " + std::to_string(x.within_days) + " days: " +
                   std::to_string(x.steps.size()) + " steps, " + std::to_string(x.by_action.size()) + " actions>";
        });

    s.def(
        "plan",
        [](const std::shared_ptr<py_evaluation>& x, std::optional<std::size_t> participant) {
            const smart::evaluation& e = x->e;
            if (participant && *participant >= e.size())
                throw py::index_error("next steps: participant position " + std::to_string(*participant) +
                                      " out of range (" + std::to_string(e.size()) + " participants)");
            std::vector<smart::next_steps> plans;
            {
                py::gil_scoped_release nogil;
                const smart::step_planner planner(e);
                if (participant) {
                    plans.push_back(planner.plan(*participant));
                } else {
                    plans.resize(e.size());
                    for (std::size_t i = 0; i < e.size(); ++i) planner.plan(i, plans[i]);
                }
            }
            std::vector<py_next_steps> out;
            out.reserve(plans.size());
            for (auto& ns : plans) out.push_back(wrap(std::move(ns), x));
            return out;
        },
        py::arg("evaluation"), py::arg("participant") = py::none(),
        "Every participant's next steps (or one's, by position), planned by the core.");
    s.def(
        "coordinator_list",
        [](const std::vector<std::shared_ptr<py_evaluation>>& evs, int within_days) {
            std::vector<const smart::evaluation*> ptrs;
            for (const auto& x : evs) {
                if (!x) throw smart::error(smart::errc::invalid_argument, "coordinator list: an evaluation is None");
                ptrs.push_back(&x->e);
            }
            smart::coordinator_list cl;
            {
                py::gil_scoped_release nogil;
                cl = smart::coordinator_list_of(std::span<const smart::evaluation* const>(ptrs), within_days);
            }
            py_coordinator_list out;
            out.within_days = cl.within_days;
            auto id_of = [&](std::uint32_t cohort, std::uint32_t i) { return ptrs[cohort]->cohort().participants()[i].id; };
            for (const auto& d : cl.steps)
                out.steps.push_back({d.cohort, d.participant, id_of(d.cohort, d.participant), d.due,
                                     step_of(d.step, ptrs[d.cohort]->programme())});
            for (const auto& g : cl.by_action) {
                py_action_group pg{g, step_of(g.step, ptrs[g.cohort]->programme()), {}};
                for (auto i : g.participants) pg.participants.push_back(id_of(g.cohort, i));
                out.by_action.push_back(std::move(pg));
            }
            for (const auto& r : cl.at_risk) {
                py_at_risk pr{r.cohort, r.next_day, {}};
                for (auto i : r.participants) pr.participants.push_back(id_of(r.cohort, i));
                out.at_risk.push_back(std::move(pr));
            }
            return out;
        },
        py::arg("evaluations"), py::arg("within_days"),
        "The coordinator's list over one or several evaluations: the steps due within `within_days` days.");
    s.def("columns", &step_columns, py::arg("evaluation"), py::arg("participant") = text{},
          py::arg("lang") = smart::lang::nb, "The columns of the next-steps frame, one row per step.");
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
           std::optional<std::int64_t> stamp, std::optional<int> within_days) {
            const auto options = smart::icalendar_options::from(x.cohort().label(), previous.value_or(text{}).value, stamp);
            py::gil_scoped_release nogil;
            return smart::write_icalendar(smart::next_steps_events(x.e, participant.value, l, within_days), options);
        },
        py::arg("evaluation"), py::kw_only(), py::arg("lang") = smart::lang::nb, py::arg("participant") = text{},
        py::arg("previous") = py::none(), py::arg("stamp") = py::none(), py::arg("within_days") = py::none(),
        "Every participant's (or one's) next steps as iCalendar entries on their due days, with an alarm; with "
        "within_days only the steps due within that many days.");
}

}  // namespace smart_py
