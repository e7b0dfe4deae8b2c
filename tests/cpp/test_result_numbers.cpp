// The one table of result numbers (result_numbers.hpp): its shape, how it reads a result,
// and the evaluation document showing every number of a kind under its one name.
#include "helpers.hpp"

#include <nlohmann/json.hpp>
#include <set>

using namespace smart;
using th::d;
using A = attendance_status;

namespace {

std::shared_ptr<const programme> four_kinds(bool portfolio = false) {
    final_text_rule ft;
    ft.min_pages = 2;
    ft.max_pages = 3;
    interval_notes_rule nr;
    nr.require_portfolio_approval = portfolio;
    festival_rule fr;
    fr.roles = {festival_role::workshop, festival_role::exhibition};
    return th::programme_of(th::trainer_schedule(),
                            {th::attendance(), th::notes(nr), th::final_text(ft), th::festival_req(fr)});
}

/// A cohort where every number has a value somewhere: a complete participant, one with a
/// gap (a missing interval, an open one, no final text), and one with nothing recorded.
cohort varied_cohort(bool portfolio) {
    cohort c(four_kinds(portfolio), "c1", "Testkull");
    c.add_participant(th::person("p1"));
    c.add_participant(th::person("p2", "Ola Nordmann"));
    c.add_participant(th::person("p3", "Per Hansen"));
    th::record(c, "p1", th::trainer_days(), A::present);
    c.set_attendance("p1", th::trainer_festival_day, A::present);
    c.add_submission("p1", th::note(d("2024-10-01")));
    c.add_submission("p1", th::note(d("2024-12-01")));
    c.add_submission("p1", th::note(d("2025-02-01")));
    c.add_submission("p1", th::text(d("2025-04-01"), 3, final_category::method));
    c.set_festival_role("p1", festival_role::workshop);
    th::record(c, "p2", {th::trainer_days()[0], th::trainer_days()[1]}, A::late);
    c.add_submission("p2", th::note(d("2024-12-01")));
    return c;
}

/// What the document shows for a number's value: the JSON the table's type calls for.
nlohmann::json expected_json(const number_value& v) {
    return std::visit(
        [](const auto& x) -> nlohmann::json {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, std::monostate>) return nullptr;
            else if constexpr (std::is_same_v<X, ratio>) return x.to_string();
            else if constexpr (std::is_same_v<X, date>) return to_iso(x);
            else if constexpr (std::is_same_v<X, interval_set>) return x.numbers();
            else if constexpr (std::is_same_v<X, festival_role>) return to_string(x);
            else return x;
        },
        v);
}

}  // namespace

TEST_CASE("the table lists every number once, in enum order, with a unique name", "[numbers]") {
    const auto fields = number_fields();
    REQUIRE(fields.size() == 18);
    std::set<std::string> names;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const number_field& f = fields[i];
        CHECK(static_cast<std::size_t>(f.number) == i);
        CHECK(names.insert(f.name).second);
        CHECK(std::string(to_string(f.number)) == f.name);
        CHECK(find_number(f.name) == &f);
        CHECK(&field_of(f.number) == &f);
        CHECK(f.kinds != 0);
        CHECK(std::string(f.description).size() > 10);
        const int pointers = (f.count != nullptr) + (f.fraction != nullptr) + (f.day != nullptr) +
                             (f.interval_bits != nullptr) + (f.festival != nullptr) + (f.flag != nullptr);
        CHECK(pointers == 1);
    }
    CHECK(find_number("missing") == nullptr);
    CHECK(find_number("intervals_missing") == nullptr);
    CHECK(th::thrown_by([] { (void)field_of(static_cast<result_number>(18)); }).code() == errc::invalid_argument);
}

TEST_CASE("each requirement kind has its numbers, in table order", "[numbers]") {
    auto names = [](requirement_kind k) {
        std::vector<std::string> out;
        for (const number_field* f : numbers_of(k)) out.push_back(f->name);
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(names(requirement_kind::attendance) ==
          V{"attended", "counted_days", "required_days", "past_days", "remaining_days", "unrecorded_days"});
    CHECK(names(requirement_kind::interval_notes) == V{"intervals", "intervals_met", "missing_intervals", "open_intervals",
                                                       "portfolio_approved", "portfolio_deadline", "awaiting_approval"});
    CHECK(names(requirement_kind::final_text) == V{"awaiting_approval", "date", "pages", "deadline"});
    CHECK(names(requirement_kind::festival) == V{"date", "role", "festival_day"});
}

TEST_CASE("reading a number gives its type's value, or nothing when absent or of another kind", "[numbers]") {
    const cohort c = varied_cohort(false);
    const evaluation e = evaluate(c, d("2024-12-15"));
    const auto p2 = e.requirements(1);
    CHECK(std::get<ratio>(read(p2[0], field_of(result_number::attended))) == ratio(2));
    CHECK(std::get<std::int64_t>(read(p2[0], field_of(result_number::counted_days))) == 8);
    CHECK(std::holds_alternative<std::monostate>(read(p2[0], field_of(result_number::intervals))));
    CHECK(std::get<interval_set>(read(p2[1], field_of(result_number::missing_intervals))).numbers() == std::vector<int>{1});
    CHECK(std::get<interval_set>(read(p2[1], field_of(result_number::open_intervals))).numbers() == std::vector<int>{3});
    CHECK(std::get<bool>(read(p2[1], field_of(result_number::portfolio_approved))) == false);
    // not required: no portfolio deadline
    CHECK(std::holds_alternative<std::monostate>(read(p2[1], field_of(result_number::portfolio_deadline))));
    // no final text: no date, no pages; the deadline is known
    CHECK(std::holds_alternative<std::monostate>(read(p2[2], field_of(result_number::date))));
    CHECK(std::holds_alternative<std::monostate>(read(p2[2], field_of(result_number::pages))));
    CHECK(std::get<date>(read(p2[2], field_of(result_number::deadline))) == th::trainer_festival_day);
    CHECK(std::holds_alternative<std::monostate>(read(p2[3], field_of(result_number::role))));
    CHECK(std::get<date>(read(p2[3], field_of(result_number::festival_day))) == th::trainer_festival_day);
}

TEST_CASE("the evaluation document shows every number of a kind under its one name", "[numbers][json]") {
    for (bool portfolio : {false, true})
        for (const char* as_of : {"2024-12-15", "2025-04-30"}) {
            const cohort c = varied_cohort(portfolio);
            const evaluation e = evaluate(c, d(as_of));
            const auto doc = nlohmann::json::parse(evaluation_to_json(e, c));
            for (std::size_t i = 0; i < e.size(); ++i) {
                const auto results = e.requirements(i);
                for (std::size_t r = 0; r < results.size(); ++r) {
                    const auto& numbers = doc.at("participants")[i].at("requirements")[r].at("numbers");
                    std::set<std::string> expected;
                    for (const number_field* f : numbers_of(results[r].kind)) {
                        expected.insert(f->name);
                        INFO(f->name << " of participant " << i << " as of " << as_of);
                        REQUIRE(numbers.contains(f->name));
                        CHECK(numbers.at(f->name) == expected_json(read(results[r], *f)));
                    }
                    std::set<std::string> shown;
                    for (const auto& [key, value] : numbers.items()) shown.insert(key);
                    CHECK(shown == expected);
                }
            }
        }
}
