// Fuzzes the verification of credentials (smart::verify_credential, smart::verification_code):
//  1. the input as a compact JWS, against the fixed key and another trusted key, with and
//     without a register (which holds a revoked and a replaced record);
//  2. the input as the payload of a JWS this harness signs with the fixed key, so the
//     payload's parsing is reached too: the result must be "valid" with the payload as
//     signed, or "tampered" because the payload is not JSON — nothing else.
#include <unistd.h>

#include <filesystem>

#include "../../src/issuing/internal.hpp"  // sign_bytes, b64url: the core's signing
#include "fuzz_common.hpp"

namespace {

/// The JWS of `signing_input` signed with the fixed key (ES256), as the core signs.
std::string sign(std::string_view signing_input) {
    return std::string(signing_input) + "." + smart::detail::b64url(smart::detail::sign_bytes(fz::fixed_key(), signing_input));
}

const std::array<smart::public_key, 2>& trusted() {
    static const std::array<smart::public_key, 2> keys{smart::generate_signing_key().public_part(),
                                                       fz::fixed_key().public_part()};
    return keys;
}

/// A register in a temporary directory: the demo cohort's eligible participants issued
/// with the fixed key, one revoked and one re-issued (so replaced).
const smart::certificate_register& reg() {
    static const smart::certificate_register* r = [] {
        const auto dir = std::filesystem::temp_directory_path() /
                         ("smart-fuzz-credential-" + std::to_string(static_cast<long>(::getpid())));
        std::filesystem::create_directories(dir);
        const auto file = dir / "register.jsonl";
        std::filesystem::remove(file);
        auto* out = new smart::certificate_register(file);
        // the register is read into memory: its file is not needed after it is filled
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                            ("smart-fuzz-credential-" + std::to_string(static_cast<long>(::getpid()))),
                                        ec);
        });
        const smart::cohort c = smart::catalogue::demo_cohort();
        const smart::evaluation e = smart::evaluate(c, c.last_day());
        std::vector<std::string> serials;
        for (std::size_t p = 0; p < c.size() && serials.size() < 3; ++p)
            if (e.result(p).status == smart::overall_status::eligible) {
                const auto d = smart::certificate_for(c, e, p);
                serials.push_back(out->issue(d, fz::fixed_issuer(), fz::fixed_key(), c.last_day(), smart::lang::nb)
                                      .first.serial);
                if (serials.size() == 2)
                    out->reissue(serials.back(), d, fz::fixed_issuer(), fz::fixed_key(), c.last_day(), smart::lang::en);
            }
        out->revoke(serials.front(), "Utstedt ved en feil", c.last_day());
        return out;
    }();
    return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fz::text(data, size);

    // 1. the input as a credential
    const smart::verification_result plain = smart::verify_credential(input, trusted());
    const smart::verification_result with_register = smart::verify_credential(input, trusted(), &reg());
    FZ_CHECK(plain.key_id == with_register.key_id, "");
    if (plain.status != smart::verification_status::valid)
        FZ_CHECK(with_register.status == plain.status, with_register.detail);
    (void)smart::verify_credential(input, {});
    try {
        const std::string code = smart::verification_code(input);
        FZ_CHECK(code.size() == 9 && code[4] == '-', code);
    } catch (const smart::error& e) {
        fz::check_error(e);
        FZ_CHECK(e.code() == smart::errc::invalid_argument, e.what());
    }

    // 2. the input as the payload, signed here with the fixed key
    static const std::string header =
        smart::detail::b64url(R"({"alg":"ES256","typ":"JWT","kid":")" + fz::fixed_key().key_id + R"("})");
    const std::string jws = sign(header + "." + smart::detail::b64url(input));
    const smart::verification_result v = smart::verify_credential(jws, trusted(), &reg());
    if (v.status == smart::verification_status::tampered) {
        // not JSON, or a payload whose iss is not its issuer's id
        FZ_CHECK(v.detail.find("not JSON") != std::string::npos || v.detail.find("iss claim") != std::string::npos,
                 v.detail);
    } else {
        FZ_CHECK(v.status == smart::verification_status::valid || v.status == smart::verification_status::revoked ||
                     v.status == smart::verification_status::replaced,
                 v.detail);
        FZ_CHECK(v.credential_json == input, v.credential_json);
        FZ_CHECK(v.key_id == fz::fixed_key().key_id, v.key_id);
    }
    return 0;
}
