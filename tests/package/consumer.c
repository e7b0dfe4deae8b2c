/* A program outside the project that uses the installed C ABI: built once with CMake's
 * find_package(smart) and once with pkg-config (tests/package/run.sh). */
#include <smart/smart.h>
#include <stdio.h>

int main(void) {
    smart_cohort *cohort = NULL;
    smart_evaluation *evaluation = NULL;
    smart_evaluate_options options = SMART_EVALUATE_OPTIONS_INIT;
    size_t eligible = 0, participants = 0;
    char *why = NULL;
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
    smart_evaluation_free(evaluation);
    smart_cohort_free(cohort);
    return eligible == 24 && participants == 36 ? 0 : 1;
}
