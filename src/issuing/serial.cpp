// Serials ("SMART-XXXX-XXXX-XXXX") and verification codes ("XXXX-XXXX"): BLAKE2b in
// Crockford's base32.
#include <algorithm>
#include <cstring>

#include "internal.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

std::string certificate_serial(std::string_view programme_id, std::string_view cohort_id,
                               std::string_view participant_id, std::uint32_t issue_number,
                               std::string_view issuer_id) {
    ensure_sodium();
    // Length-prefixed fields, so ("ab", "c") and ("a", "bc") differ.
    std::string in;
    for (std::string_view part : {programme_id, cohort_id, participant_id}) {
        in += std::to_string(part.size());
        in += ':';
        in += part;
    }
    in += '#';
    in += std::to_string(issue_number);
    if (issuer_id.empty()) {  // the form before issue 12: still made by the old registers' tests
        unsigned char h[16];
        blake2b(h, in);
        return "SMART-" + group(base32(h, 12), 4);
    }
    // the issuer first, length-prefixed, so no (issuer, programme...) pair hashes like another
    in = "issuer:" + std::to_string(issuer_id.size()) + ":" + std::string(issuer_id) + "|" + in;
    unsigned char tag[8];
    blake2b(tag, "issuer:" + std::string(issuer_id));
    unsigned char h[16];
    blake2b(h, in);
    return "SMART-" + base32(tag, 4) + "-" + group(base32(h, 12), 4);
}

std::string verification_code(std::string_view jws) {
    ensure_sodium();
    const auto dot = jws.rfind('.');
    const auto sig = dot == std::string_view::npos ? std::nullopt : unb64url(jws.substr(dot + 1));
    if (!sig || sig->size() != crypto_sign_BYTES) throw error(errc::invalid_argument, "expected a compact JWS");
    unsigned char h[8];
    blake2b(h, *sig);
    return group(base32(h, 8), 4);
}

namespace {

constexpr std::string_view serial_prefix = "SMART-";
constexpr std::size_t serial_length = 25;      // "SMART-" and four groups of four digits (the issuer's first)
constexpr std::size_t old_serial_length = 20;  // "SMART-" and three groups: serials issued before issue 12

bool is_crockford_digit(char c) noexcept { return c != '\0' && std::strchr(crockford_alphabet, c) != nullptr; }

char upper(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

bool same_serial(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (upper(a[i]) != upper(b[i])) return false;
    return true;
}

bool is_certificate_serial(std::string_view text) noexcept {
    if ((text.size() != serial_length && text.size() != old_serial_length) || !text.starts_with(serial_prefix))
        return false;
    for (std::size_t i = serial_prefix.size(); i < text.size(); ++i) {
        const bool dash = (i - serial_prefix.size()) % 5 == 4;
        if (dash ? text[i] != '-' : !is_crockford_digit(text[i])) return false;
    }
    return true;
}

std::vector<std::string> find_certificate_serials(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = text.find(serial_prefix); at != std::string_view::npos; at = text.find(serial_prefix, at + 1)) {
        // the longer form first: an old serial is a prefix of every new one
        if (is_certificate_serial(text.substr(at, serial_length)))
            out.emplace_back(text.substr(at, serial_length));
        else if (is_certificate_serial(text.substr(at, old_serial_length)))
            out.emplace_back(text.substr(at, old_serial_length));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string certificate_urn(std::string_view serial) { return std::string(certificate_urn_prefix) + std::string(serial); }

std::string serial_of_urn(std::string_view id) {
    return id.starts_with(certificate_urn_prefix) ? std::string(id.substr(certificate_urn_prefix.size())) : std::string();
}

}  // namespace smart
