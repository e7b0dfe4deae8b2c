// A register written by the code before issue 12 (tests/data/issuing-before-12, see its
// README): serials of the old form "SMART-XXXX-XXXX-XXXX", Ed25519 keys of
// smart.signing-key/1 files, EdDSA tokens with the key in the header, no status list
// entries. The code of now still loads it, verifies what it holds, and revokes, corrects
// and re-issues its certificates; a bulk re-run issues nothing twice.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "helpers.hpp"
#include "smart/smart.hpp"

using namespace smart;
namespace fs = std::filesystem;

namespace {

const fs::path fixture = fs::path(SMART_SOURCE_DIR) / "tests/data/issuing-before-12";

/// A copy of the old register in a directory of its own (the tests append to it).
struct old_register {
    th::temp_dir dir{"smart-before-12"};
    fs::path file = dir.path / "register.jsonl";
    old_register() { fs::copy_file(fixture / "register.jsonl", file); }
};

const issuer_profile old_issuer{"https://example.org/fuzz", "Fuzz kommune", ""};

bool old_form(const std::string& serial) { return serial.size() == std::string("SMART-XXXX-XXXX-XXXX").size(); }

}  // namespace

TEST_CASE("a register from before issue 12 loads and what it holds verifies", "[issuing][legacy][register]") {
    old_register copy;
    const certificate_register reg(copy.file);
    const std::vector<certificate_record>& records = reg.records();
    REQUIRE(records.size() == 4);  // three issued, one of them re-issued; the first revoked
    const public_key old_key = load_public_key_file(fixture / "issuer.pub.json");
    CHECK(old_key.algorithm == key_algorithm::ed25519);
    const public_key trusted[] = {old_key};
    std::size_t valid = 0;
    for (const certificate_record& r : records) {
        CHECK(old_form(r.serial));
        CHECK(is_certificate_serial(r.serial));
        CHECK(r.status_list.empty());  // no status list entry before issue 12
        CHECK(reg.find(r.serial) == &r);
        std::string lower = r.serial;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        CHECK(reg.find(lower) == &r);  // look-up ignores letter case, for old serials too
        const verification_result v = verify_credential(r.credential_jws, trusted, &reg);
        CHECK(v.serial == r.serial);
        CHECK(v.key_id == old_key.key_id);
        CHECK(verification_code(r.credential_jws) == r.verification_code);
        switch (r.status) {
            case record_status::valid: CHECK(v.status == verification_status::valid); ++valid; break;
            case record_status::revoked: CHECK(v.status == verification_status::revoked); break;
            case record_status::replaced: CHECK(v.status == verification_status::replaced); break;
        }
        const verification_result by_code = verify_serial_code(reg, lower, r.verification_code, trusted);
        CHECK(by_code.status == v.status);
        CHECK(by_code.serial == r.serial);
    }
    CHECK(valid == 2);
    CHECK(records[0].status == record_status::revoked);
    CHECK(records[3].replaces == records[1].serial);
    CHECK(records[1].replaced_by == records[3].serial);
    // a token signed by another key is still refused
    const public_key stranger[] = {generate_signing_key().public_part()};
    CHECK(verify_credential(records[2].credential_jws, stranger).status == verification_status::unknown_key);
}

TEST_CASE("certificates of a register from before issue 12 can be revoked, corrected and re-issued",
          "[issuing][legacy][register]") {
    old_register copy;
    const cohort c = catalogue::demo_cohort();
    const evaluation e = evaluate(c, c.last_day());
    const signing_key old_key = load_signing_key_file(fixture / "issuer.key.json");
    const signing_key new_key = generate_signing_key();  // ES256: the issuer moved to a new key
    const public_key trusted[] = {old_key.public_part(), new_key.public_part()};
    std::string valid_a, valid_b, holder_b;
    std::size_t expected_records = 0;
    {
        certificate_register reg(copy.file);
        for (const certificate_record& r : reg.records())
            if (r.status == record_status::valid) (valid_a.empty() ? valid_a : valid_b) = r.serial;
        REQUIRE(!valid_b.empty());
        holder_b = reg.find(valid_b)->data.participant_id;

        // a bulk re-run with the old key and issuer issues nothing twice: the holders of the
        // old records get them (already issued) or nothing (revoked); only the demo cohort's
        // other eligible participants, never issued to, get new certificates
        std::set<std::string> holders;
        for (const certificate_record& r : reg.records()) holders.insert(r.data.participant_id);
        const std::string revoked_holder = reg.records().front().data.participant_id;
        const issue_report again = issue_cohort(reg, c, e, old_issuer, old_key, c.last_day(), lang::nb);
        std::size_t seen = 0;
        for (const issue_entry& x : again.entries) {
            if (!holders.count(x.participant_id)) continue;
            ++seen;
            REQUIRE(x.record);
            if (x.participant_id == revoked_holder) {
                CHECK(x.outcome == issue_outcome::revoked);
            } else {
                CHECK(x.outcome == issue_outcome::already_issued);
                CHECK((x.record->serial == valid_a || x.record->serial == valid_b));
            }
        }
        CHECK(seen == 3);
        for (std::size_t i = 4; i < reg.records().size(); ++i) CHECK(!holders.count(reg.records()[i].data.participant_id));
        const std::size_t before_changes = reg.records().size();

        // revoke an old serial (given in lower case), then re-issue it with the new key
        std::string lower = valid_a;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const certificate_record revoked = reg.revoke(lower, "Utstedt ved en feil", date(2025, 5, 2));
        CHECK(revoked.serial == valid_a);
        CHECK(revoked.status == record_status::revoked);
        const std::size_t pa = c.index_of(revoked.data.participant_id);
        const certificate_record reissued =
            reg.reissue(valid_a, certificate_for(c, e, pa), old_issuer, new_key, date(2025, 5, 3), lang::nb);
        CHECK(reissued.replaces == valid_a);
        CHECK(!old_form(reissued.serial));  // what is issued now has the issuer's form
        CHECK(is_certificate_serial(reissued.serial));

        // correct the other one in one step (revoke for correction and re-issue)
        const certificate_record corrected = reg.reissue(valid_b, "Feil navn", certificate_for(c, e, c.index_of(holder_b)),
                                                         old_issuer, new_key, date(2025, 5, 3), lang::en);
        CHECK(corrected.replaces == valid_b);
        CHECK(!old_form(corrected.serial));
        CHECK(reg.records().size() == before_changes + 2);
        expected_records = reg.records().size();
    }
    // what was appended reads back with the old lines
    const certificate_register reg(copy.file);
    CHECK(reg.records().size() == expected_records);
    const certificate_record* a = reg.find(valid_a);
    const certificate_record* b = reg.find(valid_b);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->status == record_status::revoked);  // revoked, then re-issued: it stays revoked, pointing on
    CHECK(!a->replaced_by.empty());
    CHECK(b->status == record_status::revoked);
    CHECK(b->revoked_for_correction);
    REQUIRE(!b->replaced_by.empty());
    const verification_result old_b = verify_credential(b->credential_jws, trusted, &reg);
    CHECK(old_b.status == verification_status::revoked);
    CHECK(old_b.replaced_by == b->replaced_by);
    CHECK(verification_text(old_b, lang::en).find(b->replaced_by) != std::string::npos);
    for (const std::string& s : {a->replaced_by, b->replaced_by}) {
        const certificate_record* r = reg.find(s);
        REQUIRE(r);
        CHECK(verify_credential(r->credential_jws, trusted, &reg).status == verification_status::valid);
    }
    // the old lines are byte for byte as they were: the register only appends
    const std::string before = th::read_text_file(fixture / "register.jsonl");
    CHECK(th::read_text_file(copy.file).substr(0, before.size()) == before);
}
