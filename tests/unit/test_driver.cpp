#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <sys/stat.h>

#include "driver/check.hpp"
#include "driver/files.hpp"
#include "driver/format.hpp"
#include "driver/report.hpp"
#include "support.hpp"

using namespace jx;
namespace fs = std::filesystem;

TEST_CASE("directories are searched recursively for *.jx, in a stable order", "[driver]") {
    std::vector<driver::FileReport> problems;
    auto files = driver::discover({jx::test::source_path("indicator_specs")}, problems);
    CHECK(problems.empty());
    CHECK(files.size() >= 27);
    CHECK(std::is_sorted(files.begin(), files.end()));
    driver::discover({"/nonexistent/dir"}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].io_error);
}

TEST_CASE("parallel checking gives the same reports, in input order", "[driver]") {
    auto policy = scoring::Policy::defaults();
    auto collect = [&](unsigned jobs) {
        std::string out;
        driver::FileWalk walk({jx::test::source_path("indicator_specs"), "/nonexistent.jx",
                               jx::test::source_path("examples")});
        driver::check_files(walk, policy, jobs, [&](driver::FileReport& r) {
            out += r.path + "\n" + driver::render_text(r, false);
        });
        return out;
    };
    CHECK(collect(1) == collect(4));
}

TEST_CASE("FIFOs and directories given as files are refused, not read", "[driver]") {
    fs::path dir = jx::test::fresh_dir("fifo");
    fs::create_directories(dir);
    fs::path fifo = dir / "pipe.jx";
    fs::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto r = driver::check_file(fifo.string(), scoring::Policy::defaults());
    CHECK(r.io_error);
    CHECK(r.diagnostics.at(0).message.find("not a regular file") != std::string::npos);
    fs::remove(fifo);
}

TEST_CASE("JSON findings escape text and carry the subject", "[driver]") {
    driver::FileReport r;
    r.path = "a\"b.jx";
    Diagnostic d = make_error("total-score-mismatch", "总分 得分 is 95\nbut 80");
    d.subject = {"基层党组织党建活动经费", "总分", "95", "80"};
    CHECK(
        driver::json_finding(r, d) ==
        R"({"code":"total-score-mismatch","severity":"error","file":"a\"b.jx","line":0,"column":0,)"
        R"("project":"基层党组织党建活动经费","indicator":"总分","message":"总分 得分 is 95\nbut 80","reported":"95","expected":"80"})");
}

TEST_CASE("a JSON finding explained by another carries the link, text leaves it out", "[driver]") {
    const std::string spec =
        "项目 \"p\" {\n"
        "  项目资金 万元 { 年度资金总额 全年 1 执行 1 分值 10 执行率 100% 得分 100 }\n"
        "  产出指标 { 数量指标 { \"a\" 指标值 3次 完成值 3次 分值 90 得分 90 } }\n"
        "  总分 分值 100 得分 100\n}\n";
    auto r = driver::check_source(std::make_unique<SourceFile>("t.jx", spec),
                                  scoring::Policy::defaults());
    const Diagnostic* total = nullptr;
    for (const auto& d : r.diagnostics)
        if (d.code == "total-score-mismatch") total = &d;
    REQUIRE(total);
    std::string json = driver::json_finding(r, *total);
    CHECK(json.find(R"("cause":{"code":"score-exceeds-weight","line":2,"column":)") !=
          std::string::npos);
    std::string text = driver::render_text(r, false);
    CHECK(text.find("total-score-mismatch") == std::string::npos);
    CHECK(text.find("error[score-exceeds-weight]") != std::string::npos);
    driver::Totals totals;
    totals.add(r);
    CHECK(driver::render_summary(totals).find("1 error,") != std::string::npos);
}

TEST_CASE("JSON strings escape controls, quotes and bytes that are not UTF-8, and keep the rest",
          "[driver]") {
    CHECK(driver::json_escape("年\x01度\"\\\t") == "年\\u0001度\\\"\\\\\\t");
    CHECK(driver::json_escape("a\xFF年\xE5\xB9") == "a\\ufffd年\\ufffd\\ufffd");
    CHECK(driver::json_escape("\xF0\x9F\x98\x80 ok") == "\xF0\x9F\x98\x80 ok");
    CHECK(driver::json_escape("") == "");
}

TEST_CASE("a directory walk streams files in the order of their sorted full paths", "[driver]") {
    fs::path dir = jx::test::fresh_dir("walk");
    fs::remove_all(dir);
    for (auto sub : {"b", "b/c", "a"})
        fs::create_directories(dir / sub);
    for (auto f : {"b-x.jx", "b/z.jx", "b/c/y.jx", "b0.jx", "a/notes.txt", "a/w.jx", "b/c.jx"})
        std::ofstream(dir / f) << "";
    fs::create_directory_symlink(dir / "b", dir / "link-to-b"); // not followed: it could loop
    std::vector<driver::FileReport> problems;
    auto files = driver::discover({dir.string(), (dir / "missing").string()}, problems);
    std::vector<std::string> relative;
    for (const auto& f : files)
        relative.push_back(fs::relative(f, dir).string());
    CHECK(relative ==
          std::vector<std::string>{"a/w.jx", "b-x.jx", "b/c.jx", "b/c/y.jx", "b/z.jx", "b0.jx"});
    CHECK(std::is_sorted(files.begin(), files.end()));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == (dir / "missing").string());
    fs::remove_all(dir);
}

TEST_CASE("a file larger than jixiao reads is refused without reading it", "[driver][bad-input]") {
    fs::path dir = jx::test::fresh_dir("sparse");
    fs::create_directories(dir);
    fs::path f = dir / "huge.jx";
    { std::ofstream(f) << ""; }
    fs::resize_file(f, driver::max_read_bytes + 1); // sparse: no disk space used
    auto r = driver::check_file(f.string(), scoring::Policy::defaults());
    CHECK(r.io_error);
    CHECK(r.diagnostics.at(0).message ==
          f.string() + " is 268435457 bytes, more than jixiao reads (268435456 bytes)");
    fs::remove_all(dir);
}

TEST_CASE("files are read whole at every size around the read buffer", "[driver]") {
    fs::path dir = jx::test::fresh_dir("read");
    fs::create_directories(dir);
    for (std::size_t size : {0, 1, 65535, 65536, 65537, 200000}) {
        INFO(size);
        std::string text(size, 'x');
        for (std::size_t i = 0; i < size; i += 7)
            text[i] = static_cast<char>('a' + i % 26);
        fs::path f = dir / "f.jx";
        std::ofstream(f, std::ios::binary) << text;
        for (bool listed : {false, true}) {
            std::string contents, error;
            REQUIRE(driver::read_file(f.string(), contents, error, listed));
            CHECK(contents == text);
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("many files on many workers come out complete and in walk order", "[driver]") {
    // More files than the window of pending reports holds, so that workers wait for room.
    fs::path dir = jx::test::fresh_dir("many");
    fs::remove_all(dir);
    auto specs = jx::test::files_under("indicator_specs", ".jx");
    for (std::size_t i = 0; i < 1500; ++i) {
        fs::path sub = dir / fmt::format("{:02}", i % 7);
        fs::create_directories(sub);
        fs::copy_file(jx::test::source_path(specs[i % specs.size()]),
                      sub / fmt::format("{:04}.jx", i));
    }
    fs::create_symlink("nowhere.jx", dir / "03" / "0500-broken.jx");
    auto policy = scoring::Policy::defaults();
    auto collect = [&](unsigned jobs) {
        std::string out;
        std::size_t n = 0;
        driver::FileWalk walk({dir.string()});
        driver::check_files(walk, policy, jobs, [&](driver::FileReport& r) {
            ++n;
            out += r.path + "\n" + driver::render_text(r, false);
        });
        CHECK(n == 1501);
        return out;
    };
    std::string one = collect(1);
    CHECK(one == collect(2));
    CHECK(one == collect(5));
    fs::remove_all(dir);
}

TEST_CASE("fmt never writes a spec larger than the parser reads", "[driver][format]") {
    // 270,000 short rows (5 MB) that alignment widens to 65 bytes each: past the 16 MiB limit.
    fs::path dir = jx::test::fresh_dir("fmt-grow");
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string spec = "项目 \"p\" {\n年度 2022\n产出指标 {\n数量指标 {\n\"" +
                       std::string(38, 'x') + "\" 分值 1 得分 1\n";
    for (int i = 0; i < 270'000; ++i)
        spec += fmt::format("\"r{}\" 分值 1 得分 1\n", i);
    spec += "}\n}\n总分 分值 270001 得分 270001\n}\n";
    REQUIRE(spec.size() < (std::size_t{16} << 20));
    std::string path = (dir / "grow.jx").string();
    jx::test::write(path, spec);
    std::ostringstream out, err;
    CHECK(driver::format_files({path}, false, false, out, err) == 1);
    CHECK(out.str().empty());
    CHECK(err.str().find("error[spec-too-large]: " + path +
                         ": not formatted: formatted, it would be ") == 0);
    CHECK(err.str().find(
              "bytes, more than the 16 MiB a spec may have (split it into several files)") !=
          std::string::npos);
    CHECK(jx::test::read(path) == spec); // unchanged
    fs::remove_all(dir);
}
