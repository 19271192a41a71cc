// `jixiao fix`: the figures whose right value is arithmetic, set to it — 总分 得分 to the sum of
// the rows' scores, 总分 分值 to the sum of their weights when that is the policy's total, 执行率
// to 全年执行数 / 全年预算数, the budget row's score to what its rate gives. Each edit comes from
// the engine's own finding (its span and the expected figure in Diagnostic::subject), so `check`
// and `fix` cannot disagree; a row's score, which the policy judges, is never touched. Only the
// figure's digits change: its unit, the spacing and every comment stay as written.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "driver/analysis.hpp"
#include "scoring/policy.hpp"

namespace jx::driver {

struct TextEdit {
    Span span; // bytes replaced
    std::string replacement;
};

// The edit that settles `d`, a finding of `analysis` under `policy`, when its figure has one
// right answer; none for every other finding. Not fixed: a finding explained by another (the
// cause is what is wrong), and a 总分 分值 whose rows' weights do not add up to the policy's
// total (then the weights are what is wrong).
std::optional<TextEdit> arithmetic_fix(const Diagnostic& d, const Analysis& analysis,
                                       const scoring::Policy& policy);

// `text` with the edits made (they must not overlap; overlapping ones after the first are
// dropped).
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

struct FixOutcome {
    std::string text;               // the fixed text
    std::vector<std::string> fixed; // the code of each finding fixed, in order
    bool parsed = true;             // false: the text has syntax errors and was not fixed
};

// Fixes one spec's text. A fixed figure can make another one off (a budget score set from its
// rate changes the rows' sum), so the text is checked again after each round of edits until no
// finding is left to fix.
FixOutcome fix_text(const std::string& name, std::string text, const scoring::Policy& policy);

// A unified diff (3 lines of context) of two texts whose lines correspond one to one, as fix's
// edits leave them (they never add or remove a line).
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

// `jixiao fix [--dry-run] PATH...`: each file fixed in place through OutputWriter (atomically),
// or with dry_run its diff printed and nothing written. Returns the exit status: 0 nothing left
// to fix (or everything fixed), 1 with dry_run when a file would change or when a file does not
// parse, 2 on an I/O error.
int fix_files(const std::vector<std::string>& paths, bool dry_run, const scoring::Policy& policy,
              bool colour, std::ostream& out, std::ostream& err);

} // namespace jx::driver
