// The corpus of hostile inputs: for each case, everything `jixiao check` prints (diagnostics and
// summary, as text) is compared with tests/bad_inputs/<case>.expected.
//
// Small cases are committed as tests/bad_inputs/<case>.jx, byte for byte (BOM, CRLF, NUL, invalid
// UTF-8 included). Cases that git should not hold or cannot hold — a 10 MB string, nesting 10,000
// deep, an unreadable file inside a directory, a FIFO — are made here in a scratch directory,
// whose path is shown as <scratch> in the expected files.
// JIXIAO_UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "driver/check.hpp"
#include "driver/report.hpp"
#include "support.hpp"

using namespace jx;
namespace fs = std::filesystem;

namespace {

// What `jixiao check --color never PATHS...` prints, and whether it would exit 2 (I/O error).
struct Output {
    std::string text;
    bool io_error = false;
};

Output check(const std::vector<std::string>& paths) {
    auto policy = scoring::Policy::defaults();
    driver::FileWalk walk(paths);
    driver::Totals totals;
    Output out;
    driver::check_files(walk, policy, 2, [&](driver::FileReport& r) {
        totals.add(r);
        out.text += driver::render_text(r, false);
    });
    out.text += driver::render_summary(totals);
    out.io_error = totals.io_error;
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// A fresh scratch directory for one generated case.
fs::path scratch(const std::string& name) {
    return test::fresh_dir("bad-inputs/" + name);
}

void write(const fs::path& path, const std::string& contents) {
    std::ofstream(path, std::ios::binary) << contents;
}

const char* const valid_project = R"(项目 "可读" {
  年度 2023
  产出指标 {
    数量指标 {
      "培训人数"  指标值 ≥100人  完成值 120人  分值 100  得分 100
    }
  }
  总分 分值 100 得分 100
}
)";

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

void check_generated(const std::string& name, const fs::path& dir,
                     const std::vector<std::string>& paths, bool io_error) {
    Output out = check(paths);
    CHECK(out.io_error == io_error);
    test::check_golden("tests/bad_inputs/" + name + ".expected",
                       replace_all(out.text, dir.string(), "<scratch>"));
    fs::remove_all(dir);
}

} // namespace

TEST_CASE("bad inputs: every committed case gets its expected diagnostics", "[golden][bad-input]") {
    auto files = test::files_under("tests/bad_inputs", ".jx");
    REQUIRE(files.size() >= 11);
    for (const auto& rel : files) {
        INFO(rel);
        // Checked through a path as the CLI would, not from memory: reading is part of the case.
        Output out = check({test::source_path(rel)});
        CHECK_FALSE(out.io_error);
        std::string text = replace_all(out.text, test::source_path(""), "");
        std::string stem = rel.substr(0, rel.size() - 3);
        test::check_golden(stem + ".expected", text);
    }
}

TEST_CASE("bad inputs: every committed case, in Chinese", "[golden][bad-input][i18n]") {
    test::MessagesIn chinese(i18n::Language::chinese);
    for (const auto& rel : test::files_under("tests/bad_inputs", ".jx")) {
        INFO(rel);
        Output out = check({test::source_path(rel)});
        std::string text = replace_all(out.text, test::source_path(""), "");
        test::check_golden(rel.substr(0, rel.size() - 3) + ".zh.expected", text);
    }
}

TEST_CASE("bad inputs: a 10 MB string is refused at the string limit", "[golden][bad-input]") {
    fs::path dir = scratch("huge-string");
    // 10,000,000 bytes of text in one string, on one line.
    write(dir / "huge-string.jx", "项目 \"" + repeat("长", 3333334) + "\" {\n  年度 2023\n}\n");
    check_generated("huge-string", dir, {(dir / "huge-string.jx").string()}, false);
}

TEST_CASE("bad inputs: a file over the size limit is refused before parsing",
          "[golden][bad-input]") {
    fs::path dir = scratch("huge-file");
    std::string comment = "# " + repeat("注", 1000) + "\n";
    write(dir / "huge-file.jx", repeat(comment, 17 * 1024 * 1024 / comment.size()) + valid_project);
    check_generated("huge-file", dir, {(dir / "huge-file.jx").string()}, false);
}

TEST_CASE("bad inputs: nesting 10,000 deep stops at the fourth level", "[golden][bad-input]") {
    // The grammar has no recursive rule, so depth cannot exhaust the stack: the fourth level of
    // categories is already a syntax error.
    fs::path dir = scratch("deep-nesting");
    write(dir / "deep-nesting.jx",
          "项目 \"深\" {\n" + repeat("产出指标 {\n", 10000) + repeat("}\n", 10001));
    write(dir / "deep-braces.jx", "项目 \"深\" {\n" + repeat("{", 10000) + repeat("}", 10001));
    check_generated("deep-nesting", dir,
                    {(dir / "deep-nesting.jx").string(), (dir / "deep-braces.jx").string()}, false);
}

TEST_CASE("bad inputs: an unreadable file inside a directory is reported and the rest checked",
          "[golden][bad-input]") {
    fs::path dir = scratch("unreadable-in-directory");
    write(dir / "a.jx", valid_project);
    // A symbolic link to itself cannot be opened by anyone, root included (ELOOP).
    fs::create_symlink("b.jx", dir / "b.jx");
    // A link to nothing.
    fs::create_symlink("missing.jx", dir / "c.jx");
    write(dir / "d.jx", valid_project);
    check_generated("unreadable-in-directory", dir, {dir.string()}, true);
}

TEST_CASE("bad inputs: a file without read permission", "[bad-input]") {
    fs::path dir = scratch("no-permission");
    write(dir / "secret.jx", valid_project);
    fs::permissions(dir / "secret.jx", fs::perms::none);
    Output out = check({(dir / "secret.jx").string()});
    if (::access((dir / "secret.jx").c_str(), R_OK) == 0) {
        // Running as root: permissions do not stop reading, and the file is checked.
        CHECK_FALSE(out.io_error);
    } else {
        CHECK(out.io_error);
        CHECK(out.text.find("Permission denied") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("bad inputs: a FIFO given as a path is refused, not waited on", "[golden][bad-input]") {
    fs::path dir = scratch("fifo");
    REQUIRE(::mkfifo((dir / "pipe.jx").c_str(), 0600) == 0);
    write(dir / "ok.jx", valid_project);
    // Given by name and found inside a directory.
    check_generated("fifo", dir, {(dir / "pipe.jx").string(), dir.string()}, true);
}
