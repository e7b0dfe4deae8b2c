/*
 * The check harness of the C ABI tests (tests/capi/test_*.c): one C99 program,
 * test_capi, drives the whole C ABI as a C99 program would: every function, every status
 * it can return, NULL and garbage arguments, and ownership (every handle and string handed
 * out is released once; the run under valgrind checks that nothing leaks and nothing is
 * touched after release). One file per area; main() is in test_main.c.
 *
 * Prints one line per failed check and closes with "N passed, M failed".
 */
#ifndef SMART_TEST_CHECK_H
#define SMART_TEST_CHECK_H

#include <stddef.h>

#include "smart/smart.h"

#ifndef SMART_SOURCE_DIR
#define SMART_SOURCE_DIR "."
#endif

extern int passed;
extern int failed;
extern const char *current_test;

void check(int ok, const char *what, int line);
/* A call returns `expected`; on failure the thread's last error carries the same code, a
 * message and a pointer that are never NULL. */
void check_status(int got, int expected, const char *call, int line);

#define CHECK(cond) check((cond) ? 1 : 0, #cond, __LINE__)
#define EXPECT(call, status) check_status((call), (status), #call, __LINE__)
#define OK(call) EXPECT(call, SMART_OK)
#define TEST(name) (current_test = (name))

int contains(const char *haystack, const char *needle);
int last_pointer_is(const char *pointer);
/* A participant object of the trainer programme 2024 (dates are its session days). */
void participant_json(char *buf, size_t size, const char *id, const char *municipality_number);
/* The whole file as a NUL-terminated string (free() it), NULL when it cannot be read. */
char *read_file(const char *path);

/* The tests of each area (test_<area>.c). */
void test_versions(void);
void test_errors(void);
void test_catalogue(void);
void test_programmes(void);
void test_cohort_documents(void);
void test_cohort_create(void);
void test_records(void);
void test_evaluation(void);
void test_wrong_handles(void);
void test_statistics(void);
void test_text(void);
void test_save_files(void);
void test_threads(void);
void test_out_of_memory(void);
void test_follow_up(void);
void test_calendar(void);
void test_next_steps(void);

#endif /* SMART_TEST_CHECK_H */
