// The bulk-issuing policy: who of a cohort gets a certificate in a run, and why not.
// Part of the issuing API; include "smart/issuing.hpp" for all of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/evaluation.hpp"
#include "smart/issuing/keys.hpp"
#include "smart/issuing/record.hpp"
#include "smart/issuing/register.hpp"

namespace smart {

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
    reissued,        ///< a replacement made in this run: the newest record was revoked for correction
    not_printable,   ///< eligible, but the name cannot be printed on the document (see name_check)
};
const char* to_string(issue_outcome o) noexcept;
issue_outcome parse_issue_outcome(std::string_view s);

/// Why a holder's name cannot be printed on a certificate document, as the code that draws
/// the document finds it (the core draws none: the Python face lays out the PDF).
struct print_problem {
    enum class kind : std::uint8_t {
        missing_glyph,  ///< no font has a glyph for some character (`characters` names them)
        too_long,       ///< does not fit the frame on two lines at the smallest size
    };
    kind what = kind::missing_glyph;
    std::string characters;  ///< missing_glyph: the characters, e.g. "U+E000"
};

/// Answers for a holder's name whether it can be printed: nullopt when it can. Called once
/// per eligible participant before anything is registered for them, on the calling thread.
using name_check = std::function<std::optional<print_problem>(std::string_view name)>;

/// The reason a not_printable entry gives for `p`, in `language`.
std::string not_printable_reason(const print_problem& p, lang language);

/// One participant's line of an issue_report.
struct issue_entry {
    std::size_t participant = 0;  ///< position in the cohort
    std::string participant_id;
    std::string name;
    issue_outcome outcome = issue_outcome::not_eligible;
    /// issued, reissued and already_issued: the record; revoked: the revoked record.
    std::optional<certificate_record> record;
    /// Why nothing was issued, in the run's language (what is missing, the revocation...);
    /// "" for issued and already_issued; reissued: which serial it replaces.
    std::string reason;
};

/// What issue_cohort() did, in the cohort's order.
struct issue_report {
    std::vector<issue_entry> entries;
    std::size_t issued = 0;
    std::size_t already_issued = 0;
    std::size_t reissued = 0;    ///< replacements of certificates revoked for correction
    std::size_t not_issued = 0;  ///< every other outcome
};

/// The bulk-issuing policy, once: for each participant of `e` (an evaluation of `c`),
/// an eligible one gets the valid record the register holds (already_issued) or a new one
/// signed with `key` (issued) — unless their newest record is revoked: revoked for
/// correction (revoke(..., true)) and not yet replaced, they get the replacement from the
/// cohort's current (corrected) data, linked both ways (reissued); revoked for another
/// reason, nothing (revoked: only an explicit certificate_register::reissue() makes a new
/// one) — or the evaluation or
/// `issued_on` is before the cohort's last day (too_early); everyone else is reported
/// with their status and what is missing, in `language`. Each issue takes the register's
/// lock (two runs at once issue each certificate once); a re-run issues nothing twice and
/// gives the same serials. With `printable`, an eligible participant without a record whose
/// name it refuses is not_printable and nothing is registered for them (a valid record in
/// the register is still already_issued: it was printed before). Throws invalid_argument
/// when `e` was not made from `c`, and whatever the register (or `printable`) throws; a
/// record issued before such an error stays in the register (the re-run finds it).
issue_report issue_cohort(certificate_register& reg, const cohort& c, const evaluation& e, const issuer_profile& issuer,
                          const signing_key& key, date issued_on, lang language, const name_check& printable = {});

}  // namespace smart
