/*
 * The C face of the error contract (docs/errors.md): runs one case of the page's table
 * through the C ABI (libsmart_c) and prints the calling thread's last error, as one line
 *
 *     <status>\t<pointer>\t<message>
 *
 * where <status> is the name of the SMART_E* constant returned ("SMART_OK\t\t" on success)
 * and <message> is smart_error_last()->message without its "<pointer>: " prefix.
 * The operations are those of error_cases.cpp:
 *
 *   load_cohort_file FILE                  smart_cohort_load_file
 *   load_programme_file FILE               smart_programme_load_file
 *   load_cohort_json FILE                  smart_cohort_load_json on the file's bytes
 *   get_programme ID                       smart_programme_from_catalogue
 *   add_participant COHORT PARTICIPANT     smart_cohort_add_participant_json (its text)
 *   set_attendance COHORT ID DATE STATUS   smart_cohort_set_attendance; STATUS is a name
 *                                          ("present", ...), any other name is passed as
 *                                          a value outside the enum
 *   remove_exemption COHORT ID REQUIREMENT smart_cohort_remove_exemption
 *   evaluate COHORT DATE                   smart_evaluate with options.as_of = DATE
 *
 * Besides printing, it checks what the header promises of every failure: the returned
 * status is the last error's code, the message starts with the pointer when there is one,
 * a handle written through `out` is NULL, and a failed recording call leaves the cohort as
 * it was. Exit status: 0 ok, 1 an error (printed), 2 a usage error, 4 a broken promise.
 */
#include <smart/smart.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *status_constant(int status) {
    switch (status) {
        case SMART_OK: return "SMART_OK";
        case SMART_EINVAL: return "SMART_EINVAL";
        case SMART_EPARSE: return "SMART_EPARSE";
        case SMART_EVALIDATION: return "SMART_EVALIDATION";
        case SMART_ENOTFOUND: return "SMART_ENOTFOUND";
        case SMART_ENOTALLOWED: return "SMART_ENOTALLOWED";
        case SMART_ENOMEM: return "SMART_ENOMEM";
        case SMART_EINTERNAL: return "SMART_EINTERNAL";
        default: return "unknown";
    }
}

static void broken(const char *what) {
    fprintf(stderr, "error_cases_c: %s\n", what);
    exit(4);
}

static int usage(void) {
    fprintf(stderr, "usage: error_cases_c OPERATION ARGUMENTS... (see the comment at the top of error_cases_c.c)\n");
    return 2;
}

/* The file's bytes, NUL-terminated (malloc'd), or NULL. */
static char *read_bytes(const char *path) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t size = 0, cap = 0, n;
    if (!f) return NULL;
    do {
        if (cap - size < 4096) {
            char *grown;
            cap = cap ? cap * 2 : 65536;
            grown = (char *)realloc(buf, cap + 1);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        n = fread(buf + size, 1, cap - size, f);
        size += n;
    } while (n > 0);
    fclose(f);
    buf[size] = '\0';
    return buf;
}

static int report(int rc) {
    const smart_error *e = smart_error_last();
    const char *message = e->message;
    size_t plen = strlen(e->pointer);
    if (rc == SMART_OK) {
        printf("SMART_OK\t\t\n");
        return 0;
    }
    if (e->code != rc) broken("the returned status is not the last error's code");
    if (plen > 0) {
        if (strncmp(message, e->pointer, plen) != 0 || strncmp(message + plen, ": ", 2) != 0)
            broken("the message does not start with the pointer");
        message += plen + 2;
    }
    printf("%s\t%s\t%s\n", status_constant(rc), e->pointer, message);
    return 1;
}

/* Loads the cohort a recording case works on; a failure there is the case's result. */
static int load_cohort(smart_cohort **out, const char *path) {
    int rc = smart_cohort_load_file(out, path);
    if (rc != SMART_OK && *out != NULL) broken("a failed load left a handle in out");
    return rc;
}

static char *saved(const smart_cohort *c) {
    char *json = NULL;
    if (smart_cohort_save_json(&json, c) != SMART_OK) broken("cannot save the cohort");
    return json;
}

/* After a recording call on `c`: a failure must leave the cohort as `before`. */
static int recorded(int rc, smart_cohort *c, char *before) {
    if (rc != SMART_OK) {
        char *after;
        /* keep the last error: saving succeeds and leaves it alone */
        after = saved(c);
        if (strcmp(before, after) != 0) broken("the failed call changed the cohort");
        smart_string_free(after);
    }
    smart_string_free(before);
    rc = report(rc);
    smart_cohort_free(c);
    return rc;
}

static int attendance_value(const char *name) {
    static const char *const names[] = {"unrecorded", "present", "late", "excused", "absent"};
    int i;
    for (i = 0; i < 5; ++i)
        if (strcmp(name, names[i]) == 0) return i;
    return 99; /* outside the enum: SMART_EINVAL */
}

int main(int argc, char **argv) {
    const char *op;
    int rc;
    if (argc < 2) return usage();
    op = argv[1];
    if (smart_abi_version() != SMART_ABI_VERSION) broken("ABI version mismatch");

    if (strcmp(op, "load_cohort_file") == 0 && argc == 3) {
        smart_cohort *c = NULL;
        rc = load_cohort(&c, argv[2]);
        smart_cohort_free(c);
        return report(rc);
    }
    if (strcmp(op, "load_programme_file") == 0 && argc == 3) {
        smart_programme *p = NULL;
        rc = smart_programme_load_file(&p, argv[2]);
        if (rc != SMART_OK && p != NULL) broken("a failed load left a handle in out");
        smart_programme_free(p);
        return report(rc);
    }
    if (strcmp(op, "load_cohort_json") == 0 && argc == 3) {
        smart_cohort *c = NULL;
        char *text = read_bytes(argv[2]);
        if (!text) broken("cannot read the case's file");
        rc = smart_cohort_load_json(&c, text);
        free(text);
        if (rc != SMART_OK && c != NULL) broken("a failed load left a handle in out");
        smart_cohort_free(c);
        return report(rc);
    }
    if (strcmp(op, "get_programme") == 0 && argc == 3) {
        smart_programme *p = NULL;
        rc = smart_programme_from_catalogue(&p, argv[2]);
        if (rc != SMART_OK && p != NULL) broken("a failed call left a handle in out");
        smart_programme_free(p);
        return report(rc);
    }
    if (strcmp(op, "add_participant") == 0 && argc == 4) {
        smart_cohort *c = NULL;
        char *text;
        if ((rc = load_cohort(&c, argv[2])) != SMART_OK) return report(rc);
        text = read_bytes(argv[3]);
        if (!text) broken("cannot read the case's file");
        {
            char *before = saved(c);
            rc = smart_cohort_add_participant_json(c, text);
            free(text);
            return recorded(rc, c, before);
        }
    }
    if (strcmp(op, "set_attendance") == 0 && argc == 6) {
        smart_cohort *c = NULL;
        char *before;
        if ((rc = load_cohort(&c, argv[2])) != SMART_OK) return report(rc);
        before = saved(c);
        rc = smart_cohort_set_attendance(c, argv[3], argv[4], (smart_attendance)attendance_value(argv[5]));
        return recorded(rc, c, before);
    }
    if (strcmp(op, "remove_exemption") == 0 && argc == 5) {
        smart_cohort *c = NULL;
        char *before;
        if ((rc = load_cohort(&c, argv[2])) != SMART_OK) return report(rc);
        before = saved(c);
        rc = smart_cohort_remove_exemption(c, argv[3], argv[4]);
        return recorded(rc, c, before);
    }
    if (strcmp(op, "evaluate") == 0 && argc == 4) {
        smart_cohort *c = NULL;
        smart_evaluation *e = NULL;
        smart_evaluate_options options = SMART_EVALUATE_OPTIONS_INIT;
        if ((rc = load_cohort(&c, argv[2])) != SMART_OK) return report(rc);
        options.as_of = argv[3];
        rc = smart_evaluate(&e, c, &options);
        if (rc != SMART_OK && e != NULL) broken("a failed call left a handle in out");
        smart_evaluation_free(e);
        smart_cohort_free(c);
        return report(rc);
    }
    return usage();
}
