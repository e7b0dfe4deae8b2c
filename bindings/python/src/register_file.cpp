// Files the library writes: the core's atomic, durable replacement (smart/file.hpp), for
// the documents the Python package writes itself (certificate PDFs, credentials, reports).
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace smart_py {

void register_file(py::module_& m) {
    py::module_ s = m.def_submodule("file", "Files written whole or not at all.");
    s.def(
        "write_file_atomic",
        [](const std::filesystem::path& path, const py::bytes& content, std::optional<unsigned> mode) {
            const std::string_view data = content;  // kept alive by the argument list
            py::gil_scoped_release nogil;
            if (mode) smart::write_file_atomic(path, data, *mode);
            else smart::write_file_atomic(path, data);
        },
        py::arg("path"), py::arg("content"), py::kw_only(), py::arg("mode") = py::none(),
        "Replaces the file at `path` with `content` (bytes): a temporary file in the same folder, "
        "flushed to the disk, renamed over `path`, the folder flushed. Raises NotFoundError (no such "
        "folder), InvalidArgumentError (a folder, an empty path) or NotAllowedError (the system refused).");
}

}  // namespace smart_py
