#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sodium.h>

#include "smart/smart.hpp"

using namespace smart;
namespace fs = std::filesystem;

namespace {

const issuer_profile test_issuer{"urn:smart:issuer:test", "Eksempel kommune (test)", "https://example.org"};

/// A temporary directory removed at the end of the test.
struct temp_dir {
    fs::path path;
    temp_dir() {
        path = fs::temp_directory_path() / ("smart-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~temp_dir() { fs::remove_all(path); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

struct demo {
    cohort c = catalogue::demo_cohort();
    evaluation e = evaluate(c, date(2025, 4, 30));
    certificate_data data(std::string_view id) const { return certificate_for(c, e, c.index_of(id)); }
};

std::string b64url_encode(const std::string& s) {
    std::string out(sodium_base64_encoded_len(s.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

/// Every leaf of a JSON value, as JSON Pointers.
void leaves(const nlohmann::ordered_json& j, const std::string& at, std::vector<std::string>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) leaves(it.value(), at + "/" + it.key(), out);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) leaves(j[i], at + "/" + std::to_string(i), out);
    } else {
        out.push_back(at);
    }
}

}  // namespace

TEST_CASE("an Ed25519 signing key saves and loads, and a mismatched key file is refused", "[issuing][keys]") {
    const signing_key k = generate_signing_key(key_algorithm::ed25519);
    CHECK(k.key_id.rfind("smart-", 0) == 0);
    const signing_key again = load_signing_key(save_signing_key(k));
    CHECK(again.public_bytes == k.public_bytes);
    CHECK(again.secret_bytes == k.secret_bytes);
    CHECK(load_public_key(save_public_key(k.public_part())) == k.public_part());

    auto doc = nlohmann::json::parse(save_signing_key(k));
    doc["public"] = nlohmann::json::parse(save_signing_key(generate_signing_key(key_algorithm::ed25519)))["public"];
    try {
        (void)load_signing_key(doc.dump());
        FAIL("a key whose secret belongs to another public key was accepted");
    } catch (const error& e) {
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/secret");
        CHECK(std::string(e.what()).find(nlohmann::json::parse(save_signing_key(k))["secret"].get<std::string>()) ==
              std::string::npos);
    }
    CHECK_THROWS_AS(load_signing_key("{\"format\": \"smart.signing-key/1\""), error);
    CHECK_THROWS_AS(load_signing_key_file("/nonexistent/key.json"), error);
}

TEST_CASE("a key file whose secret seed is another key's is refused, though its public half matches", "[issuing][keys]") {
    // Found by fuzzing: only the public half of the 64-byte secret was compared, so a file
    // with another key's seed loaded and then signed certificates that verify against nothing.
    const signing_key k = generate_signing_key(key_algorithm::ed25519);
    const signing_key other = generate_signing_key(key_algorithm::ed25519);
    signing_key forged = k;
    std::copy(other.secret_bytes.begin(), other.secret_bytes.begin() + 32, forged.secret_bytes.begin());
    try {
        (void)load_signing_key(save_signing_key(forged));
        FAIL("a key with another key's seed was accepted");
    } catch (const error& e) {
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/secret");
    }
}

TEST_CASE("serials are stable per programme, cohort, participant and issue, and distinct otherwise", "[issuing][serial]") {
    const std::string s = certificate_serial("smart-trener-2024", "trener-2024-demo", "p01");
    CHECK(s == certificate_serial("smart-trener-2024", "trener-2024-demo", "p01"));
    CHECK(s.size() == std::string("SMART-XXXX-XXXX-XXXX").size());
    CHECK(s.rfind("SMART-", 0) == 0);
    std::set<std::string> seen;
    for (int p = 0; p < 2000; ++p) seen.insert(certificate_serial("smart-trener-2024", "trener-2024-demo", "p" + std::to_string(p)));
    CHECK(seen.size() == 2000);
    CHECK(s != certificate_serial("smart-trener-2024", "trener-2024-demo", "p01", 2));
    CHECK(s != certificate_serial("smart-leder-2024", "trener-2024-demo", "p01"));
    CHECK(certificate_serial("ab", "c", "d") != certificate_serial("a", "bc", "d"));
}

TEST_CASE("a signed certificate verifies, and its code comes from the signature", "[issuing][verify]") {
    const demo d;
    const signing_key k = generate_signing_key();
    const certificate_record r = sign_certificate(d.data("p01"), test_issuer, k, date(2025, 4, 30), lang::nb);
    CHECK(r.serial == certificate_serial("smart-trener-2024", "trener-2024-demo", "p01", 1, test_issuer.id));
    CHECK(r.verification_code.size() == 9);
    CHECK(r.verification_code == verification_code(r.credential_jws));
    const public_key trusted[] = {k.public_part()};
    const verification_result v = verify_credential(r.credential_jws, trusted);
    CHECK(v.status == verification_status::valid);
    CHECK(v.serial == r.serial);
    const auto payload = nlohmann::json::parse(v.credential_json);
    CHECK(payload["credentialSubject"]["identifier"][0]["identityHash"] == d.c.find("p01")->name);
    CHECK(payload["iss"] == test_issuer.id);
    CHECK(payload["credentialSubject"]["achievement"]["alignment"].size() == 8);

    const signing_key other = generate_signing_key();
    const public_key only_other[] = {other.public_part()};
    CHECK(verify_credential(r.credential_jws, only_other).status == verification_status::unknown_key);
    CHECK(verify_credential("not a jws", trusted).status == verification_status::tampered);
}

TEST_CASE("changing any single field of a signed credential fails verification", "[issuing][verify][tamper]") {
    const demo d;
    const signing_key k = generate_signing_key();
    const certificate_record r = sign_certificate(d.data("p02"), test_issuer, k, date(2025, 4, 30), lang::nn);
    const public_key trusted[] = {k.public_part()};
    const auto first = r.credential_jws.find('.'), last = r.credential_jws.rfind('.');
    const std::string header = r.credential_jws.substr(0, first), signature = r.credential_jws.substr(last + 1);
    const auto payload = nlohmann::ordered_json::parse(verify_credential(r.credential_jws, trusted).credential_json);
    std::vector<std::string> paths;
    leaves(payload, "", paths);
    REQUIRE(paths.size() > 30);
    for (const auto& p : paths) {
        INFO(p);
        auto changed = payload;
        auto& leaf = changed[nlohmann::ordered_json::json_pointer(p)];
        if (leaf.is_string())
            leaf = leaf.get<std::string>() + "x";
        else if (leaf.is_boolean())
            leaf = !leaf.get<bool>();
        else
            leaf = 1 + leaf.get<std::int64_t>();
        const std::string forged = header + "." + b64url_encode(changed.dump()) + "." + signature;
        CHECK(verify_credential(forged, trusted).status == verification_status::tampered);
    }
    // the same content re-serialised differently (whitespace) is different bytes: refused too
    const std::string reformatted = header + "." + b64url_encode(payload.dump(1)) + "." + signature;
    CHECK(verify_credential(reformatted, trusted).status == verification_status::tampered);
}

TEST_CASE("a record is frozen: later edits to the programme or the name do not change it", "[issuing][frozen]") {
    temp_dir dir;
    const signing_key k = generate_signing_key();
    demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const auto [r, fresh] = reg.issue(d.data("p03"), test_issuer, k, date(2025, 4, 30), lang::nb);
    CHECK(fresh);
    const std::string holder = r.data.holder;

    // The participant's name is corrected afterwards; the programme is edited.
    programme edited = d.c.programme();
    edited.name.nb = "Et annet navn";
    cohort changed(std::make_shared<const programme>(edited), d.c.id(), d.c.label(), d.c.capacity(), {}, "");
    std::vector<participant> ps = d.c.participants();
    ps[d.c.index_of("p03")].name = "Nytt Navn";
    changed.add_participants(ps);
    const evaluation e2 = evaluate(changed, date(2025, 4, 30));
    const auto [again, fresh2] =
        reg.issue(certificate_for(changed, e2, changed.index_of("p03")), test_issuer, k, date(2025, 5, 2), lang::nb);
    CHECK_FALSE(fresh2);
    CHECK(again == r);

    const certificate_register reread(dir.path / "register.jsonl");
    REQUIRE(reread.records().size() == 1);
    CHECK(reread.records()[0].data.holder == holder);
    CHECK(reread.records()[0].data.programme_name.nb == "SMART trenerutdanning 2024/2025");
    CHECK(wording(reread.records()[0]).holder_line == holder);
    CHECK(reread.records()[0] == r);
}

TEST_CASE("re-running issues nothing twice and keeps the serials", "[issuing][register]") {
    temp_dir dir;
    const signing_key k = generate_signing_key();
    const demo d;
    std::vector<std::string> serials;
    for (int run = 0; run < 2; ++run) {
        certificate_register reg(dir.path / "register.jsonl");
        std::size_t fresh = 0;
        std::vector<std::string> these;
        for (std::size_t i = 0; i < d.e.size(); ++i) {
            if (d.e.result(i).status != overall_status::eligible) continue;
            const auto [r, is_new] = reg.issue(certificate_for(d.c, d.e, i), test_issuer, k, date(2025, 4, 30), lang::nb);
            fresh += is_new;
            these.push_back(r.serial);
        }
        CHECK(fresh == (run == 0 ? 24u : 0u));
        if (run == 0) serials = these;
        CHECK(these == serials);
        CHECK(reg.records().size() == 24);
    }
}

TEST_CASE("revoking keeps the record and verification reports it revoked", "[issuing][register][revoke]") {
    temp_dir dir;
    const signing_key k = generate_signing_key();
    const demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const auto [r, fresh] = reg.issue(d.data("p01"), test_issuer, k, date(2025, 4, 30), lang::en);
    const certificate_record revoked = reg.revoke(r.serial, "Utstedt ved en feil", date(2025, 5, 5));
    CHECK(revoked.status == record_status::revoked);
    CHECK(revoked.revoked_reason == "Utstedt ved en feil");
    CHECK(reg.records().size() == 1);  // never deleted
    const public_key trusted[] = {k.public_part()};
    CHECK(verify_credential(r.credential_jws, trusted, &reg).status == verification_status::revoked);
    CHECK(verify_credential(r.credential_jws, trusted).status == verification_status::valid);  // signature itself intact
    CHECK_THROWS_AS(reg.revoke(r.serial, "igjen", date(2025, 5, 6)), error);
    CHECK_THROWS_AS(reg.revoke("SMART-0000-0000-0000", "ukjent", date(2025, 5, 6)), error);
    CHECK_THROWS_AS(reg.revoke(r.serial, "", date(2025, 5, 6)), error);
}

TEST_CASE("a revoked participant gets a new certificate only through an explicit re-issue", "[issuing][register][revoke]") {
    temp_dir dir;
    const signing_key k = generate_signing_key();
    const demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const auto [r, fresh] = reg.issue(d.data("p01"), test_issuer, k, date(2025, 4, 30), lang::en);
    (void)reg.revoke(r.serial, "Utstedt ved en feil", date(2025, 5, 5));
    // issuing again is refused, naming the revoked certificate and the way to a new one
    try {
        (void)reg.issue(d.data("p01"), test_issuer, k, date(2025, 5, 6), lang::en);
        FAIL("a revoked participant was issued a new certificate by issue()");
    } catch (const error& e) {
        CHECK(e.code() == errc::not_allowed);
        CHECK(std::string(e.what()).find(r.serial) != std::string::npos);
        CHECK(std::string(e.what()).find("re-issue") != std::string::npos);
    }
    CHECK(reg.records().size() == 1);
    CHECK(reg.find_latest("smart-trener-2024", "trener-2024-demo", "p01")->serial == r.serial);
    // the correction: a re-issue of the revoked record, which stays revoked and points on
    const certificate_record next = reg.reissue(r.serial, d.data("p01"), test_issuer, k, date(2025, 5, 6), lang::en);
    CHECK(next.issue_number == 2);
    CHECK(next.replaces == r.serial);
    CHECK(reg.find(r.serial)->status == record_status::revoked);
    CHECK(reg.find(r.serial)->replaced_by == next.serial);
    const public_key trusted[] = {k.public_part()};
    CHECK(verify_credential(r.credential_jws, trusted, &reg).status == verification_status::revoked);
    CHECK(verify_credential(next.credential_jws, trusted, &reg).status == verification_status::valid);
    // a re-run now finds the new record; the revoked one cannot be re-issued twice
    const auto [again, again_fresh] = reg.issue(d.data("p01"), test_issuer, k, date(2025, 5, 7), lang::en);
    CHECK_FALSE(again_fresh);
    CHECK(again.serial == next.serial);
    CHECK_THROWS_AS(reg.reissue(r.serial, d.data("p01"), test_issuer, k, date(2025, 5, 7), lang::en), error);
    const certificate_register reread(dir.path / "register.jsonl");
    CHECK(reread.find(r.serial)->status == record_status::revoked);
    CHECK(reread.find(r.serial)->replaced_by == next.serial);
}

TEST_CASE("re-issuing points to the record it replaces, which verifies as replaced", "[issuing][register][reissue]") {
    temp_dir dir;
    const signing_key k = generate_signing_key();
    const demo d;
    certificate_register reg(dir.path / "register.jsonl");
    const auto [old, fresh] = reg.issue(d.data("p04"), test_issuer, k, date(2025, 4, 30), lang::nb);
    const certificate_record fresh_record =
        reg.reissue(old.serial, d.data("p04"), test_issuer, k, date(2025, 6, 1), lang::nn);
    CHECK(fresh_record.replaces == old.serial);
    CHECK(fresh_record.issue_number == 2);
    CHECK(reg.find(old.serial)->status == record_status::replaced);
    CHECK(reg.find(old.serial)->replaced_by == fresh_record.serial);
    const public_key trusted[] = {k.public_part()};
    CHECK(verify_credential(old.credential_jws, trusted, &reg).status == verification_status::replaced);
    CHECK(verify_credential(fresh_record.credential_jws, trusted, &reg).status == verification_status::valid);
    const certificate_register reread(dir.path / "register.jsonl");
    CHECK(reread.find(old.serial)->status == record_status::replaced);
    CHECK(reread.find_valid("smart-trener-2024", "trener-2024-demo", "p04")->serial == fresh_record.serial);
    const auto [other, other_fresh] = reg.issue(d.data("p01"), test_issuer, k, date(2025, 4, 30), lang::nb);
    try {
        (void)reg.reissue(other.serial, d.data("p04"), test_issuer, k, date(2025, 6, 1), lang::nb);
        FAIL("a re-issue for another participant was accepted");
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_argument);
    }
    CHECK_THROWS_AS(reg.reissue(old.serial, d.data("p04"), test_issuer, k, date(2025, 6, 1), lang::nb), error);
}

TEST_CASE("only eligible participants get a record, and not before the last day", "[issuing]") {
    const demo d;
    const signing_key k = generate_signing_key();
    CHECK_THROWS_AS(d.data("p07"), error);  // not eligible
    const evaluation early = evaluate(d.c, date(2025, 4, 8));
    CHECK_THROWS_AS(certificate_for(d.c, early, d.c.index_of("p01")), error);
    try {
        (void)sign_certificate(d.data("p01"), test_issuer, k, date(2025, 4, 1), lang::nb);
        FAIL("signed before the last day");
    } catch (const error& e) {
        CHECK(e.code() == errc::not_allowed);
    }
}

TEST_CASE("a torn last line of the register is ignored and repaired", "[issuing][register][crash]") {
    temp_dir dir;
    const fs::path file = dir.path / "register.jsonl";
    const signing_key k = generate_signing_key();
    const demo d;
    {
        certificate_register reg(file);
        reg.issue(d.data("p01"), test_issuer, k, date(2025, 4, 30), lang::nb);
    }
    {
        std::ofstream out(file, std::ios::app);
        out << R"({"event": "issued", "record": {"serial": "SMART-HALF)";  // killed mid-write
    }
    certificate_register reg(file);
    CHECK(reg.records().size() == 1);
    reg.issue(d.data("p02"), test_issuer, k, date(2025, 4, 30), lang::nb);
    const certificate_register reread(file);
    CHECK(reread.records().size() == 2);
    std::ifstream in(file);
    std::string content((std::istreambuf_iterator<char>(in)), {});
    CHECK(content.find("SMART-HALF") == std::string::npos);

    // a corrupt line that is not the last is an error naming the line
    {
        std::ofstream out(file, std::ios::trunc);
        out << "garbage\n" << content;
    }
    try {
        certificate_register broken(file);
        FAIL("a corrupt register was read");
    } catch (const error& e) {
        CHECK(e.code() == errc::parse_error);
        CHECK(std::string(e.what()).find("line 1") != std::string::npos);
    }
}

TEST_CASE("two processes issuing on one register at once give one record per participant", "[issuing][register][lock]") {
    temp_dir dir;
    const fs::path file = dir.path / "register.jsonl";
    const signing_key k = generate_signing_key();
    const demo d;
    std::vector<pid_t> children;
    for (int w = 0; w < 3; ++w) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            int code = 0;
            try {
                certificate_register reg(file);
                for (std::size_t i = 0; i < d.e.size(); ++i)
                    if (d.e.result(i).status == overall_status::eligible)
                        reg.issue(certificate_for(d.c, d.e, i), test_issuer, k, date(2025, 4, 30), lang::nb);
            } catch (...) {
                code = 1;
            }
            ::_exit(code);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    const certificate_register reg(file);
    CHECK(reg.records().size() == 24);
    std::set<std::string> participants;
    for (const auto& r : reg.records()) participants.insert(r.data.participant_id);
    CHECK(participants.size() == 24);
}

TEST_CASE("the certificate wording is in bokmål, nynorsk and English", "[issuing][wording]") {
    const demo d;
    const signing_key k = generate_signing_key();
    const certificate_record r = sign_certificate(d.data("p16"), test_issuer, k, date(2025, 4, 30), lang::nb);
    const auto nb = wording(r, lang::nb), nn = wording(r, lang::nn), en = wording(r, lang::en);
    CHECK(nb.title == "Kompetansebevis");
    CHECK(en.title == "Certificate of competence");
    CHECK(nb.attests.find("har gjennomført SMART trenerutdanning 2024/2025 (18.9.2024–9.4.2025)") == 0);
    CHECK(nn.attests.find("oppfylt krava") != std::string::npos);
    CHECK(en.attests.find("has completed") == 0);
    CHECK(nb.goals.size() == 8);
    CHECK(nb.serial_line == "Serienummer " + r.serial);
    CHECK(en.code_line == "Verification code " + r.verification_code);
    bool exempt_shown = false;
    for (const auto& line : nb.requirements) exempt_shown = exempt_shown || line.find("(fritatt: ") != std::string::npos;
    CHECK(exempt_shown);  // p16 is exempt from the festival
    CHECK(nb.issued_line == "Utstedt 30.4.2025 av Eksempel kommune (test)");
}

TEST_CASE("the token of a certificate's page on a published site comes from serial and code", "[issuing][site]") {
    // lowercase base32 of SHA-256("smart-verify:SMART-ABCD-0123-4567-89AB:WXYZ2345"), first 26
    // characters (computed independently with Python's hashlib and base64)
    CHECK(verification_token("SMART-ABCD-0123-4567-89AB", "WXYZ-2345") == "ssbgckjoqomhmafoeacl4wmiw2");
    CHECK(verification_token("smart-abcd-0123-4567-89ab", "wxyz2345") == "ssbgckjoqomhmafoeacl4wmiw2");
    CHECK(verification_token("SMART-ABCD-0123-4567-89AB", "WXYZ-2346") != "ssbgckjoqomhmafoeacl4wmiw2");
    CHECK_THROWS_AS(verification_token("SMART-nonsense", "WXYZ-2345"), smart::error);
    CHECK_THROWS_AS(verification_token("SMART-ABCD-0123-4567-89AB", "-"), smart::error);
}

TEST_CASE("with an issuer url, the certificate's footer names its page on the published site", "[issuing][site]") {
    const demo d;
    const signing_key k = generate_signing_key();
    const certificate_record r = sign_certificate(d.data("p16"), test_issuer, k, date(2025, 4, 30), lang::nb);
    const std::string page = "https://example.org/c/" + verification_token(r.serial, r.verification_code) + "/";
    CHECK(wording(r, lang::nb).verify_hint.ends_with("kan kontrolleres på " + page));
    CHECK(wording(r, lang::en).verify_hint.ends_with("can be checked at " + page));
    issuer_profile no_url = test_issuer;
    no_url.url.clear();
    const certificate_record s = sign_certificate(d.data("p16"), no_url, k, date(2025, 4, 30), lang::nb);
    CHECK(wording(s, lang::nb).verify_hint.find("/c/") == std::string::npos);
    const site_wording nn = site_words(lang::nn, "Eksempel kommune", date(2025, 5, 2));
    CHECK(nn.about.find("Eksempel kommune") != std::string::npos);
    CHECK(nn.status_note.ends_with("2.5.2025."));
    CHECK(site_words(lang::en, "X", date(2025, 5, 2)).site_title == "Certificate verification");
}
