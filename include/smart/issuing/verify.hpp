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

enum class verification_status : std::uint8_t { valid, revoked, replaced, tampered, unknown_key };
const char* to_string(verification_status s) noexcept;

struct verification_result {
    verification_status status = verification_status::tampered;
    std::string key_id;
    std::string serial;           ///< from the credential, when it could be read
    std::string credential_json;  ///< what was certified: the signed payload, as signed
    std::string detail;           ///< why, in English (for logs)
};

/// Checks a compact JWS: the key must be one of `trusted` (else unknown_key), the
/// signature must verify over the exact bytes (else tampered — any change to any field
/// fails), and with a register the status is revoked or replaced when it says so.
verification_result verify_credential(std::string_view credential_jws, std::span<const public_key> trusted,
                                      const certificate_register* reg = nullptr);

/// Checks a credential document (SERIAL.json, which carries no signature) against the
/// register: the record named by its id holds the signed token, which is verified as
/// verify_credential() does; the document must then say exactly what that token signed
/// (without the JWT claims), else the result is tampered. Throws not_found when the
/// register has no record with the document's id, parse_error when it is not JSON.
verification_result verify_credential_document(std::string_view credential_json, std::span<const public_key> trusted,
                                               const certificate_register& reg);

}  // namespace smart
