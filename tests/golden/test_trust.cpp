// The triage of every finding on the real tables: the 27 hand transcriptions in indicator_specs/
// and every table `import` makes of ../shared/seeds. tests/golden/trust/seeds.triage lists each
// error and warning with why it is real by the official rules, as reviewed by hand; this test
// fails when a finding appears that nobody has triaged, or a triaged one disappears.
//
// JIXIAO_UPDATE_GOLDEN=1 rewrites the file: reviewed reasons are kept, a new finding gets
// "UNTRIAGED", which fails the test until someone reads the source table and writes why the
// finding is real (or fixes the false alarm).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "driver/check.hpp"
#include "import/import.hpp"
#include "support.hpp"

using namespace jx;

namespace {

constexpr std::string_view untriaged = "UNTRIAGED";
const std::string triage_path = "tests/golden/trust/seeds.triage";

// "file:line:column severity code", explained findings with the finding they follow from.
std::string key_of(const std::string& file, const SourceFile& src, const Diagnostic& d) {
    auto at = d.labels.empty() ? Position{} : src.position(d.labels.front().span.begin);
    std::string key = file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                      std::string(severity_name(d.severity)) + " " + d.code;
    if (d.cause) key += " (explained by " + d.cause->code + ")";
    return key;
}

void collect(const std::string& file, driver::FileReport report, std::vector<std::string>& keys) {
    for (const auto& d : report.diagnostics)
        if (d.severity == Severity::error || d.severity == Severity::warning)
            keys.push_back(key_of(file, *report.source, d));
}

std::vector<std::string> findings_on_the_seeds() {
    auto policy = scoring::Policy::defaults();
    std::vector<std::string> keys;
    for (const auto& rel : test::files_under("indicator_specs", ".jx"))
        collect(rel,
                driver::check_source(
                    std::make_unique<SourceFile>(rel, test::read(test::source_path(rel))), policy),
                keys);
    std::string dir = test::source_path("../shared/seeds");
    REQUIRE(std::filesystem::exists(dir));
    std::vector<std::string> seeds;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".txt") seeds.push_back(e.path().string());
    std::sort(seeds.begin(), seeds.end());
    // Each seed imported into a directory of its own and checked there, as a user would: the
    // claims of its prose against its tables.
    for (const auto& f : seeds) {
        auto r = import::import_text(std::filesystem::path(f).filename().string(), test::read(f),
                                     import::Format::text);
        auto dir = test::fresh_dir("trust-" + std::filesystem::path(f).stem().string());
        auto write = [&](const std::string& name, const std::string& spec) {
            std::ofstream(dir / name, std::ios::binary) << spec;
        };
        for (const auto& s : r.specs)
            write(s.file_name, s.spec);
        if (r.disclosure) write(r.disclosure->file_name, r.disclosure->spec);
        driver::FileWalk walk({dir.string()});
        driver::check_files(walk, policy, 1, [&](driver::FileReport& report) {
            std::string name = std::filesystem::path(report.path).filename().string();
            collect("import/" + name, std::move(report), keys);
        });
    }
    return keys;
}

// The triage file: "# …" comments and "key | why it is real" lines.
std::map<std::string, std::string> read_triage(std::string& header) {
    std::map<std::string, std::string> out;
    std::istringstream in(test::read(test::source_path(triage_path)));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') {
            if (out.empty()) header += line + "\n";
            continue;
        }
        auto bar = line.find(" | ");
        out[line.substr(0, bar)] = bar == std::string::npos ? "" : line.substr(bar + 3);
    }
    return out;
}

} // namespace

TEST_CASE("trust: every error and warning on the real tables is triaged as real",
          "[seeds][golden][trust]") {
    auto keys = findings_on_the_seeds();
    REQUIRE(keys.size() >= 20); // the published tables do hold real problems
    std::string header;
    auto triaged = read_triage(header);
    if (test::updating_golden()) {
        std::string out = header;
        for (const auto& k : keys) {
            auto it = triaged.find(k);
            out +=
                k + " | " +
                (it != triaged.end() && !it->second.empty() ? it->second : std::string(untriaged)) +
                "\n";
        }
        test::write(test::source_path(triage_path), out);
        triaged = read_triage(header = {});
    }
    std::set<std::string> found(keys.begin(), keys.end());
    CHECK(found.size() == keys.size()); // one line per finding
    for (const auto& k : keys) {
        INFO(k);
        auto it = triaged.find(k);
        CHECK(it != triaged.end()); // a finding nobody has triaged
        if (it == triaged.end()) continue;
        CHECK_FALSE(it->second.empty());
        CHECK(it->second.find(untriaged) == std::string::npos);
    }
    for (const auto& [k, why] : triaged) {
        INFO(k);
        CHECK(found.count(k) == 1); // triaged, but no longer found: review the file
    }
}
