/* Tests of the C ABI: cohort statistics (harness: check.h). */
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

/* --- statistics: the smart.statistics/1 document ---------------------------------------- */

/* smart_statistics_json() with the given options must fail with `expected`, leave *out NULL
 * and, when `pointer` is not NULL, name that JSON Pointer. */
static void expect_statistics_error(const smart_cohort *const *cs, const smart_evaluation *const *es, size_t n,
                                    const smart_statistics_options *o, int expected, const char *pointer, int line) {
    char *json = (char *)"untouched";
    check_status(smart_statistics_json(&json, cs, es, n, o), expected, "smart_statistics_json", line);
    check(json == NULL, "*out is NULL after a failure", line);
    if (pointer) check(last_pointer_is(pointer), pointer, line);
}
#define EXPECT_STATISTICS(cs, es, n, o, status, pointer) expect_statistics_error(cs, es, n, o, status, pointer, __LINE__)

void test_statistics(void) {
    smart_cohort *c = NULL, *g = NULL, *changed = NULL, *w = NULL;
    smart_evaluation *e = NULL, *eg = NULL, *ec = NULL, *ew = NULL;
    smart_evaluate_options eo = SMART_EVALUATE_OPTIONS_INIT;
    smart_statistics_options o = SMART_STATISTICS_OPTIONS_INIT;
    smart_statistics_options o2;
    const smart_cohort *cs[2];
    const smart_evaluation *es[2];
    char *json = NULL;
    const char *first, *second;

    TEST("statistics options initialise to their defaults");
    memset(&o2, 0x5a, sizeof o2);
    OK(smart_statistics_options_init(&o2, SMART_STATISTICS_OPTIONS_VERSION));
    CHECK(o2.version == SMART_STATISTICS_OPTIONS_VERSION && o2.group_by == SMART_GROUP_BY_NONE && o2.min_cell == 0 &&
          o2.municipality_mapping == NULL);
    EXPECT(smart_statistics_options_init(&o2, 0), SMART_EINVAL);
    EXPECT(smart_statistics_options_init(&o2, SMART_STATISTICS_OPTIONS_VERSION + 1), SMART_EINVAL);
    EXPECT(smart_statistics_options_init(NULL, SMART_STATISTICS_OPTIONS_VERSION), SMART_EINVAL);

    OK(smart_cohort_demo(&c));
    OK(smart_cohort_load_file(&g, SMART_SOURCE_DIR "/examples/cohorts/grunnkurs-demo.json"));
    eo.as_of = "2025-04-30";
    OK(smart_evaluate(&e, c, &eo));
    OK(smart_evaluate(&eg, g, &eo));
    cs[0] = g; /* given out of trend order: the document orders by first session day */
    es[0] = eg;
    cs[1] = c;
    es[1] = e;

    TEST("the demo cohort: counts with denominators, exact ratios, no suppression by default");
    OK(smart_statistics_json(&json, cs + 1, es + 1, 1, NULL));
    CHECK(contains(json, "\"format\": \"smart.statistics/1\""));
    CHECK(contains(json, "\"group_by\": \"none\"") && contains(json, "\"min_cell\": null"));
    CHECK(contains(json, "\"enrolled\": 36") && contains(json, "\"eligible\": 24"));
    CHECK(contains(json, "\"count\": 24,\n") && contains(json, "\"ratio\": \"2/3\""));
    CHECK(contains(json, "\"groups\": []") && !contains(json, "\"suppressed\""));
    CHECK(contains(json, "\"certified_by_municipality\""));
    smart_string_free(json);
    json = NULL;

    TEST("the document carries every share, the funnel and each cohort's first and last day");
    OK(smart_statistics_json(&json, cs + 1, es + 1, 1, NULL));
    CHECK(contains(json, "\"shares\": {\n        \"eligible\": \"2/3\",\n        \"not_eligible\": \"1/3\""));
    CHECK(contains(json, "\"through\": ") && contains(json, "\"through_share\": "));
    CHECK(contains(json, "\"first_day\": \"2024-09-18\"") && contains(json, "\"last_day\": \"2025-04-09\""));
    smart_string_free(json);
    json = NULL;

    TEST("two cohorts, grouped by municipality with a minimum cell size: small groups withheld");
    o.group_by = SMART_GROUP_BY_MUNICIPALITY;
    o.min_cell = 4;
    OK(smart_statistics_json(&json, cs, es, 2, &o));
    CHECK(contains(json, "\"group_by\": \"municipality\"") && contains(json, "\"min_cell\": 4"));
    CHECK(contains(json, "\"suppressed\": true") && contains(json, "\"group\": \"3905\""));
    first = json ? strstr(json, "\"cohort\": \"trener-2024-demo\"") : NULL;
    second = json ? strstr(json, "\"cohort\": \"grunnkurs-2025-demo\"") : NULL;
    CHECK(first != NULL && second != NULL && first < second);
    CHECK(contains(json, "\"no_certificate\": 4"));
    smart_string_free(json);
    json = NULL;

    TEST("a municipality mapping groups recorded numbers under current ones");
    o.min_cell = 0;
    o.municipality_mapping = "{\"3901\": {\"number\": \"3905\", \"name\": \"Tønsberg\"}}";
    OK(smart_statistics_json(&json, cs + 1, es + 1, 1, &o));
    CHECK(contains(json, "\"group\": \"3905\"") && !contains(json, "\"group\": \"3901\""));
    CHECK(!contains(json, "\"suppressed\""));
    smart_string_free(json);
    json = NULL;
    o.municipality_mapping = "{}";
    o.group_by = SMART_GROUP_BY_ROLE;
    OK(smart_statistics_json(&json, cs + 1, es + 1, 1, &o));
    CHECK(contains(json, "\"group_by\": \"role\"") && contains(json, "\"group\": \"SFO-leder\""));
    smart_string_free(json);
    json = NULL;
    o.group_by = SMART_GROUP_BY_SECTOR;
    o.municipality_mapping = NULL;
    OK(smart_statistics_json(&json, cs + 1, es + 1, 1, &o));
    CHECK(contains(json, "\"group\": \"public\""));
    smart_string_free(json);
    json = NULL;

    TEST("no cohorts: a document with empty tables");
    OK(smart_statistics_json(&json, NULL, NULL, 0, NULL));
    CHECK(contains(json, "\"cohorts\": []") && contains(json, "\"days\": []"));
    smart_string_free(json);
    json = NULL;

    TEST("statistics: NULL and unusable arguments");
    EXPECT(smart_statistics_json(NULL, cs, es, 2, NULL), SMART_EINVAL);
    EXPECT_STATISTICS(NULL, es, 2, NULL, SMART_EINVAL, "");
    EXPECT_STATISTICS(cs, NULL, 2, NULL, SMART_EINVAL, "");
    cs[0] = NULL;
    EXPECT_STATISTICS(cs, es, 2, NULL, SMART_EINVAL, "");
    cs[0] = g;
    es[1] = NULL;
    EXPECT_STATISTICS(cs, es, 2, NULL, SMART_EINVAL, "");
    es[1] = e;
    cs[1] = (const smart_cohort *)e; /* a handle of another kind */
    EXPECT_STATISTICS(cs, es, 2, NULL, SMART_EINVAL, "");
    CHECK(contains(smart_error_last()->message, "not a live cohort handle"));
    cs[1] = g; /* an evaluation paired with another cohort */
    EXPECT_STATISTICS(cs, es, 2, NULL, SMART_EINVAL, "");
    CHECK(contains(smart_error_last()->message, "was not made from it"));
    cs[1] = c;
    o = (smart_statistics_options)SMART_STATISTICS_OPTIONS_INIT;
    o.version = 0;
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EINVAL, "");
    o.version = SMART_STATISTICS_OPTIONS_VERSION + 1;
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EINVAL, "");
    o.version = SMART_STATISTICS_OPTIONS_VERSION;
    o.group_by = (smart_group_by)7;
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EINVAL, "");
    CHECK(contains(smart_error_last()->message, "smart_group_by"));
    o.group_by = SMART_GROUP_BY_MUNICIPALITY;

    TEST("statistics: a cohort changed since its evaluation must be evaluated again");
    OK(smart_cohort_demo(&changed));
    OK(smart_evaluate(&ec, changed, &eo));
    OK(smart_cohort_set_attendance(changed, "p01", "2024-09-18", SMART_ATTENDANCE_ABSENT));
    EXPECT_STATISTICS((const smart_cohort *const *)&changed, (const smart_evaluation *const *)&ec, 1, NULL,
                      SMART_EINVAL, "");
    smart_evaluation_free(ec);
    ec = NULL;
    OK(smart_evaluate(&ec, changed, &eo));
    OK(smart_statistics_json(&json, (const smart_cohort *const *)&changed, (const smart_evaluation *const *)&ec, 1, NULL));
    smart_string_free(json);
    json = NULL;

    TEST("statistics: a malformed or misshapen municipality mapping names its place");
    o.municipality_mapping = "{\"3901\": ";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EPARSE, "");
    CHECK(contains(smart_error_last()->message, "municipality mapping: malformed JSON"));
    o.municipality_mapping = "[]";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "");
    o.municipality_mapping = "{\"3901\": \"3905\"}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3901");
    o.municipality_mapping = "{\"3901\": {\"number\": \"39050\", \"name\": \"Tønsberg\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3901/number");
    o.municipality_mapping = "{\"3901\": {\"number\": \"3905\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3901/name");
    o.municipality_mapping = "{\"3901\": {\"number\": 3905, \"name\": \"Tønsberg\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3901/number");
    o.municipality_mapping = "{\"a/b~\": {\"number\": \"3905\", \"name\": \"Tønsberg\", \"county\": \"x\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/a~1b~0/county");

    TEST("statistics: the core checks the mapping's entries, as for C++ and Python (issue 11)");
    o.municipality_mapping = "{\"3312\": {\"number\": \"38\", \"name\": \"\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3312/number");
    o.municipality_mapping = "{\"3312\": {\"number\": \"3803\", \"name\": \"\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3312/name");
    o.municipality_mapping = "{\"33\": {\"number\": \"3803\", \"name\": \"Drammen\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/33");
    o.municipality_mapping = "{\"3312\": {\"number\": \"3301\", \"name\": \"Drammen\"}, "
                             "\"3312\": {\"number\": \"3803\", \"name\": \"Drammen\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3312");
    o.group_by = SMART_GROUP_BY_NONE; /* checked whatever the grouping */
    o.municipality_mapping = "{\"3312\": {\"number\": \"38\", \"name\": \"Drammen\"}}";
    EXPECT_STATISTICS(cs, es, 2, &o, SMART_EVALIDATION, "/3312/number");
    o.municipality_mapping = NULL;

    TEST("statistics: withdrawals counted apart, completion with and without them");
    OK(smart_cohort_demo(&w));
    OK(smart_cohort_withdraw(w, "p01", "2025-01-15", "Sluttet"));
    OK(smart_evaluate(&ew, w, &eo));
    OK(smart_statistics_json(&json, (const smart_cohort *const *)&w, (const smart_evaluation *const *)&ew, 1, NULL));
    CHECK(contains(json, "\"withdrawn\": 1"));
    CHECK(contains(json, "\"completion_rate_excluding_withdrawn\": {\n        \"count\": ") &&
          contains(json, "\"of\": 35,"));
    CHECK(contains(json, "\"enrolled\": 36")); /* a withdrawn participant frees no seat */
    smart_string_free(json);
    json = NULL;
    smart_evaluation_free(ew);
    smart_cohort_free(w);

    TEST("statistics: a cohort's complete flag without parsing the document");
    {
        smart_evaluation *running = NULL;
        smart_evaluate_options early = SMART_EVALUATE_OPTIONS_INIT;
        int complete = -1;
        OK(smart_statistics_cohort_complete(&complete, c, e)); /* 2025-04-30: every status decided */
        CHECK(complete == 1);
        OK(smart_statistics_json(&json, cs + 1, es + 1, 1, NULL));
        CHECK(contains(json, "\"complete\": true"));
        smart_string_free(json);
        json = NULL;
        early.as_of = "2024-11-01"; /* mid-programme: participants still in progress */
        OK(smart_evaluate(&running, c, &early));
        OK(smart_statistics_cohort_complete(&complete, c, running));
        CHECK(complete == 0);
        OK(smart_statistics_json(&json, (const smart_cohort *const *)&c, (const smart_evaluation *const *)&running, 1,
                                 NULL));
        CHECK(contains(json, "\"complete\": false") && !contains(json, "\"complete\": true"));
        smart_string_free(json);
        json = NULL;
        complete = 7;
        EXPECT(smart_statistics_cohort_complete(NULL, c, e), SMART_EINVAL);
        EXPECT(smart_statistics_cohort_complete(&complete, NULL, e), SMART_EINVAL);
        EXPECT(smart_statistics_cohort_complete(&complete, c, NULL), SMART_EINVAL);
        EXPECT(smart_statistics_cohort_complete(&complete, g, e), SMART_EINVAL); /* an evaluation of another cohort */
        EXPECT(smart_statistics_cohort_complete(&complete, (const smart_cohort *)e, e), SMART_EINVAL); /* wrong kind */
        CHECK(complete == 7);
        smart_evaluation_free(running);
    }

    TEST("statistics: the same cohort given twice is refused, naming the second");
    cs[0] = c;
    es[0] = e;
    EXPECT_STATISTICS(cs, es, 2, NULL, SMART_EINVAL, "/1");
    CHECK(contains(smart_error_last()->message, "trener-2024-demo"));

    smart_evaluation_free(ec);
    smart_cohort_free(changed);
    smart_evaluation_free(e);
    smart_evaluation_free(eg);
    smart_cohort_free(c);
    smart_cohort_free(g);
}
