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

/* The interface, one header per area (as libgit2's git2.h includes the headers under git2/): */
#include "smart/common.h"     /* versions, errors, the export macro */
#include "smart/types.h"      /* enumerations and handles */
#include "smart/programme.h"  /* the built-in catalogue, programmes */
#include "smart/cohort.h"     /* cohorts and their records */
#include "smart/evaluation.h" /* evaluation as of a date, certificate data */
#include "smart/statistics.h" /* cohort statistics */
#include "smart/issuing.h"    /* keys, the register, issuing, verification */
#include "smart/follow_up.h"  /* follow-up without a certificate: attendance, between-session work */
#include "smart/agreement.h"  /* long-term agreements */
#include "smart/calendar.h"   /* holidays on a schedule, iCalendar export */
#include "smart/next_steps.h" /* what each participant must still do, and by when */

#endif /* SMART_SMART_H */
