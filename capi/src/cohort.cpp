// The C ABI: cohorts and the records kept about their participants.
#include <cstddef>
#include <cstring>
#include <optional>

#include "capi.hpp"

using namespace smart::capi;

namespace {

/// The error `e` with its JSON Pointer made relative to `prefix` (when it lies under it):
/// the core names places in a cohort document, the caller gave one participant object.
smart::error relative_to(const smart::error& e, const std::string& prefix) {
    const std::string& p = e.pointer();
    if (p.compare(0, prefix.size(), prefix) == 0 && (p.size() == prefix.size() || p[prefix.size()] == '/'))
        return smart::error(e.code(), e.message(), p.substr(prefix.size()));
    return e;
}

smart::date parse_day(const char* text, const char* function, const char* what) {
    need(text, function, what);
    return smart::parse_date(text);
}

/// A submission from its C form (structure versions 1 to 3).
smart::submission submission_from_c(const smart_submission* submission, const char* function) {
    const smart_submission& in = *need(submission, function, "submission is NULL");
    if (in.version < 1 || in.version > SMART_SUBMISSION_VERSION)
        invalid(function, "unknown smart_submission version (initialise it with SMART_SUBMISSION_INIT)");
    smart::submission s;
    s.kind = to_cpp(in.kind, function);
    s.status = to_cpp(in.status, function);
    s.on = parse_day(in.date, function, "submission->date is NULL");
    if (in.pages > 0xFFFFu) invalid(function, "submission->pages does not fit in 16 bits");
    if (in.pages != 0) s.pages = static_cast<std::uint16_t>(in.pages);
    s.category = to_cpp(in.category, function);
    if (in.title) s.set_title(in.title);
    if (in.version >= 2 && (in.decided_by || in.decided_on)) {
        // both or neither: a missing one is the core's validation error at its place
        s.set_decision(smart::submission_decision{
            in.decided_by ? in.decided_by : "",
            in.decided_on ? smart::parse_date(in.decided_on) : smart::date(boost::gregorian::not_a_date_time)});
    }
    if (in.version >= 3 && in.session) s.set_session(in.session);
    return s;
}

smart::sector sector_from_c(const smart_sector& s, const char* function) {
    switch (raw_value(s)) {
        case SMART_SECTOR_PUBLIC: return smart::sector::public_sector;
        case SMART_SECTOR_PRIVATE: return smart::sector::private_sector;
        case SMART_SECTOR_VOLUNTARY: return smart::sector::voluntary;
    }
    invalid(function, "unknown smart_sector value");
}

const smart::participant& participant_at(const smart::cohort& c, size_t index, const char* function) {
    if (index >= c.size()) invalid(function, "participant index out of range");
    return c.participants()[index];
}

const smart::submission& submission_at(const smart::cohort& c, size_t participant, size_t index,
                                       const char* function) {
    const auto& list = participant_at(c, participant, function).submissions;
    if (index >= list.size()) invalid(function, "submission index out of range");
    return list[index];
}

const smart::exemption& exemption_at(const smart::cohort& c, size_t participant, size_t index, const char* function) {
    const auto& list = participant_at(c, participant, function).exemptions;
    if (index >= list.size()) invalid(function, "exemption index out of range");
    return list[index];
}

/// Runs `read` on the cohort for an accessor with an out-parameter: NULL checks first.
template <class Out, class F>
int read_out(Out* out, const smart_cohort* cohort, const char* function, F read) {
    return guard([&] {
        need(out, function, "out is NULL");
        *out = read(get(cohort, function).c);
    });
}

/// Runs `date_of` on the cohort and writes its date into `out` (size bytes); an absent
/// date (nullopt) is SMART_ENOTFOUND with `what` in the message.
template <class F>
int read_date(char* out, size_t size, const smart_cohort* cohort, const char* function, const char* what, F date_of) {
    if (out && size > 0) out[0] = '\0';
    return guard([&] {
        need(out, function, "out is NULL");
        const std::optional<smart::date> d = date_of(get(cohort, function).c);
        if (!d) throw smart::error(smart::errc::not_found, std::string(function) + ": " + what);
        write_date(out, size, *d, function);
    });
}

// The C enums below mirror the core's value for value, so the accessors convert by value.
static_assert(SMART_SUBMISSION_BETWEEN_SESSION_WORK == static_cast<int>(smart::submission_kind::between_session_work));
static_assert(SMART_SUBMISSION_PORTFOLIO == static_cast<int>(smart::submission_kind::portfolio) &&
              SMART_SUBMISSION_FINAL_TEXT == static_cast<int>(smart::submission_kind::final_text));
static_assert(SMART_SUBMISSION_REJECTED == static_cast<int>(smart::submission_status::rejected));
static_assert(SMART_FINAL_CATEGORY_OTHER == static_cast<int>(smart::final_category::other));
static_assert(SMART_FESTIVAL_ROLE_PROCESS_LEADER == static_cast<int>(smart::festival_role::process_leader));
static_assert(SMART_SECTOR_VOLUNTARY == static_cast<int>(smart::sector::voluntary) &&
              SMART_SECTOR_PRIVATE == static_cast<int>(smart::sector::private_sector));
static_assert(SMART_SESSION_GATHERING == static_cast<int>(smart::session_kind::gathering) &&
              SMART_SESSION_FESTIVAL == static_cast<int>(smart::session_kind::festival) &&
              SMART_SESSION_KICK_OFF == static_cast<int>(smart::session_kind::kick_off) &&
              SMART_SESSION_OTHER == static_cast<int>(smart::session_kind::other));

smart_submission_kind kind_to_c(smart::submission_kind k) noexcept { return static_cast<smart_submission_kind>(k); }
smart_submission_status status_to_c(smart::submission_status s) noexcept {
    return static_cast<smart_submission_status>(s);
}
smart_final_category category_to_c(smart::final_category c) noexcept { return static_cast<smart_final_category>(c); }
smart_festival_role role_to_c(smart::festival_role r) noexcept { return static_cast<smart_festival_role>(r); }
smart_sector sector_to_c(smart::sector s) noexcept { return static_cast<smart_sector>(s); }
smart_session_kind session_kind_to_c(smart::session_kind k) noexcept { return static_cast<smart_session_kind>(k); }

void make_cohort(smart_cohort** out, smart::cohort c) {
    auto box = std::make_unique<cohort_box>(cohort_box{tag::cohort, std::move(c)});
    *out = handle(box.release());
}

}  // namespace

extern "C" {

int smart_cohort_create(smart_cohort** out, const smart_programme* programme, const char* id, const char* label) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& p = get(programme, fn);
        need(id, fn, "id is NULL");
        need(label, fn, "label is NULL");
        make_cohort(out, smart::cohort(p.prog, id, label, std::nullopt, {}, p.catalogue_id));
    });
}

int smart_cohort_options_init(smart_cohort_options* options, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(options, fn, "options is NULL");
        if (version < 1 || version > SMART_COHORT_OPTIONS_VERSION) invalid(fn, "unknown structure version");
        *options = smart_cohort_options SMART_COHORT_OPTIONS_INIT;
        options->version = version;
    });
}

int smart_cohort_create_with_options(smart_cohort** out, const smart_programme* programme, const char* id,
                                     const char* label, const smart_cohort_options* options) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& p = get(programme, fn);
        need(id, fn, "id is NULL");
        need(label, fn, "label is NULL");
        std::optional<int> capacity;
        if (options) {
            if (options->version < 1 || options->version > SMART_COHORT_OPTIONS_VERSION)
                invalid(fn, "unknown smart_cohort_options version (initialise it with SMART_COHORT_OPTIONS_INIT)");
            if (options->capacity != 0) capacity = options->capacity;  // the core checks it
        }
        make_cohort(out, smart::cohort(p.prog, id, label, capacity, {}, p.catalogue_id));
    });
}

int smart_cohort_capacity(int* out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(cohort, fn).c.capacity().value_or(0);
    });
}

int smart_cohort_demo(smart_cohort** out) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        make_cohort(out, smart::catalogue::demo_cohort());
    });
}

int smart_cohort_load_json(smart_cohort** out, const char* json) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(json, fn, "json is NULL");
        make_cohort(out, smart::load_cohort(json));
    });
}

int smart_cohort_load_file(smart_cohort** out, const char* path) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        need(path, fn, "path is NULL");
        make_cohort(out, smart::load_cohort_file(path));
    });
}

int smart_cohort_save_json(char** out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = dup(smart::save_cohort(get(cohort, fn).c));
    });
}

int smart_cohort_save_file(const smart_cohort* cohort, const char* path) {
    const char* const fn = __func__;
    return guard([&] {
        const auto& c = get(cohort, fn).c;
        need(path, fn, "path is NULL");
        smart::save_cohort_file(c, path);
    });
}

int smart_cohort_id(const char** out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(cohort, fn).c.id().c_str();
    });
}

int smart_cohort_label(const char** out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(cohort, fn).c.label().c_str();
    });
}

int smart_cohort_programme_id(const char** out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(cohort, fn).c.programme().id.c_str();
    });
}

int smart_cohort_participant_count(size_t* out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(cohort, fn).c.size();
    });
}

int smart_cohort_participant_id(const char** out, const smart_cohort* cohort, size_t index) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& c = get(cohort, fn).c;
        if (index >= c.size()) invalid(fn, "index out of range");
        *out = c.participants()[index].id.c_str();
    });
}

int smart_cohort_day_count(size_t* out, const smart_cohort* cohort) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        *out = get(cohort, fn).c.days().size();
    });
}

int smart_cohort_day(char* out, const smart_cohort* cohort, size_t index) {
    const char* const fn = __func__;
    if (out) out[0] = '\0';
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& days = get(cohort, fn).c.days();
        if (index >= days.size()) invalid(fn, "index out of range");
        write_date(out, days[index]);
    });
}

int smart_cohort_add_participant_json(smart_cohort* cohort, const char* participant_json) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_json, fn, "participant_json is NULL");
        smart::participant p = smart::load_participant(participant_json, c);
        const std::string at = "/participants/" + std::to_string(c.size());
        try {
            c.add_participant(std::move(p));
        } catch (const smart::error& e) {
            throw relative_to(e, at);
        }
    });
}

int smart_cohort_set_attendance(smart_cohort* cohort, const char* participant_id, const char* day,
                                smart_attendance status) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        const smart::date d = parse_day(day, fn, "day is NULL");
        c.set_attendance(participant_id, d, to_cpp(status, fn));
    });
}

int smart_cohort_attendance(smart_attendance* out, const smart_cohort* cohort, const char* participant_id,
                            const char* day) {
    const char* const fn = __func__;
    return guard([&] {
        need(out, fn, "out is NULL");
        const auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        *out = to_c(c.attendance(participant_id, parse_day(day, fn, "day is NULL")));
    });
}

int smart_cohort_set_festival_role(smart_cohort* cohort, const char* participant_id, smart_festival_role role) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        c.set_festival_role(participant_id, to_cpp(role, fn));
    });
}

int smart_submission_init(smart_submission* submission, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(submission, fn, "submission is NULL");
        if (version < 1 || version > SMART_SUBMISSION_VERSION) invalid(fn, "unknown structure version");
        // Only the fields of `version`: a caller built against an older header has a smaller struct.
        const smart_submission defaults SMART_SUBMISSION_INIT;
        const std::size_t size = version == 1   ? offsetof(smart_submission, decided_by)
                                 : version == 2 ? offsetof(smart_submission, session)
                                                : sizeof(smart_submission);
        std::memcpy(submission, &defaults, size);
        submission->version = version;
    });
}

int smart_cohort_add_submission(smart_cohort* cohort, const char* participant_id, const smart_submission* submission) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        c.add_submission(participant_id, submission_from_c(submission, fn));
    });
}

int smart_exemption_init(smart_exemption* exemption, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(exemption, fn, "exemption is NULL");
        if (version < 1 || version > SMART_EXEMPTION_VERSION) invalid(fn, "unknown structure version");
        *exemption = smart_exemption SMART_EXEMPTION_INIT;
        exemption->version = version;
    });
}

int smart_cohort_add_exemption(smart_cohort* cohort, const char* participant_id, const smart_exemption* exemption) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        const smart_exemption& in = *need(exemption, fn, "exemption is NULL");
        if (in.version < 1 || in.version > SMART_EXEMPTION_VERSION)
            invalid(fn, "unknown smart_exemption version (initialise it with SMART_EXEMPTION_INIT)");
        smart::exemption e;
        e.requirement = need(in.requirement, fn, "exemption->requirement is NULL");
        e.reason = need(in.reason, fn, "exemption->reason is NULL");
        e.granted_by = need(in.granted_by, fn, "exemption->granted_by is NULL");
        if (in.date) e.granted_on = smart::parse_date(in.date);
        c.add_exemption(participant_id, std::move(e));
    });
}

int smart_cohort_remove_exemption(smart_cohort* cohort, const char* participant_id, const char* requirement_id) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        need(requirement_id, fn, "requirement_id is NULL");
        c.remove_exemption(participant_id, requirement_id);
    });
}

int smart_cohort_set_submission_status(smart_cohort* cohort, const char* participant_id, size_t index,
                                       smart_submission_status status, const char* decided_by,
                                       const char* decided_on) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        const smart::submission_status s = to_cpp(status, fn);
        std::optional<smart::date> on;
        if (decided_on) on = smart::parse_date(decided_on);
        c.set_submission_status(participant_id, index, s, decided_by ? decided_by : "", on);
    });
}

int smart_cohort_correct_submission(smart_cohort* cohort, const char* participant_id, size_t index,
                                    const smart_submission* submission) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        c.correct_submission(participant_id, index, submission_from_c(submission, fn));
    });
}

int smart_cohort_remove_submission(smart_cohort* cohort, const char* participant_id, size_t index) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        c.remove_submission(participant_id, index);
    });
}

int smart_participant_details_init(smart_participant_details* details, unsigned int version) {
    const char* const fn = __func__;
    return guard([&] {
        need(details, fn, "details is NULL");
        if (version < 1 || version > SMART_PARTICIPANT_DETAILS_VERSION) invalid(fn, "unknown structure version");
        *details = smart_participant_details SMART_PARTICIPANT_DETAILS_INIT;
        details->version = version;
    });
}

int smart_cohort_correct_participant(smart_cohort* cohort, const char* participant_id,
                                     const smart_participant_details* details) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        const smart_participant_details& in = *need(details, fn, "details is NULL");
        if (in.version < 1 || in.version > SMART_PARTICIPANT_DETAILS_VERSION)
            invalid(fn, "unknown smart_participant_details version (initialise it with SMART_PARTICIPANT_DETAILS_INIT)");
        smart::participant_details d;
        d.name = need(in.name, fn, "details->name is NULL");
        d.municipality.number = need(in.municipality_number, fn, "details->municipality_number is NULL");
        d.municipality.name = need(in.municipality_name, fn, "details->municipality_name is NULL");
        d.role = need(in.role, fn, "details->role is NULL");
        d.sector = sector_from_c(in.sector, fn);
        c.correct_participant(participant_id, std::move(d));
    });
}

int smart_cohort_withdraw(smart_cohort* cohort, const char* participant_id, const char* date, const char* reason) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        const smart::date on = parse_day(date, fn, "date is NULL");
        c.withdraw(participant_id, on, need(reason, fn, "reason is NULL"));
    });
}

int smart_cohort_cancel_withdrawal(smart_cohort* cohort, const char* participant_id) {
    const char* const fn = __func__;
    return guard([&] {
        auto& c = get(cohort, fn).c;
        need(participant_id, fn, "participant_id is NULL");
        c.cancel_withdrawal(participant_id);
    });
}

int smart_cohort_day_r(char* out, size_t size, const smart_cohort* cohort, size_t index) {
    return read_date(out, size, cohort, __func__, "", [&](const smart::cohort& c) -> std::optional<smart::date> {
        if (index >= c.days().size()) invalid("smart_cohort_day_r", "index out of range");
        return c.days()[index];
    });
}

int smart_cohort_session_count(size_t* out, const smart_cohort* cohort) {
    return read_out(out, cohort, __func__, [](const smart::cohort& c) { return c.sessions().size(); });
}

int smart_cohort_session_id(const char** out, const smart_cohort* cohort, size_t session) {
    if (out) *out = nullptr;
    return read_out(out, cohort, __func__, [&](const smart::cohort& c) {
        if (session >= c.sessions().size()) invalid("smart_cohort_session_id", "session index out of range");
        return c.sessions()[session].id.c_str();
    });
}

int smart_cohort_session_kind(smart_session_kind* out, const smart_cohort* cohort, size_t session) {
    return read_out(out, cohort, __func__, [&](const smart::cohort& c) {
        if (session >= c.sessions().size()) invalid("smart_cohort_session_kind", "session index out of range");
        return session_kind_to_c(c.sessions()[session].kind);
    });
}

int smart_cohort_day_session(size_t* out, const smart_cohort* cohort, size_t day) {
    return read_out(out, cohort, __func__, [&](const smart::cohort& c) -> size_t {
        if (day >= c.days().size()) invalid("smart_cohort_day_session", "day index out of range");
        return c.session_of_day(day);
    });
}

int smart_cohort_participant_name(const char** out, const smart_cohort* cohort, size_t participant) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return read_out(out, cohort, fn,
                    [&](const smart::cohort& c) { return participant_at(c, participant, fn).name.c_str(); });
}

int smart_cohort_participant_role(const char** out, const smart_cohort* cohort, size_t participant) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return read_out(out, cohort, fn,
                    [&](const smart::cohort& c) { return participant_at(c, participant, fn).role.c_str(); });
}

int smart_cohort_participant_municipality(const char** number, const char** name, const smart_cohort* cohort,
                                          size_t participant) {
    const char* const fn = __func__;
    if (number) *number = nullptr;
    if (name) *name = nullptr;
    return guard([&] {
        need(number, fn, "number is NULL");
        need(name, fn, "name is NULL");
        const auto& m = participant_at(get(cohort, fn).c, participant, fn).municipality;
        *number = m.number.c_str();
        *name = m.name.c_str();
    });
}

int smart_cohort_participant_sector(smart_sector* out, const smart_cohort* cohort, size_t participant) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn,
                    [&](const smart::cohort& c) { return sector_to_c(participant_at(c, participant, fn).sector); });
}

int smart_cohort_participant_festival_role(smart_festival_role* out, const smart_cohort* cohort, size_t participant) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn, [&](const smart::cohort& c) {
        return role_to_c(participant_at(c, participant, fn).festival_role);
    });
}

int smart_cohort_participant_withdrawal(char* out, size_t size, const char** reason, const smart_cohort* cohort,
                                        size_t participant) {
    const char* const fn = __func__;
    if (reason) *reason = nullptr;
    return read_date(out, size, cohort, fn, "the participant is not withdrawn",
                     [&](const smart::cohort& c) -> std::optional<smart::date> {
                         const auto& p = participant_at(c, participant, fn);
                         if (!p.withdrawal) return std::nullopt;
                         if (reason) *reason = p.withdrawal->reason.c_str();
                         return p.withdrawal->on;
                     });
}

int smart_cohort_submission_count(size_t* out, const smart_cohort* cohort, size_t participant) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn,
                    [&](const smart::cohort& c) { return participant_at(c, participant, fn).submissions.size(); });
}

int smart_cohort_submission_kind(smart_submission_kind* out, const smart_cohort* cohort, size_t participant,
                                 size_t submission) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn, [&](const smart::cohort& c) {
        return kind_to_c(submission_at(c, participant, submission, fn).kind);
    });
}

int smart_cohort_submission_status(smart_submission_status* out, const smart_cohort* cohort, size_t participant,
                                   size_t submission) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn, [&](const smart::cohort& c) {
        return status_to_c(submission_at(c, participant, submission, fn).status);
    });
}

int smart_cohort_submission_date(char* out, size_t size, const smart_cohort* cohort, size_t participant,
                                 size_t submission) {
    const char* const fn = __func__;
    return read_date(out, size, cohort, fn, "", [&](const smart::cohort& c) -> std::optional<smart::date> {
        return submission_at(c, participant, submission, fn).on;
    });
}

int smart_cohort_submission_pages(unsigned int* out, const smart_cohort* cohort, size_t participant,
                                  size_t submission) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn, [&](const smart::cohort& c) -> unsigned int {
        return submission_at(c, participant, submission, fn).pages.value_or(0);
    });
}

int smart_cohort_submission_category(smart_final_category* out, const smart_cohort* cohort, size_t participant,
                                     size_t submission) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn, [&](const smart::cohort& c) {
        return category_to_c(submission_at(c, participant, submission, fn).category);
    });
}

int smart_cohort_submission_title(const char** out, const smart_cohort* cohort, size_t participant,
                                  size_t submission) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return read_out(out, cohort, fn, [&](const smart::cohort& c) {
        return submission_at(c, participant, submission, fn).title().c_str();
    });
}

int smart_cohort_submission_decided_by(const char** out, const smart_cohort* cohort, size_t participant,
                                       size_t submission) {
    const char* const fn = __func__;
    if (out) *out = nullptr;
    return read_out(out, cohort, fn, [&](const smart::cohort& c) -> const char* {
        const auto& s = submission_at(c, participant, submission, fn);
        return s.decision() ? s.decision()->by.c_str() : nullptr;
    });
}

int smart_cohort_submission_decided_on(char* out, size_t size, const smart_cohort* cohort, size_t participant,
                                       size_t submission) {
    const char* const fn = __func__;
    return read_date(out, size, cohort, fn, "the submission has no decision",
                     [&](const smart::cohort& c) -> std::optional<smart::date> {
                         const auto& s = submission_at(c, participant, submission, fn);
                         if (!s.decision()) return std::nullopt;
                         return s.decision()->on;
                     });
}

int smart_cohort_exemption_count(size_t* out, const smart_cohort* cohort, size_t participant) {
    const char* const fn = __func__;
    return read_out(out, cohort, fn,
                    [&](const smart::cohort& c) { return participant_at(c, participant, fn).exemptions.size(); });
}

int smart_cohort_exemption(const char** requirement, const char** reason, const char** granted_by,
                           const smart_cohort* cohort, size_t participant, size_t exemption) {
    const char* const fn = __func__;
    for (const char** p : {requirement, reason, granted_by})
        if (p) *p = nullptr;
    return guard([&] {
        need(requirement, fn, "requirement is NULL");
        need(reason, fn, "reason is NULL");
        need(granted_by, fn, "granted_by is NULL");
        const auto& e = exemption_at(get(cohort, fn).c, participant, exemption, fn);
        *requirement = e.requirement.c_str();
        *reason = e.reason.c_str();
        *granted_by = e.granted_by.c_str();
    });
}

int smart_cohort_exemption_date(char* out, size_t size, const smart_cohort* cohort, size_t participant,
                                size_t exemption) {
    const char* const fn = __func__;
    return read_date(out, size, cohort, fn, "the exemption is undated",
                     [&](const smart::cohort& c) { return exemption_at(c, participant, exemption, fn).granted_on; });
}

void smart_cohort_free(smart_cohort* cohort) { release<cohort_box>(cohort, tag::cohort, __func__); }

}  // extern "C"
