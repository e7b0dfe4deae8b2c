/*
 * smart/programme.h -- the built-in catalogue and programmes
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h.
 */
#ifndef SMART_PROGRAMME_H
#define SMART_PROGRAMME_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/* Requirement `index`'s rule as a sentence with its parameters, in `lang` (the words every
 * face prints: the CLI's `catalog show`, Python's Requirement.describe), e.g. "Attendance on
 * at least 4/5 of the days of gatherings (present counts 1, late 1, excused 0)". Release *out
 * with smart_string_free(). Errors: SMART_EINVAL (also index out of range, unknown language),
 * SMART_ENOMEM. */
SMART_EXTERN(int) smart_programme_requirement_describe(char **out, const smart_programme *programme, size_t index,
                                                       smart_lang lang);

/* Releases a programme. Accepts NULL. Cohorts made from it keep what they need. */
SMART_EXTERN(void) smart_programme_free(smart_programme *programme);

#ifdef __cplusplus
}
#endif

#endif /* SMART_PROGRAMME_H */
