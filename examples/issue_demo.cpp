// Issues certificates for the eligible participants of a cohort (by default the built-in
// demo cohort) into a folder: for each, the Open Badges 3.0 credential as signed JSON and
// as a compact JWS (VC-JWT), plus the append-only register and the public key. The
// signing key is read from --key (or generated into --new-key, outside the folder).
//
//   issue_demo --out DIR (--key KEY.json | --new-key KEY.json) [COHORT.json] [--as-of DATE]
//              [--lang nb|nn|en]
//
// PDF documents and the full bulk-issuing command come with the Python package.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "smart/smart.hpp"

namespace fs = std::filesystem;

namespace {
void write_file(const fs::path& p, const std::string& text) {
    const fs::path tmp = p.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) throw smart::error(smart::errc::internal, "cannot write " + tmp.string());
    }
    fs::rename(tmp, p);  // all or nothing: a reader never sees half a file
}

int usage() {
    std::cerr << "usage: issue_demo --out DIR (--key KEY.json | --new-key KEY.json) [COHORT.json] [--as-of DATE] "
                 "[--lang nb|nn|en]\n";
    return 2;
}
}  // namespace

int main(int argc, char** argv) {
    fs::path out, key_file, new_key, cohort_file;
    smart::date as_of = boost::gregorian::day_clock::local_day();
    smart::lang l = smart::lang::nb;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string_view a = argv[i];
            if (a == "--out" && i + 1 < argc) out = argv[++i];
            else if (a == "--key" && i + 1 < argc) key_file = argv[++i];
            else if (a == "--new-key" && i + 1 < argc) new_key = argv[++i];
            else if (a == "--as-of" && i + 1 < argc) as_of = smart::parse_date(argv[++i], "--as-of");
            else if (a == "--lang" && i + 1 < argc) l = smart::parse_lang(argv[++i]);
            else if (!a.empty() && a[0] != '-' && cohort_file.empty()) cohort_file = a;
            else return usage();
        }
        if (out.empty() || key_file.empty() == new_key.empty()) return usage();
        fs::create_directories(out);
        smart::signing_key key;
        if (!new_key.empty()) {
            if (fs::weakly_canonical(new_key).parent_path() == fs::weakly_canonical(out))
                throw smart::error(smart::errc::invalid_argument, "the key must not be written into the output folder");
            key = smart::generate_signing_key();
            write_file(new_key, smart::save_signing_key(key));
            fs::permissions(new_key, fs::perms::owner_read | fs::perms::owner_write);
        } else {
            key = smart::load_signing_key_file(key_file);
        }
        write_file(out / "public-key.json", smart::save_public_key(key.public_part()));
        const smart::cohort c = cohort_file.empty() ? smart::catalogue::demo_cohort() : smart::load_cohort_file(cohort_file);
        const smart::evaluation e = smart::evaluate(c, as_of);
        const smart::issuer_profile issuer{"urn:smart:issuer:demo", "SMART senter for sosial innovasjon (demo)", ""};
        smart::certificate_register reg(out / "register.jsonl");
        std::size_t issued = 0, existing = 0;
        for (std::size_t i = 0; i < e.size(); ++i) {
            if (e.result(i).status != smart::overall_status::eligible) continue;
            const auto [r, fresh] = reg.issue(smart::certificate_for(c, e, i), issuer, key, as_of, l);
            (fresh ? issued : existing)++;
            const smart::public_key trusted[] = {key.public_part()};
            write_file(out / (r.serial + ".jwt"), r.credential_jws + "\n");
            write_file(out / (r.serial + ".json"), smart::verify_credential(r.credential_jws, trusted).credential_json);
        }
        std::cout << "issued " << issued << ", already issued " << existing << ", register " << (out / "register.jsonl")
                  << "\n";
        return 0;
    } catch (const smart::error& err) {
        std::cerr << "issue_demo: " << err.what() << "\n";
        return 1;
    }
}
