// `jixiao render`: specs → the official table as xlsx, html, markdown or csv.
#pragma once

#include <string>
#include <vector>

#include "render/layout.hpp"
#include "scoring/policy.hpp"
#include "templates/template.hpp"

namespace jx::driver {

enum class RenderFormat { xlsx, html, md, csv };

struct RenderRequest {
    std::vector<std::string> paths; // files or directories
    RenderFormat format = RenderFormat::html;
    rendering::Scores scores = rendering::Scores::reported;
    std::string output; // a file for one spec, else a directory
    // The layout (--template): a template's name, or "" for each spec's own (模板), else the
    // default. `templates`: the templates known, none for the built-in ones.
    std::string layout;
    const templates::Registry* templates = nullptr;
};

struct RenderOutcome {
    std::vector<std::string> written;
    std::vector<std::string> errors;   // each names the file
    bool io_error = false;             // an error was one of reading or writing, not of a spec
    std::vector<std::string> warnings; // written, with something to know (each names the file)
};

RenderOutcome render_specs(const RenderRequest& request, const scoring::Policy& policy);

} // namespace jx::driver
