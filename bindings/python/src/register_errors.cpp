// Errors: every smart::error becomes the Python exception its code names. The classes are
// defined in smart/errors.py, keyed by the core's code names (smart::to_string(errc)), so
// the one table of codes stays in src/error.cpp.
#include "bindings.hpp"

namespace smart_py {

void register_errors(py::module_& m) {
    m.def(
        "error_codes",
        [] {
            // Every code the core knows, read off its own table: to_string() falls back
            // to "internal" past the last code, which is itself the last one.
            py::list out;
            for (int i = 0; i < 64; ++i) {
                const char* name = smart::to_string(static_cast<smart::errc>(i));
                out.append(name);
                if (std::string_view(name) == "internal") break;
            }
            return out;
        },
        "The names of the core's error codes, in code order.");

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const smart::error& e) {
            try {
                py::object make = py::module_::import("smart.errors").attr("_from_core");
                // The core quotes outside text safely, but turning a message into str must
                // never fail whatever it holds: that would replace the error with a
                // UnicodeDecodeError (bytes that are not UTF-8 become U+FFFD).
                py::object exc = make(smart::to_string(e.code()), display_text(e.message(), "replace"),
                                      display_text(e.pointer(), "replace"));
                py::set_error(py::type::handle_of(exc), exc);
            } catch (py::error_already_set& inner) {
                inner.restore();  // the package itself is broken: report that error
            }
        }
    });
}

}  // namespace smart_py
