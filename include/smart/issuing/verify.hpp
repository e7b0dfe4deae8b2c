// Verifying a credential against trusted keys and, optionally, a register.
// Part of the issuing API; include "smart/issuing.hpp" for all of it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "smart/issuing/keys.hpp"
#include "smart/issuing/register.hpp"

namespace smart {

/// unsigned_document: a PDF without a signature whose words are the register's record — what
/// it shows cannot be confirmed (only a face that reads PDFs reports it; the core's checks of
/// tokens and credential documents never do).
enum class verification_status : std::uint8_t { valid, revoked, replaced, tampered, unknown_key, unsigned_document };
const char* to_string(verification_status s) noexcept;

struct verification_result {
    verification_status status = verification_status::tampered;
    std::string key_id;
    std::string serial;           ///< from the credential, when it could be read
    std::string credential_json;  ///< what was certified: the signed payload, as signed
    std::string detail;           ///< why, in English (for logs)
    // what the register says (with a register, for revoked and replaced; else empty)
    std::string replaced_by;     ///< the serial of the replacement (a correction), if any
    std::string revoked_reason;  ///< why it was revoked
    date revoked_on;             ///< when it was revoked
};

/// The verdict for people, in `l`: "Gyldig." / "Trukket tilbake 1. mai 2025: … Erstattet
/// av SMART-…." and so on — a revoked or replaced certificate names its replacement.
std::string verification_text(const verification_result& v, lang l);

/// Checks a compact JWS. The key is never taken from the token: the header's kid must name
/// one of `trusted` (else unknown_key) — by its key id, or as a DID URL whose fragment is
/// the key's id or multibase (keys from public key files, from resolve_did_key() or from a
/// DID document). The alg must be the key's (ES256 for P-256 keys; Ed25519 or EdDSA for
/// Ed25519 keys; nothing else, ever), the signature must verify over the exact bytes (any
/// change to any field fails), a did:key kid must be the key's, a DID kid's DID must be
/// the issuer's when the issuer id is a DID, and iss the issuer: else tampered. With a
/// register the status is revoked or replaced when it says so.
/// With `status_list_jws` (the issuer's published status list credential, not empty) and
/// a credential that has a credentialStatus: the list must verify with `trusted` as a
/// credential does (else its verdict: unknown_key or tampered), be issued by the
/// credential's issuer, be a BitstringStatusListCredential of purpose revocation whose id
/// is the credential's statusListCredential (else tampered: a list of another issuer or
/// URL proves nothing); the credential's bit set makes it revoked (the register, when
/// given too, says more and wins). A credential without credentialStatus ignores the list.
verification_result verify_credential(std::string_view credential_jws, std::span<const public_key> trusted,
                                      const certificate_register* reg = nullptr,
                                      std::string_view status_list_jws = {});

/// Checks a credential document (SERIAL.json, which carries no signature) against the
/// register: the record named by its id holds the signed token, which is verified as
/// verify_credential() does; the document must then say exactly what that token signed
/// (without the JWT claims), else the result is tampered. Throws not_found when the
/// register has no record with the document's id, parse_error when it is not JSON.
verification_result verify_credential_document(std::string_view credential_json, std::span<const public_key> trusted,
                                               const certificate_register& reg);

/// The check a certificate's reader can make with what is printed on it: the serial and
/// the verification code, against the issuer's register (both letter case aside; the
/// code with or without its dash). The record's signed token is verified as
/// verify_credential() does, and the code must be the one derived from its signature.
/// Throws not_found for a serial the register does not hold, and not_allowed for a code
/// that is not the certificate's — neither message names the holder or what was
/// certified. Right code: the verdict (valid, revoked or replaced naming the
/// replacement), with what was certified.
verification_result verify_serial_code(const certificate_register& reg, std::string_view serial,
                                       std::string_view code, std::span<const public_key> trusted);

/// A certificate's status as a published verification site states it
/// (`c/<token>/status.json`, written by `smart publish`): the issuer's register when the
/// site was published, not a live answer.
struct site_status {
    record_status status = record_status::valid;
    date revoked_on;             ///< not_a_date_time unless revoked
    std::string revoked_reason;  ///< empty unless revoked
    std::string replaced_by;     ///< the replacement's serial, empty when none
    date published_on;           ///< the day the site stated it
    friend bool operator==(const site_status&, const site_status&) = default;
};

/// The record's status.json as of `published_on`: {"serial", "status", "revoked_on"
/// (ISO 8601 or null), "revoked_reason", "replaced_by", "published_on"}, indented, with a
/// final newline.
std::string site_status_json(const certificate_record& r, date published_on);
/// Reads a status.json. Throws parse_error when it is not JSON, validation_error at the
/// JSON Pointer of a member that is missing or not what it must be (status one of
/// valid/revoked/replaced, dates ISO 8601, revoked_on a date when revoked).
site_status read_site_status(std::string_view json);

/// The check against a published site with what is printed on the certificate: `jws` (the
/// site's credential.jwt for `serial` and `code`) is verified as verify_credential() does,
/// with the site's status list when given (a set bit is revoked whatever the site's
/// status.json says: a stale or edited status.json cannot un-revoke), and must be the
/// certificate of that serial and code (letter case and dashes aside; else throws
/// not_allowed, naming neither holder nor content). A genuine token takes the stated
/// status when it is revoked or replaced, with its date, reason and replacement.
verification_result verify_site_certificate(std::string_view jws, std::string_view serial, std::string_view code,
                                            std::span<const public_key> trusted, std::string_view status_list_jws,
                                            const site_status* stated);
/// Where the status of verify_site_certificate() came from, one line per source, in `l`:
/// the issuer's signed revocation list, the register as the site stated it on a day, or
/// none (the signature only).
std::string site_status_source(bool status_list, const site_status* stated, lang l);

}  // namespace smart
