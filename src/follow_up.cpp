// Follow-up without a certificate (include/smart/follow_up.hpp, docs/follow-up.md):
// attendance and between-session work per participant and gathering, as of a date.
#include "smart/follow_up.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "smart/detail/names.hpp"
#include "smart/error.hpp"
#include "wording.hpp"

namespace smart {

using detail::t;

namespace {
constexpr std::array<const char*, follow_up_attendance_count> attendance_names{
    "present", "late", "partly", "excused", "absent", "not_recorded", "not_yet", "withdrawn"};
constexpr std::array<const char*, work_status_count> work_names{"no_work", "delivered", "late",     "missing",
                                                                "not_due", "rejected",  "withdrawn"};

struct heading_entry {
    std::string_view key;
    const char* nb;
    const char* nn;
    const char* en;
};
constexpr std::array<heading_entry, 8> headings{{
    {"follow_up", "oppfølging", "oppfølging", "follow-up"},
    {"gathering", "samling", "samling", "gathering"},
    {"attendance", "oppmøte", "oppmøte", "attendance"},
    {"work", "mellomarbeid", "mellomarbeid", "between-session work"},
    {"due", "frist", "frist", "due"},
    {"delivered_on", "levert", "levert", "delivered on"},
    {"withdrawn", "trukket seg", "trekt seg", "withdrawn"},
    {"no_certificate_hint",
     "Programmet gir ikke kompetansebevis, så ingen blir vurdert mot krav. Oppmøte og mellomarbeid følges opp "
     "med «smart follow-up».",
     "Programmet gjev ikkje kompetansebevis, så ingen blir vurdert mot krav. Oppmøte og mellomarbeid blir følgde "
     "opp med «smart follow-up».",
     "The programme issues no certificate, so nobody is assessed against requirements. Attendance and "
     "between-session work are followed up with `smart follow-up`."},
}};
}  // namespace

const char* to_string(follow_up_attendance a) noexcept { return detail::name_of(a, attendance_names); }
const char* to_string(work_status w) noexcept { return detail::name_of(w, work_names); }
follow_up_attendance parse_follow_up_attendance(std::string_view s) {
    return detail::parse_name<follow_up_attendance>(s, attendance_names, "follow-up attendance");
}
work_status parse_work_status(std::string_view s) {
    return detail::parse_name<work_status>(s, work_names, "work status");
}

const char* label(follow_up_attendance a, lang l) noexcept {
    switch (a) {
        case follow_up_attendance::present: return t(l, "til stede", "til stades", "present");
        case follow_up_attendance::late: return t(l, "for sent", "for seint", "late");
        case follow_up_attendance::partly: return t(l, "delvis", "delvis", "partly");
        case follow_up_attendance::excused: return t(l, "gyldig fravær", "gyldig fråvær", "excused");
        case follow_up_attendance::absent: return t(l, "fravær", "fråvær", "absent");
        case follow_up_attendance::not_recorded: return t(l, "ikke registrert", "ikkje registrert", "not recorded");
        case follow_up_attendance::not_yet: return t(l, "ikke holdt ennå", "ikkje halden enno", "not held yet");
        case follow_up_attendance::withdrawn: return t(l, "trukket seg", "trekt seg", "withdrawn");
    }
    return "";
}

const char* label(work_status w, lang l) noexcept {
    switch (w) {
        case work_status::no_work: return t(l, "intet mellomarbeid", "ikkje mellomarbeid", "no work");
        case work_status::delivered: return t(l, "levert", "levert", "delivered");
        case work_status::late: return t(l, "levert for sent", "levert for seint", "late");
        case work_status::missing: return t(l, "mangler", "manglar", "missing");
        case work_status::not_due: return t(l, "ikke forfalt", "ikkje forfalle", "not due");
        case work_status::rejected: return t(l, "avvist", "avvist", "rejected");
        case work_status::withdrawn: return t(l, "trukket seg", "trekt seg", "withdrawn");
    }
    return "";
}

const char* follow_up_heading(std::string_view key, lang l) {
    for (const auto& h : headings)
        if (h.key == key) return t(l, h.nb, h.nn, h.en);
    std::string keys;
    for (const auto& h : headings) keys += (keys.empty() ? "" : ", ") + std::string(h.key);
    throw error(errc::invalid_argument, "unknown follow-up heading " + detail::quoted(key, 40) + ": expected " + keys);
}

const std::vector<std::string_view>& follow_up_heading_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> out;
        for (const auto& h : headings) out.push_back(h.key);
        return out;
    }();
    return keys;
}

namespace {

/// The day-level status a follow-up sees: the record, or, with no record, withdrawn
/// (on or after a withdrawal in effect as of the date) or unrecorded.
enum class day_seen : std::uint8_t { present, late, excused, absent, unrecorded, withdrawn };

day_seen see_day(const participant& p, std::size_t day, date d, const std::optional<date>& withdrawn_on) {
    const attendance_status s = p.attendance.empty() ? attendance_status::unrecorded : p.attendance[day];
    switch (s) {
        case attendance_status::present: return day_seen::present;
        case attendance_status::late: return day_seen::late;
        case attendance_status::excused: return day_seen::excused;
        case attendance_status::absent: return day_seen::absent;
        case attendance_status::unrecorded: break;
    }
    return withdrawn_on && d >= *withdrawn_on ? day_seen::withdrawn : day_seen::unrecorded;
}

/// Attendance at session `si` from its days on or before `as_of`.
void follow_attendance(follow_up_entry& e, const cohort& c, const participant& p, std::size_t si, date as_of,
                       const std::optional<date>& withdrawn_on) {
    std::array<std::uint32_t, 6> n{};
    for (std::size_t d = 0; d < c.days().size(); ++d) {
        if (c.session_of_day(d) != si || c.days()[d] > as_of) continue;
        ++e.days_held;
        ++n[static_cast<std::size_t>(see_day(p, d, c.days()[d], withdrawn_on))];
    }
    const auto count = [&](day_seen s) { return n[static_cast<std::size_t>(s)]; };
    e.days_attended = count(day_seen::present) + count(day_seen::late);
    using A = follow_up_attendance;
    if (e.days_held == 0)
        e.attendance = A::not_yet;
    else if (e.days_attended == e.days_held)
        e.attendance = count(day_seen::late) > 0 ? A::late : A::present;
    else if (e.days_attended > 0)
        e.attendance = A::partly;
    else if (count(day_seen::absent) > 0)
        e.attendance = A::absent;
    else if (count(day_seen::unrecorded) > 0)
        e.attendance = A::not_recorded;
    else if (count(day_seen::excused) > 0)
        e.attendance = A::excused;
    else
        e.attendance = A::withdrawn;
}

/// The between-session work of session `s` (which has work) as of `as_of`.
void follow_work(follow_up_entry& e, const session& s, const participant& p, date as_of,
                 const std::optional<date>& withdrawn_on) {
    std::optional<std::size_t> counted, rejected;
    for (std::size_t i = 0; i < p.submissions.size(); ++i) {
        const submission& x = p.submissions[i];
        if (x.kind != submission_kind::between_session_work || x.session() != s.id || x.on > as_of) continue;
        if (x.status == submission_status::rejected) {
            if (!rejected || p.submissions[*rejected].on <= x.on) rejected = i;
        } else if (!counted || x.on < p.submissions[*counted].on) {
            counted = i;
        }
    }
    const std::optional<date>& due = s.work->due;
    if (const auto chosen = counted ? counted : rejected) {
        const submission& x = p.submissions[*chosen];
        e.submission = chosen;
        e.delivered_on = x.on;
        e.review = x.status;
        if (!counted) {
            e.work = work_status::rejected;
        } else if (due && x.on > *due) {
            e.work = work_status::late;
            e.days_late = static_cast<std::int32_t>((x.on - *due).days());
        } else {
            e.work = work_status::delivered;
        }
        return;
    }
    // "As of" is the end of the day: as of the due day itself the deadline has passed.
    if (withdrawn_on && (!due || *due >= *withdrawn_on))
        e.work = work_status::withdrawn;
    else if (due && *due <= as_of)
        e.work = work_status::missing;
    else
        e.work = work_status::not_due;
}

bool followed(const session& s) { return s.kind == session_kind::gathering || s.work.has_value(); }

}  // namespace

follow_up evaluate_follow_up(const cohort& c, date as_of) {
    if (as_of.is_special()) throw error(errc::invalid_argument, "expected a date to follow up as of");
    follow_up f{c, as_of, {}, {}};
    for (std::size_t si = 0; si < c.sessions().size(); ++si) {
        const session& s = c.sessions()[si];
        if (!followed(s)) continue;
        follow_up_gathering g;
        g.session = si;
        g.held = s.first_day() <= as_of;
        g.has_work = s.work.has_value();
        if (s.work) g.due = s.work->due;
        f.gatherings.push_back(g);
    }
    f.participants.reserve(c.size());
    for (const participant& p : c.participants()) {
        follow_up_participant fp;
        std::optional<date> withdrawn_on;
        if (p.withdrawal && p.withdrawal->on <= as_of) withdrawn_on = p.withdrawal->on;
        fp.withdrawn = withdrawn_on.has_value();
        fp.entries.reserve(f.gatherings.size());
        for (follow_up_gathering& g : f.gatherings) {
            const session& s = c.sessions()[g.session];
            follow_up_entry e;
            follow_attendance(e, c, p, g.session, as_of, withdrawn_on);
            if (s.work) follow_work(e, s, p, as_of, withdrawn_on);
            const auto a = static_cast<std::size_t>(e.attendance);
            const auto w = static_cast<std::size_t>(e.work);
            ++fp.attendance[a];
            ++fp.work[w];
            ++g.attendance[a];
            ++g.work[w];
            fp.entries.push_back(e);
        }
        f.participants.push_back(std::move(fp));
    }
    return f;
}

namespace {
std::string attendance_sentence(const follow_up_entry& e, lang l) {
    using A = follow_up_attendance;
    switch (e.attendance) {
        case A::present: return t(l, "til stede", "til stades", "present");
        case A::late: return t(l, "til stede, kom for sent", "til stades, kom for seint", "present, arrived late");
        case A::partly:
            return t(l, "til stede ", "til stades ", "present on ") + std::to_string(e.days_attended) +
                   t(l, " av ", " av ", " of ") + detail::days_word(e.days_held, l);
        case A::excused: return t(l, "gyldig fravær", "gyldig fråvær", "excused absence");
        case A::absent: return t(l, "fravær", "fråvær", "absent");
        case A::not_recorded: return t(l, "oppmøte ikke registrert", "oppmøte ikkje registrert", "attendance not recorded");
        case A::not_yet: return t(l, "samlingen er ikke holdt ennå", "samlinga er ikkje halden enno", "not held yet");
        case A::withdrawn: return t(l, "trukket seg før samlingen", "trekt seg før samlinga", "withdrew before the gathering");
    }
    return "";
}

std::string due_text(const std::optional<date>& due, lang l) {
    if (!due) return t(l, "ingen frist", "ingen frist", "no due date");
    return t(l, "frist ", "frist ", "due ") + detail::day_text(*due, l);
}

std::string work_sentence(const follow_up_entry& e, const std::optional<date>& due,
                          const std::optional<date>& withdrawn_on, lang l) {
    const auto on = [&] { return detail::day_text(*e.delivered_on, l); };
    switch (e.work) {
        case work_status::no_work:
            return t(l, "intet mellomarbeid til denne samlingen", "ikkje mellomarbeid til denne samlinga",
                     "no between-session work for this gathering");
        case work_status::delivered:
            return t(l, "mellomarbeid levert ", "mellomarbeid levert ", "between-session work delivered on ") + on() +
                   (e.review == submission_status::approved ? t(l, " og godkjent", " og godkjent", " and approved")
                                                            : "") +
                   " (" + due_text(due, l) + ")";
        case work_status::late:
            return t(l, "mellomarbeid levert ", "mellomarbeid levert ", "between-session work delivered on ") + on() +
                   ", " + detail::days_word(e.days_late, l) + t(l, " etter fristen ", " etter fristen ", " after the due date ") +
                   detail::day_text(*due, l);
        case work_status::missing:
            return t(l, "mellomarbeid mangler (", "mellomarbeid manglar (", "between-session work missing (") +
                   due_text(due, l) + ")";
        case work_status::not_due:
            return t(l, "mellomarbeid ikke levert ennå (", "mellomarbeid ikkje levert enno (",
                     "between-session work not delivered yet (") +
                   due_text(due, l) + ")";
        case work_status::rejected:
            return t(l, "mellomarbeidet datert ", "mellomarbeidet datert ", "the between-session work dated ") + on() +
                   t(l, " ble avvist (", " vart avvist (", " was rejected (") + due_text(due, l) + ")";
        case work_status::withdrawn:
            return t(l, "trakk seg ", "trekte seg ", "withdrew on ") +
                   (withdrawn_on ? detail::day_text(*withdrawn_on, l) : std::string("?")) + " (" + due_text(due, l) +
                   ")";
    }
    return "";
}
}  // namespace

std::string follow_up::explain(std::size_t p, std::size_t g, lang l) const {
    if (p >= participants.size() || g >= gatherings.size())
        throw error(errc::invalid_argument, "no such participant or gathering in the follow-up");
    const follow_up_entry& e = participants[p].entries[g];
    const participant& who = cohort.participants()[p];
    std::optional<date> withdrawn_on;
    if (participants[p].withdrawn) withdrawn_on = who.withdrawal->on;
    std::string s = attendance_sentence(e, l) + "; " + work_sentence(e, gatherings[g].due, withdrawn_on, l) + ".";
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace smart
