// Files the library writes (cohort and programme documents, certificate documents): each
// is replaced whole or not at all, and is on the disk when the call returns.
#pragma once

#include <filesystem>
#include <string_view>

namespace smart {

/// Replaces the file at `path` with `content`, atomically and durably: the content goes to
/// a new temporary file in the same directory (".<name>.<pid>.<unique>.tmp", created
/// exclusively), is flushed to the disk (fsync), renamed over `path`, and the directory is
/// flushed too. At every moment, and after a crash or power loss, `path` holds either its
/// old content or the complete new one, never a mix or a truncated file. A file that
/// existed keeps its permission bits; a new one gets 0666 less the umask. A symbolic link
/// at `path` is followed: the file it points to is replaced, the link stays.
///
/// Errors (smart::error naming the path and the system's reason; the old file and the
/// directory are then as they were, no temporary file is left): not_found when the
/// directory does not exist; invalid_argument when `path` is empty, names a directory or
/// is too long; out_of_memory; not_allowed for every other refusal of the system
/// (permission denied, read-only or full file system, I/O error).
///
/// Thread safety: calls on different paths are independent; concurrent calls on one path
/// each replace the file whole, and the last rename wins. A process killed during the
/// call leaves its temporary file behind (its name holds the writer's pid, so a later run
/// can tell it from a live writer's).
void write_file_atomic(const std::filesystem::path& path, std::string_view content);
/// As above, but the file gets exactly the permission bits `mode` (0..0777), new or
/// existing, before it becomes visible at `path` (certificates: 0600 unless configured).
/// Throws invalid_argument for a mode above 0777.
void write_file_atomic(const std::filesystem::path& path, std::string_view content, unsigned mode);

}  // namespace smart
