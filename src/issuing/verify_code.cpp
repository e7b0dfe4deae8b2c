// The check with what is printed on a certificate (serial and verification code, against
// the register) and the verdict in words for people (nb, nn, en).
#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

namespace {

/// The code as people may type it: letter case and dashes aside.
std::string code_key(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == '-' || c == ' ') continue;
        out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

std::string replacement_text(const verification_result& v, lang l) {
    if (v.replaced_by.empty()) return "";
    return std::string(t(l, " Erstattet av ", " Erstatta av ", " Replaced by ")) + v.replaced_by + ".";
}

}  // namespace

std::string verification_text(const verification_result& v, lang l) {
    switch (v.status) {
        case verification_status::valid:
            return t(l, "Gyldig: signaturen stemmer, og beviset er ikke trukket tilbake.",
                     "Gyldig: signaturen stemmer, og beviset er ikkje trekt tilbake.",
                     "Valid: the signature holds and the certificate is not revoked.");
        case verification_status::revoked:
            if (v.revoked_on.is_special())  // known from the issuer's public status list, which says no more
                return t(l, "Trukket tilbake: utstederens offentlige liste over tilbaketrukne bevis sier det.",
                         "Trekt tilbake: den offentlege lista til utferdaren over tilbaketrekte prov seier det.",
                         "Revoked: the issuer's public revocation list says so.");
            return std::string(t(l, "Trukket tilbake ", "Trekt tilbake ", "Revoked on ")) +
                   day_text(v.revoked_on, l) + ": " + v.revoked_reason + "." + replacement_text(v, l);
        case verification_status::replaced:
            return std::string(t(l, "Ikke lenger gyldig: rettet.", "Ikkje lenger gyldig: retta.",
                                 "No longer valid: corrected.")) +
                   replacement_text(v, l);
        case verification_status::tampered:
            return t(l, "Ikke ekte: innholdet stemmer ikke med det utstederen signerte.",
                     "Ikkje ekte: innhaldet stemmer ikkje med det utferdaren signerte.",
                     "Not genuine: the content differs from what the issuer signed.");
        case verification_status::unknown_key:
            return t(l, "Ukjent utsteder: signert med en nøkkel som ikke er blant de godkjente.",
                     "Ukjend utferdar: signert med ein nøkkel som ikkje er mellom dei godkjende.",
                     "Unknown issuer: signed with a key that is not among the trusted ones.");
        case verification_status::unsigned_document:
            return t(l, "Ikke signert: PDF-en er ikke signert, så det den viser, kan ikke bekreftes.",
                     "Ikkje signert: PDF-en er ikkje signert, så det han viser, kan ikkje stadfestast.",
                     "Not signed: the PDF is not signed, so what it shows cannot be confirmed.");
    }
    return "";
}

verification_result verify_serial_code(const certificate_register& reg, std::string_view serial,
                                       std::string_view code, std::span<const public_key> trusted) {
    const certificate_record* r = reg.find(serial);
    if (!r)
        throw error(errc::not_found, "no certificate with serial " + detail::quoted(serial) + " in the register");
    // the code derived from the signed token, not the stored copy of it
    std::string derived;
    try {
        derived = verification_code(r->credential_jws);
    } catch (const error&) {
        derived.clear();
    }
    if (derived.empty() || code_key(code) != code_key(derived))
        throw error(errc::not_allowed, "the code " + detail::quoted(code) + " is not the verification code of " +
                                           r->serial + ": check both against the certificate");
    return verify_credential(r->credential_jws, trusted, &reg);
}

}  // namespace smart
