// The built-in catalogue: the seed programmes and the demo cohort, compared with the files
// in examples/ and with the hand-derived oracle in tests/data/demo_expected.json.
#include "helpers.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

using namespace smart;
using th::d;
using th::thrown_by;
using A = attendance_status;
using S = requirement_state;
using nlohmann::json;

namespace {

const std::vector<std::string> expected_ids = {"smart-leder-2024",           "smart-trener-2024",
                                               "smart-trener-arslop",        "trygge-fagfolk-lederstotte",
                                               "smart-grunnkurs",            "smart-langtidsavtale"};

std::string source_file(const std::string& relative) { return std::string(SMART_SOURCE_DIR) + "/" + relative; }

const requirement_result& result_of(const evaluation& e, std::size_t who, std::string_view req_id) {
    const auto& reqs = e.programme().requirements;
    const auto it = std::find_if(reqs.begin(), reqs.end(), [&](const requirement& r) { return r.id == req_id; });
    REQUIRE(it != reqs.end());
    return e.requirements(who)[static_cast<std::size_t>(it - reqs.begin())];
}

}  // namespace

TEST_CASE("the catalogue lists the six seed programmes in order", "[catalogue]") {
    CHECK(catalogue::programme_ids() == expected_ids);
}

TEST_CASE("every built-in programme loads and validates", "[catalogue]") {
    for (const auto& id : catalogue::programme_ids()) {
        INFO(id);
        const auto p = catalogue::get(id);
        REQUIRE(p);
        CHECK(p->id == id);
        CHECK_FALSE(p->name.nb.empty());
        CHECK_NOTHROW(validate(*p));
        CHECK(load_programme(catalogue::programme_json(id)) == *p);
        CHECK(catalogue::get(id) == p);  // parsed once, then shared
    }
}

TEST_CASE("every built-in programme round-trips through save_programme", "[catalogue][json]") {
    for (const auto& id : catalogue::programme_ids()) {
        INFO(id);
        const auto p = catalogue::get(id);
        CHECK(load_programme(save_programme(*p)) == *p);
    }
}

TEST_CASE("every example cohort document loads and round-trips", "[catalogue][json]") {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(source_file("examples/cohorts"))) {
        if (entry.path().extension() != ".json") continue;
        INFO(entry.path().filename().string());
        ++n;
        const cohort c = load_cohort_file(entry.path());
        CHECK(c.days().size() > 0);
        CHECK(load_cohort(save_cohort(c)) == c);
        CHECK_NOTHROW(evaluate(c, c.last_day()));
    }
    CHECK(n >= 1);
}

TEST_CASE("an unknown programme id is not_found", "[catalogue]") {
    const error e = thrown_by([] { catalogue::get("smart-trener-2099"); });
    CHECK(e.code() == errc::not_found);
    CHECK_THAT(e.message(), Catch::Contains("smart-trener-2099"));
    CHECK(thrown_by([] { catalogue::programme_json(""); }).code() == errc::not_found);
}

TEST_CASE("the catalogue's JSON text is the file in examples/programmes", "[catalogue]") {
    for (const auto& id : expected_ids) {
        INFO(id);
        const std::string file = th::read_text_file(source_file("examples/programmes/" + id + ".json"));
        CHECK(std::string(catalogue::programme_json(id)) == file);
        CHECK(load_programme_file(source_file("examples/programmes/" + id + ".json")) == *catalogue::get(id));
    }
    CHECK(std::string(catalogue::demo_cohort_json()) ==
          th::read_text_file(source_file("examples/cohorts/trener-2024-demo.json")));
}

TEST_CASE("the catalogue holds no e-mail addresses", "[catalogue]") {
    for (const auto& id : expected_ids) {
        INFO(id);
        CHECK(std::string(catalogue::programme_json(id)).find('@') == std::string::npos);
    }
}

TEST_CASE("the seed programmes carry the goals, aims and knowledge base of the seeds", "[catalogue]") {
    const auto leader = catalogue::get("smart-leder-2024");
    CHECK(leader->goals.size() == 7);
    CHECK(leader->aims.size() == 5);
    CHECK(leader->knowledge_base.size() == 7);
    const auto trainer = catalogue::get("smart-trener-2024");
    CHECK(trainer->goals.size() == 8);
    CHECK(trainer->aims.size() == 4);
    CHECK(trainer->knowledge_base.size() == 7);
    CHECK(catalogue::get("smart-trener-arslop")->goals.size() == 11);
    CHECK(catalogue::get("smart-trener-arslop")->seats == std::optional<int>{36});
}

TEST_CASE("programmes without certificate rules give no_certificate", "[catalogue]") {
    for (const char* id : {"trygge-fagfolk-lederstotte", "smart-grunnkurs", "smart-langtidsavtale"}) {
        INFO(id);
        CHECK_FALSE(catalogue::get(id)->has_certificate());
    }
    cohort c(catalogue::get("trygge-fagfolk-lederstotte"), "tf", "Trygge fagfolk", std::nullopt,
             {th::make_session("kick", session_kind::kick_off, {d("2022-08-31")}),
              th::gathering("g1", {d("2022-11-01")}), th::gathering("g2", {d("2023-02-08")})},
             "trygge-fagfolk-lederstotte");
    c.add_participant(th::person("p1"));
    CHECK(evaluate(c, d("2023-06-01")).result(0).status == overall_status::no_certificate);
}

TEST_CASE("the leader programme has 6 counted days and needs 5", "[catalogue][seed]") {
    cohort c(catalogue::get("smart-leder-2024"), "l", "Leder", std::nullopt, {}, "smart-leder-2024");
    c.add_participant(th::person("p1"));
    const evaluation e = evaluate(c, d("2024-09-01"));
    const auto& a = result_of(e, 0, "attendance");
    CHECK(a.counted_days == 6);
    CHECK(a.required_days == 5);
    CHECK(e.intervals().size() == 4);  // five gatherings
    CHECK(c.last_day() == d("2025-04-09"));
}

TEST_CASE("the trainer programme has 8 counted days and needs 7", "[catalogue][seed]") {
    cohort c(catalogue::get("smart-trener-2024"), "t", "Trener", std::nullopt, {}, "smart-trener-2024");
    c.add_participant(th::person("p1"));
    const evaluation e = evaluate(c, d("2024-09-01"));
    const auto& a = result_of(e, 0, "attendance");
    CHECK(a.counted_days == 8);
    CHECK(a.required_days == 7);
    CHECK(e.intervals().size() == 3);
    CHECK(result_of(e, 0, "festival").deadline == d("2025-04-09"));
}

TEST_CASE("a cohort of the year-long template with its own 9 gathering days needs 8", "[catalogue][seed]") {
    const auto tmpl = catalogue::get("smart-trener-arslop");
    CHECK(thrown_by([&] { cohort(tmpl, "k3", "Kull 3", std::nullopt, {}, "smart-trener-arslop"); }).code() ==
          errc::validation_error);
    cohort c(tmpl, "k3", "Kull 3 (2019/2020)", std::nullopt, th::year_long_schedule(), "smart-trener-arslop");
    CHECK(c.capacity() == std::optional<int>{36});
    c.add_participant(th::person("p1"));
    const evaluation e = evaluate(c, d("2019-11-01"));
    const auto& a = result_of(e, 0, "attendance");
    CHECK(a.counted_days == 9);
    CHECK(a.required_days == 8);
    CHECK(e.intervals().size() == 8);
    CHECK(e.result(0).status == overall_status::in_progress);
}

TEST_CASE("the demo cohort loads with 36 participants and 36 seats", "[catalogue][demo]") {
    const cohort c = catalogue::demo_cohort();
    CHECK(c.id() == catalogue::demo_cohort_id);
    CHECK(c.size() == 36);
    CHECK(c.capacity() == std::optional<int>{36});
    CHECK(c.programme_ref() == "smart-trener-2024");
    CHECK(c.programme_ptr() == catalogue::get("smart-trener-2024"));
    CHECK(c == load_cohort(catalogue::demo_cohort_json()));
    CHECK(load_cohort(save_cohort(c)) == c);
}

TEST_CASE("the demo cohort's outcomes equal the independent oracle", "[catalogue][demo]") {
    const json oracle = json::parse(th::read_text_file(source_file("tests/data/demo_expected.json")));
    const cohort c = catalogue::demo_cohort();
    REQUIRE(oracle.size() == 2);
    for (const auto& [as_of, people] : oracle.items()) {
        const evaluation e = evaluate(c, parse_date(as_of));
        REQUIRE(people.size() == c.size());
        for (std::size_t i = 0; i < c.size(); ++i) {
            const participant& p = c.participants()[i];
            INFO("as of " << as_of << ", " << p.id);
            REQUIRE(people.contains(p.id));
            const json& want = people.at(p.id);
            CHECK(to_string(e.result(i).status) == want.at("status").get<std::string>());
            CHECK(e.result(i).at_risk == want.at("at_risk").get<bool>());
            const auto& reqs = c.programme().requirements;
            CHECK(want.at("requirements").size() == reqs.size());
            for (std::size_t r = 0; r < reqs.size(); ++r) {
                INFO("requirement " << reqs[r].id);
                REQUIRE(want.at("requirements").contains(reqs[r].id));
                CHECK(to_string(e.requirements(i)[r].state) == want.at("requirements").at(reqs[r].id).get<std::string>());
            }
            if (want.contains("warnings")) {
                // The oracle lists every occurrence; the evaluation gives one warning per
                // kind with the count and the first date.
                std::map<std::string, std::pair<std::string, std::uint32_t>> got, expected;
                for (const auto& w : e.warnings_of(i))
                    CHECK(got.emplace(to_string(w.kind), std::pair(to_iso(w.day), w.count)).second);
                for (const auto& w : want.at("warnings")) {
                    const auto day = w.at("date").get<std::string>();
                    auto [it, fresh] = expected.emplace(w.at("kind").get<std::string>(), std::pair(day, 1u));
                    if (!fresh) {
                        it->second.first = std::min(it->second.first, day);
                        ++it->second.second;
                    }
                }
                CHECK(got == expected);
            }
        }
    }
}

TEST_CASE("the demo cohort's summaries match the documented totals", "[catalogue][demo]") {
    // examples/cohorts/README.md: after the programme 24 eligible and 12 not; on 2025-01-20
    // 32 in progress (4 at risk) and 4 already not eligible.
    const cohort c = catalogue::demo_cohort();
    CHECK(evaluate(c, d("2025-04-30")).counts() == status_counts{24, 12, 0, 0, 0});
    CHECK(evaluate(c, d("2025-01-20")).counts() == status_counts{0, 4, 32, 0, 4});
}

TEST_CASE("the demo cohort's evaluation document has a summary consistent with its participants",
          "[catalogue][demo][json]") {
    const cohort c = catalogue::demo_cohort();
    const evaluation e = evaluate(c, d("2025-04-30"));
    const json doc = json::parse(evaluation_to_json(e, c));
    CHECK(doc.at("cohort") == "trener-2024-demo");
    CHECK(doc.at("programme") == "smart-trener-2024");
    CHECK(doc.at("participants").size() == 36);
    std::map<std::string, int> by_status;
    for (const auto& p : doc.at("participants")) ++by_status[p.at("status").get<std::string>()];
    CHECK(doc.at("summary").at("eligible") == by_status["eligible"]);
    CHECK(doc.at("summary").at("not_eligible") == by_status["not_eligible"]);
    CHECK(doc.at("summary").at("participants") == 36);
}
