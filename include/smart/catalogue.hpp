// The built-in catalogue: the SMART programmes of the seeds and a fictional demo cohort,
// compiled into the library from the JSON files in examples/.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/programme.hpp"

namespace smart::catalogue {

/// Ids of the built-in programmes, in catalogue order.
std::vector<std::string> programme_ids();
/// The built-in programme with this id (parsed once, then shared). Throws not_found.
std::shared_ptr<const programme> get(std::string_view id);
/// The built-in programme document as JSON text. Throws not_found.
std::string_view programme_json(std::string_view id);

/// Id of the built-in demo cohort (SMART trenerutdanning 2024/2025, 36 fictional people).
inline constexpr std::string_view demo_cohort_id = "trener-2024-demo";
/// The demo cohort document as JSON text.
std::string_view demo_cohort_json();
/// The demo cohort, loaded.
cohort demo_cohort();

/// Id of the built-in demo cohort of the follow-up without a certificate (Trygge fagfolk –
/// lederstøtteprogram, 12 fictional leaders with between-session work; docs/follow-up.md).
inline constexpr std::string_view follow_up_demo_cohort_id = "trygge-fagfolk-demo";
/// Ids of every built-in demo cohort: demo_cohort_id, follow_up_demo_cohort_id.
std::vector<std::string> demo_cohort_ids();
/// The built-in demo cohort document with this id as JSON text. Throws not_found naming
/// the ids.
std::string_view demo_cohort_json(std::string_view id);
/// The built-in demo cohort with this id, loaded. Throws not_found naming the ids.
cohort demo_cohort(std::string_view id);

}  // namespace smart::catalogue
