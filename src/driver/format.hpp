// `jixiao fmt`: specs rewritten in the canonical layout, or only named with --check.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace jx::driver {

// Formats the spec files and directories given; reports to `out` (what changed) and `err`
// (problems). A file that does not parse is never rewritten, and neither is one whose formatted
// text would be more than the parser reads. Returns the exit status (status.hpp).
int format_files(const std::vector<std::string>& paths, bool check_only, bool colour,
                 std::ostream& out, std::ostream& err);

} // namespace jx::driver
