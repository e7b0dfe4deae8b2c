// Issuing certificates: Ed25519 keys (libsodium), frozen certificate records with stable
// serials, Open Badges 3.0 credentials signed as compact JWS (VC-JWT, alg EdDSA), short
// verification codes, verification, and the append-only register that is the source of
// truth for what was issued, revoked or replaced.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "smart/certificate.hpp"
#include "smart/programme.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

// --- keys -----------------------------------------------------------------------------

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

// --- records --------------------------------------------------------------------------

/// Who issues: the municipality or centre, identified by a URI (https://… or urn:…).
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
    std::string replaces;     ///< serial of the record this one re-issues
    std::string replaced_by;  ///< serial of the record that re-issued this one
    friend bool operator==(const certificate_record&, const certificate_record&) = default;
};

/// The serial of a certificate: stable for (programme, cohort, participant, issue number)
/// — the same inputs always give the same serial, so re-runs issue nothing new — and
/// unique in practice (60 bits of BLAKE2b). Form "SMART-XXXX-XXXX-XXXX" (Crockford base32).
std::string certificate_serial(std::string_view programme_id, std::string_view cohort_id,
                               std::string_view participant_id, std::uint32_t issue_number = 1);

/// True for text of exactly the serial form "SMART-XXXX-XXXX-XXXX" (Crockford base32).
bool is_certificate_serial(std::string_view text) noexcept;
/// Every distinct serial in a text (a certificate page, a message), sorted.
std::vector<std::string> find_certificate_serials(std::string_view text);
/// The id of a certificate's credential (and its JWT "jti"): "urn:smart:certificate:" + serial.
std::string certificate_urn(std::string_view serial);
/// The serial in a credential id made by certificate_urn(), or "" when `id` is not one.
std::string serial_of_urn(std::string_view id);

/// The short code printed on a certificate, derived from the JWS signature: "XXXX-XXXX".
/// Throws invalid_argument for text that is not a compact JWS.
std::string verification_code(std::string_view credential_jws);

/// The Open Badges 3.0 AchievementCredential (W3C VC data model 2.0) of a record, as JSON:
/// the programme as the achievement with its criteria narrative, the competence goals as
/// alignments, the holder as the subject, validFrom the issue date.
std::string open_badge_credential(const certificate_record& r);

/// The issuer a programme's certificates name unless told otherwise: id
/// "urn:smart:provider:<programme id>", name the programme's provider in `l` (its name
/// when it has no provider), no url.
issuer_profile default_issuer(const programme& p, lang l);

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

/// Issues a record for certificate data: serial, frozen data, the credential signed with
/// `key` as a compact JWS (header alg EdDSA, typ JWT, kid, jwk), verification code.
certificate_record sign_certificate(const certificate_data& d, const issuer_profile& issuer, const signing_key& key,
                                    date issued_on, lang language, std::uint32_t issue_number = 1);

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
    std::string verify_hint;     ///< how to check it
};
certificate_wording wording(const certificate_record& r);
certificate_wording wording(const certificate_record& r, lang l);

// --- verification ---------------------------------------------------------------------

enum class verification_status : std::uint8_t { valid, revoked, replaced, tampered, unknown_key };
const char* to_string(verification_status s) noexcept;

struct verification_result {
    verification_status status = verification_status::tampered;
    std::string key_id;
    std::string serial;           ///< from the credential, when it could be read
    std::string credential_json;  ///< what was certified: the signed payload, as signed
    std::string detail;           ///< why, in English (for logs)
};

class certificate_register;

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

// --- the register ---------------------------------------------------------------------

namespace detail {
class locked_file;
}  // namespace detail

/// The append-only register of issued records (JSON Lines: one event per line — issued,
/// revoked, replaced), the source of truth: re-rendering uses the stored record, never
/// today's data. Nothing is ever deleted. Every change takes an exclusive lock on the
/// file (flock), re-reads it, appends one line and fsyncs before returning, so two
/// processes on one register do not corrupt it and a killed process loses at most the
/// line it had not finished (a torn last line is ignored on reading and repaired on the
/// next append).
class certificate_register {
public:
    /// Opens (creating when missing) the register at `file`. Throws parse_error naming the
    /// line for a corrupt line that is not the last.
    explicit certificate_register(std::filesystem::path file);

    const std::filesystem::path& path() const noexcept { return file_; }
    /// Every record, in issue order, with its current status.
    const std::vector<certificate_record>& records() const noexcept { return records_; }
    const certificate_record* find(std::string_view serial) const noexcept;
    /// The valid record for a participant of a cohort, if any.
    const certificate_record* find_valid(std::string_view programme_id, std::string_view cohort_id,
                                         std::string_view participant_id) const noexcept;
    /// The participant's newest record (highest issue number) whatever its status, if any:
    /// valid, or revoked (a replaced record always has a newer successor).
    const certificate_record* find_latest(std::string_view programme_id, std::string_view cohort_id,
                                          std::string_view participant_id) const noexcept;
    /// Re-reads the file (another process may have appended).
    void reload();

    /// Issues a certificate for `d` unless a valid record for the same programme, cohort
    /// and participant exists — then that record is returned unchanged. Atomic with
    /// respect to other processes. Returns the record and whether it was new.
    /// The one policy on revocations: when the participant's newest record is revoked,
    /// nothing is issued (throws not_allowed naming the revoked serial): a revoked
    /// participant gets a new certificate only through an explicit reissue() of it.
    std::pair<certificate_record, bool> issue(const certificate_data& d, const issuer_profile& issuer,
                                              const signing_key& key, date issued_on, lang language);
    /// Marks a record revoked (with reason and date). Throws not_found for an unknown
    /// serial, not_allowed when it is not valid, invalid_argument for an empty reason.
    certificate_record revoke(std::string_view serial, std::string_view reason, date on);
    /// Re-issues (a correction): a new record (next issue number, new serial, pointing back
    /// with `replaces`) is signed from `d`; the old one points to it with `replaced_by` and
    /// becomes `replaced` when it was valid, or stays `revoked` when it was revoked. Throws
    /// not_found for an unknown serial, not_allowed for a record already re-issued, and
    /// invalid_argument for data of another participant.
    certificate_record reissue(std::string_view serial, const certificate_data& d, const issuer_profile& issuer,
                               const signing_key& key, date issued_on, lang language);

private:
    void sync(const detail::locked_file& f);
    void append(const detail::locked_file& f, const std::string& line);
    void apply(const std::string& line, std::size_t line_number, bool last);
    std::filesystem::path file_;
    std::vector<certificate_record> records_;
    std::uint64_t consumed_ = 0;  ///< bytes of complete lines read so far
    std::size_t lines_ = 0;       ///< complete lines read so far
};

// --- bulk issuing -----------------------------------------------------------------------

/// What a bulk run did for one participant.
enum class issue_outcome : std::uint8_t {
    issued,          ///< a new record, made in this run
    already_issued,  ///< the valid record in the register, unchanged (a re-run, or a concurrent run)
    not_eligible,    ///< some requirement is unmet (or another status that is not eligible)
    in_progress,     ///< not eligible yet
    no_certificate,  ///< the programme issues no certificate
    revoked,         ///< the newest record is revoked: a new one only through an explicit re-issue
    too_early,       ///< eligible, but the evaluation or the issue date is before the cohort's last day
    withdrawn,       ///< withdrawn from the cohort (the reason names the date and why)
};
const char* to_string(issue_outcome o) noexcept;
issue_outcome parse_issue_outcome(std::string_view s);

/// One participant's line of an issue_report.
struct issue_entry {
    std::size_t participant = 0;  ///< position in the cohort
    std::string participant_id;
    std::string name;
    issue_outcome outcome = issue_outcome::not_eligible;
    /// issued and already_issued: the record; revoked: the revoked record.
    std::optional<certificate_record> record;
    /// Why nothing was issued, in the run's language (what is missing, the revocation...);
    /// "" for issued and already_issued.
    std::string reason;
};

/// What issue_cohort() did, in the cohort's order.
struct issue_report {
    std::vector<issue_entry> entries;
    std::size_t issued = 0;
    std::size_t already_issued = 0;
    std::size_t not_issued = 0;  ///< every other outcome
};

/// The bulk-issuing policy, once: for each participant of `e` (an evaluation of `c`),
/// an eligible one gets the valid record the register holds (already_issued) or a new one
/// signed with `key` (issued) — unless their newest record is revoked (revoked: only an
/// explicit certificate_register::reissue() makes a new one), or the evaluation or
/// `issued_on` is before the cohort's last day (too_early); everyone else is reported
/// with their status and what is missing, in `language`. Each issue takes the register's
/// lock (two runs at once issue each certificate once); a re-run issues nothing twice and
/// gives the same serials. Throws invalid_argument when `e` was not made from `c`, and
/// whatever the register throws for I/O; a record issued before such an error stays in
/// the register (the re-run finds it).
issue_report issue_cohort(certificate_register& reg, const cohort& c, const evaluation& e, const issuer_profile& issuer,
                          const signing_key& key, date issued_on, lang language);

}  // namespace smart
