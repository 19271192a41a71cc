// Recomputes a project's table under a policy and checks every self-reported figure against it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/project.hpp"
#include "scoring/policy.hpp"

namespace jx::scoring {

// Places kept for a recomputed score before it is compared or shown: far past any written
// precision, so that the one rounding is the comparison's or the display's.
inline constexpr int exact_places = 12;

// An exact share of the weight, num / den (kept unreduced so that the score is rounded once).
struct Fraction {
    Decimal num = Decimal::from_int(1);
    Decimal den = Decimal::from_int(1);
};

struct RowResult {
    enum class Kind {
        not_applicable, // 不涉及
        unweighted,     // no weight: a planned target, nothing to score
        exact,          // the policy gives one score: weight × fraction
        band,           // a grade: the score must lie in [band_low, band_high] points
        judgement,      // text or a missed deadline: the reported score stands, within [0, weight]
        unknown,        // target or actual missing or incomparable
    } kind = Kind::unknown;
    const model::Row* row = nullptr;
    Decimal weight;
    Fraction fraction;           // Kind::exact
    Decimal band_low, band_high; // Kind::band, in points
    std::string band_name;       // 达成, 良 …
    bool target_met = false;     // Kind::band: the actual meets the target (the 达成 band)
    std::string basis;           // the arithmetic, for messages: "15 × 2 / 3"

    // The recomputed score, weight × fraction, to `places` (Kind::exact).
    Decimal expected(int places = exact_places) const {
        return Decimal::mul_div(weight, fraction.num, fraction.den, places);
    }
};

struct BudgetResult {
    bool present = false;
    Decimal weight;
    std::optional<Fraction> rate; // spent / budget
    Fraction score;               // share of the weight
    std::string basis;
    // The recomputed score of the budget row; none when its rate could not be computed.
    std::optional<Decimal> expected() const {
        if (!rate) return std::nullopt;
        return Decimal::mul_div(weight, score.num, score.den, exact_places);
    }
};

struct ProjectResult {
    const model::Project* project = nullptr;
    const Policy* policy = nullptr; // what it was scored under
    // Whether a reported figure matches a recomputed one, as the policy compares them.
    bool matches(const Decimal& reported, const Decimal& exact) const {
        return policy ? policy->matches(reported, exact)
                      : matches_at_written_precision(reported, exact);
    }
    BudgetResult budget;
    std::vector<RowResult> rows;
    Decimal weight_sum, reported_score_sum, recomputed_total;
    std::string recomputed_grade;
    std::size_t indicator_count = 0;
    std::vector<Diagnostic> findings;
};

// The result points at `project` and `policy` (ProjectResult::matches asks the policy): both
// must outlive it, so a temporary policy is refused at compile time.
ProjectResult evaluate(const model::Project& project, const Policy& policy);
ProjectResult evaluate(const model::Project& project, Policy&& policy) = delete;

// Shows a decimal for people: rounded to `places`, trailing zeros dropped (9.90 → 9.9).
std::string show(const Decimal& d, int places = 2);

} // namespace jx::scoring
