// Cohort statistics. Every figure is a count or an exact ratio of counts; attendance
// ratios are summed as integers over a common denominator (weights share one per
// programme), so means and medians are exact too.
#include "smart/statistics.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "smart/detail/names.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

namespace {
constexpr std::array<const char*, 4> group_by_names{"none", "municipality", "role", "sector"};
}  // namespace

const char* to_string(group_by g) noexcept { return detail::name_of(g, group_by_names); }
group_by parse_group_by(std::string_view s) { return detail::parse_name<group_by>(s, group_by_names, "grouping"); }

ratio group_figures::fill_rate() const {
    return seats && *seats > 0 ? ratio(static_cast<std::int64_t>(enrolled), *seats) : ratio(0);
}
ratio group_figures::completion_rate() const {
    return enrolled ? ratio(static_cast<std::int64_t>(eligible), static_cast<std::int64_t>(enrolled)) : ratio(0);
}

namespace {

struct member {
    std::size_t index;        // participant position in the cohort
    std::int64_t attended;    // scaled by the common denominator `den`
    bool has_ratio;
};

/// Figures over a set of participants of one evaluated cohort.
group_figures figures(const cohort& c, const evaluation& e, const std::vector<member>& ms, int attendance_req,
                      std::int64_t den) {
    group_figures g;
    g.cohort_id = c.id();
    g.enrolled = ms.size();
    g.requirement_states.assign(e.requirement_count(), {0, 0, 0, 0});
    std::vector<std::int64_t> values;
    for (const member& m : ms) {
        const participant_result& r = e.result(m.index);
        switch (r.status) {
            case overall_status::eligible: ++g.eligible; break;
            case overall_status::not_eligible: ++g.not_eligible; break;
            case overall_status::in_progress: ++g.in_progress; break;
            case overall_status::no_certificate: ++g.no_certificate; break;
        }
        g.at_risk += r.at_risk;
        const auto reqs = e.requirements(m.index);
        for (std::size_t q = 0; q < reqs.size(); ++q) ++g.requirement_states[q][static_cast<std::size_t>(reqs[q].state)];
        if (m.has_ratio) values.push_back(m.attended);
    }
    if (attendance_req >= 0 && !values.empty() && den > 0) {
        const std::int64_t sum = std::accumulate(values.begin(), values.end(), std::int64_t{0});
        g.mean_attendance = ratio(sum, den * static_cast<std::int64_t>(values.size()));
        std::sort(values.begin(), values.end());
        const std::size_t n = values.size();
        g.median_attendance = n % 2 ? ratio(values[n / 2], den) : ratio(values[n / 2 - 1] + values[n / 2], 2 * den);
    }
    return g;
}

void blank(group_figures& g) {
    const std::size_t reqs = g.requirement_states.size();
    const std::string cohort = g.cohort_id, key = g.group, label = g.group_label;
    const auto seats = g.seats;
    g = group_figures{};
    g.cohort_id = cohort;
    g.group = key;
    g.group_label = label;
    g.seats = seats;
    g.suppressed = true;
    g.requirement_states.assign(reqs, {0, 0, 0, 0});
}

/// Primary and secondary suppression over cells of given sizes: a cell of size below k
/// (and above 0 when zeros are harmless) is withheld; then the smallest visible cells are
/// withheld too until the withheld ones are at least two and hold at least k together,
/// so a visible total minus the visible cells reveals nothing about any one of them.
std::vector<bool> suppress(const std::vector<std::size_t>& sizes, std::size_t k, bool zeros_safe) {
    std::vector<bool> out(sizes.size(), false);
    std::size_t count = 0, sum = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i)
        if (sizes[i] < k && !(zeros_safe && sizes[i] == 0)) {
            out[i] = true;
            ++count;
            sum += sizes[i];
        }
    while (count > 0 && (count < 2 || sum < k)) {
        std::size_t best = sizes.size();
        for (std::size_t i = 0; i < sizes.size(); ++i)
            if (!out[i] && (best == sizes.size() || sizes[i] < sizes[best])) best = i;
        if (best == sizes.size()) break;  // everything is withheld
        out[best] = true;
        ++count;
        sum += sizes[best];
    }
    return out;
}

/// A participant's group (key, label) under `by`: views into the participant, the
/// options' mapping or static text, valid as long as those are. No copies: grouping runs
/// once per participant.
std::pair<std::string_view, std::string_view> group_key(const participant& p, group_by by, const statistics_options& o) {
    switch (by) {
        case group_by::municipality: {
            const auto it = o.municipality_mapping.find(p.municipality.number);
            const municipality& m = it == o.municipality_mapping.end() ? p.municipality : it->second;
            return {m.number, m.name};
        }
        case group_by::role: return {p.role, p.role};
        case group_by::sector: return {to_string(p.sector), to_string(p.sector)};
        case group_by::none: break;
    }
    return {};
}

}  // namespace

statistics compute_statistics(std::span<const evaluated_cohort> input, const statistics_options& options) {
    if (options.min_cell && *options.min_cell == 0) throw error(errc::invalid_argument, "the minimum cell size must be at least 1");
    // The mapping's texts go into the tables: one line of UTF-8 each (docs/format.md, "Text").
    for (const auto& [recorded, m] : options.municipality_mapping) {
        const std::string at = detail::pointer_append("", recorded);
        detail::check_text(recorded, "recorded municipality number", at, detail::text_kind::line, limits::name_chars);
        detail::check_text(m.number, "municipality number", at + "/number", detail::text_kind::line, limits::name_chars);
        detail::check_text(m.name, "municipality name", at + "/name", detail::text_kind::line, limits::name_chars);
    }
    std::vector<evaluated_cohort> order(input.begin(), input.end());
    for (const auto& ec : order) {
        if (!ec.c || !ec.e) throw error(errc::invalid_argument, "expected a cohort and its evaluation");
        if (!ec.e->made_from(*ec.c))
            throw error(errc::invalid_argument, "the evaluation of cohort \"" + ec.c->id() + "\" was not made from it");
    }
    std::stable_sort(order.begin(), order.end(), [](const evaluated_cohort& a, const evaluated_cohort& b) {
        return a.c->first_day() != b.c->first_day() ? a.c->first_day() < b.c->first_day() : a.c->id() < b.c->id();
    });
    const std::size_t k = options.min_cell.value_or(0);

    statistics s;
    s.options = options;
    std::map<std::string, std::size_t, std::less<>> muni_rows;  // number -> row in s.certified
    for (std::size_t ci = 0; ci < order.size(); ++ci) {
        const cohort& c = *order[ci].c;
        const evaluation& e = *order[ci].e;
        const programme& prog = c.programme();
        s.cohort_ids.push_back(c.id());
        s.cohort_labels.push_back(c.label());
        s.programme_ids.push_back(prog.id);
        std::vector<std::string> req_ids;
        int attendance_req = -1;
        for (std::size_t r = 0; r < prog.requirements.size(); ++r) {
            req_ids.push_back(prog.requirements[r].id);
            if (prog.requirements[r].kind() == requirement_kind::attendance) attendance_req = static_cast<int>(r);
        }
        s.requirement_ids.push_back(req_ids);

        // Each participant's attendance ratio attended / past days, over a common denominator.
        std::int64_t den = 0;
        std::vector<member> all;
        all.reserve(c.size());
        if (attendance_req >= 0) {
            std::int64_t wden = 1;
            std::uint16_t past = 0;
            for (std::size_t i = 0; i < e.size(); ++i) {
                const auto& r = e.requirements(i)[static_cast<std::size_t>(attendance_req)];
                wden = std::lcm(wden, r.attended.den());
                past = r.past_days;
            }
            den = wden * past;
            for (std::size_t i = 0; i < e.size(); ++i) {
                const auto& r = e.requirements(i)[static_cast<std::size_t>(attendance_req)];
                all.push_back({i, r.attended.num() * (wden / r.attended.den()), past > 0});
            }
        } else {
            for (std::size_t i = 0; i < e.size(); ++i) all.push_back({i, 0, false});
        }

        group_figures whole = figures(c, e, all, attendance_req, den);
        whole.seats = c.capacity();
        if (k && whole.enrolled < k) blank(whole);
        s.cohorts.push_back(whole);

        if (options.by != group_by::none) {
            // groups in key order; the label is the last member's (as a map assigning it would)
            struct group {
                std::string_view key, label;
                std::vector<member> members;
            };
            std::vector<group> groups;
            std::unordered_map<std::string_view, std::size_t> index;
            for (const member& m : all) {
                const auto [key, label] = group_key(c.participants()[m.index], options.by, options);
                const auto [it, fresh] = index.try_emplace(key, groups.size());
                if (fresh) groups.push_back({key, {}, {}});
                group& g = groups[it->second];
                g.label = label;
                g.members.push_back(m);
            }
            std::sort(groups.begin(), groups.end(), [](const group& x, const group& y) { return x.key < y.key; });
            std::vector<group_figures> rows;
            std::vector<std::size_t> sizes;
            for (const group& g : groups) {
                group_figures f = figures(c, e, g.members, attendance_req, den);
                f.group = g.key;
                f.group_label = g.label;
                sizes.push_back(f.enrolled);
                rows.push_back(std::move(f));
            }
            if (k) {
                const auto hidden = suppress(sizes, k, false);
                for (std::size_t i = 0; i < rows.size(); ++i)
                    if (hidden[i] || whole.suppressed) blank(rows[i]);
            }
            for (auto& r : rows) s.groups.push_back(std::move(r));
        }

        // Attendance per counted day (all gathering days when there is no attendance rule).
        std::vector<session_kind> counted{session_kind::gathering};
        if (attendance_req >= 0) counted = std::get<attendance_rule>(prog.requirements[static_cast<std::size_t>(attendance_req)].rule).counted_kinds;
        for (std::size_t d = 0; d < c.days().size(); ++d) {
            const session& sess = c.sessions()[c.session_of_day(d)];
            if (std::find(counted.begin(), counted.end(), sess.kind) == counted.end()) continue;
            day_figures f;
            f.cohort_id = c.id();
            f.day = c.days()[d];
            f.session_id = sess.id;
            f.enrolled = c.size();
            f.past = f.day <= e.as_of();
            for (const participant& p : c.participants()) {
                const attendance_status st = p.attendance.empty() ? attendance_status::unrecorded : p.attendance[d];
                if (!f.past) continue;
                if (st == attendance_status::present || st == attendance_status::late)
                    ++f.attended;
                else if (st == attendance_status::excused)
                    ++f.excused;
                else
                    ++f.absent;
            }
            s.days.push_back(f);
        }

        // Certified per municipality.
        for (std::size_t i = 0; i < e.size(); ++i) {
            const auto [number, label] = group_key(c.participants()[i], group_by::municipality, options);
            auto it = muni_rows.find(number);
            if (it == muni_rows.end()) {
                it = muni_rows.emplace(std::string(number), s.certified.size()).first;
                s.certified.push_back({std::string(number), std::string(label), {}, {}});
            }
            auto& row = s.certified[it->second];
            row.per_cohort.resize(order.size(), std::size_t{0});
            if (e.result(i).status == overall_status::eligible) ++*row.per_cohort[ci];
        }
    }
    std::sort(s.certified.begin(), s.certified.end(),
              [](const certified_row& a, const certified_row& b) { return a.municipality_number < b.municipality_number; });
    for (auto& row : s.certified) {
        row.per_cohort.resize(order.size(), std::size_t{0});
        std::size_t running = 0;
        for (const auto& v : row.per_cohort) {
            running += v.value_or(0);
            row.cumulative.push_back(running);
        }
    }
    if (k) {
        // Cells of 1..k-1 certified people are withheld, per column with secondary
        // suppression, then per row so that no cell follows from its neighbours
        // (per_cohort[j] = cumulative[j] - cumulative[j-1]).
        for (std::size_t j = 0; j < order.size(); ++j)
            for (auto column : {&certified_row::per_cohort, &certified_row::cumulative}) {
                std::vector<std::size_t> sizes;
                for (const auto& row : s.certified) sizes.push_back(*(row.*column)[j]);
                const auto hidden = suppress(sizes, k, true);
                for (std::size_t r = 0; r < s.certified.size(); ++r)
                    if (hidden[r]) (s.certified[r].*column)[j].reset();
            }
        for (auto& row : s.certified) {
            for (bool changed = true; changed;) {
                changed = false;
                for (std::size_t j = 0; j < order.size(); ++j) {
                    auto& per = row.per_cohort[j];
                    auto& cum = row.cumulative[j];
                    const bool prev_hidden = j > 0 && !row.cumulative[j - 1];
                    const int hidden = !per + !cum + prev_hidden;
                    if (hidden == 1) {
                        if (per) per.reset(); else cum.reset();
                        changed = true;
                    }
                }
            }
        }
    }
    return s;
}

namespace {
using ojson = nlohmann::ordered_json;

ojson rate(std::size_t count, std::size_t of) {
    ojson o = {{"count", count}, {"of", of}};
    o["ratio"] = of ? ojson(ratio(static_cast<std::int64_t>(count), static_cast<std::int64_t>(of)).to_string()) : ojson(nullptr);
    return o;
}

ojson figures_json(const group_figures& g, const std::vector<std::string>& req_ids) {
    ojson o;
    o["cohort"] = g.cohort_id;
    if (!g.group.empty()) {
        o["group"] = g.group;
        o["label"] = g.group_label;
    }
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
                   {"no_certificate", g.no_certificate}};
    o["completion_rate"] = rate(g.eligible, g.enrolled);
    o["at_risk"] = g.at_risk;
    o["mean_attendance"] = g.mean_attendance ? ojson(g.mean_attendance->to_string()) : ojson(nullptr);
    o["median_attendance"] = g.median_attendance ? ojson(g.median_attendance->to_string()) : ojson(nullptr);
    ojson funnel = ojson::array();
    for (std::size_t r = 0; r < g.requirement_states.size(); ++r) {
        const auto& st = g.requirement_states[r];
        funnel.push_back({{"requirement", req_ids[r]}, {"met", st[0]}, {"unmet", st[1]}, {"pending", st[2]}, {"exempt", st[3]}});
    }
    o["requirements"] = std::move(funnel);
    return o;
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
        cohorts.push_back(std::move(row));
    }
    o["cohorts"] = std::move(cohorts);
    ojson groups = ojson::array();
    for (const auto& g : s.groups) groups.push_back(figures_json(g, s.requirement_ids[cohort_index[g.cohort_id]]));
    o["groups"] = std::move(groups);
    ojson days = ojson::array();
    for (const auto& d : s.days) {
        ojson row = {{"cohort", d.cohort_id}, {"date", to_iso(d.day)}, {"session", d.session_id}, {"past", d.past}};
        row["attended"] = rate(d.attended, d.enrolled);
        row["excused"] = d.excused;
        row["absent"] = d.absent;
        days.push_back(std::move(row));
    }
    o["days"] = std::move(days);
    ojson certified = ojson::array();
    for (const auto& r : s.certified) {
        auto cells = [](const std::vector<std::optional<std::size_t>>& v) {
            ojson a = ojson::array();
            for (const auto& x : v) a.push_back(x ? ojson(*x) : ojson({{"suppressed", true}}));
            return a;
        };
        certified.push_back({{"municipality", r.municipality_number},
                             {"name", r.municipality_name},
                             {"per_cohort", cells(r.per_cohort)},
                             {"cumulative", cells(r.cumulative)}});
    }
    o["certified_by_municipality"] = {{"cohorts", s.cohort_ids}, {"rows", std::move(certified)}};
    return o.dump(2) + "\n";
}

}  // namespace smart
