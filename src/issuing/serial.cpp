// Serials ("SMART-XXXX-XXXX-XXXX") and verification codes ("XXXX-XXXX"): BLAKE2b in
// Crockford's base32.
#include "internal.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

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

}  // namespace smart
