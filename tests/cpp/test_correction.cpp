// Issue 12: the one-step correction (reissue with a reason), the bulk re-run after a
// correction, the check with serial and code, case-insensitive serials, serials that
// include the issuer, and the register's file mode.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "helpers.hpp"
#include "smart/smart.hpp"

using namespace smart;
namespace fs = std::filesystem;

namespace {

const issuer_profile issuer_a{"urn:smart:issuer:a", "Kommune A", ""};
const issuer_profile issuer_b{"urn:smart:issuer:b", "Kommune B", ""};

struct work_dir : th::temp_dir {
    work_dir() : th::temp_dir("smart-correct") {}
};

struct corrected_demo {
    cohort c = catalogue::demo_cohort();
    evaluation e = evaluate(c, date(2025, 4, 30));
    signing_key key = generate_signing_key();
    void rename(std::string_view id, std::string name) {
        participant_details d;
        const participant& p = c.participants()[c.index_of(id)];
        d.name = std::move(name);
        d.municipality = p.municipality;
        d.role = p.role;
        d.sector = p.sector;
        c.correct_participant(id, std::move(d));
        e = evaluate(c, date(2025, 4, 30));
    }
    certificate_data data(std::string_view id) const { return certificate_for(c, e, c.index_of(id)); }
};

const issue_entry& entry_of(const issue_report& r, std::string_view id) {
    for (const auto& x : r.entries)
        if (x.participant_id == id) return x;
    throw std::logic_error("no entry");
}

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

}  // namespace

TEST_CASE("a one-step reissue revokes and issues the corrected certificate, linked both ways", "[issuing][correction]") {
    work_dir dir;
    corrected_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const certificate_record old = reg.issue(d.data("p01"), issuer_a, d.key, date(2025, 4, 30), lang::nb).first;
    d.rename("p01", "Kari Nordmann-Retta");
    const certificate_record next =
        reg.reissue(lower(old.serial), "Feil navn", d.data("p01"), issuer_a, d.key, date(2025, 5, 2), lang::nb);
    CHECK(next.replaces == old.serial);
    CHECK(next.issue_number == 2);
    CHECK(next.data.holder == "Kari Nordmann-Retta");
    const certificate_record* was = reg.find(old.serial);
    CHECK(was->status == record_status::revoked);
    CHECK(was->revoked_reason == "Feil navn");
    CHECK(was->revoked_on == date(2025, 5, 2));
    CHECK(was->revoked_for_correction);
    CHECK(was->replaced_by == next.serial);
    // one appended line: both or neither
    std::ifstream in(dir.path / "register.jsonl");
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    CHECK(lines == 2);
    // read back the same
    const certificate_register reread(dir.path / "register.jsonl");
    CHECK(reread.find(old.serial)->replaced_by == next.serial);
    CHECK(reread.find(old.serial)->revoked_for_correction);
    CHECK(reread.find(next.serial)->replaces == old.serial);
    // verify on the old one: revoked, naming the replacement, in nb/nn/en from the core
    const public_key trusted[] = {d.key.public_part()};
    const verification_result v = verify_credential(old.credential_jws, trusted, &reg);
    CHECK(v.status == verification_status::revoked);
    CHECK(v.replaced_by == next.serial);
    CHECK(verification_text(v, lang::nb) == "Trukket tilbake 2.5.2025: Feil navn. Erstattet av " + next.serial + ".");
    CHECK(verification_text(v, lang::nn) == "Trekt tilbake 2.5.2025: Feil navn. Erstatta av " + next.serial + ".");
    CHECK(verification_text(v, lang::en) == "Revoked on 2 May 2025: Feil navn. Replaced by " + next.serial + ".");
    CHECK(verify_credential(next.credential_jws, trusted, &reg).status == verification_status::valid);
    // again: refused, naming the successor
    try {
        (void)reg.reissue(old.serial, "Feil igjen", d.data("p01"), issuer_a, d.key, date(2025, 5, 3), lang::nb);
        FAIL("a replaced certificate was re-issued twice");
    } catch (const error& ex) {
        CHECK(ex.code() == errc::not_allowed);
        CHECK(std::string(ex.what()).find(next.serial) != std::string::npos);
    }
    CHECK_THROWS_AS(reg.reissue(next.serial, "", d.data("p01"), issuer_a, d.key, date(2025, 5, 3), lang::nb), error);
    CHECK_THROWS_AS(reg.reissue(next.serial, "x", d.data("p02"), issuer_a, d.key, date(2025, 5, 3), lang::nb), error);
    CHECK(reg.records().size() == 2);
}

TEST_CASE("a revoked certificate without a successor can be reissued in one step", "[issuing][correction]") {
    work_dir dir;
    corrected_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const certificate_record old = reg.issue(d.data("p02"), issuer_a, d.key, date(2025, 4, 30), lang::en).first;
    (void)reg.revoke(old.serial, "Wrong municipality", date(2025, 5, 1));
    // issue() after a revocation makes no unlinked second certificate
    CHECK_THROWS_AS(reg.issue(d.data("p02"), issuer_a, d.key, date(2025, 5, 2), lang::en), error);
    const certificate_record next = reg.reissue(old.serial, "Corrected", d.data("p02"), issuer_a, d.key, date(2025, 5, 2), lang::en);
    CHECK(next.replaces == old.serial);
    CHECK(reg.find(old.serial)->revoked_reason == "Wrong municipality");  // the first revocation stands
    CHECK(reg.find(old.serial)->replaced_by == next.serial);
}

TEST_CASE("a bulk re-run issues the replacement for a correction, and nothing for another revocation", "[issuing][correction]") {
    work_dir dir;
    corrected_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const issue_report first = issue_cohort(reg, d.c, d.e, issuer_a, d.key, date(2025, 4, 30), lang::nb);
    const certificate_record p01 = *entry_of(first, "p01").record;
    const certificate_record p02 = *entry_of(first, "p02").record;
    (void)reg.revoke(p01.serial, "Feil navn", date(2025, 5, 1), true);
    (void)reg.revoke(p02.serial, "Utstedt ved en feil", date(2025, 5, 1));
    CHECK(reg.find(p01.serial)->revoked_for_correction);
    CHECK_FALSE(reg.find(p02.serial)->revoked_for_correction);
    d.rename("p01", "Ola Retta Nordmann");
    const issue_report again = issue_cohort(reg, d.c, d.e, issuer_a, d.key, date(2025, 5, 2), lang::nb);
    const issue_entry& x = entry_of(again, "p01");
    REQUIRE(x.outcome == issue_outcome::reissued);
    CHECK(x.record->replaces == p01.serial);
    CHECK(x.record->data.holder == "Ola Retta Nordmann");
    CHECK(x.reason == "erstatter " + p01.serial);
    CHECK(reg.find(p01.serial)->replaced_by == x.record->serial);
    CHECK(entry_of(again, "p02").outcome == issue_outcome::revoked);
    CHECK(again.reissued == 1);
    CHECK(again.issued == 0);
    CHECK(std::string(to_string(issue_outcome::reissued)) == "reissued");
    CHECK(parse_issue_outcome("reissued") == issue_outcome::reissued);
    // the next re-run finds the replacement
    const issue_report third = issue_cohort(reg, d.c, d.e, issuer_a, d.key, date(2025, 5, 3), lang::nb);
    CHECK(entry_of(third, "p01").outcome == issue_outcome::already_issued);
    CHECK(entry_of(third, "p01").record->serial == x.record->serial);
    CHECK(third.reissued == 0);
}

TEST_CASE("serial and code check against the register, without revealing the holder", "[issuing][correction][code]") {
    work_dir dir;
    corrected_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const certificate_record r = reg.issue(d.data("p01"), issuer_a, d.key, date(2025, 4, 30), lang::nb).first;
    const public_key trusted[] = {d.key.public_part()};
    const verification_result ok = verify_serial_code(reg, lower(r.serial), lower(r.verification_code), trusted);
    CHECK(ok.status == verification_status::valid);
    CHECK(ok.serial == r.serial);
    CHECK(ok.credential_json.find(r.data.holder) != std::string::npos);
    std::string undashed = r.verification_code;
    undashed.erase(4, 1);
    CHECK(verify_serial_code(reg, r.serial, undashed, trusted).status == verification_status::valid);
    std::string wrong = r.verification_code;
    wrong[0] = wrong[0] == '0' ? '1' : '0';
    try {
        (void)verify_serial_code(reg, r.serial, wrong, trusted);
        FAIL("a wrong code was accepted");
    } catch (const error& ex) {
        CHECK(ex.code() == errc::not_allowed);
        CHECK(std::string(ex.what()).find(r.data.holder) == std::string::npos);
        CHECK(std::string(ex.what()).find("code") != std::string::npos);
    }
    CHECK_THROWS_AS(verify_serial_code(reg, "SMART-0000-0000-0000-0000", r.verification_code, trusted), error);
    const certificate_record next = reg.reissue(r.serial, "Feil navn", d.data("p01"), issuer_a, d.key, date(2025, 5, 2), lang::en);
    const verification_result old = verify_serial_code(reg, r.serial, r.verification_code, trusted);
    CHECK(old.status == verification_status::revoked);
    CHECK(old.replaced_by == next.serial);
    CHECK(verification_text(old, lang::en).find(next.serial) != std::string::npos);
}

TEST_CASE("serial look-up is case-insensitive for revoke and find", "[issuing][correction][serial]") {
    work_dir dir;
    corrected_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const certificate_record r = reg.issue(d.data("p01"), issuer_a, d.key, date(2025, 4, 30), lang::nb).first;
    REQUIRE(reg.find(lower(r.serial)) != nullptr);
    CHECK(reg.find(lower(r.serial))->serial == r.serial);
    CHECK(reg.revoke(lower(r.serial), "x", date(2025, 5, 1)).status == record_status::revoked);
    CHECK(same_serial(r.serial, lower(r.serial)));
    CHECK_FALSE(same_serial(r.serial, r.serial + "0"));
}

TEST_CASE("serials include the issuer: two issuers never share one, and old serials stay readable", "[issuing][serial]") {
    const std::string a = certificate_serial("prog", "cohort", "p01", 1, issuer_a.id);
    const std::string b = certificate_serial("prog", "cohort", "p01", 1, issuer_b.id);
    const std::string old = certificate_serial("prog", "cohort", "p01", 1);
    CHECK(a != b);
    CHECK(a.size() == std::string("SMART-IIII-XXXX-XXXX-XXXX").size());
    CHECK(old.size() == std::string("SMART-XXXX-XXXX-XXXX").size());
    CHECK(a.substr(0, 10) == certificate_serial("other", "c", "p9", 3, issuer_a.id).substr(0, 10));  // the issuer's group
    CHECK(a == certificate_serial("prog", "cohort", "p01", 1, issuer_a.id));
    std::set<std::string> seen;
    for (int i = 0; i < 500; ++i) {
        seen.insert(certificate_serial("prog", "cohort", "p" + std::to_string(i), 1, issuer_a.id));
        seen.insert(certificate_serial("prog", "cohort", "p" + std::to_string(i), 1, issuer_b.id));
    }
    CHECK(seen.size() == 1000);
    CHECK(is_certificate_serial(a));
    CHECK(is_certificate_serial(old));
    CHECK_FALSE(is_certificate_serial(a + "0"));
    CHECK_FALSE(is_certificate_serial(a.substr(0, 22)));
    CHECK(find_certificate_serials("Serienummer " + a + " og " + old + ".") ==
          std::vector<std::string>{std::min(a, old), std::max(a, old)});
    // a certificate signed now carries the issuer's form
    corrected_demo d;
    const certificate_record r = sign_certificate(d.data("p01"), issuer_a, d.key, date(2025, 4, 30), lang::nb, 1);
    CHECK(r.serial == certificate_serial(d.c.programme().id, d.c.id(), "p01", 1, issuer_a.id));
}

TEST_CASE("the register is created with mode 0600 unless configured", "[issuing][correction][mode]") {
    work_dir dir;
    const mode_t old_mask = ::umask(0);
    {
        certificate_register reg(dir.path / "register.jsonl");
        certificate_register open(dir.path / "shared.jsonl", 0640);
    }
    ::umask(old_mask);
    struct stat st {};
    REQUIRE(::stat((dir.path / "register.jsonl").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir.path / "shared.jsonl").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK_THROWS_AS(certificate_register(dir.path / "bad.jsonl", 01777), error);
}

TEST_CASE("a site's status.json: written and read by the core, errors at the member", "[issuing][site]") {
    work_dir dir;
    corrected_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const certificate_record r = reg.issue(d.data("p01"), issuer_a, d.key, date(2025, 4, 30), lang::nb).first;
    const site_status valid = read_site_status(site_status_json(r, date(2025, 5, 1)));
    CHECK(valid.status == record_status::valid);
    CHECK(valid.revoked_on.is_special());
    CHECK(valid.published_on == date(2025, 5, 1));
    (void)reg.revoke(r.serial, "Utstedt ved en feil", date(2025, 5, 2));
    const site_status revoked = read_site_status(site_status_json(*reg.find(r.serial), date(2025, 5, 3)));
    CHECK(revoked.status == record_status::revoked);
    CHECK(revoked.revoked_on == date(2025, 5, 2));
    CHECK(revoked.revoked_reason == "Utstedt ved en feil");
    const auto pointer_of = [](std::string_view json) {
        try {
            (void)read_site_status(json);
        } catch (const error& e) {
            return std::to_string(static_cast<int>(e.code())) + " " + e.pointer();
        }
        return std::string("accepted");
    };
    const std::string bad_json = std::to_string(static_cast<int>(errc::validation_error));
    CHECK(pointer_of(R"({"status": "gone", "published_on": "2025-05-01"})") == bad_json + " /status");
    CHECK(pointer_of(R"({"status": "valid", "published_on": "1.5.2025"})") == bad_json + " /published_on");
    CHECK(pointer_of(R"({"status": "revoked", "published_on": "2025-05-01"})") == bad_json + " ");
    CHECK(pointer_of(R"({"published_on": "2025-05-01"})") == bad_json + " ");
    CHECK_THROWS_AS(read_site_status("not json"), error);
}

TEST_CASE("verify_site_certificate: that certificate's token, the stated status after the signed list", "[issuing][site]") {
    work_dir dir;
    corrected_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const certificate_record r = reg.issue(d.data("p01"), issuer_a, d.key, date(2025, 4, 30), lang::nb).first;
    const certificate_record other = reg.issue(d.data("p02"), issuer_a, d.key, date(2025, 4, 30), lang::nb).first;
    const public_key trusted[] = {d.key.public_part()};
    const verification_result ok =
        verify_site_certificate(r.credential_jws, " " + lower(r.serial) + "\n", lower(r.verification_code), trusted, {}, nullptr);
    CHECK(ok.status == verification_status::valid);
    // the site serves another certificate's token for this serial and code
    try {
        (void)verify_site_certificate(other.credential_jws, r.serial, r.verification_code, trusted, {}, nullptr);
        FAIL("another certificate's token was accepted");
    } catch (const error& e) {
        CHECK(e.code() == errc::not_allowed);
        CHECK(std::string(e.what()).find(other.data.holder) == std::string::npos);
    }
    CHECK_THROWS_AS(verify_site_certificate(r.credential_jws, r.serial, "AAAA-AAAA", trusted, {}, nullptr), error);
    // a revoked status.json makes it revoked, with the site's date and reason
    site_status stated;
    stated.status = record_status::revoked;
    stated.revoked_on = date(2025, 5, 2);
    stated.revoked_reason = "Feil";
    stated.published_on = date(2025, 5, 3);
    const verification_result rv = verify_site_certificate(r.credential_jws, r.serial, r.verification_code, trusted, {}, &stated);
    CHECK(rv.status == verification_status::revoked);
    CHECK(rv.revoked_on == date(2025, 5, 2));
    CHECK(rv.revoked_reason == "Feil");
    // a stated valid status changes nothing; an untrusted key stays unknown whatever the site says
    stated.status = record_status::valid;
    CHECK(verify_site_certificate(r.credential_jws, r.serial, r.verification_code, trusted, {}, &stated).status ==
          verification_status::valid);
    const signing_key stranger = generate_signing_key();
    const public_key untrusted[] = {stranger.public_part()};
    stated.status = record_status::revoked;
    CHECK(verify_site_certificate(r.credential_jws, r.serial, r.verification_code, untrusted, {}, &stated).status ==
          verification_status::unknown_key);
    // where the status came from, in each language
    CHECK(site_status_source(false, nullptr, lang::en) == "Status from the site: none stated (signature only)\n");
    CHECK(site_status_source(true, &stated, lang::nb) ==
          "Status fra nettstedet: utstederens signerte liste over tilbaketrukne bevis (status/revocation.jwt)\n"
          "Status fra nettstedet: slik utstederens register oppga den 3.5.2025\n");
    CHECK(site_status_source(false, &stated, lang::nn).starts_with("Status frå nettstaden: slik registeret"));
}
