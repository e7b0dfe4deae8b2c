// Files the library writes are replaced whole or not at all (issue 10): write_file_atomic
// and the document savers built on it. A failure leaves the old file as it was and no
// temporary file behind.
#include "helpers.hpp"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <set>

#include "smart/detail/utf8.hpp"
#include "smart/file.hpp"

using namespace smart;
using th::thrown_by;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

/// A fresh, empty directory for one test, removed afterwards.
struct scratch_dir {
    fs::path path;
    scratch_dir() {
        path = fs::temp_directory_path() / ("smart-file-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~scratch_dir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
    /// The names in the directory.
    std::set<std::string> names() const {
        std::set<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.insert(e.path().filename().string());
        return out;
    }
};

void write_plain(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("write_file_atomic creates a file and replaces one whole, keeping its permissions", "[file]") {
    scratch_dir dir;
    const fs::path f = dir.path / "kull.json";
    write_file_atomic(f, "first");
    CHECK(th::read_text_file(f.string()) == "first");
    ::chmod(f.c_str(), 0640);
    write_file_atomic(f, std::string(1 << 20, 'x'));
    CHECK(th::read_text_file(f.string()) == std::string(1 << 20, 'x'));
    CHECK(mode_of(f) == 0640);
    write_file_atomic(f, "");
    CHECK(th::read_text_file(f.string()).empty());
    CHECK(dir.names() == std::set<std::string>{"kull.json"});  // no temporary file left
}

TEST_CASE("write_file_atomic with a mode gives new and existing files exactly those bits", "[file]") {
    scratch_dir dir;
    const fs::path f = dir.path / "SMART-0000.pdf";
    const mode_t old_mask = ::umask(0);
    write_file_atomic(f, "first", 0600);
    CHECK(mode_of(f) == 0600);
    ::chmod(f.c_str(), 0644);
    write_file_atomic(f, "second", 0640);
    ::umask(old_mask);
    CHECK(mode_of(f) == 0640);
    CHECK(th::read_text_file(f.string()) == "second");
    CHECK_THROWS_AS(write_file_atomic(f, "third", 01000), error);
    CHECK(th::read_text_file(f.string()) == "second");
    CHECK(dir.names() == std::set<std::string>{"SMART-0000.pdf"});
}

TEST_CASE("write_file_atomic follows a symbolic link and replaces the file it points to", "[file]") {
    scratch_dir dir;
    fs::create_directory(dir.path / "real");
    write_plain(dir.path / "real" / "kull.json", "old");
    fs::create_symlink("real/kull.json", dir.path / "link.json");
    write_file_atomic(dir.path / "link.json", "new");
    CHECK(fs::is_symlink(dir.path / "link.json"));
    CHECK(th::read_text_file((dir.path / "real" / "kull.json").string()) == "new");
}

TEST_CASE("a path that names a directory is refused, and nothing is written", "[file][errors]") {
    scratch_dir dir;
    fs::create_directory(dir.path / "sub");
    const std::set<std::string> before = dir.names();
    for (const fs::path& p : {dir.path / "sub", dir.path / "sub" / ""}) {
        INFO(p.string());
        const error e = thrown_by([&] { write_file_atomic(p, "x"); });
        CHECK(e.code() == errc::invalid_argument);
        CHECK_THAT(e.message(), Contains("sub"));
    }
    CHECK(dir.names() == before);
    CHECK(fs::is_empty(dir.path / "sub"));
    CHECK(thrown_by([] { write_file_atomic("", "x"); }).code() == errc::invalid_argument);
}

TEST_CASE("a missing directory is not_found, naming the path and the reason", "[file][errors]") {
    scratch_dir dir;
    const error e = thrown_by([&] { write_file_atomic(dir.path / "no-such-dir" / "kull.json", "x"); });
    CHECK(e.code() == errc::not_found);
    CHECK_THAT(e.message(), Contains("no-such-dir"));
    CHECK_THAT(e.message(), Contains("No such file or directory"));
    CHECK(dir.names().empty());
}

TEST_CASE("a path that is not UTF-8 is written, and quoted safely in messages", "[file][text]") {
    scratch_dir dir;
    write_file_atomic(dir.path / "T\xf8nsberg.json", "x");
    CHECK(dir.names() == std::set<std::string>{"T\xf8nsberg.json"});
    const error e = thrown_by([&] { write_file_atomic(dir.path / "mangler\xff" / "x.json", "x"); });
    CHECK(detail::is_utf8(e.what()));
    CHECK_THAT(e.message(), Contains("\\xFF"));
}

TEST_CASE("a write that fails midway leaves the old file and no temporary file", "[file][errors]") {
    scratch_dir dir;
    const fs::path f = dir.path / "kull.json";
    write_plain(f, "the old document");
    // A file size limit makes the write itself fail (EFBIG) after the temporary file was
    // made, whoever runs the test (root ignores directory permissions).
    struct rlimit old_limit {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old_limit;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const error e = thrown_by([&] { write_file_atomic(f, std::string(100000, 'n')); });
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    CHECK(e.code() == errc::not_allowed);
    CHECK_THAT(e.message(), Contains("cannot write"));
    CHECK(th::read_text_file(f.string()) == "the old document");
    CHECK(dir.names() == std::set<std::string>{"kull.json"});
}

TEST_CASE("a directory that is not writable leaves the old file untouched", "[file][errors]") {
    if (::geteuid() == 0) {
        WARN("running as root: directory permissions are not enforced, nothing to check");
        return;
    }
    scratch_dir dir;
    const fs::path f = dir.path / "kull.json";
    write_plain(f, "the old document");
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    const error e = thrown_by([&] { write_file_atomic(f, "new"); });
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(e.code() == errc::not_allowed);
    CHECK_THAT(e.message(), Contains("Permission denied"));
    CHECK(th::read_text_file(f.string()) == "the old document");
    CHECK(dir.names() == std::set<std::string>{"kull.json"});
}

TEST_CASE("save_cohort_file and save_programme_file write the documents, which load back equal", "[file][json]") {
    scratch_dir dir;
    const cohort c = catalogue::demo_cohort();
    save_cohort_file(c, dir.path / "demo.json");
    CHECK(th::read_text_file((dir.path / "demo.json").string()) == save_cohort(c));
    CHECK(load_cohort_file(dir.path / "demo.json") == c);
    save_programme_file(c.programme(), dir.path / "programme.json");
    CHECK(load_programme_file(dir.path / "programme.json") == c.programme());
    CHECK(dir.names() == std::set<std::string>{"demo.json", "programme.json"});
}
