// `jixiao fmt`: one canonical layout for specs. Columns are aligned by display width (CJK
// characters count two), every comment and every character of text is kept, and formatting
// a formatted spec changes nothing.
#pragma once

#include <string>
#include <string_view>

#include "syntax/ast.hpp"

namespace jx::format {

// `source` is the text `file` was parsed from; it places comments on their lines.
std::string format(const ast::File& file, std::string_view source);

} // namespace jx::format
