/* Tests of the C ABI's issuing and verification (smart/issuing.h), a program of its own
 * (CTest capi.issuing, and capi.issuing_valgrind): keys, the register, the bulk run and
 * its report, the policy on revocations (C gives the core's answer: a revoked participant
 * gets no new certificate from a bulk run or smart_register_issue, only from a re-issue),
 * records, credentials and every verdict. Harness: check.h. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static char dir[256];
static char register_path[300];
static char key_path[300];

static void make_dir(void) {
    snprintf(dir, sizeof dir, "/tmp/smart-capi-issuing-%ld", (long)getpid());
    mkdir(dir, 0700);
    snprintf(register_path, sizeof register_path, "%s/register.jsonl", dir);
    snprintf(key_path, sizeof key_path, "%s/issuer.key.json", dir);
}

static void remove_dir(void) {
    char path[400];
    snprintf(path, sizeof path, "%s/register.jsonl", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/issuer.key.json", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/issuer.pub.json", dir);
    unlink(path);
    rmdir(dir);
}

static smart_issue_options options_on(const char *issued_on, smart_lang lang) {
    smart_issue_options o = SMART_ISSUE_OPTIONS_INIT;
    o.issuer_id = "urn:smart:issuer:test";
    o.issuer_name = "Eksempel kommune (test)";
    o.issued_on = issued_on;
    o.lang = lang;
    return o;
}

static void test_keys(void) {
    smart_signing_key *key = NULL, *again = NULL, *bad = NULL;
    smart_public_key *pub = NULL, *from_file = NULL, *from_json = NULL;
    char *json = NULL, *pub_path = NULL;
    const char *id = NULL, *id2 = NULL;
    struct stat st;

    TEST("a key pair is generated, saved to files (0600, never overwritten) and loaded back");
    OK(smart_signing_key_generate(&key));
    OK(smart_signing_key_id(&id, key));
    CHECK(strncmp(id, "zDn", 3) == 0); /* an ES256 key: its multibase */
    OK(smart_signing_key_save_files(&pub_path, key, key_path));
    CHECK(contains(pub_path, "issuer.pub.json"));
    CHECK(stat(key_path, &st) == 0 && (st.st_mode & 0777) == 0600);
    EXPECT(smart_signing_key_save_files(&json, key, key_path), SMART_ENOTALLOWED);
    CHECK(json == NULL);
    OK(smart_signing_key_load_file(&again, key_path));
    OK(smart_signing_key_id(&id2, again));
    CHECK(strcmp(id, id2) == 0);
    OK(smart_public_key_load_file(&from_file, pub_path));
    OK(smart_public_key_id(&id2, from_file));
    CHECK(strcmp(id, id2) == 0);

    TEST("key texts round-trip, and the public text holds no secret");
    OK(smart_signing_key_public(&pub, key));
    OK(smart_public_key_to_json(&json, pub));
    CHECK(!contains(json, "secret") && !contains(json, "\"d\""));
    CHECK(contains(json, "smart.public-key/2"));
    OK(smart_public_key_from_json(&from_json, json));
    smart_string_free(json);
    OK(smart_public_key_id(&id2, from_json));
    CHECK(strcmp(id, id2) == 0);
    smart_public_key_free(from_json);
    from_json = NULL;
    OK(smart_signing_key_to_json(&json, key));
    CHECK(contains(json, "smart.signing-key/2") && contains(json, "\"d\""));
    smart_string_free(json);
    json = NULL;

    TEST("bad keys are errors that never quote key material");
    EXPECT(smart_signing_key_from_json(&bad, "{"), SMART_EPARSE);
    CHECK(bad == NULL);
    EXPECT(smart_public_key_from_json(&from_json, "{\"format\": \"smart.public-key/1\"}"), SMART_EVALIDATION);
    CHECK(from_json == NULL);
    EXPECT(smart_public_key_load_file(&from_json, "/nonexistent/x.pub.json"), SMART_ENOTFOUND);
    EXPECT(smart_public_key_load_file(&from_json, key_path), SMART_EVALIDATION); /* the secret file */
    CHECK(from_json == NULL);
    CHECK(contains(smart_error_last()->message, "this is a secret key; give the public key file"));
    EXPECT(smart_signing_key_generate(NULL), SMART_EINVAL);
    EXPECT(smart_signing_key_id(&id, NULL), SMART_EINVAL);
    EXPECT(smart_public_key_id(&id, (const smart_public_key *)again), SMART_EINVAL); /* a key pair is no public key */

    smart_string_free(pub_path);
    smart_public_key_free(from_file);
    smart_public_key_free(pub);
    smart_signing_key_free(again);
    smart_signing_key_free(key);
    smart_public_key_free(NULL);
    smart_signing_key_free(NULL);
}

/* A credential issued by a fixed ES256 key (its did:key below), and the same payload with
 * another name, re-signed by an attacker's key whose jwk the header carries while its kid
 * still names the genuine key: made once with tests/capi/make_forged_token.py. */
#include "forged_token.h"

static void test_dids(smart_signing_key *key) {
    smart_public_key *pub = NULL, *resolved = NULL, *published = NULL, *genuine = NULL, *none = NULL;
    smart_register *reg = NULL;
    smart_cohort *cohort = NULL;
    smart_evaluation *evaluation = NULL;
    smart_evaluate_options eo = SMART_EVALUATE_OPTIONS_INIT;
    smart_issue_options o = SMART_ISSUE_OPTIONS_INIT;
    smart_record *record = NULL;
    smart_verification *v = NULL;
    smart_verdict verdict;
    const smart_public_key *trusted[1];
    const char *id = NULL, *did = NULL, *alg = NULL, *s = NULL;
    char *doc = NULL, *web = NULL, *url = NULL, *json = NULL, expected[200], reg_path[320];
    int is_new = 0;

    TEST("a key has an algorithm and a did:key that resolves back to it");
    OK(smart_signing_key_algorithm(&alg, key));
    CHECK(strcmp(alg, "ES256") == 0);
    OK(smart_signing_key_id(&id, key));
    OK(smart_signing_key_did(&did, key));
    snprintf(expected, sizeof expected, "did:key:%s", id);
    CHECK(strcmp(did, expected) == 0);
    OK(smart_signing_key_public(&pub, key));
    OK(smart_public_key_algorithm(&alg, pub));
    CHECK(strcmp(alg, "ES256") == 0);
    OK(smart_public_key_did(&s, pub));
    CHECK(strcmp(s, did) == 0);
    OK(smart_public_key_from_did(&resolved, did));
    OK(smart_public_key_id(&s, resolved));
    CHECK(strcmp(s, id) == 0);
    EXPECT(smart_public_key_from_did(&none, "did:web:kommune.no"), SMART_EINVAL);
    EXPECT(smart_public_key_from_did(&none, NULL), SMART_EINVAL);
    CHECK(none == NULL);
    EXPECT(smart_signing_key_did(&s, (const smart_signing_key *)pub), SMART_EINVAL);

    TEST("a did:web document publishes the key, and reads back");
    OK(smart_public_key_did_document(&doc, &web, pub, "https://kommune.no"));
    CHECK(strcmp(web, "did:web:kommune.no") == 0);
    CHECK(contains(doc, "\"JsonWebKey\"") && contains(doc, "did:web:kommune.no#") && !contains(doc, "\"d\""));
    OK(smart_did_web_document_url(&url, web));
    CHECK(strcmp(url, "https://kommune.no/.well-known/did.json") == 0);
    smart_string_free(url);
    url = NULL;
    OK(smart_public_key_from_did_document(&published, doc, NULL));
    OK(smart_public_key_id(&s, published));
    CHECK(strcmp(s, id) == 0);
    smart_public_key_free(published);
    published = NULL;
    OK(smart_public_key_from_did_document(&published, doc, id));
    EXPECT(smart_public_key_from_did_document(&none, doc, "key-2"), SMART_ENOTFOUND);
    EXPECT(smart_public_key_did_document(&url, NULL, pub, "http://kommune.no"), SMART_EINVAL);
    CHECK(url == NULL);
    EXPECT(smart_public_key_from_did_document(&none, "{\"id\": \"did:web:x\"}", NULL), SMART_EVALIDATION);
    EXPECT(smart_did_web_document_url(&url, "did:key:z6Mk"), SMART_EINVAL);

    TEST("by default the issuer is the did:web of the issuer URL, else the key's did:key");
    eo.as_of = "2025-04-30";
    OK(smart_cohort_demo(&cohort));
    OK(smart_evaluate(&evaluation, cohort, &eo));
    snprintf(reg_path, sizeof reg_path, "%s/dids.jsonl", dir);
    OK(smart_register_open(&reg, reg_path));
    o.issuer_url = "https://kommune.no";
    OK(smart_register_issue(&record, &is_new, reg, cohort, evaluation, 0, key, &o));
    OK(smart_record_credential_json(&json, record));
    CHECK(contains(json, "\"id\": \"did:web:kommune.no\""));
    smart_string_free(json);
    json = NULL;
    OK(smart_record_credential_jws(&s, record));
    trusted[0] = published; /* from the did.json */
    OK(smart_verify_credential(&v, s, trusted, 1, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    OK(smart_verification_key_id(&s, v));
    snprintf(expected, sizeof expected, "did:web:kommune.no#%s", id);
    CHECK(strcmp(s, expected) == 0);
    smart_verification_free(v);
    smart_record_free(record);
    record = NULL;
    o.issuer_url = NULL;
    OK(smart_register_issue(&record, &is_new, reg, cohort, evaluation, 1, key, &o));
    OK(smart_record_credential_json(&json, record));
    snprintf(expected, sizeof expected, "\"id\": \"%s\"", did);
    CHECK(contains(json, expected));
    OK(smart_record_credential_jws(&s, record));
    trusted[0] = resolved; /* from the did:key */
    OK(smart_verify_credential(&v, s, trusted, 1, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);

    TEST("a token re-signed by an attacker, with the attacker's jwk in its header, is not valid");
    OK(smart_public_key_from_did(&genuine, FORGED_TOKEN_ISSUER));
    trusted[0] = genuine;
    OK(smart_verify_credential(&v, GENUINE_TOKEN, trusted, 1, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);
    OK(smart_verify_credential(&v, FORGED_TOKEN, trusted, 1, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_TAMPERED);
    OK(smart_verification_credential_json(&s, v));
    CHECK(strlen(s) == 0);
    smart_verification_free(v);

    smart_string_free(json);
    smart_string_free(doc);
    smart_string_free(web);
    smart_record_free(record);
    smart_public_key_free(pub);
    smart_public_key_free(resolved);
    smart_public_key_free(published);
    smart_public_key_free(genuine);
    smart_register_free(reg);
    smart_evaluation_free(evaluation);
    smart_cohort_free(cohort);
    unlink(reg_path);
}

/* The demo cohort evaluated after its last day: 24 of 36 eligible. */
static void test_bulk_run(smart_signing_key *key) {
    smart_cohort *cohort = NULL;
    smart_evaluation *evaluation = NULL;
    smart_evaluate_options eo = SMART_EVALUATE_OPTIONS_INIT;
    smart_register *reg = NULL;
    smart_issue_report *report = NULL, *again = NULL;
    smart_issue_options o = options_on(NULL, SMART_LANG_EN);
    smart_record *record = NULL, *revoked = NULL, *fresh = NULL, *copy = NULL;
    smart_public_key *pub = NULL;
    const smart_public_key *trusted[1];
    smart_verification *v = NULL;
    smart_issue_outcome outcome;
    smart_certificate_status status;
    smart_verdict verdict;
    size_t n = 0, count = 0, i, p01 = 0;
    unsigned int number = 0;
    int is_new = -1;
    const char *s = NULL, *serial = NULL, *name = NULL;
    char first_serial[32] = "", *json = NULL;

    eo.as_of = "2025-04-30";
    OK(smart_cohort_demo(&cohort));
    OK(smart_evaluate(&evaluation, cohort, &eo));
    OK(smart_register_open(&reg, register_path));
    OK(smart_signing_key_public(&pub, key));
    trusted[0] = pub;

    TEST("a bulk run issues to the 24 eligible and says why the others get none");
    OK(smart_register_issue_cohort(&report, reg, cohort, evaluation, key, &o));
    OK(smart_issue_report_size(&n, report));
    CHECK(n == 36);
    OK(smart_issue_report_count(&count, report, SMART_ISSUE_ISSUED));
    CHECK(count == 24);
    OK(smart_issue_report_count(&count, report, SMART_ISSUE_ALREADY_ISSUED));
    CHECK(count == 0);
    OK(smart_register_record_count(&count, reg));
    CHECK(count == 24);
    for (i = 0; i < n; ++i) {
        OK(smart_issue_report_outcome(&outcome, report, i));
        OK(smart_issue_report_participant_id(&s, report, i));
        if (strcmp(s, "p01") == 0) p01 = i;
        OK(smart_issue_report_reason(&s, report, i));
        if (outcome == SMART_ISSUE_ISSUED) {
            CHECK(strcmp(s, "") == 0);
        } else {
            CHECK(outcome == SMART_ISSUE_NOT_ELIGIBLE || outcome == SMART_ISSUE_IN_PROGRESS);
            CHECK(strlen(s) > 0);
            EXPECT(smart_issue_report_record(&record, report, i), SMART_ENOTFOUND);
            CHECK(record == NULL);
        }
    }
    OK(smart_issue_report_name(&name, report, p01));
    CHECK(strlen(name) > 0);
    OK(smart_issue_report_record(&record, report, p01));
    OK(smart_record_serial(&serial, record));
    CHECK(strncmp(serial, "SMART-", 6) == 0 && strlen(serial) == 25);
    strcpy(first_serial, serial);
    OK(smart_record_holder(&s, record));
    CHECK(strcmp(s, name) == 0);
    OK(smart_record_participant_id(&s, record));
    CHECK(strcmp(s, "p01") == 0);
    OK(smart_record_issued_on(&s, record));
    CHECK(strcmp(s, "2025-04-30") == 0); /* the evaluation date by default */
    OK(smart_record_issue_number(&number, record));
    CHECK(number == 1);
    OK(smart_record_status(&status, record));
    CHECK(status == SMART_RECORD_VALID);
    OK(smart_record_verification_code(&s, record));
    CHECK(strlen(s) == 9 && s[4] == '-');
    OK(smart_record_replaces(&s, record));
    CHECK(strcmp(s, "") == 0);
    OK(smart_record_revoked_on(&s, record));
    CHECK(strcmp(s, "") == 0);
    OK(smart_record_credential_json(&json, record));
    CHECK(contains(json, "OpenBadgeCredential") && contains(json, first_serial));
    smart_string_free(json);

    TEST("a re-run issues nothing twice and gives the same serials");
    OK(smart_register_issue_cohort(&again, reg, cohort, evaluation, key, &o));
    OK(smart_issue_report_count(&count, again, SMART_ISSUE_ALREADY_ISSUED));
    CHECK(count == 24);
    OK(smart_issue_report_record(&copy, again, p01));
    OK(smart_record_serial(&s, copy));
    CHECK(strcmp(s, first_serial) == 0);
    smart_record_free(copy);
    smart_issue_report_free(again);
    OK(smart_register_issue(&copy, &is_new, reg, cohort, evaluation, p01, key, &o));
    CHECK(is_new == 0);
    smart_record_free(copy);

    TEST("the credential verifies valid, and a changed byte is tampered");
    OK(smart_record_credential_jws(&s, record));
    OK(smart_verify_credential(&v, s, trusted, 1, reg));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    OK(smart_verification_serial(&s, v));
    CHECK(strcmp(s, first_serial) == 0);
    OK(smart_verification_credential_json(&s, v));
    CHECK(contains(s, "urn:smart:certificate:"));
    smart_verification_free(v);
    OK(smart_verify_credential(&v, "a.b.c", trusted, 1, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_TAMPERED);
    OK(smart_verification_detail(&s, v));
    CHECK(strlen(s) > 0);
    smart_verification_free(v);
    OK(smart_record_credential_jws(&s, record));
    OK(smart_verify_credential(&v, s, NULL, 0, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_UNKNOWN_KEY);
    OK(smart_verification_key_id(&s, v));
    CHECK(strncmp(s, "did:key:zDn", 11) == 0 && strchr(s, '#') != NULL); /* the kid: a did:key URL */
    smart_verification_free(v);

    TEST("a credential document is checked against what its register record signed");
    OK(smart_record_credential_json(&json, record));
    OK(smart_verify_credential_document(&v, json, trusted, 1, reg));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);
    {
        char *edited = strstr(json, "\"identityHash\": \"");
        CHECK(edited != NULL);
        if (edited) edited[strlen("\"identityHash\": \"")] ^= 1; /* another holder's name */
    }
    OK(smart_verify_credential_document(&v, json, trusted, 1, reg));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_TAMPERED);
    smart_verification_free(v);
    smart_string_free(json);
    json = NULL;
    EXPECT(smart_verify_credential_document(&v, "{\"id\": \"urn:smart:certificate:SMART-0000-0000-0000\"}", trusted, 1, reg),
           SMART_ENOTFOUND);
    EXPECT(smart_verify_credential_document(&v, "{", trusted, 1, reg), SMART_EPARSE);
    EXPECT(smart_verify_credential_document(&v, "{}", trusted, 1, NULL), SMART_EINVAL);
    CHECK(v == NULL);

    TEST("revoked: the bulk run and smart_register_issue issue nothing new, as the core says");
    OK(smart_register_revoke(&revoked, reg, first_serial, "Wrong name", "2025-05-03"));
    OK(smart_record_status(&status, revoked));
    CHECK(status == SMART_RECORD_REVOKED);
    OK(smart_record_revoked_on(&s, revoked));
    CHECK(strcmp(s, "2025-05-03") == 0);
    OK(smart_record_revoked_reason(&s, revoked));
    CHECK(strcmp(s, "Wrong name") == 0);
    EXPECT(smart_register_revoke(&copy, reg, first_serial, "again", "2025-05-04"), SMART_ENOTALLOWED);
    EXPECT(smart_register_revoke(&copy, reg, "SMART-0000-0000-0000", "x", NULL), SMART_ENOTFOUND);
    EXPECT(smart_register_revoke(&copy, reg, first_serial, "", NULL), SMART_EINVAL);
    EXPECT(smart_register_revoke(&copy, reg, first_serial, "x", "2025-13-01"), SMART_EPARSE);
    OK(smart_register_issue_cohort(&again, reg, cohort, evaluation, key, &o));
    OK(smart_issue_report_outcome(&outcome, again, p01));
    CHECK(outcome == SMART_ISSUE_REVOKED);
    OK(smart_issue_report_reason(&s, again, p01));
    CHECK(contains(s, first_serial) && contains(s, "revoked on 3 May 2025: Wrong name"));
    OK(smart_issue_report_count(&count, again, SMART_ISSUE_ISSUED));
    CHECK(count == 0);
    smart_issue_report_free(again);
    EXPECT(smart_register_issue(&copy, &is_new, reg, cohort, evaluation, p01, key, &o), SMART_ENOTALLOWED);
    CHECK(copy == NULL && contains(smart_error_last()->message, first_serial));
    OK(smart_record_credential_jws(&s, record));
    OK(smart_verify_credential(&v, s, trusted, 1, reg));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_REVOKED);
    smart_verification_free(v);

    TEST("a re-issue corrects it: a new serial, issue 2; the old one stays revoked and points on");
    o.issued_on = "2025-05-04";
    OK(smart_register_reissue(&fresh, reg, first_serial, cohort, evaluation, key, &o));
    OK(smart_record_issue_number(&number, fresh));
    CHECK(number == 2);
    OK(smart_record_replaces(&s, fresh));
    CHECK(strcmp(s, first_serial) == 0);
    OK(smart_register_find(&copy, reg, first_serial));
    OK(smart_record_status(&status, copy));
    CHECK(status == SMART_RECORD_REVOKED);
    OK(smart_record_replaced_by(&s, copy));
    OK(smart_record_serial(&serial, fresh));
    CHECK(strcmp(s, serial) == 0);
    smart_record_free(copy);
    EXPECT(smart_register_reissue(&copy, reg, first_serial, cohort, evaluation, key, &o), SMART_ENOTALLOWED);
    OK(smart_record_credential_jws(&s, fresh));
    OK(smart_verify_credential(&v, s, trusted, 1, reg));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);

    TEST("a valid record re-issued is replaced, and verifies as replaced");
    OK(smart_register_reissue(&copy, reg, serial, cohort, evaluation, key, &o));
    OK(smart_record_credential_jws(&s, fresh));
    OK(smart_verify_credential(&v, s, trusted, 1, reg));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_REPLACED);
    smart_verification_free(v);
    smart_record_free(copy);
    OK(smart_register_reload(reg));
    OK(smart_register_record_count(&count, reg));
    CHECK(count == 26);
    OK(smart_register_record(&copy, reg, 0));
    smart_record_free(copy);
    EXPECT(smart_register_record(&copy, reg, 26), SMART_EINVAL);

    TEST("names of outcomes and verdicts; bad arguments are SMART_EINVAL");
    OK(smart_issue_outcome_name(&s, SMART_ISSUE_TOO_EARLY));
    CHECK(strcmp(s, "too_early") == 0);
    OK(smart_issue_outcome_name(&s, SMART_ISSUE_ALREADY_ISSUED));
    CHECK(strcmp(s, "already_issued") == 0);
    EXPECT(smart_issue_outcome_name(&s, (smart_issue_outcome)99), SMART_EINVAL);
    OK(smart_verdict_name(&s, SMART_VERIFY_UNKNOWN_KEY));
    CHECK(strcmp(s, "unknown_key") == 0);
    OK(smart_verdict_name(&s, SMART_VERIFY_UNSIGNED));
    CHECK(strcmp(s, "unsigned") == 0);
    EXPECT(smart_verdict_name(&s, (smart_verdict)6), SMART_EINVAL);
    EXPECT(smart_verdict_name(&s, (smart_verdict)-1), SMART_EINVAL);
    EXPECT(smart_issue_report_count(&count, report, (smart_issue_outcome)99), SMART_EINVAL);
    OK(smart_issue_outcome_name(&s, SMART_ISSUE_WITHDRAWN));
    CHECK(strcmp(s, "withdrawn") == 0);
    EXPECT(smart_issue_report_outcome(&outcome, report, 36), SMART_EINVAL);
    EXPECT(smart_register_issue_cohort(NULL, reg, cohort, evaluation, key, &o), SMART_EINVAL);
    EXPECT(smart_register_issue_cohort(&again, reg, cohort, evaluation, NULL, &o), SMART_EINVAL);
    CHECK(again == NULL);
    EXPECT(smart_register_issue(&copy, NULL, reg, cohort, evaluation, 36, key, &o), SMART_EINVAL);
    EXPECT(smart_verify_credential(&v, "x", NULL, 1, NULL), SMART_EINVAL);
    o.version = 99;
    EXPECT(smart_register_issue_cohort(&again, reg, cohort, evaluation, key, &o), SMART_EINVAL);
    OK(smart_issue_options_init(&o, SMART_ISSUE_OPTIONS_VERSION));
    CHECK(o.issuer_id == NULL && o.lang == SMART_LANG_NB);
    EXPECT(smart_issue_options_init(&o, 0), SMART_EINVAL);
    o.issued_on = "2025-04-01";

    TEST("before the last day nothing is issued: too early");
    OK(smart_register_issue_cohort(&again, reg, cohort, evaluation, key, &o));
    OK(smart_issue_report_count(&count, again, SMART_ISSUE_TOO_EARLY));
    CHECK(count == 24);
    OK(smart_issue_report_reason(&s, again, 0));
    smart_issue_report_free(again);

    smart_record_free(fresh);
    smart_record_free(revoked);
    smart_record_free(record);
    smart_issue_report_free(report);
    smart_public_key_free(pub);
    smart_register_free(reg);
    smart_evaluation_free(evaluation);
    smart_cohort_free(cohort);
    smart_register_free(NULL);
    smart_record_free(NULL);
    smart_issue_report_free(NULL);
    smart_verification_free(NULL);
}

static void test_register_files_and_wrong_handles(smart_signing_key *key) {
    char path[320];
    FILE *f;
    smart_register *reg = NULL;
    smart_record *record = NULL;
    size_t n = 99;

    TEST("a corrupt register line that is not the last is SMART_EPARSE naming the line");
    snprintf(path, sizeof path, "%s/corrupt.jsonl", dir);
    f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("garbage\n{\"event\": \"revoked\"}\n", f);
        fclose(f);
    }
    EXPECT(smart_register_open(&reg, path), SMART_EPARSE);
    CHECK(reg == NULL && contains(smart_error_last()->message, "line 1"));
    unlink(path);

    TEST("a torn last line is ignored; an empty register has no records");
    f = fopen(path, "w");
    if (f) {
        fputs("{\"event\": \"issued\", \"record\": {\"serial\": \"SMART-HA", f);
        fclose(f);
    }
    OK(smart_register_open(&reg, path));
    OK(smart_register_record_count(&n, reg));
    CHECK(n == 0);
    EXPECT(smart_register_find(&record, reg, "SMART-0000-0000-0000"), SMART_ENOTFOUND);
    CHECK(record == NULL);

    TEST("a handle of another kind is SMART_EINVAL, and freeing it as another kind leaves it alone");
    EXPECT(smart_register_record_count(&n, (const smart_register *)key), SMART_EINVAL);
    EXPECT(smart_signing_key_id((const char **)&record, (const smart_signing_key *)reg), SMART_EINVAL);
    smart_record_free((smart_record *)reg); /* not a record: left alone, reported */
    CHECK(smart_error_last()->code == SMART_EINVAL);
    OK(smart_register_record_count(&n, reg)); /* still alive */
    smart_register_free(reg);
    EXPECT(smart_register_open(&reg, NULL), SMART_EINVAL);
    CHECK(reg == NULL);
    EXPECT(smart_register_open(&reg, "/nonexistent/folder/register.jsonl"), SMART_ENOTFOUND);
    CHECK(reg == NULL);
    unlink(path);
}

/* Issue 12: the one-step correction, the bulk re-run after a revocation for correction,
 * serial and code, case-insensitive serials, the register's file mode. */
static void test_correction(smart_signing_key *key) {
    char path[400], lower[40], other[40], first[40];
    smart_cohort *cohort = NULL;
    smart_evaluation *evaluation = NULL;
    smart_evaluate_options eo = SMART_EVALUATE_OPTIONS_INIT;
    smart_participant_details pd = SMART_PARTICIPANT_DETAILS_INIT;
    smart_register *reg = NULL;
    smart_issue_report *report = NULL;
    smart_issue_options o = options_on(NULL, SMART_LANG_NB);
    smart_record *old = NULL, *fresh = NULL, *copy = NULL;
    smart_public_key *pub = NULL;
    const smart_public_key *trusted[1];
    smart_verification *v = NULL;
    smart_verdict verdict;
    smart_certificate_status status;
    smart_issue_outcome outcome;
    struct stat st;
    const char *s = NULL, *serial = NULL, *code = NULL, *name = NULL, *mun_no = NULL, *mun = NULL, *role = NULL;
    char *text = NULL;
    size_t i, n = 0, p01 = 0, p02 = 0;
    int flag = -1;
    mode_t mask;

    snprintf(path, sizeof path, "%s/correct.jsonl", dir);
    eo.as_of = "2025-04-30";
    OK(smart_cohort_demo(&cohort));
    OK(smart_evaluate(&evaluation, cohort, &eo));
    OK(smart_signing_key_public(&pub, key));
    trusted[0] = pub;

    TEST("a register made with smart_register_open_mode has exactly that mode; the default is 0600");
    mask = umask(0);
    OK(smart_register_open_mode(&reg, path, 0640));
    umask(mask);
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0640);
    smart_register_free(reg);
    unlink(path);
    EXPECT(smart_register_open_mode(&reg, path, 01000), SMART_EINVAL);
    mask = umask(0);
    OK(smart_register_open(&reg, path));
    umask(mask);
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);

    OK(smart_register_issue_cohort(&report, reg, cohort, evaluation, key, &o));
    OK(smart_cohort_participant_count(&n, cohort));
    for (i = 0; i < n; ++i) {
        OK(smart_cohort_participant_id(&s, cohort, i));
        if (strcmp(s, "p01") == 0) p01 = i;
        if (strcmp(s, "p02") == 0) p02 = i;
    }
    OK(smart_issue_report_record(&old, report, p01));
    OK(smart_record_serial(&serial, old));
    snprintf(first, sizeof first, "%s", serial);
    for (i = 0; first[i]; ++i) lower[i] = (char)(first[i] >= 'A' && first[i] <= 'Z' ? first[i] - 'A' + 'a' : first[i]);
    lower[i] = '\0';
    CHECK(strlen(first) == strlen("SMART-IIII-XXXX-XXXX-XXXX"));
    smart_record_free(old);
    OK(smart_issue_report_record(&old, report, p02));
    OK(smart_record_serial(&serial, old));
    snprintf(other, sizeof other, "%s", serial);
    smart_record_free(old);
    smart_issue_report_free(report);

    TEST("serial and code: the right code verifies (letter case aside), a wrong one is refused");
    OK(smart_register_find(&old, reg, lower));
    OK(smart_record_verification_code(&code, old));
    OK(smart_verify_serial_code(&v, reg, lower, code, trusted, 1));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);
    EXPECT(smart_verify_serial_code(&v, reg, first, "0000-0000", trusted, 1), SMART_ENOTALLOWED);
    CHECK(v == NULL);
    OK(smart_record_holder(&s, old));
    CHECK(!contains(smart_error_last()->message, s));
    EXPECT(smart_verify_serial_code(&v, reg, "SMART-0000-0000-0000-0000", code, trusted, 1), SMART_ENOTFOUND);

    TEST("against a published site: that certificate's token, and the site's stated status");
    OK(smart_record_credential_jws(&s, old));
    OK(smart_verify_site_certificate(&v, s, lower, code, trusted, 1, NULL, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);
    OK(smart_verify_site_certificate(&v, s, first, code, trusted, 1, "",
                                     "{\"status\": \"revoked\", \"revoked_on\": \"2025-05-02\", "
                                     "\"revoked_reason\": \"Feil\", \"replaced_by\": \"\", "
                                     "\"published_on\": \"2025-05-03\"}"));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_REVOKED);
    smart_verification_free(v);
    EXPECT(smart_verify_site_certificate(&v, s, other, code, trusted, 1, NULL, NULL), SMART_ENOTALLOWED);
    CHECK(v == NULL);
    EXPECT(smart_verify_site_certificate(&v, s, first, code, trusted, 1, NULL, "{\"status\": \"fine\"}"),
           SMART_EVALIDATION);
    CHECK(strcmp(smart_error_last()->pointer, "/status") == 0);
    EXPECT(smart_verify_site_certificate(&v, NULL, first, code, trusted, 1, NULL, NULL), SMART_EINVAL);

    TEST("the one-step correction revokes and re-issues the corrected record, linked both ways");
    OK(smart_cohort_participant_municipality(&mun_no, &mun, cohort, p01));
    OK(smart_cohort_participant_role(&role, cohort, p01));
    pd.name = "Kari Retta Nordmann";
    pd.municipality_number = mun_no;
    pd.municipality_name = mun;
    pd.role = role;
    OK(smart_cohort_correct_participant(cohort, "p01", &pd));
    smart_evaluation_free(evaluation);
    OK(smart_evaluate(&evaluation, cohort, &eo));
    o.issued_on = "2025-05-02";
    OK(smart_register_correct(&fresh, reg, lower, "Feil navn", cohort, evaluation, key, &o));
    OK(smart_record_holder(&name, fresh));
    CHECK(strcmp(name, "Kari Retta Nordmann") == 0);
    OK(smart_record_replaces(&s, fresh));
    CHECK(strcmp(s, first) == 0);
    OK(smart_register_find(&copy, reg, first));
    OK(smart_record_status(&status, copy));
    CHECK(status == SMART_RECORD_REVOKED);
    OK(smart_record_revoked_for_correction(&flag, copy));
    CHECK(flag == 1);
    OK(smart_record_replaced_by(&s, copy));
    OK(smart_record_serial(&serial, fresh));
    CHECK(strcmp(s, serial) == 0);
    smart_record_free(copy);
    EXPECT(smart_register_correct(&copy, reg, first, "again", cohort, evaluation, key, &o), SMART_ENOTALLOWED);
    CHECK(contains(smart_error_last()->message, serial));
    EXPECT(smart_register_correct(&copy, reg, serial, "", cohort, evaluation, key, &o), SMART_EINVAL);

    TEST("verifying the old one says revoked and names the replacement, in the core's words");
    OK(smart_record_credential_jws(&s, old));
    OK(smart_verify_credential(&v, s, trusted, 1, reg));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_REVOKED);
    OK(smart_verification_replaced_by(&s, v));
    CHECK(strcmp(s, serial) == 0);
    OK(smart_verification_text(&text, v, SMART_LANG_NN));
    CHECK(contains(text, "Trekt tilbake") && contains(text, "Erstatta av") && contains(text, serial));
    smart_string_free(text);
    smart_verification_free(v);
    smart_record_free(old);

    TEST("a bulk re-run issues the replacement after a revocation for correction, not after another");
    OK(smart_register_revoke_for_correction(&copy, reg, serial, "Feil kommune", "2025-05-03"));
    OK(smart_record_revoked_for_correction(&flag, copy));
    CHECK(flag == 1);
    smart_record_free(copy);
    OK(smart_register_revoke(&copy, reg, other, "Utstedt ved en feil", "2025-05-03"));
    OK(smart_record_revoked_for_correction(&flag, copy));
    CHECK(flag == 0);
    smart_record_free(copy);
    o.issued_on = "2025-05-04";
    OK(smart_register_issue_cohort(&report, reg, cohort, evaluation, key, &o));
    OK(smart_issue_report_outcome(&outcome, report, p01));
    CHECK(outcome == SMART_ISSUE_REISSUED);
    OK(smart_issue_report_outcome(&outcome, report, p02));
    CHECK(outcome == SMART_ISSUE_REVOKED);
    OK(smart_issue_report_count(&n, report, SMART_ISSUE_REISSUED));
    CHECK(n == 1);
    OK(smart_issue_outcome_name(&s, SMART_ISSUE_REISSUED));
    CHECK(strcmp(s, "reissued") == 0);
    OK(smart_issue_report_record(&copy, report, p01));
    OK(smart_record_replaces(&s, copy));
    CHECK(strcmp(s, serial) == 0);
    smart_record_free(copy);
    smart_issue_report_free(report);
    smart_record_free(fresh);

    smart_register_free(reg);
    smart_public_key_free(pub);
    smart_evaluation_free(evaluation);
    smart_cohort_free(cohort);
    unlink(path);
}

/* Public revocation: the issuer's status list, checked without the register. */
static void test_status_list(smart_signing_key *key) {
    smart_public_key *pub = NULL;
    smart_register *reg = NULL;
    smart_cohort *cohort = NULL;
    smart_evaluation *evaluation = NULL;
    smart_evaluate_options eo = SMART_EVALUATE_OPTIONS_INIT;
    smart_issue_options o = SMART_ISSUE_OPTIONS_INIT;
    smart_record *record = NULL, *revoked = NULL;
    smart_verification *v = NULL;
    smart_verdict verdict;
    const smart_public_key *trusted[1];
    const char *jws = NULL, *serial = NULL;
    char *json = NULL, *list = NULL, *text = NULL, reg_path[320], needle[80];
    const char *list_url = NULL;
    long long index = -2;
    smart_record *plain = NULL;
    smart_issue_options no_url = SMART_ISSUE_OPTIONS_INIT;
    int is_new = 0;

    TEST("a certificate of an issuer with a URL names its status list; the list says when it is revoked");
    eo.as_of = "2025-04-30";
    OK(smart_cohort_demo(&cohort));
    OK(smart_evaluate(&evaluation, cohort, &eo));
    OK(smart_signing_key_public(&pub, key));
    trusted[0] = pub;
    snprintf(reg_path, sizeof reg_path, "%s/status.jsonl", dir);
    OK(smart_register_open(&reg, reg_path));
    o.issuer_url = "https://kommune.no";
    OK(smart_register_issue(&record, &is_new, reg, cohort, evaluation, 0, key, &o));
    OK(smart_record_credential_json(&json, record));
    CHECK(contains(json, "\"type\": \"BitstringStatusListEntry\""));
    CHECK(contains(json, "\"statusListCredential\": \"https://kommune.no/status/revocation.jwt\""));
    /* the record's accessors give the same list and index as its credential */
    OK(smart_record_status_list(&list_url, record));
    CHECK(strcmp(list_url, "https://kommune.no/status/revocation.jwt") == 0);
    OK(smart_record_status_index(&index, record));
    CHECK(index >= 0 && index < 131072);
    snprintf(needle, sizeof needle, "\"statusListIndex\": \"%lld\"", index);
    CHECK(contains(json, needle));
    EXPECT(smart_record_status_index(NULL, record), SMART_EINVAL);
    EXPECT(smart_record_status_index(&index, NULL), SMART_EINVAL);
    EXPECT(smart_record_status_list(&list_url, NULL), SMART_EINVAL);
    CHECK(list_url == NULL);
    /* an issuer without a web address: no entry, "" and -1 */
    OK(smart_register_issue(&plain, &is_new, reg, cohort, evaluation, 1, key, &no_url));
    OK(smart_record_status_list(&list_url, plain));
    CHECK(list_url != NULL && list_url[0] == '\0');
    OK(smart_record_status_index(&index, plain));
    CHECK(index == -1);
    smart_record_free(plain);
    OK(smart_record_credential_jws(&jws, record));
    OK(smart_record_serial(&serial, record));
    OK(smart_status_list_credential(&list, reg, key, NULL, "https://kommune.no", NULL, "2025-05-01"));
    OK(smart_verify_credential_with_status_list(&v, jws, trusted, 1, NULL, list));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);
    smart_string_free(list);
    list = NULL;
    OK(smart_register_revoke(&revoked, reg, serial, "Utstedt ved en feil", "2025-05-02"));
    OK(smart_status_list_credential(&list, reg, key, NULL, "https://kommune.no", NULL, NULL));
    OK(smart_verify_credential_with_status_list(&v, jws, trusted, 1, NULL, list));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_REVOKED);
    OK(smart_verification_text(&text, v, SMART_LANG_NB));
    CHECK(contains(text, "Trukket tilbake"));
    smart_string_free(text);
    smart_verification_free(v);
    /* without a list: as before, valid without the register */
    OK(smart_verify_credential_with_status_list(&v, jws, trusted, 1, NULL, NULL));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_VALID);
    smart_verification_free(v);
    smart_string_free(list);
    list = NULL;

    TEST("a status list for another URL proves nothing: tampered");
    OK(smart_status_list_credential(&list, reg, key, NULL, "https://kommune.no", "https://kommune.no/other.jwt", NULL));
    OK(smart_verify_credential_with_status_list(&v, jws, trusted, 1, NULL, list));
    OK(smart_verification_status(&verdict, v));
    CHECK(verdict == SMART_VERIFY_TAMPERED);
    smart_verification_free(v);
    EXPECT(smart_status_list_credential(&text, reg, key, NULL, NULL, NULL, NULL), SMART_EINVAL);
    CHECK(text == NULL);
    EXPECT(smart_status_list_credential(&text, reg, key, NULL, "https://kommune.no", NULL, "2025-13-01"), SMART_EPARSE);
    EXPECT(smart_status_list_credential(&text, NULL, key, NULL, "https://kommune.no", NULL, NULL), SMART_EINVAL);

    smart_string_free(list);
    smart_string_free(json);
    smart_record_free(record);
    smart_record_free(revoked);
    smart_public_key_free(pub);
    smart_register_free(reg);
    smart_evaluation_free(evaluation);
    smart_cohort_free(cohort);
    unlink(reg_path);
}

static void test_verification_token(void) {
    char *token = NULL;
    TEST("the token of a certificate's page on a published site, from serial and code");
    OK(smart_verification_token(&token, "smart-abcd-0123-4567-89ab", "WXYZ-2345"));
    CHECK(token && strcmp(token, "ssbgckjoqomhmafoeacl4wmiw2") == 0);
    smart_string_free(token);
    EXPECT(smart_verification_token(&token, "not a serial", "WXYZ-2345"), SMART_EINVAL);
    CHECK(token == NULL);
    EXPECT(smart_verification_token(&token, NULL, "WXYZ-2345"), SMART_EINVAL);
}

int main(void) {
    smart_signing_key *key = NULL;
    make_dir();
    test_keys();
    test_verification_token();
    if (smart_signing_key_generate(&key) == SMART_OK) {
        test_dids(key);
        test_bulk_run(key);
        test_register_files_and_wrong_handles(key);
        test_correction(key);
        test_status_list(key);
    }
    smart_signing_key_free(key);
    remove_dir();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
