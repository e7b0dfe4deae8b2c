// Fuzzes the key files (smart::load_signing_key, smart::load_public_key): a key that loads
// must save and load again to an equal key with the same text; a signing key that loads
// must sign a credential its public part verifies (the loader checks the secret belongs to
// the public key and the id to both).
#include "fuzz_common.hpp"

namespace {

/// Certificate data of the demo cohort's first eligible participant, as of its last day.
const smart::certificate_data& fixed_data() {
    static const smart::certificate_data d = [] {
        const smart::cohort c = smart::catalogue::demo_cohort();
        const smart::evaluation e = smart::evaluate(c, c.last_day());
        for (std::size_t p = 0; p < c.size(); ++p)
            if (e.result(p).status == smart::overall_status::eligible) return smart::certificate_for(c, e, p);
        std::abort();
    }();
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fz::text(data, size);
    try {
        const smart::signing_key k = smart::load_signing_key(input);
        const std::string saved = smart::save_signing_key(k);
        const smart::signing_key again = smart::load_signing_key(saved);
        FZ_CHECK(again.key_id == k.key_id && again.public_bytes == k.public_bytes &&
                     again.secret_bytes == k.secret_bytes,
                 saved);
        FZ_CHECK(smart::save_signing_key(again) == saved, saved);
        // the public part saves and loads as a public key
        const smart::public_key pk = smart::load_public_key(smart::save_public_key(k.public_part()));
        FZ_CHECK(pk == k.public_part(), "");
        const smart::certificate_record r = smart::sign_certificate(
            fixed_data(), fz::fixed_issuer(), k, fixed_data().period_end, smart::lang::en);
        const std::array<smart::public_key, 1> trusted{pk};
        const smart::verification_result v = smart::verify_credential(r.credential_jws, trusted);
        FZ_CHECK(v.status == smart::verification_status::valid, v.detail);
    } catch (const smart::error& e) {
        fz::check_error(e);
    }
    try {
        const smart::public_key k = smart::load_public_key(input);
        const std::string saved = smart::save_public_key(k);
        const smart::public_key again = smart::load_public_key(saved);
        FZ_CHECK(again == k, saved);
        FZ_CHECK(smart::save_public_key(again) == saved, saved);
    } catch (const smart::error& e) {
        fz::check_error(e);
    }
    return 0;
}
