/* The check harness of the C ABI tests: counters and helpers (check.h). */
#include <stdio.h>
#include <string.h>

#include "check.h"

int passed = 0;
int failed = 0;
const char *current_test = "";

void check(int ok, const char *what, int line) {
    if (ok) {
        ++passed;
    } else {
        ++failed;
        printf("FAILED [%s] line %d: %s\n", current_test, line, what);
    }
}

/* A call returns `expected`; on failure the thread's last error carries the same code, a
 * message and a pointer that are never NULL. */
void check_status(int got, int expected, const char *call, int line) {
    const smart_error *e = smart_error_last();
    int ok = got == expected;
    if (ok && expected != SMART_OK)
        ok = e != NULL && e->code == expected && e->message != NULL && e->message[0] != '\0' && e->pointer != NULL;
    if (!ok)
        printf("  %s returned %d (%s), expected %d (%s); last error %d: %s\n", call, got, smart_status_name(got),
               expected, smart_status_name(expected), e ? e->code : 0, e && e->message ? e->message : "(null)");
    check(ok, call, line);
}


int contains(const char *haystack, const char *needle) {
    return haystack != NULL && needle != NULL && strstr(haystack, needle) != NULL;
}

int last_pointer_is(const char *pointer) { return strcmp(smart_error_last()->pointer, pointer) == 0; }

/* A participant object of the trainer programme 2024 (dates are its session days). */
void participant_json(char *buf, size_t size, const char *id, const char *municipality_number) {
    snprintf(buf, size,
             "{\"id\": \"%s\", \"name\": \"Testperson %s\", "
             "\"municipality\": {\"number\": \"%s\", \"name\": \"Holmestrand\"}, "
             "\"role\": \"lærer\", \"sector\": \"public\", "
             "\"attendance\": {\"2024-09-18\": \"present\", \"2024-09-19\": \"late\"}}",
             id, id, municipality_number);
}
