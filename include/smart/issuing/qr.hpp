// QR codes for printed certificates: the symbol (libqrencode: version, error correction
// and the mask chosen by the standard's penalty rules) and its dark modules as rectangles
// ready to fill, so a PDF writer draws a code with a few hundred rectangles instead of
// one per module.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace smart {

/// The error-correction level of a QR code (ISO/IEC 18004): L 7 %, M 15 %, Q 25 %, H 30 %.
enum class qr_error_correction : std::uint8_t { low, medium, quartile, high };

/// A QR code symbol: `size` × `size` modules, row by row, 1 for dark; no quiet zone.
struct qr_code {
    int size = 0;
    int version = 0;  ///< 1–40
    std::vector<std::uint8_t> modules;
    bool dark(int row, int column) const { return modules[static_cast<std::size_t>(row * size + column)] != 0; }
};

/// The smallest full-size QR code (version 1–40, never a Micro QR) holding `text` as UTF-8
/// bytes with error correction `level`, with the mask of lowest penalty. Throws
/// smart::error(invalid_argument) for an empty text or one too long for any version
/// (2,331 bytes at level M).
qr_code make_qr_code(std::string_view text, qr_error_correction level = qr_error_correction::medium);

/// A filled rectangle of dark modules: `width` modules from `column` on, `height` rows from
/// `row` down.
struct qr_rectangle {
    int row = 0;
    int column = 0;
    int width = 0;
    int height = 0;
    friend bool operator==(const qr_rectangle&, const qr_rectangle&) = default;
};

/// The dark modules of `code` as rectangles that cover each dark module exactly once: each
/// horizontal run of dark modules, extended downwards while the rows below have the same
/// run. Ordered by row, then column.
std::vector<qr_rectangle> qr_rectangles(const qr_code& code);

}  // namespace smart
