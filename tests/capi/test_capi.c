/*
 * Drives the whole C ABI (capi/include/smart/smart.h) as a C99 program would: every
 * function, every status it can return, NULL and garbage arguments, and ownership (every
 * handle and string handed out is released once; the run under valgrind checks that
 * nothing leaks and nothing is touched after release).
 *
 * Prints one line per failed check and closes with "N passed, M failed".
 * SMART_TEST_NO_FORK=1 skips the out-of-memory check, which runs in a child process with a
 * limited address space (not meaningful under valgrind).
 */
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

#include "smart/smart.h"

#ifndef SMART_SOURCE_DIR
#define SMART_SOURCE_DIR "."
#endif

static int passed = 0;
static int failed = 0;
static const char *current_test = "";

static void check(int ok, const char *what, int line) {
    if (ok) {
        ++passed;
    } else {
        ++failed;
        printf("FAILED [%s] line %d: %s\n", current_test, line, what);
    }
}

/* A call returns `expected`; on failure the thread's last error carries the same code, a
 * message and a pointer that are never NULL. */
static void check_status(int got, int expected, const char *call, int line) {
    const smart_error *e = smart_error_last();
    int ok = got == expected;
    if (ok && expected != SMART_OK)
        ok = e != NULL && e->code == expected && e->message != NULL && e->message[0] != '\0' && e->pointer != NULL;
    if (!ok)
        printf("  %s returned %d (%s), expected %d (%s); last error %d: %s\n", call, got, smart_status_name(got),
               expected, smart_status_name(expected), e ? e->code : 0, e && e->message ? e->message : "(null)");
    check(ok, call, line);
}

#define CHECK(cond) check((cond) ? 1 : 0, #cond, __LINE__)
#define EXPECT(call, status) check_status((call), (status), #call, __LINE__)
#define OK(call) EXPECT(call, SMART_OK)
#define TEST(name) (current_test = (name))

static int contains(const char *haystack, const char *needle) {
    return haystack != NULL && needle != NULL && strstr(haystack, needle) != NULL;
}

static int last_pointer_is(const char *pointer) { return strcmp(smart_error_last()->pointer, pointer) == 0; }

/* A participant object of the trainer programme 2024 (dates are its session days). */
static void participant_json(char *buf, size_t size, const char *id, const char *municipality_number) {
    snprintf(buf, size,
             "{\"id\": \"%s\", \"name\": \"Testperson %s\", "
             "\"municipality\": {\"number\": \"%s\", \"name\": \"Holmestrand\"}, "
             "\"role\": \"lærer\", \"sector\": \"public\", "
             "\"attendance\": {\"2024-09-18\": \"present\", \"2024-09-19\": \"late\"}}",
             id, id, municipality_number);
}

static void test_versions(void) {
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

static void test_errors(void) {
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
    CHECK(strcmp(smart_status_name(-8), "unknown") == 0);
    CHECK(strcmp(smart_status_name(12345), "unknown") == 0);

    TEST("release functions accept NULL");
    smart_string_free(NULL);
    smart_programme_free(NULL);
    smart_cohort_free(NULL);
    smart_evaluation_free(NULL);
    CHECK(1);
}

static void test_catalogue(void) {
    size_t n = 0, i;
    const char *id = "x";
    char *json = (char *)"x";
    int found_trainer = 0;
    TEST("the catalogue lists the built-in programmes");
    OK(smart_catalogue_count(&n));
    CHECK(n == 6);
    for (i = 0; i < n; ++i) {
        OK(smart_catalogue_id(&id, i));
        CHECK(id != NULL && id[0] != '\0');
        if (id && strcmp(id, "smart-trener-2024") == 0) found_trainer = 1;
    }
    CHECK(found_trainer);
    EXPECT(smart_catalogue_id(&id, n), SMART_EINVAL);
    CHECK(id == NULL);
    EXPECT(smart_catalogue_id(NULL, 0), SMART_EINVAL);

    TEST("a built-in programme document is handed out as JSON text");
    OK(smart_catalogue_json(&json, "smart-leder-2024"));
    CHECK(contains(json, "\"smart.programme/1\""));
    CHECK(contains(json, "\"smart-leder-2024\""));
    smart_string_free(json);
    json = (char *)"x";
    EXPECT(smart_catalogue_json(&json, "no-such-programme"), SMART_ENOTFOUND);
    CHECK(json == NULL);
    CHECK(contains(smart_error_last()->message, "no-such-programme"));
    EXPECT(smart_catalogue_json(&json, NULL), SMART_EINVAL);
    EXPECT(smart_catalogue_json(NULL, "smart-leder-2024"), SMART_EINVAL);
}

static void test_programmes(void) {
    smart_programme *p = NULL, *q = NULL;
    const char *s = NULL;
    char *json = NULL;
    size_t n = 0;
    TEST("a built-in programme: id, names in three languages, requirements");
    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    CHECK(p != NULL);
    OK(smart_programme_id(&s, p));
    CHECK(s && strcmp(s, "smart-trener-2024") == 0);
    OK(smart_programme_name(&s, p, SMART_LANG_NB));
    CHECK(contains(s, "trenerutdanning"));
    OK(smart_programme_name(&s, p, SMART_LANG_NN));
    CHECK(contains(s, "trenarutdanning"));
    OK(smart_programme_name(&s, p, SMART_LANG_EN));
    CHECK(contains(s, "trainer"));
    EXPECT(smart_programme_name(&s, p, (smart_lang)3), SMART_EINVAL);
    CHECK(s == NULL);
    EXPECT(smart_programme_name(&s, p, (smart_lang)-1), SMART_EINVAL);
    OK(smart_programme_requirement_count(&n, p));
    CHECK(n == 4);
    OK(smart_programme_requirement_id(&s, p, 0));
    CHECK(s && strcmp(s, "attendance") == 0);
    OK(smart_programme_requirement_id(&s, p, 3));
    CHECK(s && strcmp(s, "festival") == 0);
    EXPECT(smart_programme_requirement_id(&s, p, 4), SMART_EINVAL);
    EXPECT(smart_programme_requirement_id(NULL, p, 0), SMART_EINVAL);
    EXPECT(smart_programme_requirement_count(NULL, p), SMART_EINVAL);
    EXPECT(smart_programme_requirement_count(&n, NULL), SMART_EINVAL);
    EXPECT(smart_programme_id(&s, NULL), SMART_EINVAL);
    EXPECT(smart_programme_id(NULL, p), SMART_EINVAL);
    EXPECT(smart_programme_name(NULL, p, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_programme_name(&s, NULL, SMART_LANG_NB), SMART_EINVAL);

    TEST("a programme saved as JSON loads again");
    OK(smart_programme_save_json(&json, p));
    CHECK(contains(json, "\"format\": \"smart.programme/1\""));
    OK(smart_programme_load_json(&q, json));
    OK(smart_programme_id(&s, q));
    CHECK(s && strcmp(s, "smart-trener-2024") == 0);
    smart_string_free(json);
    smart_programme_free(q);
    q = NULL;
    EXPECT(smart_programme_save_json(NULL, p), SMART_EINVAL);
    EXPECT(smart_programme_save_json(&json, NULL), SMART_EINVAL);
    CHECK(json == NULL);

    TEST("a programme loads from a file");
    OK(smart_programme_load_file(&q, SMART_SOURCE_DIR "/examples/programmes/smart-leder-2024.json"));
    OK(smart_programme_id(&s, q));
    CHECK(s && strcmp(s, "smart-leder-2024") == 0);
    smart_programme_free(q);
    q = (smart_programme *)&n;
    EXPECT(smart_programme_load_file(&q, SMART_SOURCE_DIR "/no/such/file.json"), SMART_ENOTFOUND);
    CHECK(q == NULL);
    EXPECT(smart_programme_load_file(&q, NULL), SMART_EINVAL);
    EXPECT(smart_programme_load_file(NULL, "x.json"), SMART_EINVAL);

    TEST("malformed programme JSON is a parse error, a bad value a validation error with its pointer");
    EXPECT(smart_programme_load_json(&q, "{\"format\": "), SMART_EPARSE);
    CHECK(q == NULL);
    CHECK(contains(smart_error_last()->message, "malformed JSON"));
    EXPECT(smart_programme_load_json(&q, "\x01\x02garbage\xff"), SMART_EPARSE);
    EXPECT(smart_programme_load_json(&q, "{\"format\": \"smart.programme/1\", \"id\": \"Bad Id\", \"name\": \"x\"}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/id"));
    CHECK(contains(smart_error_last()->message, "/id: "));
    EXPECT(smart_programme_load_json(&q, "{\"format\": \"smart.cohort/1\"}"), SMART_EVALIDATION);
    CHECK(last_pointer_is("/format"));
    EXPECT(smart_programme_load_json(&q, NULL), SMART_EINVAL);
    EXPECT(smart_programme_load_json(NULL, "{}"), SMART_EINVAL);

    TEST("an unknown catalogue id is not found");
    q = (smart_programme *)&n;
    EXPECT(smart_programme_from_catalogue(&q, "smart-nothing"), SMART_ENOTFOUND);
    CHECK(q == NULL);
    EXPECT(smart_programme_from_catalogue(&q, NULL), SMART_EINVAL);
    EXPECT(smart_programme_from_catalogue(NULL, "smart-trener-2024"), SMART_EINVAL);
    smart_programme_free(p);
}

static void test_cohort_documents(void) {
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

static void test_cohort_create(void) {
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

static void test_records(void) {
    smart_cohort *c = NULL;
    smart_attendance a = SMART_ATTENDANCE_UNRECORDED;
    smart_submission sub = SMART_SUBMISSION_INIT;
    smart_submission sub2;
    smart_exemption ex = SMART_EXEMPTION_INIT;
    smart_exemption ex2;
    char *json = NULL;
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
          sub2.category == SMART_FINAL_CATEGORY_NONE && sub2.title == NULL);
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
    sub.kind = (smart_submission_kind)5;
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
    sub.version = 2;
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

/* The number after `"key": ` in a JSON text, or -1. */
static long json_number_after(const char *json, const char *key) {
    char pattern[64];
    const char *at;
    snprintf(pattern, sizeof pattern, "\"%s\": ", key);
    at = strstr(json, pattern);
    return at ? strtol(at + strlen(pattern), NULL, 10) : -1;
}

static void test_evaluation(void) {
    smart_cohort *c = NULL, *other = NULL;
    smart_evaluation *e = NULL, *e2 = NULL;
    smart_evaluate_options opts = SMART_EVALUATE_OPTIONS_INIT;
    smart_evaluate_options opts2;
    smart_overall_status st = SMART_STATUS_IN_PROGRESS;
    smart_requirement_state rs = SMART_STATE_PENDING;
    smart_requirement_kind rk = SMART_REQUIREMENT_FESTIVAL;
    char day[SMART_DATE_SIZE];
    char *json = NULL, *text = NULL, *text_nn = NULL, *text_en = NULL;
    const char *s = NULL;
    size_t n = 0, i, idx = 0, eligible = 0, not_eligible = 0;
    int risk = -1;

    OK(smart_cohort_demo(&c));
    TEST("options initialise to their defaults");
    memset(&opts2, 0x5a, sizeof opts2);
    OK(smart_evaluate_options_init(&opts2, SMART_EVALUATE_OPTIONS_VERSION));
    CHECK(opts2.version == SMART_EVALUATE_OPTIONS_VERSION && opts2.as_of == NULL);
    EXPECT(smart_evaluate_options_init(&opts2, 0), SMART_EINVAL);
    EXPECT(smart_evaluate_options_init(&opts2, SMART_EVALUATE_OPTIONS_VERSION + 1), SMART_EINVAL);
    EXPECT(smart_evaluate_options_init(NULL, SMART_EVALUATE_OPTIONS_VERSION), SMART_EINVAL);

    TEST("the demo cohort after the festival: 24 eligible, 12 not eligible (typed accessors)");
    opts.as_of = "2025-04-30";
    OK(smart_evaluate(&e, c, &opts));
    OK(smart_evaluation_as_of(day, e));
    CHECK(strcmp(day, "2025-04-30") == 0);
    OK(smart_evaluation_participant_count(&n, e));
    CHECK(n == 36);
    for (i = 0; i < n; ++i) {
        OK(smart_evaluation_status(&st, e, i));
        eligible += st == SMART_STATUS_ELIGIBLE;
        not_eligible += st == SMART_STATUS_NOT_ELIGIBLE;
    }
    CHECK(eligible == 24 && not_eligible == 12);
    OK(smart_evaluation_count(&n, e, SMART_STATUS_ELIGIBLE));
    CHECK(n == 24);
    OK(smart_evaluation_count(&n, e, SMART_STATUS_NOT_ELIGIBLE));
    CHECK(n == 12);
    OK(smart_evaluation_count(&n, e, SMART_STATUS_IN_PROGRESS));
    CHECK(n == 0);
    OK(smart_evaluation_count(&n, e, SMART_STATUS_NO_CERTIFICATE));
    CHECK(n == 0);
    OK(smart_evaluation_at_risk_count(&n, e));
    CHECK(n == 0);
    EXPECT(smart_evaluation_count(&n, e, (smart_overall_status)4), SMART_EINVAL);

    TEST("participants are found by position and by id");
    OK(smart_evaluation_participant_id(&s, e, 6));
    CHECK(s && strcmp(s, "p07") == 0);
    OK(smart_evaluation_participant_index(&idx, e, "p07"));
    CHECK(idx == 6);
    OK(smart_evaluation_participant_index(&idx, e, "p36"));
    CHECK(idx == 35);
    EXPECT(smart_evaluation_participant_index(&idx, e, "p37"), SMART_ENOTFOUND);
    EXPECT(smart_evaluation_participant_index(&idx, e, ""), SMART_ENOTFOUND);
    EXPECT(smart_evaluation_participant_index(&idx, e, NULL), SMART_EINVAL);
    EXPECT(smart_evaluation_participant_index(NULL, e, "p01"), SMART_EINVAL);
    EXPECT(smart_evaluation_participant_index(&idx, NULL, "p01"), SMART_EINVAL);
    EXPECT(smart_evaluation_participant_id(&s, e, 36), SMART_EINVAL);
    CHECK(s == NULL);

    TEST("requirements: ids, kinds and states; p07 misses attendance only");
    OK(smart_evaluation_requirement_count(&n, e));
    CHECK(n == 4);
    OK(smart_evaluation_requirement_id(&s, e, 0));
    CHECK(s && strcmp(s, "attendance") == 0);
    OK(smart_evaluation_requirement_kind(&rk, e, 0));
    CHECK(rk == SMART_REQUIREMENT_ATTENDANCE);
    OK(smart_evaluation_requirement_kind(&rk, e, 1));
    CHECK(rk == SMART_REQUIREMENT_INTERVAL_NOTES);
    OK(smart_evaluation_requirement_kind(&rk, e, 2));
    CHECK(rk == SMART_REQUIREMENT_FINAL_TEXT);
    OK(smart_evaluation_requirement_kind(&rk, e, 3));
    CHECK(rk == SMART_REQUIREMENT_FESTIVAL);
    OK(smart_evaluation_status(&st, e, 6));
    CHECK(st == SMART_STATUS_NOT_ELIGIBLE);
    OK(smart_evaluation_requirement_state(&rs, e, 6, 0));
    CHECK(rs == SMART_STATE_UNMET);
    OK(smart_evaluation_requirement_state(&rs, e, 6, 1));
    CHECK(rs == SMART_STATE_MET);
    OK(smart_evaluation_at_risk(&risk, e, 6));
    CHECK(risk == 0);
    EXPECT(smart_evaluation_requirement_state(&rs, e, 36, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_state(&rs, e, 0, 4), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_state(NULL, e, 0, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_state(&rs, NULL, 0, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_kind(&rk, e, 4), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_kind(NULL, e, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_kind(&rk, NULL, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_id(&s, e, 4), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_id(NULL, e, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_id(&s, NULL, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_count(NULL, e), SMART_EINVAL);
    EXPECT(smart_evaluation_requirement_count(&n, NULL), SMART_EINVAL);
    EXPECT(smart_evaluation_status(&st, e, 36), SMART_EINVAL);
    EXPECT(smart_evaluation_status(NULL, e, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_status(&st, NULL, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_at_risk(&risk, e, 36), SMART_EINVAL);
    EXPECT(smart_evaluation_at_risk(NULL, e, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_at_risk(&risk, NULL, 0), SMART_EINVAL);
    EXPECT(smart_evaluation_count(NULL, e, SMART_STATUS_ELIGIBLE), SMART_EINVAL);
    EXPECT(smart_evaluation_count(&n, NULL, SMART_STATUS_ELIGIBLE), SMART_EINVAL);
    EXPECT(smart_evaluation_at_risk_count(NULL, e), SMART_EINVAL);
    EXPECT(smart_evaluation_at_risk_count(&n, NULL), SMART_EINVAL);
    EXPECT(smart_evaluation_participant_count(NULL, e), SMART_EINVAL);
    EXPECT(smart_evaluation_participant_count(&n, NULL), SMART_EINVAL);
    EXPECT(smart_evaluation_as_of(NULL, e), SMART_EINVAL);
    EXPECT(smart_evaluation_as_of(day, NULL), SMART_EINVAL);
    CHECK(day[0] == '\0');

    TEST("explanations in bokmål, nynorsk and English");
    OK(smart_evaluation_explain(&text, e, 6, 0, SMART_LANG_NB));
    OK(smart_evaluation_explain(&text_nn, e, 6, 0, SMART_LANG_NN));
    OK(smart_evaluation_explain(&text_en, e, 6, 0, SMART_LANG_EN));
    CHECK(contains(text, "Deltatt 6 av 8 dager (75 %), krever minst 7"));
    CHECK(contains(text_nn, "Delteke 6 av 8"));
    CHECK(contains(text_en, "Attended 6 of 8 days (75 %), at least 7 required"));
    smart_string_free(text);
    smart_string_free(text_nn);
    smart_string_free(text_en);
    EXPECT(smart_evaluation_explain(&text, e, 6, 0, (smart_lang)9), SMART_EINVAL);
    CHECK(text == NULL);
    EXPECT(smart_evaluation_explain(&text, e, 36, 0, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_evaluation_explain(&text, e, 0, 4, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_evaluation_explain(NULL, e, 0, 0, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_evaluation_explain(&text, NULL, 0, 0, SMART_LANG_NB), SMART_EINVAL);

    TEST("what is missing: one line per unmet requirement, empty for an eligible participant");
    OK(smart_evaluation_missing(&text, e, 23, SMART_LANG_EN)); /* p24 misses all four */
    CHECK(contains(text, "Attended 6 of 8 days"));
    CHECK(contains(text, "festival"));
    n = 0;
    for (s = text; s && *s; ++s) n += *s == '\n';
    CHECK(n == 4);
    smart_string_free(text);
    OK(smart_evaluation_missing(&text, e, 0, SMART_LANG_NB));
    CHECK(text && text[0] == '\0');
    smart_string_free(text);
    EXPECT(smart_evaluation_missing(&text, e, 36, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_evaluation_missing(&text, e, 0, (smart_lang)3), SMART_EINVAL);
    EXPECT(smart_evaluation_missing(NULL, e, 0, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_evaluation_missing(&text, NULL, 0, SMART_LANG_NB), SMART_EINVAL);

    TEST("statuses and states have the core's labels in nb, nn and en");
    {
        const char *label = NULL;
        OK(smart_status_label(&label, SMART_STATUS_NOT_ELIGIBLE, 0, SMART_LANG_NN));
        CHECK(label && strcmp(label, "har ikkje rett") == 0);
        OK(smart_status_label(&label, SMART_STATUS_IN_PROGRESS, 1, SMART_LANG_NB));
        CHECK(label && strcmp(label, "p\xc3\xa5g\xc3\xa5r (i faresonen)") == 0); /* pågår */
        OK(smart_status_label(&label, SMART_STATUS_NO_CERTIFICATE, 1, SMART_LANG_EN));
        CHECK(label && strcmp(label, "no certificate (at risk)") == 0);
        OK(smart_requirement_state_label(&label, SMART_STATE_UNMET, SMART_LANG_NN));
        CHECK(label && strcmp(label, "ikkje oppfylt") == 0);
        OK(smart_requirement_state_label(&label, SMART_STATE_PENDING, SMART_LANG_EN));
        CHECK(label && strcmp(label, "pending") == 0);
        EXPECT(smart_status_label(&label, (smart_overall_status)4, 0, SMART_LANG_NB), SMART_EINVAL);
        CHECK(label == NULL);
        EXPECT(smart_status_label(&label, SMART_STATUS_ELIGIBLE, 0, (smart_lang)3), SMART_EINVAL);
        EXPECT(smart_status_label(NULL, SMART_STATUS_ELIGIBLE, 0, SMART_LANG_NB), SMART_EINVAL);
        EXPECT(smart_requirement_state_label(&label, (smart_requirement_state)4, SMART_LANG_NB), SMART_EINVAL);
        EXPECT(smart_requirement_state_label(NULL, SMART_STATE_MET, SMART_LANG_NB), SMART_EINVAL);
    }

    TEST("the evaluation document agrees with the typed accessors");
    OK(smart_evaluation_to_json(&json, e, c));
    CHECK(contains(json, "\"format\": \"smart.evaluation/1\""));
    CHECK(json_number_after(json, "participants") == 36);
    CHECK(json_number_after(json, "eligible") == 24);
    CHECK(json_number_after(json, "not_eligible") == 12);
    smart_string_free(json);
    EXPECT(smart_evaluation_to_json(NULL, e, c), SMART_EINVAL);
    EXPECT(smart_evaluation_to_json(&json, NULL, c), SMART_EINVAL);
    EXPECT(smart_evaluation_to_json(&json, e, NULL), SMART_EINVAL);
    CHECK(json == NULL);

    TEST("certificate data for an eligible participant after the last day");
    OK(smart_certificate_data_json(&json, c, e, 0));
    CHECK(contains(json, "\"format\": \"smart.certificate-data/1\""));
    CHECK(contains(json, "\"participant_id\": \"p01\""));
    CHECK(contains(json, "\"holder\": \"Ingrid S"));
    CHECK(!contains(json, "example.org")); /* contact data is never part of it */
    smart_string_free(json);
    OK(smart_evaluation_participant_index(&idx, e, "p16")); /* exempt from the festival */
    OK(smart_certificate_data_json(&json, c, e, idx));
    CHECK(contains(json, "\"exemption_reason\": \"Planlagt permisjon i april 2025 (fiktivt eksempel)\""));
    smart_string_free(json);
    TEST("no certificate for a participant who is not eligible, nor out of range");
    EXPECT(smart_certificate_data_json(&json, c, e, 6), SMART_ENOTALLOWED);
    CHECK(json == NULL);
    CHECK(contains(smart_error_last()->message, "not eligible"));
    EXPECT(smart_certificate_data_json(&json, c, e, 36), SMART_EINVAL);
    EXPECT(smart_certificate_data_json(NULL, c, e, 0), SMART_EINVAL);
    EXPECT(smart_certificate_data_json(&json, NULL, e, 0), SMART_EINVAL);
    EXPECT(smart_certificate_data_json(&json, c, NULL, 0), SMART_EINVAL);

    TEST("no certificate before the programme's last day");
    opts.as_of = "2025-01-20";
    OK(smart_evaluate(&e2, c, &opts));
    OK(smart_evaluation_at_risk_count(&n, e2));
    CHECK(n == 4);
    OK(smart_evaluation_count(&n, e2, SMART_STATUS_IN_PROGRESS));
    CHECK(n == 32);
    OK(smart_evaluation_participant_index(&idx, e2, "p04"));
    OK(smart_evaluation_at_risk(&risk, e2, idx));
    CHECK(risk == 1);
    EXPECT(smart_certificate_data_json(&json, c, e2, 0), SMART_ENOTALLOWED);
    smart_evaluation_free(e2);
    e2 = NULL;

    TEST("an evaluation is bound to its cohort, unchanged");
    OK(smart_cohort_demo(&other));
    EXPECT(smart_evaluation_to_json(&json, e, other), SMART_EINVAL);
    EXPECT(smart_certificate_data_json(&json, other, e, 0), SMART_EINVAL);
    smart_cohort_free(other);
    OK(smart_cohort_set_attendance(c, "p07", "2024-09-18", SMART_ATTENDANCE_ABSENT));
    EXPECT(smart_evaluation_to_json(&json, e, c), SMART_EINVAL);
    CHECK(contains(smart_error_last()->message, "evaluate it again"));
    EXPECT(smart_certificate_data_json(&json, c, e, 0), SMART_EINVAL);

    TEST("an evaluation outlives its cohort, exemption reasons included");
    smart_cohort_free(c);
    c = NULL;
    OK(smart_evaluation_participant_count(&n, e));
    CHECK(n == 36);
    OK(smart_evaluation_participant_id(&s, e, 35));
    CHECK(s && strcmp(s, "p36") == 0);
    OK(smart_evaluation_participant_index(&idx, e, "p16"));
    OK(smart_evaluation_requirement_state(&rs, e, idx, 3));
    CHECK(rs == SMART_STATE_EXEMPT);
    OK(smart_evaluation_explain(&text, e, idx, 3, SMART_LANG_EN));
    CHECK(contains(text, "Exempt: Planlagt permisjon i april 2025 (fiktivt eksempel) (granted by Koordinator"));
    smart_string_free(text);
    OK(smart_evaluation_explain(&text, e, 0, 3, SMART_LANG_NB));
    CHECK(text && text[0] != '\0');
    smart_string_free(text);
    smart_evaluation_free(e);
    e = NULL;

    TEST("a programme without certificate rules: no_certificate for everyone");
    OK(smart_cohort_load_file(&c, SMART_SOURCE_DIR "/examples/cohorts/grunnkurs-demo.json"));
    opts.as_of = "2030-01-01";
    OK(smart_evaluate(&e, c, &opts));
    OK(smart_evaluation_participant_count(&n, e));
    OK(smart_evaluation_count(&idx, e, SMART_STATUS_NO_CERTIFICATE));
    CHECK(n > 0 && idx == n);
    OK(smart_evaluation_requirement_count(&n, e));
    CHECK(n == 0);
    EXPECT(smart_evaluation_requirement_state(&rs, e, 0, 0), SMART_EINVAL);
    EXPECT(smart_certificate_data_json(&json, c, e, 0), SMART_ENOTALLOWED);
    CHECK(contains(smart_error_last()->message, "no certificate"));
    smart_evaluation_free(e);
    e = NULL;

    TEST("evaluation options: NULL means today; a bad date or version is refused");
    OK(smart_evaluate(&e, c, NULL));
    OK(smart_evaluation_as_of(day, e));
    {
        char today[SMART_DATE_SIZE];
        time_t now = time(NULL);
        struct tm local;
        localtime_r(&now, &local);
        strftime(today, sizeof today, "%Y-%m-%d", &local);
        CHECK(strcmp(day, today) == 0);
    }
    smart_evaluation_free(e);
    opts2.as_of = NULL;
    OK(smart_evaluate(&e, c, &opts2));
    smart_evaluation_free(e);
    e = (smart_evaluation *)&n;
    opts.as_of = "2025-4-30";
    EXPECT(smart_evaluate(&e, c, &opts), SMART_EPARSE);
    CHECK(e == NULL);
    opts.as_of = "2025-04-30";
    opts.version = 0;
    EXPECT(smart_evaluate(&e, c, &opts), SMART_EINVAL);
    opts.version = SMART_EVALUATE_OPTIONS_VERSION + 1;
    EXPECT(smart_evaluate(&e, c, &opts), SMART_EINVAL);
    opts.version = SMART_EVALUATE_OPTIONS_VERSION;
    EXPECT(smart_evaluate(&e, NULL, &opts), SMART_EINVAL);
    EXPECT(smart_evaluate(NULL, c, &opts), SMART_EINVAL);
    smart_cohort_free(c);
}

static void test_wrong_handles(void) {
    smart_cohort *c = NULL;
    smart_programme *p = NULL;
    size_t n = 0;
    const char *s = NULL;
    TEST("a handle of the wrong kind is reported, not misread");
    OK(smart_cohort_demo(&c));
    OK(smart_programme_from_catalogue(&p, "smart-leder-2024"));
    EXPECT(smart_evaluation_participant_count(&n, (const smart_evaluation *)c), SMART_EINVAL);
    CHECK(contains(smart_error_last()->message, "not a live evaluation handle"));
    EXPECT(smart_programme_id(&s, (const smart_programme *)c), SMART_EINVAL);
    EXPECT(smart_cohort_participant_count(&n, (const smart_cohort *)p), SMART_EINVAL);
    TEST("releasing a handle with the wrong function leaves it alone");
    smart_error_clear();
    smart_evaluation_free((smart_evaluation *)c);
    CHECK(smart_error_last()->code == SMART_EINVAL);
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 36);
    smart_programme_free((smart_programme *)c);
    smart_cohort_free((smart_cohort *)p);
    smart_cohort_free(c);
    smart_programme_free(p);
}

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

static void test_statistics(void) {
    smart_cohort *c = NULL, *g = NULL, *changed = NULL;
    smart_evaluation *e = NULL, *eg = NULL, *ec = NULL;
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
    CHECK(contains(smart_error_last()->message, "municipality_mapping: malformed JSON"));
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

    smart_evaluation_free(ec);
    smart_cohort_free(changed);
    smart_evaluation_free(e);
    smart_evaluation_free(eg);
    smart_cohort_free(c);
    smart_cohort_free(g);
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

static void test_threads(void) {
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

static void test_out_of_memory(void) {
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

/* 1 when `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates). */
static int is_utf8(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = 0, i;
        unsigned min = 0, cp;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        if ((*p & 0xE0) == 0xC0) n = 1, min = 0x80, cp = *p & 0x1Fu;
        else if ((*p & 0xF0) == 0xE0) n = 2, min = 0x800, cp = *p & 0x0Fu;
        else if ((*p & 0xF8) == 0xF0) n = 3, min = 0x10000, cp = *p & 0x07u;
        else return 0;
        for (i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        p += n + 1;
    }
    return 1;
}

/* The last error's message and pointer are UTF-8, whatever text the call was given. */
static int last_error_is_utf8(void) {
    return is_utf8(smart_error_last()->message) && is_utf8(smart_error_last()->pointer);
}

static void test_text(void) {
    smart_cohort *c = NULL, *other = NULL;
    smart_programme *p = NULL;
    smart_submission sub = SMART_SUBMISSION_INIT;
    smart_exemption ex = SMART_EXEMPTION_INIT;
    char *before = NULL, *after = NULL;
    char buf[512];
    size_t n = 0;
    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    OK(smart_cohort_create(&c, p, "holmestrand-2024", "Holmestrand 2024"));
    participant_json(buf, sizeof buf, "p01", "3903");
    OK(smart_cohort_add_participant_json(c, buf));
    OK(smart_cohort_save_json(&before, c));

    TEST("a name that is not UTF-8 (\"kull-\\xff\") is refused; the cohort is unchanged and still saves");
    EXPECT(smart_cohort_add_participant_json(c, "{\"id\": \"x1\", \"name\": \"kull-\xff\", \"municipality\": "
                                                "{\"number\": \"3905\", \"name\": \"T\xf8nsberg\"}, \"role\": "
                                                "\"r\", \"sector\": \"public\"}"),
           SMART_EPARSE);
    CHECK(last_error_is_utf8());
    ex.requirement = "festival";
    ex.reason = "kull-\xff";
    ex.granted_by = "Rektor";
    EXPECT(smart_cohort_add_exemption(c, "p01", &ex), SMART_EVALIDATION);
    CHECK(contains(smart_error_last()->pointer, "/reason"));
    CHECK(contains(smart_error_last()->message, "UTF-8"));
    CHECK(last_error_is_utf8());
    ex.reason = "Sykdom";
    ex.granted_by = "kull-\xff";
    EXPECT(smart_cohort_add_exemption(c, "p01", &ex), SMART_EVALIDATION);
    CHECK(contains(smart_error_last()->pointer, "/granted_by"));
    sub.date = "2024-10-01";
    sub.title = "kull-\xff";
    EXPECT(smart_cohort_add_submission(c, "p01", &sub), SMART_EVALIDATION);
    CHECK(contains(smart_error_last()->pointer, "/title"));
    CHECK(last_error_is_utf8());

    TEST("control characters: none in one-line texts, line breaks and tabs in free text");
    EXPECT(smart_cohort_add_participant_json(c, "{\"id\": \"x1\", \"name\": \"Kari\\u0007\", \"municipality\": "
                                                "{\"number\": \"3905\", \"name\": \"H\"}, \"role\": \"r\", "
                                                "\"sector\": \"public\"}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/name"));
    EXPECT(smart_cohort_add_participant_json(c, "{\"id\": \"a\\u0000b\", \"name\": \"Kari\", \"municipality\": "
                                                "{\"number\": \"3905\", \"name\": \"H\"}, \"role\": \"r\", "
                                                "\"sector\": \"public\"}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/id"));
    sub.title = "to\nlinjer";
    EXPECT(smart_cohort_add_submission(c, "p01", &sub), SMART_EVALIDATION);
    ex.granted_by = "Rektor\tOla";
    EXPECT(smart_cohort_add_exemption(c, "p01", &ex), SMART_EVALIDATION);
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 1);

    TEST("an id no participant can have is an invalid argument, an unknown one is not found");
    EXPECT(smart_cohort_set_attendance(c, "p01\xff", "2024-11-13", SMART_ATTENDANCE_PRESENT), SMART_EINVAL);
    CHECK(last_error_is_utf8());
    EXPECT(smart_cohort_set_attendance(c, "p01\n", "2024-11-13", SMART_ATTENDANCE_PRESENT), SMART_EINVAL);
    EXPECT(smart_cohort_set_festival_role(c, "kull-\xff", SMART_FESTIVAL_ROLE_WORKSHOP), SMART_EINVAL);
    EXPECT(smart_cohort_remove_exemption(c, "p01", "kull-\xff"), SMART_EINVAL);
    EXPECT(smart_cohort_set_attendance(c, "p99", "2024-11-13", SMART_ATTENDANCE_PRESENT), SMART_ENOTFOUND);
    EXPECT(smart_cohort_set_attendance(c, "p01", "2024-11-\xff", SMART_ATTENDANCE_PRESENT), SMART_EPARSE);
    CHECK(last_error_is_utf8());

    TEST("a cohort's id and label are one line of UTF-8");
    other = (smart_cohort *)&n;
    EXPECT(smart_cohort_create(&other, p, "kull-\xff", "Kull"), SMART_EVALIDATION);
    CHECK(last_pointer_is("/id"));
    CHECK(other == NULL);
    EXPECT(smart_cohort_create(&other, p, "kull", "Kull\n2"), SMART_EVALIDATION);
    CHECK(last_pointer_is("/label"));
    CHECK(last_error_is_utf8());

    TEST("an unknown programme id is quoted safely in the message");
    EXPECT(smart_catalogue_json(&after, "smart-\xff"), SMART_ENOTFOUND);
    CHECK(after == NULL);
    CHECK(last_error_is_utf8());

    TEST("the cohort that refused all that is unchanged and still saves");
    OK(smart_cohort_save_json(&after, c));
    CHECK(before && after && strcmp(before, after) == 0);
    smart_string_free(after);
    smart_string_free(before);
    smart_programme_free(p);
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

static char *read_file(const char *path) {
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

static void test_save_files(void) {
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
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
