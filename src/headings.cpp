// Headings and short phrases of presentations in nb, nn and en (include/smart/headings.hpp).
#include "smart/headings.hpp"

#include <string>

#include "smart/error.hpp"
#include "wording.hpp"

namespace smart {

using detail::t;

namespace {
constexpr heading last_heading = heading::competence_goals;
}  // namespace

const char* label(heading h, lang l) noexcept {
    switch (h) {
        case heading::participant: return t(l, "deltaker", "deltakar", "participant");
        case heading::status: return t(l, "status", "status", "status");
        case heading::missing: return t(l, "mangler", "manglar", "missing");
        case heading::as_of: return t(l, "per", "per", "as of");
        case heading::warnings: return t(l, "advarsler", "åtvaringar", "warnings");
        case heading::more: return t(l, "flere", "fleire", "more");
        case heading::name: return t(l, "navn", "namn", "name");
        case heading::sessions: return t(l, "samlinger", "samlingar", "sessions");
        case heading::period: return t(l, "periode", "periode", "period");
        case heading::certificate: return t(l, "kompetansebevis", "kompetansebevis", "certificate");
        case heading::template_programme: return t(l, "(mal)", "(mal)", "(template)");
        case heading::provider: return t(l, "tilbyder", "tilbydar", "provider");
        case heading::seats: return t(l, "plasser", "plassar", "seats");
        case heading::none: return t(l, "(ingen)", "(ingen)", "(none)");
        case heading::not_dated:
            return t(l, "ikke datert ennå (hvert kull gir sine datoer)", "ikkje datert enno (kvart kull gjev sine datoar)",
                     "not yet dated (each cohort gives its dates)");
        case heading::certificate_requirements:
            return t(l, "krav til kompetansebevis", "krav til kompetansebevis", "certificate requirements");
        case heading::no_certificate:
            return t(l, "ingen: programmet gir ikke kompetansebevis", "ingen: programmet gjev ikkje kompetansebevis",
                     "none: the programme issues no certificate");
        case heading::competence_goals: return t(l, "kompetansemål", "kompetansemål", "competence goals");
    }
    return "";
}

const char* to_string(heading h) noexcept {
    switch (h) {
        case heading::participant: return "participant";
        case heading::status: return "status";
        case heading::missing: return "missing";
        case heading::as_of: return "as_of";
        case heading::warnings: return "warnings";
        case heading::more: return "more";
        case heading::name: return "name";
        case heading::sessions: return "sessions";
        case heading::period: return "period";
        case heading::certificate: return "certificate";
        case heading::template_programme: return "template_programme";
        case heading::provider: return "provider";
        case heading::seats: return "seats";
        case heading::none: return "none";
        case heading::not_dated: return "not_dated";
        case heading::certificate_requirements: return "certificate_requirements";
        case heading::no_certificate: return "no_certificate";
        case heading::competence_goals: return "competence_goals";
    }
    return "";
}

heading parse_heading(std::string_view key) {
    std::string keys;
    for (unsigned i = 0; i <= static_cast<unsigned>(last_heading); ++i) {
        const auto h = static_cast<heading>(i);
        if (key == to_string(h)) return h;
        keys += (i ? ", " : "") + std::string(to_string(h));
    }
    throw error(errc::invalid_argument, "unknown heading \"" + std::string(key) + "\": expected one of " + keys);
}

}  // namespace smart
