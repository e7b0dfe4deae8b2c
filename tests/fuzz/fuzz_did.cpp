// Fuzzes DID documents (smart::load_did_document: the did.json a did:web issuer publishes,
// from which a verifier takes the issuer's keys) and did:key resolution:
//  - every key a document gives is a key of its algorithm whose did:key resolves to it
//    again, and a document written for it (smart::did_document) loads back to the same key
//    named by its multibase; an ES256 key also saves and loads as a key file (JWK);
//  - the input as a did:key (smart::resolve_did_key): a key that resolves gives a did:key
//    that resolves to the same key.
// Anything else must be a smart::error of a documented code, never a crash or another
// exception.
#include "fuzz_common.hpp"

namespace {

void round_trip(const smart::public_key& k) {
    const std::string did = smart::did_key(k);
    const smart::public_key resolved = smart::resolve_did_key(did);
    FZ_CHECK(resolved.algorithm == k.algorithm && resolved.bytes == k.bytes, did);
    const std::string doc = smart::did_document(k, "did:web:example.org");
    const std::vector<smart::public_key> again = smart::load_did_document(doc);
    FZ_CHECK(again.size() == 1, doc);
    FZ_CHECK(again[0].algorithm == k.algorithm && again[0].bytes == k.bytes, doc);
    FZ_CHECK(again[0].key_id == smart::key_multibase(k), again[0].key_id);
    if (k.algorithm == smart::key_algorithm::es256) {
        smart::public_key named = k;
        named.key_id = smart::key_multibase(k);
        const std::string file = smart::save_public_key(named);
        FZ_CHECK(smart::load_public_key(file) == named, file);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fz::text(data, size);
    try {
        const std::vector<smart::public_key> keys = smart::load_did_document(input);
        FZ_CHECK(!keys.empty(), "a DID document without keys loaded");
        for (const smart::public_key& k : keys) {
            FZ_CHECK(!k.key_id.empty(), "a key without a name");
            round_trip(k);
        }
    } catch (const smart::error& e) {
        fz::check_error(e);
    }
    try {
        const smart::public_key k = smart::resolve_did_key(input);
        round_trip(k);
    } catch (const smart::error& e) {
        fz::check_error(e);
    }
    return 0;
}
