// The keys' decentralised identifiers: did:key (the key is the identifier), did:web (an
// issuer's web domain, whose did.json publishes the key), and DID documents.
#include <algorithm>

#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

namespace detail {

std::string_view did_of(std::string_view did_url) { return did_url.substr(0, did_url.find('#')); }

std::string_view fragment_of(std::string_view did_url) {
    const auto hash = did_url.find('#');
    return hash == std::string_view::npos ? std::string_view() : did_url.substr(hash + 1);
}

}  // namespace detail

namespace {

// multicodec codes as unsigned varints: p256-pub 0x1200, ed25519-pub 0xed
constexpr unsigned char p256_prefix[] = {0x80, 0x24};
constexpr unsigned char ed25519_prefix[] = {0xed, 0x01};
constexpr std::string_view did_key_prefix = "did:key:";
constexpr std::string_view did_web_prefix = "did:web:";

bool unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

[[noreturn]] void bad_did(std::string_view what, std::string_view expected) {
    throw error(errc::invalid_argument, quoted(what, 120) + " is not " + std::string(expected));
}

/// The key of a multibase ("z" + base58btc of a multicodec key); nullopt for anything else.
std::optional<public_key> key_of_multibase(std::string_view mb) {
    if (mb.empty() || mb[0] != 'z') return std::nullopt;
    const auto raw = unbase58btc(mb.substr(1));
    if (!raw) return std::nullopt;
    const auto* b = reinterpret_cast<const unsigned char*>(raw->data());
    public_key k;
    if (raw->size() == 35 && b[0] == p256_prefix[0] && b[1] == p256_prefix[1]) {
        const auto xy = p256::decompress(b + 2);
        if (!xy) return std::nullopt;
        k.algorithm = key_algorithm::es256;
        k.bytes.assign(xy->begin(), xy->end());
    } else if (raw->size() == 34 && b[0] == ed25519_prefix[0] && b[1] == ed25519_prefix[1]) {
        k.algorithm = key_algorithm::ed25519;
        k.bytes.assign(b + 2, b + 34);
    } else {
        return std::nullopt;
    }
    k.key_id = std::string(mb);
    return k;
}

ojson public_jwk(const public_key& k) {
    if (k.algorithm == key_algorithm::ed25519)
        return {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", b64url(k.bytes.data(), k.bytes.size())}};
    return {{"kty", "EC"}, {"crv", "P-256"}, {"x", b64url(k.bytes.data(), 32)}, {"y", b64url(k.bytes.data() + 32, 32)}};
}

/// The key of a publicKeyJwk (EC P-256 or OKP Ed25519); throws validation_error at `at`.
public_key key_of_jwk(const ojson& jwk, const std::string& at) {
    for (const char* private_member : {"d", "p", "q", "dp", "dq", "qi", "k"})
        if (jwk.contains(private_member))
            throw error(errc::validation_error, "a DID document must not publish a private key", at + "/" + private_member);
    public_key k;
    const std::string kty = member_string(jwk, "kty", at);
    const std::string crv = member_string(jwk, "crv", at);
    const auto bytes = [&](const char* member) {
        const auto raw = unb64url(member_string(jwk, member, at));
        if (!raw || raw->size() != 32)
            throw error(errc::validation_error, "expected 32 bytes in base64url", at + "/" + member);
        return std::vector<unsigned char>(raw->begin(), raw->end());
    };
    if (kty == "EC" && crv == "P-256") {
        k.algorithm = key_algorithm::es256;
        k.bytes = bytes("x");
        const auto y = bytes("y");
        k.bytes.insert(k.bytes.end(), y.begin(), y.end());
        if (!p256::on_curve(k.bytes.data())) throw error(errc::validation_error, "not a point of P-256", at + "/y");
    } else if (kty == "OKP" && crv == "Ed25519") {
        k.algorithm = key_algorithm::ed25519;
        k.bytes = bytes("x");
    } else {
        throw error(errc::validation_error, "expected an EC P-256 or OKP Ed25519 key", at + "/kty");
    }
    return k;
}

}  // namespace

std::string key_multibase(const public_key& k) {
    std::string raw;
    if (k.algorithm == key_algorithm::es256) {
        if (k.bytes.size() != 64) throw error(errc::invalid_argument, "a P-256 public key has 64 bytes (x and y)");
        raw.assign(reinterpret_cast<const char*>(p256_prefix), 2);
        raw.push_back(static_cast<char>(0x02 | (k.bytes[63] & 1)));  // compressed: the parity of y, then x
        raw.append(reinterpret_cast<const char*>(k.bytes.data()), 32);
    } else {
        if (k.bytes.size() != 32) throw error(errc::invalid_argument, "an Ed25519 public key has 32 bytes");
        raw.assign(reinterpret_cast<const char*>(ed25519_prefix), 2);
        raw.append(reinterpret_cast<const char*>(k.bytes.data()), 32);
    }
    return "z" + base58btc(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string did_key(const public_key& k) { return std::string(did_key_prefix) + key_multibase(k); }

public_key resolve_did_key(std::string_view did_url) {
    const std::string_view did = did_of(did_url);
    const std::string_view fragment = fragment_of(did_url);
    if (!did.starts_with(did_key_prefix)) bad_did(did_url, "a did:key (did:key:z…)");
    const std::string_view mb = did.substr(did_key_prefix.size());
    auto k = key_of_multibase(mb);
    if (!k) bad_did(did_url, "a did:key of a P-256 or Ed25519 public key");
    if (did_url.find('#') != std::string_view::npos && fragment != mb)
        bad_did(did_url, "a did:key URL whose fragment is its key (did:key:z…#z…)");
    return *k;
}

std::string did_web(std::string_view url) {
    constexpr std::string_view scheme = "https://";
    const std::string expected = "an https URL of the form https://host[:port][/path]";
    if (!url.starts_with(scheme)) bad_did(url, expected + " (it must start with https://)");
    std::string_view rest = url.substr(scheme.size());
    if (rest.find_first_of("?#@") != std::string_view::npos) bad_did(url, expected + " (no user, query or fragment)");
    const auto slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    const std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    const auto colon = authority.find(':');
    const std::string_view host = authority.substr(0, colon);
    const std::string_view port = colon == std::string_view::npos ? std::string_view() : authority.substr(colon + 1);
    const bool host_ok = !host.empty() && host.front() != '.' && host.back() != '.' && host.front() != '-' &&
                         std::all_of(host.begin(), host.end(), [](char c) {
                             return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                    c == '-' || c == '.';
                         });
    if (!host_ok) bad_did(url, expected + " (a host name of letters, digits, '-' and '.')");
    if (colon != std::string_view::npos &&
        (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })))
        bad_did(url, expected + " (a port of digits)");
    std::string out = std::string(did_web_prefix);
    for (char c : host) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    if (!port.empty()) out += "%3A" + std::string(port);
    std::size_t at = 0;
    while (at < path.size()) {
        const auto end = std::min(path.find('/', at), path.size());
        const std::string_view segment = path.substr(at, end - at);
        if (!std::all_of(segment.begin(), segment.end(), unreserved) || segment == "." || segment == "..")
            bad_did(url, expected + " (path segments of letters, digits and -._~)");
        if (!segment.empty()) out += ":" + std::string(segment);
        at = end + 1;
    }
    return out;
}

std::string did_web_document_url(std::string_view did) {
    if (!did.starts_with(did_web_prefix) || did.size() == did_web_prefix.size() || did.find('#') != std::string_view::npos)
        bad_did(did, "a did:web (did:web:host[:path])");
    std::string_view rest = did.substr(did_web_prefix.size());
    std::string url = "https://";
    const auto first = rest.find(':');
    std::string host(rest.substr(0, first));
    if (const auto p = host.find("%3A"); p != std::string::npos) host.replace(p, 3, ":");
    url += host;
    if (first == std::string_view::npos) return url + "/.well-known/did.json";
    std::string path(rest.substr(first + 1));
    std::replace(path.begin(), path.end(), ':', '/');
    return url + "/" + path + "/did.json";
}

std::string key_reference(const public_key& k, std::string_view issuer_id) {
    const std::string mb = key_multibase(k);
    if (issuer_id.starts_with(did_web_prefix)) return std::string(issuer_id) + "#" + mb;
    if (issuer_id.starts_with(did_key_prefix) && issuer_id != std::string(did_key_prefix) + mb)
        throw error(errc::invalid_argument, "the issuer id " + quoted(issuer_id, 120) +
                                                " is the did:key of another key than the signing key (" +
                                                std::string(did_key_prefix) + mb + ")");
    return std::string(did_key_prefix) + mb + "#" + mb;
}

std::string did_document(const public_key& k, std::string_view did) {
    if (!did.starts_with("did:") || did.find('#') != std::string_view::npos)
        bad_did(did, "a DID (did:web:… or did:key:…) without a fragment");
    const std::string method = std::string(did) + "#" + key_multibase(k);
    ojson doc;
    doc["@context"] = {"https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"};
    doc["id"] = did;
    doc["verificationMethod"] = ojson::array(
        {{{"id", method}, {"type", "JsonWebKey"}, {"controller", did}, {"publicKeyJwk", public_jwk(k)}}});
    doc["assertionMethod"] = {method};
    return doc.dump(2) + "\n";
}

std::vector<public_key> load_did_document(std::string_view json_text) {
    const ojson doc = parse_json(json_text, "DID document");
    if (!doc.is_object()) throw error(errc::validation_error, "expected an object");
    const std::string& did = member_string(doc, "id", "");
    if (!did.starts_with("did:")) throw error(errc::validation_error, "expected a DID", "/id");
    const auto methods = doc.find("verificationMethod");
    if (methods == doc.end() || !methods->is_array() || methods->empty())
        throw error(errc::validation_error, "expected a non-empty array of verification methods", "/verificationMethod");
    std::vector<public_key> keys;
    for (std::size_t i = 0; i < methods->size(); ++i) {
        const ojson& m = (*methods)[i];
        const std::string at = "/verificationMethod/" + std::to_string(i);
        if (!m.is_object()) throw error(errc::validation_error, "expected an object", at);
        const std::string& id = member_string(m, "id", at);
        if (const auto jwk = m.find("publicKeyJwk"); jwk != m.end()) {
            if (!jwk->is_object()) throw error(errc::validation_error, "expected an object", at + "/publicKeyJwk");
            keys.push_back(key_of_jwk(*jwk, at + "/publicKeyJwk"));
        } else if (m.contains("publicKeyMultibase")) {
            auto k = key_of_multibase(member_string(m, "publicKeyMultibase", at));
            if (!k) throw error(errc::validation_error, "expected a P-256 or Ed25519 multikey", at + "/publicKeyMultibase");
            keys.push_back(*k);
        } else {
            throw error(errc::validation_error, "expected publicKeyJwk or publicKeyMultibase", at);
        }
        const std::string_view fragment = id.starts_with("#") ? std::string_view(id).substr(1) : fragment_of(id);
        if (fragment.empty()) throw error(errc::validation_error, "expected DID#fragment", at + "/id");
        if (!id.starts_with("#") && did_of(id) != did)
            throw error(errc::validation_error, "the method belongs to another DID than the document's", at + "/id");
        keys.back().key_id = std::string(fragment);
    }
    return keys;
}

}  // namespace smart
