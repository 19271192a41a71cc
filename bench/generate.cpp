// Deterministic generator of realistic specs for the bulk-checking benchmark.
//
//   bench_generate SPEC_DIR N OUT_DIR
//
// Every project is recombined from the rows of the real tables in SPEC_DIR (indicator_specs/):
// their names, Chinese text, value kinds and tree shapes, with figures varied and arithmetic
// errors injected at the rates seen in the published tables (about one project in two has an
// error-level finding there). One spec per project under OUT_DIR/jx/NNN/, and the same data as
// YAML under OUT_DIR/yaml/NNN/ for the generic-parser comparison. The same N gives the same bytes.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "format/format.hpp"
#include "import/import.hpp"
#include "syntax/parser.hpp"

namespace fs = std::filesystem;

namespace {

// One escaping serves both outputs: spec strings and YAML double-quoted scalars share \" \\ \n \t.
using jx::import::quote;

// SplitMix64: fully specified, so the corpus is the same on every machine.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
};

struct Row {
    std::string level1, level2, name, name_text, target, actual, reason;
    int weight = 0, score = 0;
    bool na = false;
};

struct Source {
    std::vector<Row> rows;
    std::vector<std::string> names, departments, goals;
};

Source load(const std::string& dir) {
    Source src;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.path().extension() != ".jx") continue;
        std::ifstream in(e.path());
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        jx::SourceFile file(e.path().string(), text);
        auto parsed = jx::syntax::parse(file);
        for (const auto& p : parsed.file.projects) {
            src.names.push_back(p.name.text);
            if (p.department) src.departments.push_back(p.department->value.text);
            if (p.goals && p.goals->expected) src.goals.push_back(p.goals->expected->value.text);
            for (const auto& l1 : p.categories)
                for (const auto& l2 : l1.children) {
                    if (l2.not_applicable) {
                        Row r;
                        r.level1 = l1.name.text;
                        r.level2 = l2.name.text;
                        r.na = true;
                        src.rows.push_back(r);
                    }
                    if (l1.name_text == "预算执行率") continue; // the budget row is generated apart
                    for (const auto& ind : l2.indicators) {
                        if (!ind.weight || !ind.target) continue;
                        Row r;
                        r.level1 = l1.name.text;
                        r.level2 = l2.name.text;
                        r.name = ind.name.raw;
                        r.name_text = ind.name.text;
                        r.target = jx::format::value_text(ind.target->value);
                        r.actual =
                            ind.actual ? jx::format::value_text(ind.actual->value) : r.target;
                        r.reason = ind.reason ? ind.reason->value.raw : "";
                        src.rows.push_back(r);
                    }
                }
        }
    }
    return src;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: bench_generate SPEC_DIR N OUT_DIR\n";
        return 2;
    }
    Source src = load(argv[1]);
    if (src.rows.empty() || src.names.empty()) {
        std::cerr << "no rows found in " << argv[1] << "\n";
        return 2;
    }
    const std::size_t n = std::stoul(argv[2]);
    const fs::path out = argv[3];
    Random rnd{0x6A697869616F2021ull}; // "jixiao!"
    for (std::size_t i = 0; i < n; ++i) {
        // Indicator rows: 6 to 14 as in the tables, weights dealt so they add up to 90.
        std::size_t count = 6 + rnd.below(9);
        std::vector<Row> rows;
        std::vector<std::size_t> picked;
        for (std::size_t k = 0; k < count; ++k) {
            std::size_t j = rnd.below(src.rows.size());
            bool seen = std::any_of(picked.begin(), picked.end(), [&](std::size_t q) {
                return src.rows[q].name_text == src.rows[j].name_text && !src.rows[j].na;
            });
            if (seen || std::find(picked.begin(), picked.end(), j) != picked.end()) continue;
            picked.push_back(j);
            rows.push_back(src.rows[j]);
        }
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row& a, const Row& b) { return a.level1 < b.level1; });
        std::vector<Row*> weighted;
        for (auto& r : rows)
            if (!r.na) weighted.push_back(&r);
        int left = 90;
        for (std::size_t k = 0; k < weighted.size(); ++k) {
            int w = k + 1 == weighted.size()
                        ? left
                        : std::max(1, left / static_cast<int>(weighted.size() - k));
            weighted[k]->weight = w;
            weighted[k]->score = w;
            left -= w;
        }
        bool error = rnd.chance(45); // about the rate of the published tables
        int kind = static_cast<int>(rnd.below(4));
        if (error && kind == 0 && !weighted.empty())
            weighted[0]->score = weighted[0]->weight + 5; // score > weight
        int budget = 50 + static_cast<int>(rnd.below(5000));
        int spent = budget - static_cast<int>(rnd.below(static_cast<std::size_t>(budget / 10 + 1)));
        int total_weight = error && kind == 1 ? 110 : 100;
        int total_score = 0;
        for (auto* r : weighted)
            total_score += r->score;
        if (error && kind == 2) total_score += 5;
        // The budget row's score as the policy gives it: 10 × spent / budget, to two decimals.
        long long hundredths = (1000LL * spent * 10 / budget + 5) / 10;
        std::string budget_score =
            error && kind == 3 ? "100"
                               : fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);

        std::string name = src.names[rnd.below(src.names.size())] + fmt::format("（{}）", i + 1);
        std::string dept = src.departments.empty()
                               ? "某区科学技术和信息化局"
                               : src.departments[rnd.below(src.departments.size())];
        std::string goal = src.goals.empty() ? "" : src.goals[rnd.below(src.goals.size())];
        std::string spec =
            fmt::format("项目 {} {{\n  年度 2022\n  主管部门 {}\n  项目资金 万元 {{\n"
                        "    年度资金总额  年初预算数 {}  全年预算数 {}  全年执行数 {}  分值 10  "
                        "得分 {}\n  }}\n"
                        "  年度总体目标 {{\n    预期目标 {}\n  }}\n",
                        quote(name), quote(dept), budget, budget, spent, budget_score, quote(goal));
        std::string yaml = fmt::format(
            "name: {}\nyear: 2022\ndepartment: {}\nfunds: {{unit: 万元, initial: {}, annual: {}, "
            "spent: {}, weight: 10, score: {}}}\ngoal: {}\nindicators:\n",
            quote(name), quote(dept), budget, budget, spent, budget_score, quote(goal));
        std::string last1;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const Row& r = rows[k];
            if (r.level1 != last1) {
                if (!last1.empty()) spec += "  }\n";
                spec += "  " + r.level1 + " {\n";
                last1 = r.level1;
            }
            if (r.na) {
                spec += "    " + r.level2 + " { 不涉及 }\n";
                yaml += fmt::format("  - {{level1: {}, level2: {}, na: true}}\n", quote(r.level1),
                                    quote(r.level2));
                continue;
            }
            spec += fmt::format(
                "    {} {{\n      {}  指标值 {}  完成值 {}  分值 {}  得分 {}{}\n    }}\n", r.level2,
                r.name, r.target, r.actual, r.weight, r.score,
                r.reason.empty() ? "" : "  偏差原因 " + r.reason);
            yaml += fmt::format("  - {{level1: {}, level2: {}, name: {}, target: {}, actual: {}, "
                                "weight: {}, score: {}}}\n",
                                quote(r.level1), quote(r.level2), quote(r.name_text),
                                quote(r.target), quote(r.actual), r.weight, r.score);
        }
        if (!last1.empty()) spec += "  }\n";
        std::string total =
            fmt::format("{}", total_score) + "+" + budget_score; // summed below, exactly
        {
            long long b = budget_score == "100" ? 10000 : hundredths;
            long long t = total_score * 100LL + b;
            total =
                t % 100 ? fmt::format("{}.{:02}", t / 100, t % 100) : fmt::format("{}", t / 100);
        }
        spec += fmt::format("  总分 分值 {} 得分 {}\n}}\n", total_weight, total);
        yaml += fmt::format("total: {{weight: {}, score: {}}}\n", total_weight, total);

        fs::path sub = fmt::format("{:03}", i / 1000);
        fs::create_directories(out / "jx" / sub);
        fs::create_directories(out / "yaml" / sub);
        std::ofstream(out / "jx" / sub / fmt::format("p{:06}.jx", i)) << spec;
        std::ofstream(out / "yaml" / sub / fmt::format("p{:06}.yaml", i)) << yaml;
    }
    std::cout << "generated " << n << " projects in " << out.string() << "\n";
    return 0;
}
