#include "smart/calendar.hpp"

#include <boost/date_time/posix_time/conversion.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <variant>

#include "smart/cohort.hpp"
#include "smart/error.hpp"
#include "smart/version.hpp"
#include "wording.hpp"

namespace smart {

namespace {

using detail::t;

[[noreturn]] void bad(const std::string& message) { throw error(errc::invalid_argument, "write_icalendar: " + message); }

// --- RFC 5545 text ----------------------------------------------------------------------

/// A TEXT value (RFC 5545 3.3.11): backslash, ';' and ',' escaped, newlines as "\n", CR dropped.
std::string escape_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

std::string unescape_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[++i];
            out += (n == 'n' || n == 'N') ? '\n' : n;
        } else {
            out += s[i];
        }
    }
    return out;
}

/// Appends one content line, folded (RFC 5545 3.1): at most 75 octets a line, a
/// continuation line starting with a space, never splitting a UTF-8 sequence; CRLF ends.
void put_line(std::string& out, std::string_view line) {
    std::size_t limit = 75;  // the first line; continuation lines hold 74 after their space
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;
    }
    out.append(line);
    out += "\r\n";
}

std::string two(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string ical_date(date d) {
    const auto ymd = d.year_month_day();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                  static_cast<int>(ymd.day));
    return buf;
}

std::string ical_local(date d, time_of_day tod) { return ical_date(d) + "T" + two(tod.hour) + two(tod.minute) + "00"; }

std::string ical_utc(const boost::posix_time::ptime& p) {
    const auto tod = p.time_of_day();
    return ical_date(p.date()) + "T" + two(static_cast<int>(tod.hours())) + two(static_cast<int>(tod.minutes())) +
           two(static_cast<int>(tod.seconds())) + "Z";
}

/// "-P2D", "-PT90M", "-P1DT2H" ("PT0M" for 0).
std::string trigger(std::uint32_t minutes) {
    if (minutes == 0) return "PT0M";
    const std::uint32_t d = minutes / 1440, h = minutes % 1440 / 60, m = minutes % 60;
    std::string s = "-P";
    if (d) s += std::to_string(d) + "D";
    if (h || m) {
        s += "T";
        if (h) s += std::to_string(h) + "H";
        if (m) s += std::to_string(m) + "M";
    }
    return s;
}

/// Europe/Oslo with the EU rules (summer time from the last Sunday of March 01:00 UTC to
/// the last Sunday of October 01:00 UTC, since 1996).
constexpr const char* oslo_vtimezone[] = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Oslo",
    "X-LIC-LOCATION:Europe/Oslo",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
};

struct previous_event {
    std::uint32_t sequence = 0;
    std::string fingerprint;
    std::vector<std::string> when;  ///< its DTSTART and DTEND lines, as written
    std::string summary;            ///< its SUMMARY line, as written
    std::size_t order = 0;          ///< position in the previous export
};

constexpr const char* cancelled_fingerprint = "cancelled";

/// The uid, SEQUENCE and X-SMART-FINGERPRINT of every VEVENT of a previous export.
std::map<std::string, previous_event> read_previous(std::string_view text) {
    std::map<std::string, previous_event> out;
    if (text.empty()) return out;
    // unfold: a line break followed by a space or tab continues the line
    std::vector<std::string> lines;
    std::string cur;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') continue;
        if (c == '\n') {
            if (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
                ++i;
                continue;
            }
            lines.push_back(std::move(cur));
            cur.clear();
            continue;
        }
        cur += c;
    }
    if (!cur.empty()) lines.push_back(std::move(cur));
    if (lines.empty() || lines.front() != "BEGIN:VCALENDAR")
        bad("the previous export is not an iCalendar text (it does not start with BEGIN:VCALENDAR)");
    bool in_event = false;
    int depth = 0;  // components inside the VEVENT (VALARM)
    std::string uid;
    previous_event ev;
    for (const std::string& line : lines) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string_view value = std::string_view(line).substr(colon + 1);
        std::string_view name = std::string_view(line).substr(0, colon);
        name = name.substr(0, name.find(';'));
        if (name == "BEGIN") {
            if (value == "VEVENT") {
                in_event = true, depth = 0, uid.clear(), ev = {};
            } else if (in_event) {
                ++depth;
            }
        } else if (name == "END") {
            if (value == "VEVENT" && in_event) {
                ev.order = out.size();
                if (!uid.empty()) out[uid] = ev;
                in_event = false;
            } else if (in_event) {
                --depth;
            }
        } else if (in_event && depth == 0) {
            if (name == "UID") {
                uid = unescape_text(value);
            } else if (name == "SEQUENCE") {
                try {
                    ev.sequence = static_cast<std::uint32_t>(std::stoul(std::string(value)));
                } catch (const std::exception&) {
                    bad("the previous export has a SEQUENCE that is not a number: " + std::string(value));
                }
            } else if (name == "X-SMART-FINGERPRINT") {
                ev.fingerprint = std::string(value);
            } else if (name == "DTSTART" || name == "DTEND") {
                ev.when.push_back(line);
            } else if (name == "SUMMARY") {
                ev.summary = line;
            }
        }
    }
    return out;
}

void check(const calendar_event& e) {
    if (e.uid.empty()) bad("an event without uid (summary \"" + e.summary + "\")");
    if (e.summary.empty()) bad("event " + e.uid + " has no summary");
    if (e.first.is_special()) bad("event " + e.uid + " has no first day");
    if (e.timed()) {
        if (!e.end) bad("timed event " + e.uid + " has a start but no end");
        if (*e.end <= *e.start) bad("timed event " + e.uid + " ends at or before its start");
    } else if (!e.last.is_special() && e.last < e.first) {
        bad("all-day event " + e.uid + " ends before it starts");
    }
}

}  // namespace

std::string fingerprint(const calendar_event& e) {
    std::string s;
    auto field = [&](std::string_view v) {
        s.append(v);
        s += '\x1f';
    };
    field(e.summary);
    field(e.description);
    field(e.first.is_special() ? "" : ical_date(e.first));
    if (e.timed()) {
        field(to_string(*e.start));
        field(e.end ? to_string(*e.end) : "");
    } else {
        field(e.last.is_special() ? "" : ical_date(e.last));
    }
    if (e.alarm) {
        field(std::to_string(e.alarm->minutes_before));
        field(e.alarm->description);
    }
    for (const auto& c : e.categories) field(c);
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

icalendar_options icalendar_options::from(std::string name, std::string previous,
                                          std::optional<std::int64_t> stamp_seconds) {
    icalendar_options o;
    o.name = std::move(name);
    o.previous = std::move(previous);
    if (stamp_seconds)
        o.stamp = boost::posix_time::from_time_t(0) + boost::posix_time::seconds(*stamp_seconds);
    return o;
}

std::string write_icalendar(const std::vector<calendar_event>& events, const icalendar_options& options) {
    std::set<std::string_view> uids;
    bool any_timed = false;
    for (const auto& e : events) {
        check(e);
        if (!uids.insert(e.uid).second) bad("two events with uid " + e.uid);
        any_timed = any_timed || e.timed();
    }
    const auto previous = read_previous(options.previous);
    // events of the previous export that are gone: written again as cancelled, in their
    // previous order, so calendars that hold them remove them
    std::vector<std::pair<std::string, const previous_event*>> gone;
    for (const auto& [uid, p] : previous) {
        if (uids.count(uid) || p.when.empty()) continue;
        gone.emplace_back(uid, &p);
        for (const auto& w : p.when) any_timed = any_timed || w.find("TZID=Europe/Oslo") != std::string::npos;
    }
    std::sort(gone.begin(), gone.end(), [](const auto& a, const auto& b) { return a.second->order < b.second->order; });
    const auto stamp = ical_utc(options.stamp.value_or(boost::posix_time::second_clock::universal_time()));

    std::string out;
    put_line(out, "BEGIN:VCALENDAR");
    put_line(out, "VERSION:2.0");
    put_line(out, std::string("PRODID:-//SMART//smart ") + SMART_VERSION_STRING + "//EN");
    put_line(out, "CALSCALE:GREGORIAN");
    if (!options.name.empty()) put_line(out, "X-WR-CALNAME:" + escape_text(options.name));
    if (any_timed) {
        put_line(out, "X-WR-TIMEZONE:Europe/Oslo");
        for (const char* line : oslo_vtimezone) put_line(out, line);
    }
    for (const auto& e : events) {
        const std::string fp = fingerprint(e);
        std::uint32_t sequence = 0;
        if (const auto it = previous.find(e.uid); it != previous.end())
            sequence = it->second.sequence + (it->second.fingerprint == fp ? 0 : 1);
        put_line(out, "BEGIN:VEVENT");
        put_line(out, "UID:" + escape_text(e.uid));
        put_line(out, "DTSTAMP:" + stamp);
        put_line(out, "SEQUENCE:" + std::to_string(sequence));
        if (e.timed()) {
            put_line(out, "DTSTART;TZID=Europe/Oslo:" + ical_local(e.first, *e.start));
            put_line(out, "DTEND;TZID=Europe/Oslo:" + ical_local(e.first, *e.end));
        } else {
            const date last = e.last.is_special() ? e.first : e.last;
            put_line(out, "DTSTART;VALUE=DATE:" + ical_date(e.first));
            put_line(out, "DTEND;VALUE=DATE:" + ical_date(last + boost::gregorian::days(1)));
            put_line(out, "TRANSP:TRANSPARENT");
        }
        put_line(out, "SUMMARY:" + escape_text(e.summary));
        if (!e.description.empty()) put_line(out, "DESCRIPTION:" + escape_text(e.description));
        if (!e.categories.empty()) {
            std::string cats;
            for (const auto& c : e.categories) cats += (cats.empty() ? "" : ",") + escape_text(c);
            put_line(out, "CATEGORIES:" + cats);
        }
        put_line(out, "X-SMART-FINGERPRINT:" + fp);
        if (e.alarm) {
            put_line(out, "BEGIN:VALARM");
            put_line(out, "ACTION:DISPLAY");
            put_line(out, "DESCRIPTION:" + escape_text(e.alarm->description.empty() ? e.summary : e.alarm->description));
            put_line(out, "TRIGGER:" + trigger(e.alarm->minutes_before));
            put_line(out, "END:VALARM");
        }
        put_line(out, "END:VEVENT");
    }
    for (const auto& [uid, p] : gone) {
        const bool was_cancelled = p->fingerprint == cancelled_fingerprint;
        put_line(out, "BEGIN:VEVENT");
        put_line(out, "UID:" + escape_text(uid));
        put_line(out, "DTSTAMP:" + stamp);
        put_line(out, "SEQUENCE:" + std::to_string(p->sequence + (was_cancelled ? 0 : 1)));
        for (const auto& w : p->when) put_line(out, w);
        if (!p->summary.empty()) put_line(out, p->summary);
        put_line(out, "STATUS:CANCELLED");
        put_line(out, std::string("X-SMART-FINGERPRINT:") + cancelled_fingerprint);
        put_line(out, "END:VEVENT");
    }
    put_line(out, "END:VCALENDAR");
    return out;
}

std::string calendar_uid(std::string_view programme_id, std::string_view cohort_id,
                         const std::vector<std::string>& parts) {
    std::string out = "smart";
    auto add = [&](std::string_view part) {
        out += '.';
        for (const char c : part) {
            const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                               c == '_';
            if (plain) {
                out += c;
            } else {
                char buf[4];
                std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            }
        }
    };
    add(programme_id);
    add(cohort_id);
    for (const auto& p : parts) add(p);
    return out + "@smart";
}

namespace {

const char* kind_label(session_kind k, lang l) {
    switch (k) {
        case session_kind::gathering: return t(l, "Samling", "Samling", "Gathering");
        case session_kind::festival: return t(l, "Festival", "Festival", "Festival");
        case session_kind::kick_off: return t(l, "Oppstart", "Oppstart", "Kick-off");
        case session_kind::other: break;
    }
    return t(l, "Økt", "Økt", "Session");
}

std::string lines(const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts)
        if (!p.empty()) s += (s.empty() ? "" : "\n") + p;
    return s;
}

constexpr std::uint32_t deadline_alarm_minutes = 2 * 24 * 60;  // two days before

calendar_event deadline_event(std::string uid, std::string what, std::string description, date day,
                              const cohort& c, lang l) {
    calendar_event e;
    e.uid = std::move(uid);
    e.summary = std::string(t(l, "Frist: ", "Frist: ", "Deadline: ")) + what + " – " + c.programme().name.get(l);
    e.description = std::move(description);
    e.first = e.last = day;
    e.alarm = calendar_alarm{deadline_alarm_minutes, e.summary};
    e.categories = {"deadline"};
    return e;
}

}  // namespace

std::vector<calendar_event> cohort_events(const cohort& c, lang l) {
    std::vector<calendar_event> out;
    const auto& prog = c.programme();
    const std::string& prog_name = prog.name.get(l);
    std::map<session_kind, int> numbers;
    for (const session& s : c.sessions()) {
        const int number = ++numbers[s.kind];
        const std::string title = !s.theme.empty() ? s.theme.get(l) : std::string(kind_label(s.kind, l)) + " " + std::to_string(number);
        std::vector<std::string> desc{s.theme.empty() ? "" : std::string(kind_label(s.kind, l)) + " " + std::to_string(number) + ": " + s.theme.get(l),
                                      s.description.get(l)};
        if (s.work && !s.work->description.empty()) {
            std::string w = std::string(t(l, "Mellomarbeid: ", "Mellomarbeid: ", "Between-session work: ")) +
                            s.work->description.get(l);
            if (s.work->due) w += std::string(t(l, " (frist ", " (frist ", " (due ")) + detail::day_text(*s.work->due, l) + ")";
            desc.push_back(std::move(w));
        }
        desc.push_back(prog_name + " – " + c.label());
        const std::string description = lines(desc);
        const std::string base = calendar_uid(prog.id, c.id(), {s.id, to_string(s.kind)});

        // runs: each day alone when timed, else maximal runs of consecutive days
        std::vector<std::pair<date, date>> runs;
        const bool timed = s.start && s.end;
        for (const date d : s.days) {
            if (!timed && !runs.empty() && runs.back().second + boost::gregorian::days(1) == d)
                runs.back().second = d;
            else
                runs.emplace_back(d, d);
        }
        for (std::size_t r = 0; r < runs.size(); ++r) {
            calendar_event e;
            e.uid = r == 0 ? base : calendar_uid(prog.id, c.id(), {s.id, to_string(s.kind), std::to_string(r + 1)});
            e.summary = prog_name + ": " + title;
            e.description = description;
            e.first = runs[r].first;
            e.last = runs[r].second;
            if (timed) {
                e.start = s.start;
                e.end = s.end;
            }
            e.categories = {to_string(s.kind)};
            out.push_back(std::move(e));
        }
    }
    return out;
}

std::vector<calendar_event> participant_events(const cohort& c, std::string_view participant_id, lang l) {
    const participant& p = c.participants()[c.index_of(participant_id)];
    std::vector<calendar_event> out = cohort_events(c, l);
    const auto& prog = c.programme();
    auto exempt = [&](const std::string& requirement) {
        for (const auto& x : p.exemptions)
            if (x.requirement == requirement) return true;
        return false;
    };
    for (const requirement& req : prog.requirements) {
        if (exempt(req.id)) continue;
        if (const auto* n = std::get_if<interval_notes_rule>(&req.rule)) {
            std::vector<std::pair<date, date>> intervals;
            const session* prev = nullptr;
            for (const session& s : c.sessions()) {
                if (s.kind != session_kind::gathering) continue;
                if (prev) intervals.emplace_back(prev->last_day(), s.first_day());
                prev = &s;
            }
            for (std::size_t i = 0; i < intervals.size(); ++i) {
                const std::string num = std::to_string(i + 1), of = std::to_string(intervals.size());
                const std::string what = std::string(t(l, "notat ", "notat ", "note ")) + num + t(l, " av ", " av ", " of ") + of;
                const std::string from = detail::day_text(intervals[i].first + boost::gregorian::days(1), l);
                const std::string until = detail::day_text(intervals[i].second, l);
                std::string desc = std::string(t(l, "Notater datert fra ", "Notat daterte frå ", "Notes dated from ")) + from +
                                   t(l, " til og med ", " til og med ", " up to and including ") + until +
                                   t(l, " teller for periode ", " tel for periode ", " count for interval ") + num +
                                   t(l, " (minst ", " (minst ", " (at least ") + std::to_string(n->per_interval) + ").";
                out.push_back(deadline_event(calendar_uid(prog.id, c.id(), {"deadline", req.id, "interval", num}), what,
                                             std::move(desc), intervals[i].second, c, l));
            }
            if (n->require_portfolio_approval) {
                const date day = n->portfolio_deadline.value_or(c.last_day());
                out.push_back(deadline_event(calendar_uid(prog.id, c.id(), {"deadline", req.id, "portfolio"}),
                                             t(l, "godkjent portefølje", "godkjend portefølje", "approved portfolio"),
                                             {}, day, c, l));
            }
        } else if (const auto* f = std::get_if<final_text_rule>(&req.rule)) {
            const date day = f->deadline.value_or(c.last_day());
            out.push_back(deadline_event(calendar_uid(prog.id, c.id(), {"deadline", req.id}),
                                         t(l, "avsluttende tekst", "avsluttande tekst", "final text"),
                                         req.label.empty() ? std::string() : req.label.get(l), day, c, l));
        }
    }
    for (const session& s : c.sessions()) {
        if (!s.work || !s.work->due) continue;
        std::string what = t(l, "mellomarbeid", "mellomarbeid", "between-session work");
        if (!s.theme.empty()) what += " (" + s.theme.get(l) + ")";
        out.push_back(deadline_event(calendar_uid(prog.id, c.id(), {s.id, "work"}), std::move(what),
                                     s.work->description.get(l), *s.work->due, c, l));
    }
    if (p.withdrawal) {
        // withdrawn: nothing after the withdrawal date (a run of days across it ends on it)
        const date on = p.withdrawal->on;
        std::erase_if(out, [on](const calendar_event& e) { return e.first > on; });
        for (calendar_event& e : out)
            if (!e.timed() && e.last > on) e.last = on;
    }
    return out;
}

}  // namespace smart
