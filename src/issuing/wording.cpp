// The words of a certificate in bokmål, nynorsk and English.
#include "internal.hpp"

namespace smart {

using namespace detail;  // the issuing internals (internal.hpp)

namespace {


std::string period_text(const certificate_data& d, lang l) {
    if (l == lang::en) return to_iso(d.period_start) + " – " + to_iso(d.period_end);
    return to_norwegian(d.period_start) + "–" + to_norwegian(d.period_end);
}

}  // namespace

certificate_wording wording(const certificate_record& r) { return wording(r, r.language); }

certificate_wording wording(const certificate_record& r, lang l) {
    const certificate_data& d = r.data;
    certificate_wording w;
    w.title = t(l, "Kompetansebevis", "Kompetansebevis", "Certificate of competence");
    w.holder_line = d.holder;
    const std::string programme = d.programme_name.get(l);
    w.attests = std::string(t(l, "har gjennomført ", "har gjennomført ", "has completed ")) + programme + " (" +
                period_text(d, l) + ")" +
                t(l, " og oppfylt kravene til kompetansebevis. Etter endt utdanning skal deltakeren kunne:",
                  " og oppfylt krava til kompetansebevis. Etter enda utdanning skal deltakaren kunne:",
                  " and met the requirements for the certificate. Having completed the programme, the participant is "
                  "able to:");
    w.goals_heading = t(l, "Kompetansemål", "Kompetansemål", "Competence goals");
    for (const auto& g : d.goals) w.goals.push_back(g.text.get(l));
    w.requirements_heading = t(l, "Dokumenterte krav", "Dokumenterte krav", "Requirements documented");
    for (const auto& req : d.requirements) {
        std::string line = req.label.empty() ? req.id : req.label.get(l);
        if (req.state == requirement_state::exempt)
            line += std::string(t(l, " (fritatt: ", " (fritak: ", " (exempt: ")) + req.exemption_reason + ")";
        w.requirements.push_back(std::move(line));
    }
    // ISO in English, as on every certificate issued so far (re-rendered PDFs must not change)
    const std::string issued = l == lang::en ? to_iso(r.issued_on) : to_norwegian(r.issued_on);
    w.issued_line = std::string(t(l, "Utstedt ", "Skrive ut ", "Issued on ")) + issued + t(l, " av ", " av ", " by ") +
                    r.issuer.name;
    w.serial_line = std::string(t(l, "Serienummer ", "Serienummer ", "Serial number ")) + r.serial;
    w.code_line = std::string(t(l, "Kontrollkode ", "Kontrollkode ", "Verification code ")) + r.verification_code;
    // the page of its published verification site (smart publish); no code yet while signing
    if (!r.issuer.url.empty() && !r.verification_code.empty() && is_certificate_serial(r.serial)) {
        std::string url = r.issuer.url;
        while (!url.empty() && url.back() == '/') url.pop_back();
        url += "/c/" + verification_token(r.serial, r.verification_code) + "/";
        w.verify_hint = std::string(t(l,
                                      "Beviset er signert digitalt (Open Badges 3.0). Ekthet kan kontrolleres på ",
                                      "Beviset er signert digitalt (Open Badges 3.0). Ektheita kan kontrollerast på ",
                                      "The certificate is digitally signed (Open Badges 3.0). Its authenticity can "
                                      "be checked at ")) +
                        url;
        return w;
    }
    w.verify_hint = t(l,
                      "Beviset er signert digitalt (Open Badges 3.0). Ekthet kan kontrolleres med serienummer og "
                      "kontrollkode hos utsteder.",
                      "Beviset er signert digitalt (Open Badges 3.0). Ektheita kan kontrollerast med serienummer og "
                      "kontrollkode hos utferdaren.",
                      "The certificate is digitally signed (Open Badges 3.0). Its authenticity can be checked with the "
                      "serial number and verification code at the issuer.");
    return w;
}

}  // namespace smart
