// Fuzzes smart::read_xlsx_data and the spreadsheet import behind it. The input's first byte
// chooses the part of a small workbook it replaces (the worksheet, the shared strings, the
// styles, the workbook or its relationships); the rest is that part's XML. The package is
// built in memory with stored (uncompressed) parts, so the fuzzer works on the XML rather
// than on deflate streams and checksums. Whatever is read must import or be refused with
// problems, never crash.
#include <zip.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "smart/catalogue.hpp"
#include "smart/sheet_import.hpp"
#include "smart/xlsx.hpp"

namespace {

struct part {
    const char* name;
    std::string_view xml;
};

constexpr std::string_view content_types =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>)";
constexpr std::string_view package_rels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr std::string_view workbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="deltakere" sheetId="1" r:id="rId1"/><sheet name="oppmøte" sheetId="2" r:id="rId2"/></sheets></workbook>)";
constexpr std::string_view workbook_rels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";
constexpr std::string_view shared =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>deltaker</t></si><si><t>navn</t></si><si><t>kommunenr</t></si><si><t>kommune</t></si><si><r><t>Siri </t></r><r><t>Fjellstad</t></r></si><si><t>Oslo</t></si><si><t>x</t></si></sst>)";
constexpr std::string_view styles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
constexpr std::string_view people =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>k01</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>301</v></c><c r="D2" t="s"><v>5</v></c></row></sheetData></worksheet>)";
constexpr std::string_view attendance =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45553</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>k01</t></is></c><c r="B2" t="s"><v>6</v></c></row></sheetData></worksheet>)";

/// A package of stored parts, `replace` (0–5) replaced by `xml`.
std::string package_of(std::size_t replace, std::string_view xml) {
    std::array<part, 8> parts{{{"[Content_Types].xml", content_types},
                               {"_rels/.rels", package_rels},
                               {"xl/workbook.xml", workbook},
                               {"xl/_rels/workbook.xml.rels", workbook_rels},
                               {"xl/sharedStrings.xml", shared},
                               {"xl/styles.xml", styles},
                               {"xl/worksheets/sheet1.xml", people},
                               {"xl/worksheets/sheet2.xml", attendance}}};
    parts[2 + replace % 6].xml = xml;
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &e);
    zip_source_keep(buffer);
    zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &e);
    for (const auto& p : parts) {
        zip_source_t* s = zip_source_buffer(z, p.xml.data(), p.xml.size(), 0);
        const zip_int64_t i = zip_file_add(z, p.name, s, ZIP_FL_ENC_UTF_8);
        zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
    }
    zip_close(z);
    std::string out;
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&e);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string bytes = package_of(data[0], fz::text(data + 1, size - 1));
    std::vector<smart::sheet_table> tables;
    try {
        tables = smart::read_xlsx_data(bytes, "fuzz.xlsx");
    } catch (const smart::error& e) {
        fz::check_error(e);
        return 0;
    }
    for (const auto& t : tables)
        for (const auto& c : t.columns)
            FZ_CHECK(c.cells.size() == t.lines.size(), "a column as long as its table");
    static const smart::cohort base(smart::catalogue::get("smart-trener-2024"), "kull", "Kull");
    const auto r = smart::import_sheets(base, tables);
    FZ_CHECK(r.cohort.has_value() == r.problems.empty(), "a cohort exactly when there are no problems");
    return 0;
}
