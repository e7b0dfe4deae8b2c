// Signing keys: ECDSA P-256 (JOSE alg ES256, OpenSSL) for new keys, Ed25519 (libsodium)
// for the keys made before; key files; the keys' DIDs (did:key, did:web) and DID documents.
// Part of the issuing API; include "smart/issuing.hpp" for all of it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace smart {

/// What a key signs with. New keys are ES256 (ECDSA over P-256 with SHA-256); Ed25519 keys
/// are those of smart.signing-key/1 files, kept so that what they signed still verifies.
enum class key_algorithm : std::uint8_t { es256, ed25519 };
/// The JOSE "alg" a key signs with (RFC 9864's fully specified names): "ES256", "Ed25519".
const char* to_string(key_algorithm a) noexcept;

/// A public key with its id. ES256: `bytes` is the point's x || y (64 bytes) and the id its
/// multibase (as in its did:key, "zDn…"); Ed25519: the 32-byte key, the id as its file says
/// ("smart-" + 16 hex digits for keys of smart.public-key/1 files).
struct public_key {
    key_algorithm algorithm = key_algorithm::es256;
    std::string key_id;
    std::vector<unsigned char> bytes;
    friend bool operator==(const public_key&, const public_key&) = default;
};

/// A key pair. The secret never appears in a record, a credential, a message or a log.
struct signing_key {
    key_algorithm algorithm = key_algorithm::es256;
    std::string key_id;                      ///< as public_key::key_id
    std::vector<unsigned char> public_bytes; ///< as public_key::bytes
    std::vector<unsigned char> secret_bytes; ///< ES256: the scalar d (32 bytes); Ed25519: libsodium's 64 bytes
    public_key public_part() const { return {algorithm, key_id, public_bytes}; }
};

/// The ES256 key pair as unencrypted PKCS#8 PEM, for a tool that signs with the same key —
/// the PDF signer (PAdES), whose readers verify ECDSA P-256 but not Ed25519. Throws
/// invalid_argument for an Ed25519 key. The text holds the secret: keep it in memory.
std::string signing_key_pem(const signing_key& k);
/// The ES256 public key as SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"), the
/// form X.509 tools and PDF signature validators compare signer keys with. Throws
/// invalid_argument for an Ed25519 key (it signs no PDF).
std::string public_key_pem(const public_key& k);

/// A fresh key pair from the operating system's randomness (ES256 unless told otherwise).
signing_key generate_signing_key(key_algorithm algorithm = key_algorithm::es256);

/// Key files. ES256 (smart.signing-key/2, smart.public-key/2): a JWK (RFC 7517) with a
/// "format" member: {"format", "kty": "EC", "crv": "P-256", "x", "y", "d", "alg": "ES256",
/// "kid"}, the public file the same without "d". Ed25519 (smart.signing-key/1,
/// smart.public-key/1): {"format", "algorithm", "key_id", "public", "secret"}. Bytes are
/// base64url without padding. Each key is saved in its own algorithm's format.
std::string save_signing_key(const signing_key& k);
/// Reads either format. Throws parse_error / validation_error (with JSON Pointer) for a
/// malformed or inconsistent key (the secret must match the public key and the id).
signing_key load_signing_key(std::string_view json_text);
signing_key load_signing_key_file(const std::filesystem::path& file);
std::string save_public_key(const public_key& k);
/// Reads a public key file's text (either format). Throws validation_error for a secret
/// key ("this is a secret key"), parse_error / validation_error for anything malformed.
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
/// Reads a public key file (at most 1 MiB). A secret key file is refused (validation_error:
/// "this is a secret key; give the public key file …"): a verifier never needs the secret.
/// Throws not_found, parse_error or validation_error naming the file, never key material.
public_key load_public_key_file(const std::filesystem::path& file);
/// Keys never lie where documents are published: throws invalid_argument when `key_file`
/// (resolved) is inside `folder` (resolved), naming both.
void check_key_outside(const std::filesystem::path& key_file, const std::filesystem::path& folder);

// --- DIDs ----------------------------------------------------------------------------------

/// The key's multibase: "z" + base58btc of the multicodec key (ES256: p256-pub 0x1200 and
/// the 33-byte compressed point, "zDn…"; Ed25519: ed25519-pub 0xed and the 32 bytes, "z6Mk…").
std::string key_multibase(const public_key& k);
/// The key's did:key: "did:key:" + key_multibase(k).
std::string did_key(const public_key& k);
/// The key a did:key names (a DID URL's fragment, when there is one, must be its
/// multibase). Throws invalid_argument for anything else, naming what was expected. The
/// key id is the multibase.
public_key resolve_did_key(std::string_view did);
/// The did:web of an issuer's https URL: "https://kommune.no" -> "did:web:kommune.no",
/// "https://kommune.no:8443/smart" -> "did:web:kommune.no%3A8443:smart". Throws
/// invalid_argument for a URL that is not https://host[:port][/path] (no user, query or
/// fragment; path segments of letters, digits and -._~).
std::string did_web(std::string_view https_url);
/// Where a did:web's document is fetched from: "https://host/.well-known/did.json", or
/// "https://host/path/did.json" for a DID with a path. Throws invalid_argument otherwise.
std::string did_web_document_url(std::string_view did);
/// The DID URL a credential signed by `k` for `issuer_id` names in its JWS "kid": the
/// issuer's DID (when it is a did:web, or this key's did:key) + "#" + key_multibase(k);
/// for any other issuer id the key's did:key URL. Throws invalid_argument when the issuer
/// id is the did:key of another key.
std::string key_reference(const public_key& k, std::string_view issuer_id);
/// The DID document (JSON) that publishes `k` under `did` (did:web:… usually): @context
/// DID v1 and JWK v1, one verificationMethod of type JsonWebKey (id DID#multibase,
/// controller, publicKeyJwk without private members), referenced by assertionMethod.
std::string did_document(const public_key& k, std::string_view did);
/// The keys a DID document publishes (verificationMethod entries with publicKeyJwk of an
/// EC P-256 or OKP Ed25519 key, or a publicKeyMultibase), each with its id's fragment as
/// key id. Throws parse_error, or validation_error (with JSON Pointer) when it publishes
/// none, or a private key.
std::vector<public_key> load_did_document(std::string_view json_text);

}  // namespace smart
