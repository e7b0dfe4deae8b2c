// Fuzzes smart::load_cohort (cohort documents, smart.cohort/1, with a programme by id or
// embedded): a loaded cohort must save and load again to an equal cohort with the same
// text, and is then evaluated, explained, counted and certified (fz::exercise).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::optional<smart::cohort> c;
    try {
        c.emplace(smart::load_cohort(fz::text(data, size)));
    } catch (const smart::error& e) {
        fz::check_error(e);
        return 0;
    }
    fz::cohort_round_trip(*c);
    fz::exercise(*c);
    return 0;
}
