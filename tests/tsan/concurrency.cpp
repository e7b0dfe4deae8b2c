// The concurrency promises of the library, checked under ThreadSanitizer (scripts/tsan.sh,
// docs/fuzzing.md). The C++ headers say: const member functions of a cohort may be called
// concurrently; an evaluation is immutable once built; the catalogue is parsed once on
// first use. The C header says: functions taking a const handle may be called concurrently
// on the same handle, and each thread has its own last error.
//
// Every result computed by many threads at once is compared with the same computation done
// before on one thread; ThreadSanitizer reports any data race (and fails the run).
//
//   1. many threads load the built-in catalogue and the demo cohort for the first time at once
//   2. many threads evaluate one shared const cohort as of several dates, render the
//      evaluation document and explanations, compute statistics on shared evaluations,
//      build certificate data, and verify signed credentials (signed once) against a
//      shared register, while another thread records on its own cohort (attendance,
//      submissions, exemptions, festival roles) and evaluates it
//   3. through the C ABI: threads evaluate one shared const cohort handle, look participants
//      up in one shared evaluation (its index is built lazily, once), compute statistics on
//      shared handles, and fail calls on purpose to check that each thread sees its own
//      last error
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "smart/smart.h"
#include "smart/smart.hpp"

namespace {

std::atomic<int> failures{0};
std::mutex print_mutex;

void fail(const std::string& what) {
    if (failures.fetch_add(1) < 20) {
        std::lock_guard<std::mutex> lock(print_mutex);
        std::fprintf(stderr, "FAILED: %s\n", what.c_str());
    }
}

void check(bool ok, const std::string& what) {
    if (!ok) fail(what);
}

const unsigned thread_count = std::max(8u, std::thread::hardware_concurrency() * 2);

/// Runs `body(k)` on thread_count threads started together; returns when all are done.
template <class F>
void on_threads(unsigned n, F body) {
    std::barrier start(static_cast<std::ptrdiff_t>(n));
    std::vector<std::thread> threads;
    for (unsigned k = 0; k < n; ++k)
        threads.emplace_back([&, k] {
            start.arrive_and_wait();
            try {
                body(k);
            } catch (const std::exception& e) {
                fail(std::string("thread threw: ") + e.what());
            }
        });
    for (auto& t : threads) t.join();
}

using smart::date;

std::vector<date> dates_of(const smart::cohort& c) {
    const auto& d = c.days();
    return {d.front() - boost::gregorian::days(1), d[d.size() / 3], d[d.size() / 2], d.back(),
            d.back() + boost::gregorian::days(30)};
}

std::string explain_all(const smart::evaluation& e) {
    std::string out;
    for (std::size_t p = 0; p < e.size(); ++p) {
        for (std::size_t r = 0; r < e.requirement_count(); ++r)
            out += e.explain(p, r, static_cast<smart::lang>(p % 3)) + "\n";
        for (const auto& line : e.missing(p, smart::lang::en)) out += line + "\n";
    }
    return out;
}

/// The records one thread makes on its own cohort, the same in the single-threaded run.
void record(smart::cohort& c, unsigned seed) {
    const auto& days = c.days();
    for (std::size_t i = 0; i < c.size(); ++i) {
        const std::string id = c.participants()[i].id;
        const date day = days[(i + seed) % days.size()];
        c.set_attendance(id, day, static_cast<smart::attendance_status>((i + seed) % 5));
        smart::submission s;
        s.kind = smart::submission_kind::reflection;
        s.status = smart::submission_status::approved;
        s.on = day + boost::gregorian::days(3);
        s.set_title("Notat " + std::to_string(seed));
        c.add_submission(id, s);
        c.set_festival_role(id, static_cast<smart::festival_role>((i + seed) % 4));
        if (i % 7 == seed % 7) {
            try {
                c.add_exemption(id, {"attendance", "Sykdom", "Rektor", std::nullopt});
                if (i % 2) c.remove_exemption(id, "attendance");
            } catch (const smart::error& e) {
                // already exempted in the demo data: the same on every run
                if (e.code() != smart::errc::validation_error) throw;
            }
        }
    }
}

std::string statistics_text(std::span<const smart::evaluated_cohort> in, smart::group_by by) {
    smart::statistics_options o;
    o.by = by;
    if (by != smart::group_by::none) o.min_cell = 3;
    return smart::statistics_to_json(smart::compute_statistics(in, o));
}

// --- 1. first use of the catalogue from many threads -----------------------------------

void first_use() {
    std::vector<std::string> texts(thread_count);
    on_threads(thread_count, [&](unsigned k) {
        const smart::cohort c = smart::catalogue::demo_cohort();
        texts[k] = smart::save_cohort(c) + std::to_string(smart::catalogue::programme_ids().size());
    });
    for (unsigned k = 1; k < thread_count; ++k) check(texts[k] == texts[0], "catalogue: threads loaded different cohorts");
}

// --- 2. the C++ core ------------------------------------------------------------------------

void core() {
    const smart::cohort demo = smart::catalogue::demo_cohort();
    smart::synthetic::options so;
    so.years = 2;
    const std::vector<smart::cohort> series = smart::synthetic::cohort_series(so);
    const std::vector<date> dates = dates_of(demo);

    // the single-threaded reference
    std::vector<std::string> documents, explanations;
    for (date d : dates) {
        const smart::evaluation e = smart::evaluate(demo, d);
        documents.push_back(smart::evaluation_to_json(e, demo));
        explanations.push_back(explain_all(e));
    }
    // shared evaluations for statistics and certificates
    const smart::evaluation final_eval = smart::evaluate(demo, dates.back());
    std::vector<smart::evaluation> series_evals;
    for (const auto& c : series) series_evals.push_back(smart::evaluate(c, c.days().back()));
    std::vector<smart::evaluated_cohort> stats_in{{&demo, &final_eval}};
    for (std::size_t i = 0; i < series.size(); ++i) stats_in.push_back({&series[i], &series_evals[i]});
    const std::array groupings{smart::group_by::none, smart::group_by::municipality, smart::group_by::role,
                               smart::group_by::sector};
    std::map<smart::group_by, std::string> stats;
    for (auto by : groupings) stats[by] = statistics_text(stats_in, by);
    std::vector<std::size_t> eligible;
    std::vector<std::string> certificate_texts;
    for (std::size_t p = 0; p < demo.size(); ++p)
        if (final_eval.result(p).status == smart::overall_status::eligible) {
            eligible.push_back(p);
            certificate_texts.push_back(smart::certificate_data_to_json(smart::certificate_for(demo, final_eval, p)));
        }

    // credentials: signed once with one key, in a register with one revoked
    const auto dir = std::filesystem::temp_directory_path() / ("smart-tsan-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const smart::signing_key key = smart::generate_signing_key();
    const smart::issuer_profile issuer{"https://example.org/tsan", "TSan kommune", ""};
    std::vector<smart::certificate_record> records;
    std::optional<smart::certificate_register> reg_storage;
    reg_storage.emplace(dir / "register.jsonl");
    for (std::size_t i = 0; i < eligible.size() && i < 6; ++i)
        records.push_back(reg_storage
                              ->issue(smart::certificate_for(demo, final_eval, eligible[i]), issuer, key,
                                      dates.back(), static_cast<smart::lang>(i % 3))
                              .first);
    reg_storage->revoke(records[1].serial, "Utstedt ved en feil", dates.back());
    const smart::certificate_register& reg = *reg_storage;
    const std::array<smart::public_key, 1> trusted{key.public_part()};
    std::vector<smart::verification_status> verdicts;
    for (const auto& r : records) verdicts.push_back(smart::verify_credential(r.credential_jws, trusted, &reg).status);
    check(verdicts[0] == smart::verification_status::valid, "certificate 0 should be valid");
    check(verdicts[1] == smart::verification_status::revoked, "certificate 1 should be revoked");

    // the recorder's expected end state, recorded on one thread
    smart::cohort expected_recorded = demo;
    for (unsigned round = 0; round < 4; ++round) record(expected_recorded, round);
    const std::string expected_recorded_text = smart::save_cohort(expected_recorded);
    const std::string expected_recorded_eval =
        smart::evaluation_to_json(smart::evaluate(expected_recorded, dates.back()), expected_recorded);

    const unsigned rounds = 6;
    on_threads(thread_count + 1, [&](unsigned k) {
        if (k == thread_count) {  // the recorder, on its own copy
            smart::cohort mine = demo;
            for (unsigned round = 0; round < 4; ++round) {
                record(mine, round);
                (void)smart::evaluation_to_json(smart::evaluate(mine, dates[round % dates.size()]), mine);
            }
            check(smart::save_cohort(mine) == expected_recorded_text, "recorder: another cohort than single-threaded");
            check(smart::evaluation_to_json(smart::evaluate(mine, dates.back()), mine) == expected_recorded_eval,
                  "recorder: another evaluation than single-threaded");
            return;
        }
        for (unsigned round = 0; round < rounds; ++round) {
            const std::size_t i = (k + round) % dates.size();
            const smart::evaluation e = smart::evaluate(demo, dates[i]);
            check(smart::evaluation_to_json(e, demo) == documents[i], "evaluation document differs");
            check(explain_all(e) == explanations[i], "explanations differ");
            check(demo.find(demo.participants()[k % demo.size()].id) == &demo.participants()[k % demo.size()],
                  "cohort::find");
            check(demo.index_of(demo.participants()[k % demo.size()].id) == k % demo.size(), "cohort::index_of");
            check(demo.day_index(demo.days()[k % demo.days().size()]).value_or(99999) == k % demo.days().size(),
                  "cohort::day_index");

            const auto by = groupings[(k + round) % groupings.size()];
            check(statistics_text(stats_in, by) == stats[by], "statistics differ");

            const std::size_t c = (k + round) % eligible.size();
            check(smart::certificate_data_to_json(smart::certificate_for(demo, final_eval, eligible[c])) ==
                      certificate_texts[c],
                  "certificate data differs");

            const std::size_t r = (k + round) % records.size();
            const auto v = smart::verify_credential(records[r].credential_jws, trusted, &reg);
            check(v.status == verdicts[r], "verification differs");
            check(v.serial == records[r].serial, "verified serial differs");
            check(reg.find(records[r].serial) != nullptr, "register: find");
            check(smart::verification_code(records[r].credential_jws) == records[r].verification_code,
                  "verification code differs");
            (void)smart::wording(records[r], static_cast<smart::lang>(k % 3));
            (void)smart::open_badge_credential(records[r]);
        }
    });
    reg_storage.reset();
    std::filesystem::remove_all(dir);
}

// --- 3. the C ABI ---------------------------------------------------------------------------

void c_abi() {
    smart_cohort* shared = nullptr;
    if (smart_cohort_demo(&shared) != SMART_OK) return fail("smart_cohort_demo");
    smart_evaluate_options options = SMART_EVALUATE_OPTIONS_INIT;
    options.as_of = "2025-04-30";
    smart_evaluation* shared_eval = nullptr;
    if (smart_evaluate(&shared_eval, shared, &options) != SMART_OK) return fail("smart_evaluate");
    char* expected_doc = nullptr;
    if (smart_evaluation_to_json(&expected_doc, shared_eval, shared) != SMART_OK) return fail("to_json");
    const smart_cohort* const cohorts[1] = {shared};
    const smart_evaluation* const evals[1] = {shared_eval};
    smart_statistics_options so = SMART_STATISTICS_OPTIONS_INIT;
    so.group_by = SMART_GROUP_BY_MUNICIPALITY;
    so.min_cell = 3;
    char* expected_stats = nullptr;
    if (smart_statistics_json(&expected_stats, cohorts, evals, 1, &so) != SMART_OK) return fail("statistics");
    size_t n = 0;
    smart_cohort_participant_count(&n, shared);
    std::vector<std::string> ids(n);
    for (size_t i = 0; i < n; ++i) {
        const char* id = nullptr;
        smart_cohort_participant_id(&id, shared, i);
        ids[i] = id;
    }

    on_threads(thread_count, [&](unsigned k) {
        // the shared evaluation's index is built on first use: every thread asks at once
        for (size_t step = 0; step < n; ++step) {
            const size_t i = (step + k) % n;
            size_t at = 99999;
            if (smart_evaluation_participant_index(&at, shared_eval, ids[i].c_str()) != SMART_OK || at != i)
                fail("smart_evaluation_participant_index on a shared evaluation");
        }
        // evaluate the shared const cohort, compare with the single-threaded document
        smart_evaluation* e = nullptr;
        char* doc = nullptr;
        if (smart_evaluate(&e, shared, &options) != SMART_OK || smart_evaluation_to_json(&doc, e, shared) != SMART_OK ||
            std::string(doc) != expected_doc)
            fail("C ABI: evaluation of a shared cohort differs");
        smart_string_free(doc);
        smart_evaluation_free(e);
        char* stats = nullptr;
        if (smart_statistics_json(&stats, cohorts, evals, 1, &so) != SMART_OK || std::string(stats) != expected_stats)
            fail("C ABI: statistics on shared handles differ");
        smart_string_free(stats);

        // the last error is the calling thread's own
        smart_cohort* own = nullptr;
        if (smart_cohort_demo(&own) != SMART_OK) return fail("smart_cohort_demo in a thread");
        for (unsigned i = 0; i < 200; ++i) {
            const std::string missing = "missing-" + std::to_string(k) + "-" + std::to_string(i);
            const int rc = smart_cohort_set_attendance(own, missing.c_str(), "2024-09-18", SMART_ATTENDANCE_PRESENT);
            const smart_error* err = smart_error_last();
            if (rc != SMART_ENOTFOUND || err->code != SMART_ENOTFOUND ||
                std::string(err->message).find(missing) == std::string::npos)
                fail("C ABI: the last error is not this thread's own (" + std::string(err->message) + ")");
            // a success leaves it as it was
            if (smart_cohort_set_attendance(own, ids[k % n].c_str(), "2024-09-18", SMART_ATTENDANCE_LATE) != SMART_OK ||
                std::string(smart_error_last()->message).find(missing) == std::string::npos)
                fail("C ABI: a successful call changed the last error");
            if (i % 10 == 9) {
                smart_error_clear();
                if (smart_error_last()->code != SMART_OK) fail("C ABI: smart_error_clear");
            }
        }
        smart_cohort_free(own);
    });
    smart_string_free(expected_doc);
    smart_string_free(expected_stats);
    smart_evaluation_free(shared_eval);
    smart_cohort_free(shared);
}

}  // namespace

/// A data race on purpose: under ThreadSanitizer this run must fail (scripts/tsan.sh checks
/// that it does, so a build without the sanitizer cannot pass for a clean one).
int self_test() {
    static int shared = 0;
    std::thread a([] {
        for (int i = 0; i < 100000; ++i) shared = shared + 1;
    });
    std::thread b([] {
        for (int i = 0; i < 100000; ++i) shared = shared + 1;
    });
    a.join();
    b.join();
    std::printf("tsan: self-test ran (%d): ThreadSanitizer did not report the race\n", shared);
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--self-test") return self_test();
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    auto step = [&](const char* name, void (*f)()) {
        const auto s = clock::now();
        f();
        std::printf("tsan: %-40s %6.1f s\n", name, std::chrono::duration<double>(clock::now() - s).count());
        std::fflush(stdout);
    };
    std::printf("tsan: %u threads\n", thread_count);
    step("first use of the catalogue", first_use);
    step("C++ core: shared cohort, recorder thread", core);
    step("C ABI: shared handles, per-thread errors", c_abi);
    std::printf("tsan: %s in %.1f s\n", failures ? "FAILED" : "passed",
                std::chrono::duration<double>(clock::now() - t0).count());
    return failures ? 1 : 0;
}
