// JSON interchange with nlohmann/json. Readers check every member (type, allowed
// names, values) and report the first problem with its JSON Pointer; pointers are only
// materialised when an error is thrown, so loading stays fast.
#include "smart/json.hpp"

#include <exception>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>

#include "json_input.hpp"
#include "smart/catalogue.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/limits.hpp"

namespace smart {

/// Documents are read into nlohmann::json (members in a std::map: logarithmic look-up and
/// insertion, whatever the number of members) and written from ordered_json (members in
/// the order the format gives them).
using dom = nlohmann::json;
using json = nlohmann::ordered_json;

namespace {

/// A JSON Pointer under construction, as a chain of stack frames.
struct path {
    const path* parent = nullptr;
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;

    path child(std::string_view k) const { return path{this, k, 0, false}; }
    path at(std::size_t i) const { return path{this, {}, i, true}; }
    std::string str() const {
        if (!parent) return {};
        std::string base = parent->str();
        return is_index ? detail::pointer_append(base, index) : detail::pointer_append(base, key);
    }
};

[[noreturn]] void fail(const path& p, const std::string& message, errc code = errc::validation_error) {
    throw error(code, message, p.str());
}

const char* type_name(const dom& j) {
    switch (j.type()) {
        case dom::value_t::null: return "null";
        case dom::value_t::object: return "an object";
        case dom::value_t::array: return "an array";
        case dom::value_t::string: return "a string";
        case dom::value_t::boolean: return "a boolean";
        case dom::value_t::number_integer:
        case dom::value_t::number_unsigned: return "an integer";
        case dom::value_t::number_float: return "a number";
        default: return "something else";
    }
}

[[noreturn]] void wrong_type(const dom& j, const path& p, const char* expected) {
    fail(p, std::string("expected ") + expected + ", got " + type_name(j));
}

const dom::object_t& object(const dom& j, const path& p, std::initializer_list<std::string_view> allowed) {
    if (!j.is_object()) wrong_type(j, p, "an object");
    const auto& obj = j.get_ref<const dom::object_t&>();
    for (const auto& [key, value] : obj) {
        bool ok = false;
        for (auto a : allowed) ok = ok || key == a;
        if (!ok) {
            std::string names;
            for (auto a : allowed) names += (names.empty() ? "\"" : ", \"") + std::string(a) + "\"";
            fail(p.child(key), "unknown member " + detail::quoted(key) + " (expected one of " + names + ")");
        }
    }
    return obj;
}

const dom* find(const dom::object_t& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &it->second;
}

const dom& require(const dom::object_t& obj, const char* key, const path& p) {
    const dom* j = find(obj, key);
    if (!j) fail(p, std::string("missing required member \"") + key + "\"");
    return *j;
}

const std::string& string(const dom& j, const path& p) {
    if (!j.is_string()) wrong_type(j, p, "a string");
    return j.get_ref<const std::string&>();
}

const std::string& nonempty_string(const dom& j, const path& p) {
    const std::string& s = string(j, p);
    if (s.empty()) fail(p, "expected a non-empty string");
    return s;
}

std::int64_t integer(const dom& j, const path& p, std::int64_t lo, std::int64_t hi) {
    const auto range = [&] { return "an integer from " + std::to_string(lo) + " to " + std::to_string(hi); };
    std::int64_t v = 0;
    if (j.is_number_unsigned()) {
        // above INT64_MAX would wrap in get<int64_t>()
        if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) fail(p, "expected " + range() + ", got " + j.dump());
        v = static_cast<std::int64_t>(j.get<std::uint64_t>());
    } else if (j.is_number_integer()) {
        v = j.get<std::int64_t>();
    } else if (j.is_number_float()) {
        // JSON (and JSON Schema) do not tell 2 from 2.0: a number with no fraction is an integer.
        const double d = j.get<double>();
        if (!(d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) || d != static_cast<double>(static_cast<std::int64_t>(d)))
            fail(p, "expected " + range() + ", got " + j.dump());
        v = static_cast<std::int64_t>(d);
    } else {
        wrong_type(j, p, "an integer");
    }
    if (v < lo || v > hi)
        fail(p, "expected " + range() + ", got " + std::to_string(v));
    return v;
}

bool boolean(const dom& j, const path& p) {
    if (!j.is_boolean()) wrong_type(j, p, "true or false");
    return j.get<bool>();
}

const dom::array_t& array(const dom& j, const path& p) {
    if (!j.is_array()) wrong_type(j, p, "an array");
    return j.get_ref<const dom::array_t&>();
}

date read_date(const dom& j, const path& p) {
    const std::string& s = string(j, p);
    try {
        return parse_date(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

/// Parses an enum name, turning invalid_argument into a validation error at `p`.
template <class F>
auto read_enum(const dom& j, const path& p, F parse) {
    const std::string& s = string(j, p);
    try {
        return parse(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

ratio read_ratio(const dom& j, const path& p) {
    const std::string& s = string(j, p);
    try {
        return parse_ratio(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

localized_text read_text(const dom& j, const path& p) {
    localized_text t;
    if (j.is_string()) {
        t.nb = j.get<std::string>();
        if (t.nb.empty()) fail(p, "expected a non-empty text");
        return t;
    }
    if (!j.is_object()) wrong_type(j, p, "a string or an object {\"nb\", \"nn\", \"en\"}");
    const auto& o = object(j, p, {"nb", "nn", "en"});
    t.nb = nonempty_string(require(o, "nb", p), p.child("nb"));
    // An empty translation would mean "no translation": the member is left out for that.
    if (const dom* v = find(o, "nn")) t.nn = nonempty_string(*v, p.child("nn"));
    if (const dom* v = find(o, "en")) t.en = nonempty_string(*v, p.child("en"));
    return t;
}

std::vector<localized_text> read_texts(const dom& j, const path& p) {
    std::vector<localized_text> out;
    const auto& a = array(j, p);
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_text(a[i], p.at(i)));
    return out;
}

template <class T, class F>
std::vector<T> read_list(const dom& j, const path& p, F read_one) {
    std::vector<T> out;
    const auto& a = array(j, p);
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_one(a[i], p.at(i)));
    return out;
}

/// read_list for a list with its own limit (sessions, submissions, exemptions), checked
/// before any element is read.
template <class T, class F>
std::vector<T> read_list(const dom& j, const path& p, F read_one, std::size_t max, const char* what) {
    std::vector<T> out;
    const auto& a = array(j, p);
    if (a.size() > max)
        fail(p, std::to_string(a.size()) + " " + what + "; at most " + std::to_string(max) + " are allowed");
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_one(a[i], p.at(i)));
    return out;
}

/// A list of enum names, each at most once (schema: uniqueItems); a repeat is an error at
/// its second place.
template <class T, class F>
std::vector<T> read_enum_set(const dom& j, const path& p, F parse) {
    std::vector<T> out = read_list<T>(j, p, [&](const dom& x, const path& xp) { return read_enum(x, xp, parse); });
    for (std::size_t i = 1; i < out.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (out[k] == out[i]) fail(p.at(i), "\"" + j[i].get<std::string>() + "\" appears twice: list it once");
    return out;
}

/// Runs a model validation, re-rooting its pointer under `base` (for embedded documents).
template <class F>
void validate_under(const path& base, F f) {
    try {
        f();
    } catch (const error& e) {
        throw error(e.code(), e.message(), base.str() + e.pointer());
    }
}

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

requirement read_requirement(const dom& j, const path& p) {
    if (!j.is_object()) wrong_type(j, p, "an object");
    const auto& pre = j.get_ref<const dom::object_t&>();
    const path kp = p.child("kind");
    const requirement_kind kind = read_enum(require(pre, "kind", p), kp, parse_requirement_kind);
    requirement r;
    switch (kind) {
        case requirement_kind::attendance: {
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
            r.rule = a;
            break;
        }
        case requirement_kind::interval_notes: {
            const auto& o = object(j, p, {"id", "kind", "label", "per_interval", "accepted_kinds", "require_approval",
                                          "require_portfolio_approval", "portfolio_deadline"});
            interval_notes_rule n;
            if (const dom* v = find(o, "per_interval"))
                n.per_interval = static_cast<int>(integer(*v, p.child("per_interval"), 1, 1000));
            if (const dom* v = find(o, "accepted_kinds"))
                n.accepted_kinds = read_enum_set<submission_kind>(*v, p.child("accepted_kinds"), parse_submission_kind);
            if (const dom* v = find(o, "require_approval")) n.require_approval = boolean(*v, p.child("require_approval"));
            if (const dom* v = find(o, "require_portfolio_approval"))
                n.require_portfolio_approval = boolean(*v, p.child("require_portfolio_approval"));
            if (const dom* v = find(o, "portfolio_deadline"))
                n.portfolio_deadline = read_date(*v, p.child("portfolio_deadline"));
            r.rule = n;
            break;
        }
        case requirement_kind::final_text: {
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
            r.rule = f;
            break;
        }
        case requirement_kind::festival: {
            const auto& o = object(j, p, {"id", "kind", "label", "roles"});
            festival_rule f;
            if (const dom* v = find(o, "roles"))
                f.roles = read_enum_set<festival_role>(*v, p.child("roles"), parse_festival_role);
            r.rule = f;
            break;
        }
    }
    r.id = nonempty_string(require(pre, "id", p), p.child("id"));
    if (const dom* v = find(pre, "label")) r.label = read_text(*v, p.child("label"));
    return r;
}

void check_format(const dom::object_t& o, const path& p, std::string_view expected, bool required) {
    const dom* f = find(o, "format");
    if (!f) {
        if (required) fail(p, "missing required member \"format\" (expected \"" + std::string(expected) + "\")");
        return;
    }
    const std::string& s = string(*f, p.child("format"));
    if (s != expected)
        fail(p.child("format"), "unsupported format \"" + s + "\": expected \"" + std::string(expected) + "\"");
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

dom parse_text(std::string_view text) { return detail::parse_bounded<dom>(text); }


submission read_submission(const dom& j, const path& p) {
    const auto& o = object(j, p, {"kind", "date", "status", "pages", "category", "title"});
    submission s;
    s.kind = read_enum(require(o, "kind", p), p.child("kind"), parse_submission_kind);
    s.on = read_date(require(o, "date", p), p.child("date"));
    if (const dom* v = find(o, "status")) s.status = read_enum(*v, p.child("status"), parse_submission_status);
    if (const dom* v = find(o, "pages")) s.pages = static_cast<std::uint16_t>(integer(*v, p.child("pages"), 1, 10000));
    if (const dom* v = find(o, "category")) s.category = read_enum(*v, p.child("category"), parse_final_category);
    if (const dom* v = find(o, "title")) s.title = string(*v, p.child("title"));
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
                                  "festival_role", "submissions", "exemptions"});
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

// --- writing -------------------------------------------------------------------------

json write_text(const localized_text& t) {
    json o = json::object();
    o["nb"] = t.nb;
    if (!t.nn.empty()) o["nn"] = t.nn;
    if (!t.en.empty()) o["en"] = t.en;
    return o;
}

json write_texts(const std::vector<localized_text>& ts) {
    json a = json::array();
    for (const auto& t : ts) a.push_back(write_text(t));
    return a;
}

json write_session(const session& s) {
    json o = json::object();
    o["id"] = s.id;
    o["kind"] = to_string(s.kind);
    json days = json::array();
    for (date d : s.days) days.push_back(to_iso(d));
    o["days"] = std::move(days);
    if (s.start) o["start"] = to_string(*s.start);
    if (s.end) o["end"] = to_string(*s.end);
    if (!s.theme.empty()) o["theme"] = write_text(s.theme);
    if (!s.description.empty()) o["description"] = write_text(s.description);
    if (!s.focus_areas.empty()) o["focus_areas"] = s.focus_areas;
    if (!s.resources.empty()) {
        json a = json::array();
        for (const auto& r : s.resources) {
            json ro = {{"title", r.title}};
            if (!r.kind.empty()) ro["kind"] = r.kind;
            if (!r.url.empty()) ro["url"] = r.url;
            a.push_back(std::move(ro));
        }
        o["resources"] = std::move(a);
    }
    if (s.work) {
        json w = {{"description", write_text(s.work->description)}};
        if (s.work->due) w["due"] = to_iso(*s.work->due);
        o["between_session_work"] = std::move(w);
    }
    return o;
}

json write_requirement(const requirement& r) {
    json o = json::object();
    o["id"] = r.id;
    o["kind"] = to_string(r.kind());
    if (!r.label.empty()) o["label"] = write_text(r.label);
    if (const auto* a = std::get_if<attendance_rule>(&r.rule)) {
        o["min_ratio"] = a->min_ratio.to_string();
        o["weights"] = {{"present", a->weight_present.to_string()},
                        {"late", a->weight_late.to_string()},
                        {"excused", a->weight_excused.to_string()}};
        json kinds = json::array();
        for (auto k : a->counted_kinds) kinds.push_back(to_string(k));
        o["counted_kinds"] = std::move(kinds);
    } else if (const auto* n = std::get_if<interval_notes_rule>(&r.rule)) {
        o["per_interval"] = n->per_interval;
        json kinds = json::array();
        for (auto k : n->accepted_kinds) kinds.push_back(to_string(k));
        o["accepted_kinds"] = std::move(kinds);
        o["require_approval"] = n->require_approval;
        o["require_portfolio_approval"] = n->require_portfolio_approval;
        if (n->portfolio_deadline) o["portfolio_deadline"] = to_iso(*n->portfolio_deadline);
    } else if (const auto* f = std::get_if<final_text_rule>(&r.rule)) {
        if (f->min_pages || f->max_pages) {
            json pages = json::object();
            if (f->min_pages) pages["min"] = *f->min_pages;
            if (f->max_pages) pages["max"] = *f->max_pages;
            o["pages"] = std::move(pages);
        }
        json cats = json::array();
        for (auto c : f->categories) cats.push_back(to_string(c));
        o["categories"] = std::move(cats);
        o["require_approval"] = f->require_approval;
        if (f->deadline) o["deadline"] = to_iso(*f->deadline);
    } else if (const auto* fe = std::get_if<festival_rule>(&r.rule)) {
        json roles = json::array();
        for (auto role : fe->roles) roles.push_back(to_string(role));
        o["roles"] = std::move(roles);
    }
    return o;
}

json write_programme(const programme& p, bool with_format) {
    json o = json::object();
    if (with_format) o["format"] = programme_format;
    o["id"] = p.id;
    o["name"] = write_text(p.name);
    if (!p.provider.empty()) o["provider"] = write_text(p.provider);
    if (!p.audience.empty()) o["audience"] = write_text(p.audience);
    if (!p.description.empty()) o["description"] = write_text(p.description);
    if (!p.focus_question.empty()) o["focus_question"] = write_text(p.focus_question);
    if (!p.aims.empty()) o["aims"] = write_texts(p.aims);
    if (!p.goals.empty()) {
        json a = json::array();
        for (const auto& g : p.goals) a.push_back({{"id", g.id}, {"text", write_text(g.text)}});
        o["competence_goals"] = std::move(a);
    }
    if (!p.knowledge_base.empty()) o["knowledge_base"] = write_texts(p.knowledge_base);
    if (p.seats) o["seats"] = *p.seats;
    if (!p.sessions.empty()) {
        json a = json::array();
        for (const auto& s : p.sessions) a.push_back(write_session(s));
        o["sessions"] = std::move(a);
    }
    if (!p.requirements.empty()) {
        json a = json::array();
        for (const auto& r : p.requirements) a.push_back(write_requirement(r));
        o["certificate"] = {{"requirements", std::move(a)}};
    }
    return o;
}

json write_participant(const participant& p, const cohort& c) {
    json o = json::object();
    o["id"] = p.id;
    o["name"] = p.name;
    o["municipality"] = {{"number", p.municipality.number}, {"name", p.municipality.name}};
    o["role"] = p.role;
    o["sector"] = to_string(p.sector);
    if (p.contact) {
        json ci = json::object();
        if (!p.contact->email.empty()) ci["email"] = p.contact->email;
        if (!p.contact->phone.empty()) ci["phone"] = p.contact->phone;
        o["contact"] = std::move(ci);
    }
    if (!p.attendance.empty()) {
        json a = json::object();
        for (std::size_t d = 0; d < p.attendance.size(); ++d)
            if (p.attendance[d] != attendance_status::unrecorded) a[to_iso(c.days()[d])] = to_string(p.attendance[d]);
        o["attendance"] = std::move(a);
    }
    if (p.festival_role != festival_role::none) o["festival_role"] = to_string(p.festival_role);
    if (!p.submissions.empty()) {
        json a = json::array();
        for (const auto& s : p.submissions) {
            json so = {{"kind", to_string(s.kind)}, {"date", to_iso(s.on)}, {"status", to_string(s.status)}};
            if (s.pages) so["pages"] = *s.pages;
            if (s.category != final_category::none) so["category"] = to_string(s.category);
            if (!s.title.empty()) so["title"] = s.title;
            a.push_back(std::move(so));
        }
        o["submissions"] = std::move(a);
    }
    if (!p.exemptions.empty()) {
        json a = json::array();
        for (const auto& e : p.exemptions) {
            json eo = {{"requirement", e.requirement}, {"reason", e.reason}, {"granted_by", e.granted_by}};
            if (e.granted_on) eo["date"] = to_iso(*e.granted_on);
            a.push_back(std::move(eo));
        }
        o["exemptions"] = std::move(a);
    }
    return o;
}

json all_languages(const std::function<std::string(lang)>& f) {
    return {{"nb", f(lang::nb)}, {"nn", f(lang::nn)}, {"en", f(lang::en)}};
}

std::vector<int> bits(std::uint64_t mask) {
    std::vector<int> out;
    for (int i = 0; i < 64; ++i)
        if (mask & (std::uint64_t{1} << i)) out.push_back(i + 1);
    return out;
}

}  // namespace

namespace detail {
std::string read_document_file(const std::filesystem::path& file) {
    std::error_code ec;
    const auto st = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(st))
        throw error(errc::not_found, "cannot open " + detail::quoted(file.string(), 200) + ": no such file");
    if (std::filesystem::is_directory(st))
        throw error(errc::invalid_argument, detail::quoted(file.string(), 200) + " is a directory, not a document");
    if (std::filesystem::is_regular_file(st)) {
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec) detail::check_document_size(static_cast<std::size_t>(size), "file");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw error(errc::not_found, "cannot open " + detail::quoted(file.string(), 200));
    // Read in blocks up to the limit: a device or pipe (/dev/zero) has no size to check first.
    std::string out;
    std::vector<char> block(1 << 16);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        out.append(block.data(), static_cast<std::size_t>(in.gcount()));
        if (out.size() > limits::document_bytes) detail::check_document_size(out.size(), "file");
    }
    if (in.bad()) throw error(errc::not_found, "cannot read " + detail::quoted(file.string(), 200));
    return out;
}
}  // namespace detail

programme load_programme(std::string_view json_text) {
    const json j = parse_text(json_text);
    return read_programme(j, path{}, true);
}

programme load_programme_file(const std::filesystem::path& file) { return load_programme(detail::read_document_file(file)); }

std::string save_programme(const programme& p) { return write_programme(p, true).dump(2) + "\n"; }

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

std::string save_participant(const participant& p, const cohort& c) { return write_participant(p, c).dump(2) + "\n"; }

std::string save_cohort(const cohort& c) {
    json o = json::object();
    o["format"] = cohort_format;
    o["id"] = c.id();
    o["label"] = c.label();
    if (!c.programme_ref().empty())
        o["programme"] = c.programme_ref();
    else
        o["programme"] = write_programme(c.programme(), false);
    if (c.capacity()) o["capacity"] = *c.capacity();
    if (c.has_own_sessions()) {
        json a = json::array();
        for (const auto& s : c.sessions()) a.push_back(write_session(s));
        o["sessions"] = std::move(a);
    }
    json ps = json::array();
    for (const auto& p : c.participants()) ps.push_back(write_participant(p, c));
    o["participants"] = std::move(ps);
    return o.dump(2) + "\n";
}

std::string evaluation_to_json(const evaluation& e, const cohort& c) {
    if (!e.made_from(c))
        throw error(errc::invalid_argument,
                    "the evaluation was not made from this cohort, or the cohort changed since: evaluate it again");
    const programme& prog = c.programme();
    json o = json::object();
    o["format"] = evaluation_format;
    o["cohort"] = c.id();
    o["programme"] = prog.id;
    o["as_of"] = to_iso(e.as_of());
    const status_counts n = e.counts();
    o["summary"] = {{"participants", e.size()},         {"eligible", n.eligible},
                    {"not_eligible", n.not_eligible},   {"in_progress", n.in_progress},
                    {"no_certificate", n.no_certificate}, {"at_risk", n.at_risk}};
    json ivs = json::array();
    for (const auto& iv : e.intervals()) ivs.push_back({{"after", to_iso(iv.after)}, {"until", to_iso(iv.until)}});
    o["intervals"] = std::move(ivs);
    json ps = json::array();
    for (std::size_t i = 0; i < e.size(); ++i) {
        const participant& p = c.participants()[i];
        const participant_result& pr = e.result(i);
        json po = {{"id", p.id}, {"name", p.name}, {"status", to_string(pr.status)}, {"at_risk", pr.at_risk}};
        json reqs = json::array();
        const auto results = e.requirements(i);
        for (std::size_t r = 0; r < results.size(); ++r) {
            const requirement_result& rr = results[r];
            json numbers = json::object();
            switch (rr.kind) {
                case requirement_kind::attendance:
                    numbers = {{"attended", rr.attended.to_string()}, {"counted_days", rr.counted_days},
                               {"required_days", rr.required_days},    {"past_days", rr.past_days},
                               {"remaining_days", rr.remaining_days},  {"unrecorded_days", rr.unrecorded_days}};
                    break;
                case requirement_kind::interval_notes:
                    numbers = {{"intervals", rr.intervals},
                               {"intervals_met", rr.intervals_met},
                               {"missing", bits(rr.missing_intervals)},
                               {"open", bits(rr.open_intervals)},
                               {"portfolio_approved", rr.portfolio_approved},
                               {"portfolio_deadline", rr.deadline.is_special() ? json(nullptr) : json(to_iso(rr.deadline))},
                               {"awaiting_approval", rr.awaiting_approval}};
                    break;
                case requirement_kind::final_text:
                    numbers = {{"date", rr.on.is_special() ? json(nullptr) : json(to_iso(rr.on))},
                               {"pages", rr.pages ? json(rr.pages) : json(nullptr)},
                               {"deadline", to_iso(rr.deadline)},
                               {"awaiting_approval", rr.awaiting_approval}};
                    break;
                case requirement_kind::festival:
                    numbers = {{"date", rr.on.is_special() ? json(nullptr) : json(to_iso(rr.on))},
                               {"role", rr.role == festival_role::none ? json(nullptr) : json(to_string(rr.role))},
                               {"festival_day", to_iso(rr.deadline)}};
                    break;
            }
            reqs.push_back({{"id", prog.requirements[r].id},
                            {"kind", to_string(rr.kind)},
                            {"state", to_string(rr.state)},
                            {"numbers", std::move(numbers)},
                            {"explanation", all_languages([&](lang l) { return e.explain(i, r, l, &p); })}});
        }
        po["requirements"] = std::move(reqs);
        json missing = json::object();
        for (lang l : {lang::nb, lang::nn, lang::en}) missing[to_string(l)] = e.missing(i, l, &p);
        po["missing"] = std::move(missing);
        json ws = json::array();
        for (const warning& w : e.warnings_of(i))
            ws.push_back({{"kind", to_string(w.kind)},
                          {"date", to_iso(w.day)},
                          {"count", w.count},
                          {"message", all_languages([&](lang l) { return e.describe(w, l); })}});
        po["warnings"] = std::move(ws);
        ps.push_back(std::move(po));
    }
    o["participants"] = std::move(ps);
    return o.dump(2) + "\n";
}

}  // namespace smart
