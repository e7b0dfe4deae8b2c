#include "smart/holidays.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "smart/detail/names.hpp"
#include "smart/error.hpp"
#include "wording.hpp"

namespace smart {

namespace {
constexpr std::array<const char*, 12> kind_names{
    "new_years_day", "maundy_thursday", "good_friday",   "easter_sunday", "easter_monday", "labour_day",
    "constitution_day", "ascension_day", "whit_sunday", "whit_monday",   "christmas_day", "boxing_day"};
constexpr std::array<const char*, 3> reason_names{"holiday", "saturday", "sunday"};

struct names3 {
    const char* nb;
    const char* nn;
    const char* en;
};
constexpr std::array<names3, 12> holiday_names{{
    {"første nyttårsdag", "første nyttårsdag", "New Year's Day"},
    {"skjærtorsdag", "skjærtorsdag", "Maundy Thursday"},
    {"langfredag", "langfredag", "Good Friday"},
    {"første påskedag", "første påskedag", "Easter Sunday"},
    {"andre påskedag", "andre påskedag", "Easter Monday"},
    {"arbeidernes dag (1. mai)", "arbeidarane sin dag (1. mai)", "Labour Day (1 May)"},
    {"grunnlovsdagen (17. mai)", "grunnlovsdagen (17. mai)", "Constitution Day (17 May)"},
    {"Kristi himmelfartsdag", "Kristi himmelfartsdag", "Ascension Day"},
    {"første pinsedag", "første pinsedag", "Whit Sunday"},
    {"andre pinsedag", "andre pinsedag", "Whit Monday"},
    {"første juledag", "første juledag", "Christmas Day"},
    {"andre juledag", "andre juledag", "Boxing Day"},
}};

constexpr int first_year = 1583;  // the first full year of the Gregorian calendar
constexpr int last_year = 9999;   // Boost.Date_Time's last year
}  // namespace

const char* to_string(holiday_kind k) noexcept { return detail::name_of(k, kind_names); }
const char* to_string(schedule_warning_reason r) noexcept { return detail::name_of(r, reason_names); }

const char* holiday_name(holiday_kind k, lang l) noexcept {
    const auto i = static_cast<std::size_t>(k);
    if (i >= holiday_names.size()) return "?";
    return detail::t(l, holiday_names[i].nb, holiday_names[i].nn, holiday_names[i].en);
}

date easter_sunday(int year) {
    if (year < first_year || year > last_year)
        throw error(errc::invalid_argument, "easter_sunday: year " + std::to_string(year) +
                                                " is outside the Gregorian years 1583-9999");
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

std::vector<holiday> holidays_in(int year) {
    const date easter = easter_sunday(year);
    const auto y = static_cast<unsigned short>(year);
    auto shifted = [&](int days) { return easter + boost::gregorian::days(days); };
    std::vector<holiday> out{
        {date(y, 1, 1), holiday_kind::new_years_day},   {shifted(-3), holiday_kind::maundy_thursday},
        {shifted(-2), holiday_kind::good_friday},       {easter, holiday_kind::easter_sunday},
        {shifted(1), holiday_kind::easter_monday},      {date(y, 5, 1), holiday_kind::labour_day},
        {date(y, 5, 17), holiday_kind::constitution_day}, {shifted(39), holiday_kind::ascension_day},
        {shifted(49), holiday_kind::whit_sunday},       {shifted(50), holiday_kind::whit_monday},
        {date(y, 12, 25), holiday_kind::christmas_day}, {date(y, 12, 26), holiday_kind::boxing_day},
    };
    // Ascension and Whitsun move around 1 and 17 May (Ascension is 1 May in 2008, 17 May in
    // 2007): date order, the fixed order of the kinds on a shared day
    std::stable_sort(out.begin(), out.end(), [](const holiday& a, const holiday& b) { return a.day < b.day; });
    return out;
}

std::optional<holiday> public_holiday(date d) {
    if (d.is_special()) return std::nullopt;
    const int year = static_cast<int>(d.year());
    if (year < first_year || year > last_year) return std::nullopt;
    for (const holiday& h : holidays_in(year))
        if (h.day == d) return h;
    return std::nullopt;
}

std::vector<schedule_warning> check_schedule_days(const std::vector<session>& sessions) {
    std::vector<schedule_warning> out;
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        for (const date d : sessions[i].days) {
            if (d.is_special()) continue;
            schedule_warning w{i, sessions[i].id, d, schedule_warning_reason::holiday, std::nullopt};
            if (const auto h = public_holiday(d)) {
                w.holiday = h->kind;
            } else if (d.day_of_week() == boost::date_time::Saturday) {
                w.reason = schedule_warning_reason::saturday;
            } else if (d.day_of_week() == boost::date_time::Sunday) {
                w.reason = schedule_warning_reason::sunday;
            } else {
                continue;
            }
            out.push_back(std::move(w));
        }
    }
    return out;
}

std::string describe(const schedule_warning& w, lang l) {
    using detail::t;
    std::string s = t(l, "Økten «", "Økta «", "Session «");
    s += w.session_id;
    s += t(l, "» ", "» ", "» on ");
    s += detail::day_text(w.day, l);
    s += t(l, " faller på ", " fell på ", " falls on ");
    switch (w.reason) {
        case schedule_warning_reason::holiday:
            s += holiday_name(w.holiday.value_or(holiday_kind::new_years_day), l);
            s += t(l, ", en offentlig høytidsdag", ", ein offentleg høgtidsdag", ", a public holiday");
            break;
        case schedule_warning_reason::saturday: s += t(l, "en lørdag", "ein laurdag", "a Saturday"); break;
        case schedule_warning_reason::sunday: s += t(l, "en søndag", "ein sundag", "a Sunday"); break;
    }
    return s;
}

std::string schedule_warnings_to_json(const std::vector<schedule_warning>& warnings, lang l) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& w : warnings)
        list.push_back({{"session", w.session_id},
                        {"day", to_iso(w.day)},
                        {"reason", to_string(w.reason)},
                        {"holiday", w.holiday ? nlohmann::json(to_string(*w.holiday)) : nlohmann::json()},
                        {"message", describe(w, l)}});
    return list.dump();
}

}  // namespace smart
