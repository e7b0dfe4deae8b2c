// Programmes: a course design with aims, competence goals, a default schedule and the
// certificate rules. Rules are data: a programme defined in JSON needs no recompiling.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "smart/ratio.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

/// Kinds of submitted documentation. `between_session_work` (mellomarbeid) belongs to a
/// session with between-session work and names it (submission::session()).
enum class submission_kind : std::uint8_t {
    reflection,
    practice_blog,
    practice_document,
    final_text,
    portfolio,
    between_session_work
};
const char* to_string(submission_kind k) noexcept;
submission_kind parse_submission_kind(std::string_view s);  ///< throws invalid_argument

/// Categories of a final text (the seeds' four examples a–d, plus "other").
enum class final_category : std::uint8_t { none, method, results, problem, insight, other };
const char* to_string(final_category c) noexcept;            ///< "" for none
final_category parse_final_category(std::string_view s);    ///< throws invalid_argument

/// Roles at the festival.
enum class festival_role : std::uint8_t { none, exhibition, workshop, process_leader };
const char* to_string(festival_role r) noexcept;             ///< "" for none
festival_role parse_festival_role(std::string_view s);      ///< throws invalid_argument

/// 80 % attendance: attended * den >= num * counted_days, with weighted statuses.
struct attendance_rule {
    ratio min_ratio{4, 5};
    ratio weight_present{1};
    ratio weight_late{1};
    ratio weight_excused{0};
    /// Which session kinds have counted days. Default: gatherings only.
    std::vector<session_kind> counted_kinds{session_kind::gathering};
    friend bool operator==(const attendance_rule&, const attendance_rule&) = default;
};

/// A note (reflection note, practice blog, practice document) between each gathering.
struct interval_notes_rule {
    int per_interval = 1;
    std::vector<submission_kind> accepted_kinds{submission_kind::reflection, submission_kind::practice_blog,
                                                submission_kind::practice_document};
    /// Notes count only once approved.
    bool require_approval = false;
    /// The portfolio holding the notes must in addition be approved (year-long trainer
    /// programme): an approved `portfolio` submission dated on or before the portfolio's
    /// deadline. One dated later never counts (docs/rules.md).
    bool require_portfolio_approval = false;
    /// The portfolio's deadline; default: the cohort's last session day. Only with
    /// require_portfolio_approval.
    std::optional<date> portfolio_deadline;
    friend bool operator==(const interval_notes_rule&, const interval_notes_rule&) = default;
};

/// The final text (avsluttende tekst / oppsummering).
struct final_text_rule {
    std::optional<int> min_pages;
    std::optional<int> max_pages;
    /// When not empty, the text's category must be one of these.
    std::vector<final_category> categories;
    bool require_approval = false;
    /// Default: the programme's last day (the festival).
    std::optional<date> deadline;
    friend bool operator==(const final_text_rule&, const final_text_rule&) = default;
};

/// Participation in the festival, optionally in one of the listed roles.
struct festival_rule {
    std::vector<festival_role> roles;  ///< empty: any recorded presence counts
    friend bool operator==(const festival_rule&, const festival_rule&) = default;
};

enum class requirement_kind : std::uint8_t { attendance, interval_notes, final_text, festival };
const char* to_string(requirement_kind k) noexcept;
requirement_kind parse_requirement_kind(std::string_view s);  ///< throws invalid_argument

/// One certificate requirement. The variant's alternative is its kind.
struct requirement {
    std::string id;  ///< stable id, referred to by exemptions ("attendance", "notes", ...)
    localized_text label;
    std::variant<attendance_rule, interval_notes_rule, final_text_rule, festival_rule> rule;

    requirement_kind kind() const noexcept { return static_cast<requirement_kind>(rule.index()); }
    friend bool operator==(const requirement&, const requirement&) = default;
};

/// A competence goal (kompetansemål) with a stable id.
struct competence_goal {
    std::string id;
    localized_text text;
    friend bool operator==(const competence_goal&, const competence_goal&) = default;
};

/// A programme (course design).
struct programme {
    std::string id;
    localized_text name;
    localized_text provider;
    localized_text audience;
    localized_text description;
    localized_text focus_question;
    std::vector<localized_text> aims;
    std::vector<competence_goal> goals;
    std::vector<localized_text> knowledge_base;
    std::optional<int> seats;        ///< default capacity of a cohort
    std::vector<session> sessions;   ///< default schedule; empty for a template
    /// Ordered certificate requirements. Empty: the programme issues no certificate.
    std::vector<requirement> requirements;

    bool has_certificate() const noexcept { return !requirements.empty(); }
    /// The requirement with this id, or nullptr.
    const requirement* find_requirement(std::string_view id) const noexcept;
    friend bool operator==(const programme&, const programme&) = default;
};

/// Checks a programme: ids present and unique (goals, requirements, sessions), ratios in
/// range (0 < min_ratio <= 1), page ranges ordered, at most one requirement of each kind,
/// the schedule valid, and, when the programme has a schedule of its own (dated or a
/// template), that its rules can be met on it and not vacuously: a session of a counted
/// kind for attendance, 2 to limits::gatherings_with_notes gatherings for notes (and no
/// more notes needed than a participant may submit), a festival session for the festival
/// rule. Throws smart::error(validation_error) naming the JSON Pointer (relative to
/// `pointer`) of the first bad value.
void validate(const programme& p, const std::string& pointer = {});

}  // namespace smart
