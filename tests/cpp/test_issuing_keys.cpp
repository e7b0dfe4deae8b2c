// Issuer keys strangers can resolve: ES256 (P-256) keys and their JWK files, did:key and
// did:web, DID documents, JWS headers without a key, and verification that never trusts a
// key from the token — while Ed25519 keys and the EdDSA tokens made before keep working.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include "../../src/issuing/internal.hpp"  // only to craft forged tokens (sign_bytes, b64url)
#include "smart/smart.hpp"

using namespace smart;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const issuer_profile urn_issuer{"urn:smart:issuer:test", "Eksempel kommune (test)", ""};

certificate_record issue_for(const signing_key& k, const issuer_profile& issuer) {
    const cohort c = catalogue::demo_cohort();
    const evaluation e = evaluate(c, date(2025, 4, 30));
    return sign_certificate(certificate_for(c, e, c.index_of("p01")), issuer, k, date(2025, 4, 30), lang::nb);
}

json part(const std::string& jws, int i) {
    std::size_t from = 0;
    for (int k = 0; k < i; ++k) from = jws.find('.', from) + 1;
    const std::size_t to = jws.find('.', from);
    return json::parse(*detail::unb64url(std::string_view(jws).substr(from, to == std::string::npos ? to : to - from)));
}

/// A token with this header and payload, signed by `k`.
std::string token(const json& header, const json& payload, const signing_key& k) {
    const std::string input = detail::b64url(header.dump()) + "." + detail::b64url(payload.dump());
    return input + "." + detail::b64url(detail::sign_bytes(k, input));
}

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("new keys are ES256 JWK files whose kid is the key's multibase", "[issuing][keys][es256]") {
    const signing_key k = generate_signing_key();
    CHECK(k.algorithm == key_algorithm::es256);
    CHECK(std::string(to_string(k.algorithm)) == "ES256");
    CHECK(k.public_bytes.size() == 64);
    CHECK(k.secret_bytes.size() == 32);
    CHECK(k.key_id.rfind("zDn", 0) == 0);
    CHECK(k.key_id == key_multibase(k.public_part()));

    const json secret = json::parse(save_signing_key(k));
    CHECK(secret["format"] == "smart.signing-key/2");
    CHECK(secret["kty"] == "EC");
    CHECK(secret["crv"] == "P-256");
    CHECK(secret["alg"] == "ES256");
    CHECK(secret["kid"] == k.key_id);
    CHECK(secret["d"].get<std::string>().size() == 43);
    const signing_key again = load_signing_key(secret.dump());
    CHECK(again.public_bytes == k.public_bytes);
    CHECK(again.secret_bytes == k.secret_bytes);
    CHECK(again.key_id == k.key_id);

    const json pub = json::parse(save_public_key(k.public_part()));
    CHECK(pub["format"] == "smart.public-key/2");
    CHECK(!pub.contains("d"));
    CHECK(pub["x"] == secret["x"]);
    CHECK(load_public_key(pub.dump()) == k.public_part());

    json other = secret;  // another key's secret with this public key
    other["d"] = json::parse(save_signing_key(generate_signing_key()))["d"];
    try {
        (void)load_signing_key(other.dump());
        FAIL("a key whose d belongs to another public key was accepted");
    } catch (const error& e) {
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/d");
        CHECK(std::string(e.what()).find(other["d"].get<std::string>()) == std::string::npos);
    }
    json off_curve = pub;
    off_curve["y"] = secret["x"];
    CHECK_THROWS_AS(load_public_key(off_curve.dump()), error);
    json wrong_kid = pub;
    wrong_kid["kid"] = "smart-0000000000000000";
    CHECK(error_of([&] { (void)load_public_key(wrong_kid.dump()); }).find("key id") != std::string::npos);
}

TEST_CASE("a secret key file where a public key is expected is refused, naming the public file", "[issuing][keys]") {
    const fs::path dir = fs::temp_directory_path() / ("smart-keys-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const signing_key k = generate_signing_key();
    const fs::path pub = save_signing_key_file(k, dir / "issuer.key.json");
    CHECK(load_public_key_file(pub) == k.public_part());
    const std::string message = error_of([&] { (void)load_public_key_file(dir / "issuer.key.json"); });
    CHECK(message.find("this is a secret key; give the public key file") != std::string::npos);
    CHECK(message.find("issuer.pub.json") != std::string::npos);
    CHECK(error_of([&] { (void)load_public_key(save_signing_key(k)); }).find("this is a secret key") !=
          std::string::npos);
    CHECK(fs::status(dir / "issuer.key.json").permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write));
    fs::remove_all(dir);
}

TEST_CASE("did:key of P-256 and Ed25519 keys resolves back to the key", "[issuing][did]") {
    const public_key es = generate_signing_key().public_part();
    const public_key ed = generate_signing_key(key_algorithm::ed25519).public_part();
    CHECK(did_key(es).rfind("did:key:zDn", 0) == 0);
    CHECK(did_key(ed).rfind("did:key:z6Mk", 0) == 0);
    for (const public_key& k : {es, ed}) {
        const public_key back = resolve_did_key(did_key(k));
        CHECK(back.algorithm == k.algorithm);
        CHECK(back.bytes == k.bytes);
        CHECK(back.key_id == key_multibase(k));
        CHECK(resolve_did_key(did_key(k) + "#" + key_multibase(k)).bytes == k.bytes);
        CHECK_THROWS_AS(resolve_did_key(did_key(k) + "#other"), error);
    }
    // A P-256 point and its mirror (the other y) have different did:keys.
    int odd = 0;
    for (int i = 0; i < 16; ++i) odd += generate_signing_key().public_bytes[63] & 1;
    CHECK(odd > 0);
    CHECK(odd < 16);
    CHECK_THROWS_AS(resolve_did_key("did:web:example.org"), error);
    CHECK_THROWS_AS(resolve_did_key("did:key:zzzz"), error);
    CHECK_THROWS_AS(resolve_did_key("did:key:" + std::string(200, '2')), error);
}

TEST_CASE("did:web comes from an https URL and locates its did.json", "[issuing][did]") {
    CHECK(did_web("https://kommune.no") == "did:web:kommune.no");
    CHECK(did_web("https://Kommune.no/") == "did:web:kommune.no");
    CHECK(did_web("https://kommune.no:8443/smart/bevis") == "did:web:kommune.no%3A8443:smart:bevis");
    CHECK(did_web_document_url("did:web:kommune.no") == "https://kommune.no/.well-known/did.json");
    CHECK(did_web_document_url("did:web:kommune.no%3A8443:smart:bevis") == "https://kommune.no:8443/smart/bevis/did.json");
    for (const char* bad : {"http://kommune.no", "https://", "https://user@kommune.no", "https://kommune.no/?a=1",
                            "https://kommune.no/#x", "https://kom mune.no", "https://kommune.no:port", "kommune.no",
                            "https://kommune.no/../x"}) {
        INFO(bad);
        CHECK_THROWS_AS(did_web(bad), error);
    }
    CHECK_THROWS_AS(did_web_document_url("did:key:z6Mk"), error);
}

TEST_CASE("a DID document publishes the key without its secret and reads back", "[issuing][did]") {
    const signing_key k = generate_signing_key();
    const std::string did = did_web("https://kommune.no");
    const json doc = json::parse(did_document(k.public_part(), did));
    CHECK(doc["id"] == did);
    CHECK(doc["@context"][0] == "https://www.w3.org/ns/did/v1");
    const json& m = doc["verificationMethod"][0];
    CHECK(m["id"] == did + "#" + k.key_id);
    CHECK(m["type"] == "JsonWebKey");
    CHECK(m["controller"] == did);
    CHECK(m["publicKeyJwk"]["kty"] == "EC");
    CHECK(!m["publicKeyJwk"].contains("d"));
    CHECK(doc["assertionMethod"][0] == m["id"]);
    const auto keys = load_did_document(doc.dump());
    REQUIRE(keys.size() == 1);
    CHECK(keys[0].bytes == k.public_bytes);
    CHECK(keys[0].key_id == k.key_id);

    json leaked = doc;
    leaked["verificationMethod"][0]["publicKeyJwk"]["d"] = "AAAA";
    CHECK(error_of([&] { (void)load_did_document(leaked.dump()); }).find("private key") != std::string::npos);
    json multikey = doc;
    multikey["verificationMethod"][0].erase("publicKeyJwk");
    multikey["verificationMethod"][0]["type"] = "Multikey";
    multikey["verificationMethod"][0]["publicKeyMultibase"] = k.key_id;
    CHECK(load_did_document(multikey.dump())[0].bytes == k.public_bytes);
}

TEST_CASE("an ES256 credential names its key by DID URL, carries no key, and its issuer is the DID",
          "[issuing][verify][es256]") {
    const signing_key k = generate_signing_key();
    const cohort c = catalogue::demo_cohort();
    const issuer_profile issuer = default_issuer(c.programme(), lang::nb, k.public_part());
    CHECK(issuer.id == did_key(k.public_part()));
    const certificate_record r = issue_for(k, issuer);
    const json header = part(r.credential_jws, 0);
    CHECK(header == json{{"alg", "ES256"}, {"typ", "JWT"}, {"kid", issuer.id + "#" + k.key_id}});
    const json payload = part(r.credential_jws, 1);
    CHECK(payload["issuer"]["id"] == issuer.id);
    CHECK(payload["iss"] == issuer.id);

    const public_key from_did[] = {resolve_did_key(issuer.id)};
    const verification_result v = verify_credential(r.credential_jws, from_did);
    CHECK(v.status == verification_status::valid);
    CHECK(v.key_id == issuer.id + "#" + k.key_id);
    const public_key from_file[] = {load_public_key(save_public_key(k.public_part()))};
    CHECK(verify_credential(r.credential_jws, from_file).status == verification_status::valid);

    // with a web domain: did:web, the kid in it, verified with the keys of its did.json
    const issuer_profile web = default_issuer(c.programme(), lang::nb, k.public_part(), "https://kommune.no/smart");
    CHECK(web.id == "did:web:kommune.no:smart");
    CHECK(web.url == "https://kommune.no/smart");
    const certificate_record w = issue_for(k, web);
    CHECK(part(w.credential_jws, 0)["kid"] == "did:web:kommune.no:smart#" + k.key_id);
    const auto published = load_did_document(did_document(k.public_part(), web.id));
    CHECK(verify_credential(w.credential_jws, published).status == verification_status::valid);

    // a urn issuer is signed under the key's did:key URL
    CHECK(part(issue_for(k, urn_issuer).credential_jws, 0)["kid"] == did_key(k.public_part()) + "#" + k.key_id);
}

TEST_CASE("issuer ids must be URIs, URLs https, and a did:key issuer the signing key's", "[issuing][issuer]") {
    const signing_key k = generate_signing_key();
    for (const issuer_profile& bad : {issuer_profile{"kommune", "K", ""}, issuer_profile{"urn:x y", "K", ""},
                                      issuer_profile{"1urn:x", "K", ""}, issuer_profile{"urn:x", "K", "http://k.no"},
                                      issuer_profile{"urn:x", "K", "k.no"},
                                      issuer_profile{did_key(generate_signing_key().public_part()), "K", ""}}) {
        INFO(bad.id << " " << bad.url);
        try {
            (void)issue_for(k, bad);
            FAIL("accepted");
        } catch (const error& e) {
            CHECK(e.code() == errc::invalid_argument);
        }
    }
    CHECK_NOTHROW(issue_for(k, issuer_profile{"https://kommune.no", "K", "https://kommune.no/bevis"}));
}

TEST_CASE("a token re-signed with an attacker's key and jwk in its header is not valid", "[issuing][verify][attack]") {
    const signing_key k = generate_signing_key();
    const certificate_record r = issue_for(k, {did_key(k.public_part()), "Eksempel kommune", ""});
    const public_key trusted[] = {resolve_did_key(did_key(k.public_part()))};
    json payload = part(r.credential_jws, 1);
    payload["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory";
    for (const key_algorithm alg : {key_algorithm::es256, key_algorithm::ed25519}) {
        const signing_key attacker = generate_signing_key(alg);
        json header = part(r.credential_jws, 0);
        header["alg"] = alg == key_algorithm::es256 ? "ES256" : "EdDSA";
        const json jwk = json::parse(did_document(attacker.public_part(), did_key(attacker.public_part())))["verificationMethod"][0]["publicKeyJwk"];
        header["jwk"] = jwk;
        const verification_result same_kid = verify_credential(token(header, payload, attacker), trusted);
        CHECK(same_kid.status == verification_status::tampered);
        CHECK(same_kid.credential_json.empty());
        header["kid"] = did_key(attacker.public_part()) + "#" + key_multibase(attacker.public_part());
        CHECK(verify_credential(token(header, payload, attacker), trusted).status == verification_status::unknown_key);
        // the attacker's own did:key as the issuer: valid only for whoever trusts that key
        payload["issuer"]["id"] = payload["iss"] = did_key(attacker.public_part());
        CHECK(verify_credential(token(header, payload, attacker), trusted).status == verification_status::unknown_key);
    }
}

TEST_CASE("the alg is pinned to the key type: none, HS256 and a swapped family never verify", "[issuing][verify][alg]") {
    const signing_key es = generate_signing_key();
    const signing_key ed = generate_signing_key(key_algorithm::ed25519);
    const certificate_record r = issue_for(es, urn_issuer);
    const json payload = part(r.credential_jws, 1);
    const public_key both[] = {es.public_part(), ed.public_part()};
    // an Ed25519 signature under alg ES256, and an ES256 one under EdDSA / Ed25519, with the right kid
    CHECK(verify_credential(token({{"alg", "ES256"}, {"kid", ed.key_id}}, payload, ed), both).status ==
          verification_status::tampered);
    for (const char* alg : {"EdDSA", "Ed25519"})
        CHECK(verify_credential(token({{"alg", alg}, {"kid", es.key_id}}, payload, es), both).status ==
              verification_status::tampered);
    for (const char* alg : {"none", "HS256", "ES384", "RS256"}) {
        const std::string t = token({{"alg", alg}, {"kid", es.key_id}}, payload, es);
        CHECK(verify_credential(t, both).status == verification_status::tampered);
        CHECK(verify_credential(t.substr(0, t.rfind('.') + 1), both).status == verification_status::tampered);
    }
    // the kid's DID must be the issuer's
    json other_issuer = payload;
    other_issuer["issuer"]["id"] = other_issuer["iss"] = "did:web:elsewhere.example";
    CHECK(verify_credential(token(part(r.credential_jws, 0), other_issuer, es), both).status ==
          verification_status::tampered);
    json iss_differs = payload;
    iss_differs["iss"] = "urn:other";
    CHECK(verify_credential(token(part(r.credential_jws, 0), iss_differs, es), both).status ==
          verification_status::tampered);
}

TEST_CASE("Ed25519 keys of /1 files and the EdDSA tokens they signed keep verifying", "[issuing][keys][legacy]") {
    const signing_key ed = generate_signing_key(key_algorithm::ed25519);
    CHECK(ed.key_id.rfind("smart-", 0) == 0);
    const json file = json::parse(save_signing_key(ed));
    CHECK(file["format"] == "smart.signing-key/1");
    CHECK(load_signing_key(file.dump()).secret_bytes == ed.secret_bytes);
    CHECK(load_public_key(save_public_key(ed.public_part())) == ed.public_part());

    // a token as the code before made it: alg EdDSA, kid "smart-…", the key in the header
    const certificate_record r = issue_for(ed, urn_issuer);
    json old_header = {{"alg", "EdDSA"},
                       {"typ", "JWT"},
                       {"kid", ed.key_id},
                       {"jwk", {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", file["public"]}}}};
    const std::string old = token(old_header, part(r.credential_jws, 1), ed);
    const public_key trusted[] = {load_public_key(save_public_key(ed.public_part()))};
    CHECK(verify_credential(old, trusted).status == verification_status::valid);
    // what it signs now says Ed25519 (RFC 9864) and names its did:key
    const json header = part(r.credential_jws, 0);
    CHECK(header["alg"] == "Ed25519");
    CHECK(header["kid"] == did_key(ed.public_part()) + "#" + key_multibase(ed.public_part()));
    CHECK(!header.contains("jwk"));
    CHECK(verify_credential(r.credential_jws, trusted).status == verification_status::valid);
}

TEST_CASE("the ES256 key pair leaves the core as PKCS#8 PEM for the PDF signer; an Ed25519 key does not",
          "[issuing][keys][pdf]") {
    const signing_key k = generate_signing_key();
    const std::string pem = signing_key_pem(k);
    CHECK(pem.rfind("-----BEGIN PRIVATE KEY-----\n", 0) == 0);
    CHECK(pem.find("-----END PRIVATE KEY-----") != std::string::npos);
    CHECK(signing_key_pem(k) == pem);  // the same key, the same text
    CHECK(signing_key_pem(generate_signing_key()) != pem);
    const signing_key old = generate_signing_key(key_algorithm::ed25519);
    CHECK_THROWS_WITH(signing_key_pem(old), Catch::Matchers::Contains("Ed25519"));
}
