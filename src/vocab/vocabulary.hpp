// The vocabulary of the 自评表, in one place: every keyword of the language in Chinese and
// English, the categories of the indicator tree with their short forms and the variants that
// published templates carry, the rows of the funds block and the headings of the official table.
// The grammar's keyword rules are made from these spellings (grammar.hpp, lit<>), the model and
// the policy name categories through them, the importer reads headings and the renderer writes
// them with them; grammar/REFERENCE.md's keyword table is checked against `keywords` by a test.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "vocab/comparators.hpp"

namespace jx::vocab {

// A spelling usable as a template argument, so that the grammar's rules compare it inline.
template <std::size_t N>
struct Word {
    char text[N]{};
    constexpr Word(const char (&s)[N]) {
        for (std::size_t i = 0; i < N; ++i)
            text[i] = s[i];
    }
    static constexpr std::size_t size = N - 1;
    constexpr std::string_view view() const { return {text, N - 1}; }
};

// ---- keywords -------------------------------------------------------------------------------
namespace kw {
inline constexpr Word project{"项目"};
inline constexpr Word project_en{"project"};
inline constexpr Word year{"年度"};
inline constexpr Word year_en{"year"};
inline constexpr Word department{"主管部门"};
inline constexpr Word department_en{"department"};
inline constexpr Word unit{"实施单位"};
inline constexpr Word unit_en{"unit"};
inline constexpr Word contact{"项目负责人"};
inline constexpr Word contact_en{"contact"};
inline constexpr Word phone{"联系电话"};
inline constexpr Word phone_en{"phone"};
// The second signature of other provinces' templates (Sichuan: 项目负责人 and 财务负责人).
inline constexpr Word finance_officer{"财务负责人"};
inline constexpr Word finance_officer_en{"finance-officer"};
// The template (layout) a spec follows: a name of `jixiao templates`. No check depends on it.
inline constexpr Word layout{"模板"};
inline constexpr Word layout_en{"template"};
// A labelled cell of the table's head that has no field of its own (项目类别, 项目属性, 地址,
// 下属单位个数 …): kept as the table states it. No check depends on it.
inline constexpr Word head_info{"表头"};
inline constexpr Word head_info_en{"head"};
// A cell of the source that import could not place (its place in the source, its text): the
// table was not read whole, and every sum it could belong to is uncertain.
inline constexpr Word unplaced{"未归位"};
inline constexpr Word unplaced_en{"unplaced"};
// A breakdown row under an indicator (★补助种植面积 29.5亩, then 其中桃树 1.5亩 …): a part of the
// indicator above it, with a target and an actual but no weight or score of its own.
inline constexpr Word part{"其中"};
inline constexpr Word part_en{"part"};
inline constexpr Word funds{"项目资金"};
inline constexpr Word funds_en{"funds"};
inline constexpr Word row_total{"年度资金总额"};
inline constexpr Word row_total_en{"all-funds"};
inline constexpr Word row_appropriation{"当年财政拨款"};
inline constexpr Word row_appropriation_en{"appropriation"};
inline constexpr Word row_carryover{"上年结转资金"};
inline constexpr Word row_carryover_en{"carryover"};
inline constexpr Word row_other{"其他资金"};
inline constexpr Word row_other_en{"other"};
// Funds rows of other provinces' templates (Sichuan: 其中:财政资金, 财政专户管理资金, 单位资金).
inline constexpr Word row_fiscal{"财政资金"}; // the 当年财政拨款 row
inline constexpr Word row_fiscal_en{"fiscal-funds"};
inline constexpr Word row_special_account{"财政专户管理资金"};
inline constexpr Word row_special_account_en{"special-account"};
inline constexpr Word row_unit_funds{"单位资金"};
inline constexpr Word row_unit_funds_en{"unit-funds"};
// The total by what it was spent on, as 部门整体 tables break it down (资金结构: 基本支出,
// 项目支出): a second breakdown of 年度资金总额, beside the one by source.
inline constexpr Word row_basic{"基本支出"};
inline constexpr Word row_basic_en{"basic-spending"};
inline constexpr Word row_project_spending{"项目支出"};
inline constexpr Word row_project_spending_en{"project-spending"};
inline constexpr Word initial{"年初预算数"};
inline constexpr Word initial_short{"年初"};
inline constexpr Word initial_en{"initial"};
inline constexpr Word annual{"全年预算数"};
inline constexpr Word annual_short{"全年"};
inline constexpr Word annual_alt{"调整后预算数"}; // other provinces' templates
inline constexpr Word annual_en{"annual"};
inline constexpr Word spent{"全年执行数"};
inline constexpr Word spent_mid{"执行数"};
inline constexpr Word spent_short{"执行"};
inline constexpr Word spent_alt{"预算执行数"}; // other provinces' templates
inline constexpr Word spent_en{"spent"};
inline constexpr Word rate{"执行率"};
inline constexpr Word rate_en{"rate"};
inline constexpr Word weight{"分值"};
inline constexpr Word weight_alt{"权重"}; // other provinces' templates
inline constexpr Word weight_en{"weight"};
inline constexpr Word score{"得分"};
inline constexpr Word score_en{"score"};
inline constexpr Word goal{"年度总体目标"};
inline constexpr Word goal_en{"goal"};
inline constexpr Word expected{"预期目标"};
inline constexpr Word expected_en{"expected"};
inline constexpr Word achieved{"实际完成情况"};
inline constexpr Word achieved_en{"achieved"};
inline constexpr Word target{"年度指标值"};
inline constexpr Word target_short{"指标值"};
inline constexpr Word target_en{"target"};
inline constexpr Word actual{"实际完成值"};
inline constexpr Word actual_short{"完成值"};
inline constexpr Word actual_en{"actual"};
inline constexpr Word reason{"偏差原因分析及改进措施"};
inline constexpr Word reason_short{"偏差原因"};
inline constexpr Word reason_alt{"未完成原因分析"}; // other provinces' templates
inline constexpr Word reason_en{"reason"};
// A scoring table's standard for a row (评分标准 / 评价标准: 符合法律法规(1分) …), kept for the
// table.
inline constexpr Word criteria{"评分标准"};
inline constexpr Word criteria_alt{"评价标准"};
inline constexpr Word criteria_en{"criteria"};
inline constexpr Word na{"不涉及"};
inline constexpr Word na_en{"n/a"};
inline constexpr Word na_en2{"n-a"};
inline constexpr Word total{"总分"};
inline constexpr Word total_alt{"总计"};
inline constexpr Word total_en{"total"};
inline constexpr Word grade{"等级"};
inline constexpr Word grade_en{"grade"};
// A disclosure (部门决算公开): the department's block and the claims of its prose.
inline constexpr Word disclosure{"部门"};
inline constexpr Word disclosure_en{"department"};
inline constexpr Word claim_projects{"项目总数"};
inline constexpr Word claim_projects_en{"projects"};
inline constexpr Word claim_evaluated{"评价项目数"};
inline constexpr Word claim_evaluated_en{"evaluated"};
inline constexpr Word claim_excluded{"不予评价数"};
inline constexpr Word claim_excluded_en{"not-evaluated"};
inline constexpr Word claim_score{"部门得分"};
inline constexpr Word claim_score_en{"department-score"};
inline constexpr Word claim_weighted{"加权平均"};
inline constexpr Word claim_weighted_en{"weighted"};
inline constexpr Word claim_mean{"算术平均"};
inline constexpr Word claim_mean_en{"mean"};
// 评价项目数 21 含转移支付: the count includes transfer-payment projects (中央对地方,
// 市对区转移支付), which are not the department's budget projects.
inline constexpr Word claim_transfers{"含转移支付"};
inline constexpr Word claim_transfers_en{"incl-transfers"};
inline constexpr Word claim_funds{"涉及金额"};
inline constexpr Word claim_funds_en{"evaluated-funds"};
inline constexpr Word index_system{"评价指标体系"};
inline constexpr Word index_system_en{"index-system"};
inline constexpr Word dept_targets{"整体绩效目标"};
inline constexpr Word dept_targets_en{"department-targets"};
inline constexpr Word dept_results{"整体绩效完成"};
inline constexpr Word dept_results_en{"department-results"};
inline constexpr Word source_line{"行"};
inline constexpr Word source_line_en{"line"};
// The texts under the table of other provinces' templates (Sichuan).
inline constexpr Word conclusion{"评价结论"};
inline constexpr Word conclusion_en{"conclusion"};
inline constexpr Word problems{"存在问题"};
inline constexpr Word problems_en{"problems"};
inline constexpr Word measures{"改进措施"};
inline constexpr Word measures_en{"measures"};
} // namespace kw

// One keyword: its Chinese spellings (the first is the canonical one), its English ones, and
// where it is written. The rows of grammar/REFERENCE.md's keyword table, in its order.
struct Keyword {
    std::array<std::string_view, 4> chinese;
    std::array<std::string_view, 4> english;
    std::string_view where;
};

inline constexpr Keyword keywords[] = {
    {{kw::project.view()}, {kw::project_en.view()}, "a project"},
    {{kw::year.view()}, {kw::year_en.view()}, "metadata"},
    {{kw::department.view()}, {kw::department_en.view()}, "metadata"},
    {{kw::unit.view()}, {kw::unit_en.view()}, "metadata"},
    {{kw::contact.view()}, {kw::contact_en.view()}, "metadata"},
    {{kw::phone.view()}, {kw::phone_en.view()}, "metadata"},
    {{kw::finance_officer.view()}, {kw::finance_officer_en.view()}, "metadata"},
    {{kw::layout.view()}, {kw::layout_en.view()}, "metadata"},
    {{kw::head_info.view()}, {kw::head_info_en.view()}, "metadata"},
    {{kw::unplaced.view()}, {kw::unplaced_en.view()}, "import"},
    {{kw::part.view()}, {kw::part_en.view()}, "indicator"},
    {{kw::funds.view()}, {kw::funds_en.view()}, "the funds block"},
    {{kw::row_total.view(), kw::row_appropriation.view(), kw::row_carryover.view(),
      kw::row_other.view()},
     {kw::row_total_en.view(), kw::row_appropriation_en.view(), kw::row_carryover_en.view(),
      kw::row_other_en.view()},
     "funds rows"},
    {{kw::row_fiscal.view(), kw::row_special_account.view(), kw::row_unit_funds.view()},
     {kw::row_fiscal_en.view(), kw::row_special_account_en.view(), kw::row_unit_funds_en.view()},
     "funds rows of other templates"},
    {{kw::row_basic.view(), kw::row_project_spending.view()},
     {kw::row_basic_en.view(), kw::row_project_spending_en.view()},
     "funds rows by spending (部门整体 tables)"},
    {{kw::initial.view(), kw::initial_short.view()}, {kw::initial_en.view()}, "funds column"},
    {{kw::annual.view(), kw::annual_short.view(), kw::annual_alt.view()},
     {kw::annual_en.view()},
     "funds column"},
    {{kw::spent.view(), kw::spent_mid.view(), kw::spent_short.view(), kw::spent_alt.view()},
     {kw::spent_en.view()},
     "funds column"},
    {{kw::rate.view()}, {kw::rate_en.view()}, "funds column"},
    {{kw::weight.view(), kw::weight_alt.view()},
     {kw::weight_en.view()},
     "funds, indicators, total"},
    {{kw::score.view()}, {kw::score_en.view()}, "funds, indicators, total"},
    {{kw::goal.view()}, {kw::goal_en.view()}, "goals block"},
    {{kw::expected.view()}, {kw::expected_en.view()}, "goals"},
    {{kw::achieved.view()}, {kw::achieved_en.view()}, "goals"},
    {{kw::target.view(), kw::target_short.view()}, {kw::target_en.view()}, "indicator"},
    {{kw::actual.view(), kw::actual_short.view()}, {kw::actual_en.view()}, "indicator"},
    {{kw::reason.view(), kw::reason_short.view(), kw::reason_alt.view()},
     {kw::reason_en.view()},
     "indicator"},
    {{kw::criteria.view(), kw::criteria_alt.view()}, {kw::criteria_en.view()}, "indicator"},
    {{kw::na.view()}, {kw::na_en.view(), kw::na_en2.view()}, "indicator, level-2 category, value"},
    {{kw::total.view(), kw::total_alt.view()}, {kw::total_en.view()}, "total row"},
    {{kw::grade.view()}, {kw::grade_en.view()}, "stated grade; a claim's grade count"},
    {{kw::index_system.view()}, {kw::index_system_en.view()}, "a project's published index system"},
    {{kw::disclosure.view()}, {kw::disclosure_en.view()}, "a disclosure"},
    {{kw::claim_projects.view(), kw::claim_evaluated.view(), kw::claim_excluded.view()},
     {kw::claim_projects_en.view(), kw::claim_evaluated_en.view(), kw::claim_excluded_en.view()},
     "a disclosure's count claims"},
    {{kw::claim_score.view()}, {kw::claim_score_en.view()}, "a disclosure's score claim"},
    {{kw::claim_weighted.view(), kw::claim_mean.view()},
     {kw::claim_weighted_en.view(), kw::claim_mean_en.view()},
     "how the score claim was averaged"},
    {{kw::claim_transfers.view()},
     {kw::claim_transfers_en.view()},
     "a count claim that includes transfer payments"},
    {{kw::claim_funds.view()}, {kw::claim_funds_en.view()}, "a disclosure's funds claim"},
    {{kw::dept_targets.view(), kw::dept_results.view()},
     {kw::dept_targets_en.view(), kw::dept_results_en.view()},
     "a disclosure's department-level tables"},
    {{kw::source_line.view()}, {kw::source_line_en.view()}, "a claim's source line"},
    {{kw::conclusion.view()}, {kw::conclusion_en.view()}, "assessment text"},
    {{kw::problems.view()}, {kw::problems_en.view()}, "assessment text"},
    {{kw::measures.view()}, {kw::measures_en.view()}, "assessment text"},
};

// The grades of a total (等级, and a disclosure's grade counts), best first: the Chinese the
// policy names them by, and the English word read as each.
struct GradeWord {
    std::string_view chinese, english;
};
inline constexpr GradeWord grade_words[] = {
    {"优秀", "excellent"}, {"良好", "good"}, {"一般", "fair"}, {"较差", "poor"}};
// The Chinese grade of a grade word; a word that is none comes back as it is.
constexpr std::string_view chinese_grade(std::string_view word) {
    for (const auto& g : grade_words)
        if (word == g.english) return g.chinese;
    return word;
}

// ---- categories of the indicator tree -------------------------------------------------------
namespace cat {
inline constexpr Word output{"产出指标"};
inline constexpr Word output_en{"output"};
inline constexpr Word benefit{"效益指标"};
inline constexpr Word benefit_en{"benefit"};
inline constexpr Word satisfaction{"满意度指标"};
inline constexpr Word satisfaction_en{"satisfaction"};
inline constexpr Word cost{"成本指标"};
inline constexpr Word cost_en{"cost"};
inline constexpr Word quantity{"数量指标"};
inline constexpr Word quantity_en{"quantity"};
inline constexpr Word quality{"质量指标"};
inline constexpr Word quality_en{"quality"};
inline constexpr Word timeliness{"时效指标"};
inline constexpr Word timeliness_en{"timeliness"};
inline constexpr Word economic{"经济效益指标"};
inline constexpr Word economic_en{"economic"};
inline constexpr Word social{"社会效益指标"};
inline constexpr Word social_en{"social"};
inline constexpr Word ecological{"生态效益指标"};
inline constexpr Word ecological_en{"ecological"};
inline constexpr Word sustainability{"可持续影响指标"};
inline constexpr Word sustainability_en{"sustainability"};
inline constexpr Word beneficiary{"服务对象满意度指标"};
inline constexpr Word beneficiary_en{"beneficiary-satisfaction"};
inline constexpr Word budget_execution{"预算执行率"};
inline constexpr Word budget_execution_en{"budget-execution"};
inline constexpr Word economic_cost{"经济成本指标"};
inline constexpr Word social_cost{"社会成本指标"};
inline constexpr Word ecological_cost{"生态环境成本指标"};
} // namespace cat

// A category: its canonical name, its English keyword ("" when it has none), and the short form
// that tables write without 指标 ("" when none).
struct Category {
    std::string_view name, english, short_form;
};

inline constexpr Category categories[] = {
    {cat::output.view(), cat::output_en.view(), "产出"},
    {cat::benefit.view(), cat::benefit_en.view(), "效益"},
    {cat::satisfaction.view(), cat::satisfaction_en.view(), "满意度"},
    {cat::cost.view(), cat::cost_en.view(), "成本"},
    {cat::quantity.view(), cat::quantity_en.view(), "数量"},
    {cat::quality.view(), cat::quality_en.view(), "质量"},
    {cat::timeliness.view(), cat::timeliness_en.view(), "时效"},
    {cat::economic.view(), cat::economic_en.view(), "经济效益"},
    {cat::social.view(), cat::social_en.view(), "社会效益"},
    {cat::ecological.view(), cat::ecological_en.view(), "生态效益"},
    {cat::sustainability.view(), cat::sustainability_en.view(), "可持续影响"},
    {cat::beneficiary.view(), cat::beneficiary_en.view(), "服务对象满意度"},
    {cat::budget_execution.view(), cat::budget_execution_en.view(), ""},
    {cat::economic_cost.view(), "", ""},
    {cat::social_cost.view(), "", ""},
    {cat::ecological_cost.view(), "", ""},
};

// The official tree (财预〔2020〕10号's 自评表): each level-1 category with its level-2 ones, as
// the policy's default `categories`; 成本指标 may stand as a level 1 (issue #3), and some units
// lay the budget-execution rate out as a level-1 row of its own.
struct Level1 {
    std::string_view name;
    std::array<std::string_view, 4> children;
};

inline constexpr Level1 tree[] = {
    {cat::output.view(),
     {cat::quantity.view(), cat::quality.view(), cat::timeliness.view(), cat::cost.view()}},
    {cat::benefit.view(),
     {cat::economic.view(), cat::social.view(), cat::ecological.view(),
      cat::sustainability.view()}},
    {cat::satisfaction.view(), {cat::beneficiary.view()}},
    {cat::cost.view(),
     {cat::economic_cost.view(), cat::social_cost.view(), cat::ecological_cost.view()}},
    {cat::budget_execution.view(), {cat::budget_execution.view()}},
};

// Category names as published templates misspell them, read as the category they mean (one
// note per file says so); the policy's `category_aliases` adds more.
struct Variant {
    std::string_view written, meant;
};
inline constexpr Variant category_variants[] = {
    {"服务对象满意度标",
     cat::beneficiary.view()}, // the Beijing 2022 template (seed 001, 18 tables)
    // Hebei's budget system and Jiangxi's 部门整体 tables: 效果指标 over 社会效益指标 ….
    {"效果指标", cat::benefit.view()},
};

// ---- what a qualitative actual says about its target -------------------------------------------
// The official achievement bands (财预〔2020〕10号 附件: 达成预期指标 80–100% of the weight,
// 部分达成预期指标并具有一定效果 60–80%, 未达成预期指标且效果较差 0–60%) and the words that
// state each. Checked in this order: a negation or a partial statement wins over the plain word.
namespace achievement {
inline constexpr std::string_view not_achieved[] = {
    "未达成", "未达到", "未完成",   "没有完成", "尚未完成", "未能完成", "未通过", "不符合",
    "未实现", "未按时", "没有达到", "不达标",   "未满足",   "延期",     "滞后",   "推迟"};
inline constexpr std::string_view partly_achieved[] = {
    "部分达成", "部分完成", "部分实现", "基本完成", "基本达成", "基本实现", "基本达到", "基本符合"};
// "已" alone is no statement of achievement (已启动 is not 已完成).
inline constexpr std::string_view achieved[] = {"达成", "达到", "完成", "通过",
                                                "符合", "按时", "实现", "满足"};
} // namespace achievement

// A deviation reason that explains nothing: it counts as none (besides an empty cell and the
// category names). The policy's `reason_placeholders` replaces this list.
inline constexpr std::string_view reason_placeholders[] = {
    "无",     "/",        "-",    "—",    "--", "——",   "none",   "n/a",    "无偏差",
    "见附件", "详见附件", "附件", "同上", "略", "无。", "不涉及", "已完成", "完成"};

// ---- units ----------------------------------------------------------------------------------
// The unit words jixiao converts (model/units.cpp holds their families and factors; a test keeps
// the two lists the same), for "did you mean 万元?".
inline constexpr std::string_view unit_words[] = {
    "%",      "百分比", "‰",        "元",   "万元", "亿元", "万", "亿",   "秒",     "分钟", "小时",
    "天",     "日",     "工作日",   "周",   "个月", "月",   "年", "人次", "万人次", "万人", "万户",
    "平方米", "平",     "平方公里", "公里", "米",   "千米", "km", "m",    "h",      "s"};

// ---- comparators as words -------------------------------------------------------------------
// The comparator spellings the grammar reads (grammar/jixiao/grammar.hpp cmp_ge … suffix_le),
// as data for reading a measure stated inside a text (`满意率大于90%`); a test keeps the two
// the same.
struct ComparatorWord {
    std::string_view word;
    Cmp cmp;
};
inline constexpr ComparatorWord prefix_comparators[] = {
    {"≥", Cmp::ge},          {">=", Cmp::ge},         {"＞＝", Cmp::ge},   {"＞=", Cmp::ge},
    {"大于等于", Cmp::ge},   {"大于或等于", Cmp::ge}, {"不低于", Cmp::ge}, {"不少于", Cmp::ge},
    {"不小于", Cmp::ge},     {"至少", Cmp::ge},       {"达到", Cmp::ge},   {"≤", Cmp::le},
    {"<=", Cmp::le},         {"＜＝", Cmp::le},       {"＜=", Cmp::le},    {"小于等于", Cmp::le},
    {"小于或等于", Cmp::le}, {"不超过", Cmp::le},     {"不高于", Cmp::le}, {"不多于", Cmp::le},
    {"不大于", Cmp::le},     {"至多", Cmp::le},       {">", Cmp::gt},      {"＞", Cmp::gt},
    {"高于", Cmp::gt},       {"大于", Cmp::gt},       {"超过", Cmp::gt},   {"多于", Cmp::gt},
    {"<", Cmp::lt},          {"＜", Cmp::lt},         {"低于", Cmp::lt},   {"小于", Cmp::lt},
    {"少于", Cmp::lt},       {"=", Cmp::eq},          {"＝", Cmp::eq},     {"等于", Cmp::eq},
};
inline constexpr ComparatorWord suffix_comparators[] = {
    {"及以上", Cmp::ge}, {"以上", Cmp::ge}, {"及以下", Cmp::le},
    {"以下", Cmp::le},   {"以内", Cmp::le}, {"之内", Cmp::le},
    {"之前", Cmp::le},   {"以前", Cmp::le}, {"前", Cmp::le},
};

// ---- the official table's headings ----------------------------------------------------------
namespace heading {
inline constexpr std::string_view title = "项目支出绩效自评表";
inline constexpr std::string_view project_name = "项目名称";
inline constexpr std::string_view indicators = "绩效指标";
inline constexpr std::string_view level1 = "一级指标";
inline constexpr std::string_view level2 = "二级指标";
inline constexpr std::string_view level3 = "三级指标";
inline constexpr std::string_view target = kw::target.view();
inline constexpr std::string_view actual = kw::actual.view();
inline constexpr std::string_view weight = kw::weight.view();
inline constexpr std::string_view score = kw::score.view();
inline constexpr std::string_view reason = kw::reason.view();
} // namespace heading

// ---- column headings, as published tables write them -----------------------------------------
// What a column of a published table holds, told by its heading once the heading's decorations
// are dropped ((A), (B/A), （10分）, (万元), (%), spaces; import/tables.cpp heading_key). Every
// synonym seen in a province's table is a line here, never a code path: a template adds its own
// words on top (templates/template.hpp).
namespace columns {
enum class Role {
    none,
    indicators, // 绩效指标: a group heading over the three levels
    level1,
    level2,
    name,
    target,
    comparator, // 指标性质 / 符号 of a target split in three columns
    unit,       // 度量单位 of a split target
    actual,
    weight,
    weight_share, // 权重占比(%): a weight as a share of 100 points
    score,
    score_raw, // 单项指标得分: a 0–100 score a system export scales by the weight share
    reason,
    criteria, // 评分标准 / 评价标准: a scoring table's standard for the row
    status,   // 完成情况 (完成 / 未完成): what target and actual already say
    derived   // jixiao's own recomputed column
};
struct Heading {
    std::string_view word;
    Role role;
};
inline constexpr Heading indicator_headings[] = {
    {"绩效指标", Role::indicators},
    {"一级指标", Role::level1},
    {"分解目标", Role::level1}, // 部门整体 tables (Jiangxi)
    {"二级指标", Role::level2},
    {"三级指标", Role::name},
    {"绩效指标名称", Role::name},
    {"指标名称", Role::name},
    {"三级指标名称", Role::name},
    {"年度指标值", Role::target},
    {"指标值", Role::target},
    {"年度目标值", Role::target},
    {"预期指标值", Role::target},
    {"预期目标值", Role::target},
    {"年初目标值", Role::target},
    {"年度计划值", Role::target},
    {"计划值", Role::target},
    {"目标值", Role::target},
    {"绩效目标值", Role::target},
    {"指标性质", Role::comparator},
    {"符号", Role::comparator},
    {"度量单位", Role::unit},
    {"计量单位", Role::unit},
    {"单位", Role::unit},
    {"实际完成值", Role::actual},
    {"完成值", Role::actual},
    {"实际值", Role::actual},
    {"实际完成情况", Role::actual},
    {"全年实际值", Role::actual},
    {"全年完成值", Role::actual},
    {"全年实际完成值", Role::actual},
    {"单项指标实际完成值", Role::actual},
    {"实际完成指标值", Role::actual},
    {"分值", Role::weight},
    {"权重", Role::weight},
    {"指标分值", Role::weight},
    {"参考分值", Role::weight},
    {"标准分值", Role::weight},
    {"指标权重", Role::weight},
    {"自评权重", Role::weight},
    {"权重分值", Role::weight},
    {"权重占比", Role::weight_share},
    {"得分", Role::score},
    {"自评得分", Role::score},
    {"评分", Role::score},
    {"实际得分", Role::score},
    {"评价得分", Role::score},
    {"单项指标折算得分", Role::score},
    {"折算得分", Role::score},
    {"单项指标得分", Role::score_raw},
    {"自评分", Role::score},
    {"自评分数", Role::score},
    {"具体指标", Role::target},
    {"评分标准", Role::criteria},
    {"评价标准", Role::criteria},
    {"单项指标完成情况", Role::status},
    {"完成情况", Role::status},
    {"重算得分", Role::derived},
};
// A heading that holds one of these is a reason column, however it goes on (偏差原因分析及改进
// 措施, 偏差及原因分析, 未完成原因及拟采取的改进措施, 扣分原因和其他说明).
inline constexpr std::string_view reason_words[] = {"原因", "改进措施"};
// The funds block's heading, before its columns or over its rows.
inline constexpr std::string_view funds_titles[] = {
    "项目资金",     "资金情况",     "预算执行情况", "预算资金", "整体支出规模",
    "资金投入情况", "项目资金情况", "部门总体资金", "总体资金", "部门整体资金"};
// The indicator block's own title, when it stands where 绩效指标 does (年度绩效目标(80分)).
inline constexpr std::string_view indicator_titles[] = {"绩效指标", "年度绩效目标", "年度绩效指标",
                                                        "绩效目标", "年度绩效指标完成情况"};
// The total row's label.
inline constexpr std::string_view total_labels[] = {"总分", "总计", "合计", "总得分", "自评总分"};
} // namespace columns

} // namespace jx::vocab
