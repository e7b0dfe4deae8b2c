// The Open Badges 3.0 credential of a record, signed as a compact JWS (VC-JWT, ES256; Ed25519
// for the keys made before).
#include <algorithm>

#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

std::string detail::datetime(date d) { return to_iso(d) + "T00:00:00Z"; }

namespace {
std::int64_t epoch_seconds(date d) { return (d - date(1970, 1, 1)).days() * std::int64_t{86400}; }

/// The issuer id is a URI (RFC 3986: a scheme, ':', then no space or character a URI
/// never holds) and the URL, when there is one, an https URL with a host.
void check_issuer_uris(const issuer_profile& issuer) {
    const std::string& id = issuer.id;
    const auto colon = id.find(':');
    const auto scheme_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
               c == '.';
    };
    const bool uri = colon != std::string::npos && colon > 0 && colon + 1 < id.size() &&
                     ((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z')) &&
                     std::all_of(id.begin(), id.begin() + static_cast<std::ptrdiff_t>(colon), scheme_char) &&
                     id.find_first_of(" <>\"{}|\\^`") == std::string::npos;
    if (!uri)
        throw error(errc::invalid_argument, "the issuer id " + detail::quoted(id, 120) +
                                                " is not a URI (expected did:…, https://… or urn:…)");
    const std::string& url = issuer.url;
    constexpr std::string_view https = "https://";
    if (!url.empty() && (!url.starts_with(https) || url.size() == https.size() || url[https.size()] == '/' ||
                         url.find_first_of(" <>\"{}|\\^`") != std::string::npos))
        throw error(errc::invalid_argument,
                    "the issuer URL " + detail::quoted(url, 120) + " is not an https URL (expected https://host/…)");
}
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
    if (!r.status_list.empty()) {
        // its bit in the issuer's public revocation list (W3C Bitstring Status List v1.0)
        const std::string index = std::to_string(r.status_index);
        c["credentialStatus"] = {{"id", r.status_list + "#" + index},
                                 {"type", "BitstringStatusListEntry"},
                                 {"statusPurpose", "revocation"},
                                 {"statusListIndex", index},
                                 {"statusListCredential", r.status_list}};
    }
    return c.dump(2) + "\n";
}

certificate_record sign_certificate(const certificate_data& d, const issuer_profile& issuer, const signing_key& key,
                                    date issued_on, lang language, std::uint32_t issue_number,
                                    const status_entry& status) {
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
    check_issuer_uris(issuer);
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
    if (!status.list_url.empty()) {
        if (status.index >= status_list_size)
            throw error(errc::invalid_argument, "a status list index must be below " + std::to_string(status_list_size));
        detail::check_text(status.list_url, "status list URL", "", detail::text_kind::line, limits::text_chars,
                           errc::invalid_argument);
        r.status_list = status.list_url;
        r.status_index = status.index;
    }

    // VC-JWT (Open Badges 3.0, section 8.2): the credential's members at the top of the JWT
    // payload, with the registered claims iss, jti and nbf.
    ojson payload = ojson::parse(open_badge_credential(r));
    payload["iss"] = issuer.id;
    payload["jti"] = certificate_urn(r.serial);
    payload["nbf"] = epoch_seconds(issued_on);
    // The header names the key by a DID URL a verifier resolves (did:key, or the did:web's
    // document); it carries no key of its own: a verifier must never trust one from it.
    ojson header;
    header["alg"] = to_string(key.algorithm);
    header["typ"] = "JWT";
    header["kid"] = key_reference(key.public_part(), issuer.id);
    const std::string signing_input = b64url(header.dump()) + "." + b64url(payload.dump());
    r.credential_jws = signing_input + "." + b64url(sign_bytes(key, signing_input));
    r.verification_code = verification_code(r.credential_jws);
    return r;
}

issuer_profile default_issuer(const programme& p, lang l, const public_key& key, std::string_view url) {
    const std::string& provider = p.provider.get(l);
    return {url.empty() ? did_key(key) : did_web(url), provider.empty() ? p.name.get(l) : provider, std::string(url)};
}

}  // namespace smart
