// Internal to the C ABI adapter: the objects behind the opaque handles, the one guard
// every entry point runs its body in, and conversions between C and C++ types. Nothing
// here decides anything about the domain: rules live in the C++ core.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "smart/smart.h"
#include "smart/smart.hpp"

namespace smart::capi {

// --- handles --------------------------------------------------------------------------
//
// The C handle types (struct smart_cohort, ...) stay incomplete everywhere: a handle is a
// pointer to one of the boxes below, converted with reinterpret_cast. So the layout behind
// a handle is not part of the ABI (nor of the recorded ABI baseline), and the C++ types
// inside may change freely. Each box starts with a tag that tells its kind, so a handle of
// the wrong kind (or one already freed, while its memory is still mapped) is reported as
// SMART_EINVAL rather than misread.

enum class tag : std::uint32_t {
    dead = 0,
    programme = 0x534d5031,   // "SMP1"
    cohort = 0x534d4331,      // "SMC1"
    evaluation = 0x534d4531,  // "SME1"
};

struct programme_box {
    tag kind = tag::programme;
    std::shared_ptr<const smart::programme> prog;
    std::string catalogue_id;  ///< the built-in id it came from, "" when loaded
};

struct cohort_box {
    tag kind = tag::cohort;
    smart::cohort c;
};

/// An evaluation. It owns what its accessors need once the cohort is gone (the records as
/// evaluated, shared with the cohort until the cohort changes): nothing is copied here.
struct evaluation_box {
    tag kind = tag::evaluation;
    smart::evaluation e;
    /// The cohort as evaluated, as a handle smart_evaluation_cohort() lends: a copy of the
    /// evaluation's cohort, which shares its records (no participant is copied).
    std::unique_ptr<cohort_box> cohort_view;
};

// --- errors ----------------------------------------------------------------------------

/// Throws smart::error(invalid_argument) naming the function and the argument.
[[noreturn]] void invalid(const char* function, const char* what);

/// Records an error as the calling thread's last error and returns its status. Never throws.
int fail(smart::errc code, const char* message, const char* pointer = "") noexcept;

/// An output buffer too small for what it should receive: SMART_EBUFS, a status of the C
/// layer only (the core writes no caller buffers). Thrown by write_text().
struct buffer_too_small {
    std::size_t needed;  ///< bytes, the terminating NUL included
    const char* function;
};
/// Records SMART_EBUFS ("<function>: buffer too small: N bytes needed") as the last error.
int fail_buffer(const buffer_too_small& e) noexcept;

/// Runs `body` and turns whatever it throws into a status and the thread's last error:
/// smart::error by its code (through smart::to_c_status, the one mapping table),
/// std::bad_alloc as out_of_memory, anything else as internal.
template <class F>
int guard(F&& body) noexcept {
    try {
        body();
        return smart::to_c_status(smart::errc::ok);
    } catch (const buffer_too_small& e) {
        return fail_buffer(e);
    } catch (const smart::error& e) {
        return fail(e.code(), e.what(), e.pointer().c_str());
    } catch (const std::bad_alloc&) {
        return fail(smart::errc::out_of_memory, "out of memory");
    } catch (const std::exception& e) {
        return fail(smart::errc::internal, e.what());
    } catch (...) {
        return fail(smart::errc::internal, "unknown exception");
    }
}

// --- arguments ---------------------------------------------------------------------------

template <class T>
T* need(T* p, const char* function, const char* what) {
    if (!p) invalid(function, what);
    return p;
}

/// A DTSTAMP argument of the iCalendar exports: seconds since 1970 UTC, negative = now.
inline std::optional<std::int64_t> stamp_of(long long stamp) {
    return stamp >= 0 ? std::optional<std::int64_t>(stamp) : std::nullopt;
}

/// The shape of an entry point with one result: `out` is cleared first when it is a pointer
/// (so a failure leaves NULL; a value result is left as it was), checked ("out is NULL"),
/// then given what `make` returns, all in guard(). `make` checks the other arguments.
template <class T, class F>
int produce(T* out, const char* function, F&& make) noexcept {
    if constexpr (std::is_pointer_v<T>) {
        if (out) *out = nullptr;
    }
    return guard([&] {
        need(out, function, "out is NULL");
        *out = make();
    });
}

/// produce() of a text the handle owns and lends: `text` returns a std::string that lives
/// as long as the handle.
template <class F>
int lend_text(const char** out, const char* function, F&& text) noexcept {
    return produce(out, function, [&]() -> const char* { return text().c_str(); });
}

/// Reports a NULL handle or one of another kind (out of line: the accessors' path is the tag
/// check alone, inlined into each of them).
[[noreturn]] void bad_handle(const void* h, const char* function, const char* what);

template <class Box>
const Box& checked(const void* h, tag expected, const char* function, const char* what) {
    if (!h) bad_handle(h, function, what);
    tag actual;
    std::memcpy(&actual, h, sizeof actual);  // every box starts with its tag
    if (actual != expected) bad_handle(h, function, what);
    return *static_cast<const Box*>(h);
}

inline const programme_box& get(const smart_programme* h, const char* function) {
    return checked<programme_box>(h, tag::programme, function, "programme");
}
inline const cohort_box& get(const smart_cohort* h, const char* function) {
    return checked<cohort_box>(h, tag::cohort, function, "cohort");
}
inline cohort_box& get(smart_cohort* h, const char* function) {
    return const_cast<cohort_box&>(checked<cohort_box>(h, tag::cohort, function, "cohort"));
}
inline const evaluation_box& get(const smart_evaluation* h, const char* function) {
    return checked<evaluation_box>(h, tag::evaluation, function, "evaluation");
}

/// Releases a box handed out as a handle, once its tag is checked: a handle of another kind
/// is left alone (and reported as the thread's last error) rather than misfreed.
template <class Box>
void release(void* h, tag expected, const char* function) noexcept {
    if (!h) return;
    tag actual;
    std::memcpy(&actual, h, sizeof actual);
    if (actual != expected) {
        try {
            const std::string message = std::string(function) + ": not a live handle of this kind, left alone";
            fail(smart::errc::invalid_argument, message.c_str());
        } catch (...) {
            fail(smart::errc::invalid_argument, function);
        }
        return;
    }
    auto* box = static_cast<Box*>(h);
    box->kind = tag::dead;
    delete box;
}

inline smart_programme* handle(programme_box* b) noexcept { return reinterpret_cast<smart_programme*>(b); }
inline smart_cohort* handle(cohort_box* b) noexcept { return reinterpret_cast<smart_cohort*>(b); }
inline smart_evaluation* handle(evaluation_box* b) noexcept { return reinterpret_cast<smart_evaluation*>(b); }

/// A copy of `s` in memory from malloc, released by smart_string_free(). Throws bad_alloc.
char* dup(std::string_view s);
/// Writes "YYYY-MM-DD" and a NUL into `out` (SMART_DATE_SIZE bytes).
void write_date(char* out, smart::date d);
/// Writes `s` and a NUL into `out`, a buffer of `size` bytes; throws buffer_too_small
/// (leaving out[0] = NUL when size > 0) when it does not fit, invalid_argument for NULL.
void write_text(char* out, std::size_t size, std::string_view s, const char* function);
/// write_text() of a date as "YYYY-MM-DD".
void write_date(char* out, std::size_t size, smart::date d, const char* function);

// --- enums: explicit conversions, so the C values stay fixed whatever the C++ ones do -----
//
// A C caller may pass any int as a C enum. In C++ a value outside an enum's range must not
// even be loaded as that enum type, so the C enums are taken by reference and read as
// their bytes (raw_value), then compared as integers.

template <class E>
long long raw_value(const E& e) noexcept {
    std::underlying_type_t<E> v;
    static_assert(sizeof v == sizeof e);
    std::memcpy(&v, &e, sizeof v);
    return static_cast<long long>(v);
}

smart::lang to_cpp(const smart_lang& l, const char* function);
smart::attendance_status to_cpp(const smart_attendance& a, const char* function);
smart::festival_role to_cpp(const smart_festival_role& r, const char* function);
smart::submission_kind to_cpp(const smart_submission_kind& k, const char* function);
smart::submission_status to_cpp(const smart_submission_status& s, const char* function);
smart::final_category to_cpp(const smart_final_category& c, const char* function);
smart::overall_status to_cpp(const smart_overall_status& s, const char* function);
smart::requirement_state to_cpp(const smart_requirement_state& s, const char* function);
smart::group_by to_cpp(const smart_group_by& g, const char* function);

smart_attendance to_c(smart::attendance_status a) noexcept;
smart_requirement_kind to_c(smart::requirement_kind k) noexcept;
smart_requirement_state to_c(smart::requirement_state s) noexcept;
smart_overall_status to_c(smart::overall_status s) noexcept;

}  // namespace smart::capi
