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

/// A number's value as Python shows it (smart.result_numbers()): int, Fraction,
/// datetime.date, a list of 1-based interval numbers, FestivalRole or bool; None when absent.
py::object to_python(const smart::number_value& v) {
    return std::visit(
        [](const auto& x) -> py::object {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, std::monostate>)
                return py::none();
            else if constexpr (std::is_same_v<X, smart::interval_set>)
                return py::cast(x.numbers());
            else
                return py::cast(x);
        },
        v);
}

/// The numbers of a result's kind, by their names (docs/format.md, "Numbers by kind").
py::dict numbers_of(const smart::requirement_result& r) {
    py::dict d;
    for (const smart::number_field* f : smart::numbers_of(r.kind)) d[f->name] = to_python(smart::read(r, *f));
    return d;
}

/// Python only: before issue 11 the property `deadline` also gave a notes requirement's
/// portfolio deadline and a festival requirement's festival day (docs/python.md). It still
/// does, with a DeprecationWarning naming the number's one name.
struct deprecated_alias {
    smart::result_number number;
    smart::requirement_kind kind;
    smart::result_number target;
    const char* message;
};
constexpr deprecated_alias deprecated_aliases[] = {
    {smart::result_number::deadline, smart::requirement_kind::interval_notes, smart::result_number::portfolio_deadline,
     "RequirementResult.deadline of a notes requirement is deprecated: use portfolio_deadline"},
    {smart::result_number::deadline, smart::requirement_kind::festival, smart::result_number::festival_day,
     "RequirementResult.deadline of a festival requirement is deprecated: use festival_day"},
};

py::object number_property(const smart::requirement_result& r, const smart::number_field& f) {
    for (const auto& alias : deprecated_aliases)
        if (alias.number == f.number && alias.kind == r.kind) {
            if (PyErr_WarnEx(PyExc_DeprecationWarning, alias.message, 1) != 0) throw py::error_already_set();
            return to_python(smart::read(r, smart::field_of(alias.target)));
        }
    return to_python(smart::read(r, f));
}

/// The docstring of a number's property: its description, its type and its kinds.
const char* number_doc(const smart::number_field& f) {
    static std::vector<std::string> docs = [] {
        std::vector<std::string> out;
        for (const auto& x : smart::number_fields()) {
            std::string d = std::string(x.description) + " Type " + smart::to_string(x.type) + "; None for a requirement of another kind.";
            if (x.number == smart::result_number::deadline)
                d += " (Deprecated: a notes requirement's deadline reads portfolio_deadline, a festival's festival_day.)";
            out.push_back(std::move(d));
        }
        return out;
    }();
    return docs[static_cast<std::size_t>(f.number)].c_str();
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
                                  "municipality_name", "role", "sector",
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

/// The column of number I of the core's table (detail::number_table, constexpr): its type
/// and where it is read are known at compile time, so a row is filled at fixed offsets,
/// with no dispatch (400,000 rows of 18 numbers in a few milliseconds).
template <std::size_t I>
struct number_column {
    static constexpr const smart::number_field& f = smart::detail::number_table[I];
    using T = smart::number_type;
    void* values = nullptr;  ///< int32 / double / datetime64[D] days / uint64 bits / enum codes / bool
    bool* missing = nullptr;
    // a ratio: its exact value beside the float, as <name>_numerator and <name>_denominator
    std::int64_t *numerator = nullptr, *denominator = nullptr;
    bool* denominator_missing = nullptr;

    void add_to(column_table& t, std::size_t rows) {
        if constexpr (f.type == T::count) std::tie(values, missing) = t.masked<std::int32_t>(f.name, rows);
        else if constexpr (f.type == T::ratio) {
            values = t.array<double>(f.name, rows);  // a float, NaN for NA
            std::tie(numerator, missing) = t.masked<std::int64_t>(std::string(f.name) + "_numerator", rows);
            bool* same = nullptr;  // the denominator's mask is the numerator's
            std::tie(denominator, same) = t.masked<std::int64_t>(std::string(f.name) + "_denominator", rows);
            denominator_missing = same;
        }
        else if constexpr (f.type == T::date) values = t.dates(f.name, rows);           // NaT for NA
        else if constexpr (f.type == T::intervals) std::tie(values, missing) = t.interval_sets(f.name, rows);
        else if constexpr (f.type == T::role) values = t.enum_codes<smart::festival_role>(f.name, rows);
        else std::tie(values, missing) = t.masked<bool>(f.name, rows);
    }

    /// Row `row` from `x` by the table's rule of presence (smart::read): NA where the
    /// number does not belong to the result's kind or is absent. Without the GIL.
    void fill(std::size_t row, const smart::requirement_result& x) const noexcept {
        const bool here = f.belongs_to(x.kind);
        if constexpr (f.type == T::count) {
            const std::uint16_t v = here ? x.*f.count : 0;
            static_cast<std::int32_t*>(values)[row] = v;
            missing[row] = !here || (f.zero_is_absent && v == 0);
        } else if constexpr (f.type == T::ratio) {
            const smart::ratio& v = x.*f.fraction;
            static_cast<double*>(values)[row] = here ? static_cast<double>(v.num()) / static_cast<double>(v.den())
                                                     : std::numeric_limits<double>::quiet_NaN();
            numerator[row] = here ? v.num() : 0;
            denominator[row] = here ? v.den() : 1;
            missing[row] = denominator_missing[row] = !here;
        } else if constexpr (f.type == T::date) {
            static_cast<std::int64_t*>(values)[row] = epoch_days(here ? x.*f.day : smart::date());
        } else if constexpr (f.type == T::intervals) {
            static_cast<std::uint64_t*>(values)[row] = here ? x.*f.interval_bits : 0;
            missing[row] = !here;
        } else if constexpr (f.type == T::role) {
            static_cast<std::int32_t*>(values)[row] =
                column_table::enum_code(here ? x.*f.festival : smart::festival_role::none);
        } else {
            static_cast<bool*>(values)[row] = here && x.*f.flag;
            missing[row] = !here;
        }
    }
};

/// Every number's column, in the table's order.
template <class Indexes>
struct number_columns;
template <std::size_t... I>
struct number_columns<std::index_sequence<I...>> {
    std::tuple<number_column<I>...> columns;
    void add_to(column_table& t, std::size_t rows) { (std::get<I>(columns).add_to(t, rows), ...); }
    void fill(std::size_t row, const smart::requirement_result& x) const noexcept {
        (std::get<I>(columns).fill(row, x), ...);
    }
};
using all_number_columns = number_columns<std::make_index_sequence<smart::detail::number_table.size()>>;

/// One row per participant x requirement: ids, kind, state, then every number of the
/// table under its name (NA where it does not belong to the row's kind or is absent).
py::list requirement_columns(const evaluation_ptr& ev, bool arrow) {
    const smart::evaluation& e = ev->e;
    const smart::cohort& c = ev->cohort();
    const std::size_t n = e.size(), R = e.requirement_count(), rows = n * R;
    column_table t(arrow);
    auto* pid = t.codes("participant_id", rows);
    auto* rid = t.codes("requirement_id", rows);
    auto* kind = t.enum_codes<smart::requirement_kind>("kind", rows);
    auto* state = t.enum_codes<smart::requirement_state>("state", rows);
    all_number_columns numbers;
    numbers.add_to(t, rows);
    std::vector<std::string_view> ids, req_ids;
    for (const auto& r : e.programme().requirements) req_ids.push_back(r.id);
    {
        py::gil_scoped_release nogil;
        ids.reserve(n);
        for (const auto& p : c.participants()) ids.push_back(p.id);
        std::size_t row = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto reqs = e.requirements(i);
            for (std::size_t r = 0; r < R; ++r, ++row) {
                const auto& x = reqs[r];
                pid[row] = static_cast<std::int32_t>(i);
                rid[row] = static_cast<std::int32_t>(r);
                kind[row] = column_table::enum_code(x.kind);
                state[row] = column_table::enum_code(x.state);
                numbers.fill(row, x);
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

/// The core's table of result numbers, and the conversion of its interval sets for pandas.
void register_result_numbers(py::module_& s) {
    py::class_<smart::number_field>(s, "ResultNumber",
                                    "One number behind a requirement's state, from the core's one table: its name "
                                    "(the same in the evaluation document, the properties of RequirementResult, the "
                                    "DataFrame and Arrow columns, the CSV and the C ABI), type and kinds.")
        .def_property_readonly(
            "name", [](const smart::number_field& f) { return std::string(f.name); }, "The number's one name.")
        .def_property_readonly(
            "type", [](const smart::number_field& f) { return std::string(smart::to_string(f.type)); },
            "count, ratio, date, intervals, role or flag.")
        .def_property_readonly(
            "kinds",
            [](const smart::number_field& f) {
                std::vector<smart::requirement_kind> out;
                for (unsigned k = 0; k < 4; ++k)
                    if (f.belongs_to(static_cast<smart::requirement_kind>(k)))
                        out.push_back(static_cast<smart::requirement_kind>(k));
                return out;
            },
            "The requirement kinds that have this number.")
        .def_property_readonly(
            "description", [](const smart::number_field& f) { return std::string(f.description); },
            "What the number is (English).")
        .def("__repr__", [](const smart::number_field& f) {
            return "<ResultNumber " + std::string(f.name) + " (" + smart::to_string(f.type) + ")>";
        });
    s.def(
        "result_numbers",
        [] {
            std::vector<const smart::number_field*> out;
            for (const auto& f : smart::number_fields()) out.push_back(&f);
            return out;
        },
        py::return_value_policy::reference, "Every number of a requirement result, in the core's table order.");
    s.def("interval_categories", &interval_categories, py::arg("offsets"), py::arg("values"), py::arg("mask"),
          "An 'intervals' column for pandas: (codes, categories), the categories tuples of 1-based interval "
          "numbers, code -1 where missing.");
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
        "sector_label", [](smart::sector s, smart::lang l) { return std::string(smart::label(s, l)); }, py::arg("sector"),
        py::arg("lang"), "A sector in the core's words.");
    s.def(
        "requirement_kind_label",
        [](smart::requirement_kind k, smart::lang l) { return std::string(smart::label(k, l)); }, py::arg("kind"),
        py::arg("lang"), "A kind of requirement as a short name in the core's words.");
    s.def(
        "requirement_state_label",
        [](smart::requirement_state state, smart::lang l) { return std::string(smart::label(state, l)); },
        py::arg("state"), py::arg("lang") = smart::lang::nb, "A requirement's state as a person reads it.");
    s.def(
        "at_risk_label", [](smart::lang l) { return std::string(smart::at_risk_label(l)); },
        py::arg("lang") = smart::lang::nb, "'i faresonen' / 'i faresona' / 'at risk'.");
    s.def(
        "heading",
        [](std::string_view key, smart::lang l) { return std::string(smart::label(smart::parse_heading(key), l)); },
        py::arg("key"), py::arg("lang") = smart::lang::nb,
        "A heading of the CLI's tables and the notebook's HTML in nb, nn or en, by key ('participant', 'as_of', "
        "...): the core's words.");
    s.def(
        "column_heading",
        [](std::string_view name, smart::lang l) -> std::optional<std::string> {
            const char* words = smart::column_heading(name, l);
            return words ? std::optional<std::string>(words) : std::nullopt;
        },
        py::arg("name"), py::arg("lang") = smart::lang::nb,
        "The heading of a table column by its one name (docs/vocabulary.md), or of a sheet ('sheet_cohorts', ...), "
        "in nb, nn or en: the core's words; None for a name it does not know.");
    s.def(
        "column_heading_names",
        [] {
            std::vector<std::string> out;
            for (auto n : smart::column_heading_names()) out.emplace_back(n);
            return out;
        },
        "Every name column_heading knows.");

    register_result_numbers(s);

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
            "The numbers of the requirement's kind by name, as in the evaluation document (docs/format.md) and "
            "the properties of the same names (smart.result_numbers() lists them).")
        .def(
            "explain",
            [](const requirement_result_ref& x, smart::lang l) {
                return x.ev->e.explain(x.participant, x.requirement, l);
            },
            py::arg("lang") = smart::lang::nb, "A sentence on the result with its numbers, in nb, nn or en.")
        .def("__repr__", [](const requirement_result_ref& x) {
            return "<RequirementResult " + x.def().id + ": " + smart::to_string(x.r().state) + ">";
        });
    // One property per number of the table, under its one name.
    {
        auto cls = py::reinterpret_borrow<py::class_<requirement_result_ref>>(s.attr("RequirementResult"));
        for (const smart::number_field& f : smart::number_fields())
            cls.def_property_readonly(
                f.name, [field = &f](const requirement_result_ref& x) { return number_property(x.r(), *field); },
                number_doc(f));
    }

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
                return smart::evaluation_to_json(x.e);
            },
            "The evaluation as a smart.evaluation/2 document.")
        .def(
            "columns",
            [](const std::shared_ptr<py_evaluation>& x, std::string_view by, bool arrow) {
                if (by == "participant") return participant_columns(x);
                if (by == "requirement") return requirement_columns(x, arrow);
                throw smart::error(
                    smart::errc::invalid_argument,
                    "unknown table \"" + std::string(by) + "\": expected \"participant\" or \"requirement\"");
            },
            py::arg("by"), py::arg("arrow") = false,
            "Whole columns, one row per participant or per participant x requirement (arrow: dates laid out as "
            "Arrow's date32).");

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
