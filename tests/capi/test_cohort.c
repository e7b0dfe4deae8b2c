/* Tests of the C ABI: cohort documents, cohorts made in code, records, saving files (harness: check.h). */
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

void test_cohort_documents(void) {
    smart_cohort *c = NULL, *d = NULL;
    const char *s = NULL;
    char *json = NULL;
    char day[SMART_DATE_SIZE];
    size_t n = 0, days = 0;
    TEST("the demo cohort: id, label, programme, participants, session days");
    OK(smart_cohort_demo(&c));
    OK(smart_cohort_id(&s, c));
    CHECK(s && strcmp(s, "trener-2024-demo") == 0);
    OK(smart_cohort_label(&s, c));
    CHECK(contains(s, "demokull"));
    OK(smart_cohort_programme_id(&s, c));
    CHECK(s && strcmp(s, "smart-trener-2024") == 0);
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 36);
    OK(smart_cohort_participant_id(&s, c, 0));
    CHECK(s && strcmp(s, "p01") == 0);
    OK(smart_cohort_participant_id(&s, c, 35));
    CHECK(s && strcmp(s, "p36") == 0);
    EXPECT(smart_cohort_participant_id(&s, c, 36), SMART_EINVAL);
    CHECK(s == NULL);
    OK(smart_cohort_day_count(&days, c));
    CHECK(days == 9);
    OK(smart_cohort_day(day, c, 0));
    CHECK(strcmp(day, "2024-09-18") == 0);
    OK(smart_cohort_day(day, c, 8));
    CHECK(strcmp(day, "2025-04-09") == 0);
    EXPECT(smart_cohort_day(day, c, 9), SMART_EINVAL);
    CHECK(day[0] == '\0');
    EXPECT(smart_cohort_day(NULL, c, 0), SMART_EINVAL);
    EXPECT(smart_cohort_day(day, NULL, 0), SMART_EINVAL);
    EXPECT(smart_cohort_day_count(NULL, c), SMART_EINVAL);
    EXPECT(smart_cohort_day_count(&days, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_id(NULL, c), SMART_EINVAL);
    EXPECT(smart_cohort_id(&s, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_label(NULL, c), SMART_EINVAL);
    EXPECT(smart_cohort_label(&s, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_programme_id(NULL, c), SMART_EINVAL);
    EXPECT(smart_cohort_programme_id(&s, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_participant_count(NULL, c), SMART_EINVAL);
    EXPECT(smart_cohort_participant_count(&n, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_participant_id(NULL, c, 0), SMART_EINVAL);
    EXPECT(smart_cohort_participant_id(&s, NULL, 0), SMART_EINVAL);
    EXPECT(smart_cohort_demo(NULL), SMART_EINVAL);

    TEST("a cohort saved as JSON loads again with the same participants");
    OK(smart_cohort_save_json(&json, c));
    CHECK(contains(json, "\"format\": \"smart.cohort/1\""));
    CHECK(contains(json, "\"programme\": \"smart-trener-2024\""));
    OK(smart_cohort_load_json(&d, json));
    OK(smart_cohort_participant_count(&n, d));
    CHECK(n == 36);
    smart_string_free(json);
    smart_cohort_free(d);
    EXPECT(smart_cohort_save_json(NULL, c), SMART_EINVAL);
    EXPECT(smart_cohort_save_json(&json, NULL), SMART_EINVAL);
    CHECK(json == NULL);

    TEST("a cohort loads from a file; a missing file is not found");
    OK(smart_cohort_load_file(&d, SMART_SOURCE_DIR "/examples/cohorts/custom-programme-demo.json"));
    OK(smart_cohort_programme_id(&s, d));
    CHECK(s && strcmp(s, "holmestrand-lederskole-2025") == 0);
    smart_cohort_free(d);
    d = (smart_cohort *)&n;
    EXPECT(smart_cohort_load_file(&d, SMART_SOURCE_DIR "/examples/cohorts/none.json"), SMART_ENOTFOUND);
    CHECK(d == NULL);
    EXPECT(smart_cohort_load_file(&d, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_load_file(NULL, "x"), SMART_EINVAL);

    TEST("a cohort document's first problem is named by its JSON Pointer");
    EXPECT(smart_cohort_load_json(&d, "[1, 2"), SMART_EPARSE);
    CHECK(d == NULL);
    EXPECT(smart_cohort_load_json(&d, ""), SMART_EPARSE);
    EXPECT(smart_cohort_load_json(&d,
                                  "{\"format\": \"smart.cohort/1\", \"id\": \"k\", \"label\": \"K\", "
                                  "\"programme\": \"smart-trener-2024\", \"participants\": [{\"id\": \"a\", "
                                  "\"name\": \"A\", \"municipality\": {\"number\": \"3903\", \"name\": \"H\"}, "
                                  "\"role\": \"r\", \"sector\": \"public\", \"atendance\": {}}]}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/0/atendance"));
    EXPECT(smart_cohort_load_json(&d,
                                  "{\"format\": \"smart.cohort/1\", \"id\": \"k\", \"label\": \"K\", "
                                  "\"programme\": \"smart-trener-2024\", \"participants\": [{\"id\": \"a\", "
                                  "\"name\": \"A\", \"municipality\": {\"number\": \"3903\", \"name\": \"H\"}, "
                                  "\"role\": \"r\", \"sector\": \"public\", \"attendance\": "
                                  "{\"2024-02-30\": \"present\"}}]}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/0/attendance/2024-02-30"));
    EXPECT(smart_cohort_load_json(&d, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_load_json(NULL, "{}"), SMART_EINVAL);
    smart_cohort_free(c);
}

void test_cohort_create(void) {
    smart_programme *p = NULL, *arslop = NULL;
    smart_cohort *c = NULL, *small = NULL;
    char buf[512];
    char *json = NULL;
    size_t n = 99;
    const char *s = NULL;
    smart_attendance a = SMART_ATTENDANCE_ABSENT;
    TEST("a new cohort of a built-in programme starts empty and refers to the programme by id");
    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    OK(smart_cohort_create(&c, p, "holmestrand-2024", "Holmestrand 2024"));
    smart_programme_free(p); /* the cohort keeps what it needs */
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 0);
    OK(smart_cohort_programme_id(&s, c));
    CHECK(s && strcmp(s, "smart-trener-2024") == 0);
    OK(smart_cohort_save_json(&json, c));
    CHECK(contains(json, "\"programme\": \"smart-trener-2024\""));
    smart_string_free(json);

    TEST("a participant given as a JSON object is added, validated on entry");
    participant_json(buf, sizeof buf, "a1", "3903");
    OK(smart_cohort_add_participant_json(c, buf));
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 1);
    OK(smart_cohort_attendance(&a, c, "a1", "2024-09-19"));
    CHECK(a == SMART_ATTENDANCE_LATE);
    OK(smart_cohort_attendance(&a, c, "a1", "2024-11-13"));
    CHECK(a == SMART_ATTENDANCE_UNRECORDED);

    TEST("a duplicate participant id is a validation error at /id");
    EXPECT(smart_cohort_add_participant_json(c, buf), SMART_EVALIDATION);
    CHECK(last_pointer_is("/id"));
    TEST("a bad municipality number is named relative to the participant object");
    participant_json(buf, sizeof buf, "a2", "39x3");
    EXPECT(smart_cohort_add_participant_json(c, buf), SMART_EVALIDATION);
    CHECK(last_pointer_is("/municipality/number"));
    TEST("attendance on a day with no session is refused");
    EXPECT(smart_cohort_add_participant_json(c, "{\"id\": \"a3\", \"name\": \"N\", \"municipality\": {\"number\": "
                                                "\"3903\", \"name\": \"H\"}, \"role\": \"r\", \"sector\": "
                                                "\"public\", \"attendance\": {\"2024-09-20\": \"present\"}}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/attendance/2024-09-20"));
    TEST("a participant that is not an object, or not JSON, is refused");
    EXPECT(smart_cohort_add_participant_json(c, "[]"), SMART_EVALIDATION);
    CHECK(last_pointer_is(""));
    EXPECT(smart_cohort_add_participant_json(c, "{\"id\": "), SMART_EPARSE);
    EXPECT(smart_cohort_add_participant_json(c, "{} {}"), SMART_EPARSE);
    EXPECT(smart_cohort_add_participant_json(c, "{\"id\": \"z\"}], \"capacity\": 1, \"x\": ["), SMART_EPARSE);
    EXPECT(smart_cohort_add_participant_json(c, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_add_participant_json(NULL, buf), SMART_EINVAL);
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 1);

    TEST("a full cohort refuses another participant");
    OK(smart_cohort_load_json(&small, "{\"format\": \"smart.cohort/1\", \"id\": \"s\", \"label\": \"S\", "
                                      "\"programme\": \"smart-trener-2024\", \"capacity\": 1}"));
    participant_json(buf, sizeof buf, "b1", "3905");
    OK(smart_cohort_add_participant_json(small, buf));
    participant_json(buf, sizeof buf, "b2", "3905");
    EXPECT(smart_cohort_add_participant_json(small, buf), SMART_ENOTALLOWED);
    smart_cohort_free(small);

    TEST("a template programme has no dates: a cohort of it needs its own sessions");
    OK(smart_programme_from_catalogue(&arslop, "smart-trener-arslop"));
    small = (smart_cohort *)&n;
    EXPECT(smart_cohort_create(&small, arslop, "k", "K"), SMART_EVALIDATION);
    CHECK(small == NULL);
    EXPECT(smart_cohort_create(&small, arslop, "", "K"), SMART_EVALIDATION);
    EXPECT(smart_cohort_create(&small, arslop, NULL, "K"), SMART_EINVAL);
    EXPECT(smart_cohort_create(&small, arslop, "k", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_create(&small, NULL, "k", "K"), SMART_EINVAL);
    EXPECT(smart_cohort_create(NULL, arslop, "k", "K"), SMART_EINVAL);
    smart_programme_free(arslop);
    smart_cohort_free(c);
}

/* Issue 11: a cohort made in C takes a capacity; without one it has the programme's seats,
 * as in C++ and Python. */
static void test_capacity(void) {
    static const char *two_seats =
        "{\"format\": \"smart.programme/1\", \"id\": \"two-seats\", \"name\": \"To plasser\", \"seats\": 2, "
        "\"sessions\": [{\"id\": \"g1\", \"kind\": \"gathering\", \"days\": [\"2024-09-18\", \"2024-09-19\"]}], "
        "\"certificate\": {\"requirements\": [{\"id\": \"attendance\", \"kind\": \"attendance\"}]}}";
    smart_programme *p = NULL;
    smart_cohort *c = NULL;
    smart_cohort_options o;
    char buf[512];
    int seats = -1;
    OK(smart_programme_load_json(&p, two_seats));

    TEST("a cohort made in C without options has the programme's seats");
    OK(smart_cohort_create(&c, p, "c1", "Kull"));
    OK(smart_cohort_capacity(&seats, c));
    CHECK(seats == 2);
    smart_cohort_free(c);
    OK(smart_cohort_create_with_options(&c, p, "c1", "Kull", NULL));
    OK(smart_cohort_capacity(&seats, c));
    CHECK(seats == 2);
    smart_cohort_free(c);

    TEST("a cohort made in C with a capacity refuses a participant beyond it, withdrawn or not");
    memset(&o, 0x5a, sizeof o);
    OK(smart_cohort_options_init(&o, SMART_COHORT_OPTIONS_VERSION));
    CHECK(o.version == SMART_COHORT_OPTIONS_VERSION && o.capacity == 0);
    o.capacity = 1;
    OK(smart_cohort_create_with_options(&c, p, "c1", "Kull", &o));
    OK(smart_cohort_capacity(&seats, c));
    CHECK(seats == 1);
    participant_json(buf, sizeof buf, "a1", "3903");
    OK(smart_cohort_add_participant_json(c, buf));
    OK(smart_cohort_withdraw(c, "a1", "2024-09-18", "Sluttet (fiktivt)"));
    participant_json(buf, sizeof buf, "a2", "3903");
    EXPECT(smart_cohort_add_participant_json(c, buf), SMART_ENOTALLOWED);
    CHECK(contains(smart_error_last()->message, "1 seat"));
    smart_cohort_free(c);

    TEST("cohort options: a capacity below 0, an unknown version, NULL arguments");
    o.capacity = -1;
    EXPECT(smart_cohort_create_with_options(&c, p, "c1", "Kull", &o), SMART_EVALIDATION);
    CHECK(last_pointer_is("/capacity"));
    CHECK(c == NULL);
    o.capacity = 0;
    o.version = 2;
    EXPECT(smart_cohort_create_with_options(&c, p, "c1", "Kull", &o), SMART_EINVAL);
    EXPECT(smart_cohort_options_init(&o, 2), SMART_EINVAL);
    EXPECT(smart_cohort_options_init(NULL, 1), SMART_EINVAL);
    EXPECT(smart_cohort_create_with_options(NULL, p, "c1", "Kull", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_create_with_options(&c, NULL, "c1", "Kull", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_create_with_options(&c, p, NULL, "Kull", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_capacity(NULL, c), SMART_EINVAL);
    EXPECT(smart_cohort_capacity(&seats, NULL), SMART_EINVAL);
    smart_programme_free(p);
}

/* Issue 11: typed accessors for the records and the schedule, outputs with their size. */
static void test_record_accessors(void) {
    smart_cohort *c = NULL;
    const smart_cohort *seen = NULL;
    smart_evaluation *e = NULL;
    smart_evaluate_options eo = SMART_EVALUATE_OPTIONS_INIT;
    smart_submission sub = SMART_SUBMISSION_INIT;
    smart_exemption ex = SMART_EXEMPTION_INIT;
    smart_session_kind kind = SMART_SESSION_OTHER;
    smart_sector sector = SMART_SECTOR_VOLUNTARY;
    smart_festival_role role = SMART_FESTIVAL_ROLE_WORKSHOP;
    smart_submission_kind skind = SMART_SUBMISSION_REFLECTION;
    smart_submission_status sstatus = SMART_SUBMISSION_SUBMITTED;
    smart_final_category cat = SMART_FINAL_CATEGORY_NONE;
    const char *s = NULL, *number = NULL, *name = NULL, *reason = NULL, *granted = NULL;
    char day[SMART_DATE_SIZE], small[5];
    char *json = NULL;
    size_t n = 0, last = 0, i = 0;
    unsigned int pages = 9;
    OK(smart_cohort_demo(&c));

    TEST("the schedule: sessions, their ids and kinds, the session of each day");
    OK(smart_cohort_session_count(&n, c));
    CHECK(n == 5);
    OK(smart_cohort_session_kind(&kind, c, 0));
    CHECK(kind == SMART_SESSION_GATHERING);
    OK(smart_cohort_session_kind(&kind, c, 4));
    CHECK(kind == SMART_SESSION_FESTIVAL);
    OK(smart_cohort_session_id(&s, c, 4));
    CHECK(s != NULL && strlen(s) > 0);
    OK(smart_cohort_day_session(&i, c, 8));
    CHECK(i == 4);
    OK(smart_cohort_day_session(&i, c, 1));
    CHECK(i == 0);
    EXPECT(smart_cohort_session_kind(&kind, c, 5), SMART_EINVAL);
    EXPECT(smart_cohort_day_session(&i, c, 9), SMART_EINVAL);
    EXPECT(smart_cohort_session_id(&s, c, 5), SMART_EINVAL);
    CHECK(s == NULL);

    TEST("a date into a buffer with its size; too small is SMART_EBUFS with the size needed");
    OK(smart_cohort_day_r(day, sizeof day, c, 0));
    CHECK(strcmp(day, "2024-09-18") == 0);
    small[0] = 'x';
    EXPECT(smart_cohort_day_r(small, sizeof small, c, 0), SMART_EBUFS);
    CHECK(small[0] == '\0');
    CHECK(contains(smart_error_last()->message, "11 bytes needed"));
    CHECK(strcmp(smart_status_name(SMART_EBUFS), "buffer_too_small") == 0);
    EXPECT(smart_cohort_day_r(day, 0, c, 0), SMART_EBUFS);
    EXPECT(smart_cohort_day_r(NULL, sizeof day, c, 0), SMART_EINVAL);
    EXPECT(smart_cohort_day_r(day, sizeof day, c, 9), SMART_EINVAL);

    TEST("a participant's name, municipality, role, sector and festival role");
    OK(smart_cohort_participant_name(&s, c, 0));
    CHECK(s != NULL && strlen(s) > 0);
    OK(smart_cohort_participant_municipality(&number, &name, c, 0));
    CHECK(number != NULL && strlen(number) == 4 && name != NULL && strlen(name) > 0);
    OK(smart_cohort_participant_role(&s, c, 0));
    CHECK(s != NULL && strlen(s) > 0);
    OK(smart_cohort_participant_sector(&sector, c, 0));
    CHECK(sector == SMART_SECTOR_PUBLIC || sector == SMART_SECTOR_PRIVATE || sector == SMART_SECTOR_VOLUNTARY);
    OK(smart_cohort_set_festival_role(c, "p01", SMART_FESTIVAL_ROLE_EXHIBITION));
    OK(smart_cohort_participant_festival_role(&role, c, 0));
    CHECK(role == SMART_FESTIVAL_ROLE_EXHIBITION);
    EXPECT(smart_cohort_participant_name(&s, c, 36), SMART_EINVAL);
    CHECK(s == NULL);
    EXPECT(smart_cohort_participant_municipality(&number, NULL, c, 0), SMART_EINVAL);

    TEST("submissions: count, kind, status, date, pages, category, title, decision");
    sub.kind = SMART_SUBMISSION_FINAL_TEXT;
    sub.status = SMART_SUBMISSION_APPROVED;
    sub.date = "2025-04-01";
    sub.pages = 3;
    sub.category = SMART_FINAL_CATEGORY_RESULTS;
    sub.title = "Tittel (C-test)";
    sub.decided_by = "Fagleder (fiktiv)";
    sub.decided_on = "2025-04-02";
    OK(smart_cohort_add_submission(c, "p03", &sub));
    OK(smart_cohort_submission_count(&n, c, 2));
    CHECK(n >= 1);
    last = n - 1;
    OK(smart_cohort_submission_kind(&skind, c, 2, last));
    CHECK(skind == SMART_SUBMISSION_FINAL_TEXT);
    OK(smart_cohort_submission_status(&sstatus, c, 2, last));
    CHECK(sstatus == SMART_SUBMISSION_APPROVED);
    OK(smart_cohort_submission_date(day, sizeof day, c, 2, last));
    CHECK(strcmp(day, "2025-04-01") == 0);
    OK(smart_cohort_submission_pages(&pages, c, 2, last));
    CHECK(pages == 3);
    OK(smart_cohort_submission_category(&cat, c, 2, last));
    CHECK(cat == SMART_FINAL_CATEGORY_RESULTS);
    OK(smart_cohort_submission_title(&s, c, 2, last));
    CHECK(s && strcmp(s, "Tittel (C-test)") == 0);
    OK(smart_cohort_submission_decided_by(&s, c, 2, last));
    CHECK(s && strcmp(s, "Fagleder (fiktiv)") == 0);
    OK(smart_cohort_submission_decided_on(day, sizeof day, c, 2, last));
    CHECK(strcmp(day, "2025-04-02") == 0);
    EXPECT(smart_cohort_submission_decided_on(small, sizeof small, c, 2, last), SMART_EBUFS);
    EXPECT(smart_cohort_submission_kind(&skind, c, 2, last + 1), SMART_EINVAL);
    OK(smart_cohort_set_submission_status(c, "p03", last, SMART_SUBMISSION_SUBMITTED, NULL, NULL));
    OK(smart_cohort_submission_decided_by(&s, c, 2, last));
    CHECK(s == NULL);
    EXPECT(smart_cohort_submission_decided_on(day, sizeof day, c, 2, last), SMART_ENOTFOUND);
    CHECK(day[0] == '\0');

    TEST("exemptions and withdrawals read back");
    ex.requirement = "festival";
    ex.reason = "Sykdom (fiktivt)";
    ex.granted_by = "Koordinator (fiktiv)";
    OK(smart_cohort_add_exemption(c, "p04", &ex));
    OK(smart_cohort_exemption_count(&n, c, 3));
    CHECK(n == 1);
    OK(smart_cohort_exemption(&s, &reason, &granted, c, 3, 0));
    CHECK(strcmp(s, "festival") == 0 && strcmp(reason, "Sykdom (fiktivt)") == 0 &&
          strcmp(granted, "Koordinator (fiktiv)") == 0);
    EXPECT(smart_cohort_exemption_date(day, sizeof day, c, 3, 0), SMART_ENOTFOUND);
    EXPECT(smart_cohort_exemption(&s, &reason, &granted, c, 3, 1), SMART_EINVAL);
    EXPECT(smart_cohort_participant_withdrawal(day, sizeof day, &reason, c, 4), SMART_ENOTFOUND);
    CHECK(reason == NULL);
    OK(smart_cohort_withdraw(c, "p05", "2025-01-01", "Flyttet (fiktivt)"));
    OK(smart_cohort_participant_withdrawal(day, sizeof day, &reason, c, 4));
    CHECK(strcmp(day, "2025-01-01") == 0 && reason && strcmp(reason, "Flyttet (fiktivt)") == 0);

    TEST("an evaluation lends the cohort as evaluated; it outlives the cohort and its changes");
    eo.as_of = "2025-05-01";
    OK(smart_evaluate(&e, c, &eo));
    OK(smart_evaluation_as_of_r(day, sizeof day, e));
    CHECK(strcmp(day, "2025-05-01") == 0);
    EXPECT(smart_evaluation_as_of_r(small, sizeof small, e), SMART_EBUFS);
    OK(smart_evaluation_cohort(&seen, e));
    OK(smart_cohort_correct_participant(c, "p05", &(smart_participant_details){SMART_PARTICIPANT_DETAILS_VERSION,
                                                    "Nytt Navn (fiktiv)", "3911", "Færder", "rektor",
                                                    SMART_SECTOR_PUBLIC}));
    smart_cohort_free(c);
    OK(smart_cohort_participant_name(&s, seen, 4));
    CHECK(s && strcmp(s, "Nytt Navn (fiktiv)") != 0);
    OK(smart_cohort_participant_withdrawal(day, sizeof day, &reason, seen, 4));
    CHECK(reason && strcmp(reason, "Flyttet (fiktivt)") == 0);
    OK(smart_cohort_exemption_count(&n, seen, 3));
    CHECK(n == 1);
    OK(smart_evaluation_to_json(&json, e, seen));
    CHECK(contains(json, "\"status\": \"withdrawn\"") && contains(json, "\"withdrawn\": 1"));
    smart_string_free(json);
    EXPECT(smart_evaluation_cohort(NULL, e), SMART_EINVAL);
    EXPECT(smart_evaluation_cohort(&seen, NULL), SMART_EINVAL);
    CHECK(seen == NULL);
    smart_evaluation_free(e);
}

/* Issue 11: a register corrects itself from C. */
static void test_corrections(void) {
    smart_cohort *c = NULL;
    smart_evaluation *e = NULL;
    smart_evaluate_options eo = SMART_EVALUATE_OPTIONS_INIT;
    smart_submission sub = SMART_SUBMISSION_INIT;
    smart_participant_details det = SMART_PARTICIPANT_DETAILS_INIT;
    smart_overall_status st = SMART_STATUS_ELIGIBLE;
    const char *label = NULL;
    char *json = NULL, *before = NULL, *why = NULL;
    size_t n = 0, i = 0;
    OK(smart_cohort_demo(&c));

    TEST("a submission's status is set with who decided and when, and saved");
    sub.kind = SMART_SUBMISSION_FINAL_TEXT;
    sub.date = "2025-04-01";
    sub.pages = 2;
    OK(smart_cohort_add_submission(c, "p20", &sub));
    OK(smart_cohort_set_submission_status(c, "p20", 0, SMART_SUBMISSION_APPROVED, "Fagleder (fiktiv)", "2025-04-02"));
    OK(smart_cohort_save_json(&json, c));
    CHECK(contains(json, "\"decided_by\": \"Fagleder (fiktiv)\""));
    CHECK(contains(json, "\"decided_on\": \"2025-04-02\""));
    smart_string_free(json);
    OK(smart_cohort_set_submission_status(c, "p20", 0, SMART_SUBMISSION_SUBMITTED, NULL, NULL));

    TEST("a decision without who or when, or dated before the document, is refused and changes nothing");
    OK(smart_cohort_save_json(&before, c));
    EXPECT(smart_cohort_set_submission_status(c, "p20", 0, SMART_SUBMISSION_APPROVED, NULL, "2025-04-02"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/19/submissions/0/decided_by"));
    EXPECT(smart_cohort_set_submission_status(c, "p20", 0, SMART_SUBMISSION_APPROVED, "X", NULL), SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/19/submissions/0/decided_on"));
    EXPECT(smart_cohort_set_submission_status(c, "p20", 0, SMART_SUBMISSION_APPROVED, "X", "2000-01-01"),
           SMART_EVALIDATION);
    EXPECT(smart_cohort_set_submission_status(c, "p20", 0, SMART_SUBMISSION_APPROVED, "X", "2025-02-30"),
           SMART_EPARSE);
    EXPECT(smart_cohort_set_submission_status(c, "p20", 999, SMART_SUBMISSION_APPROVED, "X", "2025-04-02"),
           SMART_ENOTFOUND);
    CHECK(last_pointer_is("/participants/19/submissions/999"));
    EXPECT(smart_cohort_set_submission_status(c, "p20", 0, (smart_submission_status)3, NULL, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_set_submission_status(c, "nobody", 0, SMART_SUBMISSION_SUBMITTED, NULL, NULL),
           SMART_ENOTFOUND);
    EXPECT(smart_cohort_set_submission_status(NULL, "p20", 0, SMART_SUBMISSION_SUBMITTED, NULL, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_set_submission_status(c, NULL, 0, SMART_SUBMISSION_SUBMITTED, NULL, NULL), SMART_EINVAL);
    OK(smart_cohort_save_json(&json, c));
    CHECK(strcmp(json, before) == 0);
    smart_string_free(json);

    TEST("a submission is corrected and removed");
    sub.title = "Rettet tittel (C-test)";
    sub.status = SMART_SUBMISSION_APPROVED;
    sub.decided_by = "Koordinator (fiktiv)";
    sub.decided_on = "2025-04-03";
    OK(smart_cohort_correct_submission(c, "p20", 0, &sub));
    OK(smart_cohort_save_json(&json, c));
    CHECK(contains(json, "Rettet tittel (C-test)"));
    CHECK(contains(json, "Koordinator (fiktiv)"));
    smart_string_free(json);
    sub.pages = 0;
    sub.decided_on = NULL;
    EXPECT(smart_cohort_correct_submission(c, "p20", 0, &sub), SMART_EVALIDATION);
    EXPECT(smart_cohort_correct_submission(c, "p20", 999, &sub), SMART_ENOTFOUND);
    EXPECT(smart_cohort_correct_submission(c, "p20", 0, NULL), SMART_EINVAL);
    OK(smart_cohort_remove_submission(c, "p20", 0));
    OK(smart_cohort_save_json(&json, c));
    CHECK(!contains(json, "Rettet tittel (C-test)"));
    smart_string_free(json);
    EXPECT(smart_cohort_remove_submission(c, "p20", 999), SMART_ENOTFOUND);
    EXPECT(smart_cohort_remove_submission(c, NULL, 0), SMART_EINVAL);
    EXPECT(smart_cohort_remove_submission(NULL, "p20", 0), SMART_EINVAL);

    TEST("a participant's details are corrected, validated, the id kept");
    OK(smart_participant_details_init(&det, SMART_PARTICIPANT_DETAILS_VERSION));
    det.name = "Rettet Navn (fiktiv)";
    det.municipality_number = "3911";
    det.municipality_name = "Færder";
    det.role = "rektor";
    det.sector = SMART_SECTOR_VOLUNTARY;
    OK(smart_cohort_correct_participant(c, "p21", &det));
    OK(smart_cohort_save_json(&json, c));
    CHECK(contains(json, "Rettet Navn (fiktiv)"));
    CHECK(contains(json, "\"voluntary\""));
    smart_string_free(json);
    det.municipality_number = "38";
    EXPECT(smart_cohort_correct_participant(c, "p21", &det), SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/20/municipality/number"));
    det.municipality_number = "3911";
    det.sector = (smart_sector)3;
    EXPECT(smart_cohort_correct_participant(c, "p21", &det), SMART_EINVAL);
    det.sector = SMART_SECTOR_PUBLIC;
    det.role = NULL;
    EXPECT(smart_cohort_correct_participant(c, "p21", &det), SMART_EINVAL);
    det.role = "rektor";
    det.version = 0;
    EXPECT(smart_cohort_correct_participant(c, "p21", &det), SMART_EINVAL);
    EXPECT(smart_participant_details_init(&det, 2), SMART_EINVAL);
    det.version = SMART_PARTICIPANT_DETAILS_VERSION;
    EXPECT(smart_cohort_correct_participant(c, "nobody", &det), SMART_ENOTFOUND);
    EXPECT(smart_cohort_correct_participant(c, "p21", NULL), SMART_EINVAL);

    TEST("a withdrawn participant is SMART_STATUS_WITHDRAWN from the date on, counted apart");
    eo.as_of = "2025-05-01";
    OK(smart_evaluate(&e, c, &eo));
    OK(smart_evaluation_participant_index(&i, e, "p22"));
    OK(smart_evaluation_status(&st, e, i));
    CHECK(st != SMART_STATUS_WITHDRAWN);
    smart_evaluation_free(e);
    OK(smart_cohort_withdraw(c, "p22", "2024-12-01", "Sluttet i jobben (fiktivt)"));
    OK(smart_evaluate(&e, c, &eo));
    OK(smart_evaluation_status(&st, e, i));
    CHECK(st == SMART_STATUS_WITHDRAWN);
    OK(smart_evaluation_count(&n, e, SMART_STATUS_WITHDRAWN));
    CHECK(n == 1);
    OK(smart_evaluation_explain(&why, e, i, 0, SMART_LANG_EN));
    CHECK(why != NULL && strlen(why) > 0);
    smart_string_free(why);
    smart_evaluation_free(e);
    eo.as_of = "2024-11-30";
    OK(smart_evaluate(&e, c, &eo));
    OK(smart_evaluation_status(&st, e, i));
    CHECK(st != SMART_STATUS_WITHDRAWN);
    smart_evaluation_free(e);
    OK(smart_status_label(&label, SMART_STATUS_WITHDRAWN, 0, SMART_LANG_NB));
    CHECK(strcmp(label, "trukket seg") == 0);
    OK(smart_status_label(&label, SMART_STATUS_WITHDRAWN, 0, SMART_LANG_NN));
    CHECK(strcmp(label, "trekt seg") == 0);
    OK(smart_status_label(&label, SMART_STATUS_WITHDRAWN, 0, SMART_LANG_EN));
    CHECK(strcmp(label, "withdrawn") == 0);
    OK(smart_cohort_save_json(&json, c));
    CHECK(contains(json, "Sluttet i jobben (fiktivt)"));
    smart_string_free(json);

    TEST("a withdrawal: after the last day, twice, no reason; undone");
    EXPECT(smart_cohort_withdraw(c, "p22", "2024-12-02", "Igjen"), SMART_ENOTALLOWED);
    EXPECT(smart_cohort_withdraw(c, "p23", "2025-04-10", "For sent"), SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/22/withdrawal/date"));
    EXPECT(smart_cohort_withdraw(c, "p23", "2025-01-10", ""), SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/22/withdrawal/reason"));
    EXPECT(smart_cohort_withdraw(c, "p23", "2025-01-10", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_withdraw(c, "p23", NULL, "x"), SMART_EINVAL);
    EXPECT(smart_cohort_withdraw(c, "p23", "10.01.2025", "x"), SMART_EPARSE);
    EXPECT(smart_cohort_withdraw(c, "nobody", "2025-01-10", "x"), SMART_ENOTFOUND);
    OK(smart_cohort_cancel_withdrawal(c, "p22"));
    EXPECT(smart_cohort_cancel_withdrawal(c, "p22"), SMART_ENOTFOUND);
    EXPECT(smart_cohort_cancel_withdrawal(NULL, "p22"), SMART_EINVAL);
    EXPECT(smart_cohort_cancel_withdrawal(c, NULL), SMART_EINVAL);

    smart_string_free(before);
    smart_cohort_free(c);
    test_capacity();
    test_record_accessors();
}

void test_records(void) {
    smart_cohort *c = NULL;
    smart_attendance a = SMART_ATTENDANCE_UNRECORDED;
    smart_submission sub = SMART_SUBMISSION_INIT;
    smart_submission sub2;
    smart_exemption ex = SMART_EXEMPTION_INIT;
    smart_exemption ex2;
    char *json = NULL;
    test_corrections();
    OK(smart_cohort_demo(&c));

    TEST("attendance is recorded per session day and read back");
    OK(smart_cohort_set_attendance(c, "p01", "2024-11-13", SMART_ATTENDANCE_EXCUSED));
    OK(smart_cohort_attendance(&a, c, "p01", "2024-11-13"));
    CHECK(a == SMART_ATTENDANCE_EXCUSED);
    OK(smart_cohort_set_attendance(c, "p01", "2024-11-13", SMART_ATTENDANCE_PRESENT));
    OK(smart_cohort_attendance(&a, c, "p01", "2024-11-13"));
    CHECK(a == SMART_ATTENDANCE_PRESENT);
    TEST("attendance: a day that is not a date, a day without a session, an unknown participant");
    EXPECT(smart_cohort_set_attendance(c, "p01", "2024-13-01", SMART_ATTENDANCE_PRESENT), SMART_EPARSE);
    EXPECT(smart_cohort_set_attendance(c, "p01", "13.11.2024", SMART_ATTENDANCE_PRESENT), SMART_EPARSE);
    EXPECT(smart_cohort_set_attendance(c, "p01", "2024-11-15", SMART_ATTENDANCE_PRESENT), SMART_EVALIDATION);
    CHECK(last_pointer_is("/participants/0/attendance/2024-11-15"));
    EXPECT(smart_cohort_set_attendance(c, "nobody", "2024-11-13", SMART_ATTENDANCE_PRESENT), SMART_ENOTFOUND);
    EXPECT(smart_cohort_set_attendance(c, "p01", "2024-11-13", (smart_attendance)5), SMART_EINVAL);
    EXPECT(smart_cohort_set_attendance(c, "p01", "2024-11-13", (smart_attendance)-1), SMART_EINVAL);
    EXPECT(smart_cohort_set_attendance(c, "p01", NULL, SMART_ATTENDANCE_PRESENT), SMART_EINVAL);
    EXPECT(smart_cohort_set_attendance(c, NULL, "2024-11-13", SMART_ATTENDANCE_PRESENT), SMART_EINVAL);
    EXPECT(smart_cohort_set_attendance(NULL, "p01", "2024-11-13", SMART_ATTENDANCE_PRESENT), SMART_EINVAL);
    EXPECT(smart_cohort_attendance(&a, c, "p01", "2024-11-15"), SMART_EVALIDATION);
    EXPECT(smart_cohort_attendance(&a, c, "nobody", "2024-11-13"), SMART_ENOTFOUND);
    EXPECT(smart_cohort_attendance(&a, c, "p01", "yesterday"), SMART_EPARSE);
    EXPECT(smart_cohort_attendance(&a, c, "p01", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_attendance(&a, c, NULL, "2024-11-13"), SMART_EINVAL);
    EXPECT(smart_cohort_attendance(&a, NULL, "p01", "2024-11-13"), SMART_EINVAL);
    EXPECT(smart_cohort_attendance(NULL, c, "p01", "2024-11-13"), SMART_EINVAL);

    TEST("the festival role is recorded");
    OK(smart_cohort_set_festival_role(c, "p02", SMART_FESTIVAL_ROLE_WORKSHOP));
    OK(smart_cohort_set_festival_role(c, "p02", SMART_FESTIVAL_ROLE_NONE));
    EXPECT(smart_cohort_set_festival_role(c, "p02", (smart_festival_role)4), SMART_EINVAL);
    EXPECT(smart_cohort_set_festival_role(c, "nobody", SMART_FESTIVAL_ROLE_EXHIBITION), SMART_ENOTFOUND);
    EXPECT(smart_cohort_set_festival_role(c, NULL, SMART_FESTIVAL_ROLE_EXHIBITION), SMART_EINVAL);
    EXPECT(smart_cohort_set_festival_role(NULL, "p02", SMART_FESTIVAL_ROLE_EXHIBITION), SMART_EINVAL);

    TEST("submission structures initialise to their defaults");
    memset(&sub2, 0x5a, sizeof sub2);
    OK(smart_submission_init(&sub2, SMART_SUBMISSION_VERSION));
    CHECK(sub2.version == SMART_SUBMISSION_VERSION && sub2.kind == SMART_SUBMISSION_REFLECTION &&
          sub2.status == SMART_SUBMISSION_SUBMITTED && sub2.date == NULL && sub2.pages == 0 &&
          sub2.category == SMART_FINAL_CATEGORY_NONE && sub2.title == NULL && sub2.decided_by == NULL &&
          sub2.decided_on == NULL);
    CHECK(sub.version == SMART_SUBMISSION_VERSION && sub.date == NULL);
    EXPECT(smart_submission_init(&sub2, 0), SMART_EINVAL);
    EXPECT(smart_submission_init(&sub2, SMART_SUBMISSION_VERSION + 1), SMART_EINVAL);
    EXPECT(smart_submission_init(NULL, SMART_SUBMISSION_VERSION), SMART_EINVAL);

    TEST("a submission is appended and saved with the cohort");
    sub.kind = SMART_SUBMISSION_FINAL_TEXT;
    sub.status = SMART_SUBMISSION_APPROVED;
    sub.date = "2025-04-01";
    sub.pages = 3;
    sub.category = SMART_FINAL_CATEGORY_INSIGHT;
    sub.title = "Min avsluttende tekst (C-test)";
    OK(smart_cohort_add_submission(c, "p14", &sub));
    OK(smart_cohort_save_json(&json, c));
    CHECK(contains(json, "Min avsluttende tekst (C-test)"));
    smart_string_free(json);
    sub.title = NULL;
    sub.pages = 0;
    sub.kind = SMART_SUBMISSION_REFLECTION;
    sub.category = SMART_FINAL_CATEGORY_NONE;
    OK(smart_cohort_add_submission(c, "p14", &sub));
    TEST("a bad submission is refused and changes nothing");
    sub.date = "2025-02-29";
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EPARSE);
    sub.date = NULL;
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EINVAL);
    sub.date = "2025-04-01";
    sub.pages = 70000;
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EINVAL);
    sub.pages = 2;
    sub.kind = (smart_submission_kind)6;
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EINVAL);
    sub.kind = SMART_SUBMISSION_FINAL_TEXT;
    sub.status = (smart_submission_status)3;
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EINVAL);
    sub.status = SMART_SUBMISSION_SUBMITTED;
    sub.category = (smart_final_category)6;
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EINVAL);
    sub.category = SMART_FINAL_CATEGORY_NONE;
    sub.version = 0;
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EINVAL);
    sub.version = SMART_SUBMISSION_VERSION + 1;
    EXPECT(smart_cohort_add_submission(c, "p14", &sub), SMART_EINVAL);
    sub.version = SMART_SUBMISSION_VERSION;
    EXPECT(smart_cohort_add_submission(c, "nobody", &sub), SMART_ENOTFOUND);
    EXPECT(smart_cohort_add_submission(c, "p14", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_add_submission(c, NULL, &sub), SMART_EINVAL);
    EXPECT(smart_cohort_add_submission(NULL, "p14", &sub), SMART_EINVAL);

    TEST("exemption structures initialise to their defaults");
    memset(&ex2, 0x5a, sizeof ex2);
    OK(smart_exemption_init(&ex2, SMART_EXEMPTION_VERSION));
    CHECK(ex2.version == SMART_EXEMPTION_VERSION && ex2.requirement == NULL && ex2.reason == NULL &&
          ex2.granted_by == NULL && ex2.date == NULL);
    EXPECT(smart_exemption_init(&ex2, 0), SMART_EINVAL);
    EXPECT(smart_exemption_init(&ex2, SMART_EXEMPTION_VERSION + 1), SMART_EINVAL);
    EXPECT(smart_exemption_init(NULL, SMART_EXEMPTION_VERSION), SMART_EINVAL);

    TEST("an exemption is recorded once, validated, and withdrawn");
    ex.requirement = "final_text";
    ex.reason = "Sykemelding (fiktivt)";
    ex.granted_by = "Koordinator (fiktiv)";
    ex.date = "2025-03-01";
    OK(smart_cohort_add_exemption(c, "p17", &ex));
    EXPECT(smart_cohort_add_exemption(c, "p17", &ex), SMART_EVALIDATION);
    CHECK(contains(smart_error_last()->message, "already exempted"));
    OK(smart_cohort_remove_exemption(c, "p17", "final_text"));
    EXPECT(smart_cohort_remove_exemption(c, "p17", "final_text"), SMART_ENOTFOUND);
    EXPECT(smart_cohort_remove_exemption(c, "nobody", "final_text"), SMART_ENOTFOUND);
    EXPECT(smart_cohort_remove_exemption(c, "p17", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_remove_exemption(c, NULL, "final_text"), SMART_EINVAL);
    EXPECT(smart_cohort_remove_exemption(NULL, "p17", "final_text"), SMART_EINVAL);
    ex.date = NULL;
    OK(smart_cohort_add_exemption(c, "p17", &ex));
    ex.requirement = "no-such-requirement";
    EXPECT(smart_cohort_add_exemption(c, "p18", &ex), SMART_EVALIDATION);
    ex.requirement = "notes";
    ex.reason = "";
    EXPECT(smart_cohort_add_exemption(c, "p18", &ex), SMART_EVALIDATION);
    ex.reason = NULL;
    EXPECT(smart_cohort_add_exemption(c, "p18", &ex), SMART_EINVAL);
    ex.reason = "r";
    ex.granted_by = NULL;
    EXPECT(smart_cohort_add_exemption(c, "p18", &ex), SMART_EINVAL);
    ex.granted_by = "g";
    ex.requirement = NULL;
    EXPECT(smart_cohort_add_exemption(c, "p18", &ex), SMART_EINVAL);
    ex.requirement = "notes";
    ex.date = "not a date";
    EXPECT(smart_cohort_add_exemption(c, "p18", &ex), SMART_EPARSE);
    ex.date = NULL;
    ex.version = 7;
    EXPECT(smart_cohort_add_exemption(c, "p18", &ex), SMART_EINVAL);
    ex.version = SMART_EXEMPTION_VERSION;
    EXPECT(smart_cohort_add_exemption(c, "nobody", &ex), SMART_ENOTFOUND);
    EXPECT(smart_cohort_add_exemption(c, "p18", NULL), SMART_EINVAL);
    EXPECT(smart_cohort_add_exemption(c, NULL, &ex), SMART_EINVAL);
    EXPECT(smart_cohort_add_exemption(NULL, "p18", &ex), SMART_EINVAL);
    smart_cohort_free(c);
}

/* The names in a directory besides "." and "..", or -1 when it cannot be read. */
static int entries_in(const char *dir) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    if (!d) return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) ++n;
    closedir(d);
    return n;
}

char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)size + 1);
    if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    if (buf) buf[size] = '\0';
    fclose(f);
    return buf;
}

void test_save_files(void) {
    char dir[] = "/tmp/smart-capi-XXXXXX";
    char path[256], programme_path[256], missing[256];
    smart_cohort *c = NULL, *back = NULL;
    smart_programme *p = NULL, *pback = NULL;
    char *json = NULL, *text = NULL;
    size_t n = 0;
    const char *s = NULL;
    TEST("a cohort is saved to a file whole, and loads back");
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    snprintf(path, sizeof path, "%s/kull.json", dir);
    snprintf(programme_path, sizeof programme_path, "%s/program.json", dir);
    snprintf(missing, sizeof missing, "%s/mangler/kull.json", dir);
    OK(smart_cohort_demo(&c));
    OK(smart_cohort_save_file(c, path));
    OK(smart_cohort_save_json(&json, c));
    text = read_file(path);
    CHECK(text && json && strcmp(text, json) == 0);
    free(text);
    OK(smart_cohort_load_file(&back, path));
    OK(smart_cohort_participant_count(&n, back));
    CHECK(n == 36);
    smart_cohort_free(back);
    TEST("saving again replaces the file; no temporary file is left");
    OK(smart_cohort_set_attendance(c, "p01", "2024-11-13", SMART_ATTENDANCE_EXCUSED));
    OK(smart_cohort_save_file(c, path));
    OK(smart_cohort_load_file(&back, path));
    OK(smart_cohort_participant_count(&n, back));
    CHECK(n == 36);
    smart_cohort_free(back);
    CHECK(entries_in(dir) == 1);

    TEST("a failed save leaves the old file as it was and names the path");
    EXPECT(smart_cohort_save_file(c, dir), SMART_EINVAL);
    CHECK(contains(smart_error_last()->message, dir));
    EXPECT(smart_cohort_save_file(c, missing), SMART_ENOTFOUND);
    CHECK(contains(smart_error_last()->message, "mangler"));
    EXPECT(smart_cohort_save_file(c, ""), SMART_EINVAL);
    EXPECT(smart_cohort_save_file(c, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_save_file(NULL, path), SMART_EINVAL);
    text = read_file(path);
    CHECK(text && contains(text, "\"2024-11-13\": \"excused\""));
    free(text);
    CHECK(entries_in(dir) == 1);

    TEST("a programme is saved to a file whole, and loads back");
    OK(smart_programme_from_catalogue(&p, "smart-leder-2024"));
    OK(smart_programme_save_file(p, programme_path));
    OK(smart_programme_load_file(&pback, programme_path));
    OK(smart_programme_id(&s, pback));
    CHECK(s && strcmp(s, "smart-leder-2024") == 0);
    EXPECT(smart_programme_save_file(p, dir), SMART_EINVAL);
    EXPECT(smart_programme_save_file(p, NULL), SMART_EINVAL);
    EXPECT(smart_programme_save_file(NULL, programme_path), SMART_EINVAL);
    CHECK(entries_in(dir) == 2);

    smart_programme_free(pback);
    smart_programme_free(p);
    smart_string_free(json);
    smart_cohort_free(c);
    remove(path);
    remove(programme_path);
    rmdir(dir);
}
