// Cohort statistics. Every figure is a count or an exact ratio of counts; attendance
// ratios are summed as integers over a common denominator (weights share one per
// programme), so means and medians are exact too. The JSON form is statistics_json.cpp.
#include "smart/statistics.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "smart/detail/names.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/rule_wording.hpp"

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

// --- the municipality mapping ----------------------------------------------------------------

namespace {

bool four_digits(std::string_view s) {
    return s.size() == 4 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

/// The one check of a mapping, whichever face it came from (docs/statistics.md).
void check_mapping(const std::map<std::string, municipality>& mapping) {
    for (const auto& [recorded, m] : mapping) {
        const std::string at = detail::pointer_append("", recorded);
        detail::check_text(recorded, "recorded municipality number", at, detail::text_kind::line, limits::name_chars);
        if (!four_digits(recorded))
            throw error(errc::validation_error,
                        "expected a recorded municipality number of four digits, not " + detail::quoted(recorded), at);
        detail::check_text(m.number, "municipality number", at + "/number", detail::text_kind::line, limits::name_chars);
        if (!four_digits(m.number))
            throw error(errc::validation_error,
                        "expected a municipality number of four digits, not " + detail::quoted(m.number), at + "/number");
        detail::check_text(m.name, "municipality name", at + "/name", detail::text_kind::line, limits::name_chars);
        if (m.name.empty()) throw error(errc::validation_error, "expected a municipality name, not empty text", at + "/name");
    }
}

}  // namespace

std::map<std::string, municipality> municipality_mapping_from_rows(std::span<const municipality_mapping_row> rows) {
    std::map<std::string, municipality> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!out.emplace(rows[i].recorded, rows[i].current).second)
            throw error(errc::validation_error,
                        "the recorded number " + detail::quoted(rows[i].recorded) + " is mapped twice",
                        detail::pointer_append(detail::pointer_append("", i), "recorded"));
    return out;
}

// --- figures of a set of participants -----------------------------------------------------------

namespace {

struct member {
    std::size_t index;        // participant position in the cohort
    std::int64_t attended;    // scaled by the common denominator `den`
    bool has_ratio;
};

/// What the figures of one cohort share: its attendance requirement and the common
/// denominator of its participants' attendance ratios.
struct cohort_context {
    const cohort& c;
    const evaluation& e;
    int attendance_req = -1;  // index of the attendance requirement, -1 when none
    std::int64_t den = 0;
};

std::optional<ratio> share(std::size_t count, std::size_t of) {
    if (of == 0) return std::nullopt;
    return ratio(static_cast<std::int64_t>(count), static_cast<std::int64_t>(of));
}

/// Counts by status and requirement state, and the funnel, of the members.
void count_states(group_figures& g, const evaluation& e, const std::vector<member>& ms) {
    g.requirement_states.assign(e.requirement_count(), {0, 0, 0, 0});
    g.through.assign(e.requirement_count(), 0);
    for (const member& m : ms) {
        const participant_result& r = e.result(m.index);
        switch (r.status) {
            case overall_status::eligible: ++g.eligible; break;
            case overall_status::not_eligible: ++g.not_eligible; break;
            case overall_status::in_progress: ++g.in_progress; break;
            case overall_status::no_certificate: ++g.no_certificate; break;
            case overall_status::withdrawn: ++g.withdrawn; break;
        }
        g.at_risk += r.at_risk;
        const auto reqs = e.requirements(m.index);
        bool through = r.status != overall_status::withdrawn;  // the funnel ends at the eligible
        for (std::size_t q = 0; q < reqs.size(); ++q) {
            ++g.requirement_states[q][static_cast<std::size_t>(reqs[q].state)];
            through = through && (reqs[q].state == requirement_state::met || reqs[q].state == requirement_state::exempt);
            g.through[q] += through;
        }
    }
}

/// Every share of enrolled, from the counts.
void compute_shares(group_figures& g) {
    const std::size_t n = g.enrolled;
    g.eligible_share = share(g.eligible, n);
    g.not_eligible_share = share(g.not_eligible, n);
    g.in_progress_share = share(g.in_progress, n);
    g.no_certificate_share = share(g.no_certificate, n);
    g.at_risk_share = share(g.at_risk, n);
    g.withdrawn_share = share(g.withdrawn, n);
    g.completion_excluding_withdrawn = share(g.eligible, n - g.withdrawn);
    g.requirement_shares.clear();
    for (const auto& st : g.requirement_states)
        g.requirement_shares.push_back({share(st[0], n), share(st[1], n), share(st[2], n), share(st[3], n)});
    g.through_shares.clear();
    for (const std::size_t t : g.through) g.through_shares.push_back(share(t, n));
}

/// Mean and median of the members' attendance ratios, exact.
void attendance_figures(group_figures& g, const cohort_context& cc, const std::vector<member>& ms) {
    if (cc.attendance_req < 0 || cc.den <= 0) return;
    std::vector<std::int64_t> values;
    for (const member& m : ms)
        if (m.has_ratio) values.push_back(m.attended);
    if (values.empty()) return;
    const std::int64_t sum = std::accumulate(values.begin(), values.end(), std::int64_t{0});
    g.mean_attendance = ratio(sum, cc.den * static_cast<std::int64_t>(values.size()));
    // the median by selection, not a full sort: the upper middle, and for an even count
    // the largest of the lower half beside it
    const std::size_t n = values.size();
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    g.median_attendance = n % 2 ? ratio(*mid, cc.den)
                                : ratio(*std::max_element(values.begin(), mid) + *mid, 2 * cc.den);
}

/// Figures over a set of participants of one evaluated cohort.
group_figures figures(const cohort_context& cc, const std::vector<member>& ms) {
    group_figures g;
    g.cohort_id = cc.c.id();
    g.enrolled = ms.size();
    count_states(g, cc.e, ms);
    compute_shares(g);
    attendance_figures(g, cc, ms);
    return g;
}

/// Whether the cohort is complete as of the date (statistics.hpp, group_figures::complete).
bool cohort_complete(const cohort_context& cc, const group_figures& whole) {
    if (whole.enrolled == 0) return cc.c.days().empty() || cc.e.as_of() > cc.c.last_day();
    return whole.in_progress == 0;
}

/// Withholds every figure of `g` (its identity, seats and table shape stay).
void blank(group_figures& g) {
    const std::size_t reqs = g.requirement_states.size();
    group_figures out;
    out.cohort_id = std::move(g.cohort_id);
    out.group = std::move(g.group);
    out.group_label = std::move(g.group_label);
    out.seats = g.seats;
    out.suppressed = true;
    out.complete = g.complete;
    out.requirement_states.assign(reqs, {0, 0, 0, 0});
    out.requirement_shares.assign(reqs, {});
    out.through.assign(reqs, 0);
    out.through_shares.assign(reqs, std::nullopt);
    g = std::move(out);
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

// --- the inputs ------------------------------------------------------------------------------

/// The inputs checked, in trend order: by first session day (cohorts with no sessions
/// last), then id.
std::vector<evaluated_cohort> trend_order(std::span<const evaluated_cohort> input) {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const evaluated_cohort& ec = input[i];
        if (!ec.c || !ec.e) throw error(errc::invalid_argument, "expected a cohort and its evaluation");
        if (!ec.e->made_from(*ec.c))
            throw error(errc::invalid_argument, "the evaluation of cohort \"" + ec.c->id() + "\" was not made from it");
        const auto [it, fresh] = seen.try_emplace(ec.c->id(), i);
        if (!fresh)
            throw error(errc::invalid_argument,
                        "the cohort \"" + ec.c->id() + "\" is given twice (also at /" + std::to_string(it->second) +
                            "): each cohort counts once",
                        detail::pointer_append("", i));
    }
    std::vector<evaluated_cohort> order(input.begin(), input.end());
    std::stable_sort(order.begin(), order.end(), [](const evaluated_cohort& a, const evaluated_cohort& b) {
        const bool da = !a.c->days().empty(), db = !b.c->days().empty();
        if (da != db) return da;
        if (da && a.c->first_day() != b.c->first_day()) return a.c->first_day() < b.c->first_day();
        return a.c->id() < b.c->id();
    });
    return order;
}

/// Each participant's attendance ratio attended / past days, over a common denominator.
std::vector<member> members(cohort_context& cc) {
    const evaluation& e = cc.e;
    std::vector<member> all;
    all.reserve(e.size());
    if (cc.attendance_req < 0) {
        for (std::size_t i = 0; i < e.size(); ++i) all.push_back({i, 0, false});
        return all;
    }
    const auto q = static_cast<std::size_t>(cc.attendance_req);
    std::int64_t wden = 1;
    std::uint16_t past = 0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        const auto& r = e.requirements(i)[q];
        wden = std::lcm(wden, r.attended.den());
        past = r.past_days;
    }
    cc.den = wden * past;
    for (std::size_t i = 0; i < e.size(); ++i) {
        const auto& r = e.requirements(i)[q];
        all.push_back({i, r.attended.num() * (wden / r.attended.den()), past > 0});
    }
    return all;
}

// --- the tables ------------------------------------------------------------------------------

/// The group rows of one cohort, groups sorted by key; the label is the last member's.
std::vector<group_figures> group_rows(const cohort_context& cc, const std::vector<member>& all,
                                      const statistics_options& options, bool whole_suppressed) {
    struct group {
        std::string_view key, label;
        std::vector<member> members;
    };
    std::vector<group> groups;
    std::unordered_map<std::string_view, std::size_t> index;
    for (const member& m : all) {
        const auto [key, label] = group_key(cc.c.participants()[m.index], options.by, options);
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
        group_figures f = figures(cc, g.members);
        f.group = g.key;
        f.group_label = g.label;
        sizes.push_back(f.enrolled);
        rows.push_back(std::move(f));
    }
    if (const std::size_t k = options.min_cell.value_or(0)) {
        const auto hidden = suppress(sizes, k, false);
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (hidden[i] || whole_suppressed) blank(rows[i]);
    }
    return rows;
}

/// Attendance per counted day (all gathering days when there is no attendance rule). One
/// pass over the participants, each adding to the counters of the past counted days.
void day_rows(const cohort_context& cc, std::vector<day_figures>& out) {
    const cohort& c = cc.c;
    std::vector<session_kind> counted{session_kind::gathering};
    if (cc.attendance_req >= 0)
        counted = std::get<attendance_rule>(c.programme().requirements[static_cast<std::size_t>(cc.attendance_req)].rule)
                      .counted_kinds;
    const std::size_t first = out.size();
    std::vector<std::size_t> past_days;  // cohort day index of each past counted day
    for (std::size_t d = 0; d < c.days().size(); ++d) {
        const session& sess = c.sessions()[c.session_of_day(d)];
        if (std::find(counted.begin(), counted.end(), sess.kind) == counted.end()) continue;
        day_figures f;
        f.cohort_id = c.id();
        f.day = c.days()[d];
        f.session_id = sess.id;
        f.enrolled = c.size();
        f.past = f.day <= cc.e.as_of();
        if (f.past) past_days.push_back(d);
        out.push_back(std::move(f));
    }
    std::vector<std::array<std::size_t, 3>> counts(past_days.size(), {0, 0, 0});  // attended, excused, absent
    for (const participant& p : c.participants())
        for (std::size_t k = 0; k < past_days.size(); ++k) {
            const attendance_status st = p.attendance.empty() ? attendance_status::unrecorded : p.attendance[past_days[k]];
            const bool attended = st == attendance_status::present || st == attendance_status::late;
            ++counts[k][attended ? 0 : st == attendance_status::excused ? 1 : 2];
        }
    for (std::size_t i = first, k = 0; i < out.size(); ++i) {
        day_figures& f = out[i];
        if (f.past) {
            f.attended = counts[k][0];
            f.excused = counts[k][1];
            f.absent = counts[k][2];
            ++k;
        }
        f.attended_share = share(f.attended, f.enrolled);
    }
}

/// Certified participants of cohort `ci` (of `cohorts`) per municipality, counted into
/// `rows` (a row per municipality, found through `index`). Counted per distinct
/// municipality of the cohort first: one hash look-up per participant, one look-up in
/// `index` per municipality.
void count_certified(const cohort_context& cc, std::size_t ci, std::size_t cohorts, const statistics_options& options,
                     std::map<std::string, std::size_t, std::less<>>& index, std::vector<certified_row>& rows) {
    struct tally {
        std::string_view label;
        std::size_t certified = 0;
    };
    std::unordered_map<std::string_view, tally> local;
    for (std::size_t i = 0; i < cc.e.size(); ++i) {
        const auto [number, label] = group_key(cc.c.participants()[i], group_by::municipality, options);
        tally& t = local.try_emplace(number, tally{label}).first->second;
        t.certified += cc.e.result(i).status == overall_status::eligible;
    }
    std::vector<std::pair<std::string_view, tally>> sorted(local.begin(), local.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [number, t] : sorted) {
        auto it = index.find(number);
        if (it == index.end()) {
            it = index.emplace(std::string(number), rows.size()).first;
            rows.push_back({std::string(number), std::string(t.label), {}, {}});
        }
        auto& row = rows[it->second];
        row.per_cohort.resize(cohorts, std::size_t{0});
        *row.per_cohort[ci] += t.certified;
    }
}

/// Sorts the certified rows by number and adds the cumulative counts.
void finish_certified(std::vector<certified_row>& rows, std::size_t cohorts) {
    std::sort(rows.begin(), rows.end(),
              [](const certified_row& a, const certified_row& b) { return a.municipality_number < b.municipality_number; });
    for (auto& row : rows) {
        row.per_cohort.resize(cohorts, std::size_t{0});
        std::size_t running = 0;
        for (const auto& v : row.per_cohort) {
            running += v.value_or(0);
            row.cumulative.push_back(running);
        }
    }
}

/// Cells of 1..k-1 certified people are withheld, per column with secondary suppression,
/// then per row so that no cell follows from its neighbours
/// (per_cohort[j] = cumulative[j] - cumulative[j-1]).
void suppress_certified(std::vector<certified_row>& rows, std::size_t cohorts, std::size_t k) {
    for (std::size_t j = 0; j < cohorts; ++j)
        for (auto column : {&certified_row::per_cohort, &certified_row::cumulative}) {
            std::vector<std::size_t> sizes;
            for (const auto& row : rows) sizes.push_back(*(row.*column)[j]);
            const auto hidden = suppress(sizes, k, true);
            for (std::size_t r = 0; r < rows.size(); ++r)
                if (hidden[r]) (rows[r].*column)[j].reset();
        }
    for (auto& row : rows)
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t j = 0; j < cohorts; ++j) {
                auto& per = row.per_cohort[j];
                auto& cum = row.cumulative[j];
                const bool prev_hidden = j > 0 && !row.cumulative[j - 1];
                if (!per + !cum + prev_hidden == 1) {
                    if (per) per.reset(); else cum.reset();
                    changed = true;
                }
            }
        }
}

/// The cohort-level facts of the trend table: ids, labels, programme, days, requirements.
cohort_context describe_cohort(statistics& s, const evaluated_cohort& ec) {
    const cohort& c = *ec.c;
    const programme& prog = c.programme();
    s.cohort_ids.push_back(c.id());
    s.cohort_labels.push_back(c.label());
    s.programme_ids.push_back(prog.id);
    s.first_days.push_back(c.days().empty() ? std::nullopt : std::optional<date>(c.first_day()));
    s.last_days.push_back(c.days().empty() ? std::nullopt : std::optional<date>(c.last_day()));
    cohort_context cc{c, *ec.e};
    std::vector<std::string> req_ids;
    for (std::size_t r = 0; r < prog.requirements.size(); ++r) {
        req_ids.push_back(prog.requirements[r].id);
        if (prog.requirements[r].kind() == requirement_kind::attendance) cc.attendance_req = static_cast<int>(r);
    }
    s.requirement_ids.push_back(std::move(req_ids));
    s.programmes.push_back(c.programme_ptr());
    std::vector<std::pair<std::string, session_kind>> sessions;
    for (const session& x : c.sessions()) sessions.emplace_back(x.id, x.kind);
    s.sessions.push_back(std::move(sessions));
    return cc;
}

}  // namespace

statistics compute_statistics(std::span<const evaluated_cohort> input, const statistics_options& options) {
    if (options.min_cell && *options.min_cell == 0) throw error(errc::invalid_argument, "the minimum cell size must be at least 1");
    check_mapping(options.municipality_mapping);
    const std::vector<evaluated_cohort> order = trend_order(input);
    const std::size_t k = options.min_cell.value_or(0);

    statistics s;
    s.options = options;
    std::map<std::string, std::size_t, std::less<>> muni_rows;  // number -> row in s.certified
    for (std::size_t ci = 0; ci < order.size(); ++ci) {
        cohort_context cc = describe_cohort(s, order[ci]);
        const std::vector<member> all = members(cc);
        group_figures whole = figures(cc, all);
        whole.complete = cohort_complete(cc, whole);
        whole.seats = cc.c.capacity();
        if (whole.seats) whole.fill_share = share(whole.enrolled, static_cast<std::size_t>(*whole.seats));
        if (k && whole.enrolled < k) blank(whole);
        if (options.by != group_by::none)
            for (auto& r : group_rows(cc, all, options, whole.suppressed)) {
                r.complete = whole.complete;
                s.groups.push_back(std::move(r));
            }
        s.cohorts.push_back(std::move(whole));
        day_rows(cc, s.days);
        count_certified(cc, ci, order.size(), options, muni_rows, s.certified);
    }
    finish_certified(s.certified, order.size());
    if (k) suppress_certified(s.certified, order.size(), k);
    return s;
}

std::string requirement_label(const statistics& s, std::size_t cohort, std::size_t q, lang l) {
    if (cohort >= s.programmes.size() || q >= s.programmes[cohort]->requirements.size())
        throw error(errc::invalid_argument, "no requirement " + std::to_string(q) + " of cohort " + std::to_string(cohort) +
                                                " in the statistics");
    return short_label(s.programmes[cohort]->requirements[q], l);
}

std::string session_label(const statistics& s, std::size_t cohort, std::string_view session_id, lang l) {
    if (cohort >= s.sessions.size())
        throw error(errc::invalid_argument, "no cohort " + std::to_string(cohort) + " in the statistics");
    const auto& sessions = s.sessions[cohort];
    const auto it = std::find_if(sessions.begin(), sessions.end(), [&](const auto& x) { return x.first == session_id; });
    if (it == sessions.end())
        throw error(errc::invalid_argument,
                    "no session " + detail::quoted(session_id) + " in cohort " + detail::quoted(s.cohort_ids[cohort]));
    const auto ordinal = static_cast<std::size_t>(
        std::count_if(sessions.begin(), it + 1, [&](const auto& x) { return x.second == it->second; }));
    return session_name(it->second, ordinal, l);
}

}  // namespace smart
