// `jixiao fmt`: one canonical layout for specs. Columns are aligned by display width (CJK
// characters count two), every comment and every character of text is kept, and formatting
// a formatted spec changes nothing.
#pragma once

#include <string>
#include <string_view>

#include "syntax/ast.hpp"

namespace jx::format {

// A value as the canonical layout writes it: `≥ 350天`, `"按月拨付"`, `不少于 8次，"受众" 不少于
// 3万人次`.
std::string value_text(const ast::Value& v);
// The same for people: text without its quotes (按月拨付, not "按月拨付").
std::string value_display(const ast::Value& v);

// `source` is the text `file` was parsed from; it places comments on their lines.
std::string format(const ast::File& file, std::string_view source);

} // namespace jx::format
