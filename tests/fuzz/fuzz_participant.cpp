// Fuzzes smart::load_participant: one participant object read against the built-in demo
// cohort (its schedule places the attendance). The participant must save and load again
// to an equal one with the same text; it is then added to a small cohort of the same
// programme and schedule (holding three demo participants, so duplicate ids are met), and
// that cohort is round-tripped and evaluated.
#include "fuzz_common.hpp"

namespace {

const smart::cohort& demo() {
    static const smart::cohort c = smart::catalogue::demo_cohort();
    return c;
}

/// The demo cohort's programme and schedule, no capacity, its first three participants.
const smart::cohort& small() {
    static const smart::cohort c = [] {
        const smart::cohort& d = demo();
        smart::cohort s(d.programme_ptr(), "fuzz-small", "Fuzz", std::nullopt,
                        d.has_own_sessions() ? d.sessions() : std::vector<smart::session>{}, d.programme_ref());
        std::vector<smart::participant> ps(d.participants().begin(), d.participants().begin() + 3);
        s.add_participants(std::move(ps));
        return s;
    }();
    return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    smart::participant p;
    try {
        p = smart::load_participant(fz::text(data, size), demo());
    } catch (const smart::error& e) {
        fz::check_error(e);
        return 0;
    }

    const std::string saved = smart::save_participant(p, demo());
    try {
        const smart::participant again = smart::load_participant(saved, demo());
        FZ_CHECK(again == p, saved);
        FZ_CHECK(smart::save_participant(again, demo()) == saved, saved);
    } catch (const smart::error& e) {
        fz::fail("a saved participant does not load again", std::string(e.what()) + "\n" + saved);
    }

    smart::cohort c = small();
    try {
        c.add_participant(std::move(p));
    } catch (const smart::error& e) {
        fz::check_error(e);
        return 0;
    }
    FZ_CHECK(c.size() == small().size() + 1, "");
    fz::cohort_round_trip(c);
    fz::exercise(c, c.size());
    return 0;
}
