// Fuzzes the reading side of public revocation (issue 12, the W3C Bitstring Status List):
// smart::verify_credential given a status list, and smart::decode_status_list.
//  1. the input as the status list JWS beside a genuine credential: the verdict is valid,
//     revoked, tampered or unknown_key (a list that proves nothing), never a throw;
//  2. the input as the payload of a list JWS signed here with the issuer's key, so the
//     list's members and its encodedList are read: valid, revoked or tampered only (the
//     key is trusted), and revoked names the list;
//  3. the input as the payload of a credential signed with the issuer's key, checked
//     against the genuine list: its credentialStatus entry is read; when the check without
//     a list already fails, the verdict is the same with it;
//  4. the input as an encodedList: nothing, or at most 16 MiB of bits.
// The genuine list and credentials come from a register in a temporary directory (the
// register draws their indices at random: the invariants do not depend on them).
#include <unistd.h>

#include <filesystem>

#include "../../src/issuing/internal.hpp"  // sign_bytes, b64url: the core's signing
#include "fuzz_common.hpp"

namespace {

const std::string url = "https://example.org";

const smart::issuer_profile& issuer() {
    static const smart::issuer_profile i{smart::did_web(url), "Fuzz kommune", url};
    return i;
}

const std::array<smart::public_key, 1>& trusted() {
    static const std::array<smart::public_key, 1> keys{fz::fixed_key().public_part()};
    return keys;
}

/// The JWS of `payload` with the issuer's header (ES256, kid its did:web key), signed with
/// the fixed key.
std::string signed_jws(std::string_view payload) {
    static const std::string header = smart::detail::b64url(
        R"({"alg":"ES256","typ":"JWT","kid":")" + smart::key_reference(fz::fixed_key().public_part(), issuer().id) +
        R"("})");
    const std::string input = header + "." + smart::detail::b64url(payload);
    return input + "." + smart::detail::b64url(smart::detail::sign_bytes(fz::fixed_key(), input));
}

struct genuine {
    std::string valid_jws;    ///< a credential whose bit is clear
    std::string revoked_jws;  ///< a credential whose bit is set
    std::string list_jws;     ///< the issuer's list, signed
};

const genuine& fixed() {
    static const genuine g = [] {
        const auto dir = std::filesystem::temp_directory_path() /
                         ("smart-fuzz-status-" + std::to_string(static_cast<long>(::getpid())));
        std::filesystem::create_directories(dir);
        genuine out;
        {
            smart::certificate_register reg(dir / "register.jsonl");
            const smart::cohort c = smart::catalogue::demo_cohort();
            const smart::evaluation e = smart::evaluate(c, c.last_day());
            std::vector<smart::certificate_record> issued;
            for (std::size_t p = 0; p < c.size() && issued.size() < 2; ++p)
                if (e.result(p).status == smart::overall_status::eligible)
                    issued.push_back(
                        reg.issue(smart::certificate_for(c, e, p), issuer(), fz::fixed_key(), c.last_day(), smart::lang::nb)
                            .first);
            reg.revoke(issued[1].serial, "Utstedt ved en feil", c.last_day());
            out.valid_jws = issued[0].credential_jws;
            out.revoked_jws = issued[1].credential_jws;
            out.list_jws =
                smart::status_list_credential(reg, issuer(), fz::fixed_key(), smart::status_list_url(url), c.last_day());
        }
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        FZ_CHECK(smart::verify_credential(out.valid_jws, trusted(), nullptr, out.list_jws).status ==
                     smart::verification_status::valid,
                 "the genuine list");
        FZ_CHECK(smart::verify_credential(out.revoked_jws, trusted(), nullptr, out.list_jws).status ==
                     smart::verification_status::revoked,
                 "the genuine list");
        return out;
    }();
    return g;
}

bool proves_nothing(smart::verification_status s) {
    return s == smart::verification_status::tampered || s == smart::verification_status::unknown_key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fz::text(data, size);
    const genuine& g = fixed();
    using smart::verification_status;

    // 1. the input as the list
    for (const std::string* jws : {&g.valid_jws, &g.revoked_jws}) {
        const smart::verification_result v = smart::verify_credential(*jws, trusted(), nullptr, input);
        FZ_CHECK(v.status == verification_status::valid || v.status == verification_status::revoked ||
                     proves_nothing(v.status),
                 v.detail);
    }

    // 2. the input as the list's payload, signed by the issuer
    const std::string list = signed_jws(input);
    for (const std::string* jws : {&g.valid_jws, &g.revoked_jws}) {
        const smart::verification_result v = smart::verify_credential(*jws, trusted(), nullptr, list);
        FZ_CHECK(v.status == verification_status::valid || v.status == verification_status::revoked ||
                     v.status == verification_status::tampered,
                 v.detail);
        if (v.status == verification_status::revoked)
            FZ_CHECK(v.detail.find(smart::status_list_url(url)) != std::string::npos, v.detail);
    }

    // 3. the input as a credential's payload, against the genuine list
    const std::string credential = signed_jws(input);
    const smart::verification_result without = smart::verify_credential(credential, trusted());
    const smart::verification_result with = smart::verify_credential(credential, trusted(), nullptr, g.list_jws);
    if (without.status != verification_status::valid)
        FZ_CHECK(with.status == without.status, with.detail);
    else
        FZ_CHECK(with.status == verification_status::valid || with.status == verification_status::revoked ||
                     with.status == verification_status::tampered,
                 with.detail);

    // 4. the input as an encodedList
    const std::optional<std::string> bits = smart::decode_status_list(input);
    if (bits) FZ_CHECK(bits->size() <= (std::size_t{16} << 20), std::to_string(bits->size()));
    return 0;
}
