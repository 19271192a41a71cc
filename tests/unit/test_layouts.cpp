// Issue #27 ("Any layout") and #28 ("a misread never becomes an error"): each layout pattern seen
// in real tables, reproduced as a small fixture of our own figures, read into the right fields;
// and the check of a table import did not read whole.
#include <catch2/catch.hpp>

#include <algorithm>

#include "driver/check.hpp"
#include "import/import.hpp"
#include "support.hpp"

using namespace jx;
using namespace jx::import;
using jx::test::dump;

namespace {

ImportResult run(const std::string& text) {
    return import_text("t.txt", text, Format::text);
}

const std::vector<std::vector<std::string>> head{
    {"项目名称", "测试项目"},
    {"主管部门", "某局", "实施单位", "某中心"},
    {"项目资金\n（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
    {"", "年度资金总额", "10", "10", "10", "10", "100%", "10"},
    {"年度\n总体\n目标", "预期目标", "实际完成情况"},
    {"", "完成任务", "已完成"},
};

std::vector<std::vector<std::string>> with(std::vector<std::vector<std::string>> rows) {
    auto all = head;
    all.insert(all.end(), rows.begin(), rows.end());
    return all;
}

driver::FileReport check_spec(const std::string& spec) {
    static const auto policy = scoring::Policy::defaults();
    return driver::check_source(std::make_unique<SourceFile>("t.jx", spec), policy);
}

std::size_t count(const driver::FileReport& r, const std::string& code, Severity s) {
    return static_cast<std::size_t>(
        std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                      [&](const Diagnostic& d) { return d.code == code && d.severity == s; }));
}

} // namespace

TEST_CASE("layouts: a header Word split over two rows (年度 | 实际, then 指标值 | 完成值)",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度", "实际", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"指标值", "完成值"},
        {"", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "90", "90", ""},
        {"总分", "100", "100", ""},
    })));
    REQUIRE(r.specs.size() == 1);
    const auto& t = r.specs[0].table;
    CHECK(r.specs[0].whole);
    REQUIRE(t.indicators.size() == 1);
    REQUIRE(t.indicators[0].target);
    CHECK(t.indicators[0].target->text == "≥100人次");
    REQUIRE(t.indicators[0].actual);
    CHECK(t.indicators[0].actual->text == "120人次");
    CHECK(t.indicators[0].weight->text == "90");
}

TEST_CASE("layouts: a total whose label Word glued to its weight (总分100 | 100 | 99.9)",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "90", "89.9", "略有不足"},
        {"总分100", "100", "99.9"},
        {"#二、下一个项目绩效自评表"},
    })));
    REQUIRE(r.specs.size() == 1);
    const auto& t = r.specs[0].table;
    CHECK(t.indicators.size() == 1); // no indicator of weight 100
    REQUIRE(t.total_weight);
    CHECK(t.total_weight->text == "100");
    REQUIRE(t.total_score);
    CHECK(t.total_score->text == "99.9");
    CHECK(r.specs[0].spec.find("二、下一个项目") == std::string::npos); // not a reason
    auto report = check_spec(r.specs[0].spec);
    CHECK(count(report, "weights-not-100", Severity::error) == 0);
    for (const auto& d : report.diagnostics) // the table has its 总分 row
        CHECK(d.message.find("总分") == std::string::npos);
}

TEST_CASE("layouts: a page number under the total's score (95, then a line ' 11')",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训人次", "≥100人次", "80人次", "90", "85", "人员不足"},
        {"总分", "100", "95\n 11"},
    })));
    REQUIRE(r.specs.size() == 1);
    REQUIRE(r.specs[0].table.total_score);
    CHECK(r.specs[0].table.total_score->text == "95");
    CHECK(r.specs[0].whole);
}

TEST_CASE("layouts: a signature line under the total (填报人 … 填报日期 …) keeps the total's score",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "90", "90", ""},
        {"总分", "100", "95\n填报人：张三　　审核人：李四　　填报日期：2024年3月15日"},
    })));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    REQUIRE(s.table.total_score);
    CHECK(s.table.total_score->text == "95");
    CHECK(s.whole);
    CHECK(s.spec.find("表头 \"审核人\" \"李四\"") != std::string::npos);
    CHECK(s.spec.find("表头 \"填报日期\" \"2024年3月15日\"") != std::string::npos);
    // The total's error survives: the rows give 100, the total says 95.
    CHECK(count(check_spec(s.spec), "total-score-mismatch", Severity::error) == 1);
}

TEST_CASE(
    "layouts: figures as the office typed them (8分, 10.0分, 215,457.6, 86.19 %, (2020 年度))",
    "[import][layouts]") {
    auto r = run(dump({
        {"#(2020 年度)"},
        {"项目名称", "测试项目"},
        {"项目资金\n（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
         "得分"},
        {"", "年度资金总额", "215,457.6", "215,457.6", "185,700.1", "10分", "86.19 %", "8.6分"},
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "90.0分", "90分", ""},
        {"总分", "100分", "98.6分"},
    }));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    CHECK(s.table.year == 2020);
    CHECK(s.spec.find("全年预算数 215457.6") != std::string::npos);
    CHECK(s.spec.find("分值 10  执行率 86.19%  得分 8.6") != std::string::npos);
    CHECK(s.spec.find("分值 90.0  得分 90") != std::string::npos);
    CHECK(s.spec.find("总分 分值 100 得分 98.6") != std::string::npos);
}

TEST_CASE("layouts: a target split in three columns under a second header row (Yunnan)",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
        {"一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"},
        {"产出指标", "数量指标", "检查次数", "﹦", "12", "次", "12", "90", "90", ""},
        {"总分", "100", "100"},
    })));
    REQUIRE(r.specs.size() == 1);
    CHECK(r.specs[0].whole);
    const auto& spec = r.specs[0].spec;
    CHECK(spec.find("指标值 = 12次") != std::string::npos);
    CHECK(spec.find("完成值 12") != std::string::npos);
    CHECK(spec.find("分值 90") != std::string::npos);
}

TEST_CASE("layouts: a score split into 单项指标得分 | 权重占比 | 折算得分 (a system export)",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "实际完成值", "完成情况",
         "自评得分"},
        {"符号", "单位", "单项指标得分", "权重占比(%)", "单项指标折算得分"},
        {"产出指标", "数量指标", "发放人数", "发放人数占申报人数之比", ">=", "98", "%", "100%",
         "完成", "100", "90", "90"},
    })));
    REQUIRE(r.specs.size() == 1);
    const auto& t = r.specs[0].table;
    CHECK(t.unplaced.empty());
    REQUIRE(t.indicators.size() == 1);
    CHECK(t.indicators[0].weight->text == "90");
    CHECK(t.indicators[0].score->text == "90");
    CHECK(t.indicators[0].name->text.find("发放人数占申报人数之比") != std::string::npos);
    CHECK(r.specs[0].spec.find("指标值 >= 98%") != std::string::npos);
}

TEST_CASE("layouts: headings with their decorations, a level's points beside it, a level 1 that "
          "lost its name",
          "[import][layouts]") {
    auto r = run(dump({
        {"项目名称", "测试项目"},
        {"资金情况\n(万元)", "", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"},
        {"", "年度资金总额:", "10", "10", "10", "100%", "10"},
        {"年度总体目标完成情况", "年初设定目标", "年度总体目标完成情况综述"},
        {"", "完成任务", "已完成"},
        {"绩效指标", "一级\n指标", "二级指标", "三级指标", "分 值", "年度指标值", "全年实际值",
         "得分", "未完成原因及拟采取的改进措施"},
        {"", "(90分)", "数量指标", "培训人次", "90", "≥100人次", "120人次", "90", ""},
        {"", "", "", "指标2:", "", "", "", "", ""},
        {"", "", "", "……", "", "", "", "", ""},
        {"总分", "100", "100"},
    }));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    CHECK(s.table.expected->text == "完成任务");
    CHECK(s.table.funds.size() == 1);
    REQUIRE(s.table.indicators.size() == 1); // the placeholder rows are silent
    CHECK(s.table.indicators[0].level1 == "产出指标(90分)");
    auto report = check_spec(s.spec);
    CHECK(count(report, "category-weight-mismatch", Severity::error) == 0);
    CHECK(count(report, "unknown-category", Severity::warning) == 0);
}

TEST_CASE("layouts: every level with its points (the older 项目决策 framework)",
          "[import][layouts]") {
    auto r = run(dump({
        {"项目名称", "测试项目"},
        {"一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"},
        {"项目决策", "20", "项目目标", "8", "目标内容", "8", "8"},
        {"", "", "决策过程", "12", "决策依据", "5", "5"},
        {"", "", "", "", "决策程序", "6", "6"},
        {"总分", "19", "19"},
    }));
    REQUIRE(r.specs.size() == 1);
    CHECK(r.specs[0].whole);
    const auto& spec = r.specs[0].spec;
    CHECK(spec.find("\"项目决策(20分)\"") != std::string::npos);
    CHECK(spec.find("\"决策过程(12分)\"") != std::string::npos);
    // 决策过程 states 12 points; its rows weigh 5 + 6 = 11.
    auto report = check_spec(spec);
    CHECK(count(report, "category-weight-mismatch", Severity::error) == 2); // 12 ≠ 11, 20 ≠ 19
}

TEST_CASE("layouts: a level 2 of another level 1 under a blank level-1 cell is placed by the tree",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标", "成本指标", "合同金额", "≤80万元", "80万元", "60", "60", ""},
        {"", "", "可持续影响指标", "可持续影响", "良以上", "优", "20", "20", ""},
        {"", "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "10", "10", ""},
        {"总分", "100", "100"},
    })));
    REQUIRE(r.specs.size() == 1);
    const auto& rows = r.specs[0].table.indicators;
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].level1 == "效益指标");
    CHECK(count(check_spec(r.specs[0].spec), "misplaced-category", Severity::warning) == 0);
}

TEST_CASE("layouts: ★ rows with 其中… breakdown rows: parts of one indicator, not rows without "
          "weights",
          "[import][layouts]") {
    auto r = run(dump(with({
        {"绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
         "未完成原因及拟采取的改进措施"},
        {"", "产出指标", "数量指标", "★补助种植面积", "90", "29.5亩", "29.5亩", "90", ""},
        {"", "", "", "其中桃树种植面积", "", "1.5亩", "1.5亩", "", ""},
        {"", "", "", "其中:苹果树种植面积", "", "28亩", "28亩", "", ""},
        {"总分", "100", "100"},
    })));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    CHECK(s.spec.find("其中 \"桃树种植面积\"") != std::string::npos);
    CHECK(s.spec.find("其中 \"苹果树种植面积\"") != std::string::npos);
    auto report = check_spec(s.spec);
    CHECK(count(report, "missing-weight", Severity::warning) == 0);
    CHECK(count(report, "weights-not-100", Severity::error) == 0);
}

TEST_CASE("layouts: head rows without a field of their own are kept as 表头, nothing dropped",
          "[import][layouts]") {
    auto r = run(dump({
        {"项目名称", "测试项目"},
        {"主管部门", "某局", "实施单位", "某中心"},
        {"项目类别", "部门预算项目", "项目属性", "持续性项目"},
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "90", "90", ""},
        {"总分", "100", "100"},
    }));
    REQUIRE(r.specs.size() == 1);
    CHECK(r.specs[0].whole);
    CHECK(r.specs[0].spec.find("表头 \"项目类别\" \"部门预算项目\"") != std::string::npos);
    CHECK(r.specs[0].spec.find("表头 \"项目属性\" \"持续性项目\"") != std::string::npos);
}

TEST_CASE("cut short: a table without its 总分 row gets its sums as warnings saying why",
          "[check][layouts]") {
    const std::string spec = R"(项目 "测试" {
  产出指标 {
    数量指标 {
      "培训人次"  指标值 ≥100人次  完成值 120人次  分值 50  得分 50
    }
  }
}
)";
    auto report = check_spec(spec);
    CHECK(count(report, "weights-not-100", Severity::error) == 0);
    CHECK(count(report, "weights-not-100", Severity::warning) == 1);
    CHECK(count(report, "incomplete-table", Severity::warning) >= 1);
    // With its 总分 row the same weights are an error.
    std::string whole = spec;
    whole.insert(whole.rfind('}'), "  总分 分值 50 得分 50\n");
    CHECK(count(check_spec(whole), "weights-not-100", Severity::error) == 1);
}

TEST_CASE("one cause, one finding: a funds sub-row repeating its total row's figures",
          "[check][layouts]") {
    const std::string spec = R"(项目 "测试" {
  项目资金 万元 {
    年度资金总额  全年预算数 10  全年执行数 10  分值 10  执行率 100%  得分 100
    当年财政拨款  全年预算数 10  全年执行数 10  分值 10  执行率 100%  得分 100
  }
}
)";
    auto report = check_spec(spec);
    CHECK(count(report, "score-exceeds-weight", Severity::error) == 1);
    // A sub-row's own rate, wrong against its own amounts, is its own finding.
    const std::string rate = R"(项目 "测试" {
  项目资金 万元 {
    年度资金总额  全年预算数 31.6  全年执行数 31.6  分值 10  执行率 100%  得分 10
    当年财政拨款  全年预算数 31.6  全年执行数 31.6  执行率 80%
  }
}
)";
    CHECK(count(check_spec(rate), "budget-rate-mismatch", Severity::error) == 1);
}

TEST_CASE("layouts: a form without a 分值 column (20/80): scores only, the block's points against "
          "its level-1 labels",
          "[import][layouts]") {
    auto r = run(dump({
        {"项目名称", "测试项目"},
        {"预算执行情况(万元)\n(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)",
         "得分(20分*执行率)"},
        {"", "年度财政资金总额", "100", "100", "100%", "20"},
        {"年度绩效目标\n(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)",
         "实际完成值(B)", "得分"},
        {"", "产出指标(60分)", "数量指标", "培训人次", "≥100人次", "120人次", "60"},
        {"", "效益指标(40分)", "社会效益指标", "群众知晓率", "≥90%", "95%", "40"},
        {"总分", "100"},
    }));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    REQUIRE(s.table.total_score); // the total's one figure is its score
    CHECK(s.table.total_score->text == "100");
    // 年度绩效目标(80分) over 60 + 40.
    CHECK(std::count_if(s.findings.begin(), s.findings.end(), [](const ImportFinding& f) {
              return f.code == "block-weight-mismatch" && f.error;
          }) == 1);
    auto report = check_spec(s.spec);
    CHECK(count(report, "total-score-mismatch", Severity::error) == 1);   // 20 + 60 + 40 = 120
    CHECK(count(report, "weights-not-100", Severity::error) == 0);        // no weights to add
    CHECK(count(report, "score-without-weight", Severity::warning) == 1); // once, for the table
}

TEST_CASE("layouts: a 部门整体 table's funds by spending (基本支出, 项目支出), each row scored on "
          "its own",
          "[import][layouts]") {
    auto r = run(dump({
        {"部门(单位)名称", "某镇人民政府"},
        {"部门(单位)总体\n资金(万元)", "资金来源", "年初预算数(A)", "全年执行数(B)", "分值(10分)",
         "得分", "得分计算方法"},
        {"", "年度资金总额:", "1000", "1000", "10", "10", "执行率*该指标分值"},
        {"", "基本支出", "800", "700", "10", "10", ""},
        {"", "项目支出", "200", "300", "10", "10", ""},
    }));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.table.name == "某镇人民政府");
    CHECK(s.whole);
    CHECK(s.spec.find("基本支出") != std::string::npos);
    auto report = check_spec(s.spec);
    // 基本支出 700 / 800 = 87.5%: 8.75, not 10; 项目支出 over its budget is capped at 10.
    CHECK(count(report, "budget-score-mismatch", Severity::error) == 1);
    CHECK(count(report, "funds-sum-mismatch", Severity::error) == 0); // 800 + 200, 700 + 300
}

TEST_CASE("the policy's budget weight: a budget row weighing 20 is a warning", "[check][layouts]") {
    const std::string spec = R"(项目 "测试" {
  项目资金 万元 {
    年度资金总额  全年预算数 10  全年执行数 10  分值 20  执行率 100%  得分 20
  }
  产出指标 {
    数量指标 {
      "培训人次"  指标值 ≥100人次  完成值 120人次  分值 80  得分 80
    }
  }
  总分 分值 100 得分 100
}
)";
    auto report = check_spec(spec);
    CHECK(count(report, "budget-weight-mismatch", Severity::warning) == 1);
    CHECK(count(report, "budget-score-mismatch", Severity::error) == 0); // 20 × 100% = 20
}

TEST_CASE("uncertain reading: a table not read whole gets its sums as warnings, once",
          "[check][layouts]") {
    const std::string spec = R"(项目 "测试" {
  项目资金 万元 {
    年度资金总额  全年预算数 10  全年执行数 10  分值 10  执行率 100%  得分 10
  }
  产出指标 {
    数量指标 {
      "培训人次"  指标值 ≥100人次  完成值 120人次  分值 80  得分 80
    }
  }
  总分 分值 100 得分 100
  未归位 "第 40 行" "10"
}
)";
    auto errors = [](const driver::FileReport& r) {
        return std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::error; });
    };
    auto report = check_spec(spec);
    CHECK(errors(report) == 0); // 10 + 80 ≠ 100, said as a warning
    CHECK(count(report, "total-weight-mismatch", Severity::warning) == 1);
    CHECK(count(report, "uncertain-reading", Severity::warning) == 1);
    // The same table read whole: the sums are errors.
    std::string whole = spec;
    whole.erase(whole.find("  未归位"), std::string("  未归位 \"第 40 行\" \"10\"\n").size());
    auto sure = check_spec(whole);
    CHECK(count(sure, "total-weight-mismatch", Severity::error) == 1);
    CHECK(count(sure, "uncertain-reading", Severity::warning) == 0);
}
