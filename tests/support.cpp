#include "support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

namespace jx::test {
namespace fs = std::filesystem;

std::string source_path(const std::string& relative) {
    return std::string(JIXIAO_SOURCE_DIR) + "/" + relative;
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

} // namespace jx::test
