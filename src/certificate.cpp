#include "smart/certificate.hpp"

#include <nlohmann/json.hpp>

#include "smart/error.hpp"

namespace smart {

certificate_data certificate_for(const cohort& c, const evaluation& e, std::size_t index) {
    if (!e.made_from(c))
        throw error(errc::invalid_argument,
                    "the evaluation was not made from this cohort, or the cohort changed since: evaluate it again");
    if (index >= c.size()) throw error(errc::invalid_argument, "participant index out of range");
    const programme& prog = c.programme();
    const participant& p = c.participants()[index];
    if (!prog.has_certificate())
        throw error(errc::not_allowed, "programme \"" + prog.id + "\" issues no certificate");
    if (e.as_of() < c.last_day())
        throw error(errc::not_allowed, "a certificate may not be issued before the programme's last day (" +
                                           to_iso(c.last_day()) + ")");
    if (e.result(index).status != overall_status::eligible)
        throw error(errc::not_allowed, "participant \"" + p.id + "\" is " + to_string(e.result(index).status) +
                                           ", not eligible");
    certificate_data d;
    d.participant_id = p.id;
    d.holder = p.name;
    d.programme_id = prog.id;
    d.programme_name = prog.name;
    d.provider = prog.provider;
    d.cohort_id = c.id();
    d.cohort_label = c.label();
    d.period_start = c.first_day();
    d.period_end = c.last_day();
    d.as_of = e.as_of();
    d.goals = prog.goals;
    const auto results = e.requirements(index);
    for (std::size_t r = 0; r < results.size(); ++r) {
        certified_requirement cr;
        cr.id = prog.requirements[r].id;
        cr.label = prog.requirements[r].label;
        cr.state = results[r].state;
        if (cr.state == requirement_state::exempt)
            for (const auto& x : p.exemptions)
                if (x.requirement == cr.id) cr.exemption_reason = x.reason;
        d.requirements.push_back(std::move(cr));
    }
    return d;
}

namespace {
nlohmann::ordered_json text(const localized_text& t) {
    nlohmann::ordered_json o;
    o["nb"] = t.nb;
    if (!t.nn.empty()) o["nn"] = t.nn;
    if (!t.en.empty()) o["en"] = t.en;
    return o;
}
}  // namespace

std::string certificate_data_to_json(const certificate_data& d) {
    nlohmann::ordered_json o;
    o["format"] = "smart.certificate-data/1";
    o["participant_id"] = d.participant_id;
    o["holder"] = d.holder;
    o["programme"] = {{"id", d.programme_id}, {"name", text(d.programme_name)}, {"provider", text(d.provider)}};
    o["cohort"] = {{"id", d.cohort_id}, {"label", d.cohort_label}};
    o["period"] = {{"start", to_iso(d.period_start)}, {"end", to_iso(d.period_end)}};
    o["as_of"] = to_iso(d.as_of);
    nlohmann::ordered_json goals = nlohmann::ordered_json::array();
    for (const auto& g : d.goals) goals.push_back({{"id", g.id}, {"text", text(g.text)}});
    o["competence_goals"] = std::move(goals);
    nlohmann::ordered_json reqs = nlohmann::ordered_json::array();
    for (const auto& r : d.requirements) {
        nlohmann::ordered_json ro = {{"id", r.id}, {"label", text(r.label)}, {"state", to_string(r.state)}};
        if (!r.exemption_reason.empty()) ro["exemption_reason"] = r.exemption_reason;
        reqs.push_back(std::move(ro));
    }
    o["requirements"] = std::move(reqs);
    return o.dump(2) + "\n";
}

}  // namespace smart
