/* Tests of the C ABI: long-term agreements (harness: check.h). A program of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *const small_doc =
    "{\"format\": \"smart.agreement/1\", \"id\": \"c-skole\", \"organisation\": {\"name\": \"C-vik skole\", "
    "\"municipality\": {\"number\": \"3905\", \"name\": \"Tønsberg\"}, \"kind\": \"school\"}, "
    "\"start\": \"2025-08-01\", \"employees\": 10}";

static void test_load_record_report(void) {
    smart_agreement *a = NULL, *b = NULL, *f = NULL;
    smart_cohort *demo = NULL;
    char *json = NULL;
    const smart_cohort *cs[1];
    const smart_agreement *as[2];

    TEST("an agreement document loads; a bad one fails with its JSON Pointer and no handle");
    OK(smart_agreement_load_json(&a, small_doc));
    CHECK(a != NULL);
    b = (smart_agreement *)&b;
    EXPECT(smart_agreement_load_json(&b, "{\"format\": \"smart.agreement/1\", \"id\": \"x\"}"), SMART_EVALIDATION);
    CHECK(b == NULL);
    EXPECT(smart_agreement_load_json(&b, "{"), SMART_EPARSE);
    EXPECT(smart_agreement_load_json(NULL, small_doc), SMART_EINVAL);
    EXPECT(smart_agreement_load_file(&b, SMART_SOURCE_DIR "/examples/agreements/none.json"), SMART_ENOTFOUND);

    TEST("records are validated as in the document; a bad one leaves the agreement unchanged");
    OK(smart_agreement_record_json(a, "meetings", "{\"kind\": \"core_group\", \"date\": \"2025-09-01\", \"who\": 5}"));
    EXPECT(smart_agreement_record_json(a, "meetings", "{\"kind\": \"core_group\", \"date\": \"2028-08-01\"}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/records/meetings/1/date"));
    EXPECT(smart_agreement_record_json(a, "visits", "{}"), SMART_EINVAL);
    OK(smart_agreement_record_json(a, "material_sets", "{\"count\": 10, \"date\": \"2025-08-05\"}"));
    OK(smart_agreement_record_json(a, "trainer_seats",
                                   "{\"cohort\": \"trener-2024-demo\", \"participant\": \"p01\", \"date\": \"2025-08-05\"}"));

    TEST("the report as JSON: year 1 core group 1 of 4, costs 10 x 300 + 2000, the seat's certificate status");
    OK(smart_cohort_demo(&demo));
    cs[0] = demo;
    OK(smart_agreement_report_json(&json, a, "2025-09-30", cs, 1, SMART_LANG_EN));
    CHECK(contains(json, "\"format\": \"smart.agreement_report/1\""));
    CHECK(contains(json, "\"item\": \"core_group\""));
    CHECK(contains(json, "1 of at least 4 held"));
    CHECK(contains(json, "\"total_nok\": 5000"));
    CHECK(contains(json, "\"status\": \"eligible\""));
    smart_string_free(json);
    json = (char *)"untouched";
    EXPECT(smart_agreement_report_json(&json, a, "2025-02-30", NULL, 0, SMART_LANG_NB), SMART_EPARSE);
    CHECK(json == NULL);
    EXPECT(smart_agreement_report_json(&json, a, "2025-09-30", NULL, 1, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_agreement_report_json(&json, (const smart_agreement *)demo, "2025-09-30", NULL, 0, SMART_LANG_NB),
           SMART_EINVAL);

    TEST("a seat naming a participant not in its given cohort is not found, at its pointer");
    OK(smart_agreement_record_json(a, "trainer_seats",
                                   "{\"cohort\": \"trener-2024-demo\", \"participant\": \"p99\", \"date\": \"2025-08-05\"}"));
    EXPECT(smart_agreement_report_json(&json, a, "2025-09-30", cs, 1, SMART_LANG_NB), SMART_ENOTFOUND);
    CHECK(last_pointer_is("/records/trainer_seats/1/participant"));

    TEST("the portfolio: one row per agreement; an id given twice is refused");
    OK(smart_agreement_load_file(&f, SMART_SOURCE_DIR "/examples/agreements/fjordvik-skole.json"));
    as[0] = f;
    OK(smart_agreement_portfolio_json(&json, as, 1, "2026-06-01", cs, 1, SMART_LANG_NB));
    CHECK(contains(json, "\"format\": \"smart.agreement_portfolio/1\""));
    CHECK(contains(json, "\"trainees_eligible\": 2"));
    CHECK(contains(json, "kan ikke nås lenger"));
    smart_string_free(json);
    as[1] = f;
    EXPECT(smart_agreement_portfolio_json(&json, as, 2, "2026-06-01", NULL, 0, SMART_LANG_NB), SMART_EINVAL);
    CHECK(last_pointer_is("/1"));

    TEST("seats traced from the cohort to the agreement");
    OK(smart_agreement_seats_in_cohort_json(&json, as, 1, "trener-2024-demo"));
    CHECK(contains(json, "\"agreement\":\"fjordvik-skole-2024\""));
    CHECK(contains(json, "\"organisation\":\"Fjordvik skole\""));
    smart_string_free(json);
    OK(smart_agreement_seats_in_cohort_json(&json, as, 1, "another-cohort"));
    CHECK(strcmp(json, "[]") == 0);
    smart_string_free(json);
    EXPECT(smart_agreement_seats_in_cohort_json(&json, as, 1, NULL), SMART_EINVAL);

    TEST("the agreement's calendar and its holiday warnings");
    OK(smart_agreement_icalendar(&json, f, SMART_LANG_EN, NULL, 0));
    CHECK(contains(json, "BEGIN:VCALENDAR"));
    CHECK(contains(json, "DTSTART;VALUE=DATE:20251020"));
    CHECK(contains(json, "SUMMARY:Fjordvik skole: Agreement year 1 ends"));
    CHECK(contains(json, "DTSTAMP:19700101T000000Z"));
    smart_string_free(json);
    EXPECT(smart_agreement_icalendar(NULL, f, SMART_LANG_EN, NULL, 0), SMART_EINVAL);
    OK(smart_agreement_schedule_warnings(&json, f, SMART_LANG_EN));
    CHECK(strcmp(json, "[]") == 0);
    smart_string_free(json);
    OK(smart_agreement_record_json(f, "meetings", "{\"kind\": \"staff\", \"date\": \"2025-05-17\", \"who\": 30}"));
    OK(smart_agreement_schedule_warnings(&json, f, SMART_LANG_EN));
    CHECK(contains(json, "\"reason\":\"holiday\""));
    CHECK(contains(json, "/records/meetings/"));
    smart_string_free(json);

    smart_agreement_free(a);
    smart_agreement_free(f);
    smart_agreement_free(NULL);
    smart_cohort_free(demo);
}

int main(void) {
    test_load_record_report();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
