/*
 * smart/follow_up.h -- follow-up without a certificate (leader-support programmes)
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * Between-session work (mellomarbeid) is a submission of kind
 * SMART_SUBMISSION_BETWEEN_SESSION_WORK naming its session (smart_submission version 3,
 * field `session`). The follow-up reports, per participant and gathering, attendance and
 * whether that work was delivered by its due date, as of a date (docs/follow-up.md). It is
 * a follow-up status, never a certificate status.
 */
#ifndef SMART_FOLLOW_UP_H
#define SMART_FOLLOW_UP_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The session id of submission `submission` of participant `participant` (positions, as the
 * other submission accessors): borrowed from `cohort`, valid until it is changed or freed;
 * "" for a submission that names no session. Errors: SMART_EINVAL (NULL, index out of
 * range). */
SMART_EXTERN(int) smart_cohort_submission_session(const char **out, const smart_cohort *cohort, size_t participant,
                                                  size_t submission);

/* A built-in demo cohort by id: "trener-2024-demo" (as smart_cohort_demo()) or
 * "trygge-fagfolk-demo" (Trygge fagfolk – lederstøtteprogram, 12 fictional leaders with
 * attendance and between-session work). Release with smart_cohort_free(). Errors:
 * SMART_EINVAL (NULL), SMART_ENOTFOUND (no such demo cohort; the message names the ids). */
SMART_EXTERN(int) smart_cohort_demo_by_id(smart_cohort **out, const char *id);

/* The follow-up of `cohort` as of `as_of` ("YYYY-MM-DD"; the as-of day has happened) as a
 * smart.follow_up/1 document (schema/follow_up.schema.json): the vocabulary's labels in
 * nb, nn and en, per gathering its due date and counts by attendance and work status, and
 * per participant and gathering the attendance (present, late, partly, excused, absent,
 * not_recorded, not_yet, withdrawn), the work status (no_work, delivered, late, missing,
 * not_due, rejected, withdrawn), the numbers behind it and a sentence in nb, nn and en.
 * Works for any cohort. Release *out with smart_string_free(). Errors: SMART_EINVAL (NULL),
 * SMART_EPARSE (as_of is not a date), SMART_ENOMEM. Thread-safe for const use of `cohort`. */
SMART_EXTERN(int) smart_cohort_follow_up_json(char **out, const smart_cohort *cohort, const char *as_of);

#ifdef __cplusplus
}
#endif

#endif /* SMART_FOLLOW_UP_H */
