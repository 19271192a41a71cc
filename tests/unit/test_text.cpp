#include <catch2/catch.hpp>

#include "base/source.hpp"
#include "base/text.hpp"

using namespace jx;

TEST_CASE("display width counts CJK and full-width characters as two columns", "[text]") {
    CHECK(text::display_width("abc") == 3);
    CHECK(text::display_width("绩效") == 4);
    CHECK(text::display_width("≥95％") == 5);    // ≥ is narrow, ％ is full-width
    CHECK(text::display_width("“丰九条”") == 8); // curly quotes are ambiguous: counted narrow
}

TEST_CASE("NFKC makes full-width and half-width forms the same", "[text]") {
    CHECK(text::nfkc("９５．５") == "95.5");
    CHECK(text::nfkc("＝８") == "=8");
    CHECK(text::nfkc("（万元）") == "(万元)");
}

TEST_CASE("invalid UTF-8 is located", "[text]") {
    CHECK(text::find_invalid_utf8("绩效") == std::string_view::npos);
    CHECK(text::find_invalid_utf8("ab\xff") == 2);
    CHECK(text::find_invalid_utf8("\xe7\xbb") == 0);     // truncated sequence
    CHECK(text::find_invalid_utf8("\xc0\x80") == 0);     // overlong NUL
    CHECK(text::find_invalid_utf8("\xed\xa0\x80") == 0); // surrogate
}

TEST_CASE("positions count code points per line", "[text]") {
    SourceFile f("x.jx", "项目 \"a\"\n  分值 abc\n");
    CHECK(f.position(0).line == 1);
    Position p = f.position(static_cast<std::uint32_t>(std::string("项目 \"a\"\n  分值 ").size()));
    CHECK(p.line == 2);
    CHECK(p.column == 6);
    CHECK(f.line_text(2) == "  分值 abc");
}

TEST_CASE("NFKC keeps plain CJK and ASCII as they are and folds the rest", "[text]") {
    CHECK(jx::text::nfkc("培训人数 ≥ 100") == "培训人数 ≥ 100");
    CHECK(jx::text::nfkc("培训人数ａｂ１") == "培训人数ab1");
    CHECK(jx::text::nfkc("\uF900") == "\u8C48");  // a compatibility ideograph outside the fast path
    CHECK(jx::text::nfkc("e\u0301") == "\u00E9"); // ASCII then a combining mark composes
}

TEST_CASE("invalid UTF-8 is found at its offset wherever it falls in an ASCII run", "[text]") {
    for (std::size_t at = 0; at < 20; ++at) {
        std::string s(20, 'a');
        s[at] = '\xFF';
        CHECK(jx::text::find_invalid_utf8(s) == at);
        s[at] = 'b';
        s += "年度";
        CHECK(jx::text::find_invalid_utf8(s) == std::string_view::npos);
        CHECK(jx::text::find_invalid_utf8(s.substr(0, s.size() - 1)) == s.size() - 3);
    }
}

TEST_CASE("ill-formed UTF-8 of every kind is found at the start of its sequence", "[text]") {
    using jx::text::find_invalid_utf8;
    CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);         // overlong '/'
    CHECK(find_invalid_utf8("ab\xE0\x80\xAF") == 2);     // overlong, three bytes
    CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2);     // a surrogate
    CHECK(find_invalid_utf8("ab\xF4\x90\x80\x80") == 2); // above U+10FFFF
    CHECK(find_invalid_utf8("ab\xE5\xB9") == 2);         // cut short at the end
    CHECK(find_invalid_utf8("ab\xE5\x41\xB9") == 2);     // a continuation missing
    CHECK(find_invalid_utf8("\x80") == 0);               // a lone continuation byte
    CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0);
    CHECK(find_invalid_utf8("年度\xF0\x9F\x98\x80\xEF\xBF\xBD") == std::string_view::npos);
}

TEST_CASE("GB18030: decoded by ICU, told apart from UTF-8 with a stray piece", "[text]") {
    // "项目名称 北京" in GB18030.
    const std::string gbk = "\xCF\xEE\xC4\xBF\xC3\xFB\xB3\xC6 \xB1\xB1\xBE\xA9";
    CHECK(text::gb18030_to_utf8(gbk) == std::optional<std::string>("项目名称 北京"));
    CHECK(text::looks_like_gb18030(gbk));
    // UTF-8 with 北京 pasted in GBK: converting the whole would garble the rest.
    CHECK_FALSE(text::looks_like_gb18030("项目名称 \xB1\xB1\xBE\xA9"));
    // A byte GB18030 does not have either, and an incomplete sequence at the end.
    std::size_t offset = 0;
    CHECK_FALSE(text::gb18030_to_utf8("ab\x80", &offset));
    CHECK(offset == 2);
    CHECK_FALSE(text::gb18030_to_utf8("\xCF\xEE\xC4", &offset));
    CHECK_FALSE(text::looks_like_gb18030("caf\xE9"));
}

TEST_CASE("terminal output shows control characters and stray bytes as escapes", "[text]") {
    CHECK(text::for_terminal("a\x1b[2Jb") == "a\\x1b[2Jb");
    CHECK(text::for_terminal("x.jx\nerror: forged") == "x.jx\\nerror: forged");
    CHECK(text::for_terminal("\t\r\x7f") == "\\t\\r\\x7f");
    CHECK(text::for_terminal("\xc2\x9b") == "\\u{9b}"); // C1 CSI, which terminals obey
    CHECK(text::for_terminal("\xff绩效") == "\\xff绩效");
    CHECK(text::for_terminal("绩效 ≥ 90% \xef\xbf\xbd") == "绩效 ≥ 90% \xef\xbf\xbd");
}

TEST_CASE("XML-safe text replaces what XML 1.0 forbids", "[text]") {
    std::size_t n = 0;
    CHECK(text::xml_safe("a\x01"
                         "b\xef\xbf\xbe\tc\n",
                         &n) == "a\xef\xbf\xbd"
                                "b\xef\xbf\xbd\tc\n");
    CHECK(n == 2);
    CHECK(text::xml_safe("\xff", &n) == "\xef\xbf\xbd");
    CHECK(text::xml_safe("项目 ≥ 90%", &n) == "项目 ≥ 90%");
    CHECK(n == 0);
}

TEST_CASE("case folding makes names Excel takes for one the same", "[text]") {
    CHECK(text::case_fold("ABC") == text::case_fold("abc"));
    CHECK(text::case_fold("Ä项目") == text::case_fold("ä项目"));
    CHECK(text::case_fold("项目") == "项目");
}

TEST_CASE("the UTF-8 check agrees with the decoder on every lead byte and its boundaries",
          "[text]") {
    // The decoder (next_code_point) takes the well-formed sequences one by one; the check takes
    // shortcuts (ASCII runs, CJK three-byte sequences). Both must find the same first bad byte.
    auto slow = [](std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            std::size_t start = i;
            char32_t cp = jx::text::next_code_point(s, i);
            if (cp == 0xFFFD && s.substr(start, 3) != "\xEF\xBF\xBD") return start;
        }
        return std::string_view::npos;
    };
    const unsigned char tails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
                                   0x9F, 0xA0, 0xBF, 0xC0, 0xF5, 0xFF};
    std::size_t cases = 0;
    for (int lead = 0x80; lead <= 0xFF; ++lead)
        for (unsigned char b1 : tails)
            for (unsigned char b2 : tails)
                for (unsigned char b3 : tails) {
                    std::string s = "ab";
                    s += static_cast<char>(lead);
                    s += static_cast<char>(b1);
                    s += static_cast<char>(b2);
                    s += static_cast<char>(b3);
                    for (std::size_t cut = 3; cut <= s.size(); ++cut) {
                        std::string_view v(s.data(), cut);
                        INFO("bytes " << std::hex << lead << ' ' << int(b1) << ' ' << int(b2) << ' '
                                      << int(b3) << " cut " << cut);
                        REQUIRE(jx::text::find_invalid_utf8(v) == slow(v));
                        ++cases;
                    }
                }
    CHECK(cases == 128 * 12 * 12 * 12 * 4);
}

TEST_CASE("edit distance in code points, and the nearest candidate", "[text]") {
    using jx::text::edit_distance;
    CHECK(edit_distance("check", "chek") == 1);
    CHECK(edit_distance("check", "chekc") == 1); // neighbours swapped
    CHECK(edit_distance("产出指表", "产出指标") == 1);
    CHECK(edit_distance("万圆", "万元") == 1);
    CHECK(edit_distance("", "得分") == 2);
    CHECK(edit_distance("abcdefghij", "z", 3) == 4); // stops past the limit
    std::vector<std::string_view> commands{"check", "score", "fmt", "import", "render", "policy"};
    CHECK(jx::text::nearest("chek", commands, 2) == std::optional<std::string_view>("check"));
    CHECK(jx::text::nearest("rendr", commands, 2) == std::optional<std::string_view>("render"));
    CHECK_FALSE(jx::text::nearest("xyzzy", commands, 2));
    // Two as near: no guess.
    CHECK_FALSE(jx::text::nearest("ab", {"aa", "bb"}, 1));
}
