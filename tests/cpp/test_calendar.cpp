// Norwegian public holidays, the schedule check, and the iCalendar writer (issue 13).
#include <boost/date_time/posix_time/posix_time.hpp>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace smart;
using th::d;
using th::thrown_by;

namespace {

/// The content lines of an iCalendar text, unfolded.
std::vector<std::string> unfolded(const std::string& ics) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < ics.size()) {
        const auto end = ics.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        const std::string line = ics.substr(pos, end - pos);
        if (!line.empty() && line[0] == ' ') {
            REQUIRE(!out.empty());
            out.back() += line.substr(1);
        } else {
            out.push_back(line);
        }
        pos = end + 2;
    }
    return out;
}

std::vector<std::string> lines_starting(const std::string& ics, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& l : unfolded(ics))
        if (l.rfind(prefix, 0) == 0) out.push_back(l);
    return out;
}

/// The value of property `name` of the VEVENT with this uid.
std::string property_of(const std::string& ics, const std::string& uid, const std::string& name) {
    bool in = false;
    for (const auto& l : unfolded(ics)) {
        if (l == "BEGIN:VEVENT") in = false;
        if (l == "UID:" + uid) in = true;
        if (in && l.rfind(name, 0) == 0) return l.substr(l.find(':') + 1);
    }
    return "<none>";
}

const boost::posix_time::ptime stamp(boost::gregorian::date(2025, 1, 2), boost::posix_time::hours(3));

calendar_event all_day(std::string uid, std::string summary, date first, date last) {
    calendar_event e;
    e.uid = std::move(uid);
    e.summary = std::move(summary);
    e.first = first;
    e.last = last;
    return e;
}

calendar_event timed(std::string uid, date day, time_of_day start, time_of_day end) {
    calendar_event e;
    e.uid = std::move(uid);
    e.summary = "Grunnkurs";
    e.first = e.last = day;
    e.start = start;
    e.end = end;
    return e;
}

}  // namespace

TEST_CASE("easter_sunday is a Sunday between 22 March and 25 April, and holidays_in in date order, in every Gregorian year", "[holidays]") {
    for (int y = 1583; y <= 9999; ++y) {
        const date e = easter_sunday(y);
        INFO(y);
        REQUIRE(e.year() == y);
        REQUIRE(e.day_of_week() == boost::date_time::Sunday);
        REQUIRE(e >= date(static_cast<unsigned short>(y), 3, 22));
        REQUIRE(e <= date(static_cast<unsigned short>(y), 4, 25));
        const auto hs = holidays_in(y);
        REQUIRE(hs.size() == 12);
        for (std::size_t i = 1; i < hs.size(); ++i) REQUIRE(hs[i - 1].day <= hs[i].day);  // date order
    }
    CHECK(thrown_by([] { easter_sunday(1582); }).code() == errc::invalid_argument);
}

TEST_CASE("easter_sunday matches published Easter dates", "[holidays]") {
    // from the almanac: the earliest (22 March 2285) and latest (25 April 2038) of the era too
    CHECK(easter_sunday(2024) == d("2024-03-31"));
    CHECK(easter_sunday(2025) == d("2025-04-20"));
    CHECK(easter_sunday(2000) == d("2000-04-23"));
    CHECK(easter_sunday(1961) == d("1961-04-02"));
    CHECK(easter_sunday(2038) == d("2038-04-25"));
    CHECK(easter_sunday(2285) == d("2285-03-22"));
}

TEST_CASE("holidays_in gives the 12 Norwegian public holidays relative to Easter", "[holidays]") {
    const auto hs = holidays_in(2025);
    REQUIRE(hs.size() == 12);
    const date e = easter_sunday(2025);
    auto day_of = [&](holiday_kind k) {
        for (const auto& h : hs)
            if (h.kind == k) return h.day;
        return date();
    };
    CHECK(day_of(holiday_kind::new_years_day) == d("2025-01-01"));
    CHECK(day_of(holiday_kind::maundy_thursday) == e - boost::gregorian::days(3));
    CHECK(day_of(holiday_kind::good_friday) == e - boost::gregorian::days(2));
    CHECK(day_of(holiday_kind::easter_monday) == e + boost::gregorian::days(1));
    CHECK(day_of(holiday_kind::ascension_day) == e + boost::gregorian::days(39));
    CHECK(day_of(holiday_kind::whit_sunday) == e + boost::gregorian::days(49));
    CHECK(day_of(holiday_kind::whit_monday) == e + boost::gregorian::days(50));
    CHECK(day_of(holiday_kind::labour_day) == d("2025-05-01"));
    CHECK(day_of(holiday_kind::constitution_day) == d("2025-05-17"));
    CHECK(day_of(holiday_kind::christmas_day) == d("2025-12-25"));
    CHECK(day_of(holiday_kind::boxing_day) == d("2025-12-26"));
    for (std::size_t i = 1; i < hs.size(); ++i) CHECK(hs[i - 1].day < hs[i].day);
    CHECK(public_holiday(d("2025-05-29"))->kind == holiday_kind::ascension_day);
    CHECK_FALSE(public_holiday(d("2025-05-28")));
    CHECK(std::string(holiday_name(holiday_kind::ascension_day, lang::en)) == "Ascension Day");
}

TEST_CASE("check_schedule_days warns about holidays and weekends, one warning per day", "[holidays]") {
    const std::vector<session> sessions{
        th::gathering("g1", {d("2025-05-16"), d("2025-05-17"), d("2025-05-18")}),  // Fri, 17 May (Sat), Sun
        th::gathering("g2", {d("2025-06-09")}),                                    // Whit Monday
        th::gathering("g3", {d("2025-06-10")}),                                    // an ordinary Tuesday
        th::festival("festival", d("2025-04-20")),                                 // Easter Sunday
    };
    const auto ws = check_schedule_days(sessions);
    REQUIRE(ws.size() == 4);
    CHECK(ws[0].session_id == "g1");
    CHECK(ws[0].day == d("2025-05-17"));
    CHECK(ws[0].reason == schedule_warning_reason::holiday);
    CHECK(ws[0].holiday == holiday_kind::constitution_day);
    CHECK(ws[1].reason == schedule_warning_reason::sunday);
    CHECK(ws[2].holiday == holiday_kind::whit_monday);
    CHECK(ws[2].session == 1);
    CHECK(ws[3].holiday == holiday_kind::easter_sunday);  // the holiday, not "a Sunday"
    CHECK(describe(ws[0], lang::nb) == "Økten «g1» 17.5.2025 faller på grunnlovsdagen (17. mai), en offentlig høytidsdag");
    CHECK(describe(ws[1], lang::nn) == "Økta «g1» 18.5.2025 fell på ein sundag");
    CHECK(describe(ws[2], lang::en) == "Session «g2» on 9 June 2025 falls on Whit Monday, a public holiday");
}

TEST_CASE("schedule_warnings_to_json: one object per warning, the message in the language asked", "[holidays]") {
    const std::vector<session> sessions{
        th::gathering("g1", {d("2025-05-17"), d("2025-05-18")}),  // 17 May, a Sunday
    };
    const auto j = nlohmann::json::parse(schedule_warnings_to_json(check_schedule_days(sessions), lang::en));
    REQUIRE(j.size() == 2);
    CHECK(j[0] == nlohmann::json{{"session", "g1"}, {"day", "2025-05-17"}, {"reason", "holiday"},
                                 {"holiday", to_string(holiday_kind::constitution_day)},
                                 {"message", describe(check_schedule_days(sessions)[0], lang::en)}});
    CHECK(j[1]["reason"] == "sunday");
    CHECK(j[1]["holiday"].is_null());
    CHECK(schedule_warnings_to_json({}, lang::nb) == "[]");
}

TEST_CASE("icalendar_options::from: the faces' plain arguments", "[calendar]") {
    const auto none = icalendar_options::from("Kull A", "", std::nullopt);
    CHECK(none.name == "Kull A");
    CHECK(none.previous.empty());
    CHECK(!none.stamp);
    const auto o = icalendar_options::from("", "BEGIN:VCALENDAR", 86400 + 3600);
    CHECK(o.previous == "BEGIN:VCALENDAR");
    REQUIRE(o.stamp);
    CHECK(*o.stamp == boost::posix_time::ptime(d("1970-01-02"), boost::posix_time::hours(1)));
}

TEST_CASE("write_icalendar: CRLF, folding at 75 octets without splitting UTF-8, escaping", "[calendar]") {
    std::string summary = "Samling: «Trygghet, tilhørighet; og mestring» \\ ";
    for (int i = 0; i < 12; ++i) summary += "æøå€😀 ";
    auto e = all_day("u1", summary, d("2025-03-12"), d("2025-03-13"));
    e.description = "Linje 1\nLinje 2, med komma";
    const std::string ics = write_icalendar({e}, {.name = "Kull", .previous = {}, .stamp = stamp});
    // every physical line ends with CRLF, is at most 75 octets, and starts on a character boundary
    std::size_t pos = 0, longest = 0;
    while (pos < ics.size()) {
        const auto end = ics.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        CHECK(ics.substr(pos, end - pos).find('\n') == std::string::npos);
        longest = std::max(longest, end - pos);
        CHECK(end - pos <= 75);
        if (end > pos) CHECK((static_cast<unsigned char>(ics[pos == 0 ? 0 : pos + (ics[pos] == ' ')]) & 0xC0) != 0x80);
        pos = end + 2;
    }
    CHECK(longest == 75);  // the long summary was folded to full lines
    std::string escaped;
    for (char c : summary) {
        if (c == ',' || c == ';' || c == '\\') escaped += '\\';
        escaped += c;
    }
    CHECK(property_of(ics, "u1", "SUMMARY") == escaped);
    CHECK(property_of(ics, "u1", "DESCRIPTION") == "Linje 1\\nLinje 2\\, med komma");
    CHECK(property_of(ics, "u1", "DTSTART;VALUE=DATE") == "20250312");
    CHECK(property_of(ics, "u1", "DTEND;VALUE=DATE") == "20250314");  // exclusive
    CHECK(property_of(ics, "u1", "DTSTAMP") == "20250102T030000Z");
    CHECK(lines_starting(ics, "VERSION:") == std::vector<std::string>{"VERSION:2.0"});
    CHECK(lines_starting(ics, "PRODID:").size() == 1);
    CHECK(lines_starting(ics, "BEGIN:VTIMEZONE").empty());  // no timed event: no VTIMEZONE
}

TEST_CASE("write_icalendar: timed events in Europe/Oslo keep their local time across summer time", "[calendar]") {
    // 30 March 2025 and 26 October 2025 are the changes; both sessions are at 10:00 local time
    const std::vector<calendar_event> events{timed("march", d("2025-03-31"), {10, 0}, {12, 0}),
                                             timed("october", d("2025-10-20"), {10, 0}, {12, 0})};
    const std::string ics = write_icalendar(events, {.name = {}, .previous = {}, .stamp = stamp});
    CHECK(property_of(ics, "march", "DTSTART;TZID=Europe/Oslo") == "20250331T100000");
    CHECK(property_of(ics, "october", "DTSTART;TZID=Europe/Oslo") == "20251020T100000");
    CHECK(property_of(ics, "october", "DTEND;TZID=Europe/Oslo") == "20251020T120000");
    CHECK(lines_starting(ics, "BEGIN:VTIMEZONE").size() == 1);
    CHECK(lines_starting(ics, "TZID:") == std::vector<std::string>{"TZID:Europe/Oslo"});
    CHECK(lines_starting(ics, "RRULE:") == std::vector<std::string>{"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                                                                    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"});
    CHECK(lines_starting(ics, "TZOFFSETTO:") == std::vector<std::string>{"TZOFFSETTO:+0200", "TZOFFSETTO:+0100"});
}

TEST_CASE("write_icalendar: SEQUENCE stays for unchanged events and goes up for changed ones", "[calendar]") {
    std::vector<calendar_event> events{all_day("a", "A", d("2025-03-12"), d("2025-03-13")),
                                       all_day("b", "B", d("2025-04-09"), d("2025-04-09"))};
    const std::string first = write_icalendar(events, {.name = {}, .previous = {}, .stamp = stamp});
    CHECK(property_of(first, "a", "SEQUENCE") == "0");
    events[0].first = d("2025-03-19");  // moved
    events[0].last = d("2025-03-20");
    events.push_back(all_day("c", "C", d("2025-05-05"), d("2025-05-05")));  // new
    const std::string second = write_icalendar(events, {.name = {}, .previous = first, .stamp = stamp});
    CHECK(property_of(second, "a", "SEQUENCE") == "1");
    CHECK(property_of(second, "b", "SEQUENCE") == "0");
    CHECK(property_of(second, "c", "SEQUENCE") == "0");
    events[0].summary = "A, renamed";
    const std::string third = write_icalendar(events, {.name = {}, .previous = second, .stamp = stamp});
    CHECK(property_of(third, "a", "SEQUENCE") == "2");
    CHECK(property_of(third, "b", "SEQUENCE") == "0");
    CHECK(write_icalendar(events, {.name = {}, .previous = third, .stamp = stamp}) == third);  // stable
}

TEST_CASE("write_icalendar: an event gone since the previous export is written again as cancelled", "[calendar]") {
    std::vector<calendar_event> events{all_day("a", "A", d("2025-03-12"), d("2025-03-13")),
                                       timed("t", d("2025-10-20"), {10, 0}, {12, 0})};
    const std::string first = write_icalendar(events, {.name = {}, .previous = {}, .stamp = stamp});
    const std::vector<calendar_event> fewer{events[0]};
    const std::string second = write_icalendar(fewer, {.name = {}, .previous = first, .stamp = stamp});
    CHECK(property_of(second, "t", "STATUS") == "CANCELLED");
    CHECK(property_of(second, "t", "SEQUENCE") == "1");
    CHECK(property_of(second, "t", "DTSTART;TZID=Europe/Oslo") == "20251020T100000");  // as it was
    CHECK(property_of(second, "t", "SUMMARY") == "Grunnkurs");
    CHECK(lines_starting(second, "BEGIN:VTIMEZONE").size() == 1);  // its TZID still resolves
    CHECK(property_of(second, "a", "STATUS") == "<none>");
    CHECK(property_of(second, "a", "SEQUENCE") == "0");
    // cancelled once: the next export keeps it cancelled without raising SEQUENCE again
    const std::string third = write_icalendar(fewer, {.name = {}, .previous = second, .stamp = stamp});
    CHECK(property_of(third, "t", "STATUS") == "CANCELLED");
    CHECK(property_of(third, "t", "SEQUENCE") == "1");
    // back again: a live event with a higher SEQUENCE
    const std::string fourth = write_icalendar(events, {.name = {}, .previous = third, .stamp = stamp});
    CHECK(property_of(fourth, "t", "STATUS") == "<none>");
    CHECK(property_of(fourth, "t", "SEQUENCE") == "2");
}

TEST_CASE("write_icalendar refuses bad events and a previous export that is not iCalendar", "[calendar]") {
    auto e = all_day("a", "A", d("2025-03-12"), d("2025-03-11"));
    CHECK(thrown_by([&] { write_icalendar({e}); }).code() == errc::invalid_argument);
    auto t = timed("t", d("2025-03-12"), {10, 0}, {9, 0});
    CHECK(thrown_by([&] { write_icalendar({t}); }).code() == errc::invalid_argument);
    auto ok = all_day("a", "A", d("2025-03-12"), d("2025-03-12"));
    CHECK(thrown_by([&] { write_icalendar({ok, ok}); }).code() == errc::invalid_argument);
    const error bad = thrown_by([&] { write_icalendar({ok}, {.name = {}, .previous = "hello", .stamp = {}}); });
    CHECK(bad.code() == errc::invalid_argument);
    CHECK(std::string(bad.what()).find("previous export") != std::string::npos);
}

TEST_CASE("cohort_events: one all-day event per run of consecutive days, timed per day, stable uids", "[calendar]") {
    auto g1 = th::gathering("g1", {d("2025-03-12"), d("2025-03-13")});
    auto g2 = th::gathering("g2", {d("2025-04-02"), d("2025-04-04")});  // a gap: two events
    g2.theme.nb = "Relasjoner";
    g2.theme.en = "Relations";
    auto g3 = th::gathering("g3", {d("2025-05-06"), d("2025-05-07")});
    g3.start = time_of_day{10, 0};
    g3.end = time_of_day{12, 0};
    g3.work = between_session_work{{"Skriv et notat", "", "Write a note"}, d("2025-05-20")};
    auto prog = th::programme_of({g1, g2, g3, th::festival("festival", d("2025-06-04"))},
                                 {th::notes(), th::final_text()});
    cohort c(prog, "kull 1", "Testkull");
    c.add_participant(th::person("p1", "Kari Nordmann"));
    const auto events = cohort_events(c, lang::en);
    REQUIRE(events.size() == 6);
    CHECK(events[0].uid == "smart.test-programme.kull%201.g1.gathering@smart");
    CHECK(events[0].first == d("2025-03-12"));
    CHECK(events[0].last == d("2025-03-13"));
    CHECK(events[1].uid == "smart.test-programme.kull%201.g2.gathering@smart");
    CHECK(events[2].uid == "smart.test-programme.kull%201.g2.gathering.2@smart");
    CHECK(events[1].summary == "Testprogram: Relations");
    CHECK(events[3].timed());
    CHECK(events[4].timed());
    CHECK(events[4].first == d("2025-05-07"));
    CHECK(events[5].categories == std::vector<std::string>{"festival"});

    // the participant's own dates: the same entries and the deadlines, none naming the person
    const auto mine = participant_events(c, "p1", lang::nb);
    REQUIRE(mine.size() == 6 + 2 + 1 + 1);  // 2 note intervals, the final text, the work
    for (std::size_t i = 0; i < 6; ++i) CHECK(mine[i].uid == cohort_events(c, lang::nb)[i].uid);
    for (const auto& e : mine) CHECK(e.uid.find("p1") == std::string::npos);
    CHECK(mine[6].summary == "Frist: notat 1 av 2 – Testprogram");
    CHECK(mine[6].first == d("2025-04-02"));
    CHECK(mine[8].summary == "Frist: avsluttende tekst – Testprogram");
    CHECK(mine[8].first == d("2025-06-04"));
    CHECK(mine[9].first == d("2025-05-20"));
    CHECK(mine[9].alarm.has_value());
    const std::string ics = write_icalendar(mine, {.name = c.label(), .previous = {}, .stamp = stamp});
    CHECK(lines_starting(ics, "BEGIN:VEVENT").size() == 10);
    CHECK(lines_starting(ics, "BEGIN:VTIMEZONE").size() == 1);

    // moving a gathering keeps its uid; an exemption drops that requirement's deadlines
    c.add_exemption("p1", {"notes", "fritak", "Koordinator", std::nullopt});
    CHECK(participant_events(c, "p1", lang::nb).size() == 6 + 1 + 1);
    CHECK(thrown_by([&] { participant_events(c, "nobody", lang::nb); }).code() == errc::not_found);
}

TEST_CASE("a withdrawn participant's calendar ends on the withdrawal date", "[calendar][withdrawal]") {
    auto g1 = th::gathering("g1", {d("2025-03-12"), d("2025-03-13"), d("2025-03-14")});
    auto g2 = th::gathering("g2", {d("2025-04-02")});
    auto g3 = th::gathering("g3", {d("2025-05-06")});
    g3.start = time_of_day{10, 0};
    g3.end = time_of_day{12, 0};
    auto prog = th::programme_of({g1, g2, g3, th::festival("festival", d("2025-06-04"))},
                                 {th::notes(), th::final_text()});
    cohort c(prog, "kull 1", "Testkull");
    c.add_participant(th::person("p1", "Kari Nordmann"));
    c.add_participant(th::person("p2", "Ola Nordmann"));
    const auto full = participant_events(c, "p1", lang::nb);
    const date on = d("2025-03-13");
    c.withdraw("p1", on, "Sluttet i jobben");
    const auto cut = participant_events(c, "p1", lang::nb);
    REQUIRE(!cut.empty());
    CHECK(cut.size() < full.size());
    for (const auto& e : cut) {
        CHECK(e.first <= on);
        if (!e.timed()) CHECK(e.last <= on);
    }
    // the gathering running across the withdrawal date ends on it; same uid
    CHECK(cut[0].uid == full[0].uid);
    CHECK(cut[0].first == d("2025-03-12"));
    CHECK(cut[0].last == on);
    // the events up to the date are all still there
    std::size_t up_to = 0;
    for (const auto& e : full) up_to += e.first <= on ? 1 : 0;
    CHECK(cut.size() == up_to);
    // the other participant keeps the whole calendar
    CHECK(participant_events(c, "p2", lang::nb).size() == full.size());
    const std::string ics = write_icalendar(cut, {.name = c.label(), .previous = {}, .stamp = {}});
    CHECK(ics.find("20250402") == std::string::npos);
}
