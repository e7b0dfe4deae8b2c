// Benchmarks of the core (Google Benchmark): bulk evaluation, JSON load and memory, on
// 100,000 generated participants in the shape of the trainer programme 2024/2025.
//
//   build/bench/bench_core --benchmark_counters_tabular=true
//
// Figures are reported in README.md. Targets (issue 2): >= 10 M evaluations/s on one
// core, JSON load >= 100 MB/s, < 512 bytes of memory per participant; next steps (issue 14)
// >= 1 M participants/s.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <unistd.h>

#include <filesystem>
#include <random>

#include "../src/json_write.hpp"  // the tree writer, for save_cohort_json_tree
#include "smart/smart.hpp"

namespace {

constexpr std::size_t participants = 100'000;

/// A cohort of the trainer programme with `n` generated participants: mostly complete
/// records, with absences, late arrivals, excused days, missing notes and texts mixed in.
smart::cohort make_cohort(std::size_t n) {
    smart::cohort c(smart::catalogue::get("smart-trener-2024"), "bench", "Benchmark cohort (generated)", static_cast<int>(n));
    std::mt19937 rng(20241);
    std::uniform_int_distribution<int> pct(0, 99);
    const auto& days = c.days();
    const auto& sessions = c.sessions();
    std::vector<smart::participant> ps;
    ps.reserve(n);
    static const char* roles[] = {"lærer", "barnehagelærer", "miljøterapeut", "SFO-leder", "rektor", "helsesykepleier"};
    static const smart::municipality munis[] = {{"3905", "Tønsberg"}, {"3903", "Holmestrand"}, {"3901", "Horten"},
                                                {"3911", "Færder"},   {"3301", "Drammen"},     {"3303", "Kongsberg"}};
    for (std::size_t i = 0; i < n; ++i) {
        smart::participant p;
        p.id = "p" + std::to_string(i);
        p.name = "Deltaker " + std::to_string(i);
        p.municipality = munis[i % 6];
        p.role = roles[i % 6];
        p.sector = i % 10 == 0 ? smart::sector::private_sector : smart::sector::public_sector;
        p.attendance.resize(days.size());
        for (std::size_t d = 0; d < days.size(); ++d) {
            const int x = pct(rng);
            p.attendance[d] = x < 88   ? smart::attendance_status::present
                              : x < 93 ? smart::attendance_status::late
                              : x < 96 ? smart::attendance_status::excused
                                       : smart::attendance_status::absent;
        }
        // one note per interval, mostly
        for (std::size_t s = 0; s + 1 < sessions.size(); ++s) {
            if (sessions[s].kind != smart::session_kind::gathering || sessions[s + 1].kind != smart::session_kind::gathering)
                continue;
            if (pct(rng) < 92)
                p.submissions.push_back({smart::submission_kind::practice_blog, smart::submission_status::submitted,
                                         sessions[s].last_day() + boost::gregorian::days(14), std::nullopt,
                                         smart::final_category::none, {}});
        }
        if (pct(rng) < 94)
            p.submissions.push_back({smart::submission_kind::final_text, smart::submission_status::submitted,
                                     smart::date(2025, 4, 1), static_cast<std::uint16_t>(2 + pct(rng) % 2),
                                     smart::final_category::method, {}});
        ps.push_back(std::move(p));
    }
    c.add_participants(std::move(ps));
    return c;
}

const smart::cohort& shared_cohort() {
    static const smart::cohort c = make_cohort(participants);
    return c;
}

void evaluate_cohort(benchmark::State& state) {
    const smart::cohort& c = shared_cohort();
    const smart::date as_of(2025, 4, 30);
    for (auto _ : state) {
        smart::evaluation e = smart::evaluate(c, as_of);
        benchmark::DoNotOptimize(e);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.size()));
    state.counters["participants"] = static_cast<double>(c.size());
}
BENCHMARK(evaluate_cohort)->Unit(benchmark::kMillisecond);

void evaluate_mid_programme(benchmark::State& state) {
    const smart::cohort& c = shared_cohort();
    const smart::date as_of(2025, 1, 20);
    for (auto _ : state) {
        smart::evaluation e = smart::evaluate(c, as_of);
        benchmark::DoNotOptimize(e);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.size()));
}
BENCHMARK(evaluate_mid_programme)->Unit(benchmark::kMillisecond);

void load_cohort_json(benchmark::State& state) {
    const std::string text = smart::save_cohort(shared_cohort());
    for (auto _ : state) {
        smart::cohort c = smart::load_cohort(text);
        benchmark::DoNotOptimize(c);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(load_cohort_json)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void save_cohort_json(benchmark::State& state) {
    const smart::cohort& c = shared_cohort();
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = smart::save_cohort(c);
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(save_cohort_json)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// The writer before issue 15, kept as the tests' oracle: an nlohmann tree per
/// participant, then dump(2). Same text as save_cohort; here for the comparison.
void save_cohort_json_tree(benchmark::State& state) {
    const smart::cohort& c = shared_cohort();
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = smart::json_write::write_cohort(c).dump(2) + "\n";
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(save_cohort_json_tree)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// save_cohort_file: the document written to a temporary file, flushed to the disk and
/// renamed (what Cohort.save and smart import do).
void save_cohort_file(benchmark::State& state) {
    const smart::cohort& c = shared_cohort();
    const auto path = std::filesystem::temp_directory_path() / ("bench_core_" + std::to_string(::getpid()) + ".json");
    for (auto _ : state) smart::save_cohort_file(c, path);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * std::filesystem::file_size(path)));
    std::filesystem::remove(path);
}
BENCHMARK(save_cohort_file)->Unit(benchmark::kMillisecond)->MinTime(3.0);

/// Heap bytes held by a cohort loaded from JSON, per participant (glibc's mallinfo2:
/// what the allocator really hands out, overhead included).
void memory_per_participant(benchmark::State& state) {
    const std::string text = smart::save_cohort(shared_cohort());
    double per = 0;
    for (auto _ : state) {
        malloc_trim(0);
        const std::size_t before = mallinfo2().uordblks;
        auto* c = new smart::cohort(smart::load_cohort(text));
        const std::size_t after = mallinfo2().uordblks;
        per = static_cast<double>(after - before) / static_cast<double>(c->size());
        delete c;
    }
    state.counters["bytes_per_participant"] = per;
}
BENCHMARK(memory_per_participant)->Iterations(1)->Unit(benchmark::kMillisecond);

void explain_one(benchmark::State& state) {
    const smart::cohort& c = shared_cohort();
    const smart::evaluation e = smart::evaluate(c, smart::date(2025, 4, 30));
    std::size_t i = 0;
    for (auto _ : state) {
        auto m = e.missing(i, smart::lang::nb);
        benchmark::DoNotOptimize(m);
        i = (i + 1) % e.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(explain_one);

/// Statistics over 1,000,000 synthetic participants (10 yearly cohorts of 100,000),
/// grouped by municipality with a minimum cell size of 5, from evaluated cohorts.
void statistics_million(benchmark::State& state) {
    static const auto series = [] {
        smart::synthetic::options o;
        o.years = 10;
        o.participants = 100'000;
        return smart::synthetic::cohort_series(o);
    }();
    static const auto evaluations = [] {
        std::vector<smart::evaluation> out;
        for (const auto& c : series) out.push_back(smart::evaluate(c, c.last_day() + boost::gregorian::days(30)));
        return out;
    }();
    std::vector<smart::evaluated_cohort> in;
    for (std::size_t i = 0; i < series.size(); ++i) in.push_back({&series[i], &evaluations[i]});
    smart::statistics_options o;
    o.by = smart::group_by::municipality;
    o.min_cell = 5;
    for (auto _ : state) {
        smart::statistics st = smart::compute_statistics(in, o);
        benchmark::DoNotOptimize(st);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 1'000'000));
}
BENCHMARK(statistics_million)->Unit(benchmark::kMillisecond);

/// Next steps (issue 14) for the 100,000 participants, mid-programme: the numbers only
/// (step_planner, steps reused), from an evaluation made once. Target: >= 1 M participants/s.
void next_steps_numbers(benchmark::State& state) {
    const smart::cohort& c = shared_cohort();
    const smart::evaluation e = smart::evaluate(c, smart::date(2024, state.range(0) == 0 ? 11 : 12, 20));
    std::size_t steps = 0;
    for (auto _ : state) {
        const smart::step_planner planner(e);
        smart::next_steps ns;
        steps = 0;
        for (std::size_t i = 0; i < e.size(); ++i) {
            planner.plan(i, ns);
            steps += ns.steps.size();
        }
        benchmark::DoNotOptimize(steps);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * e.size()));
    state.counters["steps"] = static_cast<double>(steps);
}
BENCHMARK(next_steps_numbers)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

/// One step worded (on demand, for an SMS line).
void next_step_describe(benchmark::State& state) {
    const smart::evaluation e = smart::evaluate(shared_cohort(), smart::date(2024, 11, 20));
    const smart::next_steps ns = smart::next_steps_of(e, 0);
    std::size_t i = 0;
    for (auto _ : state) {
        std::string line = smart::describe(ns.steps[i], smart::lang::nb);
        benchmark::DoNotOptimize(line);
        i = (i + 1) % ns.steps.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(next_step_describe);

}  // namespace

BENCHMARK_MAIN();
