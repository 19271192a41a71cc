// The fuzz targets' bodies, shared by the libFuzzer entry points (fuzz_*.cpp) and the regression
// test that replays every input kept in tests/fuzz/regressions/ in ordinary builds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "diag/render.hpp"
#include "format/format.hpp"
#include "import/import.hpp"
#include "model/project.hpp"
#include "scoring/engine.hpp"
#include "scoring/policy.hpp"
#include "syntax/parser.hpp"

namespace jx::fuzz {

// libFuzzer: any bytes through the parser, the model, the scoring engine and the renderer of
// diagnostics. Nothing may crash, hang or trip a sanitizer.
inline int fuzz_parse(const std::uint8_t* data, std::size_t size) {
    jx::SourceFile src("fuzz.jx", std::string(reinterpret_cast<const char*>(data), size));
    auto parsed = jx::syntax::parse(src);
    for (const auto& d : parsed.diagnostics)
        (void)jx::render(d, &src);
    static const auto policy = jx::scoring::Policy::defaults();
    for (const auto& p : parsed.file.projects) {
        std::vector<jx::Diagnostic> errors;
        auto m = jx::model::lower(p, errors);
        auto r = jx::scoring::evaluate(m, policy);
        for (const auto& d : r.findings)
            (void)jx::render(d, &src);
    }
    return 0;
}

// libFuzzer: for every input that parses, fmt must be idempotent and keep the parse.
inline int fuzz_format(const std::uint8_t* data, std::size_t size) {
    jx::SourceFile src("fuzz.jx", std::string(reinterpret_cast<const char*>(data), size));
    auto parsed = jx::syntax::parse(src);
    if (!parsed.ok()) return 0;
    std::string once = jx::format::format(parsed.file, src.text());
    jx::SourceFile again("fuzz.jx", once);
    auto reparsed = jx::syntax::parse(again);
    if (!reparsed.ok()) std::abort(); // fmt wrote something that does not parse
    if (jx::ast::dump(reparsed.file) != jx::ast::dump(parsed.file))
        std::abort(); // fmt changed the meaning
    if (jx::format::format(reparsed.file, again.text()) != once)
        std::abort(); // fmt is not idempotent
    return 0;
}

// libFuzzer: any bytes as a text dump, a CSV file and an xlsx archive through the importer; every
// spec it writes must parse.
inline int fuzz_import(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    for (auto format :
         {jx::import::Format::text, jx::import::Format::csv, jx::import::Format::xlsx}) {
        auto r = jx::import::import_text("fuzz", bytes, format);
        for (const auto& s : r.specs) {
            jx::SourceFile src(s.file_name, s.spec);
            if (!jx::syntax::parse(src).ok()) std::abort(); // the importer wrote an invalid spec
        }
    }
    return 0;
}

// libFuzzer: any bytes as a YAML policy: an error with a line, or a policy; never a crash.
inline int fuzz_policy(const std::uint8_t* data, std::size_t size) {
    jx::scoring::PolicyError error;
    auto p =
        jx::scoring::load_policy(std::string(reinterpret_cast<const char*>(data), size), error);
    if (p) (void)jx::scoring::dump_policy_yaml(*p);
    return 0;
}

} // namespace jx::fuzz
