// Exact decimal numbers for every figure jixiao reads, computes or shows.
//
// A Decimal is mantissa × 10^-scale with a 128-bit mantissa. Values read from a spec keep the
// scale they were written with ("9" has scale 0, "9.50" scale 2), because a reported figure is
// compared at the precision it was written with. Division never produces a binary fraction: it is
// exact long division, rounded half-up once, at the scale the caller asks for.
//
// Why not a library: Debian 12 packages no decimal type for C++ (mpdecimal is not packaged, and
// GMP rationals allocate on every operation, which the bulk-check budget cannot afford).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jx {

class Decimal {
public:
    __extension__ typedef __int128 int128;

    // Inputs beyond these limits are rejected with a clear error instead of overflowing.
    static constexpr int max_scale = 18;
    static constexpr int max_integer_digits = 18;
    static constexpr int max_significant_digits = 19;

    constexpr Decimal() = default;
    static Decimal from_int(long long v) { return Decimal(v, 0); }

    // too_large: more than max_integer_digits before the point; too_precise: more than
    // max_significant_digits in all.
    enum class ParseError { none, empty, syntax, too_many_decimals, too_large, too_precise };
    // Parses ASCII "[-]digits[.digits]". Full-width digits are normalised by the caller.
    static std::optional<Decimal> parse(std::string_view text, ParseError* error = nullptr);

    int scale() const { return scale_; }
    int128 mantissa() const { return mantissa_; }
    bool is_zero() const { return mantissa_ == 0; }
    bool is_negative() const { return mantissa_ < 0; }

    // Same value, given scale (exact when increasing; rounds half-up when decreasing).
    Decimal rescaled(int new_scale) const;
    Decimal rounded(int places) const { return rescaled(places); }
    // Cut to `places` decimals, toward zero (Excel's ROUNDDOWN): 9.99 → 9.9.
    Decimal truncated(int places) const;
    // Drops trailing fractional zeros: 10.50 -> 10.5, 10.00 -> 10.
    Decimal normalized() const;

    friend Decimal operator+(const Decimal& a, const Decimal& b);
    friend Decimal operator-(const Decimal& a, const Decimal& b);
    friend Decimal operator*(const Decimal& a, const Decimal& b);
    Decimal operator-() const { return Decimal(-mantissa_, scale_); }

    // a / b rounded half-up (away from zero on ties) to `places` decimals. b must not be zero.
    static Decimal divide(const Decimal& a, const Decimal& b, int places);
    // (a × b) / c rounded half-up to `places`, with one rounding only.
    static Decimal mul_div(const Decimal& a, const Decimal& b, const Decimal& c, int places);

    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

    static Decimal min(const Decimal& a, const Decimal& b) { return a < b ? a : b; }
    static Decimal max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }

    // Plain notation with exactly scale() decimals: "9.50", "-3", "0.833608".
    std::string to_string() const;

private:
    constexpr Decimal(int128 m, int s) : mantissa_(m), scale_(static_cast<std::int8_t>(s)) {}
    int128 mantissa_ = 0;
    std::int8_t scale_ = 0;
};

// Whether `reported`, written with its own number of decimals, states `exact` correctly:
// `exact` rounded half-up to reported.scale() equals `reported`.
bool matches_at_written_precision(const Decimal& reported, const Decimal& exact);

} // namespace jx
