// JSON interchange (docs/format.md, schema/): programme, cohort and evaluation documents.
// Loading is all-or-nothing: the first bad value throws smart::error with its JSON
// Pointer and what was expected, and nothing is returned.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "smart/cohort.hpp"
#include "smart/evaluation.hpp"
#include "smart/programme.hpp"
#include "smart/text.hpp"

namespace smart {

inline constexpr std::string_view programme_format = "smart.programme/1";
inline constexpr std::string_view cohort_format = "smart.cohort/1";
inline constexpr std::string_view evaluation_format = "smart.evaluation/2";

/// Parses and validates a programme document. Throws parse_error (malformed JSON, with
/// the byte offset) or validation_error (with the JSON Pointer).
programme load_programme(std::string_view json_text);
programme load_programme_file(const std::filesystem::path& path);
/// Serialises a programme document (2-space indentation).
std::string save_programme(const programme& p);
/// Writes save_programme(p) to `path` with write_file_atomic (smart/file.hpp): the file
/// holds the old document or the whole new one, never a part. Throws as write_file_atomic.
void save_programme_file(const programme& p, const std::filesystem::path& path);

/// Parses and validates a cohort document. A programme given by id is taken from the
/// built-in catalogue; an embedded one is loaded and validated in place.
cohort load_cohort(std::string_view json_text);
cohort load_cohort_file(const std::filesystem::path& path);
/// Serialises a cohort document; loading the text again gives an equal cohort.
std::string save_cohort(const cohort& c);
/// Writes save_cohort(c) to `path` with write_file_atomic (smart/file.hpp): the file holds
/// the old document or the whole new one, never a part, even when the process is killed
/// while saving. Throws as write_file_atomic. Thread-safe for concurrent const use of `c`.
void save_cohort_file(const cohort& c, const std::filesystem::path& path);

/// Parses one participant object as it appears in a cohort document of `c` (its
/// attendance placed on c's session days), for records entered one at a time. Errors name
/// their place relative to the object ("/attendance/2024-09-20", "" for the object
/// itself). The participant is not added: cohort::add_participant does that, checking
/// what depends on the cohort (municipality numbers, exemptions naming a requirement,
/// duplicate ids, capacity) with the place in the cohort document.
participant load_participant(std::string_view json_text, const cohort& c);
/// Serialises one participant of `c` as it appears in a cohort document.
std::string save_participant(const participant& p, const cohort& c);

/// The evaluation as a document: summary counts, and per participant the status, at-risk
/// flag, every requirement's state, numbers and explanation (nb, nn, en) and warnings.
/// Written from the records the evaluation owns (evaluation::cohort()), so it can be
/// written after the cohort changed.
std::string evaluation_to_json(const evaluation& e);
/// As above, checking that `c` is the cohort that was evaluated, unchanged since. Throws
/// invalid_argument otherwise.
std::string evaluation_to_json(const evaluation& e, const cohort& c);

}  // namespace smart
