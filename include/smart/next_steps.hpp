// Next steps (domain.md, "Next steps"; docs/next-steps.md): what one participant must still
// do, and by when, to become eligible, computed from an evaluation's result numbers. Steps
// are plain numbers, ids (requirement positions) and dates; words come on demand from
// describe(step, lang).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "smart/calendar.hpp"
#include "smart/evaluation.hpp"

namespace smart {

/// What a step asks for.
enum class step_kind : std::uint8_t {
    attend,              ///< be present on counted days
    note,                ///< submit note(s) in one interval between gatherings
    portfolio_approval,  ///< have the portfolio approved
    final_text,          ///< submit (and where required, have approved) the final text
    festival,            ///< be present at the festival (in an accepted role)
};
const char* to_string(step_kind k) noexcept;

/// One action. Which fields mean something depends on `kind`; the others stay zero.
///
/// `must` steps must all be done. A step that is not `must` is an option: `needed` of its
/// `of` days (attend: any `needed` of the remaining counted days in [start, end];
/// festival: any one of its remaining days) — the days themselves are options.
struct next_step {
    step_kind kind = step_kind::attend;
    bool must = true;
    std::uint16_t requirement = 0;  ///< position in programme().requirements
    /// The window: the step counts when done (attended, or a document dated) on a day in
    /// [start, end]; never before the day after the as-of date. end is the deadline.
    date start{boost::gregorian::not_a_date_time};
    date end{boost::gregorian::not_a_date_time};
    /// attend: counted days to attend (with a status of the highest weight, present by
    /// default); note: notes still needed in the interval; festival: 1; others: 1.
    std::uint16_t needed = 1;
    /// attend / festival: the days to choose from in [start, end] (needed == of: all);
    /// note: the notes the rule asks per interval; others: 1.
    std::uint16_t of = 1;
    std::uint16_t interval = 0;      ///< note: 0-based interval between gatherings
    std::uint8_t kinds = 0;          ///< note: accepted submission_kind bits; final_text: accepted final_category bits (0: any)
    std::uint8_t roles = 0;          ///< festival: accepted festival_role bits (0: any)
    bool approval = false;           ///< note / final_text: counts only once approved
    std::uint16_t min_pages = 0;     ///< final_text: 0 = no lower bound
    std::uint16_t max_pages = 0;     ///< final_text: 0 = no upper bound
    /// note / final_text / portfolio: documents already submitted that would count once
    /// approved (the requirement's awaiting_approval number)
    std::uint16_t awaiting_approval = 0;

    friend bool operator==(const next_step&, const next_step&) = default;
};

/// Why a requirement can no longer be met (for not_eligible): an exemption for
/// programme().requirements[requirement].id would be needed.
struct blocked_requirement {
    std::uint16_t requirement = 0;
    requirement_kind kind = requirement_kind::attendance;
    /// attendance: the most weighted days still reachable is below required_days;
    /// notes: these intervals closed short (bits as missing_intervals), or
    /// portfolio_missing; final text / festival: the deadline / festival passed.
    std::uint64_t missing_intervals = 0;
    bool portfolio_missing = false;
    std::uint16_t required_days = 0;  ///< attendance
    std::uint16_t reachable_days = 0; ///< attendance: whole weighted days still reachable (floor)
    date closed{boost::gregorian::not_a_date_time};  ///< the day the requirement could no longer be met (final text deadline, festival day, last missing interval's end)
    friend bool operator==(const blocked_requirement&, const blocked_requirement&) = default;
};

/// One participant's next steps as of the evaluation's date.
///
/// eligible, withdrawn, no_certificate: no steps, nothing blocked. in_progress: the steps of
/// every pending requirement. not_eligible: `blocked` names the requirements that can no
/// longer be met; `steps` still lists the steps of the pending ones (what would remain with
/// exemptions for the blocked ones).
struct next_steps {
    std::uint32_t participant = 0;
    overall_status status = overall_status::in_progress;
    bool at_risk = false;
    std::vector<next_step> steps;  ///< by requirement order; attend days by date
    std::vector<blocked_requirement> blocked;
    /// The earliest day as of which the participant could be eligible (doing every step as
    /// early as its window allows); not-a-date unless in_progress.
    date earliest_eligible{boost::gregorian::not_a_date_time};
    /// The earliest `end` of the steps (for an attend option: its last day); not-a-date when
    /// there are no steps.
    date next_deadline{boost::gregorian::not_a_date_time};
    friend bool operator==(const next_steps&, const next_steps&) = default;
};

/// Computes next steps for many participants of one evaluation: the programme's rules and
/// the schedule are compiled once. Immutable once built; callable concurrently. Keeps a
/// pointer to the evaluation, which must outlive it.
class step_planner {
public:
    explicit step_planner(const evaluation& e);
    /// Fills `out` (its vectors are reused: no allocation once they have grown).
    /// Throws invalid_argument for an index out of range.
    void plan(std::size_t participant, next_steps& out) const;
    next_steps plan(std::size_t participant) const {
        next_steps out;
        plan(participant, out);
        return out;
    }
    const evaluation& source() const noexcept { return *e_; }
    /// The first counted day (attendance) after the as-of date; not-a-date when none.
    date next_counted_day() const noexcept {
        return remaining_counted_.empty() ? date(boost::gregorian::not_a_date_time) : remaining_counted_.front();
    }

private:
    const evaluation* e_;
    std::vector<date> remaining_counted_;   // counted days after as-of
    std::vector<date> remaining_festival_;  // festival days after as-of
    std::int64_t w_best_ = 1, wden_ = 1, min_num_ = 4, min_den_ = 5;
    std::uint8_t note_kinds_ = 0, categories_ = 0, roles_ = 0;
    std::uint16_t per_interval_ = 1, min_pages_ = 0, max_pages_ = 0;
    bool notes_approval_ = false, portfolio_ = false, text_approval_ = false;
    date portfolio_deadline_, text_deadline_;
};

/// One participant's next steps (a step_planner for one call).
next_steps next_steps_of(const evaluation& e, std::size_t participant);

/// One line for an e-mail or SMS, in `l`, with the dates: "Lever 1 refleksjonsnotat eller
/// praksisblogg datert 20.9.2024–13.11.2024" / "Submit 1 reflection note or practice blog
/// dated 20 September 2024 – 13 November 2024".
std::string describe(const next_step& s, lang l);
/// "Kan ikke lenger oppfylle: oppmøte (krever fritak)" ... for a blocked requirement; the
/// requirement's id names the exemption needed.
std::string describe(const blocked_requirement& b, const programme& p, lang l);
/// The same, naming the intervals a notes requirement missed with their dates: "notat
/// mangler for perioden 19.9.2024–13.11.2024" / "a note is missing for the interval 19
/// September 2024 – 13 November 2024" (several: "periodene ... og ..."). The intervals are
/// the evaluation's (e.intervals()).
std::string describe(const blocked_requirement& b, const evaluation& e, lang l);
/// The same with the intervals given (an evaluation's intervals(), kept without it).
std::string describe(const blocked_requirement& b, const programme& p, const std::vector<interval>& intervals, lang l);

}  // namespace smart

namespace smart {

/// The day a step falls due, for a coordinator: an attend day or the first day of an
/// attend option (the next counted day: missing it uses slack) and the first festival day
/// are due on their `start`; documents and approvals on their deadline (`end`).
date due_on(const next_step& s) noexcept;

/// A step of one participant on the coordinator's list.
struct due_step {
    std::uint32_t cohort = 0;       ///< position in the evaluations given
    std::uint32_t participant = 0;  ///< position in that evaluation
    date due;                       ///< due_on(step)
    next_step step;
    friend bool operator==(const due_step&, const due_step&) = default;
};

/// Participants who share one action (same kind, requirement, window and numbers): "7
/// people have no note yet for the interval closing 13 Nov".
struct action_group {
    std::uint32_t cohort = 0;
    date due;
    next_step step;  ///< the action (awaiting_approval: the sum over the group)
    std::vector<std::uint32_t> participants;
    friend bool operator==(const action_group&, const action_group&) = default;
};

/// At-risk participants of one cohort before its next counted day (every remaining
/// counted day is a must step for them).
struct at_risk_list {
    std::uint32_t cohort = 0;
    date next_day{boost::gregorian::not_a_date_time};  ///< the next counted day after as-of
    std::vector<std::uint32_t> participants;
    friend bool operator==(const at_risk_list&, const at_risk_list&) = default;
};

/// The coordinator's follow-up list (docs/next-steps.md, "The coordinator's list").
struct coordinator_list {
    int within_days = 0;
    /// Every step with as_of < due <= as_of + within_days (each cohort's own as-of), sorted
    /// by due date, then cohort, participant and the step's order.
    std::vector<due_step> steps;
    /// The same steps grouped by action, sorted by due date, then cohort and action.
    std::vector<action_group> by_action;
    std::vector<at_risk_list> at_risk;  ///< one per cohort with at-risk participants
    /// The steps in participant order (cohort, participant, then due date): positions in
    /// `steps`.
    std::vector<std::uint32_t> by_participant() const;
};

/// The coordinator's list over one or several evaluations. within_days >= 0, else throws
/// invalid_argument.
coordinator_list coordinator_list_of(std::span<const evaluation* const> evaluations, int within_days);
coordinator_list coordinator_list_of(const evaluation& e, int within_days);

/// "7 deltakere: Lever 1 notat (...) datert 14.11.2024–15.1.2025" / "7 participants: ...".
std::string describe(const action_group& g, lang l);

/// The format name of next-steps documents.
inline constexpr std::string_view next_steps_format = "smart.next_steps/1";

/// What next_steps_to_json writes.
struct next_steps_options {
    /// Only this participant (by id; throws not_found when unknown); "" = everyone.
    std::string participant;
    /// When set, the coordinator's list of steps due within this many days is added.
    std::optional<int> within_days;
};

/// A smart.next_steps/1 document (schema/next_steps.schema.json): per participant the
/// status, steps (numbers, due date and the line in nb/nn/en), blocked requirements, the
/// earliest eligibility date and the next deadline; with within_days, the coordinator's list.
std::string next_steps_to_json(const evaluation& e, const next_steps_options& o = {});

/// The participants' next steps as iCalendar entries (calendar.hpp's writer): one all-day
/// event per step on its due day (due_on), summary "Frist:" / "Deadline:" ... with the
/// step's line in `l`, description with its window, an alarm two days before. UIDs from
/// programme, cohort, participant, step kind, requirement id and interval or day position
/// (never from dates' text or names), so a new export updates the same entries.
/// A participant with a withdrawal recorded for a later date gets no entry due after it.
/// `participant` "" = everyone; throws not_found for an unknown id. `within_days`: only the
/// steps due within that many days (as_of < due <= as_of + within_days, as the
/// coordinator's list); throws invalid_argument when negative.
std::vector<calendar_event> next_steps_events(const evaluation& e, std::string_view participant_id, lang l,
                                              std::optional<int> within_days = std::nullopt);

}  // namespace smart
