// Renders diagnostics as rustc/clang do:
//
//   file.jx:12:7: error[expected-number]: expected a number after 分值
//      |
//   12 |   "聘用人数" 分值 abc
//      |                   ^^^ not a number
//      = note: ...
//
// Carets are placed by display width, so they sit under CJK characters too.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"

namespace jx {

struct RenderOptions {
    bool colour = false;
};

std::string render(const Diagnostic& d, const SourceFile* file, const RenderOptions& options = {});

} // namespace jx
