// One error hierarchy for the whole library. Every failure the library reports is a
// smart::error carrying a code and, when the failure is about a place in a document, the
// JSON Pointer (RFC 6901) of that place.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace smart {

/// What went wrong, coarsely. The C ABI maps each code to one status (src/error.cpp).
enum class errc {
    ok = 0,
    invalid_argument,  ///< a caller passed something unusable (bad enum name, empty id, ...)
    parse_error,       ///< text that is not well-formed JSON, a date, a ratio, ...
    validation_error,  ///< well-formed input that breaks a rule of the model
    not_found,         ///< an id that names nothing (programme, participant, requirement)
    not_allowed,       ///< a valid request the state forbids (e.g. capacity full)
    out_of_memory,
    internal,
};

/// The code's name, e.g. "validation_error".
const char* to_string(errc code) noexcept;

/// The C ABI status for a code (0 for ok, negative otherwise). The one mapping table.
int to_c_status(errc code) noexcept;

/// The library's exception. what() is "<pointer>: <message>" when a pointer is known,
/// otherwise the message alone.
class error : public std::runtime_error {
public:
    error(errc code, std::string message, std::string pointer = {});

    errc code() const noexcept { return code_; }
    /// JSON Pointer of the offending value ("" = the whole document / not about a document).
    const std::string& pointer() const noexcept { return pointer_; }
    /// The message without the pointer prefix.
    const std::string& message() const noexcept { return message_; }

private:
    errc code_;
    std::string pointer_;
    std::string message_;
};

namespace detail {
/// Appends one reference token to a JSON Pointer, escaping '~' and '/' as RFC 6901 says.
std::string pointer_append(std::string_view base, std::string_view token);
std::string pointer_append(std::string_view base, std::size_t index);
}  // namespace detail

}  // namespace smart
