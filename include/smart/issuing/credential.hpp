// Open Badges 3.0 credentials: the credential of a record, signing it as a compact JWS
// (VC-JWT), its words in three languages, and reading a credential back.
// Part of the issuing API; include "smart/issuing.hpp" for all of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smart/issuing/keys.hpp"
#include "smart/issuing/record.hpp"
#include "smart/issuing/register.hpp"

namespace smart {

/// The Open Badges 3.0 AchievementCredential (W3C VC data model 2.0) of a record, as JSON:
/// the programme as the achievement with its criteria narrative, the competence goals as
/// alignments, the holder as the subject, validFrom the issue date.
std::string open_badge_credential(const certificate_record& r);

/// The Open Badges 3.0 credential inside a signed JWT payload: the payload without the
/// registered claims the signature adds (iss, jti, nbf), as JSON text. Throws parse_error
/// for a payload that is not a JSON object.
std::string credential_of_payload(std::string_view payload_json);

/// What a credential certifies, as a person reads it (`smart verify` prints it): read
/// from the credential's JSON (the signed payload or the OB 3.0 document). Members that
/// are missing are empty.
struct credential_summary {
    std::string holder;        ///< the subject's identifier of type "name"
    std::string certificate;   ///< the achievement's description: programme (cohort)
    std::string period_start;  ///< YYYY-MM-DD
    std::string period_end;    ///< YYYY-MM-DD
    std::string issuer_name;
    std::string issuer_id;
    std::string issued_on;                                  ///< YYYY-MM-DD (validFrom)
    std::vector<std::pair<std::string, std::string>> goals;  ///< (code, text) of each alignment
    std::string requirements;                               ///< the criteria narrative
};
/// Throws parse_error for text that is not a JSON object.
credential_summary summarize_credential(std::string_view credential_json);

/// The public revocation list's entry of a credential (W3C Bitstring Status List v1.0).
struct status_entry {
    std::string list_url;  ///< the status list credential's URL
    std::uint32_t index = 0;
};

/// Issues a record for certificate data: serial, frozen data, the credential signed with
/// `key` as a compact JWS (header alg ES256 — Ed25519 for an Ed25519 key —, typ JWT, kid the
/// DID URL of key_reference(); no key in the header), verification code. Throws
/// invalid_argument for an issuer id that is no URI, a url that is not https, or an issuer
/// id that is the did:key of another key. With `status` (the register gives one when
/// the issuer has a URL) the credential has a credentialStatus (BitstringStatusListEntry,
/// purpose revocation) naming that list and index, and the record keeps them.
certificate_record sign_certificate(const certificate_data& d, const issuer_profile& issuer, const signing_key& key,
                                    date issued_on, lang language, std::uint32_t issue_number = 1,
                                    const status_entry& status = {});

/// The number of entries of a status list: 131,072 bits (16 KB), the spec's minimum, so
/// one index tells nothing of the others.
inline constexpr std::uint32_t status_list_size = 131072;
/// The URL of an issuer's revocation list number `n` (0 the first; a second one only
/// when the first is full): "<issuer url>/status/revocation.jwt", then
/// "…/revocation-2.jwt", ….
std::string status_list_url(std::string_view issuer_url, std::uint32_t n = 0);

/// The signed W3C Bitstring Status List credential (VC-JWT, header as for certificates:
/// alg of the key, kid the issuer's DID URL, no key) of the register's records on
/// `list_url`: bit i (the most significant bit of byte 0 is index 0) is 1 when the
/// certificate with index i is no longer valid (revoked, or replaced by a correction).
/// The encodedList is "u" + base64url(GZIP(bits)); no names, nothing else of the records.
/// No validUntil: the issuer republishes it after every revocation (docs/certificates.md).
/// Throws invalid_argument for an issuer id that is no URI, an empty list_url or
/// valid_from.
std::string status_list_credential(const certificate_register& reg, const issuer_profile& issuer,
                                   const signing_key& key, std::string_view list_url, date valid_from);

/// Who signs the status list at `list_url` of an issuer with web address `issuer_url`: the
/// issuer of the register's newest record on that list (the list belongs to whoever issued
/// its certificates), with `issuer_id` instead of its id when not empty; with no record on
/// the list, the issuer `issuer_id`, else the did:web of `issuer_url`, named "-". The URL
/// is `issuer_url` in every case.
issuer_profile status_list_issuer(const certificate_register& reg, std::string_view issuer_url,
                                  std::string_view list_url, std::string_view issuer_id = {});

/// How many of the register's records are on `list_url`, and how many of those are no
/// longer valid (their bit is set).
struct status_list_count {
    std::size_t entries = 0;
    std::size_t no_longer_valid = 0;
};
status_list_count count_status_list(const certificate_register& reg, std::string_view list_url);

/// The bits of a status list credential's encodedList ("u" + base64url of GZIP);
/// nullopt when it is not that (or inflates to more than 16 MiB).
std::optional<std::string> decode_status_list(std::string_view encoded_list);

/// The certificate text in the record's language (bokmål, nynorsk or English): title,
/// the attesting sentence, the goals, the requirements met, issuer, serial and code.
struct certificate_wording {
    std::string title;           ///< "Kompetansebevis" / "Kompetansebevis" / "Certificate of competence"
    std::string holder_line;     ///< the holder's name
    std::string attests;         ///< "har gjennomført SMART trenerutdanning 2024/2025 (18.9.2024–9.4.2025) og ..."
    std::string goals_heading;   ///< "Kompetansemål" / "Kompetansemål" / "Competence goals"
    std::vector<std::string> goals;
    std::string requirements_heading;
    std::vector<std::string> requirements;  ///< met ones, and exemptions with their reason
    std::string issued_line;     ///< "Utstedt 30.4.2025 av …"
    std::string serial_line;     ///< "Serienummer SMART-…"
    std::string code_line;       ///< "Kontrollkode XXXX-XXXX"
    std::string verify_hint;     ///< how to check it: at the issuer, or at issuer.url/c/<token>/ when it has a url
};

/// The words of a published verification site (smart publish) in one language: what the
/// site is, how to check a certificate, and the labels of a certificate's page. The
/// certificate itself is worded by wording(), its status by verification_text().
struct site_wording {
    std::string site_title;      ///< "Kontroll av kompetansebevis"
    std::string about;           ///< what the site is, naming the issuer; no personal data
    std::string how_to_check;    ///< scan the QR code or type the address printed under it
    std::string independent;     ///< the signed token and the public keys, for one's own check
    std::string page_title;      ///< title of a certificate's page
    std::string status_heading;  ///< "Status"
    std::string status_note;     ///< the status is the register's when the site was published, "… 29.11.2026"
    std::string download;        ///< the link to the signed credential
    std::string keys;            ///< the link to the issuer's public keys
    std::string status_list;     ///< the link to the status list
    std::string language;        ///< "Språk" / "Language"
};
/// The site's words in `l`; `issuer_name` is named in `about`, `published_on` in `status_note`.
site_wording site_words(lang l, std::string_view issuer_name, date published_on);

certificate_wording wording(const certificate_record& r);
certificate_wording wording(const certificate_record& r, lang l);

}  // namespace smart
