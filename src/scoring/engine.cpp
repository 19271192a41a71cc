#include "scoring/engine.hpp"

#include "scoring/index_system.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "model/measure_text.hpp"
#include "model/units.hpp"
#include "vocab/vocabulary.hpp"

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

// What a row's deviation reason (偏差原因) says: nothing, nothing of use (无, 见附件, a category's
// name), or a reason.
enum class Reason { none, non_reason, stated };

// What an actual text states about its target (vocab::achievement).
enum class Achievement { unstated, achieved, partly, not_achieved };

Achievement achievement_of(std::string_view text) {
    namespace a = vocab::achievement;
    // Each kind's words, with the stronger statements taken out first: 未完成 is not 完成.
    std::string rest(text);
    auto take = [&](const auto& words) {
        bool found = false;
        for (std::string_view w : words)
            for (std::size_t at; (at = rest.find(w)) != std::string::npos;) {
                rest.replace(at, w.size(), "\x1f");
                found = true;
            }
        return found;
    };
    bool no = take(a::not_achieved);
    bool partly = take(a::partly_achieved);
    bool yes = take(a::achieved);
    if (no && !partly && !yes) return Achievement::not_achieved;
    if (partly && !no && !yes) return Achievement::partly;
    if (yes && !no && !partly) return Achievement::achieved;
    return Achievement::unstated; // mixed or silent: the evaluator's judgement stands
}

struct Evaluator {
    const model::Project& project;
    const Policy& policy;
    ProjectResult& result;

    // Findings that a total's mismatch may follow from: a score above its weight (and by how
    // much), the weight sum's finding.
    struct Excess {
        std::size_t finding;
        Decimal over;
        Decimal score;
    };
    std::vector<Excess> exceeded{};
    std::optional<std::size_t> weight_sum_finding{};
    std::optional<std::size_t> zero_budget_finding{};
    std::vector<std::size_t> missing_scores{}; // missing-score findings, for the total's note
    bool variant_noted = false;
    std::vector<std::string> unknown_level1{}; // level 1s already said to be unknown
    bool reading_text = false;                 // inside a pair read out of a text (read_from_text)

    Diagnostic& add(Severity sev, const char* code, std::string message, Span span,
                    const std::string& indicator, std::string reported = {},
                    std::string expected = {}) {
        Diagnostic d = sev == Severity::error     ? make_error(code, std::move(message))
                       : sev == Severity::warning ? make_warning(code, std::move(message))
                                                  : make_note(code, std::move(message));
        d.label(span);
        d.subject = {project.name, indicator, std::move(reported), std::move(expected)};
        result.findings.push_back(std::move(d));
        return result.findings.back();
    }

    // `effect` follows from `cause` (indices into the findings): one cause, one finding.
    void explain(std::size_t effect, std::size_t cause, std::string note) {
        auto& e = result.findings[effect];
        auto& c = result.findings[cause];
        e.cause = Cause{c.code, c.labels.front().span};
        c.note(std::move(note));
    }

    std::size_t last() const { return result.findings.size() - 1; }

    // A table import did not read whole (未归位): a sum over it could include a cell that was not
    // placed, so what the sums say is reported as a warning that says why, never as an error.
    // The findings of one row stay as they are: their figures were read from the row's own cells.
    static constexpr std::string_view sum_codes[] = {
        "weights-not-100",          "total-weight-mismatch", "total-score-mismatch",
        "category-weight-mismatch", "block-weight-mismatch", "funds-sum-mismatch",
        "total-grade-mismatch"};

    // A table without its 总分 row may stop early (a page missing, a file cut off): the weights
    // of its rows and blocks cannot be taken as complete, so their sums are warnings that say so.
    void cut_short() {
        if (!table_weighted() || project.total_weight || project.total_score) return;
        for (auto& d : result.findings) {
            if (d.severity != Severity::error ||
                (d.code != "weights-not-100" && d.code != "category-weight-mismatch" &&
                 d.code != "block-weight-mismatch"))
                continue;
            d.severity = Severity::warning;
            d.note(tr("the table has no 总分 row: it may stop early (a page missing, a file cut "
                      "off), so the rows after the cut would count in this sum"));
        }
    }

    void uncertain_reading() {
        if (project.unplaced.empty()) return;
        const auto& sums = sum_codes;
        std::string cells;
        for (std::size_t i = 0; i < project.unplaced.size() && i < 3; ++i)
            cells += (i ? tr("; ") : "") +
                     fmt::format("{} \"{}\"", project.unplaced[i].where, project.unplaced[i].text);
        if (project.unplaced.size() > 3) cells += tr("; …");
        std::size_t downgraded = 0;
        for (auto& d : result.findings) {
            if (d.severity != Severity::error ||
                std::find(std::begin(sums), std::end(sums), d.code) == std::end(sums))
                continue;
            d.severity = Severity::warning;
            d.note(trf("uncertain reading: import could not place {} cell(s) of this table ({}), "
                       "and a sum that included them could differ; read the source before "
                       "acting on it",
                       project.unplaced.size(), cells));
            ++downgraded;
        }
        add(Severity::warning, "uncertain-reading",
            trf("the table was not read whole: import could not place {} cell(s) ({}){}",
                project.unplaced.size(), cells,
                downgraded ? trf("; {} finding(s) over its sums are warnings for it", downgraded)
                           : std::string()),
            project.unplaced.front().span, "");
    }

    // What the table as a whole holds, surveyed once before the rows are checked (each row's
    // checks ask): whether it reports scores at all (a table of targets only has none to check),
    // whether it weighs its rows (some row or the budget row has a weight or a score), and
    // whether it reports actual values.
    struct Survey {
        bool scored = false, weighted = false, has_actuals = false;
        // Rows scored, and not one row weighted: a form without a 分值 column.
        std::size_t scored_rows = 0, weighted_rows = 0;
    } survey{};

    void take_survey() {
        survey.scored = project.total_score || (project.funds && project.funds->score);
        survey.weighted = project.funds && project.funds->weight;
        for (const Row& r : project.rows) {
            survey.scored = survey.scored || r.score.has_value();
            survey.weighted = survey.weighted || r.weight_written || r.score_written;
            survey.has_actuals = survey.has_actuals || r.actual.has_value();
            survey.scored_rows += r.score.has_value();
            survey.weighted_rows += r.weight_written;
        }
    }
    bool form_without_weights() const {
        return survey.scored_rows > 0 && survey.weighted_rows == 0;
    }
    bool table_scored() const { return survey.scored; }
    bool table_weighted() const { return survey.weighted; }
    bool table_has_actuals() const { return survey.has_actuals; }

    Reason reason_of(const Row& row) const {
        std::string_view t = text::trim(row.reason);
        if (t.empty()) return Reason::none;
        // Placeholders and category names are short; NFKC shortens a character at most
        // fourfold (𝐀 → A), so a long reason needs no normalising to be told apart.
        if (t.size() > 4 * 32) return Reason::stated;
        std::string n = text::nfkc(t);
        for (const auto& p : policy.reason_placeholders)
            if (text::nfkc(p) == n) return Reason::non_reason;
        std::string c = policy.category(n);
        if (c == policy.category(row.level1) || c == policy.category(row.level2))
            return Reason::non_reason;
        for (const auto& [l1, kids] : policy.categories)
            if (c == l1 || std::find(kids.begin(), kids.end(), c) != kids.end())
                return Reason::non_reason;
        return Reason::stated;
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
            // A measure read out of a text is a reading, not what was written: no finding.
            if (reading_text) return false;
            add(Severity::error, "unit-mismatch",
                trf("the target is in {} ({}) but the actual value is in {} ({})",
                    model::family_name(ta.unit.family), ta.unit.text,
                    model::family_name(aa.unit.family), aa.unit.text),
                a.span, row.name, aa.shown, ta.shown)
                .label(t.span, tr("target"), false);
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
        bool target_met = false;
    };

    // Whether an actual text restates its target: equal but for punctuation, spaces and the
    // particle 了 (起到非常积极的作用 / 起到了非常积极的作用), or the target's whole text inside
    // a longer account of what was done (four characters at least, so that 完成 is not a
    // target restated).
    static bool same_statement(std::string_view target, std::string_view actual) {
        auto core = [](std::string_view t) {
            std::string n = text::nfkc(text::trim(t)), out;
            static constexpr std::string_view dropped[] = {"了", "，", "。", "、", "；", "！"};
            for (std::size_t i = 0; i < n.size();) {
                unsigned char c = static_cast<unsigned char>(n[i]);
                if (c < 0x80) {
                    if (std::isalnum(c)) out += n[i];
                    ++i;
                    continue;
                }
                bool drop = false;
                for (auto d : dropped)
                    if (n.compare(i, d.size(), d) == 0) {
                        i += d.size();
                        drop = true;
                        break;
                    }
                if (!drop) out += n[i++];
            }
            return out;
        };
        std::string t = core(target), a = core(actual);
        if (t.empty()) return false;
        if (t == a) return true;
        constexpr std::size_t four_characters = 4 * 3; // UTF-8 bytes of four CJK characters
        return t.size() >= four_characters && a.find(t) != std::string::npos;
    }

    // A text actual against a target it cannot be measured against: what the text states.
    Outcome text_outcome(const Condition& tc, const Condition& ac) {
        using CK = Condition::Kind;
        if (ac.kind != CK::text) return judgement(tr("a text target: the reported score stands"));
        // A negation or a partial statement wins over a restated target (未完成年度任务
        // restates 完成年度任务 but says it was not done).
        Achievement said = achievement_of(text::nfkc(ac.text));
        bool equal = said != Achievement::not_achieved && said != Achievement::partly &&
                     tc.kind == CK::text && same_statement(tc.text, ac.text);
        if (equal) said = Achievement::achieved;
        Outcome o;
        o.kind = Outcome::Kind::band;
        switch (said) {
        case Achievement::achieved:
            o.band = &policy.achieved;
            o.band_name = "达成";
            o.target_met = true;
            o.basis = equal ? tr("the actual text restates the target: 达成")
                            : tr("the actual text states the target was achieved: 达成");
            return o;
        case Achievement::partly:
            o.band = &policy.partly_achieved;
            o.band_name = "部分达成";
            o.basis = tr("the actual text states the target was partly achieved: 部分达成");
            return o;
        case Achievement::not_achieved:
            o.band = &policy.not_achieved;
            o.band_name = "未达成";
            o.basis = tr("the actual text states the target was not achieved: 未达成");
            return o;
        case Achievement::unstated:
            break;
        }
        return judgement(tr("a text actual value: the reported score stands"));
    }

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
        const std::string ts = t.shown;
        // An actual written with its comparator (完成值 ≥90%) is read as its bound.
        const std::string as = ac.stated() ? trf("{} (the actual {}{} read as its bound)", a.shown,
                                                 vocab::cmp_symbol(*ac.stated()), a.shown)
                                           : a.shown;
        if (tc.is_range()) {
            Amount hi, unused;
            if (!amounts(*tc.high, *ac.low, hi, unused, row)) return {};
            if (t.value <= a.value && a.value <= hi.value)
                return met(trf("{} lies within {}–{}", as, ts, hi.shown));
            // Below the range as a missed ≥, above it as an exceeded ≤, under the same keys.
            if (a.value < t.value) {
                if (t.value.is_zero()) return met("");
                if (policy.below_target == Policy::BelowFormula::zero)
                    return share(zero, one, trf("{} is below {}–{}", as, ts, hi.shown));
                return share(Decimal::max(a.value, zero), t.value, fmt::format("{} / {}", as, ts));
            }
            if (hi.value.is_zero() || policy.above_limit == Policy::AboveFormula::zero)
                return share(zero, one, trf("{} is above {}–{}", as, ts, hi.shown));
            if (policy.above_limit == Policy::AboveFormula::ratio)
                return share(hi.value, a.value, fmt::format("{} / {}", hi.shown, as));
            return share(Decimal::max(hi.value + hi.value - a.value, zero), hi.value,
                         fmt::format("(1 − ({} − {}) / {})", as, hi.shown, hi.shown));
        }
        auto written = tc.stated();
        Cmp cmp = written ? *written : policy.bare_comparator(row.level1, row.level2);
        switch (cmp) {
        case Cmp::ge:
        case Cmp::gt: {
            // An actual equal to a strict bound (> 5 against 5) is met, on either side and under
            // every policy: tables write > and ≥ alike (docs/scoring-policy.md).
            bool ok = cmp == Cmp::ge ? t.value <= a.value : t.value < a.value;
            if (ok || t.value.is_zero())
                return met(trf("{} {} {} is met", as, vocab::cmp_symbol(cmp), ts));
            if (a.value == t.value) return met(trf("{} equals the bound {}", as, ts));
            if (policy.below_target == Policy::BelowFormula::zero)
                return share(zero, one, trf("{} misses {}", as, ts));
            return share(Decimal::max(a.value, zero), t.value, fmt::format("{} / {}", as, ts));
        }
        case Cmp::le:
        case Cmp::lt: {
            bool ok = cmp == Cmp::le ? a.value <= t.value : a.value < t.value;
            if (ok) return met(trf("{} {} {} is met", as, vocab::cmp_symbol(cmp), ts));
            if (a.value == t.value) return met(trf("{} equals the bound {}", as, ts));
            if (t.value.is_zero() || policy.above_limit == Policy::AboveFormula::zero)
                return share(zero, one, trf("{} exceeds {}", as, ts));
            if (policy.above_limit == Policy::AboveFormula::ratio)
                return share(t.value, a.value, fmt::format("{} / {}", ts, as));
            return share(Decimal::max(t.value + t.value - a.value, zero), t.value,
                         fmt::format("max(0, 1 − ({} − {}) / {})", as, ts, ts));
        }
        case Cmp::eq:
            if (a.value == t.value) return met(fmt::format("{} = {}", as, ts));
            if (a.value < t.value)
                return share(Decimal::max(a.value, zero), t.value, fmt::format("{} / {}", as, ts));
            if (policy.over_delivery == Policy::OverDelivery::met)
                return met(trf("{} delivers more than the planned {}: met", as, ts));
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
                return met(trf("{} lies within {}–{}", a.date.text, tc.low->date.text,
                               tc.high->date.text));
            return judgement(
                trf("{} is outside {}–{}", a.date.text, tc.low->date.text, tc.high->date.text));
        }
        Cmp cmp = tc.stated().value_or(Cmp::le); // a date is a deadline unless stated otherwise
        auto t = key(tc.low->date), v = key(a.date);
        bool ok = cmp == Cmp::le   ? v <= t
                  : cmp == Cmp::lt ? v < t
                  : cmp == Cmp::ge ? v >= t
                  : cmp == Cmp::gt ? v > t
                                   : v == t;
        if (ok) return met(trf("{} meets the deadline {}", a.date.text, tc.low->date.text));
        return judgement(trf("{} misses the deadline {}", a.date.text, tc.low->date.text));
    }

    Outcome grade_outcome(const Condition& tc, const Condition& ac, const Row& row) {
        const std::string t = tc.low->word, a = ac.low->word;
        const Scale* scale = policy.scale_with(t, a);
        if (!scale) {
            add(Severity::warning, "unknown-grade",
                trf("no grade scale of the policy holds both {} and {}", t, a), ac.span, row.name,
                a, t);
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
            o.target_met = true;
        } else if (gap == 1) {
            o.band = &policy.partly_achieved;
            o.band_name = "部分达成";
        } else {
            o.band = &policy.not_achieved;
            o.band_name = "未达成";
        }
        o.basis =
            trf("actual grade {} against target {} on {}: {}", a, t, scale->name, o.band_name);
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

    // A pair of which one side was read out of a text: what cannot be compared falls back to
    // what the text states, without a finding of its own.
    Outcome read_from_text(const Condition& tc, const Condition& ac, const Row& row) {
        bool outer = reading_text;
        reading_text = true;
        Outcome o = pair(tc, ac, row);
        reading_text = outer;
        return o;
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
            // A text that states a measure (满意率大于90%) is that measure.
            if (auto measured = model::measure_in_text(tc, model::MeasureSide::target)) {
                std::optional<Condition> actual;
                if (ac.kind == CK::text)
                    actual = model::measure_in_text(ac, model::MeasureSide::actual);
                else if (ac.kind == CK::measured)
                    actual = ac;
                if (actual)
                    if (auto o = read_from_text(*measured, *actual, row);
                        o.kind != Outcome::Kind::unknown)
                        return o;
            }
            return text_outcome(tc, ac);
        }
        if (tc.kind == CK::measured && ac.kind == CK::text) {
            if (auto actual = model::measure_in_text(ac, model::MeasureSide::actual))
                if (auto o = read_from_text(tc, *actual, row); o.kind != Outcome::Kind::unknown)
                    return o;
            return text_outcome(tc, ac);
        }
        if (tc.kind == CK::scale) {
            const Scale* scale = policy.scale_named(tc.scale);
            if (!scale || ac.kind != CK::measured || !ac.low || ac.low->kind != OK::grade ||
                ac.is_range())
                return judgement(tr("a graded target without a grade on its scale"));
            auto it = scale->bands.find(ac.low->word);
            if (it == scale->bands.end()) {
                add(Severity::warning, "unknown-grade",
                    trf("{} is not a grade of the scale {}", ac.low->word, scale->name), ac.span,
                    row.name);
                return {};
            }
            Outcome o;
            o.kind = Outcome::Kind::band;
            o.band = &it->second;
            o.band_name = it->first;
            // The scale's best grade is the target met; a lower grade is a deviation to explain.
            o.target_met = !scale->grades.empty() && scale->grades.front() == it->first;
            o.basis = trf("grade {} on {}", it->first, scale->name);
            return o;
        }
        if (ac.kind == CK::measured && tc.kind == CK::measured && ac.is_range() && tc.is_range() &&
            same_operand(*ac.low, *tc.low) && same_operand(*ac.high, *tc.high))
            return met(tr("the actual period equals the target"));
        if (ac.kind != CK::measured || !ac.low || ac.is_range() || !tc.low)
            return judgement(tr("the actual value is not comparable"));
        OK tk = tc.low->kind, ak = ac.low->kind;
        if ((tk == OK::quantity || tk == OK::budget) && ak == OK::quantity)
            return quantity_outcome(tc, ac, row);
        if (tk == OK::date && ak == OK::date) return date_outcome(tc, ac);
        if (tk == OK::grade && ak == OK::grade) return grade_outcome(tc, ac, row);
        if ((tk == OK::quantity && ak == OK::date) || (tk == OK::date && ak == OK::quantity)) {
            if (reading_text) return {};
            add(Severity::error, "unit-mismatch",
                tr("the target and the actual value are of different kinds (a date and a number)"),
                ac.span, row.name)
                .label(tc.span, tr("target"), false);
            return {};
        }
        return judgement(tr("the actual value is not comparable with the target"));
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
        } else if (acs.size() == 1 && acs[0].kind == Condition::Kind::text && tcs.size() > 1) {
            outcomes.push_back(judgement(tr("a text actual value")));
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
            r.target_met = outcomes[0].target_met;
            return r;
        }
        for (const auto& o : outcomes)
            if (o.kind != Outcome::Kind::fraction) {
                r.kind = RowResult::Kind::judgement;
                r.basis = tr("grades in combined conditions");
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
                r.basis = trf("mean of the conditions ({})", parts);
            } else {
                r.fraction = {least, one};
                r.basis = trf("least of the conditions ({})", parts);
            }
        }
        return r;
    }

    // ---- checks ---------------------------------------------------------------------------

    // Reports a score below 0 or above its weight; returns whether it was above (inflation, which
    // a total's mismatch may follow from).
    bool check_score_range(const Figure& score, const Decimal& weight, const std::string& name,
                           const std::string& what) {
        if (score.value.is_negative()) {
            add(Severity::error, "negative-score",
                trf("{} has a negative score {}", what, score.text), score.span, name,
                score.value.to_string(), "≥ 0");
            return false;
        }
        if (!(weight < score.value)) return false;
        exceeds_weight(score, weight, name, what);
        exceeded.push_back({last(), score.value - weight, score.value});
        return true;
    }

    void exceeds_weight(const Figure& score, const Decimal& weight, const std::string& name,
                        const std::string& what) {
        add(Severity::error, "score-exceeds-weight",
            trf("{} scores {} but its weight is only {}", what, score.value.to_string(),
                weight.to_string()),
            score.span, name, score.value.to_string(), fmt::format("≤ {}", weight.to_string()));
    }

    // A weighted row whose score cell is empty: never an assumed figure.
    void missing_score(Span span, const std::string& name, const std::string& what,
                       const Decimal& weight) {
        add(Severity::error, "missing-score",
            trf("{} has a weight of {} but no score: its 得分 cell is empty", what,
                weight.to_string()),
            span, name, "", fmt::format("0–{}", weight.to_string()));
        missing_scores.push_back(last());
    }

    // A score below what the rules give: a warning, and no finding when a reason is stated.
    void understated(const Row& row, const Figure& s, const std::string& expected,
                     std::string arithmetic) {
        Reason why = reason_of(row);
        if (why == Reason::stated) return;
        auto& d = add(Severity::warning, "score-understated",
                      trf("\"{}\" reports {} points, less than the {} the rules give", row.name,
                          s.value.to_string(), expected),
                      s.span, row.name, s.value.to_string(), expected);
        d.note(std::move(arithmetic));
        d.note(why == Reason::none
                   ? std::string(tr("no deviation reason explains the deduction"))
                   : trf("the deviation reason \"{}\" explains nothing", row.reason));
    }

    void check_row(const RowResult& r) {
        const Row& row = *r.row;
        if (r.kind == RowResult::Kind::not_applicable) {
            if (row.weight || row.score)
                add(Severity::warning, "not-applicable-scored",
                    trf("\"{}\" is marked 不涉及 but carries a weight or a score", row.name),
                    row.span, row.name);
            return;
        }
        ++result.indicator_count;
        if (row.damaged) return; // a syntax error in the row: what it says is known only in part
        if (row.part) return;    // a breakdown of the row above: that row is scored
        if (row.weight && row.weight->value.is_negative()) {
            add(Severity::error, "negative-weight",
                trf("\"{}\" has a negative weight {}", row.name, row.weight->text),
                row.weight->span, row.name, row.weight->value.to_string(), "≥ 0");
            if (row.score && row.score->value.is_negative())
                check_score_range(*row.score, r.weight, row.name, fmt::format("\"{}\"", row.name));
            return; // nothing else can be scored against a negative weight
        }
        if (!row.weight) {
            // A weight that was written but could not be read is already reported.
            // A form without a 分值 column: said once for the table (completeness).
            if (row.score && !row.weight_written && form_without_weights()) return;
            if (row.score && !row.weight_written)
                add(Severity::warning, "score-without-weight",
                    trf("\"{}\" has a score but no weight", row.name), row.score->span, row.name);
            else if (!row.weight_written && !row.score_written && row.target && table_weighted() &&
                     table_scored())
                add(Severity::warning, "missing-weight",
                    trf("\"{}\" has no weight and no score, while the table's other rows "
                        "are weighted and scored",
                        row.name),
                    row.span, row.name);
            return;
        }
        if (!row.score) {
            // An unreadable score is already reported; a table of targets only has no scores.
            if (!row.score_written && table_scored() && !r.weight.is_zero())
                missing_score(row.weight->span, row.name, fmt::format("\"{}\"", row.name),
                              r.weight);
            return;
        }
        const Figure& s = *row.score;
        const std::string what = fmt::format("\"{}\"", row.name);
        bool inflated = check_score_range(s, r.weight, row.name, what);
        if (!row.actual && row.target && !s.value.is_zero() && !s.value.is_negative() &&
            table_has_actuals())
            add(Severity::warning, "missing-actual",
                trf("\"{}\" scores {} of {} but states no 完成值: the score cannot be "
                    "checked",
                    row.name, s.value.to_string(), r.weight.to_string()),
                s.span, row.name);
        bool deduction_judged = false; // a finding below already speaks of the lost points
        switch (r.kind) {
        case RowResult::Kind::exact: {
            Decimal exact = r.expected(fine);
            if (policy.matches(s.value, exact)) break;
            const std::string shown = show(r.expected(policy.precision), policy.precision);
            std::string arithmetic =
                r.fraction.num == r.fraction.den
                    ? trf("{} = the full weight: {}", shown, r.basis)
                    : fmt::format("{} = {} × {}", shown, r.weight.to_string(), r.basis);
            if (exact < s.value) {
                if (inflated) { // the score above its weight is the finding
                    result.findings[exceeded.back().finding].note(
                        trf("the policy gives {}: {}", shown, arithmetic));
                    break;
                }
                add(Severity::error, "indicator-score-mismatch",
                    trf("\"{}\" reports {} points but the policy gives {}", row.name,
                        s.value.to_string(), shown),
                    s.span, row.name, s.value.to_string(), shown)
                    .note(std::move(arithmetic));
            } else {
                understated(row, s, shown, std::move(arithmetic));
                deduction_judged = true;
            }
            break;
        }
        case RowResult::Kind::band: {
            const std::string band = fmt::format("{}–{}", show(r.band_low), show(r.band_high));
            if (r.band_high < s.value) {
                if (inflated) {
                    result.findings[exceeded.back().finding].note(
                        trf("{}: the band is {}", r.basis, band));
                    break;
                }
                add(Severity::error, "grade-band-mismatch",
                    trf("\"{}\" reports {} points, above the band {} for {}", row.name,
                        s.value.to_string(), band, r.band_name),
                    s.span, row.name, s.value.to_string(), band)
                    .note(r.basis);
            } else if (s.value < r.band_low) {
                understated(row, s, band, trf("{}: the band is {}", r.basis, band));
                deduction_judged = true;
            }
            // Inside the band the score is the evaluator's call; points lost there still want a
            // reason (below).
            break;
        }
        default:
            break;
        }
        if (deduction_judged || inflated || !(s.value < r.weight)) return;
        Reason why = reason_of(row);
        const std::string lost = (r.weight - s.value).normalized().to_string();
        if (why == Reason::none)
            add(Severity::warning, "missing-deviation-reason",
                trf("\"{}\" loses {} of {} points and gives no deviation reason", row.name, lost,
                    r.weight.to_string()),
                s.span, row.name);
        else if (why == Reason::non_reason)
            add(Severity::warning, "non-reason",
                trf("\"{}\" loses {} of {} points; its deviation reason \"{}\" explains "
                    "nothing",
                    row.name, lost, r.weight.to_string(), row.reason),
                s.span, row.name);
    }

    void budget() {
        BudgetResult& b = result.budget;
        std::optional<Decimal> annual, spent, initial;
        Span where, budget_span;
        const Figure* reported_rate = nullptr;
        const Figure* reported_score = nullptr;
        bool inflated = false;
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
            if (f.initial) initial = f.initial->value;
            if (f.spent) spent = f.spent->value;
            b.weight = f.weight ? f.weight->value : policy.budget_weight;
            if (f.rate) reported_rate = &*f.rate;
            if (f.score) reported_score = &*f.score;
            if (f.weight && f.score)
                inflated = check_score_range(*f.score, f.weight->value, "预算执行率",
                                             tr("the budget-execution row"));
            // A sub-row (当年财政拨款 …) is not scored, but a score written on it above its own
            // weight is inflation all the same (not counted in the total, so not in `exceeded`).
            // A sub-row that only repeats the total row's 分值 and 得分 is the same figure
            // copied: a note on the total row's finding, not a second finding.
            for (const auto& sub : f.rows) {
                if (sub.kind == model::FundKind::total || !sub.weight || !sub.score ||
                    !(sub.weight->value < sub.score->value))
                    continue;
                if (inflated && sub.weight->value == f.weight->value &&
                    sub.score->value == f.score->value) {
                    result.findings[exceeded.back().finding].note(
                        trf("the {} row repeats the same 分值 {} and 得分 {}", sub.name,
                            sub.weight->text, sub.score->text));
                    continue;
                }
                exceeds_weight(*sub.score, sub.weight->value, "预算执行率",
                               trf("the {} row", sub.name));
            }
            // A sub-row's own 执行率 against its own amounts (当年财政拨款 31.6 / 31.6 reported as
            // 80%), when it differs from the total row's figures (a copy is checked there).
            for (const auto& sub : f.rows) {
                if (sub.kind == model::FundKind::total || !sub.rate || !sub.annual_amount ||
                    !sub.spent_amount || sub.annual_amount->is_zero())
                    continue;
                Decimal pct =
                    Decimal::mul_div(*sub.spent_amount, hundred, *sub.annual_amount, fine);
                if (policy.matches(sub.rate->value, pct)) continue;
                add(Severity::error, "budget-rate-mismatch",
                    trf("the {} row reports 执行率 {}% but {} / {} = {}%", sub.name,
                        sub.rate->value.to_string(), sub.spent->text, sub.annual->text,
                        show(pct, 2)),
                    sub.rate->span, "预算执行率", sub.rate->value.to_string() + "%",
                    show(pct, 2) + "%");
            }
            // A sub-row that states its own 分值 and 得分 (部门整体 tables: 基本支出 | … | 10 | 10)
            // is scored like the total row, on its own amounts; a copy of the total row's figures
            // is checked there.
            for (const auto& sub : f.rows) {
                // The budget the rate is taken on: 全年预算数, else 年初预算数 (as the total's).
                const auto& base = sub.annual_amount ? sub.annual_amount : sub.initial_amount;
                const auto& base_figure = sub.annual ? sub.annual : sub.initial;
                if (sub.kind == model::FundKind::total || !sub.weight || !sub.score || !base ||
                    !sub.spent_amount || base->is_zero() || sub.score->value > sub.weight->value)
                    continue;
                const auto& total_base = f.annual ? f.annual : f.initial;
                if (total_base && f.spent && *base == total_base->value &&
                    sub.spent_amount == f.spent->value)
                    continue;
                Decimal share = Decimal::min(Decimal::divide(*sub.spent_amount, *base, fine),
                                             policy.budget_rate_cap);
                Decimal want = Decimal::mul_div(sub.weight->value, share, one, fine);
                if (policy.matches(sub.score->value, want)) continue;
                const bool above = want < sub.score->value;
                const std::string shown = show(want, policy.precision);
                add(above ? Severity::error : Severity::warning,
                    above ? "budget-score-mismatch" : "score-understated",
                    trf("the {} row reports {} points but its own execution gives {}", sub.name,
                        sub.score->text, shown),
                    sub.score->span, "预算执行率", sub.score->text, shown)
                    .note(
                        fmt::format("{} = {}", shown,
                                    trf("min({} / {}, {}) × {}", sub.spent->text, base_figure->text,
                                        show(policy.budget_rate_cap, 4), sub.weight->text)));
            }
            if (f.weight && !f.score && !f.score_written && !f.weight->value.is_zero() &&
                table_scored())
                missing_score(f.weight->span, "预算执行率", tr("the budget-execution row"),
                              f.weight->value);
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
            if (row.weight && row.score)
                inflated = check_score_range(*row.score, row.weight->value, "预算执行率",
                                             tr("the budget-execution row"));
            if (row.weight && !row.score && !row.score_written && !row.weight->value.is_zero() &&
                table_scored())
                missing_score(row.weight->span, "预算执行率", tr("the budget-execution row"),
                              row.weight->value);
        }
        if (!b.present || !annual || !spent) return;
        if (annual->is_zero()) {
            add(Severity::error, "zero-budget",
                trf("the budget is 0 {}: the execution rate cannot be computed", unit),
                !budget_span.empty() ? budget_span : where, "预算执行率");
            zero_budget_finding = last();
            return;
        }
        b.rate = Fraction{*spent, *annual};
        Decimal cap = policy.budget_rate_cap;
        auto capped_share = [&](const Decimal& rate) { return Decimal::min(rate, cap); };
        bool capped = Decimal::mul_div(*spent, one, *annual, fine) >= cap;
        b.score = capped ? Fraction{cap, one} : Fraction{*spent, *annual};
        b.basis = capped ? trf("min({} / {}, {}) × {}", spent->to_string(), annual->to_string(),
                               show(cap, 4), b.weight.to_string())
                         : fmt::format("{} / {} × {}", spent->to_string(), annual->to_string(),
                                       b.weight.to_string());
        std::optional<std::size_t> rate_finding;
        if (reported_rate) {
            Decimal exact_pct = Decimal::mul_div(*spent, hundred, *annual, fine);
            if (!policy.matches(reported_rate->value, exact_pct)) {
                auto& d = add(Severity::error, "budget-rate-mismatch",
                              trf("执行率 is reported as {}% but {} / {} = {}%",
                                  reported_rate->value.to_string(), spent->to_string(),
                                  annual->to_string(), show(exact_pct, 2)),
                              reported_rate->span, "预算执行率",
                              reported_rate->value.to_string() + "%", show(exact_pct, 2) + "%");
                rate_finding = last();
                // A rate taken against the wrong budget column is the common slip: say so.
                if (initial && !initial->is_zero() && *initial != *annual) {
                    Decimal against_initial = Decimal::mul_div(*spent, hundred, *initial, fine);
                    if (policy.matches(reported_rate->value, against_initial))
                        d.note(trf("{}% is {} / {}, against 年初预算数; the execution "
                                   "rate is taken against 全年预算数",
                                   reported_rate->value.to_string(), spent->to_string(),
                                   initial->to_string()));
                }
            }
        }
        if (!reported_score) return;
        Decimal exact = *b.expected();
        if (policy.matches(reported_score->value, exact)) return;
        const std::string shown = show(exact, policy.precision);
        const std::string arithmetic = fmt::format("{} = {}", shown, b.basis);
        if (inflated) { // the score above its weight is the finding
            result.findings[exceeded.back().finding].note(
                trf("the policy gives {}: {}", shown, arithmetic));
            return;
        }
        bool above = exact < reported_score->value;
        auto& d = add(above ? Severity::error : Severity::warning,
                      above ? "budget-score-mismatch" : "score-understated",
                      above ? trf("the budget-execution row reports {} points but the "
                                  "policy gives {}",
                                  reported_score->value.to_string(), shown)
                            : trf("the budget-execution row reports {} points, less than "
                                  "the {} the rules give",
                                  reported_score->value.to_string(), shown),
                      reported_score->span, "预算执行率", reported_score->value.to_string(), shown);
        d.note(arithmetic);
        // A score that follows the reported rate follows from the rate's finding.
        if (rate_finding) {
            Decimal by_rate = Decimal::mul_div(
                b.weight, capped_share(Decimal::divide(reported_rate->value, hundred, fine)), one,
                fine);
            if (policy.matches(reported_score->value, by_rate))
                explain(last(), *rate_finding,
                        trf("the score {} follows this rate: {} × {}%",
                            reported_score->value.to_string(), b.weight.to_string(),
                            reported_rate->value.to_string()));
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
            auto [it, fresh] =
                index.emplace(std::pair<std::string_view, std::string_view>(row.level1, row.level2),
                              pairs.size());
            if (fresh)
                pairs.push_back({&row, row.level2_span});
            else
                pairs[it->second].span = row.level2_span;
        }
        for (const auto& [row_ptr, span] : pairs) {
            const Row& row = *row_ptr;
            std::string l1 = policy.category(row.level1), l2 = policy.category(row.level2);
            // A template's own misspelling (服务对象满意度标) is known: one note, not a warning
            // per table.
            for (const std::string* written : {&row.level1, &row.level2}) {
                std::string canonical = model::canonical_category(*written);
                if (variant_noted || policy.category(*written) == canonical) continue;
                add(Severity::note, "category-variant",
                    trf("\"{}\" is read as {}, as published templates misspell it", *written,
                        policy.category(*written)),
                    written == &row.level2 ? span : row.span, row.name);
                variant_noted = true;
            }
            const std::vector<std::string>* children = nullptr;
            for (const auto& [name, kids] : policy.categories)
                if (name == l1) children = &kids;
            if (!children) {
                // Once for a level 1, not once for each of its level 2s.
                if (std::find(unknown_level1.begin(), unknown_level1.end(), row.level1) ==
                    unknown_level1.end()) {
                    unknown_level1.push_back(row.level1);
                    add(Severity::warning, "unknown-category",
                        trf("\"{}\" is not a level-1 category of the policy", row.level1), span,
                        row.name);
                }
                continue;
            }
            if (std::find(children->begin(), children->end(), l2) != children->end()) continue;
            std::string home;
            for (const auto& [name, kids] : policy.categories)
                if (std::find(kids.begin(), kids.end(), l2) != kids.end()) home = name;
            if (!home.empty())
                add(Severity::warning, "misplaced-category",
                    trf("{} belongs under {}, not under {}", l2, home, l1), span, row.name);
            else {
                auto& d = add(Severity::warning, "unknown-category",
                              trf("\"{}\" is not a level-2 category of the policy", row.level2),
                              span, row.name);
                // The most common slip in published tables: 服务对象满意度标 for
                // 服务对象满意度指标.
                for (const auto& kid : *children)
                    if (kid.rfind(row.level2.substr(0, std::min<std::size_t>(row.level2.size(), 9)),
                                  0) == 0) {
                        d.note(trf("did you mean {}?", kid));
                        // The category meant, for tools that rename it (the language server).
                        if (d.subject.expected.empty()) {
                            d.subject.reported = row.level2;
                            d.subject.expected = kid;
                        }
                    }
            }
        }
    }

    static std::string join(const std::vector<std::string>& parts) {
        std::string s;
        for (std::size_t i = 0; i < parts.size(); ++i)
            s += (i ? " + " : "") + parts[i];
        return s;
    }

    void totals() {
        Decimal weights = zero, scores = zero, recomputed = zero;
        std::vector<std::string> weight_parts, score_parts;
        bool all_scored = true, unweighted_scores = false;
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
            // A score without a weight: a form without a 分值 column (Hubei's 20/80 form) leaves
            // the weights' sum unknown.
            if (row.score && !row.weight) unweighted_scores = true;
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
        // A syntax error left rows unread: the table's sums are unknowable, and a mismatch would
        // only repeat the syntax error.
        if (project.damaged) return;
        const std::string weights_shown = weights.normalized().to_string();
        const std::string scores_shown = scores.normalized().to_string();
        const bool weights_known =
            !weight_parts.empty() && !project.unreadable_weight && !unweighted_scores;

        // The weight sum: once, against the stated 总分 分值 when there is one, else the policy.
        if (weights_known && project.total_weight && project.total_weight->value != weights) {
            auto& d = add(Severity::error, "total-weight-mismatch",
                          trf("总分 分值 is {} but the weights add up to {}",
                              project.total_weight->value.to_string(), weights_shown),
                          project.total_weight->span, "总分",
                          project.total_weight->value.to_string(), weights_shown);
            d.note(fmt::format("{} = {}", weights_shown, join(weight_parts)));
            if (project.total_weight->value != policy.total_weight &&
                weights != policy.total_weight)
                d.note(
                    trf("and the policy's weights add up to {}", policy.total_weight.to_string()));
            weight_sum_finding = last();
        } else if (weights_known && weights != policy.total_weight) {
            add(Severity::error, "weights-not-100",
                trf("the weights add up to {}, not {}", weights_shown,
                    policy.total_weight.to_string()),
                project.total_weight ? project.total_weight->span : project.name_span, "总分",
                weights_shown, policy.total_weight.to_string())
                .note(fmt::format("{} = {}", weights_shown, join(weight_parts)));
            weight_sum_finding = last();
        }

        if (project.total_score && all_scored && !score_parts.empty() &&
            !project.unreadable_score && !policy.matches(project.total_score->value, scores)) {
            const Decimal& total = project.total_score->value;
            auto& d = add(Severity::error, "total-score-mismatch",
                          trf("总分 得分 is {} but the row scores add up to {}", total.to_string(),
                              scores_shown),
                          project.total_score->span, "总分", total.to_string(), scores_shown);
            d.note(fmt::format("{} = {}", scores_shown, join(score_parts)));
            total_follows(last(), total, scores, weights);
        } else if (project.total_score && !all_scored && !project.unreadable_score) {
            // The total beside an empty score cell: what it leaves for the missing score.
            if (missing_scores.size() == 1 && !score_parts.empty()) {
                Decimal left = project.total_score->value - scores;
                result.findings[missing_scores.front()].note(
                    trf("总分 得分 is {}; the other scores add up to {}, which leaves {}",
                        project.total_score->value.to_string(), scores_shown,
                        left.normalized().to_string()));
            }
        }
        stated_weights();
        completeness();
        funds_sums();
        budget_weight();
        if (!policy.level1_split.empty()) {
            auto by_level1 = weights_by_level1();
            for (const auto& [l1, want] : policy.level1_split) {
                Decimal got = by_level1.count(l1) ? by_level1[l1] : zero;
                if (got != want)
                    add(Severity::warning, "level1-weight-mismatch",
                        trf("{} weighs {} in total; the policy expects {}", l1, got.to_string(),
                            want.to_string()),
                        project.name_span, l1, got.to_string(), want.to_string());
            }
        }
        if (!project.grade.empty()) {
            Decimal basis = project.total_score ? project.total_score->value : scores;
            std::string want = policy.grade_for_total(basis);
            std::string stated(vocab::chinese_grade(text::nfkc(project.grade)));
            if (stated != want)
                add(Severity::error, "total-grade-mismatch",
                    trf("等级 is {} but a total of {} is {}", project.grade, basis.to_string(),
                        want),
                    project.grade_span, "等级", project.grade, want);
        }
    }

    // The weights of the rows under each level 1, by the policy's name for it.
    std::map<std::string, Decimal> weights_by_level1() const {
        std::map<std::string, Decimal> by_level1;
        for (const auto& row : project.rows)
            if (!row.not_applicable && row.weight)
                by_level1[policy.category(row.level1)] =
                    by_level1[policy.category(row.level1)] + row.weight->value;
        return by_level1;
    }

    // The budget row weighing other than the policy's (10 by 财预〔2020〕10号): its points were
    // taken from (or given to) the indicator blocks — a warning, naming the block when the policy
    // splits the points by level 1.
    void budget_weight() {
        if (!project.funds || !project.funds->weight) return;
        const Figure& w = *project.funds->weight;
        if (w.value == policy.budget_weight) return;
        auto& d = add(Severity::warning, "budget-weight-mismatch",
                      trf("the budget-execution row weighs {} where the policy gives it {}", w.text,
                          policy.budget_weight.to_string()),
                      w.span, "预算执行率", w.value.to_string(), policy.budget_weight.to_string());
        const Decimal moved = w.value - policy.budget_weight;
        auto by_level1 = weights_by_level1();
        for (const auto& [l1, want] : policy.level1_split) {
            Decimal got = by_level1.count(l1) ? by_level1[l1] : zero;
            if (want - got == moved)
                d.note(trf("{} weighs {} where the policy gives it {}: the points the budget row "
                           "took",
                           l1, got.to_string(), want.to_string()));
        }
    }

    // A total's mismatch that follows from a row's finding is that finding's note, not a second
    // error: a score above its weight counted at its weight in the total, or the total
    // written against the weights the table should have.
    void total_follows(std::size_t total_finding, const Decimal& total, const Decimal& scores,
                       const Decimal& weights) {
        Decimal over = zero;
        for (const auto& e : exceeded)
            over = over + e.over;
        const std::string total_shown = total.to_string();
        const std::string scores_shown = scores.normalized().to_string();
        if (!exceeded.empty() && policy.matches(total, scores - over)) {
            for (const auto& e : exceeded)
                explain(total_finding, e.finding,
                        trf("总分 得分 {} counts this score at its weight; the row scores "
                            "add up to {} with it",
                            total_shown, scores_shown));
            return;
        }
        if (!weight_sum_finding || !project.total_weight) return;
        Decimal gap = weights - project.total_weight->value;
        if (gap.is_zero()) return;
        const std::string gap_shown = Decimal::max(gap, zero - gap).normalized().to_string();
        if (!exceeded.empty() && policy.matches(total, scores - over - gap)) {
            explain(total_finding, exceeded.front().finding,
                    trf("总分 得分 {} counts this score at its weight, and is off the row "
                        "scores by the same {} as 总分 分值 is off the weights",
                        total_shown, gap_shown));
            return;
        }
        if (policy.matches(total, scores - gap))
            explain(total_finding, *weight_sum_finding,
                    trf("总分 得分 {} is off the row scores ({}) by the same {} as 总分 "
                        "分值 is off the weights",
                        total_shown, scores_shown, gap_shown));
    }

    // Points a category's label states (产出指标(50分)) against the weights of its rows.
    void stated_weights() {
        for (const auto& sw : project.stated_weights) {
            const std::string cat = policy.category(sw.category);
            const std::string parent = sw.level1.empty() ? "" : policy.category(sw.level1);
            Decimal sum = zero;
            std::vector<std::string> parts;
            bool unreadable = false;
            for (const auto& row : project.rows) {
                bool under = parent.empty() ? policy.category(row.level1) == cat
                                            : policy.category(row.level1) == parent &&
                                                  policy.category(row.level2) == cat;
                if (!under || row.not_applicable) continue;
                if (row.weight_written && !row.weight) unreadable = true;
                if (!row.weight) continue;
                sum = sum + row.weight->value;
                parts.push_back(row.weight->value.to_string());
            }
            if (unreadable || parts.empty() || sum == sw.points.value) continue;
            add(Severity::error, "category-weight-mismatch",
                trf("{} states {} points but its rows' weights add up to {}", sw.category,
                    sw.points.text, sum.normalized().to_string()),
                sw.span, sw.category, sw.points.text, sum.normalized().to_string())
                .note(fmt::format("{} = {}", sum.normalized().to_string(), join(parts)));
        }
    }

    // A table that stops early: no 总分 row, or a level-1 category the policy requires is absent.
    // A warning: what an early stop breaks in the arithmetic (the weights' sum) is an error of
    // its own, while the template's completeness is a rule of form.
    void completeness() {
        if (project.rows.empty()) return; // a table without indicators is reported where read
        // A list of targets alone (绩效目标, no actuals, weights or scores) is not a 自评表.
        if (!table_weighted() && !table_scored() && !table_has_actuals()) return;
        std::vector<std::string> missing;
        for (const auto& required : policy.required_level1) {
            const std::string want = policy.category(required);
            const std::vector<std::string>* kids = nullptr;
            for (const auto& [l1, children] : policy.categories)
                if (l1 == want) kids = &children;
            // Older templates put 服务对象满意度指标 under 效益指标: its level 2 counts.
            bool present = std::any_of(project.rows.begin(), project.rows.end(), [&](const Row& r) {
                if (policy.category(r.level1) == want) return true;
                return kids && std::find(kids->begin(), kids->end(), policy.category(r.level2)) !=
                                   kids->end();
            });
            if (!present) missing.push_back(want);
        }
        // A table of another framework (the older 项目决策 / 项目管理 / 项目绩效, a 部门整体
        // table's 管理指标): none of its level 1s is the policy's, so the policy's blocks are not
        // missing from it — it has others.
        const bool other_framework =
            std::none_of(project.rows.begin(), project.rows.end(), [&](const Row& r) {
                const std::string c = policy.category(r.level1);
                return std::any_of(policy.categories.begin(), policy.categories.end(),
                                   [&](const auto& l1) { return l1.first == c; });
            });
        if (!missing.empty() && !other_framework) {
            std::string names;
            for (const auto& m : missing)
                names += (names.empty() ? "" : "、") + m;
            add(Severity::warning, "incomplete-table",
                trf("the table has no {} rows, which the policy requires", names),
                project.name_span, project.name);
        }
        // Weights but not one score (no row, no budget row, no 总分): a self-evaluation
        // published unfilled, or a plan. Each row's missing score is not reported then (that
        // would be one finding a row for one cause): this one says it for the table.
        if (table_weighted() && !table_scored())
            add(Severity::warning, "table-not-scored",
                tr("the table weighs its rows but states no score, in no row and not in 总分: a "
                   "self-evaluation left unfilled, or a plan"),
                project.name_span, project.name);
        if (form_without_weights())
            add(Severity::warning, "score-without-weight",
                trf("{} rows are scored but not one states a weight (a form without a 分值 "
                    "column): their scores cannot be held to their points",
                    survey.scored_rows),
                project.name_span, project.name);
        // A table of targets only (no weights, no scores) has no total to state.
        if (table_weighted() && !project.total_weight && !project.total_score)
            add(Severity::warning, "incomplete-table", tr("the table has no 总分 row"),
                project.name_span, project.name);
    }

    // 年度资金总额 against its sub-rows (当年财政拨款 + 上年结转资金 + 其他资金), column by column.
    void funds_sums() {
        if (!project.funds) return;
        const auto& rows = project.funds->rows;
        const model::FundRow* total = nullptr;
        for (const auto& r : rows)
            if (r.kind == model::FundKind::total) total = &r;
        if (!total) return;
        // By source (当年财政拨款 + 上年结转资金 + 其他资金 …), then by spending (基本支出 +
        // 项目支出).
        funds_partition(*total, false);
        funds_partition(*total, true);
    }

    void funds_partition(const model::FundRow& total_row, bool spending) {
        const auto& rows = project.funds->rows;
        const model::FundRow* total = &total_row;
        struct Column {
            const char* name;
            std::optional<Decimal> model::FundRow::*amount;
            std::optional<Figure> model::FundRow::*figure;
        };
        const Column columns[] = {
            {"年初预算数", &model::FundRow::initial_amount, &model::FundRow::initial},
            {"全年预算数", &model::FundRow::annual_amount, &model::FundRow::annual},
            {"全年执行数", &model::FundRow::spent_amount, &model::FundRow::spent}};
        // One finding for the row: its columns are one slip (a total row left at 0).
        std::vector<std::string> written, sums, notes;
        std::optional<Span> first;
        bool budget_column = false; // the column the rate is taken on
        for (const auto& c : columns) {
            const auto& want = total->*c.amount;
            if (!want) continue;
            Decimal sum = zero;
            std::vector<std::string> parts;
            for (const auto& r : rows) {
                if (r.kind == model::FundKind::total || !(r.*c.amount) ||
                    (r.kind == model::FundKind::spending) != spending)
                    continue;
                sum = sum + *(r.*c.amount);
                parts.push_back(fmt::format("{} {}", r.name, (r.*c.figure)->text));
            }
            // Either side may be the rounded one (52.096512 against a row of 52.09651).
            if (parts.empty() || policy.matches(*want, sum) || policy.matches(sum, *want)) continue;
            const Figure& shown = *(total->*c.figure);
            if (!first) first = shown.span;
            written.push_back(fmt::format("{} {}", c.name, shown.text));
            sums.push_back(sum.normalized().to_string());
            notes.push_back(
                fmt::format("{}: {} = {}", c.name, sum.normalized().to_string(), join(parts)));
            budget_column |= c.figure == &model::FundRow::annual ||
                             (c.figure == &model::FundRow::initial && !total->annual);
        }
        if (!first) return;
        std::string joined_written, joined_sums;
        for (std::size_t i = 0; i < written.size(); ++i) {
            joined_written += (i ? ", " : "") + written[i];
            joined_sums += (i ? " / " : "") + sums[i];
        }
        auto& d = add(
            Severity::error, "funds-sum-mismatch",
            trf("{} has {} but its rows add up to {}", total->name, joined_written, joined_sums),
            *first, "年度资金总额", joined_written, joined_sums);
        for (auto& n : notes)
            d.note(std::move(n));
        if (zero_budget_finding && budget_column)
            explain(*zero_budget_finding, last(),
                    tr("the execution rate cannot be computed on this total; its rows give the "
                       "budget"));
    }
};

} // namespace

ProjectResult evaluate(const model::Project& project, const Policy& policy) {
    ProjectResult result;
    result.project = &project;
    result.policy = &policy;
    Evaluator e{project, policy, result};
    e.take_survey();
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
              trf("the figures of {} are too large to compute with: a result passes the "
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
    guarded(project.funds ? project.funds->row_span : project.name_span, tr("the budget row"),
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
    e.cut_short();
    e.uncertain_reading();
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.labels.front().span.begin < b.labels.front().span.begin;
                     });
    for (auto& d : check_index_system(project))
        result.findings.push_back(std::move(d));
    return result;
}

} // namespace jx::scoring
