// Every expected figure below is computed by hand from the small cohort described in
// small_cohort(), not taken from the library's output.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "smart/smart.hpp"

using namespace smart;

namespace {

date d(const char* s) { return parse_date(s); }

std::shared_ptr<const programme> small_programme() {
    programme p;
    p.id = "liten";
    p.name.nb = "Lite program";
    for (int i = 1; i <= 4; ++i) {
        session s;
        s.id = "g" + std::to_string(i);
        s.kind = session_kind::gathering;
        s.days = {date(2025, static_cast<unsigned short>(i), 10)};
        p.sessions.push_back(s);
    }
    session f;
    f.id = "festival";
    f.kind = session_kind::festival;
    f.days = {d("2025-05-10")};
    p.sessions.push_back(f);
    attendance_rule a;
    a.min_ratio = ratio(3, 4);
    p.requirements.push_back({"att", {}, a});
    p.requirements.push_back({"fest", {}, festival_rule{}});
    return std::make_shared<const programme>(p);
}

participant person(std::string id, std::string number, std::string muni, std::string role, sector sec) {
    participant p;
    p.id = std::move(id);
    p.name = "Fiktiv " + p.id;
    p.municipality = {std::move(number), std::move(muni)};
    p.role = std::move(role);
    p.sector = sec;
    p.contact = contact_info{p.id + "@example.org", "000 00 000"};
    return p;
}

/// a1: 4/4 + festival -> eligible.          a2: 3/4 (absent day 4) + festival -> eligible.
/// a3: 2/4 (excused days 3, 4) + festival -> not eligible.
/// b1: 4/4, absent from the festival -> not eligible.
/// b2: 4/4 (late on day 2), exempt from the festival -> eligible.
/// c1: nothing recorded -> not eligible.
cohort small_cohort(std::string id = "liten-2025") {
    cohort c(small_programme(), std::move(id), "Lite kull", 10);
    c.add_participant(person("a1", "3905", "Tønsberg", "lærer", sector::public_sector));
    c.add_participant(person("a2", "3905", "Tønsberg", "lærer", sector::public_sector));
    c.add_participant(person("a3", "3905", "Tønsberg", "rektor", sector::private_sector));
    c.add_participant(person("b1", "3903", "Holmestrand", "lærer", sector::public_sector));
    c.add_participant(person("b2", "3903", "Holmestrand", "rektor", sector::public_sector));
    c.add_participant(person("c1", "0301", "Oslo", "lærer", sector::voluntary));
    const char* days[] = {"2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10"};
    for (const char* day : days) {
        c.set_attendance("a1", d(day), attendance_status::present);
        c.set_attendance("b1", d(day), attendance_status::present);
        c.set_attendance("b2", d(day), attendance_status::present);
    }
    c.set_attendance("b2", d("2025-02-10"), attendance_status::late);
    for (int i = 0; i < 3; ++i) c.set_attendance("a2", d(days[i]), attendance_status::present);
    c.set_attendance("a2", d(days[3]), attendance_status::absent);
    c.set_attendance("a3", d(days[0]), attendance_status::present);
    c.set_attendance("a3", d(days[1]), attendance_status::present);
    c.set_attendance("a3", d(days[2]), attendance_status::excused);
    c.set_attendance("a3", d(days[3]), attendance_status::excused);
    for (const char* p : {"a1", "a2", "a3"}) c.set_attendance(p, d("2025-05-10"), attendance_status::present);
    c.set_attendance("b1", d("2025-05-10"), attendance_status::absent);
    c.add_exemption("b2", {"fest", "Syk på festivaldagen", "Koordinator (fiktiv)", std::nullopt});
    return c;
}

struct fixture {
    cohort c = small_cohort();
    evaluation e = evaluate(c, d("2025-06-01"));
    statistics run(statistics_options o = {}) const {
        const evaluated_cohort in[] = {{&c, &e}};
        return compute_statistics(in, o);
    }
};

const group_figures& group(const statistics& s, const std::string& key) {
    for (const auto& g : s.groups)
        if (g.group == key) return g;
    FAIL("no group " << key);
    throw;
}

}  // namespace

TEST_CASE("whole-cohort figures match a hand count", "[statistics]") {
    const fixture f;
    const statistics s = f.run();
    REQUIRE(s.cohorts.size() == 1);
    const group_figures& g = s.cohorts[0];
    CHECK_FALSE(g.suppressed);
    CHECK(g.enrolled == 6);
    CHECK(g.seats == 10);
    CHECK(g.fill_rate() == ratio(3, 5));
    CHECK(g.eligible == 3);
    CHECK(g.not_eligible == 3);
    CHECK(g.in_progress == 0);
    CHECK(g.at_risk == 0);
    CHECK(g.completion_rate() == ratio(1, 2));
    // attendance ratios 1, 3/4, 1/2, 1, 1, 0: mean 17/24, median (3/4 + 1) / 2 = 7/8
    CHECK(g.mean_attendance == ratio(17, 24));
    CHECK(g.median_attendance == ratio(7, 8));
    REQUIRE(g.requirement_states.size() == 2);
    CHECK(g.requirement_states[0] == std::array<std::size_t, 4>{4, 2, 0, 0});  // att: met, unmet, pending, exempt
    CHECK(g.requirement_states[1] == std::array<std::size_t, 4>{3, 2, 0, 1});  // fest
    CHECK(s.requirement_ids[0] == std::vector<std::string>{"att", "fest"});
}

TEST_CASE("attendance per counted day matches a hand count", "[statistics][days]") {
    const fixture f;
    const statistics s = f.run();
    REQUIRE(s.days.size() == 4);  // the festival is not a counted day
    const std::size_t attended[] = {5, 5, 4, 3}, excused[] = {0, 0, 1, 1}, absent[] = {1, 1, 1, 2};
    for (std::size_t i = 0; i < 4; ++i) {
        INFO(i);
        CHECK(s.days[i].attended == attended[i]);
        CHECK(s.days[i].excused == excused[i]);
        CHECK(s.days[i].absent == absent[i]);
        CHECK(s.days[i].enrolled == 6);
    }
    CHECK(s.days[0].session_id == "g1");
}

TEST_CASE("group-bys by municipality, role and sector match a hand count", "[statistics][groups]") {
    const fixture f;
    statistics_options o;
    o.by = group_by::municipality;
    statistics s = f.run(o);
    REQUIRE(s.groups.size() == 3);
    CHECK(group(s, "3905").enrolled == 3);
    CHECK(group(s, "3905").eligible == 2);
    CHECK(group(s, "3905").group_label == "Tønsberg");
    CHECK(group(s, "3905").mean_attendance == ratio(3, 4));  // (1 + 3/4 + 1/2) / 3
    CHECK(group(s, "3905").median_attendance == ratio(3, 4));
    CHECK(group(s, "3903").eligible == 1);
    CHECK(group(s, "3903").mean_attendance == ratio(1));
    CHECK(group(s, "0301").not_eligible == 1);
    CHECK(group(s, "0301").mean_attendance == ratio(0));

    o.by = group_by::role;
    s = f.run(o);
    CHECK(group(s, "lærer").enrolled == 4);   // a1 a2 b1 c1
    CHECK(group(s, "lærer").eligible == 2);   // a1 a2
    CHECK(group(s, "rektor").enrolled == 2);  // a3 b2
    CHECK(group(s, "rektor").requirement_states[1] == std::array<std::size_t, 4>{1, 0, 0, 1});

    o.by = group_by::sector;
    s = f.run(o);
    CHECK(group(s, "public").enrolled == 4);
    CHECK(group(s, "private").enrolled == 1);
    CHECK(group(s, "voluntary").enrolled == 1);
}

TEST_CASE("small groups are suppressed, with enough company that totals reveal none", "[statistics][privacy]") {
    const fixture f;
    statistics_options o;
    o.by = group_by::municipality;

    SECTION("a group of 1 with k = 2 takes the next smallest group with it") {
        o.min_cell = 2;
        const statistics s = f.run(o);
        CHECK(group(s, "0301").suppressed);  // 1 < 2
        CHECK(group(s, "3903").suppressed);  // secondary: else 6 - 3 - 2 reveals Oslo
        CHECK_FALSE(group(s, "3905").suppressed);
        CHECK(group(s, "0301").enrolled == 0);
        CHECK(group(s, "0301").eligible == 0);
    }
    SECTION("a group of exactly k is shown") {
        o.min_cell = 3;
        const statistics s = f.run(o);
        CHECK(group(s, "0301").suppressed);
        CHECK(group(s, "3903").suppressed);
        CHECK_FALSE(group(s, "3905").suppressed);  // 3 == k
        CHECK(group(s, "3905").enrolled == 3);
    }
    SECTION("suppressed groups together must hold at least k") {
        o.min_cell = 4;
        const statistics s = f.run(o);
        for (const auto& g : s.groups) CHECK(g.suppressed);
        CHECK_FALSE(s.cohorts[0].suppressed);
    }
    SECTION("a cohort smaller than k is suppressed whole") {
        o.min_cell = 7;
        const statistics s = f.run(o);
        CHECK(s.cohorts[0].suppressed);
        for (const auto& g : s.groups) CHECK(g.suppressed);
        const auto j = nlohmann::json::parse(statistics_to_json(s));
        CHECK(j["cohorts"][0]["suppressed"] == true);
        CHECK_FALSE(j["cohorts"][0].contains("enrolled"));
    }
    SECTION("certified counts of 1..k-1 are withheld, and neighbours that would reveal them") {
        o.min_cell = 2;
        const statistics s = f.run(o);
        // certified: 0301 -> 0, 3903 -> 1, 3905 -> 2; the 1 is withheld, and since the
        // cohort's eligible total (3) is shown elsewhere, 0 and 2 are withheld too
        for (const auto& row : s.certified) {
            CHECK_FALSE(row.per_cohort[0].has_value());
            CHECK_FALSE(row.cumulative[0].has_value());
        }
    }
    SECTION("min_cell 0 is refused") {
        o.min_cell = 0;
        CHECK_THROWS_AS(f.run(o), error);
    }
}

TEST_CASE("statistics never contain contact data", "[statistics][privacy]") {
    const fixture f;
    statistics_options o;
    o.by = group_by::municipality;
    const std::string json = statistics_to_json(f.run(o));
    CHECK(json.find("example.org") == std::string::npos);
    CHECK(json.find("000 00 000") == std::string::npos);
    CHECK(json.find("Fiktiv") == std::string::npos);  // nor names
}

TEST_CASE("several cohorts and programmes: trend order and certified cumulative", "[statistics][trend]") {
    const fixture f;
    // An earlier cohort of a programme without certificate rules, with two people from 3905.
    programme none;
    none.id = "kurs";
    none.name.nb = "Kurs uten bevis";
    session s;
    s.id = "k1";
    s.days = {d("2024-10-01")};
    none.sessions.push_back(s);
    cohort early(std::make_shared<const programme>(none), "kurs-2024", "Kurs 2024");
    early.add_participant(person("x1", "3905", "Tønsberg", "lærer", sector::public_sector));
    early.add_participant(person("x2", "0704", "Tønsberg (før 2020)", "lærer", sector::public_sector));
    const evaluation ee = evaluate(early, d("2024-12-01"));
    const evaluated_cohort in[] = {{&f.c, &f.e}, {&early, &ee}};

    statistics_options o;
    o.municipality_mapping["0704"] = {"3905", "Tønsberg"};
    const statistics st = compute_statistics(in, o);
    REQUIRE(st.cohort_ids == std::vector<std::string>{"kurs-2024", "liten-2025"});  // by first day
    CHECK(st.cohorts[0].no_certificate == 2);
    CHECK(st.cohorts[0].eligible == 0);
    CHECK_FALSE(st.cohorts[0].mean_attendance.has_value());  // no attendance rule
    CHECK(st.requirement_ids[0].empty());
    REQUIRE(st.certified.size() == 3);  // 0301, 3903, 3905 (0704 mapped to 3905)
    CHECK(st.certified[2].municipality_number == "3905");
    CHECK(st.certified[2].per_cohort == std::vector<std::optional<std::size_t>>{0, 2});
    CHECK(st.certified[2].cumulative == std::vector<std::optional<std::size_t>>{0, 2});
    CHECK(st.certified[1].cumulative == std::vector<std::optional<std::size_t>>{0, 1});

    o.by = group_by::municipality;
    const statistics grouped = compute_statistics(in, o);
    std::size_t tonsberg_early = 0;
    for (const auto& g : grouped.groups)
        if (g.cohort_id == "kurs-2024" && g.group == "3905") tonsberg_early = g.enrolled;
    CHECK(tonsberg_early == 2);  // the old number counted under the current one
}

TEST_CASE("an empty cohort gives clear figures, not a crash", "[statistics]") {
    cohort empty(small_programme(), "tom", "Tomt kull", 36);
    const evaluation e = evaluate(empty, d("2025-06-01"));
    const evaluated_cohort in[] = {{&empty, &e}};
    statistics_options o;
    o.by = group_by::role;
    o.min_cell = 3;
    const statistics s = compute_statistics(in, o);
    CHECK(s.cohorts[0].suppressed);  // 0 people < 3
    o.min_cell.reset();
    const statistics open = compute_statistics(in, o);
    CHECK(open.cohorts[0].enrolled == 0);
    CHECK(open.cohorts[0].completion_rate() == ratio(0));
    CHECK_FALSE(open.cohorts[0].mean_attendance.has_value());
    CHECK(open.groups.empty());
    const auto j = nlohmann::json::parse(statistics_to_json(open));
    CHECK(j["cohorts"][0]["completion_rate"]["ratio"].is_null());
    CHECK(j["cohorts"][0]["fill_rate"]["ratio"] == "0");
}

TEST_CASE("statistics refuse an evaluation of another cohort", "[statistics]") {
    const fixture f;
    const cohort other = small_cohort("annet");
    const evaluated_cohort in[] = {{&other, &f.e}};
    CHECK_THROWS_AS(compute_statistics(in), error);
}

TEST_CASE("the statistics document carries counts with denominators and exact ratios", "[statistics][json]") {
    const fixture f;
    const statistics s = f.run();
    const auto j = nlohmann::json::parse(statistics_to_json(s));
    CHECK(j["format"] == "smart.statistics/1");
    CHECK(j["cohorts"][0]["completion_rate"] == nlohmann::json({{"count", 3}, {"of", 6}, {"ratio", "1/2"}}));
    CHECK(j["cohorts"][0]["mean_attendance"] == "17/24");
    CHECK(j["cohorts"][0]["requirements"][1] ==
          nlohmann::json({{"requirement", "fest"},
                          {"met", 3},
                          {"unmet", 2},
                          {"pending", 0},
                          {"exempt", 1},
                          {"shares", {{"met", "1/2"}, {"unmet", "1/3"}, {"pending", "0"}, {"exempt", "1/6"}}},
                          {"through", 3},
                          {"through_share", "1/2"}}));
    CHECK(j["cohorts"][0]["shares"] == nlohmann::json({{"eligible", "1/2"},
                                                       {"not_eligible", "1/2"},
                                                       {"in_progress", "0"},
                                                       {"no_certificate", "0"},
                                                       {"at_risk", "0"},
                                                       {"withdrawn", "0"}}));
    CHECK(j["cohorts"][0]["first_day"] == "2025-01-10");
    CHECK(j["cohorts"][0]["last_day"] == "2025-05-10");
    CHECK(j["days"][3]["attended"]["count"] == 3);
    // the day's session under the cohort attendance's name (issue 15: one name per value)
    CHECK(j["days"][3]["session_id"] == s.days[3].session_id);
    CHECK_FALSE(j["days"][3].contains("session"));
}

TEST_CASE("every share of enrolled and the funnel come from the core, exact", "[statistics][shares]") {
    const fixture f;
    const statistics s = f.run();
    const group_figures& g = s.cohorts[0];
    CHECK(g.fill_share == ratio(3, 5));  // 6 of 10 seats
    CHECK(s.days[0].attended_share == ratio(5, 6));
    // 3 eligible, 3 not eligible of 6
    CHECK(g.eligible_share == ratio(1, 2));
    CHECK(g.not_eligible_share == ratio(1, 2));
    CHECK(g.in_progress_share == ratio(0));
    CHECK(g.no_certificate_share == ratio(0));
    CHECK(g.at_risk_share == ratio(0));
    // att: met a1 a2 b1 b2, unmet a3 c1; fest: met a1 a2 a3, unmet b1 c1, exempt b2
    REQUIRE(g.requirement_shares.size() == 2);
    CHECK(g.requirement_shares[0][0] == ratio(2, 3));
    CHECK(g.requirement_shares[0][1] == ratio(1, 3));
    CHECK(g.requirement_shares[1][3] == ratio(1, 6));
    // the funnel: met or exempt through att: a1 a2 b1 b2; through fest as well: a1 a2 b2
    CHECK(g.through == std::vector<std::size_t>{4, 3});
    CHECK(g.through.back() == g.eligible);
    CHECK(g.through_shares == std::vector<std::optional<ratio>>{ratio(2, 3), ratio(1, 2)});
}

TEST_CASE("a group of no one has no shares, and a suppressed group none either", "[statistics][shares]") {
    cohort empty(small_programme(), "tom", "Tomt kull", 36);
    const evaluation e = evaluate(empty, d("2025-06-01"));
    const evaluated_cohort in[] = {{&empty, &e}};
    const statistics s = compute_statistics(in);
    CHECK_FALSE(s.cohorts[0].eligible_share.has_value());
    CHECK(s.cohorts[0].through == std::vector<std::size_t>{0, 0});
    CHECK(s.cohorts[0].through_shares == std::vector<std::optional<ratio>>{std::nullopt, std::nullopt});
    const auto j = nlohmann::json::parse(statistics_to_json(s));
    CHECK(j["cohorts"][0]["shares"]["eligible"].is_null());

    const fixture f;
    statistics_options o;
    o.min_cell = 7;
    const statistics hs = f.run(o);
    const group_figures& hidden = hs.cohorts[0];
    CHECK_FALSE(hidden.fill_share.has_value());
    CHECK(hidden.suppressed);
    CHECK_FALSE(hidden.eligible_share.has_value());
    CHECK(hidden.through == std::vector<std::size_t>{0, 0});
    CHECK_FALSE(hidden.through_shares[0].has_value());
}

TEST_CASE("each cohort's first and last day are in the result, in trend order", "[statistics][trend]") {
    const fixture f;
    programme early_programme = *small_programme();
    early_programme.id = "tidlig";
    for (auto& sess : early_programme.sessions)
        for (auto& day : sess.days) day = date(2024, day.month(), day.day());
    cohort early(std::make_shared<const programme>(early_programme), "zz-tidlig", "Tidlig kull");
    const evaluation ee = evaluate(early, d("2025-06-01"));
    const evaluated_cohort in[] = {{&f.c, &f.e}, {&early, &ee}};
    const statistics s = compute_statistics(in);
    REQUIRE(s.cohort_ids == std::vector<std::string>{"zz-tidlig", "liten-2025"});  // by first day, not id
    CHECK(s.first_days == std::vector<std::optional<date>>{d("2024-01-10"), d("2025-01-10")});
    CHECK(s.last_days == std::vector<std::optional<date>>{d("2024-05-10"), d("2025-05-10")});
    const auto j = nlohmann::json::parse(statistics_to_json(s));
    CHECK(j["cohorts"][0]["first_day"] == "2024-01-10");
    CHECK(j["cohorts"][1]["last_day"] == "2025-05-10");
}

namespace {
/// The JSON Pointer of the validation_error that compute_statistics throws for `mapping`.
std::string mapping_error(std::map<std::string, municipality> mapping, errc expected = errc::validation_error) {
    const fixture f;
    statistics_options o;
    o.municipality_mapping = std::move(mapping);
    try {
        (void)f.run(o);
    } catch (const error& e) {
        CHECK(e.code() == expected);
        return e.pointer();
    }
    FAIL("no error");
    return {};
}
}  // namespace

TEST_CASE("a municipality mapping is checked in the core, whatever the grouping", "[statistics][mapping]") {
    // issue 11: Python accepted {"3312": ("38", "")} and grouped people under "38"
    CHECK(mapping_error({{"3312", {"38", ""}}}) == "/3312/number");
    CHECK(mapping_error({{"3312", {"3803", ""}}}) == "/3312/name");
    CHECK(mapping_error({{"33", {"3803", "Drammen"}}}) == "/33");
    CHECK(mapping_error({{"3312", {"38O3", "Drammen"}}}) == "/3312/number");
    CHECK(mapping_error({{"3312", {"3803", "Dram\nmen"}}}) == "/3312/name");
    CHECK(mapping_error({{"a/b", {"3803", "Drammen"}}}) == "/a~1b");
    const fixture f;
    statistics_options o;
    o.municipality_mapping = {{"3312", {"3301", "Drammen"}}, {"0704", {"3905", "Tønsberg"}}};
    CHECK_NOTHROW(f.run(o));
}

TEST_CASE("a mapping from rows refuses a recorded number given twice, naming the row", "[statistics][mapping]") {
    const municipality_mapping_row rows[] = {
        {"0704", {"3905", "Tønsberg"}}, {"3312", {"3301", "Drammen"}}, {"0704", {"3803", "Tønsberg"}}};
    try {
        (void)municipality_mapping_from_rows(rows);
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.code() == errc::validation_error);
        CHECK(e.pointer() == "/2/recorded");
    }
    const auto m = municipality_mapping_from_rows(std::span(rows).first(2));
    CHECK(m.size() == 2);
    CHECK(m.at("0704").number == "3905");
}

TEST_CASE("a mapping from JSON reads its shape only; the core's check does the rest", "[statistics][mapping]") {
    const auto m = municipality_mapping_from_json(R"({"0704": {"number": "3905", "name": "Tønsberg"}})");
    CHECK(m.at("0704").name == "Tønsberg");
    auto fails = [](const char* text, errc code, const std::string& pointer) {
        try {
            (void)municipality_mapping_from_json(text);
            FAIL("no error for " << text);
        } catch (const error& e) {
            CHECK(e.code() == code);
            CHECK(e.pointer() == pointer);
            CHECK(e.message().rfind("municipality mapping", 0) != std::string::npos);
        }
    };
    fails(R"({"0704": )", errc::parse_error, "");
    fails("[]", errc::validation_error, "");
    fails(R"({"0704": "3905"})", errc::validation_error, "/0704");
    fails(R"({"0704": {"number": 3905, "name": "Tønsberg"}})", errc::validation_error, "/0704/number");
    fails(R"({"0704": {"number": "3905"}})", errc::validation_error, "/0704/name");
    fails(R"({"0704": {"number": "3905", "name": "T", "county": "V"}})", errc::validation_error, "/0704/county");
    fails(R"({"0704": {"number": "3905", "name": "T"}, "0704": {"number": "3803", "name": "T"}})",
          errc::validation_error, "/0704");
    // the entry's content is for compute_statistics to judge
    CHECK(municipality_mapping_from_json(R"({"0704": {"number": "38", "name": ""}})").at("0704").number == "38");
}

TEST_CASE("the same cohort given twice is refused, naming the second", "[statistics]") {
    const fixture f;
    const evaluated_cohort in[] = {{&f.c, &f.e}, {&f.c, &f.e}};
    try {
        (void)compute_statistics(in);
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_argument);
        CHECK(e.pointer() == "/1");
        CHECK(e.message().find("liten-2025") != std::string::npos);
    }
    const cohort twin = small_cohort();  // another cohort with the same id
    const evaluation te = evaluate(twin, d("2025-06-01"));
    const evaluated_cohort same_id[] = {{&f.c, &f.e}, {&twin, &te}};
    CHECK_THROWS_AS(compute_statistics(same_id), error);
}

TEST_CASE("withdrawals are counted apart, with completion both with and without them", "[statistics][withdrawal]") {
    cohort c = small_cohort();
    c.withdraw("b1", d("2025-04-20"), "Sluttet i jobben");  // b1: attendance met, festival unmet
    const evaluation e = evaluate(c, d("2025-06-01"));
    const evaluated_cohort in[] = {{&c, &e}};
    statistics_options o;
    o.by = group_by::municipality;
    const statistics s = compute_statistics(in, o);
    const group_figures& g = s.cohorts[0];
    CHECK(g.enrolled == 6);  // still enrolled: a withdrawn participant frees no seat
    CHECK(g.fill_share == ratio(3, 5));
    CHECK(g.withdrawn == 1);
    CHECK(g.eligible == 3);      // a1 a2 b2
    CHECK(g.not_eligible == 2);  // a3 c1; b1 is counted apart, not as not eligible
    CHECK(g.withdrawn_share == ratio(1, 6));
    CHECK(g.eligible_share == ratio(1, 2));                  // with the withdrawn: 3 of 6
    CHECK(g.completion_excluding_withdrawn == ratio(3, 5));  // without: 3 of 5
    // requirement states are still shown for b1; the funnel leaves b1 out and ends at the eligible
    CHECK(g.requirement_states[0] == std::array<std::size_t, 4>{4, 2, 0, 0});
    CHECK(g.requirement_states[1] == std::array<std::size_t, 4>{3, 2, 0, 1});
    CHECK(g.through == std::vector<std::size_t>{3, 3});
    const group_figures& holmestrand = group(s, "3903");  // b1 withdrawn, b2 eligible
    CHECK(holmestrand.withdrawn == 1);
    CHECK(holmestrand.eligible_share == ratio(1, 2));
    CHECK(holmestrand.completion_excluding_withdrawn == ratio(1));
    const auto j = nlohmann::json::parse(statistics_to_json(s));
    CHECK(j["cohorts"][0]["status"]["withdrawn"] == 1);
    CHECK(j["cohorts"][0]["shares"]["withdrawn"] == "1/6");
    CHECK(j["cohorts"][0]["completion_rate_excluding_withdrawn"] ==
          nlohmann::json({{"count", 3}, {"of", 5}, {"ratio", "3/5"}}));

    // before the withdrawal date b1 is evaluated as usual
    const evaluation before = evaluate(c, d("2025-04-19"));
    const evaluated_cohort earlier[] = {{&c, &before}};
    CHECK(compute_statistics(earlier).cohorts[0].withdrawn == 0);
}

TEST_CASE("a cohort still running is marked incomplete, a decided one complete", "[statistics][complete]") {
    const cohort c = small_cohort();
    // 2025-02-15: two of four days held; a1, a2, b1, b2 can still make it (in progress).
    const evaluation running = evaluate(c, d("2025-02-15"));
    const evaluation done = evaluate(c, d("2025-06-01"));  // every status decided
    const evaluated_cohort in_running[] = {{&c, &running}};
    const evaluated_cohort in_done[] = {{&c, &done}};
    statistics_options o;
    o.by = group_by::municipality;
    o.min_cell = 2;
    const statistics r = compute_statistics(in_running, o);
    REQUIRE(r.cohorts[0].in_progress > 0);
    CHECK_FALSE(r.cohorts[0].complete);
    for (const auto& g : r.groups) CHECK_FALSE(g.complete);  // the cohort's flag, suppressed or not
    const statistics s = compute_statistics(in_done, o);
    CHECK(s.cohorts[0].complete);
    for (const auto& g : s.groups) CHECK(g.complete);
    const auto jr = nlohmann::json::parse(statistics_to_json(r));
    CHECK(jr["cohorts"][0]["complete"] == false);
    CHECK(jr["groups"][0]["complete"] == false);
    CHECK(nlohmann::json::parse(statistics_to_json(s))["cohorts"][0]["complete"] == true);

    // no one enrolled: complete only after the cohort's last day
    const cohort empty(small_programme(), "tom", "Tomt kull", 36);
    const evaluation before = evaluate(empty, d("2025-03-01"));
    const evaluation after = evaluate(empty, d("2025-05-11"));
    const evaluated_cohort eb[] = {{&empty, &before}};
    const evaluated_cohort ea[] = {{&empty, &after}};
    CHECK_FALSE(compute_statistics(eb).cohorts[0].complete);
    CHECK(compute_statistics(ea).cohorts[0].complete);
}

TEST_CASE("requirements and sessions are named in the language asked for, not by their ids", "[statistics][wording]") {
    const fixture f;
    const statistics s = f.run();
    CHECK(requirement_label(s, 0, 0, lang::en) == "attendance");  // "att" has no label: its kind's name
    CHECK(requirement_label(s, 0, 1, lang::nb) == "festival");
    CHECK(session_label(s, 0, "g2", lang::nb) == "2. samling");
    CHECK(session_label(s, 0, "g2", lang::en) == "gathering 2");
    CHECK(session_label(s, 0, "festival", lang::nn) == "festival");
    CHECK_THROWS_AS(session_label(s, 0, "g9", lang::en), error);
    CHECK_THROWS_AS(requirement_label(s, 0, 2, lang::en), error);
    CHECK_THROWS_AS(requirement_label(s, 1, 0, lang::en), error);
}
