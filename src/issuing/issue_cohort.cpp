// The bulk-issuing policy: who of a cohort gets a certificate in a run, who already has
// one, and why the others get none (issue_cohort).
#include <array>

#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using detail::day_text;
using detail::t;

namespace {

constexpr std::array<const char*, 10> outcome_names = {"issued",         "already_issued", "not_eligible",
                                                      "in_progress",    "no_certificate", "revoked",
                                                      "too_early",      "withdrawn",      "reissued",
                                                      "not_printable"};

std::string revoked_reason(const certificate_record& r, lang l) {
    return r.serial + t(l, " trukket tilbake ", " trekt tilbake ", " revoked on ") + day_text(r.revoked_on, l) + ": " +
           r.revoked_reason +
           t(l, " (nytt bevis bare ved retting)", " (nytt bevis berre ved retting)",
             " (a new certificate only through a correction)");
}

std::string too_early_reason(date last_day, lang l) {
    return t(l, "kan ikke utstedes før programmets siste dag (", "kan ikkje skrivast ut før siste dagen i programmet (",
             "cannot be issued before the programme's last day (") +
           day_text(last_day, l) + ")";
}

std::string withdrawn_reason(const withdrawal& w, lang l) {
    return t(l, "trukket seg ", "trekt seg ", "withdrew on ") + day_text(w.on, l) + ": " + w.reason;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += (out.empty() ? "" : "; ") + line;
    return out;
}

/// The replacement of `old`, revoked for correction: reissued, or already_issued when a
/// concurrent run made it first.
void reissue_one(issue_entry& x, certificate_register& reg, const certificate_record& old, const certificate_data& d,
                 const issuer_profile& issuer, const signing_key& key, date issued_on, lang language) {
    const std::string old_serial = old.serial;  // `old` lives in the register's records, which reissue() grows
    try {
        x.record = reg.reissue(old_serial, d, issuer, key, issued_on, language);
        x.outcome = issue_outcome::reissued;
        x.reason = t(language, "erstatter ", "erstattar ", "replaces ") + old_serial;
    } catch (const error& ex) {
        const certificate_record* now = reg.find(old_serial);
        const certificate_record* next = now ? reg.find(now->replaced_by) : nullptr;
        if (ex.code() != errc::not_allowed || !next) throw;
        x.outcome = next->status == record_status::valid ? issue_outcome::already_issued : issue_outcome::revoked;
        x.record = *next;
    }
}

/// The entry of an eligible participant: issued, already issued, reissued, revoked, or not
/// printable (a new document, a replacement too, is drawn only for a printable name).
void issue_one(issue_entry& x, certificate_register& reg, const certificate_data& d, const issuer_profile& issuer,
               const signing_key& key, date issued_on, lang language, const name_check& printable) {
    if (printable) {
        // a valid stored record was printed when it was issued: only a new one is checked
        const certificate_record* latest = reg.find_latest(d.programme_id, d.cohort_id, d.participant_id);
        if (!latest || latest->status != record_status::valid) {
            if (const auto problem = printable(d.holder)) {
                x.outcome = issue_outcome::not_printable;
                x.reason = not_printable_reason(*problem, language);
                return;
            }
        }
    }
    try {
        auto [record, fresh] = reg.issue(d, issuer, key, issued_on, language);
        x.outcome = fresh ? issue_outcome::issued : issue_outcome::already_issued;
        x.record = std::move(record);
    } catch (const error& ex) {
        // issue() refuses under the register's lock when the newest record is revoked
        const certificate_record* latest = reg.find_latest(d.programme_id, d.cohort_id, d.participant_id);
        if (ex.code() != errc::not_allowed || !latest || latest->status != record_status::revoked) throw;
        if (latest->revoked_for_correction && latest->replaced_by.empty()) {
            reissue_one(x, reg, *latest, d, issuer, key, issued_on, language);
            return;
        }
        x.outcome = issue_outcome::revoked;
        x.record = *latest;
        x.reason = revoked_reason(*latest, language);
    }
}

}  // namespace

const char* to_string(issue_outcome o) noexcept {
    const auto i = static_cast<std::size_t>(o);
    return i < outcome_names.size() ? outcome_names[i] : "";
}

std::string not_printable_reason(const print_problem& p, lang l) {
    if (p.what == print_problem::kind::too_long)
        return t(l, "navnet får ikke plass på beviset, heller ikke på to linjer med minste skriftstørrelse",
                 "namnet får ikkje plass på beviset, heller ikkje på to linjer med minste skriftstorleik",
                 "the name does not fit on the certificate, not even on two lines at the smallest size");
    return t(l, "navnet kan ikke skrives ut på beviset: ingen skrift har tegnet ",
             "namnet kan ikkje skrivast ut på beviset: inga skrift har teiknet ",
             "the name cannot be printed on the certificate: no font has the character ") +
           p.characters;
}

issue_outcome parse_issue_outcome(std::string_view s) {
    for (std::size_t i = 0; i < outcome_names.size(); ++i)
        if (s == outcome_names[i]) return static_cast<issue_outcome>(i);
    throw error(errc::invalid_argument, "unknown issue outcome " + detail::quoted(s));
}

issue_report issue_cohort(certificate_register& reg, const cohort& c, const evaluation& e, const issuer_profile& issuer,
                          const signing_key& key, date issued_on, lang language, const name_check& printable) {
    if (!e.made_from(c))
        throw error(errc::invalid_argument,
                    "the evaluation was not made from this cohort, or the cohort changed since: evaluate it again");
    if (issued_on.is_special()) throw error(errc::invalid_argument, "expected an issue date");
    const bool too_early = e.size() > 0 && (e.as_of() < c.last_day() || issued_on < c.last_day());
    issue_report report;
    report.entries.reserve(e.size());
    for (std::size_t i = 0; i < e.size(); ++i) {
        const participant& p = c.participants()[i];
        issue_entry& x = report.entries.emplace_back();
        x.participant = i;
        x.participant_id = p.id;
        x.name = p.name;
        const overall_status status = e.result(i).status;
        if (status == overall_status::eligible && too_early) {
            x.outcome = issue_outcome::too_early;
            x.reason = too_early_reason(c.last_day(), language);
        } else if (status == overall_status::eligible) {
            issue_one(x, reg, certificate_for(c, e, i), issuer, key, issued_on, language, printable);
        } else if (status == overall_status::withdrawn && p.withdrawal) {
            x.outcome = issue_outcome::withdrawn;
            x.reason = withdrawn_reason(*p.withdrawal, language);
        } else if (status == overall_status::no_certificate) {
            x.outcome = issue_outcome::no_certificate;
            x.reason = t(language, "programmet gir ikke kompetansebevis", "programmet gjev ikkje kompetansebevis",
                         "the programme issues no certificate");
        } else {
            x.outcome = status == overall_status::in_progress ? issue_outcome::in_progress : issue_outcome::not_eligible;
            x.reason = joined(e.missing(i, language));
        }
        if (x.outcome == issue_outcome::issued) ++report.issued;
        else if (x.outcome == issue_outcome::already_issued) ++report.already_issued;
        else if (x.outcome == issue_outcome::reissued) ++report.reissued;
        else ++report.not_issued;
    }
    return report;
}

}  // namespace smart
