// Every user-facing syntax message of jixiao, keyed by the must-point rule that raises it
// (as taocpp/json's errors.hpp does). A must-point without an entry fails to compile.
#pragma once

#include "base/i18n.hpp"
#include "jixiao/grammar.hpp"

namespace jx::syntax {

struct ErrorEntry {
    const char* code;
    const char* message;
};

template <typename Rule>
inline constexpr ErrorEntry error_of{nullptr, nullptr};

#define JX_ERROR(rule, code, message)                                                              \
    template <>                                                                                    \
    inline constexpr ErrorEntry error_of<grammar::rule> {                                          \
        code, message                                                                              \
    }

// Files and projects
JX_ERROR(file_item, "expected-project",
         "expected a project: 项目 \"name\" { … } (or: project \"name\" { … }), or a disclosure: "
         "部门 \"name\" { … }");
JX_ERROR(project_name, "expected-project-name",
         "expected the project's name in double quotes after 项目");
JX_ERROR(project_open, "expected-open-brace", "expected '{' to open the project");
JX_ERROR(project_close, "expected-close-brace", "expected '}' to close the project");

JX_ERROR(index_open, "expected-open-brace", "expected '{' to open the index system");
JX_ERROR(index_close, "expected-close-brace", "expected '}' to close the index system");
JX_ERROR(index_item, "expected-category",
         "expected a level-1 category of the index system, such as 产出指标 { … }, or '}'");

// Disclosures and their claims
JX_ERROR(disclosure_name, "expected-disclosure-name",
         "expected the department's name in double quotes after 部门");
JX_ERROR(disclosure_open, "expected-open-brace", "expected '{' to open the disclosure");
JX_ERROR(disclosure_close, "expected-close-brace", "expected '}' to close the disclosure");
JX_ERROR(disclosure_item, "unexpected-in-disclosure",
         "expected a claim: 项目总数, 评价项目数, 不予评价数, 等级 优秀 N, 部门得分, 涉及金额 — or "
         "年度, "
         "or '}'");
JX_ERROR(dept_table_open, "expected-open-brace", "expected '{' to open the department's table");
JX_ERROR(dept_table_close, "expected-close-brace", "expected '}' to close the department's table");
JX_ERROR(
    dept_table_item, "expected-indicator",
    "expected an indicator of the department's table: \"name\" 指标值 … 完成值 … 权重 …, or '}'");
JX_ERROR(claim_count, "expected-number", "expected the number of projects the claim states");
JX_ERROR(claim_grade, "expected-grade",
         "expected a grade after 等级: 优秀, 良好, 一般 or 较差 (excellent, good, fair, poor)");
JX_ERROR(claim_score, "expected-number", "expected the department's score after 部门得分");
JX_ERROR(claim_amount, "expected-number", "expected an amount after 涉及金额, such as 121.83万元");
JX_ERROR(source_line_value, "expected-line",
         "expected the line of the source the claim was read from, such as 行 341");
JX_ERROR(
    project_item, "unexpected-in-project",
    "expected a project statement: 年度, 主管部门, 实施单位, 项目负责人, 联系电话, 财务负责人, "
    "模板, 项目资金, 年度总体目标, a level-1 category block, 评价指标体系, 总分, 等级, 评价结论, "
    "存在问题, 改进措施, or '}'");

// Metadata
JX_ERROR(year_value, "expected-year", "expected a four-digit year such as 2023 after 年度");
JX_ERROR(department_value, "expected-string",
         "expected the department's name in double quotes after 主管部门");
JX_ERROR(unit_value, "expected-string",
         "expected the implementing unit's name in double quotes after 实施单位");
JX_ERROR(contact_value, "expected-string",
         "expected the contact person's name in double quotes after 项目负责人");
JX_ERROR(phone_value, "expected-string",
         "expected the phone number in double quotes after 联系电话");
JX_ERROR(finance_officer_value, "expected-string",
         "expected the finance officer's name in double quotes after 财务负责人");
JX_ERROR(layout_value, "expected-string",
         "expected a template's name in double quotes after 模板, such as \"sichuan\"");
JX_ERROR(criteria_text, "expected-string",
         "expected the row's scoring standard in double quotes after 评分标准");
JX_ERROR(head_info_label, "expected-string",
         "expected the cell's label in double quotes after 表头, such as \"项目类别\"");
JX_ERROR(head_info_value, "expected-string",
         "expected the cell's text in double quotes after the label of 表头");
JX_ERROR(
    unplaced_where, "expected-string",
    "expected the cell's place in the source in double quotes after 未归位, such as \"第 59 行\"");
JX_ERROR(unplaced_text, "expected-string",
         "expected the cell's text in double quotes after the place of 未归位");

// Assessment texts
JX_ERROR(conclusion_text, "expected-string",
         "expected the evaluation's conclusion as text in double quotes after 评价结论");
JX_ERROR(problems_text, "expected-string",
         "expected the problems found as text in double quotes after 存在问题");
JX_ERROR(measures_text, "expected-string",
         "expected the measures for improvement as text in double quotes after 改进措施");

// Funds
JX_ERROR(funds_open, "expected-open-brace",
         "expected '{' to open the funds block (项目资金 万元 { … })");
JX_ERROR(funds_close, "expected-close-brace", "expected '}' to close the funds block");
JX_ERROR(fund_item, "unexpected-in-funds",
         "expected a funds row: 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金, or '}'");
JX_ERROR(initial_value, "expected-number",
         "expected an amount after 年初预算数, such as 280 or 30万元");
JX_ERROR(annual_value, "expected-number",
         "expected an amount after 全年预算数, such as 280 or 30万元");
JX_ERROR(spent_value, "expected-number", "expected an amount after 全年执行数, such as 279.77");
JX_ERROR(fund_weight_value, "expected-number", "expected a number after 分值");
JX_ERROR(rate_figure, "expected-number", "expected a rate after 执行率, such as 99.92%");
JX_ERROR(fund_score_value, "expected-number", "expected a number after 得分");

// Goals
JX_ERROR(goal_open, "expected-open-brace", "expected '{' to open 年度总体目标");
JX_ERROR(goal_close, "expected-close-brace", "expected '}' to close 年度总体目标");
JX_ERROR(goal_item, "unexpected-in-goal", "expected 预期目标 \"…\", 实际完成情况 \"…\", or '}'");
JX_ERROR(expected_text, "expected-string",
         "expected the expected goal as text in double quotes after 预期目标");
JX_ERROR(achieved_text, "expected-string",
         "expected the achieved result as text in double quotes after 实际完成情况");

// Categories
JX_ERROR(level1_open, "expected-open-brace", "expected '{' after the level-1 category name");
JX_ERROR(level1_close, "expected-close-brace", "expected '}' to close the level-1 category");
JX_ERROR(
    level1_item, "unexpected-in-category",
    "expected a level-2 category such as 数量指标 { … }, or '}' to close the level-1 category");
JX_ERROR(level2_open, "expected-open-brace",
         "expected '{' after the category name (indicators belong inside a level-2 category such "
         "as 数量指标)");
JX_ERROR(level2_close, "expected-close-brace", "expected '}' to close the level-2 category");
JX_ERROR(
    level2_item, "unexpected-in-category",
    "expected an indicator name in double quotes, 不涉及, or '}' to close the level-2 category");

// Indicators
JX_ERROR(target_value, "expected-value",
         "expected a target after 指标值: a number with its unit (≥ 95%), a grade scale "
         "(优良中低差), a date "
         "(2023-12-31), text in double quotes, or 不涉及");
JX_ERROR(actual_value, "expected-value",
         "expected an actual value after 完成值: a number with its unit (96%), a grade (优), a "
         "date, text in "
         "double quotes, or 不涉及");
JX_ERROR(weight_value, "expected-number", "expected a number after 分值");
JX_ERROR(score_value, "expected-number", "expected a number after 得分");
JX_ERROR(reason_text, "expected-string",
         "expected the deviation reason in double quotes after 偏差原因");
JX_ERROR(indicator_end, "unexpected-in-indicator",
         "expected 指标值, 完成值, 分值, 得分, 偏差原因, the next indicator's name in double "
         "quotes, or '}'");

// Totals
JX_ERROR(total_weight_value, "expected-number", "expected the total weight after 总分 分值");
JX_ERROR(total_score_value, "expected-number", "expected the total score after 总分 得分");
JX_ERROR(total_grade_word, "expected-grade",
         "expected a grade after 等级: 优秀, 良好, 一般 or 较差");

// Strings
JX_ERROR(string_close, "unterminated-string",
         "unterminated string: expected '\"' before the end of the line (use \"\"\" … \"\"\" for "
         "text over "
         "several lines)");
JX_ERROR(block_string_close, "unterminated-string",
         "unterminated text block: expected a closing \"\"\"");
JX_ERROR(escape_code, "invalid-escape",
         "unknown escape in string: use \\\" \\\\ \\n \\t \\r or \\u{4E00}");

#undef JX_ERROR

// Notes that name the slip behind a syntax error, with its fix (syntax/slips.cpp). {} are filled
// in with fmt.
namespace slip {
inline constexpr const char* colon =
    N_("\"{}\" is a colon: a keyword takes its value after a space, without one ({} {})");
inline constexpr const char* quotes =
    N_("{} are typographic quotes; jixiao reads straight double quotes: \"{}\"");
inline constexpr const char* full_width =
    N_("\"{}\" is a full-width character; write \"{}\" (switch the input method to half-width)");
inline constexpr const char* missing_keyword = N_("{} is missing before {}: write {} {}");
inline constexpr const char* unknown_unit =
    N_("\"{}\" is not a unit jixiao knows; did you mean {}?");
inline constexpr const char* did_you_mean = N_("did you mean {}?");
inline constexpr const char* unknown_category_code = "unknown-category-word";
inline constexpr const char* unknown_category_near =
    N_("\"{}\" is not a category keyword; did you mean {}?");
inline constexpr const char* unknown_category_read_as =
    N_("its block was read as {}, so that its rows still count");
inline constexpr const char* unknown_category =
    N_("\"{}\" is not a category keyword; a category of your own is written in quotes: \"{}\"");
inline constexpr const char* missing_brace_code = "expected-close-brace";
inline constexpr const char* missing_brace =
    N_("expected '}}' to close {} (opened on line {}): by its indentation, the block ends here");
inline constexpr const char* missing_brace_note =
    N_("the rest of the file was read as if the '}' were there");
} // namespace slip

} // namespace jx::syntax
