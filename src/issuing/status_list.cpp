// Public revocation: the issuer's W3C Bitstring Status List (v1.0) — the entry of each new
// credential, the signed list credential, and reading a list back (GZIP with zlib).
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "internal.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

namespace {

constexpr std::size_t list_bytes = status_list_size / 8;
constexpr std::size_t max_inflated = std::size_t{16} << 20;

std::string gzip(const std::string& bytes) {
    z_stream z{};
    // windowBits 15 + 16: a GZIP wrapper (RFC 1952), as the spec asks
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw error(errc::internal, "zlib could not start compressing the status list");
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const std::size_t n = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw error(errc::internal, "zlib could not compress the status list");
    out.resize(n);
    return out;
}

std::optional<std::string> gunzip(const std::string& bytes) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return std::nullopt;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buffer[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        out.append(buffer, sizeof buffer - z.avail_out);
        if (out.size() > max_inflated) rc = Z_DATA_ERROR;
        else if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) rc = Z_DATA_ERROR;  // truncated
    }
    const bool whole = rc == Z_STREAM_END && z.avail_in == 0;
    inflateEnd(&z);
    if (!whole) return std::nullopt;
    return out;
}

std::string trimmed_url(std::string_view url) {
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    return std::string(url);
}

}  // namespace

std::string status_list_url(std::string_view issuer_url, std::uint32_t n) {
    return trimmed_url(issuer_url) + "/status/revocation" + (n == 0 ? "" : "-" + std::to_string(n + 1)) + ".jwt";
}

status_entry detail::draw_status_entry(const std::vector<certificate_record>& records, std::string_view issuer_url) {
    ensure_sodium();
    for (std::uint32_t n = 0;; ++n) {
        const std::string url = status_list_url(issuer_url, n);
        std::vector<bool> used(status_list_size, false);
        std::uint32_t used_count = 0;
        for (const auto& r : records)
            if (r.status_list == url && r.status_index < status_list_size && !used[r.status_index]) {
                used[r.status_index] = true;
                ++used_count;
            }
        if (used_count == status_list_size) continue;  // full: the next list
        // uniformly among the free ones, so an index tells nothing about the issue order
        std::uint32_t k = randombytes_uniform(status_list_size - used_count);
        for (std::uint32_t i = 0; i < status_list_size; ++i)
            if (!used[i] && k-- == 0) return {url, i};
    }
}

std::string status_list_credential(const certificate_register& reg, const issuer_profile& issuer,
                                   const signing_key& key, std::string_view list_url, date valid_from) {
    if (list_url.empty()) throw error(errc::invalid_argument, "the status list needs its URL");
    if (valid_from.is_special()) throw error(errc::invalid_argument, "the status list needs a validFrom date");
    if (issuer.id.empty()) throw error(errc::invalid_argument, "the issuer needs an id (a URI)");
    std::string bits(list_bytes, '\0');
    for (const auto& r : reg.records())
        if (r.status_list == list_url && r.status != record_status::valid && r.status_index < status_list_size)
            bits[r.status_index / 8] =
                static_cast<char>(static_cast<unsigned char>(bits[r.status_index / 8]) | (0x80u >> (r.status_index % 8)));
    const std::string encoded = "u" + b64url(gzip(bits));

    ojson c;
    c["@context"] = {"https://www.w3.org/ns/credentials/v2"};
    c["id"] = list_url;
    c["type"] = {"VerifiableCredential", "BitstringStatusListCredential"};
    c["issuer"] = issuer.id;
    c["validFrom"] = datetime(valid_from);
    c["credentialSubject"] = {{"id", std::string(list_url) + "#list"},
                              {"type", "BitstringStatusList"},
                              {"statusPurpose", "revocation"},
                              {"encodedList", encoded}};
    ojson payload = c;
    payload["iss"] = issuer.id;
    payload["jti"] = list_url;
    payload["nbf"] = (valid_from - date(1970, 1, 1)).days() * std::int64_t{86400};
    ojson header;
    header["alg"] = to_string(key.algorithm);
    header["typ"] = "JWT";
    header["kid"] = key_reference(key.public_part(), issuer.id);
    const std::string signing_input = b64url(header.dump()) + "." + b64url(payload.dump());
    return signing_input + "." + b64url(sign_bytes(key, signing_input));
}

issuer_profile status_list_issuer(const certificate_register& reg, std::string_view issuer_url,
                                  std::string_view list_url, std::string_view issuer_id) {
    issuer_profile out;
    const auto& records = reg.records();
    for (auto it = records.rbegin(); it != records.rend(); ++it)
        if (it->status_list == list_url) {
            out = it->issuer;
            break;
        }
    if (out.id.empty()) {
        out.id = issuer_id.empty() ? did_web(issuer_url) : std::string(issuer_id);
        out.name = "-";
    } else if (!issuer_id.empty()) {
        out.id = std::string(issuer_id);
    }
    out.url = std::string(issuer_url);
    return out;
}

status_list_count count_status_list(const certificate_register& reg, std::string_view list_url) {
    status_list_count n;
    for (const auto& r : reg.records())
        if (r.status_list == list_url) {
            ++n.entries;
            if (r.status != record_status::valid) ++n.no_longer_valid;
        }
    return n;
}

std::optional<std::string> decode_status_list(std::string_view encoded_list) {
    if (encoded_list.empty() || encoded_list.front() != 'u') return std::nullopt;
    const auto compressed = unb64url(encoded_list.substr(1));
    if (!compressed) return std::nullopt;
    return gunzip(*compressed);
}

}  // namespace smart
