// Small files made to expand without bound — an xlsx listing one huge part under 2,000 sheets, an
// xlsx pointing 100,000 cells at one long shared string, a policy whose YAML aliases fan out —
// end in one clear error naming the budget, with the command's memory and time measured as a
// user would see them (the jixiao binary itself, run as a child).
#include <catch2/catch.hpp>

#include <filesystem>

#include <fmt/format.h>

#include "fuzz/targets.hpp"
#include "import/import.hpp"
#include "import/xlsx.hpp"
#include "scoring/policy.hpp"
#include "support.hpp"

using namespace jx;
namespace fs = std::filesystem;

namespace {

// A workbook whose sheets S1…Sn all point at one worksheet part.
std::string workbook_of_sheets(int sheets, const std::string& sheet_xml,
                               std::map<std::string, std::string> parts = {}) {
    std::string list, rels;
    for (int i = 1; i <= sheets; ++i)
        list += fmt::format(R"(<sheet name="S{}" r:id="rId{}"/>)", i, i);
    for (int i = 1; i <= sheets; ++i)
        rels += fmt::format(R"(<Relationship Id="rId{}" Target="worksheets/sheet1.xml"/>)", i);
    parts["xl/workbook.xml"] =
        R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/)"
        R"(relationships"><sheets>)" +
        list + "</sheets></workbook>";
    parts["xl/_rels/workbook.xml.rels"] = "<Relationships>" + rels + "</Relationships>";
    parts["xl/worksheets/sheet1.xml"] = sheet_xml;
    return fuzz::zip_parts({parts.begin(), parts.end()}, true);
}

// Within a budget a user accepts for one file on a laptop.
// (Not in the sanitizer build, where ASan's shadow memory and checks multiply both.)
void check_bounded(const test::CliRun& run, long max_mb) {
    INFO(run.output);
    CHECK(run.status == 1);
#ifndef JIXIAO_SANITIZED
    CHECK(run.peak_rss_mb < max_mb);
    CHECK(run.seconds < 10);
#else
    (void)max_mb;
#endif
}

} // namespace

TEST_CASE("an xlsx listing one 64 MiB part under 2,000 sheets stops at the unpacking budget",
          "[budget][xlsx]") {
    std::string sheet = "<worksheet><sheetData>" + std::string((std::size_t{64} << 20) - 64, ' ') +
                        "</sheetData></worksheet>";
    std::string bytes = workbook_of_sheets(2000, sheet);
    CHECK(bytes.size() < 300'000); // a small file
    std::vector<import::XlsxSheet> sheets;
    std::string error;
    CHECK_FALSE(import::read_xlsx_data(bytes, "w.xlsx", sheets, error));
    CHECK(error == fmt::format("w.xlsx: sheet \"S4\" cannot be read: xl/worksheets/sheet1.xml "
                               "unpacks to {} bytes, past the 268435456 bytes jixiao unpacks of "
                               "one workbook in all (its parts are listed more than once, or are "
                               "huge)",
                               sheet.size()));
    fs::path dir = test::fresh_dir("budget-parts");
    test::write((dir / "w.xlsx").string(), bytes);
    auto run = test::run_cli({"import", (dir / "w.xlsx").string(), "-o", (dir / "out").string()});
    CHECK(run.output.find("past the 268435456 bytes jixiao unpacks of one workbook in all") !=
          std::string::npos);
    check_bounded(run, 512);
    fs::remove_all(dir);
}

TEST_CASE("an xlsx pointing 100,000 cells at one long shared string stops at the text budget",
          "[budget][xlsx]") {
    std::string cells;
    for (int r = 1; r <= 100'000; ++r)
        cells += fmt::format(R"(<row r="{}"><c r="A{}" t="s"><v>0</v></c></row>)", r, r);
    std::string bytes = workbook_of_sheets(
        1, "<worksheet><sheetData>" + cells + "</sheetData></worksheet>",
        {{"xl/sharedStrings.xml", "<sst><si><t>" + std::string(32'000, 'x') + "</t></si></sst>"}});
    // 64 MiB of text is 2,097 cells of 32,000 bytes: the 2,098th passes the budget.
    std::vector<import::XlsxSheet> sheets;
    std::string error;
    CHECK_FALSE(import::read_xlsx_data(bytes, "w.xlsx", sheets, error));
    CHECK(error == "w.xlsx: the workbook's cells show more than 67108864 bytes of text in all (a "
                   "shared string counted for each cell that shows it), the budget jixiao gives "
                   "one source; at sheet \"S1\", cell A2098");
    fs::path dir = test::fresh_dir("budget-shared");
    test::write((dir / "w.xlsx").string(), bytes);
    auto run = test::run_cli({"import", (dir / "w.xlsx").string(), "-o", (dir / "out").string()});
    CHECK(run.output.find("the budget jixiao gives one source") != std::string::npos);
    check_bounded(run, 256);
    // Under the budget, a string shared by many cells is held once: 2,000 cells of 32,000 bytes.
    cells.clear();
    for (int r = 1; r <= 2000; ++r)
        cells += fmt::format(R"(<row r="{}"><c r="A{}" t="s"><v>0</v></c></row>)", r, r);
    bytes = workbook_of_sheets(
        1, "<worksheet><sheetData>" + cells + "</sheetData></worksheet>",
        {{"xl/sharedStrings.xml", "<sst><si><t>" + std::string(32'000, 'x') + "</t></si></sst>"}});
    sheets.clear();
    REQUIRE(import::read_xlsx_data(bytes, "w.xlsx", sheets, error));
    CHECK(sheets[0].at("A1")->shown == sheets[0].at("A2000")->shown);
    fs::remove_all(dir);
}

TEST_CASE("text and CSV sources past the text budget are refused whole", "[budget][import]") {
    std::string big((std::size_t{64} << 20) + 1, 'x');
    auto r = import::import_text("big.csv", big, import::Format::csv);
    CHECK(r.source_error == "big.csv: 67108865 bytes of text, more than the 67108864 jixiao "
                            "imports from one source (split it)");
}

TEST_CASE("a policy whose YAML aliases fan out stops at the policy's budget", "[budget][policy]") {
    // One scale of 10,000 grades, named 50,000 times: about 1 MB of YAML, 500 million bands.
    std::string yaml = "scales:\n  - &s\n    name: fan\n    grades:\n";
    for (int g = 0; g < 10'000; ++g)
        yaml += fmt::format("      g{}: [0, 100]\n", g);
    for (int i = 0; i < 50'000; ++i)
        yaml += "  - *s\n";
    CHECK(yaml.size() < 1'100'000);
    scoring::PolicyError e;
    CHECK_FALSE(scoring::load_policy(yaml, e));
    CHECK(e.message == "the policy expands to more than 100000 entries (YAML aliases repeat what "
                       "they name), the budget of a policy");
    fs::path dir = test::fresh_dir("budget-policy");
    test::write((dir / "fan.yaml").string(), yaml);
    auto run = test::run_cli({"check", "--policy", (dir / "fan.yaml").string(),
                              test::source_path("examples/01-minimal.jx")});
    CHECK(run.output.find("error[invalid-policy]: the policy expands to more than 100000 "
                          "entries") != std::string::npos);
    INFO(run.output);
    CHECK(run.status == 2); // a policy that cannot be used is a usage error
#ifndef JIXIAO_SANITIZED
    CHECK(run.peak_rss_mb < 512);
    CHECK(run.seconds < 10);
#endif
    fs::remove_all(dir);
}
