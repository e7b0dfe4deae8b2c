// The bulk-issuing policy (issue_cohort) and the credential knowledge that lives in the
// core: serials, URNs, the default issuer, the JWT claims, key files.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "smart/smart.hpp"

using namespace smart;
namespace fs = std::filesystem;

namespace {

const issuer_profile bulk_issuer{"urn:smart:issuer:test", "Eksempel kommune (test)", ""};

struct scratch_dir : th::temp_dir {
    scratch_dir() : th::temp_dir("smart-bulk") {}
};

struct bulk_demo {
    cohort c = catalogue::demo_cohort();
    evaluation e = evaluate(c, date(2025, 4, 30));
    signing_key key = generate_signing_key();
};

std::size_t count(const issue_report& r, issue_outcome o) {
    std::size_t n = 0;
    for (const auto& x : r.entries) n += x.outcome == o;
    return n;
}

const issue_entry& entry(const issue_report& r, std::string_view id) {
    for (const auto& x : r.entries)
        if (x.participant_id == id) return x;
    throw std::logic_error("no entry");
}

}  // namespace

TEST_CASE("a bulk run issues to the eligible, reports the others with what is missing, and re-runs idempotently",
          "[issuing][issue_cohort]") {
    scratch_dir dir;
    const bulk_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const issue_report first = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 4, 30), lang::nn);
    REQUIRE(first.entries.size() == d.c.size());
    CHECK(first.issued == d.e.counts().eligible);
    CHECK(first.issued == 24);
    CHECK(first.already_issued == 0);
    CHECK(first.not_issued == d.c.size() - 24);
    CHECK(first.issued + first.already_issued + first.not_issued == first.entries.size());
    for (std::size_t i = 0; i < first.entries.size(); ++i) {
        const issue_entry& x = first.entries[i];
        CHECK(x.participant == i);
        CHECK(x.participant_id == d.c.participants()[i].id);
        if (d.e.result(i).status == overall_status::eligible) {
            CHECK(x.outcome == issue_outcome::issued);
            REQUIRE(x.record);
            CHECK(x.record->data.participant_id == x.participant_id);
            CHECK(x.reason.empty());
        } else {
            CHECK(x.outcome == (d.e.result(i).status == overall_status::in_progress ? issue_outcome::in_progress
                                                                                    : issue_outcome::not_eligible));
            CHECK_FALSE(x.record);
            std::string expected;
            for (const auto& line : d.e.missing(i, lang::nn)) expected += (expected.empty() ? "" : "; ") + line;
            CHECK(x.reason == expected);
            CHECK_FALSE(x.reason.empty());
        }
    }
    const issue_report again = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 5, 2), lang::nn);
    CHECK(again.issued == 0);
    CHECK(again.already_issued == 24);
    for (std::size_t i = 0; i < again.entries.size(); ++i)
        if (first.entries[i].record) CHECK(again.entries[i].record->serial == first.entries[i].record->serial);
    CHECK(reg.records().size() == 24);
}

TEST_CASE("a bulk run issues nothing to a revoked participant until a re-issue corrects it", "[issuing][issue_cohort]") {
    scratch_dir dir;
    const bulk_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const issue_report first = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 4, 30), lang::en);
    const certificate_record target = *entry(first, "p01").record;
    (void)reg.revoke(target.serial, "Wrong name", date(2025, 5, 3));
    const issue_report after = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 5, 4), lang::en);
    const issue_entry& x = entry(after, "p01");
    CHECK(x.outcome == issue_outcome::revoked);
    CHECK(x.record->serial == target.serial);
    CHECK(x.reason == target.serial + " revoked on 3 May 2025: Wrong name (a new certificate only through a correction)");
    CHECK(after.issued == 0);
    CHECK(reg.records().size() == 24);
    const certificate_record fixed =
        reg.reissue(target.serial, certificate_for(d.c, d.e, x.participant), bulk_issuer, d.key, date(2025, 5, 4), lang::en);
    const issue_report corrected = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 5, 5), lang::en);
    CHECK(entry(corrected, "p01").outcome == issue_outcome::already_issued);
    CHECK(entry(corrected, "p01").record->serial == fixed.serial);
    CHECK(corrected.already_issued == 24);
}

TEST_CASE("a bulk run before the last day issues nothing and says why", "[issuing][issue_cohort]") {
    scratch_dir dir;
    const bulk_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const issue_report r = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 4, 1), lang::nb);
    CHECK(r.issued == 0);
    CHECK(count(r, issue_outcome::too_early) == 24);
    CHECK(entry(r, "p01").reason == "kan ikke utstedes før programmets siste dag (9.4.2025)");
    CHECK(reg.records().empty());
    cohort changed = catalogue::demo_cohort();
    changed.set_attendance("p01", date(2024, 9, 18), attendance_status::absent);
    CHECK_THROWS_AS(issue_cohort(reg, changed, d.e, bulk_issuer, d.key, date(2025, 4, 30), lang::nb), error);
    CHECK(std::string(to_string(issue_outcome::already_issued)) == "already_issued");
    CHECK(parse_issue_outcome("too_early") == issue_outcome::too_early);
    CHECK_THROWS_AS(parse_issue_outcome("later"), error);
}

TEST_CASE("a bulk run issues nothing to a withdrawn participant and says when and why", "[issuing][issue_cohort]") {
    scratch_dir dir;
    bulk_demo d;
    d.c.withdraw("p01", date(2025, 1, 10), "Sluttet i jobben");
    d.e = evaluate(d.c, date(2025, 4, 30));
    certificate_register reg(dir.path / "register.jsonl");
    const issue_report r = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 4, 30), lang::nn);
    CHECK(entry(r, "p01").outcome == issue_outcome::withdrawn);
    CHECK(entry(r, "p01").reason == "trekt seg 10.1.2025: Sluttet i jobben");
    CHECK(r.issued == 23);
    CHECK(std::string(to_string(issue_outcome::withdrawn)) == "withdrawn");
}

TEST_CASE("a bulk run registers nothing for a name the document cannot print and says why", "[issuing][issue_cohort]") {
    scratch_dir dir;
    const bulk_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const std::string p01 = d.c.participants()[d.c.index_of("p01")].name;
    const std::string p02 = d.c.participants()[d.c.index_of("p02")].name;
    std::vector<std::string> asked;
    // the face's answer: p01's name has a character no font has, p02's is too long
    const name_check printable = [&](std::string_view name) -> std::optional<print_problem> {
        asked.emplace_back(name);
        if (name == p01) return print_problem{print_problem::kind::missing_glyph, "U+E000"};
        if (name == p02) return print_problem{print_problem::kind::too_long, ""};
        return std::nullopt;
    };
    const issue_report r = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 4, 30), lang::nn, printable);
    CHECK(asked.size() == 24);  // every eligible participant, nobody else
    CHECK(entry(r, "p01").outcome == issue_outcome::not_printable);
    CHECK_FALSE(entry(r, "p01").record);
    CHECK(entry(r, "p01").reason == "namnet kan ikkje skrivast ut på beviset: inga skrift har teiknet U+E000");
    CHECK(entry(r, "p02").outcome == issue_outcome::not_printable);
    CHECK(entry(r, "p02").reason ==
          "namnet får ikkje plass på beviset, heller ikkje på to linjer med minste skriftstorleik");
    CHECK(r.issued == 22);
    CHECK(count(r, issue_outcome::not_printable) == 2);
    CHECK(r.issued + r.already_issued + r.not_issued == r.entries.size());
    CHECK(reg.records().size() == 22);
    for (const auto& rec : reg.records()) {
        CHECK(rec.data.participant_id != "p01");
        CHECK(rec.data.participant_id != "p02");
    }
    CHECK(to_string(issue_outcome::not_printable) == std::string("not_printable"));
    CHECK(parse_issue_outcome("not_printable") == issue_outcome::not_printable);
    CHECK(not_printable_reason({print_problem::kind::missing_glyph, "U+E000"}, lang::nb) ==
          "navnet kan ikke skrives ut på beviset: ingen skrift har tegnet U+E000");
    CHECK(not_printable_reason({print_problem::kind::too_long, ""}, lang::en) ==
          "the name does not fit on the certificate, not even on two lines at the smallest size");
    // once printable (a font installed), the next run issues them; a stored record is not asked about
    const issue_report later = issue_cohort(reg, d.c, d.e, bulk_issuer, d.key, date(2025, 5, 2), lang::nn,
                                            [&](std::string_view name) -> std::optional<print_problem> {
                                                asked.emplace_back(name);
                                                return std::nullopt;
                                            });
    CHECK(later.issued == 2);
    CHECK(later.already_issued == 22);
    CHECK(asked.size() == 24 + 2);
    // without a check (the C ABI), everyone eligible is issued as before
    scratch_dir other;
    certificate_register plain(other.path / "register.jsonl");
    CHECK(issue_cohort(plain, d.c, d.e, bulk_issuer, d.key, date(2025, 4, 30), lang::nn).issued == 24);
}

TEST_CASE("a certificate's holder name is one line of text, also in certificate data made by hand", "[issuing][text]") {
    scratch_dir dir;
    const bulk_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    certificate_data data = certificate_for(d.c, d.e, d.c.index_of("p01"));
    for (const char* bad : {"Kari\nNordmann", "Kari\tNordmann", "\xE2\x80\xAEKari", "Kari\xC2\x85"}) {
        data.holder = bad;
        try {
            (void)reg.issue(data, bulk_issuer, d.key, date(2025, 4, 30), lang::nb);
            FAIL("issued a certificate to a name with a control character");
        } catch (const error& e) {
            CHECK(e.code() == errc::invalid_argument);
            CHECK_THAT(e.message(), Catch::Contains("holder's name"));
        }
    }
    CHECK(reg.records().empty());
}

TEST_CASE("serials and credential ids are recognised by the core", "[issuing][serial]") {
    const std::string serial = certificate_serial("smart-trener-2024", "trener-2024-demo", "p01");
    CHECK(is_certificate_serial(serial));
    CHECK_FALSE(is_certificate_serial("SMART-ILOU-0000-0000"));  // not Crockford digits
    CHECK_FALSE(is_certificate_serial("smart-0000-0000-0000"));
    CHECK_FALSE(is_certificate_serial(serial + "0"));
    CHECK_FALSE(is_certificate_serial("SMART-0000-0000_0000"));
    const std::string other = certificate_serial("smart-trener-2024", "trener-2024-demo", "p02");
    const auto found = find_certificate_serials("Serienummer " + serial + "\n" + other + " og " + serial + " SMART-XY");
    CHECK(found == std::vector<std::string>{std::min(serial, other), std::max(serial, other)});
    CHECK(find_certificate_serials("no serial here").empty());
    CHECK(certificate_urn(serial) == "urn:smart:certificate:" + serial);
    CHECK(serial_of_urn(certificate_urn(serial)) == serial);
    CHECK(serial_of_urn("urn:smart:programme:x").empty());
}

TEST_CASE("the default issuer, the credential inside the JWT and its summary come from the core", "[issuing][credential]") {
    const bulk_demo d;
    const issuer_profile issuer = default_issuer(d.c.programme(), lang::nb, d.key.public_part());
    CHECK(issuer.id == did_key(d.key.public_part()));
    CHECK(issuer.name == d.c.programme().provider.get(lang::nb));
    CHECK(issuer.url.empty());
    programme anonymous = d.c.programme();
    anonymous.provider = {};
    CHECK(default_issuer(anonymous, lang::en, d.key.public_part()).name == anonymous.name.get(lang::en));

    const certificate_data data = certificate_for(d.c, d.e, d.c.index_of("p16"));
    const certificate_record r = sign_certificate(data, issuer, d.key, date(2025, 4, 30), lang::nb);
    const public_key trusted[] = {d.key.public_part()};
    const verification_result v = verify_credential(r.credential_jws, trusted);
    const auto payload = nlohmann::json::parse(v.credential_json);
    CHECK(payload.contains("iss"));
    const auto credential = nlohmann::json::parse(credential_of_payload(v.credential_json));
    CHECK(credential == nlohmann::json::parse(open_badge_credential(r)));
    CHECK_FALSE(credential.contains("jti"));
    CHECK_THROWS_AS(credential_of_payload("[1]"), error);

    const credential_summary s = summarize_credential(v.credential_json);
    CHECK(s.holder == data.holder);
    CHECK(s.period_start == "2024-09-18");
    CHECK(s.period_end == "2025-04-09");
    CHECK(s.issued_on == "2025-04-30");
    CHECK(s.issuer_name == issuer.name);
    CHECK(s.issuer_id == issuer.id);
    CHECK(s.goals.size() == data.goals.size());
    CHECK(s.goals.front().first == data.goals.front().id);
    CHECK(s.requirements.find("fritatt") != std::string::npos);  // p16 is exempt from the festival
    CHECK(summarize_credential("{}").holder.empty());
}

TEST_CASE("a credential document is checked against what its register record signed", "[issuing][verify]") {
    scratch_dir dir;
    const bulk_demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const auto [r, fresh] = reg.issue(certificate_for(d.c, d.e, 0), bulk_issuer, d.key, date(2025, 4, 30), lang::nb);
    const public_key trusted[] = {d.key.public_part()};
    const std::string document = open_badge_credential(r);
    CHECK(verify_credential_document(document, trusted, reg).status == verification_status::valid);
    auto edited = nlohmann::json::parse(document);
    edited["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else";
    const verification_result v = verify_credential_document(edited.dump(), trusted, reg);
    CHECK(v.status == verification_status::tampered);
    CHECK(v.detail == "the JSON differs from what was signed");
    edited = nlohmann::json::parse(document);
    edited["id"] = certificate_urn("SMART-0000-0000-0000");
    try {
        (void)verify_credential_document(edited.dump(), trusted, reg);
        FAIL("an unknown id was accepted");
    } catch (const error& e) {
        CHECK(e.code() == errc::not_found);
    }
    (void)reg.revoke(r.serial, "Feil", date(2025, 5, 1));
    CHECK(verify_credential_document(document, trusted, reg).status == verification_status::revoked);
}

TEST_CASE("key files: modes, never overwritten, the public key from its own file only, never inside the output folder",
          "[issuing][keys]") {
    scratch_dir dir;
    const signing_key k = generate_signing_key();
    CHECK(public_key_path(dir.path / "issuer.key.json") == dir.path / "issuer.pub.json");
    CHECK(public_key_path(dir.path / "issuer.json") == dir.path / "issuer.json.pub.json");
    const fs::path pub = save_signing_key_file(k, dir.path / "issuer.key.json");
    CHECK(pub == dir.path / "issuer.pub.json");
    struct stat st {};
    REQUIRE(::stat((dir.path / "issuer.key.json").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(load_signing_key_file(dir.path / "issuer.key.json").public_part() == k.public_part());
    CHECK(load_public_key_file(pub) == k.public_part());
    CHECK_THROWS_WITH(load_public_key_file(dir.path / "issuer.key.json"), Catch::Contains("this is a secret key"));
    try {
        (void)save_signing_key_file(k, dir.path / "issuer.key.json");
        FAIL("a key file was overwritten");
    } catch (const error& e) {
        CHECK(e.code() == errc::not_allowed);
    }
    save_public_key_file(k.public_part(), dir.path / "other.pub.json");
    CHECK_THROWS_AS(save_public_key_file(k.public_part(), dir.path / "other.pub.json"), error);
    CHECK_THROWS_AS(load_public_key_file(dir.path / "missing.pub.json"), error);

    CHECK_THROWS_AS(check_key_outside(dir.path / "out" / "k.key.json", dir.path / "out"), error);
    CHECK_THROWS_AS(check_key_outside(dir.path / "out" / "sub" / "k.key.json", dir.path / "out/"), error);
    CHECK_THROWS_AS(check_key_outside(dir.path / "out" / ".." / "out" / "k.key.json", dir.path / "out"), error);
    CHECK_NOTHROW(check_key_outside(dir.path / "keys" / "k.key.json", dir.path / "out"));
    CHECK_NOTHROW(check_key_outside(dir.path / "outside.key.json", dir.path / "out"));
    try {
        check_key_outside(dir.path / "out" / "k.key.json", dir.path / "out");
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_argument);
        CHECK(std::string(e.what()).find("inside the output folder") != std::string::npos);
    }
}
