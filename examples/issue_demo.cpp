// Issues certificates for the eligible participants of a cohort (by default the built-in
// demo cohort) into a folder with the core's bulk policy (issue_cohort): for each
// certificate, the Open Badges 3.0 credential as JSON and as a compact JWS (VC-JWT), plus
// the append-only register and the public key; who got none is printed with the reason.
// The signing key is read from --key (or generated into --new-key, outside the folder).
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
        if (!new_key.empty()) smart::check_key_outside(new_key, out);
        fs::create_directories(out);
        smart::signing_key key;
        if (!new_key.empty()) {
            key = smart::generate_signing_key();
            smart::save_signing_key_file(key, new_key);  // mode 0600, the public key beside it
        } else {
            key = smart::load_signing_key_file(key_file);
        }
        write_file(out / "public-key.json", smart::save_public_key(key.public_part()));
        const smart::cohort c = cohort_file.empty() ? smart::catalogue::demo_cohort() : smart::load_cohort_file(cohort_file);
        const smart::evaluation e = smart::evaluate(c, as_of);
        // the issuer is the key's did:key: anyone resolves it to the key, without this project
        const smart::issuer_profile issuer{smart::did_key(key.public_part()), "SMART senter for sosial innovasjon (demo)",
                                           ""};
        smart::certificate_register reg(out / "register.jsonl");
        // who gets a certificate, who has one and why the others get none: the core's policy
        const smart::issue_report report = smart::issue_cohort(reg, c, e, issuer, key, as_of, l);
        for (const smart::issue_entry& x : report.entries) {
            if (!x.record || x.outcome == smart::issue_outcome::revoked) {
                std::cout << x.participant_id << ": " << smart::to_string(x.outcome) << " – " << x.reason << "\n";
                continue;
            }
            write_file(out / (x.record->serial + ".jwt"), x.record->credential_jws + "\n");
            write_file(out / (x.record->serial + ".json"), smart::open_badge_credential(*x.record));
        }
        std::cout << "issued " << report.issued << ", already issued " << report.already_issued << ", not issued "
                  << report.not_issued << ", register " << (out / "register.jsonl") << "\n";
        return 0;
    } catch (const smart::error& err) {
        std::cerr << "issue_demo: " << err.what() << "\n";
        return 1;
    }
}
