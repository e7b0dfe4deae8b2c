// Verifying a compact JWS credential against trusted keys and, optionally, a register.
#include <algorithm>

#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

namespace {

/// Whether a token's alg is the one `k` signs with: ES256 for P-256 keys, Ed25519 (RFC
/// 9864) or EdDSA (the name used before) for Ed25519 keys. Nothing else, ever.
bool alg_fits(const public_key& k, const std::string& alg) {
    return k.algorithm == key_algorithm::es256 ? alg == "ES256" : alg == "Ed25519" || alg == "EdDSA";
}

/// The trusted key a token's kid names: the key id itself (the ids of smart.public-key/1
/// files), or a DID URL whose fragment is the key's id or multibase. Never a key from
/// the token's header.
const public_key* named_key(std::span<const public_key> trusted, std::string_view kid) {
    const std::string_view fragment = fragment_of(kid);
    for (const auto& k : trusted)
        if (k.key_id == kid) return &k;
    if (fragment.empty()) return nullptr;
    for (const auto& k : trusted)
        if (k.key_id == fragment || key_multibase(k) == fragment) return &k;
    return nullptr;
}

/// The issuer id of a credential payload: issuer.id, or issuer when it is a string.
std::string issuer_id_of(const ojson& payload) {
    const auto it = payload.find("issuer");
    if (it == payload.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    return string_member(*it, "id");
}

/// The verdict of the issuer's status list on a credential whose signature holds (`out`
/// valid): `status` is the credential's credentialStatus, `issuer` its issuer id.
void check_status_list(verification_result& out, const ojson& status, const std::string& issuer,
                       std::string_view list_jws, std::span<const public_key> trusted) {
    const auto tampered = [&out](std::string why) {
        out.status = verification_status::tampered;
        out.detail = "status list: " + std::move(why);
        out.credential_json.clear();
    };
    const std::string list_url = string_member(status, "statusListCredential");
    const std::string index_text = string_member(status, "statusListIndex");
    if (string_member(status, "type") != "BitstringStatusListEntry" ||
        string_member(status, "statusPurpose") != "revocation" || list_url.empty() || index_text.empty() ||
        index_text.size() > 9 || index_text.find_first_not_of("0123456789") != std::string::npos)
        return tampered("the credential's credentialStatus is not a revocation BitstringStatusListEntry");
    const std::size_t index = std::stoul(index_text);
    const verification_result list = verify_credential(list_jws, trusted, nullptr);
    if (list.status != verification_status::valid) {
        out.status = list.status;  // unknown_key or tampered: the list proves nothing
        out.detail = "status list: " + list.detail;
        out.credential_json.clear();
        return;
    }
    const ojson payload = parse_small(list.credential_json);
    if (issuer_id_of(payload) != issuer) return tampered("issued by another issuer than the credential");
    if (string_member(payload, "id") != list_url)
        return tampered("the list is " + detail::quoted(string_member(payload, "id"), 120) + ", not the credential's " +
                        detail::quoted(list_url, 120));
    const auto types = payload.find("type");
    const auto subject = payload.find("credentialSubject");
    if (types == payload.end() || !types->is_array() ||
        std::find(types->begin(), types->end(), ojson("BitstringStatusListCredential")) == types->end() ||
        subject == payload.end() || !subject->is_object() || string_member(*subject, "type") != "BitstringStatusList" ||
        string_member(*subject, "statusPurpose") != "revocation")
        return tampered("not a BitstringStatusListCredential of purpose revocation");
    const auto bits = decode_status_list(string_member(*subject, "encodedList"));
    if (!bits || bits->size() * 8 <= index) return tampered("the encodedList is not GZIP of a list that long");
    if ((static_cast<unsigned char>((*bits)[index / 8]) >> (7 - index % 8)) & 1u) {
        out.status = verification_status::revoked;
        out.detail = "revoked: bit " + index_text + " of " + list_url + " is set";
    } else {
        out.detail += "; not revoked in " + list_url;
    }
}

}  // namespace

verification_result verify_credential(std::string_view jws, std::span<const public_key> trusted,
                                      const certificate_register* reg, std::string_view status_list_jws) {
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
    if (!header_text || !payload_text || !sig || sig->size() != 64) {
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
    const std::string alg = string_member(header, "alg");
    if (!header.is_object() || (alg != "ES256" && alg != "Ed25519" && alg != "EdDSA")) {
        out.detail = "the header does not say alg ES256 (or Ed25519, EdDSA)";
        return out;
    }
    out.key_id = string_member(header, "kid");
    const public_key* key = named_key(trusted, out.key_id);
    if (!key) {
        out.status = verification_status::unknown_key;
        out.detail = "the key \"" + out.key_id + "\" is not among the trusted keys";
        return out;
    }
    if (!alg_fits(*key, alg)) {
        out.detail = "the header's alg " + alg + " is not the key's (" + to_string(key->algorithm) + ")";
        return out;
    }
    if (out.key_id.starts_with("did:key:") && did_of(out.key_id) != did_key(*key)) {
        out.detail = "the kid's did:key is not the key's";
        return out;
    }
    const std::string_view signing_input = jws.substr(0, d2);
    if (!signature_holds(*key, signing_input, *sig)) {
        out.detail = "the signature does not match the content";
        return out;
    }
    out.credential_json = *payload_text;
    try {
        const ojson payload = parse_small(*payload_text);
        const std::string id = string_member(payload, "id");
        out.serial = serial_of_urn(id);
        // A DID URL names the issuer's key: its DID is the issuer's (a did:key issuer
        // signs with that key; a did:web issuer publishes it), and iss is the issuer.
        const std::string issuer = issuer_id_of(payload);
        const std::string_view kid_did = did_of(out.key_id);
        if (issuer.starts_with("did:") && out.key_id.starts_with("did:") && kid_did != issuer) {
            out.detail = "the kid names a key of " + std::string(kid_did) + ", not of the issuer " + issuer;
            out.credential_json.clear();
            return out;
        }
        if (payload.contains("iss") && string_member(payload, "iss") != issuer) {
            out.detail = "the iss claim is not the credential's issuer";
            out.credential_json.clear();
            return out;
        }
    } catch (const error&) {
        out.detail = "the signed payload is not JSON";
        return out;
    }
    out.status = verification_status::valid;
    out.detail = "the signature is valid";
    if (!status_list_jws.empty()) {
        const ojson payload = parse_small(*payload_text);
        const auto status = payload.find("credentialStatus");
        if (status != payload.end() && status->is_object())
            check_status_list(out, *status, issuer_id_of(payload), status_list_jws, trusted);
        if (out.status == verification_status::tampered || out.status == verification_status::unknown_key) return out;
    }
    if (reg) {
        const certificate_record* r = reg->find(out.serial);
        if (r && r->status != record_status::valid) {
            out.replaced_by = r->replaced_by;
            out.revoked_reason = r->revoked_reason;
            out.revoked_on = r->revoked_on;
        }
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

const char* to_string(verification_status s) noexcept {
    switch (s) {
        case verification_status::valid: return "valid";
        case verification_status::revoked: return "revoked";
        case verification_status::replaced: return "replaced";
        case verification_status::tampered: return "tampered";
        case verification_status::unknown_key: return "unknown_key";
        case verification_status::unsigned_document: return "unsigned";
    }
    return "";
}

verification_result verify_credential_document(std::string_view credential_json, std::span<const public_key> trusted,
                                               const certificate_register& reg) {
    const ojson doc = parse_json(credential_json, "credential");
    const certificate_record* record = reg.find(serial_of_urn(string_member(doc, "id")));
    if (!record) throw error(errc::not_found, "no certificate with this id in the register", "/id");
    verification_result v = verify_credential(record->credential_jws, trusted, &reg);
    // compared as JSON values, member order aside (std::map's nlohmann::json)
    if (!v.credential_json.empty() &&
        nlohmann::json::parse(credential_of_payload(v.credential_json)) != nlohmann::json::parse(doc.dump())) {
        v.status = verification_status::tampered;
        v.detail = "the JSON differs from what was signed";
        v.credential_json.clear();
    }
    return v;
}

}  // namespace smart
