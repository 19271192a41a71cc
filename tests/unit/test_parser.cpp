#include <catch2/catch.hpp>

#include "diag/render.hpp"
#include "model/lower.hpp"
#include "syntax/parser.hpp"

using namespace jx;

TEST_CASE("a spec parses into a tree whose nodes point back at the source", "[parser]") {
    SourceFile src("t.jx",
                   "项目 \"驾驶舱\" {\n  产出指标 {\n    数量指标 {\n      \"展示场景数量\" 指标值 "
                   "＝8个 完成值 8 个 分值 10 得分 10\n    }\n  }\n}\n");
    auto r = syntax::parse(src);
    REQUIRE(r.ok());
    REQUIRE(r.file.projects.size() == 1);
    const auto& ind = r.file.projects[0].categories.at(0).children.at(0).indicators.at(0);
    CHECK(ind.name.text == "展示场景数量");
    CHECK(src.text().substr(ind.name.span.begin, ind.name.span.end - ind.name.span.begin) ==
          "\"展示场景数量\"");
    REQUIRE(ind.target);
    const auto& cond = ind.target->value.conditions.at(0);
    CHECK(cond.prefix->cmp == ast::Cmp::eq);
    CHECK(cond.prefix->token.text == "＝");
    CHECK(cond.low->quantity.number.text == "8");
    CHECK(cond.low->quantity.unit->text == "个");
    CHECK(ind.weight->number.text == "10");
    Position p = src.position(ind.weight->number.span.begin);
    CHECK(p.line == 4);
}

TEST_CASE("English keywords build the same tree as Chinese ones", "[parser]") {
    SourceFile zh("zh.jx", "项目 \"p\" { 年度 2022 总分 分值 100 得分 95 }");
    SourceFile en("en.jx", "project \"p\" { year 2022 total weight 100 score 95 }");
    auto a = syntax::parse(zh), b = syntax::parse(en);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.file.projects[0].total->score->number.text ==
          b.file.projects[0].total->score->number.text);
    CHECK(a.file.projects[0].year->number.text == "2022");
    CHECK(b.file.projects[0].year->number.text == "2022");
}

TEST_CASE("the template, the second signature and the texts under the table reach the model",
          "[parser]") {
    SourceFile zh("zh.jx", "项目 \"p\" { 财务负责人 \"王五\" 模板 \"sichuan\" 评价结论 \"好\"\n"
                           "存在问题 \"慢\" 改进措施 \"\"\"按月\n通报\"\"\" }");
    SourceFile en("en.jx", "project \"p\" { finance-officer \"王五\" template \"sichuan\" "
                           "conclusion \"好\" problems \"慢\" measures \"\"\"按月\n通报\"\"\" }");
    for (SourceFile* src : {&zh, &en}) {
        INFO(src->name());
        auto r = syntax::parse(*src);
        REQUIRE(r.ok());
        std::vector<Diagnostic> ignored;
        auto m = model::lower(r.file.projects.at(0), ignored);
        CHECK(m.finance_officer == "王五");
        CHECK(m.layout == "sichuan");
        CHECK(m.conclusion == "好");
        CHECK(m.problems == "慢");
        CHECK(m.measures == "按月\n通报");
    }
}

TEST_CASE("a template or a text written twice, or without its string, is an error", "[parser]") {
    SourceFile twice("t.jx", "项目 \"p\" { 模板 \"a\" 模板 \"b\" }");
    auto r = syntax::parse(twice);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "duplicate-field");
    SourceFile bare("b.jx", "项目 \"p\" { 评价结论 好 }");
    auto b = syntax::parse(bare);
    REQUIRE(!b.diagnostics.empty());
    CHECK(b.diagnostics[0].code == "expected-string");
    CHECK(b.diagnostics[0].message.find("评价结论") != std::string::npos);
}

TEST_CASE("three independent mistakes give three diagnostics", "[parser]") {
    SourceFile src("t.jx", "项目 \"p\" {\n"
                           "  年度 22\n"
                           "  产出指标 {\n"
                           "    数量指标 {\n"
                           "      \"a\" 指标值 1名 完成值 1名 分值 abc 得分 30\n"
                           "      \"b\" 指标值 \"x\" 完成值 \"x\" 分值 10 得分 10 偏差 \"y\"\n"
                           "      \"c\" 指标值 \"x\" 完成值 \"x\" 分值 10 得分 10\n"
                           "    }\n"
                           "  }\n"
                           "}\n");
    auto r = syntax::parse(src);
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].code == "expected-year");
    CHECK(r.diagnostics[1].code == "expected-number");
    CHECK(r.diagnostics[2].code == "unexpected-in-indicator");
    // What parses around the mistakes is kept: a row with a stray word keeps its fields, marked.
    const auto& inds = r.file.projects.at(0).categories.at(0).children.at(0).indicators;
    REQUIRE(inds.size() == 2);
    CHECK(inds[0].name.text == "b");
    CHECK(inds[0].damaged);
    CHECK(inds[0].weight);
    CHECK(inds[1].name.text == "c");
    CHECK_FALSE(inds[1].damaged);
    CHECK(r.file.projects.at(0).damaged);
}

TEST_CASE("a BOM is accepted, CRLF line ends are accepted", "[parser]") {
    SourceFile src("t.jx", "\xEF\xBB\xBF项目 \"p\" {\r\n  年度 2022\r\n}\r\n");
    auto r = syntax::parse(src);
    CHECK(r.ok());
    CHECK(r.file.has_bom);
}

TEST_CASE("invalid UTF-8, NUL bytes and oversized files are clear errors", "[parser]") {
    SourceFile bad("t.jx", std::string("项目 \"\xff\" {}"));
    auto r = syntax::parse(bad);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "invalid-utf8");
    SourceFile nul("t.jx", std::string("项目 \"a\0\" {}", 13));
    CHECK(syntax::parse(nul).diagnostics.at(0).code == "nul-byte");
    syntax::Limits small;
    small.max_file_bytes = 4;
    CHECK(syntax::parse(SourceFile("t.jx", "项目 \"a\" {}"), small).diagnostics.at(0).code ==
          "file-too-large");
}

TEST_CASE("deep nesting and long strings hit limits, not the stack", "[parser]") {
    std::string deep = "项目 \"p\" {\n" + std::string(10000, '{') + "\n}\n";
    auto r = syntax::parse(SourceFile("t.jx", deep));
    CHECK_FALSE(r.ok());
    syntax::Limits small;
    small.max_string_bytes = 16;
    auto s = syntax::parse(SourceFile("t.jx", "项目 \"" + std::string(100, 'a') + "\" {}"), small);
    REQUIRE_FALSE(s.ok());
    CHECK(s.diagnostics[0].code == "string-too-long");
}

TEST_CASE("a block without its closing brace is reported once, where its indentation ends it",
          "[parser][slips]") {
    const std::string text =
        "项目 \"a\" {\n"
        "  年度 2022\n"
        "  产出指标 {\n"
        "    数量指标 {\n"
        "      \"x\" 指标值 ≥ 1个 完成值 1个 分值 10 得分 10\n"
        "    }\n"
        "  效益指标 {\n"
        "    社会效益指标 { \"y\" 指标值 \"好\" 完成值 \"好\" 分值 10 得分 10 }\n"
        "  }\n"
        "}\n"
        "项目 \"b\" { 年度 2022 }\n";
    jx::SourceFile src("t.jx", text);
    auto r = jx::syntax::parse(src);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "expected-close-brace");
    CHECK(src.position(r.diagnostics[0].labels[0].span.begin).line == 6);
    REQUIRE(r.file.projects.size() == 2); // both still read
    CHECK(r.file.projects[0].categories.size() == 2);
    // Balanced braces are never repaired, whatever the indentation.
    jx::SourceFile flat("f.jx", "项目 \"a\" {\n年度 2022\n产出指标 {\n}\n}\n");
    CHECK(jx::syntax::parse(flat).ok());
}
