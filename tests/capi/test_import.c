/* Tests of the C ABI's spreadsheet import: an administrator's workbook or directory of CSV
 * files into a cohort, and ones with mistakes reported as a JSON list of problems
 * (harness: check.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void test_import_workbook(void) {
    smart_programme *p = NULL;
    smart_cohort *base = NULL, *c = NULL;
    char *problems = NULL;
    const char *s = NULL;
    size_t n = 0;
    smart_attendance a = SMART_ATTENDANCE_UNRECORDED;
    TEST("an administrator's workbook (Norwegian headers, wide attendance) imports into a copy of the cohort");
    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    OK(smart_cohort_create(&base, p, "kull-2024", "Kull 2024"));
    OK(smart_cohort_import_xlsx(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/wide_nb.xlsx", SMART_LANG_NB));
    CHECK(c != NULL);
    CHECK(problems == NULL);
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 5);
    OK(smart_cohort_participant_count(&n, base));
    CHECK(n == 0); /* the base is not changed */
    OK(smart_cohort_id(&s, c));
    CHECK(s && strcmp(s, "kull-2024") == 0);
    OK(smart_cohort_participant_id(&s, c, 0));
    CHECK(s && strcmp(s, "k01") == 0);
    OK(smart_cohort_attendance(&a, c, "k01", "2024-09-18"));
    CHECK(a == SMART_ATTENDANCE_PRESENT);

    TEST("a workbook with mistakes: no cohort, every problem as JSON with its sheet, line and column");
    smart_cohort_free(c);
    c = NULL;
    EXPECT(smart_cohort_import_xlsx(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/bad_wide.xlsx",
                                    SMART_LANG_EN),
           SMART_EVALIDATION);
    CHECK(c == NULL);
    CHECK(problems != NULL);
    CHECK(contains(problems, "\"table\": \"Deltakere\""));
    CHECK(contains(problems, "\"line\": 3"));
    CHECK(contains(problems, "\"column\": \"C\""));
    CHECK(contains(problems, "\"found\": \"39O5\""));
    CHECK(contains(problems, "Deltakere line 3, column C (Kommunenr): expected a 4-digit municipality number"));
    CHECK(contains(smart_error_last()->message, "line 1, column I"));
    smart_string_free(problems);
    problems = NULL;
    EXPECT(smart_cohort_import_xlsx(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/bad_wide.xlsx",
                                    SMART_LANG_NN),
           SMART_EVALIDATION); /* the sentences in nynorsk */
    CHECK(contains(problems, "linje 3, kolonne C (Kommunenr)"));
    CHECK(!contains(problems, "line 3, column C"));
    CHECK(contains(smart_error_last()->message, "linje 1, kolonne I"));
    smart_string_free(problems);
    problems = NULL;
    EXPECT(smart_cohort_import_xlsx(&c, NULL, base, SMART_SOURCE_DIR "/tests/data/sheets/bad_wide.xlsx",
                                    SMART_LANG_EN),
           SMART_EVALIDATION); /* problems may be NULL */

    TEST("what is not a workbook, a missing file and bad arguments");
    EXPECT(smart_cohort_import_xlsx(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/make_sheets.py",
                                    SMART_LANG_NB),
           SMART_EPARSE);
    CHECK(contains(smart_error_last()->message, "not an .xlsx workbook"));
    CHECK(c == NULL && problems == NULL);
    EXPECT(smart_cohort_import_xlsx(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/nothing.xlsx",
                                    SMART_LANG_NB),
           SMART_ENOTFOUND);
    EXPECT(smart_cohort_import_xlsx(&c, &problems, base, NULL, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_cohort_import_xlsx(&c, &problems, NULL, "x.xlsx", SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_cohort_import_xlsx(NULL, &problems, base, "x.xlsx", SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_cohort_import_xlsx(&c, &problems, base, "x.xlsx", (smart_lang)7), SMART_EINVAL);
    smart_cohort_free(base);
    smart_programme_free(p);
}

static void test_import_csv(void) {
    smart_programme *p = NULL;
    smart_cohort *base = NULL, *c = NULL;
    char *problems = NULL;
    size_t n = 0;
    smart_attendance a = SMART_ATTENDANCE_UNRECORDED;
    TEST("smart_cohort_import reads a directory of CSV files, a workbook, and one CSV file");
    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    OK(smart_cohort_create(&base, p, "kull-2024", "Kull 2024"));
    {
        static const char *const paths[] = {SMART_SOURCE_DIR "/tests/data/sheets/long_en",
                                            SMART_SOURCE_DIR "/tests/data/sheets/wide_nb.xlsx",
                                            SMART_SOURCE_DIR "/tests/data/sheets/long_en/participants.csv"};
        for (size_t i = 0; i < sizeof paths / sizeof *paths; ++i) {
            OK(smart_cohort_import(&c, &problems, base, paths[i], SMART_LANG_EN));
            CHECK(c != NULL && problems == NULL);
            OK(smart_cohort_participant_count(&n, c));
            CHECK(i == 1 ? n == 5 : n > 0);
            if (i == 1) {
                OK(smart_cohort_attendance(&a, c, "k01", "2024-09-18"));
                CHECK(a == SMART_ATTENDANCE_PRESENT);
            }
            smart_cohort_free(c);
            c = NULL;
        }
    }

    TEST("a CSV directory with mistakes: every problem with its file, line and column");
    EXPECT(smart_cohort_import(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/bad_csv", SMART_LANG_EN),
           SMART_EVALIDATION);
    CHECK(c == NULL && problems != NULL);
    CHECK(contains(problems, "\"table\": \"oppmøte\""));
    CHECK(contains(problems, "oppmøte line 5, column C (status): unknown attendance status"));
    CHECK(contains(problems, "deltakere line 3, column E (rolle)"));
    CHECK(contains(smart_error_last()->message, "deltakere line 1, column G (alder)"));
    smart_string_free(problems);
    problems = NULL;

    TEST("a CSV file that cannot be read: its problem at the line and column, in the caller's language");
    EXPECT(smart_cohort_import(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/unclosed_csv", SMART_LANG_NB),
           SMART_EPARSE);
    CHECK(c == NULL && problems != NULL);
    CHECK(contains(problems, "\"code\": \"parse_error\""));
    CHECK(contains(problems, "\"line\": 2"));
    CHECK(contains(problems, "\"column\": \"B\""));
    CHECK(contains(problems, "deltakere linje 2, kolonne B: en celle i anførselstegn blir ikke avsluttet"));
    smart_string_free(problems);
    problems = NULL;

    TEST("not a table, a directory without CSV files, a missing path");
    EXPECT(smart_cohort_import(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/make_sheets.py",
                               SMART_LANG_NB),
           SMART_EINVAL);
    CHECK(contains(smart_error_last()->message, "expected an .xlsx workbook, a CSV file or a directory of CSV files"));
    EXPECT(smart_cohort_import(&c, &problems, base, SMART_SOURCE_DIR "/capi/abi", SMART_LANG_NB), SMART_ENOTFOUND);
    CHECK(contains(smart_error_last()->message, "no CSV files"));
    EXPECT(smart_cohort_import(&c, &problems, base, SMART_SOURCE_DIR "/tests/data/sheets/nothing", SMART_LANG_NB),
           SMART_ENOTFOUND);
    CHECK(c == NULL && problems == NULL);
    EXPECT(smart_cohort_import(&c, &problems, base, NULL, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_cohort_import(NULL, &problems, base, "x", SMART_LANG_NB), SMART_EINVAL);
    smart_cohort_free(base);
    smart_programme_free(p);
}

/* The whole file at `path` in a new buffer (release with free()); *size its length. */
static char *slurp(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n = 0;
    *size = 0;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n);
        if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) *size = (size_t)n;
    }
    fclose(f);
    return buf;
}

static void test_import_data(void) {
    smart_programme *p = NULL;
    smart_cohort *base = NULL, *c = NULL;
    char *problems = NULL;
    size_t n = 0, size = 0;
    smart_attendance a = SMART_ATTENDANCE_UNRECORDED;
    const char *people = "deltaker;navn;kommunenr;kommune;rolle;sektor\r\n"
                         "k01;Bj\xf8rn Fjellstad;301;Oslo;l\xe6rer;offentlig\r\n"; /* Windows-1252, as Excel saves it */
    char *workbook = slurp(SMART_SOURCE_DIR "/tests/data/sheets/wide_nb.xlsx", &size);
    TEST("smart_cohort_import_data: a workbook's bytes, and an uploaded CSV file named by its name");
    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    OK(smart_cohort_create(&base, p, "kull-2024", "Kull 2024"));
    CHECK(workbook != NULL && size > 0);
    OK(smart_cohort_import_data(&c, &problems, base, workbook, size, "kull.xlsx", SMART_LANG_NB));
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 5);
    OK(smart_cohort_attendance(&a, c, "k01", "2024-09-18"));
    CHECK(a == SMART_ATTENDANCE_PRESENT);
    smart_cohort_free(c);
    c = NULL;
    OK(smart_cohort_import_data(&c, &problems, base, people, strlen(people), "Deltakere.CSV", SMART_LANG_NB));
    OK(smart_cohort_participant_count(&n, c));
    CHECK(n == 1);
    {
        const char *name = NULL, *number = NULL, *municipality = NULL;
        OK(smart_cohort_participant_name(&name, c, 0));
        CHECK(name && strcmp(name, "Bj\xc3\xb8rn Fjellstad") == 0);
        OK(smart_cohort_participant_municipality(&number, &municipality, c, 0));
        CHECK(number && strcmp(number, "0301") == 0);
    }
    smart_cohort_free(c);
    c = NULL;

    TEST("smart_cohort_import_data: the bytes of neither, and bad arguments");
    EXPECT(smart_cohort_import_data(&c, &problems, base, people, strlen(people), "kull.xlsx", SMART_LANG_NB),
           SMART_EPARSE); /* CSV bytes named as a workbook */
    CHECK(contains(smart_error_last()->message, "kull.xlsx: not an .xlsx workbook"));
    EXPECT(smart_cohort_import_data(&c, &problems, base, "id;\"x\n", 6, "deltakere.csv", SMART_LANG_EN), SMART_EPARSE);
    CHECK(problems != NULL && contains(problems, "a quoted cell is not closed"));
    smart_string_free(problems);
    problems = NULL;
    EXPECT(smart_cohort_import_data(&c, &problems, base, NULL, 5, "deltakere.csv", SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_cohort_import_data(&c, &problems, base, people, strlen(people), NULL, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_cohort_import_data(&c, &problems, base, NULL, 0, "deltakere.csv", SMART_LANG_NB), SMART_EVALIDATION);
    CHECK(c == NULL);
    smart_string_free(problems);
    free(workbook);
    smart_cohort_free(base);
    smart_programme_free(p);
}

int main(void) {
    test_import_workbook();
    test_import_csv();
    test_import_data();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
