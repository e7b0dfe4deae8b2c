// Cohort statistics: the tables municipalities report, computed from evaluated cohorts.
// Counts are exact; rates are kept as counts with their denominators (ratios), rounded
// only when shown. Small groups can be suppressed (minimum cell size), and no suppressed
// cell can be recovered from the totals of the same table. Contact data never appears.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/evaluation.hpp"
#include "smart/ratio.hpp"

namespace smart {

/// What to group participants by.
enum class group_by : std::uint8_t { none, municipality, role, sector };
const char* to_string(group_by g) noexcept;
group_by parse_group_by(std::string_view s);  ///< throws invalid_argument

struct statistics_options {
    group_by by = group_by::none;
    /// Minimum cell size k: a group of fewer than k participants is suppressed, and
    /// further groups are suppressed until the suppressed ones together hold at least k
    /// people and are at least two, so totals do not reveal them. Unset: no suppression.
    std::optional<std::size_t> min_cell;
    /// Municipality numbers as recorded -> current numbers (user data, e.g. 0704 Tønsberg
    /// -> 3803 after 2020 -> 3905 after 2024: give each old number its final number).
    /// Checked by compute_statistics, the one place that judges it (see there).
    std::map<std::string, municipality> municipality_mapping;
};

/// Figures for one group of one cohort (or the whole cohort when `group` is empty).
/// Every share is of `enrolled`, exact, and unset when no one is enrolled (or suppressed).
struct group_figures {
    std::string cohort_id;
    std::string group;         ///< "" = the whole cohort; else the group's key
    std::string group_label;   ///< municipality name, role, sector name
    bool suppressed = false;   ///< every figure below is withheld (and zero here)
    /// The cohort is complete as of the date: no participant of it is in progress (every
    /// status decided, so its completion rate can no longer change with time); a cohort
    /// with no one enrolled is complete after its last session day. A property of the
    /// cohort: its group rows carry the same flag, suppressed or not (docs/statistics.md).
    bool complete = false;
    std::size_t enrolled = 0;
    std::optional<int> seats;  ///< whole cohort only
    std::optional<ratio> fill_share;  ///< enrolled of seats; unset without seats (or none)
    std::size_t eligible = 0, not_eligible = 0, in_progress = 0, no_certificate = 0, at_risk = 0;
    /// Withdrawn as of the date (domain.md, "Withdrawal"): counted apart from the statuses
    /// above, still enrolled (a withdrawn participant frees no seat).
    std::size_t withdrawn = 0;
    /// Shares of enrolled: eligible (the completion rate), not eligible, in progress, no
    /// certificate, at risk, withdrawn.
    std::optional<ratio> eligible_share, not_eligible_share, in_progress_share, no_certificate_share, at_risk_share,
        withdrawn_share;
    /// The completion rate without the withdrawn: eligible of (enrolled - withdrawn); unset
    /// when that is no one. Municipalities report it beside eligible_share.
    std::optional<ratio> completion_excluding_withdrawn;
    /// Participants' attendance ratios (weighted attended / counted days as of the date):
    /// their exact mean and median. Unset when there is no attendance rule or no one.
    std::optional<ratio> mean_attendance, median_attendance;
    /// Per requirement (programme order): how many are met, unmet, pending, exempt.
    std::vector<std::array<std::size_t, 4>> requirement_states;
    /// The same as shares of enrolled.
    std::vector<std::array<std::optional<ratio>, 4>> requirement_shares;
    /// The funnel, enrolled -> ... -> eligible: per requirement (programme order), how
    /// many (not withdrawn) have met (or are exempt from) it and every requirement before
    /// it. The last step is the eligible. Requirement states count the withdrawn too.
    std::vector<std::size_t> through;
    std::vector<std::optional<ratio>> through_shares;  ///< the funnel as shares of enrolled

    ratio fill_rate() const;        ///< enrolled / seats (0 when no seats)
    ratio completion_rate() const;  ///< eligible / enrolled (0 when no one)
};

/// Attendance on one counted day: people recorded present or late, of those enrolled.
struct day_figures {
    std::string cohort_id;
    date day;
    std::string session_id;
    std::size_t attended = 0;  ///< present or late
    std::size_t excused = 0;
    std::size_t absent = 0;     ///< absent or, for a past day, unrecorded
    std::size_t enrolled = 0;
    bool past = true;           ///< on or before the as-of date
    std::optional<ratio> attended_share;  ///< attended of enrolled; unset when no one
};

/// Certified (eligible) participants per municipality, by cohort and cumulative.
struct certified_row {
    std::string municipality_number;
    std::string municipality_name;
    std::vector<std::optional<std::size_t>> per_cohort;   ///< nullopt = suppressed
    std::vector<std::optional<std::size_t>> cumulative;   ///< nullopt = suppressed
};

/// One evaluated cohort, as input.
struct evaluated_cohort {
    const cohort* c = nullptr;
    const evaluation* e = nullptr;
};

struct statistics {
    statistics_options options;
    /// The cohorts in the order used for trends: by first session day, then id.
    std::vector<std::string> cohort_ids;
    std::vector<std::string> cohort_labels;
    std::vector<std::string> programme_ids;
    /// Per cohort: its first and last session day (unset for a cohort with no sessions).
    std::vector<std::optional<date>> first_days, last_days;
    /// Per cohort: requirement ids of its programme (the columns of requirement_states).
    std::vector<std::vector<std::string>> requirement_ids;
    /// Per cohort: its programme (for the requirements' names: requirement_label).
    std::vector<std::shared_ptr<const programme>> programmes;
    /// Per cohort: its sessions' ids and kinds in schedule order (for session_label).
    std::vector<std::vector<std::pair<std::string, session_kind>>> sessions;
    /// Whole-cohort rows (the trend table), in cohort order.
    std::vector<group_figures> cohorts;
    /// Group rows (when options.by != none), cohort by cohort, groups sorted by key.
    std::vector<group_figures> groups;
    /// Attendance per counted day (never suppressed: a day is not a group of people).
    std::vector<day_figures> days;
    /// Certified participants per municipality, in the cohort order above.
    std::vector<certified_row> certified;
};

/// Computes every table from evaluated cohorts (of one or several programmes).
///
/// Throws invalid_argument when an evaluation was not made from its cohort, when two
/// inputs are cohorts with the same id (at "/<index of the second>"), or min_cell is 0;
/// validation_error for a municipality mapping entry that is not a recorded number of
/// four digits (at "/<recorded>") mapped to a number of four digits ("/<recorded>/number")
/// and a name of one non-empty line of UTF-8 ("/<recorded>/name"; docs/statistics.md).
/// Thread safety: reads its inputs only; may run concurrently on the same inputs.
statistics compute_statistics(std::span<const evaluated_cohort> input, const statistics_options& options = {});

/// The short name of requirement `q` of the cohort at `cohort` (trend order) in `l`, for
/// headers and legends: rule_wording.hpp, short_label. Throws invalid_argument out of range.
std::string requirement_label(const statistics& s, std::size_t cohort, std::size_t q, lang l);
/// The name of a session of the cohort at `cohort` in `l`, for legends: its kind and place
/// among the sessions of that kind ("1. samling" / "1. samling" / "gathering 1"; "festival").
/// Throws invalid_argument for an index out of range or a session the cohort does not have.
std::string session_label(const statistics& s, std::size_t cohort, std::string_view session_id, lang l);

/// One row of a municipality mapping as a table or file gives it.
struct municipality_mapping_row {
    std::string recorded;  ///< the number as recorded
    municipality current;  ///< what it is now
};

/// The mapping of `rows` (a CSV file, a DataFrame): validation_error at "/<row>/recorded"
/// when a recorded number is given twice. The entries themselves are checked by
/// compute_statistics.
std::map<std::string, municipality> municipality_mapping_from_rows(std::span<const municipality_mapping_row> rows);

/// The mapping of a JSON object {"<recorded>": {"number": "...", "name": "..."}, ...}
/// (the C ABI's form): parse_error for malformed JSON, validation_error at the place of a
/// value that is not such an object (a member twice, one not text, one unknown). The
/// entries themselves are checked by compute_statistics.
std::map<std::string, municipality> municipality_mapping_from_json(std::string_view text);

/// The tables as a JSON document ("smart.statistics/1"): counts with denominators and
/// ratios as "n/d" strings; suppressed cells as {"suppressed": true}.
std::string statistics_to_json(const statistics& s);

}  // namespace smart
