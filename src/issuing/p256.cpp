// ECDSA over P-256 with SHA-256 (JOSE ES256) with OpenSSL 3: generating keys, checking
// points and key pairs, decompressing points, signing and verifying. JWS carries the
// signature as r || s (32 bytes each), not DER: converted here.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <cstring>
#include <memory>

#include "internal.hpp"
#include "smart/error.hpp"

namespace smart::detail::p256 {

namespace {

struct pkey_free { void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); } };
struct ctx_free { void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); } };
struct md_free { void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); } };
struct bld_free { void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); } };
struct params_free { void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); } };
struct bn_free { void operator()(BIGNUM* p) const { BN_clear_free(p); } };
struct sig_free { void operator()(ECDSA_SIG* p) const { ECDSA_SIG_free(p); } };
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free>;
using ctx_ptr = std::unique_ptr<EVP_PKEY_CTX, ctx_free>;
using bn_ptr = std::unique_ptr<BIGNUM, bn_free>;

[[noreturn]] void fail(const char* what) { throw error(errc::internal, std::string("OpenSSL: ") + what); }

/// An EVP_PKEY from an encoded point (65 bytes uncompressed or 33 compressed) and, when
/// given, the 32-byte scalar. Null when OpenSSL refuses the point (not on the curve).
pkey_ptr make_key(const unsigned char* point, std::size_t point_size, const unsigned char* d) {
    std::unique_ptr<OSSL_PARAM_BLD, bld_free> bld(OSSL_PARAM_BLD_new());
    if (!bld) fail("out of memory");
    bn_ptr priv(d ? BN_bin2bn(d, 32, nullptr) : nullptr);
    if (!OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) ||
        !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point, point_size) ||
        (d && (!priv || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv.get()))))
        fail("cannot build key parameters");
    std::unique_ptr<OSSL_PARAM, params_free> params(OSSL_PARAM_BLD_to_param(bld.get()));
    ctx_ptr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0) fail("cannot make a key context");
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) return {};
    return pkey_ptr(raw);
}

pkey_ptr key_of(const unsigned char* xy, const unsigned char* d) {
    unsigned char point[65];
    point[0] = 0x04;
    std::memcpy(point + 1, xy, 64);
    return make_key(point, sizeof point, d);
}

bool public_check(EVP_PKEY* k) {
    ctx_ptr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, k, nullptr));
    return ctx && EVP_PKEY_public_check(ctx.get()) == 1;
}

void bn_out(EVP_PKEY* k, const char* name, unsigned char* out) {
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(k, name, &raw) != 1) fail("cannot read a key parameter");
    bn_ptr bn(raw);
    if (BN_bn2binpad(bn.get(), out, 32) != 32) fail("a key parameter is too long");
}

}  // namespace

void generate(std::vector<unsigned char>& xy, std::vector<unsigned char>& d) {
    pkey_ptr k(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!k) fail("cannot generate a P-256 key");
    xy.assign(64, 0);
    d.assign(32, 0);
    bn_out(k.get(), OSSL_PKEY_PARAM_EC_PUB_X, xy.data());
    bn_out(k.get(), OSSL_PKEY_PARAM_EC_PUB_Y, xy.data() + 32);
    bn_out(k.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.data());
}

bool on_curve(const unsigned char* xy) {
    pkey_ptr k = key_of(xy, nullptr);
    return k && public_check(k.get());
}

bool pair_matches(const unsigned char* xy, const unsigned char* d) {
    pkey_ptr k = key_of(xy, d);
    if (!k || !public_check(k.get())) return false;
    ctx_ptr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, k.get(), nullptr));
    return ctx && EVP_PKEY_pairwise_check(ctx.get()) == 1;
}

std::optional<std::array<unsigned char, 64>> decompress(const unsigned char* compressed) {
    if (compressed[0] != 0x02 && compressed[0] != 0x03) return std::nullopt;
    pkey_ptr k = make_key(compressed, 33, nullptr);
    if (!k || !public_check(k.get())) return std::nullopt;
    std::array<unsigned char, 64> xy{};
    bn_out(k.get(), OSSL_PKEY_PARAM_EC_PUB_X, xy.data());
    bn_out(k.get(), OSSL_PKEY_PARAM_EC_PUB_Y, xy.data() + 32);
    return xy;
}

std::array<unsigned char, 64> sign(const unsigned char* xy, const unsigned char* d, std::string_view message) {
    pkey_ptr k = key_of(xy, d);
    if (!k) fail("the signing key is not a P-256 key");
    std::unique_ptr<EVP_MD_CTX, md_free> md(EVP_MD_CTX_new());
    std::size_t len = 0;
    const auto* m = reinterpret_cast<const unsigned char*>(message.data());
    if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, k.get()) != 1 ||
        EVP_DigestSign(md.get(), nullptr, &len, m, message.size()) != 1)
        fail("cannot start signing");
    std::vector<unsigned char> der(len);
    if (EVP_DigestSign(md.get(), der.data(), &len, m, message.size()) != 1) fail("cannot sign");
    const unsigned char* p = der.data();
    std::unique_ptr<ECDSA_SIG, sig_free> sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(len)));
    if (!sig) fail("cannot read the signature");
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    std::array<unsigned char, 64> out{};
    if (BN_bn2binpad(r, out.data(), 32) != 32 || BN_bn2binpad(s, out.data() + 32, 32) != 32)
        fail("a signature part is too long");
    return out;
}

bool verify(const unsigned char* xy, std::string_view message, const unsigned char* sig64) {
    pkey_ptr k = key_of(xy, nullptr);
    if (!k) return false;
    std::unique_ptr<ECDSA_SIG, sig_free> sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(sig64, 32, nullptr);
    BIGNUM* s = BN_bin2bn(sig64 + 32, 32, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        fail("out of memory");
    }
    const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (len <= 0) return false;
    std::vector<unsigned char> der(static_cast<std::size_t>(len));
    unsigned char* p = der.data();
    i2d_ECDSA_SIG(sig.get(), &p);
    std::unique_ptr<EVP_MD_CTX, md_free> md(EVP_MD_CTX_new());
    if (!md || EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, k.get()) != 1) fail("cannot start verifying");
    return EVP_DigestVerify(md.get(), der.data(), der.size(), reinterpret_cast<const unsigned char*>(message.data()),
                            message.size()) == 1;
}

std::string pkcs8_pem(const unsigned char* xy, const unsigned char* d) {
    pkey_ptr k = key_of(xy, d);
    if (!k) fail("not a P-256 key pair");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_secmem()), &BIO_free);
    if (!bio || PEM_write_bio_PKCS8PrivateKey(bio.get(), k.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        fail("cannot write the key as PKCS#8");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

std::string spki_pem(const unsigned char* xy) {
    pkey_ptr k = key_of(xy, nullptr);
    if (!k) fail("not a P-256 public key");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), k.get()) != 1) fail("cannot write the public key as PEM");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

void wipe(std::vector<unsigned char>& secret) noexcept { OPENSSL_cleanse(secret.data(), secret.size()); }

}  // namespace smart::detail::p256
