// Writing programme and cohort documents (docs/format.md): loading the text again gives an
// equal object. The documents are streamed (pretty_writer below); the tree writers first
// in this file are what they were written with before issue 15, kept as the oracle of
// tests/cpp/test_json_stream.cpp (and for bench_core's comparison).
#include "json_write.hpp"

#include <array>
#include <charconv>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/json.hpp"

namespace smart {
namespace json_write {

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
    if (p.withdrawal) o["withdrawal"] = {{"date", to_iso(p.withdrawal->on)}, {"reason", p.withdrawal->reason}};
    if (!p.submissions.empty()) {
        json a = json::array();
        for (const auto& s : p.submissions) {
            json so = {{"kind", to_string(s.kind)}, {"date", to_iso(s.on)}, {"status", to_string(s.status)}};
            if (s.pages) so["pages"] = *s.pages;
            if (s.category != final_category::none) so["category"] = to_string(s.category);
            if (!s.title().empty()) so["title"] = s.title();
            if (!s.session().empty()) so["session"] = s.session();
            if (s.decision()) {
                so["decided_by"] = s.decision()->by;
                so["decided_on"] = to_iso(s.decision()->on);
            }
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

json write_cohort(const cohort& c) {
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
    return o;
}

}  // namespace json_write

namespace {

// The streaming writer: the documents written straight into one string, without a tree.
// It writes exactly what nlohmann's dump(2) writes for the trees above (members in the
// same order, two spaces per level, "{}" and "[]" for empty containers, strings escaped
// as dump escapes them: UTF-8 passed through, \" \\ \b \f \n \r \t, other control
// characters as \u00xx): tests/cpp/test_json_stream.cpp compares the two byte for byte.
// A cohort of 100,000 participants is written in a fraction of the time the tree takes.
class pretty_writer {
public:
    explicit pretty_writer(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    /// Starts the next member of the current object: its key, then the value follows.
    void key(std::string_view k) {
        next();
        string(k);
        out_.append(": ", 2);
    }
    /// Starts the next element of the current array.
    void element() { next(); }

    void string(std::string_view s);
    void number(long long v) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, r.ptr);
    }
    void boolean(bool b) { b ? out_.append("true", 4) : out_.append("false", 5); }

    // Members and elements of one value (distinct names: a const char* would
    // otherwise pick the bool overload).
    void str_member(std::string_view k, std::string_view v) {
        key(k);
        string(v);
    }
    void int_member(std::string_view k, long long v) {
        key(k);
        number(v);
    }
    void bool_member(std::string_view k, bool v) {
        key(k);
        boolean(v);
    }
    void str_element(std::string_view v) {
        element();
        string(v);
    }

    /// Appends text already written as JSON (a member key with its ": ", a string).
    void raw(std::string_view s) { out_.append(s); }
    /// Starts the next member or element without writing it (the caller appends it raw).
    void next() {
        if (has_[depth_])
            out_.append(",\n", 2);
        else
            out_.push_back('\n');
        has_[depth_] = true;
        indent(depth_);
    }

private:
    static constexpr std::size_t max_depth = 32;

    void open(char c) {
        out_.push_back(c);
        if (++depth_ >= max_depth) throw error(errc::internal, "the document writer nests too deep");
        has_[depth_] = false;
    }
    void close(char c) {
        if (has_[depth_]) {
            out_.push_back('\n');
            indent(depth_ - 1);
        }
        --depth_;
        out_.push_back(c);
    }

    void indent(std::size_t depth) {
        static constexpr std::string_view spaces = "                                                                ";
        static_assert(spaces.size() == 2 * max_depth);
        out_.append(spaces.data(), 2 * depth);
    }

    std::string& out_;
    std::size_t depth_ = 0;
    bool has_[max_depth] = {};  ///< whether the container at each depth has a member yet
};

/// Per byte: 1 when JSON needs it escaped (control characters, quote, backslash), 2 when
/// it is part of a multi-byte UTF-8 sequence, 0 otherwise.
constexpr std::array<unsigned char, 256> byte_class = [] {
    std::array<unsigned char, 256> t{};
    for (std::size_t b = 0; b < 0x20; ++b) t[b] = 1;
    t['"'] = t['\\'] = 1;
    for (std::size_t b = 0x80; b < 0x100; ++b) t[b] = 2;
    return t;
}();

void pretty_writer::string(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    // Text is checked where it enters the library; nlohmann refuses text that is not
    // UTF-8 too, so the streaming writer does not write what the tree could not.
    const auto refuse_unless_utf8 = [&](unsigned seen) {
        if ((seen & 2) && !detail::is_utf8(s))
            throw error(errc::internal, "cannot write text that is not UTF-8: " + detail::quoted(s));
    };
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    unsigned seen = 0;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {  // the common case: nothing to escape, copied whole
        const unsigned c = byte_class[bytes[i]];
        if (c & 1) break;
        seen |= c;
    }
    out_.push_back('"');
    if (i == s.size()) {
        refuse_unless_utf8(seen);
        out_.append(s);
        out_.push_back('"');
        return;
    }
    std::size_t run = 0;  // start of the bytes not yet copied
    for (; i < s.size(); ++i) {
        const unsigned char b = bytes[i];
        const unsigned c = byte_class[b];
        seen |= c;
        if (!(c & 1)) continue;
        out_.append(s.data() + run, i - run);
        run = i + 1;
        out_.push_back('\\');
        switch (b) {
            case '"': out_.push_back('"'); break;
            case '\\': out_.push_back('\\'); break;
            case '\b': out_.push_back('b'); break;
            case '\f': out_.push_back('f'); break;
            case '\n': out_.push_back('n'); break;
            case '\r': out_.push_back('r'); break;
            case '\t': out_.push_back('t'); break;
            default:
                out_.append("u00", 3);
                out_.push_back(hex[b >> 4]);
                out_.push_back(hex[b & 15]);
        }
    }
    refuse_unless_utf8(seen);
    out_.append(s.data() + run, s.size() - run);
    out_.push_back('"');
}

/// An ISO date as a JSON string.
void iso(pretty_writer& w, date d) { w.string(to_iso(d)); }

void stream_text(pretty_writer& w, const localized_text& t) {
    w.begin_object();
    w.str_member("nb", t.nb);
    if (!t.nn.empty()) w.str_member("nn", t.nn);
    if (!t.en.empty()) w.str_member("en", t.en);
    w.end_object();
}

void stream_texts(pretty_writer& w, const std::vector<localized_text>& ts) {
    w.begin_array();
    for (const auto& t : ts) {
        w.element();
        stream_text(w, t);
    }
    w.end_array();
}

void stream_session(pretty_writer& w, const session& s) {
    w.begin_object();
    w.str_member("id", s.id);
    w.str_member("kind", to_string(s.kind));
    w.key("days");
    w.begin_array();
    for (date d : s.days) {
        w.element();
        iso(w, d);
    }
    w.end_array();
    if (s.start) w.str_member("start", to_string(*s.start));
    if (s.end) w.str_member("end", to_string(*s.end));
    if (!s.theme.empty()) {
        w.key("theme");
        stream_text(w, s.theme);
    }
    if (!s.description.empty()) {
        w.key("description");
        stream_text(w, s.description);
    }
    if (!s.focus_areas.empty()) {
        w.key("focus_areas");
        w.begin_array();
        for (const auto& f : s.focus_areas) w.str_element(f);
        w.end_array();
    }
    if (!s.resources.empty()) {
        w.key("resources");
        w.begin_array();
        for (const auto& r : s.resources) {
            w.element();
            w.begin_object();
            w.str_member("title", r.title);
            if (!r.kind.empty()) w.str_member("kind", r.kind);
            if (!r.url.empty()) w.str_member("url", r.url);
            w.end_object();
        }
        w.end_array();
    }
    if (s.work) {
        w.key("between_session_work");
        w.begin_object();
        w.key("description");
        stream_text(w, s.work->description);
        if (s.work->due) {
            w.key("due");
            iso(w, *s.work->due);
        }
        w.end_object();
    }
    w.end_object();
}

template <class Range>
void stream_names(pretty_writer& w, std::string_view k, const Range& items) {
    w.key(k);
    w.begin_array();
    for (auto x : items) w.str_element(to_string(x));
    w.end_array();
}

void stream_requirement(pretty_writer& w, const requirement& r) {
    w.begin_object();
    w.str_member("id", r.id);
    w.str_member("kind", to_string(r.kind()));
    if (!r.label.empty()) {
        w.key("label");
        stream_text(w, r.label);
    }
    if (const auto* a = std::get_if<attendance_rule>(&r.rule)) {
        w.str_member("min_ratio", a->min_ratio.to_string());
        w.key("weights");
        w.begin_object();
        w.str_member("present", a->weight_present.to_string());
        w.str_member("late", a->weight_late.to_string());
        w.str_member("excused", a->weight_excused.to_string());
        w.end_object();
        stream_names(w, "counted_kinds", a->counted_kinds);
    } else if (const auto* n = std::get_if<interval_notes_rule>(&r.rule)) {
        w.int_member("per_interval", n->per_interval);
        stream_names(w, "accepted_kinds", n->accepted_kinds);
        w.bool_member("require_approval", n->require_approval);
        w.bool_member("require_portfolio_approval", n->require_portfolio_approval);
        if (n->portfolio_deadline) {
            w.key("portfolio_deadline");
            iso(w, *n->portfolio_deadline);
        }
    } else if (const auto* f = std::get_if<final_text_rule>(&r.rule)) {
        if (f->min_pages || f->max_pages) {
            w.key("pages");
            w.begin_object();
            if (f->min_pages) w.int_member("min", *f->min_pages);
            if (f->max_pages) w.int_member("max", *f->max_pages);
            w.end_object();
        }
        stream_names(w, "categories", f->categories);
        w.bool_member("require_approval", f->require_approval);
        if (f->deadline) {
            w.key("deadline");
            iso(w, *f->deadline);
        }
    } else if (const auto* fe = std::get_if<festival_rule>(&r.rule)) {
        stream_names(w, "roles", fe->roles);
    }
    w.end_object();
}

void stream_programme(pretty_writer& w, const programme& p, bool with_format) {
    w.begin_object();
    if (with_format) w.str_member("format", programme_format);
    w.str_member("id", p.id);
    w.key("name");
    stream_text(w, p.name);
    const auto text_member = [&](std::string_view k, const localized_text& t) {
        if (t.empty()) return;
        w.key(k);
        stream_text(w, t);
    };
    text_member("provider", p.provider);
    text_member("audience", p.audience);
    text_member("description", p.description);
    text_member("focus_question", p.focus_question);
    if (!p.aims.empty()) {
        w.key("aims");
        stream_texts(w, p.aims);
    }
    if (!p.goals.empty()) {
        w.key("competence_goals");
        w.begin_array();
        for (const auto& g : p.goals) {
            w.element();
            w.begin_object();
            w.str_member("id", g.id);
            w.key("text");
            stream_text(w, g.text);
            w.end_object();
        }
        w.end_array();
    }
    if (!p.knowledge_base.empty()) {
        w.key("knowledge_base");
        stream_texts(w, p.knowledge_base);
    }
    if (p.seats) w.int_member("seats", *p.seats);
    if (!p.sessions.empty()) {
        w.key("sessions");
        w.begin_array();
        for (const auto& s : p.sessions) {
            w.element();
            stream_session(w, s);
        }
        w.end_array();
    }
    if (!p.requirements.empty()) {
        w.key("certificate");
        w.begin_object();
        w.key("requirements");
        w.begin_array();
        for (const auto& r : p.requirements) {
            w.element();
            stream_requirement(w, r);
        }
        w.end_array();
        w.end_object();
    }
    w.end_object();
}

/// What every participant of a cohort shares, written once: each day's key as JSON
/// ("\"2025-04-09\": ") and each attendance status as a JSON string.
struct cohort_keys {
    std::vector<std::string> day_keys;
    std::array<std::string, 5> statuses;  ///< by attendance_status (unrecorded .. absent)

    explicit cohort_keys(const cohort& c) {
        day_keys.reserve(c.days().size());
        for (date d : c.days()) day_keys.push_back("\"" + to_iso(d) + "\": ");
        for (std::size_t s = 0; s < statuses.size(); ++s)
            if (const char* name = to_string(static_cast<attendance_status>(s)); name && *name)
                statuses[s] = "\"" + std::string(name) + "\"";
    }
};

void stream_participant(pretty_writer& w, const participant& p, const cohort_keys* keys, const cohort& c) {
    w.begin_object();
    w.str_member("id", p.id);
    w.str_member("name", p.name);
    w.key("municipality");
    w.begin_object();
    w.str_member("number", p.municipality.number);
    w.str_member("name", p.municipality.name);
    w.end_object();
    w.str_member("role", p.role);
    w.str_member("sector", to_string(p.sector));
    if (p.contact) {
        w.key("contact");
        w.begin_object();
        if (!p.contact->email.empty()) w.str_member("email", p.contact->email);
        if (!p.contact->phone.empty()) w.str_member("phone", p.contact->phone);
        w.end_object();
    }
    if (!p.attendance.empty()) {
        w.key("attendance");
        w.begin_object();
        for (std::size_t d = 0; d < p.attendance.size(); ++d) {
            const attendance_status s = p.attendance[d];
            if (s == attendance_status::unrecorded) continue;
            const auto i = static_cast<std::size_t>(s);
            if (keys && d < keys->day_keys.size() && i < keys->statuses.size() && !keys->statuses[i].empty()) {
                w.next();
                w.raw(keys->day_keys[d]);
                w.raw(keys->statuses[i]);
            } else {
                w.str_member(to_iso(c.days()[d]), to_string(s));
            }
        }
        w.end_object();
    }
    if (p.festival_role != festival_role::none) w.str_member("festival_role", to_string(p.festival_role));
    if (p.withdrawal) {
        w.key("withdrawal");
        w.begin_object();
        w.key("date");
        iso(w, p.withdrawal->on);
        w.str_member("reason", p.withdrawal->reason);
        w.end_object();
    }
    if (!p.submissions.empty()) {
        w.key("submissions");
        w.begin_array();
        for (const auto& s : p.submissions) {
            w.element();
            w.begin_object();
            w.str_member("kind", to_string(s.kind));
            w.key("date");
            iso(w, s.on);
            w.str_member("status", to_string(s.status));
            if (s.pages) w.int_member("pages", *s.pages);
            if (s.category != final_category::none) w.str_member("category", to_string(s.category));
            if (!s.title().empty()) w.str_member("title", s.title());
            if (!s.session().empty()) w.str_member("session", s.session());
            if (s.decision()) {
                w.str_member("decided_by", s.decision()->by);
                w.key("decided_on");
                iso(w, s.decision()->on);
            }
            w.end_object();
        }
        w.end_array();
    }
    if (!p.exemptions.empty()) {
        w.key("exemptions");
        w.begin_array();
        for (const auto& e : p.exemptions) {
            w.element();
            w.begin_object();
            w.str_member("requirement", e.requirement);
            w.str_member("reason", e.reason);
            w.str_member("granted_by", e.granted_by);
            if (e.granted_on) {
                w.key("date");
                iso(w, *e.granted_on);
            }
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

}  // namespace

std::string save_programme(const programme& p) {
    std::string out;
    pretty_writer w(out);
    stream_programme(w, p, true);
    out.push_back('\n');
    return out;
}

std::string save_participant(const participant& p, const cohort& c) {
    std::string out;
    pretty_writer w(out);
    stream_participant(w, p, nullptr, c);
    out.push_back('\n');
    return out;
}

std::string save_cohort(const cohort& c) {
    std::string out;
    // About what the participants take (their members, a line per recorded day, their
    // submissions and exemptions), so that the string does not have to grow.
    // Generous: pages reserved and never written cost no memory.
    std::size_t estimate = 65536 + c.participants().size() * (512 + 48 * c.days().size());
    for (const auto& p : c.participants()) estimate += 256 * (p.submissions.size() + p.exemptions.size());
    out.reserve(estimate);
    pretty_writer w(out);
    w.begin_object();
    w.str_member("format", cohort_format);
    w.str_member("id", c.id());
    w.str_member("label", c.label());
    if (!c.programme_ref().empty()) {
        w.str_member("programme", c.programme_ref());
    } else {
        w.key("programme");
        stream_programme(w, c.programme(), false);
    }
    if (c.capacity()) w.int_member("capacity", *c.capacity());
    if (c.has_own_sessions()) {
        w.key("sessions");
        w.begin_array();
        for (const auto& s : c.sessions()) {
            w.element();
            stream_session(w, s);
        }
        w.end_array();
    }
    const cohort_keys keys(c);
    w.key("participants");
    w.begin_array();
    for (const auto& p : c.participants()) {
        w.element();
        stream_participant(w, p, &keys, c);
    }
    w.end_array();
    w.end_object();
    out.push_back('\n');
    return out;
}

}  // namespace smart
