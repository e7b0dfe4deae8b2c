// Dates, times and ratios: the strict text forms of docs/format.md and exact fractions.
#include "helpers.hpp"

using namespace smart;
using th::thrown_by;

TEST_CASE("parse_date accepts a leap day in a leap year", "[dates]") {
    const date d = parse_date("2024-02-29");
    CHECK(d.year() == 2024);
    CHECK(d.month() == 2);
    CHECK(d.day() == 29);
}

TEST_CASE("parse_date reads an ordinary ISO date", "[dates]") {
    const date d = parse_date("2025-04-09");
    CHECK(d == date(2025, 4, 9));
    CHECK(parse_date("2000-02-29") == date(2000, 2, 29));  // divisible by 400: leap
}

TEST_CASE("parse_date rejects days that do not exist", "[dates]") {
    for (const char* text : {"2025-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
                             "2024-01-00", "2024-01-32"}) {
        INFO(text);
        const error e = thrown_by([&] { parse_date(text); });
        CHECK(e.code() == errc::parse_error);
    }
}

TEST_CASE("parse_date accepts nothing but YYYY-MM-DD", "[dates]") {
    for (const char* text : {"2024-9-1", "", "2024-09-01T00:00", "2024-09-1", "24-09-01", "2024/09/01", "01.09.2024",
                             " 2024-09-01", "2024-09-01 ", "+2024-09-01", "2024-09-0x", "2024−09−01", "20240901"}) {
        INFO('"' << text << '"');
        const error e = thrown_by([&] { parse_date(text); });
        CHECK(e.code() == errc::parse_error);
    }
}

TEST_CASE("a date error names the pointer it was given and the offending text", "[dates]") {
    const error e = thrown_by([] { parse_date("2025-02-29", "/participants/3/attendance/2025-02-29"); });
    CHECK(e.code() == errc::parse_error);
    CHECK(e.pointer() == "/participants/3/attendance/2025-02-29");
    CHECK_THAT(e.message(), Catch::Contains("2025-02-29"));
    CHECK(std::string(e.what()) == e.pointer() + ": " + e.message());
}

TEST_CASE("an error without a pointer has the bare message as what()", "[dates]") {
    const error e = thrown_by([] { parse_date("nope"); });
    CHECK(e.pointer().empty());
    CHECK(std::string(e.what()) == e.message());
}

TEST_CASE("to_iso writes zero-padded ISO dates", "[dates]") {
    CHECK(to_iso(date(2024, 9, 1)) == "2024-09-01");
    CHECK(to_iso(date(2025, 12, 31)) == "2025-12-31");
    CHECK(to_iso(parse_date("2024-02-29")) == "2024-02-29");
}

TEST_CASE("to_norwegian writes day.month.year without padding", "[dates]") {
    CHECK(to_norwegian(date(2025, 4, 9)) == "9.4.2025");
    CHECK(to_norwegian(date(2024, 11, 13)) == "13.11.2024");
    CHECK(to_norwegian(date(2024, 9, 1)) == "1.9.2024");
}

TEST_CASE("parse_time reads HH:MM from 00:00 to 23:59", "[dates]") {
    const time_of_day t = parse_time("09:30");
    CHECK(t.hour == 9);
    CHECK(t.minute == 30);
    CHECK(parse_time("00:00") == time_of_day{0, 0});
    CHECK(parse_time("23:59") == time_of_day{23, 59});
    CHECK(to_string(parse_time("08:05")) == "08:05");
    CHECK(parse_time("09:00") < parse_time("11:00"));
}

TEST_CASE("parse_time rejects anything else with parse_error and the pointer", "[dates]") {
    for (const char* text : {"24:00", "12:60", "9:30", "09:3", "0930", "09-30", "", "09:30:00", "ab:cd"}) {
        INFO('"' << text << '"');
        const error e = thrown_by([&] { parse_time(text, "/sessions/0/start"); });
        CHECK(e.code() == errc::parse_error);
        CHECK(e.pointer() == "/sessions/0/start");
    }
}

TEST_CASE("session kinds round-trip through their names and reject unknown ones", "[dates]") {
    for (session_kind k : {session_kind::gathering, session_kind::festival, session_kind::kick_off, session_kind::other})
        CHECK(parse_session_kind(to_string(k)) == k);
    CHECK(thrown_by([] { parse_session_kind("workshop"); }).code() == errc::invalid_argument);
}

// --- ratios ---------------------------------------------------------------------------

TEST_CASE("parse_ratio reads fractions and whole numbers", "[ratio]") {
    CHECK(parse_ratio("4/5") == ratio(4, 5));
    CHECK(parse_ratio("1") == ratio(1));
    CHECK(parse_ratio("0") == ratio(0));
    CHECK(parse_ratio("1/2") == ratio(1, 2));
    CHECK(parse_ratio("8/10") == ratio(4, 5));  // kept in lowest terms
    CHECK(parse_ratio("8/10").num() == 4);
    CHECK(parse_ratio("8/10").den() == 5);
}

TEST_CASE("parse_ratio rejects malformed, negative and zero-denominator text with the pointer", "[ratio]") {
    for (const char* text : {"", "4/", "/5", "4/0", "-1/2", "1/-2", "0.8", "4 / 5", "4/5/6", "a/b", "80%", "+1"}) {
        INFO('"' << text << '"');
        const error e = thrown_by([&] { parse_ratio(text, "/certificate/requirements/0/min_ratio"); });
        CHECK(e.code() == errc::parse_error);
        CHECK(e.pointer() == "/certificate/requirements/0/min_ratio");
    }
}

TEST_CASE("ratio writes itself as a fraction, or a whole number when the denominator is 1", "[ratio]") {
    CHECK(ratio(4, 5).to_string() == "4/5");
    CHECK(ratio(6, 3).to_string() == "2");
    CHECK(ratio(13, 2).to_string() == "13/2");
    CHECK(ratio(0).to_string() == "0");
}

TEST_CASE("ratio compares exactly by cross-multiplication", "[ratio]") {
    CHECK(ratio(2, 3) < ratio(3, 4));
    CHECK(ratio(6, 8) == ratio(3, 4));
    CHECK(ratio(32, 5) == ratio(64, 10));
    // 0.1 + 0.2 vs 0.3: equal in exact arithmetic
    CHECK(ratio(1, 10) + ratio(2, 10) == ratio(3, 10));
    // neighbours that a double could not tell apart
    CHECK(ratio(999999998, 999999999) < ratio(999999999, 1000000000));
    CHECK(ratio(4, 5) * ratio(8) == ratio(32, 5));
}

TEST_CASE("ratio percent rounds to the nearest whole percent, halves up", "[ratio]") {
    CHECK(ratio(6, 8).percent() == 75);
    CHECK(ratio(7, 8).percent() == 88);  // 87.5
    CHECK(ratio(5, 8).percent() == 63);  // 62.5
    CHECK(ratio(2, 3).percent() == 67);
    CHECK(ratio(1, 3).percent() == 33);
    CHECK(ratio(1).percent() == 100);
    CHECK(ratio(0).percent() == 0);
}

TEST_CASE("ratio ceil gives the smallest whole number not below the value", "[ratio]") {
    CHECK((ratio(4, 5) * ratio(8)).ceil() == 7);  // 6.4
    CHECK((ratio(4, 5) * ratio(6)).ceil() == 5);  // 4.8
    CHECK((ratio(4, 5) * ratio(9)).ceil() == 8);  // 7.2
    CHECK((ratio(4, 5) * ratio(10)).ceil() == 8);  // exactly 8
    CHECK(ratio(0).ceil() == 0);
}

TEST_CASE("constructing a ratio with a non-positive denominator or a negative value is invalid_argument", "[ratio]") {
    CHECK(thrown_by([] { ratio(1, 0); }).code() == errc::invalid_argument);
    CHECK(thrown_by([] { ratio(1, -2); }).code() == errc::invalid_argument);
    CHECK(thrown_by([] { ratio(-1, 2); }).code() == errc::invalid_argument);
}

TEST_CASE("JSON Pointer tokens escape '~' before '/' as RFC 6901 says", "[error]") {
    CHECK(detail::pointer_append("/participants", "a/b") == "/participants/a~1b");
    CHECK(detail::pointer_append("/participants", "a~b") == "/participants/a~0b");
    CHECK(detail::pointer_append("", "~/") == "/~0~1");
    CHECK(detail::pointer_append("/participants", std::size_t{3}) == "/participants/3");
}

TEST_CASE("every error code has a name and a distinct C status", "[error]") {
    const errc codes[] = {errc::invalid_argument, errc::parse_error, errc::validation_error, errc::not_found,
                          errc::not_allowed,      errc::out_of_memory, errc::internal};
    CHECK(to_c_status(errc::ok) == 0);
    CHECK(std::string(to_string(errc::validation_error)) == "validation_error");
    for (std::size_t i = 0; i < std::size(codes); ++i) {
        CHECK(to_c_status(codes[i]) < 0);
        for (std::size_t j = 0; j < i; ++j) CHECK(to_c_status(codes[i]) != to_c_status(codes[j]));
    }
}
