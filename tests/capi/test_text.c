/* Tests of the C ABI: text checked where it enters (harness: check.h). */
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

void test_text(void) {
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
