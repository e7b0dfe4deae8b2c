// Writing programme and cohort documents (docs/format.md): loading the text again gives an
// equal object.
#include "json_write.hpp"

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

}  // namespace json_write

using namespace json_write;

std::string save_programme(const programme& p) { return write_programme(p, true).dump(2) + "\n"; }

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

}  // namespace smart
