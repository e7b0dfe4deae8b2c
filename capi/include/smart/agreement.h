/*
 * smart/agreement.h -- long-term agreements (langtidsavtale)
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h. The
 * documents and every rule: docs/agreements.md.
 */
#ifndef SMART_AGREEMENT_H
#define SMART_AGREEMENT_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Long-term agreements ============================================================= */

typedef struct smart_agreement smart_agreement; /* a long-term agreement with its records */

/* Loads and validates a smart.agreement/1 document from JSON text. All or nothing. Release
 * with smart_agreement_free(). Errors: SMART_EINVAL, SMART_EPARSE, SMART_EVALIDATION (JSON
 * Pointer in the last error, e.g. "/records/meetings/3/date"), SMART_ENOMEM. */
SMART_EXTERN(int) smart_agreement_load_json(smart_agreement **out, const char *json);

/* As smart_agreement_load_json(), reading the file at `path`. Also SMART_ENOTFOUND when the
 * file cannot be opened. */
SMART_EXTERN(int) smart_agreement_load_file(smart_agreement **out, const char *path);

/* Adds one record, given as the JSON value it would have in the document: `list` names the
 * member of "records" ("meetings", "planning_days", "trainer_seats", "relasjon",
 * "contributions", "material_sets") or "extensions". Validated as when loading; on an error
 * the agreement is unchanged. Errors: SMART_EINVAL (NULL, unknown list), SMART_EPARSE,
 * SMART_EVALIDATION (JSON Pointer of the record as it would be in the document),
 * SMART_ENOMEM. */
SMART_EXTERN(int) smart_agreement_record_json(smart_agreement *agreement, const char *list, const char *json);

/* The smart.agreement_report/1 document of the agreement as of `as_of` ("YYYY-MM-DD"),
 * explanations in `lang`. `cohorts` (n of them, NULL when n is 0) are trainer cohorts: the
 * seats linked to them are evaluated as of the same date for the certificate count.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_EPARSE (as_of),
 * SMART_ENOTFOUND (a seat names a participant not in its given cohort; JSON Pointer
 * "/records/trainer_seats/<i>/participant"), SMART_ENOMEM. */
SMART_EXTERN(int) smart_agreement_report_json(char **out, const smart_agreement *agreement, const char *as_of,
                                              const smart_cohort *const *cohorts, size_t n, smart_lang lang);

/* The smart.agreement_portfolio/1 document of `n` agreements as of `as_of`: one row per
 * agreement and each agreement's report. Arguments as smart_agreement_report_json(); an
 * agreement id given twice is SMART_EINVAL (JSON Pointer "/<index of the second>"). */
SMART_EXTERN(int) smart_agreement_portfolio_json(char **out, const smart_agreement *const *agreements, size_t n,
                                                 const char *as_of, const smart_cohort *const *cohorts,
                                                 size_t n_cohorts, smart_lang lang);

/* The other way of the seat link: every trainer seat of the `n` agreements in the cohort
 * `cohort_id`, ordered by participant id, as a JSON array of
 *   {"participant": "p05", "agreement": "<id>", "organisation": "<name>", "taken_on": "YYYY-MM-DD"}
 * ("[]" when none): which agreement holds a participant's seat (and so their certificate).
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_agreement_seats_in_cohort_json(char **out, const smart_agreement *const *agreements, size_t n,
                                                       const char *cohort_id);

/* The agreement's planned dates and held meetings (and planning days) that fall on a
 * Norwegian public holiday or a weekend, as a JSON array like
 * smart_cohort_schedule_warnings()'s; "session" is the JSON Pointer of the date in the
 * agreement document ("/plan/dates/0", "/records/meetings/3"). Release *out with
 * smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_agreement_schedule_warnings(char **out, const smart_agreement *agreement, smart_lang lang);

/* The agreement's calendar as iCalendar (RFC 5545) text in `lang`: its planned dates and
 * the last day of every agreement year (half-year), docs/calendar.md. `previous` and
 * `stamp` as for smart_cohort_icalendar(). Release *out with smart_string_free().
 * Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_agreement_icalendar(char **out, const smart_agreement *agreement, smart_lang lang,
                                            const char *previous, long long stamp);

/* Releases an agreement. NULL is allowed. */
SMART_EXTERN(void) smart_agreement_free(smart_agreement *agreement);

#ifdef __cplusplus
}
#endif

#endif /* SMART_AGREEMENT_H */
