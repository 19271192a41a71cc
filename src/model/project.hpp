// The model of one project's table: the syntax tree's figures read as exact decimals, with the
// precision they were written with, and its categories placed in the official vocabulary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "diag/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace jx::model {

// A figure as written in the spec: its exact value and the span to point at.
struct Figure {
    Decimal value;
    Span span;
    std::string text; // as written, e.g. "99.92%"
};

struct Funds {
    Span span;
    Decimal unit_factor = Decimal::from_int(10000); // 万元 unless stated
    std::string unit_text = "万元";
    std::optional<Figure> initial, annual, spent, weight, rate, score;
    Span row_span;
};

struct Row {
    const ast::Indicator* source = nullptr;
    std::string name;
    Span span;
    std::string level1, level2; // names as written (decoded)
    std::optional<Figure> weight, score;
    const ast::Value* target = nullptr;
    const ast::Value* actual = nullptr;
    std::string reason; // empty when none
    bool not_applicable = false;
    bool category_not_applicable = false; // a level-2 written as { 不涉及 }
};

struct Project {
    const ast::Project* source = nullptr;
    std::string name;
    int year = 0;
    std::optional<Funds> funds;
    // A level-1 category 预算执行率 (as some units lay the table out) is the budget row.
    std::optional<std::size_t> budget_row; // index into rows
    std::vector<Row> rows;                 // every level-3 row, in table order
    std::optional<Figure> total_weight, total_score;
    // A weight or score was written but could not be read (already reported as invalid-number):
    // sums over them are unknown, so the checks of those sums stay silent.
    bool unreadable_weight = false, unreadable_score = false;
    std::string grade; // 等级 as written, empty when not stated
    Span grade_span;
};

// Reads a number token (full-width digits allowed). Reports too many decimals or digits.
std::optional<Figure> read_figure(const ast::Token& number, const std::optional<ast::Token>& unit,
                                  std::vector<Diagnostic>& out);

Project lower(const ast::Project& project, std::vector<Diagnostic>& out);

// The canonical category name: English keywords in Chinese, 社会效益 → 社会效益指标.
std::string canonical_category(const std::string& name);

} // namespace jx::model
