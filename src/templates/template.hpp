// Templates: the layouts of the 项目支出绩效自评表 that provinces publish, as data. A template
// names its blocks, their columns and row labels (with the synonyms other tables write), the
// texts under the table and the instruction texts its empty form holds. Three are built in
// (central, beijing, sichuan); more are read from YAML files (README, "Templates").
//
// Import recognises a source's template from its header cells and reads the table by it; render
// lays a spec out in it. No check depends on the template: the language says each thing once.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace jx::templates {

// What a column of a block holds.
enum class Column {
    label,      // the row labels (funds: 总额 / 其中:财政资金 …)
    initial,    // 年初预算数
    annual,     // 全年预算数 / 调整后预算数
    spent,      // 全年执行数 / 预算执行数
    rate,       // 执行率
    weight,     // 分值 / 权重
    score,      // 得分
    reason,     // 偏差原因 / 未完成原因分析 (the funds block's 原因 too)
    level1,     // 一级指标
    level2,     // 二级指标
    name,       // 三级指标
    target,     // 年度指标值, the target in one cell
    comparator, // 指标性质: ＝ ≥ ≤ 定性 (a target split in three columns)
    value,      // 指标值 (of a split target)
    unit,       // 度量单位 (of a split target)
    actual,     // 实际完成值 / 完成值
};

// The role names as YAML writes them ("initial", "comparator" …), and back.
const char* column_key(Column c);
std::optional<Column> column_from_key(const std::string& key);

struct ColumnSpec {
    Column role = Column::label;
    std::string label;             // the heading the template prints
    std::vector<std::string> also; // other headings read as this column
};

// A row of the funds block: the language's row keyword and the labels the template prints.
struct FundRowSpec {
    std::string row;   // 年度资金总额, 当年财政拨款, 财政专户管理资金 …
    std::string label; // as printed: 总额, 其中:财政资金
    std::vector<std::string> also; // other labels read as this row
};

struct Template {
    std::string name;        // sichuan
    std::string title;       // 部门预算项目支出绩效自评表
    std::string source;      // where the layout was published
    std::string origin;      // "built-in", or the YAML file it was read from
    std::string description; // one line for `jixiao templates`
    std::string yaml;        // the text it was read from (`jixiao templates --show`)
    // Recognition: every cell of `all` appears in the source (cells compared squeezed, with the
    // points a heading states dropped: 预算执行情况(10分) → 预算执行情况), none of `none`.
    std::vector<std::string> all, none;
    // Head rows: pairs of labels on a row (项目名称 alone; 主管部门 | 实施单位; 项目负责人 |
    // 联系电话).
    std::vector<std::vector<std::string>> head;
    // The funds block.
    std::string funds_title;   // 项目资金 / 预算执行情况
    bool funds_points = false; // the title states the block's weight: 预算执行情况(10分)
    std::string funds_unit_heading; // the heading over the row labels: 年度预算数 (…(万元))
    std::vector<ColumnSpec> funds_columns;
    std::vector<FundRowSpec> funds_rows;
    std::string not_applicable; // what a cell that does not apply holds: "/" (or "")
    std::vector<Column> struck; // columns not applying to the rows under the total
    // The goals block (年度总体目标): empty when the template has none.
    std::string goals_title;
    // The indicator block.
    std::string indicators_title;   // 绩效指标
    bool indicators_points = false; // 绩效指标(90分)
    bool level1_points = false;     // 产出指标(50分)
    std::vector<ColumnSpec> indicator_columns;
    std::string total_label;        // 总分 / 合计
    std::vector<std::string> under; // texts under the total: 评价结论, 存在问题, 改进措施
    std::vector<std::string> signatures; // 项目负责人, 财务负责人: the row under the texts
    // Instruction texts of the empty form, as patterns: `*` stands for any text ("根据*填写").
    // A cell matching one still holds the instruction: it is not data (`unfilled-cell`).
    std::vector<std::string> instructions;

    bool splits_target() const;
    bool has_column(Column c) const;
    // The column a heading names, in either block ("权重" → weight), or none.
    std::optional<Column> funds_column(const std::string& heading) const;
    std::optional<Column> indicator_column(const std::string& heading) const;
    // The language's row keyword for a funds row label ("其中:财政资金" → 财政资金), or "".
    std::string funds_row(const std::string& label) const;
    // Whether a cell holds one of the template's instructions.
    bool is_instruction(const std::string& cell) const;
    // Prepares the lookups after the fields were set (the YAML reader calls it).
    void index();

private:
    std::vector<std::string> instruction_keys_; // the instructions as cells are compared
};

// A heading compared as templates vary it: NFKC, no spaces or line breaks, and the points a
// heading states dropped ("预算执行情况（10分）" → "预算执行情况"; "绩效指标(90分)" → "绩效指标").
std::string heading_key(const std::string& cell);
// The points a heading states: "预算执行情况(10分)" → "10"; "" when none.
std::string heading_points(const std::string& cell);

// The templates known: the built-in ones, then those of a directory of YAML files.
class Registry {
public:
    static const Registry& builtin();
    // The built-in templates and every *.yaml / *.yml of `dir` (a file's template replaces a
    // built-in one of the same name). False with the reason (file, line) when one cannot be read.
    bool add_directory(const std::string& dir, std::string& error);
    // One YAML text; `origin` names it in messages.
    bool add_yaml(const std::string& yaml, const std::string& origin, std::string& error);

    const std::vector<Template>& all() const { return templates_; }
    const Template* find(const std::string& name) const;
    // The template whose recognition cells the given cells (a source's, squeezed) satisfy best;
    // none when no template's are all there.
    const Template* recognise(const std::vector<std::string>& cells) const;

private:
    std::vector<Template> templates_;
};

// The YAML text of a built-in template (`jixiao templates --show NAME`), or "".
std::string builtin_yaml(const std::string& name);

// The layout jixiao renders and a spec without 模板 follows.
inline constexpr const char* default_template = "beijing";

} // namespace jx::templates
