// The JSON writers' pieces (internal), shared by the document writers and the
// evaluation output: members in the order the format gives them.
#pragma once

#include <nlohmann/json.hpp>

#include "smart/cohort.hpp"
#include "smart/programme.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart::json_write {

/// Documents are written from ordered_json (members in the order the format gives them).
using json = nlohmann::ordered_json;

json write_text(const localized_text& t);
json write_texts(const std::vector<localized_text>& ts);
json write_session(const session& s);
json write_requirement(const requirement& r);
json write_programme(const programme& p, bool with_format);
json write_participant(const participant& p, const cohort& c);
/// The cohort document as a tree. save_cohort streams the same text without one; the tree
/// (with dump(2)) stays as the tests' oracle for it.
json write_cohort(const cohort& c);

}  // namespace smart::json_write
