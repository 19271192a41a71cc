// `jixiao templates`: the layouts jixiao reads and writes (templates/template.hpp), and the
// --templates-dir every command that takes a template accepts.
#pragma once

#include <iosfwd>
#include <string>

#include "templates/template.hpp"

namespace jx::driver {

// The built-in templates, with those of `dir` (when given) added. False, with the reason written
// to `err`, when one cannot be read.
bool load_templates(const std::string& dir, templates::Registry& registry, std::ostream& err);

// Lists the templates (name, title, where each comes from), or prints one's YAML (`show`).
// Returns the exit status.
int list_templates(const templates::Registry& registry, const std::string& show, std::ostream& out,
                   std::ostream& err);

} // namespace jx::driver
