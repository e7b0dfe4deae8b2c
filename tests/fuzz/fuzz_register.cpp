// Fuzzes the certificate register's reader (smart::certificate_register, JSON Lines of
// issued / revoked events): the input is written as a register file and opened. A
// register that opens must read the same records again (reload), find each record by its
// serial, and every record is worded in every language, turned into its Open Badges
// credential and verified against the register.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fuzz_common.hpp"

namespace {

/// The register file (in memory when /dev/shm is there), removed when the process exits.
struct temp_file {
    std::filesystem::path path;
    temp_file() {
        std::error_code ec;
        std::filesystem::path dir = "/dev/shm";
        if (!std::filesystem::is_directory(dir, ec)) dir = std::filesystem::temp_directory_path();
        path = dir / ("smart-fuzz-register-" + std::to_string(static_cast<long>(::getpid())) + ".jsonl");
    }
    ~temp_file() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
};

const std::filesystem::path& file() {
    static const temp_file f;
    return f.path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(file(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    std::optional<smart::certificate_register> reg;
    try {
        reg.emplace(file());
    } catch (const smart::error& e) {
        fz::check_error(e);
        return 0;
    }
    const std::vector<smart::certificate_record> records = reg->records();
    reg->reload();
    FZ_CHECK(reg->records() == records, "reload read other records");

    // the fixed key of now (ES256) and the Ed25519 one of the registers from before issue 12
    const std::array<smart::public_key, 2> trusted{fz::fixed_key().public_part(), fz::fixed_ed25519_key().public_part()};
    for (const smart::certificate_record& r : records) {
        const smart::certificate_record* found = reg->find(r.serial);
        FZ_CHECK(found != nullptr, r.serial);
        for (smart::lang l : {smart::lang::nb, smart::lang::nn, smart::lang::en}) (void)smart::wording(r, l);
        (void)smart::open_badge_credential(r);
        (void)smart::certificate_data_to_json(r.data);
        (void)smart::verify_credential(r.credential_jws, trusted, &*reg);
        (void)reg->find_valid(r.data.programme_id, r.data.cohort_id, r.data.participant_id);
    }
    return 0;
}
