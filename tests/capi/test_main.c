/* Tests of the C ABI: versions, errors, threads, out of memory; main() (harness: check.h). */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

void test_versions(void) {
    char expected[32];
    TEST("the version macros, the run-time version and the ABI version agree");
    CHECK(smart_version_number() == SMART_VERSION_NUMBER);
    CHECK(SMART_VERSION_NUMBER == SMART_VERSION_MAJOR * 10000 + SMART_VERSION_MINOR * 100 + SMART_VERSION_PATCH);
    CHECK(smart_version_string() != NULL);
    CHECK(strcmp(smart_version_string(), SMART_VERSION_STRING) == 0);
    snprintf(expected, sizeof expected, "%d.%d.%d", SMART_VERSION_MAJOR, SMART_VERSION_MINOR, SMART_VERSION_PATCH);
    CHECK(strcmp(SMART_VERSION_STRING, expected) == 0);
    CHECK(smart_abi_version() == SMART_ABI_VERSION);
    CHECK(SMART_ABI_VERSION >= 1);
}

void test_errors(void) {
    const smart_error *e;
    size_t n = 0;
    TEST("the last error starts as 'no error', never NULL, and clears");
    smart_error_clear();
    e = smart_error_last();
    CHECK(e != NULL);
    CHECK(e->code == SMART_OK);
    CHECK(strcmp(e->message, "no error") == 0);
    CHECK(strcmp(e->pointer, "") == 0);

    TEST("a failure sets the last error and a success leaves it");
    EXPECT(smart_catalogue_count(NULL), SMART_EINVAL);
    CHECK(contains(smart_error_last()->message, "smart_catalogue_count"));
    OK(smart_catalogue_count(&n));
    CHECK(smart_error_last()->code == SMART_EINVAL);
    smart_error_clear();
    CHECK(smart_error_last()->code == SMART_OK);

    TEST("status names come from the core's one table");
    CHECK(strcmp(smart_status_name(SMART_OK), "ok") == 0);
    CHECK(strcmp(smart_status_name(SMART_EINVAL), "invalid_argument") == 0);
    CHECK(strcmp(smart_status_name(SMART_EPARSE), "parse_error") == 0);
    CHECK(strcmp(smart_status_name(SMART_EVALIDATION), "validation_error") == 0);
    CHECK(strcmp(smart_status_name(SMART_ENOTFOUND), "not_found") == 0);
    CHECK(strcmp(smart_status_name(SMART_ENOTALLOWED), "not_allowed") == 0);
    CHECK(strcmp(smart_status_name(SMART_ENOMEM), "out_of_memory") == 0);
    CHECK(strcmp(smart_status_name(SMART_EINTERNAL), "internal") == 0);
    CHECK(strcmp(smart_status_name(SMART_EBUFS), "buffer_too_small") == 0);
    CHECK(strcmp(smart_status_name(-9), "unknown") == 0);
    CHECK(strcmp(smart_status_name(12345), "unknown") == 0);

    TEST("release functions accept NULL");
    smart_string_free(NULL);
    smart_programme_free(NULL);
    smart_cohort_free(NULL);
    smart_evaluation_free(NULL);
    CHECK(1);
}

/* --- threads: per-thread last error, concurrent reads of one cohort ------------------- */

struct thread_result {
    const smart_cohort *cohort;
    int ok;
};

static void *evaluate_in_thread(void *arg) {
    struct thread_result *r = (struct thread_result *)arg;
    smart_evaluate_options opts = SMART_EVALUATE_OPTIONS_INIT;
    smart_evaluation *e = NULL;
    size_t n = 0;
    int i;
    r->ok = smart_error_last()->code == SMART_OK; /* a new thread starts with no error */
    opts.as_of = "2025-04-30";
    for (i = 0; i < 20 && r->ok; ++i) {
        r->ok = smart_evaluate(&e, r->cohort, &opts) == SMART_OK &&
                smart_evaluation_count(&n, e, SMART_STATUS_ELIGIBLE) == SMART_OK && n == 24;
        smart_evaluation_free(e);
    }
    r->ok = r->ok && smart_cohort_participant_count(NULL, r->cohort) == SMART_EINVAL &&
            smart_error_last()->code == SMART_EINVAL;
    return NULL;
}

void test_threads(void) {
    smart_cohort *c = NULL;
    pthread_t threads[2];
    struct thread_result results[2];
    int i;
    TEST("threads evaluate one cohort at once, each with its own last error");
    OK(smart_cohort_demo(&c));
    EXPECT(smart_catalogue_json(NULL, NULL), SMART_EINVAL);
    for (i = 0; i < 2; ++i) {
        results[i].cohort = c;
        results[i].ok = 0;
        CHECK(pthread_create(&threads[i], NULL, evaluate_in_thread, &results[i]) == 0);
    }
    for (i = 0; i < 2; ++i) {
        pthread_join(threads[i], NULL);
        CHECK(results[i].ok);
    }
    CHECK(smart_error_last()->code == SMART_EINVAL);
    CHECK(contains(smart_error_last()->message, "smart_catalogue_json"));
    smart_cohort_free(c);
}

/* --- out of memory: std::bad_alloc becomes SMART_ENOMEM ---------------------------------- */

void test_out_of_memory(void) {
    pid_t child;
    int status = 0;
    TEST("running out of memory is SMART_ENOMEM, not a crash");
#ifdef SMART_TEST_SANITIZED
    printf("  (skipped: built with sanitizers)\n");
    return;
#endif
    if (getenv("SMART_TEST_NO_FORK")) {
        printf("  (skipped: SMART_TEST_NO_FORK)\n");
        return;
    }
    fflush(stdout);
    child = fork();
    if (child == 0) {
        /* A cohort of 20,000 participants, then an address space with no room to save it. */
        const size_t count = 20000;
        size_t size = 256 + count * 200, used, i;
        char *doc = (char *)malloc(size), *out = NULL;
        smart_cohort *c = NULL;
        struct rlimit limit;
        unsigned long pages = 0;
        FILE *statm;
        int rc;
        if (!doc) _exit(3);
        used = (size_t)sprintf(doc, "{\"format\": \"smart.cohort/1\", \"id\": \"big\", \"label\": \"Big\", "
                                    "\"programme\": \"smart-trener-2024\", \"participants\": [");
        for (i = 0; i < count; ++i)
            used += (size_t)sprintf(doc + used,
                                    "%s{\"id\": \"p%lu\", \"name\": \"N\", \"municipality\": {\"number\": \"3903\", "
                                    "\"name\": \"H\"}, \"role\": \"r\", \"sector\": \"public\"}",
                                    i ? ", " : "", (unsigned long)i);
        strcpy(doc + used, "]}");
        if (smart_cohort_load_json(&c, doc) != SMART_OK) _exit(4);
        free(doc);
        statm = fopen("/proc/self/statm", "r");
        if (!statm || fscanf(statm, "%lu", &pages) != 1) _exit(5);
        fclose(statm);
        limit.rlim_cur = limit.rlim_max = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (rlim_t)(1u << 20);
        if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(6);
        /* Documents are kept (not released) until one no longer fits. */
        for (i = 0, rc = SMART_OK; i < 1000 && rc == SMART_OK; ++i) rc = smart_cohort_save_json(&out, c);
        if (rc != SMART_ENOMEM || out != NULL) _exit(7);
        if (smart_error_last()->code != SMART_ENOMEM) _exit(8);
        if (strcmp(smart_error_last()->message, "out of memory") != 0) _exit(9);
        _exit(0);
    }
    CHECK(child > 0);
    if (child > 0) {
        CHECK(waitpid(child, &status, 0) == child);
        CHECK(WIFEXITED(status));
        if (WIFEXITED(status) && WEXITSTATUS(status) != 0) printf("  child exit status %d\n", WEXITSTATUS(status));
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
}

int main(void) {
    test_versions();
    test_errors();
    test_catalogue();
    test_programmes();
    test_cohort_documents();
    test_cohort_create();
    test_records();
    test_evaluation();
    test_wrong_handles();
    test_statistics();
    test_text();
    test_save_files();
    test_threads();
    test_out_of_memory();
    test_follow_up();
    test_calendar();
    test_next_steps();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
