// The register of municipalities (include/smart/municipalities.hpp): lookups over the
// generated table in src/municipalities_data.cpp.
#include "smart/municipalities.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace smart {

namespace {

/// Lower case of a code point of the Latin letters Norwegian, Sami and Kven names use
/// (ASCII, Latin-1 and Latin Extended-A: Æ Ø Å Á Č Đ Ŋ Š Ŧ Ž ...); others unchanged.
char32_t lower(char32_t c) noexcept {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1u) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    return c;
}

void append_utf8(std::u32string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        char32_t c = b;
        std::size_t n = 1;
        if (b >= 0xF0) c = b & 0x07u, n = 4;
        else if (b >= 0xE0) c = b & 0x0Fu, n = 3;
        else if (b >= 0xC0) c = b & 0x1Fu, n = 2;
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        out.push_back(c);
        i += n;
    }
}

/// `s` as compared: lower case, white space (space, tab, no-break space) trimmed and each
/// run of it one space, an en dash read as a hyphen.
std::u32string folded(std::string_view s) {
    std::u32string cps;
    append_utf8(cps, s);
    std::u32string out;
    bool space = false;
    for (char32_t c : cps) {
        if (c == U' ' || c == U'\t' || c == 0xA0) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(U' ');
        space = false;
        out.push_back(c == 0x2013 ? U'-' : lower(c));
    }
    return out;
}

const std::vector<registered_municipality>& all() {
    static const std::vector<registered_municipality> list = [] {
        std::vector<registered_municipality> v;
        v.reserve(detail::municipality_row_count);
        for (std::size_t i = 0; i < detail::municipality_row_count; ++i) {
            const detail::municipality_row& r = detail::municipality_rows[i];
            v.push_back({r.number, r.name, std::span<const std::string_view>(r.names.data(), r.name_count)});
        }
        return v;
    }();
    return list;
}

}  // namespace

date municipality_register_valid_from() { return date(2024, 1, 1); }

std::span<const registered_municipality> municipality_register() { return all(); }

std::optional<registered_municipality> find_municipality(std::string_view number) {
    const auto& v = all();
    const auto it = std::lower_bound(v.begin(), v.end(), number,
                                     [](const registered_municipality& m, std::string_view n) { return m.number < n; });
    if (it == v.end() || it->number != number) return std::nullopt;
    return *it;
}

bool is_official_name(const registered_municipality& m, std::string_view name) {
    const std::u32string n = folded(name);
    if (n.empty()) return false;
    if (n == folded(m.name)) return true;
    return std::any_of(m.names.begin(), m.names.end(), [&](std::string_view o) { return folded(o) == n; });
}

std::vector<registered_municipality> find_municipalities_named(std::string_view name) {
    std::vector<registered_municipality> out;
    for (const registered_municipality& m : all())
        if (is_official_name(m, name)) out.push_back(m);
    return out;
}

}  // namespace smart
