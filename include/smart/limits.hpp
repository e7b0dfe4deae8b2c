// The limits of the library's inputs. Each is checked before work proportional to it is
// done, so no document or call can make the library slow, deep or large beyond them; a
// value past its limit is a smart::error naming its place (docs/errors.md lists them).
#pragma once

#include <cstddef>
#include <cstdint>

namespace smart::limits {

/// Size of a document (programme, cohort, participant, key, register line) in bytes.
/// A file is measured before it is read.
inline constexpr std::size_t document_bytes = 256u * 1024u * 1024u;
/// Nesting of arrays and objects in a document. The formats need at most 8.
inline constexpr std::size_t depth = 32;
/// Members of one JSON object (an attendance object has one per session day).
inline constexpr std::size_t object_members = 65536;
/// Elements of one JSON array, except the participants of a cohort.
inline constexpr std::size_t array_elements = 65536;
/// Participants of one cohort (the largest capacity too).
inline constexpr std::size_t participants = 1000000;
/// Bytes of one string value in a document, checked as the document is read (a string of
/// text_chars characters never exceeds it).
inline constexpr std::size_t string_bytes = 65536;
/// Characters (Unicode code points) of one free text: a description, a title, a reason.
inline constexpr std::size_t text_chars = 16384;
/// Bytes of one object key.
inline constexpr std::size_t key_bytes = 1024;
/// Characters of an id, a name, a role, a municipality name (one line of text each).
inline constexpr std::size_t name_chars = 256;
/// Sessions of one schedule, and session days of one cohort.
inline constexpr std::size_t sessions = 65535;
inline constexpr std::size_t days = 65535;
/// Gatherings of a schedule under a notes requirement (64 intervals between them).
inline constexpr std::size_t gatherings_with_notes = 65;
/// Submissions and exemptions of one participant.
inline constexpr std::size_t submissions = 10000;
inline constexpr std::size_t exemptions = 64;
/// Pages of a submission.
inline constexpr int pages = 10000;
/// First and last supported calendar year (Boost.Date_Time's range).
inline constexpr int first_year = 1400;
inline constexpr int last_year = 9999;

}  // namespace smart::limits
