// Internal to the issuing core (src/issuing/): the encodings, the small-document reader
// and the record's JSON shape that keys, serials, credentials and the register share.
// Not installed; everything here is in smart::detail.
#pragma once

#include <sodium.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../wording.hpp"  // t() and day_text(): the core's words of people-facing text
#include "smart/issuing.hpp"

namespace smart::detail {

using ojson = nlohmann::ordered_json;

/// Initialises libsodium once (thread-safe); throws internal when it cannot.
void ensure_sodium();

// --- encodings (encoding.cpp) -----------------------------------------------------------

/// base64url without padding.
std::string b64url(const unsigned char* bytes, std::size_t n);
std::string b64url(std::string_view s);
/// Decodes base64url without padding; nullopt when the text is not that.
std::optional<std::string> unb64url(std::string_view s);
/// The digits of Crockford's base32 (no I, L, O, U).
inline constexpr char crockford_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Crockford's base32 of the leading `chars * 5` bits.
std::string base32(const unsigned char* bytes, std::size_t chars);
/// `s` with a '-' after every `every` characters: "ABCDEFGH" -> "ABCD-EFGH".
std::string group(const std::string& s, std::size_t every);

template <std::size_t N>
void blake2b(unsigned char (&out)[N], std::string_view in) {
    crypto_generichash(out, N, reinterpret_cast<const unsigned char*>(in.data()), in.size(), nullptr, 0);
}

// --- small documents (small_json.cpp) ---------------------------------------------------

/// Reads a key, credential or register line within the small-document limits.
ojson parse_small(std::string_view text);
/// parse_small, with a parse error that names `what` and the byte, never the text.
ojson parse_json(std::string_view text, const char* what);
/// The string member `key` of `o`, or "" when it is absent or not a string.
std::string string_member(const ojson& o, const char* key);
/// The string member `key` of `o`; throws validation_error at base/key otherwise.
const std::string& member_string(const ojson& o, const char* key, const std::string& base);

// --- keys (keys.cpp) -------------------------------------------------------------------

/// "smart-" + 16 hex digits of BLAKE2b over an Ed25519 public key (the ids of
/// smart.signing-key/1 files).
std::string key_id_for(const unsigned char* ed25519_public_key);

/// base58btc (Bitcoin's alphabet), as multibase "z" and did:key use it.
std::string base58btc(const unsigned char* bytes, std::size_t n);
/// Decodes base58btc; nullopt for another character or more than 128 characters.
std::optional<std::string> unbase58btc(std::string_view s);

/// The raw JWS signature of `signing_input` (64 bytes for both algorithms).
std::string sign_bytes(const signing_key& k, std::string_view signing_input);
/// True when `signature` is `k`'s over `signing_input`.
bool signature_holds(const public_key& k, std::string_view signing_input, std::string_view signature);
/// The DID part of a DID URL (before '#'), and its fragment (after '#', "" when none).
std::string_view did_of(std::string_view did_url);
std::string_view fragment_of(std::string_view did_url);

// --- P-256 (p256.cpp, OpenSSL 3) -----------------------------------------------------------

namespace p256 {
/// A fresh key: the point's x || y (64 bytes) and the scalar d (32 bytes).
void generate(std::vector<unsigned char>& xy, std::vector<unsigned char>& d);
/// True when x || y is a point of P-256 (not the point at infinity).
bool on_curve(const unsigned char* xy);
/// True when d is the scalar of the point x || y.
bool pair_matches(const unsigned char* xy, const unsigned char* d);
/// x || y of a compressed point (0x02 / 0x03 and x, 33 bytes); nullopt when it is none.
std::optional<std::array<unsigned char, 64>> decompress(const unsigned char* compressed);
/// ECDSA P-256 SHA-256 signature as r || s.
std::array<unsigned char, 64> sign(const unsigned char* xy, const unsigned char* d, std::string_view message);
bool verify(const unsigned char* xy, std::string_view message, const unsigned char* sig64);
/// The public key as SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----").
std::string spki_pem(const unsigned char* xy);
/// The key pair as PKCS#8 PEM (unencrypted), for tools that sign with it (the PDF signer).
std::string pkcs8_pem(const unsigned char* xy, const unsigned char* d);
/// Overwrites secret bytes (OPENSSL_cleanse: not optimised away).
void wipe(std::vector<unsigned char>& secret) noexcept;
}  // namespace p256

// --- credentials (credential.cpp) --------------------------------------------------------

/// The prefix of a certificate's credential id (certificate_urn).
inline constexpr std::string_view certificate_urn_prefix = "urn:smart:certificate:";
/// The claims the JWT payload adds to the credential (credential_of_payload removes them).
inline constexpr std::string_view jwt_claims[] = {"iss", "jti", "nbf"};

/// A date as an XML Schema dateTime at midnight UTC.
std::string datetime(date d);

// --- status lists (status_list.cpp) -------------------------------------------------------

/// A fresh entry for a certificate of the issuer at `issuer_url`: an index never used by
/// `records` in the first list that is not full, drawn uniformly among its free ones.
status_entry draw_status_entry(const std::vector<certificate_record>& records, std::string_view issuer_url);

// --- records as JSON (record_json.cpp) ----------------------------------------------------

ojson data_json(const certificate_data& d);
certificate_data data_from(const ojson& o);
ojson record_json(const certificate_record& r);
certificate_record record_from(const ojson& o);

}  // namespace smart::detail
