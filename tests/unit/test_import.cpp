// The importer on every layout variation of the issue, on CSV, and on the real seeds.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "base/text.hpp"
#include "driver/check.hpp"
#include "import/import.hpp"
#include "support.hpp"

using namespace jx;
using namespace jx::import;
using jx::test::dump;

static const std::vector<std::string> header{
    "绩\n效\n指\n标", "一级指标",       "二级指标",
    "三级指标",       "年度\n\n指标值", "实际\n\n完成值",
    "分值",           "得分",           "偏差原因分析及改进\n措施"};

static ImportResult run(const std::string& text) {
    return import_text("t.txt", text, Format::text);
}

TEST_CASE("the text dump reader: cells, continuation lines, empty cells, rows, prose", "[import]") {
    Grid g;
    std::string error;
    REQUIRE(read_text_dump("前言\n\t项目资金\n（万元）\n\t\n\t280\n\n正文\n", g, error));
    REQUIRE(g.size() == 3);
    CHECK(g[0].kind == Item::Kind::prose);
    REQUIRE(g[1].cells.size() == 3);
    CHECK(g[1].cells[0].text == "项目资金\n（万元）");
    CHECK(g[1].cells[1].text.empty());
    CHECK(g[1].cells[2].line == 5);
    CHECK(g[2].prose.text == "正文");
}

TEST_CASE("the CSV reader: quotes, commas and line breaks in fields, a BOM", "[import][csv]") {
    Grid g;
    std::string error;
    REQUIRE(read_csv("\xEF\xBB\xBF"
                     "项目名称,\"a, \"\"b\"\"\"\n\"多\n行\",x\n",
                     g, error));
    REQUIRE(g.size() == 2);
    CHECK(g[0].cells[1].text == "a, \"b\"");
    CHECK(g[1].cells[0].text == "多\n行");
    CHECK(g[1].cells[1].where == "row 2, column 2");
    CHECK_FALSE(read_csv("a,\"open\n", g, error));
    CHECK(error == "a quoted field opened on line 1 is never closed");
}

TEST_CASE("values become spec syntax when the language reads them whole, text otherwise",
          "[import]") {
    CHECK(spec_value("≥350天") == "≥350天");
    CHECK(spec_value("不少于8次") == "不少于8次");
    CHECK(spec_value("优") == "优");
    CHECK(spec_value(" 按月拨付") == "\"按月拨付\"");
    CHECK(spec_value("8大场景、35个子场景") == "\"8大场景、35个子场景\"");
    CHECK(spec_value("第一段\n第二段") == "\"第一段\\n第二段\"");
    CHECK(spec_value("他说\"好\"") == "\"他说\\\"好\\\"\"");
}

TEST_CASE("a standard table, with level cells left empty when they repeat", "[import]") {
    auto r = run(dump({{"项目名称", "部门运转聘用人员经费"},
                       {"项目资金\n（万元）", "", "年初预\n算数", "全年预\n算数", "全年\n执行数",
                        "分值", "执行率", "得分"},
                       {"", "年度资金总额", "6.4", "6.4", "6.4", "10", "100%", "10"},
                       header,
                       {"", "产出指标", "数量指标", "聘用人数", "1名", "1名", "30", "30", ""},
                       {"", "", "质量指标", "完成工作情况", "按时保质保量完成工作", "按计划  完成",
                        "20", "20", ""},
                       {"", "效益指标", "经济效益\n指标", "不涉及", "", "", "", "", ""},
                       {"总分", "100", "100", ""}}));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    CHECK(s.file_name == "t-01.jx");
    CHECK(s.spec.find("年度资金总额  年初预算数 6.4  全年预算数 6.4  全年执行数 6.4  分值 10  "
                      "执行率 100%  得分 10") != std::string::npos);
    CHECK(s.spec.find("\"聘用人数\"      指标值 1名") != std::string::npos);
    CHECK(s.spec.find("    质量指标 {\n      \"完成工作情况\"") !=
          std::string::npos); // level 1 carried down
    CHECK(s.spec.find("经济效益指标 { 不涉及 }") != std::string::npos);
    CHECK(s.spec.find("总分 分值 100 得分 100") != std::string::npos);
}

TEST_CASE("a missing column is read from the header, and amounts keep their units", "[import]") {
    auto r = run(
        dump({{"项目名称", "城市大脑运维"},
              {"项目资金（万元）", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
              {"", "年度资金总额", "67.3624万", "67万", "10", "100", "10"},
              header,
              {"", "产出指标", "成本指标", "运维费用", "≤67.3624万元", "67万元", "90", "90", ""},
              {"总分", "100", "100", ""}}));
    REQUIRE(r.specs.size() == 1);
    CHECK(
        r.specs[0].spec.find(
            "年度资金总额  全年预算数 67.3624万  全年执行数 67万  分值 10  执行率 100  得分 10") !=
        std::string::npos);
}

TEST_CASE("a row Word split into pieces is joined, and a line without TAB can be one of its cells",
          "[import]") {
    auto r = run(dump(
        {{"项目名称", "中小企业发展专项资金"},
         header,
         {"", "产出指标", "可持续影响指标", "对我区创新创业环境持续影响", "推动大众创业万众创新"},
         {"#推动大众创业万众创新"},
         {"10", "9", ""},
         {"", "", "时效指标", "拨付资金时间", "按时完成资金拨付。", "按时完成资金拨付。按时拨付"},
         {"20", "20", ""},
         {"总分", "30", "29", ""}}));
    REQUIRE(r.specs.size() == 1);
    const auto& spec = r.specs[0].spec;
    INFO(spec);
    CHECK(r.specs[0].whole);
    CHECK(spec.find("完成值 \"推动大众创业万众创新\"") != std::string::npos);
    CHECK(spec.find("分值 10  得分 9") != std::string::npos);
    CHECK(spec.find("分值 20  得分 20") != std::string::npos);
    CHECK(spec.find("源表此行被拆开，已拼合") != std::string::npos);
}

TEST_CASE("a row short of its front cell is aligned from the right", "[import]") {
    auto r =
        run(dump({{"项目名称", "信息化项目评审专家费"},
                  header,
                  {"", "产出指标", "数量指标", "评审项目数量", "≥30个", "159", "20", "20", "无"},
                  {"", "质量指标", "评审标准", "达到良以上", "优", "20", "20", "无"},
                  {"总分", "40", "40", ""}}));
    const auto& spec = r.specs.at(0).spec;
    INFO(spec);
    CHECK(spec.find("    质量指标 {\n      \"评审标准\"") != std::string::npos);
}

TEST_CASE("the project name stated only in the prose before the table", "[import]") {
    auto r =
        run(dump({{"#二、2023年西城家园社会治理服务平台建设项目绩效评价报告"},
                  {"#本项目自评总体情况优秀。评分表如下："},
                  {"一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值",
                   "得分", "偏差原因分析及改进措施"},
                  {"预算执行率", "预算执行率", "预算执行率", "179.28", "179.1", "10", "10", ""},
                  {"产出指标", "数量指标", "指标1", "\"x\"", "\"x\"", "90", "90", ""},
                  {"总计", "100", "100", ""}}));
    REQUIRE(r.specs.size() == 1);
    const auto& spec = r.specs[0].spec;
    INFO(spec);
    CHECK(spec.find("项目 \"2023年西城家园社会治理服务平台建设项目\"") != std::string::npos);
    CHECK(spec.find("预算执行率 {\n    预算执行率 {\n      \"预算执行率\"") !=
          std::string::npos); // the budget as a row
}

TEST_CASE("department-level tables are read into the disclosure's spec, not as projects",
          "[import]") {
    auto r = run(dump({{"序号", "三级指标", "指标性质", "指标值", "度量单位", "指标权重"},
                       {"1", "方案编制内容", "≥", "4", "项", "3"},
                       {"2", "促进产业空间升级", "定性", "优良中低差", "项", "4"}}) +
                 "\n" +
                 dump({{"序号", "三级指标", "计划值", "完成值", "偏差原因"},
                       {"1", "方案编制内容", "4", "0.5", ""},
                       {"2", "党组织建设完成率", "90", "0.6", "新建立党组织3家"}}));
    CHECK(r.specs.empty());
    CHECK(r.skipped.empty());
    REQUIRE(r.disclosure);
    CHECK(r.disclosure->tables == 2);
    const std::string& s = r.disclosure->spec;
    CHECK(s.find("整体绩效目标 {") != std::string::npos);
    CHECK(s.find("指标值 ≥ 4项") != std::string::npos);
    CHECK(s.find("指标值 优良中低差，\"项\"  权重 4") != std::string::npos);
    CHECK(s.find("整体绩效完成 {") != std::string::npos);
    CHECK(s.find("完成值 0.6  偏差原因 \"新建立党组织3家\"") != std::string::npos);
}

TEST_CASE("nothing is lost: a cell that cannot be placed is reported and kept as 未归位",
          "[import]") {
    auto r = run(dump({{"项目名称", "p"},
                       header,
                       {"", "产出指标", "数量指标", "a", "1个", "1个", "十", "10", ""},
                       {"总分", "100", "10", "多余"}}));
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK_FALSE(s.whole);
    REQUIRE(s.table.unplaced.size() == 2);
    CHECK(s.spec.find("未归位 \"line ") != std::string::npos);
    CHECK(s.spec.find("\"十\"") != std::string::npos);
    CHECK(s.spec.find("\"多余\"") != std::string::npos);
}

TEST_CASE("CSV in the official layout imports like a text dump", "[import][csv]") {
    std::string csv = "项目名称,科普项目,,,,,,,\n"
                      "\"项目资金（万元）\",,年初预算数,全年预算数,全年执行数,分值,执行率,得分,\n"
                      ",年度资金总额,552.9232,207.6282,207.6282,10,100%,100,\n"
                      "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,"
                      "偏差原因分析及改进措施\n"
                      ",产出指标,数量指标,支持科普项目数量,13,13,90,90,\n"
                      "总分,100,190,,,,,,\n";
    auto r = import_text("t.csv", csv, Format::csv);
    REQUIRE(r.specs.size() == 1);
    CHECK(r.specs[0].whole);
    CHECK(r.specs[0].spec.find("得分 100") != std::string::npos);
    CHECK(detect_format("x.csv", "") == Format::csv);
}

// ---- the real seeds ------------------------------------------------------------------------

static std::vector<std::string> seed_files() {
    std::vector<std::string> out;
    std::string dir = test::source_path("../shared/seeds");
    INFO("the seeds are expected beside the repository, in ../shared/seeds");
    REQUIRE(std::filesystem::exists(dir));
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".txt") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST_CASE("every project table of the seeds imports whole and the output is reviewed",
          "[import][seeds][golden]") {
    std::size_t tables = 0, whole = 0, skipped = 0;
    std::string golden;
    for (const auto& f : seed_files()) {
        auto r =
            import_text(std::filesystem::path(f).filename().string(), test::read(f), Format::text);
        CHECK(r.failures.empty());
        skipped += r.skipped.size();
        for (const auto& s : r.skipped)
            golden += fmt::format("== skipped {} line {}: {}\n",
                                  std::filesystem::path(f).filename().string(), s.line, s.what);
        for (const auto& s : r.specs) {
            ++tables;
            whole += s.whole;
            golden += "== " + s.file_name + "\n" + s.spec;
        }
    }
    CHECK(tables == 29);
    CHECK(whole == 29);
    CHECK(skipped == 1); // a payment list of 001; the 7 department-level tables are read
    test::check_golden("tests/golden/import/seeds.expected", golden);
}

// Cell accounting: every non-empty cell of every table of every seed is part of the template's
// layout (a heading, a row label), a funds figure marked as not applying (— or 无, absent in the
// spec as in the table), or text found in the spec written for the table; and every table is
// whole (nothing went to comments).
TEST_CASE("import: every cell of every seed table lands in a field of its spec",
          "[import][seeds][accounting]") {
    std::size_t tables = 0, cells = 0, layout = 0, absent = 0, placed = 0;
    for (const auto& f : seed_files()) {
        std::string text = test::read(f);
        Grid grid;
        std::string error;
        REQUIRE(read_text_dump(text, grid, error));
        auto r = import_text(std::filesystem::path(f).filename().string(), text, Format::text);
        for (const auto& s : r.specs) {
            ++tables;
            INFO(s.file_name);
            CHECK(s.whole);
            CHECK(s.table.unplaced.empty());
            // The spec as the cells are compared: no quotes, spaces or line breaks.
            std::string spec;
            for (char c : squeeze(s.spec))
                if (c != '"') spec += c;
            for (std::size_t at; (at = spec.find("\\n")) != std::string::npos;)
                spec.erase(at, 2); // a quoted line break
            std::set<std::size_t> fund_lines;
            for (const auto& fr : s.table.funds)
                fund_lines.insert(fr.line);
            const std::size_t last = std::max(s.table.last_line, s.table.total_line);
            for (const auto& item : grid) {
                if (item.kind != Item::Kind::row || item.line() < s.table.first_line ||
                    item.line() > last)
                    continue;
                for (const auto& cell : item.cells) {
                    std::string t = squeeze(cell.text);
                    if (t.empty()) continue;
                    ++cells;
                    if (is_layout_label(cell.text)) {
                        ++layout;
                        continue;
                    }
                    // A funds figure marked as not applying (— / 无): the figure is absent in
                    // the spec too, which is what the mark says.
                    if (fund_lines.count(item.line()) &&
                        (t == "—" || t == "-" || t == "/" || t == "无" || t == "－")) {
                        ++absent;
                        continue;
                    }
                    INFO("cell " << cell.where << ": " << cell.text);
                    CHECK(spec.find(t) != std::string::npos);
                    placed += spec.find(t) != std::string::npos;
                }
            }
        }
    }
    CHECK(tables == 29);
    CHECK(cells == layout + absent + placed);
    // The figures of today's seeds, so that a change in the accounting shows.
    CHECK(fmt::format("{} tables: {} cells, {} of the layout, {} marked not applying, {} in fields",
                      tables, cells, layout, absent, placed) ==
          "29 tables: 2775 cells, 794 of the layout, 162 marked not applying, 1819 in fields");
}

// The department-level tables go whole into the disclosure's spec: every non-empty cell but the
// header row and the 序号 column is found in it.
TEST_CASE("import: every cell of every department-level table lands in the disclosure's spec",
          "[import][seeds][accounting]") {
    std::size_t tables = 0, cells = 0, placed = 0, qualitative = 0;
    for (const auto& f : seed_files()) {
        std::string text = test::read(f);
        Grid grid;
        std::string error;
        REQUIRE(read_text_dump(text, grid, error));
        Extraction x = extract_tables(grid);
        auto r = import_text(std::filesystem::path(f).filename().string(), text, Format::text);
        if (x.department.empty()) continue;
        REQUIRE(r.disclosure);
        CHECK(r.disclosure->tables == x.department.size());
        std::string spec;
        for (char c : squeeze(r.disclosure->spec))
            if (c != '"') spec += c;
        for (std::size_t at; (at = spec.find("\\n")) != std::string::npos;)
            spec.erase(at, 2);
        for (const auto& d : x.department) {
            ++tables;
            for (const auto& row : d.rows)
                for (std::size_t k = 0; k < row.size(); ++k) {
                    if (k < d.header.size() && d.header[k] == "序号") continue;
                    std::string t = squeeze(row[k].text);
                    for (std::size_t at; (at = t.find("\u3000")) != std::string::npos;)
                        t.erase(at, 3);
                    if (t.empty()) continue;
                    ++cells;
                    // 指标性质 定性: said by the value itself, a grade scale or a text.
                    if (k < d.header.size() && d.header[k] == "指标性质" && t == "定性") {
                        ++qualitative;
                        continue;
                    }
                    INFO(f << " line " << row[k].line << ": " << row[k].text);
                    CHECK(spec.find(t) != std::string::npos);
                    placed += spec.find(t) != std::string::npos;
                }
        }
    }
    CHECK(tables == 7);
    CHECK(cells == placed + qualitative);
    CHECK(fmt::format("{} department-level tables: {} cells, {} in fields, {} 定性 said by the "
                      "value",
                      tables, cells, placed, qualitative) ==
          "7 department-level tables: 270 cells, 265 in fields, 5 定性 said by the value");
}

TEST_CASE("check on the imported seeds finds the errors found on the hand transcriptions",
          "[import][seeds]") {
    auto policy = scoring::Policy::defaults();
    using Key = std::tuple<std::string, std::string, std::string, std::string>;
    // The hand transcriptions hold the tables alone; the index system an evaluation report
    // publishes in its prose (004) is compared with the table only on import.
    auto errors_of = [](const driver::FileReport& r, std::multiset<Key>& out) {
        for (const auto& d : r.diagnostics)
            if (d.severity == Severity::error && d.code.rfind("index-", 0) != 0)
                out.insert({d.subject.project, d.code, d.subject.reported, d.subject.expected});
    };
    std::multiset<Key> imported, hand;
    for (const auto& f : seed_files()) {
        auto r =
            import_text(std::filesystem::path(f).filename().string(), test::read(f), Format::text);
        for (const auto& s : r.specs)
            errors_of(
                driver::check_source(std::make_unique<SourceFile>(s.file_name, s.spec), policy),
                imported);
    }
    for (const auto& rel : test::files_under("indicator_specs", ".jx"))
        errors_of(
            driver::check_source(
                std::make_unique<SourceFile>(rel, test::read(test::source_path(rel))), policy),
            hand);
    CHECK(hand.size() >= 15); // not vacuous: the real tables hold real errors
    CHECK(imported == hand);
}

TEST_CASE("CSV saved by Excel on Chinese Windows (GB18030) imports as its UTF-8 twin",
          "[import][csv]") {
    // The same rendered table, saved in both encodings (iconv -t GB18030).
    std::string utf8 = test::read(test::source_path("tests/data/import/001-02.utf8.csv"));
    std::string gb = test::read(test::source_path("tests/data/import/001-02.gb18030.csv"));
    REQUIRE(text::find_invalid_utf8(utf8) == std::string::npos);
    REQUIRE(text::find_invalid_utf8(gb) != std::string::npos);
    auto a = import_text("t.csv", utf8, Format::csv);
    auto b = import_text("t.csv", gb, Format::csv);
    CHECK(a.notes.empty());
    CHECK(b.notes ==
          std::vector<std::string>{"not UTF-8 (line 1 has an invalid byte); read as GB18030"});
    REQUIRE(a.specs.size() == 1);
    REQUIRE(b.specs.size() == 1);
    CHECK(b.specs[0].whole);
    CHECK(b.specs[0].spec == a.specs[0].spec);
}

TEST_CASE("text in no encoding jixiao reads is refused with the reason", "[import]") {
    auto r = import_text("u16.csv", std::string("\xFF\xFE\x79\x98\xEE\x76", 6), Format::csv);
    CHECK(r.specs.empty());
    CHECK(r.source_error == "u16.csv: the file is UTF-16 (Excel's \"Unicode text\"); save it as "
                            "\"CSV UTF-8\" or as a workbook (xlsx) instead");
    r = import_text("mixed.txt", "前言\n\t项目名称\n\t\xB1\xB1\xBE\xA9\n", Format::text);
    CHECK(r.source_error == "mixed.txt: the file is UTF-8 except at line 3 (byte 0xB1), where some "
                            "text in another encoding was pasted in; retype it there");
    r = import_text("bad.txt", "\t\x80\x80\xFF\n", Format::text);
    CHECK(r.source_error ==
          "bad.txt: the file is neither UTF-8 (line 1 has an invalid byte) nor GB18030 (line 1)");
}

// ---- Word documents ------------------------------------------------------------------------

// A spec without its comments (the source lines they cite differ between formats).
static std::string fields_of(const std::string& spec) {
    std::string out;
    std::istringstream in(spec);
    for (std::string line; std::getline(in, line);) {
        if (auto hash = line.find("  # "); hash != std::string::npos) line.erase(hash);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        if (line.rfind("#", 0) == 0 || line.empty()) continue;
        out += line + "\n";
    }
    return out;
}

TEST_CASE("import: a docx table reads as its text dump, merges and spans included",
          "[import][docx][seeds]") {
    // tests/data/import/make_docx.py wrote the table of seed 001 part1, lines 892-1083, as Word
    // lays it out (vertical merges, a spanning title, a cell's lines as paragraphs).
    std::string docx = test::read(test::source_path("tests/data/import/001-02.docx"));
    auto from_docx = import_text("001-02.docx", docx, Format::docx);
    REQUIRE(from_docx.source_error.empty());
    REQUIRE(from_docx.specs.size() == 1);
    CHECK(from_docx.specs[0].whole);
    CHECK(import::detect_format("x.docx", docx) == Format::docx);
    CHECK(import::detect_format("x", docx) == Format::docx); // told by its content too
    std::string dump =
        test::read(test::source_path("../shared/seeds/001_e5e93a452c6c52c4.part1.txt"));
    std::string lines;
    std::istringstream in(dump);
    int n = 0;
    for (std::string line; std::getline(in, line);)
        if (++n >= 892 && n <= 1083) lines += line + "\n";
    auto from_text = import_text("t.txt", lines, Format::text);
    REQUIRE(from_text.specs.size() == 1);
    CHECK(fields_of(from_docx.specs[0].spec) == fields_of(from_text.specs[0].spec));
    CHECK(from_docx.specs[0].table.name == "基层党组织党建活动经费");
}

// ---- PDF ------------------------------------------------------------------------------------

// The spec a PDF fixture was printed from, read back through the PDF (tests/data/import/: the
// xlsx render of 001-02 made a PDF by LibreOffice Calc, and its html render printed by Chromium,
// two pages with the table cut between them and a text layer naming characters by CJK radicals).
static void pdf_gives_spec_back(const std::string& fixture) {
    std::string pdf = test::read(test::source_path("tests/data/import/" + fixture));
    auto from_pdf = import_text(fixture, pdf, Format::pdf);
    REQUIRE(from_pdf.source_error.empty());
    REQUIRE(from_pdf.specs.size() == 1);
    CHECK(from_pdf.specs[0].whole);
    CHECK(from_pdf.specs[0].table.name == "基层党组织党建活动经费");
    CHECK(import::detect_format("x.pdf", pdf) == Format::pdf);
    CHECK(import::detect_format("x", pdf) == Format::pdf); // told by its content too
    // Every figure and text of the table, as the docx and text imports give them.
    const std::string& spec = from_pdf.specs[0].spec;
    for (const char* field :
         {"年度资金总额  年初预算数 1.05  全年预算数 0.833608  全年执行数 0.833608  分值 10",
          "\"学习及活动次数\"", "指标值 3次", "完成值 2次", "偏差原因 \"受疫情影响不适合开展活动\"",
          "指标值 150元/人/年", "8336.08元", "\"党员满意度\"", "总分 分值 100 得分 95",
          "主管部门 \"丰台区科学技术和信息化局\"",
          "2.为党员干部购买政治理论学习资料费以及订阅各类党员读物\n\n3. 组织党员"})
        CHECK_THAT(spec, Catch::Matchers::Contains(field));
    // The radicals of the text layer are read as the characters they show.
    CHECK(spec.find("\u2F42") == std::string::npos);
    CHECK(spec.find("\u2ED4") == std::string::npos);
}

TEST_CASE("import: a PDF made by LibreOffice from the xlsx render reads as the table",
          "[import][pdf]") {
    pdf_gives_spec_back("001-02.libreoffice.pdf");
}

TEST_CASE("import: a PDF printed by Chromium over two pages reads as the table", "[import][pdf]") {
    pdf_gives_spec_back("001-02.chromium.pdf");
}

TEST_CASE("import: a PDF without a text layer, encrypted or damaged is refused with the reason",
          "[import][pdf]") {
    auto scan = import_text(
        "scanned.pdf", test::read(test::source_path("tests/data/import/scanned.pdf")), Format::pdf);
    CHECK(scan.source_error ==
          "scanned.pdf: the PDF has no text layer (its pages are images) — it is a scan or a "
          "picture of the tables; jixiao reads the text a PDF holds and does not guess it from "
          "images (no OCR). Import the original Word or Excel file instead");
    auto locked =
        import_text("encrypted.pdf",
                    test::read(test::source_path("tests/data/import/encrypted.pdf")), Format::pdf);
    CHECK(locked.source_error == "encrypted.pdf: the PDF is encrypted with a password; open it "
                                 "with the password and save an unprotected copy");
    auto junk = import_text("junk.pdf", "%PDF-1.7\nnothing more", Format::pdf);
    CHECK(junk.source_error.rfind("junk.pdf: ", 0) == 0);
    CHECK(junk.specs.empty());
    // Hostile: a page of 300,000 lines, a page tree claiming a million pages.
    auto lines =
        import_text("many-lines.pdf",
                    test::read(test::source_path("tests/data/import/many-lines.pdf")), Format::pdf);
    CHECK(lines.source_error == "many-lines.pdf: page 1 holds more than 20000 ruling lines or "
                                "8000000 characters, more than jixiao reads of a page");
    auto pages = import_text("million-pages.pdf",
                             test::read(test::source_path("tests/data/import/million-pages.pdf")),
                             Format::pdf);
    CHECK(pages.source_error ==
          "million-pages.pdf: 1000000 pages, more than the 5000 jixiao reads of one PDF");
    // Cut short: MuPDF repairs what it can; whatever it makes of it, no crash and no table.
    std::string pdf = test::read(test::source_path("tests/data/import/001-02.libreoffice.pdf"));
    auto cut = import_text("cut.pdf", pdf.substr(0, pdf.size() / 3), Format::pdf);
    CHECK(cut.specs.size() <= 1);
}

TEST_CASE("import: a damaged docx is refused with the reason", "[import][docx]") {
    auto r = import_text("w.docx", "PK\x03\x04 not really", Format::docx);
    CHECK(r.source_error.rfind("w.docx is not a readable docx file", 0) == 0);
    // A zip without the document part: a workbook.
    auto dir = test::fresh_dir("docx-refused");
    std::string book = (dir / "t.xlsx").string();
    REQUIRE(test::run_cli(
                {"render", test::source_path("examples/01-minimal.jx"), "-f", "xlsx", "-o", book})
                .status == 0);
    std::string xlsx = test::read(book);
    auto no_document = import_text("x.docx", xlsx, Format::docx);
    CHECK(no_document.source_error ==
          "x.docx is not a readable docx document: word/document.xml is missing");
}

TEST_CASE("import: a binary office document names the conversion it needs", "[import]") {
    const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13);
    CHECK(import::detect_format("x.bin", ole) == Format::office_binary); // told by its content
    CHECK(import::detect_format("表.DOC", "") == Format::office_binary);
    CHECK(import::detect_format("表.et", "") == Format::office_binary);
    CHECK(import::converted_format("表.xls") == Format::xlsx);
    CHECK(import::converted_format("表.wps") == Format::docx);
    // Without LibreOffice at hand (the importer's library never runs it), the message says how.
    auto r = import_text("自评表.doc", ole, Format::office_binary);
    CHECK(r.source_error ==
          "自评表.doc is a binary office document (Word 97–2003, Excel 97–2003 or WPS), which "
          "jixiao reads through LibreOffice; install it (apt-get install "
          "libreoffice-writer-nogui libreoffice-calc-nogui) or convert the file yourself: "
          "soffice --headless --convert-to docx '自评表.doc'");
}
