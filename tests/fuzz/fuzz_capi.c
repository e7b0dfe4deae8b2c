/*
 * Fuzzes the C ABI (capi/include/smart/smart.h) from C, as a C program calls it: the
 * document loaders (text and file), the recording functions with fuzzed strings and enum
 * values, evaluation and its accessors, statistics with a fuzzed municipality mapping.
 *
 * Every call must return a status and never crash or abort. After every call the
 * conventions of smart.h are checked: the status is SMART_OK or a smart_status code, never
 * SMART_EINTERNAL ("a bug in the library"); a failure sets the calling thread's last error
 * to that code, with a message that starts with the JSON Pointer when there is one; a
 * success leaves the last error as it was; a failed call sets `*out` to NULL.
 *
 * Input layout (docs/fuzzing.md; tests/fuzz/make_seeds.cpp writes seeds in it):
 *   12 header bytes, then up to 8 NUL-separated text fields (a missing field is NULL):
 *   h[0]  bits 0-1: what f0 is: 0 programme document, 1 cohort document, 2 participant
 *                   object (added to a cohort of smart-trener-2024), 3 catalogue id
 *         bit 2:    load f0 from a temporary file instead of from text
 *         bits 3-4: both set: record on the built-in demo cohort (36 participants, the
 *                   costly case, so a quarter of the inputs); else on the loaded cohort, or
 *                   on a small cohort of smart-trener-2024 when nothing loaded
 *         bit 7:    add 65536 to the page count
 *   h[1]  attendance value      h[2]  festival role        h[3]  submission kind
 *   h[4]  submission status     h[5]  final category       h[6..7] pages (little endian)
 *   h[8]  language              h[9]  group_by             h[10] min_cell
 *   h[11] structure version of every options/record struct (0: the current one)
 *   (h[1..5], h[8], h[9] are read as signed bytes: negative and unknown values occur)
 *   f0 document / catalogue id   f1 participant id   f2 day   f3 text (title, reason,
 *   label)   f4 granted_by   f5 requirement id   f6 as-of date   f7 municipality mapping
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smart/smart.h"

#define HEADER 12
#define FIELDS 8
#define MAX_EXPLAINED 6

static void die(const char *what, const char *call, int rc) {
    const smart_error *e = smart_error_last();
    fprintf(stderr, "\n*** C ABI convention broken: %s\n    call: %s\n    status: %d (%s)\n    last error: %d %s\n",
            what, call, rc, smart_status_name(rc), e ? e->code : 99, e && e->message ? e->message : "(null)");
    abort();
}

/* The last error before a call, to check a success leaves it as it was. */
typedef struct snapshot {
    int code;
    const char *message;
} snapshot;

static snapshot snap(void) {
    const smart_error *e = smart_error_last();
    snapshot s;
    if (!e) die("smart_error_last() returned NULL", "smart_error_last", 0);
    s.code = e->code;
    s.message = e->message;
    return s;
}

static int check(int rc, snapshot before, const char *call) {
    const smart_error *e = smart_error_last();
    if (rc > 0 || rc < SMART_EINTERNAL) die("a status outside smart_status", call, rc);
    if (rc == SMART_EINTERNAL) die("SMART_EINTERNAL: a bug in the library", call, rc);
    if (!e || !e->message || !e->pointer) die("smart_error_last() or its strings are NULL", call, rc);
    if (strcmp(smart_status_name(rc), "unknown") == 0) die("a status without a name", call, rc);
    if (rc == SMART_OK) {
        if (e->code != before.code || e->message != before.message)
            die("a successful call changed the last error", call, rc);
        return rc;
    }
    if (e->code != rc) die("the last error's code is not the status returned", call, rc);
    if (e->message[0] == '\0') die("an empty error message", call, rc);
    if (e->pointer[0] != '\0') {
        if (e->pointer[0] != '/') die("a JSON Pointer that does not start with '/'", call, rc);
        if (strncmp(e->message, e->pointer, strlen(e->pointer)) != 0)
            die("the message does not start with the JSON Pointer", call, rc);
    }
    return rc;
}

/* Runs a call returning a status, checks the conventions, yields the status. */
#define CALL(expr) check((expr), snap(), #expr)
/* As CALL, for a call with `char **`/handle out-parameter `out`: NULL after a failure. */
#define CALL_OUT(out, expr)                                                         \
    do {                                                                            \
        snapshot before_ = snap();                                                  \
        int rc_ = check((expr), before_, #expr);                                    \
        if (rc_ != SMART_OK && (out) != NULL) die("*out is not NULL after a failure", #expr, rc_); \
        if (rc_ == SMART_OK && (out) == NULL) die("*out is NULL after a success", #expr, rc_);     \
    } while (0)

static char temp_path[256];

static const char small_participant[] =
    "{\"id\":\"p01\",\"name\":\"Kari Nordmann\",\"municipality\":{\"number\":\"3905\",\"name\":\"T\xc3\xb8nsberg\"},"
    "\"role\":\"l\xc3\xa6rer\",\"sector\":\"public\",\"attendance\":{\"2024-09-18\":\"present\",\"2024-09-19\":\"late\"},"
    "\"submissions\":[{\"kind\":\"reflection\",\"date\":\"2024-10-01\"}]}";

static void remove_temp(void) { remove(temp_path); }

static const char *write_temp(const char *text) {
    FILE *f;
    if (!temp_path[0]) {
        atexit(remove_temp);
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        snprintf(temp_path, sizeof temp_path, "%s/smart-fuzz-capi-%ld.json", dir, (long)getpid());
    }
    f = fopen(temp_path, "wb");
    if (!f) abort();
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    return temp_path;
}

/* Signed byte -> int, so negative enum values are tried too. */
static int sb(unsigned char b) { return (int)(signed char)b; }

/* save -> load -> save must give the same text. */
static void programme_round_trip(const smart_programme *p) {
    char *a = NULL, *b = NULL;
    smart_programme *again = NULL;
    CALL_OUT(a, smart_programme_save_json(&a, p));
    CALL_OUT(again, smart_programme_load_json(&again, a));
    CALL_OUT(b, smart_programme_save_json(&b, again));
    if (strcmp(a, b) != 0) die("programme save -> load -> save changed the text", "smart_programme_save_json", 0);
    smart_string_free(a);
    smart_string_free(b);
    smart_programme_free(again);
}

static void cohort_round_trip(const smart_cohort *c) {
    char *a = NULL, *b = NULL;
    smart_cohort *again = NULL;
    CALL_OUT(a, smart_cohort_save_json(&a, c));
    CALL_OUT(again, smart_cohort_load_json(&again, a));
    CALL_OUT(b, smart_cohort_save_json(&b, again));
    if (strcmp(a, b) != 0) die("cohort save -> load -> save changed the text", "smart_cohort_save_json", 0);
    smart_string_free(a);
    smart_string_free(b);
    smart_cohort_free(again);
}

static void programme_accessors(const smart_programme *p, int lang) {
    const char *s = NULL;
    size_t n = 0, i;
    CALL(smart_programme_id(&s, p));
    CALL(smart_programme_name(&s, p, (smart_lang)lang));
    CALL(smart_programme_requirement_count(&n, p));
    for (i = 0; i <= n && i < 8; ++i) CALL(smart_programme_requirement_id(&s, p, i)); /* i == n: out of range */
}

static void record(smart_cohort *c, const char *pid, const unsigned char *h, const char *const *f) {
    smart_attendance a;
    smart_submission sub;
    smart_exemption ex;
    unsigned version = h[11] ? h[11] : 0;
    int pages = h[6] | (h[7] << 8) | ((h[0] & 0x80) ? 0x10000 : 0);

    CALL(smart_cohort_set_attendance(c, pid, f[2], (smart_attendance)sb(h[1])));
    CALL(smart_cohort_attendance(&a, c, pid, f[2]));
    CALL(smart_cohort_set_festival_role(c, pid, (smart_festival_role)sb(h[2])));

    CALL(smart_submission_init(&sub, version ? version : SMART_SUBMISSION_VERSION));
    sub.version = version ? version : SMART_SUBMISSION_VERSION;
    sub.kind = (smart_submission_kind)sb(h[3]);
    sub.status = (smart_submission_status)sb(h[4]);
    sub.date = f[2];
    sub.pages = (unsigned)pages;
    sub.category = (smart_final_category)sb(h[5]);
    sub.title = f[3];
    CALL(smart_cohort_add_submission(c, pid, &sub));
    sub.date = f[6];
    CALL(smart_cohort_add_submission(c, pid, &sub));

    CALL(smart_exemption_init(&ex, version ? version : SMART_EXEMPTION_VERSION));
    ex.version = version ? version : SMART_EXEMPTION_VERSION;
    ex.requirement = f[5];
    ex.reason = f[3];
    ex.granted_by = f[4];
    ex.date = f[6];
    CALL(smart_cohort_add_exemption(c, pid, &ex));
    CALL(smart_cohort_remove_exemption(c, pid, f[5]));
    CALL(smart_cohort_add_exemption(c, pid, &ex));
}

static void evaluate(const smart_cohort *c, const unsigned char *h, const char *const *f, int document) {
    smart_evaluate_options eo;
    smart_evaluation *e = NULL;
    smart_statistics_options so;
    const smart_cohort *cs[1];
    const smart_evaluation *es[1];
    char *s = NULL, date[SMART_DATE_SIZE];
    const char *id = NULL, *label = NULL;
    size_t n = 0, req = 0, i, r, idx = 0;
    int lang = sb(h[8]), at_risk = 0;
    unsigned version = h[11];
    smart_overall_status st;
    smart_requirement_state rs;
    smart_requirement_kind rk;

    CALL(smart_evaluate_options_init(&eo, version ? version : SMART_EVALUATE_OPTIONS_VERSION));
    eo.version = version ? version : SMART_EVALUATE_OPTIONS_VERSION;
    eo.as_of = f[6] ? f[6] : "2025-04-30"; /* NULL would be today: not reproducible */
    CALL_OUT(e, smart_evaluate(&e, c, &eo));
    if (!e) {
        eo.version = SMART_EVALUATE_OPTIONS_VERSION;
        eo.as_of = "2025-04-30";
        CALL_OUT(e, smart_evaluate(&e, c, &eo));
    }
    if (!e) return;

    CALL(smart_evaluation_as_of(date, e));
    CALL(smart_evaluation_participant_count(&n, e));
    CALL(smart_evaluation_requirement_count(&req, e));
    CALL(smart_evaluation_participant_index(&idx, e, f[1]));
    for (r = 0; r <= req && r < 8; ++r) {
        CALL(smart_evaluation_requirement_id(&id, e, r));
        CALL(smart_evaluation_requirement_kind(&rk, e, r));
    }
    for (i = 0; i <= n && i < MAX_EXPLAINED; ++i) {
        CALL(smart_evaluation_participant_id(&id, e, i));
        if (CALL(smart_evaluation_status(&st, e, i)) == SMART_OK) {
            CALL(smart_evaluation_at_risk(&at_risk, e, i));
            CALL(smart_status_label(&label, st, at_risk, (smart_lang)lang));
        }
        for (r = 0; r <= req && r < 8; ++r) {
            if (CALL(smart_evaluation_requirement_state(&rs, e, i, r)) == SMART_OK)
                CALL(smart_requirement_state_label(&label, rs, (smart_lang)lang));
            CALL_OUT(s, smart_evaluation_explain(&s, e, i, r, (smart_lang)lang));
            smart_string_free(s);
            s = NULL;
        }
        CALL_OUT(s, smart_evaluation_missing(&s, e, i, (smart_lang)lang));
        smart_string_free(s);
        s = NULL;
        CALL_OUT(s, smart_certificate_data_json(&s, c, e, i));
        smart_string_free(s);
        s = NULL;
    }
    CALL(smart_evaluation_count(&i, e, (smart_overall_status)sb(h[4])));
    CALL(smart_evaluation_at_risk_count(&i, e));
    if (document) {
        CALL_OUT(s, smart_evaluation_to_json(&s, e, c));
        smart_string_free(s);
        s = NULL;
    }

    CALL(smart_statistics_options_init(&so, version ? version : SMART_STATISTICS_OPTIONS_VERSION));
    so.version = version ? version : SMART_STATISTICS_OPTIONS_VERSION;
    so.group_by = (smart_group_by)sb(h[9]);
    so.min_cell = h[10];
    so.municipality_mapping = f[7];
    cs[0] = c;
    es[0] = e;
    CALL_OUT(s, smart_statistics_json(&s, cs, es, 1, &so));
    smart_string_free(s);
    s = NULL;
    smart_evaluation_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    unsigned char h[HEADER] = {0};
    char *buf;
    const char *f[FIELDS] = {NULL};
    size_t i, nf = 0, start;
    smart_programme *prog = NULL;
    smart_cohort *c = NULL, *demo = NULL, *target;
    char *s = NULL;
    const char *pid = NULL, *str = NULL;
    size_t n = 0;
    char day[SMART_DATE_SIZE];
    int kind, from_file;

    memcpy(h, data, size < HEADER ? size : HEADER);
    start = size < HEADER ? size : HEADER;
    buf = (char *)malloc(size - start + 1);
    if (!buf) abort();
    memcpy(buf, data + start, size - start);
    buf[size - start] = '\0';
    if (size > start) {
        f[nf++] = buf;
        for (i = 0; i < size - start && nf < FIELDS; ++i)
            if (buf[i] == '\0') f[nf++] = buf + i + 1;
    }
    kind = h[0] & 3;
    from_file = (h[0] & 4) != 0;

    switch (kind) {
        case 0:
            if (from_file && f[0])
                CALL_OUT(prog, smart_programme_load_file(&prog, write_temp(f[0])));
            else
                CALL_OUT(prog, smart_programme_load_json(&prog, f[0]));
            if (prog) {
                programme_round_trip(prog);
                programme_accessors(prog, sb(h[8]));
                CALL_OUT(c, smart_cohort_create(&c, prog, f[1] ? f[1] : "fuzz", f[3] ? f[3] : "Fuzz"));
            }
            break;
        case 1:
            if (from_file && f[0])
                CALL_OUT(c, smart_cohort_load_file(&c, write_temp(f[0])));
            else
                CALL_OUT(c, smart_cohort_load_json(&c, f[0]));
            if (c) cohort_round_trip(c);
            break;
        case 2:
            CALL_OUT(prog, smart_programme_from_catalogue(&prog, "smart-trener-2024"));
            CALL_OUT(c, smart_cohort_create(&c, prog, "fuzz", "Fuzz"));
            CALL(smart_cohort_add_participant_json(c, f[0]));
            break;
        default:
            CALL_OUT(s, smart_catalogue_json(&s, f[0]));
            smart_string_free(s);
            s = NULL;
            CALL_OUT(prog, smart_programme_from_catalogue(&prog, f[0]));
            if (prog) CALL_OUT(c, smart_cohort_create(&c, prog, f[1], f[3]));
            break;
    }
    /* a file that cannot be opened */
    {
        smart_cohort *none = NULL;
        CALL_OUT(none, smart_cohort_load_file(&none, "/nonexistent/smart-fuzz.json"));
    }

    if ((h[0] & 0x18) == 0x18) {
        CALL_OUT(demo, smart_cohort_demo(&demo));
    } else if (!c) {
        /* nothing loaded: record on a small cohort (the demo cohort is costly to make) */
        smart_programme *trainer = NULL;
        CALL_OUT(trainer, smart_programme_from_catalogue(&trainer, "smart-trener-2024"));
        CALL_OUT(demo, smart_cohort_create(&demo, trainer, "fuzz-small", "Fuzz"));
        CALL(smart_cohort_add_participant_json(demo, small_participant));
        smart_programme_free(trainer);
    }
    target = demo ? demo : c;
    if (c) {
        CALL(smart_cohort_id(&str, c));
        CALL(smart_cohort_label(&str, c));
        CALL(smart_cohort_programme_id(&str, c));
        CALL(smart_cohort_day_count(&n, c));
        for (i = 0; i <= n && i < 4; ++i) CALL(smart_cohort_day(day, c, i));
        if (n > 0) CALL(smart_cohort_day(day, c, n - 1));
        CALL(smart_cohort_add_participant_json(c, f[0]));
    }

    /* records: for the fuzzed id, then for the first participant with the fuzzed values */
    record(target, f[1], h, f);
    if (CALL(smart_cohort_participant_id(&pid, target, 0)) == SMART_OK) {
        char *copy = (char *)malloc(strlen(pid) + 1);
        if (!copy) abort();
        strcpy(copy, pid); /* borrowed: valid only until the cohort changes */
        record(target, copy, h, f);
        free(copy);
    }
    cohort_round_trip(target);
    /* the demo cohort's evaluation document is large: its round trip above already checks
       that what was recorded can be written */
    evaluate(target, h, f, (h[0] & 0x18) != 0x18);
    if (target != c && c) evaluate(c, h, f, 1);

    if (h[11] == 0xff) {
        smart_error_clear();
        if (smart_error_last()->code != SMART_OK || strcmp(smart_error_last()->message, "no error") != 0)
            die("smart_error_clear() did not reset the last error", "smart_error_clear", 0);
    }

    smart_cohort_free(c);
    smart_cohort_free(demo);
    smart_programme_free(prog);
    free(buf);
    return 0;
}
