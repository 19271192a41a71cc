#include "scoring/engine.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "base/text.hpp"
#include "model/units.hpp"

namespace jx::scoring {

std::string show(const Decimal& d, int places) {
    return d.rounded(std::max(places, 0)).normalized().to_string();
}

namespace {

using model::Condition;
using model::Date;
using model::Figure;
using model::Operand;
using model::Row;
using model::Value;
using vocab::Cmp;

const Decimal zero = Decimal::from_int(0);
const Decimal one = Decimal::from_int(1);
const Decimal hundred = Decimal::from_int(100);
constexpr int fine = exact_places; // places for intermediate figures shown in messages

// No deviation reason: empty, or a placeholder such as 无.
bool no_reason(const std::string& r) {
    static const std::set<std::string> placeholders{"",   "无", "/",    "-",   "—",
                                                    "--", "——", "none", "n/a", "无偏差"};
    // NFKC shortens a character at most fourfold (𝐀 → A): a longer text cannot be one of them,
    // and the reasons people write are long, so most never reach the normaliser.
    constexpr std::size_t longest = 4 * 9; // 无偏差
    std::string_view t = text::trim(r);
    return t.size() <= longest && placeholders.count(text::nfkc(t)) > 0;
}

struct Evaluator {
    const model::Project& project;
    const Policy& policy;
    ProjectResult& result;

    Diagnostic& add(Severity sev, const char* code, std::string message, Span span,
                    const std::string& indicator, std::string reported = {},
                    std::string expected = {}) {
        Diagnostic d = sev == Severity::error ? make_error(code, std::move(message))
                                              : make_warning(code, std::move(message));
        d.label(span);
        d.subject = {project.name, indicator, std::move(reported), std::move(expected)};
        result.findings.push_back(std::move(d));
        return result.findings.back();
    }

    // ---- quantities -----------------------------------------------------------------------

    struct Amount {
        Decimal value; // in the family's base unit
        model::Unit unit;
        std::string shown; // as written
    };

    std::optional<Decimal> budget_reference() {
        if (!project.funds) return std::nullopt;
        const auto& f = *project.funds;
        const auto& primary =
            policy.budget_reference == Policy::BudgetReference::initial ? f.initial : f.annual;
        const auto& secondary =
            policy.budget_reference == Policy::BudgetReference::initial ? f.annual : f.initial;
        const auto& pick = primary ? primary : secondary;
        if (!pick) return std::nullopt;
        return pick->value * f.unit_factor;
    }

    // Converts two operands to a common base, adopting the other side's unit when one is bare.
    // A figure that could not be read is unknown (lowering reported it).
    bool amounts(const Operand& t, const Operand& a, Amount& ta, Amount& aa, const Row& row) {
        if (t.kind == Operand::Kind::budget) {
            auto b = budget_reference();
            if (!b) return false;
            ta.value = *b;
            ta.unit = model::unit_of("元");
            ta.shown = t.word;
        } else {
            if (!t.quantity.number) return false;
            ta.unit = model::unit_of(t.quantity.unit);
            ta.value = t.quantity.number->value;
            ta.shown = t.quantity.shown;
        }
        if (!a.quantity.number) return false;
        aa.unit = model::unit_of(a.quantity.unit);
        aa.value = a.quantity.number->value;
        aa.shown = a.quantity.shown;
        if (!model::compatible(ta.unit, aa.unit)) {
            add(Severity::error, "unit-mismatch",
                fmt::format("the target is in {} ({}) but the actual value is in {} ({})",
                            model::family_name(ta.unit.family), ta.unit.text,
                            model::family_name(aa.unit.family), aa.unit.text),
                a.span, row.name, aa.shown, ta.shown)
                .label(t.span, "target", false);
            return false;
        }
        // A bare number takes the other side's unit (target 4个, actual 4).
        bool t_bare = t.kind != Operand::Kind::budget && t.quantity.unit.empty();
        bool a_bare = a.quantity.unit.empty();
        if (a_bare && !t_bare) aa.unit = ta.unit;
        if (t_bare && !a_bare) ta.unit = aa.unit;
        if (t.kind != Operand::Kind::budget) ta.value = ta.value * ta.unit.factor;
        aa.value = aa.value * aa.unit.factor;
        return true;
    }

    // ---- one target condition against one actual condition --------------------------------

    struct Outcome {
        enum class Kind { fraction, band, judgement, unknown } kind = Kind::unknown;
        Fraction fraction;
        const Band* band = nullptr;
        std::string band_name;
        std::string basis;
    };

    static Outcome met(std::string basis) {
        Outcome o;
        o.kind = Outcome::Kind::fraction;
        o.basis = std::move(basis);
        return o;
    }
    static Outcome share(Decimal num, Decimal den, std::string basis) {
        Outcome o;
        o.kind = Outcome::Kind::fraction;
        o.fraction = {num, den};
        o.basis = std::move(basis);
        return o;
    }
    static Outcome judgement(std::string basis) {
        Outcome o;
        o.kind = Outcome::Kind::judgement;
        o.basis = std::move(basis);
        return o;
    }

    Outcome quantity_outcome(const Condition& tc, const Condition& ac, const Row& row) {
        Amount t, a;
        if (!amounts(*tc.low, *ac.low, t, a, row)) return {};
        const std::string ts = t.shown, as = a.shown;
        if (tc.is_range()) {
            Amount hi, unused;
            if (!amounts(*tc.high, *ac.low, hi, unused, row)) return {};
            if (t.value <= a.value && a.value <= hi.value)
                return met(fmt::format("{} lies within {}–{}", as, ts, hi.shown));
            if (a.value < t.value) {
                if (t.value.is_zero()) return met("");
                return share(Decimal::max(a.value, zero), t.value, fmt::format("{} / {}", as, ts));
            }
            if (hi.value.is_zero()) return share(zero, one, "above a range ending at 0");
            return share(Decimal::max(hi.value + hi.value - a.value, zero), hi.value,
                         fmt::format("(1 − ({} − {}) / {})", as, hi.shown, hi.shown));
        }
        auto written = tc.stated();
        Cmp cmp =
            written ? *written : policy.bare_comparator(model::canonical_category(row.level2));
        switch (cmp) {
        case Cmp::ge:
        case Cmp::gt: {
            // An actual equal to a strict bound (> 5 against 5) is met, on either side and under
            // every policy: tables write > and ≥ alike (docs/scoring-policy.md).
            bool ok = cmp == Cmp::ge ? t.value <= a.value : t.value < a.value;
            if (ok || t.value.is_zero())
                return met(fmt::format("{} {} {} is met", as, vocab::cmp_symbol(cmp), ts));
            if (a.value == t.value) return met(fmt::format("{} equals the bound {}", as, ts));
            if (policy.below_target == Policy::BelowFormula::zero)
                return share(zero, one, fmt::format("{} misses {}", as, ts));
            return share(Decimal::max(a.value, zero), t.value, fmt::format("{} / {}", as, ts));
        }
        case Cmp::le:
        case Cmp::lt: {
            bool ok = cmp == Cmp::le ? a.value <= t.value : a.value < t.value;
            if (ok) return met(fmt::format("{} {} {} is met", as, vocab::cmp_symbol(cmp), ts));
            if (a.value == t.value) return met(fmt::format("{} equals the bound {}", as, ts));
            if (t.value.is_zero() || policy.above_limit == Policy::AboveFormula::zero)
                return share(zero, one, fmt::format("{} exceeds {}", as, ts));
            if (policy.above_limit == Policy::AboveFormula::ratio)
                return share(t.value, a.value, fmt::format("{} / {}", ts, as));
            return share(Decimal::max(t.value + t.value - a.value, zero), t.value,
                         fmt::format("max(0, 1 − ({} − {}) / {})", as, ts, ts));
        }
        case Cmp::eq:
            if (a.value == t.value) return met(fmt::format("{} = {}", as, ts));
            if (a.value < t.value)
                return share(Decimal::max(a.value, zero), t.value, fmt::format("{} / {}", as, ts));
            return share(t.value, a.value, fmt::format("{} / {}", ts, as));
        }
        return {};
    }

    // A date as (year, month, day) for comparing: a month without a day (11月, 11月底) is its
    // last day, a year alone its 31 December (31 sorts after every last day of a month).
    static std::tuple<int, int, int> date_key(const Date& d, int year) {
        return {d.year ? d.year : year, d.month ? d.month : 12, d.day ? d.day : 31};
    }

    Outcome date_outcome(const Condition& tc, const Condition& ac) {
        const Operand& a = *ac.low;
        auto key = [&](const Date& d) { return date_key(d, project.year); };
        if (tc.is_range()) {
            bool ok = key(tc.low->date) <= key(a.date) && key(a.date) <= key(tc.high->date);
            if (ok)
                return met(fmt::format("{} lies within {}–{}", a.date.text, tc.low->date.text,
                                       tc.high->date.text));
            return judgement(fmt::format("{} is outside {}–{}", a.date.text, tc.low->date.text,
                                         tc.high->date.text));
        }
        Cmp cmp = tc.stated().value_or(Cmp::le); // a date is a deadline unless stated otherwise
        auto t = key(tc.low->date), v = key(a.date);
        bool ok = cmp == Cmp::le   ? v <= t
                  : cmp == Cmp::lt ? v < t
                  : cmp == Cmp::ge ? v >= t
                  : cmp == Cmp::gt ? v > t
                                   : v == t;
        if (ok) return met(fmt::format("{} meets the deadline {}", a.date.text, tc.low->date.text));
        return judgement(fmt::format("{} misses the deadline {}", a.date.text, tc.low->date.text));
    }

    Outcome grade_outcome(const Condition& tc, const Condition& ac, const Row& row) {
        const std::string t = tc.low->word, a = ac.low->word;
        const Scale* scale = policy.scale_with(t, a);
        if (!scale) {
            add(Severity::warning, "unknown-grade",
                fmt::format("no grade scale of the policy holds both {} and {}", t, a), ac.span,
                row.name, a, t);
            return {};
        }
        auto rank = [&](const std::string& g) {
            return static_cast<int>(std::find(scale->grades.begin(), scale->grades.end(), g) -
                                    scale->grades.begin());
        };
        Cmp cmp = tc.stated().value_or(Cmp::ge);
        int gap = rank(a) - rank(t); // > 0: the actual grade is worse
        if (cmp == Cmp::le || cmp == Cmp::lt) gap = -gap;
        Outcome o;
        o.kind = Outcome::Kind::band;
        if (gap <= 0) {
            o.band = &policy.achieved;
            o.band_name = "达成";
        } else if (gap == 1) {
            o.band = &policy.partly_achieved;
            o.band_name = "部分达成";
        } else {
            o.band = &policy.not_achieved;
            o.band_name = "未达成";
        }
        o.basis = fmt::format("actual grade {} against target {} on {}: {}", a, t, scale->name,
                              o.band_name);
        return o;
    }

    static bool same_operand(const Operand& a, const Operand& b) {
        auto text_of = [](const Operand& o) {
            switch (o.kind) {
            case Operand::Kind::quantity:
                return o.quantity.shown;
            case Operand::Kind::date:
                return std::to_string(o.date.year) + "-" + std::to_string(o.date.month) + "-" +
                       std::to_string(o.date.day) + (o.date.month_end ? "e" : "");
            default:
                return o.word;
            }
        };
        return a.kind == b.kind && text::nfkc(text_of(a)) == text::nfkc(text_of(b));
    }

    // "1月" against a target of "≤7个月" means one month, not January: a month without year or
    // day, beside a time target, is read as that many months (tables write both ways).
    static std::optional<Condition> as_months(const Condition& c) {
        if (c.kind != Condition::Kind::measured || !c.low || c.is_range() ||
            c.low->kind != Operand::Kind::date)
            return std::nullopt;
        const Date& d = c.low->date;
        if (d.year || d.day || d.month_end || !d.month || c.suffix) return std::nullopt;
        Condition q = c;
        q.low->kind = Operand::Kind::quantity;
        q.low->quantity.span = d.span;
        q.low->quantity.number =
            Figure{Decimal::from_int(d.month), d.span, std::to_string(d.month)};
        q.low->quantity.unit = "个月";
        q.low->quantity.shown = std::to_string(d.month) + "个月";
        return q;
    }

    static bool is_time_quantity(const Condition& c) {
        return c.kind == Condition::Kind::measured && c.low &&
               c.low->kind == Operand::Kind::quantity && !c.low->quantity.unit.empty() &&
               model::unit_of(c.low->quantity.unit).family == model::Family::time;
    }

    Outcome pair(const Condition& tc_in, const Condition& ac_in, const Row& row) {
        using CK = Condition::Kind;
        using OK = Operand::Kind;
        std::optional<Condition> tc_months, ac_months;
        if (is_time_quantity(tc_in)) ac_months = as_months(ac_in);
        if (is_time_quantity(ac_in)) tc_months = as_months(tc_in);
        const Condition& tc = tc_months ? *tc_months : tc_in;
        const Condition& ac = ac_months ? *ac_months : ac_in;
        if (tc.kind == CK::text) {
            std::string at = ac.kind == CK::text ? ac.text : std::string();
            if (ac.kind == CK::text &&
                text::nfkc(text::trim(tc.text)) == text::nfkc(text::trim(at)))
                return met("the actual text equals the target");
            return judgement("a text target: the reported score stands");
        }
        if (tc.kind == CK::scale) {
            const Scale* scale = policy.scale_named(tc.scale);
            if (!scale || ac.kind != CK::measured || !ac.low || ac.low->kind != OK::grade ||
                ac.is_range())
                return judgement("a graded target without a grade on its scale");
            auto it = scale->bands.find(ac.low->word);
            if (it == scale->bands.end()) {
                add(Severity::warning, "unknown-grade",
                    fmt::format("{} is not a grade of the scale {}", ac.low->word, scale->name),
                    ac.span, row.name);
                return {};
            }
            Outcome o;
            o.kind = Outcome::Kind::band;
            o.band = &it->second;
            o.band_name = it->first;
            o.basis = fmt::format("grade {} on {}", it->first, scale->name);
            return o;
        }
        if (ac.kind == CK::measured && tc.kind == CK::measured && ac.is_range() && tc.is_range() &&
            same_operand(*ac.low, *tc.low) && same_operand(*ac.high, *tc.high))
            return met("the actual period equals the target");
        if (ac.kind != CK::measured || !ac.low || ac.is_range() || !tc.low)
            return judgement("the actual value is not comparable");
        OK tk = tc.low->kind, ak = ac.low->kind;
        if ((tk == OK::quantity || tk == OK::budget) && ak == OK::quantity)
            return quantity_outcome(tc, ac, row);
        if (tk == OK::date && ak == OK::date) return date_outcome(tc, ac);
        if (tk == OK::grade && ak == OK::grade) return grade_outcome(tc, ac, row);
        if ((tk == OK::quantity && ak == OK::date) || (tk == OK::date && ak == OK::quantity)) {
            add(Severity::error, "unit-mismatch",
                "the target and the actual value are of different kinds (a date and a number)",
                ac.span, row.name)
                .label(tc.span, "target", false);
            return {};
        }
        return judgement("the actual value is not comparable with the target");
    }

    RowResult row_result(const Row& row) {
        RowResult r;
        r.row = &row;
        if (row.not_applicable) {
            r.kind = RowResult::Kind::not_applicable;
            return r;
        }
        if (!row.weight) {
            r.kind = RowResult::Kind::unweighted;
            return r;
        }
        r.weight = row.weight->value;
        if (!row.target || !row.actual || row.target->not_applicable ||
            row.actual->not_applicable) {
            r.kind = RowResult::Kind::unknown;
            return r;
        }
        const auto& tcs = row.target->conditions;
        const auto& acs = row.actual->conditions;
        std::vector<Outcome> outcomes;
        if (tcs.size() == acs.size()) {
            for (std::size_t i = 0; i < tcs.size(); ++i)
                outcomes.push_back(pair(tcs[i], acs[i], row));
        } else if (acs.size() == 1 && acs[0].kind == Condition::Kind::text) {
            outcomes.push_back(judgement("a text actual value"));
        } else {
            outcomes.push_back({});
        }
        for (const auto& o : outcomes) {
            if (o.kind == Outcome::Kind::unknown) {
                r.kind = RowResult::Kind::unknown;
                return r;
            }
        }
        for (const auto& o : outcomes) {
            if (o.kind == Outcome::Kind::judgement) {
                r.kind = RowResult::Kind::judgement;
                r.basis = o.basis;
                return r;
            }
        }
        if (outcomes.size() == 1 && outcomes[0].kind == Outcome::Kind::band) {
            r.kind = RowResult::Kind::band;
            r.band_low =
                Decimal::mul_div(r.weight, outcomes[0].band->low, hundred, fine).normalized();
            r.band_high =
                Decimal::mul_div(r.weight, outcomes[0].band->high, hundred, fine).normalized();
            r.band_name = outcomes[0].band_name;
            r.basis = outcomes[0].basis;
            return r;
        }
        for (const auto& o : outcomes)
            if (o.kind != Outcome::Kind::fraction) {
                r.kind = RowResult::Kind::judgement;
                r.basis = "grades in combined conditions";
                return r;
            }
        r.kind = RowResult::Kind::exact;
        if (outcomes.size() == 1) {
            r.fraction = outcomes[0].fraction;
            r.basis = outcomes[0].basis;
        } else {
            // Combined conditions: the mean (or the least) of the shares, to 18 decimals.
            Decimal total = zero, least = one;
            std::string parts;
            for (const auto& o : outcomes) {
                Decimal f = Decimal::divide(o.fraction.num, o.fraction.den, Decimal::max_scale);
                total = total + f;
                least = Decimal::min(least, f);
                parts += (parts.empty() ? "" : "; ") + o.basis;
            }
            if (policy.combined == Policy::Combine::mean) {
                r.fraction = {total, Decimal::from_int(static_cast<long long>(outcomes.size()))};
                r.basis = fmt::format("mean of the conditions ({})", parts);
            } else {
                r.fraction = {least, one};
                r.basis = fmt::format("least of the conditions ({})", parts);
            }
        }
        return r;
    }

    // ---- checks ---------------------------------------------------------------------------

    void check_score_range(const Figure& score, const Decimal& weight, const std::string& name,
                           const std::string& what) {
        if (score.value.is_negative())
            add(Severity::error, "negative-score",
                fmt::format("{} has a negative score {}", what, score.text), score.span, name,
                score.value.to_string(), "≥ 0");
        else if (weight < score.value)
            add(Severity::error, "score-exceeds-weight",
                fmt::format("{} scores {} but its weight is only {}", what, score.value.to_string(),
                            weight.to_string()),
                score.span, name, score.value.to_string(), fmt::format("≤ {}", weight.to_string()));
    }

    void check_row(const RowResult& r) {
        const Row& row = *r.row;
        if (r.kind == RowResult::Kind::not_applicable) {
            if (row.weight || row.score)
                add(Severity::warning, "not-applicable-scored",
                    fmt::format("\"{}\" is marked 不涉及 but carries a weight or a score",
                                row.name),
                    row.span, row.name);
            return;
        }
        ++result.indicator_count;
        if (row.weight && row.weight->value.is_negative()) {
            add(Severity::error, "negative-weight",
                fmt::format("\"{}\" has a negative weight {}", row.name, row.weight->text),
                row.weight->span, row.name, row.weight->value.to_string(), "≥ 0");
            if (row.score && row.score->value.is_negative())
                check_score_range(*row.score, r.weight, row.name, fmt::format("\"{}\"", row.name));
            return; // nothing else can be scored against a negative weight
        }
        if (!row.weight) {
            // A weight that was written but could not be read is already reported.
            if (row.score && !row.weight_written)
                add(Severity::warning, "score-without-weight",
                    fmt::format("\"{}\" has a score but no weight", row.name), row.score->span,
                    row.name);
            return;
        }
        if (!row.score) return;
        const Figure& s = *row.score;
        const std::string what = fmt::format("\"{}\"", row.name);
        check_score_range(s, r.weight, row.name, what);
        switch (r.kind) {
        case RowResult::Kind::exact: {
            if (!matches_at_written_precision(s.value, r.expected(fine))) {
                Decimal shown = r.expected(policy.precision);
                add(Severity::error, "indicator-score-mismatch",
                    fmt::format("\"{}\" reports {} points but the policy gives {}", row.name,
                                s.value.to_string(), show(shown, policy.precision)),
                    s.span, row.name, s.value.to_string(), show(shown, policy.precision))
                    .note(fmt::format("{} = {} × {}", show(shown, policy.precision),
                                      r.weight.to_string(), r.basis));
            }
            break;
        }
        case RowResult::Kind::band: {
            if (s.value < r.band_low || r.band_high < s.value) {
                add(Severity::error, "grade-band-mismatch",
                    fmt::format("\"{}\" reports {} points, outside the band {}–{} for {}", row.name,
                                s.value.to_string(), show(r.band_low), show(r.band_high),
                                r.band_name),
                    s.span, row.name, s.value.to_string(),
                    fmt::format("{}–{}", show(r.band_low), show(r.band_high)))
                    .note(r.basis);
            }
            break;
        }
        default:
            break;
        }
        if (s.value < r.weight && no_reason(row.reason))
            add(Severity::warning, "missing-deviation-reason",
                fmt::format("\"{}\" loses {} of {} points and gives no deviation reason", row.name,
                            (r.weight - s.value).normalized().to_string(), r.weight.to_string()),
                s.span, row.name);
    }

    void budget() {
        BudgetResult& b = result.budget;
        std::optional<Decimal> annual, spent;
        Span where, budget_span;
        const Figure* reported_rate = nullptr;
        const Figure* reported_score = nullptr;
        std::string unit = "万元";
        if (project.funds) {
            const auto& f = *project.funds;
            b.present = true;
            where = f.row_span;
            unit = f.unit_text;
            if (f.annual) {
                annual = f.annual->value;
                budget_span = f.annual->span;
            } else if (f.initial) {
                annual = f.initial->value;
                budget_span = f.initial->span;
            }
            if (f.spent) spent = f.spent->value;
            b.weight = f.weight ? f.weight->value : policy.budget_weight;
            if (f.rate) reported_rate = &*f.rate;
            if (f.score) reported_score = &*f.score;
            if (f.weight && f.score)
                check_score_range(*f.score, f.weight->value, "预算执行率",
                                  "the budget-execution row");
        } else if (project.budget_row) {
            const Row& row = project.rows[*project.budget_row];
            b.present = true;
            where = row.span;
            b.weight = row.weight ? row.weight->value : policy.budget_weight;
            auto first_number = [](const std::optional<Value>& v) -> std::optional<Decimal> {
                if (!v || v->conditions.size() != 1 || !v->conditions[0].low ||
                    v->conditions[0].low->kind != Operand::Kind::quantity ||
                    !v->conditions[0].low->quantity.number)
                    return std::nullopt;
                return v->conditions[0].low->quantity.number->value;
            };
            annual = first_number(row.target);
            spent = first_number(row.actual);
            if (row.score) reported_score = &*row.score;
        }
        if (!b.present || !annual || !spent) return;
        if (annual->is_zero()) {
            add(Severity::error, "zero-budget",
                fmt::format("the budget is 0 {}: the execution rate cannot be computed", unit),
                !budget_span.empty() ? budget_span : where, "预算执行率");
            return;
        }
        b.rate = Fraction{*spent, *annual};
        Decimal cap = policy.budget_rate_cap;
        bool capped = Decimal::mul_div(*spent, one, *annual, fine) >= cap;
        b.score = capped ? Fraction{cap, one} : Fraction{*spent, *annual};
        b.basis = capped ? fmt::format("min({} / {}, {}) × {}", spent->to_string(),
                                       annual->to_string(), show(cap, 4), b.weight.to_string())
                         : fmt::format("{} / {} × {}", spent->to_string(), annual->to_string(),
                                       b.weight.to_string());
        if (reported_rate) {
            Decimal exact_pct = Decimal::mul_div(*spent, hundred, *annual, fine);
            if (!matches_at_written_precision(reported_rate->value, exact_pct))
                add(Severity::error, "budget-rate-mismatch",
                    fmt::format("执行率 is reported as {}% but {} / {} = {}%",
                                reported_rate->value.to_string(), spent->to_string(),
                                annual->to_string(), show(exact_pct, 2)),
                    reported_rate->span, "预算执行率", reported_rate->value.to_string() + "%",
                    show(exact_pct, 2) + "%");
        }
        if (reported_score) {
            Decimal exact = *b.expected();
            if (!matches_at_written_precision(reported_score->value, exact))
                add(Severity::error, "budget-score-mismatch",
                    fmt::format(
                        "the budget-execution row reports {} points but the policy gives {}",
                        reported_score->value.to_string(), show(exact, policy.precision)),
                    reported_score->span, "预算执行率", reported_score->value.to_string(),
                    show(exact, policy.precision))
                    .note(fmt::format("{} = {}", show(exact, policy.precision), b.basis));
        }
    }

    void categories() {
        // Each (level 1, level 2) pair once, in table order, with the last heading written for
        // it: one pass, the names viewed in place.
        struct Pair {
            const Row* row;
            Span span;
        };
        struct KeyHash {
            std::size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
                std::hash<std::string_view> h;
                return h(k.first) * 31 + h(k.second);
            }
        };
        std::vector<Pair> pairs;
        std::unordered_map<std::pair<std::string_view, std::string_view>, std::size_t, KeyHash>
            index;
        for (const auto& row : project.rows) {
            auto [it, fresh] = index.emplace(
                std::pair<std::string_view, std::string_view>(row.level1, row.level2),
                pairs.size());
            if (fresh)
                pairs.push_back({&row, row.level2_span});
            else
                pairs[it->second].span = row.level2_span;
        }
        for (const auto& [row_ptr, span] : pairs) {
            const Row& row = *row_ptr;
            std::string l1 = model::canonical_category(row.level1),
                        l2 = model::canonical_category(row.level2);
            const std::vector<std::string>* children = nullptr;
            for (const auto& [name, kids] : policy.categories)
                if (name == l1) children = &kids;
            if (!children) {
                add(Severity::warning, "unknown-category",
                    fmt::format("\"{}\" is not a level-1 category of the policy", row.level1), span,
                    row.name);
                continue;
            }
            if (std::find(children->begin(), children->end(), l2) != children->end()) continue;
            std::string home;
            for (const auto& [name, kids] : policy.categories)
                if (std::find(kids.begin(), kids.end(), l2) != kids.end()) home = name;
            if (!home.empty())
                add(Severity::warning, "misplaced-category",
                    fmt::format("{} belongs under {}, not under {}", l2, home, l1), span, row.name);
            else {
                auto& d =
                    add(Severity::warning, "unknown-category",
                        fmt::format("\"{}\" is not a level-2 category of the policy", row.level2),
                        span, row.name);
                // The most common slip in published tables: 服务对象满意度标 for
                // 服务对象满意度指标.
                for (const auto& kid : *children)
                    if (kid.rfind(row.level2.substr(0, std::min<std::size_t>(row.level2.size(), 9)),
                                  0) == 0)
                        d.note(fmt::format("did you mean {}?", kid));
            }
        }
    }

    void totals() {
        Decimal weights = zero, scores = zero, recomputed = zero;
        std::vector<std::string> weight_parts, score_parts;
        bool all_scored = true;
        if (project.funds) {
            const auto& f = *project.funds;
            if (f.weight) {
                weights = weights + f.weight->value;
                weight_parts.push_back(f.weight->value.to_string());
            }
            if (f.score) {
                scores = scores + f.score->value;
                score_parts.push_back(f.score->value.to_string());
            } else if (f.weight) {
                all_scored = false;
            }
        }
        if (result.budget.present && result.budget.rate)
            recomputed =
                recomputed + Decimal::mul_div(result.budget.weight, result.budget.score.num,
                                              result.budget.score.den, fine);
        for (const auto& r : result.rows) {
            const Row& row = *r.row;
            if (r.kind == RowResult::Kind::not_applicable) continue;
            if (row.weight) {
                weights = weights + row.weight->value;
                weight_parts.push_back(row.weight->value.to_string());
            }
            // A score counts in the column's sum even when its weight is missing or unreadable.
            if (row.score) {
                scores = scores + row.score->value;
                score_parts.push_back(row.score->value.to_string());
            } else if (row.weight) {
                all_scored = false;
            }
            if (!row.weight) continue;
            bool is_budget = project.budget_row && &project.rows[*project.budget_row] == &row;
            if (is_budget) continue; // counted through the budget result
            if (r.kind == RowResult::Kind::exact)
                recomputed = recomputed + r.expected(fine);
            else if (row.score)
                recomputed =
                    recomputed + Decimal::max(zero, Decimal::min(row.score->value, r.weight));
        }
        result.weight_sum = weights;
        result.reported_score_sum = scores;
        result.recomputed_total = recomputed;
        result.recomputed_grade = policy.grade_for_total(recomputed.rounded(policy.precision));

        auto join = [](const std::vector<std::string>& parts) {
            std::string s;
            for (std::size_t i = 0; i < parts.size(); ++i)
                s += (i ? " + " : "") + parts[i];
            return s;
        };
        if (project.total_weight && !weight_parts.empty() && !project.unreadable_weight &&
            project.total_weight->value != weights)
            add(Severity::error, "total-weight-mismatch",
                fmt::format("总分 分值 is {} but the weights add up to {}",
                            project.total_weight->value.to_string(),
                            weights.normalized().to_string()),
                project.total_weight->span, "总分", project.total_weight->value.to_string(),
                weights.normalized().to_string())
                .note(fmt::format("{} = {}", weights.normalized().to_string(), join(weight_parts)));
        if (!weight_parts.empty() && !project.unreadable_weight && weights != policy.total_weight)
            add(Severity::error, "weights-not-100",
                fmt::format("the weights add up to {}, not {}", weights.normalized().to_string(),
                            policy.total_weight.to_string()),
                project.total_weight ? project.total_weight->span : project.name_span, "总分",
                weights.normalized().to_string(), policy.total_weight.to_string())
                .note(fmt::format("{} = {}", weights.normalized().to_string(), join(weight_parts)));
        if (project.total_score && all_scored && !score_parts.empty() &&
            !project.unreadable_score &&
            !matches_at_written_precision(project.total_score->value, scores))
            add(Severity::error, "total-score-mismatch",
                fmt::format("总分 得分 is {} but the row scores add up to {}",
                            project.total_score->value.to_string(),
                            scores.normalized().to_string()),
                project.total_score->span, "总分", project.total_score->value.to_string(),
                scores.normalized().to_string())
                .note(fmt::format("{} = {}", scores.normalized().to_string(), join(score_parts)));
        if (!policy.level1_split.empty()) {
            std::map<std::string, Decimal> by_level1;
            for (const auto& row : project.rows)
                if (!row.not_applicable && row.weight)
                    by_level1[model::canonical_category(row.level1)] =
                        by_level1[model::canonical_category(row.level1)] + row.weight->value;
            for (const auto& [l1, want] : policy.level1_split) {
                Decimal got = by_level1.count(l1) ? by_level1[l1] : zero;
                if (got != want)
                    add(Severity::warning, "level1-weight-mismatch",
                        fmt::format("{} weighs {} in total; the policy expects {}", l1,
                                    got.to_string(), want.to_string()),
                        project.name_span, l1, got.to_string(), want.to_string());
            }
        }
        if (!project.grade.empty()) {
            Decimal basis = project.total_score ? project.total_score->value : scores;
            std::string want = policy.grade_for_total(basis);
            static const std::map<std::string, std::string> english{
                {"excellent", "优秀"}, {"good", "良好"}, {"fair", "一般"}, {"poor", "较差"}};
            std::string stated = text::nfkc(project.grade);
            if (auto it = english.find(stated); it != english.end()) stated = it->second;
            if (stated != want)
                add(Severity::error, "total-grade-mismatch",
                    fmt::format("等级 is {} but a total of {} is {}", project.grade,
                                basis.to_string(), want),
                    project.grade_span, "等级", project.grade, want);
        }
    }
};

} // namespace

ProjectResult evaluate(const model::Project& project, const Policy& policy) {
    ProjectResult result;
    result.project = &project;
    Evaluator e{project, policy, result};
    // Exact arithmetic has a range (38 digits): figures that push a result past it (a budget of
    // 0.0000000001 spent 99999999999999999 times over) are a finding on the figures involved,
    // never an abort that would take a whole directory's run with it.
    auto guarded = [&](Span span, const std::string& where, auto&& step) {
        try {
            step();
            return true;
        } catch (const std::overflow_error&) {
        } catch (const std::domain_error&) {
        }
        e.add(Severity::error, "figure-too-large",
              fmt::format("the figures of {} are too large to compute with: a result passes the "
                          "{} digits jixiao computes exactly",
                          where, 38),
              span, where);
        return false;
    };
    for (const auto& row : project.rows) {
        RowResult r;
        if (!guarded(row.span, fmt::format("\"{}\"", row.name), [&] { r = e.row_result(row); })) {
            r = RowResult{};
            r.row = &row;
            r.kind = RowResult::Kind::unknown;
        }
        result.rows.push_back(std::move(r));
    }
    guarded(project.funds ? project.funds->row_span : project.name_span, "the budget row",
            [&] { e.budget(); });
    guarded(project.name_span, fmt::format("\"{}\"", project.name), [&] {
        for (std::size_t i = 0; i < result.rows.size(); ++i) {
            if (project.budget_row && *project.budget_row == i) {
                ++result.indicator_count;
                continue;
            }
            e.check_row(result.rows[i]);
        }
        e.categories();
        e.totals();
    });
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.labels.front().span.begin < b.labels.front().span.begin;
                     });
    return result;
}

} // namespace jx::scoring
