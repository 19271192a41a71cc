// The model of a disclosure (部门决算公开): the department it is of, and the claims its prose makes
// about the project tables published with it — how many projects were evaluated, how many in each
// grade, the department's score and the funds evaluated — each with the source line it was read
// from. Made from the syntax tree by model::lower (model/lower.hpp); checked by scoring/claims.hpp.
#pragma once

#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "base/source.hpp"
#include "model/project.hpp"
#include "model/value.hpp"

namespace jx::model {

enum class ClaimKind {
    projects,  // 项目总数: the budget projects of the department
    evaluated, // 评价项目数: the projects self-evaluated
    excluded,  // 不予评价数: projects not evaluated (涉密 …)
    grade,     // 等级 优秀 N: the projects of one grade
    score,     // 部门得分: the department's score, a mean of the project totals
    funds,     // 涉及金额: the funds of the evaluated projects
};

// How a score claim says it was averaged.
enum class Averaging { unstated, weighted, mean };

struct Claim {
    ClaimKind kind = ClaimKind::projects;
    Span span;
    std::string keyword; // as written
    std::string grade;   // ClaimKind::grade: the grade in Chinese (优秀 for excellent)
    Figure figure;       // as written
    Decimal wan;         // ClaimKind::funds: the amount in 万元
    Averaging averaging = Averaging::unstated;
    bool includes_transfers = false; // 含转移支付: a count that covers transfer payments too
    int line = 0;                    // of the source the claim was read from; 0 when not stated
};

// A department-level table: the targets (指标性质 / 指标值 / 度量单位 / 指标权重) or the results
// (计划值 / 完成值 / 偏差原因) of the department's whole spending, rows as a project's level 3.
struct DepartmentTable {
    enum class Kind { targets, results } kind = Kind::targets;
    Span span, keyword_span;
    std::string keyword; // as written
    std::vector<Row> rows;
    bool unreadable_weight = false; // a weight written but unreadable (reported): sums unknown
};

struct Disclosure {
    std::string name;
    Span span, name_span;
    int year = 0;
    std::vector<Claim> claims;
    std::vector<DepartmentTable> tables;
    bool damaged = false; // a syntax error inside: sums over its tables are unknown
};

} // namespace jx::model
