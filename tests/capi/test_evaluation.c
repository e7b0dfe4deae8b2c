/* Tests of the C ABI: evaluation, certificate data, handles of the wrong kind (harness: check.h). */
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

/* The number after `"key": ` in a JSON text, or -1. */
static long json_number_after(const char *json, const char *key) {
    char pattern[64];
    const char *at;
    snprintf(pattern, sizeof pattern, "\"%s\": ", key);
    at = strstr(json, pattern);
    return at ? strtol(at + strlen(pattern), NULL, 10) : -1;
}

void test_evaluation(void) {
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
    OK(smart_evaluation_count(&n, e, SMART_STATUS_WITHDRAWN));
    CHECK(n == 0);
    EXPECT(smart_evaluation_count(&n, e, (smart_overall_status)5), SMART_EINVAL);

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
        EXPECT(smart_status_label(&label, (smart_overall_status)5, 0, SMART_LANG_NB), SMART_EINVAL);
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

void test_wrong_handles(void) {
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
