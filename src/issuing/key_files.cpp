// Key files on disk: where the public half goes, writing new files with the right modes
// (never overwriting a key), reading a public key from either kind of key file, and the
// rule that keys stay out of the folder where documents are published.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "internal.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

namespace {

std::string shown(const std::filesystem::path& p) { return detail::quoted(p.string(), 200); }

/// Creates `path` (refusing an existing file) with `mode` whatever the umask, writes
/// `text` and flushes it to the disk.
void write_new(const std::filesystem::path& path, const std::string& text, mode_t mode) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        if (errno == EEXIST) throw error(errc::not_allowed, shown(path) + " exists: a key file is never overwritten");
        throw error(errc::internal, "cannot write the key file " + shown(path));
    }
    bool ok = ::fchmod(fd, mode) == 0;
    for (std::size_t done = 0; ok && done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ::fsync(fd) == 0 && ok;
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        throw error(errc::internal, "cannot write the key file " + shown(path));
    }
}

}  // namespace

std::filesystem::path public_key_path(const std::filesystem::path& key_file) {
    static constexpr std::string_view secret_suffix = ".key.json";
    const std::string name = key_file.filename().string();
    if (name.size() > secret_suffix.size() && name.ends_with(secret_suffix))
        return key_file.parent_path() / (name.substr(0, name.size() - secret_suffix.size()) + ".pub.json");
    return key_file.parent_path() / (name + ".pub.json");
}

std::filesystem::path save_signing_key_file(const signing_key& k, const std::filesystem::path& key_file) {
    const std::filesystem::path pub = public_key_path(key_file);
    std::error_code ec;
    if (std::filesystem::exists(pub, ec) || std::filesystem::exists(key_file, ec))
        throw error(errc::not_allowed, shown(std::filesystem::exists(key_file, ec) ? key_file : pub) +
                                           " exists: a key file is never overwritten");
    write_new(key_file, save_signing_key(k), 0600);
    try {
        write_new(pub, save_public_key(k.public_part()), 0644);
    } catch (...) {
        ::unlink(key_file.c_str());  // all or nothing: no secret without its public half
        throw;
    }
    return pub;
}

void save_public_key_file(const public_key& k, const std::filesystem::path& file) {
    write_new(file, save_public_key(k), 0644);
}

public_key load_public_key_file(const std::filesystem::path& file) {
    constexpr std::size_t limit = 1 << 20;  // a key file is a few hundred bytes: read no more of anything
    std::ifstream in(file, std::ios::binary);
    if (!in || std::filesystem::is_directory(file)) throw error(errc::not_found, "cannot open the key file " + shown(file));
    std::string text(limit + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > limit)
        throw error(errc::validation_error,
                    "key file " + shown(file) + ": more than " + std::to_string(limit) + " bytes, not a key file");
    if (const std::size_t at = detail::utf8_error_offset(text); at != std::string::npos)
        throw error(errc::parse_error, "key file " + shown(file) + ": not UTF-8 (byte " + std::to_string(at) + ")");
    try {
        const detail::ojson o = detail::parse_json(text, "key file");
        if (o.is_object() && (o.contains("d") || o.contains("secret") ||
                              detail::string_member(o, "format").starts_with("smart.signing-key/")))
            throw error(errc::validation_error, "this is a secret key; give the public key file (" +
                                                    shown(public_key_path(file)) +
                                                    " beside it, as smart keygen wrote it): a verifier never needs the "
                                                    "secret, keep it private");
        return load_public_key(text);
    } catch (const error& e) {
        // never echo key material: the messages name places, not values
        throw error(e.code(), "key file " + shown(file) + ": " + e.message(), e.pointer());
    }
}

void check_key_outside(const std::filesystem::path& key_file, const std::filesystem::path& folder) {
    std::error_code ec;
    const auto key = std::filesystem::weakly_canonical(std::filesystem::absolute(key_file), ec);
    auto dir = std::filesystem::weakly_canonical(std::filesystem::absolute(folder), ec);
    if (dir.filename().empty()) dir = dir.parent_path();  // "out/": the folder itself
    const auto [d, k] = std::mismatch(dir.begin(), dir.end(), key.begin(), key.end());
    if (d == dir.end())
        throw error(errc::invalid_argument, "the key file " + key_file.string() + " is inside the output folder " +
                                                folder.string() + ": keep keys elsewhere");
}

}  // namespace smart
