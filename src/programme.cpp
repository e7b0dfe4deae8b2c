#include "smart/programme.hpp"

#include <set>

#include "smart/detail/names.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/limits.hpp"
#include "rules_on_schedule.hpp"

namespace smart {

namespace {
constexpr std::array<const char*, 6> submission_kind_names{"reflection", "practice_blog", "practice_document",
                                                           "final_text", "portfolio", "between_session_work"};
constexpr std::array<const char*, 6> final_category_names{"", "method", "results", "problem", "insight", "other"};
constexpr std::array<const char*, 4> festival_role_names{"", "exhibition", "workshop", "process_leader"};
constexpr std::array<const char*, 4> requirement_kind_names{"attendance", "interval_notes", "final_text",
                                                            "festival"};
}  // namespace

const char* to_string(submission_kind k) noexcept { return detail::name_of(k, submission_kind_names); }
submission_kind parse_submission_kind(std::string_view s) {
    return detail::parse_name<submission_kind>(s, submission_kind_names, "submission kind");
}
const char* to_string(final_category c) noexcept { return detail::name_of(c, final_category_names); }
final_category parse_final_category(std::string_view s) {
    return detail::parse_name<final_category>(s, final_category_names, "final text category", 1);
}
const char* to_string(festival_role r) noexcept { return detail::name_of(r, festival_role_names); }
festival_role parse_festival_role(std::string_view s) {
    return detail::parse_name<festival_role>(s, festival_role_names, "festival role", 1);
}
const char* to_string(requirement_kind k) noexcept { return detail::name_of(k, requirement_kind_names); }
requirement_kind parse_requirement_kind(std::string_view s) {
    return detail::parse_name<requirement_kind>(s, requirement_kind_names, "requirement kind");
}

const requirement* programme::find_requirement(std::string_view rid) const noexcept {
    for (const auto& r : requirements)
        if (r.id == rid) return &r;
    return nullptr;
}

namespace detail {

std::optional<schedule_problem> check_rules_on_schedule(const programme& p, const std::vector<session>& sessions) {
    auto has_kind = [&](session_kind k) {
        for (const auto& s : sessions)
            if (s.kind == k) return true;
        return false;
    };
    std::size_t gatherings = 0;
    for (const auto& s : sessions) gatherings += s.kind == session_kind::gathering;
    bool final_text = false;
    for (const auto& r : p.requirements) final_text = final_text || r.kind() == requirement_kind::final_text;
    for (std::size_t i = 0; i < p.requirements.size(); ++i) {
        const requirement& r = p.requirements[i];
        const std::string name = "\"" + r.id + "\"";
        if (const auto* a = std::get_if<attendance_rule>(&r.rule)) {
            bool any = false;
            std::string kinds;
            for (auto k : a->counted_kinds) {
                any = any || has_kind(k);
                kinds += (kinds.empty() ? "\"" : ", \"") + std::string(to_string(k)) + "\"";
            }
            if (!any)
                return schedule_problem{i, "/counted_kinds", false,
                                        "the attendance requirement " + name + " counts the days of sessions of kind " +
                                            kinds + ", but the schedule has no such session: it would be met by " +
                                            "attending nothing"};
        } else if (const auto* n = std::get_if<interval_notes_rule>(&r.rule)) {
            if (gatherings > limits::gatherings_with_notes)
                return schedule_problem{i, "", true,
                                        "at most " + std::to_string(limits::gatherings_with_notes) + " gatherings (" +
                                            std::to_string(limits::gatherings_with_notes - 1) +
                                            " intervals) are supported with a notes requirement, the schedule has " +
                                            std::to_string(gatherings)};
            if (gatherings < 2)
                return schedule_problem{i, "", false,
                                        "the notes requirement " + name +
                                            " asks for notes between gatherings, but the schedule has " +
                                            std::to_string(gatherings) + (gatherings == 1 ? " gathering" : " gatherings") +
                                            ": expected at least 2 gatherings"};
            const std::size_t needed = static_cast<std::size_t>(n->per_interval) * (gatherings - 1) +
                                       (n->require_portfolio_approval ? 1 : 0) + (final_text ? 1 : 0);
            if (needed > limits::submissions)
                return schedule_problem{i, "/per_interval", false,
                                        "the notes requirement " + name + " needs " + std::to_string(needed) +
                                            " submissions on this schedule (with the final text and portfolio), " +
                                            "more than the " + std::to_string(limits::submissions) +
                                            " a participant may have"};
        } else if (std::holds_alternative<festival_rule>(r.rule)) {
            if (!has_kind(session_kind::festival))
                return schedule_problem{i, "", false,
                                        "the programme requires festival participation (requirement " + name +
                                            "): expected a session of kind \"festival\""};
        }
    }
    return std::nullopt;
}

}  // namespace detail

namespace {

using detail::check_text;
using detail::pointer_append;
using detail::text_kind;

[[noreturn]] void invalid(const std::string& message, const std::string& at) {
    throw error(errc::validation_error, message, at);
}

void check_weight(const ratio& w, const std::string& at) {
    if (w > ratio(1)) invalid("expected a weight between 0 and 1, got " + w.to_string(), at);
}

// Names and labels are one line; what describes is free text (docs/format.md, "Text").
void validate_texts(const programme& p, const std::string& pointer) {
    detail::check_identifier(p.id, "programme", pointer + "/id");
    check_text(p.name, "programme name", pointer + "/name");
    if (p.name.nb.empty()) invalid("expected a bokmål name (\"nb\")", pointer + "/name");
    check_text(p.provider, "provider", pointer + "/provider");
    check_text(p.audience, "audience", pointer + "/audience", text_kind::multiline);
    check_text(p.description, "description", pointer + "/description", text_kind::multiline);
    check_text(p.focus_question, "focus question", pointer + "/focus_question", text_kind::multiline);
    for (std::size_t i = 0; i < p.aims.size(); ++i)
        check_text(p.aims[i], "aim", pointer_append(pointer + "/aims", i), text_kind::multiline);
    for (std::size_t i = 0; i < p.knowledge_base.size(); ++i)
        check_text(p.knowledge_base[i], "knowledge base entry", pointer_append(pointer + "/knowledge_base", i),
                   text_kind::multiline);
}

void validate_goals(const programme& p, const std::string& pointer) {
    std::set<std::string_view> goal_ids;
    for (std::size_t i = 0; i < p.goals.size(); ++i) {
        const std::string at = pointer_append(pointer + "/competence_goals", i);
        detail::check_identifier(p.goals[i].id, "competence goal", at + "/id");
        if (!goal_ids.insert(p.goals[i].id).second) invalid("duplicate competence goal id \"" + p.goals[i].id + "\"", at + "/id");
        check_text(p.goals[i].text, "competence goal", at + "/text", text_kind::multiline);
        if (p.goals[i].text.nb.empty()) invalid("expected the goal's text in bokmål (\"nb\")", at + "/text");
    }
}

void validate_rule(const attendance_rule& a, const std::string& at) {
    if (a.min_ratio == ratio(0) || a.min_ratio > ratio(1))
        invalid("expected min_ratio above 0 and at most 1, got " + a.min_ratio.to_string(), at + "/min_ratio");
    check_weight(a.weight_present, at + "/weights/present");
    check_weight(a.weight_late, at + "/weights/late");
    check_weight(a.weight_excused, at + "/weights/excused");
    if (a.weight_present == ratio(0)) invalid("the weight of a present day must be above 0", at + "/weights/present");
    if (a.counted_kinds.empty()) invalid("expected at least one counted session kind", at + "/counted_kinds");
}

void validate_rule(const interval_notes_rule& n, const std::string& at) {
    if (n.per_interval < 1 || n.per_interval > 1000) invalid("expected per_interval between 1 and 1000", at + "/per_interval");
    if (n.accepted_kinds.empty()) invalid("expected at least one accepted submission kind", at + "/accepted_kinds");
    if (n.portfolio_deadline && n.portfolio_deadline->is_special()) invalid("expected a date", at + "/portfolio_deadline");
    if (n.portfolio_deadline && !n.require_portfolio_approval)
        invalid("a portfolio_deadline needs \"require_portfolio_approval\": true", at + "/portfolio_deadline");
}

void validate_rule(const final_text_rule& f, const std::string& at) {
    if (f.min_pages && (*f.min_pages < 1 || *f.min_pages > 10000))
        invalid("expected a minimum page count between 1 and 10000", at + "/pages/min");
    if (f.max_pages && (*f.max_pages < 1 || *f.max_pages > 10000))
        invalid("expected a maximum page count between 1 and 10000", at + "/pages/max");
    if (f.min_pages && f.max_pages && *f.min_pages > *f.max_pages)
        invalid("the minimum page count is above the maximum", at + "/pages");
    for (std::size_t c = 0; c < f.categories.size(); ++c)
        if (f.categories[c] == final_category::none) invalid("expected a category", pointer_append(at + "/categories", c));
    if (f.deadline && f.deadline->is_special()) invalid("expected a date", at + "/deadline");
}

void validate_rule(const festival_rule& fe, const std::string& at) {
    for (std::size_t k = 0; k < fe.roles.size(); ++k)
        if (fe.roles[k] == festival_role::none) invalid("expected a festival role", pointer_append(at + "/roles", k));
}

void validate_requirements(const programme& p, const std::string& reqs) {
    std::set<std::string_view> req_ids;
    std::set<requirement_kind> kinds;
    for (std::size_t i = 0; i < p.requirements.size(); ++i) {
        const requirement& r = p.requirements[i];
        const std::string at = pointer_append(reqs, i);
        detail::check_identifier(r.id, "requirement", at + "/id");
        check_text(r.label, "requirement label", at + "/label");
        if (!req_ids.insert(r.id).second) invalid("duplicate requirement id \"" + r.id + "\"", at + "/id");
        if (!kinds.insert(r.kind()).second)
            invalid(std::string("a programme has at most one requirement of kind \"") + to_string(r.kind()) + "\"",
                    at + "/kind");
        std::visit([&](const auto& rule) { validate_rule(rule, at); }, r.rule);
    }
}

}  // namespace

void validate(const programme& p, const std::string& pointer) {
    validate_texts(p, pointer);
    if (p.seats && *p.seats < 1) invalid("expected at least 1 seat", pointer + "/seats");
    validate_goals(p, pointer);
    validate_sessions(p.sessions, pointer + "/sessions", true);
    const std::string reqs = pointer + "/certificate/requirements";
    validate_requirements(p, reqs);
    // A programme with a schedule of its own (dated, or a template of session kinds): its
    // rules must be meetable on it, and not vacuously. Without one each cohort is checked.
    if (!p.sessions.empty())
        if (const auto problem = detail::check_rules_on_schedule(p, p.sessions))
            invalid(problem->message,
                    problem->schedule_size ? pointer + "/sessions" : pointer_append(reqs, problem->requirement) + problem->member);
}

}  // namespace smart
