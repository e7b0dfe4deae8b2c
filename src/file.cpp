// Files the library writes: whole or not at all, on the disk when the call returns
// (temporary file, fsync, rename, fsync of the directory). POSIX, as the register's
// locking in issuing.cpp.
#include "smart/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <random>
#include <string>
#include <system_error>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/json.hpp"

namespace smart {

namespace fs = std::filesystem;

namespace {

/// The library's code for a refusal of the system (smart/file.hpp lists them).
errc code_of(int err) noexcept {
    switch (err) {
        case ENOENT:
        case ENOTDIR: return errc::not_found;
        case EISDIR:
        case ENAMETOOLONG:
        case EINVAL: return errc::invalid_argument;
        case ENOMEM: return errc::out_of_memory;
        default: return errc::not_allowed;
    }
}

[[noreturn]] void fail(int err, const char* doing, const fs::path& path) {
    // std::generic_category().message is strerror without its thread-safety problem
    throw error(code_of(err), std::string("cannot ") + doing + " " + detail::quoted(path.native(), 200) + ": " +
                                  std::generic_category().message(err));
}

/// A name no other writer uses: the pid (a later run can tell a dead writer's leftover),
/// a per-process counter and a random part (another host writing into a shared folder).
std::string temporary_name(const std::string& name) {
    static std::atomic<unsigned long> counter{0};
    thread_local std::mt19937_64 random{std::random_device{}()};
    return "." + name + "." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1)) + "-" +
           std::to_string(random() % 1000000000u) + ".tmp";
}

/// A new temporary file, removed again unless committed.
class temporary_file {
public:
    temporary_file(const fs::path& dir, const std::string& name, mode_t mode) {
        for (int attempt = 0; attempt < 100; ++attempt) {
            path_ = dir / temporary_name(name);
            fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
            if (fd_ >= 0 || errno != EEXIST) break;
        }
        if (fd_ < 0) fail(errno, "create a temporary file in", dir);
    }
    ~temporary_file() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(path_.c_str());
    }
    temporary_file(const temporary_file&) = delete;
    temporary_file& operator=(const temporary_file&) = delete;

    int fd() const noexcept { return fd_; }
    const fs::path& path() const noexcept { return path_; }
    void write_all(std::string_view content) const {
        while (!content.empty()) {
            const ssize_t n = ::write(fd_, content.data(), content.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                fail(errno, "write", path_);
            }
            content.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    /// Flushes and closes the file (Linux: close is not retried after EINTR).
    void finish() {
        if (::fsync(fd_) != 0) fail(errno, "flush to the disk", path_);
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0 && errno != EINTR) fail(errno, "close", path_);
    }
    void commit() noexcept { committed_ = true; }

private:
    fs::path path_;
    int fd_ = -1;
    bool committed_ = false;
};

/// Flushes a directory's entries (the rename) to the disk. File systems that cannot
/// flush a directory say so with EINVAL: there is nothing more to do on them.
void flush_directory(const fs::path& dir, const fs::path& written) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(errno, "open the directory of", written);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL && err != ENOTSUP)
        throw error(code_of(err), detail::quoted(written.native(), 200) +
                                      " was replaced, but its directory could not be flushed to the disk: " +
                                      std::generic_category().message(err));
}

}  // namespace

namespace {

void write_atomic_with(const fs::path& path, std::string_view content, int mode);

}  // namespace

void write_file_atomic(const fs::path& path, std::string_view content) { write_atomic_with(path, content, -1); }

void write_file_atomic(const fs::path& path, std::string_view content, unsigned mode) {
    if (mode > 0777)
        throw error(errc::invalid_argument, "a file mode is permission bits 0..0777, not " + std::to_string(mode));
    write_atomic_with(path, content, static_cast<int>(mode));
}

namespace {

/// write_file_atomic; `mode` -1: a new file 0666 less the umask, an existing one its bits.
void write_atomic_with(const fs::path& path, std::string_view content, int mode) {
    if (path.empty()) throw error(errc::invalid_argument, "cannot write a file: the path is empty");
    fs::path target = path;
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        std::error_code ec;
        fs::path resolved = fs::weakly_canonical(target, ec);
        if (!ec) target = std::move(resolved);
    }
    if (!target.has_filename()) fail(EISDIR, "write", target);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // A new file gets 0666 less the umask (open applies it); an existing one keeps its
    // bits, and the temporary file is private until it has them.
    mode_t create_mode = 0666;
    bool keep_mode = false;
    if (::stat(target.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) fail(EISDIR, "write", target);
        create_mode = 0600;
        keep_mode = true;
    }
    if (mode >= 0) {
        create_mode = 0600;
        keep_mode = false;
    }
    temporary_file tmp(dir, target.filename().native(), create_mode);
    if (keep_mode && ::fchmod(tmp.fd(), st.st_mode & 07777) != 0) fail(errno, "set the permissions of", tmp.path());
    if (mode >= 0 && ::fchmod(tmp.fd(), static_cast<mode_t>(mode)) != 0) fail(errno, "set the permissions of", tmp.path());
    tmp.write_all(content);
    tmp.finish();
    if (::rename(tmp.path().c_str(), target.c_str()) != 0) fail(errno, "replace", target);
    tmp.commit();
    flush_directory(dir, target);
}

}  // namespace

// The documents as files: what save_cohort/save_programme write, replaced atomically.
void save_cohort_file(const cohort& c, const fs::path& path) { write_file_atomic(path, save_cohort(c)); }
void save_programme_file(const programme& p, const fs::path& path) { write_file_atomic(path, save_programme(p)); }

}  // namespace smart
