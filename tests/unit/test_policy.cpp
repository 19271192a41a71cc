#include "scored.hpp"
#include "scoring/policy.hpp"

using jx::scoring::load_policy;
using jx::scoring::Policy;
using jx::scoring::PolicyError;

static Policy policy_from(const std::string& yaml) {
    PolicyError e;
    auto p = load_policy(yaml, e);
    INFO(e.message << " at line " << e.line);
    REQUIRE(p);
    return *p;
}

TEST_CASE("a YAML policy that changes a rule changes the result", "[policy]") {
    const std::string row = "指标值 ≤ 10天 完成值 15天 分值 10 得分 5 偏差原因 \"延期\"";
    auto by_default = score_row(row, "时效指标");
    CHECK(shown(by_default->row()) == "5");
    CHECK(by_default->codes().empty());

    auto ratio = score_row(row, "时效指标", policy_from("above_limit: ratio\n"));
    CHECK(shown(ratio->row()) == "6.67"); // 10 × 10 / 15
    CHECK(ratio->codes().empty());        // 5 below 6.67, explained by 延期
    const std::string higher = "指标值 ≤ 10天 完成值 15天 分值 10 得分 6.67 偏差原因 \"延期\"";
    CHECK(score_row(higher, "时效指标")->has("indicator-score-mismatch"));
    CHECK(score_row(higher, "时效指标", policy_from("above_limit: ratio\n"))->codes().empty());

    auto proportional = score_row("指标值 = 2个 完成值 3个 分值 15 得分 15", "数量指标",
                                  policy_from("over_delivery: proportional\n"));
    CHECK(shown(proportional->row()) == "10");
    CHECK(proportional->has("indicator-score-mismatch"));

    const std::string cut = "指标值 ≥ 3次 完成值 2次 分值 10 得分 6.6 偏差原因 \"x\"";
    CHECK(score_row(cut)->codes().empty());
    CHECK(score_row("指标值 ≥ 3次 完成值 2次 分值 10 得分 6.7 偏差原因 \"x\"", "数量指标",
                    policy_from("rounding: round\n"))
              ->codes()
              .empty());
    auto strict_rounding = score_row("指标值 ≥ 3次 完成值 2次 分值 10 得分 6.6", "数量指标",
                                     policy_from("rounding: round\n"));
    CHECK(strict_rounding->has("score-understated"));

    auto strict = score_row("指标值 ≥ 10个 完成值 8个 分值 10 得分 8 偏差原因 \"x\"", "数量指标",
                            policy_from("below_target: zero\n"));
    CHECK(shown(strict->row()) == "0");

    auto total = score_spec(
        "项目 \"p\" { 产出指标 { 数量指标 { \"a\" 分值 90 得分 90 } } 总分 分值 90 得分 90 }",
        policy_from("total_weight: 90\n"));
    CHECK_FALSE(total->has("weights-not-100"));

    auto budget = score_spec(
        "项目 \"p\" { 项目资金 万元 { 年度资金总额 全年 100 执行 120 分值 10 得分 10 } }",
        policy_from("budget:\n  rate_cap: 110\n"));
    CHECK(budget->has("score-understated")); // 11 points with a 110% cap
}

TEST_CASE("the dumped default policy loads back unchanged", "[policy]") {
    std::string yaml = jx::scoring::dump_policy_yaml(Policy::defaults());
    Policy p = policy_from(yaml);
    CHECK(jx::scoring::dump_policy_yaml(p) == yaml);
}

TEST_CASE("a malformed policy gets a clear error naming the line", "[policy]") {
    PolicyError e;
    CHECK_FALSE(load_policy("precision: 2\nabove_limit: sometimes\n", e));
    CHECK(e.line == 2);
    CHECK(e.message == "above_limit must be one of linear, ratio, zero, not \"sometimes\"");

    CHECK_FALSE(load_policy("precision: 2\n\ntotal_wieght: 100\n", e));
    CHECK(e.line == 3);
    CHECK(e.message.rfind("unknown policy key \"total_wieght\" (known: precision, ", 0) == 0);

    CHECK_FALSE(load_policy("budget:\n  weight: ten\n", e));
    CHECK(e.line == 2);
    CHECK(e.message == "budget.weight must be a number, not \"ten\"");

    CHECK_FALSE(load_policy("scales: [\n", e)); // not YAML at all
    CHECK(e.line >= 1);

    CHECK_FALSE(load_policy("achievement_bands:\n  达成: [90, 80]\n", e));
    CHECK(e.line == 2);
}

TEST_CASE("a policy nested 10,000 deep is refused, not a stack overflow", "[policy][bad-input]") {
    jx::scoring::PolicyError e;
    std::string deep = "precision: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    CHECK_FALSE(load_policy(deep, e));
    CHECK(e.message ==
          "nested too deeply for the YAML reader; a policy needs three levels at most");
    CHECK(e.line == 1);
}

TEST_CASE("jixiao policy writes YAML that loads back into the same policy", "[policy]") {
    auto defaults = jx::scoring::Policy::defaults();
    std::string once = jx::scoring::dump_policy_yaml(defaults);
    jx::scoring::PolicyError e;
    auto again = jx::scoring::load_policy(once, e);
    INFO(e.message << " at " << e.line);
    REQUIRE(again);
    CHECK(jx::scoring::dump_policy_yaml(*again) == once);
    // Names YAML would read otherwise: a colon and space, a leading dash, quotes, a '#'.
    auto custom = jx::scoring::load_policy(R"(
precision: 3
level1_split: {"产出指标": 50, "效益指标": 30}
budget: {weight: 20, rate_cap: 95.5, reference: annual}
below_target: zero
bare_target: {"时效指标": "≥", default: "="}
scales:
  - name: "好: 坏"
    grades: {"好: 很": [50, 100], "- 坏": [0, 50]}
  - name: "#1 \"quoted\""
    grades: {"'a'": [0, 100]}
total_grades: {"优秀: A": 90, 较差: 0}
categories: {"产出: 指标": ["数量 #1", "- 质量"]}
)",
                                           e);
    INFO(e.message << " at " << e.line);
    REQUIRE(custom);
    std::string written = jx::scoring::dump_policy_yaml(*custom);
    auto back = jx::scoring::load_policy(written, e);
    INFO(written);
    REQUIRE(back);
    CHECK(jx::scoring::dump_policy_yaml(*back) == written);
    REQUIRE(back->scales.size() == 2);
    CHECK(back->scales[0].name == "好: 坏");
    CHECK(back->scales[0].grades == std::vector<std::string>{"好: 很", "- 坏"});
    CHECK(back->scales[1].name == "#1 \"quoted\"");
    CHECK(back->precision == 3);
    CHECK(back->budget_reference == jx::scoring::Policy::BudgetReference::annual);
    CHECK(back->budget_rate_cap.to_string() == "0.955000");
    CHECK(back->categories.at(0).first == "产出: 指标");
}

TEST_CASE("an unknown policy key names the known ones", "[policy]") {
    jx::scoring::PolicyError e;
    CHECK_FALSE(jx::scoring::load_policy("precison: 2\n", e));
    CHECK(e.message == "unknown policy key \"precison\" (known: precision, total_weight, "
                       "level1_split, budget, below_target, above_limit, combined, "
                       "over_delivery, rounding, reason_placeholders, category_aliases, "
                       "required_level1, bare_target, achievement_bands, scales, total_grades, "
                       "categories)");
    CHECK(e.line == 1);
}
