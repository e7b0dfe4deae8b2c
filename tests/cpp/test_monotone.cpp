// `met` and `unmet` are final (issue #10, docs/rules.md "States are final"): for many
// generated cohorts, evaluated as of every day from before the first day to after the last
// deadline, a requirement that is met or unmet never changes again except to exempt (a dated
// exemption starting), an exemption never ends, nothing is pending after the last deadline,
// and the overall status is likewise final once eligible or not eligible.
//
// The generator is seeded and uses no standard distribution (their output differs between
// standard libraries), so every run checks the same cohorts.
#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace smart;
using th::d;
using S = requirement_state;
using A = attendance_status;
namespace bg = boost::gregorian;

namespace {

/// splitmix64: small, fast, the same everywhere.
struct rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// An integer in [lo, hi].
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    bool chance(int percent) { return between(0, 99) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(between(0, static_cast<int>(v.size()) - 1))];
    }
};

date plus(date x, int days) { return x + bg::days(days); }

/// A random schedule: perhaps a kick-off, 2 to 8 gatherings of 1 to 3 days (days not
/// always consecutive), perhaps an "other" session between two of them, and a festival of
/// one or two days.
std::vector<session> random_schedule(rng& r) {
    std::vector<session> out;
    date day = plus(d("2024-08-01"), r.between(0, 60));
    if (r.chance(30)) {
        out.push_back(th::make_session("kick", session_kind::kick_off, {day}));
        day = plus(day, r.between(3, 30));
    }
    const int gatherings = r.between(2, 8);
    const int other_after = r.chance(30) ? r.between(1, gatherings - 1) : -1;
    for (int g = 1; g <= gatherings; ++g) {
        std::vector<date> days{day};
        for (int k = r.between(0, 2); k > 0; --k) days.push_back(day = plus(day, r.chance(80) ? 1 : 2));
        out.push_back(th::gathering("g" + std::to_string(g), days));
        day = plus(day, r.between(2, 50));
        if (g == other_after) {
            out.push_back(th::make_session("other", session_kind::other, {day}));
            day = plus(day, r.between(2, 20));
        }
    }
    std::vector<date> fest{day};
    if (r.chance(15)) fest.push_back(plus(day, 1));
    out.push_back(th::make_session("festival", session_kind::festival, fest));
    return out;
}

bool has_kind(const std::vector<session>& schedule, session_kind k) {
    return std::any_of(schedule.begin(), schedule.end(), [&](const session& s) { return s.kind == k; });
}

ratio random_weight(rng& r) {
    static const std::vector<ratio> weights{ratio(0), ratio(1, 2), ratio(3, 4), ratio(1)};
    return r.pick(weights);
}

/// Custom rules, random but meetable on `schedule` (every rule variant the programme
/// format allows: weights, counted kinds, approval, portfolio and its deadline, page
/// ranges, categories, deadlines, roles).
std::vector<requirement> random_rules(rng& r, const std::vector<session>& schedule) {
    const date last = schedule.back().last_day();
    std::vector<requirement> reqs;
    if (r.chance(80)) {
        attendance_rule a;
        static const std::vector<ratio> minimums{ratio(1, 2), ratio(2, 3), ratio(3, 4), ratio(4, 5), ratio(1)};
        a.min_ratio = r.pick(minimums);
        a.weight_present = r.chance(75) ? ratio(1) : ratio(1, 2);
        a.weight_late = random_weight(r);
        a.weight_excused = r.chance(60) ? ratio(0) : random_weight(r);
        if (r.chance(40)) {
            a.counted_kinds.clear();
            for (session_kind k : {session_kind::gathering, session_kind::festival, session_kind::kick_off,
                                   session_kind::other})
                if (has_kind(schedule, k) && r.chance(50)) a.counted_kinds.push_back(k);
            if (a.counted_kinds.empty()) a.counted_kinds.push_back(session_kind::gathering);
        }
        reqs.push_back(th::attendance(a));
    }
    if (r.chance(75)) {
        interval_notes_rule n;
        n.per_interval = r.chance(70) ? 1 : r.between(2, 3);
        if (r.chance(40)) {
            n.accepted_kinds.clear();
            for (submission_kind k : {submission_kind::reflection, submission_kind::practice_blog,
                                      submission_kind::practice_document, submission_kind::portfolio})
                if (r.chance(50)) n.accepted_kinds.push_back(k);
            if (n.accepted_kinds.empty()) n.accepted_kinds.push_back(submission_kind::practice_document);
        }
        n.require_approval = r.chance(30);
        n.require_portfolio_approval = r.chance(35);
        if (n.require_portfolio_approval && r.chance(50)) n.portfolio_deadline = plus(last, r.between(-60, 40));
        reqs.push_back(th::notes(n));
    }
    if (r.chance(75)) {
        final_text_rule f;
        if (r.chance(50)) f.min_pages = r.between(1, 3);
        if (r.chance(50)) f.max_pages = f.min_pages.value_or(1) + r.between(0, 2);
        if (r.chance(30)) f.categories = {final_category::method, final_category::insight};
        f.require_approval = r.chance(30);
        if (r.chance(40)) f.deadline = plus(last, r.between(-50, 50));
        reqs.push_back(th::final_text(f));
    }
    if (r.chance(70)) {
        festival_rule fe;
        if (r.chance(40)) fe.roles = {festival_role::exhibition, festival_role::process_leader};
        reqs.push_back(th::festival_req(fe));
    }
    // shuffle the order a little: requirements are evaluated by kind, listed in any order
    if (reqs.size() > 1 && r.chance(30)) std::swap(reqs.front(), reqs.back());
    return reqs;
}

/// A date near the cohort's period (some before, some after).
date around(rng& r, const cohort& c, int before, int after) {
    const int span = (c.last_day() - c.first_day()).days();
    return plus(c.first_day(), r.between(-before, span + after));
}

template <class E>
E random_enum(rng& r, int count) {
    return static_cast<E>(r.between(0, count - 1));
}

/// A participant with random records of every kind.
participant random_participant(rng& r, const cohort& c, int index) {
    participant p = th::person("p" + std::to_string(index));
    const int diligence = r.between(40, 100);  // how often things go right
    if (!r.chance(15)) {
        p.attendance.resize(c.days().size());
        for (auto& a : p.attendance)
            a = r.chance(diligence) ? (r.chance(85) ? A::present : A::late) : random_enum<A>(r, 5);
    }
    p.festival_role = random_enum<festival_role>(r, 4);
    // notes: some in each interval (well placed), some anywhere
    const auto& ss = c.sessions();
    const session* prev = nullptr;
    for (const auto& s : ss) {
        if (s.kind != session_kind::gathering) continue;
        if (prev) {
            const int gap = (s.first_day() - prev->last_day()).days();
            for (int k = r.chance(diligence) ? r.between(1, 3) : 0; k > 0; --k) {
                submission note = th::doc(random_enum<submission_kind>(r, 3), plus(prev->last_day(), r.between(1, gap)));
                note.status = r.chance(diligence) ? submission_status::approved : random_enum<submission_status>(r, 3);
                p.submissions.push_back(note);
            }
        }
        prev = &s;
    }
    for (int k = r.between(0, 4); k > 0; --k) {
        submission s = th::doc(random_enum<submission_kind>(r, 5), around(r, c, 20, 60));
        s.status = random_enum<submission_status>(r, 3);
        if (r.chance(50)) s.pages = static_cast<std::uint16_t>(r.between(1, 6));
        if (s.kind == submission_kind::final_text) s.category = random_enum<final_category>(r, 6);
        p.submissions.push_back(s);
    }
    // final texts and portfolios around the end
    for (int k = r.between(0, 2); k > 0; --k) {
        submission s = th::text(plus(c.last_day(), r.between(-90, 60)));
        s.status = r.chance(diligence) ? submission_status::approved : random_enum<submission_status>(r, 3);
        if (r.chance(70)) s.pages = static_cast<std::uint16_t>(r.between(1, 5));
        if (r.chance(50)) s.category = random_enum<final_category>(r, 6);
        p.submissions.push_back(s);
    }
    for (int k = r.between(0, 2); k > 0; --k) {
        submission s = th::doc(submission_kind::portfolio, plus(c.last_day(), r.between(-60, 60)));
        s.status = r.chance(diligence) ? submission_status::approved : random_enum<submission_status>(r, 3);
        p.submissions.push_back(s);
    }
    for (const auto& req : c.programme().requirements)
        if (r.chance(12)) {
            exemption x{req.id, "Permisjon", "Koordinator", std::nullopt};
            if (r.chance(60)) x.granted_on = around(r, c, 30, 60);
            p.exemptions.push_back(x);
        }
    return p;
}

void add_random_participants(rng& r, cohort& c, int n) {
    std::vector<participant> ps;
    for (int i = 0; i < n; ++i) ps.push_back(random_participant(r, c, i));
    c.add_participants(std::move(ps));
}

/// The last day any requirement of the cohort can still be undecided.
date last_deadline(const cohort& c) {
    date out = c.last_day();
    for (const auto& req : c.programme().requirements) {
        if (const auto* f = std::get_if<final_text_rule>(&req.rule); f && f->deadline) out = std::max(out, *f->deadline);
        if (const auto* n = std::get_if<interval_notes_rule>(&req.rule); n && n->portfolio_deadline)
            out = std::max(out, *n->portfolio_deadline);
    }
    return out;
}

/// What the checks saw, so a generator that stopped producing some case is noticed.
struct coverage {
    std::size_t evaluations = 0;
    std::size_t became_met = 0, became_unmet = 0, became_exempt = 0, eligible = 0, not_eligible = 0;
};

bool final_state(S s) { return s == S::met || s == S::unmet; }
bool final_status(overall_status s) { return s == overall_status::eligible || s == overall_status::not_eligible; }

/// Evaluates `c` as of every day from a few days before its first day to a few days after
/// its last deadline and checks the property; returns the number of violations (the first
/// few are reported).
std::size_t check_final(const cohort& c, const std::string& what, coverage& seen) {
    const date from = plus(c.first_day(), -3), deadline = last_deadline(c), to = plus(deadline, 3);
    const std::size_t n = c.size(), R = c.programme().requirements.size();
    std::vector<S> before(n * R);
    std::vector<date> on_before(n * R);  // final text / festival: the date that made it met
    std::vector<overall_status> status_before(n);
    std::size_t violations = 0;
    auto report = [&](const std::string& message) {
        if (++violations <= 5) FAIL_CHECK(what << ": " << message);
    };
    for (date day = from; day <= to; day += bg::days(1)) {
        const evaluation e = evaluate(c, day);
        ++seen.evaluations;
        for (std::size_t i = 0; i < n; ++i) {
            const auto reqs = e.requirements(i);
            bool newly_exempt = false;
            for (std::size_t q = 0; q < R; ++q) {
                const S now = reqs[q].state, then = before[i * R + q];
                auto where = [&] {
                    std::ostringstream o;
                    o << c.participants()[i].id << ", requirement " << c.programme().requirements[q].id << ", as of "
                      << to_iso(day) << ": ";
                    return o.str();
                };
                if (day > from) {
                    if (final_state(then) && now != then && now != S::exempt)
                        report(where() + to_string(then) + " became " + to_string(now));
                    if (then == S::exempt && now != S::exempt) report(where() + "exempt became " + to_string(now));
                    if (then == S::met && now == S::met && reqs[q].on != on_before[i * R + q])
                        report(where() + "met by the record of " + to_iso(on_before[i * R + q]) + ", then by " +
                               to_iso(reqs[q].on));
                    newly_exempt = newly_exempt || (now == S::exempt && then != S::exempt);
                    if (then == S::pending) {
                        seen.became_met += now == S::met;
                        seen.became_unmet += now == S::unmet;
                    }
                    seen.became_exempt += now == S::exempt && then != S::exempt;
                }
                if (day >= deadline && now == S::pending)
                    report(where() + "pending after the last deadline " + to_iso(deadline));
                before[i * R + q] = now;
                on_before[i * R + q] = reqs[q].on;
            }
            const overall_status now = e.result(i).status;
            if (day > from && final_status(status_before[i]) && now != status_before[i] && !newly_exempt)
                report(c.participants()[i].id + " as of " + to_iso(day) + ": " + to_string(status_before[i]) +
                       " became " + to_string(now) + " with no exemption starting");
            if (day >= deadline && now == overall_status::in_progress)
                report(c.participants()[i].id + " as of " + to_iso(day) + ": in progress after the last deadline");
            status_before[i] = now;
            if (day == to) {
                seen.eligible += now == overall_status::eligible;
                seen.not_eligible += now == overall_status::not_eligible;
            }
            // warnings stay one per kind whatever the day
            std::uint32_t kinds = 0;
            for (const auto& w : e.warnings_of(i)) {
                const std::uint32_t bit = 1u << static_cast<unsigned>(w.kind);
                if (kinds & bit) report(c.participants()[i].id + " as of " + to_iso(day) + ": two warnings of a kind");
                kinds |= bit;
            }
        }
    }
    return violations;
}

void check_coverage(const coverage& seen) {
    INFO("evaluations " << seen.evaluations << ", pending->met " << seen.became_met << ", pending->unmet "
                        << seen.became_unmet << ", ->exempt " << seen.became_exempt << ", eligible "
                        << seen.eligible << ", not eligible " << seen.not_eligible);
    CHECK(seen.evaluations > 1000);
    CHECK(seen.became_met > 100);
    CHECK(seen.became_unmet > 100);
    CHECK(seen.became_exempt > 5);
    CHECK(seen.eligible > 5);
    CHECK(seen.not_eligible > 5);
}

}  // namespace

TEST_CASE("met and unmet are final on generated cohorts with custom rules", "[monotone][property]") {
    rng r{20241018};
    coverage seen;
    std::size_t violations = 0;
    for (int k = 0; k < 300; ++k) {
        const auto schedule = random_schedule(r);
        const auto rules = random_rules(r, schedule);
        const bool own_schedule = r.chance(50);  // the programme's default, or the cohort's own
        const auto prog = th::programme_of(own_schedule ? schedule : std::vector<session>{}, rules,
                                           "custom-" + std::to_string(k));
        cohort c = own_schedule ? cohort(prog, "c" + std::to_string(k), "Kull")
                                : cohort(prog, "c" + std::to_string(k), "Kull", std::nullopt, schedule);
        add_random_participants(r, c, r.between(6, 12));
        violations += check_final(c, "custom cohort " + std::to_string(k), seen);
    }
    CHECK(violations == 0);
    check_coverage(seen);
}

TEST_CASE("met and unmet are final on generated cohorts of the built-in programmes", "[monotone][property]") {
    rng r{9042025};
    coverage seen;
    std::size_t violations = 0;
    for (const auto& id : catalogue::programme_ids()) {
        const auto prog = catalogue::get(id);
        for (int k = 0; k < 10; ++k) {
            // the programme's own dated schedule where it has one, else a generated one
            bool dated = !prog->sessions.empty();
            for (const auto& s : prog->sessions) dated = dated && !s.days.empty();
            std::vector<session> schedule;  // empty: the programme's own
            if (!dated || k % 2 == 1) schedule = random_schedule(r);
            cohort c(prog, "c" + std::to_string(k), "Kull", std::nullopt, schedule, id);
            add_random_participants(r, c, r.between(8, 16));
            violations += check_final(c, id + " cohort " + std::to_string(k), seen);
        }
    }
    CHECK(violations == 0);
    check_coverage(seen);
}

TEST_CASE("met and unmet are final on the demo cohort and synthetic cohorts", "[monotone][property]") {
    coverage seen;
    std::size_t violations = check_final(catalogue::demo_cohort(), "demo cohort", seen);
    synthetic::options o;
    o.years = 2;
    o.participants = 30;
    for (const cohort& c : synthetic::cohort_series(o)) violations += check_final(c, c.id(), seen);
    CHECK(violations == 0);
    CHECK(seen.became_met > 0);
    CHECK(seen.became_unmet > 0);
}

TEST_CASE("a met final text shows the earliest text that counts, whatever the record order", "[monotone][final-text]") {
    cohort c = th::cohort_with_one(th::programme_of(th::trainer_schedule(), {th::final_text()}));
    c.add_submission("p1", th::text(d("2025-03-01"), 3));
    c.add_submission("p1", th::text(d("2025-02-01"), 2));
    for (const char* day : {"2025-02-01", "2025-03-01", "2025-04-30"}) {
        INFO(day);
        const auto r = evaluate(c, d(day)).requirements(0)[0];
        CHECK(r.state == S::met);
        CHECK(r.on == d("2025-02-01"));
        CHECK(r.pages == 2);
    }
}
