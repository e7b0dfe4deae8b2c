/* Tests of the C ABI: a cohort's municipality warnings computed once into a handle
 * (smart_cohort_municipality_warnings, smart/cohort.h) and the register of 2024
 * (smart_municipality_find). A program of its own, also run under valgrind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void add(smart_cohort *c, const char *id, const char *number, const char *name) {
    char buf[512];
    snprintf(buf, sizeof buf,
             "{\"id\": \"%s\", \"name\": \"Testperson %s\", "
             "\"municipality\": {\"number\": \"%s\", \"name\": \"%s\"}, "
             "\"role\": \"lærer\", \"sector\": \"public\"}",
             id, id, number, name);
    OK(smart_cohort_add_participant_json(c, buf));
}

static void test_warnings(void) {
    smart_programme *p = NULL;
    smart_cohort *c = NULL;
    smart_municipality_warnings *w = NULL;
    smart_municipality_warning_kind kind = SMART_MUNICIPALITY_TWO_NAMES;
    const char *number = NULL, *path = NULL, *reg_name = NULL, *reg_number = NULL, *name = NULL;
    char *line = NULL;
    size_t n = 0, participant = 99;

    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    OK(smart_cohort_create(&c, p, "kull-2024", "Kull 2024"));
    smart_programme_free(p);

    TEST("a cohort whose municipalities match the register has no warnings");
    add(c, "a1", "3905", "Tønsberg");
    add(c, "a2", "0301", "OSLO");
    OK(smart_cohort_municipality_warnings(&w, c));
    OK(smart_municipality_warnings_count(&n, w));
    CHECK(n == 0);
    EXPECT(smart_municipality_warning(&kind, &number, NULL, NULL, NULL, NULL, w, 0), SMART_EINVAL);
    CHECK(number == NULL);
    smart_municipality_warnings_free(w);
    w = NULL;

    TEST("3905 named Bergen and 3005 (Drammen until 2023) are warned about, by number");
    add(c, "a3", "3005", "Drammen");
    add(c, "a4", "3905", "Bergen");
    add(c, "a5", "4601", "Bergen");
    OK(smart_cohort_municipality_warnings(&w, c));
    OK(smart_municipality_warnings_count(&n, w));
    CHECK(n == 2);
    OK(smart_municipality_warning(&kind, &number, &participant, &path, &reg_name, &reg_number, w, 0));
    CHECK(kind == SMART_MUNICIPALITY_NOT_IN_REGISTER);
    CHECK(number && strcmp(number, "3005") == 0);
    CHECK(participant == 2);
    CHECK(path && strcmp(path, "/participants/2/municipality/number") == 0);
    CHECK(reg_name && strcmp(reg_name, "") == 0);
    CHECK(reg_number && strcmp(reg_number, "3301") == 0);
    /* 3905 with Tønsberg and Bergen: the two names (Tønsberg is the register's) */
    OK(smart_municipality_warning(&kind, &number, &participant, &path, &reg_name, &reg_number, w, 1));
    CHECK(kind == SMART_MUNICIPALITY_TWO_NAMES);
    CHECK(number && strcmp(number, "3905") == 0);
    CHECK(participant == 3);
    CHECK(path && strcmp(path, "/participants/3/municipality/name") == 0);
    CHECK(reg_name && strcmp(reg_name, "Tønsberg") == 0);
    OK(smart_municipality_warning_name_count(&n, w, 1));
    CHECK(n == 2);
    OK(smart_municipality_warning_name(&name, w, 1, 1));
    CHECK(name && strcmp(name, "Bergen") == 0);
    EXPECT(smart_municipality_warning_name(&name, w, 1, 2), SMART_EINVAL);
    CHECK(name == NULL);
    OK(smart_municipality_warning_describe(&line, w, 0, SMART_LANG_EN));
    CHECK(line && strcmp(line, "Municipality number 3005 («Drammen») is not in the municipality register of 1 "
                               "January 2024: renumbered in 2020 or 2024? (Drammen is 3301)") == 0);
    smart_string_free(line);
    OK(smart_municipality_warning_describe(&line, w, 1, SMART_LANG_NB));
    CHECK(line && strcmp(line, "Kommunenummer 3905 er registrert med ulike navn: «Tønsberg», «Bergen»") == 0);
    smart_string_free(line);
    line = NULL;

    TEST("the handle outlives the cohort; bad arguments are SMART_EINVAL");
    smart_cohort_free(c);
    OK(smart_municipality_warning(NULL, &number, NULL, NULL, NULL, NULL, w, 1));
    CHECK(number && strcmp(number, "3905") == 0);
    EXPECT(smart_municipality_warnings_count(NULL, w), SMART_EINVAL);
    EXPECT(smart_municipality_warnings_count(&n, NULL), SMART_EINVAL);
    EXPECT(smart_municipality_warning_describe(&line, w, 2, SMART_LANG_NB), SMART_EINVAL);
    CHECK(line == NULL);
    EXPECT(smart_municipality_warning_describe(NULL, w, 0, SMART_LANG_NB), SMART_EINVAL);
    smart_municipality_warnings_free(w);
    w = NULL;
    EXPECT(smart_cohort_municipality_warnings(NULL, NULL), SMART_EINVAL);
    EXPECT(smart_cohort_municipality_warnings(&w, NULL), SMART_EINVAL);
    CHECK(w == NULL);
    smart_municipality_warnings_free(NULL);
}

static void test_register(void) {
    const char *name = NULL;
    size_t count = 0;
    TEST("the register of 2024 names 3905 Tønsberg and the parallel names of 5544; 3005 is not in it");
    OK(smart_municipality_find(&name, &count, "3905"));
    CHECK(name && strcmp(name, "Tønsberg") == 0);
    CHECK(count == 1);
    OK(smart_municipality_find(&name, &count, "5544"));
    CHECK(name && strcmp(name, "Nordreisa - Ráisa - Raisi") == 0);
    CHECK(count == 3);
    EXPECT(smart_municipality_find(&name, &count, "3005"), SMART_ENOTFOUND);
    CHECK(name == NULL && count == 0);
    EXPECT(smart_municipality_find(&name, NULL, NULL), SMART_EINVAL);
    OK(smart_municipality_find(NULL, NULL, "0301"));
}

int main(void) {
    test_warnings();
    test_register();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
