// Fuzzes smart::read_csv_data and the spreadsheet import behind it: the input is a CSV
// file's bytes (any encoding, separator and quoting), read as the participants table or,
// when its first byte is odd, as the attendance table beside a fixed participants table.
// Whatever is read must be a rectangular table that imports or is refused with problems,
// or a parse_error; never a crash.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "smart/catalogue.hpp"
#include "smart/csv.hpp"
#include "smart/sheet_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool attendance = (data[0] & 1) != 0;
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::vector<smart::sheet_table> tables;
    try {
        if (attendance) {
            tables.push_back(*smart::read_csv_data("deltaker;navn;kommunenr;kommune;rolle;sektor\n"
                                                   "k01;Siri Fjellstad;301;Oslo;lærer;offentlig\n",
                                                   "deltakere"));
        }
        if (auto t = smart::read_csv_data(bytes, attendance ? "oppmøte" : "deltakere")) tables.push_back(std::move(*t));
    } catch (const smart::error& e) {
        fz::check_error(e);
        FZ_CHECK(e.code() == smart::errc::parse_error, e.what());
        return 0;
    }
    for (const auto& t : tables) {
        FZ_CHECK(t.header_line >= 1, t.name);
        for (const auto& c : t.columns) FZ_CHECK(c.cells.size() == t.lines.size(), "a column as long as its table");
        for (std::size_t i = 0; i < t.lines.size(); ++i)
            FZ_CHECK(t.lines[i] > (i == 0 ? t.header_line : t.lines[i - 1]), "rows in the order of their lines");
    }
    static const smart::cohort base(smart::catalogue::get("smart-trener-2024"), "kull", "Kull");
    const auto r = smart::import_sheets(base, tables);
    FZ_CHECK(r.cohort.has_value() == r.problems.empty(), "a cohort exactly when there are no problems");
    return 0;
}
