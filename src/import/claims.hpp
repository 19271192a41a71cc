// The claims of a disclosure's prose (部门决算公开说明): the sentences that count the projects
// evaluated and their grades, give the department's score, the funds evaluated. Read by patterns
// for the usual sentences; a sentence none fits is simply not a claim (nothing in the prose is
// required). What is read becomes the disclosure's `部门` block (model/disclosure.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/grid.hpp"
#include "import/tables.hpp"

namespace jx::import {

struct ProseClaim {
    std::string keyword; // as the language writes it: 评价项目数, 等级 优秀, 部门得分 …
    std::string figure;    // 16, 97.19, 121.83万元
    std::string averaging; // 加权平均 / 算术平均 for a score, when the sentence says
    std::size_t line = 0;
    std::string how; // how the figure was made when the sentence does not state it: "74 − 2"
};

struct ProseClaims {
    std::string department; // empty when the prose does not name it
    int year = 0;
    std::vector<ProseClaim> claims;
    // Lines whose sentence speaks of another year's projects, left out: "line 325 (2022)".
    std::vector<std::string> left_out;
    std::vector<std::pair<std::size_t, std::string>> sentences; // line → its text, for comments
};

ProseClaims read_claims(const Grid& grid);

// The spec of a disclosure: its claims and its department-level tables (整体绩效目标 for targets
// and weights, 整体绩效完成 for plan and completion), every cell in a field; none when the source
// has neither.
std::optional<std::string> disclosure_spec(const ProseClaims& claims,
                                           const std::vector<DepartmentRows>& tables,
                                           const std::string& source_name,
                                           const std::string& fallback_name);

} // namespace jx::import
