/* Tests of the C ABI: between-session work and the follow-up without a certificate
 * (smart/follow_up.h, docs/follow-up.md). */
#include <stdlib.h>
#include <string.h>

#include "check.h"

void test_follow_up(void) {
    smart_cohort *c = NULL;
    smart_cohort *none = NULL;
    char *json = NULL;
    const char *session = NULL;
    size_t n = 0;
    smart_submission sub = SMART_SUBMISSION_INIT;
    smart_submission old;

    TEST("the Trygge fagfolk demo cohort is built in and found by id");
    OK(smart_cohort_demo_by_id(&c, "trygge-fagfolk-demo"));
    EXPECT(smart_cohort_demo_by_id(&none, "nope"), SMART_ENOTFOUND);
    CHECK(none == NULL);
    CHECK(contains(smart_error_last()->message, "trygge-fagfolk-demo"));
    EXPECT(smart_cohort_demo_by_id(&none, NULL), SMART_EINVAL);

    TEST("between-session work names its session; the accessor hands it out");
    OK(smart_cohort_submission_session(&session, c, 0, 0));
    CHECK(strcmp(session, "g1") == 0);
    EXPECT(smart_cohort_submission_session(&session, c, 0, 99), SMART_EINVAL);
    CHECK(session == NULL);

    TEST("between-session work for a session without it is a validation error at .../session");
    sub.kind = SMART_SUBMISSION_BETWEEN_SESSION_WORK;
    sub.date = "2023-02-01";
    sub.session = "kickoff-alle";
    EXPECT(smart_cohort_add_submission(c, "l03", &sub), SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/2/submissions/1/session"));
    sub.session = NULL;
    EXPECT(smart_cohort_add_submission(c, "l03", &sub), SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/2/submissions/1/session"));
    /* a version-2 structure has no session field: between-session work from it is refused */
    OK(smart_submission_init(&old, 2));
    old.kind = SMART_SUBMISSION_BETWEEN_SESSION_WORK;
    old.date = "2023-02-01";
    EXPECT(smart_cohort_add_submission(c, "l03", &old), SMART_EVALIDATION);

    TEST("the follow-up document reports l03's g1 work missing, then delivered on the due day");
    OK(smart_cohort_follow_up_json(&json, c, "2023-02-08"));
    CHECK(contains(json, "\"format\": \"smart.follow_up/1\""));
    CHECK(contains(json, "\"missing\""));
    smart_string_free(json);
    json = NULL;
    sub.session = "g1";
    sub.date = "2023-02-08";
    OK(smart_cohort_add_submission(c, "l03", &sub));
    OK(smart_cohort_submission_count(&n, c, 2));
    CHECK(n == 2);
    OK(smart_cohort_follow_up_json(&json, c, "2023-02-08"));
    CHECK(contains(json, "mellomarbeid levert 8.2.2023 (frist 8.2.2023)"));
    smart_string_free(json);
    json = NULL;

    TEST("follow-up errors: NULL, a bad date, another handle kind");
    EXPECT(smart_cohort_follow_up_json(&json, c, "2023-02-30"), SMART_EPARSE);
    CHECK(json == NULL);
    EXPECT(smart_cohort_follow_up_json(&json, c, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_follow_up_json(NULL, c, "2023-02-08"), SMART_EINVAL);
    EXPECT(smart_cohort_follow_up_json(&json, NULL, "2023-02-08"), SMART_EINVAL);
    smart_cohort_free(c);
}
