// Human explanations of evaluation results, in bokmål, nynorsk and English: one function
// per requirement kind and one for warnings. Rendered on demand: bulk evaluation stores
// numbers only. The words shared with the rule descriptions are in src/wording.hpp.
#include <algorithm>
#include <string>
#include <vector>

#include "smart/error.hpp"
#include "smart/evaluation.hpp"
#include "smart/rule_wording.hpp"
#include "wording.hpp"

namespace smart {

using detail::amount;
using detail::day_text;
using detail::days_word;
using detail::t;

namespace {

std::string interval_text(const interval& iv, lang l) {
    return day_text(iv.after + boost::gregorian::days(1), l) + "–" + day_text(iv.until, l);
}

std::string interval_list(std::uint64_t mask, const std::vector<interval>& ivs, lang l) {
    std::string out;
    for (std::size_t i = 0; i < ivs.size() && i < 64; ++i) {
        if (!(mask & (std::uint64_t{1} << i))) continue;
        if (!out.empty()) out += ", ";
        out += interval_text(ivs[i], l);
    }
    return out;
}

/// "Fritatt: <reason> (innvilget av <who>)".
std::string explain_exempt(const participant& p, const std::string& requirement_id, lang l) {
    std::string s = t(l, "Fritatt", "Fritak", "Exempt");
    for (const auto& x : p.exemptions)
        if (x.requirement == requirement_id)
            s += ": " + x.reason + t(l, " (innvilget av ", " (innvilga av ", " (granted by ") + x.granted_by + ")";
    return s;
}

std::string explain_pending_attendance(const requirement_result& r, bool at_risk, lang l) {
    std::string s = std::string(t(l, "Deltatt ", "Delteke ", "Attended ")) + amount(r.attended) + t(l, " av ", " av ", " of ") +
                    days_word(r.past_days, l) + t(l, " så langt; ", " så langt; ", " so far; ") +
                    std::to_string(r.remaining_days) + " " +
                    (r.remaining_days == 1 ? t(l, "dag gjenstår", "dag att", "day remains")
                                           : t(l, "dager gjenstår", "dagar att", "days remain")) +
                    t(l, ", krever minst ", ", krev minst ", ", at least ") + std::to_string(r.required_days) +
                    t(l, " av ", " av ", " of ") + std::to_string(r.counted_days) + t(l, "", "", " required");
    if (at_risk)
        s += t(l, " – må delta på alle gjenstående dager", " – må delta på alle dagane som er att",
               " – must attend every remaining day");
    return s;
}

/// "Deltatt 7 av 8 dager (88 %), krever minst 7" (+ " – kan ikke lenger nås" when unmet).
std::string explain_attendance(const requirement_result& r, bool at_risk, lang l) {
    if (r.state == requirement_state::pending) return explain_pending_attendance(r, at_risk, l);
    const std::string pct =
        r.counted_days ? " (" + std::to_string(ratio(r.attended.num(), r.attended.den() * r.counted_days).percent()) + " %)"
                       : std::string();
    std::string s = std::string(t(l, "Deltatt ", "Delteke ", "Attended ")) + amount(r.attended) + t(l, " av ", " av ", " of ") +
                    days_word(r.counted_days, l) + pct + t(l, ", krever minst ", ", krev minst ", ", at least ") +
                    std::to_string(r.required_days) + t(l, "", "", " required");
    if (r.state == requirement_state::unmet)
        s += t(l, " – kan ikke lenger nås", " – kan ikkje lenger nåast", " – can no longer be reached");
    return s;
}

/// How many intervals have notes, which are missing or still open.
std::string notes_counted(const requirement_result& r, const std::vector<interval>& ivs, lang l) {
    if (r.intervals == 0)
        return t(l, "Ingen mellomperioder (bare én samling)", "Ingen mellomperiodar (berre éi samling)",
                 "No periods between gatherings (a single gathering)");
    if (r.intervals_met == r.intervals)
        return std::string(t(l, "Notat levert for alle ", "Notat levert for alle ", "Notes submitted for all ")) +
               std::to_string(r.intervals) + t(l, " mellomperioder", " mellomperiodane", " periods between gatherings");
    std::string s = std::string(t(l, "Notat levert for ", "Notat levert for ", "Notes submitted for ")) +
                    std::to_string(r.intervals_met) + t(l, " av ", " av ", " of ") + std::to_string(r.intervals) +
                    t(l, " mellomperioder", " mellomperiodar", " periods between gatherings");
    if (r.missing_intervals)
        s += t(l, "; mangler for ", "; manglar for ", "; missing for ") + interval_list(r.missing_intervals, ivs, l);
    if (r.open_intervals)
        s += t(l, "; ennå åpen: ", "; enno open: ", "; still open: ") + interval_list(r.open_intervals, ivs, l);
    return s;
}

std::string explain_notes(const requirement_result& r, const interval_notes_rule& rule, const std::vector<interval>& ivs,
                          lang l) {
    std::string s = notes_counted(r, ivs, l);
    if (r.awaiting_approval && r.state != requirement_state::met)
        s += "; " + std::to_string(r.awaiting_approval) +
             (r.awaiting_approval == 1
                  ? t(l, " notat venter på godkjenning", " notat ventar på godkjenning", " note awaits approval")
                  : t(l, " notater venter på godkjenning", " notat ventar på godkjenning", " notes await approval"));
    if (rule.per_interval > 1)
        s += std::string(t(l, " (krever ", " (krev ", " (")) + std::to_string(rule.per_interval) +
             t(l, " per periode)", " per periode)", " required per period)");
    if (rule.require_portfolio_approval)
        s += r.portfolio_approved
                 ? t(l, "; arbeidsmappen er godkjent", "; arbeidsmappa er godkjend", "; the portfolio is approved")
                 : std::string(t(l, "; arbeidsmappen er ikke godkjent (frist ", "; arbeidsmappa er ikkje godkjend (frist ",
                                 "; the portfolio is not approved (deadline ")) +
                       day_text(r.deadline, l) + ")";
    return s;
}

/// Why each final text dated on or before the as-of date did not count, in the order of the
/// rules (evaluation.cpp, eval_final_text): rejected, late, category, pages. Texts awaiting
/// approval are not listed (the explanation says so apart).
std::vector<std::string> final_text_reasons(const participant& p, const final_text_rule& rule, date deadline, date as_of,
                                            lang l) {
    std::vector<std::string> out;
    for (const submission& s : p.submissions) {
        if (s.kind != submission_kind::final_text || s.on > as_of) continue;
        const std::string on = std::string(t(l, "levert ", "levert ", "submitted ")) + day_text(s.on, l);
        if (s.status == submission_status::rejected) {
            out.push_back(on + t(l, ", avvist", ", avvist", ", rejected"));
        } else if (!deadline.is_special() && s.on > deadline) {
            out.push_back(on + t(l, ", etter fristen", ", etter fristen", ", after the deadline"));
        } else if (!rule.categories.empty() && s.category != final_category::none &&
                   std::find(rule.categories.begin(), rule.categories.end(), s.category) == rule.categories.end()) {
            out.push_back(on + t(l, " i kategorien ", " i kategorien ", " in the category ") + label(s.category, l) +
                          t(l, ", som ikke godkjennes", ", som ikkje vert godkjend", ", which is not accepted"));
        } else if (s.pages && ((rule.min_pages && *s.pages < *rule.min_pages) || (rule.max_pages && *s.pages > *rule.max_pages))) {
            out.push_back(on + t(l, " med ", " med ", " with ") + detail::pages_word(*s.pages, l) +
                          t(l, ", utenfor ", ", utanfor ", ", outside ") + detail::pages_range(rule, l) +
                          t(l, " sider", " sider", " pages"));
        }
    }
    return out;
}

/// The final text's explanation; when texts were submitted that do not count, which rule
/// each failed (rejected, late, category not accepted, pages outside the range).
std::string explain_final_text(const requirement_result& r, const final_text_rule& rule, const participant& p,
                               date as_of, lang l) {
    if (r.state == requirement_state::met) {
        std::string s = std::string(t(l, "Avsluttende tekst levert ", "Avsluttande tekst levert ", "Final text submitted ")) +
                        day_text(r.on, l);
        if (r.pages) s += " (" + detail::pages_word(r.pages, l) + ")";
        return s;
    }
    const std::vector<std::string> reasons = final_text_reasons(p, rule, r.deadline, as_of, l);
    std::string s;
    if (!reasons.empty())
        s = r.state == requirement_state::unmet
                ? t(l, "Ingen avsluttende tekst som teller (frist ", "Inga avsluttande tekst som tel (frist ",
                    "No final text that counts (deadline ")
                : t(l, "Ingen avsluttende tekst som teller ennå (frist ", "Inga avsluttande tekst som tel enno (frist ",
                    "No final text that counts yet (deadline ");
    else if (r.awaiting_approval)
        s = r.state == requirement_state::unmet
                ? t(l, "Avsluttende tekst ikke godkjent (frist ", "Avsluttande tekst ikkje godkjend (frist ",
                    "Final text not approved (deadline ")
                : t(l, "Avsluttende tekst ikke godkjent ennå (frist ", "Avsluttande tekst ikkje godkjend enno (frist ",
                    "Final text not approved yet (deadline ");
    else
        s = r.state == requirement_state::unmet
                ? t(l, "Avsluttende tekst mangler (frist ", "Avsluttande tekst manglar (frist ",
                    "Final text missing (deadline ")
                : t(l, "Avsluttende tekst ikke levert ennå (frist ", "Avsluttande tekst ikkje levert enno (frist ",
                    "Final text not submitted yet (deadline ");
    s += day_text(r.deadline, l) + ")";
    for (std::size_t i = 0; i < reasons.size(); ++i) s += (i ? "; " : ": ") + reasons[i];
    const std::string range = detail::pages_range(rule, l);
    if (!range.empty()) s += t(l, ", krever ", ", krev ", ", ") + range + t(l, " sider", " sider", " pages required");
    if (r.awaiting_approval)
        s += t(l, "; levert, venter på godkjenning", "; levert, ventar på godkjenning", "; submitted, awaiting approval");
    return s;
}

std::string explain_festival(const requirement_result& r, const festival_rule& rule, lang l) {
    if (r.state == requirement_state::met) {
        std::string s =
            std::string(t(l, "Deltok på festivalen ", "Deltok på festivalen ", "Took part in the festival on ")) +
            day_text(r.on, l);
        if (r.role != festival_role::none) s += std::string(" (") + label(r.role, l) + ")";
        return s;
    }
    std::vector<std::string> names;
    for (festival_role role : rule.roles) names.emplace_back(label(role, l));
    const std::string roles = detail::or_list(names, l);
    if (r.state == requirement_state::pending)
        return std::string(t(l, "Festivalen er ", "Festivalen er ", "The festival is on ")) + day_text(r.deadline, l) +
               (roles.empty() ? std::string() : std::string(t(l, " (rolle: ", " (rolle: ", " (role: ")) + roles + ")");
    return std::string(t(l, "Ikke registrert som deltaker på festivalen ", "Ikkje registrert som deltakar på festivalen ",
                         "Not recorded as taking part in the festival on ")) +
           day_text(r.deadline, l) +
           (roles.empty() ? std::string()
                          : std::string(t(l, " i en godkjent rolle (", " i ei godkjend rolle (", " in an accepted role (")) +
                                roles + ")");
}

}  // namespace

std::string evaluation::explain(std::size_t participant, std::size_t requirement, lang l) const {
    const auto results = requirements(participant);
    if (requirement >= results.size()) throw error(errc::invalid_argument, "requirement index out of range");
    const requirement_result& r = results[requirement];
    const smart::requirement& req = programme_->requirements[requirement];
    if (r.state == requirement_state::exempt) return explain_exempt(cohort_->participants()[participant], req.id, l);
    switch (req.kind()) {
        case requirement_kind::attendance: return explain_attendance(r, result(participant).at_risk, l);
        case requirement_kind::interval_notes:
            return explain_notes(r, std::get<interval_notes_rule>(req.rule), intervals_, l);
        case requirement_kind::final_text:
            return explain_final_text(r, std::get<final_text_rule>(req.rule), cohort_->participants()[participant],
                                      as_of(), l);
        case requirement_kind::festival: return explain_festival(r, std::get<festival_rule>(req.rule), l);
    }
    return {};
}

std::vector<std::string> evaluation::missing(std::size_t participant, lang l) const {
    std::vector<std::string> out;
    const auto results = requirements(participant);
    for (std::size_t r = 0; r < results.size(); ++r)
        if (results[r].state == requirement_state::unmet || results[r].state == requirement_state::pending)
            out.push_back(explain(participant, r, l));
    return out;
}

namespace {

/// A warning about final texts (page count, lateness, category), one text or several.
std::string describe_final_text_warning(const warning& w, const programme& prog, lang l) {
    const std::string d = day_text(w.day, l);
    const bool many = w.count > 1;
    const std::string n = std::to_string(w.count);
    // Several final texts: "(den første datert 1.4.2025)" / "(the first dated 1 April 2025)".
    const std::string first_dated = std::string(t(l, " (den første datert ", " (den første datert ", " (the first dated ")) + d;
    const char* final_texts = t(l, " avsluttende tekster", " avsluttande tekstar", " final texts");
    switch (w.kind) {
        case warning_kind::pages_out_of_range: {
            std::string range;
            for (const auto& req : prog.requirements)
                if (const auto* f = std::get_if<final_text_rule>(&req.rule)) range = detail::pages_range(*f, l);
            const std::string pages = detail::pages_word(w.pages, l);
            if (many)
                return n + final_texts +
                       t(l, " har sidetall utenfor kravet ", " har sidetal utanfor kravet ",
                         " have a page count outside the required ") +
                       range + t(l, " og teller ikke", " og tel ikkje", " and do not count") + first_dated + ", " +
                       pages + ")";
            return std::string(t(l, "Avsluttende tekst datert ", "Avsluttande tekst datert ", "Final text dated ")) + d +
                   t(l, " har ", " har ", " has ") + pages +
                   t(l, ", utenfor kravet ", ", utanfor kravet ", ", outside the required ") + range +
                   t(l, " og teller ikke", " og tel ikkje", " and does not count");
        }
        case warning_kind::late_final_text:
            if (many)
                return n + final_texts +
                       t(l, " er levert etter fristen og teller ikke", " er leverte etter fristen og tel ikkje",
                         " came after the deadline and do not count") +
                       first_dated + ")";
            return std::string(t(l, "Avsluttende tekst datert ", "Avsluttande tekst datert ", "Final text dated ")) + d +
                   t(l, " er levert etter fristen og teller ikke", " er levert etter fristen og tel ikkje",
                     " came after the deadline and does not count");
        case warning_kind::category_not_accepted:
            if (many)
                return n + final_texts +
                       t(l, " har en kategori programmet ikke godtar", " har ein kategori programmet ikkje godtek",
                         " have a category the programme does not accept") +
                       first_dated + ")";
            return std::string(t(l, "Avsluttende tekst datert ", "Avsluttande tekst datert ", "Final text dated ")) + d +
                   t(l, " har en kategori programmet ikke godtar", " har ein kategori programmet ikkje godtek",
                     " has a category the programme does not accept");
        default: break;
    }
    return {};
}

}  // namespace

std::string evaluation::describe(const warning& w, lang l) const {
    const std::string d = day_text(w.day, l);
    const bool many = w.count > 1;
    const std::string n = std::to_string(w.count);
    // Several documents: "(den første datert 1.4.2025)" / "(the first dated 1 April 2025)".
    const std::string first_dated = std::string(t(l, " (den første datert ", " (den første datert ", " (the first dated ")) + d;
    switch (w.kind) {
        case warning_kind::unrecorded_day:
            if (many)
                return std::string(t(l, "Ingen registrering for ", "Inga registrering for ", "No record for ")) + n +
                       t(l, " dager, den første ", " dagar, den første ", " days, the first on ") + d +
                       t(l, ": regnes som fravær", ": blir rekna som fråvær", ": counted as absent");
            return std::string(t(l, "Ingen registrering for ", "Inga registrering for ", "No record for ")) + d +
                   t(l, ": regnes som fravær", ": blir rekna som fråvær", ": counted as absent");
        case warning_kind::note_outside_intervals:
            if (many)
                return n +
                       t(l, " notater ligger utenfor alle mellomperioder og teller ikke (det første datert ",
                         " notat ligg utanfor alle mellomperiodane og tel ikkje (det første datert ",
                         " notes fall in no period between gatherings and do not count (the first dated ") +
                       d + ")";
            return std::string(t(l, "Notat datert ", "Notat datert ", "Note dated ")) + d +
                   t(l, " ligger utenfor alle mellomperioder og teller ikke",
                     " ligg utanfor alle mellomperiodane og tel ikkje",
                     " falls in no period between gatherings and does not count");
        case warning_kind::pages_out_of_range:
        case warning_kind::late_final_text:
        case warning_kind::category_not_accepted: return describe_final_text_warning(w, *programme_, l);
        case warning_kind::festival_role_not_accepted:
            return std::string(t(l, "Deltok på festivalen ", "Deltok på festivalen ", "Took part in the festival on ")) + d +
                   t(l, ", men ikke i en godkjent rolle", ", men ikkje i ei godkjend rolle", ", but not in an accepted role");
        case warning_kind::late_portfolio:
            if (many)
                return n +
                       t(l, " godkjente arbeidsmapper kom etter fristen og teller ikke",
                         " godkjende arbeidsmapper kom etter fristen og tel ikkje",
                         " approved portfolios came after the deadline and do not count") +
                       first_dated + ")";
            return std::string(t(l, "Godkjent arbeidsmappe datert ", "Godkjend arbeidsmappe datert ",
                                 "Approved portfolio dated ")) +
                   d + t(l, " kom etter fristen og teller ikke", " kom etter fristen og tel ikkje",
                         " came after the deadline and does not count");
    }
    return {};
}

// --- labels ------------------------------------------------------------------------------

const char* label(overall_status s, lang l) noexcept {
    switch (s) {
        case overall_status::eligible: return t(l, "har rett", "har rett", "eligible");
        case overall_status::not_eligible: return t(l, "har ikke rett", "har ikkje rett", "not eligible");
        case overall_status::in_progress: return t(l, "pågår", "i gang", "in progress");
        case overall_status::no_certificate: return t(l, "uten bevis", "utan bevis", "no certificate");
        case overall_status::withdrawn: return t(l, "trukket seg", "trekt seg", "withdrawn");
    }
    return "";
}

const char* label(requirement_state s, lang l) noexcept {
    switch (s) {
        case requirement_state::met: return t(l, "oppfylt", "oppfylt", "met");
        case requirement_state::unmet: return t(l, "ikke oppfylt", "ikkje oppfylt", "unmet");
        case requirement_state::pending: return t(l, "venter", "ventar", "pending");
        case requirement_state::exempt: return t(l, "fritatt", "fritatt", "exempt");
    }
    return "";
}

const char* at_risk_label(lang l) noexcept { return t(l, "i faresonen", "i faresona", "at risk"); }

std::string status_label(overall_status s, bool at_risk, lang l) {
    std::string out = label(s, l);
    if (at_risk) {
        out += " (";
        out += at_risk_label(l);
        out += ')';
    }
    return out;
}

}  // namespace smart
