// Every input a fuzzer once crashed on is kept under tests/fuzz/regressions/<target>/ and replayed
// here, in every build (the sanitizer build included).
#include <catch2/catch.hpp>

#include <filesystem>

#include "../fuzz/targets.hpp"
#include "support.hpp"

TEST_CASE("fuzz regressions and seeds replay without a crash", "[fuzz]") {
    namespace fs = std::filesystem;
    std::size_t replayed = 0;
    for (const char* target : {"parse", "format", "import", "policy"}) {
        fs::path dir = jx::test::source_path(std::string("tests/fuzz/regressions/") + target);
        if (!fs::exists(dir)) continue;
        for (const auto& e : fs::directory_iterator(dir)) {
            INFO(e.path());
            std::string bytes = jx::test::read(e.path().string());
            const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
            std::string t = target;
            if (t == "parse") jx::fuzz::fuzz_parse(data, bytes.size());
            if (t == "format") jx::fuzz::fuzz_format(data, bytes.size());
            if (t == "import") jx::fuzz::fuzz_import(data, bytes.size());
            if (t == "policy") jx::fuzz::fuzz_policy(data, bytes.size());
            ++replayed;
        }
    }
    // The specs and examples are replayed through parse and format too.
    for (const auto& rel : jx::test::files_under("indicator_specs", ".jx")) {
        std::string bytes = jx::test::read(jx::test::source_path(rel));
        jx::fuzz::fuzz_format(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++replayed;
    }
    CHECK(replayed >= 27);
}
