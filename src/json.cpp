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

#include "smart/catalogue.hpp"
#include "smart/error.hpp"

namespace smart {

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

const char* type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        default: return "something else";
    }
}

[[noreturn]] void wrong_type(const json& j, const path& p, const char* expected) {
    fail(p, std::string("expected ") + expected + ", got " + type_name(j));
}

const json::object_t& object(const json& j, const path& p, std::initializer_list<std::string_view> allowed) {
    if (!j.is_object()) wrong_type(j, p, "an object");
    const auto& obj = j.get_ref<const json::object_t&>();
    for (const auto& [key, value] : obj) {
        bool ok = false;
        for (auto a : allowed) ok = ok || key == a;
        if (!ok) {
            std::string names;
            for (auto a : allowed) names += (names.empty() ? "\"" : ", \"") + std::string(a) + "\"";
            fail(p.child(key), "unknown member \"" + key + "\" (expected one of " + names + ")");
        }
    }
    return obj;
}

const json* find(const json::object_t& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &it->second;
}

const json& require(const json::object_t& obj, const char* key, const path& p) {
    const json* j = find(obj, key);
    if (!j) fail(p, std::string("missing required member \"") + key + "\"");
    return *j;
}

const std::string& string(const json& j, const path& p) {
    if (!j.is_string()) wrong_type(j, p, "a string");
    return j.get_ref<const std::string&>();
}

const std::string& nonempty_string(const json& j, const path& p) {
    const std::string& s = string(j, p);
    if (s.empty()) fail(p, "expected a non-empty string");
    return s;
}

std::int64_t integer(const json& j, const path& p, std::int64_t lo, std::int64_t hi) {
    if (!j.is_number_integer()) wrong_type(j, p, "an integer");
    const std::int64_t v = j.get<std::int64_t>();
    if (v < lo || v > hi)
        fail(p, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " +
                    std::to_string(v));
    return v;
}

bool boolean(const json& j, const path& p) {
    if (!j.is_boolean()) wrong_type(j, p, "true or false");
    return j.get<bool>();
}

const json::array_t& array(const json& j, const path& p) {
    if (!j.is_array()) wrong_type(j, p, "an array");
    return j.get_ref<const json::array_t&>();
}

date read_date(const json& j, const path& p) {
    const std::string& s = string(j, p);
    try {
        return parse_date(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

/// Parses an enum name, turning invalid_argument into a validation error at `p`.
template <class F>
auto read_enum(const json& j, const path& p, F parse) {
    const std::string& s = string(j, p);
    try {
        return parse(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

ratio read_ratio(const json& j, const path& p) {
    const std::string& s = string(j, p);
    try {
        return parse_ratio(s);
    } catch (const error& e) {
        fail(p, e.message());
    }
}

localized_text read_text(const json& j, const path& p) {
    localized_text t;
    if (j.is_string()) {
        t.nb = j.get<std::string>();
        if (t.nb.empty()) fail(p, "expected a non-empty text");
        return t;
    }
    if (!j.is_object()) wrong_type(j, p, "a string or an object {\"nb\", \"nn\", \"en\"}");
    const auto& o = object(j, p, {"nb", "nn", "en"});
    t.nb = nonempty_string(require(o, "nb", p), p.child("nb"));
    if (const json* v = find(o, "nn")) t.nn = string(*v, p.child("nn"));
    if (const json* v = find(o, "en")) t.en = string(*v, p.child("en"));
    return t;
}

std::vector<localized_text> read_texts(const json& j, const path& p) {
    std::vector<localized_text> out;
    const auto& a = array(j, p);
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_text(a[i], p.at(i)));
    return out;
}

template <class T, class F>
std::vector<T> read_list(const json& j, const path& p, F read_one) {
    std::vector<T> out;
    const auto& a = array(j, p);
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_one(a[i], p.at(i)));
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

session read_session(const json& j, const path& p) {
    const auto& o = object(j, p, {"id", "kind", "days", "start", "end", "theme", "description", "focus_areas",
                                  "resources", "between_session_work"});
    session s;
    s.id = nonempty_string(require(o, "id", p), p.child("id"));
    s.kind = read_enum(require(o, "kind", p), p.child("kind"), parse_session_kind);
    const path dp = p.child("days");
    s.days = read_list<date>(require(o, "days", p), dp, read_date);
    auto read_time = [&](const char* key) -> std::optional<time_of_day> {
        const json* v = find(o, key);
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
    if (const json* v = find(o, "theme")) s.theme = read_text(*v, p.child("theme"));
    if (const json* v = find(o, "description")) s.description = read_text(*v, p.child("description"));
    if (const json* v = find(o, "focus_areas"))
        s.focus_areas = read_list<std::string>(*v, p.child("focus_areas"),
                                               [](const json& x, const path& xp) { return nonempty_string(x, xp); });
    if (const json* v = find(o, "resources"))
        s.resources = read_list<resource>(*v, p.child("resources"), [](const json& x, const path& xp) {
            const auto& ro = object(x, xp, {"title", "kind", "url"});
            resource r;
            r.title = nonempty_string(require(ro, "title", xp), xp.child("title"));
            if (const json* k = find(ro, "kind")) r.kind = string(*k, xp.child("kind"));
            if (const json* u = find(ro, "url")) r.url = string(*u, xp.child("url"));
            return r;
        });
    if (const json* v = find(o, "between_session_work")) {
        const path wp = p.child("between_session_work");
        const auto& wo = object(*v, wp, {"description", "due"});
        between_session_work w;
        w.description = read_text(require(wo, "description", wp), wp.child("description"));
        if (const json* d = find(wo, "due")) w.due = read_date(*d, wp.child("due"));
        s.work = std::move(w);
    }
    return s;
}

requirement read_requirement(const json& j, const path& p) {
    if (!j.is_object()) wrong_type(j, p, "an object");
    const auto& pre = j.get_ref<const json::object_t&>();
    const path kp = p.child("kind");
    const requirement_kind kind = read_enum(require(pre, "kind", p), kp, parse_requirement_kind);
    requirement r;
    switch (kind) {
        case requirement_kind::attendance: {
            const auto& o = object(j, p, {"id", "kind", "label", "min_ratio", "weights", "counted_kinds"});
            attendance_rule a;
            if (const json* v = find(o, "min_ratio")) a.min_ratio = read_ratio(*v, p.child("min_ratio"));
            if (const json* v = find(o, "weights")) {
                const path wp = p.child("weights");
                const auto& wo = object(*v, wp, {"present", "late", "excused"});
                auto weight = [&](const char* key, ratio& out) {
                    if (const json* w = find(wo, key)) {
                        out = read_ratio(*w, wp.child(key));
                        if (out.den() > 1000) fail(wp.child(key), "weight denominators above 1000 are not supported");
                    }
                };
                weight("present", a.weight_present);
                weight("late", a.weight_late);
                weight("excused", a.weight_excused);
            }
            if (const json* v = find(o, "counted_kinds"))
                a.counted_kinds = read_list<session_kind>(*v, p.child("counted_kinds"), [](const json& x, const path& xp) {
                    return read_enum(x, xp, parse_session_kind);
                });
            r.rule = a;
            break;
        }
        case requirement_kind::interval_notes: {
            const auto& o = object(j, p, {"id", "kind", "label", "per_interval", "accepted_kinds", "require_approval",
                                          "require_portfolio_approval", "portfolio_deadline"});
            interval_notes_rule n;
            if (const json* v = find(o, "per_interval"))
                n.per_interval = static_cast<int>(integer(*v, p.child("per_interval"), 1, 1000));
            if (const json* v = find(o, "accepted_kinds"))
                n.accepted_kinds = read_list<submission_kind>(
                    *v, p.child("accepted_kinds"),
                    [](const json& x, const path& xp) { return read_enum(x, xp, parse_submission_kind); });
            if (const json* v = find(o, "require_approval")) n.require_approval = boolean(*v, p.child("require_approval"));
            if (const json* v = find(o, "require_portfolio_approval"))
                n.require_portfolio_approval = boolean(*v, p.child("require_portfolio_approval"));
            if (const json* v = find(o, "portfolio_deadline"))
                n.portfolio_deadline = read_date(*v, p.child("portfolio_deadline"));
            r.rule = n;
            break;
        }
        case requirement_kind::final_text: {
            const auto& o = object(j, p, {"id", "kind", "label", "pages", "categories", "require_approval", "deadline"});
            final_text_rule f;
            if (const json* v = find(o, "pages")) {
                const path pp = p.child("pages");
                const auto& po = object(*v, pp, {"min", "max"});
                if (const json* m = find(po, "min")) f.min_pages = static_cast<int>(integer(*m, pp.child("min"), 1, 10000));
                if (const json* m = find(po, "max")) f.max_pages = static_cast<int>(integer(*m, pp.child("max"), 1, 10000));
            }
            if (const json* v = find(o, "categories"))
                f.categories = read_list<final_category>(*v, p.child("categories"), [](const json& x, const path& xp) {
                    return read_enum(x, xp, parse_final_category);
                });
            if (const json* v = find(o, "require_approval")) f.require_approval = boolean(*v, p.child("require_approval"));
            if (const json* v = find(o, "deadline")) f.deadline = read_date(*v, p.child("deadline"));
            r.rule = f;
            break;
        }
        case requirement_kind::festival: {
            const auto& o = object(j, p, {"id", "kind", "label", "roles"});
            festival_rule f;
            if (const json* v = find(o, "roles"))
                f.roles = read_list<festival_role>(*v, p.child("roles"), [](const json& x, const path& xp) {
                    return read_enum(x, xp, parse_festival_role);
                });
            r.rule = f;
            break;
        }
    }
    r.id = nonempty_string(require(pre, "id", p), p.child("id"));
    if (const json* v = find(pre, "label")) r.label = read_text(*v, p.child("label"));
    return r;
}

void check_format(const json::object_t& o, const path& p, std::string_view expected, bool required) {
    const json* f = find(o, "format");
    if (!f) {
        if (required) fail(p, "missing required member \"format\" (expected \"" + std::string(expected) + "\")");
        return;
    }
    const std::string& s = string(*f, p.child("format"));
    if (s != expected)
        fail(p.child("format"), "unsupported format \"" + s + "\": expected \"" + std::string(expected) + "\"");
}

programme read_programme(const json& j, const path& p, bool format_required) {
    const auto& o = object(j, p, {"format", "id", "name", "provider", "audience", "description", "focus_question", "aims",
                                  "competence_goals", "knowledge_base", "seats", "sessions", "certificate"});
    check_format(o, p, programme_format, format_required);
    programme prog;
    prog.id = nonempty_string(require(o, "id", p), p.child("id"));
    prog.name = read_text(require(o, "name", p), p.child("name"));
    if (const json* v = find(o, "provider")) prog.provider = read_text(*v, p.child("provider"));
    if (const json* v = find(o, "audience")) prog.audience = read_text(*v, p.child("audience"));
    if (const json* v = find(o, "description")) prog.description = read_text(*v, p.child("description"));
    if (const json* v = find(o, "focus_question")) prog.focus_question = read_text(*v, p.child("focus_question"));
    if (const json* v = find(o, "aims")) prog.aims = read_texts(*v, p.child("aims"));
    if (const json* v = find(o, "competence_goals"))
        prog.goals = read_list<competence_goal>(*v, p.child("competence_goals"), [](const json& x, const path& xp) {
            const auto& go = object(x, xp, {"id", "text"});
            competence_goal g;
            g.id = nonempty_string(require(go, "id", xp), xp.child("id"));
            g.text = read_text(require(go, "text", xp), xp.child("text"));
            return g;
        });
    if (const json* v = find(o, "knowledge_base")) prog.knowledge_base = read_texts(*v, p.child("knowledge_base"));
    if (const json* v = find(o, "seats")) prog.seats = static_cast<int>(integer(*v, p.child("seats"), 1, 1000000));
    if (const json* v = find(o, "sessions")) prog.sessions = read_list<session>(*v, p.child("sessions"), read_session);
    if (const json* v = find(o, "certificate")) {
        const path cp = p.child("certificate");
        const auto& co = object(*v, cp, {"requirements"});
        prog.requirements = read_list<requirement>(require(co, "requirements", cp), cp.child("requirements"),
                                                   read_requirement);
    }
    validate_under(p, [&] { validate(prog); });
    return prog;
}

json parse_text(std::string_view text) {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        const auto pos = what.find("parse error");
        throw error(errc::parse_error,
                    "malformed JSON at byte " + std::to_string(e.byte) + ": " +
                        (pos == std::string::npos ? what : what.substr(pos)));
    }
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw error(errc::not_found, "cannot open \"" + file.string() + "\"");
    std::ostringstream buf;
    buf << in.rdbuf();
    return std::move(buf).str();
}

submission read_submission(const json& j, const path& p) {
    const auto& o = object(j, p, {"kind", "date", "status", "pages", "category", "title"});
    submission s;
    s.kind = read_enum(require(o, "kind", p), p.child("kind"), parse_submission_kind);
    s.on = read_date(require(o, "date", p), p.child("date"));
    if (const json* v = find(o, "status")) s.status = read_enum(*v, p.child("status"), parse_submission_status);
    if (const json* v = find(o, "pages")) s.pages = static_cast<std::uint16_t>(integer(*v, p.child("pages"), 1, 10000));
    if (const json* v = find(o, "category")) s.category = read_enum(*v, p.child("category"), parse_final_category);
    if (const json* v = find(o, "title")) s.title = string(*v, p.child("title"));
    return s;
}

/// A participant read from JSON before the cohort's schedule is known: attendance is
/// kept by date and placed on the cohort's days by place_attendance().
struct staged_participant {
    participant p;
    std::vector<std::pair<date, attendance_status>> attendance;
};

staged_participant read_participant(const json& j, const path& p) {
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
    if (const json* v = find(o, "contact")) {
        const path cp = p.child("contact");
        const auto& co = object(*v, cp, {"email", "phone"});
        contact_info ci;
        if (const json* e = find(co, "email")) ci.email = string(*e, cp.child("email"));
        if (const json* ph = find(co, "phone")) ci.phone = string(*ph, cp.child("phone"));
        pt.contact = std::move(ci);
    }
    if (const json* v = find(o, "attendance")) {
        const path ap = p.child("attendance");
        if (!v->is_object()) wrong_type(*v, ap, "an object of date: status");
        const auto& ao = v->get_ref<const json::object_t&>();
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
    if (const json* v = find(o, "festival_role"))
        pt.festival_role = read_enum(*v, p.child("festival_role"), parse_festival_role);
    if (const json* v = find(o, "submissions"))
        pt.submissions = read_list<submission>(*v, p.child("submissions"), read_submission);
    if (const json* v = find(o, "exemptions"))
        pt.exemptions = read_list<exemption>(*v, p.child("exemptions"), [](const json& x, const path& xp) {
            const auto& eo = object(x, xp, {"requirement", "reason", "granted_by", "date"});
            exemption e;
            e.requirement = nonempty_string(require(eo, "requirement", xp), xp.child("requirement"));
            e.reason = nonempty_string(require(eo, "reason", xp), xp.child("reason"));
            e.granted_by = nonempty_string(require(eo, "granted_by", xp), xp.child("granted_by"));
            if (const json* d = find(eo, "date")) e.granted_on = read_date(*d, xp.child("date"));
            return e;
        });
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

programme load_programme(std::string_view json_text) {
    const json j = parse_text(json_text);
    return read_programme(j, path{}, true);
}

programme load_programme_file(const std::filesystem::path& file) { return load_programme(read_file(file)); }

std::string save_programme(const programme& p) { return write_programme(p, true).dump(2) + "\n"; }

namespace {

/// Streams a cohort document. The participants array is read one element at a time: each
/// element becomes a small DOM that is converted at once and freed, so a large cohort
/// never exists as a whole DOM (building and freeing that dominated load time). The rest
/// of the document is collected as a DOM by nlohmann's own SAX-to-DOM parser.
class cohort_reader {
public:
    using dom_parser = nlohmann::detail::json_sax_dom_parser<json>;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    json root;
    std::vector<staged_participant> staged;

    cohort_reader() : top_(root, true) {}

    bool null() { return scalar([](auto& s) { return s.null(); }, [] { return json(nullptr); }); }
    bool boolean(bool v) { return scalar([&](auto& s) { return s.boolean(v); }, [&] { return json(v); }); }
    bool number_integer(json::number_integer_t v) {
        return scalar([&](auto& s) { return s.number_integer(v); }, [&] { return json(v); });
    }
    bool number_unsigned(json::number_unsigned_t v) {
        return scalar([&](auto& s) { return s.number_unsigned(v); }, [&] { return json(v); });
    }
    bool number_float(json::number_float_t v, const string_t& text) {
        return scalar([&](auto& s) { return s.number_float(v, text); }, [&] { return json(v); });
    }
    bool string(string_t& v) { return scalar([&](auto& s) { return s.string(v); }, [&] { return json(v); }); }
    bool binary(binary_t& v) { return scalar([&](auto& s) { return s.binary(v); }, [&] { return json(v); }); }

    bool start_object(std::size_t n) { return open([&](auto& s) { return s.start_object(n); }, false); }
    bool start_array(std::size_t n) { return open([&](auto& s) { return s.start_array(n); }, true); }
    bool end_object() { return close([](auto& s) { return s.end_object(); }); }
    bool end_array() { return close([](auto& s) { return s.end_array(); }); }

    bool key(string_t& k) {
        if (element_) return element_->key(k);
        if (depth_ == 1 && k == "participants") {
            participants_key_ = true;  // decided by the value that follows
            return true;
        }
        return top_.key(k);
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& ex) {
        std::string what = ex.what();
        const auto at = what.find("parse error");
        throw error(errc::parse_error, "malformed JSON at byte " + std::to_string(position) + ": " +
                                           (at == std::string::npos ? what : what.substr(at)));
    }

private:
    /// "participants" followed by something other than an array: hand it to the DOM so
    /// the usual type check reports it.
    void forward_deferred_key() {
        if (!participants_key_) return;
        participants_key_ = false;
        string_t k = "participants";
        top_.key(k);
    }

    template <class Forward, class Make>
    bool scalar(Forward forward, Make make) {
        if (element_) return forward(*element_);
        if (in_participants_) {
            element_value_ = make();
            finish_element();
            return true;
        }
        forward_deferred_key();
        return forward(top_);
    }

    template <class Forward>
    bool open(Forward forward, bool is_array) {
        if (element_) {
            ++element_depth_;
            return forward(*element_);
        }
        if (in_participants_) {
            element_value_ = json();
            element_.emplace(element_value_, true);
            element_depth_ = 1;
            return forward(*element_);
        }
        if (participants_key_ && is_array && depth_ == 1) {
            participants_key_ = false;
            in_participants_ = true;
            ++depth_;
            return true;
        }
        forward_deferred_key();
        ++depth_;
        return forward(top_);
    }

    template <class Forward>
    bool close(Forward forward) {
        if (element_) {
            const bool ok = forward(*element_);
            if (--element_depth_ == 0) finish_element();
            return ok;
        }
        --depth_;
        if (in_participants_) {
            in_participants_ = false;
            return true;
        }
        return forward(top_);
    }

    /// Converts a finished participant. Its first error is kept, not thrown, so that a
    /// malformed document is still reported as a parse error and the document's own
    /// members (format first) are checked before any participant.
    void finish_element() {
        if (!first_error) {
            const path r;
            const path ps = r.child("participants");
            try {
                staged.push_back(read_participant(element_value_, ps.at(staged.size())));
            } catch (const error&) {
                first_error = std::current_exception();
            }
        }
        element_.reset();
        element_value_ = json();
    }

public:
    std::exception_ptr first_error;

private:

    dom_parser top_;
    std::size_t depth_ = 0;
    bool participants_key_ = false;
    bool in_participants_ = false;
    std::optional<dom_parser> element_;
    json element_value_;
    std::size_t element_depth_ = 0;
};

}  // namespace

cohort load_cohort(std::string_view json_text) {
    cohort_reader reader;
    json::sax_parse(json_text.begin(), json_text.end(), &reader);
    const json& j = reader.root;
    const path root;
    const auto& o = object(j, root, {"format", "id", "label", "programme", "capacity", "sessions", "participants"});
    check_format(o, root, cohort_format, true);
    const std::string& id = nonempty_string(require(o, "id", root), root.child("id"));
    const std::string& label = nonempty_string(require(o, "label", root), root.child("label"));
    const path pp = root.child("programme");
    const json& pj = require(o, "programme", root);
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
    if (const json* v = find(o, "capacity")) capacity = static_cast<int>(integer(*v, root.child("capacity"), 1, 1000000));
    std::vector<session> sessions;
    if (const json* v = find(o, "sessions")) {
        sessions = read_list<session>(*v, root.child("sessions"), read_session);
        if (sessions.empty()) fail(root.child("sessions"), "expected at least one session");
    }
    cohort c(std::move(prog), id, label, capacity, std::move(sessions), std::move(ref));
    const path ps = root.child("participants");
    if (const json* v = find(o, "participants")) array(*v, ps);  // present here only when not an array
    if (reader.first_error) std::rethrow_exception(reader.first_error);
    std::vector<participant> list;
    list.reserve(reader.staged.size());
    for (std::size_t i = 0; i < reader.staged.size(); ++i)
        list.push_back(place_attendance(std::move(reader.staged[i]), c, ps.at(i)));
    reader.staged.clear();
    c.add_participants(std::move(list));
    return c;
}

cohort load_cohort_file(const std::filesystem::path& file) { return load_cohort(read_file(file)); }

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
