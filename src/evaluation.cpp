// The rule engine. The rules are those of docs/rules.md; each requirement kind has one
// function below. evaluate() first compiles the cohort's schedule and the programme's
// parameters into a plan of integers, then walks the participants without allocating
// (except for warnings: at most one per participant and kind, repeated occurrences are
// aggregated into a count, so their number is bounded by participants x kinds).
#include "smart/evaluation.hpp"

#include <algorithm>
#include <array>

#include "smart/detail/names.hpp"
#include "smart/error.hpp"

namespace smart {

namespace {
constexpr std::array<const char*, 4> state_names{"met", "unmet", "pending", "exempt"};
constexpr std::array<const char*, 5> status_names{"eligible", "not_eligible", "in_progress", "no_certificate",
                                                  "withdrawn"};
constexpr std::array<const char*, 7> warning_names{"unrecorded_day",        "note_outside_intervals",
                                                   "pages_out_of_range",    "late_final_text",
                                                   "category_not_accepted", "festival_role_not_accepted",
                                                   "late_portfolio"};
using i128 = detail::int128;
}  // namespace

const char* to_string(requirement_state s) noexcept { return detail::name_of(s, state_names); }
requirement_state parse_requirement_state(std::string_view s) {
    return detail::parse_name<requirement_state>(s, state_names, "requirement state");
}
const char* to_string(overall_status s) noexcept { return detail::name_of(s, status_names); }
overall_status parse_overall_status(std::string_view s) {
    return detail::parse_name<overall_status>(s, status_names, "overall status");
}
const char* to_string(warning_kind k) noexcept { return detail::name_of(k, warning_names); }

std::span<const requirement_result> evaluation::requirements(std::size_t participant) const {
    if (participant >= participants_.size()) throw error(errc::invalid_argument, "participant index out of range");
    const std::size_t n = requirement_count();
    return {results_.data() + participant * n, n};
}

const participant& evaluation::participant(std::size_t index) const {
    if (index >= participants_.size()) throw error(errc::invalid_argument, "participant index out of range");
    return cohort_->participants()[index];
}

std::span<const warning> evaluation::warnings_of(std::size_t participant) const {
    if (participant >= participants_.size()) throw error(errc::invalid_argument, "participant index out of range");
    return {warnings_.data() + warning_begin_[participant], warnings_.data() + warning_begin_[participant + 1]};
}

status_counts evaluation::counts() const noexcept {
    status_counts c;
    for (const auto& p : participants_) {
        switch (p.status) {
            case overall_status::eligible: ++c.eligible; break;
            case overall_status::not_eligible: ++c.not_eligible; break;
            case overall_status::in_progress: ++c.in_progress; break;
            case overall_status::no_certificate: ++c.no_certificate; break;
            case overall_status::withdrawn: ++c.withdrawn; break;
        }
        c.at_risk += p.at_risk;
    }
    return c;
}

namespace {

std::int64_t lcm3(std::int64_t a, std::int64_t b, std::int64_t c) { return std::lcm(std::lcm(a, b), c); }

/// The cohort and programme facts the rules need, as integers and day indices.
struct plan {
    date as_of;
    std::size_t n_req = 0;

    // attendance
    int attendance = -1;                       // requirement index, -1 when none
    std::vector<std::uint16_t> counted;        // day indices of counted days
    std::uint16_t past = 0;                    // counted days on or before as_of
    std::array<std::int64_t, 5> weight{};      // per attendance_status, scaled by wden
    std::int64_t wden = 1;
    std::int64_t w_best = 1;                   // the largest weight a day can get, scaled
    std::int64_t min_num = 4, min_den = 5;
    std::uint16_t required_days = 0;

    // interval notes
    int notes = -1;
    std::vector<interval> intervals;
    std::uint64_t all_intervals = 0, closed = 0;
    unsigned accepted_notes = 0;               // bit per submission_kind
    int per_interval = 1;
    bool notes_need_approval = false, need_portfolio = false;
    date portfolio_deadline;                   // need_portfolio: the rule's, else the last day

    // final text
    int final_text = -1;
    const final_text_rule* ft = nullptr;
    date deadline;
    unsigned accepted_categories = 0;          // bit per final_category; 0 = any

    // festival
    int festival = -1;
    std::vector<std::uint16_t> festival_days;  // day indices
    date first_festival, last_festival;
    unsigned accepted_roles = 0;               // bit per festival_role; 0 = any
};

plan compile(const cohort& c, date as_of) {
    plan pl;
    pl.as_of = as_of;
    const programme& prog = c.programme();
    pl.n_req = prog.requirements.size();
    const auto& days = c.days();
    const auto& sessions = c.sessions();
    for (std::size_t r = 0; r < prog.requirements.size(); ++r) {
        const requirement& req = prog.requirements[r];
        if (const auto* a = std::get_if<attendance_rule>(&req.rule)) {
            pl.attendance = static_cast<int>(r);
            for (std::size_t d = 0; d < days.size(); ++d) {
                const session_kind k = sessions[c.session_of_day(d)].kind;
                if (std::find(a->counted_kinds.begin(), a->counted_kinds.end(), k) != a->counted_kinds.end()) {
                    pl.counted.push_back(static_cast<std::uint16_t>(d));
                    pl.past += days[d] <= as_of;
                }
            }
            pl.wden = lcm3(a->weight_present.den(), a->weight_late.den(), a->weight_excused.den());
            auto scaled = [&](const ratio& w) { return w.num() * (pl.wden / w.den()); };
            pl.weight[static_cast<int>(attendance_status::present)] = scaled(a->weight_present);
            pl.weight[static_cast<int>(attendance_status::late)] = scaled(a->weight_late);
            pl.weight[static_cast<int>(attendance_status::excused)] = scaled(a->weight_excused);
            // "cannot be reached even by attending every remaining day" means in the best
            // way: a programme may weigh late or excused above present.
            pl.w_best = *std::max_element(pl.weight.begin(), pl.weight.end());
            pl.min_num = a->min_ratio.num();
            pl.min_den = a->min_ratio.den();
            pl.required_days = static_cast<std::uint16_t>(
                (static_cast<i128>(pl.min_num) * pl.counted.size() + pl.min_den - 1) / pl.min_den);
        } else if (const auto* n = std::get_if<interval_notes_rule>(&req.rule)) {
            pl.notes = static_cast<int>(r);
            const session* prev = nullptr;
            for (const auto& s : sessions) {
                if (s.kind != session_kind::gathering) continue;
                if (prev) pl.intervals.push_back({prev->last_day(), s.first_day()});
                prev = &s;
            }
            for (std::size_t i = 0; i < pl.intervals.size(); ++i) {
                pl.all_intervals |= std::uint64_t{1} << i;
                if (pl.intervals[i].until <= as_of) pl.closed |= std::uint64_t{1} << i;
            }
            for (auto k : n->accepted_kinds) pl.accepted_notes |= 1u << static_cast<unsigned>(k);
            pl.per_interval = n->per_interval;
            pl.notes_need_approval = n->require_approval;
            pl.need_portfolio = n->require_portfolio_approval;
            if (pl.need_portfolio) pl.portfolio_deadline = n->portfolio_deadline.value_or(c.last_day());
        } else if (const auto* f = std::get_if<final_text_rule>(&req.rule)) {
            pl.final_text = static_cast<int>(r);
            pl.ft = f;
            pl.deadline = f->deadline ? *f->deadline : c.last_day();
            for (auto cat : f->categories) pl.accepted_categories |= 1u << static_cast<unsigned>(cat);
        } else if (const auto* fe = std::get_if<festival_rule>(&req.rule)) {
            pl.festival = static_cast<int>(r);
            for (std::size_t d = 0; d < days.size(); ++d)
                if (sessions[c.session_of_day(d)].kind == session_kind::festival)
                    pl.festival_days.push_back(static_cast<std::uint16_t>(d));
            pl.first_festival = days[pl.festival_days.front()];
            pl.last_festival = days[pl.festival_days.back()];
            for (auto role : fe->roles) pl.accepted_roles |= 1u << static_cast<unsigned>(role);
        }
    }
    if (pl.intervals.empty()) pl.intervals.shrink_to_fit();
    return pl;
}

/// Collects one participant's warnings: one per kind, with the number of occurrences and
/// the earliest day (and that occurrence's page count).
struct sink {
    std::vector<warning>& out;
    std::uint32_t participant;
    std::size_t begin;  // this participant's first warning in `out`
    void operator()(warning_kind k, date d, std::uint16_t pages = 0, std::uint32_t count = 1) {
        for (std::size_t i = begin; i < out.size(); ++i) {
            warning& w = out[i];
            if (w.kind != k) continue;
            w.count += count;
            if (d < w.day) {
                w.day = d;
                w.pages = pages;
            }
            return;
        }
        out.push_back({participant, k, d, pages, count});
    }
};

void eval_attendance(const plan& pl, const participant& p, const std::vector<date>& days, requirement_result& r,
                     sink& warn) {
    r.kind = requirement_kind::attendance;
    const std::size_t counted = pl.counted.size();
    std::int64_t attended = 0;
    std::uint16_t unrecorded = 0;
    date first_unrecorded;
    if (p.attendance.empty()) {
        unrecorded = pl.past;
        if (pl.past) first_unrecorded = days[pl.counted[0]];
    } else {
        for (std::uint16_t i = 0; i < pl.past; ++i) {
            const attendance_status s = p.attendance[pl.counted[i]];
            attended += pl.weight[static_cast<unsigned>(s)];
            if (s == attendance_status::unrecorded && !unrecorded++) first_unrecorded = days[pl.counted[i]];
        }
    }
    if (unrecorded) warn(warning_kind::unrecorded_day, first_unrecorded, 0, unrecorded);
    const std::uint16_t remaining = static_cast<std::uint16_t>(counted - pl.past);
    const i128 bar = static_cast<i128>(pl.min_num) * static_cast<i128>(counted) * pl.wden;
    if (static_cast<i128>(attended) * pl.min_den >= bar)
        r.state = requirement_state::met;
    else if ((static_cast<i128>(attended) + static_cast<i128>(remaining) * pl.w_best) * pl.min_den < bar)
        r.state = requirement_state::unmet;
    else
        r.state = requirement_state::pending;
    r.attended = ratio(attended, pl.wden);
    r.counted_days = static_cast<std::uint16_t>(counted);
    r.required_days = pl.required_days;
    r.past_days = pl.past;
    r.remaining_days = remaining;
    r.unrecorded_days = unrecorded;
}

/// True when, pending, missing one more remaining day would make attendance unmet.
bool no_slack(const plan& pl, const requirement_result& r) {
    if (r.state != requirement_state::pending || r.remaining_days == 0) return false;
    const i128 bar = static_cast<i128>(pl.min_num) * static_cast<i128>(r.counted_days) * pl.wden;
    const i128 attended = static_cast<i128>(r.attended.num()) * (pl.wden / r.attended.den());
    return (attended + static_cast<i128>(r.remaining_days - 1) * pl.w_best) * pl.min_den < bar;
}

bool counts_as_submitted(submission_status s, bool need_approval) {
    return need_approval ? s == submission_status::approved : s != submission_status::rejected;
}

void eval_notes(const plan& pl, const participant& p, requirement_result& r, sink& warn) {
    r.kind = requirement_kind::interval_notes;
    const std::size_t n = pl.intervals.size();
    std::uint64_t done = 0;
    std::array<std::uint16_t, 64> count{};  // only used when per_interval > 1
    bool portfolio = false;
    for (const submission& s : p.submissions) {
        if (s.on > pl.as_of) continue;
        if (s.kind == submission_kind::portfolio && s.status == submission_status::approved) {
            // a required one dated after its deadline never counts (else unmet could turn met)
            if (!pl.need_portfolio || s.on <= pl.portfolio_deadline)
                portfolio = true;
            else
                warn(warning_kind::late_portfolio, s.on);
        }
        if (!(pl.accepted_notes & (1u << static_cast<unsigned>(s.kind)))) continue;
        if (s.status == submission_status::rejected) continue;
        std::size_t i = 0;
        while (i < n && !(s.on > pl.intervals[i].after && s.on <= pl.intervals[i].until)) ++i;
        if (i == n) {
            warn(warning_kind::note_outside_intervals, s.on);
            continue;
        }
        if (!counts_as_submitted(s.status, pl.notes_need_approval)) {
            ++r.awaiting_approval;
            continue;
        }
        if (pl.per_interval == 1 || ++count[i] >= pl.per_interval) done |= std::uint64_t{1} << i;
    }
    r.intervals = static_cast<std::uint16_t>(n);
    r.intervals_met = static_cast<std::uint16_t>(std::popcount(done));
    r.missing_intervals = pl.closed & ~done;
    r.open_intervals = pl.all_intervals & ~pl.closed & ~done;
    r.portfolio_approved = portfolio;
    if (pl.need_portfolio) r.deadline = pl.portfolio_deadline;
    const bool portfolio_missing = pl.need_portfolio && !portfolio;
    if (r.missing_intervals || (portfolio_missing && pl.as_of >= pl.portfolio_deadline))
        r.state = requirement_state::unmet;
    else if (r.open_intervals || portfolio_missing)
        r.state = requirement_state::pending;
    else
        r.state = requirement_state::met;
}

void eval_final_text(const plan& pl, const participant& p, requirement_result& r, sink& warn) {
    r.kind = requirement_kind::final_text;
    r.deadline = pl.deadline;
    const final_text_rule& f = *pl.ft;
    for (const submission& s : p.submissions) {
        if (s.kind != submission_kind::final_text || s.on > pl.as_of) continue;
        if (s.status == submission_status::rejected) continue;
        if (s.on > pl.deadline) {
            warn(warning_kind::late_final_text, s.on);
            continue;
        }
        if (pl.accepted_categories && s.category != final_category::none &&
            !(pl.accepted_categories & (1u << static_cast<unsigned>(s.category)))) {
            warn(warning_kind::category_not_accepted, s.on);
            continue;
        }
        if (s.pages && ((f.min_pages && *s.pages < *f.min_pages) || (f.max_pages && *s.pages > *f.max_pages))) {
            warn(warning_kind::pages_out_of_range, s.on, *s.pages);
            continue;
        }
        if (!counts_as_submitted(s.status, f.require_approval)) {
            ++r.awaiting_approval;
            continue;
        }
        if (r.state != requirement_state::met || s.on < r.on) {  // the earliest text that counts
            r.state = requirement_state::met;
            r.on = s.on;
            r.pages = s.pages.value_or(0);
        }
    }
    if (r.state != requirement_state::met)
        r.state = pl.as_of >= pl.deadline ? requirement_state::unmet : requirement_state::pending;
}

void eval_festival(const plan& pl, const participant& p, const std::vector<date>& days, requirement_result& r,
                   sink& warn) {
    r.kind = requirement_kind::festival;
    r.deadline = pl.first_festival;
    r.role = p.festival_role;
    date wrong_role;  // present, but in a role the rule does not accept
    if (!p.attendance.empty()) {
        for (std::uint16_t d : pl.festival_days) {
            if (days[d] > pl.as_of) break;
            const attendance_status s = p.attendance[d];
            if (s != attendance_status::present && s != attendance_status::late) continue;
            if (pl.accepted_roles && !(pl.accepted_roles & (1u << static_cast<unsigned>(p.festival_role)))) {
                if (wrong_role.is_special()) wrong_role = days[d];
                continue;
            }
            r.state = requirement_state::met;
            r.on = days[d];
            return;
        }
    }
    if (!wrong_role.is_special()) warn(warning_kind::festival_role_not_accepted, wrong_role);
    r.state = pl.as_of >= pl.last_festival ? requirement_state::unmet : requirement_state::pending;
}

}  // namespace

evaluation evaluate(const cohort& c, date as_of) {
    if (as_of.is_special()) throw error(errc::invalid_argument, "expected an as-of date");
    const plan pl = compile(c, as_of);
    evaluation e;
    e.programme_ = c.programme_ptr();
    e.cohort_ = std::make_shared<const cohort>(c);  // shares the records (copy-on-write)
    e.cohort_stamp_ = c.stamp();
    e.as_of_ = as_of;
    e.intervals_ = pl.intervals;
    const auto& ps = c.participants();
    const auto& days = c.days();
    const std::size_t n_req = pl.n_req;
    e.participants_.resize(ps.size());
    e.results_.resize(ps.size() * n_req);
    e.warning_begin_.resize(ps.size() + 1);
    const programme& prog = c.programme();

    for (std::size_t i = 0; i < ps.size(); ++i) {
        const participant& p = ps[i];
        e.warning_begin_[i] = static_cast<std::uint32_t>(e.warnings_.size());
        sink warn{e.warnings_, static_cast<std::uint32_t>(i), e.warnings_.size()};
        requirement_result* res = e.results_.data() + i * n_req;
        participant_result& out = e.participants_[i];
        // Withdrawn as of the date: the status says so; the requirements are still evaluated.
        const bool withdrawn = p.withdrawal && p.withdrawal->on <= as_of;
        if (n_req == 0) {
            out.status = withdrawn ? overall_status::withdrawn : overall_status::no_certificate;
            continue;
        }
        if (pl.attendance >= 0) eval_attendance(pl, p, days, res[pl.attendance], warn);
        if (pl.notes >= 0) eval_notes(pl, p, res[pl.notes], warn);
        if (pl.final_text >= 0) eval_final_text(pl, p, res[pl.final_text], warn);
        if (pl.festival >= 0) eval_festival(pl, p, days, res[pl.festival], warn);
        for (const exemption& x : p.exemptions)
            if (!x.granted_on || *x.granted_on <= as_of)
                for (std::size_t r = 0; r < n_req; ++r)
                    if (prog.requirements[r].id == x.requirement) res[r].state = requirement_state::exempt;

        bool any_unmet = false, all_done = true;
        for (std::size_t r = 0; r < n_req; ++r) {
            any_unmet = any_unmet || res[r].state == requirement_state::unmet;
            all_done = all_done && (res[r].state == requirement_state::met || res[r].state == requirement_state::exempt);
        }
        out.status = any_unmet ? overall_status::not_eligible
                     : all_done ? overall_status::eligible
                                : overall_status::in_progress;
        out.at_risk = out.status == overall_status::in_progress && pl.attendance >= 0 &&
                      no_slack(pl, res[pl.attendance]);
        if (withdrawn) out = {overall_status::withdrawn, false};
    }
    e.warning_begin_[ps.size()] = static_cast<std::uint32_t>(e.warnings_.size());
    return e;
}

}  // namespace smart
