// The vocabulary has one home (src/vocab/vocabulary.hpp): the language reference's keyword table
// says what it holds, row for row, and the grammar reads every spelling of it.
#include <catch2/catch.hpp>

#include <algorithm>

#include <sstream>

#include "model/project.hpp"
#include "model/units.hpp"
#include "scoring/policy.hpp"
#include "support.hpp"
#include "syntax/parser.hpp"
#include "vocab/vocabulary.hpp"

using namespace jx;

namespace {

// "年初预算数, 年初" or "年度资金总额 / 当年财政拨款" → the spellings.
std::vector<std::string> spellings(std::string cell) {
    std::vector<std::string> out;
    for (std::size_t at; (at = cell.find(" / ")) != std::string::npos;) // n/a stays whole
        cell.replace(at, 3, ", ");
    std::stringstream ss(cell);
    for (std::string part; std::getline(ss, part, ',');) {
        auto b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    }
    return out;
}

std::vector<std::string> of(const std::array<std::string_view, 4>& words) {
    std::vector<std::string> out;
    for (auto w : words)
        if (!w.empty()) out.emplace_back(w);
    return out;
}

} // namespace

TEST_CASE("the reference's keyword table is the vocabulary's, row for row", "[vocab]") {
    std::string ref = test::read(test::source_path("grammar/REFERENCE.md"));
    std::size_t start = ref.find("| Chinese | English | where |");
    REQUIRE(start != std::string::npos);
    std::stringstream lines(ref.substr(start));
    std::string line;
    std::getline(lines, line); // header
    std::getline(lines, line); // |---|
    std::size_t row = 0;
    while (std::getline(lines, line) && line.rfind("|", 0) == 0) {
        INFO(line);
        REQUIRE(row < std::size(vocab::keywords));
        std::vector<std::string> cells;
        std::stringstream cs(line.substr(1));
        for (std::string cell; std::getline(cs, cell, '|');)
            cells.push_back(cell);
        REQUIRE(cells.size() >= 3);
        const auto& k = vocab::keywords[row];
        CHECK(spellings(cells[0]) == of(k.chinese));
        CHECK(spellings(cells[1]) == of(k.english));
        CHECK(cells[2].find(std::string(k.where)) == 1);
        ++row;
    }
    CHECK(row == std::size(vocab::keywords));
}

TEST_CASE("every spelling of every keyword and category is read by the grammar", "[vocab]") {
    // Each keyword spelling in the place it is written; each category as a level 1 or level 2.
    auto parses = [](const std::string& spec) {
        SourceFile src("v.jx", spec);
        auto r = syntax::parse(src);
        INFO(spec);
        for (const auto& d : r.diagnostics)
            INFO(d.message);
        return r.ok();
    };
    for (const auto& c : vocab::categories) {
        CHECK(parses("项目 \"p\" { " + std::string(c.name) + " { 数量指标 { \"r\" 分值 1 } } }"));
        if (!c.english.empty())
            CHECK(parses("project \"p\" { output { " + std::string(c.english) +
                         " { \"r\" weight 1 } } }"));
    }
    const auto& reason = *std::find_if(
        std::begin(vocab::keywords), std::end(vocab::keywords),
        [](const vocab::Keyword& k) { return k.chinese[0] == vocab::kw::reason.view(); });
    for (auto w : reason.chinese) // 偏差原因…
        if (!w.empty())
            CHECK(parses("项目 \"p\" { 产出指标 { 数量指标 { \"r\" " + std::string(w) +
                         " \"x\" } } }"));
    // The texts of a project: metadata and the assessment texts under the table.
    for (const auto& k : vocab::keywords) {
        if (k.where != "metadata" && k.where != "assessment text") continue;
        if (k.chinese[0] == vocab::kw::year.view()) continue; // a year, not a text
        if (k.chinese[0] == vocab::kw::head_info.view()) {    // a label and a text
            CHECK(parses("项目 \"p\" { 表头 \"项目类别\" \"x\" }"));
            CHECK(parses("project \"p\" { head \"项目类别\" \"x\" }"));
            continue;
        }
        for (auto w : k.chinese)
            if (!w.empty()) CHECK(parses("项目 \"p\" { " + std::string(w) + " \"x\" }"));
        for (auto w : k.english)
            if (!w.empty()) CHECK(parses("project \"p\" { " + std::string(w) + " \"x\" }"));
    }
    for (auto w : {vocab::kw::target.view(), vocab::kw::target_short.view(),
                   vocab::kw::actual.view(), vocab::kw::actual_short.view()})
        CHECK(parses("项目 \"p\" { 产出指标 { 数量指标 { \"r\" " + std::string(w) + " 5个 } } }"));
    // A disclosure's keywords, Chinese and English.
    CHECK(parses("部门 \"d\" { 年度 2023 项目总数 5 行 1 评价项目数 4 不予评价数 1 等级 优秀 4 "
                 "部门得分 95 加权平均 部门得分 95 算术平均 涉及金额 10万元 }"));
    CHECK(parses("department \"d\" { year 2023 projects 5 line 1 evaluated 4 not-evaluated 1 grade "
                 "excellent 4 department-score 95 weighted department-score 95 mean "
                 "evaluated-funds 10 }"));
}

TEST_CASE("the model and the policy name categories through the vocabulary", "[vocab]") {
    for (const auto& c : vocab::categories) {
        CHECK(model::canonical_category(std::string(c.name)) == c.name);
        if (!c.english.empty()) CHECK(model::canonical_category(std::string(c.english)) == c.name);
        if (!c.short_form.empty())
            CHECK(model::canonical_category(std::string(c.short_form)) == c.name);
    }
    CHECK(model::canonical_category(" 社会效益 ") == "社会效益指标");
    CHECK(model::canonical_category("自定义指标") == "自定义指标");
    auto p = scoring::Policy::defaults();
    REQUIRE(p.categories.size() == std::size(vocab::tree));
    CHECK(p.categories[0].first == "产出指标");
    CHECK(p.categories[0].second ==
          std::vector<std::string>{"数量指标", "质量指标", "时效指标", "成本指标"});
    CHECK(p.categories[2].second == std::vector<std::string>{"服务对象满意度指标"});
}

TEST_CASE("the unit words of the vocabulary are the units the model converts", "[vocab]") {
    std::size_t n = 0;
    for (auto u : jx::vocab::unit_words) {
        INFO(u);
        CHECK(jx::model::is_known_unit(u));
        ++n;
    }
    CHECK(n == jx::model::known_unit_count());
}
