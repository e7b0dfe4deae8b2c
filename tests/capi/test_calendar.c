/* Tests of the C ABI: holidays on a schedule and iCalendar export (harness: check.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* A cohort of an embedded programme with a gathering on 17 May (a Saturday in 2025) and
 * one timed session on a Tuesday. */
static const char *holiday_cohort =
    "{\"format\": \"smart.cohort/1\", \"id\": \"c-cal\", \"label\": \"Kull, kalender\","
    " \"programme\": {\"id\": \"p-cal\", \"name\": {\"nb\": \"Kalenderkurs\"}},"
    " \"sessions\": ["
    "  {\"id\": \"g1\", \"kind\": \"gathering\", \"days\": [\"2025-05-16\", \"2025-05-17\"]},"
    "  {\"id\": \"g2\", \"kind\": \"gathering\", \"days\": [\"2025-10-21\"], \"start\": \"10:00\", \"end\": \"12:00\"}"
    " ],"
    " \"participants\": [{\"id\": \"p1\", \"name\": \"Kari Nordmann\","
    "   \"municipality\": {\"number\": \"3905\", \"name\": \"Tønsberg\"}, \"role\": \"lærer\", \"sector\": \"public\"}]}";

void test_calendar(void) {
    smart_cohort *c = NULL;
    char *text = NULL, *again = NULL, *moved = NULL;

    TEST("schedule warnings: a session on 17 May, as JSON with the sentence in the language");
    OK(smart_cohort_load_json(&c, holiday_cohort));
    OK(smart_cohort_schedule_warnings(&text, c, SMART_LANG_EN));
    CHECK(text != NULL && contains(text, "\"day\":\"2025-05-17\""));
    CHECK(text != NULL && contains(text, "\"holiday\":\"constitution_day\""));
    CHECK(text != NULL && contains(text, "Constitution Day"));
    CHECK(text != NULL && !contains(text, "2025-05-16"));
    smart_string_free(text);
    text = NULL;
    EXPECT(smart_cohort_schedule_warnings(NULL, c, SMART_LANG_EN), SMART_EINVAL);
    EXPECT(smart_cohort_schedule_warnings(&text, c, (smart_lang)7), SMART_EINVAL);
    CHECK(text == NULL);

    TEST("iCalendar: the schedule with a fixed stamp, Europe/Oslo for the timed session");
    OK(smart_cohort_icalendar(&text, c, NULL, SMART_LANG_NB, NULL, 1735786800LL));
    CHECK(text != NULL && strncmp(text, "BEGIN:VCALENDAR\r\n", 17) == 0);
    CHECK(text != NULL && contains(text, "DTSTAMP:20250102T030000Z\r\n"));
    CHECK(text != NULL && contains(text, "DTSTART;TZID=Europe/Oslo:20251021T100000\r\n"));
    CHECK(text != NULL && contains(text, "DTSTART;VALUE=DATE:20250516\r\nDTEND;VALUE=DATE:20250518\r\n"));
    CHECK(text != NULL && contains(text, "X-WR-CALNAME:Kull\\, kalender\r\n"));
    OK(smart_cohort_icalendar(&again, c, NULL, SMART_LANG_NB, text, 1735786800LL));
    CHECK(text != NULL && again != NULL && strcmp(text, again) == 0); /* unchanged: same SEQUENCE */

    TEST("iCalendar: a previous export with a changed event bumps its SEQUENCE");
    OK(smart_cohort_icalendar(&moved, c, NULL, SMART_LANG_EN, text, 1735786800LL)); /* other language: changed */
    CHECK(moved != NULL && contains(moved, "SEQUENCE:1\r\n") && !contains(moved, "SEQUENCE:0\r\n"));
    smart_string_free(moved);
    moved = NULL;

    TEST("iCalendar: errors for a participant no one is, a previous text that is not iCalendar");
    EXPECT(smart_cohort_icalendar(&moved, c, "nobody", SMART_LANG_NB, NULL, -1), SMART_ENOTFOUND);
    CHECK(moved == NULL);
    EXPECT(smart_cohort_icalendar(&moved, c, NULL, SMART_LANG_NB, "not a calendar", -1), SMART_EINVAL);
    CHECK(contains(smart_error_last()->message, "previous export"));
    EXPECT(smart_cohort_icalendar(NULL, c, NULL, SMART_LANG_NB, NULL, -1), SMART_EINVAL);
    EXPECT(smart_cohort_icalendar(&moved, NULL, NULL, SMART_LANG_NB, NULL, -1), SMART_EINVAL);
    OK(smart_cohort_icalendar(&moved, c, "p1", SMART_LANG_NB, NULL, -1));
    CHECK(moved != NULL && contains(moved, "BEGIN:VEVENT"));

    smart_string_free(text);
    smart_string_free(again);
    smart_string_free(moved);
    smart_cohort_free(c);
}
