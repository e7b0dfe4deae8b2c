// The C ABI: versions, the per-thread last error, strings, and the conversions every area
// shares.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdlib>
#include <new>

#include "capi.hpp"
#include "smart/detail/utf8.hpp"

namespace smart::capi {

namespace {

/// The calling thread's last error. The strings are owned here; when even copying the
/// message fails for want of memory, the views point at static text instead.
struct last_error {
    std::string message = "no error";
    std::string pointer;
    smart_error view{0, "no error", ""};
};

last_error& current() noexcept {
    thread_local last_error e;
    return e;
}

constexpr std::array all_codes{errc::ok,        errc::invalid_argument, errc::parse_error,   errc::validation_error,
                               errc::not_found, errc::not_allowed,      errc::out_of_memory, errc::internal};


}  // namespace

[[noreturn]] void invalid(const char* function, const char* what) {
    throw smart::error(errc::invalid_argument, std::string(function) + ": " + what);
}

int fail(errc code, const char* message, const char* pointer) noexcept {
    last_error& e = current();
    const int status = smart::to_c_status(code);
    try {
        // Messages quote outside text safely (detail::quoted), but a C caller must be able
        // to print whatever arrives here: never hand out bytes that are not UTF-8.
        e.message = smart::detail::replace_invalid_utf8(message);
        e.pointer = smart::detail::replace_invalid_utf8(pointer);
        e.view = {status, e.message.c_str(), e.pointer.c_str()};
    } catch (...) {
        e.view = {status, code == errc::out_of_memory ? "out of memory" : "(message lost: out of memory)", ""};
    }
    return status;
}

int fail_buffer(const buffer_too_small& b) noexcept {
    last_error& e = current();
    try {
        e.message = std::string(b.function) + ": buffer too small: " + std::to_string(b.needed) + " bytes needed";
        e.pointer.clear();
        e.view = {SMART_EBUFS, e.message.c_str(), e.pointer.c_str()};
    } catch (...) {
        e.view = {SMART_EBUFS, "buffer too small", ""};
    }
    return SMART_EBUFS;
}

void write_text(char* out, std::size_t size, std::string_view s, const char* function) {
    if (!out) invalid(function, "out is NULL");
    if (size < s.size() + 1) {
        if (size > 0) out[0] = '\0';
        throw buffer_too_small{s.size() + 1, function};
    }
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
}

void write_date(char* out, std::size_t size, smart::date d, const char* function) {
    write_text(out, size, smart::to_iso(d), function);
}

void bad_handle(const void* h, const char* function, const char* what) {
    if (!h) invalid(function, (std::string(what) + " is NULL").c_str());
    invalid(function, (std::string(what) + " is not a live " + what + " handle").c_str());
}

char* dup(std::string_view s) {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

void write_date(char* out, smart::date d) {
    const std::string iso = smart::to_iso(d);
    if (iso.size() + 1 > SMART_DATE_SIZE) throw smart::error(errc::internal, "date does not fit: " + iso);
    std::memcpy(out, iso.c_str(), iso.size() + 1);
}

// --- enums ---------------------------------------------------------------------------------

namespace {
[[noreturn]] void unknown(const char* function, const char* what, long long value) {
    invalid(function, (std::string("unknown ") + what + " " + std::to_string(value)).c_str());
}
}  // namespace

smart::lang to_cpp(const smart_lang& l, const char* function) {
    switch (raw_value(l)) {
        case SMART_LANG_NB: return lang::nb;
        case SMART_LANG_NN: return lang::nn;
        case SMART_LANG_EN: return lang::en;
    }
    unknown(function, "smart_lang", raw_value(l));
}

smart::attendance_status to_cpp(const smart_attendance& a, const char* function) {
    switch (raw_value(a)) {
        case SMART_ATTENDANCE_UNRECORDED: return attendance_status::unrecorded;
        case SMART_ATTENDANCE_PRESENT: return attendance_status::present;
        case SMART_ATTENDANCE_LATE: return attendance_status::late;
        case SMART_ATTENDANCE_EXCUSED: return attendance_status::excused;
        case SMART_ATTENDANCE_ABSENT: return attendance_status::absent;
    }
    unknown(function, "smart_attendance", raw_value(a));
}

smart::festival_role to_cpp(const smart_festival_role& r, const char* function) {
    switch (raw_value(r)) {
        case SMART_FESTIVAL_ROLE_NONE: return festival_role::none;
        case SMART_FESTIVAL_ROLE_EXHIBITION: return festival_role::exhibition;
        case SMART_FESTIVAL_ROLE_WORKSHOP: return festival_role::workshop;
        case SMART_FESTIVAL_ROLE_PROCESS_LEADER: return festival_role::process_leader;
    }
    unknown(function, "smart_festival_role", raw_value(r));
}

smart::submission_kind to_cpp(const smart_submission_kind& k, const char* function) {
    switch (raw_value(k)) {
        case SMART_SUBMISSION_REFLECTION: return submission_kind::reflection;
        case SMART_SUBMISSION_PRACTICE_BLOG: return submission_kind::practice_blog;
        case SMART_SUBMISSION_PRACTICE_DOCUMENT: return submission_kind::practice_document;
        case SMART_SUBMISSION_FINAL_TEXT: return submission_kind::final_text;
        case SMART_SUBMISSION_PORTFOLIO: return submission_kind::portfolio;
        case SMART_SUBMISSION_BETWEEN_SESSION_WORK: return submission_kind::between_session_work;
    }
    unknown(function, "smart_submission_kind", raw_value(k));
}

smart::submission_status to_cpp(const smart_submission_status& s, const char* function) {
    switch (raw_value(s)) {
        case SMART_SUBMISSION_SUBMITTED: return submission_status::submitted;
        case SMART_SUBMISSION_APPROVED: return submission_status::approved;
        case SMART_SUBMISSION_REJECTED: return submission_status::rejected;
    }
    unknown(function, "smart_submission_status", raw_value(s));
}

smart::final_category to_cpp(const smart_final_category& c, const char* function) {
    switch (raw_value(c)) {
        case SMART_FINAL_CATEGORY_NONE: return final_category::none;
        case SMART_FINAL_CATEGORY_METHOD: return final_category::method;
        case SMART_FINAL_CATEGORY_RESULTS: return final_category::results;
        case SMART_FINAL_CATEGORY_PROBLEM: return final_category::problem;
        case SMART_FINAL_CATEGORY_INSIGHT: return final_category::insight;
        case SMART_FINAL_CATEGORY_OTHER: return final_category::other;
    }
    unknown(function, "smart_final_category", raw_value(c));
}

smart::overall_status to_cpp(const smart_overall_status& s, const char* function) {
    switch (raw_value(s)) {
        case SMART_STATUS_ELIGIBLE: return overall_status::eligible;
        case SMART_STATUS_NOT_ELIGIBLE: return overall_status::not_eligible;
        case SMART_STATUS_IN_PROGRESS: return overall_status::in_progress;
        case SMART_STATUS_NO_CERTIFICATE: return overall_status::no_certificate;
        case SMART_STATUS_WITHDRAWN: return overall_status::withdrawn;
    }
    unknown(function, "smart_overall_status", raw_value(s));
}

smart::requirement_state to_cpp(const smart_requirement_state& s, const char* function) {
    switch (raw_value(s)) {
        case SMART_STATE_MET: return requirement_state::met;
        case SMART_STATE_UNMET: return requirement_state::unmet;
        case SMART_STATE_PENDING: return requirement_state::pending;
        case SMART_STATE_EXEMPT: return requirement_state::exempt;
    }
    unknown(function, "smart_requirement_state", raw_value(s));
}

smart::group_by to_cpp(const smart_group_by& g, const char* function) {
    switch (raw_value(g)) {
        case SMART_GROUP_BY_NONE: return group_by::none;
        case SMART_GROUP_BY_MUNICIPALITY: return group_by::municipality;
        case SMART_GROUP_BY_ROLE: return group_by::role;
        case SMART_GROUP_BY_SECTOR: return group_by::sector;
    }
    unknown(function, "smart_group_by", raw_value(g));
}

smart_attendance to_c(smart::attendance_status a) noexcept {
    switch (a) {
        case attendance_status::unrecorded: return SMART_ATTENDANCE_UNRECORDED;
        case attendance_status::present: return SMART_ATTENDANCE_PRESENT;
        case attendance_status::late: return SMART_ATTENDANCE_LATE;
        case attendance_status::excused: return SMART_ATTENDANCE_EXCUSED;
        case attendance_status::absent: return SMART_ATTENDANCE_ABSENT;
    }
    return SMART_ATTENDANCE_UNRECORDED;
}

smart_requirement_kind to_c(smart::requirement_kind k) noexcept {
    switch (k) {
        case requirement_kind::attendance: return SMART_REQUIREMENT_ATTENDANCE;
        case requirement_kind::interval_notes: return SMART_REQUIREMENT_INTERVAL_NOTES;
        case requirement_kind::final_text: return SMART_REQUIREMENT_FINAL_TEXT;
        case requirement_kind::festival: return SMART_REQUIREMENT_FESTIVAL;
    }
    return SMART_REQUIREMENT_ATTENDANCE;
}

smart_requirement_state to_c(smart::requirement_state s) noexcept {
    switch (s) {
        case requirement_state::met: return SMART_STATE_MET;
        case requirement_state::unmet: return SMART_STATE_UNMET;
        case requirement_state::pending: return SMART_STATE_PENDING;
        case requirement_state::exempt: return SMART_STATE_EXEMPT;
    }
    return SMART_STATE_PENDING;
}

smart_overall_status to_c(smart::overall_status s) noexcept {
    switch (s) {
        case overall_status::eligible: return SMART_STATUS_ELIGIBLE;
        case overall_status::not_eligible: return SMART_STATUS_NOT_ELIGIBLE;
        case overall_status::in_progress: return SMART_STATUS_IN_PROGRESS;
        case overall_status::no_certificate: return SMART_STATUS_NO_CERTIFICATE;
        case overall_status::withdrawn: return SMART_STATUS_WITHDRAWN;
    }
    return SMART_STATUS_IN_PROGRESS;
}

}  // namespace smart::capi

using namespace smart::capi;

extern "C" {

int smart_version_number(void) { return SMART_VERSION_NUMBER; }

const char* smart_version_string(void) { return smart::version(); }

int smart_abi_version(void) { return SMART_ABI_VERSION; }

const smart_error* smart_error_last(void) { return &current().view; }

void smart_error_clear(void) {
    last_error& e = current();
    e.view = {0, "no error", ""};
}

const char* smart_status_name(int status) {
    for (smart::errc code : all_codes)
        if (smart::to_c_status(code) == status) return smart::to_string(code);
    if (status == SMART_EBUFS) return "buffer_too_small";  // the C layer's own status
    return "unknown";
}

void smart_string_free(char* s) { std::free(s); }

}  // extern "C"
