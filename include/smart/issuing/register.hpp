// The append-only register of issued, revoked and re-issued certificates.
// Part of the issuing API; include "smart/issuing.hpp" for all of it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smart/issuing/keys.hpp"
#include "smart/issuing/record.hpp"

namespace smart {

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
    /// Opens (creating when missing, with the permission bits `file_mode`: 0600 unless
    /// configured) the register at `file`. Throws parse_error naming the line for a
    /// corrupt line that is not the last, invalid_argument for a mode outside 0..0777.
    explicit certificate_register(std::filesystem::path file, unsigned file_mode = 0600);

    const std::filesystem::path& path() const noexcept { return file_; }
    /// Every record, in issue order, with its current status.
    const std::vector<certificate_record>& records() const noexcept { return records_; }
    /// The record with this serial (letter case aside), if any.
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
    /// Marks a record revoked (with reason and date). `for_correction` says why in kind:
    /// true when the certificate is revoked to be corrected (wrong name, municipality...):
    /// the next bulk run (issue_cohort) then issues the replacement from the corrected
    /// cohort, linked; false (the default: withdrawn, fraud, error of eligibility...) and
    /// the revocation stands until an explicit reissue(). Throws not_found for an unknown
    /// serial, not_allowed when it is not valid, invalid_argument for an empty reason.
    certificate_record revoke(std::string_view serial, std::string_view reason, date on, bool for_correction = false);
    /// Re-issues (a correction): a new record (next issue number, new serial, pointing back
    /// with `replaces`) is signed from `d`; the old one points to it with `replaced_by` and
    /// becomes `replaced` when it was valid, or stays `revoked` when it was revoked. Throws
    /// not_found for an unknown serial, not_allowed for a record already re-issued, and
    /// invalid_argument for data of another participant.
    certificate_record reissue(std::string_view serial, const certificate_data& d, const issuer_profile& issuer,
                               const signing_key& key, date issued_on, lang language);
    /// The one-step correction: revokes `serial` for correction (with `reason`, on
    /// `issued_on`; kept as it was when it is revoked already) and issues the corrected
    /// certificate from `d` (the participant's current record) in one appended line, so
    /// both happen or neither does. The new record says `replaces: serial`, the old one
    /// `replaced_by: new serial` and stays revoked. Returns the new record. Throws
    /// not_found for an unknown serial, not_allowed naming the successor for a record
    /// already re-issued, invalid_argument for an empty reason or data of another
    /// participant.
    certificate_record reissue(std::string_view serial, std::string_view reason, const certificate_data& d,
                               const issuer_profile& issuer, const signing_key& key, date issued_on, lang language);

private:
    void sync(const detail::locked_file& f);
    void append(const detail::locked_file& f, const std::string& line);
    void apply(const std::string& line, std::size_t line_number, bool last);
    const certificate_record& checked_for_reissue(std::string_view serial, const certificate_data& d) const;
    certificate_record next_record(const certificate_record& old, const certificate_data& d,
                                   const issuer_profile& issuer, const signing_key& key, date issued_on,
                                   lang language) const;
    std::filesystem::path file_;
    unsigned mode_ = 0600;
    std::vector<certificate_record> records_;
    std::uint64_t consumed_ = 0;  ///< bytes of complete lines read so far
    std::size_t lines_ = 0;       ///< complete lines read so far
};

}  // namespace smart
