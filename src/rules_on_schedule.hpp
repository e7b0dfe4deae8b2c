// Private to the core: whether a programme's certificate rules can be met on a schedule,
// and not vacuously (docs/rules.md, "Schedules the rules need"). Used by validate() for a
// programme's own schedule and by the cohort constructor for the cohort's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "smart/programme.hpp"

namespace smart::detail {

/// What is wrong, and where.
struct schedule_problem {
    std::size_t requirement = 0;  ///< index in programme::requirements
    std::string member;           ///< JSON Pointer below the requirement ("/counted_kinds", or "")
    bool schedule_size = false;   ///< the schedule is too large: point at the sessions
    std::string message;
};

/// The first problem of `p`'s rules on `sessions` (dated or a template: only the sessions'
/// kinds matter), or nullopt: an attendance rule needs a session of a counted kind; a notes
/// rule at least 2 and at most limits::gatherings_with_notes gatherings, and no more notes
/// (with the final text and portfolio) than limits::submissions; a festival rule a festival.
std::optional<schedule_problem> check_rules_on_schedule(const programme& p, const std::vector<session>& sessions);

}  // namespace smart::detail
