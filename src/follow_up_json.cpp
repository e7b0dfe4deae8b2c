// The follow-up as a smart.follow_up/1 document (schema/follow_up.schema.json,
// docs/follow-up.md).
#include "json_write.hpp"
#include "smart/follow_up.hpp"

namespace smart {

using json_write::json;

namespace {

template <class F>
json all_languages(F&& f) {
    return {{"nb", f(lang::nb)}, {"nn", f(lang::nn)}, {"en", f(lang::en)}};
}

json date_or_null(const std::optional<date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

/// Counts under the status names, every status present (zeros included).
template <class Enum, std::size_t N>
json counts_json(const std::array<std::uint32_t, N>& n) {
    json o = json::object();
    for (std::size_t i = 0; i < N; ++i) o[to_string(static_cast<Enum>(i))] = n[i];
    return o;
}

template <class Enum, std::size_t N>
json labels_json() {
    json o = json::object();
    for (std::size_t i = 0; i < N; ++i) {
        const auto e = static_cast<Enum>(i);
        o[to_string(e)] = all_languages([&](lang l) { return std::string(label(e, l)); });
    }
    return o;
}

json labels() {
    json h = json::object();
    for (std::string_view key : follow_up_heading_keys())
        h[std::string(key)] = all_languages([&](lang l) { return std::string(follow_up_heading(key, l)); });
    return {{"attendance", labels_json<follow_up_attendance, follow_up_attendance_count>()},
            {"work", labels_json<work_status, work_status_count>()},
            {"headings", std::move(h)}};
}

json gathering_json(const follow_up& f, const follow_up_gathering& g) {
    const session& s = f.cohort.sessions()[g.session];
    return {{"session", s.id},
            {"kind", to_string(s.kind)},
            {"theme", all_languages([&](lang l) { return s.theme.get(l); })},
            {"first_day", to_iso(s.first_day())},
            {"last_day", to_iso(s.last_day())},
            {"held", g.held},
            {"has_work", g.has_work},
            {"due", date_or_null(g.due)},
            {"attendance", counts_json<follow_up_attendance>(g.attendance)},
            {"work", counts_json<work_status>(g.work)}};
}

json entry_json(const follow_up& f, std::size_t p, std::size_t g) {
    const follow_up_entry& e = f.participants[p].entries[g];
    return {{"session", f.cohort.sessions()[f.gatherings[g].session].id},
            {"attendance", to_string(e.attendance)},
            {"days_attended", e.days_attended},
            {"days_held", e.days_held},
            {"work", to_string(e.work)},
            {"due", date_or_null(f.gatherings[g].due)},
            {"submission", e.submission ? json(*e.submission) : json(nullptr)},
            {"delivered_on", date_or_null(e.delivered_on)},
            {"review", e.review ? json(to_string(*e.review)) : json(nullptr)},
            {"days_late", e.days_late},
            {"text", all_languages([&](lang l) { return f.explain(p, g, l); })}};
}

}  // namespace

std::string follow_up_to_json(const follow_up& f) {
    const cohort& c = f.cohort;
    json o = json::object();
    o["format"] = follow_up_format;
    o["cohort"] = c.id();
    o["label"] = c.label();
    o["programme"] = c.programme().id;
    o["has_certificate"] = c.programme().has_certificate();
    o["as_of"] = to_iso(f.as_of);
    attendance_counts attendance{};
    work_counts work{};
    std::size_t withdrawn = 0;
    for (const auto& p : f.participants) {
        withdrawn += p.withdrawn ? 1 : 0;
        for (std::size_t i = 0; i < attendance.size(); ++i) attendance[i] += p.attendance[i];
        for (std::size_t i = 0; i < work.size(); ++i) work[i] += p.work[i];
    }
    o["summary"] = {{"participants", f.participants.size()},
                    {"withdrawn", withdrawn},
                    {"gatherings", f.gatherings.size()},
                    {"attendance", counts_json<follow_up_attendance>(attendance)},
                    {"work", counts_json<work_status>(work)}};
    o["labels"] = labels();
    json gs = json::array();
    for (const auto& g : f.gatherings) gs.push_back(gathering_json(f, g));
    o["gatherings"] = std::move(gs);
    json ps = json::array();
    for (std::size_t p = 0; p < f.participants.size(); ++p) {
        const participant& who = c.participants()[p];
        const follow_up_participant& fp = f.participants[p];
        json po = {{"id", who.id},
                   {"name", who.name},
                   {"withdrawn", fp.withdrawn},
                   {"withdrawal_date", fp.withdrawn ? json(to_iso(who.withdrawal->on)) : json(nullptr)},
                   {"attendance", counts_json<follow_up_attendance>(fp.attendance)},
                   {"work", counts_json<work_status>(fp.work)}};
        json es = json::array();
        for (std::size_t g = 0; g < f.gatherings.size(); ++g) es.push_back(entry_json(f, p, g));
        po["gatherings"] = std::move(es);
        ps.push_back(std::move(po));
    }
    o["participants"] = std::move(ps);
    return o.dump(2) + "\n";
}

}  // namespace smart
