// Verifying a compact JWS credential against trusted keys and, optionally, a register.
#include "internal.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

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
        out.serial = serial_of_urn(id);
    } catch (const error&) {
        out.status = verification_status::tampered;
        out.detail = "the signed payload is not JSON";
        return out;
    }
    out.status = verification_status::valid;
    out.detail = "the signature is valid";
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
