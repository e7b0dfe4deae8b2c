// The C ABI: cohorts and the records kept about their participants.
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

/// A submission from its C form (structure versions 1 and 2).
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
    if (in.title) s.title = in.title;
    if (in.version >= 2 && (in.decided_by || in.decided_on)) {
        // both or neither: a missing one is the core's validation error at its place
        s.decision = smart::submission_decision{
            in.decided_by ? in.decided_by : "",
            in.decided_on ? smart::parse_date(in.decided_on) : smart::date(boost::gregorian::not_a_date_time)};
    }
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
        *submission = smart_submission SMART_SUBMISSION_INIT;
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

void smart_cohort_free(smart_cohort* cohort) { release<cohort_box>(cohort, tag::cohort, __func__); }

}  // extern "C"
