#include "smart/error.hpp"

#include "smart/version.hpp"

namespace smart {

const char* version() noexcept { return SMART_VERSION_STRING; }

namespace {
struct code_row {
    errc code;
    const char* name;
    int c_status;  // the SMART_E* values of capi/include/smart/smart.h
};
// The one mapping from error codes to names and C ABI statuses.
constexpr code_row code_table[] = {
    {errc::ok, "ok", 0},
    {errc::invalid_argument, "invalid_argument", -1},
    {errc::parse_error, "parse_error", -2},
    {errc::validation_error, "validation_error", -3},
    {errc::not_found, "not_found", -4},
    {errc::not_allowed, "not_allowed", -5},
    {errc::out_of_memory, "out_of_memory", -6},
    {errc::internal, "internal", -7},
};
const code_row& row(errc code) noexcept {
    for (const auto& r : code_table)
        if (r.code == code) return r;
    return code_table[sizeof code_table / sizeof code_table[0] - 1];
}
std::string compose(const std::string& message, const std::string& pointer) {
    return pointer.empty() ? message : pointer + ": " + message;
}
}  // namespace

const char* to_string(errc code) noexcept { return row(code).name; }
int to_c_status(errc code) noexcept { return row(code).c_status; }

error::error(errc code, std::string message, std::string pointer)
    : std::runtime_error(compose(message, pointer)),
      code_(code),
      pointer_(std::move(pointer)),
      message_(std::move(message)) {}

namespace detail {
std::string pointer_append(std::string_view base, std::string_view token) {
    std::string out(base);
    out.reserve(base.size() + token.size() + 1);
    out.push_back('/');
    for (char ch : token) {
        if (ch == '~')
            out += "~0";
        else if (ch == '/')
            out += "~1";
        else
            out.push_back(ch);
    }
    return out;
}
std::string pointer_append(std::string_view base, std::size_t index) {
    std::string out(base);
    out.push_back('/');
    out += std::to_string(index);
    return out;
}
}  // namespace detail

}  // namespace smart
