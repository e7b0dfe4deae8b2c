// Reading programme documents (smart.programme/1, docs/format.md).
#include "smart/json.hpp"

#include "json_input.hpp"
#include "json_read.hpp"
#include "smart/limits.hpp"

namespace smart {

namespace json_read {

session read_session(const dom& j, const path& p) {
    const auto& o = object(j, p, {"id", "kind", "days", "start", "end", "theme", "description", "focus_areas",
                                  "resources", "between_session_work"});
    session s;
    s.id = nonempty_string(require(o, "id", p), p.child("id"));
    s.kind = read_enum(require(o, "kind", p), p.child("kind"), parse_session_kind);
    const path dp = p.child("days");
    s.days = read_list<date>(require(o, "days", p), dp, read_date);
    auto read_time = [&](const char* key) -> std::optional<time_of_day> {
        const dom* v = find(o, key);
        if (!v) return std::nullopt;
        const path tp = p.child(key);
        const std::string& text = string(*v, tp);
        try {
            return parse_time(text);
        } catch (const error& e) {
            fail(tp, e.message());
        }
    };
    s.start = read_time("start");
    s.end = read_time("end");
    if (const dom* v = find(o, "theme")) s.theme = read_text(*v, p.child("theme"));
    if (const dom* v = find(o, "description")) s.description = read_text(*v, p.child("description"));
    if (const dom* v = find(o, "focus_areas"))
        s.focus_areas = read_list<std::string>(*v, p.child("focus_areas"),
                                               [](const dom& x, const path& xp) { return nonempty_string(x, xp); });
    if (const dom* v = find(o, "resources"))
        s.resources = read_list<resource>(*v, p.child("resources"), [](const dom& x, const path& xp) {
            const auto& ro = object(x, xp, {"title", "kind", "url"});
            resource r;
            r.title = nonempty_string(require(ro, "title", xp), xp.child("title"));
            if (const dom* k = find(ro, "kind")) r.kind = nonempty_string(*k, xp.child("kind"));
            if (const dom* u = find(ro, "url")) r.url = nonempty_string(*u, xp.child("url"));
            return r;
        });
    if (const dom* v = find(o, "between_session_work")) {
        const path wp = p.child("between_session_work");
        const auto& wo = object(*v, wp, {"description", "due"});
        between_session_work w;
        w.description = read_text(require(wo, "description", wp), wp.child("description"));
        if (const dom* d = find(wo, "due")) w.due = read_date(*d, wp.child("due"));
        s.work = std::move(w);
    }
    return s;
}

namespace {

attendance_rule read_attendance_rule(const dom& j, const path& p) {
    const auto& o = object(j, p, {"id", "kind", "label", "min_ratio", "weights", "counted_kinds"});
    attendance_rule a;
    if (const dom* v = find(o, "min_ratio")) a.min_ratio = read_ratio(*v, p.child("min_ratio"));
    if (const dom* v = find(o, "weights")) {
        const path wp = p.child("weights");
        const auto& wo = object(*v, wp, {"present", "late", "excused"});
        auto weight = [&](const char* key, ratio& out) {
            if (const dom* w = find(wo, key)) {
                out = read_ratio(*w, wp.child(key));
                if (out.den() > 1000) fail(wp.child(key), "weight denominators above 1000 are not supported");
            }
        };
        weight("present", a.weight_present);
        weight("late", a.weight_late);
        weight("excused", a.weight_excused);
    }
    if (const dom* v = find(o, "counted_kinds"))
        a.counted_kinds = read_enum_set<session_kind>(*v, p.child("counted_kinds"), parse_session_kind);
    return a;
}

interval_notes_rule read_notes_rule(const dom& j, const path& p) {
    const auto& o = object(j, p, {"id", "kind", "label", "per_interval", "accepted_kinds", "require_approval",
                                  "require_portfolio_approval", "portfolio_deadline"});
    interval_notes_rule n;
    if (const dom* v = find(o, "per_interval")) n.per_interval = static_cast<int>(integer(*v, p.child("per_interval"), 1, 1000));
    if (const dom* v = find(o, "accepted_kinds"))
        n.accepted_kinds = read_enum_set<submission_kind>(*v, p.child("accepted_kinds"), parse_submission_kind);
    if (const dom* v = find(o, "require_approval")) n.require_approval = boolean(*v, p.child("require_approval"));
    if (const dom* v = find(o, "require_portfolio_approval"))
        n.require_portfolio_approval = boolean(*v, p.child("require_portfolio_approval"));
    if (const dom* v = find(o, "portfolio_deadline")) n.portfolio_deadline = read_date(*v, p.child("portfolio_deadline"));
    return n;
}

final_text_rule read_final_text_rule(const dom& j, const path& p) {
    const auto& o = object(j, p, {"id", "kind", "label", "pages", "categories", "require_approval", "deadline"});
    final_text_rule f;
    if (const dom* v = find(o, "pages")) {
        const path pp = p.child("pages");
        const auto& po = object(*v, pp, {"min", "max"});
        if (const dom* m = find(po, "min")) f.min_pages = static_cast<int>(integer(*m, pp.child("min"), 1, 10000));
        if (const dom* m = find(po, "max")) f.max_pages = static_cast<int>(integer(*m, pp.child("max"), 1, 10000));
    }
    if (const dom* v = find(o, "categories"))
        f.categories = read_enum_set<final_category>(*v, p.child("categories"), parse_final_category);
    if (const dom* v = find(o, "require_approval")) f.require_approval = boolean(*v, p.child("require_approval"));
    if (const dom* v = find(o, "deadline")) f.deadline = read_date(*v, p.child("deadline"));
    return f;
}

festival_rule read_festival_rule(const dom& j, const path& p) {
    const auto& o = object(j, p, {"id", "kind", "label", "roles"});
    festival_rule f;
    if (const dom* v = find(o, "roles")) f.roles = read_enum_set<festival_role>(*v, p.child("roles"), parse_festival_role);
    return f;
}

}  // namespace

requirement read_requirement(const dom& j, const path& p) {
    if (!j.is_object()) wrong_type(j, p, "an object");
    const auto& pre = j.get_ref<const dom::object_t&>();
    const path kp = p.child("kind");
    const requirement_kind kind = read_enum(require(pre, "kind", p), kp, parse_requirement_kind);
    requirement r;
    switch (kind) {
        case requirement_kind::attendance: r.rule = read_attendance_rule(j, p); break;
        case requirement_kind::interval_notes: r.rule = read_notes_rule(j, p); break;
        case requirement_kind::final_text: r.rule = read_final_text_rule(j, p); break;
        case requirement_kind::festival: r.rule = read_festival_rule(j, p); break;
    }
    r.id = nonempty_string(require(pre, "id", p), p.child("id"));
    if (const dom* v = find(pre, "label")) r.label = read_text(*v, p.child("label"));
    return r;
}

programme read_programme(const dom& j, const path& p, bool format_required) {
    const auto& o = object(j, p, {"format", "id", "name", "provider", "audience", "description", "focus_question", "aims",
                                  "competence_goals", "knowledge_base", "seats", "sessions", "certificate"});
    check_format(o, p, programme_format, format_required);
    programme prog;
    prog.id = nonempty_string(require(o, "id", p), p.child("id"));
    prog.name = read_text(require(o, "name", p), p.child("name"));
    if (const dom* v = find(o, "provider")) prog.provider = read_text(*v, p.child("provider"));
    if (const dom* v = find(o, "audience")) prog.audience = read_text(*v, p.child("audience"));
    if (const dom* v = find(o, "description")) prog.description = read_text(*v, p.child("description"));
    if (const dom* v = find(o, "focus_question")) prog.focus_question = read_text(*v, p.child("focus_question"));
    if (const dom* v = find(o, "aims")) prog.aims = read_texts(*v, p.child("aims"));
    if (const dom* v = find(o, "competence_goals"))
        prog.goals = read_list<competence_goal>(*v, p.child("competence_goals"), [](const dom& x, const path& xp) {
            const auto& go = object(x, xp, {"id", "text"});
            competence_goal g;
            g.id = nonempty_string(require(go, "id", xp), xp.child("id"));
            g.text = read_text(require(go, "text", xp), xp.child("text"));
            return g;
        });
    if (const dom* v = find(o, "knowledge_base")) prog.knowledge_base = read_texts(*v, p.child("knowledge_base"));
    if (const dom* v = find(o, "seats")) prog.seats = static_cast<int>(integer(*v, p.child("seats"), 1, 1000000));
    if (const dom* v = find(o, "sessions")) prog.sessions = read_list<session>(*v, p.child("sessions"), read_session, limits::sessions, "sessions");
    if (const dom* v = find(o, "certificate")) {
        const path cp = p.child("certificate");
        const auto& co = object(*v, cp, {"requirements"});
        prog.requirements = read_list<requirement>(require(co, "requirements", cp), cp.child("requirements"),
                                                   read_requirement);
    }
    validate_under(p, [&] { validate(prog); });
    return prog;
}

}  // namespace json_read

using namespace json_read;

programme load_programme(std::string_view json_text) {
    const dom j = parse_text(json_text);
    return read_programme(j, path{}, true);
}

programme load_programme_file(const std::filesystem::path& file) { return load_programme(detail::read_document_file(file)); }

}  // namespace smart
