/*
 * smart/evaluation.h -- evaluating a cohort as of a date
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h.
 */
#ifndef SMART_EVALUATION_H
#define SMART_EVALUATION_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/* As smart_evaluation_as_of(), into a buffer of `size` bytes: SMART_EBUFS when too small. */
SMART_EXTERN(int) smart_evaluation_as_of_r(char *out, size_t size, const smart_evaluation *evaluation);

/* The cohort as it was evaluated, borrowed from `evaluation` (valid until it is freed; do
 * not free it): the evaluation owns the records it was made from, so the typed accessors
 * of smart/cohort.h (names, municipalities, submissions, exemptions, withdrawals, the
 * schedule) read them even after the cohort itself was changed or freed. Pass it to
 * smart_evaluation_to_json() and smart_certificate_data_json() as their cohort. No copy
 * of the records is made. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_evaluation_cohort(const smart_cohort **out, const smart_evaluation *evaluation);

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

/* ==== The numbers behind a requirement's state =========================================
 *
 * One table in the core defines them (docs/format.md, "Numbers by kind"): each number has
 * one name, the same here, in the evaluation document, in Python and in the CLI's CSV, a
 * type and the requirement kinds it belongs to. Read them with the accessor of their type:
 * smart_evaluation_number() (counts, flags, roles), smart_evaluation_ratio(),
 * smart_evaluation_date_r() and smart_evaluation_intervals(). */

/* Every number of a requirement result. The values are fixed; new numbers are appended. */
typedef enum smart_number {
    SMART_NUMBER_ATTENDED = 0,            /* attendance, ratio: weighted days attended */
    SMART_NUMBER_COUNTED_DAYS = 1,        /* attendance, count: counted days of the cohort */
    SMART_NUMBER_REQUIRED_DAYS = 2,       /* attendance, count: full days needed */
    SMART_NUMBER_PAST_DAYS = 3,           /* attendance, count: counted days on or before as-of */
    SMART_NUMBER_REMAINING_DAYS = 4,      /* attendance, count: counted days after as-of */
    SMART_NUMBER_UNRECORDED_DAYS = 5,     /* attendance, count: past counted days with no record */
    SMART_NUMBER_INTERVALS = 6,           /* interval_notes, count: intervals between gatherings */
    SMART_NUMBER_INTERVALS_MET = 7,       /* interval_notes, count: intervals with enough notes */
    SMART_NUMBER_MISSING_INTERVALS = 8,   /* interval_notes, intervals: closed without enough notes */
    SMART_NUMBER_OPEN_INTERVALS = 9,      /* interval_notes, intervals: open, not enough notes yet */
    SMART_NUMBER_PORTFOLIO_APPROVED = 10, /* interval_notes, flag: an approved portfolio exists */
    SMART_NUMBER_PORTFOLIO_DEADLINE = 11, /* interval_notes, date: the portfolio's deadline */
    SMART_NUMBER_AWAITING_APPROVAL = 12,  /* interval_notes, final_text, count: would count once approved */
    SMART_NUMBER_DATE = 13,               /* final_text, festival, date: the text's date; the day attended */
    SMART_NUMBER_PAGES = 14,              /* final_text, count: the text's page count */
    SMART_NUMBER_DEADLINE = 15,           /* final_text, date: the text's deadline */
    SMART_NUMBER_ROLE = 16,               /* festival, role: the role recorded */
    SMART_NUMBER_FESTIVAL_DAY = 17        /* festival, date: the (first) festival day */
} smart_number;

/* The type of a number, which says its accessor. */
typedef enum smart_number_type {
    SMART_NUMBER_TYPE_COUNT = 0,     /* a whole number >= 0: smart_evaluation_number() */
    SMART_NUMBER_TYPE_RATIO = 1,     /* an exact fraction: smart_evaluation_ratio() */
    SMART_NUMBER_TYPE_DATE = 2,      /* a calendar date: smart_evaluation_date_r() */
    SMART_NUMBER_TYPE_INTERVALS = 3, /* a set of intervals: smart_evaluation_intervals() */
    SMART_NUMBER_TYPE_ROLE = 4,      /* a smart_festival_role: smart_evaluation_number() */
    SMART_NUMBER_TYPE_FLAG = 5       /* 0 or 1: smart_evaluation_number() */
} smart_number_type;

/* The number of numbers in the table (the first value past SMART_NUMBER_FESTIVAL_DAY in
 * this version); walk them as 0 .. *out - 1. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_number_count(size_t *out);

/* A number's one name ("missing_intervals", ...). Static storage: never free it.
 * Errors: SMART_EINVAL (unknown number). */
SMART_EXTERN(int) smart_number_name(const char **out, smart_number number);

/* The number with this name. Errors: SMART_EINVAL, SMART_ENOTFOUND (no number has it). */
SMART_EXTERN(int) smart_number_from_name(smart_number *out, const char *name);

/* A number's type. Errors: SMART_EINVAL (unknown number). */
SMART_EXTERN(int) smart_number_type_of(smart_number_type *out, smart_number number);

/* 1 when requirements of kind `kind` have number `number`, else 0.
 * Errors: SMART_EINVAL (unknown number or kind). */
SMART_EXTERN(int) smart_number_belongs_to(int *out, smart_number number, smart_requirement_kind kind);

/* A count, flag (0 or 1) or role (a smart_festival_role value) of requirement `requirement`
 * for participant `participant`. Errors: SMART_EINVAL (an index out of range, an unknown
 * number, a number of another type), SMART_ENOTFOUND (the number does not belong to the
 * requirement's kind, or is absent: a final text without a page count, no role recorded);
 * *out is left as it was on failure. */
SMART_EXTERN(int) smart_evaluation_number(long long *out, const smart_evaluation *evaluation, size_t participant,
                                          size_t requirement, smart_number number);

/* A ratio number (SMART_NUMBER_ATTENDED), exactly: *num_out / *den_out in lowest terms,
 * den > 0. Errors as smart_evaluation_number(). */
SMART_EXTERN(int) smart_evaluation_ratio(long long *num_out, long long *den_out, const smart_evaluation *evaluation,
                                         size_t participant, size_t requirement, smart_number number);

/* A date number as "YYYY-MM-DD" in `out`, a buffer of `size` bytes (SMART_DATE_SIZE is
 * enough; on failure out[0] is set to NUL when size > 0). Errors as
 * smart_evaluation_number(), and SMART_EBUFS when `size` is too small (the last error's
 * message says the size needed). */
SMART_EXTERN(int) smart_evaluation_date_r(char *out, size_t size, const smart_evaluation *evaluation, size_t participant,
                                          size_t requirement, smart_number number);

/* A set of intervals (SMART_NUMBER_MISSING_INTERVALS, SMART_NUMBER_OPEN_INTERVALS): bit i
 * set for interval i + 1 (the 1-based interval numbers of the evaluation document; at most
 * 64 intervals). Errors as smart_evaluation_number(). */
SMART_EXTERN(int) smart_evaluation_intervals(unsigned long long *out, const smart_evaluation *evaluation,
                                             size_t participant, size_t requirement, smart_number number);

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

/* The evaluation as a smart.evaluation/2 document (docs/format.md): summary, and per
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

#ifdef __cplusplus
}
#endif

#endif /* SMART_EVALUATION_H */
