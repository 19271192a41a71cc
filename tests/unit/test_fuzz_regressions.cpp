// Every input a fuzzer once crashed on is kept under tests/fuzz/regressions/<target>/ and replayed
// here, in every build (the sanitizer build included), with the committed seeds of
// tests/fuzz/seeds/<target>/ (the xlsx target's inputs cannot be made from the specs alone).
#include <catch2/catch.hpp>

#include <filesystem>

#include <fmt/format.h>

#include "../fuzz/lsp_target.hpp"
#include "../fuzz/targets.hpp"
#include "support.hpp"

TEST_CASE("fuzz regressions and seeds replay without a crash", "[fuzz]") {
    namespace fs = std::filesystem;
    std::size_t replayed = 0;
    for (const char* kind : {"regressions", "seeds"})
        for (const char* target : {"parse", "format", "import", "xlsx", "docx", "pdf", "policy",
                                   "xlsx_writer", "safe_write", "lsp", "template"}) {
            fs::path dir = jx::test::source_path(fmt::format("tests/fuzz/{}/{}", kind, target));
            if (!fs::exists(dir)) continue;
            for (const auto& e : fs::directory_iterator(dir)) {
                INFO(e.path());
                std::string bytes = jx::test::read(e.path().string());
                const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
                std::string t = target;
                if (t == "parse") jx::fuzz::fuzz_parse(data, bytes.size());
                if (t == "format") jx::fuzz::fuzz_format(data, bytes.size());
                if (t == "import") jx::fuzz::fuzz_import(data, bytes.size());
                if (t == "xlsx") jx::fuzz::fuzz_xlsx(data, bytes.size());
                if (t == "docx") jx::fuzz::fuzz_docx(data, bytes.size());
                if (t == "pdf") jx::fuzz::fuzz_pdf(data, bytes.size());
                if (t == "policy") jx::fuzz::fuzz_policy(data, bytes.size());
                if (t == "xlsx_writer") jx::fuzz::fuzz_xlsx_writer(data, bytes.size());
                if (t == "safe_write") jx::fuzz::fuzz_safe_write(data, bytes.size());
                if (t == "lsp") jx::fuzz::fuzz_lsp(data, bytes.size());
                if (t == "template") jx::fuzz::fuzz_template(data, bytes.size());
                ++replayed;
            }
        }
    // The built-in templates are replayed through the template target (each reads the table).
    for (const char* name : {"central", "beijing", "sichuan"}) {
        std::string yaml = jx::templates::builtin_yaml(name);
        REQUIRE_FALSE(yaml.empty());
        jx::fuzz::fuzz_template(reinterpret_cast<const std::uint8_t*>(yaml.data()), yaml.size());
        ++replayed;
    }
    // The specs and examples are replayed through parse, format and the language server too.
    for (const auto& rel : jx::test::files_under("indicator_specs", ".jx")) {
        std::string bytes = jx::test::read(jx::test::source_path(rel));
        jx::fuzz::fuzz_format(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        jx::fuzz::fuzz_lsp(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++replayed;
    }
    CHECK(replayed >= 27);
}

TEST_CASE("the xlsx fuzz target packs its seeds into workbooks that import", "[fuzz]") {
    // Otherwise the fuzzer would only ever reach the archive reader's first error.
    for (const auto& rel : jx::test::files_under("tests/fuzz/seeds/xlsx", "")) {
        INFO(rel);
        std::string bytes = jx::test::read(jx::test::source_path(rel));
        auto r = jx::import::import_text(
            "seed.xlsx",
            jx::fuzz::xlsx_from_fuzz_input(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                           bytes.size()),
            jx::import::Format::xlsx);
        CHECK(r.source_error.empty());
        REQUIRE(r.specs.size() == 1);
        CHECK(r.specs[0].whole);
    }
}
