// Parsing a spec into its syntax tree, with every syntax error it can recover from.
#pragma once

#include <vector>

#include "base/source.hpp"
#include "diag/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace jx::syntax {

struct Limits {
    std::size_t max_file_bytes = 16u << 20;  // 16 MiB
    std::size_t max_string_bytes = 1u << 20; // 1 MiB for one string literal
};

struct ParseResult {
    ast::File file;
    std::vector<Diagnostic> diagnostics; // syntax errors, in source order
    bool ok() const { return diagnostics.empty(); }
};

ParseResult parse(const SourceFile& source, const Limits& limits = {});

} // namespace jx::syntax
