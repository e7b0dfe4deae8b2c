// Spreadsheet import from Python (smart/sheet_import.hpp): smart/workbook.py hands over
// whole columns of text cells; the core reads and checks them and reports every problem.
#include "bindings.hpp"

#include "smart/sheet_import.hpp"
#include "smart/csv.hpp"
#include "smart/xlsx.hpp"

namespace smart_py {

namespace {

smart::sheet_table_kind table_kind(std::string_view s) {
    for (auto k : {smart::sheet_table_kind::participants, smart::sheet_table_kind::attendance,
                   smart::sheet_table_kind::submissions, smart::sheet_table_kind::exemptions})
        if (s == smart::to_string(k)) return k;
    return smart::sheet_table_kind::unknown;
}

/// Text cells as the core takes them: str (lone surrogates kept, for the core to refuse and
/// name) or bytes, one per item.
std::vector<std::string> cells_of(py::handle h) {
    const auto seq = py::reinterpret_borrow<py::sequence>(h);
    std::vector<std::string> out(static_cast<std::size_t>(py::len(seq)));
    std::size_t i = 0;
    for (py::handle c : seq)
        if (!text_from_python(c, out[i++])) throw py::type_error("smart: a table's cells must be str");
    return out;
}

std::string text_of(py::handle h) {
    std::string out;
    if (!text_from_python(h, out)) throw py::type_error("smart: a table's name must be str");
    return out;
}

/// A table read by the core (read_xlsx): its cells stay in C++ until import_sheets.
struct py_sheet_table {
    std::shared_ptr<const smart::sheet_table> t;
};

/// Tables read by the core as Python objects holding them.
py::list sheet_tables(std::vector<smart::sheet_table> tables) {
    py::list out;
    for (auto& t : tables) out.append(py_sheet_table{std::make_shared<const smart::sheet_table>(std::move(t))});
    return out;
}

/// The tables `read` reads, with the GIL released while it reads.
template <class Read>
py::list read_without_gil(Read read) {
    std::vector<smart::sheet_table> tables;
    {
        py::gil_scoped_release nogil;
        tables = read();
    }
    return sheet_tables(std::move(tables));
}

}  // namespace

void register_sheet_import(py::module_& m) {
    py::module_ s = m.def_submodule("sheet_import", "A cohort from spreadsheet tables.");
    s.def(
        "import_sheets",
        [](const py_cohort& base, py::list tables, std::vector<std::pair<std::string, std::string>> vocabulary,
           std::size_t max_problems, std::string row_word) {
            std::vector<smart::sheet_table> ts;
            ts.reserve(tables.size());
            for (py::handle h : tables) {
                if (py::isinstance<py_sheet_table>(h)) {  // read by the core: no copy through Python
                    ts.push_back(*h.cast<const py_sheet_table&>().t);
                    continue;
                }
                // (name, kind, headers, letters, columns, lines, header_line)
                auto t = h.cast<py::tuple>();
                smart::sheet_table x;
                x.name = text_of(t[0]);
                x.kind = table_kind(t[1].cast<std::string>());
                auto headers = cells_of(t[2]);
                auto letters = t[3].cast<std::vector<std::string>>();
                auto columns = t[4].cast<py::list>();
                x.lines = t[5].cast<std::vector<std::int64_t>>();
                x.header_line = t[6].cast<std::int64_t>();
                for (std::size_t i = 0; i < headers.size(); ++i) {
                    smart::sheet_column c;
                    c.header = std::move(headers[i]);
                    if (i < letters.size()) c.letter = std::move(letters[i]);
                    c.cells = cells_of(columns[i]);
                    x.columns.push_back(std::move(c));
                }
                ts.push_back(std::move(x));
            }
            smart::sheet_import_options o;
            for (auto& [word, status] : vocabulary)
                o.attendance_vocabulary.emplace_back(std::move(word), smart::parse_attendance_status(status));
            o.max_problems = max_problems;
            o.row_word = std::move(row_word);
            smart::sheet_import_result r;
            {
                py::gil_scoped_release nogil;
                r = smart::import_sheets(base.get(), ts, o);
            }
            py::list problems;
            auto three = [](const smart::sheet_problem& p, const std::string& (*f)(const smart::sheet_problem&, smart::lang) noexcept) {
                return py::make_tuple(display_text(f(p, smart::lang::nb)), display_text(f(p, smart::lang::nn)),
                                      display_text(f(p, smart::lang::en)));
            };
            for (const auto& p : r.problems)
                problems.append(py::make_tuple(display_text(p.table), p.line, p.column, display_text(p.header),
                                               display_text(p.found), display_text(p.expected), display_text(p.message),
                                               display_text(p.pointer), smart::to_string(p.code),
                                               three(p, &smart::expected), three(p, &smart::message)));
            py::object cohort = py::none();
            if (r.cohort) cohort = py::cast(py_cohort{std::make_shared<smart::cohort>(std::move(*r.cohort))});
            return py::make_tuple(cohort, problems, r.truncated);
        },
        py::arg("base"), py::arg("tables"), py::arg("vocabulary"), py::arg("max_problems"), py::arg("row_word"),
        "(cohort or None, [(table, line, letter, header, found, expected, message, pointer, code, expected in (nb, nn, "
        "en), message in (nb, nn, en))], truncated).");
    py::class_<py_sheet_table>(s, "SheetTable", "A sheet read by the core, for import_sheets.")
        .def_property_readonly("name", [](const py_sheet_table& t) { return display_text(t.t->name); })
        .def_property_readonly("header_line", [](const py_sheet_table& t) { return t.t->header_line; })
        .def_property_readonly("headers",
                               [](const py_sheet_table& t) {
                                   py::list out;
                                   for (const auto& c : t.t->columns) out.append(display_text(c.header));
                                   return out;
                               })
        .def_property_readonly("lines", [](const py_sheet_table& t) { return t.t->lines; })
        .def("column",
             [](const py_sheet_table& t, std::size_t i) {
                 if (i >= t.t->columns.size()) throw py::index_error("smart: no column " + std::to_string(i));
                 py::list out;
                 for (const auto& c : t.t->columns[i].cells) out.append(display_text(c));
                 return out;
             },
             py::arg("index"), "The text cells of a column (0 = A) below the header.");
    s.def(
        "read_xlsx", [](const std::string& path) { return read_without_gil([&] { return smart::read_xlsx(path); }); },
        py::arg("path"), "The worksheets of an .xlsx workbook as tables of text cells (smart/xlsx.hpp).");
    s.def(
        "read_tables", [](const std::string& path) { return read_without_gil([&] { return smart::read_tables(path); }); },
        py::arg("path"),
        "The tables of a directory of CSV files, one CSV file or an .xlsx workbook (smart/csv.hpp).");
    s.def(
        "read_tables_data",
        [](const py::bytes& data, const std::string& name) {
            const std::string bytes = data;  // a copy the reader uses while the GIL is released
            return read_without_gil([&] { return smart::read_tables_data(bytes, name); });
        },
        py::arg("data"), py::arg("name"),
        "The tables of a file's bytes, by its name: *.csv or *.txt one CSV table, else an .xlsx workbook.");
    s.def(
        "read_csv_data",
        [](const py::bytes& data, const std::string& name) {
            const std::string bytes = data;
            return read_without_gil([&]() -> std::vector<smart::sheet_table> {
                std::vector<smart::sheet_table> tables;
                if (auto t = smart::read_csv_data(bytes, name)) tables.push_back(std::move(*t));
                return tables;
            });
        },
        py::arg("data"), py::arg("name"), "The table of a CSV file's bytes (none when it has no non-blank cell).");
    s.def(
        "describe_place",
        [](const text& table, const text& row, const std::string& letter, const text& header, bool frame, smart::lang l) {
            return display_text(smart::describe_place(table, row, letter, header,
                                                      frame ? smart::sheet_place::frame : smart::sheet_place::sheet, l));
        },
        py::arg("table"), py::arg("row"), py::arg("letter"), py::arg("header"), py::arg("frame"), py::arg("lang"),
        "The place of a problem in `lang` (smart::describe_place).");
    s.def(
        "describe_import_failure",
        [](std::size_t n, bool truncated, const text& file, smart::lang l) {
            return display_text(smart::describe_import_failure(n, truncated, file, l));
        },
        py::arg("problems"), py::arg("truncated"), py::arg("file"), py::arg("lang"));
    s.def(
        "describe_import_success",
        [](std::size_t n, const text& file, const text& output, smart::lang l) {
            return display_text(smart::describe_import_success(n, file, output, l));
        },
        py::arg("participants"), py::arg("file"), py::arg("output"), py::arg("lang"));
    s.def(
        "describe_programme_mismatch",
        [](const text& cohort_programme, const text& programme, smart::lang l) {
            return display_text(smart::describe_programme_mismatch(cohort_programme, programme, l));
        },
        py::arg("cohort_programme"), py::arg("programme"), py::arg("lang"));
    s.def("more_problems", [](smart::lang l) { return std::string(smart::more_problems(l)); }, py::arg("lang"));
    s.def("sheet_name", [](const std::string& kind, smart::lang l) { return std::string(smart::sheet_name(table_kind(kind), l)); },
          py::arg("kind"), py::arg("lang"));
    s.def("template_headers", [](const std::string& kind, smart::lang l) { return smart::template_headers(table_kind(kind), l); },
          py::arg("kind"), py::arg("lang"));
    s.def("instructions_sheet_name", [](smart::lang l) { return std::string(smart::instructions_sheet_name(l)); },
          py::arg("lang"));
    s.def("template_instructions", [](smart::lang l) { return smart::template_instructions(l); }, py::arg("lang"));
    s.def("is_instructions_sheet", [](const text& name) { return smart::is_instructions_sheet(name); }, py::arg("name"));
    s.def("attendance_word", [](smart::attendance_status st) { return std::string(smart::template_word(st)); },
          py::arg("status"));
    s.def("sector_word", [](smart::sector sec, smart::lang l) { return std::string(smart::template_word(sec, l)); },
          py::arg("sector"), py::arg("lang"));
    s.def("table_kind_of", [](const text& name) { return smart::to_string(smart::table_kind_of(name)); });
    s.def("canonical_column", [](const std::string& kind, const text& header) {
        return smart::canonical_column(table_kind(kind), header);
    });
    s.def("parse_sheet_date", [](const text& t) { return smart::parse_sheet_date(t); });
    s.def("default_attendance_vocabulary", [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [w, st] : smart::default_attendance_vocabulary()) out.emplace_back(w, smart::to_string(st));
        return out;
    });
}

}  // namespace smart_py
