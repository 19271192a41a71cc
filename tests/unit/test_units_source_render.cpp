// The small foundations every finding stands on: units and their families (model/units), byte
// offsets to line:column (base/source), and the one diagnostic renderer (diag/render), each
// compared as the user sees it.
#include <catch2/catch.hpp>

#include "base/source.hpp"
#include "diag/render.hpp"
#include "model/units.hpp"

using namespace jx;
using model::Family;

TEST_CASE("units: families and factors, full-width forms and unknown count words", "[units]") {
    CHECK(model::unit_of("万元").family == Family::money);
    CHECK(model::unit_of("万元").factor.to_string() == "10000");
    CHECK(model::unit_of("亿元").factor.to_string() == "100000000");
    CHECK(model::unit_of("个月").factor.to_string() == "2592000"); // 30 days
    CHECK(model::unit_of("年").factor.to_string() == "31536000");  // 365 days
    CHECK(model::unit_of("‰").factor.to_string() == "0.100000");
    CHECK(model::unit_of("％").family == Family::percent); // full width
    CHECK(model::unit_of(" 小时 ").family == Family::time);
    CHECK(model::unit_of("场").family == Family::count); // any other word counts things
    CHECK(model::unit_of("").family == Family::none);
    CHECK(model::unit_of("万").family == Family::none); // a bare multiplier
    CHECK(model::unit_of("元/人/年").family == Family::compound);
    CHECK(model::unit_of("元/人/年").text == "元/人/年");
}

TEST_CASE("units: what can be compared with what", "[units]") {
    auto u = [](const char* t) { return model::unit_of(t); };
    CHECK(model::compatible(u("万元"), u("元")));
    CHECK(model::compatible(u("天"), u("个月")));
    CHECK_FALSE(model::compatible(u("万元"), u("天")));
    CHECK_FALSE(model::compatible(u("%"), u("个")));
    CHECK(model::compatible(u(""), u("天")));     // a bare number takes the other side's unit
    CHECK(model::compatible(u("万"), u("人次"))); // and so does a bare multiplier
    CHECK(model::compatible(u("元/人/年"), u("元/人/年")));
    CHECK_FALSE(model::compatible(u("元/人/年"), u("元/人")));
    CHECK(std::string(model::family_name(Family::money)) != "");
}

TEST_CASE("source positions: lines, columns in code points, CRLF, the last line", "[source]") {
    SourceFile f("x.jx", "ab\r\n绩效 x\n\nlast");
    CHECK(f.position(0).line == 1);
    CHECK(f.position(4).line == 2);
    CHECK(f.position(4).column == 1);
    // "x" after two three-byte characters and a space: column 4.
    Position x = f.position(static_cast<std::uint32_t>(std::string("ab\r\n绩效 ").size()));
    CHECK(x.line == 2);
    CHECK(x.column == 4);
    CHECK(f.line_text(1) == "ab"); // without its CR
    CHECK(f.line_text(2) == "绩效 x");
    CHECK(f.line_text(3) == "");
    CHECK(f.line_text(4) == "last");
    CHECK(f.position(static_cast<std::uint32_t>(f.text().size())).line == 4);
    CHECK(f.line_start(4) == std::string("ab\r\n绩效 x\n\n").size());
}

TEST_CASE("the renderer: carets under CJK text, secondary labels, notes, no source", "[render]") {
    std::string text = "项目 \"p\" {\n  \"培训\"  分值 10  得分 12\n}\n";
    SourceFile f("t.jx", text);
    auto at = [&](const std::string& needle) {
        auto b = static_cast<std::uint32_t>(text.find(needle));
        return Span{b, b + static_cast<std::uint32_t>(needle.size())};
    };
    Diagnostic d =
        make_error("score-exceeds-weight", "\"培训\" scores 12 but its weight is only 10")
            .label(at("12"))
            .label(at("10"), "the weight", false)
            .note("12 > 10");
    // 12 starts at code point 19; it sits 24 columns in (培训, 分值 and 得分 are two columns a
    // character), 10 at 15.
    CHECK(render(d, &f) == "t.jx:2:19: error[score-exceeds-weight]: \"培训\" scores 12 but its "
                           "weight is only 10\n"
                           "  |\n"
                           "2 |   \"培训\"  分值 10  得分 12\n"
                           "  |                -- the weight\n"
                           "  |                         ^^\n"
                           "  = note: 12 > 10\n");
    // Without a source: the message alone; colour only when asked.
    Diagnostic io = make_error("io-error", "cannot read a.jx: Permission denied");
    CHECK(render(io, nullptr) == "error[io-error]: cannot read a.jx: Permission denied\n");
    CHECK(render(io, nullptr, {true}).find("\x1b[1;31merror[io-error]") != std::string::npos);
    Diagnostic w = make_warning("no-project", "the file holds no project");
    CHECK(render(w, nullptr) == "warning[no-project]: the file holds no project\n");
}
