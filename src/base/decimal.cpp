#include "base/decimal.hpp"

#include <algorithm>
#include <stdexcept>

namespace jx {
namespace {

using int128 = Decimal::int128;

int128 pow10(int n) {
    int128 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

int128 checked_mul(int128 a, int128 b) {
    int128 r;
    if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("decimal overflow");
    return r;
}

int128 checked_add(int128 a, int128 b) {
    int128 r;
    if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("decimal overflow");
    return r;
}

int128 abs128(int128 v) {
    return v < 0 ? -v : v;
}

// round(n / d × 10^e) half away from zero, for n >= 0, d > 0, by exact long division.
int128 scaled_quotient(int128 n, int128 d, int e) {
    if (e < 0) {
        d = checked_mul(d, pow10(-e));
        e = 0;
    }
    int128 q = n / d;
    int128 r = n % d;
    for (int i = 0; i < e; ++i) {
        q = checked_add(checked_mul(q, 10), (r * 10) / d);
        r = (r * 10) % d;
    }
    if (r * 2 >= d) q = checked_add(q, 1);
    return q;
}

} // namespace

std::optional<Decimal> Decimal::parse(std::string_view text, ParseError* error) {
    auto fail = [&](ParseError e) -> std::optional<Decimal> {
        if (error) *error = e;
        return std::nullopt;
    };
    if (error) *error = ParseError::none;
    if (text.empty()) return fail(ParseError::empty);
    // Too many decimals is the clearer message when both limits are passed.
    if (std::size_t point = text.find('.');
        point != std::string_view::npos && text.size() - point - 1 > max_scale)
        return fail(ParseError::too_many_decimals);
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    int128 mantissa = 0;
    int scale = 0, integer_digits = 0, significant = 0;
    bool seen_point = false, seen_digit = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '.') {
            if (seen_point) return fail(ParseError::syntax);
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') return fail(ParseError::syntax);
        seen_digit = true;
        if (seen_point) {
            if (++scale > max_scale) return fail(ParseError::too_many_decimals);
        } else if (!(integer_digits == 0 && c == '0')) {
            ++integer_digits;
        }
        if (significant > 0 || c != '0') ++significant;
        if (integer_digits > max_integer_digits) return fail(ParseError::too_large);
        if (significant > max_significant_digits) return fail(ParseError::too_precise);
        mantissa = mantissa * 10 + (c - '0');
    }
    if (!seen_digit) return fail(ParseError::syntax);
    return Decimal(negative ? -mantissa : mantissa, scale);
}

Decimal Decimal::rescaled(int new_scale) const {
    if (new_scale == scale_) return *this;
    if (new_scale > scale_)
        return Decimal(checked_mul(mantissa_, pow10(new_scale - scale_)), new_scale);
    int128 q = scaled_quotient(abs128(mantissa_), pow10(scale_ - new_scale), 0);
    return Decimal(mantissa_ < 0 ? -q : q, new_scale);
}

Decimal Decimal::truncated(int places) const {
    if (places >= scale_) return *this;
    int128 q = abs128(mantissa_) / pow10(scale_ - places);
    return Decimal(mantissa_ < 0 ? -q : q, places);
}

Decimal Decimal::normalized() const {
    int128 m = mantissa_;
    int s = scale_;
    while (s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    return Decimal(m, s);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
    int s = std::max(a.scale_, b.scale_);
    return Decimal(checked_add(a.rescaled(s).mantissa_, b.rescaled(s).mantissa_), s);
}

Decimal operator-(const Decimal& a, const Decimal& b) {
    return a + (-b);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
    Decimal x = a.normalized(), y = b.normalized();
    int s = x.scale_ + y.scale_;
    Decimal r(checked_mul(x.mantissa_, y.mantissa_), 0);
    r.scale_ = static_cast<std::int8_t>(s);
    if (s > Decimal::max_scale) return r.rescaled(Decimal::max_scale);
    return r;
}

Decimal Decimal::divide(const Decimal& a, const Decimal& b, int places) {
    return mul_div(a, Decimal(1, 0), b, places);
}

Decimal Decimal::mul_div(const Decimal& a, const Decimal& b, const Decimal& c, int places) {
    if (c.is_zero()) throw std::domain_error("division by zero");
    Decimal x = a.normalized(), y = b.normalized(), z = c.normalized();
    bool negative = ((x.mantissa_ < 0) != (y.mantissa_ < 0)) != (z.mantissa_ < 0);
    int128 n = checked_mul(abs128(x.mantissa_), abs128(y.mantissa_));
    // value = n / z.m × 10^(z.scale - x.scale - y.scale); we want it × 10^places.
    int e = z.scale_ - x.scale_ - y.scale_ + places;
    int128 q = scaled_quotient(n, abs128(z.mantissa_), e);
    return Decimal(negative ? -q : q, places);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    int s = std::max(a.scale_, b.scale_);
    int128 x = a.rescaled(s).mantissa_, y = b.rescaled(s).mantissa_;
    if (x < y) return std::strong_ordering::less;
    if (x > y) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

std::string Decimal::to_string() const {
    int128 m = abs128(mantissa_);
    std::string digits;
    do {
        digits.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
        m /= 10;
    } while (m != 0);
    while (static_cast<int>(digits.size()) <= scale_)
        digits.push_back('0');
    std::reverse(digits.begin(), digits.end());
    // Appending, not inserting: GCC 12 warns falsely about string::insert at -O3 (bug 105329).
    const std::size_t integer_digits = digits.size() - static_cast<std::size_t>(scale_);
    std::string out;
    if (mantissa_ < 0) out += '-';
    out.append(digits, 0, integer_digits);
    if (scale_ > 0) {
        out += '.';
        out.append(digits, integer_digits, std::string::npos);
    }
    return out;
}

bool matches_at_written_precision(const Decimal& reported, const Decimal& exact) {
    return exact.rounded(reported.scale()) == reported;
}

} // namespace jx
