// Shared by the C++ fuzz harnesses (docs/fuzzing.md): the invariants every harness checks
// and the work it does with whatever it loaded, so the rule engine, the explanations, the
// statistics and the certificates are fuzzed along with the parsers.
//
// A harness may only see smart::error from a loader (and from the few calls documented to
// throw it); anything else escaping the library — std::out_of_range, nlohmann's
// exceptions, an errc::internal error — is a bug and ends the run as a crash, as does a
// broken invariant (fz::fail aborts, which libFuzzer reports with the input).
#pragma once

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smart/smart.hpp"

namespace fz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "\n*** fuzz invariant broken: %s\n", what);
    if (!detail.empty()) {
        const std::size_t n = std::min<std::size_t>(detail.size(), 4000);
        std::fprintf(stderr, "%.*s%s\n", static_cast<int>(n), detail.data(), n < detail.size() ? " [...]" : "");
    }
    std::abort();
}

#define FZ_CHECK(cond, detail)                                                        \
    do {                                                                              \
        if (!(cond)) ::fz::fail("FZ_CHECK(" #cond ") at " __FILE__ ":" FZ_STR(__LINE__), (detail)); \
    } while (0)
#define FZ_STR2(x) #x
#define FZ_STR(x) FZ_STR2(x)

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// An error the library reported: it must carry a real code, a message, and a JSON
/// Pointer that is empty or starts with '/'. errc::internal means "a bug in the library".
inline void check_error(const smart::error& e) {
    FZ_CHECK(e.code() != smart::errc::ok, e.what());
    FZ_CHECK(e.code() != smart::errc::internal, e.what());
    FZ_CHECK(std::strlen(e.what()) > 0, "");
    FZ_CHECK(e.pointer().empty() || e.pointer()[0] == '/', e.what());
}

/// The dates a cohort is evaluated as of: before it starts, on its first day, in the
/// middle, on its last day and after it (clamped to the supported years).
inline std::vector<smart::date> evaluation_dates(const smart::cohort& c) {
    using boost::gregorian::days;
    const smart::date lo(1400, 1, 2), hi(9999, 12, 1);
    auto clamp = [&](smart::date d) { return d < lo ? lo : d > hi ? hi : d; };
    if (c.days().empty()) return {smart::date(2025, 1, 1)};
    const smart::date first = c.days().front(), last = c.days().back();
    const smart::date mid = c.days()[c.days().size() / 2];
    return {clamp(first - days(1)), first, mid, last, clamp(last + days(40))};
}

/// The fixed issuer key (ES256, the kind new keys are): the P-256 scalar d is SHA-256 of
/// "smart fuzz issuer key", x || y its point (computed once, with Python's cryptography), so
/// runs are reproducible. ECDSA signatures are randomised (OpenSSL 3.0 has no RFC 6979),
/// so what it signs differs from run to run; the key, its files and its ids do not.
inline const smart::signing_key& fixed_key() {
    static const smart::signing_key key = [] {
        smart::signing_key k;
        k.algorithm = smart::key_algorithm::es256;
        k.secret_bytes = {0xb2, 0x81, 0xd2, 0x82, 0x8f, 0x24, 0x19, 0xd7, 0xd9, 0x36, 0x8c, 0xf3, 0x37, 0x74, 0x23, 0x70,
                          0xb1, 0xbf, 0xe0, 0xd6, 0xef, 0x44, 0x07, 0x77, 0x63, 0xa9, 0x9e, 0x94, 0xfb, 0x88, 0xce, 0x89};
        k.public_bytes = {0x58, 0x36, 0x31, 0x7d, 0x7c, 0x45, 0x9c, 0x85, 0x94, 0x7a, 0x45, 0x2a, 0x00, 0x2e, 0xd8, 0x05,
                          0x4c, 0x9b, 0x2b, 0xf5, 0xb7, 0x7c, 0x73, 0x3c, 0x83, 0x73, 0x97, 0x51, 0x7e, 0x8b, 0xc2, 0xf6,
                          0x37, 0x19, 0x7b, 0xb0, 0x4e, 0x3f, 0xab, 0x12, 0xe6, 0x80, 0x47, 0x14, 0xfc, 0x48, 0xdf, 0x1b,
                          0x73, 0xfb, 0xbf, 0xf1, 0xc4, 0xb4, 0x80, 0x25, 0xa9, 0x1c, 0xbc, 0xc2, 0xbb, 0xfe, 0x28, 0x33};
        k.key_id = smart::key_multibase(k.public_part());
        // through the key file and back: the loader checks d belongs to the point and the kid
        return smart::load_signing_key(smart::save_signing_key(k));
    }();
    return key;
}

/// A fixed Ed25519 key (seeded, so runs are reproducible) in the library's key form: the
/// key of smart.signing-key/1 files, whose reading and EdDSA tokens stay supported (the
/// legacy seeds of the keys and credential harnesses).
inline const smart::signing_key& fixed_ed25519_key() {
    static const smart::signing_key key = [] {
        if (sodium_init() < 0) std::abort();
        smart::signing_key k;
        k.algorithm = smart::key_algorithm::ed25519;  // the /1 key files' kind: kept readable
        k.public_bytes.resize(crypto_sign_PUBLICKEYBYTES);
        k.secret_bytes.resize(crypto_sign_SECRETKEYBYTES);
        unsigned char seed[crypto_sign_SEEDBYTES];
        for (std::size_t i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(i * 7 + 1);
        crypto_sign_seed_keypair(k.public_bytes.data(), k.secret_bytes.data(), seed);
        unsigned char h[8];
        crypto_generichash(h, sizeof h, k.public_bytes.data(), k.public_bytes.size(), nullptr, 0);
        static constexpr char hex[] = "0123456789abcdef";
        k.key_id = "smart-";
        for (unsigned char b : h) {
            k.key_id.push_back(hex[b >> 4]);
            k.key_id.push_back(hex[b & 15]);
        }
        return k;
    }();
    return key;
}

inline const smart::issuer_profile& fixed_issuer() {
    static const smart::issuer_profile issuer{"https://example.org/fuzz", "Fuzz kommune", ""};
    return issuer;
}

/// Signs the certificate data, checks the signed credential verifies with the key (and
/// not with another), and renders its wording in every language.
inline void sign_and_verify(const smart::certificate_data& d) {
    const smart::date issued = d.period_end;
    const smart::certificate_record r =
        smart::sign_certificate(d, fixed_issuer(), fixed_key(), issued, smart::lang::nn);
    const std::array<smart::public_key, 1> trusted{fixed_key().public_part()};
    const smart::verification_result v = smart::verify_credential(r.credential_jws, trusted);
    FZ_CHECK(v.status == smart::verification_status::valid, v.detail + "\n" + r.credential_jws);
    FZ_CHECK(v.serial == r.serial, v.serial);
    FZ_CHECK(smart::verification_code(r.credential_jws) == r.verification_code, r.verification_code);
    // one character in the middle of the signature, always a different one: the last
    // characters carry padding bits (a changed last character may decode to the same
    // bytes), and ES256 signatures are randomised, so the end of one differs run to run
    std::string tampered = r.credential_jws;
    const std::size_t at = tampered.rfind('.') + 10;
    FZ_CHECK(at < tampered.size(), tampered);
    tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
    FZ_CHECK(smart::verify_credential(tampered, trusted).status != smart::verification_status::valid, tampered);
    for (smart::lang l : {smart::lang::nb, smart::lang::nn, smart::lang::en}) (void)smart::wording(r, l);
    (void)smart::open_badge_credential(r);
}

/// Everything a loaded cohort can be asked: evaluated as of several dates, every result
/// explained in every language, the evaluation document, statistics by every grouping,
/// certificate data for eligible participants (and one signed certificate).
/// `max_explained` bounds the per-participant work, so a large cohort stays fast.
inline void exercise(const smart::cohort& c, std::size_t max_explained = 6) {
    const std::vector<smart::date> dates = evaluation_dates(c);
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const smart::date as_of = dates[i];
        // the documents and statistics are the costly part: made in the middle and after the
        // end only (every date gives the same kind of document)
        const bool documents = i == dates.size() / 2 || i + 1 == dates.size();
        const bool after = i + 1 == dates.size();
        const smart::evaluation e = smart::evaluate(c, as_of);
        FZ_CHECK(e.size() == c.size(), "");
        FZ_CHECK(e.made_from(c), "");
        FZ_CHECK(e.requirement_count() == c.programme().requirements.size(), "");
        const smart::status_counts n = e.counts();
        FZ_CHECK(n.eligible + n.not_eligible + n.in_progress + n.no_certificate + n.withdrawn == c.size(), "");
        if (documents) FZ_CHECK(!smart::evaluation_to_json(e, c).empty(), "");

        bool signed_one = false;
        for (std::size_t p = 0; p < std::min(c.size(), max_explained); ++p) {
            FZ_CHECK(e.requirements(p).size() == e.requirement_count(), "");
            for (smart::lang l : {smart::lang::nb, smart::lang::nn, smart::lang::en}) {
                for (std::size_t r = 0; r < e.requirement_count(); ++r) (void)e.explain(p, r, l);
                (void)e.missing(p, l);
                for (const smart::warning& w : e.warnings_of(p)) (void)e.describe(w, l);
                (void)smart::status_label(e.result(p).status, e.result(p).at_risk, l);
            }
            if (after && e.result(p).status == smart::overall_status::eligible) {
                try {
                    const smart::certificate_data d = smart::certificate_for(c, e, p);
                    (void)smart::certificate_data_to_json(d);
                    if (!signed_one) {
                        sign_and_verify(d);
                        signed_one = true;
                    }
                } catch (const smart::error& err) {
                    // documented: not before the programme's last day
                    FZ_CHECK(err.code() == smart::errc::not_allowed, err.what());
                    FZ_CHECK(as_of < c.last_day(), err.what());
                }
            }
        }

        if (!after) continue;
        const std::array<smart::evaluated_cohort, 1> input{smart::evaluated_cohort{&c, &e}};
        for (smart::group_by by : {smart::group_by::none, smart::group_by::municipality, smart::group_by::role,
                                   smart::group_by::sector}) {
            smart::statistics_options o;
            o.by = by;
            if (by != smart::group_by::none) o.min_cell = 3;
            const smart::statistics s = smart::compute_statistics(input, o);
            FZ_CHECK(s.cohorts.size() == 1, "");
            FZ_CHECK(s.cohorts[0].suppressed || s.cohorts[0].enrolled == c.size(), "");
            // the document has a row per counted day in every grouping: for a schedule of
            // thousands of days (linear, but seconds under the sanitizers) one grouping will do
            if (by == smart::group_by::none || c.days().size() <= 4096) (void)smart::statistics_to_json(s);
        }
    }
}

/// load → save → load gives an equal cohort and the same text; returns the loaded cohort's
/// saved text.
inline std::string cohort_round_trip(const smart::cohort& c) {
    const std::string saved = smart::save_cohort(c);
    try {
        const smart::cohort again = smart::load_cohort(saved);
        FZ_CHECK(again == c, saved);
        FZ_CHECK(smart::save_cohort(again) == saved, saved);
    } catch (const smart::error& e) {
        fail("a saved cohort does not load again", std::string(e.what()) + "\n" + saved);
    }
    return saved;
}

}  // namespace fz
