/* A program outside the project that uses the installed C ABI: built once with CMake's
 * find_package(smart) and once with pkg-config (tests/package/run.sh). It evaluates the
 * demo cohort, issues its certificates into a register in a temporary folder, revokes one,
 * re-issues it and verifies credentials valid, revoked, replaced and tampered. */
#define _POSIX_C_SOURCE 200809L

#include <smart/smart.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failed(const char *what) {
    fprintf(stderr, "consumer: %s: %s\n", what, smart_error_last()->message);
    return 1;
}

/* The verdict on `jws`, or -1 when the call fails. */
static int verdict_of(const char *jws, const smart_public_key *key, const smart_register *reg) {
    const smart_public_key *trusted[1];
    smart_verification *v = NULL;
    smart_verdict verdict;
    int result;
    trusted[0] = key;
    if (smart_verify_credential(&v, jws, trusted, 1, reg) != SMART_OK) return -1;
    result = smart_verification_status(&verdict, v) == SMART_OK ? (int)verdict : -1;
    smart_verification_free(v);
    return result;
}

/* Issues the demo cohort, revokes p01's certificate, re-issues it, and checks every verdict. */
static int issue_and_verify(const smart_cohort *cohort, const smart_evaluation *evaluation) {
    char dir[] = "/tmp/smart-consumer-XXXXXX", path[64], *tampered = NULL;
    smart_signing_key *key = NULL;
    smart_public_key *pub = NULL;
    smart_register *reg = NULL;
    smart_issue_report *report = NULL;
    smart_record *first = NULL, *revoked = NULL, *second = NULL, *third = NULL;
    smart_issue_options options = SMART_ISSUE_OPTIONS_INIT;
    size_t issued = 0, p01 = 0;
    const char *serial = NULL, *jws1 = NULL, *jws2 = NULL, *serial2 = NULL;
    int ok = 0;
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/register.jsonl", dir);
    options.issuer_id = "urn:smart:issuer:consumer";
    options.issuer_name = "Eksempel kommune";
    if (smart_signing_key_generate(&key) != SMART_OK || smart_signing_key_public(&pub, key) != SMART_OK ||
        smart_register_open(&reg, path) != SMART_OK ||
        smart_register_issue_cohort(&report, reg, cohort, evaluation, key, &options) != SMART_OK ||
        smart_issue_report_count(&issued, report, SMART_ISSUE_ISSUED) != SMART_OK ||
        smart_evaluation_participant_index(&p01, evaluation, "p01") != SMART_OK ||
        smart_issue_report_record(&first, report, p01) != SMART_OK || smart_record_serial(&serial, first) != SMART_OK ||
        smart_record_credential_jws(&jws1, first) != SMART_OK) {
        ok = !failed("issuing");
        goto done;
    }
    printf("issued %lu certificates; p01: %s\n", (unsigned long)issued, serial);
    if (verdict_of(jws1, pub, reg) != SMART_VERIFY_VALID) goto done;
    tampered = malloc(strlen(jws1) + 1);
    if (!tampered) goto done;
    strcpy(tampered, jws1);
    tampered[strlen(tampered) / 2] ^= 1; /* one bit of the payload */
    if (verdict_of(tampered, pub, reg) != SMART_VERIFY_TAMPERED) goto done;
    if (smart_register_revoke(&revoked, reg, serial, "Utstedt ved en feil", "2025-05-02") != SMART_OK) {
        failed("revoking");
        goto done;
    }
    if (verdict_of(jws1, pub, reg) != SMART_VERIFY_REVOKED) goto done;
    options.issued_on = "2025-05-03";
    if (smart_register_reissue(&second, reg, serial, cohort, evaluation, key, &options) != SMART_OK ||
        smart_record_credential_jws(&jws2, second) != SMART_OK || smart_record_serial(&serial2, second) != SMART_OK ||
        verdict_of(jws2, pub, reg) != SMART_VERIFY_VALID) {
        failed("re-issuing");
        goto done;
    }
    /* a second correction replaces the valid re-issue */
    if (smart_register_reissue(&third, reg, serial2, cohort, evaluation, key, &options) != SMART_OK ||
        verdict_of(jws2, pub, reg) != SMART_VERIFY_REPLACED) {
        failed("replacing");
        goto done;
    }
    printf("revoked %s, re-issued as %s; verdicts valid, tampered, revoked, replaced as expected\n", serial, serial2);
    ok = issued == 24;
done:
    free(tampered);
    smart_record_free(third);
    smart_record_free(second);
    smart_record_free(revoked);
    smart_record_free(first);
    smart_issue_report_free(report);
    smart_register_free(reg);
    smart_public_key_free(pub);
    smart_signing_key_free(key);
    unlink(path);
    rmdir(dir);
    return ok ? 0 : 1;
}

int main(void) {
    smart_cohort *cohort = NULL;
    smart_evaluation *evaluation = NULL;
    smart_evaluate_options options = SMART_EVALUATE_OPTIONS_INIT;
    size_t eligible = 0, participants = 0;
    char *why = NULL;
    int status;
    if (smart_abi_version() != SMART_ABI_VERSION) {
        fprintf(stderr, "consumer: built for ABI %d, running with ABI %d\n", SMART_ABI_VERSION, smart_abi_version());
        return 1;
    }
    options.as_of = "2025-04-30";
    if (smart_cohort_demo(&cohort) != SMART_OK || smart_evaluate(&evaluation, cohort, &options) != SMART_OK ||
        smart_evaluation_participant_count(&participants, evaluation) != SMART_OK ||
        smart_evaluation_count(&eligible, evaluation, SMART_STATUS_ELIGIBLE) != SMART_OK ||
        smart_evaluation_explain(&why, evaluation, 6, 0, SMART_LANG_EN) != SMART_OK) {
        fprintf(stderr, "consumer: %s\n", smart_error_last()->message);
        return 1;
    }
    printf("smart %s (ABI %d): %lu of %lu eligible; p07: %s\n", smart_version_string(), smart_abi_version(),
           (unsigned long)eligible, (unsigned long)participants, why);
    smart_string_free(why);
    status = eligible == 24 && participants == 36 ? issue_and_verify(cohort, evaluation) : 1;
    smart_evaluation_free(evaluation);
    smart_cohort_free(cohort);
    return status;
}
