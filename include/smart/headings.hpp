// The words the faces print around results, in bokmål, nynorsk and English: column headings
// and section titles of the CLI's tables and the notebook's HTML. Kept in the core with every
// other text for people, so each face prints the same words in the language asked for.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "smart/text.hpp"

namespace smart {

/// A heading or short phrase of a presentation.
enum class heading : std::uint8_t {
    participant,               ///< "deltaker" / "deltakar" / "participant"
    status,                    ///< "status"
    missing,                   ///< "mangler" / "manglar" / "missing"
    as_of,                     ///< "per" / "per" / "as of"
    warnings,                  ///< "advarsler" / "åtvaringar" / "warnings"
    more,                      ///< "flere" / "fleire" / "more" ("… 12 more")
    name,                      ///< "navn" / "namn" / "name"
    sessions,                  ///< "samlinger og økter" ... / "sessions"
    period,                    ///< "periode" / "period"
    certificate,               ///< "kompetansebevis" / "certificate"
    template_programme,        ///< "(mal)" / "(template)": a programme without dates
    provider,                  ///< "tilbyder" / "tilbydar" / "provider"
    seats,                     ///< "plasser" / "plassar" / "seats"
    none,                      ///< "(ingen)" / "(none)"
    not_dated,                 ///< "ikke datert ennå (hvert kull gir sine datoer)" ...
    certificate_requirements,  ///< "krav til kompetansebevis" / "certificate requirements"
    no_certificate,            ///< "ingen: programmet gir ikke kompetansebevis" ...
    competence_goals,          ///< "kompetansemål" / "competence goals"
    participants,              ///< plural of participant: "3 deltakere"
    cohort,                    ///< "kull" / "cohort"
    cohorts,                   ///< "kull" / "cohorts"
    enrolled,                  ///< "påmeldt" / "enrolled"
    requirement,               ///< "krav" / "requirement"
    session,                   ///< "samling" / "session"
    municipality,              ///< "kommune" / "municipality"
    role,                      ///< "rolle" / "role"
    sector,                    ///< "sektor" / "sector"
    share,                     ///< "andel" / "share"
    suppressed,                ///< a cell withheld for privacy (min_cell)
    suppressed_reason,         ///< "skjult (færre deltakere enn minste cellestørrelse)" / "suppressed (fewer participants than the minimum cell size)"
    complete,                  ///< a cohort with every status decided
    completion_rate,           ///< "fullføringsgrad" / "completion rate"
    without_withdrawn,         ///< "uten trukne" / "without withdrawn"
    mean_attendance,           ///< "gjennomsnittlig oppmøte" / "mean attendance"
    through,                   ///< the funnel: met this and every requirement before
    by,                        ///< "Status etter kommune"
    groups_under,              ///< "grupper under 5 skjult"
    cohort_statistics,         ///< "Kullstatistikk" / "Cohort statistics"
    requirement_funnel,        ///< "Kravtrakt" / "Requirement funnel"
    attendance_per_day,        ///< "Oppmøte per dag" / "Attendance per day"
    counted_day,               ///< "telledag" / "counted day"
    attended_share,            ///< "møtt (til stede eller for sent), andel av påmeldte" / "attended (present or late), share of enrolled"
    no_requirements,           ///< "programmet har ingen krav til kompetansebevis" / "the programme has no certificate requirements"
    completion_trend,          ///< "Fullføring og oppmøte over kull" / "Completion and attendance across cohorts"
    cohort_year,               ///< "kull (år for første dag)" / "cohort (year of its first day)"
    certified_cumulative,      ///< "Sertifiserte per kommune, kumulativt (– skjult)" / "Certified by municipality, cumulative (– suppressed)"
    evaluated_as_of,           ///< a repr's as-of date
    not_evaluated,             ///< "ikke vurdert (gi en dato: evaluate(dato))" / "not evaluated (give a date: evaluate(date))"
};

/// The heading's words in `l`.
const char* label(heading h, lang l) noexcept;
/// The heading's key ("participant", "as_of", ...), as Python names it.
const char* to_string(heading h) noexcept;
/// The heading with this key. Throws smart::error(invalid_argument) naming the keys.
heading parse_heading(std::string_view key);

/// The heading of a table column by its one name (docs/vocabulary.md: "enrolled",
/// "completion_rate", "municipality_number", ...), or of a sheet ("sheet_cohorts", ...), in
/// `l`: the words of exported workbooks. Statuses and requirement states are the core's
/// labels of them. nullptr for a name it does not know.
const char* column_heading(std::string_view name, lang l) noexcept;
/// Every name column_heading knows, in table order (for tests and docs).
std::vector<std::string_view> column_heading_names();

}  // namespace smart
