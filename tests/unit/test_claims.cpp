// The claims of a disclosure, each kind both true and false: among themselves (one file) and
// against the project tables of their directory (check_files, as `jixiao check DIR` runs).
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>

#include "driver/check.hpp"
#include "driver/report.hpp"
#include "export/dataset.hpp"
#include "support.hpp"

using namespace jx;
namespace fs = std::filesystem;

namespace {

// A project table with its total score and budget (万元); its rows add up to the total.
std::string table(const std::string& name, int total, const std::string& budget) {
    return "项目 \"" + name + "\" {\n  项目资金 万元 {\n    年度资金总额 年初预算数 " + budget +
           " 全年预算数 " + budget + " 全年执行数 " + budget +
           " 分值 10 执行率 100% 得分 10\n  }\n" +
           "  产出指标 {\n    数量指标 {\n      \"甲\" 指标值 1个 完成值 1个 分值 90 得分 " +
           std::to_string(total - 10) + "\n    }\n  }\n  总分 分值 100 得分 " +
           std::to_string(total) + "\n}\n";
}

// Checks a directory of three tables (totals 95, 92 and 75; budgets 10, 30 and 60万元) and a
// disclosure with `claims`; returns the findings about claims, one "code: message" a line.
std::string claims_findings(const std::string& claims, const std::string& third_extra = "") {
    // Named by its claims: test cases run as processes of their own, side by side.
    fs::path dir =
        test::fresh_dir("claims-" + std::to_string(std::hash<std::string>{}(claims + third_extra)));
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name) << text;
    };
    write("001.jx", table("一", 95, "10"));
    write("002.jx", table("二", 92, "30"));
    std::string third = table("三", 75, "60");
    if (!third_extra.empty()) third.insert(third.rfind('}'), third_extra);
    write("003.jx", third);
    write("000-部门.jx", "部门 \"某局\" {\n  年度 2023\n" + claims + "}\n");
    auto policy = scoring::Policy::defaults();
    driver::FileWalk walk({dir.string()});
    std::string out;
    driver::check_files(walk, policy, 2, [&](driver::FileReport& r) {
        for (const auto& d : r.diagnostics)
            if (d.code.rfind("claim", 0) == 0 || d.code == "total-score-mismatch")
                out +=
                    std::string(severity_name(d.severity)) + " " + d.code + ": " + d.message + "\n";
    });
    return out;
}

} // namespace

TEST_CASE("claims: the number evaluated, against the tables published", "[claims]") {
    CHECK(claims_findings("  评价项目数 3 行 10\n  等级 优秀 2 行 10\n") == "");
    CHECK(claims_findings("  评价项目数 5 行 10\n  等级 优秀 2 行 10\n") ==
          "note claim-unverifiable: the grade, score and funds claims cannot be recomputed: 3 "
          "project tables are published with the disclosure, for the 5 projects it says were "
          "evaluated (line 10)\n");
}

TEST_CASE("claims: two figures for one thing", "[claims]") {
    CHECK(claims_findings("  评价项目数 3 行 10\n  评价项目数 3 行 20\n") == "");
    CHECK(claims_findings("  evaluated 3 line 10\n  evaluated 4 line 20\n") ==
          "error claim-conflict: the disclosure states evaluated as 3 (line 10) and as 4 (line "
          "20)\n");
}

TEST_CASE("claims: grade counts, in their sentence and against the tables' totals", "[claims]") {
    // The tables' totals: 95 and 92 优秀, 75 一般.
    CHECK(claims_findings("  评价项目数 3 行 10\n  等级 优秀 2 行 10\n  等级 良好 0 行 10\n"
                          "  等级 一般 1 行 10\n  等级 较差 0 行 10\n") == "");
    CHECK(claims_findings("  评价项目数 3 行 10\n  等级 优秀 3 行 10\n  等级 良好 0 行 10\n"
                          "  等级 一般 1 行 10\n  等级 较差 0 行 10\n") ==
          "error claim-sum-mismatch: the grade counts of line 10 add up to 4 but the same "
          "sentence counts 3 projects evaluated\n"
          "error claim-not-in-tables: 3 projects are stated as 优秀 (line 10), but 2 of the 3 "
          "tables' totals are 优秀\n");
    // Some grades left out: only a sum beyond the count is wrong.
    CHECK(claims_findings("  评价项目数 3 行 10\n  grade excellent 2 line 10\n") == "");
}

TEST_CASE("claims: one claim wrong against another claim and against the tables is one finding",
          "[claims]") {
    // 优秀 is 2 by the tables; line 10 says 2, line 20 says 3.
    CHECK(claims_findings("  评价项目数 3 行 10\n  等级 优秀 2 行 10\n  等级 优秀 3 行 20\n") ==
          "error claim-conflict: the disclosure states 等级 优秀 as 2 (line 10) and as 3 (line "
          "20)\n");
}

TEST_CASE("claims: recomputed from a table not read whole, a claim is unverifiable, never wrong",
          "[claims]") {
    // 优秀 3 would be wrong against the totals (2), but one table was not read whole.
    CHECK(claims_findings("  评价项目数 3 行 10\n  等级 优秀 3 行 10\n",
                          "  未归位 \"第 40 行\" \"95\"\n") ==
          "warning claim-unverifiable: the grade, score and funds claims cannot be recomputed: 1 "
          "of the 3 tables were not read whole (三), so a figure recomputed from them is not "
          "known\n");
}

TEST_CASE("claims: projects evaluated and not evaluated against the department's count",
          "[claims]") {
    CHECK(claims_findings("  项目总数 5 行 10\n  不予评价数 2 行 10\n  评价项目数 3 行 10\n") ==
          "");
    CHECK(claims_findings("  项目总数 6 行 10\n  不予评价数 2 行 10\n  评价项目数 3 行 10\n") ==
          "error claim-sum-mismatch: 3 projects evaluated and 2 not evaluated make 5, but line "
          "10 counts 6 projects\n");
    CHECK(claims_findings("  项目总数 2 行 10\n  评价项目数 3 行 12\n") ==
          "warning claim-exceeds-projects: 3 projects evaluated (line 12), but the department "
          "has 2 projects (line 10)\n");
    // The sentence says its count includes transfer-payment projects: nothing to say.
    CHECK(claims_findings("  项目总数 2 行 10\n  评价项目数 3 含转移支付 行 12\n") == "");
}

TEST_CASE("claims: the department's score, plain and budget-weighted", "[claims]") {
    // Plain mean (95 + 92 + 75) / 3 = 87.33; weighted (10×95 + 30×92 + 60×75) / 100 = 82.1.
    CHECK(claims_findings("  评价项目数 3\n  部门得分 82.1 加权平均\n") == "");
    CHECK(claims_findings("  评价项目数 3\n  部门得分 87.33 算术平均\n") == "");
    CHECK(claims_findings("  评价项目数 3\n  部门得分 82.1\n") ==
          "note claim-averaging: 部门得分 82.1 is the budget-weighted mean of the tables' "
          "totals\n");
    CHECK(claims_findings("  评价项目数 3\n  部门得分 87.33 加权平均 行 9\n") ==
          "error claim-not-in-tables: 部门得分 is stated as 87.33 (line 9), but the tables' "
          "totals give 82.1 (weighted by budget)\n");
}

TEST_CASE("claims: the funds evaluated, against the tables' budgets", "[claims]") {
    CHECK(claims_findings("  评价项目数 3\n  涉及金额 100万元\n") == "");
    CHECK(claims_findings("  评价项目数 3\n  涉及金额 1000000元\n") == "");
    CHECK(claims_findings("  评价项目数 3\n  涉及金额 100元 行 4\n") ==
          "error claim-not-in-tables: 涉及金额 is stated as 100元 (line 4), but the tables' "
          "全年预算数 add up to 100万元\n");
}

TEST_CASE("claims: a disclosure's report follows its directory's tables, and reads subdirectories",
          "[claims]") {
    fs::path dir = test::fresh_dir("claims-tree");
    fs::create_directories(dir / "projects");
    std::ofstream(dir / "000-部门.jx") << "部门 \"某局\" {\n  评价项目数 2\n  等级 优秀 2\n}\n";
    std::ofstream(dir / "projects" / "001.jx") << table("一", 95, "10");
    std::ofstream(dir / "zz.jx") << table("二", 91, "10");
    auto policy = scoring::Policy::defaults();
    driver::FileWalk walk({dir.string()});
    std::vector<std::string> order;
    std::string findings;
    driver::check_files(walk, policy, 1, [&](driver::FileReport& r) {
        order.push_back(fs::path(r.path).filename().string());
        for (const auto& d : r.diagnostics)
            if (d.code.rfind("claim", 0) == 0) findings += d.code + "\n";
    });
    CHECK(order == std::vector<std::string>{"001.jx", "zz.jx", "000-部门.jx"});
    CHECK(findings == "");
}

TEST_CASE("export: the README lists the tables and columns export writes", "[export]") {
    std::string readme = test::read(test::source_path("README.md"));
    CHECK(readme.find(exporting::schema_markdown()) != std::string::npos);
}

TEST_CASE("export: decimals as exact integers of ten-thousandths", "[export]") {
    CHECK(exporting::ten_thousandths("97.19") == 971900);
    CHECK(exporting::ten_thousandths("87.33333333") == 873333);
    CHECK(exporting::ten_thousandths("0.00005") == 1); // half-up
    CHECK(exporting::ten_thousandths("-3") == -30000);
    CHECK(exporting::ten_thousandths("x") == std::nullopt);
    CHECK(exporting::ten_thousandths("99999999999999999") == std::nullopt); // beyond 64 bits
}

namespace {

// The index-system findings of a project whose table has `rows` and whose index system `index`.
std::string index_findings(const std::string& rows, const std::string& index) {
    std::string spec = "项目 \"p\" {\n  产出指标 {\n    数量指标 {\n" + rows +
                       "    }\n  }\n  评价指标体系 {\n    产出指标 {\n      数量指标 {\n" + index +
                       "      }\n    }\n  }\n}\n";
    auto r = driver::check_source(std::make_unique<SourceFile>("p.jx", spec),
                                  scoring::Policy::defaults());
    std::string out;
    for (const auto& d : r.diagnostics)
        if (d.code.rfind("index-", 0) == 0 || d.code == "syntax")
            out += std::string(severity_name(d.severity)) + " " + d.code + ": " + d.message + "\n";
    return out;
}

} // namespace

TEST_CASE("index system: the table's indicators as the evaluation report publishes them",
          "[index]") {
    const std::string row1 =
        "      \"指标1：平台5个新建功能建设\" 指标值 5个 完成值 4个 分值 10 得分 8\n";
    // The same indicators and weights: nothing to say.
    CHECK(index_findings(row1, "        \"指标1：平台5个新建功能建设\" 分值 10\n") == "");
    // A figure of the name changed: 6 published, 5 reported.
    CHECK(index_findings(row1, "        \"指标1：平台6个新建功能建设\" 分值 10\n") ==
          "error index-indicator-changed: the table reports \"指标1：平台5个新建功能建设\" where "
          "the index system sets \"指标1：平台6个新建功能建设\": its figures differ (5 against "
          "6)\n");
    // Other words, the same figures: a warning.
    CHECK(index_findings(row1, "        \"指标1：平台5个新功能建成\" 分值 10\n") ==
          "warning index-indicator-reworded: the table names \"指标1：平台5个新建功能建设\" what "
          "the index system calls \"指标1：平台5个新功能建成\"\n");
    // A weight changed.
    CHECK(index_findings(row1, "        \"指标1：平台5个新建功能建设\" 分值 15\n") ==
          "error index-weight-changed: \"指标1：平台5个新建功能建设\" weighs 10 in the table but "
          "15 in the index system\n");
    // An indicator the table does not report.
    CHECK(
        index_findings(row1, "        \"指标1：平台5个新建功能建设\" 分值 10\n"
                             "        \"指标2：系统4个功能升级\" 分值 10\n") ==
        "warning index-indicator-missing: the index system's \"指标2：系统4个功能升级\" (数量指标) "
        "has no row in the table\n");
}
