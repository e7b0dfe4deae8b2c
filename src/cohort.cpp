#include "smart/cohort.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <map>

#include "smart/detail/names.hpp"
#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"
#include "smart/limits.hpp"
#include "smart/municipalities.hpp"
#include "rules_on_schedule.hpp"
#include "wording.hpp"

namespace smart {

namespace {
constexpr std::array<const char*, 5> attendance_names{"", "present", "late", "excused", "absent"};
constexpr std::array<const char*, 3> sector_names{"public", "private", "voluntary"};
constexpr std::array<const char*, 3> submission_status_names{"submitted", "approved", "rejected"};
}  // namespace

const char* to_string(attendance_status s) noexcept { return detail::name_of(s, attendance_names); }
attendance_status parse_attendance_status(std::string_view s) {
    return detail::parse_name<attendance_status>(s, attendance_names, "attendance status", 1);
}
const char* to_string(sector s) noexcept { return detail::name_of(s, sector_names); }
sector parse_sector(std::string_view s) { return detail::parse_name<sector>(s, sector_names, "sector"); }
const char* to_string(submission_status s) noexcept { return detail::name_of(s, submission_status_names); }
submission_status parse_submission_status(std::string_view s) {
    return detail::parse_name<submission_status>(s, submission_status_names, "submission status");
}

const std::string& submission::title() const noexcept {
    static const std::string none;
    return extra ? extra->title : none;
}

namespace {
/// The extra part exists only while it holds something (equality relies on one form).
void drop_empty_extra(detail::optional_box<submission_extra>& extra) {
    if (extra && extra->title.empty() && !extra->decision && extra->session.empty()) extra.reset();
}
}  // namespace

void submission::set_title(std::string t) {
    if (!t.empty() && !extra) extra = submission_extra{};
    if (extra) extra->title = std::move(t);
    drop_empty_extra(extra);
}

const std::string& submission::session() const noexcept {
    static const std::string none;
    return extra ? extra->session : none;
}

void submission::set_session(std::string id) {
    if (!id.empty() && !extra) extra = submission_extra{};
    if (extra) extra->session = std::move(id);
    drop_empty_extra(extra);
}

const submission_decision* submission::decision() const noexcept {
    return extra && extra->decision ? &*extra->decision : nullptr;
}

void submission::set_decision(std::optional<submission_decision> d) {
    if (d && !extra) extra = submission_extra{};
    if (extra) extra->decision = std::move(d);
    drop_empty_extra(extra);
}

namespace {
std::atomic<std::uint64_t> next_stamp{1};

/// An attendance list with no record at all is the same as no list: keep one form.
void normalise_attendance(std::vector<attendance_status>& a) {
    if (std::all_of(a.begin(), a.end(), [](attendance_status s) { return s == attendance_status::unrecorded; }))
        a.clear();
}
}  // namespace

void cohort::touch() noexcept { stamp_ = next_stamp.fetch_add(1, std::memory_order_relaxed); }

cohort::cohort(std::shared_ptr<const smart::programme> prog, std::string id, std::string label,
               std::optional<int> capacity, std::vector<session> sessions, std::string programme_ref)
    : programme_(std::move(prog)),
      programme_ref_(std::move(programme_ref)),
      id_(std::move(id)),
      label_(std::move(label)),
      capacity_(capacity) {
    touch();
    if (!programme_) throw error(errc::invalid_argument, "a cohort needs a programme", "/programme");
    if (id_.empty()) throw error(errc::validation_error, "expected a non-empty cohort id", "/id");
    if (label_.empty()) throw error(errc::validation_error, "expected a non-empty label", "/label");
    detail::check_cohort_texts(id_, label_);
    if (capacity_ && *capacity_ < 1) throw error(errc::validation_error, "expected a capacity of at least 1", "/capacity");
    if (!capacity_) capacity_ = programme_->seats;
    own_sessions_ = !sessions.empty();
    sessions_ = own_sessions_ ? std::move(sessions) : programme_->sessions;
    if (sessions_.empty())
        throw error(errc::validation_error,
                    "the cohort has no sessions and its programme no default schedule: expected \"sessions\"",
                    "/sessions");
    for (std::size_t i = 0; i < sessions_.size() && !own_sessions_; ++i)
        if (sessions_[i].days.empty())
            throw error(errc::validation_error,
                        "the programme's schedule is a template (session \"" + sessions_[i].id +
                            "\" has no date): the cohort must give its own \"sessions\"",
                        "/sessions");
    validate_sessions(sessions_, "/sessions", false);

    for (std::size_t i = 0; i < sessions_.size(); ++i) {
        for (date d : sessions_[i].days) {
            days_.push_back(d);
            day_session_.push_back(static_cast<std::uint32_t>(i));
        }
    }
    if (days_.size() > limits::days)
        throw error(errc::validation_error, "a cohort has at most " + std::to_string(limits::days) + " session days",
                    "/sessions");
    // The rules must be meetable on this schedule, and not vacuously (no counted day, no
    // interval): docs/rules.md, "Schedules the rules need".
    if (const auto problem = detail::check_rules_on_schedule(*programme_, sessions_))
        throw error(errc::validation_error, problem->message, "/sessions");
}

bool operator==(const cohort& a, const cohort& b) {
    return *a.programme_ == *b.programme_ && a.programme_ref_ == b.programme_ref_ && a.id_ == b.id_ &&
           a.label_ == b.label_ && a.capacity_ == b.capacity_ && a.own_sessions_ == b.own_sessions_ &&
           a.sessions_ == b.sessions_ && (a.roster_ == b.roster_ || a.roster_->list == b.roster_->list);
}

std::optional<std::size_t> cohort::day_index(date d) const noexcept {
    const auto it = std::lower_bound(days_.begin(), days_.end(), d);
    if (it == days_.end() || *it != d) return std::nullopt;
    return static_cast<std::size_t>(it - days_.begin());
}

date cohort::first_day() const { return days_.front(); }
date cohort::last_day() const { return days_.back(); }

const participant* cohort::find(std::string_view participant_id) const noexcept {
    // (named references, not a structured binding: clang before 16 cannot capture one)
    const auto& list = roster_->list;
    const auto& by_id = roster_->by_id;
    const auto it = std::lower_bound(by_id.begin(), by_id.end(), participant_id,
                                     [&list](std::uint32_t pos, std::string_view key) { return list[pos].id < key; });
    if (it == by_id.end() || list[*it].id != participant_id) return nullptr;
    return &list[*it];
}

std::size_t cohort::index_of(std::string_view participant_id) const {
    const participant* p = find(participant_id);
    if (!p) {
        // An id no participant can have is the caller's mistake, not a missing record.
        detail::check_text(participant_id, "participant id", "", detail::text_kind::line, limits::name_chars,
                           errc::invalid_argument);
        throw error(errc::not_found, "no participant with id " + detail::quoted(participant_id));
    }
    return static_cast<std::size_t>(p - participants().data());
}

detail::roster& cohort::own_roster() {
    if (roster_.use_count() > 1) {
        roster_ = std::make_shared<detail::roster>(*roster_);
    } else {
        // The last other owner (a copy, an evaluation) may have been released by another
        // thread just now: see its reads before writing (use_count() is a relaxed load).
        std::atomic_thread_fence(std::memory_order_acquire);
    }
    return *roster_;
}

participant& cohort::mutable_participant(std::string_view participant_id) {
    const std::size_t index = index_of(participant_id);
    return own_roster().list[index];
}

namespace {
using detail::text_kind;

/// The texts of a record (docs/format.md, "Text"): names and labels are one line, free
/// text may hold line breaks and tabs; none holds other control characters, all are UTF-8.
void check_line(std::string_view s, const char* what, const std::string& at,
                std::size_t max_chars = limits::name_chars) {
    detail::check_text(s, what, at, text_kind::line, max_chars);
}

/// A decision belongs to an approved or rejected submission: who (one line, non-empty) and
/// when (a date on or after the document's).
void check_decision(const submission& s, const std::string& at) {
    if (!s.decision()) return;
    if (s.status == submission_status::submitted)
        throw error(errc::validation_error, "a submitted document has no decision: expected no \"decided_by\"",
                    at + "/decided_by");
    check_line(s.decision()->by, "name of who decided", at + "/decided_by");
    if (s.decision()->by.empty())
        throw error(errc::validation_error, "expected who approved or rejected the document", at + "/decided_by");
    if (s.decision()->on.is_special()) throw error(errc::validation_error, "expected a date", at + "/decided_on");
    if (s.decision()->on < s.on)
        throw error(errc::validation_error,
                    "a decision dated " + to_iso(s.decision()->on) + " is before the document (" + to_iso(s.on) + ")",
                    at + "/decided_on");
}

/// Between-session work names a session of the cohort that has between-session work;
/// other kinds name none.
void check_submission_session(const submission& s, const std::string& at, const std::vector<session>& sessions) {
    if (s.kind != submission_kind::between_session_work) {
        if (!s.session().empty())
            throw error(errc::validation_error,
                        "only between-session work names a session (this is a " + std::string(to_string(s.kind)) +
                            ")",
                        at + "/session");
        return;
    }
    if (s.session().empty())
        throw error(errc::validation_error, "expected the id of the session the between-session work belongs to",
                    at + "/session");
    const auto it = std::find_if(sessions.begin(), sessions.end(), [&](const session& x) { return x.id == s.session(); });
    std::string with_work;
    for (const auto& x : sessions)
        if (x.work) with_work += (with_work.empty() ? "" : ", ") + x.id;
    if (with_work.empty()) with_work = "none";
    if (it == sessions.end())
        throw error(errc::validation_error,
                    "no session " + detail::quoted(s.session(), 40) + " in the cohort's schedule (sessions with "
                        "between-session work: " + with_work + ")",
                    at + "/session");
    if (!it->work)
        throw error(errc::validation_error,
                    "session " + detail::quoted(s.session(), 40) + " has no between-session work (sessions with it: " +
                        with_work + ")",
                    at + "/session");
}

void check_submission(const submission& s, const std::string& at, const std::vector<session>& sessions) {
    check_line(s.title(), "submission title", at + "/title", limits::text_chars);
    if (s.on.is_special()) throw error(errc::validation_error, "expected a date", at + "/date");
    if (static_cast<unsigned>(s.kind) > static_cast<unsigned>(submission_kind::between_session_work))
        throw error(errc::validation_error, "unknown submission kind", at + "/kind");
    check_line(s.session(), "session id", at + "/session");
    check_submission_session(s, at, sessions);
    if (static_cast<unsigned>(s.status) > static_cast<unsigned>(submission_status::rejected))
        throw error(errc::validation_error, "unknown submission status", at + "/status");
    if (static_cast<unsigned>(s.category) > static_cast<unsigned>(final_category::other))
        throw error(errc::validation_error, "unknown final text category", at + "/category");
    if (s.pages && (*s.pages < 1 || *s.pages > 10000))
        throw error(errc::validation_error, "expected a page count from 1 to 10000", at + "/pages");
    check_decision(s, at);
}

/// `s` without white space around it (spaces, tabs and no-break spaces, as spreadsheets
/// leave them): names are stored trimmed, so a name of spaces is blank.
std::string_view trimmed(std::string_view s) {
    auto space_at_front = [&] {
        if (s.empty()) return std::size_t{0};
        if (s.front() == ' ' || s.front() == '\t') return std::size_t{1};
        return s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0" ? std::size_t{2} : std::size_t{0};
    };
    auto space_at_back = [&] {
        if (s.empty()) return std::size_t{0};
        if (s.back() == ' ' || s.back() == '\t') return std::size_t{1};
        return s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0" ? std::size_t{2} : std::size_t{0};
    };
    for (std::size_t n; (n = space_at_front()) != 0;) s.remove_prefix(n);
    for (std::size_t n; (n = space_at_back()) != 0;) s.remove_suffix(n);
    return s;
}

/// Trims the texts a person types into a form or a sheet cell: the name and the
/// municipality's name.
void trim_texts(participant& p) {
    for (std::string* text : {&p.name, &p.municipality.name})
        if (const std::string_view t = trimmed(*text); t.size() != text->size()) *text = std::string(t);
}

bool is_municipality_number(const std::string& n) {
    return n.size() == 4 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The county part (first two digits) of a Norwegian municipality number: any county number
/// used since 1972, so records keep numbers from before a reform (01–12, 14–20 until 2019;
/// 30, 34, 38, 42, 46, 50, 54 from 2020; 31, 32, 33, 39, 40, 55, 56 from 2024); the
/// municipality part is never 00. "9999" is no municipality. (docs/format.md)
bool known_county(const std::string& n) {
    const int county = (n[0] - '0') * 10 + (n[1] - '0');
    static constexpr int counties[] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 14, 15, 16, 17, 18,
                                       19, 20, 30, 31, 32, 33, 34, 38, 39, 40, 42, 46, 50, 54, 55, 56};
    return std::find(std::begin(counties), std::end(counties), county) != std::end(counties) && n.substr(2) != "00";
}
}  // namespace

void detail::check_cohort_texts(std::string_view id, std::string_view label) {
    check_line(id, "cohort id", "/id");
    check_line(label, "cohort label", "/label");
}

void cohort::check_withdrawal(const withdrawal& w, const std::string& at) const {
    if (w.on.is_special()) throw error(errc::validation_error, "expected a date", at + "/date");
    if (w.on > last_day())
        throw error(errc::validation_error,
                    "a withdrawal is dated on or before the cohort's last day (" + to_iso(last_day()) + "), not " +
                        to_iso(w.on),
                    at + "/date");
    detail::check_text(w.reason, "reason for the withdrawal", at + "/reason", text_kind::multiline, limits::text_chars);
    if (w.reason.empty()) throw error(errc::validation_error, "expected a reason for the withdrawal", at + "/reason");
}

void cohort::validate_participant(const participant& p, std::size_t index) const {
    using detail::pointer_append;
    const std::string at = pointer_append("/participants", index);
    check_line(p.id, "participant id", at + "/id");
    if (p.id.empty()) throw error(errc::validation_error, "expected a non-empty participant id", at + "/id");
    check_line(p.name, "participant name", at + "/name");
    if (p.name.empty()) throw error(errc::validation_error, "expected a name, not blank text", at + "/name");
    if (!is_municipality_number(p.municipality.number))
        throw error(errc::validation_error,
                    "expected a 4-digit municipality number, got " + detail::quoted(p.municipality.number, 20),
                    at + "/municipality/number");
    if (!known_county(p.municipality.number))
        throw error(errc::validation_error,
                    "expected a Norwegian municipality number (its first two digits a county's, e.g. 0301 Oslo, "
                    "3905 Tønsberg), not " + detail::quoted(p.municipality.number, 20),
                    at + "/municipality/number");
    check_line(p.municipality.name, "municipality name", at + "/municipality/name");
    if (p.municipality.name.empty())
        throw error(errc::validation_error, "expected a municipality name", at + "/municipality/name");
    check_line(p.role, "role", at + "/role");
    if (p.role.empty()) throw error(errc::validation_error, "expected a non-empty role", at + "/role");
    if (p.contact) {
        check_line(p.contact->email, "e-mail address", at + "/contact/email");
        check_line(p.contact->phone, "phone number", at + "/contact/phone");
    }
    if (static_cast<unsigned>(p.sector) > static_cast<unsigned>(sector::voluntary))
        throw error(errc::validation_error, "unknown sector", at + "/sector");
    if (static_cast<unsigned>(p.festival_role) > static_cast<unsigned>(festival_role::process_leader))
        throw error(errc::validation_error, "unknown festival role", at + "/festival_role");
    if (p.withdrawal) check_withdrawal(*p.withdrawal, at + "/withdrawal");
    if (!p.attendance.empty()) {
        if (p.attendance.size() != days_.size())
            throw error(errc::validation_error,
                        "expected one attendance entry per session day (" + std::to_string(days_.size()) + "), got " +
                            std::to_string(p.attendance.size()),
                        at + "/attendance");
        for (std::size_t d = 0; d < p.attendance.size(); ++d)
            if (static_cast<unsigned>(p.attendance[d]) > static_cast<unsigned>(attendance_status::absent))
                throw error(errc::validation_error, "unknown attendance status",
                            pointer_append(at + "/attendance", to_iso(days_[d])));
    }
    if (p.submissions.size() > limits::submissions)
        throw error(errc::validation_error,
                    std::to_string(p.submissions.size()) + " submissions; at most " +
                        std::to_string(limits::submissions) + " are allowed",
                    at + "/submissions");
    if (p.exemptions.size() > limits::exemptions)
        throw error(errc::validation_error,
                    std::to_string(p.exemptions.size()) + " exemptions; at most " + std::to_string(limits::exemptions) +
                        " are allowed",
                    at + "/exemptions");
    for (std::size_t i = 0; i < p.submissions.size(); ++i)
        check_submission(p.submissions[i], pointer_append(at + "/submissions", i), sessions_);
    for (std::size_t i = 0; i < p.exemptions.size(); ++i) {
        const exemption& e = p.exemptions[i];
        const std::string ex = pointer_append(at + "/exemptions", i);
        check_line(e.requirement, "requirement id", ex + "/requirement");
        detail::check_text(e.reason, "exemption reason", ex + "/reason", text_kind::multiline, limits::text_chars);
        check_line(e.granted_by, "name of who granted the exemption", ex + "/granted_by");
        if (!programme_->find_requirement(e.requirement))
            throw error(errc::validation_error,
                        "unknown requirement " + detail::quoted(e.requirement) + " for programme \"" + programme_->id +
                            "\"",
                        ex + "/requirement");
        for (std::size_t j = 0; j < i; ++j)
            if (p.exemptions[j].requirement == e.requirement)
                throw error(errc::validation_error, "requirement \"" + e.requirement + "\" is already exempted",
                            ex + "/requirement");
        if (e.reason.empty()) throw error(errc::validation_error, "expected a reason for the exemption", ex + "/reason");
        if (e.granted_by.empty())
            throw error(errc::validation_error, "expected who granted the exemption", ex + "/granted_by");
        if (e.granted_on && e.granted_on->is_special())
            throw error(errc::validation_error, "expected a date", ex + "/date");
    }
}

void cohort::add_participant(participant p) {
    // A duplicate is a mistake in the record, whether or not a seat is left: say so first.
    trim_texts(p);
    validate_participant(p, size());
    if (find(p.id))
        throw error(errc::validation_error, "duplicate participant id " + detail::quoted(p.id),
                    detail::pointer_append("/participants", size()) + "/id");
    if (capacity_ && size() >= static_cast<std::size_t>(*capacity_))
        throw error(errc::not_allowed, "the cohort is full (" + std::to_string(*capacity_) +
                                           (*capacity_ == 1 ? " seat)" : " seats)"));
    auto& r = own_roster();
    auto& list = r.list;
    auto& by_id = r.by_id;
    const auto pos = static_cast<std::uint32_t>(list.size());
    const auto it = std::lower_bound(by_id.begin(), by_id.end(), p.id,
                                     [&list](std::uint32_t q, const std::string& key) { return list[q].id < key; });
    normalise_attendance(p.attendance);
    list.push_back(std::move(p));
    by_id.insert(it, pos);
    touch();
}

void cohort::add_participants(std::vector<participant> ps) {
    const std::vector<participant>& old = participants();
    const std::size_t base = old.size();
    if (base + ps.size() > limits::participants)
        throw error(errc::validation_error,
                    "at most " + std::to_string(limits::participants) + " participants are allowed",
                    detail::pointer_append("/participants", limits::participants));
    // Each record is checked (and duplicates found) before the seats are counted: a
    // duplicate in a full cohort is a duplicate.
    for (std::size_t i = 0; i < ps.size(); ++i) {
        trim_texts(ps[i]);
        validate_participant(ps[i], base + i);
    }
    // Duplicate ids: sort positions of old and new together and look at neighbours.
    std::vector<std::uint32_t> order(base + ps.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    auto id_of = [&](std::uint32_t q) -> const std::string& { return q < base ? old[q].id : ps[q - base].id; };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const int c = id_of(a).compare(id_of(b));
        return c != 0 ? c < 0 : a < b;
    });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (id_of(order[i]) == id_of(order[i - 1]))
            throw error(errc::validation_error, "duplicate participant id " + detail::quoted(id_of(order[i])),
                        detail::pointer_append("/participants", std::max(order[i], order[i - 1])) + "/id");
    if (capacity_ && base + ps.size() > static_cast<std::size_t>(*capacity_))
        throw error(errc::validation_error,
                    "the cohort has " + std::to_string(*capacity_) + (*capacity_ == 1 ? " seat" : " seats") +
                        ": participant " + std::to_string(*capacity_ + 1) + " is one too many",
                    detail::pointer_append("/participants", static_cast<std::size_t>(*capacity_)));
    auto& [list, by_id] = own_roster();
    list.reserve(base + ps.size());
    for (auto& p : ps) {
        normalise_attendance(p.attendance);
        list.push_back(std::move(p));
    }
    by_id = std::move(order);
    touch();
}

void cohort::set_attendance(std::string_view participant_id, date day, attendance_status status) {
    participant& p = mutable_participant(participant_id);
    const auto idx = day_index(day);
    if (!idx)
        throw error(errc::validation_error, "no session is held on " + to_iso(day),
                    detail::pointer_append("/participants/" + std::to_string(&p - participants().data()) + "/attendance",
                                           to_iso(day)));
    if (static_cast<unsigned>(status) > static_cast<unsigned>(attendance_status::absent))
        throw error(errc::invalid_argument, "unknown attendance status");
    if (p.attendance.empty()) p.attendance.assign(days_.size(), attendance_status::unrecorded);
    p.attendance[*idx] = status;
    if (status == attendance_status::unrecorded) normalise_attendance(p.attendance);
    touch();
}

attendance_status cohort::attendance(std::string_view participant_id, date day) const {
    const participant& p = participants()[index_of(participant_id)];
    const auto idx = day_index(day);
    if (!idx) throw error(errc::validation_error, "no session is held on " + to_iso(day));
    return p.attendance.empty() ? attendance_status::unrecorded : p.attendance[*idx];
}

void cohort::set_festival_role(std::string_view participant_id, smart::festival_role role) {
    if (static_cast<unsigned>(role) > static_cast<unsigned>(festival_role::process_leader))
        throw error(errc::invalid_argument, "unknown festival role");
    mutable_participant(participant_id).festival_role = role;
    touch();
}

void cohort::add_submission(std::string_view participant_id, submission s) {
    participant& p = mutable_participant(participant_id);
    const std::size_t index = static_cast<std::size_t>(&p - participants().data());
    if (p.submissions.size() >= limits::submissions)
        throw error(errc::validation_error,
                    "participant " + detail::quoted(p.id) + " has " + std::to_string(limits::submissions) +
                        " submissions, the most allowed",
                    "/participants/" + std::to_string(index) + "/submissions");
    check_submission(s,
                     detail::pointer_append("/participants/" + std::to_string(index) + "/submissions",
                                            p.submissions.size()),
                     sessions_);
    p.submissions.push_back(std::move(s));
    touch();
}

void cohort::add_exemption(std::string_view participant_id, exemption e) {
    participant& p = mutable_participant(participant_id);
    const std::size_t index = static_cast<std::size_t>(&p - participants().data());
    participant copy = p;
    copy.exemptions.push_back(std::move(e));
    validate_participant(copy, index);
    p.exemptions = std::move(copy.exemptions);
    touch();
}

void cohort::remove_exemption(std::string_view participant_id, std::string_view requirement_id) {
    participant& p = mutable_participant(participant_id);
    const auto it = std::find_if(p.exemptions.begin(), p.exemptions.end(),
                                 [&](const exemption& e) { return e.requirement == requirement_id; });
    if (it == p.exemptions.end()) {
        detail::check_text(requirement_id, "requirement id", "", text_kind::line, limits::name_chars,
                           errc::invalid_argument);
        throw error(errc::not_found,
                    "participant \"" + p.id + "\" has no exemption for " + detail::quoted(requirement_id));
    }
    p.exemptions.erase(it);
    touch();
}

// --- corrections ---------------------------------------------------------------------

std::string cohort::submission_pointer(std::size_t participant_index, std::size_t index) const {
    return detail::pointer_append(detail::pointer_append("/participants", participant_index) + "/submissions", index);
}

std::size_t cohort::checked_submission(std::size_t participant_index, std::size_t index) const {
    const participant& p = participants()[participant_index];
    if (index >= p.submissions.size())
        throw error(errc::not_found,
                    "participant " + detail::quoted(p.id) + " has no submission " + std::to_string(index) + " (" +
                        std::to_string(p.submissions.size()) + " recorded)",
                    submission_pointer(participant_index, index));
    return index;
}

void cohort::set_submission_status(std::string_view participant_id, std::size_t index, submission_status status,
                                   std::string decided_by, std::optional<date> decided_on) {
    const std::size_t at = index_of(participant_id);
    checked_submission(at, index);
    submission s = participants()[at].submissions[index];
    const std::string where = submission_pointer(at, index);
    if (static_cast<unsigned>(status) > static_cast<unsigned>(submission_status::rejected))
        throw error(errc::invalid_argument, "unknown submission status");
    s.status = status;
    if (status == submission_status::submitted) {
        if (!decided_by.empty() || decided_on)
            throw error(errc::validation_error,
                        "a submitted document has no decision: give who decided and when only to approve or reject",
                        where + (decided_by.empty() ? "/decided_on" : "/decided_by"));
        s.set_decision(std::nullopt);
    } else {
        check_line(decided_by, "name of who decided", where + "/decided_by");
        if (decided_by.empty())
            throw error(errc::validation_error, "expected who approved or rejected the document",
                        where + "/decided_by");
        if (!decided_on || decided_on->is_special())
            throw error(errc::validation_error, "expected the date of the decision", where + "/decided_on");
        s.set_decision(submission_decision{std::move(decided_by), *decided_on});
    }
    check_submission(s, where, sessions_);
    own_roster().list[at].submissions[index] = std::move(s);
    touch();
}

void cohort::correct_submission(std::string_view participant_id, std::size_t index, submission s) {
    const std::size_t at = index_of(participant_id);
    checked_submission(at, index);
    check_submission(s, submission_pointer(at, index), sessions_);
    own_roster().list[at].submissions[index] = std::move(s);
    touch();
}

void cohort::remove_submission(std::string_view participant_id, std::size_t index) {
    const std::size_t at = index_of(participant_id);
    checked_submission(at, index);
    auto& list = own_roster().list[at].submissions;
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
    touch();
}

void cohort::correct_participant(std::string_view participant_id, participant_details details) {
    const std::size_t at = index_of(participant_id);
    participant copy = participants()[at];
    copy.name = std::move(details.name);
    copy.municipality = std::move(details.municipality);
    copy.role = std::move(details.role);
    copy.sector = details.sector;
    trim_texts(copy);
    validate_participant(copy, at);
    own_roster().list[at] = std::move(copy);
    touch();
}

void cohort::withdraw(std::string_view participant_id, date on, std::string reason) {
    const std::size_t at = index_of(participant_id);
    const participant& p = participants()[at];
    if (p.withdrawal)
        throw error(errc::not_allowed, "participant " + detail::quoted(p.id) + " is already withdrawn (on " +
                                           to_iso(p.withdrawal->on) + "): cancel that withdrawal first");
    withdrawal w{on, std::move(reason)};
    check_withdrawal(w, detail::pointer_append("/participants", at) + "/withdrawal");
    own_roster().list[at].withdrawal = std::move(w);
    touch();
}

void cohort::cancel_withdrawal(std::string_view participant_id) {
    const std::size_t at = index_of(participant_id);
    if (!participants()[at].withdrawal)
        throw error(errc::not_found, "participant " + detail::quoted(participants()[at].id) + " is not withdrawn");
    own_roster().list[at].withdrawal = std::nullopt;
    touch();
}

namespace {
constexpr std::array<const char*, 3> municipality_warning_names{"two_names", "not_register_name", "not_in_register"};

/// The register's number for the first of `names` that names exactly one municipality
/// other than `number` (a name recorded under a wrong or older number), or "".
std::string number_named(const std::vector<std::string>& names, std::string_view number) {
    for (const std::string& n : names) {
        const auto found = find_municipalities_named(n);
        if (found.size() == 1 && found[0].number != number) return std::string(found[0].number);
    }
    return {};
}
}  // namespace

const char* to_string(municipality_warning_kind k) noexcept { return detail::name_of(k, municipality_warning_names); }

std::vector<municipality_warning> check_municipality_names(const cohort& c) {
    struct recorded {
        std::size_t first = 0;    // the first participant with the number
        std::size_t differs = 0;  // the first whose name differs from the first name
        std::vector<std::string> names;
    };
    std::map<std::string, recorded> by_number;
    const auto& ps = c.participants();
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const municipality& m = ps[i].municipality;
        auto [it, fresh] = by_number.try_emplace(m.number);
        recorded& r = it->second;
        if (fresh) {
            r.first = i;
            r.names.push_back(m.name);
        } else if (std::find(r.names.begin(), r.names.end(), m.name) == r.names.end()) {
            if (r.names.size() == 1) r.differs = i;
            r.names.push_back(m.name);
        }
    }
    // Numbers are checked against the register only for cohorts it was valid for.
    const bool current = !c.days().empty() && c.first_day() >= municipality_register_valid_from();
    std::vector<municipality_warning> out;
    for (auto& [number, r] : by_number) {
        const auto reg = find_municipality(number);
        const std::string register_name = reg ? std::string(reg->name) : std::string();
        const auto at = [&](std::size_t i, const char* field) {
            return detail::pointer_append("/participants", i) + "/municipality/" + field;
        };
        if (r.names.size() > 1)
            out.push_back({number, r.names, r.differs, at(r.differs, "name"), municipality_warning_kind::two_names,
                           register_name, {}});
        if (reg) {
            const bool official = std::any_of(r.names.begin(), r.names.end(),
                                              [&](const std::string& n) { return is_official_name(*reg, n); });
            if (!official)
                out.push_back({number, r.names, r.first, at(r.first, "name"),
                               municipality_warning_kind::not_register_name, register_name,
                               number_named(r.names, number)});
        } else if (current) {
            out.push_back({number, r.names, r.first, at(r.first, "number"), municipality_warning_kind::not_in_register,
                           {}, number_named(r.names, number)});
        }
    }
    return out;
}

namespace {
/// «a», «b» or «c» / «a» eller «b»
std::string quoted_names(const std::vector<std::string>& names, const char* sep, const char* last) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i)
        s += std::string(i == 0 ? "" : i + 1 == names.size() ? last : sep) + "«" + names[i] + "»";
    return s;
}

/// " (Bergen er 4601)" when the warning names the number of a recorded name.
std::string suggestion(const municipality_warning& w, lang l) {
    if (w.register_number.empty()) return {};
    const auto m = find_municipality(w.register_number);
    if (!m) return {};
    return " (" + std::string(m->name) + detail::t(l, " er ", " er ", " is ") + w.register_number + ")";
}
}  // namespace

std::string describe(const municipality_warning& w, lang l) {
    std::string s = std::string(detail::t(l, "Kommunenummer ", "Kommunenummer ", "Municipality number ")) + w.number;
    switch (w.kind) {
        case municipality_warning_kind::two_names:
            return s +
                   detail::t(l, " er registrert med ulike navn: ", " er registrert med ulike namn: ",
                             " is recorded with different names: ") +
                   quoted_names(w.names, ", ", ", ");
        case municipality_warning_kind::not_register_name:
            return s + detail::t(l, " er ", " er ", " is ") + w.register_name +
                   detail::t(l, " i kommuneregisteret, ikke ", " i kommuneregisteret, ikkje ",
                             " in the municipality register, not ") +
                   quoted_names(w.names, ", ", detail::t(l, " eller ", " eller ", " or ")) + suggestion(w, l);
        case municipality_warning_kind::not_in_register:
            return s + " (" + quoted_names(w.names, ", ", ", ") + ")" +
                   detail::t(l, " finnes ikke i kommuneregisteret fra 1. januar 2024: fått nytt nummer i 2020 eller 2024?",
                             " finst ikkje i kommuneregisteret frå 1. januar 2024: fått nytt nummer i 2020 eller 2024?",
                             " is not in the municipality register of 1 January 2024: renumbered in 2020 or 2024?") +
                   suggestion(w, l);
    }
    return s;
}

}  // namespace smart
