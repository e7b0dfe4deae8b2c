// Languages and texts in Norwegian bokmål, nynorsk and English.
#pragma once

#include <string>
#include <string_view>

namespace smart {

/// The languages of user-facing text.
enum class lang : unsigned char { nb, nn, en };

/// "nb", "nn" or "en".
const char* to_string(lang l) noexcept;
/// Parses "nb", "nn" or "en"; throws smart::error(invalid_argument) otherwise.
lang parse_lang(std::string_view s);

/// A text known in one or more of the three languages. Bokmål is the source language of
/// the SMART material and is always present in loaded documents; get() falls back to
/// bokmål when a translation is missing (nynorsk falls back to bokmål, English too).
struct localized_text {
    std::string nb;
    std::string nn;
    std::string en;

    /// The text in `l`, or the bokmål text when that translation is empty.
    const std::string& get(lang l) const noexcept {
        const std::string& s = l == lang::nb ? nb : l == lang::nn ? nn : en;
        return s.empty() ? nb : s;
    }
    bool empty() const noexcept { return nb.empty() && nn.empty() && en.empty(); }
    friend bool operator==(const localized_text&, const localized_text&) = default;
};

}  // namespace smart
