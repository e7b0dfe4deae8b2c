// What a certificate (kompetansebevis) attests, taken from an evaluation. Issuing —
// frozen records, serials, signatures, documents — builds on this (issue 5).
#pragma once

#include <string>
#include <vector>

#include "smart/cohort.hpp"
#include "smart/evaluation.hpp"
#include "smart/programme.hpp"
#include "smart/text.hpp"

namespace smart {

/// A requirement as it stands on a certificate: met, or exempt with the reason.
struct certified_requirement {
    std::string id;
    localized_text label;
    requirement_state state = requirement_state::met;  ///< met or exempt
    std::string exemption_reason;                       ///< when exempt
    friend bool operator==(const certified_requirement&, const certified_requirement&) = default;
};

/// Everything a certificate states about its holder. Contact data is never part of it.
struct certificate_data {
    std::string participant_id;
    std::string holder;  ///< the participant's name
    std::string programme_id;
    localized_text programme_name;
    localized_text provider;
    std::string cohort_id;
    std::string cohort_label;
    date period_start;  ///< the cohort's first session day
    date period_end;    ///< the cohort's last session day
    date as_of;         ///< the evaluation date that established eligibility
    std::vector<competence_goal> goals;
    std::vector<certified_requirement> requirements;
    friend bool operator==(const certificate_data&, const certificate_data&) = default;
};

/// The certificate data for one participant of an evaluation of `c`. Throws
/// invalid_argument when `e` was not made from `c` (or `participant` is out of range),
/// not_allowed when the participant is not eligible, the programme has no certificate,
/// or the evaluation date is before the cohort's last day.
certificate_data certificate_for(const cohort& c, const evaluation& e, std::size_t participant);

/// As a JSON object ("format": "smart.certificate-data/1", dates ISO 8601, texts nb/nn/en).
std::string certificate_data_to_json(const certificate_data& d);

}  // namespace smart
