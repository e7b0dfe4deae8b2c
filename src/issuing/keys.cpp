// Ed25519 signing keys (libsodium): generating, and the key files (smart.signing-key/1,
// smart.public-key/1).
#include <algorithm>

#include "internal.hpp"
#include "../json_input.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

namespace detail {

std::string key_id_for(const std::array<unsigned char, 32>& pk) {
    unsigned char h[8];
    blake2b(h, std::string_view(reinterpret_cast<const char*>(pk.data()), pk.size()));
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "smart-";
    for (unsigned char c : h) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
    return out;
}

}  // namespace detail

using namespace detail;  // the issuing internals (internal.hpp)

namespace {

template <std::size_t N>
std::array<unsigned char, N> key_bytes(const ojson& o, const char* key) {
    const auto raw = unb64url(member_string(o, key, ""));
    if (!raw || raw->size() != N)
        throw error(errc::validation_error, "expected " + std::to_string(N) + " bytes in base64url", std::string("/") + key);
    std::array<unsigned char, N> out{};
    std::copy(raw->begin(), raw->end(), out.begin());
    return out;
}

void check_format(const ojson& o, std::string_view expected) {
    if (!o.is_object()) throw error(errc::validation_error, "expected an object");
    if (member_string(o, "format", "") != expected)
        throw error(errc::validation_error, "expected \"" + std::string(expected) + "\"", "/format");
}

}  // namespace

signing_key generate_signing_key() {
    ensure_sodium();
    signing_key k;
    crypto_sign_keypair(k.public_bytes.data(), k.secret_bytes.data());
    k.key_id = key_id_for(k.public_bytes);
    return k;
}

namespace {
/// The members both key files share; the secret, when there is one, is added after.
ojson key_document(const char* format, const std::string& key_id, const std::array<unsigned char, 32>& pk) {
    ojson o;
    o["format"] = format;
    o["algorithm"] = "Ed25519";
    o["key_id"] = key_id;
    o["public"] = b64url(pk.data(), pk.size());
    return o;
}

/// Reads the shared members: format, key id and public key.
public_key read_key_document(std::string_view json_text, const char* format, ojson& o) {
    ensure_sodium();
    o = parse_json(json_text, "key file");
    check_format(o, format);
    public_key k;
    k.key_id = member_string(o, "key_id", "");
    k.bytes = key_bytes<32>(o, "public");
    return k;
}

/// The key id must be the public key's.
void check_key_id(const std::string& key_id, const std::array<unsigned char, 32>& pk) {
    if (key_id != key_id_for(pk))
        throw error(errc::validation_error, "the key id does not match the public key", "/key_id");
}
}  // namespace

std::string save_signing_key(const signing_key& k) {
    ojson o = key_document("smart.signing-key/1", k.key_id, k.public_bytes);
    o["secret"] = b64url(k.secret_bytes.data(), k.secret_bytes.size());
    return o.dump(2) + "\n";
}

signing_key load_signing_key(std::string_view json_text) {
    ojson o;
    const public_key pk = read_key_document(json_text, "smart.signing-key/1", o);
    signing_key k;
    k.key_id = pk.key_id;
    k.public_bytes = pk.bytes;
    k.secret_bytes = key_bytes<64>(o, "secret");
    // libsodium's 64-byte secret key is the 32-byte seed followed by the public key; the
    // signature is made from the seed. Derive both halves again from the seed: comparing
    // only the stored public half would accept a seed of another key, whose signatures
    // then verify against nothing (found by fuzzing).
    std::array<unsigned char, 32> derived{};
    std::array<unsigned char, 64> expanded{};
    crypto_sign_seed_keypair(derived.data(), expanded.data(), k.secret_bytes.data());
    const bool same = derived == k.public_bytes && sodium_memcmp(expanded.data(), k.secret_bytes.data(), 64) == 0;
    sodium_memzero(expanded.data(), expanded.size());
    if (!same) throw error(errc::validation_error, "the secret key does not belong to the public key", "/secret");
    check_key_id(k.key_id, k.public_bytes);
    return k;
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
    return key_document("smart.public-key/1", k.key_id, k.bytes).dump(2) + "\n";
}

public_key load_public_key(std::string_view json_text) {
    ojson o;
    public_key k = read_key_document(json_text, "smart.public-key/1", o);
    check_key_id(k.key_id, k.bytes);
    return k;
}

}  // namespace smart
