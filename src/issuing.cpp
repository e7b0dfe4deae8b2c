// Issuing and verifying certificates. Cryptography is libsodium's (Ed25519 signatures,
// BLAKE2b hashes, base64url); JSON is nlohmann's, with insertion order kept so the signed
// payload reads naturally.
#include "smart/issuing.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "json_input.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using ojson = nlohmann::ordered_json;

namespace {

void ensure_sodium() {
    static const int ready = sodium_init();  // thread-safe once; 0 or 1 on success
    if (ready < 0) throw error(errc::internal, "libsodium could not be initialised");
}

std::string b64url(const unsigned char* bytes, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}
std::string b64url(std::string_view s) { return b64url(reinterpret_cast<const unsigned char*>(s.data()), s.size()); }

/// Decodes base64url without padding; nullopt when the text is not that.
std::optional<std::string> unb64url(std::string_view s) {
    std::string out(s.size() * 3 / 4 + 3, '\0');
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), s.data(), s.size(), nullptr, &len,
                          &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != s.data() + s.size())
        return std::nullopt;
    out.resize(len);
    return out;
}

template <std::size_t N>
void blake2b(unsigned char (&out)[N], std::string_view in) {
    crypto_generichash(out, N, reinterpret_cast<const unsigned char*>(in.data()), in.size(), nullptr, 0);
}

/// Crockford's base32 of the leading `chars * 5` bits.
std::string base32(const unsigned char* bytes, std::size_t chars) {
    static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string out;
    for (std::size_t i = 0; i < chars; ++i) {
        const std::size_t bit = i * 5;
        const unsigned v = (static_cast<unsigned>(bytes[bit / 8]) << 8 | bytes[bit / 8 + 1]) >> (11 - bit % 8);
        out.push_back(alphabet[v & 31]);
    }
    return out;
}

std::string group(const std::string& s, std::size_t every) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i && i % every == 0) out.push_back('-');
        out.push_back(s[i]);
    }
    return out;
}

std::string key_id_for(const std::array<unsigned char, 32>& pk) {
    unsigned char h[8];
    blake2b(h, std::string_view(reinterpret_cast<const char*>(pk.data()), pk.size()));
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "smart-";
    for (unsigned char c : h) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
    return out;
}

/// Keys, credentials and register lines are small documents of a fixed shape: read within
/// tighter limits than programmes and cohorts (their objects keep the order they were
/// written in, so members are few: a duplicate check per member stays cheap).
detail::json_limits small_document_limits() {
    detail::json_limits l;
    l.object_members = 256;
    l.array_elements = 4096;
    return l;
}

ojson parse_small(std::string_view text) { return detail::parse_bounded<ojson>(text, small_document_limits()); }

ojson parse_json(std::string_view text, const char* what) {
    try {
        return parse_small(text);
    } catch (const error& e) {
        // never echo the text itself (a key file holds secrets): the kind of problem only
        const std::string at = e.message().rfind("malformed JSON at byte ", 0) == 0
                                   ? e.message().substr(std::string("malformed JSON ").size(),
                                                        e.message().find(':') - std::string("malformed JSON ").size())
                                   : std::string();
        throw error(errc::parse_error, std::string("malformed ") + what + (at.empty() ? "" : " " + at),
                    e.code() == errc::parse_error ? std::string() : e.pointer());
    }
}

/// The string member `key` of `o`, or "" when it is absent or not a string.
std::string string_member(const ojson& o, const char* key) {
    if (!o.is_object()) return {};
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const std::string& member_string(const ojson& o, const char* key, const std::string& base) {
    const std::string at = base + "/" + key;
    if (!o.is_object() || !o.contains(key)) throw error(errc::validation_error, std::string("missing \"") + key + "\"", base);
    const ojson& v = o.at(key);
    if (!v.is_string()) throw error(errc::validation_error, "expected a string", at);
    return v.get_ref<const std::string&>();
}

template <std::size_t N>
std::array<unsigned char, N> key_bytes(const ojson& o, const char* key) {
    const auto raw = unb64url(member_string(o, key, ""));
    if (!raw || raw->size() != N)
        throw error(errc::validation_error, "expected " + std::to_string(N) + " bytes in base64url", std::string("/") + key);
    std::array<unsigned char, N> out{};
    std::copy(raw->begin(), raw->end(), out.begin());
    return out;
}

void check_format(const ojson& o, std::string_view expected) {
    if (!o.is_object()) throw error(errc::validation_error, "expected an object");
    if (member_string(o, "format", "") != expected)
        throw error(errc::validation_error, "expected \"" + std::string(expected) + "\"", "/format");
}

std::string datetime(date d) { return to_iso(d) + "T00:00:00Z"; }

std::int64_t epoch_seconds(date d) { return (d - date(1970, 1, 1)).days() * std::int64_t{86400}; }

const char* t(lang l, const char* nb, const char* nn, const char* en) { return l == lang::nb ? nb : l == lang::nn ? nn : en; }

std::string period_text(const certificate_data& d, lang l) {
    if (l == lang::en) return to_iso(d.period_start) + " – " + to_iso(d.period_end);
    return to_norwegian(d.period_start) + "–" + to_norwegian(d.period_end);
}

localized_text text_from(const ojson& o) {
    localized_text x;
    if (o.is_string()) {
        x.nb = o.get<std::string>();
        return x;
    }
    x.nb = o.value("nb", "");
    x.nn = o.value("nn", "");
    x.en = o.value("en", "");
    return x;
}

ojson data_json(const certificate_data& d) { return ojson::parse(certificate_data_to_json(d)); }

certificate_data data_from(const ojson& o) {
    certificate_data d;
    d.participant_id = o.at("participant_id").get<std::string>();
    d.holder = o.at("holder").get<std::string>();
    d.programme_id = o.at("programme").at("id").get<std::string>();
    d.programme_name = text_from(o.at("programme").at("name"));
    d.provider = text_from(o.at("programme").at("provider"));
    d.cohort_id = o.at("cohort").at("id").get<std::string>();
    d.cohort_label = o.at("cohort").at("label").get<std::string>();
    d.period_start = parse_date(o.at("period").at("start").get<std::string>());
    d.period_end = parse_date(o.at("period").at("end").get<std::string>());
    d.as_of = parse_date(o.at("as_of").get<std::string>());
    for (const auto& g : o.at("competence_goals")) d.goals.push_back({g.at("id").get<std::string>(), text_from(g.at("text"))});
    for (const auto& r : o.at("requirements")) {
        certified_requirement cr;
        cr.id = r.at("id").get<std::string>();
        cr.label = text_from(r.at("label"));
        cr.state = parse_requirement_state(r.at("state").get<std::string>());
        cr.exemption_reason = r.value("exemption_reason", "");
        d.requirements.push_back(std::move(cr));
    }
    return d;
}

}  // namespace

// --- keys -----------------------------------------------------------------------------

signing_key generate_signing_key() {
    ensure_sodium();
    signing_key k;
    crypto_sign_keypair(k.public_bytes.data(), k.secret_bytes.data());
    k.key_id = key_id_for(k.public_bytes);
    return k;
}

namespace {
/// The members both key files share; the secret, when there is one, is added after.
ojson key_document(const char* format, const std::string& key_id, const std::array<unsigned char, 32>& pk) {
    ojson o;
    o["format"] = format;
    o["algorithm"] = "Ed25519";
    o["key_id"] = key_id;
    o["public"] = b64url(pk.data(), pk.size());
    return o;
}

/// Reads the shared members: format, key id and public key.
public_key read_key_document(std::string_view json_text, const char* format, ojson& o) {
    ensure_sodium();
    o = parse_json(json_text, "key file");
    check_format(o, format);
    public_key k;
    k.key_id = member_string(o, "key_id", "");
    k.bytes = key_bytes<32>(o, "public");
    return k;
}

/// The key id must be the public key's.
void check_key_id(const std::string& key_id, const std::array<unsigned char, 32>& pk) {
    if (key_id != key_id_for(pk))
        throw error(errc::validation_error, "the key id does not match the public key", "/key_id");
}
}  // namespace

std::string save_signing_key(const signing_key& k) {
    ojson o = key_document("smart.signing-key/1", k.key_id, k.public_bytes);
    o["secret"] = b64url(k.secret_bytes.data(), k.secret_bytes.size());
    return o.dump(2) + "\n";
}

signing_key load_signing_key(std::string_view json_text) {
    ojson o;
    const public_key pk = read_key_document(json_text, "smart.signing-key/1", o);
    signing_key k;
    k.key_id = pk.key_id;
    k.public_bytes = pk.bytes;
    k.secret_bytes = key_bytes<64>(o, "secret");
    // libsodium's 64-byte secret key is the 32-byte seed followed by the public key; the
    // signature is made from the seed. Derive both halves again from the seed: comparing
    // only the stored public half would accept a seed of another key, whose signatures
    // then verify against nothing (found by fuzzing).
    std::array<unsigned char, 32> derived{};
    std::array<unsigned char, 64> expanded{};
    crypto_sign_seed_keypair(derived.data(), expanded.data(), k.secret_bytes.data());
    const bool same = derived == k.public_bytes && sodium_memcmp(expanded.data(), k.secret_bytes.data(), 64) == 0;
    sodium_memzero(expanded.data(), expanded.size());
    if (!same) throw error(errc::validation_error, "the secret key does not belong to the public key", "/secret");
    check_key_id(k.key_id, k.public_bytes);
    return k;
}

signing_key load_signing_key_file(const std::filesystem::path& file) {
    std::string text;
    try {
        text = detail::read_document_file(file);
    } catch (const error& e) {
        if (e.code() == errc::not_found)
            throw error(e.code(), "cannot open the key file " + detail::quoted(file.string(), 200));
        throw error(e.code(), "key file " + detail::quoted(file.string(), 200) + ": " + e.message());
    }
    try {
        return load_signing_key(text);
    } catch (const error& e) {
        // never echo key material: the messages above name places, not values
        throw error(e.code(), "key file \"" + file.string() + "\": " + e.message(), e.pointer());
    }
}

std::string save_public_key(const public_key& k) {
    return key_document("smart.public-key/1", k.key_id, k.bytes).dump(2) + "\n";
}

public_key load_public_key(std::string_view json_text) {
    ojson o;
    public_key k = read_key_document(json_text, "smart.public-key/1", o);
    check_key_id(k.key_id, k.bytes);
    return k;
}

// --- records --------------------------------------------------------------------------

const char* to_string(record_status s) noexcept {
    switch (s) {
        case record_status::valid: return "valid";
        case record_status::revoked: return "revoked";
        case record_status::replaced: return "replaced";
    }
    return "";
}

const char* to_string(verification_status s) noexcept {
    switch (s) {
        case verification_status::valid: return "valid";
        case verification_status::revoked: return "revoked";
        case verification_status::replaced: return "replaced";
        case verification_status::tampered: return "tampered";
        case verification_status::unknown_key: return "unknown_key";
    }
    return "";
}

std::string certificate_serial(std::string_view programme_id, std::string_view cohort_id,
                               std::string_view participant_id, std::uint32_t issue_number) {
    ensure_sodium();
    // Length-prefixed fields, so ("ab", "c") and ("a", "bc") differ.
    std::string in;
    for (std::string_view part : {programme_id, cohort_id, participant_id}) {
        in += std::to_string(part.size());
        in += ':';
        in += part;
    }
    in += '#';
    in += std::to_string(issue_number);
    unsigned char h[16];
    blake2b(h, in);
    return "SMART-" + group(base32(h, 12), 4);
}

std::string verification_code(std::string_view jws) {
    ensure_sodium();
    const auto dot = jws.rfind('.');
    const auto sig = dot == std::string_view::npos ? std::nullopt : unb64url(jws.substr(dot + 1));
    if (!sig || sig->size() != crypto_sign_BYTES) throw error(errc::invalid_argument, "expected a compact JWS");
    unsigned char h[8];
    blake2b(h, *sig);
    return group(base32(h, 8), 4);
}

certificate_wording wording(const certificate_record& r) { return wording(r, r.language); }

certificate_wording wording(const certificate_record& r, lang l) {
    const certificate_data& d = r.data;
    certificate_wording w;
    w.title = t(l, "Kompetansebevis", "Kompetansebevis", "Certificate of competence");
    w.holder_line = d.holder;
    const std::string programme = d.programme_name.get(l);
    w.attests = std::string(t(l, "har gjennomført ", "har gjennomført ", "has completed ")) + programme + " (" +
                period_text(d, l) + ")" +
                t(l, " og oppfylt kravene til kompetansebevis. Etter endt utdanning skal deltakeren kunne:",
                  " og oppfylt krava til kompetansebevis. Etter enda utdanning skal deltakaren kunne:",
                  " and met the requirements for the certificate. Having completed the programme, the participant is "
                  "able to:");
    w.goals_heading = t(l, "Kompetansemål", "Kompetansemål", "Competence goals");
    for (const auto& g : d.goals) w.goals.push_back(g.text.get(l));
    w.requirements_heading = t(l, "Dokumenterte krav", "Dokumenterte krav", "Requirements documented");
    for (const auto& req : d.requirements) {
        std::string line = req.label.empty() ? req.id : req.label.get(l);
        if (req.state == requirement_state::exempt)
            line += std::string(t(l, " (fritatt: ", " (fritak: ", " (exempt: ")) + req.exemption_reason + ")";
        w.requirements.push_back(std::move(line));
    }
    const std::string issued = l == lang::en ? to_iso(r.issued_on) : to_norwegian(r.issued_on);
    w.issued_line = std::string(t(l, "Utstedt ", "Skrive ut ", "Issued on ")) + issued + t(l, " av ", " av ", " by ") +
                    r.issuer.name;
    w.serial_line = std::string(t(l, "Serienummer ", "Serienummer ", "Serial number ")) + r.serial;
    w.code_line = std::string(t(l, "Kontrollkode ", "Kontrollkode ", "Verification code ")) + r.verification_code;
    w.verify_hint = t(l,
                      "Beviset er signert digitalt (Open Badges 3.0). Ekthet kan kontrolleres med serienummer og "
                      "kontrollkode hos utsteder.",
                      "Beviset er signert digitalt (Open Badges 3.0). Ektheita kan kontrollerast med serienummer og "
                      "kontrollkode hos utferdaren.",
                      "The certificate is digitally signed (Open Badges 3.0). Its authenticity can be checked with the "
                      "serial number and verification code at the issuer.");
    return w;
}

std::string open_badge_credential(const certificate_record& r) {
    const certificate_data& d = r.data;
    const lang l = r.language;
    const certificate_wording w = wording(r);
    ojson achievement;
    achievement["id"] = "urn:smart:programme:" + d.programme_id;
    achievement["type"] = {"Achievement"};
    achievement["achievementType"] = "Certificate";
    achievement["name"] = d.programme_name.get(l);
    achievement["description"] = d.programme_name.get(l) + " (" + d.cohort_label + ")";
    std::string narrative;
    for (const auto& line : w.requirements) narrative += (narrative.empty() ? "" : "; ") + line;
    achievement["criteria"] = {{"narrative", narrative}};
    ojson alignment = ojson::array();
    for (const auto& g : d.goals)
        alignment.push_back({{"type", {"Alignment"}},
                             {"targetName", g.text.get(l)},
                             {"targetUrl", "urn:smart:goal:" + d.programme_id + ":" + g.id},
                             {"targetCode", g.id},
                             {"targetFramework", d.programme_name.get(l)}});
    achievement["alignment"] = std::move(alignment);
    achievement["inLanguage"] = to_string(l);

    ojson subject;
    subject["type"] = {"AchievementSubject"};
    subject["identifier"] = ojson::array(
        {{{"type", "IdentityObject"}, {"hashed", false}, {"identityHash", d.holder}, {"identityType", "name"}}});
    subject["activityStartDate"] = datetime(d.period_start);
    subject["activityEndDate"] = datetime(d.period_end);
    subject["achievement"] = std::move(achievement);

    ojson issuer;
    issuer["id"] = r.issuer.id;
    issuer["type"] = {"Profile"};
    issuer["name"] = r.issuer.name;
    if (!r.issuer.url.empty()) issuer["url"] = r.issuer.url;

    ojson c;
    c["@context"] = {"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"};
    c["id"] = "urn:smart:certificate:" + r.serial;
    c["type"] = {"VerifiableCredential", "OpenBadgeCredential"};
    c["issuer"] = std::move(issuer);
    c["validFrom"] = datetime(r.issued_on);
    c["awardedDate"] = datetime(r.issued_on);
    c["name"] = w.title + ": " + d.programme_name.get(l);
    c["description"] = d.holder + " " + w.attests;
    c["credentialSubject"] = std::move(subject);
    return c.dump(2) + "\n";
}

certificate_record sign_certificate(const certificate_data& d, const issuer_profile& issuer, const signing_key& key,
                                    date issued_on, lang language, std::uint32_t issue_number) {
    ensure_sodium();
    if (issuer.id.empty() || issuer.name.empty())
        throw error(errc::invalid_argument, "the issuer needs an id (a URI) and a name");
    // what goes into a signed credential is one line of UTF-8 each (docs/format.md, "Text")
    detail::check_text(issuer.id, "issuer id", "", detail::text_kind::line, limits::text_chars, errc::invalid_argument);
    detail::check_text(issuer.name, "issuer name", "", detail::text_kind::line, limits::text_chars,
                       errc::invalid_argument);
    detail::check_text(issuer.url, "issuer URL", "", detail::text_kind::line, limits::text_chars,
                       errc::invalid_argument);
    if (issued_on.is_special()) throw error(errc::invalid_argument, "expected an issue date");
    if (issued_on < d.period_end)
        throw error(errc::not_allowed, "a certificate may not be issued before the programme's last day (" +
                                           to_iso(d.period_end) + ")");
    certificate_record r;
    r.serial = certificate_serial(d.programme_id, d.cohort_id, d.participant_id, issue_number);
    r.issue_number = issue_number;
    r.data = d;
    r.issuer = issuer;
    r.issued_on = issued_on;
    r.language = language;

    // VC-JWT (Open Badges 3.0, section 8.2): the credential's members at the top of the JWT
    // payload, with the registered claims iss, jti and nbf.
    ojson payload = ojson::parse(open_badge_credential(r));
    payload["iss"] = issuer.id;
    payload["jti"] = "urn:smart:certificate:" + r.serial;
    payload["nbf"] = epoch_seconds(issued_on);
    ojson header;
    header["alg"] = "EdDSA";
    header["typ"] = "JWT";
    header["kid"] = key.key_id;
    header["jwk"] = {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", b64url(key.public_bytes.data(), key.public_bytes.size())}};
    const std::string signing_input = b64url(header.dump()) + "." + b64url(payload.dump());
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(),
                         key.secret_bytes.data());
    r.credential_jws = signing_input + "." + b64url(sig, sizeof sig);
    r.verification_code = verification_code(r.credential_jws);
    return r;
}

// --- verification ---------------------------------------------------------------------

verification_result verify_credential(std::string_view jws, std::span<const public_key> trusted,
                                      const certificate_register* reg) {
    ensure_sodium();
    verification_result out;
    const auto d1 = jws.find('.');
    const auto d2 = d1 == std::string_view::npos ? d1 : jws.find('.', d1 + 1);
    if (d2 == std::string_view::npos || jws.find('.', d2 + 1) != std::string_view::npos) {
        out.detail = "not a compact JWS (three base64url parts)";
        return out;
    }
    const auto header_text = unb64url(jws.substr(0, d1));
    const auto payload_text = unb64url(jws.substr(d1 + 1, d2 - d1 - 1));
    const auto sig = unb64url(jws.substr(d2 + 1));
    if (!header_text || !payload_text || !sig || sig->size() != crypto_sign_BYTES) {
        out.detail = "a part is not base64url, or the signature has the wrong length";
        return out;
    }
    ojson header;
    try {
        header = parse_small(*header_text);
    } catch (const error&) {
        out.detail = "the header is not JSON";
        return out;
    }
    if (!header.is_object() || string_member(header, "alg") != "EdDSA") {
        out.detail = "the header does not say alg EdDSA";
        return out;
    }
    out.key_id = string_member(header, "kid");
    const public_key* key = nullptr;
    for (const auto& k : trusted)
        if (k.key_id == out.key_id) key = &k;
    if (!key) {
        out.status = verification_status::unknown_key;
        out.detail = "the key \"" + out.key_id + "\" is not among the trusted keys";
        return out;
    }
    const std::string_view signing_input = jws.substr(0, d2);
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data()),
                                    reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(),
                                    key->bytes.data()) != 0) {
        out.status = verification_status::tampered;
        out.detail = "the signature does not match the content";
        return out;
    }
    out.credential_json = *payload_text;
    try {
        const ojson payload = parse_small(*payload_text);
        const std::string id = string_member(payload, "id");
        const std::string prefix = "urn:smart:certificate:";
        if (id.rfind(prefix, 0) == 0) out.serial = id.substr(prefix.size());
    } catch (const error&) {
        out.status = verification_status::tampered;
        out.detail = "the signed payload is not JSON";
        return out;
    }
    out.status = verification_status::valid;
    out.detail = "the signature is valid";
    if (reg) {
        const certificate_record* r = reg->find(out.serial);
        if (r && r->status == record_status::revoked) {
            out.status = verification_status::revoked;
            out.detail = "revoked on " + to_iso(r->revoked_on) + ": " + r->revoked_reason;
            if (!r->replaced_by.empty()) out.detail += "; re-issued as " + r->replaced_by;
        } else if (r && r->status == record_status::replaced) {
            out.status = verification_status::replaced;
            out.detail = "replaced by " + r->replaced_by;
        }
    }
    return out;
}

// --- the register ---------------------------------------------------------------------

namespace {

ojson record_json(const certificate_record& r) {
    ojson o;
    o["serial"] = r.serial;
    o["issue_number"] = r.issue_number;
    o["issued_on"] = to_iso(r.issued_on);
    o["language"] = to_string(r.language);
    o["issuer"] = {{"id", r.issuer.id}, {"name", r.issuer.name}, {"url", r.issuer.url}};
    if (!r.replaces.empty()) o["replaces"] = r.replaces;
    o["data"] = data_json(r.data);
    o["credential_jws"] = r.credential_jws;
    o["verification_code"] = r.verification_code;
    return o;
}

certificate_record record_from(const ojson& o) {
    certificate_record r;
    r.serial = o.at("serial").get<std::string>();
    r.issue_number = o.at("issue_number").get<std::uint32_t>();
    r.issued_on = parse_date(o.at("issued_on").get<std::string>());
    r.language = parse_lang(o.at("language").get<std::string>());
    r.issuer = {o.at("issuer").at("id").get<std::string>(), o.at("issuer").at("name").get<std::string>(),
                o.at("issuer").value("url", "")};
    r.replaces = o.value("replaces", "");
    r.data = data_from(o.at("data"));
    r.credential_jws = o.at("credential_jws").get<std::string>();
    r.verification_code = o.at("verification_code").get<std::string>();
    return r;
}

}  // namespace

namespace detail {

/// An exclusive flock on an open file, released on destruction.
class locked_file {
public:
    explicit locked_file(const std::filesystem::path& p) {
        fd_ = ::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) throw error(errc::not_found, "cannot open the register \"" + p.string() + "\"");
        if (::flock(fd_, LOCK_EX) != 0) {
            ::close(fd_);
            throw error(errc::internal, "cannot lock the register \"" + p.string() + "\"");
        }
    }
    ~locked_file() {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
    locked_file(const locked_file&) = delete;
    locked_file& operator=(const locked_file&) = delete;

    /// The bytes from `offset` to the end of the file.
    std::string read_from(std::uint64_t offset) const {
        std::string out;
        char buf[65536];
        ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET);
        for (;;) {
            const ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n < 0) throw error(errc::internal, "cannot read the register");
            if (n == 0) break;
            out.append(buf, static_cast<std::size_t>(n));
        }
        return out;
    }
    std::uint64_t size() const {
        const off_t end = ::lseek(fd_, 0, SEEK_END);
        if (end < 0) throw error(errc::internal, "cannot read the register");
        return static_cast<std::uint64_t>(end);
    }
    /// Writes `text` at `offset`, cutting whatever follows it (a torn line: a process died
    /// while writing it), and flushes it to the disk before returning.
    void write_at(std::uint64_t offset, const std::string& text) const {
        if (size() != offset && ::ftruncate(fd_, static_cast<off_t>(offset)) != 0)
            throw error(errc::internal, "cannot repair the register");
        ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET);
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
            if (n < 0) throw error(errc::internal, "cannot write the register");
            done += static_cast<std::size_t>(n);
        }
        if (::fsync(fd_) != 0) throw error(errc::internal, "cannot flush the register to disk");
    }

private:
    int fd_ = -1;
};

}  // namespace detail

certificate_register::certificate_register(std::filesystem::path file) : file_(std::move(file)) {
    ensure_sodium();
    reload();
}

void certificate_register::reload() {
    records_.clear();
    consumed_ = 0;
    detail::locked_file f(file_);
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

void certificate_register::apply(const std::string& line, std::size_t line_number, bool last) {
    if (line.empty()) return;
    try {
        const ojson o = parse_small(line);
        const std::string event = o.at("event").get<std::string>();
        if (event == "issued") {
            certificate_record r = record_from(o.at("record"));
            if (!r.replaces.empty())
                for (auto& old : records_)
                    if (old.serial == r.replaces) {
                        // a revoked record stays revoked (the reason stands); a valid one is replaced
                        if (old.status == record_status::valid) old.status = record_status::replaced;
                        old.replaced_by = r.serial;
                    }
            records_.push_back(std::move(r));
        } else if (event == "revoked") {
            const std::string serial = o.at("serial").get<std::string>();
            for (auto& r : records_)
                if (r.serial == serial) {
                    r.status = record_status::revoked;
                    r.revoked_reason = o.at("reason").get<std::string>();
                    r.revoked_on = parse_date(o.at("date").get<std::string>());
                }
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
        if (r.serial == serial) return &r;
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
    detail::locked_file f(file_);
    sync(f);  // under the lock: another process may have issued meanwhile
    const certificate_record* latest = find_latest(d.programme_id, d.cohort_id, d.participant_id);
    if (latest && latest->status == record_status::valid) return {*latest, false};
    if (latest)
        throw error(errc::not_allowed, "certificate " + latest->serial + " of participant " +
                                           detail::quoted(d.participant_id) + " was revoked on " +
                                           to_iso(latest->revoked_on) + ": a new one only through a re-issue of it");
    certificate_record r = sign_certificate(d, issuer, key, issued_on, language, 1);
    append(f, ojson{{"event", "issued"}, {"record", record_json(r)}}.dump());
    return {records_.back(), true};
}

certificate_record certificate_register::revoke(std::string_view serial, std::string_view reason, date on) {
    if (reason.empty()) throw error(errc::invalid_argument, "a revocation needs a reason");
    detail::check_text(reason, "revocation reason", "", detail::text_kind::multiline, limits::text_chars,
                       errc::invalid_argument);
    if (on.is_special()) throw error(errc::invalid_argument, "expected a revocation date");
    detail::locked_file f(file_);
    sync(f);
    const certificate_record* r = find(serial);
    if (!r) throw error(errc::not_found, "no certificate with serial " + detail::quoted(serial) + " in the register");
    if (r->status != record_status::valid)
        throw error(errc::not_allowed, "certificate " + r->serial + " is " + to_string(r->status) + ", not valid");
    append(f, ojson{{"event", "revoked"}, {"serial", r->serial}, {"reason", reason}, {"date", to_iso(on)}}.dump());
    return *find(serial);
}

certificate_record certificate_register::reissue(std::string_view serial, const certificate_data& d,
                                                 const issuer_profile& issuer, const signing_key& key, date issued_on,
                                                 lang language) {
    detail::locked_file f(file_);
    sync(f);
    const certificate_record* old = find(serial);
    if (!old) throw error(errc::not_found, "no certificate with serial " + detail::quoted(serial) + " in the register");
    if (!old->replaced_by.empty())
        throw error(errc::not_allowed, "certificate " + old->serial + " was re-issued already, as " + old->replaced_by);
    if (old->data.programme_id != d.programme_id || old->data.cohort_id != d.cohort_id ||
        old->data.participant_id != d.participant_id)
        throw error(errc::invalid_argument, "a re-issue must be for the same programme, cohort and participant");
    std::uint32_t number = 1;
    for (const auto& r : records_)
        if (r.data.programme_id == d.programme_id && r.data.cohort_id == d.cohort_id &&
            r.data.participant_id == d.participant_id)
            number = std::max(number, r.issue_number + 1);
    certificate_record r = sign_certificate(d, issuer, key, issued_on, language, number);
    r.replaces = old->serial;
    append(f, ojson{{"event", "issued"}, {"record", record_json(r)}}.dump());
    return *find(r.serial);
}

}  // namespace smart
