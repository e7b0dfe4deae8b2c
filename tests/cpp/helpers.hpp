// Shared fixtures for the C++ tests: small programmes, schedules and participants built in
// C++, so most tests depend on nothing but the public API (not on the catalogue files).
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "smart/smart.hpp"

namespace th {

using smart::attendance_status;
using smart::date;
using smart::requirement_state;

/// A date from ISO text (the tests' dates are always valid).
inline date d(const char* iso) { return smart::parse_date(iso); }

inline smart::session make_session(std::string id, smart::session_kind kind, std::vector<date> days) {
    smart::session s;
    s.id = std::move(id);
    s.kind = kind;
    s.days = std::move(days);
    return s;
}
inline smart::session gathering(std::string id, std::vector<date> days) {
    return make_session(std::move(id), smart::session_kind::gathering, std::move(days));
}
inline smart::session festival(std::string id, date day) {
    return make_session(std::move(id), smart::session_kind::festival, {day});
}

/// The schedule of SMART trenerutdanning 2024/2025: four two-day gatherings and the
/// festival on 2025-04-09 (8 counted days).
inline std::vector<smart::session> trainer_schedule() {
    return {gathering("g1", {d("2024-09-18"), d("2024-09-19")}),
            gathering("g2", {d("2024-11-13"), d("2024-11-14")}),
            gathering("g3", {d("2025-01-15"), d("2025-01-16")}),
            gathering("g4", {d("2025-03-12"), d("2025-03-13")}),
            festival("festival", d("2025-04-09"))};
}
/// The counted (gathering) days of trainer_schedule(), in order.
inline std::vector<date> trainer_days() {
    return {d("2024-09-18"), d("2024-09-19"), d("2024-11-13"), d("2024-11-14"),
            d("2025-01-15"), d("2025-01-16"), d("2025-03-12"), d("2025-03-13")};
}
inline const date trainer_festival_day = smart::parse_date("2025-04-09");

/// The schedule of SMART lederutdanning 2024/2025: one two-day and four one-day
/// gatherings (6 counted days) and the festival.
inline std::vector<smart::session> leader_schedule() {
    return {gathering("g1", {d("2024-09-04"), d("2024-09-05")}), gathering("g2", {d("2024-10-17")}),
            gathering("g3", {d("2024-11-28")}),                  gathering("g4", {d("2025-01-30")}),
            gathering("g5", {d("2025-03-20")}),                  festival("festival", d("2025-04-09"))};
}

/// Nine one-day gatherings from November to September and a festival in October (the
/// year-long trainer format as one cohort might schedule it).
inline std::vector<smart::session> year_long_schedule() {
    const char* days[] = {"2019-11-06", "2019-12-04", "2020-01-15", "2020-02-12", "2020-03-11",
                          "2020-04-22", "2020-05-13", "2020-06-10", "2020-09-16"};
    std::vector<smart::session> out;
    for (int i = 0; i < 9; ++i) out.push_back(gathering("g" + std::to_string(i + 1), {d(days[i])}));
    out.push_back(festival("festival", d("2020-10-21")));
    return out;
}

inline smart::requirement requirement_of(std::string id, smart::attendance_rule r) { return {std::move(id), {}, r}; }
inline smart::requirement requirement_of(std::string id, smart::interval_notes_rule r) { return {std::move(id), {}, r}; }
inline smart::requirement requirement_of(std::string id, smart::final_text_rule r) { return {std::move(id), {}, r}; }
inline smart::requirement requirement_of(std::string id, smart::festival_rule r) { return {std::move(id), {}, r}; }

inline smart::requirement attendance(smart::attendance_rule r = {}) { return requirement_of("attendance", r); }
inline smart::requirement notes(smart::interval_notes_rule r = {}) { return requirement_of("notes", r); }
inline smart::requirement final_text(smart::final_text_rule r = {}) { return requirement_of("final_text", r); }
inline smart::requirement festival_req(smart::festival_rule r = {}) { return requirement_of("festival", r); }

inline std::shared_ptr<const smart::programme> programme_of(std::vector<smart::session> sessions,
                                                            std::vector<smart::requirement> reqs,
                                                            std::string id = "test-programme") {
    auto p = std::make_shared<smart::programme>();
    p->id = std::move(id);
    p->name.nb = "Testprogram";
    p->sessions = std::move(sessions);
    p->requirements = std::move(reqs);
    smart::validate(*p);
    return p;
}

/// A valid participant with no records.
inline smart::participant person(std::string id, std::string name = "Kari Nordmann") {
    smart::participant p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.municipality = {"3905", "Tønsberg"};
    p.role = "lærer";
    p.sector = smart::sector::public_sector;
    return p;
}

/// A cohort of `prog` (its default schedule) with one participant "p1".
inline smart::cohort cohort_with_one(std::shared_ptr<const smart::programme> prog) {
    smart::cohort c(std::move(prog), "c1", "Testkull");
    c.add_participant(person("p1"));
    return c;
}

/// Records `status` on every listed day for the participant.
inline void record(smart::cohort& c, const std::string& pid, const std::vector<date>& days, attendance_status status) {
    for (date day : days) c.set_attendance(pid, day, status);
}

inline smart::submission doc(smart::submission_kind kind, date on,
                             smart::submission_status status = smart::submission_status::submitted) {
    smart::submission s;
    s.kind = kind;
    s.on = on;
    s.status = status;
    return s;
}
inline smart::submission note(date on, smart::submission_status status = smart::submission_status::submitted) {
    return doc(smart::submission_kind::reflection, on, status);
}
inline smart::submission text(date on, std::optional<std::uint16_t> pages = std::nullopt,
                              smart::final_category category = smart::final_category::none,
                              smart::submission_status status = smart::submission_status::submitted) {
    smart::submission s = doc(smart::submission_kind::final_text, on, status);
    s.pages = pages;
    s.category = category;
    return s;
}

/// State of requirement `req` (index in the programme) for participant 0 as of `as_of`.
inline requirement_state state_of(const smart::cohort& c, date as_of, std::size_t req = 0, std::size_t who = 0) {
    return smart::evaluate(c, as_of).requirements(who)[req].state;
}

/// The kinds of the warnings of participant `who`.
inline std::vector<smart::warning_kind> warning_kinds(const smart::evaluation& e, std::size_t who = 0) {
    std::vector<smart::warning_kind> out;
    for (const auto& w : e.warnings_of(who)) out.push_back(w.kind);
    return out;
}

/// The smart::error `f` throws, or an error with code ok when it throws nothing (so a
/// CHECK on the code fails readably). Other exception types propagate.
template <class F>
smart::error thrown_by(F&& f) {
    try {
        f();
    } catch (const smart::error& e) {
        return e;
    }
    return smart::error(smart::errc::ok, "<nothing was thrown>");
}

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

/// A new empty directory under the system's temporary one, `<prefix>-<pid>-<n>`, removed
/// with all it holds when the object goes (registers, key files, sites of the tests).
struct temp_dir {
    std::filesystem::path path;
    explicit temp_dir(const std::string& prefix) {
        static int n = 0;
        path = std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~temp_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
};

}  // namespace th

// Readable names for the enums in Catch2's failure messages.
namespace Catch {
template <>
struct StringMaker<smart::requirement_state> {
    static std::string convert(smart::requirement_state s) { return smart::to_string(s); }
};
template <>
struct StringMaker<smart::overall_status> {
    static std::string convert(smart::overall_status s) { return smart::to_string(s); }
};
template <>
struct StringMaker<smart::errc> {
    static std::string convert(smart::errc c) { return smart::to_string(c); }
};
template <>
struct StringMaker<smart::warning_kind> {
    static std::string convert(smart::warning_kind k) { return smart::to_string(k); }
};
template <>
struct StringMaker<smart::date> {
    static std::string convert(smart::date v) { return v.is_special() ? "not-a-date" : smart::to_iso(v); }
};
}  // namespace Catch
