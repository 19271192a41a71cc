// One spec read, parsed, lowered and scored, with everything each step made kept together: what
// `check` reports (the diagnostics), and what `fix` and the language server read besides (the
// syntax tree for outlines and completion, the models and results for the arithmetic shown on
// hover). `check` goes through here too, so the three cannot disagree.
#pragma once

#include <memory>
#include <vector>

#include "base/source.hpp"
#include "diag/diagnostic.hpp"
#include "model/disclosure.hpp"
#include "model/lower.hpp"
#include "model/project.hpp"
#include "scoring/claims.hpp"
#include "scoring/engine.hpp"
#include "scoring/policy.hpp"
#include "syntax/parser.hpp"

namespace jx::driver {

struct ProjectAnalysis {
    const ast::Project* tree = nullptr;
    std::unique_ptr<model::Project> model; // on the heap: `result` points into it
    scoring::ProjectResult result;         // its findings are moved to Analysis::diagnostics
};

struct Analysis {
    std::unique_ptr<SourceFile> source;
    syntax::ParseResult parsed;
    std::vector<ProjectAnalysis> projects;
    std::vector<model::Disclosure> disclosures; // checked among themselves; against the tables
                                                // of their directory by check_files
    scoring::TableTally tally;                  // what this file's tables add up to
    std::vector<Diagnostic> diagnostics; // syntax, model and scoring findings, as check reports
    std::size_t indicators = 0;
};

// `purpose`: display keeps the text of targets and actuals as the table shows them.
Analysis analyse(std::unique_ptr<SourceFile> source, const scoring::Policy& policy,
                 const syntax::Limits& limits = {}, model::Purpose purpose = model::Purpose::check);

} // namespace jx::driver
