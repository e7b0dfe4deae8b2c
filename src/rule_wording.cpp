// Certificate rules as people read them (include/smart/rule_wording.hpp), and the pieces
// every text for people is made of (src/wording.hpp).
#include "smart/rule_wording.hpp"

#include <array>
#include <variant>

#include "smart/cohort.hpp"
#include "wording.hpp"

namespace smart {

using detail::t;

namespace detail {

std::string day_text(date d, lang l) {
    if (d.is_special()) return "?";
    if (l != lang::en) return to_norwegian(d);
    static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                        "July",    "August",   "September", "October", "November", "December"};
    const auto ymd = d.year_month_day();
    return std::to_string(static_cast<int>(ymd.day)) + " " + months[static_cast<int>(ymd.month) - 1] + " " +
           std::to_string(static_cast<int>(ymd.year));
}

std::string days_word(std::int64_t n, lang l) {
    return std::to_string(n) + " " + (n == 1 ? t(l, "dag", "dag", "day") : t(l, "dager", "dagar", "days"));
}

std::string pages_word(std::int64_t n, lang l) {
    return std::to_string(n) + " " + (n == 1 ? t(l, "side", "side", "page") : t(l, "sider", "sider", "pages"));
}

std::string amount(const ratio& r) {
    if (r.den() == 1) return std::to_string(r.num());
    const std::int64_t whole = r.num() / r.den();
    const std::string frac = std::to_string(r.num() % r.den()) + "/" + std::to_string(r.den());
    return whole ? std::to_string(whole) + " " + frac : frac;
}

std::string or_list(const std::vector<std::string>& items, lang l) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += i + 1 == items.size() ? t(l, " eller ", " eller ", " or ") : ", ";
        out += items[i];
    }
    return out;
}

std::string pages_range(const final_text_rule& f, lang l) {
    if (f.min_pages && f.max_pages)
        return *f.min_pages == *f.max_pages ? std::to_string(*f.min_pages)
                                            : std::to_string(*f.min_pages) + "–" + std::to_string(*f.max_pages);
    if (f.min_pages) return t(l, "minst ", "minst ", "at least ") + std::to_string(*f.min_pages);
    if (f.max_pages) return t(l, "høyst ", "høgst ", "at most ") + std::to_string(*f.max_pages);
    return {};
}

}  // namespace detail

namespace {

template <class E, class Label>
std::vector<std::string> labels(const std::vector<E>& values, lang l, Label label) {
    std::vector<std::string> out;
    out.reserve(values.size());
    for (E v : values) out.emplace_back(label(v, l));
    return out;
}

std::string describe_rule(const attendance_rule& a, lang l) {
    const auto kinds = labels(a.counted_kinds, l, [](session_kind k, lang x) { return label(k, x); });
    std::string kinds_text;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i) kinds_text += i + 1 == kinds.size() ? t(l, " og ", " og ", " and ") : ", ";
        kinds_text += kinds[i];
    }
    return std::string(t(l, "Oppmøte minst ", "Oppmøte minst ", "Attendance on at least ")) + a.min_ratio.to_string() +
           t(l, " av dagene på ", " av dagane på ", " of the days of ") + kinds_text +
           t(l, " (til stede teller ", " (til stades tel ", " (present counts ") + detail::amount(a.weight_present) +
           t(l, ", for sent ", ", for seint ", ", late ") + detail::amount(a.weight_late) +
           t(l, ", gyldig fravær ", ", gyldig fråvær ", ", excused ") + detail::amount(a.weight_excused) + ")";
}

std::string describe_rule(const interval_notes_rule& n, lang l) {
    const auto kinds = labels(n.accepted_kinds, l, [](submission_kind k, lang x) { return label(k, x); });
    std::string s = std::to_string(n.per_interval) +
                    (n.per_interval == 1 ? t(l, " notat", " notat", " note") : t(l, " notater", " notat", " notes")) +
                    t(l, " i hver mellomperiode mellom samlingene (", " i kvar mellomperiode mellom samlingane (",
                      " in each period between gatherings (") +
                    detail::or_list(kinds, l) + ")";
    if (n.require_approval)
        s += t(l, "; teller når de er godkjent", "; tel når dei er godkjende", "; counted once approved");
    if (n.require_portfolio_approval) {
        s += t(l, "; arbeidsmappen må være godkjent", "; arbeidsmappa må vere godkjend", "; the portfolio must be approved");
        s += n.portfolio_deadline
                 ? t(l, " innen ", " innan ", " by ") + detail::day_text(*n.portfolio_deadline, l)
                 : std::string(t(l, " innen kullets siste dag", " innan siste dagen i kullet", " by the cohort's last day"));
    }
    return s;
}

std::string describe_rule(const final_text_rule& f, lang l) {
    std::string s = t(l, "En avsluttende tekst", "Ein avsluttande tekst", "A final text");
    const std::string range = detail::pages_range(f, l);
    if (!range.empty()) s += t(l, " på ", " på ", " of ") + range + t(l, " sider", " sider", " pages");
    if (!f.categories.empty())
        s += " (" + detail::or_list(labels(f.categories, l, [](final_category c, lang x) { return label(c, x); }), l) + ")";
    s += f.deadline ? t(l, " innen ", " innan ", " by ") + detail::day_text(*f.deadline, l)
                    : std::string(t(l, " innen kullets siste dag", " innan siste dagen i kullet", " by the cohort's last day"));
    if (f.require_approval)
        s += t(l, "; teller når den er godkjent", "; tel når han er godkjend", "; counted once approved");
    return s;
}

std::string describe_rule(const festival_rule& f, lang l) {
    std::string s = t(l, "Til stede på festivalen", "Til stades på festivalen", "Present at the festival");
    if (!f.roles.empty())
        s += t(l, " (rolle: ", " (rolle: ", " (role: ") +
             detail::or_list(labels(f.roles, l, [](festival_role r, lang x) { return label(r, x); }), l) + ")";
    return s;
}

}  // namespace

std::string describe(const requirement& r, lang l) {
    return std::visit([l](const auto& rule) { return describe_rule(rule, l); }, r.rule);
}

const char* label(festival_role r, lang l) noexcept {
    switch (r) {
        case festival_role::exhibition: return t(l, "utstilling", "utstilling", "exhibition");
        case festival_role::workshop: return t(l, "verkstedbidrag", "verkstadbidrag", "workshop");
        case festival_role::process_leader: return t(l, "prosessleder", "prosessleiar", "process leader");
        case festival_role::none: break;
    }
    return "";
}

const char* label(submission_kind k, lang l) noexcept {
    switch (k) {
        case submission_kind::reflection: return t(l, "refleksjonsnotat", "refleksjonsnotat", "reflection note");
        case submission_kind::practice_blog: return t(l, "praksisblogg", "praksisblogg", "practice blog");
        case submission_kind::practice_document: return t(l, "praksisdokument", "praksisdokument", "practice document");
        case submission_kind::final_text: return t(l, "avsluttende tekst", "avsluttande tekst", "final text");
        case submission_kind::portfolio: return t(l, "arbeidsmappe", "arbeidsmappe", "portfolio");
        case submission_kind::between_session_work: return t(l, "mellomarbeid", "mellomarbeid", "between-session work");
    }
    return "";
}

const char* label(final_category c, lang l) noexcept {
    switch (c) {
        case final_category::method: return t(l, "metode", "metode", "method");
        case final_category::results: return t(l, "resultater", "resultat", "results");
        case final_category::problem: return t(l, "problem", "problem", "problem");
        case final_category::insight: return t(l, "innsikt", "innsikt", "insight");
        case final_category::other: return t(l, "annet", "anna", "other");
        case final_category::none: break;
    }
    return "";
}

const char* label(session_kind k, lang l) noexcept {
    switch (k) {
        case session_kind::gathering: return t(l, "samlinger", "samlingar", "gatherings");
        case session_kind::festival: return t(l, "festivalen", "festivalen", "the festival");
        case session_kind::kick_off: return t(l, "oppstart", "oppstart", "kick-offs");
        case session_kind::other: return t(l, "andre økter", "andre økter", "other sessions");
    }
    return "";
}

const char* label(requirement_kind k, lang l) noexcept {
    switch (k) {
        case requirement_kind::attendance: return t(l, "oppmøte", "oppmøte", "attendance");
        case requirement_kind::interval_notes: return t(l, "notater", "notat", "notes");
        case requirement_kind::final_text: return t(l, "avsluttende tekst", "avsluttande tekst", "final text");
        case requirement_kind::festival: return t(l, "festival", "festival", "festival");
    }
    return "";
}

const char* label(sector s, lang l) noexcept {
    switch (s) {
        case sector::public_sector: return t(l, "offentlig", "offentleg", "public");
        case sector::private_sector: return t(l, "privat", "privat", "private");
        case sector::voluntary: return t(l, "frivillig", "frivillig", "voluntary");
    }
    return "";
}

std::string short_label(const requirement& r, lang l) { return label(r.kind(), l); }

std::string session_name(session_kind k, std::size_t ordinal, lang l) {
    const std::string n = std::to_string(ordinal);
    switch (k) {
        case session_kind::gathering: return l == lang::en ? "gathering " + n : n + ". samling";
        case session_kind::festival: return "festival";
        case session_kind::kick_off: return t(l, "oppstart", "oppstart", "kick-off");
        case session_kind::other: return l == lang::en ? "session " + n : n + ". økt";
    }
    return {};
}

}  // namespace smart
