// The compiled core of the Python package: smart._smart, one submodule per area. Private:
// the package's pure-Python files (bindings/python/smart/) own the public API.
#include <pybind11/pybind11.h>

#include "bindings.hpp"

#include <cstdio>

#include "smart/limits.hpp"

namespace smart_py {

smart::warning_kind parse_warning_kind(std::string_view s) {
    const auto names = enum_value_names<smart::warning_kind>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (s == names[i]) return static_cast<smart::warning_kind>(i);
    throw smart::error(smart::errc::invalid_argument, "unknown warning kind \"" + std::string(s) + "\"");
}

smart::municipality_warning_kind parse_municipality_warning_kind(std::string_view s) {
    const auto names = enum_value_names<smart::municipality_warning_kind>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (s == names[i]) return static_cast<smart::municipality_warning_kind>(i);
    throw smart::error(smart::errc::invalid_argument, "unknown municipality warning kind \"" + std::string(s) + "\"");
}

py::object python_enum_class(const char* name) {
    // The module is looked up once and kept for the process lifetime (a released handle,
    // so nothing is destroyed after the interpreter finalises).
    static py::handle module = py::module_::import("smart.enums").release();
    return module.attr(name);
}

std::int64_t epoch_days(smart::date d) noexcept {
    if (d.is_special()) return std::numeric_limits<std::int64_t>::min();  // NaT
    static const smart::date epoch(1970, 1, 1);
    return (d - epoch).days();
}

std::string py_repr(py::handle h) {
    std::string out;
    text_from_python(py::repr(h), out);
    return out;
}

bool text_from_python(py::handle src, std::string& out) {
    PyObject* o = src.ptr();
    if (PyUnicode_Check(o)) {
        Py_ssize_t size = 0;
        if (const char* utf8 = PyUnicode_AsUTF8AndSize(o, &size)) {  // the common case: no copy
            out.assign(utf8, static_cast<std::size_t>(size));
            return true;
        }
        PyErr_Clear();  // lone surrogates: keep them, for the core to refuse and name
        const py::object bytes = py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(o, "utf-8", "surrogatepass"));
        if (!bytes) throw py::error_already_set();
        out.assign(PyBytes_AS_STRING(bytes.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr())));
        return true;
    }
    if (PyBytes_Check(o)) {
        out.assign(PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o)));
        return true;
    }
    return false;
}

py::str display_text(std::string_view s, const char* errors) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), errors);
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}

std::vector<std::string> values(std::vector<text>&& ts) {
    std::vector<std::string> out;
    out.reserve(ts.size());
    for (auto& t : ts) out.push_back(std::move(t.value));
    return out;
}

namespace {

template <class E>
void add_names(py::dict& d) {
    py::list names;
    for (const char* n : enum_value_names<E>())
        if (*n) names.append(n);
    d[enum_traits<E>::py_name] = names;
}

}  // namespace

}  // namespace smart_py

// --- type casters -------------------------------------------------------------------------
namespace pybind11::detail {

namespace {
void ensure_datetime_api() {
    if (!PyDateTimeAPI) {
        PyDateTime_IMPORT;
        if (!PyDateTimeAPI) throw error_already_set();
    }
}
}  // namespace

bool type_caster<boost::gregorian::date>::load(handle src, bool) {
    ensure_datetime_api();
    if (!src) return false;
    PyObject* o = src.ptr();
    if (PyDate_Check(o)) {
        if (PyDateTime_Check(o) && (PyDateTime_DATE_GET_HOUR(o) || PyDateTime_DATE_GET_MINUTE(o) ||
                                    PyDateTime_DATE_GET_SECOND(o) || PyDateTime_DATE_GET_MICROSECOND(o)))
            throw value_error("expected a date, got a datetime with a time of day (" + smart_py::py_repr(src) +
                              "): pass its .date()");
        const int y = PyDateTime_GET_YEAR(o), m = PyDateTime_GET_MONTH(o), d = PyDateTime_GET_DAY(o);
        if (y < smart::limits::first_year || y > smart::limits::last_year) {
            // the core's own error for a date outside its range, as for the same date as text
            char iso[16];
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
            value = smart::parse_date(iso);  // throws ParseError
        }
        value = boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                       static_cast<unsigned short>(d));
        return true;
    }
    if (PyUnicode_Check(o)) {
        std::string iso;
        smart_py::text_from_python(src, iso);
        value = smart::parse_date(iso);  // throws ParseError for bad text
        return true;
    }
    return false;
}

handle type_caster<boost::gregorian::date>::cast(const boost::gregorian::date& d, return_value_policy, handle) {
    ensure_datetime_api();
    if (d.is_special()) return none().release();
    const auto ymd = d.year_month_day();
    return PyDate_FromDate(ymd.year, ymd.month, ymd.day);
}

bool type_caster<smart::time_of_day>::load(handle src, bool) {
    ensure_datetime_api();
    if (!src) return false;
    PyObject* o = src.ptr();
    if (PyTime_Check(o)) {
        if (PyDateTime_TIME_GET_SECOND(o) || PyDateTime_TIME_GET_MICROSECOND(o))
            throw value_error("expected a time of day in whole minutes, got " + smart_py::py_repr(src));
        value.hour = static_cast<std::uint8_t>(PyDateTime_TIME_GET_HOUR(o));
        value.minute = static_cast<std::uint8_t>(PyDateTime_TIME_GET_MINUTE(o));
        return true;
    }
    if (PyUnicode_Check(o)) {
        std::string hhmm;
        smart_py::text_from_python(src, hhmm);
        value = smart::parse_time(hhmm);
        return true;
    }
    return false;
}

handle type_caster<smart::time_of_day>::cast(const smart::time_of_day& t, return_value_policy, handle) {
    ensure_datetime_api();
    return PyTime_FromTime(t.hour, t.minute, 0, 0);
}

bool type_caster<smart::ratio>::load(handle src, bool) {
    if (!src) return false;
    if (PyUnicode_Check(src.ptr())) {
        std::string ratio_text;
        smart_py::text_from_python(src, ratio_text);
        value = smart::parse_ratio(ratio_text);
        return true;
    }
    // int, fractions.Fraction and any numbers.Rational (not float: rules are exact)
    if (PyFloat_Check(src.ptr()) || !hasattr(src, "numerator") || !hasattr(src, "denominator")) return false;
    try {
        value = smart::ratio(src.attr("numerator").cast<std::int64_t>(), src.attr("denominator").cast<std::int64_t>());
    } catch (const cast_error&) {
        throw value_error("ratio out of range: " + smart_py::py_repr(src));
    }
    return true;
}

handle type_caster<smart::ratio>::cast(const smart::ratio& r, return_value_policy, handle) {
    static handle fraction = object(module_::import("fractions").attr("Fraction")).release();
    return fraction(r.num(), r.den()).release();
}

}  // namespace pybind11::detail

PYBIND11_MODULE(_smart, m) {
    namespace py = pybind11;
    using namespace smart_py;
    m.doc() = "The compiled core of the smart package (private: use the smart package).";
    m.attr("__version__") = smart::version();

    m.def(
        "enum_names",
        [] {
            py::dict d;
            add_names<smart::session_kind>(d);
            add_names<smart::attendance_status>(d);
            add_names<smart::sector>(d);
            add_names<smart::submission_status>(d);
            add_names<smart::submission_kind>(d);
            add_names<smart::final_category>(d);
            add_names<smart::festival_role>(d);
            add_names<smart::requirement_kind>(d);
            add_names<smart::requirement_state>(d);
            add_names<smart::overall_status>(d);
            add_names<smart::lang>(d);
            add_names<smart::warning_kind>(d);
            add_names<smart::step_kind>(d);
            add_names<smart::municipality_warning_kind>(d);
            return d;
        },
        "The core's names of every enum's values, by Python enum name (for checking smart.enums).");

    m.def(
        "parse_enum",
        [](std::string_view enum_name, const text& value) {
            // The core's parse_* for the named enum: raises InvalidArgumentError listing the
            // expected names when `value` is not one.
            if (enum_name == "AttendanceStatus")
                return std::string(smart::to_string(smart::parse_attendance_status(value)));
            if (enum_name == "Sector") return std::string(smart::to_string(smart::parse_sector(value)));
            if (enum_name == "SubmissionKind")
                return std::string(smart::to_string(smart::parse_submission_kind(value)));
            if (enum_name == "SubmissionStatus")
                return std::string(smart::to_string(smart::parse_submission_status(value)));
            if (enum_name == "FinalCategory") return std::string(smart::to_string(smart::parse_final_category(value)));
            if (enum_name == "FestivalRole") return std::string(smart::to_string(smart::parse_festival_role(value)));
            if (enum_name == "Lang") return std::string(smart::to_string(smart::parse_lang(value)));
            throw smart::error(smart::errc::invalid_argument, "no parser for enum " + std::string(enum_name));
        },
        py::arg("enum_name"), py::arg("value"), "Checks a name with the core's parser; returns it.");

    register_errors(m);
    register_text(m);
    register_schedule(m);
    register_programme(m);
    register_catalogue(m);
    register_cohort(m);
    register_evaluation(m);
    register_certificate(m);
    register_statistics(m);
    register_issuing(m);
    register_file(m);
    register_follow_up(m);
    register_agreement(m);
    register_calendar(m);
    register_next_steps(m);
    register_sheet_import(m);
}
