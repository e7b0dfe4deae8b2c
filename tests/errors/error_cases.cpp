// The C++ face of the error contract (docs/errors.md): runs one case of the page's table
// through the C++ API and prints what the smart::error says, as one line
//
//     <code>\t<pointer>\t<message>
//
// ("ok\t\t" when the operation succeeds). tests/python/test_error_contract.py runs it for
// every row of the table, as it runs error_cases_c (the C ABI) and the Python package.
//
// Operations (the table's vocabulary; FILE arguments are paths, the rest is passed as is):
//   load_cohort_file FILE                  smart::load_cohort_file
//   load_programme_file FILE               smart::load_programme_file
//   load_cohort_json FILE                  smart::load_cohort on the file's bytes
//   get_programme ID                       smart::catalogue::get
//   add_participant COHORT PARTICIPANT     load_participant (its text) + cohort::add_participant
//   set_attendance COHORT ID DATE STATUS   parse_date, parse_attendance_status, set_attendance
//   remove_exemption COHORT ID REQUIREMENT cohort::remove_exemption
//   evaluate COHORT DATE                   parse_date + smart::evaluate
// COHORT is a cohort document file, loaded first (a failure there is reported as such).
//
// Exit status: 0 ok, 1 a smart::error (printed), 2 a usage error, 3 any other exception
// (printed with code "exception": a bug), 4 a recording call failed but changed the
// cohort (the contract says a failed call leaves it as it was).
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "smart/smart.hpp"

namespace {

struct usage_error {};

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw smart::error(smart::errc::not_found, "error_cases: cannot open " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void need(const std::vector<std::string>& args, std::size_t n) {
    if (args.size() != n) throw usage_error{};
}

// A recording call on a cohort loaded from `file`: `call` must throw, or succeed; either
// way a failure must leave the cohort exactly as it was.
template <class F>
void record(const std::string& file, F call) {
    smart::cohort c = smart::load_cohort_file(file);
    const std::string before = smart::save_cohort(c);
    try {
        call(c);
    } catch (const smart::error&) {
        if (smart::save_cohort(c) != before) {
            std::cerr << "error_cases: the failed call changed the cohort\n";
            std::fflush(stdout);
            std::exit(4);
        }
        throw;
    }
}

void run(const std::vector<std::string>& a) {
    if (a.empty()) throw usage_error{};
    const std::string& op = a[0];
    if (op == "load_cohort_file") {
        need(a, 2);
        (void)smart::load_cohort_file(a[1]);
    } else if (op == "load_programme_file") {
        need(a, 2);
        (void)smart::load_programme_file(a[1]);
    } else if (op == "load_cohort_json") {
        need(a, 2);
        (void)smart::load_cohort(read_bytes(a[1]));
    } else if (op == "get_programme") {
        need(a, 2);
        (void)smart::catalogue::get(a[1]);
    } else if (op == "add_participant") {
        need(a, 3);
        const std::string text = read_bytes(a[2]);
        record(a[1], [&](smart::cohort& c) { c.add_participant(smart::load_participant(text, c)); });
    } else if (op == "set_attendance") {
        need(a, 5);
        record(a[1], [&](smart::cohort& c) {
            const smart::date day = smart::parse_date(a[3]);
            const smart::attendance_status status = smart::parse_attendance_status(a[4]);
            c.set_attendance(a[2], day, status);
        });
    } else if (op == "remove_exemption") {
        need(a, 4);
        record(a[1], [&](smart::cohort& c) { c.remove_exemption(a[2], a[3]); });
    } else if (op == "evaluate") {
        need(a, 3);
        const smart::cohort c = smart::load_cohort_file(a[1]);
        (void)smart::evaluate(c, smart::parse_date(a[2]));
    } else {
        throw usage_error{};
    }
}

void print(const std::string& code, const std::string& pointer, const std::string& message) {
    std::cout << code << '\t' << pointer << '\t' << message << '\n' << std::flush;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        run(args);
        print("ok", "", "");
        return 0;
    } catch (const usage_error&) {
        std::cerr << "usage: error_cases OPERATION ARGUMENTS... (see the comment at the top of error_cases.cpp)\n";
        return 2;
    } catch (const smart::error& e) {
        print(smart::to_string(e.code()), e.pointer(), e.message());
        return 1;
    } catch (const std::exception& e) {
        print("exception", "", e.what());
        return 3;
    }
}
