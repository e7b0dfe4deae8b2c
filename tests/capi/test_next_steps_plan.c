/* Tests of the C ABI: one participant's next steps planned once into a handle
 * (smart_next_steps_plan, smart/next_steps.h): the handle's accessors give what the
 * per-call accessors give, and keep working after the evaluation is freed (the handle holds
 * the plan: nothing is planned again). A program of its own, also run under valgrind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void test_plan_once(void) {
    smart_cohort *c = NULL;
    smart_evaluation *e = NULL;
    smart_next_steps *ns = NULL, *other = NULL, *blocked_one = NULL;
    smart_evaluate_options opts = SMART_EVALUATE_OPTIONS_INIT;
    const char *kind = NULL, *kind2 = NULL, *req = NULL;
    char start[SMART_DATE_SIZE], end[SMART_DATE_SIZE], due[SMART_DATE_SIZE];
    char start2[SMART_DATE_SIZE], end2[SMART_DATE_SIZE], due2[SMART_DATE_SIZE];
    char earliest[SMART_DATE_SIZE], deadline[SMART_DATE_SIZE];
    char *line = NULL, *line2 = NULL;
    size_t n = 0, n2 = 0, blocked = 0, i = 0, p = 0, participants = 0;
    unsigned needed = 0, of = 0, needed2 = 0, of2 = 0;
    int must = -1, must2 = -1, at_risk = -1;
    smart_overall_status status = SMART_STATUS_ELIGIBLE;

    OK(smart_cohort_demo(&c));
    opts.as_of = "2024-11-20";
    OK(smart_evaluate(&e, c, &opts));
    OK(smart_evaluation_participant_count(&participants, e));

    TEST("a planned handle gives, step by step, what the per-call accessors give");
    OK(smart_next_steps_plan(&ns, e, 3));
    CHECK(ns != NULL);
    OK(smart_next_steps_count(&n, &blocked, ns));
    OK(smart_next_step_count(&n2, e, 3));
    CHECK(n > 0 && n == n2);
    CHECK(blocked == 0);
    OK(smart_next_steps_summary(&status, &at_risk, earliest, deadline, ns));
    CHECK(status == SMART_STATUS_IN_PROGRESS);
    CHECK(at_risk == 1); /* p04 is at risk as of 2024-11-20 */
    CHECK(strlen(earliest) == 10 && strlen(deadline) == 10);
    CHECK(strcmp(deadline, earliest) <= 0);
    for (i = 0; i < n; ++i) {
        OK(smart_next_steps_step(&kind, &req, ns, i));
        OK(smart_next_step_kind(&kind2, e, 3, i));
        CHECK(strcmp(kind, kind2) == 0);
        CHECK(req != NULL && req[0] != '\0');
        OK(smart_next_steps_window(start, end, due, ns, i));
        OK(smart_next_step_window(start2, end2, due2, e, 3, i));
        CHECK(strcmp(start, start2) == 0 && strcmp(end, end2) == 0 && strcmp(due, due2) == 0);
        OK(smart_next_steps_numbers(&needed, &of, &must, ns, i));
        OK(smart_next_step_numbers(&needed2, &of2, &must2, e, 3, i));
        CHECK(needed == needed2 && of == of2 && must == must2);
        OK(smart_next_steps_describe(&line, ns, i, SMART_LANG_NN));
        OK(smart_next_step_describe(&line2, e, 3, i, SMART_LANG_NN));
        CHECK(strcmp(line, line2) == 0);
        smart_string_free(line);
        smart_string_free(line2);
        line = line2 = NULL;
    }
    OK(smart_next_steps_step(&kind, &req, ns, 0));
    CHECK(strcmp(kind, "attend") == 0 && strcmp(req, "attendance") == 0);

    TEST("a not-eligible participant's blocked requirements are worded with the exemption they need");
    for (p = 0; p < participants && !blocked_one; ++p) {
        OK(smart_next_steps_plan(&other, e, p));
        OK(smart_next_steps_count(NULL, &blocked, other));
        if (blocked > 0)
            blocked_one = other;
        else
            smart_next_steps_free(other);
        other = NULL;
    }
    CHECK(blocked_one != NULL);

    TEST("the handle holds the plan: it works on after the evaluation and the cohort are freed");
    smart_evaluation_free(e);
    smart_cohort_free(c);
    e = NULL;
    c = NULL;
    OK(smart_next_steps_count(&n2, NULL, ns));
    CHECK(n2 == n);
    OK(smart_next_steps_window(start, end, NULL, ns, n - 1));
    CHECK(strlen(start) == 10);
    OK(smart_next_steps_describe(&line, ns, 0, SMART_LANG_EN));
    CHECK(strncmp(line, "Attend on ", 10) == 0);
    smart_string_free(line);
    line = NULL;
    if (blocked_one) {
        OK(smart_next_steps_summary(&status, NULL, earliest, NULL, blocked_one));
        CHECK(status == SMART_STATUS_NOT_ELIGIBLE);
        CHECK(earliest[0] == '\0'); /* no eligibility date once not eligible */
        OK(smart_next_steps_blocked_describe(&line, blocked_one, 0, SMART_LANG_EN));
        CHECK(contains(line, "Can no longer be met: "));
        CHECK(contains(line, "needs exemption"));
        smart_string_free(line);
        line = NULL;
        EXPECT(smart_next_steps_blocked_describe(&line, blocked_one, 99, SMART_LANG_EN), SMART_EINVAL);
        CHECK(line == NULL);
    }

    TEST("out of range, NULL and wrong handles are errors, with outputs cleared");
    EXPECT(smart_next_steps_step(&kind, &req, ns, 9999), SMART_EINVAL);
    CHECK(kind == NULL && req == NULL);
    EXPECT(smart_next_steps_window(start, end, due, ns, 9999), SMART_EINVAL);
    CHECK(start[0] == '\0' && due[0] == '\0');
    EXPECT(smart_next_steps_window(NULL, end, due, ns, 0), SMART_EINVAL);
    EXPECT(smart_next_steps_describe(&line, ns, 0, (smart_lang)7), SMART_EINVAL);
    CHECK(line == NULL);
    EXPECT(smart_next_steps_describe(NULL, ns, 0, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_next_steps_numbers(&needed, &of, &must, NULL, 0), SMART_EINVAL);
    EXPECT(smart_next_steps_count(&n, NULL, NULL), SMART_EINVAL);
    EXPECT(smart_next_steps_summary(&status, NULL, NULL, NULL, (const smart_next_steps *)(const void *)"garbage!"),
           SMART_EINVAL);
    EXPECT(smart_next_steps_plan(NULL, NULL, 0), SMART_EINVAL);
    OK(smart_cohort_demo(&c));
    OK(smart_evaluate(&e, c, &opts));
    EXPECT(smart_next_steps_plan(&other, e, 9999), SMART_EINVAL);
    CHECK(other == NULL);
    EXPECT(smart_next_steps_plan(&other, (const smart_evaluation *)(const void *)c, 0), SMART_EINVAL);
    CHECK(other == NULL);

    smart_next_steps_free(ns);
    smart_next_steps_free(blocked_one);
    smart_next_steps_free(NULL);
    smart_evaluation_free(e);
    smart_cohort_free(c);
}

int main(void) {
    test_plan_once();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
