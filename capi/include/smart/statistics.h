/*
 * smart/statistics.h -- cohort statistics
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h.
 */
#ifndef SMART_STATISTICS_H
#define SMART_STATISTICS_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

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
 * day, with its first and last day), per group, attendance per counted day, certified per
 * municipality and cumulative; counts with their denominators, every share of enrolled and
 * the requirement funnel as exact ratios ("n/d" text), suppressed cells as
 * {"suppressed": true}. evaluations[i] must have been made from cohorts[i], unchanged since;
 * each cohort is given once. `cohorts` and `evaluations` may be NULL when n is 0 (a document
 * with no cohorts). `options` NULL means the defaults. Release *out with smart_string_free().
 * Errors: SMART_EINVAL (a NULL array or element, a handle of another kind, an evaluation
 * of another cohort or of a cohort changed since, a cohort id given twice (JSON Pointer
 * "/<index of the second>"), an unknown options version or group_by), SMART_EPARSE
 * (municipality_mapping is not JSON), SMART_EVALIDATION (municipality_mapping is not an
 * object of recorded numbers of four digits -> {"number": four digits, "name": one
 * non-empty line}, each given once; JSON Pointer of the entry in the last error: "/0704",
 * "/0704/number", "/0704/name"), SMART_ENOMEM. Thread-safe for distinct or const use of
 * the handles. */
SMART_EXTERN(int) smart_statistics_json(char **out, const smart_cohort *const *cohorts,
                                        const smart_evaluation *const *evaluations, size_t n,
                                        const smart_statistics_options *options);

/* Whether `cohort` is complete as of the date of `evaluation` (made from it, unchanged
 * since): no participant of it is in progress -- every status decided, so its completion
 * rate can no longer change with time; a cohort with no one enrolled is complete after its
 * last session day (docs/statistics.md, "Cohorts still running"). The same flag as
 * "complete" in the cohort's row of smart_statistics_json(). *complete is 1 or 0 (left
 * untouched on failure). Errors: SMART_EINVAL (a NULL argument, a handle of another kind,
 * an evaluation of another cohort or of a cohort changed since), SMART_ENOMEM. Thread-safe
 * for distinct or const use of the handles. */
SMART_EXTERN(int) smart_statistics_cohort_complete(int *complete, const smart_cohort *cohort,
                                                   const smart_evaluation *evaluation);

#ifdef __cplusplus
}
#endif

#endif /* SMART_STATISTICS_H */
