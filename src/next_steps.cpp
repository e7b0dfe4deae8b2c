// Next steps: from a participant's requirement results (the evaluation's numbers) to the
// actions that remain. docs/next-steps.md states the rules; the property test in
// tests/cpp/test_next_steps.cpp checks that doing exactly the must steps (and the minimum of
// the options) makes a participant eligible and that leaving out any must step does not.
#include "smart/next_steps.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>

#include "smart/detail/names.hpp"
#include "smart/error.hpp"
#include "smart/rule_wording.hpp"
#include "wording.hpp"

namespace smart {

namespace {
constexpr std::array<const char*, 5> step_names{"attend", "note", "portfolio_approval", "final_text", "festival"};
using i128 = detail::int128;
using detail::t;
const boost::gregorian::days one_day{1};
}  // namespace

const char* to_string(step_kind k) noexcept { return detail::name_of(k, step_names); }

step_planner::step_planner(const evaluation& e) : e_(&e) {
    const cohort& c = e.cohort();
    const programme& prog = e.programme();
    const auto& days = c.days();
    const auto& sessions = c.sessions();
    for (const requirement& req : prog.requirements) {
        if (const auto* a = std::get_if<attendance_rule>(&req.rule)) {
            for (std::size_t d = 0; d < days.size(); ++d) {
                const session_kind k = sessions[c.session_of_day(d)].kind;
                if (days[d] > e.as_of() &&
                    std::find(a->counted_kinds.begin(), a->counted_kinds.end(), k) != a->counted_kinds.end())
                    remaining_counted_.push_back(days[d]);
            }
            wden_ = std::lcm(std::lcm(a->weight_present.den(), a->weight_late.den()), a->weight_excused.den());
            auto scaled = [&](const ratio& w) { return w.num() * (wden_ / w.den()); };
            w_best_ = std::max({scaled(a->weight_present), scaled(a->weight_late), scaled(a->weight_excused)});
            min_num_ = a->min_ratio.num();
            min_den_ = a->min_ratio.den();
        } else if (const auto* n = std::get_if<interval_notes_rule>(&req.rule)) {
            for (auto k : n->accepted_kinds) note_kinds_ |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
            per_interval_ = static_cast<std::uint16_t>(n->per_interval);
            notes_approval_ = n->require_approval;
            portfolio_ = n->require_portfolio_approval;
            if (portfolio_) portfolio_deadline_ = n->portfolio_deadline.value_or(c.last_day());
        } else if (const auto* f = std::get_if<final_text_rule>(&req.rule)) {
            for (auto cat : f->categories) categories_ |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(cat));
            min_pages_ = static_cast<std::uint16_t>(f->min_pages.value_or(0));
            max_pages_ = static_cast<std::uint16_t>(f->max_pages.value_or(0));
            text_approval_ = f->require_approval;
            text_deadline_ = f->deadline ? *f->deadline : c.last_day();
        } else if (const auto* fe = std::get_if<festival_rule>(&req.rule)) {
            for (std::size_t d = 0; d < days.size(); ++d)
                if (sessions[c.session_of_day(d)].kind == session_kind::festival && days[d] > e.as_of())
                    remaining_festival_.push_back(days[d]);
            for (auto role : fe->roles) roles_ |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(role));
        }
    }
}

void step_planner::plan(std::size_t index, next_steps& out) const {
    const evaluation& e = *e_;
    const auto results = e.requirements(index);  // throws invalid_argument when out of range
    const participant_result& pr = e.result(index);
    out.participant = static_cast<std::uint32_t>(index);
    out.status = pr.status;
    out.at_risk = pr.at_risk;
    out.steps.clear();
    out.blocked.clear();
    out.earliest_eligible = date(boost::gregorian::not_a_date_time);
    out.next_deadline = date(boost::gregorian::not_a_date_time);
    if (pr.status != overall_status::in_progress && pr.status != overall_status::not_eligible) return;

    const date as_of = e.as_of();
    const date tomorrow = as_of + one_day;
    date earliest = tomorrow;  // every step is done after the as-of date
    auto later = [&earliest](date d) {
        if (d > earliest) earliest = d;
    };

    for (std::size_t r = 0; r < results.size(); ++r) {
        const requirement_result& res = results[r];
        const auto req = static_cast<std::uint16_t>(r);
        if (res.state == requirement_state::unmet) {
            blocked_requirement b;
            b.requirement = req;
            b.kind = res.kind;
            switch (res.kind) {
                case requirement_kind::attendance: {
                    b.required_days = res.required_days;
                    const i128 reach = (static_cast<i128>(res.attended.num()) * wden_ +
                                        static_cast<i128>(res.remaining_days) * w_best_ * res.attended.den()) /
                                       (static_cast<i128>(res.attended.den()) * wden_);
                    b.reachable_days = static_cast<std::uint16_t>(reach);
                    break;
                }
                case requirement_kind::interval_notes:
                    b.missing_intervals = res.missing_intervals;
                    b.portfolio_missing = portfolio_ && !res.portfolio_approved && as_of >= portfolio_deadline_;
                    if (res.missing_intervals)
                        b.closed = e.intervals()[static_cast<std::size_t>(std::countr_zero(res.missing_intervals))].until;
                    else
                        b.closed = portfolio_deadline_;
                    break;
                case requirement_kind::final_text: b.closed = res.deadline; break;
                case requirement_kind::festival: b.closed = e.cohort().last_day(); break;
            }
            if (res.kind == requirement_kind::festival) {
                // the last festival day
                for (std::size_t d = e.cohort().days().size(); d-- > 0;)
                    if (e.cohort().sessions()[e.cohort().session_of_day(d)].kind == session_kind::festival) {
                        b.closed = e.cohort().days()[d];
                        break;
                    }
            }
            out.blocked.push_back(b);
            continue;
        }
        if (res.state != requirement_state::pending) continue;

        switch (res.kind) {
            case requirement_kind::attendance: {
                // the fewest remaining days, attended with the best weight, that reach the bar:
                // (attended + k * w_best) * min_den >= min_num * counted, in a common denominator
                const std::int64_t L = std::lcm(res.attended.den(), wden_);
                const i128 a = static_cast<i128>(res.attended.num()) * (L / res.attended.den());
                const i128 w = static_cast<i128>(w_best_) * (L / wden_);
                const i128 gap = static_cast<i128>(min_num_) * res.counted_days * L - a * min_den_;
                const i128 per_day = w * min_den_;
                const auto k = static_cast<std::size_t>(gap <= 0 ? 0 : (gap + per_day - 1) / per_day);
                const std::size_t n = remaining_counted_.size();
                if (k == 0 || k > n) break;  // cannot happen for a pending result
                if (k == n) {
                    for (date day : remaining_counted_) {
                        next_step s;
                        s.kind = step_kind::attend;
                        s.requirement = req;
                        s.start = s.end = day;
                        out.steps.push_back(s);
                    }
                } else {
                    next_step s;
                    s.kind = step_kind::attend;
                    s.must = false;
                    s.requirement = req;
                    s.start = remaining_counted_.front();
                    s.end = remaining_counted_.back();
                    s.needed = static_cast<std::uint16_t>(k);
                    s.of = static_cast<std::uint16_t>(n);
                    out.steps.push_back(s);
                }
                later(remaining_counted_[k - 1]);
                break;
            }
            case requirement_kind::interval_notes: {
                const participant& p = e.participant(index);
                for (std::uint64_t bits = res.open_intervals; bits; bits &= bits - 1) {
                    const auto i = static_cast<std::size_t>(std::countr_zero(bits));
                    const interval& iv = e.intervals()[i];
                    std::uint16_t have = 0;
                    if (per_interval_ > 1) {
                        for (const submission& sub : p.submissions) {
                            if (sub.on > as_of || !(sub.on > iv.after && sub.on <= iv.until)) continue;
                            if (!(note_kinds_ & (1u << static_cast<unsigned>(sub.kind)))) continue;
                            if (notes_approval_ ? sub.status == submission_status::approved
                                                : sub.status != submission_status::rejected)
                                ++have;
                        }
                    }
                    next_step s;
                    s.kind = step_kind::note;
                    s.requirement = req;
                    s.start = std::max(iv.after + one_day, tomorrow);
                    s.end = iv.until;
                    s.needed = static_cast<std::uint16_t>(per_interval_ - std::min(have, per_interval_));
                    s.of = per_interval_;
                    s.interval = static_cast<std::uint16_t>(i);
                    s.kinds = note_kinds_;
                    s.approval = notes_approval_;
                    s.awaiting_approval = res.awaiting_approval;
                    out.steps.push_back(s);
                    later(s.start);
                }
                if (portfolio_ && !res.portfolio_approved) {
                    next_step s;
                    s.kind = step_kind::portfolio_approval;
                    s.requirement = req;
                    s.start = tomorrow;
                    s.end = portfolio_deadline_;
                    s.approval = true;
                    out.steps.push_back(s);
                }
                break;
            }
            case requirement_kind::final_text: {
                next_step s;
                s.kind = step_kind::final_text;
                s.requirement = req;
                s.start = tomorrow;
                s.end = res.deadline;
                s.kinds = categories_;
                s.approval = text_approval_;
                s.min_pages = min_pages_;
                s.max_pages = max_pages_;
                s.awaiting_approval = res.awaiting_approval;
                out.steps.push_back(s);
                break;
            }
            case requirement_kind::festival: {
                if (remaining_festival_.empty()) break;  // cannot happen for a pending result
                next_step s;
                s.kind = step_kind::festival;
                s.requirement = req;
                s.start = remaining_festival_.front();
                s.end = remaining_festival_.back();
                s.of = static_cast<std::uint16_t>(remaining_festival_.size());
                s.must = s.of == 1;
                s.roles = roles_;
                out.steps.push_back(s);
                later(s.start);
                break;
            }
        }
    }
    for (const next_step& s : out.steps)
        if (out.next_deadline.is_special() || s.end < out.next_deadline) out.next_deadline = s.end;
    if (pr.status == overall_status::in_progress) out.earliest_eligible = earliest;
}

next_steps next_steps_of(const evaluation& e, std::size_t participant) {
    return step_planner(e).plan(participant);
}

date due_on(const next_step& s) noexcept {
    switch (s.kind) {
        case step_kind::attend:
        case step_kind::festival: return s.start;
        case step_kind::note:
        case step_kind::portfolio_approval:
        case step_kind::final_text: break;
    }
    return s.end;
}

std::vector<std::uint32_t> coordinator_list::by_participant() const {
    std::vector<std::uint32_t> order(steps.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
        const due_step &x = steps[a], &y = steps[b];
        if (x.cohort != y.cohort) return x.cohort < y.cohort;
        if (x.participant != y.participant) return x.participant < y.participant;
        return x.due < y.due;
    });
    return order;
}

coordinator_list coordinator_list_of(const evaluation& e, int within_days) {
    const evaluation* one[] = {&e};
    return coordinator_list_of(std::span<const evaluation* const>(one), within_days);
}

coordinator_list coordinator_list_of(std::span<const evaluation* const> evaluations, int within_days) {
    if (within_days < 0) throw error(errc::invalid_argument, "coordinator list: expected within_days >= 0");
    coordinator_list out;
    out.within_days = within_days;
    next_steps ns;
    for (std::size_t ci = 0; ci < evaluations.size(); ++ci) {
        if (!evaluations[ci]) throw error(errc::invalid_argument, "coordinator list: evaluation " + std::to_string(ci) + " is null");
        const evaluation& e = *evaluations[ci];
        const auto cohort_no = static_cast<std::uint32_t>(ci);
        const date until = e.as_of() + boost::gregorian::days(within_days);
        const step_planner planner(e);
        at_risk_list risk;
        risk.cohort = cohort_no;
        risk.next_day = planner.next_counted_day();
        const std::size_t first_group = out.by_action.size();
        for (std::size_t i = 0; i < e.size(); ++i) {
            planner.plan(i, ns);
            if (ns.at_risk) risk.participants.push_back(static_cast<std::uint32_t>(i));
            for (const next_step& s : ns.steps) {
                const date due = due_on(s);
                if (due <= e.as_of() || due > until) continue;
                out.steps.push_back({cohort_no, static_cast<std::uint32_t>(i), due, s});
                // group with the same action of this cohort
                next_step key = s;
                key.awaiting_approval = 0;
                action_group* g = nullptr;
                for (std::size_t k = first_group; k < out.by_action.size() && !g; ++k) {
                    next_step other = out.by_action[k].step;
                    other.awaiting_approval = 0;
                    if (other == key) g = &out.by_action[k];
                }
                if (!g) {
                    out.by_action.push_back({cohort_no, due, s, {}});
                    g = &out.by_action.back();
                    g->step.awaiting_approval = 0;
                }
                g->step.awaiting_approval = static_cast<std::uint16_t>(g->step.awaiting_approval + s.awaiting_approval);
                g->participants.push_back(static_cast<std::uint32_t>(i));
            }
        }
        if (!risk.participants.empty()) out.at_risk.push_back(std::move(risk));
    }
    std::stable_sort(out.steps.begin(), out.steps.end(), [](const due_step& a, const due_step& b) {
        if (a.due != b.due) return a.due < b.due;
        if (a.cohort != b.cohort) return a.cohort < b.cohort;
        return a.participant < b.participant;
    });
    std::stable_sort(out.by_action.begin(), out.by_action.end(), [](const action_group& a, const action_group& b) {
        if (a.due != b.due) return a.due < b.due;
        return a.cohort < b.cohort;
    });
    return out;
}

namespace {

template <class E>
std::string labels_of(unsigned bits, lang l, unsigned count) {
    std::vector<std::string> items;
    for (unsigned i = 0; i < count; ++i)
        if (bits & (1u << i)) items.emplace_back(label(static_cast<E>(i), l));
    return detail::or_list(items, l);
}

std::string window(date a, date b, lang l) {
    if (a == b) return detail::day_text(a, l);
    return detail::day_text(a, l) + (l == lang::en ? " – " : "–") + detail::day_text(b, l);
}

std::string awaiting(const next_step& s, lang l) {
    if (!s.awaiting_approval) return {};
    return "; " + std::to_string(s.awaiting_approval) + t(l, " venter på godkjenning", " ventar på godkjenning",
                                                          " awaiting approval");
}

}  // namespace

std::string describe(const next_step& s, lang l) {
    switch (s.kind) {
        case step_kind::attend:
            if (s.needed == s.of && s.of == 1)
                return t(l, "Møt opp ", "Møt opp ", "Attend on ") + detail::day_text(s.start, l);
            return t(l, "Møt opp minst ", "Møt opp minst ", "Attend at least ") + std::to_string(s.needed) +
                   t(l, " av de ", " av dei ", " of the ") + std::to_string(s.of) +
                   t(l, " dagene ", " dagane ", " days ") + window(s.start, s.end, l);
        case step_kind::note: {
            std::string out = t(l, "Lever ", "Lever ", "Submit ") + std::to_string(s.needed) + " " +
                              (l == lang::en ? (s.needed == 1 ? "note" : "notes") : "notat") + " (" +
                              labels_of<submission_kind>(s.kinds, l, 6) + ")" +
                              t(l, " datert ", " datert ", " dated ") + window(s.start, s.end, l);
            if (s.approval) out += t(l, ", må godkjennes", ", må godkjennast", ", to be approved");
            return out + awaiting(s, l);
        }
        case step_kind::portfolio_approval:
            return t(l, "Få arbeidsmappen godkjent innen ", "Få arbeidsmappa godkjend innan ",
                     "Have the portfolio approved by ") +
                   detail::day_text(s.end, l);
        case step_kind::final_text: {
            std::string out = t(l, "Lever avsluttende tekst", "Lever avsluttande tekst", "Submit the final text");
            final_text_rule f;
            if (s.min_pages) f.min_pages = s.min_pages;
            if (s.max_pages) f.max_pages = s.max_pages;
            std::string extra;
            if (f.min_pages || f.max_pages) extra = detail::pages_range(f, l) + t(l, " sider", " sider", " pages");
            if (s.kinds) {
                if (!extra.empty()) extra += "; ";
                extra += labels_of<final_category>(s.kinds, l, 6);
            }
            if (!extra.empty()) out += " (" + extra + ")";
            out += t(l, " innen ", " innan ", " by ") + detail::day_text(s.end, l);
            if (s.approval) out += t(l, ", må godkjennes", ", må godkjennast", ", to be approved");
            return out + awaiting(s, l);
        }
        case step_kind::festival: {
            std::string out = t(l, "Vær til stede på festivalen ", "Ver til stades på festivalen ",
                                 "Be present at the festival ");
            if (s.of > 1)
                out += t(l, "én av dagene ", "éin av dagane ", "on one of the days ") + window(s.start, s.end, l);
            else
                out += t(l, "", "", "on ") + detail::day_text(s.start, l);
            if (s.roles) out += t(l, " (rolle: ", " (rolle: ", " (role: ") + labels_of<festival_role>(s.roles, l, 4) + ")";
            return out;
        }
    }
    return {};
}

std::string describe(const action_group& g, lang l) {
    const std::size_t n = g.participants.size();
    return std::to_string(n) + " " +
           (n == 1 ? t(l, "deltaker", "deltakar", "participant") : t(l, "deltakere", "deltakarar", "participants")) +
           ": " + describe(g.step, l);
}

namespace {

/// "notat mangler for perioden A–B" / "... periodene A–B og C–D" for the missing intervals.
std::string missing_notes(std::uint64_t bits, const std::vector<interval>& intervals, lang l) {
    std::vector<std::string> windows;
    for (; bits; bits &= bits - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(bits));
        if (i >= intervals.size()) throw error(errc::invalid_argument, "blocked requirement: interval out of range");
        windows.push_back(window(intervals[i].after + one_day, intervals[i].until, l));
    }
    std::string list;
    for (std::size_t k = 0; k < windows.size(); ++k) {
        if (k) list += k + 1 == windows.size() ? t(l, " og ", " og ", " and ") : ", ";
        list += windows[k];
    }
    if (windows.size() == 1)
        return t(l, "notat mangler for perioden ", "notat manglar for perioden ", "a note is missing for the interval ") +
               list;
    return t(l, "notat mangler for periodene ", "notat manglar for periodane ", "notes are missing for the intervals ") +
           list;
}

std::string blocked_text(const blocked_requirement& b, const programme& p, const std::vector<interval>* intervals,
                         lang l);

}  // namespace

std::string describe(const blocked_requirement& b, const programme& p, lang l) { return blocked_text(b, p, nullptr, l); }

std::string describe(const blocked_requirement& b, const evaluation& e, lang l) {
    return blocked_text(b, e.programme(), &e.intervals(), l);
}

std::string describe(const blocked_requirement& b, const programme& p, const std::vector<interval>& intervals, lang l) {
    return blocked_text(b, p, &intervals, l);
}

namespace {

std::string blocked_text(const blocked_requirement& b, const programme& p, const std::vector<interval>* intervals,
                         lang l) {
    if (b.requirement >= p.requirements.size())
        throw error(errc::invalid_argument, "blocked requirement: requirement index out of range");
    const requirement& req = p.requirements[b.requirement];
    const std::string name = req.label.empty() ? req.id : req.label.get(l);
    std::string why;
    switch (b.kind) {
        case requirement_kind::attendance:
            why = t(l, "høyst ", "høgst ", "at most ") + std::to_string(b.reachable_days) +
                  t(l, " av ", " av ", " of ") + std::to_string(b.required_days) +
                  t(l, " dager kan nås", " dagar kan nåast", " days can be reached");
            break;
        case requirement_kind::interval_notes:
            why = b.missing_intervals && intervals ? missing_notes(b.missing_intervals, *intervals, l)
                  : b.missing_intervals ? t(l, "notat mangler for en avsluttet periode", "notat manglar for ein avslutta periode",
                                          "a note is missing for a closed interval")
                                      : t(l, "arbeidsmappen ble ikke godkjent i tide", "arbeidsmappa vart ikkje godkjend i tide",
                                          "the portfolio was not approved in time");
            break;
        case requirement_kind::final_text:
            why = t(l, "fristen var ", "fristen var ", "the deadline was ") + detail::day_text(b.closed, l);
            break;
        case requirement_kind::festival:
            why = t(l, "festivalen var ", "festivalen var ", "the festival was ") + detail::day_text(b.closed, l);
            break;
    }
    return t(l, "Kan ikke lenger oppfylles: ", "Kan ikkje lenger oppfyllast: ", "Can no longer be met: ") + name +
           " (" + why + t(l, "); krever fritak ", "); krev fritak ", "); needs exemption ") + "«" + req.id + "»";
}

}  // namespace

}  // namespace smart
