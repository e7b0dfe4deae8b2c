// Issue 13 (leader-support follow-up) and domain.md, "Follow-up without a certificate":
// between-session work recorded against its gathering, and the follow-up of attendance and
// work per participant and gathering as of a date (docs/follow-up.md).
#include "helpers.hpp"

#include <nlohmann/json.hpp>

using namespace smart;
using th::d;
using th::thrown_by;
using A = attendance_status;
using W = work_status;
using FA = follow_up_attendance;
using Catch::Contains;

namespace Catch {
template <>
struct StringMaker<smart::work_status> {
    static std::string convert(smart::work_status s) { return smart::to_string(s); }
};
template <>
struct StringMaker<smart::follow_up_attendance> {
    static std::string convert(smart::follow_up_attendance s) { return smart::to_string(s); }
};
}  // namespace Catch

namespace {
/// Leader support without certificate rules: a kick-off, g1 (work due 2023-02-08), g2 on
/// the due day (no work), g3 two days (work with no due date).
std::shared_ptr<const programme> leader_support() {
    std::vector<session> s{th::make_session("kickoff", session_kind::kick_off, {d("2022-08-31")}),
                           th::gathering("g1", {d("2022-11-01")}), th::gathering("g2", {d("2023-02-08")}),
                           th::gathering("g3", {d("2023-04-19"), d("2023-04-20")})};
    s[1].work = between_session_work{{"Mellomarbeid", "", ""}, d("2023-02-08")};
    s[3].work = between_session_work{{"Utviklingsplan", "", ""}, std::nullopt};
    return th::programme_of(std::move(s), {});
}

submission work(const char* session_id, date on, submission_status status = submission_status::submitted) {
    submission s = th::doc(submission_kind::between_session_work, on, status);
    s.set_session(session_id);
    if (status != submission_status::submitted) s.set_decision(submission_decision{"Koordinator", on});
    return s;
}

/// The g1 entry (followed gathering 0) of participant 0 as of `as_of`.
follow_up_entry g1_of(const cohort& c, const char* as_of) {
    const follow_up f = evaluate_follow_up(c, d(as_of));
    return f.participants.at(0).entries.at(0);
}
}  // namespace

TEST_CASE("between-session work names a session of the cohort that has between-session work", "[follow_up]") {
    cohort c = th::cohort_with_one(leader_support());
    c.add_submission("p1", work("g1", d("2023-02-01")));
    CHECK(c.find("p1")->submissions[0].session() == "g1");

    auto e = thrown_by([&] { c.add_submission("p1", work("g9", d("2023-02-01"))); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/submissions/1/session");
    CHECK_THAT(e.what(), Contains("no session \"g9\"") && Contains("g1, g3"));

    e = thrown_by([&] { c.add_submission("p1", work("g2", d("2023-02-01"))); });
    CHECK(e.pointer() == "/participants/0/submissions/1/session");
    CHECK_THAT(e.what(), Contains("\"g2\" has no between-session work"));

    e = thrown_by([&] { c.add_submission("p1", th::doc(submission_kind::between_session_work, d("2023-02-01"))); });
    CHECK(e.pointer() == "/participants/0/submissions/1/session");
    CHECK_THAT(e.what(), Contains("expected the id of the session"));

    submission note = th::note(d("2023-02-01"));
    note.set_session("g1");
    e = thrown_by([&] { c.add_submission("p1", note); });
    CHECK(e.pointer() == "/participants/0/submissions/1/session");
    CHECK_THAT(e.what(), Contains("only between-session work names a session"));
    CHECK(c.find("p1")->submissions.size() == 1);
}

TEST_CASE("a cohort document keeps between-session work and its session; a bad session is named by pointer",
          "[follow_up]") {
    cohort c = th::cohort_with_one(leader_support());
    c.add_submission("p1", work("g1", d("2023-02-01"), submission_status::approved));
    const std::string text = save_cohort(c);
    CHECK_THAT(text, Contains("\"session\": \"g1\""));
    CHECK(load_cohort(text) == c);

    auto j = nlohmann::json::parse(text);
    j["participants"][0]["submissions"][0]["session"] = "g2";
    const auto e = thrown_by([&] { (void)load_cohort(j.dump()); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/submissions/0/session");
}

TEST_CASE("work delivered on the due day is delivered, one day later is late", "[follow_up]") {
    cohort c = th::cohort_with_one(leader_support());
    c.add_submission("p1", work("g1", d("2023-02-08")));
    auto e = g1_of(c, "2023-03-01");
    CHECK(e.work == W::delivered);
    CHECK(e.delivered_on == d("2023-02-08"));
    CHECK(e.days_late == 0);

    cohort later = th::cohort_with_one(leader_support());
    later.add_submission("p1", work("g1", d("2023-02-09")));
    e = g1_of(later, "2023-03-01");
    CHECK(e.work == W::late);
    CHECK(e.days_late == 1);
    CHECK(e.review == submission_status::submitted);
}

TEST_CASE("as of the due day itself nothing delivered is missing, the day before it is not due", "[follow_up]") {
    const cohort c = th::cohort_with_one(leader_support());
    CHECK(g1_of(c, "2023-02-07").work == W::not_due);
    CHECK(g1_of(c, "2023-02-08").work == W::missing);
    // work dated after the as-of date has not happened yet
    cohort with = c;
    with.add_submission("p1", work("g1", d("2023-02-05")));
    CHECK(g1_of(with, "2023-02-04").work == W::not_due);
    CHECK(g1_of(with, "2023-02-05").work == W::delivered);
}

TEST_CASE("rejected work counts as rejected until work that is not rejected comes", "[follow_up]") {
    cohort c = th::cohort_with_one(leader_support());
    c.add_submission("p1", work("g1", d("2023-02-01"), submission_status::rejected));
    auto e = g1_of(c, "2023-02-20");
    CHECK(e.work == W::rejected);
    CHECK(e.review == submission_status::rejected);
    CHECK(e.submission == std::size_t{0});
    c.add_submission("p1", work("g1", d("2023-02-12"), submission_status::approved));
    e = g1_of(c, "2023-02-20");
    CHECK(e.work == W::late);
    CHECK(e.days_late == 4);
    CHECK(e.submission == std::size_t{1});
    CHECK(e.review == submission_status::approved);
}

TEST_CASE("a withdrawn participant's undelivered work due after the withdrawal is withdrawn, not missing",
          "[follow_up]") {
    cohort c = th::cohort_with_one(leader_support());
    c.set_attendance("p1", d("2022-11-01"), A::present);
    c.withdraw("p1", d("2023-01-15"), "Sluttet");
    // before the withdrawal date: followed up as usual
    auto f = evaluate_follow_up(c, d("2023-01-14"));
    CHECK_FALSE(f.participants[0].withdrawn);
    CHECK(f.participants[0].entries[0].work == W::not_due);
    f = evaluate_follow_up(c, d("2023-05-01"));
    CHECK(f.participants[0].withdrawn);
    CHECK(f.participants[0].entries[0].attendance == FA::present);
    CHECK(f.participants[0].entries[0].work == W::withdrawn);
    CHECK(f.participants[0].entries[1].attendance == FA::withdrawn);
    CHECK(f.participants[0].entries[2].work == W::withdrawn);

    // work due before the withdrawal and never delivered stays missing
    cohort late = th::cohort_with_one(leader_support());
    late.withdraw("p1", d("2023-03-01"), "Sluttet");
    f = evaluate_follow_up(late, d("2023-05-01"));
    CHECK(f.participants[0].entries[0].work == W::missing);
    CHECK(f.participants[0].entries[0].attendance == FA::not_recorded);
}

TEST_CASE("attendance per gathering: not yet, present, late, partly, excused, absent, not recorded",
          "[follow_up]") {
    cohort c(leader_support(), "c1", "Testkull");
    for (const char* id : {"p1", "p2", "p3", "p4", "p5"}) c.add_participant(th::person(id));
    const std::vector<date> g3 = {d("2023-04-19"), d("2023-04-20")};
    th::record(c, "p1", g3, A::present);
    c.set_attendance("p2", g3[0], A::late);
    c.set_attendance("p2", g3[1], A::present);
    c.set_attendance("p3", g3[0], A::present);
    c.set_attendance("p3", g3[1], A::absent);
    th::record(c, "p4", g3, A::excused);
    c.set_attendance("p5", g3[0], A::excused);
    c.set_attendance("p5", g3[1], A::absent);
    const follow_up f = evaluate_follow_up(c, d("2023-05-01"));
    REQUIRE(f.gatherings.size() == 3);  // the kick-off is not followed
    CHECK(f.participants[0].entries[2].attendance == FA::present);
    CHECK(f.participants[1].entries[2].attendance == FA::late);
    CHECK(f.participants[2].entries[2].attendance == FA::partly);
    CHECK(f.participants[2].entries[2].days_attended == 1);
    CHECK(f.participants[2].entries[2].days_held == 2);
    CHECK(f.participants[3].entries[2].attendance == FA::excused);
    CHECK(f.participants[4].entries[2].attendance == FA::absent);
    CHECK(f.participants[0].entries[0].attendance == FA::not_recorded);
    // as of the first day of a two-day gathering, one day is held
    const follow_up mid = evaluate_follow_up(c, d("2023-04-19"));
    CHECK(mid.participants[2].entries[2].attendance == FA::present);
    CHECK(mid.participants[2].entries[2].days_held == 1);
    CHECK(evaluate_follow_up(c, d("2023-04-18")).participants[0].entries[2].attendance == FA::not_yet);
    // per-gathering counts add up to the participants
    const auto& g = f.gatherings[2];
    CHECK(g.attendance[static_cast<std::size_t>(FA::present)] == 1);
    CHECK(g.attendance[static_cast<std::size_t>(FA::partly)] == 1);
    CHECK(g.work[static_cast<std::size_t>(W::not_due)] == 5);  // no due date: never missing
    CHECK(f.gatherings[1].work[static_cast<std::size_t>(W::no_work)] == 5);
}

TEST_CASE("the follow-up document is smart.follow_up/1 with counts and sentences in three languages",
          "[follow_up]") {
    cohort c = th::cohort_with_one(leader_support());
    c.add_submission("p1", work("g1", d("2023-02-10")));
    const follow_up f = evaluate_follow_up(c, d("2023-03-01"));
    const auto j = nlohmann::json::parse(follow_up_to_json(f));
    CHECK(j["format"] == "smart.follow_up/1");
    CHECK(j["has_certificate"] == false);
    CHECK(j["summary"]["work"]["late"] == 1);
    CHECK(j["gatherings"][0]["due"] == "2023-02-08");
    CHECK(j["gatherings"][0]["theme"] == nlohmann::json{{"nb", ""}, {"nn", ""}, {"en", ""}});  // every language
    const auto& e = j["participants"][0]["gatherings"][0];
    CHECK(e["work"] == "late");
    CHECK(e["days_late"] == 2);
    CHECK(e["text"]["nb"] == "Oppmøte ikke registrert; mellomarbeid levert 10.2.2023, 2 dager etter fristen 8.2.2023.");
    CHECK_THAT(e["text"]["nn"].get<std::string>(), Contains("2 dagar etter fristen"));
    CHECK_THAT(e["text"]["en"].get<std::string>(), Contains("2 days after the due date"));
    CHECK(j["labels"]["work"]["missing"]["nn"] == "manglar");
    CHECK(j["labels"]["headings"]["work"]["en"] == "between-session work");
}

TEST_CASE("the built-in Trygge fagfolk demo cohort follows up without certificates", "[follow_up][catalogue]") {
    const cohort c = catalogue::demo_cohort(catalogue::follow_up_demo_cohort_id);
    CHECK_FALSE(c.programme().has_certificate());
    CHECK(catalogue::demo_cohort_json(catalogue::follow_up_demo_cohort_id) ==
          th::read_text_file(SMART_SOURCE_DIR "/examples/cohorts/trygge-fagfolk-demo.json"));
    const follow_up f = evaluate_follow_up(c, d("2023-06-30"));
    REQUIRE(f.gatherings.size() == 4);
    CHECK(f.gatherings[0].due == d("2023-02-08"));
    // nobody is eligible: the evaluation says no certificate (or withdrawn)
    const evaluation ev = evaluate(c, d("2023-06-30"));
    for (std::size_t i = 0; i < ev.size(); ++i)
        CHECK((ev.result(i).status == overall_status::no_certificate || ev.result(i).status == overall_status::withdrawn));
    const auto count = [&](std::size_t g, W w) { return f.gatherings[g].work[static_cast<std::size_t>(w)]; };
    // g1: see examples/cohorts/README.md, "Demo cohort: trygge-fagfolk-demo.json"
    CHECK(count(0, W::delivered) == 8);
    CHECK(count(0, W::late) == 1);
    CHECK(count(0, W::missing) == 2);
    CHECK(count(0, W::rejected) == 1);
    const auto e = thrown_by([] { (void)catalogue::demo_cohort("nope"); });
    CHECK(e.code() == errc::not_found);
}
