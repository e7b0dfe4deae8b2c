// Statistics as JSON: the smart.statistics/1 document (schema/statistics.schema.json),
// and a municipality mapping read from a JSON object (the C ABI's form).
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "smart/error.hpp"
#include "smart/statistics.hpp"

namespace smart {

namespace {
using ojson = nlohmann::ordered_json;

ojson ratio_or_null(const std::optional<ratio>& r) { return r ? ojson(r->to_string()) : ojson(nullptr); }

ojson rate(std::size_t count, std::size_t of) {
    ojson o = {{"count", count}, {"of", of}};
    o["ratio"] = of ? ojson(ratio(static_cast<std::int64_t>(count), static_cast<std::int64_t>(of)).to_string()) : ojson(nullptr);
    return o;
}

ojson date_or_null(const std::optional<date>& d) { return d ? ojson(to_iso(*d)) : ojson(nullptr); }

/// Per requirement: its states with their shares, and the funnel step.
ojson requirements_json(const group_figures& g, const std::vector<std::string>& req_ids) {
    constexpr std::array<const char*, 4> states{"met", "unmet", "pending", "exempt"};
    ojson funnel = ojson::array();
    for (std::size_t r = 0; r < g.requirement_states.size(); ++r) {
        ojson row = {{"requirement", req_ids[r]}};
        ojson shares;
        for (std::size_t s = 0; s < states.size(); ++s) {
            row[states[s]] = g.requirement_states[r][s];
            shares[states[s]] = ratio_or_null(g.requirement_shares[r][s]);
        }
        row["shares"] = std::move(shares);
        row["through"] = g.through[r];
        row["through_share"] = ratio_or_null(g.through_shares[r]);
        funnel.push_back(std::move(row));
    }
    return funnel;
}

ojson figures_json(const group_figures& g, const std::vector<std::string>& req_ids) {
    ojson o;
    o["cohort"] = g.cohort_id;
    if (!g.group.empty()) {
        o["group"] = g.group;
        o["label"] = g.group_label;
    }
    o["complete"] = g.complete;
    if (g.suppressed) {
        o["suppressed"] = true;
        return o;
    }
    o["enrolled"] = g.enrolled;
    if (g.seats) {
        o["seats"] = *g.seats;
        o["fill_rate"] = rate(g.enrolled, static_cast<std::size_t>(*g.seats));
    }
    o["status"] = {{"eligible", g.eligible},
                   {"not_eligible", g.not_eligible},
                   {"in_progress", g.in_progress},
                   {"no_certificate", g.no_certificate},
                   {"withdrawn", g.withdrawn}};
    o["shares"] = {{"eligible", ratio_or_null(g.eligible_share)},
                   {"not_eligible", ratio_or_null(g.not_eligible_share)},
                   {"in_progress", ratio_or_null(g.in_progress_share)},
                   {"no_certificate", ratio_or_null(g.no_certificate_share)},
                   {"at_risk", ratio_or_null(g.at_risk_share)},
                   {"withdrawn", ratio_or_null(g.withdrawn_share)}};
    o["completion_rate"] = rate(g.eligible, g.enrolled);
    o["completion_rate_excluding_withdrawn"] = rate(g.eligible, g.enrolled - g.withdrawn);
    o["at_risk"] = g.at_risk;
    o["mean_attendance"] = ratio_or_null(g.mean_attendance);
    o["median_attendance"] = ratio_or_null(g.median_attendance);
    o["requirements"] = requirements_json(g, req_ids);
    return o;
}

ojson days_json(const statistics& s) {
    ojson days = ojson::array();
    for (const auto& d : s.days) {
        ojson row = {{"cohort", d.cohort_id}, {"date", to_iso(d.day)}, {"session_id", d.session_id}, {"past", d.past}};
        row["attended"] = rate(d.attended, d.enrolled);
        row["excused"] = d.excused;
        row["absent"] = d.absent;
        days.push_back(std::move(row));
    }
    return days;
}

ojson certified_json(const statistics& s) {
    auto cells = [](const std::vector<std::optional<std::size_t>>& v) {
        ojson a = ojson::array();
        for (const auto& x : v) a.push_back(x ? ojson(*x) : ojson({{"suppressed", true}}));
        return a;
    };
    ojson rows = ojson::array();
    for (const auto& r : s.certified)
        rows.push_back({{"municipality", r.municipality_number},
                        {"name", r.municipality_name},
                        {"per_cohort", cells(r.per_cohort)},
                        {"cumulative", cells(r.cumulative)}});
    return {{"cohorts", s.cohort_ids}, {"rows", std::move(rows)}};
}
}  // namespace

std::string statistics_to_json(const statistics& s) {
    ojson o;
    o["format"] = "smart.statistics/1";
    o["group_by"] = to_string(s.options.by);
    o["min_cell"] = s.options.min_cell ? ojson(*s.options.min_cell) : ojson(nullptr);
    std::map<std::string, std::size_t> cohort_index;
    ojson cohorts = ojson::array();
    for (std::size_t i = 0; i < s.cohorts.size(); ++i) {
        cohort_index[s.cohort_ids[i]] = i;
        ojson row = figures_json(s.cohorts[i], s.requirement_ids[i]);
        row["label"] = s.cohort_labels[i];
        row["programme"] = s.programme_ids[i];
        row["first_day"] = date_or_null(s.first_days[i]);
        row["last_day"] = date_or_null(s.last_days[i]);
        cohorts.push_back(std::move(row));
    }
    o["cohorts"] = std::move(cohorts);
    ojson groups = ojson::array();
    for (const auto& g : s.groups) groups.push_back(figures_json(g, s.requirement_ids[cohort_index[g.cohort_id]]));
    o["groups"] = std::move(groups);
    o["days"] = days_json(s);
    o["certified_by_municipality"] = certified_json(s);
    return o.dump(2) + "\n";
}

// --- a mapping as JSON -----------------------------------------------------------------------

namespace {
/// {"number": "...", "name": "..."} at `at`: each member text, no other member.
municipality municipality_json(const ojson& value, const std::string& at) {
    if (!value.is_object())
        throw error(errc::validation_error, "expected an object {\"number\": ..., \"name\": ...}", at);
    municipality m;
    for (const char* member : {"number", "name"}) {
        const auto it = value.find(member);
        if (it == value.end() || !it->is_string())
            throw error(errc::validation_error, std::string("expected \"") + member + "\" as text",
                        detail::pointer_append(at, member));
        (std::string_view(member) == "number" ? m.number : m.name) = it->get<std::string>();
    }
    for (const auto& [other, unused] : value.items())
        if (other != "number" && other != "name")
            throw error(errc::validation_error, "unknown member " + detail::quoted(other), detail::pointer_append(at, other));
    return m;
}
}  // namespace

std::map<std::string, municipality> municipality_mapping_from_json(std::string_view text) {
    try {
        const ojson doc = detail::parse_bounded<ojson>(text);
        if (!doc.is_object())
            throw error(errc::validation_error, "expected an object of recorded number -> {\"number\", \"name\"}", "");
        std::map<std::string, municipality> out;
        for (const auto& [key, value] : doc.items())
            out.emplace(key, municipality_json(value, detail::pointer_append("", key)));
        return out;
    } catch (const error& e) {
        throw error(e.code(), "municipality mapping: " + e.message(), e.pointer());
    }
}

}  // namespace smart
