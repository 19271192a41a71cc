// `jixiao render`: specs → the official table as xlsx, html, markdown or csv.
#pragma once

#include <string>
#include <vector>

#include "render/layout.hpp"
#include "scoring/policy.hpp"

namespace jx::driver {

enum class RenderFormat { xlsx, html, md, csv };

struct RenderRequest {
    std::vector<std::string> paths; // files or directories
    RenderFormat format = RenderFormat::html;
    rendering::Scores scores = rendering::Scores::reported;
    std::string output; // a file for one spec, else a directory
};

struct RenderOutcome {
    std::vector<std::string> written;
    std::vector<std::string> errors;   // each names the file
    bool io_error = false;             // an error was one of reading or writing, not of a spec
    std::vector<std::string> warnings; // written, with something to know (each names the file)
};

RenderOutcome render_specs(const RenderRequest& request, const scoring::Policy& policy);

} // namespace jx::driver
