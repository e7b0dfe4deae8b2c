// The register of municipalities valid from 2024-01-01 and the cohort's municipality
// warnings that use it (docs/format.md, "Municipalities").
#include "helpers.hpp"
#include "smart/cohort.hpp"
#include "smart/municipalities.hpp"

using namespace smart;
using Catch::Matchers::Contains;
using th::d;

namespace {

std::shared_ptr<const programme> programme_2024() {
    return th::programme_of(th::trainer_schedule(), {th::attendance(), th::festival_req()});
}

participant in(std::string id, std::string number, std::string name) {
    participant p = th::person(std::move(id));
    p.municipality = {std::move(number), std::move(name)};
    return p;
}

std::vector<municipality_warning> warnings_of(std::shared_ptr<const programme> prog,
                                              const std::vector<participant>& ps) {
    cohort c(std::move(prog), "c1", "Kull");
    c.add_participants(ps);
    return check_municipality_names(c);
}

}  // namespace

TEST_CASE("the register holds the 357 municipalities of 2024 with their parallel names", "[municipalities]") {
    CHECK(municipality_register().size() == 357);
    CHECK(municipality_register_valid_from() == d("2024-01-01"));
    const std::pair<const char*, const char*> known[] = {{"0301", "Oslo"},    {"3301", "Drammen"},
                                                         {"3905", "Tønsberg"}, {"5501", "Tromsø"},
                                                         {"4601", "Bergen"},  {"1508", "Ålesund"},
                                                         {"1580", "Haram"}};
    for (const auto& [number, name] : known) {
        const auto m = find_municipality(number);
        REQUIRE(m.has_value());
        CHECK(m->number == number);
        CHECK(m->name == name);
    }
    const auto nordreisa = find_municipality("5544");
    REQUIRE(nordreisa);
    CHECK(nordreisa->name == "Nordreisa - Ráisa - Raisi");
    CHECK(std::vector<std::string_view>(nordreisa->names.begin(), nordreisa->names.end()) ==
          std::vector<std::string_view>{"Nordreisa", "Ráisa", "Raisi"});
    // Numbers of before 2024 and impossible ones are not in it.
    for (const char* gone : {"3005", "3811", "5401", "1507", "9999", "0000", "301"})
        CHECK_FALSE(find_municipality(gone).has_value());
    // In order, numbers unique.
    const auto all = municipality_register();
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].number < all[i].number);
}

TEST_CASE("official names compare ignoring case and spaces, any parallel name accepted", "[municipalities]") {
    const auto tonsberg = *find_municipality("3905");
    CHECK(is_official_name(tonsberg, "Tønsberg"));
    CHECK(is_official_name(tonsberg, "  TØNSBERG\t"));
    CHECK(is_official_name(tonsberg, "tønsberg"));
    CHECK_FALSE(is_official_name(tonsberg, "Bergen"));
    CHECK_FALSE(is_official_name(tonsberg, "Tonsberg"));
    CHECK_FALSE(is_official_name(tonsberg, ""));
    const auto kafjord = *find_municipality("5540");  // Gáivuotna - Kåfjord - Kaivuono
    for (const char* n : {"Kåfjord", "GÁIVUOTNA", "kaivuono", "Gáivuotna - Kåfjord - Kaivuono", "gáivuotna  -  kåfjord - kaivuono"})
        CHECK(is_official_name(kafjord, n));
    CHECK(find_municipalities_named("bergen").size() == 1);
    CHECK(find_municipalities_named("Herøy").size() == 2);  // in Nordland and in Møre og Romsdal
    CHECK(find_municipalities_named("Atlantis").empty());
}

TEST_CASE("3905 named Bergen on its own is a warning naming the register's name", "[municipalities][warnings]") {
    const auto ws = warnings_of(programme_2024(), {in("p1", "0301", "Oslo"), in("p2", "3905", "Bergen"),
                                                   in("p3", "3905", "Bergen")});
    REQUIRE(ws.size() == 1);
    const municipality_warning& w = ws[0];
    CHECK(w.kind == municipality_warning_kind::not_register_name);
    CHECK(w.number == "3905");
    CHECK(w.names == std::vector<std::string>{"Bergen"});
    CHECK(w.participant == 1);
    CHECK(w.path == "/participants/1/municipality/name");
    CHECK(w.register_name == "Tønsberg");
    CHECK(w.register_number == "4601");
    CHECK(describe(w, lang::nb) == "Kommunenummer 3905 er Tønsberg i kommuneregisteret, ikke «Bergen» (Bergen er 4601)");
    CHECK(describe(w, lang::nn) == "Kommunenummer 3905 er Tønsberg i kommuneregisteret, ikkje «Bergen» (Bergen er 4601)");
    CHECK(describe(w, lang::en) ==
          "Municipality number 3905 is Tønsberg in the municipality register, not «Bergen» (Bergen is 4601)");
    CHECK(std::string(to_string(w.kind)) == "not_register_name");
}

TEST_CASE("spellings of the register's names are no warning", "[municipalities][warnings]") {
    CHECK(warnings_of(programme_2024(), {in("p1", "3905", "TØNSBERG"), in("p2", "5540", "Kåfjord"),
                                         in("p3", "5001", "Trondheim - Tråante")})
              .empty());
}

TEST_CASE("two names of which neither is the register's give both warnings", "[municipalities][warnings]") {
    const auto ws = warnings_of(programme_2024(), {in("p1", "3905", "Bergen"), in("p2", "3905", "Bergn")});
    REQUIRE(ws.size() == 2);
    CHECK(ws[0].kind == municipality_warning_kind::two_names);
    CHECK(ws[0].register_name == "Tønsberg");
    CHECK(ws[1].kind == municipality_warning_kind::not_register_name);
    CHECK(ws[1].names == std::vector<std::string>{"Bergen", "Bergn"});
    CHECK(ws[1].participant == 0);
    CHECK_THAT(describe(ws[1], lang::en), Contains("not «Bergen» or «Bergn» (Bergen is 4601)"));
    CHECK_THAT(describe(ws[1], lang::nb), Contains("ikke «Bergen» eller «Bergn»"));
}

TEST_CASE("a number not in the 2024 register is a warning in a cohort from 2024 on", "[municipalities][warnings]") {
    const auto ws = warnings_of(programme_2024(), {in("p1", "3905", "Tønsberg"), in("p2", "3005", "Drammen")});
    REQUIRE(ws.size() == 1);
    const municipality_warning& w = ws[0];
    CHECK(w.kind == municipality_warning_kind::not_in_register);
    CHECK(w.number == "3005");
    CHECK(w.names == std::vector<std::string>{"Drammen"});
    CHECK(w.participant == 1);
    CHECK(w.path == "/participants/1/municipality/number");
    CHECK(w.register_name.empty());
    CHECK(w.register_number == "3301");
    CHECK(describe(w, lang::nb) == "Kommunenummer 3005 («Drammen») finnes ikke i kommuneregisteret fra 1. januar "
                                   "2024: fått nytt nummer i 2020 eller 2024? (Drammen er 3301)");
    CHECK(describe(w, lang::nn) == "Kommunenummer 3005 («Drammen») finst ikkje i kommuneregisteret frå 1. januar "
                                   "2024: fått nytt nummer i 2020 eller 2024? (Drammen er 3301)");
    CHECK(describe(w, lang::en) == "Municipality number 3005 («Drammen») is not in the municipality register of 1 "
                                   "January 2024: renumbered in 2020 or 2024? (Drammen is 3301)");
    // A name of two municipalities suggests no number.
    const auto heroy = warnings_of(programme_2024(), {in("p1", "1818", "Herøy")});
    CHECK(heroy.empty());  // 1818 is Herøy (Nordland) in the register
    const auto unknown = warnings_of(programme_2024(), {in("p1", "3099", "Våler")});
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].register_number.empty());  // Våler: in Østfold and in Innlandet
    CHECK_THAT(describe(unknown[0], lang::en), !Contains(" is 3"));
}

TEST_CASE("a cohort before 2024 is not warned about numbers, only about names", "[municipalities][warnings]") {
    const auto before = th::programme_of(th::year_long_schedule(), {th::attendance(), th::festival_req()});
    CHECK(warnings_of(before, {in("p1", "3005", "Drammen"), in("p2", "0602", "Drammen")}).empty());
    const auto ws = warnings_of(before, {in("p1", "3005", "Drammen"), in("p2", "4601", "Oslo")});
    REQUIRE(ws.size() == 1);
    CHECK(ws[0].kind == municipality_warning_kind::not_register_name);
    CHECK(ws[0].number == "4601");
}
