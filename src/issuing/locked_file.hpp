// An exclusive flock on an open register file, released on destruction: reads the tail,
// writes at an offset (cutting a torn line) and fsyncs. Internal to the register.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace smart::detail {

/// An exclusive flock on an open file (created when missing, with exactly the permission
/// bits `mode`, whatever the umask), released on destruction. Throws not_found when the
/// file cannot be opened, internal when it cannot be locked.
class locked_file {
public:
    explicit locked_file(const std::filesystem::path& p, unsigned mode = 0600);
    ~locked_file();
    locked_file(const locked_file&) = delete;
    locked_file& operator=(const locked_file&) = delete;

    /// The bytes from `offset` to the end of the file.
    std::string read_from(std::uint64_t offset) const;
    std::uint64_t size() const;
    /// Writes `text` at `offset`, cutting whatever follows it (a torn line: a process died
    /// while writing it), and flushes it to the disk before returning.
    void write_at(std::uint64_t offset, const std::string& text) const;

private:
    int fd_ = -1;
};

}  // namespace smart::detail
