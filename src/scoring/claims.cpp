#include "scoring/claims.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "scoring/engine.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::scoring {

using model::Claim;
using model::ClaimKind;

namespace {

// Means are carried to this many places before they are compared at a claim's precision.
constexpr int mean_places = 10;

// What a claim is about, for messages: 评价项目数, 等级 优秀.
std::string subject_of(const Claim& c) {
    return c.kind == ClaimKind::grade ? fmt::format("{} {}", c.keyword, c.grade) : c.keyword;
}

std::string where(const Claim& c) {
    return c.line > 0 ? trf(" (line {})", c.line) : std::string();
}

// Two claims are about the same thing: the same kind (and grade).
bool same_subject(const Claim& a, const Claim& b) {
    return a.kind == b.kind && a.grade == b.grade;
}

Decimal value_of(const Claim& c) {
    return c.kind == ClaimKind::funds ? c.wan : c.figure.value;
}

Diagnostic finding(Severity severity, std::string code, std::string message, const Claim& c,
                   const model::Disclosure& d) {
    Diagnostic f = severity == Severity::error ? make_error(std::move(code), std::move(message))
                   : severity == Severity::warning
                       ? make_warning(std::move(code), std::move(message))
                       : make_note(std::move(code), std::move(message));
    f.label(c.span);
    f.subject.project = d.name;
    f.subject.indicator = subject_of(c);
    f.subject.reported = c.figure.text;
    return f;
}

// 1. One thing stated twice with two figures.
void conflicts(const model::Disclosure& d, std::vector<Diagnostic>& out) {
    for (std::size_t i = 0; i < d.claims.size(); ++i) {
        const Claim& c = d.claims[i];
        for (std::size_t j = 0; j < i; ++j) {
            const Claim& first = d.claims[j];
            if (!same_subject(c, first)) continue;
            if (value_of(c) != value_of(first)) {
                Diagnostic f =
                    finding(Severity::error, "claim-conflict",
                            trf("the disclosure states {} as {}{} and as {}{}", subject_of(c),
                                first.figure.text, where(first), c.figure.text, where(c)),
                            c, d);
                f.label(first.span, tr("stated first here"), false);
                f.subject.expected = first.figure.text;
                out.push_back(std::move(f));
            }
            break; // against the first statement only: a third is compared to the first too
        }
    }
}

// 2. The figures of one sentence (claims sharing a source line) against each other.
void sentence_sums(const model::Disclosure& d, std::vector<Diagnostic>& out) {
    std::vector<int> lines;
    for (const auto& c : d.claims)
        if (c.line > 0 && std::find(lines.begin(), lines.end(), c.line) == lines.end())
            lines.push_back(c.line);
    for (int line : lines) {
        const Claim *evaluated = nullptr, *projects = nullptr, *excluded = nullptr;
        std::vector<const Claim*> grades;
        for (const auto& c : d.claims) {
            if (c.line != line) continue;
            if (c.kind == ClaimKind::evaluated && !evaluated) evaluated = &c;
            if (c.kind == ClaimKind::projects && !projects) projects = &c;
            if (c.kind == ClaimKind::excluded && !excluded) excluded = &c;
            if (c.kind == ClaimKind::grade) grades.push_back(&c);
        }
        if (evaluated && !grades.empty()) {
            Decimal sum;
            std::string terms;
            bool every_grade = true;
            for (const auto& g : vocab::grade_words)
                every_grade = every_grade &&
                              std::any_of(grades.begin(), grades.end(),
                                          [&](const Claim* c) { return c->grade == g.chinese; });
            for (const Claim* g : grades) {
                sum = sum + g->figure.value;
                terms +=
                    fmt::format("{}{} {}", terms.empty() ? "" : " + ", g->grade, g->figure.text);
            }
            const Decimal& count = evaluated->figure.value;
            if ((every_grade && sum != count) || sum > count) {
                Diagnostic f =
                    finding(Severity::error, "claim-sum-mismatch",
                            trf("the grade counts of line {} add up to {} but the same sentence "
                                "counts {} projects evaluated",
                                line, show(sum), evaluated->figure.text),
                            *evaluated, d);
                for (const Claim* g : grades)
                    f.label(g->span, "", false);
                f.note(fmt::format("{} = {}", show(sum), terms));
                if (!every_grade)
                    f.note(tr("the grades the sentence leaves out cannot make the sum smaller"));
                f.subject.expected = show(sum);
                out.push_back(std::move(f));
            }
        }
        if (evaluated && projects && excluded) {
            Decimal both = evaluated->figure.value + excluded->figure.value;
            if (both != projects->figure.value) {
                Diagnostic f =
                    finding(Severity::error, "claim-sum-mismatch",
                            trf("{} projects evaluated and {} not evaluated make {}, but line {} "
                                "counts {} projects",
                                evaluated->figure.text, excluded->figure.text, show(both), line,
                                projects->figure.text),
                            *projects, d);
                f.label(evaluated->span, "", false).label(excluded->span, "", false);
                f.subject.expected = show(both);
                out.push_back(std::move(f));
            }
        }
    }
}

// 3. More projects evaluated than the department has, by its largest count.
void evaluated_within_projects(const model::Disclosure& d, std::vector<Diagnostic>& out) {
    const Claim* most = nullptr;
    for (const auto& c : d.claims)
        if (c.kind == ClaimKind::projects && (!most || c.figure.value > most->figure.value))
            most = &c;
    if (!most) return;
    for (const auto& c : d.claims) {
        if (c.kind != ClaimKind::evaluated || c.figure.value <= most->figure.value) continue;
        // The sentence says its count includes transfer payments: nothing to say.
        if (c.includes_transfers) continue;
        // A warning: a self-evaluation may also cover transfer payments (中央对地方, 市对区转移
        // 支付), which are not budget projects of the department, so more can be evaluated.
        Diagnostic f = finding(Severity::warning, "claim-exceeds-projects",
                               trf("{} projects evaluated{}, but the department has {} "
                                   "projects{}",
                                   c.figure.text, where(c), most->figure.text, where(*most)),
                               c, d);
        f.label(most->span, tr("the department's projects"), false);
        f.note(
            tr("unless the evaluation also covered transfer-payment projects (中央对地方 or 市对区"
               "转移支付), which are not the department's budget projects: the disclosure should "
               "say so"));
        f.subject.expected = most->figure.text;
        out.push_back(std::move(f));
    }
}

std::string grade_breakdown(const TableTally& t) {
    std::string s;
    for (const auto& g : vocab::grade_words) {
        auto it = t.grades.find(std::string(g.chinese));
        s += fmt::format("{}{} {}", s.empty() ? "" : ", ", g.chinese,
                         it == t.grades.end() ? 0 : it->second);
    }
    return s;
}

} // namespace

void TableTally::add(const model::Project& project, const ProjectResult& result,
                     const Policy& policy) {
    ++tables;
    if (!project.unplaced.empty()) not_whole.push_back(project.name);
    std::optional<Decimal> total;
    if (project.total_score)
        total = project.total_score->value;
    else if (!project.damaged && !project.unreadable_score)
        total = result.recomputed_total;
    std::optional<Decimal> budget;
    if (project.funds && project.funds->annual)
        budget = Decimal::mul_div(project.funds->annual->value, project.funds->unit_factor,
                                  Decimal::from_int(10000), Decimal::max_scale)
                     .normalized();
    if (budget) {
        ++with_funds;
        funds_sum = funds_sum + *budget;
    }
    if (!total) return;
    ++with_total;
    ++grades[policy.grade_for_total(*total)];
    score_sum = score_sum + *total;
    if (budget) {
        ++with_budget;
        budget_sum = budget_sum + *budget;
        weighted_sum = weighted_sum + *budget * *total;
    }
}

void TableTally::add(const TableTally& o) {
    tables += o.tables;
    with_total += o.with_total;
    for (const auto& [g, n] : o.grades)
        grades[g] += n;
    score_sum = score_sum + o.score_sum;
    with_budget += o.with_budget;
    budget_sum = budget_sum + o.budget_sum;
    weighted_sum = weighted_sum + o.weighted_sum;
    funds_sum = funds_sum + o.funds_sum;
    with_funds += o.with_funds;
    not_whole.insert(not_whole.end(), o.not_whole.begin(), o.not_whole.end());
}

std::vector<Diagnostic> check_claims(const model::Disclosure& d) {
    std::vector<Diagnostic> out;
    conflicts(d, out);
    sentence_sums(d, out);
    evaluated_within_projects(d, out);
    return out;
}

namespace {

// The one quantity a value states (≥ 4项, 12, 90%), if it states exactly one.
const model::Quantity* sole_quantity(const std::optional<model::Value>& v) {
    if (!v || v->not_applicable || v->conditions.size() != 1) return nullptr;
    const auto& c = v->conditions.front();
    if (c.kind != model::Condition::Kind::measured || c.is_range() || !c.low ||
        c.low->kind != model::Operand::Kind::quantity || !c.low->quantity.number)
        return nullptr;
    return &c.low->quantity;
}

// Whether a results row's completion falls short of its plan. Department tables often give every
// completion as a share (1 = done, 0.8 = four fifths) whatever the plan's unit: in a table whose
// completions all lie in [0, 1], a share below 1 is short. Otherwise a completion in the plan's
// unit is short when it is less (a plan of at most, ≤, is met by less).
bool short_of_plan(const model::Row& row, bool shares) {
    const model::Quantity* plan = sole_quantity(row.target);
    const model::Quantity* done = sole_quantity(row.actual);
    if (!done) return false;
    const Decimal& a = done->number->value;
    if (shares) return a < Decimal::from_int(1);
    if (!plan || done->unit != plan->unit) return false;
    const auto cmp = row.target->conditions.front().stated();
    if (cmp && (*cmp == vocab::Cmp::le || *cmp == vocab::Cmp::lt)) return false;
    return a < plan->number->value;
}

// Every completion of the table is a bare figure in [0, 1].
bool completions_are_shares(const model::DepartmentTable& t) {
    bool any = false;
    for (const auto& r : t.rows) {
        const model::Quantity* done = sole_quantity(r.actual);
        if (!done) continue;
        const Decimal& a = done->number->value;
        if (!done->unit.empty() || a.is_negative() || a > Decimal::from_int(1)) return false;
        any = true;
    }
    return any;
}

} // namespace

std::vector<Diagnostic> check_department_tables(const model::Disclosure& d, const Policy& policy) {
    std::vector<Diagnostic> out;
    for (const auto& t : d.tables) {
        if (t.kind == model::DepartmentTable::Kind::targets) {
            if (d.damaged || t.unreadable_weight || t.rows.empty()) continue;
            Decimal sum;
            std::string terms;
            bool every_weight = true;
            for (const auto& r : t.rows) {
                if (r.not_applicable) continue;
                if (!r.weight) {
                    every_weight = false;
                    break;
                }
                sum = sum + r.weight->value;
                terms += (terms.empty() ? "" : " + ") + r.weight->text;
            }
            if (!every_weight || sum == policy.total_weight) continue;
            Diagnostic f = make_error("department-weight-mismatch",
                                      trf("the weights of {} add up to {}, not {}", t.keyword,
                                          show(sum), show(policy.total_weight)));
            f.label(t.keyword_span);
            f.note(fmt::format("{} = {}", show(sum), terms));
            f.subject.project = d.name;
            f.subject.indicator = t.keyword;
            f.subject.reported = show(sum);
            f.subject.expected = show(policy.total_weight);
            out.push_back(std::move(f));
        } else {
            const bool shares = completions_are_shares(t);
            for (const auto& r : t.rows) {
                if (r.not_applicable || !r.reason.empty() || !short_of_plan(r, shares)) continue;
                Diagnostic f = make_warning(
                    "department-deviation-unexplained",
                    trf("\"{}\" was completed {} against a plan of {}, and no deviation "
                        "reason says why",
                        r.name, r.actual->shown, r.target->shown));
                f.label(r.span);
                f.subject.project = d.name;
                f.subject.indicator = r.name;
                f.subject.reported = r.actual->shown;
                f.subject.expected = r.target->shown;
                out.push_back(std::move(f));
            }
        }
    }
    return out;
}

std::vector<Diagnostic> check_claims_against(const model::Disclosure& d, const TableTally& t,
                                             const Policy& policy) {
    std::vector<Diagnostic> out;
    const Claim* evaluated = nullptr; // the count the tables bear out
    const Claim* stated = nullptr;    // the first count stated, for the note when none does
    for (const auto& c : d.claims) {
        if (c.kind != ClaimKind::evaluated) continue;
        if (!stated) stated = &c;
        if (c.figure.value == Decimal::from_int(static_cast<long long>(t.tables))) evaluated = &c;
    }
    auto needs_tables = [](const Claim& c) {
        return c.kind == ClaimKind::grade || c.kind == ClaimKind::score ||
               c.kind == ClaimKind::funds;
    };
    if (!evaluated) {
        // Recounting from a part of the tables would call true claims wrong: say so, once.
        if (std::none_of(d.claims.begin(), d.claims.end(), needs_tables)) return out;
        Diagnostic f =
            make_note("claim-unverifiable",
                      stated ? trf("the grade, score and funds claims cannot be recomputed: {} "
                                   "project tables are published with the disclosure, for the {} "
                                   "projects it says were evaluated{}",
                                   t.tables, stated->figure.text, where(*stated))
                             : trf("the grade, score and funds claims cannot be recomputed: the "
                                   "disclosure does not say how many projects were evaluated, so "
                                   "the {} tables published with it may not be all of them",
                                   t.tables));
        f.label(d.name_span);
        f.subject.project = d.name;
        out.push_back(std::move(f));
        return out;
    }
    // A claim recomputed from tables that were not read whole cannot be called wrong: say which
    // tables, once.
    if (!t.not_whole.empty()) {
        if (std::none_of(d.claims.begin(), d.claims.end(), needs_tables)) return out;
        std::string names;
        for (std::size_t i = 0; i < t.not_whole.size() && i < 5; ++i)
            names += (i ? tr("; ") : "") + t.not_whole[i];
        if (t.not_whole.size() > 5) names += tr("; …");
        Diagnostic f = make_warning(
            "claim-unverifiable",
            trf("the grade, score and funds claims cannot be recomputed: {} of the {} tables were "
                "not read whole ({}), so a figure recomputed from them is not known",
                t.not_whole.size(), t.tables, names));
        f.label(d.name_span);
        f.subject.project = d.name;
        out.push_back(std::move(f));
        return out;
    }
    const bool all_totals = t.with_total == t.tables;
    for (const auto& c : d.claims) {
        if (!needs_tables(c)) continue;
        if (c.kind == ClaimKind::grade) {
            if (!all_totals) continue; // said by the score claim's note below, if any
            auto it = t.grades.find(c.grade);
            std::size_t n = it == t.grades.end() ? 0 : it->second;
            if (c.figure.value == Decimal::from_int(static_cast<long long>(n))) continue;
            Diagnostic f =
                finding(Severity::error, "claim-not-in-tables",
                        trf("{} projects are stated as {}{}, but {} of the {} tables' totals are "
                            "{}",
                            c.figure.text, c.grade, where(c), n, t.tables, c.grade),
                        c, d);
            f.note(trf("the tables' totals by grade under the policy's bands: {}",
                       grade_breakdown(t)));
            f.subject.expected = std::to_string(n);
            out.push_back(std::move(f));
        } else if (c.kind == ClaimKind::score) {
            if (!all_totals || t.tables == 0) continue;
            Decimal mean = Decimal::divide(
                t.score_sum, Decimal::from_int(static_cast<long long>(t.tables)), mean_places);
            std::optional<Decimal> weighted;
            if (t.with_budget == t.tables && !t.budget_sum.is_zero())
                weighted = Decimal::divide(t.weighted_sum, t.budget_sum, mean_places);
            const bool is_mean = policy.matches(c.figure.value, mean);
            const bool is_weighted = weighted && policy.matches(c.figure.value, *weighted);
            const std::string mean_note = trf("the plain mean of the {} totals: {} / {} = {}",
                                              t.tables, show(t.score_sum), t.tables, show(mean));
            const std::string weighted_note =
                weighted ? trf("the budget-weighted mean: Σ(全年预算数 × 总分) / Σ "
                               "全年预算数 = {} / {} = {}",
                               show(t.weighted_sum, 4), show(t.budget_sum, 6), show(*weighted))
                         : std::string(tr("the budget-weighted mean is unknown: not every table "
                                          "states its 全年预算数"));
            using model::Averaging;
            const bool right = c.averaging == Averaging::weighted ? is_weighted
                               : c.averaging == Averaging::mean   ? is_mean
                                                                  : is_mean || is_weighted;
            if (right) {
                if (c.averaging == Averaging::unstated)
                    out.push_back(
                        finding(Severity::note, "claim-averaging",
                                trf("{} {} is the {} of the tables' totals", c.keyword,
                                    c.figure.text,
                                    is_weighted ? tr("budget-weighted mean") : tr("plain mean")),
                                c, d)
                            .note(is_weighted ? weighted_note : mean_note));
                continue;
            }
            Diagnostic f = finding(Severity::error, "claim-not-in-tables",
                                   trf("{} is stated as {}{}, but the tables' totals give {}",
                                       c.keyword, c.figure.text, where(c),
                                       c.averaging == Averaging::mean || !weighted
                                           ? show(mean)
                                           : trf("{} (weighted by budget)", show(*weighted))),
                                   c, d);
            f.note(mean_note).note(weighted_note);
            if (is_mean) f.note(tr("the stated figure is the plain mean, not the weighted one"));
            if (is_weighted)
                f.note(tr("the stated figure is the weighted mean, not the plain one"));
            out.push_back(std::move(f));
        } else if (c.kind == ClaimKind::funds) {
            if (t.with_funds != t.tables) continue;
            if (t.funds_sum.rounded(c.wan.scale()) == c.wan) continue;
            Diagnostic f =
                finding(Severity::error, "claim-not-in-tables",
                        trf("{} is stated as {}{}, but the tables' 全年预算数 add up to {}万元",
                            c.keyword, c.figure.text, where(c), show(t.funds_sum, 6)),
                        c, d);
            f.subject.expected = show(t.funds_sum, 6) + "万元";
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace jx::scoring
