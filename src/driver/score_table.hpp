// `jixiao score`: a project's table in the terminal, reported and recomputed scores side by
// side, columns aligned by display width.
#pragma once

#include <iosfwd>
#include <string>

#include "scoring/engine.hpp"

namespace jx::driver {

std::string render_score_table(const scoring::ProjectResult& result, const scoring::Policy& policy);

// `jixiao score FILE`: each project's table to `out`, the findings to `err`. Returns the exit
// status (status.hpp): 1 when a finding is an error (a syntax error included), not a warning.
int score_file(const std::string& path, const scoring::Policy& policy, bool colour,
               std::ostream& out, std::ostream& err);

// Reads --policy (`path`), or gives the built-in policy when `path` is empty. False, with the
// error (file:line:col) written to `err`, when it cannot be used.
bool load_policy_file(const std::string& path, scoring::Policy& policy, std::ostream& err);

} // namespace jx::driver
