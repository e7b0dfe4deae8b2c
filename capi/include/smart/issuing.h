/*
 * smart/issuing.h -- issuing and verifying certificates: keys, the register, bulk issuing,
 * revocation and re-issue, records, credentials and verification
 *
 * Part of the C ABI of the smart library (C99); include "smart/smart.h" for all of it.
 * The conventions every function follows are stated at the top of smart/smart.h. What is
 * issued to whom, and why not, is decided by the C++ core (docs/certificates.md): these
 * functions convert and hand out its answers.
 *
 * A register is a file (JSON Lines, append-only) that several processes may share: every
 * change locks it, reads what others appended, appends one line and flushes it to the disk
 * before returning. Key material never appears in an error message.
 */
#ifndef SMART_ISSUING_H
#define SMART_ISSUING_H

#include "smart/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ==== Enumerations ===================================================================== */

/* A record's status in the register. */
typedef enum smart_certificate_status {
    SMART_RECORD_VALID = 0,
    SMART_RECORD_REVOKED = 1, /* revoked (it may have been re-issued since: see replaced_by) */
    SMART_RECORD_REPLACED = 2 /* re-issued: replaced_by names its successor */
} smart_certificate_status;

/* What verifying a credential found. */
typedef enum smart_verdict {
    SMART_VERIFY_VALID = 0,      /* the signature holds (and the register, if given, says valid) */
    SMART_VERIFY_REVOKED = 1,    /* the signature holds; the register says revoked */
    SMART_VERIFY_REPLACED = 2,   /* the signature holds; the register says re-issued */
    SMART_VERIFY_TAMPERED = 3,   /* not a credential, or the signature does not match the content */
    SMART_VERIFY_UNKNOWN_KEY = 4, /* signed with a key that is not among the trusted ones */
    SMART_VERIFY_UNSIGNED = 5     /* a PDF without a signature whose words are the register's (only
                                   * faces that read PDFs report it; smart_verdict_name words it) */
} smart_verdict;

/* What a bulk run (smart_register_issue_cohort) did for one participant. */
typedef enum smart_issue_outcome {
    SMART_ISSUE_ISSUED = 0,         /* a new record, made in this run */
    SMART_ISSUE_ALREADY_ISSUED = 1, /* the valid record in the register, unchanged */
    SMART_ISSUE_NOT_ELIGIBLE = 2,   /* some requirement unmet (the reason says what) */
    SMART_ISSUE_IN_PROGRESS = 3,    /* not eligible yet */
    SMART_ISSUE_NO_CERTIFICATE = 4, /* the programme issues no certificate */
    SMART_ISSUE_REVOKED = 5,        /* the newest record is revoked: only a re-issue makes a new one */
    SMART_ISSUE_TOO_EARLY = 6,      /* the evaluation or issue date is before the cohort's last day */
    SMART_ISSUE_WITHDRAWN = 7,      /* withdrawn from the cohort (the reason says when and why) */
    SMART_ISSUE_REISSUED = 8        /* the replacement of a record revoked for correction, made in this run */
} smart_issue_outcome;

/* ==== Handles ========================================================================== */

typedef struct smart_signing_key smart_signing_key;   /* a key pair, ES256 or Ed25519 (holds the secret) */
typedef struct smart_public_key smart_public_key;     /* a public key with its id */
typedef struct smart_register smart_register;         /* an open register file */
typedef struct smart_record smart_record;             /* a copy of one issued certificate record */
typedef struct smart_issue_report smart_issue_report; /* what a bulk run did, per participant */
typedef struct smart_verification smart_verification; /* what verifying a credential found */

/* ==== Keys ============================================================================= */

/* Keys are ECDSA P-256 (JOSE alg "ES256", key files smart.signing-key/2 and
 * smart.public-key/2, JWKs); Ed25519 keys of smart.signing-key/1 files (alg "Ed25519")
 * still load and sign, and what they signed (alg "EdDSA") still verifies. */

/* A fresh ES256 key pair from the operating system's randomness. Release with
 * smart_signing_key_free(). Errors: SMART_EINVAL, SMART_ENOMEM, SMART_EINTERNAL. */
SMART_EXTERN(int) smart_signing_key_generate(smart_signing_key **out);

/* Reads a secret key file's text (smart.signing-key/2 or /1). Errors: SMART_EINVAL, SMART_EPARSE,
 * SMART_EVALIDATION (with the JSON Pointer: the secret does not belong to the public key,
 * the id does not match), SMART_ENOMEM. Messages never quote key material. */
SMART_EXTERN(int) smart_signing_key_from_json(smart_signing_key **out, const char *json);

/* Reads a secret key file. Errors: as smart_signing_key_from_json(), and SMART_ENOTFOUND
 * (the file cannot be opened); messages name the file. */
SMART_EXTERN(int) smart_signing_key_load_file(smart_signing_key **out, const char *path);

/* The secret key file's text (smart.signing-key/2; /1 for an Ed25519 key): it holds the
 * secret, keep it private.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_signing_key_to_json(char **out, const smart_signing_key *key);

/* Writes a new secret key file at `path`, readable by its owner only (mode 0600), and the
 * public key file beside it (NAME.key.json -> NAME.pub.json, any other name gets
 * ".pub.json" appended), each flushed to the disk; *out is the public key file's path
 * (release with smart_string_free()). Errors: SMART_EINVAL, SMART_ENOTALLOWED (either file
 * exists: a key is never overwritten, nothing is written), SMART_EINTERNAL (writing
 * failed; nothing is left behind), SMART_ENOMEM. */
SMART_EXTERN(int) smart_signing_key_save_files(char **out, const smart_signing_key *key, const char *path);

/* The key id: for ES256 keys the key's multibase ("zDn...", the fragment of its DID URL
 * in a JWS "kid"), for Ed25519 keys of /1 files "smart-" and 16 hex digits. Borrowed from
 * `key`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_signing_key_id(const char **out, const smart_signing_key *key);

/* The public half, as a handle of its own (release with smart_public_key_free()).
 * Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_signing_key_public(smart_public_key **out, const smart_signing_key *key);

/* Releases a key pair (its secret is wiped first). Accepts NULL. */
SMART_EXTERN(void) smart_signing_key_free(smart_signing_key *key);

/* Reads a public key file's text (smart.public-key/2 or /1). Errors: SMART_EINVAL,
 * SMART_EPARSE, SMART_EVALIDATION (also for a secret key: "this is a secret key"),
 * SMART_ENOMEM. */
SMART_EXTERN(int) smart_public_key_from_json(smart_public_key **out, const char *json);

/* Reads a public key file (at most 1 MiB, UTF-8). A secret key file is refused
 * (SMART_EVALIDATION, "this is a secret key; give the public key file ..."). Errors:
 * SMART_EINVAL, SMART_ENOTFOUND, SMART_EPARSE, SMART_EVALIDATION, SMART_ENOMEM; messages
 * name the file. */
SMART_EXTERN(int) smart_public_key_load_file(smart_public_key **out, const char *path);

/* The public key file's text (smart.public-key/2; /1 for an Ed25519 key). Release *out
 * with smart_string_free().
 * Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_public_key_to_json(char **out, const smart_public_key *key);

/* The key id. Borrowed from `key`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_public_key_id(const char **out, const smart_public_key *key);

/* Releases a public key. Accepts NULL. */
SMART_EXTERN(void) smart_public_key_free(smart_public_key *key);

/* The JOSE algorithm a key signs with: "ES256" or "Ed25519" (static). Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_signing_key_algorithm(const char **out, const smart_signing_key *key);
SMART_EXTERN(int) smart_public_key_algorithm(const char **out, const smart_public_key *key);

/* The key's did:key ("did:key:zDn..." for ES256, "did:key:z6Mk..." for Ed25519): the
 * default issuer id of what it signs. Borrowed from `key`. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_signing_key_did(const char **out, const smart_signing_key *key);
SMART_EXTERN(int) smart_public_key_did(const char **out, const smart_public_key *key);

/* The public key a did:key names (or a did:key URL "did:key:z...#z..."), resolved without
 * any network: a trusted key for smart_verify_credential(). Release with
 * smart_public_key_free(). Errors: SMART_EINVAL (NULL, or not a did:key of a P-256 or
 * Ed25519 key), SMART_ENOMEM. */
SMART_EXTERN(int) smart_public_key_from_did(smart_public_key **out, const char *did);

/* The DID document (did.json) that publishes `key`: under the did:web of `issuer_url`
 * ("https://host[:port][/path]", the document then goes to smart_did_web_document_url()
 * of that DID), or under the key's did:key when `issuer_url` is NULL. *did_out, when
 * `did_out` is not NULL, is the DID. Release both with smart_string_free(). Errors:
 * SMART_EINVAL (NULL, a URL that is not https://host...), SMART_ENOMEM. */
SMART_EXTERN(int) smart_public_key_did_document(char **out, char **did_out, const smart_public_key *key,
                                                const char *issuer_url);

/* A key a DID document publishes (a did.json file's text, e.g. downloaded from
 * smart_did_web_document_url()): the one whose id's fragment is `key_id`, or the first
 * when `key_id` is NULL. Release with smart_public_key_free(). Errors: SMART_EINVAL,
 * SMART_EPARSE, SMART_EVALIDATION (no usable key, a private key), SMART_ENOTFOUND (no key
 * `key_id`), SMART_ENOMEM. */
SMART_EXTERN(int) smart_public_key_from_did_document(smart_public_key **out, const char *json, const char *key_id);

/* Where a did:web's document is published: "https://host/.well-known/did.json", or
 * "https://host/path/did.json". Release *out with smart_string_free(). Errors:
 * SMART_EINVAL (not a did:web), SMART_ENOMEM. */
SMART_EXTERN(int) smart_did_web_document_url(char **out, const char *did);

/* ==== Issuing options ================================================================== */

/* Options of smart_register_issue_cohort(), smart_register_issue() and
 * smart_register_reissue(). Initialise with SMART_ISSUE_OPTIONS_INIT or
 * smart_issue_options_init(); fields are only ever appended. */
typedef struct smart_issue_options {
    unsigned int version;    /* SMART_ISSUE_OPTIONS_VERSION */
    const char *issuer_id;   /* a URI (did:..., https://... or urn:...); NULL = the did:web of
                                issuer_url when given, else the signing key's did:key */
    const char *issuer_name; /* NULL = the programme's provider (its name when it has none) */
    const char *issuer_url;  /* an https URL; NULL = none */
    const char *issued_on;   /* "YYYY-MM-DD"; NULL = the evaluation date */
    smart_lang lang;         /* the certificate's language; default SMART_LANG_NB */
} smart_issue_options;

#define SMART_ISSUE_OPTIONS_VERSION 1
#define SMART_ISSUE_OPTIONS_INIT { SMART_ISSUE_OPTIONS_VERSION, NULL, NULL, NULL, NULL, SMART_LANG_NB }

/* Initialises `options` to the defaults of structure version `version` (pass
 * SMART_ISSUE_OPTIONS_VERSION). Errors: SMART_EINVAL (NULL, unknown version). */
SMART_EXTERN(int) smart_issue_options_init(smart_issue_options *options, unsigned int version);

/* ==== The register ===================================================================== */

/* Opens the register at `path`, creating an empty one when the file is missing. Release
 * with smart_register_free(). Errors: SMART_EINVAL, SMART_ENOTFOUND (cannot be opened or
 * created), SMART_EPARSE (a corrupt line that is not the last: the message names the
 * line; a torn last line is ignored and repaired by the next change), SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_open(smart_register **out, const char *path);

/* Reads the file again (another process may have appended). Errors: as smart_register_open(). */
SMART_EXTERN(int) smart_register_reload(smart_register *reg);

/* The number of records, every status (nothing is ever deleted). Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_register_record_count(size_t *out, const smart_register *reg);

/* A copy of record `index` (0-based, issue order) with its current status. Release with
 * smart_record_free(). Errors: SMART_EINVAL (also out of range), SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_record(smart_record **out, const smart_register *reg, size_t index);

/* A copy of the record with this serial. Errors: SMART_EINVAL, SMART_ENOTFOUND, SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_find(smart_record **out, const smart_register *reg, const char *serial);

/* The bulk run: for each participant of `evaluation` (made from `cohort`, unchanged since),
 * the eligible get the valid record the register holds or a new one signed with `key`,
 * unless their newest record is revoked (only smart_register_reissue() makes a new one) or
 * the evaluation or issue date is before the cohort's last day; the others are reported
 * with what is missing, in the options' language. Re-running issues nothing twice. `options`
 * NULL means the defaults. Release *out with smart_issue_report_free(). Errors:
 * SMART_EINVAL (another or a changed cohort, unknown options version, an issuer text that
 * is not one line of UTF-8), SMART_EPARSE (issued_on), SMART_EINTERNAL (the register could
 * not be written: records issued before stay, and a re-run finds them), SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_issue_cohort(smart_issue_report **out, smart_register *reg,
                                              const smart_cohort *cohort, const smart_evaluation *evaluation,
                                              const smart_signing_key *key, const smart_issue_options *options);

/* Issues one participant's certificate (position `participant` of the evaluation), or
 * hands out the valid record the register holds; *is_new (when not NULL) is 1 for a new
 * record, else 0. Errors: SMART_EINVAL (as smart_register_issue_cohort(), and out of
 * range), SMART_ENOTALLOWED (not eligible, no certificate, before the last day, or the
 * newest record is revoked: re-issue it), SMART_EPARSE, SMART_EINTERNAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_issue(smart_record **out, int *is_new, smart_register *reg,
                                       const smart_cohort *cohort, const smart_evaluation *evaluation,
                                       size_t participant, const smart_signing_key *key,
                                       const smart_issue_options *options);

/* Revokes the record with this serial, with a reason (free text) and a date ("YYYY-MM-DD",
 * NULL = today). *out is the record as revoked. Errors: SMART_EINVAL (an empty reason, or
 * one that is not UTF-8 text), SMART_EPARSE (the date), SMART_ENOTFOUND (no such serial),
 * SMART_ENOTALLOWED (the record is not valid), SMART_EINTERNAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_revoke(smart_record **out, smart_register *reg, const char *serial,
                                        const char *reason, const char *date);

/* Re-issues (a correction) the record with this serial from today's data of its
 * participant in `evaluation` (made from `cohort`): a new record, the next issue number and
 * a new serial, pointing back (replaces); the old record points to it (replaced_by) and
 * becomes replaced when it was valid, or stays revoked. *out is the new record.
 * Errors: SMART_EINVAL (as smart_register_issue_cohort()), SMART_ENOTFOUND (no such serial,
 * or its participant is not in the cohort), SMART_ENOTALLOWED (re-issued already; the
 * participant is not eligible now; before the last day), SMART_EPARSE, SMART_EINTERNAL,
 * SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_reissue(smart_record **out, smart_register *reg, const char *serial,
                                         const smart_cohort *cohort, const smart_evaluation *evaluation,
                                         const smart_signing_key *key, const smart_issue_options *options);

/* Opens the register as smart_register_open() does; a register file it creates gets exactly
 * the permission bits `mode` (smart_register_open(): 0600). Errors: as smart_register_open(),
 * and SMART_EINVAL for a mode above 0777. */
SMART_EXTERN(int) smart_register_open_mode(smart_register **out, const char *path, unsigned int mode);

/* Revokes as smart_register_revoke() does, recording the revocation as one for correction:
 * the next bulk run (smart_register_issue_cohort) issues the replacement from the corrected
 * cohort, linked (SMART_ISSUE_REISSUED). Revocations by smart_register_revoke() stand until
 * an explicit re-issue. Errors: as smart_register_revoke(). */
SMART_EXTERN(int) smart_register_revoke_for_correction(smart_record **out, smart_register *reg,
                                                       const char *serial, const char *reason,
                                                       const char *date);

/* The one-step correction: revokes the record with this serial for correction (with
 * `reason`, on the issue date; a record revoked already keeps its revocation) and issues
 * the corrected certificate from its participant's current data in `evaluation` (made from
 * `cohort`, corrected with smart_cohort_correct_participant()), in one appended line: both
 * or neither. The new record says replaces, the old one replaced_by. *out is the new record.
 * Serials are matched letter case aside. Errors: SMART_EINVAL (an empty reason, and as
 * smart_register_reissue()), SMART_ENOTFOUND (no such serial, or its participant is not in
 * the cohort), SMART_ENOTALLOWED (re-issued already: the message names the successor; not
 * eligible now; before the last day), SMART_EPARSE, SMART_EINTERNAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_register_correct(smart_record **out, smart_register *reg, const char *serial,
                                         const char *reason, const smart_cohort *cohort,
                                         const smart_evaluation *evaluation, const smart_signing_key *key,
                                         const smart_issue_options *options);

/* Releases a register handle (the file stays). Accepts NULL. */
SMART_EXTERN(void) smart_register_free(smart_register *reg);

/* ==== Records ========================================================================== */
/* A record handle is a frozen copy: its status is the register's when it was handed out.
 * Every `const char *` below is borrowed from the record. */

/* "SMART-XXXX-XXXX-XXXX". Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_serial(const char **out, const smart_record *record);
SMART_EXTERN(int) smart_record_status(smart_certificate_status *out, const smart_record *record);
/* 1 for the first issue, 2, 3, ... for re-issues. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_issue_number(unsigned int *out, const smart_record *record);
/* The token of a certificate's page on a published verification site (URL/c/<token>/):
 * 26 lowercase base32 characters derived with SHA-256 from the serial and the verification
 * code (letter case, and the code's dashes and spaces, aside). Release *out with
 * smart_string_free(). Errors: SMART_EINVAL (NULL, a serial not of a serial's form, an
 * empty code), SMART_ENOMEM. */
SMART_EXTERN(int) smart_verification_token(char **out, const char *serial, const char *code);
/* The holder's name, as certified. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_holder(const char **out, const smart_record *record);
SMART_EXTERN(int) smart_record_participant_id(const char **out, const smart_record *record);
/* "XXXX-XXXX", printed on the certificate. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_verification_code(const char **out, const smart_record *record);
/* The issue date, "YYYY-MM-DD". Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_issued_on(const char **out, const smart_record *record);
/* The serial this record re-issues; "" for a first issue. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_replaces(const char **out, const smart_record *record);
/* The serial of the record that re-issued this one; "" when none. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_replaced_by(const char **out, const smart_record *record);
/* Why and when it was revoked ("YYYY-MM-DD"); "" when it was not. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_revoked_reason(const char **out, const smart_record *record);
SMART_EXTERN(int) smart_record_revoked_on(const char **out, const smart_record *record);
/* 1 when it was revoked for correction (a bulk run issues the replacement), else 0. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_revoked_for_correction(int *out, const smart_record *record);
/* The signed Open Badges 3.0 credential as a compact JWS (VC-JWT, ES256; Ed25519 for an
 * Ed25519 key): the token to hand out and verify. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_credential_jws(const char **out, const smart_record *record);
/* The Open Badges 3.0 AchievementCredential the JWS signs (without the JWT claims), as JSON
 * text. Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_record_credential_json(char **out, const smart_record *record);
/* Releases a record. Accepts NULL. */
SMART_EXTERN(void) smart_record_free(smart_record *record);
/* The record's entry in the issuer's public revocation list (W3C Bitstring Status List):
 * the list credential's URL ("…/status/revocation.jwt", "…/revocation-2.jwt" once the
 * first list's 131,072 entries are taken), "" when the record has none (an issuer without
 * a web address, or a record issued before issue 12). Borrowed. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_status_list(const char **out, const smart_record *record);
/* The record's index in that list, 0 to 131,071; -1 when the record has none (then
 * smart_record_status_list() gives ""). Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_record_status_index(long long *out, const smart_record *record);

/* ==== Issue reports ==================================================================== */
/* One entry per participant, in the cohort's order. Strings are borrowed from the report. */

/* The number of entries (the cohort's participants). Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_issue_report_size(size_t *out, const smart_issue_report *report);
/* How many entries have this outcome. Errors: SMART_EINVAL (also an unknown outcome). */
SMART_EXTERN(int) smart_issue_report_count(size_t *out, const smart_issue_report *report,
                                           smart_issue_outcome outcome);
/* Entry `entry`'s outcome, participant id, name and reason (in the run's language; "" for
 * issued and already issued). Errors: SMART_EINVAL (also out of range). */
SMART_EXTERN(int) smart_issue_report_outcome(smart_issue_outcome *out, const smart_issue_report *report,
                                             size_t entry);
SMART_EXTERN(int) smart_issue_report_participant_id(const char **out, const smart_issue_report *report,
                                                    size_t entry);
SMART_EXTERN(int) smart_issue_report_name(const char **out, const smart_issue_report *report, size_t entry);
SMART_EXTERN(int) smart_issue_report_reason(const char **out, const smart_issue_report *report, size_t entry);
/* A copy of entry `entry`'s record: the issued or stored one, or the revoked one. Release
 * with smart_record_free(). Errors: SMART_EINVAL (also out of range), SMART_ENOTFOUND (the
 * entry has no record), SMART_ENOMEM. */
SMART_EXTERN(int) smart_issue_report_record(smart_record **out, const smart_issue_report *report, size_t entry);
/* Releases a report. Accepts NULL. */
SMART_EXTERN(void) smart_issue_report_free(smart_issue_report *report);

/* The name of an outcome: "issued", "already_issued", "not_eligible", "in_progress",
 * "no_certificate", "revoked", "too_early", "withdrawn", "reissued". A static string. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_issue_outcome_name(const char **out, smart_issue_outcome outcome);

/* ==== Verification ===================================================================== */

/* Checks a compact JWS credential: its key must be one of the `trusted_count` keys of
 * `trusted` (else SMART_VERIFY_UNKNOWN_KEY), its signature must match its exact bytes
 * (else SMART_VERIFY_TAMPERED: any change to any field fails); with a register (`reg` not
 * NULL) a revoked or re-issued record says so. A credential that is not valid is a
 * successful call: the verdict is in *out. Release *out with smart_verification_free().
 * Errors: SMART_EINVAL (NULL jws, NULL trusted with a count, a NULL key in it),
 * SMART_ENOMEM. */
SMART_EXTERN(int) smart_verify_credential(smart_verification **out, const char *jws,
                                          const smart_public_key *const *trusted, size_t trusted_count,
                                          const smart_register *reg);

/* Checks as smart_verify_credential() does, and with `status_list_jws` (the issuer's
 * published W3C Bitstring Status List credential, "<issuer url>/status/revocation.jwt";
 * NULL or "" = none) the credential's bit in it, without the register: a credential whose
 * credentialStatus names that list and whose bit is set is SMART_VERIFY_REVOKED. The list
 * must verify with `trusted`, come from the credential's issuer and be the list the
 * credential names, else the verdict is SMART_VERIFY_TAMPERED (or SMART_VERIFY_UNKNOWN_KEY).
 * `reg` may be NULL. Errors: as smart_verify_credential(). */
SMART_EXTERN(int) smart_verify_credential_with_status_list(smart_verification **out, const char *jws,
                                                           const smart_public_key *const *trusted,
                                                           size_t trusted_count, const smart_register *reg,
                                                           const char *status_list_jws);

/* The issuer's public revocation list: the signed W3C Bitstring Status List credential
 * (VC-JWT, signed with `key`, kid the issuer's DID URL) of the register's certificates on
 * `list_url` (NULL = "<issuer_url>/status/revocation.jwt"), the bits of revoked and
 * corrected certificates set, no names. `issuer_id` NULL = the did:web of `issuer_url`;
 * `valid_from` "YYYY-MM-DD" (NULL = today). Publish it at list_url after every revocation.
 * Release *out with smart_string_free(). Errors: SMART_EINVAL (NULL register, key or
 * issuer_url, a URL that is not https://host...), SMART_EPARSE (the date), SMART_ENOMEM. */
SMART_EXTERN(int) smart_status_list_credential(char **out, const smart_register *reg, const smart_signing_key *key,
                                               const char *issuer_id, const char *issuer_url, const char *list_url,
                                               const char *valid_from);

/* Checks a credential document (SERIAL.json, the OB 3.0 credential, which carries no
 * signature) against the register: the record named by its id holds the signed token,
 * verified as smart_verify_credential() does; the document must say exactly what that
 * token signed (member order aside), else the verdict is SMART_VERIFY_TAMPERED. Release
 * *out with smart_verification_free(). Errors: SMART_EINVAL, SMART_EPARSE (not JSON),
 * SMART_ENOTFOUND (the register has no record with the document's id), SMART_ENOMEM. */
SMART_EXTERN(int) smart_verify_credential_document(smart_verification **out, const char *json,
                                                   const smart_public_key *const *trusted, size_t trusted_count,
                                                   const smart_register *reg);

SMART_EXTERN(int) smart_verification_status(smart_verdict *out, const smart_verification *verification);
/* The key id the credential names, and its serial when it could be read ("" otherwise).
 * Borrowed. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_verification_key_id(const char **out, const smart_verification *verification);
SMART_EXTERN(int) smart_verification_serial(const char **out, const smart_verification *verification);
/* Why, in English (for logs). Borrowed. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_verification_detail(const char **out, const smart_verification *verification);
/* What was certified: the signed payload as signed, JSON text; "" unless the signature
 * verified (it is also given for revoked and replaced). Borrowed. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_verification_credential_json(const char **out, const smart_verification *verification);
/* The check with what is printed on a certificate: the serial and the verification code
 * (letter case aside; the code with or without its dash) against the register; the
 * record's signed token is verified as smart_verify_credential() does. Errors:
 * SMART_EINVAL, SMART_ENOTFOUND (no certificate with this serial), SMART_ENOTALLOWED (the
 * code is not this certificate's; the message names neither holder nor content),
 * SMART_ENOMEM. */
SMART_EXTERN(int) smart_verify_serial_code(smart_verification **out, const smart_register *reg, const char *serial,
                                           const char *code, const smart_public_key *const *trusted,
                                           size_t trusted_count);
/* The check against a published verification site (smart publish), with what is printed on
 * the certificate: `jws` is the site's c/<token>/credential.jwt for `serial` and `code`
 * (see smart_verification_token()), verified as smart_verify_credential_with_status_list()
 * does with the site's status/revocation.jwt (`status_list_jws`, NULL or "" = none: a set
 * bit is revoked whatever the site's status.json says); it must be that serial's and
 * code's certificate (letter case and dashes aside). `status_json` is the site's
 * c/<token>/status.json (NULL = none): a genuine token takes its revoked or replaced
 * status, date, reason and replacement. The verdict is in *out; release it with
 * smart_verification_free(). Errors: SMART_EINVAL (NULL jws, serial or code, a NULL key),
 * SMART_EPARSE (status_json is not JSON), SMART_EVALIDATION (status_json is not a
 * status, at the member's JSON Pointer), SMART_ENOTALLOWED (the token is another
 * certificate's; the message names neither holder nor content), SMART_ENOMEM. */
SMART_EXTERN(int) smart_verify_site_certificate(smart_verification **out, const char *jws, const char *serial,
                                                const char *code, const smart_public_key *const *trusted,
                                                size_t trusted_count, const char *status_list_jws,
                                                const char *status_json);
/* The serial of the replacement when the register says the certificate was corrected
 * (revoked or replaced, and re-issued), else "". Borrowed. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_verification_replaced_by(const char **out, const smart_verification *verification);
/* The verdict for people in `lang` (the core's words: "Trukket tilbake ...: ... Erstattet
 * av SMART-..."). Release *out with smart_string_free(). Errors: SMART_EINVAL, SMART_ENOMEM. */
SMART_EXTERN(int) smart_verification_text(char **out, const smart_verification *verification, smart_lang lang);
/* Releases a verification. Accepts NULL. */
SMART_EXTERN(void) smart_verification_free(smart_verification *verification);

/* The name of a verdict: "valid", "revoked", "replaced", "tampered", "unknown_key". A static
 * string. Errors: SMART_EINVAL. */
SMART_EXTERN(int) smart_verdict_name(const char **out, smart_verdict verdict);

#ifdef __cplusplus
}
#endif

#endif /* SMART_ISSUING_H */
