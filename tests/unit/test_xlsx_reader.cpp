// The xlsx reader on workbooks other programs write, and on damaged or hostile ones: numbers shown
// exactly as Excel shows them, cells without positions, and bounds that turn a tiny file meant to
// exhaust memory into one clear error.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <zip.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <unistd.h>

#include "fuzz/targets.hpp"
#include "import/import.hpp"
#include "import/xlsx.hpp"
#include "support.hpp"

using namespace jx;
using namespace jx::import;

namespace {

// A workbook of one sheet named "S" holding `sheet_data` (the inside of <sheetData>), with
// further parts as given; returned as the file's bytes.
std::string workbook(const std::string& sheet_data, std::map<std::string, std::string> parts = {}) {
    parts.emplace("xl/workbook.xml",
                  R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/)"
                  R"(relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>)");
    parts.emplace("xl/_rels/workbook.xml.rels",
                  R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
                  R"(</Relationships>)");
    parts.emplace("xl/worksheets/sheet1.xml",
                  "<worksheet><sheetData>" + sheet_data + "</sheetData></worksheet>");
    return fuzz::zip_parts({parts.begin(), parts.end()}, true);
}

std::string inline_cell(const std::string& ref, const std::string& text) {
    return fmt::format(R"(<c r="{}" t="inlineStr"><is><t>{}</t></is></c>)", ref, text);
}

// The one error of reading `bytes` as a workbook named "w.xlsx" and making its grid.
std::string read_error(const std::string& bytes) {
    std::vector<XlsxSheet> sheets;
    std::string error;
    Grid grid;
    if (read_xlsx_data(bytes, "w.xlsx", sheets, error) && xlsx_grid(sheets, grid, error))
        return "(read)";
    return error;
}

std::vector<XlsxSheet> read_sheets(const std::string& bytes) {
    std::vector<XlsxSheet> sheets;
    std::string error;
    INFO(error);
    REQUIRE(read_xlsx_data(bytes, "w.xlsx", sheets, error));
    REQUIRE(sheets.size() == 1);
    return sheets;
}

const std::string styles =
    R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.00"/></numFmts><cellXfs>)"
    R"(<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="10"/></cellXfs>)"
    R"(</styleSheet>)";

} // namespace

TEST_CASE("xlsx numbers are shown as Excel shows them, without binary artefacts",
          "[import][xlsx]") {
    // Style 0 General, 1 "0.00", 2 "0%", 3 "0.00%". Each pair: stored value, style, shown text.
    const std::vector<std::tuple<std::string, int, std::string>> cases{
        {"2.675", 1, "2.68"},   // a double would round 2.67499999… down
        {"0.125", 1, "0.13"},   // half away from zero, not to even
        {"9.995", 1, "10.00"},  // the carry runs into the integer part
        {"-0.005", 1, "-0.01"}, // negative ties away from zero too
        {"-0.004", 1, "0.00"},  // no "-0.00"
        {"7.0000000000000007E-2", 2, "7%"},
        {"0.9992", 3, "99.92%"}, // 0.9992 × 100 is 99.91999… in binary
        {"0.07", 0, "0.07"},
        {"1.2E-3", 0, "0.0012"},
        {"1E+20", 0, "100000000000000000000"},
        {"280.50", 0, "280.5"},
        {"-3", 1, "-3.00"},
    };
    std::string row = R"(<row r="1">)";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& [stored, style, shown] = cases[i];
        row += fmt::format(R"(<c r="{}1" s="{}"><v>{}</v></c>)", static_cast<char>('A' + i), style,
                           stored);
    }
    auto sheets = read_sheets(workbook(row + "</row>", {{"xl/styles.xml", styles}}));
    for (std::size_t i = 0; i < cases.size(); ++i) {
        std::string ref = fmt::format("{}1", static_cast<char>('A' + i));
        INFO(ref << " stored " << std::get<0>(cases[i]));
        REQUIRE(sheets[0].at(ref) != nullptr);
        CHECK(sheets[0].at(ref)->text() == std::get<2>(cases[i]));
        CHECK(sheets[0].at(ref)->is_number);
    }
}

TEST_CASE("xlsx dates are shown as dates, not as Excel's day numbers", "[import][xlsx]") {
    // A deadline typed as 2023/12/31 is stored as 45291; showing 45291 would be a wrong value.
    const std::string date_styles =
        R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
        R"(<numFmt numFmtId="165" formatCode="[Red]0.00;&quot;day&quot;0"/>)"
        R"(<numFmt numFmtId="166" formatCode="h:mm"/></numFmts><cellXfs>)"
        R"(<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/>)"
        R"(<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="31"/></cellXfs></styleSheet>)";
    // Each: stored value, style, shown text.
    const std::vector<std::tuple<std::string, int, std::string>> cases{
        {"45291", 1, "2023-12-31"}, // built-in m/d/yyyy
        {"45291", 2, "2023-12-31"}, // a custom 年月日 code
        {"45291.604166666664", 3, "2023-12-31 14:30"},
        {"45291", 6, "2023-12-31"},          // built-in East Asian yyyy"年"m"月"d"日"
        {"0.60416666666666663", 5, "14:30"}, // m beside h is minutes
        {"59", 1, "1900-02-28"},
        {"60", 1, "1900-02-29"}, // Excel's day that never was
        {"61", 1, "1900-03-01"},
        {"45291", 4, "45291.00"}, // d only inside quotes, [Red] a colour: a number
        {"45291", 0, "45291"},
        {"-1", 1, "-1"}, // no day number: shown as stored
    };
    std::string row = R"(<row r="1">)";
    for (std::size_t i = 0; i < cases.size(); ++i)
        row += fmt::format(R"(<c r="{}1" s="{}"><v>{}</v></c>)", static_cast<char>('A' + i),
                           std::get<1>(cases[i]), std::get<0>(cases[i]));
    auto sheets = read_sheets(workbook(row + "</row>", {{"xl/styles.xml", date_styles}}));
    for (std::size_t i = 0; i < cases.size(); ++i) {
        std::string ref = fmt::format("{}1", static_cast<char>('A' + i));
        INFO(ref << " stored " << std::get<0>(cases[i]));
        REQUIRE(sheets[0].at(ref) != nullptr);
        CHECK(sheets[0].at(ref)->text() == std::get<2>(cases[i]));
    }
}

TEST_CASE("xlsx dates of a workbook counting from 1904 (old Mac Excel)", "[import][xlsx]") {
    auto sheets = read_sheets(workbook(
        R"(<row r="1"><c r="A1" s="1"><v>43829</v></c></row>)",
        {{"xl/styles.xml",
          R"(<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)"},
         {"xl/workbook.xml",
          R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/)"
          R"(relationships"><workbookPr date1904="1"/><sheets><sheet name="S" r:id="rId1"/>)"
          R"(</sheets></workbook>)"}}));
    CHECK(sheets[0].at("A1")->text() == "2023-12-31");
}

TEST_CASE("xlsx cells and rows without a position follow the previous one", "[import][xlsx]") {
    auto sheets = read_sheets(workbook(
        R"(<row><c t="inlineStr"><is><t>一级指标</t></is></c><c t="inlineStr"><is><t>二级指标</t></is></c></row>)"
        R"(<row r="5"><c r="C5" t="inlineStr"><is><t>c</t></is></c><c t="inlineStr"><is><t>d</t></is></c></row>)"
        R"(<row><c t="inlineStr"><is><t>e</t></is></c></row>)"));
    const auto& s = sheets[0];
    REQUIRE(s.at("A1"));
    CHECK(s.at("A1")->text() == "一级指标");
    REQUIRE(s.at("B1"));
    CHECK(s.at("B1")->text() == "二级指标");
    REQUIRE(s.at("D5"));
    CHECK(s.at("D5")->text() == "d");
    REQUIRE(s.at("A6"));
    CHECK(s.at("A6")->text() == "e");
    CHECK(s.cells.size() == 5);
}

TEST_CASE("xlsx strings: rich-text runs joined, phonetic guides left out", "[import][xlsx]") {
    auto sheets = read_sheets(workbook(
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
        R"(<c r="C1" t="s"><v>7</v></c></row>)",
        {{"xl/sharedStrings.xml", R"(<sst><si><r><t>项目</t></r><r><t>名称</t></r></si>)"
                                  R"(<si><t>绩效</t><rPh><t>ジセキ</t></rPh></si></sst>)"}}));
    CHECK(sheets[0].at("A1")->text() == "项目名称");
    CHECK(sheets[0].at("B1")->text() == "绩效");
    CHECK(sheets[0].at("C1") == nullptr); // an index past the table reads as an empty cell
}

TEST_CASE("damaged and hostile workbooks give one clear error, fast and in little memory",
          "[import][xlsx]") {
    SECTION("a cell reference outside any worksheet (it once overflowed and hung)") {
        CHECK(read_error(workbook(R"(<row>)" + inline_cell("AAAAAAAAAAAAAAAA99999999999999", "x") +
                                  "</row>")) ==
              "w.xlsx: sheet \"S\" has a cell at \"AAAAAAAAAAAAAAAA99999999999999\", which is not "
              "a cell of a worksheet (A1 to XFD1048576)");
        CHECK(read_error(workbook(R"(<row>)" + inline_cell("XFE1", "x") + "</row>")) ==
              "w.xlsx: sheet \"S\" has a cell at \"XFE1\", which is not a cell of a worksheet (A1 "
              "to XFD1048576)");
        CHECK(read_error(workbook(R"(<row r="1048577"><c><v>1</v></c></row>)")) ==
              "w.xlsx: sheet \"S\" has a row numbered \"1048577\", outside a worksheet's 1048576 "
              "rows");
    }
    SECTION("the last cell of a worksheet is still a cell") {
        CHECK(read_error(workbook(R"(<row>)" + inline_cell("XFD1048576", "x") + "</row>")) ==
              "(read)");
    }
    SECTION("one stray cell far out would make every row 16,384 cells wide (it took 3.4 GB)") {
        std::string rows = "<row>" + inline_cell("A1", "一级指标") + "</row>";
        for (int r = 2; r <= 123; ++r)
            rows += fmt::format("<row>{}</row>", inline_cell(fmt::format("XFD{}", r), "x"));
        CHECK(read_error(workbook(rows)) ==
              "sheet \"S\" spans 123 rows of 16384 columns, more than the 1000000 cells jixiao "
              "imports from one source");
        // Through import the message names the file.
        auto r = import_text("w.xlsx", workbook(rows), Format::xlsx);
        CHECK(r.specs.empty());
        CHECK(r.source_error == "w.xlsx: " + read_error(workbook(rows)));
    }
    SECTION("a part that unpacks past 64 MiB is refused unread (a zip bomb)") {
        std::string padding(std::size_t{64} << 20, ' ');
        CHECK(read_error(workbook("<row/>" + padding)) ==
              "w.xlsx: sheet \"S\" cannot be read: xl/worksheets/sheet1.xml unpacks to 67108916 "
              "bytes, more than the 67108864 jixiao reads of one part");
    }
    SECTION("a part of tiny tags whose tree would take 800 MB (10 MB of <row/>)") {
        std::string rows;
        for (std::size_t i = 0; i < max_grid_cells * 4; ++i)
            rows += "<row/>";
        CHECK(read_error(workbook(rows)) ==
              "w.xlsx: sheet \"S\" cannot be read: it has more than 4000000 XML tags, more than "
              "jixiao reads");
        CHECK(read_error(workbook("", {{"xl/sharedStrings.xml", "<sst>" + rows + "</sst>"}})) ==
              "w.xlsx: the shared strings cannot be read: it has more than 4000000 XML tags, more "
              "than jixiao reads");
    }
    SECTION("an empty part, malformed XML, a truncated archive") {
        std::string good = workbook("<row/>");
        CHECK(read_error(workbook("<row/>", {{"xl/_rels/workbook.xml.rels", ""}})) ==
              "w.xlsx: the workbook's list of sheets cannot be read: its XML is malformed");
        CHECK(read_error(workbook("<row><c>")) ==
              "w.xlsx: sheet \"S\" cannot be read: its XML is malformed");
        CHECK(read_error(workbook("<row/>", {{"xl/styles.xml", "<styleSheet>"}})) ==
              "w.xlsx: the number styles cannot be read: its XML is malformed");
        CHECK(read_error(good.substr(0, good.size() / 2)) ==
              "w.xlsx is not a readable xlsx file: Not a zip archive");
    }
}

TEST_CASE("text and CSV sources past the cell bound are refused with the line", "[import]") {
    std::string csv(max_grid_cells, ','); // max_grid_cells + 1 cells on line 1
    auto r = import_text("wide.csv", csv, Format::csv);
    CHECK(r.specs.empty());
    CHECK(r.source_error == "wide.csv: line 1 holds cell number 1000001, more than the 1000000 "
                            "jixiao imports from one source; split the file");
    std::string dump;
    for (std::size_t i = 0; i <= max_grid_cells; ++i)
        dump += "\t\n";
    r = import_text("tabs.txt", dump, Format::text);
    CHECK(r.specs.empty());
    CHECK(r.source_error == "tabs.txt: line 1000001 holds cell number 1000001, more than the "
                            "1000000 jixiao imports from one source; split the file");
    std::string fits(max_grid_cells - 1, ',');
    CHECK(import_text("fits.csv", fits, Format::csv).source_error.empty());
}

TEST_CASE("xlsx strings: OOXML's _xHHHH_ escapes decoded (Word's carriage returns)",
          "[import][xlsx]") {
    auto sheets = read_sheets(workbook(
        "<row>" + inline_cell("A1", "一级_x000D_\n指标") + inline_cell("B1", "a_x005F_x000D_b") +
        inline_cell("C1", "bell_x0007_") + inline_cell("D1", "_x7EE9_效") + "</row>"));
    CHECK(sheets[0].at("A1")->text() == "一级\r\n指标");
    CHECK(sheets[0].at("B1")->text() == "a_x000D_b"); // an escaped underscore stays text
    CHECK(sheets[0].at("C1")->text() == "bell\xEF\xBF\xBD");
    CHECK(sheets[0].at("D1")->text() == "绩效");
}
