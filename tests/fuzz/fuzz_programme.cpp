// Fuzzes smart::load_programme (programme documents, smart.programme/1): a loaded programme
// must save and load again to an equal programme with the same text, and a cohort run on
// its default schedule, with a few synthetic participants, is evaluated (fz::exercise).
#include "fuzz_common.hpp"

namespace {

using smart::date;

/// Participants whose records follow the schedule, varied by the input's bytes: attendance
/// of every kind, a note after each day, a final text and a festival role.
std::vector<smart::participant> participants_for(const smart::cohort& c, std::string_view input) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : input.substr(0, 256)) h = (h ^ ch) * 1099511628211ull;
    std::vector<smart::participant> out;
    for (int k = 0; k < 4; ++k) {
        smart::participant p;
        p.id = "p" + std::to_string(k);
        p.name = "Deltaker " + std::to_string(k);
        p.municipality = {k % 2 ? "3905" : "0301", k % 2 ? "Tønsberg" : "Oslo"};
        p.role = k % 3 ? "lærer" : "rektor";
        p.sector = static_cast<smart::sector>(k % 3);
        p.festival_role = static_cast<smart::festival_role>((h >> (k * 2)) % 4);
        const std::size_t days = c.days().size();
        if (k != 3 && days > 0 && days <= 4096) {
            p.attendance.resize(days);
            for (std::size_t d = 0; d < days; ++d)
                p.attendance[d] = static_cast<smart::attendance_status>((h >> ((d + k) % 60)) % 5);
        }
        for (std::size_t d = 0; d < std::min<std::size_t>(days, 64); ++d) {
            smart::submission s;
            s.kind = static_cast<smart::submission_kind>((d + k) % 3);
            s.status = static_cast<smart::submission_status>((h >> (d % 60)) % 3);
            s.on = c.days()[d] + boost::gregorian::days(1 + static_cast<long>(d % 5));
            if (s.on.year() > 9999) continue;
            p.submissions.push_back(s);
        }
        if (days > 0) {
            smart::submission f;
            f.kind = smart::submission_kind::final_text;
            f.status = k == 1 ? smart::submission_status::submitted : smart::submission_status::approved;
            f.on = c.days().back();
            f.pages = static_cast<std::uint16_t>(1 + k * 2);
            f.category = static_cast<smart::final_category>(1 + k % 5);
            f.set_title("Avsluttende tekst");
            p.submissions.push_back(f);
            smart::submission portfolio;
            portfolio.kind = smart::submission_kind::portfolio;
            portfolio.status = smart::submission_status::approved;
            portfolio.on = c.days().back();
            p.submissions.push_back(portfolio);
        }
        if (k == 2 && !c.programme().requirements.empty())
            p.exemptions.push_back({c.programme().requirements.front().id, "Fritak etter søknad", "Rektor", std::nullopt});
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fz::text(data, size);
    smart::programme prog;
    try {
        prog = smart::load_programme(input);
    } catch (const smart::error& e) {
        fz::check_error(e);
        return 0;
    }

    // round trip: load -> save -> load gives an equal programme and the same text
    const std::string saved = smart::save_programme(prog);
    try {
        const smart::programme again = smart::load_programme(saved);
        FZ_CHECK(again == prog, saved);
        FZ_CHECK(smart::save_programme(again) == saved, saved);
    } catch (const smart::error& e) {
        fz::fail("a saved programme does not load again", std::string(e.what()) + "\n" + saved);
    }
    smart::validate(prog);  // a loaded programme is valid

    // a cohort on the programme's default schedule (a template without dates has none)
    const auto shared = std::make_shared<const smart::programme>(std::move(prog));
    std::optional<smart::cohort> c;
    try {
        c.emplace(shared, "fuzz-cohort", "Fuzz cohort");
    } catch (const smart::error& e) {
        fz::check_error(e);
        return 0;
    }
    try {
        c->add_participants(participants_for(*c, input));
    } catch (const smart::error& e) {
        fz::check_error(e);
    }
    fz::cohort_round_trip(*c);
    fz::exercise(*c);
    return 0;
}
