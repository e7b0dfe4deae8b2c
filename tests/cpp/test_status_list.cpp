// Issue 12, public revocation: every certificate of an issuer with a URL gets a random,
// never reused index in the issuer's W3C Bitstring Status List; the signed list sets the
// bits of revoked and corrected certificates; verify reads it without the register.
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sodium.h>

#include "../../src/issuing/internal.hpp"  // detail::draw_status_entry, the register's allocator
#include "helpers.hpp"
#include "smart/smart.hpp"

using namespace smart;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct status_dir : th::temp_dir {
    status_dir() : th::temp_dir("smart-status") {}
};

struct fixture {
    status_dir dir;
    cohort c = catalogue::demo_cohort();
    evaluation e = evaluate(c, date(2025, 4, 30));
    signing_key key = generate_signing_key();
    issuer_profile issuer{did_web("https://kommune.example"), "Eksempel kommune", "https://kommune.example"};
    std::string list = "https://kommune.example/status/revocation.jwt";
    certificate_data data(std::string_view id) const { return certificate_for(c, e, c.index_of(id)); }
};

std::string unb64(std::string_view s) {
    std::string out(s.size(), '\0');
    std::size_t n = 0;
    REQUIRE(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), s.data(), s.size(), nullptr, &n,
                              nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0);
    out.resize(n);
    return out;
}

json payload_of(const std::string& jws) {
    const auto a = jws.find('.');
    const auto b = jws.find('.', a + 1);
    return json::parse(unb64(jws.substr(a + 1, b - a - 1)));
}

json header_of(const std::string& jws) { return json::parse(unb64(jws.substr(0, jws.find('.')))); }

/// The list's bits, inflated with zlib directly (not the core's reader).
std::string bits_with_zlib(const std::string& list_jws) {
    const std::string encoded = payload_of(list_jws)["credentialSubject"]["encodedList"];
    REQUIRE(encoded.front() == 'u');
    const std::string gz = unb64(std::string_view(encoded).substr(1));
    REQUIRE(gz.size() > 2);
    CHECK(static_cast<unsigned char>(gz[0]) == 0x1f);  // the GZIP magic
    CHECK(static_cast<unsigned char>(gz[1]) == 0x8b);
    z_stream z{};
    REQUIRE(inflateInit2(&z, 16 + 15) == Z_OK);
    std::string out(1 << 20, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = static_cast<uInt>(gz.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    CHECK(inflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    inflateEnd(&z);
    return out;
}

bool bit(const std::string& bits, std::uint32_t i) {
    return (static_cast<unsigned char>(bits[i / 8]) >> (7 - i % 8)) & 1u;
}

std::size_t bits_set(const std::string& bits) {
    std::size_t n = 0;
    for (std::uint32_t i = 0; i < bits.size() * 8; ++i) n += bit(bits, i);
    return n;
}

}  // namespace

TEST_CASE("a certificate of an issuer with a URL names its status list entry", "[issuing][status]") {
    fixture f;
    certificate_register reg(f.dir.path / "register.jsonl");
    const certificate_record r = reg.issue(f.data("p01"), f.issuer, f.key, date(2025, 4, 30), lang::nb).first;
    CHECK(r.status_list == f.list);
    CHECK(r.status_index < status_list_size);
    const json status = payload_of(r.credential_jws)["credentialStatus"];
    CHECK(status["type"] == "BitstringStatusListEntry");
    CHECK(status["statusPurpose"] == "revocation");
    CHECK(status["statusListCredential"] == f.list);
    CHECK(status["statusListIndex"] == std::to_string(r.status_index));
    CHECK(status["id"] == f.list + "#" + std::to_string(r.status_index));
    CHECK(json::parse(open_badge_credential(r))["credentialStatus"] == status);
    // kept in the register
    const certificate_register reread(f.dir.path / "register.jsonl");
    CHECK(reread.find(r.serial)->status_list == f.list);
    CHECK(reread.find(r.serial)->status_index == r.status_index);
    // without an issuer URL: no entry
    issuer_profile bare{did_key(f.key.public_part()), "Eksempel kommune", ""};
    certificate_register other(f.dir.path / "other.jsonl");
    const certificate_record plain = other.issue(f.data("p01"), bare, f.key, date(2025, 4, 30), lang::nb).first;
    CHECK(plain.status_list.empty());
    CHECK_FALSE(payload_of(plain.credential_jws).contains("credentialStatus"));
    CHECK(status_list_url("https://kommune.example/", 0) == f.list);
    CHECK(status_list_url("https://kommune.example", 1) == "https://kommune.example/status/revocation-2.jwt");
}

TEST_CASE("status list indices are never reused and drawn at random", "[issuing][status]") {
    fixture f;
    certificate_register reg(f.dir.path / "register.jsonl");
    std::vector<std::uint32_t> indices;
    const certificate_data base = f.data("p01");
    for (int i = 0; i < 150; ++i) {
        certificate_data d = base;
        d.participant_id = "x" + std::to_string(i);
        indices.push_back(reg.issue(d, f.issuer, f.key, date(2025, 4, 30), lang::nb).first.status_index);
    }
    CHECK(std::set<std::uint32_t>(indices.begin(), indices.end()).size() == indices.size());
    CHECK_FALSE(std::is_sorted(indices.begin(), indices.end()));       // not in issue order
    CHECK(*std::max_element(indices.begin(), indices.end()) > 20000);  // spread over the list
}

TEST_CASE("the status list credential sets the bits of revoked and corrected certificates", "[issuing][status]") {
    fixture f;
    certificate_register reg(f.dir.path / "register.jsonl");
    const certificate_record a = reg.issue(f.data("p01"), f.issuer, f.key, date(2025, 4, 30), lang::nb).first;
    const certificate_record b = reg.issue(f.data("p02"), f.issuer, f.key, date(2025, 4, 30), lang::nb).first;
    const public_key trusted[] = {f.key.public_part()};

    const std::string empty = status_list_credential(reg, f.issuer, f.key, f.list, date(2025, 5, 1));
    const json p = payload_of(empty);
    CHECK(p["@context"] == json::array({"https://www.w3.org/ns/credentials/v2"}));
    CHECK(p["id"] == f.list);
    CHECK(p["type"] == json::array({"VerifiableCredential", "BitstringStatusListCredential"}));
    CHECK(p["issuer"] == f.issuer.id);
    CHECK(p["validFrom"] == "2025-05-01T00:00:00Z");
    CHECK_FALSE(p.contains("validUntil"));
    CHECK(p["credentialSubject"]["id"] == f.list + "#list");
    CHECK(p["credentialSubject"]["type"] == "BitstringStatusList");
    CHECK(p["credentialSubject"]["statusPurpose"] == "revocation");
    CHECK(empty.find("Kari") == std::string::npos);  // no names
    const json h = header_of(empty);
    CHECK(h["alg"] == "ES256");
    CHECK(h["kid"] == key_reference(f.key.public_part(), f.issuer.id));
    CHECK_FALSE(h.contains("jwk"));
    CHECK(verify_credential(empty, trusted).status == verification_status::valid);
    std::string bits = bits_with_zlib(empty);
    CHECK(bits.size() == status_list_size / 8);
    CHECK(bits_set(bits) == 0);
    CHECK(decode_status_list(p["credentialSubject"]["encodedList"].get<std::string>()) == bits);
    CHECK(verify_credential(a.credential_jws, trusted, nullptr, empty).status == verification_status::valid);

    (void)reg.revoke(a.serial, "Utstedt ved en feil", date(2025, 5, 2));
    const std::string one = status_list_credential(reg, f.issuer, f.key, f.list, date(2025, 5, 2));
    bits = bits_with_zlib(one);
    CHECK(bit(bits, a.status_index));
    CHECK_FALSE(bit(bits, b.status_index));
    CHECK(bits_set(bits) == 1);
    // verified with the list alone, no register
    const verification_result va = verify_credential(a.credential_jws, trusted, nullptr, one);
    CHECK(va.status == verification_status::revoked);
    CHECK(verification_text(va, lang::en) == "Revoked: the issuer's public revocation list says so.");
    CHECK(verify_credential(b.credential_jws, trusted, nullptr, one).status == verification_status::valid);
    // with the register too: its words (date and reason) win
    CHECK(verify_credential(a.credential_jws, trusted, &reg, one).revoked_reason == "Utstedt ved en feil");

    // a correction: the old bit is set, the new certificate gets a new index, unset
    const certificate_record b2 =
        reg.reissue(b.serial, "Feil navn", f.data("p02"), f.issuer, f.key, date(2025, 5, 3), lang::nb);
    CHECK(b2.status_list == f.list);
    CHECK(b2.status_index != b.status_index);
    CHECK(b2.status_index != a.status_index);
    const std::string two = status_list_credential(reg, f.issuer, f.key, f.list, date(2025, 5, 3));
    bits = bits_with_zlib(two);
    CHECK(bit(bits, a.status_index));
    CHECK(bit(bits, b.status_index));
    CHECK_FALSE(bit(bits, b2.status_index));
    CHECK(bits_set(bits) == 2);
    CHECK(verify_credential(b.credential_jws, trusted, nullptr, two).status == verification_status::revoked);
    CHECK(verify_credential(b2.credential_jws, trusted, nullptr, two).status == verification_status::valid);
}

TEST_CASE("a status list proves nothing unless it is the credential's, from its issuer", "[issuing][status]") {
    fixture f;
    certificate_register reg(f.dir.path / "register.jsonl");
    const certificate_record a = reg.issue(f.data("p01"), f.issuer, f.key, date(2025, 4, 30), lang::nb).first;
    (void)reg.revoke(a.serial, "Feil", date(2025, 5, 2));
    const public_key trusted[] = {f.key.public_part()};
    // another URL
    const std::string elsewhere =
        status_list_credential(reg, f.issuer, f.key, "https://kommune.example/status/other.jwt", date(2025, 5, 2));
    CHECK(verify_credential(a.credential_jws, trusted, nullptr, elsewhere).status == verification_status::tampered);
    // another key: not trusted
    const signing_key stranger = generate_signing_key();
    const std::string forged = status_list_credential(reg, f.issuer, stranger, f.list, date(2025, 5, 2));
    CHECK(verify_credential(a.credential_jws, trusted, nullptr, forged).status == verification_status::unknown_key);
    // another issuer, with a trusted key of its own
    const issuer_profile other{did_key(stranger.public_part()), "Annen kommune", "https://annen.example"};
    const public_key both[] = {f.key.public_part(), stranger.public_part()};
    const std::string foreign = status_list_credential(reg, other, stranger, f.list, date(2025, 5, 2));
    CHECK(verify_credential(a.credential_jws, both, nullptr, foreign).status == verification_status::tampered);
    // a changed list: the signature breaks
    std::string changed = status_list_credential(reg, f.issuer, f.key, f.list, date(2025, 5, 2));
    changed[changed.find('.') + 5] = changed[changed.find('.') + 5] == 'A' ? 'B' : 'A';
    CHECK(verify_credential(a.credential_jws, trusted, nullptr, changed).status == verification_status::tampered);
    // not a JWS
    CHECK(verify_credential(a.credential_jws, trusted, nullptr, "nonsense").status == verification_status::tampered);
    CHECK_FALSE(decode_status_list("u!!").has_value());
    CHECK_FALSE(decode_status_list("").has_value());
    CHECK_THROWS_AS(status_list_credential(reg, f.issuer, f.key, "", date(2025, 5, 2)), error);
}

TEST_CASE("a full status list: the register's allocator moves on to the issuer's next list", "[issuing][status][full]") {
    // The allocator the register calls for every new certificate, given records that take
    // every index of the first list but one (a register of 131,072 certificates would take
    // minutes to issue; the allocator reads nothing of a record but its entry).
    const std::string url = "https://kommune.example";
    const std::string first = status_list_url(url);
    const std::string second = status_list_url(url, 1);
    CHECK(first == "https://kommune.example/status/revocation.jwt");
    CHECK(second == "https://kommune.example/status/revocation-2.jwt");
    CHECK(status_list_url(url + "/", 2) == "https://kommune.example/status/revocation-3.jwt");
    const std::uint32_t free_index = 4711;
    std::vector<certificate_record> records(status_list_size);
    for (std::uint32_t i = 0; i < status_list_size; ++i) {
        records[i].status_list = first;
        records[i].status_index = i == free_index ? 0 : i;  // index 0 twice, 4711 never
    }
    status_entry drawn = detail::draw_status_entry(records, url);
    CHECK(drawn.list_url == first);
    CHECK(drawn.index == free_index);  // the one index left of the first list

    records[free_index].status_index = free_index;  // now the first list is full
    std::set<std::uint32_t> seen;
    for (int i = 0; i < 20; ++i) {
        drawn = detail::draw_status_entry(records, url);
        CHECK(drawn.list_url == second);
        CHECK(drawn.index < status_list_size);
        seen.insert(drawn.index);
    }
    CHECK(seen.size() > 10);  // random in the second list too, not counting on from 0

    // the second list fills as the first did: its taken indices are never drawn again
    records.push_back(records.front());
    records.back().status_list = second;
    records.back().status_index = *seen.begin();
    for (int i = 0; i < 40; ++i) CHECK(detail::draw_status_entry(records, url).index != *seen.begin());
    // another issuer's URL, or a record of another list, takes nothing from this one
    CHECK(detail::draw_status_entry(records, "https://other.example").list_url ==
          "https://other.example/status/revocation.jwt");

    // a certificate of the second list names it, and a verifier checks it against that list
    fixture f;
    const certificate_record r =
        sign_certificate(f.data("p01"), f.issuer, f.key, date(2025, 4, 30), lang::nb, 1, {second, 17});
    CHECK(r.status_list == second);
    CHECK(r.status_index == 17);
    const json status = payload_of(r.credential_jws)["credentialStatus"];
    CHECK(status["statusListCredential"] == second);
    CHECK(status["id"] == second + "#17");
    CHECK(status["statusListIndex"] == "17");
    CHECK_THROWS_AS(sign_certificate(f.data("p01"), f.issuer, f.key, date(2025, 4, 30), lang::nb, 1,
                                     {second, status_list_size}),
                    error);
}

TEST_CASE("the status list is signed as the issuer of its certificates; its counts", "[issuing][status]") {
    fixture f;
    certificate_register reg(f.dir.path / "register.jsonl");
    // no certificate on the list yet: the did:web of the URL (or the id given), named "-"
    auto who = status_list_issuer(reg, "https://kommune.example", f.list);
    CHECK(who.id == did_web("https://kommune.example"));
    CHECK(who.name == "-");
    CHECK(who.url == "https://kommune.example");
    CHECK(status_list_issuer(reg, "https://kommune.example", f.list, "https://kommune.example/issuer").id ==
          "https://kommune.example/issuer");
    CHECK(count_status_list(reg, f.list).entries == 0);

    const auto a = reg.issue(f.data("p01"), f.issuer, f.key, date(2025, 4, 30), lang::nb).first;
    reg.issue(f.data("p02"), f.issuer, f.key, date(2025, 4, 30), lang::nb);
    reg.revoke(a.serial, "feil navn", date(2025, 5, 2));
    who = status_list_issuer(reg, "https://kommune.example", f.list);
    CHECK(who == f.issuer);  // the issuer of the records on the list
    CHECK(status_list_issuer(reg, "https://kommune.example", f.list, "did:web:annen.example").id == "did:web:annen.example");
    CHECK(status_list_issuer(reg, "https://kommune.example", f.list, "did:web:annen.example").name == f.issuer.name);
    const auto n = count_status_list(reg, f.list);
    CHECK(n.entries == 2);
    CHECK(n.no_longer_valid == 1);
    CHECK(count_status_list(reg, "https://annen.example/status/revocation.jwt").entries == 0);
}
