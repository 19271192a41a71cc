#include "model/units.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "base/i18n.hpp"
#include "base/text.hpp"

namespace jx::model {

const char* family_name(Family f) {
    switch (f) {
    case Family::none:
        return tr("number");
    case Family::percent:
        return tr("percentage");
    case Family::money:
        return tr("money");
    case Family::time:
        return tr("time");
    case Family::count:
        return tr("count");
    case Family::area:
        return tr("area");
    case Family::length:
        return tr("length");
    case Family::compound:
        return tr("compound unit");
    }
    return tr("number");
}

namespace {

struct Known {
    std::string_view text;
    Family family;
    long long factor;      // numerator
    long long divisor = 1; // for ‰
};

// Time is measured in seconds; a month is 30 days and a year 365 days, as budget rules count.
constexpr std::array<Known, 32> known_units{{
    {"%", Family::percent, 1},
    {"百分比", Family::percent, 1}, // ≥100百分比, as some provinces' templates write 100%
    {"‰", Family::percent, 1, 10},
    {"元", Family::money, 1},
    {"万元", Family::money, 10000},
    {"亿元", Family::money, 100000000},
    {"万", Family::none, 10000},
    {"亿", Family::none, 100000000},
    {"秒", Family::time, 1},
    {"分钟", Family::time, 60},
    {"小时", Family::time, 3600},
    {"天", Family::time, 86400},
    {"日", Family::time, 86400},
    {"工作日", Family::time, 86400},
    {"周", Family::time, 604800},
    {"个月", Family::time, 2592000},
    {"月", Family::time, 2592000},
    {"年", Family::time, 31536000},
    {"人次", Family::count, 1},
    {"万人次", Family::count, 10000},
    {"万人", Family::count, 10000},
    {"万户", Family::count, 10000},
    {"平方米", Family::area, 1},
    {"平", Family::area, 1},
    {"平方公里", Family::area, 1000000},
    {"公里", Family::length, 1000},
    {"米", Family::length, 1},
    {"千米", Family::length, 1000},
    {"km", Family::length, 1000},
    {"m", Family::length, 1},
    {"h", Family::time, 3600},
    {"s", Family::time, 1},
}};

} // namespace

Unit unit_of(std::string_view written) {
    Unit u;
    u.text = std::string(written);
    std::string t = text::nfkc(text::trim(written));
    if (t.empty()) return u;
    if (t.find('/') != std::string::npos) {
        u.family = Family::compound;
        return u;
    }
    for (const auto& k : known_units) {
        if (t == k.text) {
            u.family = k.family;
            u.factor = k.divisor == 1 ? Decimal::from_int(k.factor)
                                      : Decimal::divide(Decimal::from_int(k.factor),
                                                        Decimal::from_int(k.divisor), 6);
            return u;
        }
    }
    // Any other unit word counts things: 个, 次, 人, 项, 家, 场, 份, 篇, 套, 名, 条, 类 …
    u.family = Family::count;
    return u;
}

bool is_known_unit(std::string_view written) {
    std::string t = text::nfkc(text::trim(written));
    return std::any_of(known_units.begin(), known_units.end(),
                       [&](const Known& k) { return t == k.text; });
}

std::size_t known_unit_count() {
    return known_units.size();
}

bool compatible(const Unit& a, const Unit& b) {
    if (a.family == Family::none || b.family == Family::none) return true;
    if (a.family != b.family) return false;
    if (a.family == Family::compound) return text::nfkc(a.text) == text::nfkc(b.text);
    return true;
}

} // namespace jx::model
