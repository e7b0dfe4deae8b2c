// Realistic synthetic cohorts for benchmarks, notebooks and tests: several years,
// municipalities, roles, sectors and outcome patterns. Every person is fictional
// ("Syntetisk deltaker 00042"); the same seed always gives the same cohorts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "smart/cohort.hpp"

namespace smart::synthetic {

struct options {
    std::uint64_t seed = 2017;
    int first_year = 2017;          ///< autumn of the first cohort
    int years = 9;                  ///< one cohort per year
    std::size_t participants = 36;  ///< per cohort
    /// Share of participants, in percent, who drop out after a random gathering.
    int dropout_percent = 6;
};

/// One cohort per year of the built-in trainer programme's shape (four two-day
/// gatherings from September to March, the festival in April), dated for its year, with
/// capacity `participants`. Outcomes vary like real cohorts: most complete, some miss a
/// note, a day too many, the final text or the festival; a few drop out; an occasional
/// exemption. Cohort ids are "synthetic-<year>".
std::vector<cohort> cohort_series(const options& o = {});

}  // namespace smart::synthetic
