// Headings and short phrases of presentations in nb, nn and en (include/smart/headings.hpp).
#include "smart/headings.hpp"

#include <string>

#include "smart/error.hpp"
#include "wording.hpp"

namespace smart {

using detail::t;

namespace {
constexpr heading last_heading = heading::not_evaluated;
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
        case heading::participants: return t(l, "deltakere", "deltakarar", "participants");
        case heading::cohort: return t(l, "kull", "kull", "cohort");
        case heading::cohorts: return t(l, "kull", "kull", "cohorts");
        case heading::enrolled: return t(l, "påmeldt", "påmeld", "enrolled");
        case heading::requirement: return t(l, "krav", "krav", "requirement");
        case heading::session: return t(l, "samling", "samling", "session");
        case heading::municipality: return t(l, "kommune", "kommune", "municipality");
        case heading::role: return t(l, "rolle", "rolle", "role");
        case heading::sector: return t(l, "sektor", "sektor", "sector");
        case heading::share: return t(l, "andel", "del", "share");
        case heading::suppressed: return t(l, "skjult", "skjult", "suppressed");
        case heading::suppressed_reason: return t(l, "skjult (færre deltakere enn minste cellestørrelse)", "skjult (færre deltakarar enn minste cellestorleik)", "suppressed (fewer participants than the minimum cell size)");
        case heading::complete: return t(l, "avsluttet", "avslutta", "complete");
        case heading::completion_rate: return t(l, "fullføringsgrad", "fullføringsgrad", "completion rate");
        case heading::without_withdrawn: return t(l, "uten trukne", "utan trekte", "without withdrawn");
        case heading::mean_attendance: return t(l, "gjennomsnittlig oppmøte", "gjennomsnittleg oppmøte", "mean attendance");
        case heading::through: return t(l, "gjennom", "gjennom", "through");
        case heading::by: return t(l, "etter", "etter", "by");
        case heading::groups_under: return t(l, "grupper under", "grupper under", "groups under");
        case heading::cohort_statistics: return t(l, "Kullstatistikk", "Kullstatistikk", "Cohort statistics");
        case heading::requirement_funnel: return t(l, "Kravtrakt", "Kravtrakt", "Requirement funnel");
        case heading::attendance_per_day: return t(l, "Oppmøte per dag", "Oppmøte per dag", "Attendance per day");
        case heading::counted_day: return t(l, "telledag", "teljedag", "counted day");
        case heading::attended_share: return t(l, "møtt (til stede eller for sent), andel av påmeldte", "møtt (til stades eller for seint), del av påmelde", "attended (present or late), share of enrolled");
        case heading::no_requirements: return t(l, "programmet har ingen krav til kompetansebevis", "programmet har ingen krav til kompetansebevis", "the programme has no certificate requirements");
        case heading::completion_trend: return t(l, "Fullføring og oppmøte over kull", "Fullføring og oppmøte over kull", "Completion and attendance across cohorts");
        case heading::cohort_year: return t(l, "kull (år for første dag)", "kull (år for første dag)", "cohort (year of its first day)");
        case heading::certified_cumulative: return t(l, "Sertifiserte per kommune, kumulativt (– skjult)", "Sertifiserte per kommune, kumulativt (– skjult)", "Certified by municipality, cumulative (– suppressed)");
        case heading::evaluated_as_of: return t(l, "vurdert per", "vurdert per", "evaluated as of");
        case heading::not_evaluated: return t(l, "ikke vurdert (gi en dato: evaluate(dato))", "ikkje vurdert (gje ein dato: evaluate(dato))", "not evaluated (give a date: evaluate(date))");
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
        case heading::participants: return "participants";
        case heading::cohort: return "cohort";
        case heading::cohorts: return "cohorts";
        case heading::enrolled: return "enrolled";
        case heading::requirement: return "requirement";
        case heading::session: return "session";
        case heading::municipality: return "municipality";
        case heading::role: return "role";
        case heading::sector: return "sector";
        case heading::share: return "share";
        case heading::suppressed: return "suppressed";
        case heading::suppressed_reason: return "suppressed_reason";
        case heading::complete: return "complete";
        case heading::completion_rate: return "completion_rate";
        case heading::without_withdrawn: return "without_withdrawn";
        case heading::mean_attendance: return "mean_attendance";
        case heading::through: return "through";
        case heading::by: return "by";
        case heading::groups_under: return "groups_under";
        case heading::cohort_statistics: return "cohort_statistics";
        case heading::requirement_funnel: return "requirement_funnel";
        case heading::attendance_per_day: return "attendance_per_day";
        case heading::counted_day: return "counted_day";
        case heading::attended_share: return "attended_share";
        case heading::no_requirements: return "no_requirements";
        case heading::completion_trend: return "completion_trend";
        case heading::cohort_year: return "cohort_year";
        case heading::certified_cumulative: return "certified_cumulative";
        case heading::evaluated_as_of: return "evaluated_as_of";
        case heading::not_evaluated: return "not_evaluated";
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
