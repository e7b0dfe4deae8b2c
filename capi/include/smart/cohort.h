/*
 * smart/cohort.h -- cohorts: participants and their records
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h.
 */
#ifndef SMART_COHORT_H
#define SMART_COHORT_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Cohorts ========================================================================== */

/* A new cohort of `programme` with no participants and the programme's default schedule
 * (a template programme without dates cannot be used this way: load a cohort document
 * with its own "sessions" instead). A cohort of a built-in programme refers to it by id
 * when saved. Release with smart_cohort_free(). Errors: SMART_EINVAL, SMART_EVALIDATION
 * (empty id or label, no schedule), SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_create(smart_cohort **out, const smart_programme *programme, const char *id,
                                      const char *label);

/* Options of smart_cohort_create_with_options(). Initialise with SMART_COHORT_OPTIONS_INIT
 * or smart_cohort_options_init(); fields are only ever appended. */
typedef struct smart_cohort_options {
    unsigned int version; /* SMART_COHORT_OPTIONS_VERSION */
    int capacity;         /* seats, at least 1; 0 (the default) = the programme's seats, and
                             no limit when the programme has none (as smart_cohort_create) */
} smart_cohort_options;

#define SMART_COHORT_OPTIONS_VERSION 1
#define SMART_COHORT_OPTIONS_INIT { SMART_COHORT_OPTIONS_VERSION, 0 }

/* Initialises `options` to the defaults of structure version `version` (pass
 * SMART_COHORT_OPTIONS_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_cohort_options_init(smart_cohort_options *options, unsigned int version);

/* As smart_cohort_create(), with options (NULL = the defaults): a cohort made in code with
 * its own number of seats. Adding a participant beyond them is SMART_ENOTALLOWED.
 * Errors: those of smart_cohort_create(), SMART_EINVAL (unknown options version),
 * SMART_EVALIDATION (capacity below 0; pointer "/capacity"). */
SMART_EXTERN(int) smart_cohort_create_with_options(smart_cohort **out, const smart_programme *programme,
                                                   const char *id, const char *label,
                                                   const smart_cohort_options *options);

/* The cohort's seats; *out = 0 when it has no limit. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_cohort_capacity(int *out, const smart_cohort *cohort);

/* The built-in demo cohort (SMART trenerutdanning 2024/2025, 36 fictional people).
 * Release with smart_cohort_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_demo(smart_cohort **out);

/* Loads and validates a cohort document (smart.cohort/1) from JSON text. All or nothing.
 * Release with smart_cohort_free(). Errors: SMART_EINVAL, SMART_EPARSE, SMART_EVALIDATION
 * (JSON Pointer in the last error), SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_load_json(smart_cohort **out, const char *json);

/* As smart_cohort_load_json(), reading the file at `path`. Also SMART_ENOTFOUND when the
 * file cannot be opened. */
SMART_EXTERN(int) smart_cohort_load_file(smart_cohort **out, const char *path);

/* The cohort as a smart.cohort/1 document; loading it again gives an equal cohort.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_save_json(char **out, const smart_cohort *cohort);

/* Writes the cohort as a smart.cohort/1 document (the text of smart_cohort_save_json()) to
 * the file at `path`, whole or not at all: the document goes to a new temporary file in
 * the same directory (".NAME.PID.UNIQUE.tmp"), is flushed to the disk, renamed over
 * `path`, and the directory is flushed. So the file holds its old content or the complete
 * new document, also when the process is killed or the machine stops while saving. An
 * existing file keeps its permission bits; a symbolic link is followed. On failure the
 * old file is untouched and no temporary file is left (a killed process leaves its
 * temporary file: its name holds the pid). The path is bytes for the operating system,
 * not checked as UTF-8. Errors: SMART_EINVAL (also `path` empty or naming a directory),
 * SMART_ENOTFOUND (the directory does not exist), SMART_ENOTALLOWED (the system refused:
 * permission denied, read-only or full file system, I/O error; the message names the path
 * and the reason), SMART_ENOMEM. Thread-safe for concurrent const use of `cohort`. */
SMART_EXTERN(int) smart_cohort_save_file(const smart_cohort *cohort, const char *path);

/* The cohort's id, label and programme id. Borrowed from `cohort`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_cohort_id(const char **out, const smart_cohort *cohort);
SMART_EXTERN(int) smart_cohort_label(const char **out, const smart_cohort *cohort);
SMART_EXTERN(int) smart_cohort_programme_id(const char **out, const smart_cohort *cohort);

/* The number of participants. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_cohort_participant_count(size_t *out, const smart_cohort *cohort);

/* The id of participant `index` (the cohort's order, which is also an evaluation's).
 * Borrowed from `cohort`: valid until the cohort is changed or freed.
 * Errors: SMART_EINVAL (also index out of range). */
SMART_EXTERN(int) smart_cohort_participant_id(const char **out, const smart_cohort *cohort, size_t index);

/* The number of session days of the cohort's schedule. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_cohort_day_count(size_t *out, const smart_cohort *cohort);

/* Session day `index` (in increasing order) as "YYYY-MM-DD", written into `out`, a buffer
 * of at least SMART_DATE_SIZE bytes (on failure out[0] is set to NUL).
 * Errors: SMART_EINVAL (also index out of range). */
SMART_EXTERN(int) smart_cohort_day(char *out, const smart_cohort *cohort, size_t index);

/* Adds a participant given as a JSON participant object (docs/format.md, "Participant":
 * id, name, municipality, role, sector, and optionally contact, attendance, festival_role,
 * submissions, exemptions), validated on entry. All or nothing. JSON Pointers in the last
 * error are relative to the participant object ("/municipality/number").
 * Errors: SMART_EINVAL, SMART_EPARSE, SMART_EVALIDATION (also a duplicate id),
 * SMART_ENOTALLOWED (the cohort is full), SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_add_participant_json(smart_cohort *cohort, const char *participant_json);

/* Records attendance for one session day (SMART_ATTENDANCE_UNRECORDED removes the record).
 * Errors: SMART_EINVAL, SMART_EPARSE (day not a date), SMART_ENOTFOUND (no such
 * participant), SMART_EVALIDATION (no session is held on `day`). */
SMART_EXTERN(int) smart_cohort_set_attendance(smart_cohort *cohort, const char *participant_id, const char *day,
                                              smart_attendance status);

/* The recorded attendance for one session day (SMART_ATTENDANCE_UNRECORDED when none).
 * Errors: as smart_cohort_set_attendance(). */
SMART_EXTERN(int) smart_cohort_attendance(smart_attendance *out, const smart_cohort *cohort,
                                          const char *participant_id, const char *day);

/* Records the participant's role at the festival (SMART_FESTIVAL_ROLE_NONE: no role).
 * Errors: SMART_EINVAL, SMART_ENOTFOUND. */
SMART_EXTERN(int) smart_cohort_set_festival_role(smart_cohort *cohort, const char *participant_id,
                                                 smart_festival_role role);

/* A submitted document, for smart_cohort_add_submission(). Initialise it with
 * SMART_SUBMISSION_INIT or smart_submission_init(); fields are only ever appended. */
typedef struct smart_submission {
    unsigned int version;           /* SMART_SUBMISSION_VERSION */
    smart_submission_kind kind;     /* default SMART_SUBMISSION_REFLECTION */
    smart_submission_status status; /* default SMART_SUBMISSION_SUBMITTED */
    const char *date;               /* "YYYY-MM-DD", the date the document is dated: required */
    unsigned int pages;             /* page count; 0 = not recorded (the default) */
    smart_final_category category;  /* default SMART_FINAL_CATEGORY_NONE */
    const char *title;              /* NULL or "" = none */
    /* version 2: who approved or rejected it and when ("YYYY-MM-DD"); both or neither
       (NULL), only on an approved or rejected submission */
    const char *decided_by;
    const char *decided_on;
    /* version 3: SMART_SUBMISSION_BETWEEN_SESSION_WORK only (and required there): the id of
       the session whose between-session work it is; NULL or "" = none */
    const char *session;
} smart_submission;

#define SMART_SUBMISSION_VERSION 3
#define SMART_SUBMISSION_INIT                                                                                 \
    { SMART_SUBMISSION_VERSION, SMART_SUBMISSION_REFLECTION, SMART_SUBMISSION_SUBMITTED, NULL, 0,             \
      SMART_FINAL_CATEGORY_NONE, NULL, NULL, NULL, NULL }

/* Initialises `submission` to the defaults of structure version `version` (pass
 * SMART_SUBMISSION_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_submission_init(smart_submission *submission, unsigned int version);

/* Appends a submission to the participant's record, validated on entry.
 * Errors: SMART_EINVAL (also an unknown structure version or enum value, pages above
 * 65535), SMART_EPARSE (date), SMART_ENOTFOUND (no such participant), SMART_EVALIDATION. */
SMART_EXTERN(int) smart_cohort_add_submission(smart_cohort *cohort, const char *participant_id,
                                              const smart_submission *submission);

/* An exemption from one requirement, for smart_cohort_add_exemption(). Initialise it with
 * SMART_EXEMPTION_INIT or smart_exemption_init(); fields are only ever appended. */
typedef struct smart_exemption {
    unsigned int version;        /* SMART_EXEMPTION_VERSION */
    const char *requirement;     /* a requirement id of the programme: required */
    const char *reason;          /* required, non-empty */
    const char *granted_by;      /* required, non-empty */
    const char *date;            /* "YYYY-MM-DD" the exemption was granted; NULL = undated */
} smart_exemption;

#define SMART_EXEMPTION_VERSION 1
#define SMART_EXEMPTION_INIT { SMART_EXEMPTION_VERSION, NULL, NULL, NULL, NULL }

/* Initialises `exemption` to the defaults of structure version `version` (pass
 * SMART_EXEMPTION_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_exemption_init(smart_exemption *exemption, unsigned int version);

/* Records an exemption, validated on entry. Errors: SMART_EINVAL (also a NULL required
 * string, unknown structure version), SMART_EPARSE (date), SMART_ENOTFOUND (no such
 * participant), SMART_EVALIDATION (unknown requirement, already exempted, empty reason
 * or granted_by). */
SMART_EXTERN(int) smart_cohort_add_exemption(smart_cohort *cohort, const char *participant_id,
                                             const smart_exemption *exemption);

/* Withdraws the participant's exemption from `requirement_id`.
 * Errors: SMART_EINVAL, SMART_ENOTFOUND (no such participant, or no such exemption). */
SMART_EXTERN(int) smart_cohort_remove_exemption(smart_cohort *cohort, const char *participant_id,
                                                const char *requirement_id);

/* ==== Corrections (issue 11) ============================================================
 * A submission is addressed by its participant's id and its position `index` in that
 * participant's submissions (0 = the first recorded; docs/format.md). Every correction is
 * validated and all or nothing; JSON Pointers in the last error name the place in the
 * cohort document ("/participants/3/submissions/1/decided_on"). Evaluations made before a
 * correction keep the records they were made from. */

/* Sets a submission's status. SMART_SUBMISSION_APPROVED and _REJECTED need who decided
 * (`decided_by`, one line, non-empty) and when (`decided_on`, "YYYY-MM-DD", on or after the
 * document's date); SMART_SUBMISSION_SUBMITTED takes neither (both NULL) and clears them.
 * Errors: SMART_EINVAL (NULL cohort or participant_id, unknown status), SMART_EPARSE
 * (decided_on), SMART_ENOTFOUND (no such participant or submission), SMART_EVALIDATION. */
SMART_EXTERN(int) smart_cohort_set_submission_status(smart_cohort *cohort, const char *participant_id, size_t index,
                                                     smart_submission_status status, const char *decided_by,
                                                     const char *decided_on);

/* Replaces submission `index` by `submission` (kind, date, pages, category, title, status
 * and, from structure version 2, the decision; from version 3, the session), validated as smart_cohort_add_submission()
 * validates a new one. Errors: those of smart_cohort_add_submission(), SMART_ENOTFOUND
 * (no such submission). */
SMART_EXTERN(int) smart_cohort_correct_submission(smart_cohort *cohort, const char *participant_id, size_t index,
                                                  const smart_submission *submission);

/* Removes a mistaken submission; the later ones move up one position.
 * Errors: SMART_EINVAL, SMART_ENOTFOUND (no such participant or submission). */
SMART_EXTERN(int) smart_cohort_remove_submission(smart_cohort *cohort, const char *participant_id, size_t index);

/* A participant's sector. */
typedef enum smart_sector {
    SMART_SECTOR_PUBLIC = 0,
    SMART_SECTOR_PRIVATE = 1,
    SMART_SECTOR_VOLUNTARY = 2
} smart_sector;

/* A participant's details, for smart_cohort_correct_participant(). Initialise with
 * SMART_PARTICIPANT_DETAILS_INIT or smart_participant_details_init(); fields are only ever
 * appended. All strings are required. */
typedef struct smart_participant_details {
    unsigned int version;              /* SMART_PARTICIPANT_DETAILS_VERSION */
    const char *name;                  /* one line, non-empty */
    const char *municipality_number;   /* four digits */
    const char *municipality_name;     /* one line, non-empty */
    const char *role;                  /* one line, non-empty */
    smart_sector sector;               /* default SMART_SECTOR_PUBLIC */
} smart_participant_details;

#define SMART_PARTICIPANT_DETAILS_VERSION 1
#define SMART_PARTICIPANT_DETAILS_INIT { SMART_PARTICIPANT_DETAILS_VERSION, NULL, NULL, NULL, NULL, SMART_SECTOR_PUBLIC }

/* Initialises `details` to the defaults of structure version `version` (pass
 * SMART_PARTICIPANT_DETAILS_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_participant_details_init(smart_participant_details *details, unsigned int version);

/* Corrects a participant's name, municipality, role and sector; the id and the records
 * stay. Errors: SMART_EINVAL (NULL argument or string, unknown version or sector),
 * SMART_ENOTFOUND (no such participant), SMART_EVALIDATION ("/participants/<n>/name", ...). */
SMART_EXTERN(int) smart_cohort_correct_participant(smart_cohort *cohort, const char *participant_id,
                                                   const smart_participant_details *details);

/* Withdraws a participant on `date` ("YYYY-MM-DD", on or before the cohort's last day) for
 * `reason` (non-empty free text): as of that date or later their overall status is
 * SMART_STATUS_WITHDRAWN. The record stays, and so does the seat (docs/rules.md,
 * "Withdrawal"). Errors: SMART_EINVAL, SMART_EPARSE (date), SMART_ENOTFOUND (no such
 * participant), SMART_EVALIDATION (".../withdrawal/date" or ".../withdrawal/reason"),
 * SMART_ENOTALLOWED (already withdrawn: cancel that first). */
SMART_EXTERN(int) smart_cohort_withdraw(smart_cohort *cohort, const char *participant_id, const char *date,
                                        const char *reason);

/* Undoes a withdrawal recorded by mistake. Errors: SMART_EINVAL, SMART_ENOTFOUND (no such
 * participant, or the participant is not withdrawn). */
SMART_EXTERN(int) smart_cohort_cancel_withdrawal(smart_cohort *cohort, const char *participant_id);

/* ==== Reading the records (issue 11): typed accessors ==================================
 * Participants are addressed by position (0 .. smart_cohort_participant_count() - 1, the
 * cohort's order and an evaluation's), submissions and exemptions by their position in the
 * participant's lists. Strings are borrowed from `cohort`: valid until it is changed or
 * freed. Dates are written into the caller's buffer `out` of `size` bytes
 * (SMART_DATE_SIZE suffices); SMART_EBUFS when it is too small. A cohort borrowed from an
 * evaluation (smart_evaluation_cohort()) reads the records as they were evaluated.
 * Errors of every accessor: SMART_EINVAL (NULL argument, index out of range). */

/* As smart_cohort_day(), into a buffer of `size` bytes: SMART_EBUFS when too small. */
SMART_EXTERN(int) smart_cohort_day_r(char *out, size_t size, const smart_cohort *cohort, size_t index);

/* A session's kind. */
typedef enum smart_session_kind {
    SMART_SESSION_GATHERING = 0, /* a gathering: its days are counted for attendance */
    SMART_SESSION_FESTIVAL = 1,  /* the closing festival */
    SMART_SESSION_KICK_OFF = 2,
    SMART_SESSION_OTHER = 3
} smart_session_kind;

/* The schedule: the number of sessions, each one's id and kind, and the session holding
 * session day `day` (an index of smart_cohort_day()). */
SMART_EXTERN(int) smart_cohort_session_count(size_t *out, const smart_cohort *cohort);
SMART_EXTERN(int) smart_cohort_session_id(const char **out, const smart_cohort *cohort, size_t session);
SMART_EXTERN(int) smart_cohort_session_kind(smart_session_kind *out, const smart_cohort *cohort, size_t session);
SMART_EXTERN(int) smart_cohort_day_session(size_t *out, const smart_cohort *cohort, size_t day);

/* A participant's name, role, municipality (Statistics Norway's number and its name),
 * sector and festival role (SMART_FESTIVAL_ROLE_NONE when none). */
SMART_EXTERN(int) smart_cohort_participant_name(const char **out, const smart_cohort *cohort, size_t participant);
SMART_EXTERN(int) smart_cohort_participant_role(const char **out, const smart_cohort *cohort, size_t participant);
SMART_EXTERN(int) smart_cohort_participant_municipality(const char **number, const char **name,
                                                        const smart_cohort *cohort, size_t participant);
SMART_EXTERN(int) smart_cohort_participant_sector(smart_sector *out, const smart_cohort *cohort, size_t participant);
SMART_EXTERN(int) smart_cohort_participant_festival_role(smart_festival_role *out, const smart_cohort *cohort,
                                                         size_t participant);

/* The participant's withdrawal: its date into `out` and its reason (borrowed) into
 * *reason. SMART_ENOTFOUND when the participant is not withdrawn (out[0] = NUL, *reason =
 * NULL); SMART_EBUFS when `size` is too small. `reason` may be NULL. */
SMART_EXTERN(int) smart_cohort_participant_withdrawal(char *out, size_t size, const char **reason,
                                                      const smart_cohort *cohort, size_t participant);

/* The participant's submissions: their number, and each one's kind, status, date, pages
 * (0 = not recorded), category, title ("" = none) and decision (who: NULL when none;
 * when: SMART_ENOTFOUND when none). */
SMART_EXTERN(int) smart_cohort_submission_count(size_t *out, const smart_cohort *cohort, size_t participant);
SMART_EXTERN(int) smart_cohort_submission_kind(smart_submission_kind *out, const smart_cohort *cohort,
                                               size_t participant, size_t submission);
SMART_EXTERN(int) smart_cohort_submission_status(smart_submission_status *out, const smart_cohort *cohort,
                                                 size_t participant, size_t submission);
SMART_EXTERN(int) smart_cohort_submission_date(char *out, size_t size, const smart_cohort *cohort,
                                               size_t participant, size_t submission);
SMART_EXTERN(int) smart_cohort_submission_pages(unsigned int *out, const smart_cohort *cohort, size_t participant,
                                                size_t submission);
SMART_EXTERN(int) smart_cohort_submission_category(smart_final_category *out, const smart_cohort *cohort,
                                                   size_t participant, size_t submission);
SMART_EXTERN(int) smart_cohort_submission_title(const char **out, const smart_cohort *cohort, size_t participant,
                                                size_t submission);
SMART_EXTERN(int) smart_cohort_submission_decided_by(const char **out, const smart_cohort *cohort,
                                                     size_t participant, size_t submission);
SMART_EXTERN(int) smart_cohort_submission_decided_on(char *out, size_t size, const smart_cohort *cohort,
                                                     size_t participant, size_t submission);

/* The participant's exemptions: their number, and each one's requirement id, reason and
 * who granted it (borrowed), and its date (SMART_ENOTFOUND when undated). */
SMART_EXTERN(int) smart_cohort_exemption_count(size_t *out, const smart_cohort *cohort, size_t participant);
SMART_EXTERN(int) smart_cohort_exemption(const char **requirement, const char **reason, const char **granted_by,
                                         const smart_cohort *cohort, size_t participant, size_t exemption);
SMART_EXTERN(int) smart_cohort_exemption_date(char *out, size_t size, const smart_cohort *cohort,
                                              size_t participant, size_t exemption);

/* Imports an .xlsx workbook as course administrators keep it (docs/import.md): the
 * participants, attendance (wide: one column per session day; or long), submissions and
 * exemptions of its sheets, with Norwegian or English headers and values, are added to a
 * copy of `base` (a cohort with the programme, id, label and schedule, e.g. from
 * smart_cohort_create(); its own participants stay). All or nothing: on success *out is
 * the new cohort (release with smart_cohort_free()) and *problems is NULL. When the sheets
 * have problems the function returns SMART_EVALIDATION (or the code of the first problem),
 * *out is NULL and *problems (release with smart_string_free(); `problems` may be NULL) is
 * a JSON array of every problem, at most 100, each {"table", "line", "column", "header",
 * "found", "expected", "message", "pointer", "code", "text"}: the sheet, its spreadsheet
 * line (-1: the whole table), the column letter, the header as written, the cell's text,
 * what was expected and the sentence (both in `lang`), the JSON Pointer in the cohort
 * document when there is one, the error code's name, and the whole sentence with the
 * place in `lang` ("Deltakere linje 3, kolonne C (Kommunenr): ..."). The last error holds
 * the first problem's text. Errors: SMART_EINVAL, SMART_ENOTFOUND (the file cannot
 * be opened), SMART_EPARSE (not an .xlsx workbook, malformed XML: the message names the
 * part), SMART_EVALIDATION, SMART_ENOMEM. Thread-safe for concurrent const use of `base`. */
SMART_EXTERN(int) smart_cohort_import_xlsx(smart_cohort **out, char **problems, const smart_cohort *base,
                                           const char *path, smart_lang lang);

/* As smart_cohort_import_xlsx(), from what `path` names (smart/csv.hpp, read_tables): a
 * directory of CSV files (one table per file ending .csv or .txt, named by the file's stem:
 * deltakere.csv, oppmøte.csv, ...), one CSV file, or an .xlsx/.xlsm workbook. CSV files
 * may be UTF-8, UTF-16 with a byte order mark or Windows-1252, separated by `;`, `,` or
 * tabs, quoted as Excel writes them (docs/import.md, "Reading CSV files"); "line" is the
 * file's line a row starts on. A CSV file that cannot be read as a table (a quoted cell
 * that is not closed, text in no supported encoding) returns SMART_EPARSE with its problem
 * in *problems (code "parse_error", the line, the column where the quote opens, the
 * sentence in `lang`), and only that. Errors: as smart_cohort_import_xlsx(); also
 * SMART_ENOTFOUND for a directory without CSV files, SMART_EINVAL for another kind of file. */
SMART_EXTERN(int) smart_cohort_import(smart_cohort **out, char **problems, const smart_cohort *base,
                                      const char *path, smart_lang lang);

/* As smart_cohort_import(), from a file's `size` bytes in memory (an upload, a database
 * blob): `name` is the file's name, e.g. "kull.xlsx" or "deltakere.csv". A name ending
 * .csv or .txt (any case) makes the bytes one CSV table, named by the name's stem
 * ("deltakere"); any other name an .xlsx workbook, named `name` in messages. `data` may be
 * NULL when `size` is 0. Errors: as smart_cohort_import(); SMART_EINVAL when name is NULL,
 * or data is NULL with a size. */
SMART_EXTERN(int) smart_cohort_import_data(smart_cohort **out, char **problems, const smart_cohort *base,
                                           const void *data, size_t size, const char *name, smart_lang lang);

/* Releases a cohort. Accepts NULL. Evaluations made from it stay valid. */
SMART_EXTERN(void) smart_cohort_free(smart_cohort *cohort);

/* ==== Municipality warnings and the register (issue 15) ================================
 * The cohort's municipality warnings (docs/format.md, "Municipalities"), computed once into
 * a handle: a number recorded with two names, a number of the register recorded only with
 * names that are not its official ones, a number not in the register of 2024 in a cohort
 * from 2024 on. Strings are lent by the handle: valid until it is freed. */
typedef enum smart_municipality_warning_kind {
    SMART_MUNICIPALITY_TWO_NAMES = 0,         /* one number, different names */
    SMART_MUNICIPALITY_NOT_REGISTER_NAME = 1, /* none of the names is the register's */
    SMART_MUNICIPALITY_NOT_IN_REGISTER = 2    /* the number is not in the register of 2024 */
} smart_municipality_warning_kind;

typedef struct smart_municipality_warnings smart_municipality_warnings;

/* The warnings of `cohort` into *out, by number. Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_cohort_municipality_warnings(smart_municipality_warnings **out, const smart_cohort *cohort);

/* Releases a handle of smart_cohort_municipality_warnings(). Accepts NULL. */
SMART_EXTERN(void) smart_municipality_warnings_free(smart_municipality_warnings *warnings);

/* The number of warnings. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_municipality_warnings_count(size_t *out, const smart_municipality_warnings *warnings);

/* Warning `index`: its kind, the municipality number, the participant it points at (the
 * first whose name differs, or the first with the number), that participant's JSON Pointer,
 * the register's official name for the number ("" when not in it) and the register's number
 * for a recorded name ("" unless exactly one municipality has it). Any output may be NULL.
 * Errors: SMART_EINVAL (index out of range). */
SMART_EXTERN(int) smart_municipality_warning(smart_municipality_warning_kind *kind, const char **number,
                                             size_t *participant, const char **path, const char **register_name,
                                             const char **register_number,
                                             const smart_municipality_warnings *warnings, size_t index);

/* The names recorded for warning `index`'s number: their count, and name `name`.
 * Errors: SMART_EINVAL (an index out of range). */
SMART_EXTERN(int) smart_municipality_warning_name_count(size_t *out, const smart_municipality_warnings *warnings,
                                                        size_t index);
SMART_EXTERN(int) smart_municipality_warning_name(const char **out, const smart_municipality_warnings *warnings,
                                                  size_t index, size_t name);

/* Warning `index` as a sentence in `lang` ("Kommunenummer 3905 er Tønsberg i
 * kommuneregisteret, ikke «Bergen» (Bergen er 4601)"). Release *out with
 * smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_municipality_warning_describe(char **out, const smart_municipality_warnings *warnings,
                                                      size_t index, smart_lang lang);

/* The register of 2024: the official name of municipality `number` ("Nordreisa - Ráisa -
 * Raisi", static storage) and how many parallel names it has (either output may be NULL).
 * SMART_ENOTFOUND when the number is not in the register (*name = NULL). Errors:
 * SMART_EINVAL (number NULL). */
SMART_EXTERN(int) smart_municipality_find(const char **name, size_t *name_count, const char *number);

#ifdef __cplusplus
}
#endif

#endif /* SMART_COHORT_H */
