// `jixiao import`: published tables (text dumps, CSV, xlsx; files or directories of them) into
// specs, one per table, every source accounted for.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "import/import.hpp"

namespace jx::driver {

// `from`: the sources' format, or none to tell each by its name and contents. Writes under
// `out_dir`; an existing spec only with `force`. Returns the exit status (status.hpp): 0 when
// every table was imported whole.
// `options`: the template to read the sources by (--template), and the templates known.
int import_sources(const std::vector<std::string>& paths, std::optional<import::Format> from,
                   const std::string& out_dir, bool force, std::ostream& out, std::ostream& err,
                   const import::ImportOptions& options = {});

} // namespace jx::driver
