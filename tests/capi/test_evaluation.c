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

/* Removes white space in place (the numbers' members hold none of their own). */
static void strip_spaces(char *s) {
    char *to = s;
    for (; *s; ++s)
        if (*s != ' ' && *s != '\n') *to++ = *s;
    *to = '\0';
}

/* Reads number `number` of one result with the accessor of its type, as text the way the
 * evaluation document writes it ("6", "6/1"... see below); returns the status. */
static int number_text(char *out, size_t size, const smart_evaluation *e, size_t p, size_t r, smart_number number) {
    smart_number_type type = SMART_NUMBER_TYPE_COUNT;
    long long v = -1, num = -1, den = -1;
    unsigned long long bits = 0;
    int status;
    unsigned i;
    out[0] = '\0';
    OK(smart_number_type_of(&type, number));
    switch (type) {
        case SMART_NUMBER_TYPE_RATIO:
            status = smart_evaluation_ratio(&num, &den, e, p, r, number);
            if (status == SMART_OK) {
                if (den == 1) snprintf(out, size, "\"%lld\"", num);
                else snprintf(out, size, "\"%lld/%lld\"", num, den);
            }
            return status;
        case SMART_NUMBER_TYPE_DATE: {
            char day[SMART_DATE_SIZE];
            status = smart_evaluation_date_r(day, sizeof day, e, p, r, number);
            if (status == SMART_OK) snprintf(out, size, "\"%s\"", day);
            return status;
        }
        case SMART_NUMBER_TYPE_INTERVALS:
            status = smart_evaluation_intervals(&bits, e, p, r, number);
            if (status == SMART_OK) {
                size_t used = (size_t)snprintf(out, size, "[");
                for (i = 0; i < 64; ++i)
                    if (bits & (1ULL << i)) used += (size_t)snprintf(out + used, size - used, "%s%u", used > 1 ? ", " : "", i + 1);
                snprintf(out + used, size - used, "]");
            }
            return status;
        default:
            status = smart_evaluation_number(&v, e, p, r, number);
            if (status == SMART_OK) {
                if (type == SMART_NUMBER_TYPE_FLAG) snprintf(out, size, "%s", v ? "true" : "false");
                else if (type == SMART_NUMBER_TYPE_ROLE)
                    snprintf(out, size, "%s", v == SMART_FESTIVAL_ROLE_EXHIBITION ? "\"exhibition\""
                                              : v == SMART_FESTIVAL_ROLE_WORKSHOP ? "\"workshop\""
                                                                                  : "\"process_leader\"");
                else snprintf(out, size, "%lld", v);
            }
            return status;
    }
}

/* The numbers behind the states through the generic accessors, walked over the core's table
 * (smart_number): each has its one name, belongs to its kinds, and reads what the
 * evaluation document shows under that name. */
static void test_numbers(void) {
    smart_cohort *c = NULL;
    smart_evaluation *e = NULL;
    smart_programme *prog = NULL;
    smart_evaluate_options opts = SMART_EVALUATE_OPTIONS_INIT;
    smart_number number = SMART_NUMBER_ATTENDED;
    smart_number_type type = SMART_NUMBER_TYPE_FLAG;
    smart_requirement_kind kind = SMART_REQUIREMENT_ATTENDANCE;
    const char *name = NULL;
    char *json = NULL, *text = NULL, value[256], member[512], day[SMART_DATE_SIZE];
    size_t count = 0, n = 0, p, r, k, participants = 0, requirements = 0, shown = 0, absent = 0;
    long long v = -1, num = -1, den = -1;
    unsigned long long bits = 0;
    int belongs = -1, status;
    const char *dates[2] = {"2024-12-15", "2025-04-30"};

    TEST("the table of numbers: 18 numbers, each with one name, found again by it");
    OK(smart_number_count(&count));
    CHECK(count == 18);
    for (n = 0; n < count; ++n) {
        OK(smart_number_name(&name, (smart_number)n));
        CHECK(name != NULL && name[0] != '\0');
        OK(smart_number_from_name(&number, name));
        CHECK((size_t)number == n);
        OK(smart_number_type_of(&type, (smart_number)n));
        CHECK(type <= SMART_NUMBER_TYPE_FLAG);
        for (k = 0, belongs = 0; k <= SMART_REQUIREMENT_FESTIVAL; ++k) {
            int b = -1;
            OK(smart_number_belongs_to(&b, (smart_number)n, (smart_requirement_kind)k));
            belongs += b;
        }
        CHECK(belongs >= 1);
    }
    OK(smart_number_name(&name, SMART_NUMBER_MISSING_INTERVALS));
    CHECK(strcmp(name, "missing_intervals") == 0);
    OK(smart_number_type_of(&type, SMART_NUMBER_ATTENDED));
    CHECK(type == SMART_NUMBER_TYPE_RATIO);
    OK(smart_number_belongs_to(&belongs, SMART_NUMBER_AWAITING_APPROVAL, SMART_REQUIREMENT_FINAL_TEXT));
    CHECK(belongs == 1);
    OK(smart_number_belongs_to(&belongs, SMART_NUMBER_PAGES, SMART_REQUIREMENT_FESTIVAL));
    CHECK(belongs == 0);
    EXPECT(smart_number_from_name(&number, "missing"), SMART_ENOTFOUND);
    EXPECT(smart_number_from_name(&number, "intervals_missing"), SMART_ENOTFOUND);
    EXPECT(smart_number_from_name(&number, NULL), SMART_EINVAL);
    EXPECT(smart_number_from_name(NULL, "pages"), SMART_EINVAL);
    EXPECT(smart_number_name(&name, (smart_number)18), SMART_EINVAL);
    CHECK(name == NULL);
    EXPECT(smart_number_name(&name, (smart_number)-1), SMART_EINVAL);
    EXPECT(smart_number_type_of(&type, (smart_number)18), SMART_EINVAL);
    EXPECT(smart_number_belongs_to(&belongs, SMART_NUMBER_PAGES, (smart_requirement_kind)4), SMART_EINVAL);
    EXPECT(smart_number_count(NULL), SMART_EINVAL);

    OK(smart_cohort_demo(&c));
    for (k = 0; k < 2; ++k) {
        TEST("every number of every result reads what the evaluation document shows under its name");
        opts.as_of = dates[k];
        OK(smart_evaluate(&e, c, &opts));
        OK(smart_evaluation_to_json(&json, e, c));
        strip_spaces(json); /* the document is indented: compare without white space */
        OK(smart_evaluation_participant_count(&participants, e));
        OK(smart_evaluation_requirement_count(&requirements, e));
        for (n = 0; n < count; ++n) {
            OK(smart_number_name(&name, (smart_number)n));
            snprintf(member, sizeof member, "\"%s\":", name);
            CHECK(contains(json, member)); /* every number appears under its name */
        }
        for (p = 0; p < participants; ++p)
            for (r = 0; r < requirements; ++r) {
                OK(smart_evaluation_requirement_kind(&kind, e, r));
                for (n = 0; n < count; ++n) {
                    OK(smart_number_name(&name, (smart_number)n));
                    OK(smart_number_belongs_to(&belongs, (smart_number)n, kind));
                    status = number_text(value, sizeof value, e, p, r, (smart_number)n);
                    if (!belongs) {
                        EXPECT(status, SMART_ENOTFOUND);
                        continue;
                    }
                    CHECK(status == SMART_OK || status == SMART_ENOTFOUND);
                    if (status == SMART_ENOTFOUND) ++absent;
                    else ++shown;
                    if (status == SMART_OK && p == 6) { /* p07: its text is in the document */
                        snprintf(member, sizeof member, "\"%s\":%s", name, value);
                        strip_spaces(member);
                        CHECK(contains(json, member));
                    }
                }
            }
        CHECK(shown > 0 && absent > 0);
        smart_string_free(json);
        json = NULL;
        if (k == 1) {
            TEST("p07 after the festival: the numbers behind the unmet attendance");
            OK(smart_evaluation_ratio(&num, &den, e, 6, 0, SMART_NUMBER_ATTENDED));
            CHECK(num == 6 && den == 1);
            OK(smart_evaluation_number(&v, e, 6, 0, SMART_NUMBER_REQUIRED_DAYS));
            CHECK(v == 7);
            OK(smart_evaluation_number(&v, e, 6, 0, SMART_NUMBER_COUNTED_DAYS));
            CHECK(v == 8);
            OK(smart_evaluation_intervals(&bits, e, 6, 1, SMART_NUMBER_MISSING_INTERVALS));
            CHECK(bits == 0);
            OK(smart_evaluation_date_r(day, sizeof day, e, 6, 2, SMART_NUMBER_DEADLINE));
            CHECK(strcmp(day, "2025-04-09") == 0);
            OK(smart_evaluation_date_r(day, sizeof day, e, 6, 3, SMART_NUMBER_FESTIVAL_DAY));
            CHECK(strcmp(day, "2025-04-09") == 0);

            TEST("a number read with the accessor of another type, or out of range, is refused");
            EXPECT(smart_evaluation_number(&v, e, 6, 0, SMART_NUMBER_ATTENDED), SMART_EINVAL);
            CHECK(contains(smart_error_last()->message, "smart_evaluation_ratio()"));
            EXPECT(smart_evaluation_ratio(&num, &den, e, 6, 0, SMART_NUMBER_COUNTED_DAYS), SMART_EINVAL);
            EXPECT(smart_evaluation_date_r(day, sizeof day, e, 6, 2, SMART_NUMBER_PAGES), SMART_EINVAL);
            CHECK(day[0] == '\0');
            EXPECT(smart_evaluation_intervals(&bits, e, 6, 1, SMART_NUMBER_INTERVALS), SMART_EINVAL);
            EXPECT(smart_evaluation_number(&v, e, 36, 0, SMART_NUMBER_COUNTED_DAYS), SMART_EINVAL);
            EXPECT(smart_evaluation_number(&v, e, 6, 4, SMART_NUMBER_COUNTED_DAYS), SMART_EINVAL);
            EXPECT(smart_evaluation_number(&v, e, 6, 0, (smart_number)18), SMART_EINVAL);
            EXPECT(smart_evaluation_number(NULL, e, 6, 0, SMART_NUMBER_COUNTED_DAYS), SMART_EINVAL);
            EXPECT(smart_evaluation_number(&v, NULL, 6, 0, SMART_NUMBER_COUNTED_DAYS), SMART_EINVAL);
            EXPECT(smart_evaluation_ratio(NULL, &den, e, 6, 0, SMART_NUMBER_ATTENDED), SMART_EINVAL);
            EXPECT(smart_evaluation_ratio(&num, NULL, e, 6, 0, SMART_NUMBER_ATTENDED), SMART_EINVAL);
            EXPECT(smart_evaluation_intervals(NULL, e, 6, 1, SMART_NUMBER_OPEN_INTERVALS), SMART_EINVAL);
            EXPECT(smart_evaluation_date_r(NULL, 11, e, 6, 2, SMART_NUMBER_DEADLINE), SMART_EINVAL);

            TEST("a number of another kind has no value; a date does not fit a small buffer");
            EXPECT(smart_evaluation_number(&v, e, 6, 1, SMART_NUMBER_COUNTED_DAYS), SMART_ENOTFOUND);
            CHECK(contains(smart_error_last()->message, "does not belong to a requirement of kind interval_notes"));
            EXPECT(smart_evaluation_date_r(day, 10, e, 6, 2, SMART_NUMBER_DEADLINE), SMART_EBUFS);
            CHECK(day[0] == '\0' && contains(smart_error_last()->message, "11 bytes needed"));
        }
        smart_evaluation_free(e);
        e = NULL;
    }
    smart_cohort_free(c);

    TEST("rule descriptions come from the core in each language");
    OK(smart_programme_from_catalogue(&prog, "smart-trener-2024"));
    OK(smart_programme_requirement_describe(&text, prog, 0, SMART_LANG_EN));
    CHECK(contains(text, "Attendance on at least 4/5 of the days of gatherings"));
    smart_string_free(text);
    OK(smart_programme_requirement_describe(&text, prog, 0, SMART_LANG_NN));
    CHECK(contains(text, "Oppmøte minst 4/5 av dagane på samlingar"));
    smart_string_free(text);
    OK(smart_programme_requirement_describe(&text, prog, 2, SMART_LANG_NB));
    CHECK(contains(text, "En avsluttende tekst på 2–3 sider"));
    smart_string_free(text);
    EXPECT(smart_programme_requirement_describe(&text, prog, 4, SMART_LANG_NB), SMART_EINVAL);
    CHECK(text == NULL);
    EXPECT(smart_programme_requirement_describe(&text, prog, 0, (smart_lang)3), SMART_EINVAL);
    EXPECT(smart_programme_requirement_describe(NULL, prog, 0, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_programme_requirement_describe(&text, NULL, 0, SMART_LANG_NB), SMART_EINVAL);
    smart_programme_free(prog);
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
    CHECK(contains(json, "\"format\": \"smart.evaluation/2\""));
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

    test_numbers();
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
