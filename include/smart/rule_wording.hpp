// Certificate rules as people read them, in bokmål, nynorsk and English: the one source of
// the wording every face prints (the CLI's `catalog show`, C, Python).
#pragma once

#include <string>

#include "smart/programme.hpp"
#include "smart/schedule.hpp"
#include "smart/text.hpp"

namespace smart {

/// A requirement's rule as a sentence in `l`, with its parameters, e.g.
/// "Oppmøte minst 4/5 av dagene på samlinger (til stede teller 1, for sent 1, gyldig
/// fravær 0)" / "Attendance on at least 4/5 of the days of gatherings (present counts 1,
/// late 1, excused 0)". Thread safety: may be called concurrently.
std::string describe(const requirement& r, lang l);

/// A festival role as a person reads it: "verkstedbidrag" / "verkstadbidrag" / "workshop"
/// ("" for none).
const char* label(festival_role r, lang l) noexcept;
/// A kind of submission: "refleksjonsnotat" / "reflection note", ...
const char* label(submission_kind k, lang l) noexcept;
/// A final text's category: "metode" / "method", ... ("" for none).
const char* label(final_category c, lang l) noexcept;
/// A kind of session, plural as in "the days of gatherings": "samlinger" / "samlingar" /
/// "gatherings", ...
const char* label(session_kind k, lang l) noexcept;

}  // namespace smart
