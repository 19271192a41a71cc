// `jixiao score`: a project's table in the terminal, reported and recomputed scores side by
// side, columns aligned by display width.
#pragma once

#include <string>

#include "scoring/engine.hpp"

namespace jx::driver {

std::string render_score_table(const scoring::ProjectResult& result, const scoring::Policy& policy);

} // namespace jx::driver
