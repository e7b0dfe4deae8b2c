// The append-only register (JSON Lines) of issued, revoked and re-issued records.
#include <algorithm>

#include "internal.hpp"
#include "locked_file.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

const char* to_string(record_status s) noexcept {
    switch (s) {
        case record_status::valid: return "valid";
        case record_status::revoked: return "revoked";
        case record_status::replaced: return "replaced";
    }
    return "";
}

certificate_register::certificate_register(std::filesystem::path file, unsigned file_mode)
    : file_(std::move(file)), mode_(file_mode) {
    if (file_mode > 0777)
        throw error(errc::invalid_argument, "the register's file mode must be permission bits 0..0777, not " +
                                                std::to_string(file_mode));
    ensure_sodium();
    reload();
}

void certificate_register::reload() {
    records_.clear();
    consumed_ = 0;
    detail::locked_file f(file_, mode_);
    sync(f);
}

void certificate_register::sync(const detail::locked_file& f) {
    // Append-only: what was read before is unchanged, so read only what came since. A
    // file shorter than what was read means someone replaced it: read it all again.
    if (f.size() < consumed_) {
        records_.clear();
        consumed_ = 0;
    }
    const std::string tail = f.read_from(consumed_);
    std::size_t start = 0;
    while (start < tail.size()) {
        const std::size_t end = tail.find('\n', start);
        if (end == std::string::npos) {
            apply(tail.substr(start), lines_ + 1, true);  // torn: not consumed
            break;
        }
        ++lines_;
        apply(tail.substr(start, end - start), lines_, false);
        start = end + 1;
    }
    consumed_ += start;
}

void certificate_register::append(const detail::locked_file& f, const std::string& line) {
    f.write_at(consumed_, line + "\n");
    ++lines_;
    apply(line, lines_, false);
    consumed_ += line.size() + 1;
}

namespace {

/// The revocation of `serial` in a "revoked" or "reissued" event.
void apply_revocation(std::vector<certificate_record>& records, const ojson& o) {
    const std::string serial = o.at("serial").get<std::string>();
    for (auto& r : records)
        if (r.serial == serial) {
            r.status = record_status::revoked;
            r.revoked_reason = o.at("reason").get<std::string>();
            r.revoked_on = parse_date(o.at("date").get<std::string>());
            r.revoked_for_correction = o.value("correction", false);
        }
}

/// A new record of an "issued" or "reissued" event, linked to the one it replaces.
void apply_issue(std::vector<certificate_record>& records, const ojson& o) {
    certificate_record r = record_from(o.at("record"));
    if (!r.replaces.empty())
        for (auto& old : records)
            if (old.serial == r.replaces) {
                // a revoked record stays revoked (the reason stands); a valid one is replaced
                if (old.status == record_status::valid) old.status = record_status::replaced;
                old.replaced_by = r.serial;
            }
    records.push_back(std::move(r));
}

}  // namespace

void certificate_register::apply(const std::string& line, std::size_t line_number, bool last) {
    if (line.empty()) return;
    try {
        const ojson o = parse_small(line);
        const std::string event = o.at("event").get<std::string>();
        if (event == "issued") {
            apply_issue(records_, o);
        } else if (event == "revoked") {
            apply_revocation(records_, o);
        } else if (event == "reissued") {  // the one-step correction: revoked and re-issued in one line
            apply_revocation(records_, o);
            apply_issue(records_, o);
        } else {
            throw error(errc::parse_error, "unknown event \"" + event + "\"");
        }
    } catch (const std::exception& e) {
        if (last) return;  // a torn last line: its writer died; ignored now, cut on the next append
        throw error(errc::parse_error, "register \"" + file_.string() + "\", line " + std::to_string(line_number) +
                                           ": corrupt entry (" + e.what() + ")");
    }
}

const certificate_record* certificate_register::find(std::string_view serial) const noexcept {
    for (const auto& r : records_)
        if (same_serial(r.serial, serial)) return &r;
    return nullptr;
}

const certificate_record* certificate_register::find_valid(std::string_view programme_id, std::string_view cohort_id,
                                                           std::string_view participant_id) const noexcept {
    for (const auto& r : records_)
        if (r.status == record_status::valid && r.data.programme_id == programme_id && r.data.cohort_id == cohort_id &&
            r.data.participant_id == participant_id)
            return &r;
    return nullptr;
}

const certificate_record* certificate_register::find_latest(std::string_view programme_id, std::string_view cohort_id,
                                                            std::string_view participant_id) const noexcept {
    const certificate_record* latest = nullptr;
    for (const auto& r : records_)
        if (r.data.programme_id == programme_id && r.data.cohort_id == cohort_id &&
            r.data.participant_id == participant_id && (!latest || r.issue_number > latest->issue_number))
            latest = &r;
    return latest;
}

std::pair<certificate_record, bool> certificate_register::issue(const certificate_data& d, const issuer_profile& issuer,
                                                                const signing_key& key, date issued_on, lang language) {
    detail::locked_file f(file_, mode_);
    sync(f);  // under the lock: another process may have issued meanwhile
    const certificate_record* latest = find_latest(d.programme_id, d.cohort_id, d.participant_id);
    if (latest && latest->status == record_status::valid) return {*latest, false};
    if (latest)
        throw error(errc::not_allowed, "certificate " + latest->serial + " of participant " +
                                           detail::quoted(d.participant_id) + " was revoked on " +
                                           to_iso(latest->revoked_on) + ": a new one only through a re-issue of it");
    // under the lock, so no two certificates ever get one index
    const status_entry status = issuer.url.empty() ? status_entry{} : draw_status_entry(records_, issuer.url);
    certificate_record r = sign_certificate(d, issuer, key, issued_on, language, 1, status);
    append(f, ojson{{"event", "issued"}, {"record", record_json(r)}}.dump());
    return {records_.back(), true};
}

namespace {

void check_revocation(std::string_view reason, date on) {
    if (reason.empty()) throw error(errc::invalid_argument, "a revocation needs a reason");
    detail::check_text(reason, "revocation reason", "", detail::text_kind::multiline, limits::text_chars,
                       errc::invalid_argument);
    if (on.is_special()) throw error(errc::invalid_argument, "expected a revocation date");
}

}  // namespace

certificate_record certificate_register::revoke(std::string_view serial, std::string_view reason, date on,
                                                bool for_correction) {
    check_revocation(reason, on);
    detail::locked_file f(file_, mode_);
    sync(f);
    const certificate_record* r = find(serial);
    if (!r) throw error(errc::not_found, "no certificate with serial " + detail::quoted(serial) + " in the register");
    if (r->status != record_status::valid)
        throw error(errc::not_allowed, "certificate " + r->serial + " is " + to_string(r->status) + ", not valid");
    ojson event{{"event", "revoked"}, {"serial", r->serial}, {"reason", reason}, {"date", to_iso(on)}};
    if (for_correction) event["correction"] = true;
    append(f, event.dump());
    return *find(serial);
}

const certificate_record& certificate_register::checked_for_reissue(std::string_view serial,
                                                                  const certificate_data& d) const {
    const certificate_record* old = find(serial);
    if (!old) throw error(errc::not_found, "no certificate with serial " + detail::quoted(serial) + " in the register");
    if (!old->replaced_by.empty())
        throw error(errc::not_allowed, "certificate " + old->serial + " was re-issued already, as " + old->replaced_by);
    if (old->data.programme_id != d.programme_id || old->data.cohort_id != d.cohort_id ||
        old->data.participant_id != d.participant_id)
        throw error(errc::invalid_argument, "a re-issue must be for the same programme, cohort and participant");
    return *old;
}

certificate_record certificate_register::next_record(const certificate_record& old, const certificate_data& d,
                                                     const issuer_profile& issuer, const signing_key& key,
                                                     date issued_on, lang language) const {
    std::uint32_t number = 1;
    for (const auto& r : records_)
        if (r.data.programme_id == d.programme_id && r.data.cohort_id == d.cohort_id &&
            r.data.participant_id == d.participant_id)
            number = std::max(number, r.issue_number + 1);
    const status_entry status = issuer.url.empty() ? status_entry{} : draw_status_entry(records_, issuer.url);
    certificate_record r = sign_certificate(d, issuer, key, issued_on, language, number, status);
    r.replaces = old.serial;
    return r;
}

certificate_record certificate_register::reissue(std::string_view serial, const certificate_data& d,
                                                 const issuer_profile& issuer, const signing_key& key, date issued_on,
                                                 lang language) {
    detail::locked_file f(file_, mode_);
    sync(f);
    const certificate_record r = next_record(checked_for_reissue(serial, d), d, issuer, key, issued_on, language);
    append(f, ojson{{"event", "issued"}, {"record", record_json(r)}}.dump());
    return *find(r.serial);
}

certificate_record certificate_register::reissue(std::string_view serial, std::string_view reason,
                                                 const certificate_data& d, const issuer_profile& issuer,
                                                 const signing_key& key, date issued_on, lang language) {
    check_revocation(reason, issued_on);
    detail::locked_file f(file_, mode_);
    sync(f);
    const certificate_record& old = checked_for_reissue(serial, d);
    const certificate_record r = next_record(old, d, issuer, key, issued_on, language);
    // One line, so the revocation and the new record are both in the register or neither
    // is (a torn last line is ignored). A record revoked already keeps its revocation.
    ojson event{{"event", old.status == record_status::valid ? "reissued" : "issued"}};
    if (old.status == record_status::valid) {
        event["serial"] = old.serial;
        event["reason"] = reason;
        event["date"] = to_iso(issued_on);
        event["correction"] = true;
    }
    event["record"] = record_json(r);
    append(f, event.dump());
    return *find(r.serial);
}

}  // namespace smart
