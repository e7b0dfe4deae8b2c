#include "smart/text.hpp"

#include <array>

#include "smart/detail/names.hpp"

namespace smart {

namespace {
constexpr std::array<const char*, 3> lang_names{"nb", "nn", "en"};
}  // namespace

const char* to_string(lang l) noexcept { return detail::name_of(l, lang_names); }
lang parse_lang(std::string_view s) { return detail::parse_name<lang>(s, lang_names, "language"); }

}  // namespace smart
