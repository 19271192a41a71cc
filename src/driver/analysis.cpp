#include "driver/analysis.hpp"

#include "base/i18n.hpp"
#include "model/lower.hpp"
#include "scoring/claims.hpp"

namespace jx::driver {

Analysis analyse(std::unique_ptr<SourceFile> source, const scoring::Policy& policy,
                 const syntax::Limits& limits, model::Purpose purpose) {
    Analysis a;
    a.parsed = syntax::parse(*source, limits);
    a.source = std::move(source);
    a.diagnostics = a.parsed.diagnostics;
    a.projects.reserve(a.parsed.file.projects.size());
    for (const auto& p : a.parsed.file.projects) {
        ProjectAnalysis pa;
        pa.tree = &p;
        std::vector<Diagnostic> model_errors;
        pa.model = std::make_unique<model::Project>(model::lower(p, model_errors, purpose));
        for (auto& d : model_errors)
            d.subject.project = p.name.text;
        pa.result = scoring::evaluate(*pa.model, policy);
        a.indicators += pa.result.indicator_count;
        a.diagnostics.insert(a.diagnostics.end(), std::make_move_iterator(model_errors.begin()),
                             std::make_move_iterator(model_errors.end()));
        a.diagnostics.insert(a.diagnostics.end(),
                             std::make_move_iterator(pa.result.findings.begin()),
                             std::make_move_iterator(pa.result.findings.end()));
        pa.result.findings.clear();
        a.projects.push_back(std::move(pa));
    }
    for (const auto& d : a.parsed.file.disclosures) {
        auto m = model::lower(d, a.diagnostics);
        auto findings = scoring::check_claims(m);
        auto in_tables = scoring::check_department_tables(m, policy);
        findings.insert(findings.end(), std::make_move_iterator(in_tables.begin()),
                        std::make_move_iterator(in_tables.end()));
        a.diagnostics.insert(a.diagnostics.end(), std::make_move_iterator(findings.begin()),
                             std::make_move_iterator(findings.end()));
        a.disclosures.push_back(std::move(m));
    }
    for (const auto& pa : a.projects)
        a.tally.add(*pa.model, pa.result, policy);
    if (a.projects.empty() && a.disclosures.empty() && a.diagnostics.empty())
        a.diagnostics.push_back(
            make_warning("no-project", tr("the file holds no project (项目 \"…\" { … })"))
                .label({0, 0}));
    return a;
}

} // namespace jx::driver
