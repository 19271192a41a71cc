// A project's table against the index system its evaluation report publishes (评价指标体系): the
// indicators were set when the budget was approved, and the table must report on them as set.
#pragma once

#include <vector>

#include "diag/diagnostic.hpp"
#include "model/project.hpp"

namespace jx::scoring {

// Each indicator of the index system is looked up in the table (under the same level-2 category,
// by its 指标N label, else by its place); a name whose figures differ (6个新建功能 published,
// 5个 in the table) is an error, other wording a warning, a weight that differs an error, an
// indicator the table lacks a warning.
std::vector<Diagnostic> check_index_system(const model::Project& project);

} // namespace jx::scoring
