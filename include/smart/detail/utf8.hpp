// Text that enters the library is UTF-8, checked where it enters (documents, C strings,
// Python str) and never trusted later. Messages quote outside text through quoted(), so
// an error message is itself always valid UTF-8 and short.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "smart/error.hpp"
#include "smart/limits.hpp"
#include "smart/text.hpp"

namespace smart::detail {

/// Byte offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF), or npos when `s` is valid.
std::size_t utf8_error_offset(std::string_view s) noexcept;
inline bool is_utf8(std::string_view s) noexcept { return utf8_error_offset(s) == std::string_view::npos; }

/// `s` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD, for text
/// that must be UTF-8 whatever it holds (the C ABI's and Python's error messages).
std::string replace_invalid_utf8(std::string_view s);

/// `s` in double quotes for a message: control characters and bytes that are not UTF-8
/// escaped (\n, \x01, \xFF), cut after `max_chars` characters with "…" and the size.
std::string quoted(std::string_view s, std::size_t max_chars = 60);

/// What a text may hold besides printable characters.
enum class text_kind {
    line,       ///< one line: no control characters at all, no U+2028/U+2029 (ids, names, roles, titles)
    multiline,  ///< free text: tab, line feed and carriage return allowed
};

/// Throws smart::error(`code`) at `pointer` unless `s` is valid UTF-8, at most
/// `max_chars` characters (code points, as JSON Schema's maxLength counts) long, and free of control characters (NUL included) that `kind` does not
/// allow: C0, DEL and C1 controls (free text may hold tab, line feed and carriage return),
/// the bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069
/// (anywhere), the line and paragraph separators U+2028 and U+2029 (in one-line text). `what` names the text in the message ("participant name").
void check_text(std::string_view s, const char* what, const std::string& pointer, text_kind kind = text_kind::line,
                std::size_t max_chars = limits::text_chars, errc code = errc::validation_error);
/// check_text for each language of `t`, at `pointer`/nb, /nn and /en (the bokmål text at
/// `pointer` itself when it is the only one: a document may write it as a plain string).
void check_text(const localized_text& t, const char* what, const std::string& pointer,
                text_kind kind = text_kind::line, std::size_t max_chars = limits::text_chars);

}  // namespace smart::detail
