// fmt over every real spec and every example: idempotent, lossless, already applied.
#include <catch2/catch.hpp>

#include "format/format.hpp"
#include "support.hpp"
#include "syntax/parser.hpp"

using namespace jx;

static std::string fmt_text(const std::string& name, const std::string& text) {
    SourceFile src(name, text);
    auto r = syntax::parse(src);
    REQUIRE(r.ok());
    return format::format(r.file, src.text());
}

static std::string dump_of(const std::string& text) {
    SourceFile src("x.jx", text);
    auto r = syntax::parse(src);
    REQUIRE(r.ok());
    return ast::dump(r.file);
}

TEST_CASE("fmt is idempotent and keeps the parse, on every spec and example", "[format]") {
    auto files = test::files_under("indicator_specs", ".jx");
    auto examples = test::files_under("examples", ".jx");
    files.insert(files.end(), examples.begin(), examples.end());
    REQUIRE(files.size() >= 13);
    for (const auto& f : files) {
        INFO(f);
        std::string x = test::read(test::source_path(f));
        std::string once = fmt_text(f, x);
        CHECK(fmt_text(f, once) == once);   // fmt(fmt(x)) == fmt(x)
        CHECK(dump_of(once) == dump_of(x)); // parse(fmt(x)) == parse(x), comments included
        CHECK(once == x);                   // the committed files are formatted (fmt --check)
    }
}

TEST_CASE("fmt aligns columns by display width and keeps comments and text", "[format]") {
    std::string in = "# head\n项目 \"p\" { 产出指标 { 数量指标 {\n"
                     "\"长名称指标\" 指标值 ≥95% 分值 10 # trailing\n"
                     "\"ab\" 指标值 \"按月  拨付\" 分值 5 } } }\n";
    std::string out = fmt_text("t.jx", in);
    CHECK(out == "# head\n"
                 "项目 \"p\" {\n"
                 "  产出指标 {\n"
                 "    数量指标 {\n"
                 "      \"长名称指标\"  指标值 ≥ 95%         分值 10  # trailing\n"
                 "      \"ab\"          指标值 \"按月  拨付\"  分值 5\n"
                 "    }\n"
                 "  }\n"
                 "}\n");
}
