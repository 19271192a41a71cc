// Golden tests: the whole rendered output of the parser, the checker and the score table is
// compared with committed expected files (as jq's %%FAIL tests and ninja's parser tests do).
// JIXIAO_UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "diag/render.hpp"
#include "driver/check.hpp"
#include "driver/render.hpp"
#include "driver/report.hpp"
#include "driver/score_table.hpp"
#include "import/import.hpp"
#include "model/lower.hpp"
#include "support.hpp"
#include "syntax/parser.hpp"

using namespace jx;
namespace fs = std::filesystem;

static std::string stem_path(const std::string& rel) {
    return rel.substr(0, rel.size() - fs::path(rel).extension().string().size());
}

TEST_CASE("golden: syntax errors, rendered in full", "[golden][parse]") {
    auto files = test::files_under("tests/golden/parse", ".jx");
    REQUIRE(files.size() >= 8);
    for (const auto& rel : files) {
        INFO(rel);
        SourceFile src(fs::path(rel).filename().string(), test::read(test::source_path(rel)));
        auto r = syntax::parse(src);
        CHECK_FALSE(r.ok()); // every case here is a mistake
        std::string out;
        for (const auto& d : r.diagnostics)
            out += render(d, &src);
        test::check_golden(stem_path(rel) + ".expected", out);
    }
}

static std::string check_output(const std::vector<std::string>& rel_paths) {
    auto policy = scoring::Policy::defaults();
    driver::Totals totals;
    std::string out;
    for (const auto& rel : rel_paths) {
        auto r = driver::check_source(
            std::make_unique<SourceFile>(rel, test::read(test::source_path(rel))), policy);
        totals.add(r);
        out += driver::render_text(r, false);
    }
    return out + driver::render_summary(totals);
}

TEST_CASE("golden: checks on small cases", "[golden][check]") {
    auto files = test::files_under("tests/golden/check", ".jx");
    REQUIRE(files.size() >= 3);
    for (const auto& rel : files) {
        INFO(rel);
        test::check_golden(stem_path(rel) + ".expected", check_output({rel}));
    }
}

TEST_CASE("golden: every finding on the real tables in indicator_specs", "[golden][specs]") {
    auto files = test::files_under("indicator_specs", ".jx");
    test::check_golden("tests/golden/indicator_specs.check.expected", check_output(files));
}

TEST_CASE("golden: the findings on the real tables, in Chinese", "[golden][specs][i18n]") {
    auto files = test::files_under("indicator_specs", ".jx");
    test::MessagesIn chinese(i18n::Language::chinese);
    test::check_golden("tests/golden/indicator_specs.check.zh.expected", check_output(files));
}

TEST_CASE("golden: the recomputed score table of every real table", "[golden][specs]") {
    auto policy = scoring::Policy::defaults();
    std::string out;
    for (const auto& rel : test::files_under("indicator_specs", ".jx")) {
        SourceFile src(rel, test::read(test::source_path(rel)));
        auto parsed = syntax::parse(src);
        REQUIRE(parsed.ok());
        for (const auto& p : parsed.file.projects) {
            std::vector<Diagnostic> errors;
            auto m = model::lower(p, errors);
            out += "== " + rel + "\n" +
                   driver::render_score_table(scoring::evaluate(m, policy), policy) + "\n";
        }
    }
    test::check_golden("tests/golden/indicator_specs.score.expected", out);
}

// Checks directories as `jixiao check` does: a disclosure's claims against its directory's tables.
static std::string check_tree(const std::vector<std::string>& paths) {
    auto policy = scoring::Policy::defaults();
    driver::Totals totals;
    std::string out;
    driver::FileWalk walk(paths);
    driver::check_files(walk, policy, 1, [&](driver::FileReport& r) {
        totals.add(r);
        out += driver::render_text(r, false);
    });
    return out + driver::render_summary(totals);
}

TEST_CASE("golden: the claims of the seeds' disclosures", "[golden][claims]") {
    // Each directory holds the claims of one seed's prose, transcribed with their lines.
    auto root = test::source_path("tests/golden/disclosure");
    std::string out = check_tree({root});
    // Paths relative to the source tree, so that the expected file does not depend on where it is.
    for (std::size_t at; (at = out.find(root)) != std::string::npos;)
        out.replace(at, root.size(), "tests/golden/disclosure");
    test::check_golden("tests/golden/disclosure.check.expected", out);
}

TEST_CASE("golden: the claims import reads from the prose of each seed", "[golden][claims]") {
    // Every seed's prose has claims; each is checked by hand against its source line, and those
    // of 001, 002 and 003 equal the transcriptions in tests/golden/disclosure/.
    std::string dir = test::source_path("../shared/seeds");
    std::vector<std::string> seeds;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") seeds.push_back(e.path().string());
    std::sort(seeds.begin(), seeds.end());
    REQUIRE(seeds.size() == 5);
    std::string out;
    for (const auto& f : seeds) {
        auto r = import::import_text(fs::path(f).filename().string(), test::read(f),
                                     import::Format::text);
        REQUIRE(r.disclosure);
        out += "== " + r.disclosure->file_name + "\n" + r.disclosure->spec;
    }
    test::check_golden("tests/golden/import/disclosures.expected", out);
}

TEST_CASE("golden: a disclosure's report, its claims beside its tables", "[golden][claims]") {
    // 001's claims with the 26 tables of indicator_specs/fengtai-2022 beside them, and 002's
    // claims with its department-level tables, rendered as Markdown.
    auto dir = test::fresh_dir("disclosure-report");
    fs::create_directories(dir / "fengtai");
    for (const auto& rel : test::files_under("indicator_specs/fengtai-2022", ".jx"))
        fs::copy_file(test::source_path(rel), dir / "fengtai" / fs::path(rel).filename());
    fs::copy_file(test::source_path("tests/golden/disclosure/001-fengtai-2022/000-部门.jx"),
                  dir / "fengtai" / "000-部门.jx");
    std::string out;
    for (const auto& [spec, name] :
         {std::pair{(dir / "fengtai" / "000-部门.jx").string(), std::string("fengtai.md")},
          std::pair{test::source_path("tests/golden/disclosure/002-zgc-mentougou-2023/000-部门.jx"),
                    std::string("002.md")}}) {
        driver::RenderRequest req;
        req.paths = {spec};
        req.format = driver::RenderFormat::md;
        req.output = (dir / name).string();
        auto outcome = driver::render_specs(req, scoring::Policy::defaults());
        REQUIRE(outcome.errors.empty());
        REQUIRE(outcome.written.size() == 1);
        out += "== " + name + "\n" + test::read(req.output);
    }
    for (std::size_t at; (at = out.find(dir.string())) != std::string::npos;)
        out.replace(at, dir.string().size(), "TMP");
    test::check_golden("tests/golden/render/disclosure.md.expected", out);
}
