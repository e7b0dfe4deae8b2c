/*
 * smart.h -- the C ABI of the smart library (C99).
 *
 * The SMART competence programmes Norwegian municipalities run: programmes, cohorts,
 * attendance, submissions, exemptions, and the certificate rules evaluated as of a date.
 * This header is a thin face over the C++ core: it converts types and errors, and decides
 * nothing. The rules are stated in docs/rules.md, the documents in docs/format.md, and the
 * stability promise of this interface in docs/c-api.md.
 *
 * Conventions (every function follows them unless its comment says otherwise):
 *
 *  - Status: functions return an int, SMART_OK (0) on success or one of the negative
 *    smart_status codes. On failure the calling thread's last error (smart_error_last())
 *    holds the code, a message and, when the failure is about a place in a JSON document,
 *    its JSON Pointer. A successful call leaves the last error as it was.
 *  - Out-parameters come first and are called `out`. On failure a pointer written through
 *    `out` is set to NULL (when `out` itself is not NULL); other outputs are left as they
 *    were. A NULL `out`, handle or required string is reported as SMART_EINVAL.
 *  - Ownership: an object or string handed out through `**out` belongs to the caller and
 *    is released by exactly one function: smart_<noun>_free() for handles, and
 *    smart_string_free() for `char *` strings. Every release function accepts NULL. A
 *    `const char *` handed out is borrowed: it stays valid as long as the object it came
 *    from, unless the comment says otherwise, and is never freed by the caller.
 *  - Text is UTF-8, NUL-terminated. Dates are ISO 8601 calendar dates "YYYY-MM-DD" (text
 *    that is not such a date is SMART_EPARSE). Documents are JSON text (docs/format.md).
 *  - Text is checked where it enters (docs/format.md, "Text"): it must be UTF-8, within its
 *    length limit, and free of control characters (one-line texts such as ids, names,
 *    roles, titles, labels: none at all; free texts such as descriptions and exemption
 *    reasons: tab, line feed and carriage return only). A text that would be recorded (a
 *    name, a title, a reason, a label) breaking this is SMART_EVALIDATION, with the JSON
 *    Pointer of its place; an id to look up that no record can have is SMART_EINVAL; JSON
 *    text that is not UTF-8 is SMART_EPARSE. So whatever the library accepted it can
 *    always save, and every string it hands out, error messages included, is UTF-8.
 *  - Enumerations are C enums whose values are fixed forever; a value outside an enum's
 *    range is SMART_EINVAL.
 *  - Thread safety: the library has no global mutable state besides the per-thread last
 *    error. Different handles may be used from different threads at once. Functions that
 *    take a `const` handle may be called concurrently on the same handle; a function that
 *    takes a non-const handle needs exclusive access to it.
 *  - No C++ exception ever crosses this interface; an allocation failure is SMART_ENOMEM.
 */
#ifndef SMART_SMART_H
#define SMART_SMART_H

#include <stddef.h>

#include "smart/version.h"

/* SMART_EXTERN(type) declares an exported function, as libgit2's GIT_EXTERN does. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(SMART_C_BUILDING)
#    define SMART_EXTERN(type) extern __declspec(dllexport) type
#  else
#    define SMART_EXTERN(type) extern __declspec(dllimport) type
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define SMART_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#  define SMART_EXTERN(type) extern type
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Versions ========================================================================= */

/*
 * The ABI this header describes. It changes only when a binary-incompatible change is made
 * (which docs/c-api.md promises to avoid), and it is the SONAME version of the shared
 * library (libsmart_c.so.1). Within one ABI version functions are only ever added.
 */
#define SMART_ABI_VERSION 1

/* SMART_VERSION_NUMBER as the library that is running was built (MAJOR*10000 + MINOR*100 +
 * PATCH). Cannot fail. Thread-safe. */
SMART_EXTERN(int) smart_version_number(void);

/* "MAJOR.MINOR.PATCH" of the running library: a static string, never NULL, never freed.
 * Cannot fail. Thread-safe. */
SMART_EXTERN(const char *) smart_version_string(void);

/* The ABI version of the running library. A program checks it at start-up:
 *     if (smart_abi_version() != SMART_ABI_VERSION) { ... refuse to run ... }
 * and, when it needs functions added in a later release, also
 *     smart_version_number() >= the SMART_VERSION_NUMBER that added them.
 * Cannot fail. Thread-safe. */
SMART_EXTERN(int) smart_abi_version(void);

/* ==== Errors =========================================================================== */

/* Status codes. The values are those of the C++ core's one mapping table (src/error.cpp,
 * smart::to_c_status) and never change. */
typedef enum smart_status {
    SMART_OK = 0,
    SMART_EINVAL = -1,      /* an unusable argument: NULL, an unknown enum value, an index
                               out of range, an evaluation paired with another cohort */
    SMART_EPARSE = -2,      /* text that is not well-formed: JSON, a date */
    SMART_EVALIDATION = -3, /* well-formed input that breaks a rule of the model */
    SMART_ENOTFOUND = -4,   /* an id that names nothing, a file that cannot be opened */
    SMART_ENOTALLOWED = -5, /* a valid request the state forbids (cohort full, participant
                               not eligible for a certificate) */
    SMART_ENOMEM = -6,      /* out of memory */
    SMART_EINTERNAL = -7    /* a bug in the library: please report it */
} smart_status;

/* The last error of the calling thread. */
typedef struct smart_error {
    int code;            /* a smart_status; SMART_OK when no call has failed on this
                            thread (or after smart_error_clear()) */
    const char *message; /* never NULL; starts with the JSON Pointer, when there is one
                            ("/participants/3/name: expected a non-empty name") */
    const char *pointer; /* never NULL; the JSON Pointer (RFC 6901) of the offending value
                            in the document, "" when the failure is not about a place */
} smart_error;

/* The calling thread's last error: never NULL. The structure and its strings belong to the
 * library and stay valid until the next failing call (or smart_error_clear()) on the same
 * thread. Thread-safe (each thread has its own). */
SMART_EXTERN(const smart_error *) smart_error_last(void);

/* Resets the calling thread's last error to SMART_OK, message "no error". */
SMART_EXTERN(void) smart_error_clear(void);

/* The name of a status: "ok", "invalid_argument", "parse_error", "validation_error",
 * "not_found", "not_allowed", "out_of_memory", "internal"; "unknown" for any other value.
 * A static string, never NULL. Cannot fail. Thread-safe. */
SMART_EXTERN(const char *) smart_status_name(int status);

/* Releases a string handed out by this library (`char **out`). Accepts NULL. */
SMART_EXTERN(void) smart_string_free(char *s);

/* ==== Enumerations ===================================================================== */

/* Languages of explanations and texts. */
typedef enum smart_lang {
    SMART_LANG_NB = 0, /* Norwegian bokmål */
    SMART_LANG_NN = 1, /* Norwegian nynorsk */
    SMART_LANG_EN = 2  /* English */
} smart_lang;

/* What was recorded for a participant on a session day. */
typedef enum smart_attendance {
    SMART_ATTENDANCE_UNRECORDED = 0, /* no record (setting it removes the record) */
    SMART_ATTENDANCE_PRESENT = 1,
    SMART_ATTENDANCE_LATE = 2,
    SMART_ATTENDANCE_EXCUSED = 3,
    SMART_ATTENDANCE_ABSENT = 4
} smart_attendance;

/* A participant's role at the festival. */
typedef enum smart_festival_role {
    SMART_FESTIVAL_ROLE_NONE = 0,
    SMART_FESTIVAL_ROLE_EXHIBITION = 1,
    SMART_FESTIVAL_ROLE_WORKSHOP = 2,
    SMART_FESTIVAL_ROLE_PROCESS_LEADER = 3
} smart_festival_role;

/* Kinds of submitted documents. */
typedef enum smart_submission_kind {
    SMART_SUBMISSION_REFLECTION = 0,
    SMART_SUBMISSION_PRACTICE_BLOG = 1,
    SMART_SUBMISSION_PRACTICE_DOCUMENT = 2,
    SMART_SUBMISSION_FINAL_TEXT = 3,
    SMART_SUBMISSION_PORTFOLIO = 4
} smart_submission_kind;

typedef enum smart_submission_status {
    SMART_SUBMISSION_SUBMITTED = 0,
    SMART_SUBMISSION_APPROVED = 1,
    SMART_SUBMISSION_REJECTED = 2
} smart_submission_status;

/* Category of a final text. */
typedef enum smart_final_category {
    SMART_FINAL_CATEGORY_NONE = 0,
    SMART_FINAL_CATEGORY_METHOD = 1,
    SMART_FINAL_CATEGORY_RESULTS = 2,
    SMART_FINAL_CATEGORY_PROBLEM = 3,
    SMART_FINAL_CATEGORY_INSIGHT = 4,
    SMART_FINAL_CATEGORY_OTHER = 5
} smart_final_category;

/* Kinds of certificate requirements. */
typedef enum smart_requirement_kind {
    SMART_REQUIREMENT_ATTENDANCE = 0,
    SMART_REQUIREMENT_INTERVAL_NOTES = 1,
    SMART_REQUIREMENT_FINAL_TEXT = 2,
    SMART_REQUIREMENT_FESTIVAL = 3
} smart_requirement_kind;

/* State of one requirement for one participant as of a date (docs/rules.md). */
typedef enum smart_requirement_state {
    SMART_STATE_MET = 0,     /* fulfilled */
    SMART_STATE_UNMET = 1,   /* can no longer be fulfilled */
    SMART_STATE_PENDING = 2, /* not fulfilled yet, still possible */
    SMART_STATE_EXEMPT = 3   /* waived by a recorded exemption */
} smart_requirement_state;

/* A participant's overall status. */
typedef enum smart_overall_status {
    SMART_STATUS_ELIGIBLE = 0,      /* every requirement met or exempt */
    SMART_STATUS_NOT_ELIGIBLE = 1,  /* some requirement unmet */
    SMART_STATUS_IN_PROGRESS = 2,   /* otherwise */
    SMART_STATUS_NO_CERTIFICATE = 3 /* the programme has no certificate rules */
} smart_overall_status;

/* Size of a buffer that holds an ISO 8601 date and its terminating NUL. */
#define SMART_DATE_SIZE 11

/* ==== Handles ========================================================================== */

typedef struct smart_programme smart_programme;   /* a programme (course design + rules) */
typedef struct smart_cohort smart_cohort;         /* a cohort with its participants' records */
typedef struct smart_evaluation smart_evaluation; /* a cohort evaluated as of a date */

/* ==== The built-in catalogue =========================================================== */

/* The number of built-in programmes. Errors: SMART_EINVAL (out NULL). */
SMART_EXTERN(int) smart_catalogue_count(size_t *out);

/* The id of built-in programme `index` (catalogue order, 0-based), e.g.
 * "smart-trener-2024". The string is static: valid for the life of the process.
 * Errors: SMART_EINVAL (out NULL, index out of range). */
SMART_EXTERN(int) smart_catalogue_id(const char **out, size_t index);

/* The built-in programme document (smart.programme/1) with this id, as JSON text.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOTFOUND (no such
 * programme), SMART_ENOMEM. */
SMART_EXTERN(int) smart_catalogue_json(char **out, const char *programme_id);

/* ==== Programmes ======================================================================= */

/* The built-in programme with this id. Release with smart_programme_free().
 * Errors: SMART_EINVAL, SMART_ENOTFOUND, SMART_ENOMEM. */
SMART_EXTERN(int) smart_programme_from_catalogue(smart_programme **out, const char *programme_id);

/* Loads and validates a programme document (smart.programme/1) from JSON text.
 * All or nothing. Release with smart_programme_free(). Errors: SMART_EINVAL,
 * SMART_EPARSE (malformed JSON, with the byte offset), SMART_EVALIDATION (with the JSON
 * Pointer of the first bad value in the last error), SMART_ENOMEM. */
SMART_EXTERN(int) smart_programme_load_json(smart_programme **out, const char *json);

/* As smart_programme_load_json(), reading the file at `path`. Also SMART_ENOTFOUND when
 * the file cannot be opened. */
SMART_EXTERN(int) smart_programme_load_file(smart_programme **out, const char *path);

/* The programme as a smart.programme/1 document. Release *out with smart_string_free().
 * Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_programme_save_json(char **out, const smart_programme *programme);

/* Writes the programme as a smart.programme/1 document to the file at `path`, replacing
 * it atomically and durably (as smart_cohort_save_file()). Errors: as
 * smart_cohort_save_file(). */
SMART_EXTERN(int) smart_programme_save_file(const smart_programme *programme, const char *path);

/* The programme's id. Borrowed from `programme`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_programme_id(const char **out, const smart_programme *programme);

/* The programme's name in `lang` (bokmål when that translation is missing). Borrowed from
 * `programme`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_programme_name(const char **out, const smart_programme *programme, smart_lang lang);

/* The number of certificate requirements (0: the programme issues no certificate).
 * Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_programme_requirement_count(size_t *out, const smart_programme *programme);

/* The id of requirement `index` ("attendance", "notes", ...), in the programme's order.
 * Borrowed from `programme`. Errors: SMART_EINVAL (also index out of range). */
SMART_EXTERN(int) smart_programme_requirement_id(const char **out, const smart_programme *programme, size_t index);

/* Releases a programme. Accepts NULL. Cohorts made from it keep what they need. */
SMART_EXTERN(void) smart_programme_free(smart_programme *programme);

/* ==== Cohorts ========================================================================== */

/* A new cohort of `programme` with no participants and the programme's default schedule
 * (a template programme without dates cannot be used this way: load a cohort document
 * with its own "sessions" instead). A cohort of a built-in programme refers to it by id
 * when saved. Release with smart_cohort_free(). Errors: SMART_EINVAL, SMART_EVALIDATION
 * (empty id or label, no schedule), SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_create(smart_cohort **out, const smart_programme *programme, const char *id,
                                      const char *label);

/* The built-in demo cohort (SMART trenerutdanning 2024/2025, 36 fictional people).
 * Release with smart_cohort_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_demo(smart_cohort **out);

/* Loads and validates a cohort document (smart.cohort/1) from JSON text. All or nothing.
 * Release with smart_cohort_free(). Errors: SMART_EINVAL, SMART_EPARSE, SMART_EVALIDATION
 * (JSON Pointer in the last error), SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_load_json(smart_cohort **out, const char *json);

/* As smart_cohort_load_json(), reading the file at `path`. Also SMART_ENOTFOUND when the
 * file cannot be opened. */
SMART_EXTERN(int) smart_cohort_load_file(smart_cohort **out, const char *path);

/* The cohort as a smart.cohort/1 document; loading it again gives an equal cohort.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_save_json(char **out, const smart_cohort *cohort);

/* Writes the cohort as a smart.cohort/1 document (the text of smart_cohort_save_json()) to
 * the file at `path`, whole or not at all: the document goes to a new temporary file in
 * the same directory (".NAME.PID.UNIQUE.tmp"), is flushed to the disk, renamed over
 * `path`, and the directory is flushed. So the file holds its old content or the complete
 * new document, also when the process is killed or the machine stops while saving. An
 * existing file keeps its permission bits; a symbolic link is followed. On failure the
 * old file is untouched and no temporary file is left (a killed process leaves its
 * temporary file: its name holds the pid). The path is bytes for the operating system,
 * not checked as UTF-8. Errors: SMART_EINVAL (also `path` empty or naming a directory),
 * SMART_ENOTFOUND (the directory does not exist), SMART_ENOTALLOWED (the system refused:
 * permission denied, read-only or full file system, I/O error; the message names the path
 * and the reason), SMART_ENOMEM. Thread-safe for concurrent const use of `cohort`. */
SMART_EXTERN(int) smart_cohort_save_file(const smart_cohort *cohort, const char *path);

/* The cohort's id, label and programme id. Borrowed from `cohort`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_cohort_id(const char **out, const smart_cohort *cohort);
SMART_EXTERN(int) smart_cohort_label(const char **out, const smart_cohort *cohort);
SMART_EXTERN(int) smart_cohort_programme_id(const char **out, const smart_cohort *cohort);

/* The number of participants. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_cohort_participant_count(size_t *out, const smart_cohort *cohort);

/* The id of participant `index` (the cohort's order, which is also an evaluation's).
 * Borrowed from `cohort`: valid until the cohort is changed or freed.
 * Errors: SMART_EINVAL (also index out of range). */
SMART_EXTERN(int) smart_cohort_participant_id(const char **out, const smart_cohort *cohort, size_t index);

/* The number of session days of the cohort's schedule. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_cohort_day_count(size_t *out, const smart_cohort *cohort);

/* Session day `index` (in increasing order) as "YYYY-MM-DD", written into `out`, a buffer
 * of at least SMART_DATE_SIZE bytes (on failure out[0] is set to NUL).
 * Errors: SMART_EINVAL (also index out of range). */
SMART_EXTERN(int) smart_cohort_day(char *out, const smart_cohort *cohort, size_t index);

/* Adds a participant given as a JSON participant object (docs/format.md, "Participant":
 * id, name, municipality, role, sector, and optionally contact, attendance, festival_role,
 * submissions, exemptions), validated on entry. All or nothing. JSON Pointers in the last
 * error are relative to the participant object ("/municipality/number").
 * Errors: SMART_EINVAL, SMART_EPARSE, SMART_EVALIDATION (also a duplicate id),
 * SMART_ENOTALLOWED (the cohort is full), SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_add_participant_json(smart_cohort *cohort, const char *participant_json);

/* Records attendance for one session day (SMART_ATTENDANCE_UNRECORDED removes the record).
 * Errors: SMART_EINVAL, SMART_EPARSE (day not a date), SMART_ENOTFOUND (no such
 * participant), SMART_EVALIDATION (no session is held on `day`). */
SMART_EXTERN(int) smart_cohort_set_attendance(smart_cohort *cohort, const char *participant_id, const char *day,
                                              smart_attendance status);

/* The recorded attendance for one session day (SMART_ATTENDANCE_UNRECORDED when none).
 * Errors: as smart_cohort_set_attendance(). */
SMART_EXTERN(int) smart_cohort_attendance(smart_attendance *out, const smart_cohort *cohort,
                                          const char *participant_id, const char *day);

/* Records the participant's role at the festival (SMART_FESTIVAL_ROLE_NONE: no role).
 * Errors: SMART_EINVAL, SMART_ENOTFOUND. */
SMART_EXTERN(int) smart_cohort_set_festival_role(smart_cohort *cohort, const char *participant_id,
                                                 smart_festival_role role);

/* A submitted document, for smart_cohort_add_submission(). Initialise it with
 * SMART_SUBMISSION_INIT or smart_submission_init(); fields are only ever appended. */
typedef struct smart_submission {
    unsigned int version;           /* SMART_SUBMISSION_VERSION */
    smart_submission_kind kind;     /* default SMART_SUBMISSION_REFLECTION */
    smart_submission_status status; /* default SMART_SUBMISSION_SUBMITTED */
    const char *date;               /* "YYYY-MM-DD", the date the document is dated: required */
    unsigned int pages;             /* page count; 0 = not recorded (the default) */
    smart_final_category category;  /* default SMART_FINAL_CATEGORY_NONE */
    const char *title;              /* NULL or "" = none */
} smart_submission;

#define SMART_SUBMISSION_VERSION 1
#define SMART_SUBMISSION_INIT                                                                                 \
    { SMART_SUBMISSION_VERSION, SMART_SUBMISSION_REFLECTION, SMART_SUBMISSION_SUBMITTED, NULL, 0,             \
      SMART_FINAL_CATEGORY_NONE, NULL }

/* Initialises `submission` to the defaults of structure version `version` (pass
 * SMART_SUBMISSION_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_submission_init(smart_submission *submission, unsigned int version);

/* Appends a submission to the participant's record, validated on entry.
 * Errors: SMART_EINVAL (also an unknown structure version or enum value, pages above
 * 65535), SMART_EPARSE (date), SMART_ENOTFOUND (no such participant), SMART_EVALIDATION. */
SMART_EXTERN(int) smart_cohort_add_submission(smart_cohort *cohort, const char *participant_id,
                                              const smart_submission *submission);

/* An exemption from one requirement, for smart_cohort_add_exemption(). Initialise it with
 * SMART_EXEMPTION_INIT or smart_exemption_init(); fields are only ever appended. */
typedef struct smart_exemption {
    unsigned int version;        /* SMART_EXEMPTION_VERSION */
    const char *requirement;     /* a requirement id of the programme: required */
    const char *reason;          /* required, non-empty */
    const char *granted_by;      /* required, non-empty */
    const char *date;            /* "YYYY-MM-DD" the exemption was granted; NULL = undated */
} smart_exemption;

#define SMART_EXEMPTION_VERSION 1
#define SMART_EXEMPTION_INIT { SMART_EXEMPTION_VERSION, NULL, NULL, NULL, NULL }

/* Initialises `exemption` to the defaults of structure version `version` (pass
 * SMART_EXEMPTION_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_exemption_init(smart_exemption *exemption, unsigned int version);

/* Records an exemption, validated on entry. Errors: SMART_EINVAL (also a NULL required
 * string, unknown structure version), SMART_EPARSE (date), SMART_ENOTFOUND (no such
 * participant), SMART_EVALIDATION (unknown requirement, already exempted, empty reason
 * or granted_by). */
SMART_EXTERN(int) smart_cohort_add_exemption(smart_cohort *cohort, const char *participant_id,
                                             const smart_exemption *exemption);

/* Withdraws the participant's exemption from `requirement_id`.
 * Errors: SMART_EINVAL, SMART_ENOTFOUND (no such participant, or no such exemption). */
SMART_EXTERN(int) smart_cohort_remove_exemption(smart_cohort *cohort, const char *participant_id,
                                                const char *requirement_id);

/* Releases a cohort. Accepts NULL. Evaluations made from it stay valid. */
SMART_EXTERN(void) smart_cohort_free(smart_cohort *cohort);

/* ==== Evaluation ======================================================================= */

/* Options of smart_evaluate(). Initialise with SMART_EVALUATE_OPTIONS_INIT or
 * smart_evaluate_options_init(); fields are only ever appended. */
typedef struct smart_evaluate_options {
    unsigned int version; /* SMART_EVALUATE_OPTIONS_VERSION */
    const char *as_of;    /* "YYYY-MM-DD": evaluate as of the end of this day. NULL = today,
                             the local calendar date of the machine (pass a date to get
                             reproducible results) */
} smart_evaluate_options;

#define SMART_EVALUATE_OPTIONS_VERSION 1
#define SMART_EVALUATE_OPTIONS_INIT { SMART_EVALUATE_OPTIONS_VERSION, NULL }

/* Initialises `options` to the defaults of structure version `version` (pass
 * SMART_EVALUATE_OPTIONS_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_evaluate_options_init(smart_evaluate_options *options, unsigned int version);

/* Evaluates every participant of `cohort` against the programme's certificate rules as of
 * a date (docs/rules.md). `options` NULL means the defaults. The evaluation is
 * self-contained: it stays valid, and its accessors keep working, after the cohort is
 * changed or freed. Release with smart_evaluation_free(). Errors: SMART_EINVAL (also an
 * unknown options version), SMART_EPARSE (as_of), SMART_ENOMEM. */
SMART_EXTERN(int) smart_evaluate(smart_evaluation **out, const smart_cohort *cohort,
                                 const smart_evaluate_options *options);

/* The evaluation date, "YYYY-MM-DD", written into `out` (at least SMART_DATE_SIZE bytes;
 * on failure out[0] is set to NUL). Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_evaluation_as_of(char *out, const smart_evaluation *evaluation);

/* The number of participants evaluated (the cohort's, at the time). Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_evaluation_participant_count(size_t *out, const smart_evaluation *evaluation);

/* The id of participant `participant` (0-based, the cohort's order at evaluation time).
 * Borrowed from `evaluation`. Errors: SMART_EINVAL (also out of range). */
SMART_EXTERN(int) smart_evaluation_participant_id(const char **out, const smart_evaluation *evaluation,
                                                  size_t participant);

/* The position of the participant with this id. Errors: SMART_EINVAL, SMART_ENOTFOUND. */
SMART_EXTERN(int) smart_evaluation_participant_index(size_t *out, const smart_evaluation *evaluation,
                                                     const char *participant_id);

/* A participant's overall status. Errors: SMART_EINVAL (also out of range). */
SMART_EXTERN(int) smart_evaluation_status(smart_overall_status *out, const smart_evaluation *evaluation,
                                          size_t participant);

/* 1 when the participant is at risk (in progress, and every remaining counted day must be
 * attended), else 0. Errors: SMART_EINVAL (also out of range). */
SMART_EXTERN(int) smart_evaluation_at_risk(int *out, const smart_evaluation *evaluation, size_t participant);

/* The number of participants with overall status `status`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_evaluation_count(size_t *out, const smart_evaluation *evaluation,
                                         smart_overall_status status);

/* The number of participants at risk. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_evaluation_at_risk_count(size_t *out, const smart_evaluation *evaluation);

/* The number of certificate requirements evaluated (the programme's).
 * Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_evaluation_requirement_count(size_t *out, const smart_evaluation *evaluation);

/* The id of requirement `requirement` (programme order). Borrowed from `evaluation`.
 * Errors: SMART_EINVAL (also out of range). */
SMART_EXTERN(int) smart_evaluation_requirement_id(const char **out, const smart_evaluation *evaluation,
                                                  size_t requirement);

/* The kind of requirement `requirement`. Errors: SMART_EINVAL (also out of range). */
SMART_EXTERN(int) smart_evaluation_requirement_kind(smart_requirement_kind *out, const smart_evaluation *evaluation,
                                                    size_t requirement);

/* The state of one requirement for one participant.
 * Errors: SMART_EINVAL (also either index out of range). */
SMART_EXTERN(int) smart_evaluation_requirement_state(smart_requirement_state *out, const smart_evaluation *evaluation,
                                                     size_t participant, size_t requirement);

/* A sentence on one requirement's result with its numbers, in `lang`, e.g.
 * "Attended 7 of 8 days (88 %), at least 7 required"; an exemption names its reason and
 * who granted it (as recorded when the evaluation was made). Release *out with
 * smart_string_free(). Errors: SMART_EINVAL (also out of range), SMART_ENOMEM. */
SMART_EXTERN(int) smart_evaluation_explain(char **out, const smart_evaluation *evaluation, size_t participant,
                                           size_t requirement, smart_lang lang);

/* What is missing for a participant, in `lang`: one sentence per requirement that is
 * unmet or pending, in programme order, each ended by '\n' ("" when nothing is missing).
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_evaluation_missing(char **out, const smart_evaluation *evaluation, size_t participant,
                                           smart_lang lang);

/* The overall status as a person reads it, in `lang`: "har rett", "har ikkje rett",
 * "in progress", "uten bevis"...; with `at_risk` non-zero the at-risk note is added,
 * "pågår (i faresonen)". The same words the Python package and the CLI print. Static
 * storage: never free it. Errors: SMART_EINVAL (unknown status or language). */
SMART_EXTERN(int) smart_status_label(const char **out, smart_overall_status status, int at_risk, smart_lang lang);

/* A requirement's state as a person reads it, in `lang`: "oppfylt", "ikkje oppfylt",
 * "pending", "fritatt"... Static storage: never free it.
 * Errors: SMART_EINVAL (unknown state or language). */
SMART_EXTERN(int) smart_requirement_state_label(const char **out, smart_requirement_state state, smart_lang lang);

/* The evaluation as a smart.evaluation/1 document (docs/format.md): summary, and per
 * participant status, at risk, every requirement's state, numbers and explanations in nb,
 * nn and en, and warnings (one per participant and kind, with its count and first date).
 * `cohort` must be the cohort that was evaluated, unchanged since.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL (also another cohort, or
 * the cohort changed since: evaluate again), SMART_ENOMEM. */
SMART_EXTERN(int) smart_evaluation_to_json(char **out, const smart_evaluation *evaluation,
                                           const smart_cohort *cohort);

/* What a certificate (kompetansebevis) for participant `participant` states, as a
 * smart.certificate-data/1 JSON document: holder, programme, cohort, period, competence
 * goals and requirements (met, or exempt with the reason). `evaluation` must have been made
 * from `cohort`, unchanged since. Release *out with smart_string_free().
 * Errors: SMART_EINVAL (another cohort or a changed one, participant out of range),
 * SMART_ENOTALLOWED (the participant is not eligible, the programme issues no
 * certificate, or the evaluation date is before the cohort's last day), SMART_ENOMEM. */
SMART_EXTERN(int) smart_certificate_data_json(char **out, const smart_cohort *cohort,
                                              const smart_evaluation *evaluation, size_t participant);

/* Releases an evaluation. Accepts NULL. */
SMART_EXTERN(void) smart_evaluation_free(smart_evaluation *evaluation);

/* ==== Statistics ======================================================================= */

/* What to group participants by in smart_statistics_json(). */
typedef enum smart_group_by {
    SMART_GROUP_BY_NONE = 0,         /* whole cohorts only */
    SMART_GROUP_BY_MUNICIPALITY = 1, /* by municipality number (after the mapping below) */
    SMART_GROUP_BY_ROLE = 2,
    SMART_GROUP_BY_SECTOR = 3
} smart_group_by;

/* Options of smart_statistics_json(). Initialise with SMART_STATISTICS_OPTIONS_INIT or
 * smart_statistics_options_init(); fields are only ever appended. */
typedef struct smart_statistics_options {
    unsigned int version;             /* SMART_STATISTICS_OPTIONS_VERSION */
    smart_group_by group_by;          /* default SMART_GROUP_BY_NONE */
    size_t min_cell;                  /* minimum cell size k: groups of fewer than k people are
                                         suppressed, with secondary suppression
                                         (docs/statistics.md); 0 = no suppression (default) */
    const char *municipality_mapping; /* NULL = none (default), or a JSON object mapping
                                         municipality numbers as recorded to current ones:
                                         {"0704": {"number": "3905", "name": "Tønsberg"}} */
} smart_statistics_options;

#define SMART_STATISTICS_OPTIONS_VERSION 1
#define SMART_STATISTICS_OPTIONS_INIT { SMART_STATISTICS_OPTIONS_VERSION, SMART_GROUP_BY_NONE, 0, NULL }

/* Initialises `options` to the defaults of structure version `version` (pass
 * SMART_STATISTICS_OPTIONS_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_statistics_options_init(smart_statistics_options *options, unsigned int version);

/* The cohort statistics of `n` evaluated cohorts (of one or several programmes) as a
 * smart.statistics/1 document (docs/statistics.md): per cohort in trend order (first session
 * day), per group, attendance per counted day, certified per municipality and cumulative;
 * counts with their denominators, exact ratios as "n/d" text, suppressed cells as
 * {"suppressed": true}. evaluations[i] must have been made from cohorts[i], unchanged since.
 * `cohorts` and `evaluations` may be NULL when n is 0 (a document with no cohorts).
 * `options` NULL means the defaults. Release *out with smart_string_free().
 * Errors: SMART_EINVAL (a NULL array or element, a handle of another kind, an evaluation
 * of another cohort or of a cohort changed since, an unknown options version or group_by),
 * SMART_EPARSE (municipality_mapping is not JSON), SMART_EVALIDATION (municipality_mapping
 * is not an object of {"number": four digits, "name": non-empty text}; JSON Pointer in the
 * last error), SMART_ENOMEM. Thread-safe for distinct or const use of the handles. */
SMART_EXTERN(int) smart_statistics_json(char **out, const smart_cohort *const *cohorts,
                                        const smart_evaluation *const *evaluations, size_t n,
                                        const smart_statistics_options *options);

#ifdef __cplusplus
}
#endif

#endif /* SMART_SMART_H */
