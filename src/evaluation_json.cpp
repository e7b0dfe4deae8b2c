// The evaluation as a smart.evaluation/1 document (docs/format.md).
#include <functional>

#include "json_write.hpp"
#include "smart/error.hpp"
#include "smart/json.hpp"

namespace smart {

using json_write::json;

namespace {

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
