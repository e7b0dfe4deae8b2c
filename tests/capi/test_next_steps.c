/* Tests of the C ABI: next steps (smart/next_steps.h, docs/next-steps.md). */
#include <stdlib.h>
#include <string.h>

#include "check.h"

void test_next_steps(void) {
    smart_cohort *c = NULL;
    smart_evaluation *e = NULL;
    smart_evaluate_options opts = SMART_EVALUATE_OPTIONS_INIT;
    char *json = NULL, *line = NULL;
    const char *kind = NULL;
    char start[SMART_DATE_SIZE], end[SMART_DATE_SIZE], due[SMART_DATE_SIZE];
    size_t n = 0, i = 0, with_steps = 0;
    unsigned needed = 0, of = 0;
    int must = -1;

    OK(smart_cohort_demo(&c));
    opts.as_of = "2024-11-20";
    OK(smart_evaluate(&e, c, &opts));

    TEST("the smart.next_steps/1 document, for everyone or one participant, with the coordinator's list");
    OK(smart_next_steps_json(&json, e, NULL, 30));
    CHECK(contains(json, "\"format\": \"smart.next_steps/1\""));
    CHECK(contains(json, "\"coordinator\""));
    smart_string_free(json);
    json = NULL;
    OK(smart_next_steps_json(&json, e, "p04", -1));
    CHECK(contains(json, "\"id\": \"p04\""));
    CHECK(!contains(json, "\"coordinator\""));
    smart_string_free(json);
    json = NULL;
    EXPECT(smart_next_steps_json(&json, e, "nobody", -1), SMART_ENOTFOUND);
    CHECK(json == NULL);
    EXPECT(smart_next_steps_json(NULL, e, NULL, -1), SMART_EINVAL);

    TEST("typed accessors: kind, window, numbers and the line, as the document shows them");
    OK(smart_next_step_count(&n, e, 3));
    CHECK(n > 0);
    OK(smart_next_step_kind(&kind, e, 3, 0));
    CHECK(strcmp(kind, "attend") == 0);
    OK(smart_next_step_window(start, end, due, e, 3, 0));
    CHECK(strcmp(start, "2025-01-15") == 0);
    CHECK(strcmp(due, start) == 0);
    OK(smart_next_step_numbers(&needed, &of, &must, e, 3, 0));
    CHECK(needed == 1 && of == 1 && must == 1); /* p04 is at risk: every day is a must */
    OK(smart_next_step_describe(&line, e, 3, 0, SMART_LANG_EN));
    CHECK(strcmp(line, "Attend on 15 January 2025") == 0);
    smart_string_free(line);
    line = NULL;
    for (i = 0; i < 36; ++i) {
        if (smart_next_step_count(&n, e, i) != SMART_OK) break;
        with_steps += n > 0;
    }
    CHECK(with_steps > 0);

    TEST("out of range and NULL are errors, with outputs cleared");
    EXPECT(smart_next_step_count(&n, e, 9999), SMART_EINVAL);
    EXPECT(smart_next_step_kind(&kind, e, 3, 9999), SMART_EINVAL);
    CHECK(kind == NULL);
    EXPECT(smart_next_step_window(start, end, NULL, e, 9999, 0), SMART_EINVAL);
    CHECK(start[0] == '\0');
    EXPECT(smart_next_step_describe(&line, e, 3, 0, (smart_lang)7), SMART_EINVAL);
    CHECK(line == NULL);
    EXPECT(smart_next_step_numbers(&needed, &of, &must, NULL, 0, 0), SMART_EINVAL);

    smart_evaluation_free(e);
    smart_cohort_free(c);
}
