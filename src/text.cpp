#include "smart/text.hpp"

#include "smart/error.hpp"

namespace smart {

const char* to_string(lang l) noexcept {
    switch (l) {
        case lang::nb: return "nb";
        case lang::nn: return "nn";
        case lang::en: return "en";
    }
    return "nb";
}

lang parse_lang(std::string_view s) {
    if (s == "nb") return lang::nb;
    if (s == "nn") return lang::nn;
    if (s == "en") return lang::en;
    throw error(errc::invalid_argument, "unknown language \"" + std::string(s) + "\": expected \"nb\", \"nn\" or \"en\"");
}

}  // namespace smart
