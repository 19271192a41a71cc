// Lowering: the syntax tree of a project into its model (model/project.hpp). The one place that
// reads syntax nodes for scoring and rendering; every figure that cannot be read is reported
// here, once, with its span.
#pragma once

#include <optional>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/project.hpp"
#include "syntax/ast.hpp"

namespace jx::model {

// Reads a number token (full-width digits allowed). Reports too many decimals or digits.
std::optional<Figure> read_figure(const ast::Token& number, const std::optional<ast::Token>& unit,
                                  std::vector<Diagnostic>& out);

Value lower_value(const ast::Value& value, std::vector<Diagnostic>& out);

Project lower(const ast::Project& project, std::vector<Diagnostic>& out);

} // namespace jx::model
