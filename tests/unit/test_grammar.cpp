// Grammar tests, rule by rule, and PEGTL's own analysis of the whole grammar.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "jixiao/grammar.hpp"

namespace pegtl = tao::pegtl;
namespace g = jx::grammar;

template <typename Rule>
static bool whole(const std::string& s) {
    pegtl::memory_input in(s, "test");
    try {
        return pegtl::parse<pegtl::seq<Rule, pegtl::eof>>(in);
    } catch (const pegtl::parse_error&) {
        return false;
    }
}

TEST_CASE("the grammar has no rule that can loop without consuming input", "[grammar]") {
    CHECK(pegtl::analyze<g::file>(false) == 0);
}

TEST_CASE("numbers, with full-width digits", "[grammar]") {
    CHECK(whole<g::number>("350"));
    CHECK(whole<g::number>("99.92"));
    CHECK(whole<g::number>("９５"));
    CHECK(whole<g::number>("-3"));
    CHECK_FALSE(whole<g::number>("3."));
    CHECK_FALSE(whole<g::number>(".5"));
}

TEST_CASE("strings: one line with escapes, or a block over lines", "[grammar]") {
    CHECK(whole<g::string_lit>(R"("丰台区")"));
    CHECK(whole<g::string_lit>(R"("a \"b\" \\ \n \u{4E00}")"));
    CHECK(whole<g::string_lit>("\"\"\"第一行\n第二行\"\"\""));
    CHECK(whole<g::string_lit>(R"("")"));
    CHECK_FALSE(whole<g::string_lit>("\"no\nbreaks\""));
    CHECK_FALSE(whole<g::string_lit>(R"("\q")"));
}

TEST_CASE("keywords do not swallow the head of longer keywords", "[grammar]") {
    CHECK(whole<g::kw_year>("年度"));
    CHECK_FALSE(whole<g::seq<g::kw_year, pegtl::star<pegtl::any>>>("年度总体目标"));
    CHECK(whole<g::kw_annual>("全年"));
    CHECK_FALSE(whole<g::seq<g::kw_annual, pegtl::star<pegtl::any>>>("全年执行数"));
    CHECK(whole<g::kw_spent>("全年执行数"));
    CHECK_FALSE(whole<g::seq<g::kw_spent, pegtl::star<pegtl::any>>>("执行率"));
    CHECK(whole<g::kw_project>("project"));
    CHECK_FALSE(whole<g::seq<g::kw_project, pegtl::star<pegtl::any>>>("projects"));
}

TEST_CASE("comparators in symbols and in words", "[grammar]") {
    for (const char* s : {"≥", ">=", "＞＝", "不低于", "不少于", "达到"})
        CHECK(whole<g::cmp_ge>(s));
    for (const char* s : {"≤", "<=", "不超过", "不高于"})
        CHECK(whole<g::cmp_le>(s));
    for (const char* s : {"低于", "小于", "<", "＜"})
        CHECK(whole<g::cmp_lt>(s));
    for (const char* s : {"高于", "大于", ">", "超过"})
        CHECK(whole<g::cmp_gt>(s));
    for (const char* s : {"=", "＝"})
        CHECK(whole<g::cmp_eq>(s));
    for (const char* s : {"以上", "及以上"})
        CHECK(whole<g::suffix_ge>(s));
    for (const char* s : {"以内", "以下", "前"})
        CHECK(whole<g::suffix_le>(s));
}

TEST_CASE("quantities with units, and a unit never eats the next keyword", "[grammar]") {
    CHECK(whole<g::quantity>("350天"));
    CHECK(whole<g::quantity>("350 天"));
    CHECK(whole<g::quantity>("95%"));
    CHECK(whole<g::quantity>("95％"));
    CHECK(whole<g::quantity>("3万人次"));
    CHECK(whole<g::quantity>("5个月"));
    CHECK(whole<g::quantity>("150元/人/年"));
    CHECK(whole<g::quantity>("1名"));
    CHECK_FALSE(whole<g::quantity>("10 得分"));
    CHECK_FALSE(whole<g::quantity>("5个新建功能"));
}

TEST_CASE("dates, months and deadlines", "[grammar]") {
    for (const char* s :
         {"2023-11-30", "2023-11", "2023年12月", "2023年12月31日", "11月底", "12月", "2023年"})
        CHECK(whole<g::date>(s));
    CHECK_FALSE(whole<g::date>("12个月"));
    CHECK(whole<g::measured>("2023年12月前"));
    CHECK(whole<g::operand>("2022-05-01至2023-04-30"));
    CHECK(whole<g::date>("2021.7.14"));
    CHECK(whole<g::date_range>("2022.5-2023.4"));
    CHECK(whole<g::date_range>("2021.7.14-2022.7.14"));
    CHECK_FALSE(whole<g::date>("2022.10")); // a number, unless it is one end of a period
}

TEST_CASE("grades and grade scales", "[grammar]") {
    CHECK(whole<g::scale_lit>("优良中低差"));
    CHECK(whole<g::scale_lit>("好/较好/一般/较差/差"));
    CHECK(whole<g::grade>("优"));
    CHECK(whole<g::measured>("达到良以上"));
    CHECK_FALSE(whole<g::grade>("好评"));
}

TEST_CASE("values: measured, text, combined, budget references, 不涉及", "[grammar]") {
    CHECK(whole<g::value>("≥ 350天"));
    CHECK(whole<g::value>("不少于8次，\"受众人数\" 不少于 3万人次"));
    CHECK(whole<g::value>("\"按月拨付\""));
    CHECK(whole<g::value>("不超过预算批复数"));
    CHECK(whole<g::value>("80%-90%"));
    CHECK(whole<g::value>("不涉及"));
    CHECK(whole<g::value>("90%以上"));
    CHECK_FALSE(whole<g::value>("按月拨付"));
}

TEST_CASE("statements", "[grammar]") {
    CHECK(whole<g::total_stmt>("总分 分值 100 得分 99.99"));
    CHECK(whole<g::total_stmt>("total weight 100 score 95"));
    CHECK(whole<g::grade_stmt>("等级 优秀"));
    CHECK(whole<g::fund_row>(
        "年度资金总额 年初 280 全年 280 执行 279.77 分值 10 执行率 99.92% 得分 9.99"));
    CHECK(whole<g::fund_row>(
        "all-funds initial 280 annual 280 spent 279.77 weight 10 rate 99.92% score 9.99"));
    CHECK(whole<g::funds_block>("项目资金 万元 { 年度资金总额 全年 67.3624万 执行 67万 }"));
    CHECK(whole<g::indicator>("\"展示场景数量\" 指标值 = 8 个 完成值 8 个 分值 10 得分 10"));
    CHECK(whole<g::indicator>("\"x\" target ≥ 90% actual 95% weight 10 score 10 reason \"\""));
    CHECK(whole<g::level2_block>("数量指标 { \"a\" 分值 1 \"b\" 分值 2 }"));
    CHECK(whole<g::level2_block>("\"服务对象满意度标\" { 不涉及 }"));
    CHECK(whole<g::goal_block>("年度总体目标 { 预期目标 \"a\" 实际完成情况 \"b\" }"));
}
