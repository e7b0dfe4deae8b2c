#include "smart/issuing/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "smart/error.hpp"

namespace smart {

namespace {
QRecLevel level_of(qr_error_correction l) {
    switch (l) {
        case qr_error_correction::low: return QR_ECLEVEL_L;
        case qr_error_correction::medium: return QR_ECLEVEL_M;
        case qr_error_correction::quartile: return QR_ECLEVEL_Q;
        case qr_error_correction::high: return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}
}  // namespace

qr_code make_qr_code(std::string_view text, qr_error_correction level) {
    if (text.empty()) throw error(errc::invalid_argument, "a QR code needs at least one character", "text");
    // 8-bit mode over the whole text: the bytes are the UTF-8 text exactly as given (no
    // Kanji or alphanumeric re-reading of parts of it), version chosen as small as fits.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> q(
        QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                          level_of(level)),
        &QRcode_free);
    if (!q) {
        if (errno == ERANGE)
            throw error(errc::invalid_argument,
                        "the text is too long for a QR code (" + std::to_string(text.size()) + " bytes)", "text");
        throw error(errc::internal, "the QR code could not be made", "text");
    }
    qr_code out;
    out.size = q->width;
    out.version = q->version;
    const auto n = static_cast<std::size_t>(q->width) * static_cast<std::size_t>(q->width);
    out.modules.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.modules[i] = static_cast<std::uint8_t>(q->data[i] & 1U);
    return out;
}

std::vector<qr_rectangle> qr_rectangles(const qr_code& code) {
    std::vector<qr_rectangle> rects;
    std::map<std::pair<int, int>, std::size_t> open;  // run (start, end) of the previous row -> rect
    std::map<std::pair<int, int>, std::size_t> runs;
    for (int r = 0; r < code.size; ++r) {
        runs.clear();
        for (int c = 0; c < code.size;) {
            if (!code.dark(r, c)) {
                ++c;
                continue;
            }
            const int start = c;
            while (c < code.size && code.dark(r, c)) ++c;
            const auto run = std::make_pair(start, c);
            auto it = open.find(run);
            std::size_t i = 0;
            if (it == open.end()) {
                i = rects.size();
                rects.push_back({r, start, c - start, 1});
            } else {
                i = it->second;
                ++rects[i].height;
            }
            runs.emplace(run, i);
        }
        std::swap(open, runs);
    }
    return rects;
}

}  // namespace smart
