// Lowering: the syntax tree of a project into its model (model/project.hpp). The one place that
// reads syntax nodes for scoring and rendering; every figure that cannot be read is reported
// here, once, with its span.
#pragma once

#include <optional>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/disclosure.hpp"
#include "model/project.hpp"
#include "syntax/ast.hpp"

namespace jx::model {

// Reads a number token (full-width digits allowed). Reports too many decimals or digits.
std::optional<Figure> read_figure(const ast::Token& number, const std::optional<ast::Token>& unit,
                                  std::vector<Diagnostic>& out);

// What a lowering is for: a check needs no display text (Value::shown), which costs a string a
// value; rendering does.
enum class Purpose { check, display };

Value lower_value(const ast::Value& value, std::vector<Diagnostic>& out,
                  Purpose purpose = Purpose::display);

Project lower(const ast::Project& project, std::vector<Diagnostic>& out,
              Purpose purpose = Purpose::display);

Disclosure lower(const ast::Disclosure& disclosure, std::vector<Diagnostic>& out);

} // namespace jx::model
