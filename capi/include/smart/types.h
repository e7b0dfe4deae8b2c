/*
 * smart/types.h -- enumerations and handles shared by every area
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h.
 */
#ifndef SMART_TYPES_H
#define SMART_TYPES_H

#include "smart/common.h"

#ifdef __cplusplus
extern "C" {
#endif

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
    SMART_SUBMISSION_PORTFOLIO = 4,
    SMART_SUBMISSION_BETWEEN_SESSION_WORK = 5 /* mellomarbeid: names its session (docs/follow-up.md) */
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
    SMART_STATUS_NO_CERTIFICATE = 3, /* the programme has no certificate rules */
    SMART_STATUS_WITHDRAWN = 4       /* withdrawn on or before the as-of date (the
                                        requirement states are still evaluated) */
} smart_overall_status;

/* Size of a buffer that holds an ISO 8601 date and its terminating NUL. */
#define SMART_DATE_SIZE 11

/* ==== Handles ========================================================================== */

typedef struct smart_programme smart_programme;   /* a programme (course design + rules) */
typedef struct smart_cohort smart_cohort;         /* a cohort with its participants' records */
typedef struct smart_evaluation smart_evaluation; /* a cohort evaluated as of a date */

#ifdef __cplusplus
}
#endif

#endif /* SMART_TYPES_H */
