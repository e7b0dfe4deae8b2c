// Writes the generated part of the fuzz seed corpus (docs/fuzzing.md) under a corpus root
// (tests/fuzz/corpus):
//   <harness>/seed-*       valid inputs made with the library: participant objects, key
//                          files, signed credentials, registers, C ABI inputs
//   json/malformed-*       the table of malformed JSON documents, shared by the JSON harnesses
//   <harness>/malformed-*  documents that are well-formed JSON but break one rule each
// The keys are fixed, so key files, DID documents and every document without a signature
// come out the same each time; ES256 signatures are randomised (OpenSSL 3.0), and a
// register draws status list indices at random, so signed seeds (credentials, registers,
// status lists) differ from run to run while saying the same. Crashers found by fuzzing are not written here: they are added by hand
// (crash-*, timeout-*, oom-*; see docs/fuzzing.md).
//
//   fuzz_make_seeds tests/fuzz/corpus
//   fuzz_make_seeds --large build/fuzz/large
//
// --large writes the reproducers that are too big to keep in the repository (up to 1.1 MB
// each): a document with 100,000 object members (quadratic member lookup), a cohort with
// 65,535 session days, nesting 150,000 deep. scripts/fuzz.sh writes them on every run and
// runs each harness over its own as regressions.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "fuzz_common.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

fs::path root;

void write(const std::string& harness, const std::string& name, std::string_view bytes) {
    const fs::path dir = root / harness;
    fs::create_directories(dir);
    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + (dir / name).string());
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// --- the malformed-document table, shared by every harness reading JSON ----------------

void malformed_json() {
    const std::string cohort_head = R"({"format":"smart.cohort/1","id":"k","label":"K","programme":"smart-trener-2024",)";
    const std::vector<std::pair<std::string, std::string>> table = {
        {"empty", ""},
        {"whitespace", " \t\r\n"},
        {"null", "null"},
        {"array-root", "[]"},
        {"string-root", R"("smart.cohort/1")"},
        {"number-root", "-0.0e-0"},
        {"truncated", R"({"format":"smart.cohort/1","id":"k)"},
        {"trailing-garbage", R"({"format":"smart.cohort/1"} x)"},
        {"two-documents", R"({} {})"},
        {"duplicate-keys",
         R"({"format":"smart.cohort/1","format":"smart.programme/1","id":"a","id":"b","label":"L","programme":"smart-trener-2024"})"},
        {"wrong-format", R"({"format":"smart.cohort/2","id":"k","label":"K","programme":"smart-trener-2024"})"},
        {"format-number", R"({"format":1})"},
        {"wrong-types", cohort_head + R"("capacity":"36","participants":{"id":5}})"},
        {"unknown-member", cohort_head + R"("bogus":[1,{"x":null}]})"},
        {"deep-nesting-then-member", "{\"a\":" + repeat("[", 200) + repeat("]", 200) + ",\"b\":1}"},
        {"deep-object-nesting", repeat("{\"a\":", 200) + "1" + repeat("}", 200)},
        {"huge-number", cohort_head + R"("capacity":1e999})"},
        {"huge-integer", cohort_head + R"("capacity":184467440737095516160000})"},
        {"negative-capacity", cohort_head + R"("capacity":-1})"},
        {"fraction-capacity", cohort_head + R"("capacity":36.5})"},
        {"exponent-capacity", cohort_head + R"("capacity":3.6e1})"},
        {"nan-token", cohort_head + R"("capacity":NaN})"},
        {"invalid-utf8", cohort_head + "\"participants\":[{\"id\":\"\xff\xfe\",\"name\":\"\xc3\"}]}"},
        {"overlong-utf8", R"({"format":"smart.cohort/1","id":")" "\xc0\xaf" R"(","label":"K","programme":"smart-trener-2024"})"},
        {"utf8-surrogate-bytes", R"({"format":"smart.cohort/1","id":")" "\xed\xa0\x80" R"(","label":"K","programme":"smart-trener-2024"})"},
        {"nul-escape-in-string", cohort_head + R"("label":"a\u0000b"})"},
        {"raw-nul-in-string", std::string(R"({"format":"smart.cohort/1","id":"a)") + '\0' + R"(b"})"},
        {"raw-control-char", "{\"format\":\"smart.cohort/1\",\"id\":\"a\x01\"}"},
        {"lone-high-surrogate", R"({"format":"smart.cohort/1","id":"\ud800","label":"K","programme":"smart-trener-2024"})"},
        {"lone-low-surrogate", R"({"format":"smart.cohort/1","id":"\udc00x","label":"K","programme":"smart-trener-2024"})"},
        {"surrogate-pair", R"({"format":"smart.cohort/1","id":"\ud83d\ude00","label":"K","programme":"smart-trener-2024"})"},
        {"long-key", "{\"" + std::string(1100, 'k') + "\":1,\"format\":\"smart.cohort/1\"}"},
        {"pointer-escapes", cohort_head + R"("a~b/c":1})"},
        {"bom", "\xef\xbb\xbf" + cohort_head + R"("participants":[]})"},
        {"comment", R"({/* c */"format":"smart.cohort/1"})"},
        {"many-keys", [] {
             std::string s = "{";
             for (int i = 0; i < 1000; ++i) s += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
             return s + "}";
         }()},
        {"bad-dates", cohort_head +
                          R"("sessions":[{"id":"g1","kind":"gathering","days":["2025-02-29","2024-13-01","0000-01-01","99999-01-01","2024-1-1"]}]})"},
    };
    for (const auto& [name, text] : table) write("json", "malformed-" + name, text);
}

// --- cohort documents: one rule broken at a time -------------------------------------

json participant_json(const std::string& id) {
    return json{{"id", id},
                {"name", "Ola Nordmann"},
                {"municipality", {{"number", "3905"}, {"name", "Tønsberg"}}},
                {"role", "lærer"},
                {"sector", "public"},
                {"attendance", {{"2024-09-18", "present"}, {"2024-09-19", "late"}, {"2024-11-13", "excused"}}},
                {"festival_role", "workshop"},
                {"submissions",
                 json::array({{{"kind", "reflection"}, {"date", "2024-10-01"}},
                              {{"kind", "final_text"}, {"date", "2025-03-31"}, {"pages", 3}, {"category", "method"}}})},
                {"exemptions", json::array({{{"requirement", "festival"}, {"reason", "Sykdom"}, {"granted_by", "Rektor"}}})}};
}

json cohort_json() {
    return json{{"format", "smart.cohort/1"},
                {"id", "fuzz"},
                {"label", "Fuzz"},
                {"programme", "smart-trener-2024"},
                {"capacity", 3},
                {"participants", json::array({participant_json("a"), participant_json("b")})}};
}

void malformed_cohorts() {
    auto variant = [](const std::string& name, auto edit) {
        json c = cohort_json();
        edit(c);
        write("cohort", "malformed-" + name, c.dump());
    };
    write("cohort", "seed-small", cohort_json().dump(1));
    variant("duplicate-participant", [](json& c) { c["participants"][1]["id"] = "a"; });
    variant("over-capacity", [](json& c) { c["capacity"] = 1; });
    variant("not-a-session-day", [](json& c) { c["participants"][0]["attendance"]["2024-09-20"] = "present"; });
    variant("unknown-attendance", [](json& c) { c["participants"][0]["attendance"]["2024-09-18"] = "here"; });
    variant("municipality-letters", [](json& c) { c["participants"][0]["municipality"]["number"] = "39O5"; });
    variant("pages-zero", [](json& c) { c["participants"][0]["submissions"][1]["pages"] = 0; });
    variant("pages-65536", [](json& c) { c["participants"][0]["submissions"][1]["pages"] = 65536; });
    variant("unknown-requirement", [](json& c) { c["participants"][0]["exemptions"][0]["requirement"] = "nope"; });
    variant("double-exemption", [](json& c) {
        c["participants"][0]["exemptions"].push_back(c["participants"][0]["exemptions"][0]);
    });
    variant("year-1399", [](json& c) { c["participants"][0]["submissions"][0]["date"] = "1399-12-31"; });
    variant("year-10000", [](json& c) { c["participants"][0]["submissions"][0]["date"] = "10000-01-01"; });
    variant("unknown-programme", [](json& c) { c["programme"] = "smart-ukjent"; });
    variant("empty-id", [](json& c) { c["id"] = ""; });
    variant("overlapping-sessions", [](json& c) {
        c["sessions"] = json::array({{{"id", "g1"}, {"kind", "gathering"}, {"days", {"2024-09-18", "2024-09-19"}}},
                                     {{"id", "g2"}, {"kind", "gathering"}, {"days", {"2024-09-19"}}},
                                     {{"id", "f"}, {"kind", "festival"}, {"days", {"2025-04-09"}}}});
    });
    variant("unordered-days", [](json& c) {
        c["sessions"] = json::array({{{"id", "g1"}, {"kind", "gathering"}, {"days", {"2024-09-19", "2024-09-18"}}},
                                     {{"id", "f"}, {"kind", "festival"}, {"days", {"2025-04-09"}}}});
    });
    variant("no-festival-session", [](json& c) {
        c["sessions"] = json::array({{{"id", "g1"}, {"kind", "gathering"}, {"days", {"2024-09-18"}}}});
    });
    variant("end-before-start", [](json& c) {
        c["sessions"] = json::array({{{"id", "g1"}, {"kind", "gathering"}, {"days", {"2024-09-18"}},
                                      {"start", "16:00"}, {"end", "09:00"}},
                                     {{"id", "f"}, {"kind", "festival"}, {"days", {"2025-04-09"}}, {"start", "24:00"}}});
    });
    variant("embedded-programme", [](json& c) {
        json p = json::parse(smart::catalogue::programme_json("smart-grunnkurs"));
        p.erase("format");
        c["programme"] = p;
        c["participants"] = json::array({participant_json("a")});
        c["participants"][0].erase("attendance");
        c["participants"][0]["exemptions"] = json::array();
    });
}

// --- programme documents: one rule broken at a time -------------------------------------

void malformed_programmes() {
    const json base = json::parse(smart::catalogue::programme_json("smart-trener-2024"));
    auto variant = [&](const std::string& name, auto edit) {
        json p = base;
        edit(p);
        write("programme", "malformed-" + name, p.dump());
    };
    auto req = [](json& p, const std::string& kind) -> json& {
        for (auto& r : p["certificate"]["requirements"])
            if (r["kind"] == kind) return r;
        throw std::runtime_error("no requirement of kind " + kind);
    };
    variant("min-ratio-zero", [&](json& p) { req(p, "attendance")["min_ratio"] = "0/1"; });
    variant("min-ratio-above-one", [&](json& p) { req(p, "attendance")["min_ratio"] = "3/2"; });
    variant("min-ratio-huge", [&](json& p) { req(p, "attendance")["min_ratio"] = "9223372036854775807/9223372036854775806"; });
    variant("ratio-zero-denominator", [&](json& p) { req(p, "attendance")["min_ratio"] = "1/0"; });
    variant("pages-reversed", [&](json& p) {
        req(p, "final_text")["pages"] = {{"min", 5}, {"max", 2}};
    });
    variant("two-attendance-rules", [&](json& p) {
        json r = req(p, "attendance");
        r["id"] = "attendance-2";
        p["certificate"]["requirements"].push_back(r);
    });
    variant("duplicate-requirement-id", [&](json& p) { req(p, "festival")["id"] = req(p, "attendance")["id"]; });
    variant("unknown-kind", [&](json& p) { req(p, "festival")["kind"] = "dance"; });
    variant("duplicate-session-id", [](json& p) { p["sessions"][1]["id"] = p["sessions"][0]["id"]; });
    variant("time-24", [](json& p) { p["sessions"][0]["start"] = "24:00"; });
    variant("no-sessions", [](json& p) { p["sessions"] = json::array(); });
    variant("undated-template", [](json& p) {
        for (auto& s : p["sessions"]) s["days"] = json::array();
    });
    variant("no-certificate", [](json& p) { p.erase("certificate"); });
}

// --- participant objects ------------------------------------------------------------------

void participants() {
    const smart::cohort demo = smart::catalogue::demo_cohort();
    for (std::size_t i : {std::size_t{0}, std::size_t{5}, std::size_t{17}, demo.size() - 1})
        write("participant", "seed-" + demo.participants()[i].id, smart::save_participant(demo.participants()[i], demo));
    json p = participant_json("ny");
    write("participant", "seed-new", p.dump(1));
    p["attendance"]["2024-09-20"] = "present";
    write("participant", "malformed-not-a-session-day", p.dump());
    p = participant_json("ny");
    p["contact"] = {{"email", 3}};
    write("participant", "malformed-contact-type", p.dump());
    p = participant_json("p01");
    write("participant", "malformed-duplicate-id", p.dump());
}

// --- keys, credentials, registers ---------------------------------------------------------

/// The payload of a compact JWS, decoded.
std::string payload_of(const std::string& jws) {
    const auto dot1 = jws.find('.');
    const auto dot2 = jws.find('.', dot1 + 1);
    const std::string payload = jws.substr(dot1 + 1, dot2 - dot1 - 1);
    std::string decoded(payload.size(), '\0');
    std::size_t len = 0;
    sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), payload.data(), payload.size(),
                      nullptr, &len, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    decoded.resize(len);
    return decoded;
}

void issuing() {
    const smart::signing_key& key = fz::fixed_key();
    // ES256 key files (smart.*-key/2: JWKs), the kind new keys are
    write("keys", "seed-signing-key", smart::save_signing_key(key));
    write("keys", "seed-public-key", smart::save_public_key(key.public_part()));
    const json jwk = json::parse(smart::save_signing_key(key));
    json k = jwk;
    k["kid"] = "zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169";
    write("keys", "malformed-jwk-kid", k.dump(2));
    k = jwk;
    k["crv"] = "P-384";
    write("keys", "malformed-jwk-crv", k.dump(2));
    k = jwk;
    k["y"] = k["x"];  // a point off the curve
    write("keys", "malformed-jwk-off-curve", k.dump(2));
    k = jwk;
    k["d"] = k["x"];  // a scalar of another point
    write("keys", "malformed-jwk-d-of-another-key", k.dump(2));
    k = jwk;
    k.erase("y");
    write("keys", "malformed-jwk-no-y", k.dump(2));
    k = json::parse(smart::save_public_key(key.public_part()));
    k["d"] = jwk["d"];
    k["format"] = "smart.public-key/2";
    write("keys", "malformed-jwk-public-with-d", k.dump(2));
    // Ed25519 key files (smart.*-key/1), still read
    const smart::signing_key& ed = fz::fixed_ed25519_key();
    write("keys", "seed-signing-key-ed25519", smart::save_signing_key(ed));
    write("keys", "seed-public-key-ed25519", smart::save_public_key(ed.public_part()));
    k = json::parse(smart::save_signing_key(ed));
    k["key_id"] = "smart-0000000000000000";
    write("keys", "malformed-key-id", k.dump(2));
    k = json::parse(smart::save_signing_key(ed));
    k["secret"] = k["public"];
    write("keys", "malformed-secret-length", k.dump(2));
    k["public"] = "====";
    write("keys", "malformed-public-base64", k.dump(2));

    // DID documents (did.json of a did:web issuer) and did:key texts
    const std::string web = smart::did_web("https://example.org");
    const json doc = json::parse(smart::did_document(key.public_part(), web));
    write("did", "seed-did-web", doc.dump(2));
    write("did", "seed-did-web-ed25519", smart::did_document(ed.public_part(), web));
    write("did", "seed-did-key", smart::did_key(key.public_part()));
    write("did", "seed-did-key-ed25519", smart::did_key(ed.public_part()));
    json d = doc;
    d["verificationMethod"][0]["id"] = "did:web:other.example#" + smart::key_multibase(key.public_part());
    write("did", "malformed-method-of-another-did", d.dump(2));
    d = doc;
    d["verificationMethod"] = json::array();
    write("did", "malformed-no-methods", d.dump(2));
    d = doc;
    d["verificationMethod"][0]["id"] = web;
    write("did", "malformed-method-without-fragment", d.dump(2));
    d = doc;
    d["verificationMethod"][0].erase("publicKeyJwk");
    d["verificationMethod"][0]["publicKeyMultibase"] = smart::key_multibase(key.public_part());
    write("did", "seed-did-multibase", d.dump(2));
    d["verificationMethod"][0]["publicKeyMultibase"] = "z" + std::string(40, '1');
    write("did", "malformed-multibase", d.dump(2));

    // a register: issued, re-issued (so replaced), revoked
    const fs::path dir = fs::temp_directory_path() / ("smart-fuzz-seeds-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "register.jsonl";
    fs::remove(file);
    {
        smart::certificate_register reg(file);
        const smart::cohort c = smart::catalogue::demo_cohort();
        const smart::evaluation e = smart::evaluate(c, c.last_day());
        std::vector<std::string> serials;
        std::vector<std::size_t> issued_to;
        for (std::size_t p = 0; p < c.size() && serials.size() < 3; ++p)
            if (e.result(p).status == smart::overall_status::eligible) {
                const auto d = smart::certificate_for(c, e, p);
                const auto lang = static_cast<smart::lang>(serials.size());
                const auto r = reg.issue(d, fz::fixed_issuer(), key, c.last_day(), lang).first;
                serials.push_back(r.serial);
                issued_to.push_back(p);
                write("credential", "seed-credential-" + std::to_string(serials.size()), r.credential_jws);
            }
        reg.reissue(serials[1], smart::certificate_for(c, e, issued_to[1]), fz::fixed_issuer(), key, c.last_day(),
                    smart::lang::en);
        reg.revoke(serials[0], "Utstedt ved en feil", c.last_day());
        const auto& first = reg.records().front();
        const auto dot1 = first.credential_jws.find('.');
        const auto dot2 = first.credential_jws.find('.', dot1 + 1);
        std::string payload(first.credential_jws.substr(dot1 + 1, dot2 - dot1 - 1));
        // the payload as text (the harness signs its input as a payload too)
        std::string decoded(payload.size(), '\0');
        std::size_t len = 0;
        sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), payload.data(),
                          payload.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        decoded.resize(len);
        write("credential", "seed-payload", decoded);
        write("credential", "malformed-two-parts", first.credential_jws.substr(0, dot2));
        write("credential", "malformed-header-not-json", "bm90IGpzb24." + payload + ".AAAA");
    }
    const std::string text = read(file);
    write("register", "seed-register", text);
    write("register", "seed-torn-last-line", text + R"({"event":"revoked","serial":"SMART-)");
    const std::string first_line = text.substr(0, text.find('\n') + 1);
    write("register", "malformed-corrupt-first-line", "{\"event\":\"issued\",\"record\":{}}\n" + first_line);
    write("register", "malformed-unknown-event", "{\"event\":\"lost\"}\n" + first_line);
    // a register as the code before issue 12 wrote it (old serials, Ed25519, EdDSA tokens)
    write("register", "seed-register-before-12",
          read(fs::path(SMART_SOURCE_DIR) / "tests/data/issuing-before-12/register.jsonl"));

    // status lists: an issuer with a URL, two certificates, one revoked
    const fs::path status_file = dir / "status.jsonl";
    {
        const std::string url = "https://example.org";
        const smart::issuer_profile issuer{smart::did_web(url), "Fuzz kommune", url};
        smart::certificate_register reg(status_file);
        const smart::cohort c = smart::catalogue::demo_cohort();
        const smart::evaluation e = smart::evaluate(c, c.last_day());
        std::vector<smart::certificate_record> issued;
        for (std::size_t p = 0; p < c.size() && issued.size() < 2; ++p)
            if (e.result(p).status == smart::overall_status::eligible)
                issued.push_back(reg.issue(smart::certificate_for(c, e, p), issuer, key, c.last_day(), smart::lang::nb).first);
        reg.revoke(issued[1].serial, "Utstedt ved en feil", c.last_day());
        const std::string list = smart::status_list_credential(reg, issuer, key, smart::status_list_url(url), c.last_day());
        write("status_list", "seed-list", list);
        const std::string list_payload = payload_of(list);
        write("status_list", "seed-list-payload", list_payload);
        const json lp = json::parse(list_payload);
        write("status_list", "seed-encoded-list", lp["credentialSubject"]["encodedList"].get<std::string>());
        write("status_list", "seed-credential-payload", payload_of(issued[1].credential_jws));
        json bad = lp;
        bad["credentialSubject"]["statusPurpose"] = "suspension";
        write("status_list", "malformed-list-purpose", bad.dump());
        bad = lp;
        bad["id"] = smart::status_list_url(url, 1);
        write("status_list", "malformed-list-other-url", bad.dump());
        bad = lp;
        bad["credentialSubject"]["encodedList"] = "uH4sIAAAAAAAAA";  // a GZIP header, cut
        write("status_list", "malformed-encoded-list-cut", bad.dump());
    }
    fs::remove_all(dir);
}

// --- the C ABI harness's inputs (layout in fuzz_capi.c) -----------------------------------

void capi() {
    const std::string mapping = R"({"0704":{"number":"3905","name":"Tønsberg"}})";
    auto seed = [&](const std::string& name, std::array<unsigned char, 12> h, const std::vector<std::string>& fields) {
        std::string s(reinterpret_cast<const char*>(h.data()), h.size());
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) s.push_back('\0');
            s += fields[i];
        }
        write("capi", "seed-" + name, s);
    };
    const smart::cohort demo = smart::catalogue::demo_cohort();
    const std::string grunnkurs(smart::catalogue::programme_json("smart-grunnkurs"));
    const std::string small_cohort = read(fs::path(SMART_SOURCE_DIR) / "examples/cohorts/grunnkurs-demo.json");
    const std::string participant = smart::save_participant(demo.participants()[0], demo);
    const std::vector<std::string> rest = {"p01", "2024-09-18", "Refleksjonsnotat", "Rektor", "attendance",
                                           "2025-04-30", mapping};
    auto with = [&](std::string first) {
        std::vector<std::string> f{std::move(first)};
        f.insert(f.end(), rest.begin(), rest.end());
        return f;
    };
    seed("programme", {0, 1, 1, 0, 1, 0, 3, 0, 0, 1, 3, 0}, with(grunnkurs));
    seed("programme-file", {4, 2, 2, 3, 1, 2, 3, 0, 1, 2, 0, 0}, with(grunnkurs));
    seed("cohort", {1, 1, 3, 3, 1, 1, 4, 0, 2, 3, 2, 0}, with(small_cohort));
    seed("cohort-file", {5, 4, 0, 4, 2, 5, 0, 0, 0, 0, 0, 0xff}, with(small_cohort));
    seed("participant", {2, 3, 1, 1, 0, 0, 1, 0, 2, 1, 5, 0}, with(participant));
    seed("catalogue-id", {3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
         {"smart-trener-2024", "nytt-kull", "2024-09-18", "Nytt kull", "Rektor", "notes", "2025-04-30", "{}"});
    seed("demo-records", {0x18 | 3, 2, 3, 3, 1, 4, 2, 0, 1, 1, 2, 0}, with("smart-leder-2024"));
    seed("bad-values", {0x18 | 1, 9, 0xff, 7, 3, 6, 0xff, 0xff, 3, 4, 0, 2}, with("{"));
    seed("short", {1}, {});
}

// --- the large reproducers (--large) ---------------------------------------------------

std::string many_members(std::size_t n, std::string_view head) {
    std::string s = "{";
    s += head;
    for (std::size_t i = 0; i < n; ++i) s += (i || !head.empty() ? ",\"" : "\"") + std::to_string(i) + "\":0";
    return s + "}";
}

/// A cohort with `n` session days in two gatherings, of a programme whose one rule is
/// attendance (other rules would refuse such a schedule), and participants with nothing
/// recorded: every past day is an unrecorded day.
std::string many_days_cohort(std::size_t n, std::size_t participants) {
    json first = json::array(), second = json::array();
    boost::gregorian::date d(1800, 1, 1);
    for (std::size_t i = 0; i < n; ++i, d += boost::gregorian::days(1))
        (i < n / 2 ? first : second).push_back(smart::to_iso(d));
    json prog = json::parse(smart::catalogue::programme_json("smart-trener-2024"));
    prog.erase("format");
    prog.erase("sessions");
    json kept = json::array();
    for (auto& r : prog["certificate"]["requirements"])
        if (r["kind"] == "attendance") kept.push_back(r);
    prog["certificate"]["requirements"] = kept;
    json c{{"format", "smart.cohort/1"},
           {"id", "mange-dager"},
           {"label", "Mange dager"},
           {"programme", prog},
           {"sessions", json::array({{{"id", "g1"}, {"kind", "gathering"}, {"days", first}},
                                     {{"id", "g2"}, {"kind", "gathering"}, {"days", second}}})},
           {"participants", json::array()}};
    for (std::size_t i = 0; i < participants; ++i) {
        json p = participant_json("p" + std::to_string(i));
        p.erase("attendance");
        p.erase("exemptions");
        c["participants"].push_back(p);
    }
    return c.dump();
}

void large() {
    const std::string cohort_head = R"("format":"smart.cohort/1","id":"k","label":"K","programme":"smart-trener-2024")";
    const std::string keys = many_members(100000, "");
    for (const char* h : {"programme", "participant", "keys", "register", "credential", "did", "status_list"})
        write(h, "timeout-100000-members", keys);
    write("cohort", "timeout-100000-members", many_members(100000, cohort_head));
    const std::string deep = "{\"a\":" + repeat("[", 150000) + repeat("]", 150000) + ",\"b\":1}";
    for (const char* h : {"programme", "cohort", "participant", "keys", "register", "credential", "did", "status_list"})
        write(h, "crash-deep-nesting-150000-then-member", deep);
    write("cohort", "oom-65535-session-days", many_days_cohort(65535, 8));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string_view(argv[1]) == "--large") {
        root = argv[2];
        try {
            large();
        } catch (const std::exception& e) {
            std::cerr << "fuzz_make_seeds: " << e.what() << "\n";
            return 1;
        }
        return 0;
    }
    if (argc != 2) {
        std::cerr << "usage: fuzz_make_seeds CORPUS_ROOT (tests/fuzz/corpus) | --large DIR\n";
        return 2;
    }
    root = argv[1];
    try {
        malformed_json();
        malformed_cohorts();
        malformed_programmes();
        participants();
        issuing();
        capi();
    } catch (const std::exception& e) {
        std::cerr << "fuzz_make_seeds: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
