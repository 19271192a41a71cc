// Helpers shared by the tests: paths into the source tree, file I/O and golden comparison.
//
// Golden files: a test compares the whole rendered output with an expected file. Run the tests
// with JIXIAO_UPDATE_GOLDEN=1 to rewrite the expected files instead, then review `git diff`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/i18n.hpp"

namespace jx::test {

std::string source_path(const std::string& relative);
std::string read(const std::string& path);
// A text dump (shared/README.md) of rows of cells: "" an empty cell, '\n' a continuation line; a
// row {"#text"} is a line of prose.
std::string dump(const std::vector<std::vector<std::string>>& rows);
void write(const std::string& path, const std::string& contents);
// Files under `dir` (relative to the source tree) ending in `ext`, sorted, as relative paths.
std::vector<std::string> files_under(const std::string& dir, const std::string& ext);
bool updating_golden();

// An empty scratch directory of the tests', /tmp/jixiao-test-<build>/<name>, made afresh.
std::filesystem::path fresh_dir(const std::string& name);

// The jixiao command run as a user runs it, with what it printed (stdout and stderr together),
// its exit status (-1 when a signal ended it), its peak resident memory and its wall time.
struct CliRun {
    std::string output;
    int status = -1;
    long peak_rss_mb = 0;
    double seconds = 0;
};
CliRun run_cli(const std::vector<std::string>& args);
// Compares `actual` with the expected file (or rewrites it when updating); CHECKs equality.
void check_golden(const std::string& expected_path, const std::string& actual);

// Messages in `language` for the guard's lifetime (English again after): the Chinese goldens.
class MessagesIn {
public:
    explicit MessagesIn(i18n::Language language);
    ~MessagesIn();
    MessagesIn(const MessagesIn&) = delete;
    MessagesIn& operator=(const MessagesIn&) = delete;

private:
    i18n::Language before_;
};

} // namespace jx::test
