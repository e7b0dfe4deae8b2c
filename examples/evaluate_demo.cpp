// Evaluates a cohort (by default the built-in demo cohort) and prints a readable table:
// participant, status and what is missing.
//
//   evaluate_demo [COHORT.json] [--as-of YYYY-MM-DD] [--lang nb|nn|en]
//
// Without --as-of the cohort is evaluated as of today.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "smart/smart.hpp"

namespace {

/// Width on a terminal: counts UTF-8 code points (enough for Norwegian names).
std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    for (std::size_t w = display_width(s); w < width; ++w) out.push_back(' ');
    return out;
}

int usage() {
    std::cerr << "usage: evaluate_demo [COHORT.json] [--as-of YYYY-MM-DD] [--lang nb|nn|en]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string file;
    smart::date as_of = boost::gregorian::day_clock::local_day();
    smart::lang l = smart::lang::nb;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg = argv[i];
            if (arg == "--as-of" && i + 1 < argc)
                as_of = smart::parse_date(argv[++i], "--as-of");
            else if (arg == "--lang" && i + 1 < argc)
                l = smart::parse_lang(argv[++i]);
            else if (arg == "-h" || arg == "--help")
                return usage(), 0;
            else if (!arg.empty() && arg[0] != '-' && file.empty())
                file = arg;
            else
                return usage();
        }
        const smart::cohort c = file.empty() ? smart::catalogue::demo_cohort() : smart::load_cohort_file(file);
        const smart::evaluation e = smart::evaluate(c, as_of);

        std::cout << c.label() << "\n"
                  << c.programme().name.get(l) << " — " << (l == smart::lang::en ? "as of " : "per ")
                  << smart::to_iso(as_of) << "\n\n";
        std::cout << pad("id", 5)
                  << pad(l == smart::lang::en ? "participant" : l == smart::lang::nn ? "deltakar" : "deltaker", 28)
                  << pad("status", 24) << (l == smart::lang::en ? "missing" : l == smart::lang::nn ? "manglar" : "mangler") << "\n";
        std::cout << std::string(110, '-') << "\n";
        for (std::size_t i = 0; i < e.size(); ++i) {
            const smart::participant& p = c.participants()[i];
            const auto& r = e.result(i);
            const std::string status = smart::status_label(r.status, r.at_risk, l);
            const auto missing = e.missing(i, l);
            std::cout << pad(p.id, 5) << pad(p.name, 28) << pad(status, 24) << (missing.empty() ? "–" : missing[0]) << "\n";
            for (std::size_t m = 1; m < missing.size(); ++m) std::cout << std::string(57, ' ') << missing[m] << "\n";
        }
        const auto n = e.counts();
        std::cout << "\n"
                  << smart::label(smart::overall_status::eligible, l) << " " << n.eligible << ", "
                  << smart::label(smart::overall_status::not_eligible, l) << " " << n.not_eligible << ", "
                  << smart::label(smart::overall_status::in_progress, l) << " " << n.in_progress << " ("
                  << smart::at_risk_label(l) << " " << n.at_risk << "), "
                  << (l == smart::lang::en ? "warnings " : l == smart::lang::nn ? "åtvaringar " : "advarsler ")
                  << e.warnings().size() << "\n";
        return 0;
    } catch (const smart::error& err) {
        std::cerr << "evaluate_demo: " << err.what() << "\n";
        return 1;
    }
}
