// Signing keys: generating them, signing and checking signatures, and the key files —
// ES256 keys as JWKs (smart.signing-key/2, smart.public-key/2; OpenSSL), Ed25519 keys of
// smart.signing-key/1 and smart.public-key/1 (libsodium), still read so that what they
// signed keeps verifying.
#include <algorithm>

#include "internal.hpp"
#include "../json_input.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

namespace detail {

std::string key_id_for(const unsigned char* pk) {
    unsigned char h[8];
    blake2b(h, std::string_view(reinterpret_cast<const char*>(pk), 32));
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "smart-";
    for (unsigned char c : h) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
    return out;
}

std::string sign_bytes(const signing_key& k, std::string_view signing_input) {
    if (k.algorithm == key_algorithm::es256) {
        if (k.public_bytes.size() != 64 || k.secret_bytes.size() != 32)
            throw error(errc::invalid_argument, "the signing key is incomplete");
        const auto sig = p256::sign(k.public_bytes.data(), k.secret_bytes.data(), signing_input);
        return {reinterpret_cast<const char*>(sig.data()), sig.size()};
    }
    ensure_sodium();
    if (k.secret_bytes.size() != crypto_sign_SECRETKEYBYTES)
        throw error(errc::invalid_argument, "the signing key is incomplete");
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(),
                         k.secret_bytes.data());
    return {reinterpret_cast<const char*>(sig), sizeof sig};
}

bool signature_holds(const public_key& k, std::string_view signing_input, std::string_view signature) {
    if (signature.size() != 64) return false;
    const auto* sig = reinterpret_cast<const unsigned char*>(signature.data());
    if (k.algorithm == key_algorithm::es256)
        return k.bytes.size() == 64 && p256::verify(k.bytes.data(), signing_input, sig);
    ensure_sodium();
    return k.bytes.size() == crypto_sign_PUBLICKEYBYTES &&
           crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(signing_input.data()),
                                       signing_input.size(), k.bytes.data()) == 0;
}

}  // namespace detail

using namespace detail;  // the issuing internals (internal.hpp)

const char* to_string(key_algorithm a) noexcept {
    switch (a) {
        case key_algorithm::es256: return "ES256";
        case key_algorithm::ed25519: return "Ed25519";
    }
    return "";
}

namespace {

std::vector<unsigned char> key_bytes(const ojson& o, const char* key, std::size_t n) {
    const auto raw = unb64url(member_string(o, key, ""));
    if (!raw || raw->size() != n)
        throw error(errc::validation_error, "expected " + std::to_string(n) + " bytes in base64url", std::string("/") + key);
    return {raw->begin(), raw->end()};
}

void check_format(const ojson& o, std::string_view expected) {
    if (!o.is_object()) throw error(errc::validation_error, "expected an object");
    if (member_string(o, "format", "") != expected)
        throw error(errc::validation_error, "expected \"" + std::string(expected) + "\"", "/format");
}

/// The format a key file names ("" when none): which reader to use.
std::string format_of(const ojson& o) { return string_member(o, "format"); }

constexpr const char* ed25519_secret_format = "smart.signing-key/1";
constexpr const char* ed25519_public_format = "smart.public-key/1";
constexpr const char* es256_secret_format = "smart.signing-key/2";
constexpr const char* es256_public_format = "smart.public-key/2";

// --- Ed25519 (smart.*-key/1) --------------------------------------------------------------

ojson ed25519_document(const char* format, const std::string& key_id, const std::vector<unsigned char>& pk) {
    ojson o;
    o["format"] = format;
    o["algorithm"] = "Ed25519";
    o["key_id"] = key_id;
    o["public"] = b64url(pk.data(), pk.size());
    return o;
}

void check_ed25519_key_id(const std::string& key_id, const std::vector<unsigned char>& pk) {
    if (key_id != key_id_for(pk.data()))
        throw error(errc::validation_error, "the key id does not match the public key", "/key_id");
}

/// The members both /1 files share (the key id is checked by the caller: a secret key's
/// own check comes first).
public_key read_ed25519_public(const ojson& o, const char* format) {
    ensure_sodium();
    check_format(o, format);
    public_key k;
    k.algorithm = key_algorithm::ed25519;
    k.key_id = member_string(o, "key_id", "");
    k.bytes = key_bytes(o, "public", 32);
    return k;
}

signing_key read_ed25519_secret(const ojson& o) {
    const public_key pk = read_ed25519_public(o, ed25519_secret_format);
    signing_key k;
    k.algorithm = key_algorithm::ed25519;
    k.key_id = pk.key_id;
    k.public_bytes = pk.bytes;
    k.secret_bytes = key_bytes(o, "secret", 64);
    // libsodium's 64-byte secret key is the 32-byte seed followed by the public key; the
    // signature is made from the seed. Derive both halves again from the seed: comparing
    // only the stored public half would accept a seed of another key, whose signatures
    // then verify against nothing (found by fuzzing).
    std::array<unsigned char, 32> derived{};
    std::array<unsigned char, 64> expanded{};
    crypto_sign_seed_keypair(derived.data(), expanded.data(), k.secret_bytes.data());
    const bool same = std::equal(derived.begin(), derived.end(), k.public_bytes.begin()) &&
                      sodium_memcmp(expanded.data(), k.secret_bytes.data(), 64) == 0;
    sodium_memzero(expanded.data(), expanded.size());
    if (!same) {
        p256::wipe(k.secret_bytes);
        throw error(errc::validation_error, "the secret key does not belong to the public key", "/secret");
    }
    check_ed25519_key_id(k.key_id, k.public_bytes);
    return k;
}

// --- ES256 (smart.*-key/2: JWKs) -----------------------------------------------------------

ojson es256_document(const char* format, const public_key& k) {
    ojson o;
    o["format"] = format;
    o["kty"] = "EC";
    o["crv"] = "P-256";
    o["x"] = b64url(k.bytes.data(), 32);
    o["y"] = b64url(k.bytes.data() + 32, 32);
    return o;
}

void add_es256_tail(ojson& o, const public_key& k) {
    o["alg"] = "ES256";
    o["kid"] = k.key_id;
}

public_key read_es256_public(const ojson& o, const char* format) {
    check_format(o, format);
    if (member_string(o, "kty", "") != "EC") throw error(errc::validation_error, "expected \"EC\"", "/kty");
    if (member_string(o, "crv", "") != "P-256") throw error(errc::validation_error, "expected \"P-256\"", "/crv");
    if (o.contains("alg") && member_string(o, "alg", "") != "ES256")
        throw error(errc::validation_error, "expected \"ES256\"", "/alg");
    public_key k;
    k.algorithm = key_algorithm::es256;
    k.bytes = key_bytes(o, "x", 32);
    const auto y = key_bytes(o, "y", 32);
    k.bytes.insert(k.bytes.end(), y.begin(), y.end());
    if (!p256::on_curve(k.bytes.data())) throw error(errc::validation_error, "not a point of P-256", "/y");
    k.key_id = key_multibase(k);
    if (member_string(o, "kid", "") != k.key_id)
        throw error(errc::validation_error, "the key id does not match the public key (expected its multibase)", "/kid");
    return k;
}

signing_key read_es256_secret(const ojson& o) {
    const public_key pk = read_es256_public(o, es256_secret_format);
    signing_key k;
    k.algorithm = key_algorithm::es256;
    k.key_id = pk.key_id;
    k.public_bytes = pk.bytes;
    k.secret_bytes = key_bytes(o, "d", 32);
    if (!p256::pair_matches(k.public_bytes.data(), k.secret_bytes.data())) {
        p256::wipe(k.secret_bytes);
        throw error(errc::validation_error, "the secret key does not belong to the public key", "/d");
    }
    return k;
}

[[noreturn]] void secret_where_public_expected() {
    throw error(errc::validation_error, "this is a secret key; give the public key file (keep the secret one private)");
}

}  // namespace

std::string signing_key_pem(const signing_key& k) {
    if (k.algorithm != key_algorithm::es256 || k.public_bytes.size() != 64 || k.secret_bytes.size() != 32)
        throw error(errc::invalid_argument,
                    "key " + detail::quoted(k.key_id) +
                        " is an Ed25519 key: PDF readers do not verify Ed25519 signatures; make an ES256 key "
                        "(smart keygen) to sign PDFs");
    return p256::pkcs8_pem(k.public_bytes.data(), k.secret_bytes.data());
}

std::string public_key_pem(const public_key& k) {
    if (k.algorithm != key_algorithm::es256 || k.bytes.size() != 64)
        throw error(errc::invalid_argument,
                    "key " + detail::quoted(k.key_id) + " is an Ed25519 key: it signs no PDF and has no PEM form here");
    return p256::spki_pem(k.bytes.data());
}

signing_key generate_signing_key(key_algorithm algorithm) {
    signing_key k;
    k.algorithm = algorithm;
    if (algorithm == key_algorithm::ed25519) {
        ensure_sodium();
        k.public_bytes.assign(crypto_sign_PUBLICKEYBYTES, 0);
        k.secret_bytes.assign(crypto_sign_SECRETKEYBYTES, 0);
        crypto_sign_keypair(k.public_bytes.data(), k.secret_bytes.data());
        k.key_id = key_id_for(k.public_bytes.data());
        return k;
    }
    p256::generate(k.public_bytes, k.secret_bytes);
    k.key_id = key_multibase(k.public_part());
    return k;
}

std::string save_signing_key(const signing_key& k) {
    ojson o;
    if (k.algorithm == key_algorithm::ed25519) {
        o = ed25519_document(ed25519_secret_format, k.key_id, k.public_bytes);
        o["secret"] = b64url(k.secret_bytes.data(), k.secret_bytes.size());
    } else {
        o = es256_document(es256_secret_format, k.public_part());
        o["d"] = b64url(k.secret_bytes.data(), k.secret_bytes.size());
        add_es256_tail(o, k.public_part());
    }
    return o.dump(2) + "\n";
}

signing_key load_signing_key(std::string_view json_text) {
    const ojson o = parse_json(json_text, "key file");
    if (format_of(o) == ed25519_secret_format) return read_ed25519_secret(o);
    if (format_of(o) == es256_secret_format) return read_es256_secret(o);
    if (format_of(o) == es256_public_format || format_of(o) == ed25519_public_format)
        throw error(errc::validation_error, "this is a public key file; signing needs the secret key file", "/format");
    throw error(errc::validation_error, std::string("expected \"") + es256_secret_format + "\" (or \"" +
                                            ed25519_secret_format + "\")", "/format");
}

signing_key load_signing_key_file(const std::filesystem::path& file) {
    std::string text;
    try {
        text = detail::read_document_file(file);
    } catch (const error& e) {
        if (e.code() == errc::not_found)
            throw error(e.code(), "cannot open the key file " + detail::quoted(file.string(), 200));
        throw error(e.code(), "key file " + detail::quoted(file.string(), 200) + ": " + e.message());
    }
    try {
        return load_signing_key(text);
    } catch (const error& e) {
        // never echo key material: the messages above name places, not values
        throw error(e.code(), "key file \"" + file.string() + "\": " + e.message(), e.pointer());
    }
}

std::string save_public_key(const public_key& k) {
    if (k.algorithm == key_algorithm::ed25519)
        return ed25519_document(ed25519_public_format, k.key_id, k.bytes).dump(2) + "\n";
    ojson o = es256_document(es256_public_format, k);
    add_es256_tail(o, k);
    return o.dump(2) + "\n";
}

public_key load_public_key(std::string_view json_text) {
    const ojson o = parse_json(json_text, "key file");
    if (o.is_object() && (o.contains("d") || o.contains("secret") || format_of(o) == es256_secret_format ||
                          format_of(o) == ed25519_secret_format))
        secret_where_public_expected();
    if (format_of(o) == ed25519_public_format) {
        public_key k = read_ed25519_public(o, ed25519_public_format);
        check_ed25519_key_id(k.key_id, k.bytes);
        return k;
    }
    return read_es256_public(o, es256_public_format);
}

}  // namespace smart
