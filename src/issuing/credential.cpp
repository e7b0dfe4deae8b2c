// The Open Badges 3.0 credential of a record, signed as a compact JWS (VC-JWT, EdDSA).
#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

std::string detail::datetime(date d) { return to_iso(d) + "T00:00:00Z"; }

namespace {
std::int64_t epoch_seconds(date d) { return (d - date(1970, 1, 1)).days() * std::int64_t{86400}; }
}  // namespace

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
    c["id"] = certificate_urn(r.serial);
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
    // the holder's name is printed: one line, as a participant's name (also when `d` was made by hand)
    detail::check_text(d.holder, "holder's name", "", detail::text_kind::line, limits::name_chars,
                       errc::invalid_argument);
    if (issued_on.is_special()) throw error(errc::invalid_argument, "expected an issue date");
    if (issued_on < d.period_end)
        throw error(errc::not_allowed, "a certificate may not be issued before the programme's last day (" +
                                           to_iso(d.period_end) + ")");
    certificate_record r;
    r.serial = certificate_serial(d.programme_id, d.cohort_id, d.participant_id, issue_number, issuer.id);
    r.issue_number = issue_number;
    r.data = d;
    r.issuer = issuer;
    r.issued_on = issued_on;
    r.language = language;

    // VC-JWT (Open Badges 3.0, section 8.2): the credential's members at the top of the JWT
    // payload, with the registered claims iss, jti and nbf.
    ojson payload = ojson::parse(open_badge_credential(r));
    payload["iss"] = issuer.id;
    payload["jti"] = certificate_urn(r.serial);
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

issuer_profile default_issuer(const programme& p, lang l) {
    const std::string& provider = p.provider.get(l);
    return {"urn:smart:provider:" + p.id, provider.empty() ? p.name.get(l) : provider, ""};
}

}  // namespace smart
