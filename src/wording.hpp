// Internal to the core: the pieces every text for people is made of (explanations, rule
// descriptions, warnings), in bokmål, nynorsk and English. Defined in src/rule_wording.cpp.
#pragma once

#include <string>
#include <vector>

#include "smart/programme.hpp"
#include "smart/ratio.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart::detail {

/// Picks the text for the language.
constexpr const char* t(lang l, const char* nb, const char* nn, const char* en) noexcept {
    return l == lang::nb ? nb : l == lang::nn ? nn : en;
}

/// "18.9.2024" in Norwegian, "18 September 2024" in English; "?" for not a date.
std::string day_text(date d, lang l);
/// "3 dager" / "3 dagar" / "3 days" ("1 dag" / "1 day").
std::string days_word(std::int64_t n, lang l);
/// "3 sider" / "1 page".
std::string pages_word(std::int64_t n, lang l);
/// A weighted amount of days: "7", "6 1/2", "1/2".
std::string amount(const ratio& r);
/// "a, b eller c" / "a, b or c"; "" for none.
std::string or_list(const std::vector<std::string>& items, lang l);
/// The page range of a final text rule: "2–3", "minst 2" / "at least 2", "høyst 3" /
/// "at most 3"; "" when it has none.
std::string pages_range(const final_text_rule& f, lang l);

}  // namespace smart::detail
