#include "smart/ratio.hpp"

#include <charconv>

#include "smart/detail/utf8.hpp"
#include "smart/error.hpp"

namespace smart {

ratio::ratio(std::int64_t num, std::int64_t den) {
    if (den <= 0) throw error(errc::invalid_argument, "ratio denominator must be positive");
    if (num < 0) throw error(errc::invalid_argument, "ratio must not be negative");
    if (den == 1) {  // the common case in bulk evaluation: no reduction needed
        num_ = num;
        return;
    }
    const std::int64_t g = std::gcd(num, den);
    num_ = num / g;
    den_ = den / g;
}

ratio operator+(const ratio& a, const ratio& b) {
    const std::int64_t l = std::lcm(a.den_, b.den_);
    return ratio(a.num_ * (l / a.den_) + b.num_ * (l / b.den_), l);
}

ratio operator*(const ratio& a, const ratio& b) { return ratio(a.num_ * b.num_, a.den_ * b.den_); }

std::string ratio::to_string() const {
    return den_ == 1 ? std::to_string(num_) : std::to_string(num_) + "/" + std::to_string(den_);
}

std::int64_t ratio::percent() const noexcept {
    // round(100 * num / den), halves up, in integers
    return (200 * num_ + den_) / (2 * den_);
}

ratio parse_ratio(std::string_view text, const std::string& pointer) {
    auto fail = [&]() -> ratio {
        throw error(errc::parse_error,
                    "expected a ratio such as \"4/5\" or \"1\", got " + detail::quoted(text, 40), pointer);
    };
    const auto slash = text.find('/');
    const std::string_view a = text.substr(0, slash);
    const std::string_view b = slash == std::string_view::npos ? std::string_view("1") : text.substr(slash + 1);
    auto parse = [&](std::string_view s, std::int64_t& v) {
        if (s.empty() || s.size() > 9) return false;
        for (char ch : s)
            if (ch < '0' || ch > '9') return false;
        std::from_chars(s.data(), s.data() + s.size(), v);
        return true;
    };
    std::int64_t n = 0, d = 0;
    if (!parse(a, n) || !parse(b, d) || d == 0) return fail();
    return ratio(n, d);
}

}  // namespace smart
