/* Next steps (docs/next-steps.md): what each participant of an evaluation must still do,
 * and by when. smart_next_steps_plan() plans one participant once into a handle with its
 * own accessors; the older smart_next_step_* accessors plan the participant on each call
 * (tens of nanoseconds per participant). Steps are addressed by participant position and
 * step position (0-based, the order of smart_next_steps_json's "steps"). */
#ifndef SMART_NEXT_STEPS_H
#define SMART_NEXT_STEPS_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The smart.next_steps/1 document (schema/next_steps.schema.json): per participant the
 * status, steps, blocked requirements, earliest eligibility and next deadline.
 * `participant_id`: only that participant (NULL = everyone); `within_days` >= 0 adds the
 * coordinator's list of the steps due within that many days (< 0: none). Release *out
 * with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOTFOUND (unknown participant),
 * SMART_ENOMEM. */
SMART_EXTERN(int) smart_next_steps_json(char **out, const smart_evaluation *evaluation, const char *participant_id,
                                        int within_days);

/* How many steps participant `participant` has. Errors: SMART_EINVAL (index out of range). */
SMART_EXTERN(int) smart_next_step_count(size_t *out, const smart_evaluation *evaluation, size_t participant);

/* A step's kind: "attend", "note", "portfolio_approval", "final_text" or "festival"
 * (static storage: never free it). Errors: SMART_EINVAL (index out of range). */
SMART_EXTERN(int) smart_next_step_kind(const char **out, const smart_evaluation *evaluation, size_t participant,
                                       size_t step);

/* A step's window, "YYYY-MM-DD" each (buffers of SMART_DATE_SIZE bytes): the step counts
 * when done on a day from `start` to `end` (the deadline), both inclusive; `due` (may be
 * NULL) the day it falls due for a coordinator. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_next_step_window(char *start, char *end, char *due, const smart_evaluation *evaluation,
                                         size_t participant, size_t step);

/* A step's numbers: `needed` of `of` (attend: days; note: notes still needed of the
 * notes per interval; others 1 of 1) and `must` (1: must be done; 0: an option, any
 * `needed` of the `of` days). Any output may be NULL. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_next_step_numbers(unsigned *needed, unsigned *of, int *must, const smart_evaluation *evaluation,
                                          size_t participant, size_t step);

/* The step as one line in `lang` ("Lever 1 notat (...) datert 20.9.2024–13.11.2024").
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_next_step_describe(char **out, const smart_evaluation *evaluation, size_t participant,
                                           size_t step, smart_lang lang);

/* --- one participant's next steps, planned once ---------------------------------------
 * smart_next_steps_plan() plans one participant's steps once into a handle; its accessors
 * read them without planning again (the smart_next_step_* accessors above plan the
 * participant on each call). The handle is self-contained: it stays valid after the
 * evaluation is freed. Steps are addressed by position (0-based, the order of the
 * document's "steps"). Release with smart_next_steps_free(). */
typedef struct smart_next_steps smart_next_steps;

/* Plans participant `participant` (0-based position in the evaluation) into *out.
 * Errors: SMART_EINVAL (NULL, index out of range), SMART_ENOMEM. */
SMART_EXTERN(int) smart_next_steps_plan(smart_next_steps **out, const smart_evaluation *evaluation, size_t participant);

/* Releases a handle of smart_next_steps_plan(). Accepts NULL. */
SMART_EXTERN(void) smart_next_steps_free(smart_next_steps *steps);

/* The participant's overall status and whether they are at risk (either may be NULL);
 * `earliest_eligible` and `next_deadline` (buffers of SMART_DATE_SIZE bytes, either may
 * be NULL) "YYYY-MM-DD", or "" when there is none. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_next_steps_summary(smart_overall_status *status, int *at_risk, char *earliest_eligible,
                                           char *next_deadline, const smart_next_steps *steps);

/* How many steps, and how many requirements can no longer be met (either may be NULL).
 * Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_next_steps_count(size_t *steps_out, size_t *blocked_out, const smart_next_steps *steps);

/* Step `step`: its kind (as smart_next_step_kind, static storage), the id of the
 * requirement it serves (lent: lives as long as the handle; either output may be NULL).
 * Errors: SMART_EINVAL (index out of range). */
SMART_EXTERN(int) smart_next_steps_step(const char **kind, const char **requirement_id, const smart_next_steps *steps,
                                        size_t step);

/* Step `step`'s window, as smart_next_step_window. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_next_steps_window(char *start, char *end, char *due, const smart_next_steps *steps,
                                          size_t step);

/* Step `step`'s numbers, as smart_next_step_numbers. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_next_steps_numbers(unsigned *needed, unsigned *of, int *must, const smart_next_steps *steps,
                                           size_t step);

/* Step `step` as one line in `lang`, as smart_next_step_describe. Release *out with
 * smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_next_steps_describe(char **out, const smart_next_steps *steps, size_t step, smart_lang lang);

/* Blocked requirement `blocked` (0-based) as one line in `lang`: which requirement can no
 * longer be met, why (the missing intervals with their dates, ...) and the exemption
 * needed. Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_next_steps_blocked_describe(char **out, const smart_next_steps *steps, size_t blocked,
                                                    smart_lang lang);

#ifdef __cplusplus
}
#endif

#endif
