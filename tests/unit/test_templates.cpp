// Templates (issue 17): the built-in layouts and YAML ones, tables in each layout imported whole
// (cell accounting), an unfilled Sichuan table reported, and render by template.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "base/text.hpp"
#include "driver/check.hpp"
#include "format/format.hpp"
#include "import/import.hpp"
#include "model/lower.hpp"
#include "render/writers.hpp"
#include "support.hpp"
#include "syntax/parser.hpp"
#include "templates/template.hpp"

using namespace jx;
using namespace jx::import;

namespace {

const std::string fixtures = "tests/data/import/templates/";

ImportResult import_fixture(const std::string& name) {
    const std::string path = test::source_path(fixtures + name);
    Format f =
        name.size() > 4 && name.substr(name.size() - 4) == ".csv" ? Format::csv : Format::text;
    return import_text(name, test::read(path), f);
}

Grid grid_of(const std::string& name) {
    const std::string text = test::read(test::source_path(fixtures + name));
    Grid g;
    std::string error;
    bool ok = name.substr(name.size() - 4) == ".csv" ? read_csv(text, g, error)
                                                     : read_text_dump(text, g, error);
    REQUIRE(ok);
    return g;
}

struct Accounting {
    std::size_t cells = 0, layout = 0, absent = 0, implied = 0, placed = 0;
};

// Every non-empty cell of the table is part of the template's layout (a heading, a row label, a
// block title with its points), a `/` of a funds row (absent in the spec as in the table), the
// 指标性质 定性 (implied by a target written as text), or text found in the spec (an instruction
// cell in its comment).
Accounting account(const std::string& name, const ImportedSpec& s) {
    Accounting a;
    const auto* layout = templates::Registry::builtin().find(s.table.layout);
    REQUIRE(layout);
    std::string spec;
    for (char c : squeeze(s.spec))
        if (c != '"') spec += c;
    std::set<std::size_t> fund_lines;
    for (const auto& fr : s.table.funds)
        fund_lines.insert(fr.line);
    for (const auto& item : grid_of(name)) {
        if (item.kind != Item::Kind::row || item.line() < s.table.first_line) continue;
        for (const auto& cell : item.cells) {
            std::string t = squeeze(cell.text);
            if (t.empty()) continue;
            ++a.cells;
            if (is_layout_label(cell.text, layout)) {
                ++a.layout;
                continue;
            }
            // `/`, the template's mark of a cell that does not apply (a funds sub-row's rate, a
            // 定性 target's unit), or a funds row's —.
            if (t == squeeze(layout->not_applicable) ||
                (fund_lines.count(item.line()) && (t == "/" || t == "—"))) {
                ++a.absent;
                continue;
            }
            if (t == "定性") {
                ++a.implied;
                continue;
            }
            INFO("cell " << cell.where << ": " << cell.text);
            CHECK(spec.find(t) != std::string::npos);
            a.placed += spec.find(t) != std::string::npos;
        }
    }
    CHECK(a.cells == a.layout + a.absent + a.implied + a.placed);
    return a;
}

std::size_t count(const ImportedSpec& s, const std::string& code, bool error) {
    std::size_t n = 0;
    for (const auto& f : s.findings)
        n += f.code == code && f.error == error;
    return n;
}

} // namespace

TEST_CASE("templates: three built in, each from its YAML, listed by name", "[templates]") {
    const auto& r = templates::Registry::builtin();
    std::vector<std::string> names;
    for (const auto& t : r.all())
        names.push_back(t.name);
    CHECK(names == std::vector<std::string>{"central", "beijing", "sichuan"});
    const auto* s = r.find("sichuan");
    REQUIRE(s);
    CHECK(s->title == "部门预算项目支出绩效自评表");
    CHECK(s->splits_target());
    CHECK(s->funds_row("其中:财政资金") == "财政资金");
    CHECK(s->funds_row("总额") == "年度资金总额");
    CHECK(s->funds_column("预算执行率") == templates::Column::rate);
    CHECK(s->indicator_column("未完成原因分析") == templates::Column::reason);
    CHECK(s->is_instruction("请填写"));
    CHECK(s->is_instruction("根据预算执行率填写"));
    CHECK_FALSE(s->is_instruction("个别企业反映服务响应偏慢"));
    CHECK(templates::heading_key("预算执行情况（10分）") == "预算执行情况");
    CHECK(templates::heading_points("绩效指标(90分)") == "90");
    CHECK(templates::heading_key("年度预算数(万元)") == "年度预算数");
    for (const auto& t : r.all())
        CHECK(templates::builtin_yaml(t.name).find("name: " + t.name) == 0);
}

TEST_CASE("templates: recognised by their headings", "[templates]") {
    const auto& r = templates::Registry::builtin();
    auto name = [&](std::vector<std::string> cells) {
        const auto* t = r.recognise(cells);
        return t ? t->name : std::string("none");
    };
    CHECK(name({"预算执行情况(10分)", "指标性质", "度量单位", "项目负责人"}) == "sichuan");
    CHECK(name({"年度资金总额", "年度指标值", "实际完成值"}) == "central");
    CHECK(name({"年度资金总额", "年度指标值", "实际完成值", "项目负责人", "联系电话"}) ==
          "beijing");
    CHECK(name({"一级指标"}) == "none");
}

TEST_CASE("templates: a YAML template of one's own, and a bad one refused with its line",
          "[templates]") {
    templates::Registry r = templates::Registry::builtin();
    std::string error;
    std::string yaml = templates::builtin_yaml("sichuan");
    yaml.replace(0, yaml.find('\n'), "name: hebei");
    REQUIRE(r.add_yaml(yaml, "hebei.yaml", error));
    REQUIRE(r.find("hebei"));
    CHECK(r.find("hebei")->origin == "hebei.yaml");
    CHECK(r.all().size() == 4);
    CHECK_FALSE(
        r.add_yaml("name: x\nindicators:\n  columns:\n    - {role: levle1, label: 一级指标}\n",
                   "x.yaml", error));
    CHECK(error.find("x.yaml: line 4") == 0);
    CHECK(error.find("unknown column \"levle1\"") != std::string::npos);
    CHECK_FALSE(r.add_yaml("name: y\ncolour: red\n", "y.yaml", error));
    CHECK(error == "y.yaml: line 2: unknown key \"colour\"");
}

TEST_CASE("templates: a filled Sichuan table imports whole, every cell in a field",
          "[templates][import][accounting]") {
    auto r = import_fixture("sichuan-filled.csv");
    REQUIRE(r.failures.empty());
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    CHECK(s.table.layout == "sichuan");
    CHECK(s.findings.empty());
    CHECK(s.spec.find("模板 \"sichuan\"") != std::string::npos);
    CHECK(s.spec.find("财政专户管理资金") != std::string::npos);
    CHECK(s.spec.find("指标值 ≥ 100家") != std::string::npos);
    CHECK(s.spec.find("评价结论 \"项目按计划完成") != std::string::npos);
    CHECK(s.spec.find("财务负责人 \"王五\"") != std::string::npos);
    auto a = account("sichuan-filled.csv", s);
    CHECK(fmt::format("{} cells: {} layout, {} /, {} 定性, {} in fields", a.cells, a.layout,
                      a.absent, a.implied,
                      a.placed) == "115 cells: 34 layout, 17 /, 1 定性, 63 in fields");
    // The spec checks clean: the figures are consistent.
    const auto policy = scoring::Policy::defaults();
    auto report = driver::check_source(std::make_unique<SourceFile>(s.file_name, s.spec), policy);
    for (const auto& d : report.diagnostics) {
        INFO(d.code << ": " << d.message);
        CHECK(d.severity != Severity::error);
    }
}

TEST_CASE("templates: a central-layout table (Anhui) imports whole",
          "[templates][import][accounting]") {
    auto r = import_fixture("central-anhui.csv");
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    CHECK(s.table.layout == "central");
    CHECK(s.findings.empty());
    CHECK(s.spec.find("\"产出指标(50分)\" {") != std::string::npos);
    CHECK(s.spec.find("指标值 ≥ 90百分比") != std::string::npos);
    CHECK(s.spec.find("完成值 \"达成预期指标\"") != std::string::npos);
    auto a = account("central-anhui.csv", s);
    CHECK(a.placed > 40);
    const auto policy = scoring::Policy::defaults();
    auto report = driver::check_source(std::make_unique<SourceFile>(s.file_name, s.spec), policy);
    for (const auto& d : report.diagnostics) {
        INFO(d.code << ": " << d.message);
        CHECK(d.severity != Severity::error);
    }
}

TEST_CASE("templates: an unfilled Sichuan table imports whole and is reported: blank scores as "
          "errors, instruction cells as findings",
          "[templates][import][accounting]") {
    auto r = import_fixture("sichuan-unfilled.txt");
    REQUIRE(r.specs.size() == 1);
    const auto& s = r.specs[0];
    CHECK(s.whole);
    CHECK(s.table.layout == "sichuan");
    CHECK(s.table.unfilled.size() == 19);
    CHECK(count(s, "unfilled-cell", false) == 19);
    // The budget row, the four indicators and the total.
    CHECK(count(s, "blank-score", true) == 6);
    CHECK(count(s, "blank-actual", false) == 5);
    CHECK(s.spec.find("# 未填写：单元格（line 94）仍是模板的填写说明：请填写") !=
          std::string::npos);
    account("sichuan-unfilled.txt", s);
    // Checked after import, the spec is not silently clean: the table says it is unscored.
    const auto policy = scoring::Policy::defaults();
    auto report = driver::check_source(std::make_unique<SourceFile>(s.file_name, s.spec), policy);
    std::vector<std::string> codes;
    for (const auto& d : report.diagnostics)
        codes.push_back(d.code + (d.severity == Severity::warning ? " (warning)" : ""));
    CHECK(codes == std::vector<std::string>{"table-not-scored (warning)"});
}

TEST_CASE("templates: the three tables' specs and findings are reviewed", "[templates][golden]") {
    std::string golden;
    for (const std::string name :
         {"central-anhui.csv", "sichuan-filled.csv", "sichuan-unfilled.txt"}) {
        auto r = import_fixture(name);
        for (const auto& s : r.specs) {
            golden += "== " + s.file_name + "\n" + s.spec;
            for (const auto& f : s.findings)
                golden += fmt::format("{}:{}: {}[{}]: {}\n", name, f.line,
                                      f.error ? "error" : "warning", f.code, f.message);
        }
    }
    test::check_golden("tests/golden/import/templates.expected", golden);
}

TEST_CASE("templates: --template names the layout, an unknown one is refused",
          "[templates][import]") {
    const std::string text = test::read(test::source_path(fixtures + "central-anhui.csv"));
    ImportOptions o;
    o.layout = "beijing";
    auto r = import_text("t.csv", text, Format::csv, o);
    REQUIRE(r.specs.size() == 1);
    CHECK(r.specs[0].table.layout == "beijing");
    CHECK(r.specs[0].spec.find("模板") == std::string::npos); // the default goes unsaid
    o.layout = "hubei";
    r = import_text("t.csv", text, Format::csv, o);
    CHECK(r.source_error == "no template named \"hubei\" (jixiao templates lists them)");
}

// ---- render by template ----------------------------------------------------------------------

namespace {

struct Loaded {
    std::unique_ptr<SourceFile> source;
    syntax::ParseResult parsed;
    std::vector<model::Project> projects;
    std::vector<scoring::ProjectResult> results;
};

std::unique_ptr<Loaded> load(const std::string& name, const std::string& text) {
    auto s = std::make_unique<Loaded>();
    s->source = std::make_unique<SourceFile>(name, text);
    s->parsed = syntax::parse(*s->source);
    REQUIRE(s->parsed.ok());
    for (const auto& p : s->parsed.file.projects) {
        std::vector<Diagnostic> ignored;
        s->projects.push_back(model::lower(p, ignored));
    }
    static const scoring::Policy policy = scoring::Policy::defaults();
    for (const auto& m : s->projects)
        s->results.push_back(scoring::evaluate(m, policy));
    return s;
}

const rendering::Cell* cell_with(const rendering::Layout& l, const std::string& text) {
    for (const auto& c : l.cells)
        if (c.text == text) return &c;
    return nullptr;
}

} // namespace

TEST_CASE(
    "templates: render in each layout, and render → import → render is stable in csv and xlsx",
    "[templates][render][import]") {
    for (const std::string fixture : {"sichuan-filled.csv", "central-anhui.csv"}) {
        auto r = import_fixture(fixture);
        REQUIRE(r.specs.size() == 1);
        auto spec = load(r.specs[0].file_name, r.specs[0].spec);
        for (const auto& t : templates::Registry::builtin().all()) {
            INFO(fixture << " in " << t.name);
            const auto layout = rendering::build_layout(spec->projects[0], spec->results[0],
                                                        rendering::Scores::reported, &t);
            const std::string csv = rendering::to_csv(layout);
            auto dir = test::fresh_dir("templates-roundtrip-" + t.name);
            std::string error;
            std::vector<std::string> warnings;
            const std::string xlsx = (dir / "t.xlsx").string();
            REQUIRE(rendering::write_xlsx({layout}, xlsx, error, warnings));
            CHECK(rendering::html_page(layout).find(t.indicators_title) != std::string::npos);
            for (const auto& [name, text, format] :
                 {std::tuple{std::string("t.csv"), csv, Format::csv},
                  std::tuple{std::string("t.xlsx"), test::read(xlsx), Format::xlsx}}) {
                INFO(name);
                // A table in its own layout is recognised; another spec's, with fields that
                // layout has no place for (项目负责人 in the central one), is read as named.
                const bool own = r.specs[0].table.layout == t.name;
                ImportOptions o;
                if (!own) o.layout = t.name;
                auto back = import_text(name, text, format, o);
                REQUIRE(back.specs.size() == 1);
                CHECK(back.specs[0].whole);
                CHECK(back.specs[0].findings.empty());
                CHECK(back.specs[0].table.layout == t.name);
                auto again = load(back.specs[0].file_name, back.specs[0].spec);
                CHECK(rendering::to_csv(
                          rendering::build_layout(again->projects.at(0), again->results.at(0),
                                                  rendering::Scores::reported, &t)) == csv);
            }
        }
    }
}

TEST_CASE("templates: Sichuan's layout as its table has it: points in the block titles, merges, /",
          "[templates][render]") {
    auto r = import_fixture("sichuan-filled.csv");
    auto spec = load(r.specs[0].file_name, r.specs[0].spec);
    const auto* t = templates::Registry::builtin().find("sichuan");
    const auto l = rendering::build_layout(spec->projects[0], spec->results[0],
                                           rendering::Scores::reported, t);
    CHECK(l.columns == 11);
    CHECK(rendering::html_page(l).find("<h1>部门预算项目支出绩效自评表</h1>") != std::string::npos);
    CHECK(rendering::to_markdown(l).rfind("# 部门预算项目支出绩效自评表（2023年度）", 0) == 0);
    const auto* funds = cell_with(l, "预算执行情况(10分)");
    REQUIRE(funds);
    CHECK(funds->rows == 6); // the header and five rows
    const auto* indicators = cell_with(l, "绩效指标(90分)");
    REQUIRE(indicators);
    CHECK(indicators->rows == 5);
    REQUIRE(cell_with(l, "年度预算数(万元)"));
    REQUIRE(cell_with(l, "产出指标(50分)"));
    CHECK(cell_with(l, "产出指标(50分)")->rows == 2);
    REQUIRE(cell_with(l, "合计"));
    REQUIRE(cell_with(l, "未完成原因分析"));
    std::size_t slashes = 0;
    for (const auto& c : l.cells)
        slashes += c.text == "/";
    CHECK(slashes == 17); // 4 sub-rows × 4 struck columns, and the 定性 target's unit
    // The same cells as the fixture, row for row (merged cells empty in both).
    const std::string csv = rendering::to_csv(l);
    CHECK(csv.find(",其中:财政资金,,100,100,98,/,/,/,/,") != std::string::npos);
    CHECK(csv.find(",产出指标(50分),数量指标,科技服务企业数量,≥,100,家,105家,30,30,") !=
          std::string::npos);
    CHECK(csv.find("项目负责人,,李四,,,财务负责人,,王五") != std::string::npos);
    CHECK(csv.find(",总额,,120,120,118,98.33%,10,9.83,部分服务费用年底未结算,") !=
          std::string::npos);
}

TEST_CASE("templates: a block title's points are checked against its rows on import",
          "[templates][import]") {
    std::string text = test::read(test::source_path(fixtures + "sichuan-filled.csv"));
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"预算执行情况(10分)", "预算执行情况(8分)"},
          {"绩效指标(90分)", "绩效指标(80分)"}})
        text.replace(text.find(from), from.size(), to);
    auto r = import_text("t.csv", text, Format::csv);
    REQUIRE(r.specs.size() == 1);
    std::vector<std::string> messages;
    for (const auto& f : r.specs[0].findings)
        if (f.code == "block-weight-mismatch" && f.error) messages.push_back(f.message);
    CHECK(messages ==
          std::vector<std::string>{
              "\"预算执行情况(8分)\" (row 5, column 1) states 8 points; its rows weigh 10",
              "\"绩效指标(80分)\" (row 11, column 1) states 80 points; its rows weigh 90"});
}

TEST_CASE("templates: jixiao templates lists them, and a YAML one of a --templates-dir is used by "
          "import and render",
          "[templates][cli]") {
    auto list = test::run_cli({"templates"});
    CHECK(list.status == 0);
    CHECK(list.output.find("sichuan  部门预算项目支出绩效自评表") != std::string::npos);
    CHECK(list.output.find("beijing  项目支出绩效自评表  (default)") != std::string::npos);
    auto show = test::run_cli({"templates", "--show", "sichuan"});
    CHECK(show.output == templates::builtin_yaml("sichuan"));
    auto dir = test::fresh_dir("templates-dir");
    std::string yaml = templates::builtin_yaml("sichuan");
    yaml.replace(0, yaml.find('\n'), "name: hebei");
    yaml.replace(yaml.find("title: 部门预算项目支出绩效自评表"),
                 std::string("title: 部门预算项目支出绩效自评表").size(), "title: 河北自评表");
    std::filesystem::create_directories(dir / "t");
    test::write((dir / "t" / "hebei.yaml").string(), yaml);
    list = test::run_cli({"templates", "--templates-dir", (dir / "t").string()});
    CHECK(list.output.find("hebei    河北自评表") != std::string::npos);
    CHECK(list.output.find((dir / "t" / "hebei.yaml").string()) != std::string::npos);
    auto imported = test::run_cli({"import", test::source_path(fixtures + "sichuan-filled.csv"),
                                   "--templates-dir", (dir / "t").string(), "--template", "hebei",
                                   "-o", (dir / "specs").string()});
    CHECK(imported.status == 0);
    const std::string spec = test::read((dir / "specs" / "sichuan-filled-01.jx").string());
    CHECK(spec.find("模板 \"hebei\"") != std::string::npos);
    auto rendered = test::run_cli({"render", (dir / "specs" / "sichuan-filled-01.jx").string(),
                                   "--templates-dir", (dir / "t").string(), "-f", "csv", "-o",
                                   (dir / "t.csv").string()});
    CHECK(rendered.status == 0);
    CHECK(test::read((dir / "t.csv").string()).find("河北自评表") != std::string::npos);
    auto bad = test::run_cli({"render", (dir / "specs" / "sichuan-filled-01.jx").string(),
                              "--template", "hubei", "-f", "csv", "-o", (dir / "u.csv").string()});
    CHECK(bad.status == 2);
    CHECK(bad.output.find("no template named \"hubei\"") != std::string::npos);
    test::write((dir / "t" / "broken.yaml").string(), "name: x\nfunds: [\n");
    auto broken = test::run_cli({"templates", "--templates-dir", (dir / "t").string()});
    CHECK(broken.status == 2);
    CHECK(broken.output.find("broken.yaml: line") != std::string::npos);
}

TEST_CASE("templates: a funds row's 偏差原因 (Sichuan's 原因) is read, kept and formatted",
          "[templates][parser]") {
    const std::string text =
        "项目 \"p\" {\n  项目资金 万元 {\n    年度资金总额 全年预算数 10 全年执行数 9 "
        "分值 10 执行率 90% 得分 9 偏差原因 \"年底未结算\"\n  }\n}\n";
    auto s = load("t.jx", text);
    REQUIRE(s->projects[0].funds);
    CHECK(s->projects[0].funds->rows.at(0).reason == "年底未结算");
    const std::string once = format::format(s->parsed.file, s->source->text());
    CHECK(once.find("得分 9  偏差原因 \"年底未结算\"") != std::string::npos);
    auto again = load("t.jx", once);
    CHECK(format::format(again->parsed.file, again->source->text()) == once);
}

TEST_CASE("templates: a YAML template of more entries than any layout has is refused",
          "[templates]") {
    // Aliases cannot make a flat list of texts larger than the file (a nested one is refused at
    // its first entry), but a template's entries are counted all the same.
    std::string yaml = "name: big\nindicators: {columns: [{role: level1}, {role: name}]}\n"
                       "instructions: [";
    for (int k = 0; k < 10'001; ++k)
        yaml += k ? ", x" : "x";
    yaml += "]\n";
    templates::Registry r;
    std::string error;
    CHECK_FALSE(r.add_yaml(yaml, "big.yaml", error));
    CHECK(error.find("more than 10000 entries") != std::string::npos);
    CHECK_FALSE(r.add_yaml("name: n\nrecognise: {all: [[a, b]]}\n", "n.yaml", error));
    CHECK(error == "n.yaml: line 2: recognise.all[] must be a text");
}
