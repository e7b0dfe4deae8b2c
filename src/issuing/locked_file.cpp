// The register's file lock (flock) and its reads and durable writes (POSIX).
#include "locked_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

#include "smart/error.hpp"

namespace smart::detail {

locked_file::locked_file(const std::filesystem::path& p, unsigned mode) {
    fd_ = ::open(p.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd_ >= 0) {
        ::fchmod(fd_, static_cast<mode_t>(mode));  // a new register: exactly `mode`, not less the umask
    } else {
        fd_ = ::open(p.c_str(), O_RDWR | O_CLOEXEC);
    }
    if (fd_ < 0) throw error(errc::not_found, "cannot open the register \"" + p.string() + "\"");
    if (::flock(fd_, LOCK_EX) != 0) {
        ::close(fd_);
        throw error(errc::internal, "cannot lock the register \"" + p.string() + "\"");
    }
}

locked_file::~locked_file() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

std::string locked_file::read_from(std::uint64_t offset) const {
    std::string out;
    char buf[65536];
    ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET);
    for (;;) {
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n < 0) throw error(errc::internal, "cannot read the register");
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

std::uint64_t locked_file::size() const {
    const off_t end = ::lseek(fd_, 0, SEEK_END);
    if (end < 0) throw error(errc::internal, "cannot read the register");
    return static_cast<std::uint64_t>(end);
}

void locked_file::write_at(std::uint64_t offset, const std::string& text) const {
    if (size() != offset && ::ftruncate(fd_, static_cast<off_t>(offset)) != 0)
        throw error(errc::internal, "cannot repair the register");
    ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
        if (n < 0) throw error(errc::internal, "cannot write the register");
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd_) != 0) throw error(errc::internal, "cannot flush the register to disk");
}

}  // namespace smart::detail
