// `jixiao fix`: golden before/after/diff on small cases, and the property on the real tables —
// fixed, they leave no arithmetic finding, and only figures change.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "driver/analysis.hpp"
#include "driver/check.hpp"
#include "driver/fix.hpp"
#include "support.hpp"

using namespace jx;
namespace fs = std::filesystem;

namespace {

const std::set<std::string> arithmetic_codes{"total-score-mismatch", "total-weight-mismatch",
                                             "budget-rate-mismatch", "budget-score-mismatch"};

// Every finding of a text, explained ones included (they are fixed too).
std::vector<Diagnostic> findings(const std::string& name, const std::string& text) {
    return driver::analyse(std::make_unique<SourceFile>(name, text), scoring::Policy::defaults())
        .diagnostics;
}

std::size_t count_arithmetic(const std::vector<Diagnostic>& ds) {
    std::size_t n = 0;
    for (const auto& d : ds)
        n += arithmetic_codes.count(d.code);
    return n;
}

// What fix leaves by its rule, and why: a finding explained by another (a row's score above its
// weight, the weights' own sum) is settled by settling its cause, and a 总分 分值 is not the
// right one when the rows' weights do not add up to the policy's 100 either.
void check_left_by_rule(const std::vector<Diagnostic>& ds) {
    for (const auto& d : ds) {
        if (!arithmetic_codes.count(d.code)) continue;
        INFO(d.code << ": " << d.message);
        bool weights_wrong = d.code == "total-weight-mismatch" && d.subject.expected != "100";
        CHECK((d.explained() || weights_wrong));
    }
}

// The findings check reports (those not explained by another) of the codes given.
std::size_t count_reported(const std::vector<Diagnostic>& ds, const std::set<std::string>& codes) {
    std::size_t n = 0;
    for (const auto& d : ds)
        n += !d.explained() && codes.count(d.code);
    return n;
}

// A line with its figures taken out: what must not change.
std::string without_figures(const std::string& line) {
    static const std::regex figure("[0-9]+(\\.[0-9]+)?");
    return std::regex_replace(line, figure, "#");
}

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(s.substr(start, nl - start));
    if (start < s.size()) out.push_back(s.substr(start));
    return out;
}

// Lines that differ keep everything but their figures; no line is added or removed.
void check_only_figures_changed(const std::string& before, const std::string& after) {
    auto a = lines(before), b = lines(after);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("line " << i + 1 << ": " << a[i] << "\n   now: " << b[i]);
        CHECK(without_figures(a[i]) == without_figures(b[i]));
    }
}

} // namespace

TEST_CASE("fix: golden before, after and diff, comments kept", "[fix][golden]") {
    auto files = test::files_under("tests/golden/fix", ".jx");
    REQUIRE(files.size() >= 3);
    for (const auto& rel : files) {
        INFO(rel);
        std::string before = test::read(test::source_path(rel));
        auto outcome = driver::fix_text(rel, before, scoring::Policy::defaults());
        REQUIRE(outcome.parsed);
        std::string stem = rel.substr(0, rel.size() - 3);
        test::check_golden(stem + ".fixed.expected", outcome.text);
        test::check_golden(stem + ".diff.expected",
                           driver::unified_diff(rel, before, outcome.text));
        check_only_figures_changed(before, outcome.text);
        CHECK(count_arithmetic(findings(rel, outcome.text)) == 0);
        // Fixed once is fixed: a second run changes nothing.
        auto again = driver::fix_text(rel, outcome.text, scoring::Policy::defaults());
        CHECK(again.text == outcome.text);
        CHECK(again.fixed.empty());
    }
}

TEST_CASE("fix: a row's score, which the policy judges, is not touched", "[fix]") {
    std::string rel = "tests/golden/fix/nothing.jx";
    std::string before = test::read(test::source_path(rel));
    // The row's score is above what the policy gives: a finding, but not arithmetic.
    bool row_finding = false;
    for (const auto& d : findings(rel, before))
        row_finding = row_finding || d.code == "indicator-score-mismatch";
    CHECK(row_finding);
    auto outcome = driver::fix_text(rel, before, scoring::Policy::defaults());
    CHECK(outcome.text == before);
    CHECK(outcome.fixed.empty());
}

TEST_CASE("fix: a file that does not parse is not fixed", "[fix]") {
    std::string rel = "tests/golden/parse/three-mistakes.jx";
    std::string before = test::read(test::source_path(rel));
    auto outcome = driver::fix_text(rel, before, scoring::Policy::defaults());
    CHECK_FALSE(outcome.parsed);
    CHECK(outcome.text == before);
}

TEST_CASE("fix: the real tables, fixed in place, leave no arithmetic finding and only figures "
          "changed",
          "[fix][specs]") {
    fs::path dir = test::fresh_dir("fix-indicator-specs");
    fs::copy(test::source_path("indicator_specs"), dir / "indicator_specs",
             fs::copy_options::recursive);
    auto before_files = test::files_under("indicator_specs", ".jx");
    std::size_t arithmetic_before = 0;
    for (const auto& rel : before_files)
        arithmetic_before += count_arithmetic(findings(rel, test::read(test::source_path(rel))));
    CHECK(arithmetic_before >= 7); // six weight totals and a rate, as the golden check shows
    std::size_t rates_before = 0;
    for (const auto& rel : before_files)
        rates_before += count_reported(findings(rel, test::read(test::source_path(rel))),
                                       {"budget-rate-mismatch"});
    CHECK(rates_before == 2); // 001-26: the total row and its 当年财政拨款 sub-row

    // --dry-run prints the diff and writes nothing.
    auto dry = test::run_cli({"fix", "--dry-run", (dir / "indicator_specs").string()});
    CHECK(dry.status == 1);
    for (const auto& rel : before_files)
        CHECK(test::read((dir / rel).string()) == test::read(test::source_path(rel)));
    std::string diff = dry.output;
    for (std::size_t at; (at = diff.find(dir.string() + "/")) != std::string::npos;)
        diff.erase(at, dir.string().size() + 1);
    test::check_golden("tests/golden/fix/indicator_specs.diff.expected", diff);

    auto run = test::run_cli({"fix", (dir / "indicator_specs").string()});
    CHECK(run.status == 0);
    for (const auto& rel : before_files) {
        INFO(rel);
        std::string before = test::read(test::source_path(rel));
        std::string after = test::read((dir / rel).string());
        auto left = findings(rel, after);
        CHECK(count_reported(left, {"total-score-mismatch", "budget-rate-mismatch",
                                    "budget-score-mismatch"}) == 0);
        check_left_by_rule(left);
        check_only_figures_changed(before, after);
    }
    // Nothing is left: a second run fixes nothing.
    auto again = test::run_cli({"fix", "--dry-run", (dir / "indicator_specs").string()});
    CHECK(again.status == 0);
    CHECK(again.output == "27 files: no arithmetic to fix\n");
}
