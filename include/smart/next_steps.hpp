// Next steps (domain.md, "Next steps"; docs/next-steps.md): what one participant must still
// do, and by when, to become eligible, computed from an evaluation's result numbers. Steps
// are plain numbers, ids (requirement positions) and dates; words come on demand from
// describe(step, lang).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

}  // namespace smart
