#include "smart/synthetic.hpp"

#include <array>
#include <cstdio>
#include <random>

#include "smart/catalogue.hpp"
#include "smart/error.hpp"

namespace smart::synthetic {

namespace {

struct muni {
    const char* number;
    const char* name;
    int weight;  // relative share of participants
};
// Real municipalities (2024 numbers) near the SMART centre, and a few further away.
constexpr std::array<muni, 12> municipalities{{{"3905", "Tønsberg", 30},
                                               {"3903", "Holmestrand", 10},
                                               {"3901", "Horten", 9},
                                               {"3911", "Færder", 8},
                                               {"3907", "Sandefjord", 8},
                                               {"3909", "Larvik", 7},
                                               {"3301", "Drammen", 7},
                                               {"3303", "Kongsberg", 6},
                                               {"3441", "Gausdal", 4},
                                               {"0301", "Oslo", 5},
                                               {"3312", "Lier", 3},
                                               {"4601", "Bergen", 3}}};
constexpr std::array<const char*, 10> roles{"lærer",          "barnehagelærer", "miljøterapeut", "SFO-leder",
                                            "rektor",         "helsesykepleier", "barnevernspedagog",
                                            "fagarbeider",    "assistent",      "frivillig koordinator"};

/// The trainer programme's schedule moved to the autumn of `year`.
std::vector<session> schedule_for(const programme& p, int year) {
    std::vector<session> out = p.sessions;
    const int shift = year - 2024;
    for (auto& s : out)
        for (auto& d : s.days) {
            const auto ymd = d.year_month_day();
            date moved(static_cast<unsigned short>(ymd.year + shift), ymd.month, 1);
            // keep the weekday pattern roughly: same day of month, clamped to the month's end
            const int last = moved.end_of_month().day();
            d = date(moved.year(), moved.month(), static_cast<unsigned short>(std::min<int>(ymd.day, last)));
        }
    return out;
}

}  // namespace

namespace {

/// Draws the synthetic people: one random sequence (seeded once) for the whole series, in
/// a fixed order of draws, so the same options always give the same cohorts.
class generator {
public:
    explicit generator(const options& o) : o_(o), rng_(o.seed) {
        int total_weight = 0;
        for (const auto& m : municipalities) total_weight += m.weight;
        pick_muni_ = std::uniform_int_distribution<int>(0, total_weight - 1);
    }

    participant person(std::size_t serial, const cohort& c, const std::vector<std::size_t>& gathering_ends) {
        participant p = identity(serial);
        const bool drops_out = pct() < o_.dropout_percent;
        const std::size_t stop_day =
            drops_out ? gathering_ends[static_cast<std::size_t>(pct()) % gathering_ends.size()] : c.days().size();
        const int diligence = pct();  // higher: more reliable
        attend(p, c.days().size(), stop_day, diligence);
        submit(p, c, gathering_ends, stop_day, drops_out, diligence);
        if (pct() < 2) p.exemptions.push_back({"festival", "Syk på festivaldagen (syntetisk)", "Koordinator (fiktiv)", std::nullopt});
        return p;
    }

private:
    int pct() { return pct_(rng_); }

    participant identity(std::size_t serial) {
        participant p;
        char id[32];
        std::snprintf(id, sizeof id, "s%07zu", serial);
        p.id = id;
        char name[48];
        std::snprintf(name, sizeof name, "Syntetisk deltaker %05zu", serial % 100000);
        p.name = name;
        int w = pick_muni_(rng_);
        const muni* m = &municipalities[0];
        for (const auto& candidate : municipalities) {
            if (w < candidate.weight) {
                m = &candidate;
                break;
            }
            w -= candidate.weight;
        }
        p.municipality = {m->number, m->name};
        p.role = roles[pick_role_(rng_)];
        const int s = pct();
        p.sector = s < 82 ? sector::public_sector : s < 94 ? sector::private_sector : sector::voluntary;
        return p;
    }

    void attend(participant& p, std::size_t days, std::size_t stop_day, int diligence) {
        p.attendance.resize(days);
        for (std::size_t d = 0; d < days; ++d) {
            if (d > stop_day) {
                p.attendance[d] = attendance_status::absent;
                continue;
            }
            const int x = pct();
            const int miss = diligence < 10 ? 20 : 4;
            p.attendance[d] = x < miss / 2        ? attendance_status::absent
                              : x < miss          ? attendance_status::excused
                              : x < miss + 5      ? attendance_status::late
                              : x == 99 && d % 3 ? attendance_status::unrecorded
                                                  : attendance_status::present;
        }
    }

    void submit(participant& p, const cohort& c, const std::vector<std::size_t>& gathering_ends, std::size_t stop_day,
                bool drops_out, int diligence) {
        for (std::size_t g = 0; g + 1 < gathering_ends.size(); ++g) {
            if (gathering_ends[g] > stop_day) break;
            if (pct() < (diligence < 15 ? 75 : 96))
                p.submissions.push_back({submission_kind::practice_blog, submission_status::submitted,
                                         c.days()[gathering_ends[g]] + boost::gregorian::days(7 + pct() % 30),
                                         std::nullopt, final_category::none, {}});
        }
        if (!drops_out && pct() < (diligence < 15 ? 70 : 95)) {
            const int pages = pct() < 4 ? 1 : 2 + pct() % 2;
            p.submissions.push_back({submission_kind::final_text, submission_status::submitted,
                                     c.last_day() - boost::gregorian::days(3 + pct() % 20),
                                     static_cast<std::uint16_t>(pages), static_cast<final_category>(1 + pct() % 4), {}});
        }
    }

    const options& o_;
    std::mt19937_64 rng_;
    std::uniform_int_distribution<int> pct_{0, 99};
    std::uniform_int_distribution<int> pick_muni_;
    std::uniform_int_distribution<std::size_t> pick_role_{0, roles.size() - 1};
};

/// The last day index of each gathering of the cohort's schedule.
std::vector<std::size_t> gathering_ends(const cohort& c) {
    std::vector<std::size_t> ends;
    const auto& days = c.days();
    const auto& sessions = c.sessions();
    for (std::size_t d = 0; d < days.size(); ++d)
        if (sessions[c.session_of_day(d)].kind == session_kind::gathering &&
            (d + 1 == days.size() || c.session_of_day(d + 1) != c.session_of_day(d)))
            ends.push_back(d);
    return ends;
}

}  // namespace

std::vector<cohort> cohort_series(const options& o) {
    if (o.years < 1 || o.participants < 1) throw error(errc::invalid_argument, "expected at least one year and one participant");
    const auto prog = catalogue::get("smart-trener-2024");
    generator g(o);
    std::vector<cohort> out;
    std::size_t serial = 0;
    for (int y = 0; y < o.years; ++y) {
        const int year = o.first_year + y;
        cohort c(prog, "synthetic-" + std::to_string(year),
                 "Syntetisk kull " + std::to_string(year) + "/" + std::to_string(year + 1) + " (fiktive deltakere)",
                 static_cast<int>(o.participants), schedule_for(*prog, year));
        const std::vector<std::size_t> ends = gathering_ends(c);
        std::vector<participant> ps;
        ps.reserve(o.participants);
        for (std::size_t i = 0; i < o.participants; ++i, ++serial) ps.push_back(g.person(serial, c, ends));
        c.add_participants(std::move(ps));
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace smart::synthetic
