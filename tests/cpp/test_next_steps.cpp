// Next steps (docs/next-steps.md): hand-made cases at the window edges and thresholds, and
// the property from issue 14 over generated cohorts: doing exactly the must steps (and the
// minimum of the options) makes a participant eligible; leaving out any must step does not;
// and what an eligible participant did after the as-of date was on their list.
#include <nlohmann/json.hpp>
#include <array>
#include <bit>
#include <random>
#include <set>

#include "helpers.hpp"

using namespace smart;
using th::d;
using A = attendance_status;
using K = step_kind;

namespace {

const boost::gregorian::days one_day{1};

/// The trainer 2024 schedule with all four rules: 80 %, a note per interval, a 2–3 page
/// final text, the festival.
final_text_rule pages_2_to_3() {
    final_text_rule f;
    f.min_pages = 2;
    f.max_pages = 3;
    return f;
}

cohort trainer_full(final_text_rule ft = pages_2_to_3(), interval_notes_rule nr = {}, festival_rule fr = {}) {
    return th::cohort_with_one(th::programme_of(
        th::trainer_schedule(), {th::attendance(), th::notes(nr), th::final_text(ft), th::festival_req(fr)}));
}

std::vector<next_step> of_kind(const next_steps& ns, K k) {
    std::vector<next_step> out;
    for (const auto& s : ns.steps)
        if (s.kind == k) out.push_back(s);
    return out;
}

}  // namespace

TEST_CASE("next steps after the first gathering: attend 5 of 6, a note per interval, text, festival", "[next_steps]") {
    cohort c = trainer_full();
    const auto days = th::trainer_days();
    th::record(c, "p1", {days[0], days[1]}, A::present);
    const evaluation e = evaluate(c, days[1]);
    const next_steps ns = next_steps_of(e, 0);
    CHECK(ns.status == overall_status::in_progress);
    CHECK_FALSE(ns.at_risk);
    CHECK(ns.blocked.empty());

    const auto attend = of_kind(ns, K::attend);
    REQUIRE(attend.size() == 1);
    CHECK_FALSE(attend[0].must);
    CHECK(attend[0].needed == 5);  // 7 of 8 needed, 2 attended
    CHECK(attend[0].of == 6);
    CHECK(attend[0].start == days[2]);
    CHECK(attend[0].end == days[7]);
    CHECK(attend[0].requirement == 0);

    const auto notes = of_kind(ns, K::note);
    REQUIRE(notes.size() == 3);
    CHECK(notes[0].interval == 0);
    CHECK(notes[0].start == d("2024-09-20"));  // strictly after the gathering's last day
    CHECK(notes[0].end == d("2024-11-13"));    // up to and including the next first day
    CHECK(notes[2].start == d("2025-01-17"));
    CHECK(notes[2].end == d("2025-03-12"));
    CHECK(notes[0].needed == 1);
    CHECK(notes[0].must);
    CHECK(notes[0].kinds == ((1u << unsigned(submission_kind::reflection)) | (1u << unsigned(submission_kind::practice_blog)) |
                             (1u << unsigned(submission_kind::practice_document))));

    const auto text = of_kind(ns, K::final_text);
    REQUIRE(text.size() == 1);
    CHECK(text[0].min_pages == 2);
    CHECK(text[0].max_pages == 3);
    CHECK(text[0].start == days[1] + one_day);
    CHECK(text[0].end == th::trainer_festival_day);

    const auto fest = of_kind(ns, K::festival);
    REQUIRE(fest.size() == 1);
    CHECK(fest[0].must);
    CHECK(fest[0].start == th::trainer_festival_day);

    CHECK(ns.next_deadline == d("2024-11-13"));
    CHECK(ns.earliest_eligible == th::trainer_festival_day);
}

TEST_CASE("no slack left: every remaining counted day is a must step of its own", "[next_steps]") {
    cohort c = trainer_full();
    const auto days = th::trainer_days();
    c.set_attendance("p1", days[0], A::present);
    c.set_attendance("p1", days[1], A::absent);
    c.add_submission("p1", th::note(d("2024-10-01")));
    const next_steps ns = next_steps_of(evaluate(c, days[1]), 0);
    CHECK(ns.at_risk);
    const auto attend = of_kind(ns, K::attend);
    REQUIRE(attend.size() == 6);
    for (std::size_t i = 0; i < attend.size(); ++i) {
        CHECK(attend[i].must);
        CHECK(attend[i].start == days[i + 2]);
        CHECK(attend[i].end == days[i + 2]);
    }
    // one more absence: attendance can no longer be met, and the exemption it needs is named
    c.set_attendance("p1", days[2], A::absent);
    const evaluation e = evaluate(c, days[2]);
    const next_steps blocked = next_steps_of(e, 0);
    CHECK(blocked.status == overall_status::not_eligible);
    REQUIRE(blocked.blocked.size() == 1);
    CHECK(blocked.blocked[0].kind == requirement_kind::attendance);
    CHECK(blocked.blocked[0].required_days == 7);
    CHECK(blocked.blocked[0].reachable_days == 6);
    CHECK(blocked.earliest_eligible.is_special());
    CHECK(of_kind(blocked, K::attend).empty());
    CHECK(!of_kind(blocked, K::festival).empty());  // what would remain with the exemption
    CHECK(describe(blocked.blocked[0], e.programme(), lang::en).find("«attendance»") != std::string::npos);
}

TEST_CASE("a note's window closes at the end of the next gathering's first day", "[next_steps]") {
    cohort c = trainer_full();
    const auto days = th::trainer_days();
    th::record(c, "p1", {days[0], days[1]}, A::present);
    const date until = d("2024-11-13");
    {
        const next_steps ns = next_steps_of(evaluate(c, until - one_day), 0);
        const auto notes = of_kind(ns, K::note);
        REQUIRE(notes.size() == 3);
        CHECK(notes[0].start == until);  // one day left: the as-of day has happened
        CHECK(notes[0].end == until);
        CHECK(ns.next_deadline == until);
    }
    {
        const evaluation e = evaluate(c, until);
        const next_steps ns = next_steps_of(e, 0);
        CHECK(ns.status == overall_status::not_eligible);
        REQUIRE(ns.blocked.size() == 1);
        CHECK(ns.blocked[0].kind == requirement_kind::interval_notes);
        CHECK(ns.blocked[0].missing_intervals == 1u);
        CHECK(ns.blocked[0].closed == until);
        // the exemption would waive the whole requirement: no note steps remain
        CHECK(of_kind(ns, K::note).empty());
        CHECK(of_kind(ns, K::final_text).size() == 1);
    }
    // a note dated on the last day counts for the interval: no step for it any more
    c.add_submission("p1", th::note(until));
    const next_steps ns = next_steps_of(evaluate(c, until), 0);
    CHECK(ns.status == overall_status::in_progress);
    const auto notes = of_kind(ns, K::note);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].interval == 1);
    CHECK(notes[0].start == d("2024-11-15"));
}

TEST_CASE("blocked notes name the intervals missed, with their dates, in nb, nn and en", "[next_steps]") {
    cohort c = trainer_full();
    th::record(c, "p1", th::trainer_days(), A::present);
    {
        const evaluation e = evaluate(c, d("2024-11-13"));
        const next_steps ns = next_steps_of(e, 0);
        REQUIRE(ns.blocked.size() == 1);
        const blocked_requirement& b = ns.blocked[0];
        CHECK(describe(b, e, lang::nb).find("(notat mangler for perioden 20.9.2024–13.11.2024); krever fritak «notes»") !=
              std::string::npos);
        CHECK(describe(b, e, lang::nn).find("(notat manglar for perioden 20.9.2024–13.11.2024); krev fritak") !=
              std::string::npos);
        CHECK(describe(b, e, lang::en).find("(a note is missing for the interval 20 September 2024 – 13 November 2024)") !=
              std::string::npos);
    }
    const evaluation e = evaluate(c, d("2025-01-15"));
    const next_steps ns = next_steps_of(e, 0);
    REQUIRE(ns.blocked.size() == 1);
    CHECK(ns.blocked[0].missing_intervals == 3u);
    CHECK(describe(ns.blocked[0], e, lang::nb).find(
              "notat mangler for periodene 20.9.2024–13.11.2024 og 15.11.2024–15.1.2025") != std::string::npos);
    CHECK(describe(ns.blocked[0], e, lang::nn).find(
              "notat manglar for periodane 20.9.2024–13.11.2024 og 15.11.2024–15.1.2025") != std::string::npos);
    CHECK(describe(ns.blocked[0], e, lang::en).find("notes are missing for the intervals 20 September 2024 – 13 "
                                                    "November 2024 and 15 November 2024 – 15 January 2025") !=
          std::string::npos);
    // the document carries the same words
    const auto doc = nlohmann::json::parse(next_steps_to_json(e));
    CHECK(doc["participants"][0]["blocked"][0]["text"]["nb"] == describe(ns.blocked[0], e, lang::nb));
}

TEST_CASE("two notes per interval: the step asks for the ones still missing", "[next_steps]") {
    interval_notes_rule two;
    two.per_interval = 2;
    two.require_approval = true;
    cohort c = trainer_full({}, two);
    c.add_submission("p1", th::note(d("2024-10-01"), submission_status::approved));
    c.add_submission("p1", th::note(d("2024-10-02")));  // submitted, not approved yet
    const next_steps ns = next_steps_of(evaluate(c, d("2024-10-05")), 0);
    const auto notes = of_kind(ns, K::note);
    REQUIRE(notes.size() == 3);
    CHECK(notes[0].needed == 1);
    CHECK(notes[0].of == 2);
    CHECK(notes[0].approval);
    CHECK(notes[0].awaiting_approval == 1);
    CHECK(notes[1].needed == 2);
    CHECK(describe(notes[0], lang::nb).find("må godkjennes") != std::string::npos);
}

TEST_CASE("festival roles, portfolio approval, categories reach the steps", "[next_steps]") {
    final_text_rule ft;
    ft.categories = {final_category::method, final_category::results};
    ft.require_approval = true;
    interval_notes_rule nr;
    nr.require_portfolio_approval = true;
    festival_rule fr;
    fr.roles = {festival_role::exhibition, festival_role::workshop};
    cohort c = trainer_full(ft, nr, fr);
    const evaluation first = evaluate(c, d("2024-09-18"));
    for (const auto& iv : first.intervals()) c.add_submission("p1", th::note(iv.until));
    const next_steps ns = next_steps_of(evaluate(c, d("2025-03-20")), 0);
    // no day recorded: attendance can no longer be met, but the other steps are listed
    CHECK(ns.status == overall_status::not_eligible);
    REQUIRE(ns.blocked.size() == 1);
    CHECK(ns.blocked[0].kind == requirement_kind::attendance);
    CHECK(ns.blocked[0].reachable_days == 0);
    const auto fest = of_kind(ns, K::festival);
    REQUIRE(fest.size() == 1);
    CHECK(fest[0].roles == ((1u << unsigned(festival_role::exhibition)) | (1u << unsigned(festival_role::workshop))));
    const auto port = of_kind(ns, K::portfolio_approval);
    REQUIRE(port.size() == 1);
    CHECK(port[0].end == th::trainer_festival_day);
    const auto text = of_kind(ns, K::final_text);
    REQUIRE(text.size() == 1);
    CHECK(text[0].approval);
    CHECK(text[0].kinds == ((1u << unsigned(final_category::method)) | (1u << unsigned(final_category::results))));
    CHECK(describe(fest[0], lang::en) == "Be present at the festival on 9 April 2025 (role: exhibition or workshop)");
    CHECK(describe(fest[0], lang::nn) == "Ver til stades på festivalen 9.4.2025 (rolle: utstilling eller verkstadbidrag)");
    CHECK(describe(text[0], lang::nb) == "Lever avsluttende tekst (metode eller resultater) innen 9.4.2025, må godkjennes");
}

TEST_CASE("the final text's deadline day is its last day; the festival day is the festival's", "[next_steps]") {
    cohort c = trainer_full();
    const auto days = th::trainer_days();
    th::record(c, "p1", days, A::present);
    const evaluation first = evaluate(c, days[0]);
    for (const auto& iv : first.intervals()) c.add_submission("p1", th::note(iv.until));
    {
        const next_steps ns = next_steps_of(evaluate(c, th::trainer_festival_day - one_day), 0);
        REQUIRE(ns.steps.size() == 2);
        CHECK(ns.steps[0].kind == K::final_text);
        CHECK(ns.steps[0].start == th::trainer_festival_day);
        CHECK(ns.steps[0].end == th::trainer_festival_day);
        CHECK(ns.steps[1].kind == K::festival);
        CHECK(ns.earliest_eligible == th::trainer_festival_day);
        CHECK(describe(ns.steps[0], lang::en) == "Submit the final text (2–3 pages) by 9 April 2025");
    }
    const next_steps late = next_steps_of(evaluate(c, th::trainer_festival_day), 0);
    CHECK(late.status == overall_status::not_eligible);
    CHECK(late.steps.empty());
    CHECK(late.blocked.size() == 2);
}

TEST_CASE("eligible, exempt, withdrawn and no-certificate participants have no steps", "[next_steps]") {
    cohort c = trainer_full();
    const auto days = th::trainer_days();
    th::record(c, "p1", days, A::present);
    const evaluation first = evaluate(c, days[0]);
    for (const auto& iv : first.intervals()) c.add_submission("p1", th::note(iv.until));
    c.add_submission("p1", th::text(d("2025-03-20"), 2));
    c.add_exemption("p1", {"festival", "Syk", "Koordinator", std::nullopt});
    {
        const next_steps ns = next_steps_of(evaluate(c, d("2025-03-20")), 0);
        CHECK(ns.status == overall_status::eligible);
        CHECK(ns.steps.empty());
        CHECK(ns.blocked.empty());
        CHECK(ns.next_deadline.is_special());
    }
    c.remove_exemption("p1", "festival");
    c.withdraw("p1", d("2025-03-21"), "Flyttet");
    CHECK(next_steps_of(evaluate(c, d("2025-03-20")), 0).steps.size() == 1);
    const next_steps w = next_steps_of(evaluate(c, d("2025-03-21")), 0);
    CHECK(w.status == overall_status::withdrawn);
    CHECK(w.steps.empty());
    CHECK_THROWS_AS(next_steps_of(evaluate(c, d("2025-03-21")), 1), smart::error);
}

TEST_CASE("step wording is one line in nb, nn and en", "[next_steps]") {
    cohort c = trainer_full();
    const auto days = th::trainer_days();
    th::record(c, "p1", {days[0], days[1]}, A::present);
    const next_steps ns = next_steps_of(evaluate(c, days[1]), 0);
    CHECK(describe(ns.steps[0], lang::nb) == "Møt opp minst 5 av de 6 dagene 13.11.2024–13.3.2025");
    CHECK(describe(ns.steps[0], lang::en) == "Attend at least 5 of the 6 days 13 November 2024 – 13 March 2025");
    CHECK(describe(ns.steps[1], lang::nn) ==
          "Lever 1 notat (refleksjonsnotat, praksisblogg eller praksisdokument) datert 20.9.2024–13.11.2024");
    for (const auto& s : ns.steps)
        for (lang l : {lang::nb, lang::nn, lang::en}) {
            const std::string line = describe(s, l);
            CHECK(line.find('\n') == std::string::npos);
            CHECK(line.size() <= 160);  // an SMS
        }
}

// ---------------------------------------------------------------------------------------
// The property over generated cohorts.

namespace {

/// The synthetic cohort's programme with rule parameters drawn at random.
std::shared_ptr<const programme> vary(const programme& base, std::mt19937_64& rng) {
    auto p = std::make_shared<programme>(base);
    auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    for (auto& req : p->requirements) {
        if (auto* a = std::get_if<attendance_rule>(&req.rule)) {
            const ratio ratios[] = {ratio(4, 5), ratio(3, 4), ratio(2, 3), ratio(1), ratio(1, 2)};
            a->min_ratio = ratios[pick(5)];
            if (pick(4) == 0) a->weight_late = ratio(1, 2);
            if (pick(4) == 0) a->weight_excused = ratio(1, 2);
        } else if (auto* n = std::get_if<interval_notes_rule>(&req.rule)) {
            n->per_interval = 1 + pick(2);
            n->require_approval = pick(3) == 0;
            n->require_portfolio_approval = pick(4) == 0;
        } else if (auto* f = std::get_if<final_text_rule>(&req.rule)) {
            f->require_approval = pick(3) == 0;
            if (pick(3) == 0) f->categories = {final_category::insight, final_category::method};
            if (pick(3) == 0) f->min_pages.reset();
        } else if (auto* fe = std::get_if<festival_rule>(&req.rule)) {
            if (pick(3) == 0) fe->roles = {festival_role::workshop, festival_role::process_leader};
        }
    }
    return p;
}

/// The participant's record as it was known at the end of `as_of`.
participant known_at(const cohort& c, participant p, date as_of) {
    for (std::size_t i = 0; i < p.attendance.size(); ++i)
        if (c.days()[i] > as_of) p.attendance[i] = A::unrecorded;
    std::erase_if(p.submissions, [as_of](const submission& s) { return s.on > as_of; });
    std::erase_if(p.exemptions, [as_of](const exemption& x) { return x.granted_on && *x.granted_on > as_of; });
    if (p.withdrawal && p.withdrawal->on > as_of) p.withdrawal.reset();
    return p;
}

/// The attendance status the programme weighs highest.
A best_status(const programme& prog) {
    for (const auto& req : prog.requirements)
        if (const auto* a = std::get_if<attendance_rule>(&req.rule)) {
            A best = A::present;
            if (a->weight_late > a->weight_present) best = A::late;
            if (a->weight_excused > std::max(a->weight_present, a->weight_late)) best = A::excused;
            return best;
        }
    return A::present;
}

template <class E>
E first_of(unsigned bits, E fallback) {
    for (unsigned i = 0; i < 8; ++i)
        if (bits & (1u << i)) return static_cast<E>(i);
    return fallback;
}

/// Does the steps on `p` (all of them but `skip`), each as early (`early`) or as late as
/// its window allows.
void do_steps(const cohort& c, participant& p, const std::vector<next_step>& steps, std::size_t skip, bool early) {
    const A best = best_status(c.programme());
    if (p.attendance.empty()) p.attendance.assign(c.days().size(), A::unrecorded);
    for (std::size_t j = 0; j < steps.size(); ++j) {
        if (j == skip) continue;
        const next_step& s = steps[j];
        const date on = early ? s.start : s.end;
        switch (s.kind) {
            case K::attend: {
                int left = s.needed;
                for (std::size_t dd = 0; dd < c.days().size() && left; ++dd)
                    if (c.days()[dd] >= s.start && c.days()[dd] <= s.end &&
                        c.sessions()[c.session_of_day(dd)].kind == session_kind::gathering) {
                        p.attendance[dd] = best;
                        --left;
                    }
                break;
            }
            case K::note:
                for (int k = 0; k < s.needed; ++k) {
                    submission sub = th::doc(first_of<submission_kind>(s.kinds, submission_kind::reflection), on,
                                             s.approval ? submission_status::approved : submission_status::submitted);
                    p.submissions.push_back(sub);
                }
                break;
            case K::portfolio_approval:
                p.submissions.push_back(th::doc(submission_kind::portfolio, on, submission_status::approved));
                break;
            case K::final_text: {
                submission sub = th::text(on, s.min_pages ? std::optional<std::uint16_t>(s.min_pages) : std::nullopt,
                                          first_of<final_category>(s.kinds, final_category::none),
                                          s.approval ? submission_status::approved : submission_status::submitted);
                p.submissions.push_back(sub);
                break;
            }
            case K::festival:
                p.attendance[*c.day_index(on)] = A::present;
                if (s.roles) p.festival_role = first_of<festival_role>(s.roles, festival_role::none);
                break;
        }
    }
}

overall_status status_with(const cohort& c, const participant& p, date as_of) {
    cohort one(c.programme_ptr(), "sim", "sim", std::nullopt, c.sessions());
    one.add_participant(p);
    return evaluate(one, as_of).result(0).status;
}

/// Random records for a participant of `c` (every day recorded: mostly present; notes in
/// and around the intervals, of every kind and status; a portfolio; a final text of random
/// pages, category and date; a festival role), so that every kind of step gets taken.
participant random_participant(const cohort& c, const std::vector<interval>& intervals, std::size_t n,
                               std::mt19937_64& rng) {
    auto pick = [&rng](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
    auto some_day = [&](date a, date b) { return a + boost::gregorian::days(pick(static_cast<int>((b - a).days()) + 1)); };
    auto some_status = [&] {
        const int x = pick(10);
        return x < 5 ? submission_status::approved : x < 9 ? submission_status::submitted : submission_status::rejected;
    };
    participant p = th::person("r" + std::to_string(n), "Syntetisk deltaker");
    p.attendance.resize(c.days().size());
    for (auto& a : p.attendance) {
        const int x = pick(100);
        a = x < 84 ? A::present : x < 89 ? A::late : x < 93 ? A::excused : A::absent;
    }
    for (const interval& iv : intervals)
        for (int k = pick(4); k-- > 0;)
            p.submissions.push_back(th::doc(static_cast<submission_kind>(pick(3)), some_day(iv.after + one_day, iv.until + one_day),
                                            some_status()));
    if (pick(4)) p.submissions.push_back(th::doc(submission_kind::portfolio, some_day(c.first_day(), c.last_day()),
                                                 pick(5) ? submission_status::approved : submission_status::submitted));
    if (pick(6)) {
        p.submissions.push_back(th::text(some_day(c.first_day(), c.last_day() + boost::gregorian::days(5)),
                                         static_cast<std::uint16_t>(1 + pick(4)),
                                         static_cast<final_category>(pick(6)), some_status()));
    }
    p.festival_role = static_cast<festival_role>(pick(4));
    return p;
}

/// A programme of `sessions` with the four rules (parameters varied by `vary`).
std::shared_ptr<const programme> four_rules(std::vector<session> sessions, std::mt19937_64& rng) {
    final_text_rule ft;
    ft.min_pages = 2;
    ft.max_pages = 3;
    return vary(*th::programme_of(std::move(sessions), {th::attendance(), th::notes(), th::final_text(ft), th::festival_req()}),
                rng);
}

/// Cohorts of three shapes, by `shape`: 0 the synthetic trainer series (its own records);
/// 1 the trainer schedule with a festival of three days; 2 the leader-shaped programme
/// (one two-day and four one-day gatherings, a festival), both with random records.
cohort generated(int shape, std::uint64_t seed, std::mt19937_64& rng) {
    if (shape == 0) {
        synthetic::options o;
        o.seed = seed;
        o.years = 1;
        o.first_year = 2017 + static_cast<int>(seed % 9);
        o.participants = 8;
        o.dropout_percent = 10;
        const cohort gen = synthetic::cohort_series(o).front();
        cohort c(vary(gen.programme(), rng), gen.id(), gen.label(), std::nullopt, gen.sessions());
        c.add_participants(gen.participants());
        return c;
    }
    std::vector<session> sessions = shape == 1 ? th::trainer_schedule() : th::leader_schedule();
    if (shape == 1) {
        const date fest = sessions.back().days.front();
        sessions.back().days = {fest, fest + one_day, fest + boost::gregorian::days(2)};
    }
    cohort c(four_rules(sessions, rng), "shape" + std::to_string(shape), "Generated", std::nullopt, sessions);
    const auto intervals = evaluate(c, c.first_day()).intervals();
    for (std::size_t n = 0; n < 8; ++n) c.add_participant(random_participant(c, intervals, n, rng));
    return c;
}

/// Issue 14: an eligible-by-the-end participant had every step they took after the as-of
/// date on their list. For each requirement pending as of `e`'s date: every counted day
/// attended (present or late), every note that counts dated in an interval still open, the
/// first approved portfolio, the final text that counted at the end and the festival day
/// attended fall in the window of a listed step of that kind (the note's in its interval's).
/// Counts the checks by step kind in `taken`.
void check_taken_steps_were_listed(const evaluation& e, const evaluation& end, std::size_t i, const next_steps& ns,
                                   std::array<std::size_t, 5>& taken) {
    const cohort& c = e.cohort();
    const programme& prog = c.programme();
    const participant& p = c.participants()[i];
    const date as_of = e.as_of();
    const auto now = e.requirements(i);
    const auto later = end.requirements(i);
    auto listed = [&](K kind, date on, std::optional<std::uint16_t> interval = std::nullopt) {
        for (const auto& s : ns.steps)
            if (s.kind == kind && s.start <= on && on <= s.end && (!interval || s.interval == *interval)) return true;
        return false;
    };
    auto check = [&](K kind, date on, bool ok) {
        INFO("participant " << p.id << " as of " << to_iso(as_of) << ": took " << to_string(kind) << " on " << to_iso(on));
        CHECK(ok);
        ++taken[static_cast<std::size_t>(kind)];
    };
    for (std::size_t r = 0; r < prog.requirements.size(); ++r) {
        if (now[r].state != requirement_state::pending) continue;
        const auto& rule = prog.requirements[r].rule;
        if (const auto* a = std::get_if<attendance_rule>(&rule)) {
            for (std::size_t dd = 0; dd < c.days().size(); ++dd) {
                const date day = c.days()[dd];
                const session_kind k = c.sessions()[c.session_of_day(dd)].kind;
                if (day <= as_of || p.attendance.empty() || (p.attendance[dd] != A::present && p.attendance[dd] != A::late))
                    continue;
                if (std::find(a->counted_kinds.begin(), a->counted_kinds.end(), k) == a->counted_kinds.end()) continue;
                check(K::attend, day, listed(K::attend, day));
            }
        } else if (const auto* n = std::get_if<interval_notes_rule>(&rule)) {
            for (const submission& sub : p.submissions) {
                if (sub.on <= as_of) continue;
                if (sub.kind == submission_kind::portfolio) continue;
                if (std::find(n->accepted_kinds.begin(), n->accepted_kinds.end(), sub.kind) == n->accepted_kinds.end())
                    continue;
                if (n->require_approval ? sub.status != submission_status::approved
                                        : sub.status == submission_status::rejected)
                    continue;
                for (std::uint64_t bits = now[r].open_intervals; bits; bits &= bits - 1) {
                    const auto iv = static_cast<std::uint16_t>(std::countr_zero(bits));
                    if (sub.on > e.intervals()[iv].after && sub.on <= e.intervals()[iv].until)
                        check(K::note, sub.on, listed(K::note, sub.on, iv));
                }
            }
            if (n->require_portfolio_approval && !now[r].portfolio_approved) {
                std::optional<date> first;
                for (const submission& sub : p.submissions)
                    if (sub.kind == submission_kind::portfolio && sub.status == submission_status::approved &&
                        sub.on > as_of && (!first || sub.on < *first))
                        first = sub.on;
                REQUIRE(first);  // eligible at the end: an approved portfolio exists
                check(K::portfolio_approval, *first, listed(K::portfolio_approval, *first));
            }
        } else if (std::holds_alternative<final_text_rule>(rule)) {
            REQUIRE(!later[r].on.is_special());
            check(K::final_text, later[r].on, listed(K::final_text, later[r].on));
        } else if (std::holds_alternative<festival_rule>(rule)) {
            REQUIRE(!later[r].on.is_special());
            check(K::festival, later[r].on, listed(K::festival, later[r].on));
        }
    }
}

}  // namespace

TEST_CASE("property: exactly the must steps and the minimum of the options make a participant eligible",
          "[next_steps][property]") {
    std::mt19937_64 rng(14);
    std::size_t checked = 0, must_dropped = 0;
    std::array<std::size_t, 3> cohorts{};
    std::array<std::size_t, 5> taken{};  // by step kind
    for (std::uint64_t seed = 1; seed <= 4500; ++seed) {
        const int shape = static_cast<int>(seed % 3);
        const cohort c = generated(shape, seed, rng);
        ++cohorts[static_cast<std::size_t>(shape)];
        const date first = c.first_day() - one_day, last = c.last_day();
        const date as_of = first + boost::gregorian::days(static_cast<long>(rng() % static_cast<unsigned>((last - first).days() + 1)));
        const date after = last + one_day;
        const evaluation e = evaluate(c, as_of);
        const evaluation end = evaluate(c, after);
        const step_planner planner(e);
        next_steps ns;
        for (std::size_t i = 0; i < c.size(); ++i) {
            planner.plan(i, ns);
            // And an eligible-by-the-end participant had every step they took on their list.
            if (ns.status == overall_status::in_progress && end.result(i).status == overall_status::eligible)
                check_taken_steps_were_listed(e, end, i, ns, taken);
            if (ns.status != overall_status::in_progress) continue;
            REQUIRE(!ns.steps.empty());
            REQUIRE(!ns.earliest_eligible.is_special());
            const participant base = known_at(c, c.participants()[i], as_of);
            const bool early = rng() % 2 == 0;
            participant done = base;
            do_steps(c, done, ns.steps, ns.steps.size(), early);
            INFO("shape " << shape << " seed " << seed << " participant " << i << " as of " << to_iso(as_of));
            REQUIRE(status_with(c, done, after) == overall_status::eligible);
            if (early) {
                CHECK(status_with(c, done, ns.earliest_eligible) == overall_status::eligible);
                CHECK(status_with(c, done, ns.earliest_eligible - one_day) != overall_status::eligible);
            }
            ++checked;
            for (std::size_t j = 0; j < ns.steps.size(); ++j) {
                if (!ns.steps[j].must) continue;
                participant without = base;
                do_steps(c, without, ns.steps, j, early);
                INFO("without step " << j << " (" << to_string(ns.steps[j].kind) << ")");
                CHECK(status_with(c, without, after) == overall_status::not_eligible);
                ++must_dropped;
            }
        }
    }
    CHECK(cohorts == std::array<std::size_t, 3>{1500, 1500, 1500});
    CHECK(checked > 1000);       // enough in-progress participants were exercised
    CHECK(must_dropped > 5000);
    // every kind of step was taken by participants eligible at the end, and found listed
    INFO("taken: attend " << taken[0] << ", note " << taken[1] << ", portfolio " << taken[2] << ", final text "
                          << taken[3] << ", festival " << taken[4]);
    CHECK(taken[static_cast<std::size_t>(K::attend)] > 100);
    CHECK(taken[static_cast<std::size_t>(K::note)] > 100);
    CHECK(taken[static_cast<std::size_t>(K::portfolio_approval)] > 20);
    CHECK(taken[static_cast<std::size_t>(K::final_text)] > 100);
    CHECK(taken[static_cast<std::size_t>(K::festival)] > 100);
}

// ---------------------------------------------------------------------------------------
// The coordinator's list and the smart.next_steps/1 document.

namespace {

/// Three participants after the first gathering: p1 attended both days (slack), p2 one
/// (at risk), p3 both and already wrote the first interval's note.
cohort three_after_first_gathering() {
    cohort c = trainer_full();
    c.add_participant(th::person("p2", "Ola Nordmann"));
    c.add_participant(th::person("p3", "Siri Nordmann"));
    const auto days = th::trainer_days();
    th::record(c, "p1", {days[0], days[1]}, A::present);
    c.set_attendance("p2", days[0], A::present);
    c.set_attendance("p2", days[1], A::absent);
    th::record(c, "p3", {days[0], days[1]}, A::present);
    c.add_submission("p3", th::note(d("2024-09-25")));
    return c;
}

}  // namespace

TEST_CASE("the coordinator's list: steps due within N days, by date, by action, at risk", "[next_steps]") {
    const cohort c = three_after_first_gathering();
    const evaluation e = evaluate(c, d("2024-11-01"));
    {
        // 12 days ahead reach 13 Nov: the first interval's note (p1, p2) and the day itself
        const coordinator_list cl = coordinator_list_of(e, 12);
        REQUIRE(cl.steps.size() == 5);  // p1 note + option, p2 note + must day, p3 option
        for (std::size_t i = 1; i < cl.steps.size(); ++i) CHECK(cl.steps[i - 1].due <= cl.steps[i].due);
        for (const auto& s : cl.steps) CHECK(s.due == d("2024-11-13"));
        // by action: the note (p1, p2), p1's and p3's attend option, p2's must day
        REQUIRE(cl.by_action.size() == 3);
        const action_group* note_group = nullptr;
        for (const auto& g : cl.by_action)
            if (g.step.kind == K::note) note_group = &g;
        REQUIRE(note_group);
        CHECK(note_group->participants == std::vector<std::uint32_t>{0, 1});
        CHECK(describe(*note_group, lang::en).rfind("2 participants: Submit 1 note", 0) == 0);
        REQUIRE(cl.at_risk.size() == 1);
        CHECK(cl.at_risk[0].participants == std::vector<std::uint32_t>{1});
        CHECK(cl.at_risk[0].next_day == d("2024-11-13"));
        const auto order = cl.by_participant();
        REQUIRE(order.size() == cl.steps.size());
        for (std::size_t i = 1; i < order.size(); ++i)
            CHECK(cl.steps[order[i - 1]].participant <= cl.steps[order[i]].participant);
    }
    // 11 days ahead end on 12 Nov: nothing due yet; the at-risk list is still there
    const coordinator_list none = coordinator_list_of(e, 11);
    CHECK(none.steps.empty());
    CHECK(none.by_action.empty());
    CHECK(none.at_risk.size() == 1);
    CHECK_THROWS_AS(coordinator_list_of(e, -1), smart::error);

    // several cohorts: positions say which
    const cohort other = three_after_first_gathering();
    const evaluation e2 = evaluate(other, d("2024-11-01"));
    const evaluation* both[] = {&e, &e2};
    const coordinator_list two = coordinator_list_of(std::span<const evaluation* const>(both), 12);
    CHECK(two.steps.size() == 10);
    CHECK(two.at_risk.size() == 2);
    CHECK(two.steps.back().cohort == 1);
}

TEST_CASE("the smart.next_steps/1 document", "[next_steps][json]") {
    const cohort c = three_after_first_gathering();
    const evaluation e = evaluate(c, d("2024-11-01"));
    const auto doc = nlohmann::json::parse(next_steps_to_json(e, {.participant = "", .within_days = 12}));
    CHECK(doc["format"] == "smart.next_steps/1");
    CHECK(doc["as_of"] == "2024-11-01");
    REQUIRE(doc["participants"].size() == 3);
    const auto& p2 = doc["participants"][1];
    CHECK(p2["id"] == "p2");
    CHECK(p2["at_risk"] == true);
    CHECK(p2["next_deadline"] == "2024-11-13");
    CHECK(p2["earliest_eligible"] == "2025-04-09");
    const auto& note = p2["steps"][6];  // six must days first, then the notes
    CHECK(note["kind"] == "note");
    CHECK(note["interval"] == 1);
    CHECK(note["start"] == "2024-11-02");
    CHECK(note["end"] == "2024-11-13");
    CHECK(note["accepted_kinds"].size() == 3);
    CHECK(note["min_pages"].is_null());
    CHECK(note["text"]["nb"].get<std::string>().rfind("Lever 1 notat", 0) == 0);
    CHECK(doc["coordinator"]["steps"].size() == 5);
    CHECK(doc["coordinator"]["at_risk"]["participants"] == nlohmann::json::array({"p2"}));
    CHECK(doc["coordinator"]["by_action"][0]["summary"]["en"].is_string());

    const auto one = nlohmann::json::parse(next_steps_to_json(e, {.participant = "p3", .within_days = std::nullopt}));
    REQUIRE(one["participants"].size() == 1);
    CHECK(one["participants"][0]["id"] == "p3");
    CHECK_FALSE(one.contains("coordinator"));
    CHECK_THROWS_AS(next_steps_to_json(e, {.participant = "nobody", .within_days = std::nullopt}), smart::error);
}

TEST_CASE("next steps as calendar entries: one per step on its due day, stable uids, an alarm", "[next_steps]") {
    cohort c = three_after_first_gathering();
    const evaluation e = evaluate(c, d("2024-11-01"));
    const auto events = next_steps_events(e, "p2", lang::en);
    const next_steps ns = next_steps_of(e, 1);
    REQUIRE(events.size() == ns.steps.size());
    std::set<std::string> uids;
    for (std::size_t i = 0; i < events.size(); ++i) {
        CHECK(events[i].first == due_on(ns.steps[i]));
        CHECK(events[i].summary == "Deadline: " + describe(ns.steps[i], lang::en));
        CHECK(events[i].alarm.has_value());
        uids.insert(events[i].uid);
    }
    CHECK(uids.size() == events.size());
    // a later export (a note written since) keeps the uids of the entries that remain
    c.add_submission("p2", th::note(d("2024-11-02")));
    const evaluation later = evaluate(c, d("2024-11-02"));
    const auto again = next_steps_events(later, "p2", lang::en);
    CHECK(again.size() == events.size() - 1);
    for (const auto& ev : again) CHECK(uids.count(ev.uid) == 1);
    const std::string ics = write_icalendar(events);
    CHECK(ics.find("BEGIN:VALARM") != std::string::npos);
    CHECK(next_steps_events(e, "", lang::nb).size() > events.size());
    CHECK_THROWS_AS(next_steps_events(e, "nobody", lang::nb), smart::error);
}

TEST_CASE("next steps as calendar entries: within_days keeps the steps due in the window", "[next_steps]") {
    const cohort c = three_after_first_gathering();
    const evaluation e = evaluate(c, d("2024-09-25"));
    const auto all = next_steps_events(e, "", lang::en);
    REQUIRE(!all.empty());
    std::set<std::size_t> sizes;
    for (int days : {0, 30, 60, 120, 400}) {
        const auto some = next_steps_events(e, "", lang::en, days);
        const date until = e.as_of() + boost::gregorian::days(days);
        std::size_t expected = 0;
        for (const auto& ev : all) expected += ev.first <= until ? 1 : 0;
        CHECK(some.size() == expected);
        for (const auto& ev : some) CHECK(ev.first <= until);
        sizes.insert(some.size());
    }
    CHECK(sizes.size() >= 3);  // the windows cut at different places
    CHECK(next_steps_events(e, "", lang::en, 400).size() == all.size());
    CHECK(th::thrown_by([&] { next_steps_events(e, "", lang::en, -1); }).code() == errc::invalid_argument);
}

TEST_CASE("a participant withdrawing later gets no next-step entries after the withdrawal date", "[next_steps]") {
    cohort c = three_after_first_gathering();
    const date on = d("2024-12-01");
    c.withdraw("p1", on, "Sluttet i jobben");
    const evaluation e = evaluate(c, d("2024-09-25"));  // before the withdrawal: still in progress
    const next_steps ns = next_steps_of(e, 0);
    REQUIRE(ns.status == overall_status::in_progress);
    std::size_t before = 0;
    for (const auto& s : ns.steps) before += due_on(s) <= on ? 1 : 0;
    REQUIRE(before > 0);
    REQUIRE(before < ns.steps.size());  // some steps fall due after the withdrawal
    const auto events = next_steps_events(e, "p1", lang::nb);
    CHECK(events.size() == before);
    for (const auto& ev : events) CHECK(ev.first <= on);
    // the others keep all theirs
    CHECK(next_steps_events(e, "p3", lang::nb).size() == next_steps_of(e, 2).steps.size());
}
