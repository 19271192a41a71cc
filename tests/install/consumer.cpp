// Parses a spec and checks it through the installed library: the exit status is the number of
// error-level findings (the example has one: its total).
#include <cstdio>

#include "base/source.hpp"
#include "model/lower.hpp"
#include "scoring/engine.hpp"
#include "syntax/parser.hpp"

int main() {
    jx::SourceFile src("x.jx", "项目 \"p\" { 年度 2022 产出指标 { 数量指标 { \"r\" 指标值 ≥ 1个 "
                               "完成值 1个 分值 100 得分 100 } } 总分 分值 100 得分 90 }");
    auto parsed = jx::syntax::parse(src);
    if (!parsed.ok()) return 100;
    std::vector<jx::Diagnostic> out;
    auto model = jx::model::lower(parsed.file.projects.at(0), out);
    const auto policy = jx::scoring::Policy::defaults();
    auto result = jx::scoring::evaluate(model, policy);
    int errors = 0;
    for (const auto& d : result.findings) {
        std::printf("%s\n", d.code.c_str());
        errors += d.severity == jx::Severity::error;
    }
    return errors;
}
