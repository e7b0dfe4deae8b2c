/*
 * The C ABI's typed accessors against its JSON path, on 100,000 generated participants of
 * the trainer programme 2024/2025 (smart-trener-2024), using only capi/include/smart/smart.h.
 *
 *   build/release/bench/bench_capi [PARTICIPANTS]
 *
 * The cohort document is written by a loop below (mostly complete records, with absences,
 * late arrivals, excused days, missing notes and final texts mixed in), loaded with
 * smart_cohort_load_json() and evaluated as of 2025-04-30. Then the common questions --
 * every participant's id, overall status, at-risk flag and the state of each requirement --
 * are answered twice:
 *   typed: smart_evaluation_participant_id/_status/_at_risk/_requirement_state
 *   JSON:  smart_evaluation_to_json() (the whole smart.evaluation/2 document, with
 *          explanations in three languages), plus a scan of its "status" members, the least
 *          a caller must do to get the same answers out of the text
 * Each is run several times; the best time is reported. Figures are in docs/c-api.md.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "smart/smart.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A small deterministic generator (xorshift32), so every run sees the same cohort. */
static unsigned int rng_state = 20241u;
static unsigned int pct(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state % 100u;
}

static void die(const char *what) {
    const smart_error *e = smart_error_last();
    fprintf(stderr, "bench_capi: %s failed: %s\n", what, e->message);
    exit(1);
}

/* The cohort document. Trainer 2024: gatherings 18-19 Sep, 13-14 Nov 2024, 15-16 Jan,
 * 12-13 Mar 2025, festival 9 Apr 2025; notes are dated two weeks after each gathering. */
static char *cohort_document(size_t n) {
    static const char *days[] = {"2024-09-18", "2024-09-19", "2024-11-13", "2024-11-14", "2025-01-15",
                                 "2025-01-16", "2025-03-12", "2025-03-13", "2025-04-09"};
    static const char *notes[] = {"2024-10-03", "2024-11-28", "2025-01-30"};
    static const char *munis[] = {"\"3905\", \"name\": \"Tønsberg\"", "\"3903\", \"name\": \"Holmestrand\"",
                                  "\"3901\", \"name\": \"Horten\"",   "\"3911\", \"name\": \"Færder\"",
                                  "\"3301\", \"name\": \"Drammen\"",   "\"3303\", \"name\": \"Kongsberg\""};
    static const char *roles[] = {"lærer", "barnehagelærer", "miljøterapeut", "SFO-leder", "rektor", "helsesykepleier"};
    const size_t per_participant = 1024;
    size_t cap = 512 + n * per_participant, used = 0, i, d;
    char *doc = (char *)malloc(cap);
    if (!doc) {
        fprintf(stderr, "bench_capi: out of memory\n");
        exit(1);
    }
    used += (size_t)sprintf(doc + used,
                            "{\"format\": \"smart.cohort/1\", \"id\": \"bench\", \"label\": \"Benchmark cohort "
                            "(generated)\", \"programme\": \"smart-trener-2024\", \"participants\": [\n");
    for (i = 0; i < n; ++i) {
        int first = 1;
        used += (size_t)sprintf(doc + used,
                                "%s{\"id\": \"p%lu\", \"name\": \"Deltaker %lu\", \"municipality\": {\"number\": %s}, "
                                "\"role\": \"%s\", \"sector\": \"%s\", \"attendance\": {",
                                i ? ",\n" : "", (unsigned long)i, (unsigned long)i, munis[i % 6], roles[i % 6],
                                i % 10 == 0 ? "private" : "public");
        for (d = 0; d < sizeof days / sizeof days[0]; ++d) {
            const unsigned int x = pct();
            const char *status = x < 88 ? "present" : x < 93 ? "late" : x < 96 ? "excused" : "absent";
            used += (size_t)sprintf(doc + used, "%s\"%s\": \"%s\"", d ? ", " : "", days[d], status);
        }
        used += (size_t)sprintf(doc + used, "}, \"submissions\": [");
        for (d = 0; d < sizeof notes / sizeof notes[0]; ++d) {
            if (pct() < 92) {
                used += (size_t)sprintf(doc + used, "%s{\"kind\": \"practice_blog\", \"date\": \"%s\"}",
                                        first ? "" : ", ", notes[d]);
                first = 0;
            }
        }
        if (pct() < 94)
            used += (size_t)sprintf(doc + used,
                                    "%s{\"kind\": \"final_text\", \"date\": \"2025-04-01\", \"pages\": %u, "
                                    "\"category\": \"method\"}",
                                    first ? "" : ", ", 2u + pct() % 2u);
        used += (size_t)sprintf(doc + used, "]}");
    }
    used += (size_t)sprintf(doc + used, "\n]}\n");
    if (used >= cap) {
        fprintf(stderr, "bench_capi: document buffer overflow\n");
        exit(1);
    }
    return doc;
}

int main(int argc, char **argv) {
    const size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 100000u;
    const int typed_runs = 10, json_runs = 3;
    smart_cohort *cohort = NULL;
    smart_evaluation *evaluation = NULL;
    smart_evaluate_options options = SMART_EVALUATE_OPTIONS_INIT;
    size_t count = 0, requirements = 0, i, r;
    double t0, t_load, t_eval, best_typed = 1e30, best_json = 1e30, best_json_doc = 0, best_scan = 1e30;
    size_t checksum_typed = 0, checksum_json = 0, json_bytes = 0;
    char *doc;
    int run;

    if (smart_abi_version() != SMART_ABI_VERSION) {
        fprintf(stderr, "bench_capi: built for ABI %d, running with ABI %d\n", SMART_ABI_VERSION, smart_abi_version());
        return 1;
    }
    doc = cohort_document(n);
    t0 = now();
    if (smart_cohort_load_json(&cohort, doc) != SMART_OK) die("smart_cohort_load_json");
    t_load = now() - t0;
    printf("cohort document: %lu participants, %.1f MB, loaded in %.3f s\n", (unsigned long)n,
           (double)strlen(doc) / 1e6, t_load);
    free(doc);

    options.as_of = "2025-04-30";
    t_eval = 1e30;
    for (run = 0; run < typed_runs; ++run) {
        smart_evaluation_free(evaluation);
        evaluation = NULL;
        t0 = now();
        if (smart_evaluate(&evaluation, cohort, &options) != SMART_OK) die("smart_evaluate");
        t0 = now() - t0;
        if (t0 < t_eval) t_eval = t0;
    }
    if (smart_evaluation_participant_count(&count, evaluation) != SMART_OK) die("participant_count");
    if (smart_evaluation_requirement_count(&requirements, evaluation) != SMART_OK) die("requirement_count");
    printf("smart_evaluate (as of 2025-04-30), best of %d: %.2f ms\n\n", typed_runs, t_eval * 1e3);

    for (run = 0; run < typed_runs; ++run) {
        size_t sum = 0;
        t0 = now();
        for (i = 0; i < count; ++i) {
            const char *id = NULL;
            smart_overall_status status;
            smart_requirement_state state;
            int at_risk = 0;
            if (smart_evaluation_participant_id(&id, evaluation, i) != SMART_OK) die("participant_id");
            if (smart_evaluation_status(&status, evaluation, i) != SMART_OK) die("status");
            if (smart_evaluation_at_risk(&at_risk, evaluation, i) != SMART_OK) die("at_risk");
            sum += (size_t)status * 7u + (size_t)at_risk + (size_t)(id[0] == 'p');
            for (r = 0; r < requirements; ++r) {
                if (smart_evaluation_requirement_state(&state, evaluation, i, r) != SMART_OK) die("requirement_state");
                sum += (size_t)state;
            }
        }
        t0 = now() - t0;
        if (t0 < best_typed) best_typed = t0;
        checksum_typed = sum;
    }

    for (run = 0; run < json_runs; ++run) {
        char *json = NULL;
        const char *at;
        size_t eligible = 0;
        double t1, t2;
        t0 = now();
        if (smart_evaluation_to_json(&json, evaluation, cohort) != SMART_OK) die("smart_evaluation_to_json");
        t1 = now();
        /* the least a caller must do: find each participant's "status" member */
        for (at = strstr(json, "\"status\": \""); at; at = strstr(at + 11, "\"status\": \""))
            eligible += strncmp(at + 11, "eligible\"", 9) == 0;
        t2 = now();
        if (t2 - t0 < best_json) {
            best_json = t2 - t0;
            best_json_doc = t1 - t0;
        }
        json_bytes = strlen(json);
        checksum_json = eligible;
        smart_string_free(json);
    }

    for (run = 0; run < typed_runs; ++run) {
        size_t eligible = 0;
        smart_overall_status status;
        t0 = now();
        for (i = 0; i < count; ++i) {
            if (smart_evaluation_status(&status, evaluation, i) != SMART_OK) die("status");
            eligible += status == SMART_STATUS_ELIGIBLE;
        }
        t0 = now() - t0;
        if (t0 < best_scan) best_scan = t0;
        if (eligible != checksum_json) {
            fprintf(stderr, "bench_capi: typed and JSON answers differ (%lu vs %lu eligible)\n",
                    (unsigned long)eligible, (unsigned long)checksum_json);
            return 1;
        }
    }

    printf("%-62s %12s %14s\n", "what (best of runs)", "time", "per participant");
    printf("%-62s %9.2f ms %11.1f ns\n", "typed: id, status, at risk, state of each requirement", best_typed * 1e3,
           best_typed * 1e9 / (double)count);
    printf("%-62s %9.2f ms %11.1f ns\n", "typed: status only", best_scan * 1e3, best_scan * 1e9 / (double)count);
    printf("%-62s %9.2f ms %11.1f ns\n", "JSON: smart_evaluation_to_json + scan of \"status\" members",
           best_json * 1e3, best_json * 1e9 / (double)count);
    printf("%-62s %9.2f ms %11.1f ns\n", "  of which smart_evaluation_to_json", best_json_doc * 1e3,
           best_json_doc * 1e9 / (double)count);
    printf("\nevaluation document: %.1f MB; eligible: %lu of %lu (checksum %lu)\n", (double)json_bytes / 1e6,
           (unsigned long)checksum_json, (unsigned long)count, (unsigned long)checksum_typed);
    printf("ratio JSON / typed: %.0fx\n", best_json / best_typed);

    smart_evaluation_free(evaluation);
    smart_cohort_free(cohort);
    return 0;
}
