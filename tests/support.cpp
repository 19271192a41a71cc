#include "support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <catch2/catch.hpp>
#include <chrono>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace jx::test {
namespace fs = std::filesystem;

std::string source_path(const std::string& relative) {
    return std::string(JIXIAO_SOURCE_DIR) + "/" + relative;
}

std::string dump(const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    for (const auto& r : rows) {
        if (r.size() == 1 && r[0].rfind("#", 0) == 0) {
            out += r[0].substr(1) + "\n\n";
            continue;
        }
        for (const auto& c : r)
            out += "\t" + c + "\n";
        out += "\n";
    }
    return out;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write(const std::string& path, const std::string& contents) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

std::vector<std::string> files_under(const std::string& dir, const std::string& ext) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(source_path(dir)))
        if (e.is_regular_file() && e.path().extension() == ext)
            out.push_back(fs::relative(e.path(), source_path("")).string());
    std::sort(out.begin(), out.end());
    return out;
}

bool updating_golden() {
    const char* v = std::getenv("JIXIAO_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

void check_golden(const std::string& expected_path, const std::string& actual) {
    std::string path = source_path(expected_path);
    if (updating_golden()) {
        write(path, actual);
        return;
    }
    INFO("golden file "
         << expected_path
         << " (rerun with JIXIAO_UPDATE_GOLDEN=1 to regenerate, then review git diff)");
    REQUIRE(fs::exists(path));
    CHECK(read(path) == actual);
}

std::filesystem::path fresh_dir(const std::string& name) {
    // One tree per build (build/, build-asan/, a CI clone's): suites running side by side never
    // share a scratch directory.
    static const std::string build =
        std::to_string(std::hash<std::string>{}(JIXIAO_BINARY) % 1000000);
    fs::path dir = fs::temp_directory_path() / ("jixiao-test-" + build) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

CliRun run_cli(const std::vector<std::string>& args) {
    CliRun run;
    static int serial = 0;
    fs::path out = fs::temp_directory_path() /
                   ("jixiao-cli-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    // Through GNU time, which forks from a small process of its own: the child's peak then
    // counts only jixiao's memory (a child forked or spawned from this test process would
    // inherit the test's high-water mark, which exec keeps).
    fs::path rss = out.string() + ".rss";
    std::vector<std::string> all{"/usr/bin/time", "-q",         "-f", "%M", "-o",
                                 rss.string(),    JIXIAO_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    int spawned = posix_spawn(&pid, "/usr/bin/time", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(spawned == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::string peak = read(rss.string()); // kilobytes; "Command exited with…" lines first
    auto last = peak.find_last_not_of("\n");
    auto line = peak.rfind('\n', last);
    run.peak_rss_mb = std::stol(peak.substr(line == std::string::npos ? 0 : line + 1)) / 1024;
    fs::remove(rss);
    run.output = read(out.string());
    fs::remove(out);
    return run;
}

MessagesIn::MessagesIn(i18n::Language language) : before_(i18n::language()) {
    // The catalog is built beside the tests (build/locale): without it nothing could be Chinese.
    REQUIRE(i18n::set_language(language));
}
MessagesIn::~MessagesIn() {
    i18n::set_language(before_);
}

} // namespace jx::test
