#include "smart/detail/utf8.hpp"

#include <cstdint>

namespace smart::detail {

namespace {
/// Length of the well-formed sequence starting at s[i], or 0 when it is not one.
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    const std::size_t left = s.size() - i;
    const auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !cont(1) || !cont(2)) return 0;
        if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
        if (c == 0xED && b(1) > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
        if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
        if (c == 0xF4 && b(1) > 0x8F) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

void append_hex(std::string& out, unsigned char c) {
    static constexpr char hex[] = "0123456789ABCDEF";
    out += "\\x";
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 15]);
}
}  // namespace

std::size_t utf8_error_offset(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        // ASCII runs are the common case
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = sequence_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

std::string replace_invalid_utf8(std::string_view s) {
    if (is_utf8(s)) return std::string(s);
    std::string out;
    out.reserve(s.size() + 16);
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t n = sequence_length(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string quoted(std::string_view s, std::size_t max_chars) {
    std::string out = "\"";
    std::size_t i = 0, chars = 0;
    while (i < s.size() && chars < max_chars) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = sequence_length(s, i);
        if (n == 0) {
            append_hex(out, c);
            ++i;
        } else if (c == '\n') {
            out += "\\n", ++i;
        } else if (c == '\t') {
            out += "\\t", ++i;
        } else if (c == '\r') {
            out += "\\r", ++i;
        } else if (c < 0x20 || c == 0x7F) {
            append_hex(out, c);
            ++i;
        } else if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
        ++chars;
    }
    out += "\"";
    if (i < s.size()) out += "… (" + std::to_string(s.size()) + " bytes)";
    return out;
}

namespace {
std::string code_point_name(char32_t cp) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hex[(cp >> shift) & 15]);
    return out;
}

/// The characters beyond ASCII's controls that a text may not hold: the C1 controls
/// (U+0080-U+009F) and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
/// U+2066-U+2069), which make a text display differently from what it says, anywhere; the
/// line and paragraph separators (U+2028, U+2029) in one-line texts. `s` is valid UTF-8.
void check_format_characters(std::string_view s, const char* what, const std::string& pointer, text_kind kind,
                             errc code) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c != 0xC2 && c != 0xE2) continue;  // the lead bytes of every character checked here
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        char32_t cp = 0;
        if (c == 0xC2 && c1 <= 0x9F) {
            cp = c1;  // U+0080-U+009F
        } else if (c == 0xE2 && i + 2 < s.size() && (c1 == 0x80 || c1 == 0x81)) {
            cp = 0x2000 + ((c1 & 0x3Fu) << 6) + (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        } else {
            continue;
        }
        const bool control = cp <= 0x9F;
        const bool separator = cp == 0x2028 || cp == 0x2029;
        const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        if (!control && !bidi && !(separator && kind == text_kind::line)) continue;
        const std::string where = " (" + code_point_name(cp) + " at byte " + std::to_string(i) + ")";
        if (control)
            throw error(code, std::string("the ") + what + " contains a control character" + where +
                                  (kind == text_kind::line ? ": expected one line of text" : ""),
                        pointer);
        if (separator)
            throw error(code, std::string("the ") + what + " contains a line or paragraph separator" + where +
                                  ": expected one line of text",
                        pointer);
        throw error(code,
                    std::string("the ") + what + " contains a bidirectional formatting character" + where +
                        ", which makes a text display differently from what it says: expected text without one",
                    pointer);
    }
}
}  // namespace

void check_text(std::string_view s, const char* what, const std::string& pointer, text_kind kind,
                std::size_t max_chars, errc code) {
    if (const std::size_t at = utf8_error_offset(s); at != std::string_view::npos)
        throw error(code, std::string("the ") + what + " is not valid UTF-8 (byte " + std::to_string(at) + ")", pointer);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != 0x7F) continue;
        if (kind == text_kind::multiline && (c == '\n' || c == '\t' || c == '\r')) continue;
        std::string name;
        append_hex(name, c);
        throw error(code,
                    std::string("the ") + what + " contains a control character (" + name + " at byte " +
                        std::to_string(i) + ")" + (kind == text_kind::line ? ": expected one line of text" : ""),
                    pointer);
    }
    check_format_characters(s, what, pointer, kind, code);
    // Characters, as JSON Schema's maxLength counts them: the bytes that start one.
    std::size_t chars = 0;
    for (char ch : s) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    if (chars > max_chars)
        throw error(code,
                    std::string("the ") + what + " is " + std::to_string(chars) + " characters long; at most " +
                        std::to_string(max_chars) + " are allowed",
                    pointer);
}

void check_text(const localized_text& t, const char* what, const std::string& pointer, text_kind kind,
                std::size_t max_chars) {
    // A text of bokmål alone may be written as a plain string: its place is then the text's.
    check_text(t.nb, what, t.nn.empty() && t.en.empty() ? pointer : pointer + "/nb", kind, max_chars);
    check_text(t.nn, what, pointer + "/nn", kind, max_chars);
    check_text(t.en, what, pointer + "/en", kind, max_chars);
}

}  // namespace smart::detail
