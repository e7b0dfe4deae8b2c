/*
 * smart/calendar.h -- Norwegian public holidays on a schedule, and iCalendar export
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h.
 * docs/calendar.md describes the export (events, uids, SEQUENCE).
 */
#ifndef SMART_CALENDAR_H
#define SMART_CALENDAR_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Calendars ========================================================================= */

/* The cohort's session days that fall on a Norwegian public holiday or a weekend (a
 * warning, not an error) as a JSON array, in schedule order, one object per day:
 *   {"session": "g3", "day": "2025-05-17", "reason": "holiday" | "saturday" | "sunday",
 *    "holiday": "constitution_day" | null, "message": "<the sentence in `lang`>"}
 * ("[]" when there is none). Release *out with smart_string_free().
 * Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_schedule_warnings(char **out, const smart_cohort *cohort, smart_lang lang);

/* The cohort's schedule as an iCalendar (RFC 5545) text, names and descriptions in `lang`:
 * with `participant` NULL one event per session (see docs/calendar.md); with a
 * participant id that participant's own dates: the sessions and the deadlines that apply
 * to them. `previous` (NULL or "" for none) is the previous export of the same calendar:
 * unchanged events keep their SEQUENCE, changed ones get SEQUENCE + 1. `stamp` is the
 * DTSTAMP in seconds since 1970-01-01 UTC; a negative value means now.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL (also `previous` that is not
 * iCalendar text), SMART_ENOTFOUND (no such participant), SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_icalendar(char **out, const smart_cohort *cohort, const char *participant,
                                         smart_lang lang, const char *previous, long long stamp);

#ifdef __cplusplus
}
#endif

#endif /* SMART_CALENDAR_H */
