// Issued certificate records: the issuer, the frozen record, serials, credential ids,
// verification codes and the default issuer of a programme.
// Part of the issuing API; include "smart/issuing.hpp" for all of it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "smart/certificate.hpp"
#include "smart/issuing/keys.hpp"
#include "smart/programme.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

/// Who issues: the municipality or centre, identified by a URI (did:key:…, did:web:…, https://… or
/// urn:…); url, when given, is an https URL.
struct issuer_profile {
    std::string id;
    std::string name;
    std::string url;  ///< optional
    friend bool operator==(const issuer_profile&, const issuer_profile&) = default;
};

enum class record_status : std::uint8_t { valid, revoked, replaced };
const char* to_string(record_status s) noexcept;

/// An issued certificate, frozen: it keeps its own copy of everything it states, so later
/// edits to the programme or the participant do not change it.
struct certificate_record {
    std::string serial;
    std::uint32_t issue_number = 1;  ///< 1 for the first issue, 2, 3, … for re-issues
    certificate_data data;
    issuer_profile issuer;
    date issued_on;
    lang language = lang::nb;
    std::string credential_jws;     ///< compact JWS of the Open Badges 3.0 credential
    std::string verification_code;  ///< "XXXX-XXXX", derived from the signature
    // status, as the register knows it
    record_status status = record_status::valid;
    std::string revoked_reason;
    date revoked_on;
    /// Revoked to be corrected (revoke(..., true), or the one-step reissue with a reason):
    /// a bulk re-run issues the replacement. False for other revocations, which stand.
    bool revoked_for_correction = false;
    std::string replaces;     ///< serial of the record this one re-issues
    std::string replaced_by;  ///< serial of the record that re-issued this one
    /// The record's entry in the issuer's public revocation list (W3C Bitstring Status
    /// List): the list credential's URL ("<issuer url>/status/revocation.jwt") and the
    /// bit's index in it, drawn at random among the free ones when the register issued
    /// it. Empty and 0 when the issuer has no URL (and for records issued before).
    std::string status_list;
    std::uint32_t status_index = 0;
    friend bool operator==(const certificate_record&, const certificate_record&) = default;
};

/// The serial of a certificate: stable for (issuer, programme, cohort, participant, issue
/// number) — the same inputs always give the same serial, so re-runs issue nothing new —
/// and unique in practice (60 bits of BLAKE2b). With an issuer id (every certificate
/// issued since issue 12) the form is "SMART-IIII-XXXX-XXXX-XXXX": IIII is 20 bits of
/// BLAKE2b of the issuer id (the same for all of an issuer's certificates) and the issuer
/// id is part of the hash of the rest, so two issuers never share a serial. Without one
/// (`issuer_id` empty: the serials issued before) "SMART-XXXX-XXXX-XXXX". Crockford base32.
std::string certificate_serial(std::string_view programme_id, std::string_view cohort_id,
                               std::string_view participant_id, std::uint32_t issue_number = 1,
                               std::string_view issuer_id = {});

/// True for text of exactly a serial's form, "SMART-IIII-XXXX-XXXX-XXXX" or the older
/// "SMART-XXXX-XXXX-XXXX" (Crockford base32, upper case as printed).
bool is_certificate_serial(std::string_view text) noexcept;
/// Every distinct serial in a text (a certificate page, a message), of either form, sorted.
std::vector<std::string> find_certificate_serials(std::string_view text);
/// True when two serials (or verification codes) are the same but for letter case: serial
/// look-up is case-insensitive everywhere (people type them from paper).
bool same_serial(std::string_view a, std::string_view b) noexcept;
/// The id of a certificate's credential (and its JWT "jti"): "urn:smart:certificate:" + serial.
std::string certificate_urn(std::string_view serial);
/// The serial in a credential id made by certificate_urn(), or "" when `id` is not one.
std::string serial_of_urn(std::string_view id);

/// The short code printed on a certificate, derived from the JWS signature: "XXXX-XXXX".
/// Throws invalid_argument for text that is not a compact JWS.
std::string verification_code(std::string_view credential_jws);

/// The token of a certificate's page on a published verification site (`URL/c/<token>/`):
/// lowercase RFC 4648 base32 (no padding) of the first 130 bits of
/// SHA-256("smart-verify:" + SERIAL + ":" + CODE), 26 characters, with the serial in upper
/// case and the code in upper case without dashes or spaces (as people may type both).
/// Only someone holding the serial and the code finds the page, and pages cannot be
/// enumerated. Throws invalid_argument for a serial that is not of a serial's form or an
/// empty code.
std::string verification_token(std::string_view serial, std::string_view code);

/// The issuer a programme's certificates name unless told otherwise: id the did:web of
/// `url` when the issuer has one (an https URL, see did_web()), else the signing key's
/// did:key; name the programme's provider in `l` (its name when it has no provider); url
/// `url`. Throws invalid_argument for a url that gives no did:web.
issuer_profile default_issuer(const programme& p, lang l, const public_key& key, std::string_view url = "");

}  // namespace smart
