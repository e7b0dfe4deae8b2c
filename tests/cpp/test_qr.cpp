// QR codes of printed certificates (include/smart/issuing/qr.hpp). Whether a reader decodes
// them is checked with zxing-cpp in tests/python/test_pdf.py; here: the symbol's structure
// and the rectangles the PDF draws.
#include <catch2/catch.hpp>
#include <string>

#include "smart/smart.hpp"

namespace {
// The 7x7 finder pattern with its top-left corner at (r, c): dark ring, light ring, dark 3x3.
bool finder_at(const smart::qr_code& q, int r, int c) {
    for (int i = 0; i < 7; ++i)
        for (int j = 0; j < 7; ++j) {
            const bool ring = i == 0 || i == 6 || j == 0 || j == 6;
            const bool centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;
            if (q.dark(r + i, c + j) != (ring || centre)) return false;
        }
    return true;
}
}  // namespace

TEST_CASE("a QR code has the size of its version and the three finder patterns") {
    const auto url = std::string("https://kommune.example/c/abcdefghijklmnopqrstuvwxyz/");
    const auto q = smart::make_qr_code(url);
    CHECK(q.version >= 1);
    CHECK(q.version <= 40);
    CHECK(q.size == 17 + 4 * q.version);
    REQUIRE(q.modules.size() == static_cast<std::size_t>(q.size * q.size));
    CHECK(finder_at(q, 0, 0));
    CHECK(finder_at(q, 0, q.size - 7));
    CHECK(finder_at(q, q.size - 7, 0));
    // 53 bytes at level M need version 4 (62 bytes), 3 holds only 42
    CHECK(q.version == 4);
    // the same text gives the same symbol
    CHECK(smart::make_qr_code(url).modules == q.modules);
    // a higher level needs a bigger symbol for the same text
    CHECK(smart::make_qr_code(url, smart::qr_error_correction::high).version > q.version);
}

TEST_CASE("the rectangles of a QR code cover each dark module exactly once and nothing else") {
    for (const char* text : {"SMART-0000-AAAA-BBBB-CCCC ABCD-EFGH", "https://kommune.example/c/x/", "Ø", "a"}) {
        const auto q = smart::make_qr_code(text);
        std::vector<int> covered(q.modules.size(), 0);
        const auto rects = smart::qr_rectangles(q);
        for (const auto& r : rects) {
            REQUIRE(r.width >= 1);
            REQUIRE(r.height >= 1);
            for (int i = r.row; i < r.row + r.height; ++i)
                for (int j = r.column; j < r.column + r.width; ++j) ++covered[static_cast<std::size_t>(i * q.size + j)];
        }
        for (std::size_t i = 0; i < covered.size(); ++i) CHECK(covered[i] == q.modules[i]);
        // merging: fewer rectangles than horizontal runs (the finder patterns alone merge)
        std::size_t runs = 0;
        for (int r = 0; r < q.size; ++r)
            for (int c = 0; c < q.size; ++c)
                if (q.dark(r, c) && (c == 0 || !q.dark(r, c - 1))) ++runs;
        CHECK(rects.size() < runs);
    }
}

TEST_CASE("a QR code of nothing or of too much is an error saying so") {
    CHECK_THROWS_WITH(smart::make_qr_code(""), Catch::Contains("at least one character"));
    CHECK_THROWS_WITH(smart::make_qr_code(std::string(3000, 'x')), Catch::Contains("too long for a QR code (3000 bytes)"));
    // the largest text at level M: 2,331 bytes
    CHECK(smart::make_qr_code(std::string(2331, 'x')).version == 40);
    CHECK_THROWS(smart::make_qr_code(std::string(2332, 'x')));
}
