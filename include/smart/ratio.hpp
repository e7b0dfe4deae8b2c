// Exact rational numbers for rule parameters ("4/5") and results. No floating point is
// used in any rule decision.
#pragma once

#include <compare>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>

namespace smart {

namespace detail {
/// 128-bit integers for exact cross-multiplication (a GCC/Clang extension).
__extension__ typedef __int128 int128;
}  // namespace detail

/// A non-negative fraction num/den kept in lowest terms, den > 0.
class ratio {
public:
    constexpr ratio() noexcept = default;
    /// Throws smart::error(invalid_argument) when den <= 0 or num < 0.
    ratio(std::int64_t num, std::int64_t den = 1);

    constexpr std::int64_t num() const noexcept { return num_; }
    constexpr std::int64_t den() const noexcept { return den_; }

    friend constexpr bool operator==(const ratio&, const ratio&) noexcept = default;
    /// Exact comparison by cross-multiplication.
    friend std::strong_ordering operator<=>(const ratio& a, const ratio& b) noexcept {
        return static_cast<detail::int128>(a.num_) * b.den_ <=> static_cast<detail::int128>(b.num_) * a.den_;
    }
    friend ratio operator+(const ratio& a, const ratio& b);
    friend ratio operator*(const ratio& a, const ratio& b);

    /// "4/5", or "1" when den == 1.
    std::string to_string() const;
    /// The nearest whole percent, halves rounded up (for display only: 75 for 6/8).
    std::int64_t percent() const noexcept;
    /// Smallest integer >= the value.
    std::int64_t ceil() const noexcept { return (num_ + den_ - 1) / den_; }

private:
    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

/// Parses "4/5", "1", "0", "1/2". Throws smart::error(parse_error) with `pointer` when
/// the text is not such a fraction (negative values and zero denominators included).
ratio parse_ratio(std::string_view text, const std::string& pointer = {});

}  // namespace smart
