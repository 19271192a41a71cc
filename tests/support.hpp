// Helpers shared by the tests: paths into the source tree, file I/O and golden comparison.
//
// Golden files: a test compares the whole rendered output with an expected file. Run the tests
// with JIXIAO_UPDATE_GOLDEN=1 to rewrite the expected files instead, then review `git diff`.
#pragma once

#include <string>
#include <vector>

namespace jx::test {

std::string source_path(const std::string& relative);
std::string read(const std::string& path);
void write(const std::string& path, const std::string& contents);
// Files under `dir` (relative to the source tree) ending in `ext`, sorted, as relative paths.
std::vector<std::string> files_under(const std::string& dir, const std::string& ext);
bool updating_golden();
// Compares `actual` with the expected file (or rewrites it when updating); CHECKs equality.
void check_golden(const std::string& expected_path, const std::string& actual);

} // namespace jx::test
