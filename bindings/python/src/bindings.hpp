// Shared pieces of the pybind11 module smart._smart: type casters that give Python its own
// types at the boundary (datetime.date, datetime.time, fractions.Fraction, the str-based
// enums of smart.enums), the holders of cohorts and evaluations, and the register_<area>
// entry points. The module is an adapter: it converts types and errors and decides nothing.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <datetime.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smart/smart.hpp"

namespace smart_py {

namespace py = pybind11;

// --- text ---------------------------------------------------------------------------------
// Text crosses into the core as UTF-8 bytes and the core checks it where it enters (docs/
// format.md, "Text"), naming the argument. So the conversion must not fail or decide: a str
// is encoded with its lone surrogates kept as the (invalid) bytes they stand for
// ("surrogatepass"), bytes are passed as they are, and the core refuses what is not UTF-8
// with a ValidationError (a record's text) or an InvalidArgumentError (an id to look up),
// where pybind11's std::string caster would raise a TypeError about the signature.

/// A text argument: bind parameters as `text` (or std::vector<text>), not std::string.
struct text {
    std::string value;
    operator std::string&&() && noexcept { return std::move(value); }
    operator std::string_view() const noexcept { return value; }
    friend bool operator<(const text& a, const text& b) noexcept { return a.value < b.value; }
};
std::vector<std::string> values(std::vector<text>&& ts);

/// The UTF-8 bytes of a str or bytes object (see above); false for any other type.
bool text_from_python(py::handle src, std::string& out);
/// Bytes from the core as str for display (reprs, messages): never raises for bytes that
/// are not UTF-8 (`errors`: a Python codec error handler such as "replace").
py::str display_text(std::string_view s, const char* errors = "backslashreplace");

// --- enums --------------------------------------------------------------------------------
// Each C++ enum crosses the boundary as a member of a str-based Enum in smart/enums.py.
// Names come from the core's own name tables (to_string / parse_*): the Python enums list
// the same names, which tests/python check against enum_names() below.

template <class E>
struct enum_traits;

#define SMART_PY_ENUM_TRAITS(E, PYNAME, NULLABLE, PARSE)         \
    template <>                                                  \
    struct enum_traits<E> {                                      \
        static constexpr const char* py_name = PYNAME;           \
        /* value 0 is "none" ("" in the core), None in Python */ \
        static constexpr bool nullable = NULLABLE;               \
        static E parse(std::string_view s) { return PARSE(s); }  \
    };

SMART_PY_ENUM_TRAITS(smart::session_kind, "SessionKind", false, smart::parse_session_kind)
SMART_PY_ENUM_TRAITS(smart::attendance_status, "AttendanceStatus", true, smart::parse_attendance_status)
SMART_PY_ENUM_TRAITS(smart::sector, "Sector", false, smart::parse_sector)
SMART_PY_ENUM_TRAITS(smart::submission_status, "SubmissionStatus", false, smart::parse_submission_status)
SMART_PY_ENUM_TRAITS(smart::submission_kind, "SubmissionKind", false, smart::parse_submission_kind)
SMART_PY_ENUM_TRAITS(smart::final_category, "FinalCategory", true, smart::parse_final_category)
SMART_PY_ENUM_TRAITS(smart::festival_role, "FestivalRole", true, smart::parse_festival_role)
SMART_PY_ENUM_TRAITS(smart::requirement_kind, "RequirementKind", false, smart::parse_requirement_kind)
SMART_PY_ENUM_TRAITS(smart::requirement_state, "RequirementState", false, smart::parse_requirement_state)
SMART_PY_ENUM_TRAITS(smart::overall_status, "Status", false, smart::parse_overall_status)
SMART_PY_ENUM_TRAITS(smart::lang, "Lang", false, smart::parse_lang)

smart::warning_kind parse_warning_kind(std::string_view s);  // the core has no parse_ for it
SMART_PY_ENUM_TRAITS(smart::warning_kind, "WarningKind", false, parse_warning_kind)

smart::step_kind parse_step_kind(std::string_view s);  // the core has no parse_ for it
SMART_PY_ENUM_TRAITS(smart::step_kind, "StepKind", false, parse_step_kind)

smart::municipality_warning_kind parse_municipality_warning_kind(std::string_view s);  // no core parse_
SMART_PY_ENUM_TRAITS(smart::municipality_warning_kind, "MunicipalityWarningKind", false,
                     parse_municipality_warning_kind)

#undef SMART_PY_ENUM_TRAITS

/// The core's names of an enum's values, in value order (index = value). A nullable enum's
/// value 0 has the name "". Read off the core's to_string until it runs out of names.
template <class E>
std::vector<const char*> enum_value_names() {
    std::vector<const char*> out;
    for (unsigned i = 0; i < 256; ++i) {
        const char* n = smart::to_string(static_cast<E>(i));
        if ((n == nullptr || *n == '\0') && !(i == 0 && enum_traits<E>::nullable)) break;
        out.push_back(n);
    }
    return out;
}

/// The Python enum class smart.enums.<name> (looked up once, kept for the process).
py::object python_enum_class(const char* name);

template <class E>
py::handle enum_to_python(E v) {
    if (enum_traits<E>::nullable && static_cast<unsigned>(v) == 0) return py::none().release();
    return python_enum_class(enum_traits<E>::py_name)(smart::to_string(v)).release();
}

template <class E>
bool enum_from_python(py::handle src, E& out) {
    if (src.is_none()) {
        if (!enum_traits<E>::nullable) return false;
        out = static_cast<E>(0);
        return true;
    }
    if (!PyUnicode_Check(src.ptr())) return false;  // str-based enum members are str
    // An unknown name throws smart::error(invalid_argument) listing the expected names.
    std::string name;
    if (!text_from_python(src, name)) return false;
    out = enum_traits<E>::parse(name);
    return true;
}

// --- cohorts and evaluations --------------------------------------------------------------

/// A cohort as Python holds it. Copy-on-write: Evaluation.cohort hands out the cohort an
/// evaluation holds, so a change to it first copies the cohort (cheaply: the core shares
/// the records until one side changes) and leaves the evaluation's intact.
struct py_cohort {
    std::shared_ptr<smart::cohort> ptr;

    const smart::cohort& get() const noexcept { return *ptr; }
    smart::cohort& mut() {
        if (ptr.use_count() > 1) ptr = std::make_shared<smart::cohort>(*ptr);
        return *ptr;
    }
};

/// An evaluation as Python holds it. The core's evaluation owns the cohort as evaluated
/// (records shared with the cohort, copy-on-write), so nothing else is kept here.
struct py_evaluation {
    smart::evaluation e;
    const smart::cohort& cohort() const noexcept { return e.cohort(); }
};
using evaluation_ptr = std::shared_ptr<const py_evaluation>;

/// A participant record with its attendance keyed by date (the core keeps attendance as
/// one status per cohort day, which means nothing without the cohort's days).
struct participant_record {
    smart::participant p;
    std::vector<std::pair<smart::date, smart::attendance_status>> attendance;  ///< recorded days only
};
participant_record record_of(const smart::cohort& c, std::size_t index);

// --- columns ------------------------------------------------------------------------------
// Whole columns for pandas / Arrow, built without a Python object per row. A column is a
// tuple ("array", ndarray) | ("cat", codes: int32 ndarray, categories: list[str]) |
// ("masked", ndarray, mask: bool ndarray, True = missing). Code -1 is a missing value.

/// Days since 1970-01-01 (the int64 behind numpy's datetime64[D]); NaT for a special date.
std::int64_t epoch_days(smart::date d) noexcept;

void register_errors(py::module_& m);
void register_text(py::module_& m);
void register_schedule(py::module_& m);
void register_programme(py::module_& m);
void register_cohort(py::module_& m);
void register_evaluation(py::module_& m);
void register_catalogue(py::module_& m);
void register_certificate(py::module_& m);
void register_statistics(py::module_& m);
void register_issuing(py::module_& m);
void register_file(py::module_& m);
void register_follow_up(py::module_& m);
void register_agreement(py::module_& m);
void register_calendar(py::module_& m);
void register_next_steps(py::module_& m);
void register_sheet_import(py::module_& m);

/// repr() of a Python object, as UTF-8 (for __repr__ of containers).
std::string py_repr(py::handle h);

}  // namespace smart_py

// --- type casters -------------------------------------------------------------------------
namespace pybind11::detail {

template <>
struct type_caster<smart_py::text> {
    PYBIND11_TYPE_CASTER(smart_py::text, const_name("str"));
    bool load(handle src, bool) { return src && smart_py::text_from_python(src, value.value); }
    static handle cast(const smart_py::text& t, return_value_policy, handle) {
        return smart_py::display_text(t.value, "surrogateescape").release();
    }
};

template <>
struct type_caster<boost::gregorian::date> {
    PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));
    bool load(handle src, bool);
    static handle cast(const boost::gregorian::date& d, return_value_policy, handle);
};

template <>
struct type_caster<smart::time_of_day> {
    PYBIND11_TYPE_CASTER(smart::time_of_day, const_name("datetime.time"));
    bool load(handle src, bool);
    static handle cast(const smart::time_of_day& t, return_value_policy, handle);
};

template <>
struct type_caster<smart::ratio> {
    PYBIND11_TYPE_CASTER(smart::ratio, const_name("fractions.Fraction"));
    bool load(handle src, bool);
    static handle cast(const smart::ratio& r, return_value_policy, handle);
};

#define SMART_PY_ENUM_CASTER(E, PYNAME)                                                              \
    template <>                                                                                      \
    struct type_caster<E> {                                                                          \
        PYBIND11_TYPE_CASTER(E, const_name("smart.enums." PYNAME));                                  \
        bool load(handle src, bool) { return smart_py::enum_from_python(src, value); }               \
        static handle cast(E v, return_value_policy, handle) { return smart_py::enum_to_python(v); } \
    };

SMART_PY_ENUM_CASTER(smart::session_kind, "SessionKind")
SMART_PY_ENUM_CASTER(smart::attendance_status, "AttendanceStatus")
SMART_PY_ENUM_CASTER(smart::sector, "Sector")
SMART_PY_ENUM_CASTER(smart::submission_status, "SubmissionStatus")
SMART_PY_ENUM_CASTER(smart::submission_kind, "SubmissionKind")
SMART_PY_ENUM_CASTER(smart::final_category, "FinalCategory")
SMART_PY_ENUM_CASTER(smart::festival_role, "FestivalRole")
SMART_PY_ENUM_CASTER(smart::requirement_kind, "RequirementKind")
SMART_PY_ENUM_CASTER(smart::requirement_state, "RequirementState")
SMART_PY_ENUM_CASTER(smart::overall_status, "Status")
SMART_PY_ENUM_CASTER(smart::lang, "Lang")
SMART_PY_ENUM_CASTER(smart::warning_kind, "WarningKind")
SMART_PY_ENUM_CASTER(smart::step_kind, "StepKind")
SMART_PY_ENUM_CASTER(smart::municipality_warning_kind, "MunicipalityWarningKind")

#undef SMART_PY_ENUM_CASTER

}  // namespace pybind11::detail
