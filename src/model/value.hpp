// A target (年度指标值) or an actual value (实际完成值) as the model holds it: typed conditions —
// a measure with its comparator, a range, a deadline, a grade, a text — read from the syntax tree
// once, with every figure an exact decimal (model/lower.hpp).
//
// Follow a `≤` target from grammar to table: grammar/jixiao/grammar.hpp reads `≤ 20万元`, the
// parser keeps the spelling (syntax/ast.hpp), lowering makes it a Condition {prefix = Cmp::le,
// low = Operand{quantity 20, unit 万元}} here, scoring/engine.cpp compares the actual with it
// (quantity_outcome), and render/layout.cpp shows Value::shown in the table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "base/source.hpp"
#include "vocab/comparators.hpp"

namespace jx::model {

using vocab::Cmp;

// A figure as written in the spec: its exact value and the span to point at.
struct Figure {
    Decimal value;
    Span span;
    std::string text; // as written, e.g. "99.92%"
};

struct Quantity {
    Span span;
    std::optional<Figure> number; // none when it could not be read (reported when lowered)
    std::string unit;             // as written: "个", "%", "万元", "元/人/年"; "" when bare
    std::string shown;            // number and unit as written
};

struct Date {
    Span span;
    std::string text;                 // as written: 2023-11-30, 2023年12月, 11月底
    int year = 0, month = 0, day = 0; // 0 = not stated
    bool month_end = false;           // 底 / 末
};

struct Operand {
    enum class Kind { quantity, date, grade, budget } kind = Kind::quantity;
    Span span;
    Quantity quantity; // Kind::quantity
    Date date;         // Kind::date
    std::string word;  // Kind::grade: the grade; Kind::budget: the reference as written
};

struct Condition {
    enum class Kind { measured, text, scale } kind = Kind::measured;
    Span span;
    std::optional<std::string> label; // "受众人数" in `"受众人数" 不少于 3万人次`
    std::optional<Cmp> prefix;        // ≥ 90%
    std::optional<Cmp> suffix;        // 90%以上
    std::optional<Operand> low;       // the operand, or the low end of a range
    std::optional<Operand> high;      // the high end of a range
    std::string text;                 // Kind::text
    std::string scale;                // Kind::scale: 优良中低差, 好/较好/一般/较差/差
    bool is_range() const { return high.has_value(); }
    std::optional<Cmp> stated() const { return prefix ? prefix : suffix; }
};

struct Value {
    Span span;
    bool not_applicable = false; // 不涉及
    std::vector<Condition> conditions;
    std::string shown; // as the official table shows it: "≥ 90%", "= 2", "达到 良以上"
};

} // namespace jx::model
