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

site_status read_site_status(std::string_view json) {
    const ojson o = parse_json(json, "status.json");
    if (!o.is_object()) throw error(errc::validation_error, "expected an object", "");
    site_status st;
    const std::string& status = member_string(o, "status", "");
    if (status == "valid") st.status = record_status::valid;
    else if (status == "revoked") st.status = record_status::revoked;
    else if (status == "replaced") st.status = record_status::replaced;
    else throw error(errc::validation_error, "expected \"valid\", \"revoked\" or \"replaced\", found " + detail::quoted(status), "/status");
    const auto day = [&](const char* key) {
        try {
            return parse_date(member_string(o, key, ""));
        } catch (const error& e) {
            if (e.code() == errc::validation_error) throw;
            throw error(errc::validation_error, "expected a date YYYY-MM-DD", std::string("/") + key);
        }
    };
    st.published_on = day("published_on");
    if (st.status == record_status::revoked) st.revoked_on = day("revoked_on");
    st.revoked_reason = string_member(o, "revoked_reason");
    st.replaced_by = string_member(o, "replaced_by");
    return st;
}

std::string site_status_json(const certificate_record& r, date published_on) {
    ojson o;
    o["serial"] = r.serial;
    o["status"] = to_string(r.status);
    o["revoked_on"] = r.revoked_on.is_special() ? ojson() : ojson(to_iso(r.revoked_on));
    o["revoked_reason"] = r.revoked_reason;
    o["replaced_by"] = r.replaced_by;
    o["published_on"] = to_iso(published_on);
    return o.dump(2, ' ', false) + "\n";
}

verification_result verify_site_certificate(std::string_view jws, std::string_view serial, std::string_view code,
                                            std::span<const public_key> trusted, std::string_view status_list_jws,
                                            const site_status* stated) {
    verification_result v = verify_credential(jws, trusted, nullptr, status_list_jws);
    const auto trimmed = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
        return s;
    };
    if ((!v.serial.empty() && !same_serial(v.serial, trimmed(serial))) || code_key(verification_code(jws)) != code_key(code))
        throw error(errc::not_allowed, "the token published for " + detail::quoted(trimmed(serial)) + " is not that certificate's");
    if (stated && stated->status != record_status::valid &&
        (v.status == verification_status::valid || v.status == verification_status::revoked)) {
        v.status = stated->status == record_status::revoked ? verification_status::revoked : verification_status::replaced;
        v.revoked_on = stated->revoked_on;
        v.revoked_reason = stated->revoked_reason;
        v.replaced_by = stated->replaced_by;
    }
    return v;
}

std::string site_status_source(bool status_list, const site_status* stated, lang l) {
    std::string out;
    if (status_list)
        out += t(l, "Status fra nettstedet: utstederens signerte liste over tilbaketrukne bevis (status/revocation.jwt)\n",
                 "Status frå nettstaden: den signerte lista til utferdaren over tilbaketrekte prov (status/revocation.jwt)\n",
                 "Status from the site: the issuer's signed revocation list (status/revocation.jwt)\n");
    if (stated)
        out += std::string(t(l, "Status fra nettstedet: slik utstederens register oppga den ",
                             "Status frå nettstaden: slik registeret til utferdaren oppgav han ",
                             "Status from the site: as the issuer's register stated it on ")) +
               day_text(stated->published_on, l) + "\n";
    else if (!status_list)
        out += t(l, "Status fra nettstedet: ingen oppgitt (bare signaturen)\n",
                 "Status frå nettstaden: ingen oppgitt (berre signaturen)\n",
                 "Status from the site: none stated (signature only)\n");
    return out;
}

}  // namespace smart
