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
/// A kind of requirement as a short name: "oppmøte" / "oppmøte" / "attendance", "notater" /
/// "notat" / "notes", "avsluttende tekst" / "avsluttande tekst" / "final text", "festival".
const char* label(requirement_kind k, lang l) noexcept;
/// A requirement's short name in `l` for headers and legends: its kind's name (label
/// above), unique since a programme has at most one requirement of each kind. The
/// programme's own label is a sentence ("80 % deltagelse") and may lack a translation, so
/// it is not used: never another language's words, never the raw id. Thread safety: may be
/// called concurrently.
std::string short_label(const requirement& r, lang l);
/// A session's short name by its kind and its place among the sessions of that kind
/// (from 1): "2. samling" / "2. samling" / "gathering 2", "festival", "oppstart" /
/// "kick-off", "3. økt" / "3. økt" / "session 3".
std::string session_name(session_kind k, std::size_t ordinal, lang l);

}  // namespace smart
