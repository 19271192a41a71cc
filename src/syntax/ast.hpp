// The syntax tree of a spec. Every node keeps its source span; every token keeps its spelling
// exactly as written (Chinese or English keyword, full-width or half-width digits), so that the
// formatter can reprint a spec without losing a character of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "vocab/comparators.hpp"

namespace jx::ast {

struct Token {
    Span span;
    std::string text; // as written
};

// A string literal: `text` is the decoded content, `raw` the literal as written with quotes.
struct String {
    Span span;
    std::string text;
    std::string raw;
};

using vocab::Cmp;
using vocab::cmp_symbol;

struct Comparator {
    Token token;
    Cmp cmp = Cmp::eq;
};

struct Quantity {
    Span span;
    Token number;              // as written, possibly full-width
    std::optional<Token> unit; // as written: "个", "%", "万元", "元/人/年"
};

struct Date {
    Token token;                      // as written: 2023-11-30, 2023年12月, 11月底
    int year = 0, month = 0, day = 0; // 0 = not stated
    bool month_end = false;           // 底 / 末
};

struct Operand {
    enum class Kind { quantity, date, grade, budget } kind = Kind::quantity;
    Span span;
    Quantity quantity;
    Date date;
    Token word; // grade word or budget reference
};

struct Condition {
    enum class Kind { measured, text, scale } kind = Kind::measured;
    Span span;
    std::optional<String> label; // "受众人数" in `"受众人数" 不少于 3万人次`
    std::optional<Comparator> prefix;
    std::optional<Comparator> suffix;
    std::optional<Operand> low; // the operand, or the low end of a range
    std::optional<Token> range_sep;
    std::optional<Operand> high; // the high end of a range
    String text;                 // Kind::text
    Token scale;                 // Kind::scale: 优良中低差, 好/较好/一般/较差/差
    bool is_range() const { return high.has_value(); }
};

struct Value {
    Span span;
    std::optional<Token> not_applicable; // 不涉及
    std::vector<Condition> conditions;
    std::vector<Token> separators; // between conditions, as written
};

struct NumberField {
    Token keyword;
    Token number;
    std::optional<Token> unit; // 万元 on amounts, % on rates
    Span span;
};

struct TextField {
    Token keyword;
    String value;
    Span span;
};

// 表头 "项目类别" "部门预算项目", 未归位 "第 59 行" "…": a label (or place) and a text.
struct LabelledText {
    Token keyword;
    String label, value;
    Span span;
};

struct ValueField {
    Token keyword;
    Value value;
    Span span;
};

struct Indicator {
    Span span;
    std::optional<Token> part; // 其中: a breakdown row of the indicator above it
    String name;
    std::optional<ValueField> target, actual;
    std::optional<NumberField> weight, score;
    std::optional<TextField> reason;
    std::optional<TextField> criteria; // 评分标准: a scoring table's standard for the row
    std::optional<Token> not_applicable;
    // Fields written more than once, kept so that the model can report them.
    std::vector<Token> duplicate_keywords;
    // A stray token inside the row (a syntax error): its fields are known only in part.
    bool damaged = false;
};

struct Category {
    Span span;
    Token name; // keyword as written, or the quoted name's raw text
    bool quoted = false;
    std::string name_text;               // decoded name
    std::vector<Category> children;      // level 1: its level-2 categories
    std::vector<Indicator> indicators;   // level 2: its indicators
    std::optional<Token> not_applicable; // level 2 written as `不涉及`
};

struct FundRow {
    Span span;
    Token name; // 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金
    std::optional<NumberField> initial, annual, spent, weight, rate, score;
    std::optional<TextField> reason; // 偏差原因: Sichuan's 原因 column
    std::vector<Token> duplicate_keywords;
};

struct Funds {
    Span span;
    Token keyword;
    std::optional<Token> unit;
    std::vector<FundRow> rows;
};

struct Goals {
    Span span;
    Token keyword;
    std::optional<TextField> expected, achieved;
    std::vector<Token> duplicate_keywords;
};

struct Total {
    Span span;
    Token keyword;
    std::optional<NumberField> weight, score;
    std::vector<Token> duplicate_keywords;
};

// The indicator tree as the evaluation report publishes it (评价指标体系).
struct IndexSystem {
    Span span;
    Token keyword;
    std::vector<Category> categories; // level 1
};

struct Project {
    Span span;
    Token keyword;
    String name;
    std::optional<NumberField> year;
    std::optional<TextField> department, unit, contact, phone, finance_officer;
    std::optional<TextField> layout;     // 模板: the template the spec follows
    std::vector<LabelledText> head_info; // 表头: labelled cells of the head without a field
    std::vector<LabelledText> unplaced;  // 未归位: cells import could not place
    std::optional<Funds> funds;
    std::optional<Goals> goals;
    std::vector<Category> categories; // level 1
    std::optional<IndexSystem> index_system;
    std::optional<Total> total;
    std::optional<NumberField> grade;                        // number token holds the grade word
    std::optional<TextField> conclusion, problems, measures; // 评价结论, 存在问题, 改进措施
    std::vector<Token> duplicate_keywords;
    // A syntax error inside the project: some of its rows or fields were not read, so sums over
    // the table are unknowable (and not checked).
    bool damaged = false;
};

// A claim of a disclosure's prose: 评价项目数 16 行 341, 等级 优秀 13 行 341,
// 部门得分 97.19 加权平均 行 282, 涉及金额 121.83万元 行 341.
struct Claim {
    enum class Kind { projects, evaluated, excluded, grade, score, funds } kind = Kind::projects;
    Span span;
    Token keyword;
    std::optional<Token> grade; // Kind::grade: the grade word
    Token figure;               // the number as written
    std::optional<Token> unit;  // Kind::funds: 万元, 元 …
    // The claim's qualifier: 加权平均 / 算术平均 of a score, 含转移支付 of a count.
    std::optional<Token> averaging;
    std::optional<Token> line_keyword, line;
};

// A department-level table: 整体绩效目标 (targets and weights) or 整体绩效完成 (plan and
// completion).
struct DepartmentTable {
    enum class Kind { targets, results } kind = Kind::targets;
    Span span;
    Token keyword;
    std::vector<Indicator> indicators;
};

struct Disclosure {
    Span span;
    Token keyword;
    String name;
    std::optional<NumberField> year;
    std::vector<Claim> claims;
    std::vector<DepartmentTable> tables;
    bool damaged = false; // a syntax error inside: sums over its tables are unknowable
    std::vector<Token> duplicate_keywords;
};

struct Comment {
    Span span;
    std::string text; // with its # or //
};

struct File {
    std::vector<Project> projects;
    std::vector<Disclosure> disclosures;
    std::vector<Comment> comments;
    bool has_bom = false;
};

// A textual dump of the tree without spans, for comparing two parses (parse(fmt(x)) == parse(x)).
std::string dump(const File& file);

} // namespace jx::ast
