// Headings and short phrases of presentations in nb, nn and en (include/smart/headings.hpp).
#include "smart/headings.hpp"

#include <string>

#include "smart/error.hpp"
#include "smart/evaluation.hpp"
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

// --- column headings ---------------------------------------------------------------------------

namespace {
struct column_words {
    std::string_view name;
    const char *nb, *nn, *en;
};
// Statuses, requirement states and "at risk" are not here: their words are the core's labels.
constexpr column_words column_table[] = {
    {"sheet_cohorts", "Kull", "Kull", "Cohorts"},
    {"sheet_groups", "Grupper", "Grupper", "Groups"},
    {"sheet_funnel", "Krav steg for steg", "Krav steg for steg", "Funnel"},
    {"sheet_days", "Oppmøte per dag", "Oppmøte per dag", "Attendance per day"},
    {"sheet_certified", "Kvalifiserte per kommune", "Kvalifiserte per kommune", "Certified by municipality"},
    {"sheet_long", "Alle tall", "Alle tal", "All figures"},
    {"sheet_participants", "Deltakere", "Deltakarar", "Participants"},
    {"sheet_requirements", "Krav", "Krav", "Requirements"},
    {"suppressed_note", "– skjult: for få i gruppen til å vises", "– skjult: for få i gruppa til å visast", "– suppressed: too few in the group to show"},
    {"cohort", "kull", "kull", "cohort"},
    {"label", "betegnelse", "nemning", "label"},
    {"programme", "program", "program", "programme"},
    {"first_day", "første dag", "første dag", "first day"},
    {"last_day", "siste dag", "siste dag", "last day"},
    {"complete", "avsluttet", "avslutta", "complete"},
    {"suppressed", "skjult", "skjult", "suppressed"},
    {"seats", "plasser", "plassar", "seats"},
    {"enrolled", "påmeldte", "påmelde", "enrolled"},
    {"fill_rate", "fyllingsgrad", "fyllingsgrad", "fill rate"},
    {"completion_rate", "fullføringsgrad", "fullføringsgrad", "completion rate"},
    {"completion_rate_excluding_withdrawn", "fullføringsgrad uten frafalne", "fullføringsgrad utan fråfalne", "completion rate excluding withdrawn"},
    {"mean_attendance", "oppmøte, gjennomsnitt", "oppmøte, gjennomsnitt", "mean attendance"},
    {"median_attendance", "oppmøte, median", "oppmøte, median", "median attendance"},
    {"group", "gruppe", "gruppe", "group"},
    {"group_label", "gruppenavn", "gruppenamn", "group name"},
    {"requirement", "krav", "krav", "requirement"},
    {"through", "gjennom til hit", "gjennom til hit", "through to here"},
    {"date", "dato", "dato", "date"},
    {"session", "samling", "samling", "session"},
    {"session_id", "samling", "samling", "session"},
    {"past", "passert", "passert", "past"},
    {"attended", "til stede", "til stades", "attended"},
    {"excused", "gyldig fravær", "gyldig fråvær", "excused"},
    {"absent", "fravær", "fråvær", "absent"},
    {"attended_rate", "andel til stede", "del til stades", "attendance rate"},
    {"municipality_number", "kommunenummer", "kommunenummer", "municipality number"},
    {"municipality_name", "kommune", "kommune", "municipality"},
    {"certified", "kvalifiserte", "kvalifiserte", "certified"},
    {"cumulative", "kvalifiserte, samlet", "kvalifiserte, samla", "certified, cumulative"},
    {"certified_suppressed", "skjult", "skjult", "suppressed"},
    {"cumulative_suppressed", "skjult, samlet", "skjult, samla", "suppressed, cumulative"},
    {"measure", "måltall", "måltal", "measure"},
    {"count", "antall", "tal", "count"},
    {"of", "av", "av", "of"},
    {"ratio", "andel", "del", "share"},
    {"participant_id", "deltaker-ID", "deltakar-ID", "participant id"},
    {"name", "navn", "namn", "name"},
    {"role", "rolle", "rolle", "role"},
    {"sector", "sektor", "sektor", "sector"},
    {"status", "status", "status", "status"},
    {"warnings", "advarsler", "åtvaringar", "warnings"},
    {"requirement_id", "krav", "krav", "requirement"},
    {"kind", "type", "type", "kind"},
    {"state", "tilstand", "tilstand", "state"},
    {"counted_days", "tellende dager", "teljande dagar", "counted days"},
    {"required_days", "dager som kreves", "dagar som trengst", "required days"},
    {"past_days", "dager hittil", "dagar hittil", "past days"},
    {"remaining_days", "dager igjen", "dagar att", "remaining days"},
    {"unrecorded_days", "dager uten registrering", "dagar utan registrering", "unrecorded days"},
    {"intervals", "mellomperioder", "mellomperiodar", "intervals"},
    {"intervals_met", "mellomperioder oppfylt", "mellomperiodar oppfylte", "intervals met"},
    {"missing_intervals", "mellomperioder som mangler", "mellomperiodar som manglar", "missing intervals"},
    {"open_intervals", "åpne mellomperioder", "opne mellomperiodar", "open intervals"},
    {"portfolio_approved", "mappe godkjent", "mappe godkjend", "portfolio approved"},
    {"portfolio_deadline", "frist for mappe", "frist for mappe", "portfolio deadline"},
    {"awaiting_approval", "venter på godkjenning", "ventar på godkjenning", "awaiting approval"},
    {"pages", "sider", "sider", "pages"},
    {"deadline", "frist", "frist", "deadline"},
    {"festival_role", "festivalrolle", "festivalrolle", "festival role"},
    {"festival_day", "festivaldag", "festivaldag", "festival day"},
    {"explanation", "forklaring", "forklaring", "explanation"},
};
}  // namespace

const char* column_heading(std::string_view name, lang l) noexcept {
    for (std::size_t s = 0; s < 5; ++s) {
        const auto st = static_cast<overall_status>(s);
        if (name == to_string(st)) return label(st, l);
    }
    for (std::size_t s = 0; s < 4; ++s) {
        const auto st = static_cast<requirement_state>(s);
        if (name == to_string(st)) return label(st, l);
    }
    if (name == "at_risk") return at_risk_label(l);
    for (const auto& w : column_table)
        if (w.name == name) return t(l, w.nb, w.nn, w.en);
    return nullptr;
}

std::vector<std::string_view> column_heading_names() {
    std::vector<std::string_view> out;
    for (std::size_t s = 0; s < 5; ++s) out.emplace_back(to_string(static_cast<overall_status>(s)));
    for (std::size_t s = 0; s < 4; ++s) out.emplace_back(to_string(static_cast<requirement_state>(s)));
    out.emplace_back("at_risk");
    for (const auto& w : column_table) out.push_back(w.name);
    return out;
}

}  // namespace smart
