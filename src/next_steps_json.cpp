// Next steps as a smart.next_steps/1 document (docs/next-steps.md, schema/next_steps.schema.json).
#include <functional>

#include "json_write.hpp"
#include "smart/error.hpp"
#include "smart/next_steps.hpp"
#include "smart/rule_wording.hpp"

namespace smart {

using json_write::json;

namespace {

json all_languages(const std::function<std::string(lang)>& f) {
    return {{"nb", f(lang::nb)}, {"nn", f(lang::nn)}, {"en", f(lang::en)}};
}

json day_or_null(date d) { return d.is_special() ? json(nullptr) : json(to_iso(d)); }

template <class E>
json names_of(unsigned bits, unsigned count) {
    json out = json::array();
    for (unsigned i = 0; i < count; ++i)
        if (bits & (1u << i)) out.push_back(to_string(static_cast<E>(i)));
    return out;
}

/// One step: every member present, null where it does not belong to the step's kind.
json step_json(const next_step& s, const programme& prog) {
    const bool note = s.kind == step_kind::note, text = s.kind == step_kind::final_text;
    json o = json::object();
    o["kind"] = to_string(s.kind);
    o["must"] = s.must;
    o["requirement"] = prog.requirements[s.requirement].id;
    o["start"] = to_iso(s.start);
    o["end"] = to_iso(s.end);
    o["due"] = to_iso(due_on(s));
    o["needed"] = s.needed;
    o["of"] = s.of;
    o["interval"] = note ? json(s.interval + 1) : json(nullptr);  // 1-based, as in the evaluation
    o["accepted_kinds"] = note ? names_of<submission_kind>(s.kinds, 6) : json(nullptr);
    o["categories"] = text ? names_of<final_category>(s.kinds, 6) : json(nullptr);
    o["roles"] = s.kind == step_kind::festival ? names_of<festival_role>(s.roles, 4) : json(nullptr);
    o["approval"] = s.approval;
    o["min_pages"] = text && s.min_pages ? json(s.min_pages) : json(nullptr);
    o["max_pages"] = text && s.max_pages ? json(s.max_pages) : json(nullptr);
    o["awaiting_approval"] = s.awaiting_approval;
    o["text"] = all_languages([&](lang l) { return describe(s, l); });
    return o;
}

json intervals_json(std::uint64_t bits) {
    json out = json::array();
    for (int i = 0; i < 64; ++i)
        if (bits & (std::uint64_t{1} << i)) out.push_back(i + 1);
    return out;
}

}  // namespace

std::string next_steps_to_json(const evaluation& e, const next_steps_options& o) {
    const cohort& c = e.cohort();
    const programme& prog = e.programme();
    json doc = json::object();
    doc["format"] = next_steps_format;
    doc["cohort"] = c.id();
    doc["programme"] = prog.id;
    doc["as_of"] = to_iso(e.as_of());
    std::size_t first = 0, last = e.size();
    if (!o.participant.empty()) {
        first = e.index_of(o.participant);  // throws not_found
        last = first + 1;
    }
    const step_planner planner(e);
    next_steps ns;
    json ps = json::array();
    for (std::size_t i = first; i < last; ++i) {
        planner.plan(i, ns);
        const participant& p = c.participants()[i];
        json po = json::object();
        po["id"] = p.id;
        po["name"] = p.name;
        po["status"] = to_string(ns.status);
        po["at_risk"] = ns.at_risk;
        po["earliest_eligible"] = day_or_null(ns.earliest_eligible);
        po["next_deadline"] = day_or_null(ns.next_deadline);
        json steps = json::array();
        for (const next_step& s : ns.steps) steps.push_back(step_json(s, prog));
        po["steps"] = std::move(steps);
        json blocked = json::array();
        for (const blocked_requirement& b : ns.blocked) {
            const std::string& id = prog.requirements[b.requirement].id;
            json bo = json::object();
            bo["requirement"] = id;
            bo["kind"] = to_string(b.kind);
            bo["exemption_needed"] = id;
            bo["closed"] = day_or_null(b.closed);
            const bool att = b.kind == requirement_kind::attendance, notes = b.kind == requirement_kind::interval_notes;
            bo["required_days"] = att ? json(b.required_days) : json(nullptr);
            bo["reachable_days"] = att ? json(b.reachable_days) : json(nullptr);
            bo["missing_intervals"] = notes ? intervals_json(b.missing_intervals) : json(nullptr);
            bo["portfolio_missing"] = notes ? json(b.portfolio_missing) : json(nullptr);
            bo["text"] = all_languages([&](lang l) { return describe(b, e, l); });
            blocked.push_back(std::move(bo));
        }
        po["blocked"] = std::move(blocked);
        ps.push_back(std::move(po));
    }
    doc["participants"] = std::move(ps);
    if (o.within_days) {
        const coordinator_list cl = coordinator_list_of(e, *o.within_days);
        const auto in_scope = [&](std::uint32_t participant) {
            return participant >= first && participant < last;
        };
        json co = json::object();
        co["within_days"] = cl.within_days;
        co["until"] = to_iso(e.as_of() + boost::gregorian::days(cl.within_days));
        json due = json::array();
        for (const due_step& d : cl.steps) {
            if (!in_scope(d.participant)) continue;
            json so = step_json(d.step, prog);
            so["participant"] = c.participants()[d.participant].id;
            due.push_back(std::move(so));
        }
        co["steps"] = std::move(due);
        json groups = json::array();
        for (const action_group& g : cl.by_action) {
            json ids = json::array();
            for (auto i : g.participants)
                if (in_scope(i)) ids.push_back(c.participants()[i].id);
            if (ids.empty()) continue;
            action_group shown = g;
            shown.participants.assign(ids.size(), 0);
            json go = step_json(g.step, prog);
            go["participants"] = std::move(ids);
            go["summary"] = all_languages([&](lang l) { return describe(shown, l); });
            groups.push_back(std::move(go));
        }
        co["by_action"] = std::move(groups);
        json risk = json::object();
        risk["next_day"] = day_or_null(planner.next_counted_day());
        risk["participants"] = json::array();
        for (const at_risk_list& r : cl.at_risk) {
            for (auto i : r.participants)
                if (in_scope(i)) risk["participants"].push_back(c.participants()[i].id);
        }
        co["at_risk"] = std::move(risk);
        doc["coordinator"] = std::move(co);
    }
    return doc.dump(2) + "\n";
}

std::vector<calendar_event> next_steps_events(const evaluation& e, std::string_view participant_id, lang l,
                                              std::optional<int> within_days) {
    if (within_days && *within_days < 0)
        throw error(errc::invalid_argument, "next steps calendar: expected within_days >= 0");
    const cohort& c = e.cohort();
    const date until = within_days ? e.as_of() + boost::gregorian::days(*within_days) : date(boost::gregorian::pos_infin);
    const programme& prog = e.programme();
    std::size_t first = 0, last = e.size();
    if (!participant_id.empty()) {
        first = e.index_of(participant_id);
        last = first + 1;
    }
    const step_planner planner(e);
    next_steps ns;
    std::vector<calendar_event> out;
    for (std::size_t i = first; i < last; ++i) {
        planner.plan(i, ns);
        const participant& p = c.participants()[i];
        for (const next_step& s : ns.steps) {
            if (due_on(s) > until) continue;
            if (p.withdrawal && due_on(s) > p.withdrawal->on) continue;  // withdrawn by then
            std::vector<std::string> parts{"next", p.id, to_string(s.kind), prog.requirements[s.requirement].id};
            if (s.kind == step_kind::note) parts.push_back(std::to_string(s.interval + 1));
            if (s.kind == step_kind::attend && s.must) parts.push_back("day" + std::to_string(*c.day_index(s.start) + 1));
            calendar_event ev;
            ev.uid = calendar_uid(prog.id, c.id(), parts);
            const std::string line = describe(s, l);
            ev.summary = std::string(l == lang::en ? "Deadline: " : "Frist: ") + line;
            ev.description = p.name + " (" + p.id + "), " + c.label() + ": " + line;
            ev.first = ev.last = due_on(s);
            ev.alarm = calendar_alarm{2 * 24 * 60, line};
            ev.categories = {"next-step", to_string(s.kind)};
            out.push_back(std::move(ev));
        }
    }
    return out;
}

}  // namespace smart
