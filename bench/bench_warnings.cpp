// Peak memory of evaluating a large cohort on the largest schedule (issue 10, "warnings that
// cannot blow up"): 2,000 participants (by default) and 65,535 session days, most people
// with no attendance record at all, so every past day is unrecorded. Before warnings were
// aggregated this held one warning per unrecorded day and person (2,000 x 65,534); now at
// most one per person and kind. Target: peak RSS under 100 MB. The cohort is generated
// (seeded, the same every run), no file is read.
//
//   build/<dir>/bench/bench_warnings [PARTICIPANTS] [--json]
//
// Prints the peak resident set size (getrusage) after building the cohort, after
// evaluating it, and with --json after writing the evaluation document as well.
#include <sys/resource.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "smart/smart.hpp"

namespace {

namespace bg = boost::gregorian;
using namespace smart;

/// Peak resident set size of the process so far, in MB (Linux reports ru_maxrss in KB).
double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

struct splitmix {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

/// 60 gatherings of 1,000 days and one of 5,534 (a day apart), then a festival day:
/// 65,535 session days, the most a cohort may have.
std::vector<session> largest_schedule() {
    std::vector<session> out;
    date day(1900, 1, 1);
    for (int g = 0; g < 61; ++g) {
        session s;
        s.id = "g" + std::to_string(g + 1);
        s.kind = session_kind::gathering;
        const int n = g < 60 ? 1000 : 5534;
        for (int i = 0; i < n; ++i, day += bg::days(1)) s.days.push_back(day);
        day += bg::days(1);
        out.push_back(std::move(s));
    }
    session f;
    f.id = "festival";
    f.kind = session_kind::festival;
    f.days = {day};
    out.push_back(std::move(f));
    return out;
}

std::shared_ptr<const programme> trainer_rules() {
    auto p = std::make_shared<programme>();
    p->id = "bench-warnings";
    p->name.nb = "Stort program";
    p->sessions = largest_schedule();
    final_text_rule text;
    text.min_pages = 2;
    text.max_pages = 3;
    p->requirements = {{"attendance", {}, attendance_rule{}},
                       {"notes", {}, interval_notes_rule{}},
                       {"final_text", {}, text},
                       {"festival", {}, festival_rule{}}};
    validate(*p);
    return p;
}

submission doc(submission_kind kind, date on, std::optional<std::uint16_t> pages = std::nullopt) {
    submission s;
    s.kind = kind;
    s.on = on;
    s.pages = pages;
    return s;
}

/// Everyone has a note in most intervals and some outside them, a final text with too many
/// pages and a late one; one in twenty has an attendance record (every day, a few unrecorded).
cohort generate(std::size_t participants) {
    cohort c(trainer_rules(), "bench-warnings", "Stort kull", static_cast<int>(participants));
    const auto& sessions = c.sessions();
    splitmix rng{2017};
    std::vector<participant> ps;
    ps.reserve(participants);
    for (std::size_t i = 0; i < participants; ++i) {
        participant p;
        char id[32];
        std::snprintf(id, sizeof id, "p%05zu", i);
        p.id = id;
        p.name = "Syntetisk deltaker " + p.id;
        p.municipality = {"3905", "Tønsberg"};
        p.role = "lærer";
        if (i % 20 == 0) {
            p.attendance.resize(c.days().size());
            for (auto& a : p.attendance)
                a = rng.below(100) < 3 ? attendance_status::unrecorded : attendance_status::present;
        }
        for (std::size_t g = 0; g + 1 < 61; ++g)
            if (rng.below(10) != 0) p.submissions.push_back(doc(submission_kind::reflection, sessions[g + 1].first_day()));
        for (int k = 0; k < 50; ++k)  // inside a gathering: in no interval
            p.submissions.push_back(
                doc(submission_kind::reflection, sessions[5].days[static_cast<std::size_t>(rng.below(900) + 1)]));
        p.submissions.push_back(doc(submission_kind::final_text, sessions[60].days[100], 9));
        p.submissions.push_back(doc(submission_kind::final_text, c.last_day() + bg::days(30), 3));
        ps.push_back(std::move(p));
    }
    c.add_participants(std::move(ps));
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t participants = 2000;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0)
            json = true;
        else
            participants = static_cast<std::size_t>(std::strtoul(argv[i], nullptr, 10));
    }
    const double start = peak_rss_mb();
    const cohort c = generate(participants);
    std::printf("cohort: %zu participants, %zu session days; peak RSS %.1f MB (at start %.1f MB)\n", c.size(),
                c.days().size(), peak_rss_mb(), start);

    const evaluation e = evaluate(c, c.last_day() + bg::days(365));
    std::uint64_t occurrences = 0;
    for (const auto& w : e.warnings()) occurrences += w.count;
    const auto n = e.counts();
    std::printf("evaluated: %zu warnings standing for %llu occurrences (%zu bytes each); %zu eligible, %zu not\n",
                e.warnings().size(), static_cast<unsigned long long>(occurrences), sizeof(warning), n.eligible,
                n.not_eligible);
    std::printf("peak RSS after evaluate: %.1f MB\n", peak_rss_mb());

    if (json) {
        const std::string doc = evaluation_to_json(e, c);
        std::printf("evaluation document: %.1f MB; peak RSS %.1f MB\n", static_cast<double>(doc.size()) / 1e6,
                    peak_rss_mb());
    }
    return 0;
}
