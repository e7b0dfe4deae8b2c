#include <catch2/catch.hpp>
#include <set>

#include "smart/smart.hpp"

using namespace smart;

TEST_CASE("synthetic cohorts are deterministic, fictional and varied", "[synthetic]") {
    synthetic::options o;
    o.years = 3;
    o.participants = 200;
    const auto a = synthetic::cohort_series(o);
    const auto b = synthetic::cohort_series(o);
    REQUIRE(a.size() == 3);
    CHECK(a[0] == b[0]);
    CHECK(a[2] == b[2]);
    CHECK(a[0].id() == "synthetic-2017");
    CHECK(a[0].first_day().year() == 2017);
    CHECK(a[2].last_day().year() == 2020);
    std::set<std::string> ids, munis;
    for (const auto& c : a)
        for (const auto& p : c.participants()) {
            ids.insert(p.id);
            munis.insert(p.municipality.number);
            CHECK(p.name.rfind("Syntetisk deltaker", 0) == 0);
            CHECK_FALSE(p.contact.has_value());
        }
    CHECK(ids.size() == 600);
    CHECK(munis.size() >= 8);
    const evaluation e = evaluate(a[1], a[1].last_day() + boost::gregorian::days(30));
    const auto n = e.counts();
    CHECK(n.eligible > 100);      // most complete
    CHECK(n.not_eligible > 20);   // a realistic share does not
    CHECK(n.in_progress == 0);
    o.seed = 7;
    CHECK_FALSE(synthetic::cohort_series(o)[0] == a[0]);
}
