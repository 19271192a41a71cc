// The model of one project's table, what scoring and rendering read: the syntax tree's figures
// read as exact decimals with the precision they were written with, targets and actuals as typed
// conditions (model/value.hpp), its categories placed in the official vocabulary. It is made from
// the syntax tree by model/lower.hpp; nothing here refers to the tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.hpp"
#include "base/source.hpp"
#include "model/value.hpp"

namespace jx::model {

// The rows of the funds block (项目资金).
// `spending`: 基本支出 / 项目支出, the total broken down by what it was spent on (部门整体 tables),
// a breakdown of its own beside the one by source.
enum class FundKind { total, appropriation, carried_over, other, spending };

// A row of the funds block as written, for the table (amounts in their own units).
struct FundRow {
    FundKind kind = FundKind::other;
    std::string name; // as written: 年度资金总额, all-funds …
    Span span;
    std::optional<Figure> initial, annual, spent, weight, rate, score;
    std::string reason; // 偏差原因 (Sichuan's 原因 column), empty when none: kept for the table
    // The amounts converted to the block's unit (30万元 in a block of 元 is 300000), to add up.
    std::optional<Decimal> initial_amount, annual_amount, spent_amount;
};

struct Funds {
    Span span;
    Decimal unit_factor = Decimal::from_int(10000); // 万元 unless stated
    std::string unit_text = "万元";
    bool unit_stated = false;
    // The total row (年度资金总额), amounts converted to the block's unit: what is scored.
    std::optional<Figure> initial, annual, spent, weight, rate, score;
    bool score_written = false; // the total row's score was written, even if it was unreadable
    Span row_span;
    std::vector<FundRow> rows; // every row, as written
};

struct Goals {
    std::optional<std::string> expected, achieved; // 预期目标, 实际完成情况
};

struct Row {
    std::string name;
    Span span;
    std::string level1, level2; // names as written (decoded)
    Span level2_span;           // the level-2 heading
    std::optional<Figure> weight, score;
    bool weight_written = false; // a weight was written, even if it could not be read
    bool score_written = false;  // likewise for the score
    std::optional<Value> target, actual;
    std::string reason;   // empty when none
    std::string criteria; // 评分标准, empty when none: kept for the table, no check reads it
    bool not_applicable = false;
    bool category_not_applicable = false; // a level-2 written as { 不涉及 }
    bool damaged = false; // a syntax error inside the row: its fields are known only in part
    bool part = false;    // 其中: a breakdown row of the indicator above it, not scored itself
};

// Points a category's label states (产出指标(50分), as some templates write the level 1).
struct StatedWeight {
    std::string category; // the label without its points, as written: 产出指标
    std::string level1;   // for a level 2: its level 1 as written; empty for a level 1
    Figure points;
    Span span; // the label
};

struct Project {
    std::string name;
    Span name_span;
    int year = 0;
    std::string department, unit, contact, phone; // 主管部门, 实施单位, 项目负责人, 联系电话
    std::string finance_officer;                  // 财务负责人 (a signature of some templates)
    std::string layout; // 模板: the template the spec follows, as named; no check depends on it
    // 表头: labelled cells of the head without a field of their own, as (label, text).
    std::vector<std::pair<std::string, std::string>> head_info;
    // 未归位: cells import could not place — the table was not read whole, so a sum over it is
    // uncertain (scoring reports what depends on it as a warning, never an error).
    struct Unplaced {
        std::string where, text;
        Span span;
    };
    std::vector<Unplaced> unplaced;
    // The texts under the table of some templates: 评价结论, 存在问题, 改进措施.
    std::string conclusion, problems, measures;
    std::optional<Goals> goals;
    std::optional<Funds> funds;
    // A level-1 category 预算执行率 (as some units lay the table out) is the budget row.
    std::optional<std::size_t> budget_row; // index into rows
    std::vector<Row> rows;                 // every level-3 row, in table order
    std::vector<StatedWeight> stated_weights;
    // The indicator tree as the evaluation report publishes it (评价指标体系), rows as above.
    std::vector<Row> index_rows;
    Span index_span; // its keyword
    std::optional<Figure> total_weight, total_score;
    // A weight or score was written but could not be read (already reported as invalid-number):
    // sums over them are unknown, so the checks of those sums stay silent.
    bool unreadable_weight = false, unreadable_score = false;
    std::string grade; // 等级 as written, empty when not stated
    Span grade_span;
    // A syntax error inside the project left part of it unread: sums over the table are unknown.
    bool damaged = false;
};

// The canonical category name: English keywords in Chinese, 社会效益 → 社会效益指标, and the
// points a label states dropped (产出指标(50分) → 产出指标).
std::string canonical_category(const std::string& name);

// A label's stated points: "产出指标(50分)" → {"产出指标", "50"}; none when it states none.
struct LabelPoints {
    std::string_view name, points;
};
std::optional<LabelPoints> label_points(std::string_view label);

} // namespace jx::model
