// Encodings of the issuing core: base64url (libsodium) and Crockford's base32, and
// libsodium's one-time initialisation.
#include <cstring>
#include <vector>

#include "internal.hpp"
#include "smart/error.hpp"

namespace smart::detail {

void ensure_sodium() {
    static const int ready = sodium_init();  // thread-safe once; 0 or 1 on success
    if (ready < 0) throw error(errc::internal, "libsodium could not be initialised");
}

std::string b64url(const unsigned char* bytes, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}
std::string b64url(std::string_view s) { return b64url(reinterpret_cast<const unsigned char*>(s.data()), s.size()); }

/// Decodes base64url without padding; nullopt when the text is not that.
std::optional<std::string> unb64url(std::string_view s) {
    std::string out(s.size() * 3 / 4 + 3, '\0');
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), s.data(), s.size(), nullptr, &len,
                          &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != s.data() + s.size())
        return std::nullopt;
    out.resize(len);
    return out;
}

namespace {
constexpr char base58_alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
}  // namespace

std::string base58btc(const unsigned char* bytes, std::size_t n) {
    std::size_t zeros = 0;
    while (zeros < n && bytes[zeros] == 0) ++zeros;
    std::vector<unsigned char> digits;  // base 58, most significant last
    for (std::size_t i = zeros; i < n; ++i) {
        unsigned carry = bytes[i];
        for (unsigned char& d : digits) {
            carry += static_cast<unsigned>(d) << 8;
            d = static_cast<unsigned char>(carry % 58);
            carry /= 58;
        }
        for (; carry; carry /= 58) digits.push_back(static_cast<unsigned char>(carry % 58));
    }
    std::string out(zeros, '1');
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) out.push_back(base58_alphabet[*it]);
    return out;
}

std::optional<std::string> unbase58btc(std::string_view s) {
    if (s.size() > 128) return std::nullopt;
    std::size_t ones = 0;
    while (ones < s.size() && s[ones] == '1') ++ones;
    std::vector<unsigned char> bytes;  // base 256, most significant last
    for (std::size_t i = ones; i < s.size(); ++i) {
        const char* at = std::strchr(base58_alphabet, s[i]);
        if (!at || s[i] == '\0') return std::nullopt;
        unsigned carry = static_cast<unsigned>(at - base58_alphabet);
        for (unsigned char& b : bytes) {
            carry += static_cast<unsigned>(b) * 58;
            b = static_cast<unsigned char>(carry & 0xff);
            carry >>= 8;
        }
        for (; carry; carry >>= 8) bytes.push_back(static_cast<unsigned char>(carry & 0xff));
    }
    std::string out(ones, '\0');
    for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) out.push_back(static_cast<char>(*it));
    return out;
}

/// Crockford's base32 of the leading `chars * 5` bits.
std::string base32(const unsigned char* bytes, std::size_t chars) {
    std::string out;
    for (std::size_t i = 0; i < chars; ++i) {
        const std::size_t bit = i * 5;
        const unsigned v = (static_cast<unsigned>(bytes[bit / 8]) << 8 | bytes[bit / 8 + 1]) >> (11 - bit % 8);
        out.push_back(crockford_alphabet[v & 31]);
    }
    return out;
}

std::string group(const std::string& s, std::size_t every) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i && i % every == 0) out.push_back('-');
        out.push_back(s[i]);
    }
    return out;
}

}  // namespace smart::detail
