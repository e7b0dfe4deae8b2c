// The evaluation as a smart.evaluation/2 document (docs/format.md).
#include <functional>

#include "json_write.hpp"
#include "smart/error.hpp"
#include "smart/json.hpp"
#include "smart/result_numbers.hpp"

namespace smart {

using json_write::json;

namespace {

json all_languages(const std::function<std::string(lang)>& f) {
    return {{"nb", f(lang::nb)}, {"nn", f(lang::nn)}, {"en", f(lang::en)}};
}

/// A number's value as the document shows it (docs/format.md, "Numbers by kind"): counts
/// and flags as JSON numbers and booleans, the ratio as "7/2", dates ISO 8601, interval
/// sets as 1-based interval numbers, the role by name; null when absent.
json number_json(const number_value& v) {
    return std::visit(
        [](const auto& x) -> json {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, std::monostate>)
                return nullptr;
            else if constexpr (std::is_same_v<X, ratio>)
                return x.to_string();
            else if constexpr (std::is_same_v<X, date>)
                return to_iso(x);
            else if constexpr (std::is_same_v<X, interval_set>)
                return x.numbers();
            else if constexpr (std::is_same_v<X, festival_role>)
                return to_string(x);
            else
                return x;
        },
        v);
}

/// The numbers of the result's kind, each under its one name (result_numbers.hpp).
json numbers_json(const requirement_result& r) {
    json out = json::object();
    for (const number_field* f : numbers_of(r.kind)) out[f->name] = number_json(read(r, *f));
    return out;
}

}  // namespace

std::string evaluation_to_json(const evaluation& e, const cohort& c) {
    if (!e.made_from(c))
        throw error(errc::invalid_argument,
                    "the evaluation was not made from this cohort, or the cohort changed since: evaluate it again");
    return evaluation_to_json(e);
}

std::string evaluation_to_json(const evaluation& e) {
    const cohort& c = e.cohort();  // the records as evaluated, owned by the evaluation
    const programme& prog = c.programme();
    json o = json::object();
    o["format"] = evaluation_format;
    o["cohort"] = c.id();
    o["programme"] = prog.id;
    o["as_of"] = to_iso(e.as_of());
    const status_counts n = e.counts();
    o["summary"] = {{"participants", e.size()},         {"eligible", n.eligible},
                    {"not_eligible", n.not_eligible},   {"in_progress", n.in_progress},
                    {"no_certificate", n.no_certificate}, {"at_risk", n.at_risk},
                    {"withdrawn", n.withdrawn}};
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
            reqs.push_back({{"id", prog.requirements[r].id},
                            {"kind", to_string(rr.kind)},
                            {"state", to_string(rr.state)},
                            {"numbers", numbers_json(rr)},
                            {"explanation", all_languages([&](lang l) { return e.explain(i, r, l); })}});
        }
        po["requirements"] = std::move(reqs);
        json missing = json::object();
        for (lang l : {lang::nb, lang::nn, lang::en}) missing[to_string(l)] = e.missing(i, l);
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
