// The rule engine: evaluates every participant of a cohort against the programme's
// certificate requirements as of a date, exactly as docs/rules.md (and domain.md) state.
// Bulk evaluation stores numbers only; explanations are rendered on demand.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/programme.hpp"
#include "smart/ratio.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

/// State of one requirement for one participant as of a date.
enum class requirement_state : std::uint8_t {
    met,      ///< fulfilled
    unmet,    ///< can no longer be fulfilled
    pending,  ///< not fulfilled yet, still possible
    exempt,   ///< waived by a recorded exemption
};
const char* to_string(requirement_state s) noexcept;
requirement_state parse_requirement_state(std::string_view s);

/// A participant's overall status.
enum class overall_status : std::uint8_t {
    eligible,        ///< every requirement met or exempt
    not_eligible,    ///< some requirement unmet
    in_progress,     ///< otherwise
    no_certificate,  ///< the programme has no certificate rules
    /// withdrawn on or before the as-of date (domain.md, "Withdrawal"); the requirement
    /// states are still evaluated and shown
    withdrawn,
};
const char* to_string(overall_status s) noexcept;
overall_status parse_overall_status(std::string_view s);

/// The numbers behind one requirement's state. Which fields mean something depends on
/// the requirement's kind; the others stay zero / not-a-date.
struct requirement_result {
    requirement_state state = requirement_state::pending;
    requirement_kind kind = requirement_kind::attendance;
    festival_role role = festival_role::none;  ///< festival: the recorded role
    bool portfolio_approved = false;           ///< notes: an approved portfolio exists
    /// notes / final text: documents that would count once approved (the rule requires
    /// approval and they are submitted, not yet approved)
    std::uint16_t awaiting_approval = 0;

    // attendance
    ratio attended;                    ///< weighted days attended, on or before as-of
    std::uint16_t counted_days = 0;    ///< counted days of the whole cohort
    std::uint16_t required_days = 0;   ///< full days needed: ceil(min_ratio * counted)
    std::uint16_t past_days = 0;       ///< counted days on or before as-of
    std::uint16_t remaining_days = 0;  ///< counted days after as-of
    std::uint16_t unrecorded_days = 0; ///< past counted days with no record (absent)

    // interval notes
    std::uint16_t intervals = 0;       ///< number of intervals between gatherings
    std::uint16_t intervals_met = 0;   ///< intervals with enough notes
    std::uint64_t missing_intervals = 0;  ///< bit i: interval i closed without enough notes
    std::uint64_t open_intervals = 0;     ///< bit i: interval i still open, not enough yet

    // final text / festival
    std::uint16_t pages = 0;  ///< final text: its page count (0 = not recorded)
    date on{boost::gregorian::not_a_date_time};        ///< final text date / festival day attended
    /// final text: its deadline; festival: the (first) festival day; notes under
    /// require_portfolio_approval: the portfolio's deadline
    date deadline{boost::gregorian::not_a_date_time};

    friend bool operator==(const requirement_result&, const requirement_result&) = default;
};

/// Something a person should look at; it does not change a state by itself.
enum class warning_kind : std::uint8_t {
    unrecorded_day,          ///< past counted days with no record: counted as absent
    note_outside_intervals,  ///< notes dated in no interval count for none
    pages_out_of_range,      ///< final texts outside the page range do not count
    late_final_text,         ///< final texts dated after the deadline do not count
    category_not_accepted,   ///< final texts whose category the programme does not accept
    festival_role_not_accepted,  ///< present at the festival in a role the rule does not list
    late_portfolio,          ///< approved portfolios dated after the portfolio's deadline do not count
};
const char* to_string(warning_kind k) noexcept;

/// One warning per participant and kind: repeated occurrences (unrecorded days, notes
/// outside the intervals, ...) are aggregated into `count`, so an evaluation holds at most
/// participants x warning kinds warnings whatever the schedule or the records.
struct warning {
    std::uint32_t participant = 0;  ///< position in the cohort
    warning_kind kind = warning_kind::unrecorded_day;
    date day;                       ///< the first (earliest) day or document date
    std::uint16_t pages = 0;        ///< pages_out_of_range: the page count of the earliest text
    std::uint32_t count = 1;        ///< how many days or documents the warning stands for
    friend bool operator==(const warning&, const warning&) = default;
};

/// One participant's overall outcome.
struct participant_result {
    overall_status status = overall_status::in_progress;
    /// in_progress and the attendance requirement has no slack left: every remaining
    /// counted day must be attended.
    bool at_risk = false;
    friend bool operator==(const participant_result&, const participant_result&) = default;
};

/// An interval between two consecutive gatherings: notes dated in (after, until] count.
struct interval {
    date after;  ///< last day of gathering i
    date until;  ///< first day of gathering i+1
    friend bool operator==(const interval&, const interval&) = default;
};

/// Counts by overall status.
struct status_counts {
    std::size_t eligible = 0, not_eligible = 0, in_progress = 0, no_certificate = 0, at_risk = 0;
    std::size_t withdrawn = 0;  ///< withdrawn as of the date, whatever their requirement states
    friend bool operator==(const status_counts&, const status_counts&) = default;
};

/// The result of evaluating a cohort as of a date. Self-contained: it keeps the cohort as
/// it was evaluated (a copy that shares the participants' records with the cohort,
/// copy-on-write: the cohort's next change copies them, never the evaluation), so it
/// explains itself and outlives the cohort; the participant order is the cohort's.
///
/// Thread safety: immutable once built; any member may be called concurrently.
class evaluation {
public:
    date as_of() const noexcept { return as_of_; }
    const smart::programme& programme() const noexcept { return *programme_; }
    const std::shared_ptr<const smart::programme>& programme_ptr() const noexcept { return programme_; }
    std::size_t size() const noexcept { return participants_.size(); }
    std::size_t requirement_count() const noexcept { return programme_->requirements.size(); }

    /// The cohort as it was evaluated: its schedule and every participant's record as they
    /// were then, whatever happened to the cohort since.
    const smart::cohort& cohort() const noexcept { return *cohort_; }
    const std::shared_ptr<const smart::cohort>& cohort_ptr() const noexcept { return cohort_; }
    /// The record of the participant at this position, as evaluated. Throws
    /// invalid_argument when out of range.
    const smart::participant& participant(std::size_t index) const;
    /// Position of the participant with this id; throws not_found (invalid_argument for an
    /// id no participant can have).
    std::size_t index_of(std::string_view participant_id) const { return cohort_->index_of(participant_id); }

    const participant_result& result(std::size_t participant) const { return participants_.at(participant); }
    /// The per-requirement results of one participant, in the programme's order.
    std::span<const requirement_result> requirements(std::size_t participant) const;
    /// All warnings, ordered by participant; at most one per participant and kind.
    const std::vector<warning>& warnings() const noexcept { return warnings_; }
    /// The warnings of one participant (at most one of each kind).
    std::span<const warning> warnings_of(std::size_t participant) const;
    status_counts counts() const noexcept;

    /// The intervals between gatherings (for the notes rule).
    const std::vector<interval>& intervals() const noexcept { return intervals_; }

    /// A sentence on one requirement's result, with its numbers, e.g.
    /// "Deltatt 7 av 8 dager (88 %), krever minst 7" / "Attended 7 of 8 days (88 %), at
    /// least 7 required"; an unmet one adds " – kan ikke lenger nås"; an exempt one names
    /// the exemption's reason and who granted it (from the record as evaluated).
    std::string explain(std::size_t participant, std::size_t requirement, lang l) const;
    /// One sentence per requirement not met or exempt (what is missing), in order.
    std::vector<std::string> missing(std::size_t participant, lang l) const;
    /// A sentence on a warning, with its count and first day when it stands for several:
    /// "Ingen registrering for 3 dager, den første 18.9.2024: regnes som fravær".
    std::string describe(const warning& w, lang l) const;

    /// True when `c` is the cohort this evaluation was made from, unchanged since.
    bool made_from(const smart::cohort& c) const noexcept {
        return c.stamp() == cohort_stamp_ && c.size() == size();
    }

    friend evaluation evaluate(const smart::cohort& c, date as_of);

private:
    std::shared_ptr<const smart::programme> programme_;
    std::shared_ptr<const smart::cohort> cohort_;
    std::uint64_t cohort_stamp_ = 0;
    date as_of_;
    std::vector<interval> intervals_;
    std::vector<participant_result> participants_;
    std::vector<requirement_result> results_;      ///< size() * requirement_count()
    std::vector<warning> warnings_;
    std::vector<std::uint32_t> warning_begin_;     ///< size() + 1 offsets into warnings_
};

/// The overall status as a person reads it, in `l`: "har rett" / "har ikkje rett" /
/// "in progress" / "uten bevis"... (the same words in C, Python and the CLI).
const char* label(overall_status s, lang l) noexcept;
/// A requirement's state as a person reads it: "oppfylt" / "ikkje oppfylt" / "pending"...
const char* label(requirement_state s, lang l) noexcept;
/// "i faresonen" / "i faresona" / "at risk".
const char* at_risk_label(lang l) noexcept;
/// The status with the at-risk note when `at_risk`: "pågår (i faresonen)".
std::string status_label(overall_status s, bool at_risk, lang l);

/// Evaluates every participant as of the end of `as_of`. O(participants × records).
/// Throws nothing for a validated cohort (only std::bad_alloc).
evaluation evaluate(const cohort& c, date as_of);

}  // namespace smart
