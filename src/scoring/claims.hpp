// The claims of a disclosure's prose (model/disclosure.hpp), checked against each other and
// against the project tables published with them: the grade counts recounted from the tables'
// totals under the policy's grade bands, the department's score recomputed as a plain and as a
// budget-weighted mean, the funds summed. A claim that needs tables the directory does not hold
// is reported as unverifiable (a note), never as wrong.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "diag/diagnostic.hpp"
#include "model/disclosure.hpp"
#include "model/project.hpp"
#include "scoring/policy.hpp"

namespace jx::scoring {

struct ProjectResult;

// What a disclosure's project tables add up to, gathered table by table as they are checked (so
// that a directory of any size is tallied in constant memory).
struct TableTally {
    std::size_t tables = 0;
    std::size_t with_total = 0;                // tables whose total score could be read
    std::map<std::string, std::size_t> grades; // grade of each total → tables
    Decimal score_sum;                         // of the totals
    std::size_t with_budget = 0;               // tables with a total and a 全年预算数
    Decimal budget_sum;                        // 万元, of those tables
    Decimal weighted_sum;                      // Σ budget × total, of those tables
    Decimal funds_sum; // 万元, 全年预算数 of every table that states it
    std::size_t with_funds = 0;
    // Tables import did not read whole (未归位): a figure recomputed from them is not known.
    std::vector<std::string> not_whole;

    // The reported total (总分 得分) counts, as the disclosure's prose counted it; a table without
    // one counts by its recomputed total.
    void add(const model::Project& project, const ProjectResult& result, const Policy& policy);
    void add(const TableTally& other);
};

// Claims that contradict each other: two figures for one thing, the grade counts of a sentence
// against its count of projects, more projects evaluated than the department has.
std::vector<Diagnostic> check_claims(const model::Disclosure& disclosure);

// The department-level tables: the targets' weights against the policy's total, a completion
// short of its plan without a deviation reason.
std::vector<Diagnostic> check_department_tables(const model::Disclosure& disclosure,
                                                const Policy& policy);

// Claims against the tables of the disclosure's directory.
std::vector<Diagnostic> check_claims_against(const model::Disclosure& disclosure,
                                             const TableTally& tables, const Policy& policy);

} // namespace jx::scoring
