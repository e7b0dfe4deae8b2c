// Time to reject the worst inputs found for issue 10 (target: under 50 ms each), measured
// as the best of several runs of each. Prints one line per input; README quotes them.
//   build/release/bench/bench_reject [EXAMPLES_DIR]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "smart/smart.hpp"

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

std::string with_members(const std::string& doc, const std::string& extra) {
    const auto brace = doc.find('{');
    return doc.substr(0, brace + 1) + extra + "," + doc.substr(brace + 1);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string examples = argc > 1 ? argv[1] : SMART_EXAMPLES_DIR;
    const std::string demo = read(examples + "/cohorts/trener-2024-demo.json");
    struct input {
        const char* name;
        std::string text;
        bool programme;
    };
    std::vector<input> inputs;
    inputs.push_back({"deep value then more members (300 KB)",
                      "{\"a\":" + std::string(150000, '[') + std::string(150000, ']') + ",\"b\":1,\"c\":2,\"d\":3,\"e\":4}",
                      false});
    {
        std::string extra;
        for (int i = 0; i < 100000; ++i) extra += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
        inputs.push_back({"100,000 unknown top-level members (1.3 MB)", with_members(demo, extra), false});
        std::string extra60;
        for (int i = 0; i < 60000; ++i) extra60 += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
        inputs.push_back({"60,000 unknown top-level members, under the member limit", with_members(demo, extra60), false});
    }
    {
        std::string att = "{";
        for (int i = 0; i < 100000; ++i) att += (i ? ",\"2024-" : "\"2024-") + std::to_string(i) + "\":\"present\"";
        att += "}";
        std::string t = demo;
        const std::string marker = "\"attendance\": ";
        const auto at = t.find(marker);
        const auto end = t.find('}', at);
        inputs.push_back({"attendance object with 100,000 keys (2.5 MB)",
                          t.substr(0, at + marker.size()) + att + t.substr(end + 1), false});
    }
    inputs.push_back({"10 MB member name", with_members(demo, "\"" + std::string(10 << 20, 'k') + "\":1"), false});
    {
        std::string t = demo;
        const auto at = t.find("Tønsberg");
        t.replace(at, std::string("Tønsberg").size(), "T\xF8nsberg");
        inputs.push_back({"Windows-1252 byte in a cohort", t, false});
    }
    inputs.push_back({"seats 1e999", R"({"format":"smart.programme/1","id":"a","name":"A","seats":1e999})", true});

    std::printf("%-60s %10s  %s\n", "input", "best ms", "error");
    for (const auto& in : inputs) {
        double best = 1e9;
        std::string what;
        for (int run = 0; run < 5; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            try {
                if (in.programme)
                    (void)smart::load_programme(in.text);
                else
                    (void)smart::load_cohort(in.text);
                what = "(loaded!)";
            } catch (const smart::error& e) {
                what = e.what();
            }
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            best = ms < best ? ms : best;
        }
        if (what.size() > 90) what = what.substr(0, 87) + "...";
        std::printf("%-60s %10.2f  %s\n", in.name, best, what.c_str());
    }
    return 0;
}
