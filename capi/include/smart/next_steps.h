/* Next steps (docs/next-steps.md): what each participant of an evaluation must still do,
 * and by when. The steps are computed from the evaluation's numbers on each call (tens of
 * nanoseconds per participant); steps are addressed by participant position and step
 * position (0-based, the order of smart_next_steps_json's "steps"). */
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

#ifdef __cplusplus
}
#endif

#endif
