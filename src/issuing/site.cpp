// A published verification site (smart publish): the token of a certificate's page, derived
// from its serial and verification code, and the site's words in bokmål, nynorsk and English.
#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

std::string verification_token(std::string_view serial, std::string_view code) {
    std::string s;
    for (char c : serial) s += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    if (!is_certificate_serial(s))
        throw error(errc::invalid_argument,
                    "verification_token: " + quoted(serial) + " is not a serial (SMART-IIII-XXXX-XXXX-XXXX)");
    std::string k;
    for (char c : code) {
        if (c == '-' || c == ' ') continue;
        k += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (k.empty()) throw error(errc::invalid_argument, "verification_token: the verification code is empty");
    ensure_sodium();
    const std::string input = "smart-verify:" + s + ":" + k;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(input.data()), input.size());
    // RFC 4648 base32, lowercase: 26 characters are the first 130 bits
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char byte : digest) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5 && out.size() < 26) {
            out += alphabet[(buffer >> (bits - 5)) & 31u];
            bits -= 5;
        }
        buffer &= (1u << bits) - 1u;
        if (out.size() == 26) break;
    }
    return out;
}

site_wording site_words(lang l, std::string_view issuer_name, date published_on) {
    const std::string issuer(issuer_name);
    site_wording w;
    w.site_title = t(l, "Kontroll av kompetansebevis", "Kontroll av kompetansebevis", "Certificate verification");
    w.about = std::string(t(l, "Her kan du kontrollere kompetansebevis som ", "Her kan du kontrollere kompetansebevis som ",
                            "Here you can check certificates of competence issued by ")) +
              issuer +
              t(l,
                " har utstedt. Hvert bevis har sin egen side, og adressen til den finnes bare med serienummeret og "
                "kontrollkoden som står på beviset. Denne siden inneholder ingen personopplysninger.",
                " har skrive ut. Kvart bevis har si eiga side, og adressa til henne finst berre med serienummeret og "
                "kontrollkoden som står på beviset. Denne sida inneheld ingen personopplysningar.",
                ". Each certificate has a page of its own, whose address can only be found with the serial number "
                "and verification code printed on the certificate. This page holds no personal data.");
    w.how_to_check = t(l,
                       "Skann QR-koden på beviset, eller skriv inn adressen som står under den. Siden viser hva som "
                       "er bekreftet, og om beviset fortsatt er gyldig.",
                       "Skann QR-koden på beviset, eller skriv inn adressa som står under han. Sida viser kva som er "
                       "stadfesta, og om beviset framleis er gyldig.",
                       "Scan the QR code on the certificate, or type the address printed below it. The page shows "
                       "what was certified and whether the certificate is still valid.");
    w.independent = t(l,
                      "For en uavhengig kontroll: last ned det signerte beviset og kontroller signaturen med "
                      "utstederens offentlige nøkler, for eksempel med «smart verify».",
                      "For ein uavhengig kontroll: last ned det signerte beviset og kontroller signaturen med "
                      "dei offentlege nøklane til utferdaren, til dømes med «smart verify».",
                      "For an independent check: download the signed certificate and verify its signature with "
                      "the issuer's public keys, for example with \"smart verify\".");
    w.page_title = t(l, "Kompetansebevis – kontroll", "Kompetansebevis – kontroll", "Certificate of competence – check");
    w.status_heading = "Status";
    w.status_note = std::string(t(l, "Status i utstederens register per ", "Status i registeret til utferdaren per ",
                                  "Status in the issuer's register as of ")) +
                    day_text(published_on, l) + ".";
    w.download = t(l, "Last ned det signerte beviset (Open Badges 3.0, JWT)",
                   "Last ned det signerte beviset (Open Badges 3.0, JWT)",
                   "Download the signed certificate (Open Badges 3.0, JWT)");
    w.keys = t(l, "Utstederens offentlige nøkler (JWK Set)", "Dei offentlege nøklane til utferdaren (JWK Set)",
               "The issuer's public keys (JWK Set)");
    w.status_list = t(l, "Statusliste (tilbaketrukne bevis)", "Statusliste (trekte bevis)",
                      "Status list (revoked certificates)");
    w.language = t(l, "Språk", "Språk", "Language");
    return w;
}

}  // namespace smart
