// The scoring policy: every rule the engine applies, with its default value and where it comes
// from. The defaults are documented in docs/scoring-policy.md and printed by `jixiao policy`;
// any of them can be changed in a YAML file given with --policy.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "vocab/comparators.hpp"

namespace jx::scoring {

// A band of the weight, in percent, from low to high. A score on a boundary fits both bands it
// bounds: the official text writes 80–100% and 60–80% alike, so the check accepts both ends.
struct Band {
    Decimal low, high;
};

struct Scale {
    std::string name;                  // 优良中低差
    std::vector<std::string> grades;   // best first
    std::map<std::string, Band> bands; // grade → band of the weight
};

struct Policy {
    int precision = 2;                             // decimals of a recomputed score
    Decimal total_weight = Decimal::from_int(100); // what the weights must add up to
    std::map<std::string, Decimal> level1_split;   // optional: 产出指标 → 50 …

    // Budget-execution row.
    Decimal budget_weight = Decimal::from_int(10);
    Decimal budget_rate_cap = Decimal::from_int(1);
    enum class BudgetReference { initial, annual } budget_reference = BudgetReference::initial;

    // Quantitative rows.
    enum class BelowFormula { proportional, zero } below_target = BelowFormula::proportional;
    enum class AboveFormula { linear, ratio, zero } above_limit = AboveFormula::linear;
    enum class Combine { mean, min } combined = Combine::mean;
    // An `=` target exceeded (成果数量 = 2, actual 3): met, or weight × target / actual.
    enum class OverDelivery { met, proportional } over_delivery = OverDelivery::met;
    // A reported figure matches the recomputed one rounded half-up or cut (Excel's ROUND and
    // ROUNDDOWN) at its written precision; `round` accepts only the half-up rounding.
    enum class Rounding { round_or_truncate, round } rounding = Rounding::round_or_truncate;
    // Deviation reasons that explain nothing (besides an empty cell and the category names).
    std::vector<std::string> reason_placeholders;
    // Category names as templates misspell them → the category meant.
    std::map<std::string, std::string> category_aliases;
    // Level-1 categories a scored table must have (incomplete-table otherwise).
    std::vector<std::string> required_level1;
    // Comparator assumed for a target written without one, by level-2 category.
    std::map<std::string, vocab::Cmp> bare_target{{"成本指标", vocab::Cmp::le},
                                                  {"时效指标", vocab::Cmp::le}};
    vocab::Cmp bare_target_default = vocab::Cmp::ge;

    // Grade targets: achievement against the target grade.
    Band achieved{Decimal::from_int(80), Decimal::from_int(100)};
    Band partly_achieved{Decimal::from_int(60), Decimal::from_int(80)};
    Band not_achieved{Decimal::from_int(0), Decimal::from_int(60)};
    std::vector<Scale> scales;

    // Total grade: lowest total score of each grade, best first.
    std::vector<std::pair<std::string, Decimal>> total_grades;

    // Level-1 → allowed level-2 categories.
    std::vector<std::pair<std::string, std::vector<std::string>>> categories;

    static Policy defaults();
    const Scale* scale_named(const std::string& name) const;
    const Scale* scale_with(const std::string& grade_a, const std::string& grade_b = {}) const;
    std::string grade_for_total(const Decimal& total) const;
    // The comparator of a target written without one: by its level 2, else by its level 1
    // (成本指标 as a level 1 means ≤ as much as under 产出指标), else the default.
    vocab::Cmp bare_comparator(const std::string& level1, const std::string& level2) const;
    // The category a name means: canonical (model::canonical_category) after the aliases.
    std::string category(const std::string& written) const;
    // Whether a reported figure matches an exact one at the reported figure's precision.
    bool matches(const Decimal& reported, const Decimal& exact) const;
};

struct PolicyError {
    std::string message;
    int line = 0;   // 1-based, 0 when unknown
    int column = 0; // 1-based
};

// Loads a YAML policy over the defaults. Unknown keys are errors, so a typo is never ignored.
std::optional<Policy> load_policy(const std::string& yaml_text, PolicyError& error);

std::string dump_policy_yaml(const Policy& p);

} // namespace jx::scoring
