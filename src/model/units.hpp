// Units of indicator values and their families. Values convert within a family (元/万元/亿元;
// 秒 … 年; 人次/万人次); a target and an actual of different families cannot be compared.
#pragma once

#include <string>
#include <string_view>

#include "base/decimal.hpp"

namespace jx::model {

enum class Family { none, percent, money, time, count, area, length, compound };
const char* family_name(Family f);

struct Unit {
    Family family = Family::none;
    Decimal factor = Decimal::from_int(1); // size of one unit in the family's base unit
    std::string text;                      // as written ("" for a bare number)
    // A bare 万/亿 multiplies without naming what it counts: it takes the other side's family.
};

// The unit spelled `text` (already trimmed; full-width forms allowed).
Unit unit_of(std::string_view text);

// Whether `text` is one of the units jixiao converts (%, 万元, 个月, 人次 …), not just a word that
// counts things.
bool is_known_unit(std::string_view text);

// How many units jixiao converts (vocab::unit_words names them all; a test holds the two alike).
std::size_t known_unit_count();

// Whether quantities in `a` and `b` can be compared; `none` is compatible with everything.
bool compatible(const Unit& a, const Unit& b);

} // namespace jx::model
