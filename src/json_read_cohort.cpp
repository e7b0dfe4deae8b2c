// Reading cohort documents (smart.cohort/1, docs/format.md): the participants array is
// streamed, each participant converted as soon as it is complete.
#include "smart/json.hpp"

#include <exception>
#include <memory>
#include <optional>

#include "json_input.hpp"
#include "json_read.hpp"
#include "smart/catalogue.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/limits.hpp"

namespace smart {

using namespace json_read;

namespace {


submission read_submission(const dom& j, const path& p) {
    const auto& o = object(j, p, {"kind", "date", "status", "pages", "category", "title", "decided_by", "decided_on",
                                 "session"});
    submission s;
    s.kind = read_enum(require(o, "kind", p), p.child("kind"), parse_submission_kind);
    s.on = read_date(require(o, "date", p), p.child("date"));
    if (const dom* v = find(o, "status")) s.status = read_enum(*v, p.child("status"), parse_submission_status);
    if (const dom* v = find(o, "pages")) s.pages = static_cast<std::uint16_t>(integer(*v, p.child("pages"), 1, 10000));
    if (const dom* v = find(o, "category")) s.category = read_enum(*v, p.child("category"), parse_final_category);
    if (const dom* v = find(o, "title")) s.set_title(string(*v, p.child("title")));
    if (const dom* v = find(o, "session")) s.set_session(nonempty_string(*v, p.child("session")));
    // who approved or rejected it, and when: both or neither (the cohort checks the rest)
    const dom* by = find(o, "decided_by");
    const dom* on = find(o, "decided_on");
    if (by || on)
        s.set_decision(submission_decision{nonempty_string(require(o, "decided_by", p), p.child("decided_by")),
                                         read_date(require(o, "decided_on", p), p.child("decided_on"))});
    return s;
}

/// A participant read from JSON before the cohort's schedule is known: attendance is
/// kept by date and placed on the cohort's days by place_attendance().
struct staged_participant {
    participant p;
    std::vector<std::pair<date, attendance_status>> attendance;
};

staged_participant read_participant(const dom& j, const path& p) {
    staged_participant staged;
    const auto& o = object(j, p, {"id", "name", "municipality", "role", "sector", "contact", "attendance",
                                  "festival_role", "submissions", "exemptions", "withdrawal"});
    participant& pt = staged.p;
    pt.id = nonempty_string(require(o, "id", p), p.child("id"));
    pt.name = nonempty_string(require(o, "name", p), p.child("name"));
    {
        const path mp = p.child("municipality");
        const auto& mo = object(require(o, "municipality", p), mp, {"number", "name"});
        pt.municipality.number = string(require(mo, "number", mp), mp.child("number"));
        pt.municipality.name = nonempty_string(require(mo, "name", mp), mp.child("name"));
    }
    pt.role = nonempty_string(require(o, "role", p), p.child("role"));
    pt.sector = read_enum(require(o, "sector", p), p.child("sector"), parse_sector);
    if (const dom* v = find(o, "contact")) {
        const path cp = p.child("contact");
        const auto& co = object(*v, cp, {"email", "phone"});
        contact_info ci;
        if (const dom* e = find(co, "email")) ci.email = string(*e, cp.child("email"));
        if (const dom* ph = find(co, "phone")) ci.phone = string(*ph, cp.child("phone"));
        pt.contact = std::move(ci);
    }
    if (const dom* v = find(o, "attendance")) {
        const path ap = p.child("attendance");
        if (!v->is_object()) wrong_type(*v, ap, "an object of date: status");
        const auto& ao = v->get_ref<const dom::object_t&>();
        staged.attendance.reserve(ao.size());
        for (const auto& [key, value] : ao) {
            const path dp = ap.child(key);
            date d;
            try {
                d = parse_date(key);
            } catch (const error& e) {
                fail(dp, e.message());
            }
            staged.attendance.emplace_back(d, read_enum(value, dp, parse_attendance_status));
        }
    }
    if (const dom* v = find(o, "withdrawal")) {
        const path wp = p.child("withdrawal");
        const auto& wo = object(*v, wp, {"date", "reason"});
        pt.withdrawal = withdrawal{read_date(require(wo, "date", wp), wp.child("date")),
                                   nonempty_string(require(wo, "reason", wp), wp.child("reason"))};
    }
    if (const dom* v = find(o, "festival_role"))
        pt.festival_role = read_enum(*v, p.child("festival_role"), parse_festival_role);
    if (const dom* v = find(o, "submissions"))
        pt.submissions =
            read_list<submission>(*v, p.child("submissions"), read_submission, limits::submissions, "submissions");
    if (const dom* v = find(o, "exemptions"))
        pt.exemptions = read_list<exemption>(*v, p.child("exemptions"), [](const dom& x, const path& xp) {
            const auto& eo = object(x, xp, {"requirement", "reason", "granted_by", "date"});
            exemption e;
            e.requirement = nonempty_string(require(eo, "requirement", xp), xp.child("requirement"));
            e.reason = nonempty_string(require(eo, "reason", xp), xp.child("reason"));
            e.granted_by = nonempty_string(require(eo, "granted_by", xp), xp.child("granted_by"));
            if (const dom* d = find(eo, "date")) e.granted_on = read_date(*d, xp.child("date"));
            return e;
        }, limits::exemptions, "exemptions");
    return staged;
}

/// Puts staged attendance on the cohort's days. Throws for a date with no session.
participant place_attendance(staged_participant staged, const cohort& c, const path& p) {
    if (!staged.attendance.empty()) {
        staged.p.attendance.assign(c.days().size(), attendance_status::unrecorded);
        for (const auto& [d, status] : staged.attendance) {
            const auto idx = c.day_index(d);
            if (!idx) {
                const std::string key = to_iso(d);
                fail(p.child("attendance").child(key),
                     "no session is held on " + key + ": attendance can only be recorded on session days");
            }
            staged.p.attendance[*idx] = status;
        }
    }
    return std::move(staged.p);
}

}  // namespace

cohort load_cohort(std::string_view json_text) {
    // The participants array is streamed: each element is converted as soon as it is
    // complete and its DOM freed, so a large cohort never exists as one DOM. A
    // participant's first error is kept, not thrown, so that a malformed document is still
    // reported as a parse error and the document's own members (format first) are checked
    // before any participant.
    detail::check_document_size(json_text.size());
    detail::refuse_long_strings(json_text, limits::string_bytes, [](std::string_view t) { (void)load_cohort(t); });
    dom j;
    std::vector<staged_participant> staged;
    std::exception_ptr first_error;
    const path root;
    const path ps = root.child("participants");
    detail::bounded_dom_builder<dom> reader(j);
    reader.stream("participants", limits::participants, [&](dom&& element, std::size_t index) {
        if (first_error) return;
        try {
            staged.push_back(read_participant(element, ps.at(index)));
        } catch (const error&) {
            first_error = std::current_exception();
        }
    });
    dom::sax_parse(json_text.begin(), json_text.end(), &reader);
    const auto& o = object(j, root, {"format", "id", "label", "programme", "capacity", "sessions", "participants"});
    check_format(o, root, cohort_format, true);
    const std::string& id = nonempty_string(require(o, "id", root), root.child("id"));
    const std::string& label = nonempty_string(require(o, "label", root), root.child("label"));
    const path pp = root.child("programme");
    const dom& pj = require(o, "programme", root);
    std::shared_ptr<const programme> prog;
    std::string ref;
    if (pj.is_string()) {
        ref = pj.get<std::string>();
        try {
            prog = catalogue::get(ref);
        } catch (const error& e) {
            fail(pp, e.message() + " (give a built-in programme id or embed the programme)");
        }
    } else if (pj.is_object()) {
        prog = std::make_shared<const programme>(read_programme(pj, pp, false));
    } else {
        wrong_type(pj, pp, "a programme id or a programme object");
    }
    std::optional<int> capacity;
    if (const dom* v = find(o, "capacity"))
        capacity = static_cast<int>(integer(*v, root.child("capacity"), 1, static_cast<std::int64_t>(limits::participants)));
    std::vector<session> sessions;
    if (const dom* v = find(o, "sessions")) {
        sessions = read_list<session>(*v, root.child("sessions"), read_session, limits::sessions, "sessions");
        if (sessions.empty()) fail(root.child("sessions"), "expected at least one session");
    }
    cohort c(std::move(prog), id, label, capacity, std::move(sessions), std::move(ref));
    if (const dom* v = find(o, "participants")) array(*v, ps);  // present here only when not an array
    if (first_error) std::rethrow_exception(first_error);
    std::vector<participant> list;
    list.reserve(staged.size());
    for (std::size_t i = 0; i < staged.size(); ++i) list.push_back(place_attendance(std::move(staged[i]), c, ps.at(i)));
    staged.clear();
    c.add_participants(std::move(list));
    return c;
}

cohort load_cohort_file(const std::filesystem::path& file) { return load_cohort(detail::read_document_file(file)); }

participant load_participant(std::string_view json_text, const cohort& c) {
    const path root;
    return place_attendance(read_participant(parse_text(json_text), root), c, root);
}

}  // namespace smart
