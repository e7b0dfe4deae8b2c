// Ed25519 signing keys (libsodium) and key files.
// Part of the issuing API; include "smart/issuing.hpp" for all of it.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

namespace smart {

/// An Ed25519 public key with its id (the JWS "kid").
struct public_key {
    std::string key_id;
    std::array<unsigned char, 32> bytes{};
    friend bool operator==(const public_key&, const public_key&) = default;
};

/// An Ed25519 key pair. The secret never appears in a record, a credential or a log.
struct signing_key {
    std::string key_id;                      ///< "smart-" + 16 hex digits of the public key's BLAKE2b hash
    std::array<unsigned char, 32> public_bytes{};
    std::array<unsigned char, 64> secret_bytes{};  ///< libsodium's form: seed followed by the public key
    public_key public_part() const { return {key_id, public_bytes}; }
};

/// A fresh key pair from the operating system's randomness.
signing_key generate_signing_key();
/// Key files: JSON {"format": "smart.signing-key/1", "key_id", "public", "secret"} and
/// {"format": "smart.public-key/1", "key_id", "public"}, bytes base64url without padding.
std::string save_signing_key(const signing_key& k);
/// Throws parse_error / validation_error (with JSON Pointer) for a malformed or
/// inconsistent key (the secret must match the public key and the id).
signing_key load_signing_key(std::string_view json_text);
signing_key load_signing_key_file(const std::filesystem::path& file);
std::string save_public_key(const public_key& k);
public_key load_public_key(std::string_view json_text);

/// Where the public key of a secret key file goes: "issuer.key.json" -> "issuer.pub.json";
/// any other name gets ".pub.json" appended.
std::filesystem::path public_key_path(const std::filesystem::path& key_file);
/// Writes a new secret key file readable by its owner only (mode 0600, whatever the
/// umask) and its public key file beside it (public_key_path, mode 0644), each flushed to
/// the disk. Returns the public key file's path. Throws not_allowed when either file
/// exists (a key is never overwritten; nothing is written then), internal when writing
/// fails. Not safe against another process writing the same names at the same moment
/// beyond that (each file is created exclusively).
std::filesystem::path save_signing_key_file(const signing_key& k, const std::filesystem::path& key_file);
/// Writes a new public key file (mode 0644). Throws not_allowed when it exists.
void save_public_key_file(const public_key& k, const std::filesystem::path& file);
/// Reads a public key file — or the public half of a secret key file (at most 1 MiB).
/// Throws not_found, parse_error or validation_error naming the file, never key material.
public_key load_public_key_file(const std::filesystem::path& file);
/// Keys never lie where documents are published: throws invalid_argument when `key_file`
/// (resolved) is inside `folder` (resolved), naming both.
void check_key_outside(const std::filesystem::path& key_file, const std::filesystem::path& folder);

}  // namespace smart
