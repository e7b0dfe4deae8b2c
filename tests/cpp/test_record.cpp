// Issue 11: a register corrects itself. A submission's status is set with who decided and
// when; a submission is corrected or removed (addressed by participant id and its index in
// the participant's submissions); a participant's details are corrected. Every change is
// validated and all-or-nothing, with JSON Pointer errors.
#include "helpers.hpp"

using namespace smart;
using th::d;
using th::thrown_by;
using Catch::Contains;

namespace {
std::shared_ptr<const programme> approval_programme() {
    final_text_rule f;
    f.require_approval = true;
    return th::programme_of(th::trainer_schedule(), {th::final_text(f)});
}
const date after_programme = d("2025-05-01");

cohort with_text() {
    cohort c = th::cohort_with_one(approval_programme());
    c.add_submission("p1", th::text(d("2025-04-01"), 3));
    return c;
}
}  // namespace

TEST_CASE("approving a submission records who decided and when, and makes it count", "[record][status]") {
    cohort c = with_text();
    REQUIRE(th::state_of(c, after_programme) == requirement_state::unmet);
    c.set_submission_status("p1", 0, submission_status::approved, "Fagleder Hansen", d("2025-04-05"));
    const submission& s = c.find("p1")->submissions[0];
    CHECK(s.status == submission_status::approved);
    REQUIRE(s.decision());
    CHECK(s.decision()->by == "Fagleder Hansen");
    CHECK(s.decision()->on == d("2025-04-05"));
    CHECK(th::state_of(c, after_programme) == requirement_state::met);

    SECTION("rejecting it afterwards makes it count no more") {
        c.set_submission_status("p1", 0, submission_status::rejected, "Koordinator", d("2025-04-06"));
        CHECK(th::state_of(c, after_programme) == requirement_state::unmet);
        CHECK(c.find("p1")->submissions[0].decision()->by == "Koordinator");
    }
    SECTION("setting it back to submitted clears the decision") {
        c.set_submission_status("p1", 0, submission_status::submitted);
        CHECK_FALSE(c.find("p1")->submissions[0].decision());
    }
}

TEST_CASE("a decision needs who and when, not before the document, and changes nothing when refused",
          "[record][status]") {
    cohort c = with_text();
    const cohort before = c;
    const auto stamp = c.stamp();
    error e = thrown_by([&] { c.set_submission_status("p1", 0, submission_status::approved, "", d("2025-04-05")); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/submissions/0/decided_by");
    e = thrown_by([&] { c.set_submission_status("p1", 0, submission_status::approved, "Hansen", std::nullopt); });
    CHECK(e.pointer() == "/participants/0/submissions/0/decided_on");
    e = thrown_by([&] { c.set_submission_status("p1", 0, submission_status::approved, "Hansen", d("2025-03-01")); });
    CHECK(e.pointer() == "/participants/0/submissions/0/decided_on");
    CHECK_THAT(e.message(), Contains("2025-04-01"));
    e = thrown_by([&] { c.set_submission_status("p1", 0, submission_status::submitted, "Hansen", d("2025-04-05")); });
    CHECK(e.code() == errc::validation_error);
    e = thrown_by([&] { c.set_submission_status("p1", 1, submission_status::approved, "Hansen", d("2025-04-05")); });
    CHECK(e.code() == errc::not_found);
    CHECK(e.pointer() == "/participants/0/submissions/1");
    CHECK(thrown_by([&] { c.set_submission_status("p9", 0, submission_status::approved, "H", d("2025-04-05")); })
              .code() == errc::not_found);
    CHECK(c == before);
    CHECK(c.stamp() == stamp);
}

TEST_CASE("a submission is corrected in place and validated like a new one", "[record][submission]") {
    cohort c = with_text();
    c.add_submission("p1", th::note(d("2024-10-01")));
    submission fixed = th::text(d("2025-04-02"), 2, final_category::method);
    fixed.set_title("Min metode");
    c.correct_submission("p1", 0, fixed);
    CHECK(c.find("p1")->submissions[0] == fixed);
    CHECK(c.find("p1")->submissions.size() == 2);

    submission bad = fixed;
    bad.pages = 0;
    const error e = thrown_by([&] { c.correct_submission("p1", 1, bad); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/submissions/1/pages");
    CHECK(c.find("p1")->submissions[1].kind == submission_kind::reflection);
    CHECK(thrown_by([&] { c.correct_submission("p1", 2, fixed); }).code() == errc::not_found);
}

TEST_CASE("a mistaken submission is removed; the later ones move up", "[record][submission]") {
    cohort c = with_text();
    c.add_submission("p1", th::note(d("2024-10-01")));
    c.add_submission("p1", th::note(d("2024-12-01")));
    c.remove_submission("p1", 1);
    REQUIRE(c.find("p1")->submissions.size() == 2);
    CHECK(c.find("p1")->submissions[1].on == d("2024-12-01"));
    CHECK(thrown_by([&] { c.remove_submission("p1", 2); }).code() == errc::not_found);
    CHECK(c.find("p1")->submissions.size() == 2);
}

TEST_CASE("a participant's details are corrected; the id stays", "[record][participant]") {
    cohort c = with_text();
    participant_details fixed{"Kari Nordmann-Hansen", {"3911", "Færder"}, "rektor", sector::private_sector};
    c.correct_participant("p1", fixed);
    const participant& p = *c.find("p1");
    CHECK(p.name == "Kari Nordmann-Hansen");
    CHECK(p.municipality == municipality{"3911", "Færder"});
    CHECK(p.role == "rektor");
    CHECK(p.sector == sector::private_sector);
    CHECK(p.submissions.size() == 1);  // the records stay

    const cohort before = c;
    participant_details bad = fixed;
    bad.municipality.number = "38";
    error e = thrown_by([&] { c.correct_participant("p1", bad); });
    CHECK(e.code() == errc::validation_error);
    CHECK(e.pointer() == "/participants/0/municipality/number");
    bad = fixed;
    bad.name = "";
    e = thrown_by([&] { c.correct_participant("p1", bad); });
    CHECK(e.pointer() == "/participants/0/name");
    CHECK(c == before);
}

TEST_CASE("a submission's decision is checked on entry as on load", "[record][status]") {
    cohort c = th::cohort_with_one(approval_programme());
    submission s = th::text(d("2025-04-01"));
    s.set_decision(submission_decision{"Hansen", d("2025-04-02")});
    CHECK(thrown_by([&] { c.add_submission("p1", s); }).pointer() == "/participants/0/submissions/0/decided_by");
    s.status = submission_status::approved;
    c.add_submission("p1", s);
    CHECK(c.find("p1")->submissions[0].decision()->on == d("2025-04-02"));
}

TEST_CASE("an evaluation made before a correction keeps the records it was made from", "[record][snapshot]") {
    cohort c = with_text();
    const evaluation e = evaluate(c, after_programme);
    c.set_submission_status("p1", 0, submission_status::approved, "Hansen", d("2025-04-05"));
    c.correct_participant("p1", {"Nytt Navn", {"3905", "Tønsberg"}, "lærer", sector::public_sector});
    CHECK(e.participant(0).name == "Kari Nordmann");
    CHECK(e.participant(0).submissions[0].status == submission_status::submitted);
    CHECK(e.requirements(0)[0].state == requirement_state::unmet);
    CHECK_FALSE(e.made_from(c));
}

TEST_CASE("a decision survives saving and loading the cohort", "[record][json]") {
    cohort c = with_text();
    c.set_submission_status("p1", 0, submission_status::approved, "Fagleder Hansen", d("2025-04-05"));
    const std::string doc = save_cohort(c);
    CHECK_THAT(doc, Contains("\"decided_by\": \"Fagleder Hansen\""));
    CHECK_THAT(doc, Contains("\"decided_on\": \"2025-04-05\""));
    CHECK(load_cohort(doc) == c);
}
