// A measure stated inside a text: `"满意率大于90%"` is the condition 满意率 > 90%, `"不少于3次"`
// is ≥ 3次, `"项目总经费控制在80万以内"` is ≤ 80万, `"11月底前"` is the deadline 11月底. Tables
// write targets as one string as often as with a comparator; read both the same.
#pragma once

#include <optional>

#include "model/value.hpp"

namespace jx::model {

enum class MeasureSide {
    target, // a comparator (before or after the figure) or a deadline word is required
    actual, // a figure alone is enough: `项目总经费80万`
};

// The measured condition a text condition states, or none when the text is not one label, one
// comparator and one figure (with its unit), or one deadline — a text with two figures, a
// sentence around the figure or an unknown unit is left a text.
std::optional<Condition> measure_in_text(const Condition& text, MeasureSide side);

} // namespace jx::model
