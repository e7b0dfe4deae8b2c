// Cohorts and participant records: attendance, submissions, exemptions. Every record is
// validated by the core when it enters; the bindings only convert.
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "columns.hpp"

namespace smart_py {

namespace {

std::string quoted(const std::string& s) { return py_repr(display_text(s)); }

/// The core participant of a record, its attendance placed on the cohort's days. A day
/// with no session is reported as the loader reports it, at the participant's position.
smart::participant to_core(const participant_record& r, const smart::cohort& c, std::size_t position) {
    smart::participant p = r.p;
    p.attendance.clear();
    bool any = false;
    for (const auto& [day, status] : r.attendance) any = any || status != smart::attendance_status::unrecorded;
    if (!any) return p;
    p.attendance.assign(c.days().size(), smart::attendance_status::unrecorded);
    for (const auto& [day, status] : r.attendance) {
        const auto idx = c.day_index(day);
        if (!idx) {
            const std::string key = smart::to_iso(day);
            throw smart::error(smart::errc::validation_error,
                               "no session is held on " + key + ": attendance can only be recorded on session days",
                               smart::detail::pointer_append(
                                   smart::detail::pointer_append(
                                       smart::detail::pointer_append("/participants", position), "attendance"),
                                   key));
        }
        p.attendance[*idx] = status;
    }
    return p;
}

std::shared_ptr<smart::programme> programme_of(const smart::cohort& c) {
    return std::const_pointer_cast<smart::programme>(c.programme_ptr());
}

// --- tables -------------------------------------------------------------------------------

py::list participants_table(const std::shared_ptr<const smart::cohort>& keep) {
    const smart::cohort& c = *keep;
    const auto& ps = c.participants();
    const std::size_t n = ps.size();
    column_table t;
    participant_identity_columns who(t, n);
    auto* frole = t.enum_codes<smart::festival_role>("festival_role", n);
    {
        py::gil_scoped_release nogil;
        for (std::size_t i = 0; i < n; ++i) {
            who.fill(i, ps[i]);
            frole[i] = column_table::enum_code(ps[i].festival_role);
        }
    }
    who.finish(t);
    return t.result();
}

std::vector<std::string_view> participant_ids(const smart::cohort& c) {
    std::vector<std::string_view> ids;
    ids.reserve(c.size());
    for (const auto& p : c.participants()) ids.push_back(p.id);
    return ids;
}

py::list attendance_table(const std::shared_ptr<const smart::cohort>& keep) {
    const smart::cohort& c = *keep;
    std::size_t n = 0;
    for (const auto& p : c.participants())
        for (auto s : p.attendance) n += s != smart::attendance_status::unrecorded;
    column_table t;
    auto* pid = t.codes("participant_id", n);
    auto* day = t.dates("date", n);
    auto* session = t.codes("session_id", n);
    auto* kind = t.enum_codes<smart::session_kind>("session_kind", n);
    auto* status = t.enum_codes<smart::attendance_status>("status", n);
    std::vector<std::string_view> session_ids;
    for (const auto& s : c.sessions()) session_ids.push_back(s.id);
    {
        py::gil_scoped_release nogil;
        std::size_t row = 0;
        const auto& ps = c.participants();
        for (std::size_t i = 0; i < ps.size(); ++i)
            for (std::size_t d = 0; d < ps[i].attendance.size(); ++d) {
                if (ps[i].attendance[d] == smart::attendance_status::unrecorded) continue;
                const std::size_t s = c.session_of_day(d);
                pid[row] = static_cast<std::int32_t>(i);
                day[row] = epoch_days(c.days()[d]);
                session[row] = static_cast<std::int32_t>(s);
                kind[row] = column_table::enum_code(c.sessions()[s].kind);
                status[row] = column_table::enum_code(ps[i].attendance[d]);
                ++row;
            }
    }
    t.set_categories("participant_id", participant_ids(c));
    t.set_categories("session_id", session_ids);
    return t.result();
}

py::list submissions_table(const std::shared_ptr<const smart::cohort>& keep) {
    const smart::cohort& c = *keep;
    std::size_t n = 0;
    for (const auto& p : c.participants()) n += p.submissions.size();
    column_table t;
    auto* pid = t.codes("participant_id", n);
    auto* kind = t.enum_codes<smart::submission_kind>("kind", n);
    auto* day = t.dates("date", n);
    auto* status = t.enum_codes<smart::submission_status>("status", n);
    auto [pages, no_pages] = t.masked<std::int32_t>("pages", n);
    auto* category = t.enum_codes<smart::final_category>("category", n);
    auto* title = t.codes("title", n);
    auto* decided_by = t.codes("decided_by", n);
    auto* decided_on = t.dates("decided_on", n);
    auto* session = t.codes("session", n);
    dict_encoder titles, deciders, sessions;
    {
        py::gil_scoped_release nogil;
        std::size_t row = 0;
        const auto& ps = c.participants();
        for (std::size_t i = 0; i < ps.size(); ++i)
            for (const auto& s : ps[i].submissions) {
                pid[row] = static_cast<std::int32_t>(i);
                kind[row] = column_table::enum_code(s.kind);
                day[row] = epoch_days(s.on);
                status[row] = column_table::enum_code(s.status);
                pages[row] = s.pages ? *s.pages : 0;
                no_pages[row] = !s.pages;
                category[row] = column_table::enum_code(s.category);
                title[row] = s.title().empty() ? -1 : titles(s.title());
                const smart::submission_decision* decision = s.decision();
                decided_by[row] = decision ? deciders(decision->by) : -1;
                decided_on[row] = epoch_days(decision ? decision->on : smart::date(boost::gregorian::not_a_date_time));
                session[row] = s.session().empty() ? -1 : sessions(s.session());
                ++row;
            }
    }
    t.set_categories("participant_id", participant_ids(c));
    t.set_categories("title", titles.categories());
    t.set_categories("decided_by", deciders.categories());
    t.set_categories("session", sessions.categories());
    return t.result();
}

py::list exemptions_table(const std::shared_ptr<const smart::cohort>& keep) {
    const smart::cohort& c = *keep;
    std::size_t n = 0;
    for (const auto& p : c.participants()) n += p.exemptions.size();
    column_table t;
    auto* pid = t.codes("participant_id", n);
    auto* req = t.codes("requirement", n);
    auto* reason = t.codes("reason", n);
    auto* by = t.codes("granted_by", n);
    auto* day = t.dates("date", n);
    dict_encoder reqs, reasons, granters;
    {
        py::gil_scoped_release nogil;
        std::size_t row = 0;
        const auto& ps = c.participants();
        for (std::size_t i = 0; i < ps.size(); ++i)
            for (const auto& e : ps[i].exemptions) {
                pid[row] = static_cast<std::int32_t>(i);
                req[row] = reqs(e.requirement);
                reason[row] = reasons(e.reason);
                by[row] = granters(e.granted_by);
                day[row] = e.granted_on ? epoch_days(*e.granted_on) : epoch_days(smart::date());
                ++row;
            }
    }
    t.set_categories("participant_id", participant_ids(c));
    t.set_categories("requirement", reqs.categories());
    t.set_categories("reason", reasons.categories());
    t.set_categories("granted_by", granters.categories());
    return t.result();
}

std::string participant_repr(const participant_record& r) {
    const auto& p = r.p;
    std::size_t days = 0;
    for (const auto& a : r.attendance) days += a.second != smart::attendance_status::unrecorded;
    return "<Participant " + p.id + " " + quoted(p.name) + ", " + p.municipality.name + " (" + p.municipality.number +
           "), " + p.role + ", " + smart::to_string(p.sector) + ": " + std::to_string(days) + " days recorded, " +
           std::to_string(p.submissions.size()) + " submissions, " + std::to_string(p.exemptions.size()) +
           " exemptions>";
}

}  // namespace

participant_record record_of(const smart::cohort& c, std::size_t index) {
    participant_record r;
    r.p = c.participants().at(index);
    for (std::size_t d = 0; d < r.p.attendance.size(); ++d)
        if (r.p.attendance[d] != smart::attendance_status::unrecorded)
            r.attendance.emplace_back(c.days()[d], r.p.attendance[d]);
    r.p.attendance.clear();
    return r;
}

void register_cohort(py::module_& m) {
    py::module_ s = m.def_submodule("cohort", "Cohorts and the records kept about their participants.");

    py::class_<smart::municipality>(s, "Municipality",
                                    "A municipality by Statistics Norway's 4-digit number, as it was at the time.")
        .def(py::init([](text number, text name) {
                 return smart::municipality{std::move(number), std::move(name)};
             }),
             py::arg("number"), py::arg("name"))
        .def_readonly("number", &smart::municipality::number, "Statistics Norway's 4-digit number, e.g. '3905'.")
        .def_readonly("name", &smart::municipality::name, "The municipality's name.")
        .def("__eq__", [](const smart::municipality& a, const smart::municipality& b) { return a == b; })
        .def("__hash__", [](const smart::municipality& x) { return py::hash(py::make_tuple(x.number, x.name)); })
        .def("__repr__", [](const smart::municipality& x) {
            return "Municipality(" + quoted(x.number) + ", " + quoted(x.name) + ")";
        });

    py::class_<smart::contact_info>(s, "Contact", "Contact data. Never part of certificates or statistics.")
        .def(py::init([](text email, text phone) {
                 return smart::contact_info{std::move(email), std::move(phone)};
             }),
             py::kw_only(), py::arg("email") = "", py::arg("phone") = "")
        .def_readonly("email", &smart::contact_info::email, "E-mail address, or ''.")
        .def_readonly("phone", &smart::contact_info::phone, "Phone number, or ''.")
        .def("__eq__", [](const smart::contact_info& a, const smart::contact_info& b) { return a == b; })
        .def("__repr__", [](const smart::contact_info& x) {
            return "Contact(email=" + quoted(x.email) + ", phone=" + quoted(x.phone) + ")";
        });

    py::class_<smart::submission>(s, "Submission",
                                  "A submitted document: reflection note, practice blog, practice document, final "
                                  "text, portfolio or between-session work (naming its session).")
        .def(py::init([](smart::submission_kind kind, smart::date on, smart::submission_status status,
                         std::optional<int> pages, smart::final_category category, text title,
                         std::optional<text> decided_by, std::optional<smart::date> decided_on, text session) {
                 smart::submission x;
                 x.kind = kind;
                 x.on = on;
                 x.status = status;
                 if (pages) {
                     if (*pages < 0 || *pages > 65535)  // the core checks the real range when it is added
                         throw smart::error(smart::errc::invalid_argument,
                                            "page count out of range: " + std::to_string(*pages));
                     x.pages = static_cast<std::uint16_t>(*pages);
                 }
                 x.category = category;
                 x.set_title(std::move(title));
                 x.set_session(std::move(session));
                 // both or neither: a missing one is the core's validation error at its place
                 if (decided_by || decided_on)
                     x.set_decision(smart::submission_decision{
                         decided_by ? std::string(std::move(*decided_by)) : std::string(),
                         decided_on.value_or(smart::date(boost::gregorian::not_a_date_time))});
                 return x;
             }),
             py::kw_only(), py::arg("kind"), py::arg("date"), py::arg("status") = smart::submission_status::submitted,
             py::arg("pages") = py::none(), py::arg("category") = py::none(), py::arg("title") = "",
             py::arg("decided_by") = py::none(), py::arg("decided_on") = py::none(), py::arg("session") = "",
             "A submission; checked by the core when it is added to a cohort. Between-session work names its "
             "session.")
        .def_readonly("kind", &smart::submission::kind,
                      "reflection, practice_blog, practice_document, final_text, portfolio or "
                      "between_session_work.")
        .def_readonly("date", &smart::submission::on, "The date the document is dated.")
        .def_readonly("status", &smart::submission::status,
                      "submitted, approved or rejected (a rejected one never counts).")
        .def_property_readonly(
            "pages", [](const smart::submission& x) { return x.pages ? std::optional<int>(*x.pages) : std::nullopt; },
            "Page count, or None when not recorded.")
        .def_readonly("category", &smart::submission::category, "Final text category, or None.")
        .def_property_readonly(
            "title", [](const smart::submission& x) { return x.title(); }, "The document's title, or ''.")
        .def_property_readonly(
            "decided_by",
            [](const smart::submission& x) { return x.decision() ? std::optional<std::string>(x.decision()->by) : std::nullopt; },
            "Who approved or rejected it, or None.")
        .def_property_readonly(
            "decided_on",
            [](const smart::submission& x) { return x.decision() ? std::optional<smart::date>(x.decision()->on) : std::nullopt; },
            "When it was approved or rejected, or None.")
        .def_property_readonly(
            "session", [](const smart::submission& x) { return x.session(); },
            "Between-session work: the id of its session; '' for other kinds.")
        .def("__eq__", [](const smart::submission& a, const smart::submission& b) { return a == b; })
        .def("__repr__", [](const smart::submission& x) {
            std::string out = std::string("Submission(kind='") + smart::to_string(x.kind) +
                              "', date=" + py_repr(py::cast(x.on)) + ", status='" + smart::to_string(x.status) + "'";
            if (x.pages) out += ", pages=" + std::to_string(*x.pages);
            if (x.category != smart::final_category::none)
                out += std::string(", category='") + smart::to_string(x.category) + "'";
            if (!x.title().empty()) out += ", title=" + quoted(x.title());
            if (!x.session().empty()) out += ", session=" + quoted(x.session());
            if (x.decision())
                out += ", decided_by=" + quoted(x.decision()->by) + ", decided_on=" + py_repr(py::cast(x.decision()->on));
            return out + ")";
        });

    py::class_<smart::exemption>(s, "Exemption", "A waived requirement, with the reason and who granted it.")
        .def(py::init([](text requirement, text reason, text granted_by, std::optional<smart::date> on) {
                 return smart::exemption{std::move(requirement), std::move(reason), std::move(granted_by), on};
             }),
             py::kw_only(), py::arg("requirement"), py::arg("reason"), py::arg("granted_by"),
             py::arg("date") = py::none())
        .def_readonly("requirement", &smart::exemption::requirement, "The requirement id.")
        .def_readonly("reason", &smart::exemption::reason, "Why the requirement is waived.")
        .def_readonly("granted_by", &smart::exemption::granted_by, "Who granted the exemption.")
        .def_readonly("date", &smart::exemption::granted_on, "When it was granted, or None (always applies).")
        .def("__eq__", [](const smart::exemption& a, const smart::exemption& b) { return a == b; })
        .def("__repr__", [](const smart::exemption& x) {
            return "Exemption(requirement=" + quoted(x.requirement) + ", reason=" + quoted(x.reason) +
                   ", granted_by=" + quoted(x.granted_by) +
                   (x.granted_on ? ", date=" + py_repr(py::cast(*x.granted_on)) : std::string()) + ")";
        });

    py::class_<smart::withdrawal>(s, "Withdrawal",
                                  "A participant's withdrawal: from `date` on their overall status is withdrawn.")
        .def(py::init([](smart::date on, text reason) { return smart::withdrawal{on, std::move(reason)}; }),
             py::kw_only(), py::arg("date"), py::arg("reason"))
        .def_readonly("date", &smart::withdrawal::on, "The date of the withdrawal.")
        .def_readonly("reason", &smart::withdrawal::reason, "Why the participant withdrew.")
        .def("__eq__", [](const smart::withdrawal& a, const smart::withdrawal& b) { return a == b; })
        .def("__repr__", [](const smart::withdrawal& x) {
            return "Withdrawal(date=" + py_repr(py::cast(x.on)) + ", reason=" + quoted(x.reason) + ")";
        });

    py::class_<participant_record>(s, "Participant",
                                   "A participant and the records kept about them: attendance by day, festival role, "
                                   "submissions and exemptions. A value: reading one from a cohort gives a copy.")
        .def(py::init([](text id, text name, smart::municipality municipality, text role,
                         smart::sector sector, std::optional<smart::contact_info> contact,
                         std::map<smart::date, smart::attendance_status> attendance, smart::festival_role festival_role,
                         std::vector<smart::submission> submissions, std::vector<smart::exemption> exemptions,
                         std::optional<smart::withdrawal> withdrawal) {
                 participant_record r;
                 r.p.id = std::move(id);
                 r.p.name = std::move(name);
                 r.p.municipality = std::move(municipality);
                 r.p.role = std::move(role);
                 r.p.sector = sector;
                 if (contact) r.p.contact = std::move(*contact);
                 r.p.festival_role = festival_role;
                 r.p.submissions = std::move(submissions);
                 r.p.exemptions = std::move(exemptions);
                 if (withdrawal) r.p.withdrawal = std::move(*withdrawal);
                 for (const auto& [d, st] : attendance)
                     if (st != smart::attendance_status::unrecorded) r.attendance.emplace_back(d, st);
                 return r;
             }),
             py::kw_only(), py::arg("id"), py::arg("name"), py::arg("municipality"), py::arg("role"), py::arg("sector"),
             py::arg("contact") = py::none(), py::arg("attendance") = std::map<smart::date, smart::attendance_status>{},
             py::arg("festival_role") = py::none(), py::arg("submissions") = std::vector<smart::submission>{},
             py::arg("exemptions") = std::vector<smart::exemption>{}, py::arg("withdrawal") = py::none(),
             "A participant record; checked by the core when it is added to a cohort.")
        .def_property_readonly(
            "id", [](const participant_record& r) { return r.p.id; }, "The participant's id, unique in the cohort.")
        .def_property_readonly(
            "name", [](const participant_record& r) { return r.p.name; }, "The display name.")
        .def_property_readonly(
            "municipality", [](const participant_record& r) { return r.p.municipality; },
            "Where the participant works, as it was at the time.")
        .def_property_readonly(
            "role", [](const participant_record& r) { return r.p.role; }, "Profession, free text.")
        .def_property_readonly(
            "sector", [](const participant_record& r) { return r.p.sector; }, "public, private or voluntary.")
        .def_property_readonly(
            "contact",
            [](const participant_record& r) {
                return r.p.contact ? std::optional<smart::contact_info>(*r.p.contact) : std::nullopt;
            },
            "Contact data, or None.")
        .def_property_readonly(
            "attendance",
            [](const participant_record& r) {
                py::dict d;
                for (const auto& [day, st] : r.attendance) d[py::cast(day)] = py::cast(st);
                return d;
            },
            "The recorded attendance: {date: AttendanceStatus}, recorded days only, in date order.")
        .def_property_readonly(
            "festival_role", [](const participant_record& r) { return r.p.festival_role; },
            "Role at the festival, or None.")
        .def_property_readonly(
            "submissions", [](const participant_record& r) { return r.p.submissions; },
            "Submitted documents, in recorded order.")
        .def_property_readonly(
            "exemptions", [](const participant_record& r) { return r.p.exemptions; }, "Waived requirements.")
        .def_property_readonly(
            "withdrawal",
            [](const participant_record& r) {
                return r.p.withdrawal ? std::optional<smart::withdrawal>(*r.p.withdrawal) : std::nullopt;
            },
            "The withdrawal, or None.")
        .def("__eq__", [](const participant_record& a,
                          const participant_record& b) { return a.p == b.p && a.attendance == b.attendance; })
        .def("__repr__", [](const participant_record& r) { return display_text(participant_repr(r)); });

    py::class_<py_cohort>(s, "Cohort", "One run of a programme: its schedule, seats and participants.")
        .def(py::init([](std::shared_ptr<smart::programme> prog, text id, text label, std::optional<int> capacity,
                         std::vector<smart::session> sessions, text programme_ref) {
                 return py_cohort{std::make_shared<smart::cohort>(std::move(prog), std::move(id), std::move(label),
                                                                  capacity, std::move(sessions),
                                                                  std::move(programme_ref))};
             }),
             py::arg("programme"), py::kw_only(), py::arg("id"), py::arg("label"), py::arg("capacity") = py::none(),
             py::arg("sessions") = std::vector<smart::session>{}, py::arg("programme_ref") = "")
        .def_property_readonly("id", [](const py_cohort& c) { return c.get().id(); })
        .def_property_readonly("label", [](const py_cohort& c) { return c.get().label(); })
        .def_property_readonly("capacity", [](const py_cohort& c) { return c.get().capacity(); })
        .def_property_readonly("programme", [](const py_cohort& c) { return programme_of(c.get()); })
        .def_property_readonly("programme_ref", [](const py_cohort& c) { return c.get().programme_ref(); })
        .def_property_readonly("has_own_sessions", [](const py_cohort& c) { return c.get().has_own_sessions(); })
        .def_property_readonly("sessions", [](const py_cohort& c) { return c.get().sessions(); })
        .def_property_readonly("days", [](const py_cohort& c) { return c.get().days(); })
        .def_property_readonly("first_day", [](const py_cohort& c) { return c.get().first_day(); })
        .def_property_readonly("last_day", [](const py_cohort& c) { return c.get().last_day(); })
        .def("__len__", [](const py_cohort& c) { return c.get().size(); })
        .def(
            "participant",
            [](const py_cohort& c, std::size_t i) {
                if (i >= c.get().size()) throw py::index_error("participant index out of range");
                return record_of(c.get(), i);
            },
            py::arg("index"))
        .def(
            "index_of", [](const py_cohort& c, const text& id) { return c.get().index_of(id); }, py::arg("id"))
        .def(
            "find",
            [](const py_cohort& c, const text& id) -> std::optional<std::size_t> {
                const auto* p = c.get().find(id);
                if (!p) return std::nullopt;
                return static_cast<std::size_t>(p - c.get().participants().data());
            },
            py::arg("id"))
        .def("ids",
             [](const py_cohort& c) {
                 py::list out;
                 for (const auto& p : c.get().participants()) out.append(p.id);
                 return out;
             })
        .def(
            "add_participant",
            [](py_cohort& c, const participant_record& r) {
                smart::cohort& x = c.mut();
                x.add_participant(to_core(r, x, x.size()));
            },
            py::arg("participant"))
        .def(
            "add_participants",
            [](py_cohort& c, const std::vector<participant_record>& rs) {
                smart::cohort& x = c.mut();
                std::vector<smart::participant> ps;
                ps.reserve(rs.size());
                for (std::size_t i = 0; i < rs.size(); ++i) ps.push_back(to_core(rs[i], x, x.size() + i));
                x.add_participants(std::move(ps));
            },
            py::arg("participants"))
        .def(
            "set_attendance",
            [](py_cohort& c, const text& pid, smart::date day, smart::attendance_status status) {
                c.mut().set_attendance(pid, day, status);
            },
            py::arg("participant_id"), py::arg("day"), py::arg("status"))
        .def(
            "attendance",
            [](const py_cohort& c, const text& pid, smart::date day) { return c.get().attendance(pid, day); },
            py::arg("participant_id"), py::arg("day"))
        .def(
            "set_festival_role",
            [](py_cohort& c, const text& pid, smart::festival_role role) { c.mut().set_festival_role(pid, role); },
            py::arg("participant_id"), py::arg("role"))
        .def(
            "add_submission",
            [](py_cohort& c, const text& pid, smart::submission sub) {
                c.mut().add_submission(pid, std::move(sub));
            },
            py::arg("participant_id"), py::arg("submission"))
        .def(
            "add_exemption",
            [](py_cohort& c, const text& pid, smart::exemption e) { c.mut().add_exemption(pid, std::move(e)); },
            py::arg("participant_id"), py::arg("exemption"))
        .def(
            "remove_exemption",
            [](py_cohort& c, const text& pid, const text& req) { c.mut().remove_exemption(pid, req); },
            py::arg("participant_id"), py::arg("requirement_id"))
        .def(
            "set_submission_status",
            [](py_cohort& c, const text& pid, std::size_t index, smart::submission_status status,
               std::optional<text> decided_by, std::optional<smart::date> decided_on) {
                c.mut().set_submission_status(pid, index, status, decided_by ? std::string(*decided_by) : std::string(),
                                              decided_on);
            },
            py::arg("participant_id"), py::arg("index"), py::arg("status"), py::kw_only(),
            py::arg("decided_by") = py::none(), py::arg("decided_on") = py::none())
        .def(
            "correct_submission",
            [](py_cohort& c, const text& pid, std::size_t index, smart::submission sub) {
                c.mut().correct_submission(pid, index, std::move(sub));
            },
            py::arg("participant_id"), py::arg("index"), py::arg("submission"))
        .def(
            "remove_submission", [](py_cohort& c, const text& pid, std::size_t index) { c.mut().remove_submission(pid, index); },
            py::arg("participant_id"), py::arg("index"))
        .def(
            "correct_participant",
            [](py_cohort& c, const text& pid, text name, smart::municipality municipality, text role,
               smart::sector sector) {
                c.mut().correct_participant(pid, {std::move(name), std::move(municipality), std::move(role), sector});
            },
            py::arg("participant_id"), py::kw_only(), py::arg("name"), py::arg("municipality"), py::arg("role"),
            py::arg("sector"))
        .def(
            "withdraw",
            [](py_cohort& c, const text& pid, smart::date on, text reason) {
                c.mut().withdraw(pid, on, std::move(reason));
            },
            py::arg("participant_id"), py::arg("date"), py::arg("reason"))
        .def(
            "cancel_withdrawal", [](py_cohort& c, const text& pid) { c.mut().cancel_withdrawal(pid); },
            py::arg("participant_id"))
        .def(
            "to_json",
            [](const py_cohort& c) {
                std::shared_ptr<const smart::cohort> keep = c.ptr;
                py::gil_scoped_release nogil;
                return smart::save_cohort(*keep);
            },
            "The cohort as a smart.cohort/1 document.")
        .def(
            "save_file",
            [](const py_cohort& c, const std::filesystem::path& path) {
                std::shared_ptr<const smart::cohort> keep = c.ptr;
                py::gil_scoped_release nogil;
                smart::save_cohort_file(*keep, path);
            },
            py::arg("path"), "Writes the cohort document to a file, replacing it atomically and durably.")
        .def("__eq__", [](const py_cohort& a, const py_cohort& b) { return a.get() == b.get(); })
        .def(
            "table",
            [](const py_cohort& c, std::string_view which) {
                const std::shared_ptr<const smart::cohort> keep = c.ptr;
                if (which == "participants") return participants_table(keep);
                if (which == "attendance") return attendance_table(keep);
                if (which == "submissions") return submissions_table(keep);
                if (which == "exemptions") return exemptions_table(keep);
                throw smart::error(
                    smart::errc::invalid_argument,
                    "unknown table \"" + std::string(which) +
                        "\": expected \"participants\", \"attendance\", \"submissions\" or \"exemptions\"");
            },
            py::arg("which"), "Whole columns of one table (see bindings.hpp for the layout).");

    py::class_<smart::municipality_warning>(s, "MunicipalityWarning",
                                            "A municipality recorded in a way that is probably wrong.")
        .def_readonly("kind", &smart::municipality_warning::kind,
                      "two_names, not_register_name or not_in_register (docs/format.md, \"Municipalities\").")
        .def_readonly("number", &smart::municipality_warning::number, "The number.")
        .def_readonly("names", &smart::municipality_warning::names, "Its names, in the order first recorded.")
        .def_readonly("participant", &smart::municipality_warning::participant,
                      "Position of the first participant whose name differs (two_names) or who has the number.")
        .def_readonly("path", &smart::municipality_warning::path,
                      "That participant's municipality name (or number: not_in_register), as a JSON Pointer.")
        .def_readonly("register_name", &smart::municipality_warning::register_name,
                      "The register's official name for the number; \"\" when not in it.")
        .def_readonly("register_number", &smart::municipality_warning::register_number,
                      "The register's number for a recorded name, when one municipality has it; else \"\".")
        .def(
            "describe", [](const smart::municipality_warning& w, smart::lang l) { return smart::describe(w, l); },
            py::arg("lang") = smart::lang::nb, "The warning as a sentence in `lang`.")
        .def("__repr__", [](const smart::municipality_warning& w) {
            return "<MunicipalityWarning " + std::string(smart::to_string(w.kind)) + " " + w.number + " at " + w.path +
                   ">";
        });
    s.def(
        "municipality_warnings", [](const py_cohort& c) { return smart::check_municipality_names(c.get()); },
        py::arg("cohort"), "The cohort's municipality warnings, by number.");
    s.def(
        "find_municipality",
        [](std::string_view number) -> std::optional<std::tuple<std::string, std::string, std::vector<std::string>>> {
            const auto m = smart::find_municipality(number);
            if (!m) return std::nullopt;
            return std::tuple{std::string(m->number), std::string(m->name),
                              std::vector<std::string>(m->names.begin(), m->names.end())};
        },
        py::arg("number"), "(number, official name, parallel names) of the register, or None.");
    s.def(
        "municipality_register",
        [] {
            std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> out;
            for (const auto& m : smart::municipality_register())
                out.emplace_back(std::string(m.number), std::string(m.name),
                                 std::vector<std::string>(m.names.begin(), m.names.end()));
            return out;
        },
        "Every municipality of the register as (number, official name, parallel names), by number.");

    s.def(
        "load_cohort",
        [](const text& doc) { return py_cohort{std::make_shared<smart::cohort>(smart::load_cohort(doc))}; },
        py::arg("text"), py::call_guard<py::gil_scoped_release>(), "Parses and validates a smart.cohort/1 document.");
    s.def(
        "load_cohort_file",
        [](const std::filesystem::path& path) {
            return py_cohort{std::make_shared<smart::cohort>(smart::load_cohort_file(path))};
        },
        py::arg("path"), py::call_guard<py::gil_scoped_release>(), "Loads a smart.cohort/1 document from a file.");
}

}  // namespace smart_py
