#include "driver/templates.hpp"

#include <ostream>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/status.hpp"

namespace jx::driver {

bool load_templates(const std::string& dir, templates::Registry& registry, std::ostream& err) {
    registry = templates::Registry::builtin();
    if (dir.empty()) return true;
    std::string error;
    if (registry.add_directory(dir, error)) return true;
    err << render(make_error("bad-template", error), nullptr);
    return false;
}

int list_templates(const templates::Registry& registry, const std::string& show, std::ostream& out,
                   std::ostream& err) {
    if (!show.empty()) {
        const templates::Template* t = registry.find(show);
        if (!t) {
            err << render(make_error("unknown-template", trf("no template named \"{}\"", show)),
                          nullptr);
            return exit_usage;
        }
        out << t->yaml;
        return exit_ok;
    }
    std::size_t width = 0;
    for (const auto& t : registry.all())
        width = std::max(width, t.name.size());
    for (const auto& t : registry.all()) {
        out << fmt::format("{:<{}}  {}{}\n", t.name, width, t.title,
                           t.name == templates::default_template ? tr("  (default)") : "");
        out << fmt::format("{:<{}}  {}\n", "", width, t.description);
        out << trf("{:<{}}  source: {}; {}\n", "", width, t.source,
                   t.origin == "built-in" ? std::string(tr("built in")) : trf("from {}", t.origin));
    }
    return exit_ok;
}

} // namespace jx::driver
