#include "driver/score_table.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/check.hpp"
#include "driver/status.hpp"
#include "model/lower.hpp"
#include "syntax/parser.hpp"

namespace jx::driver {
namespace {

using scoring::RowResult;
using scoring::show;

std::string pad(const std::string& s, int width) {
    return s +
           std::string(static_cast<std::size_t>(std::max(0, width - text::display_width(s))), ' ');
}

// A spec's text on one line of the terminal: line breaks as spaces, any other control character
// escaped (a name may hold an ESC written as \u{1b}).
std::string one_line(std::string s, std::size_t max_points = 24) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    s = text::for_terminal(s);
    if (text::code_point_count(s) <= max_points) return s;
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < max_points - 1) {
        text::next_code_point(s, i);
        ++n;
    }
    return s.substr(0, i) + "…";
}

} // namespace

std::string render_score_table(const scoring::ProjectResult& r, const scoring::Policy& policy) {
    const auto& p = *r.project;
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"一级指标", "二级指标", "三级指标", "分值", "得分", "重算", "", "依据"});
    const int places = policy.precision;
    if (r.budget.present && p.funds) {
        const auto& f = *p.funds;
        auto expected = r.budget.expected();
        std::string recomputed = expected ? show(*expected, places) : "?";
        std::string reported = f.score ? f.score->value.to_string() : "";
        rows.push_back({"预算执行率", "", "执行率", r.budget.weight.to_string(), reported,
                        recomputed,
                        (f.score && expected && !r.matches(f.score->value, *expected)) ? "≠" : "",
                        r.budget.basis});
    }
    std::string last1, last2;
    for (const auto& row : r.rows) {
        const auto& m = *row.row;
        std::string l1 = m.level1 == last1 ? "" : m.level1;
        std::string l2 = (m.level1 == last1 && m.level2 == last2) ? "" : m.level2;
        last1 = m.level1;
        last2 = m.level2;
        std::string weight = m.weight ? m.weight->value.to_string() : "";
        std::string score = m.score ? m.score->value.to_string() : "";
        std::string recomputed, mark, basis;
        switch (row.kind) {
        case RowResult::Kind::not_applicable:
            basis = "不涉及";
            break;
        case RowResult::Kind::unweighted:
            basis = tr("no weight");
            break;
        case RowResult::Kind::exact:
            recomputed = show(row.expected(), places);
            if (m.score && !r.matches(m.score->value, row.expected())) mark = "≠";
            basis = row.basis;
            break;
        case RowResult::Kind::band:
            recomputed = show(row.band_low) + "–" + show(row.band_high);
            if (m.score && (m.score->value < row.band_low || row.band_high < m.score->value))
                mark = "≠";
            basis = row.basis;
            break;
        case RowResult::Kind::judgement:
            recomputed = score;
            basis = row.basis;
            break;
        case RowResult::Kind::unknown:
            basis = tr("target or actual missing");
            break;
        }
        rows.push_back({one_line(l1, 10), one_line(l2, 10), one_line(m.name), weight, score,
                        recomputed, mark, one_line(basis, 40)});
    }
    std::string total_weight = p.total_weight ? p.total_weight->value.to_string() : "";
    std::string total_score = p.total_score ? p.total_score->value.to_string() : "";
    rows.push_back({"总分", "",
                    trf("(rows add up to {} / {})", r.weight_sum.normalized().to_string(),
                        r.reported_score_sum.normalized().to_string()),
                    total_weight, total_score, show(r.recomputed_total, places), "",
                    r.recomputed_grade});

    std::vector<int> widths(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], text::display_width(row[i]));
    std::string out = fmt::format("{}{}\n", text::for_terminal(p.name),
                                  p.year ? fmt::format(" ({}年度)", p.year) : "");
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i)
            line += pad(row[i], widths[i]) + (i + 1 < row.size() ? "  " : "");
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

int score_file(const std::string& path, const scoring::Policy& policy, bool colour,
               std::ostream& out, std::ostream& err) {
    std::string text, error;
    if (!read_file(path, text, error)) {
        err << render(make_error("io-error", error), nullptr);
        return exit_usage;
    }
    SourceFile source(path, std::move(text));
    auto parsed = syntax::parse(source);
    for (const auto& d : parsed.diagnostics)
        err << render(d, &source, {colour});
    if (!parsed.ok()) return exit_findings;
    bool errors = false;
    auto report = [&](const Diagnostic& d) {
        if (d.explained()) return; // shown as a note of its cause
        err << render(d, &source, {colour});
        errors = errors || (d.severity == Severity::error && !d.explained());
    };
    if (parsed.file.projects.empty())
        err << render(
            make_warning("no-project", parsed.file.disclosures.empty()
                                           ? tr("the file holds no project table to score")
                                           : tr("the file holds a disclosure's claims, no project "
                                                "table to score (jixiao check reports on them)"))
                .label({0, 0}),
            &source, {colour});
    for (const auto& p : parsed.file.projects) {
        std::vector<Diagnostic> model_findings;
        auto m = model::lower(p, model_findings);
        auto result = scoring::evaluate(m, policy);
        out << render_score_table(result, policy) << "\n";
        for (const auto& d : model_findings)
            report(d);
        for (const auto& d : result.findings)
            report(d);
    }
    return errors ? exit_findings : exit_ok;
}

bool load_policy_file(const std::string& path, scoring::Policy& policy, std::ostream& err) {
    if (path.empty()) {
        policy = scoring::Policy::defaults();
        return true;
    }
    std::string text, error;
    if (!read_file(path, text, error)) {
        err << render(make_error("io-error", error), nullptr);
        return false;
    }
    scoring::PolicyError e;
    auto p = scoring::load_policy(text, e);
    if (!p) {
        err << text::for_terminal(path) << ":" << e.line << ":" << e.column << ": "
            << severity_label(Severity::error)
            << "[invalid-policy]: " << text::for_terminal(e.message) << "\n";
        return false;
    }
    policy = std::move(*p);
    return true;
}

} // namespace jx::driver
