// The fuzz targets' bodies, shared by the libFuzzer entry points (fuzz_*.cpp) and the regression
// test that replays every input kept in tests/fuzz/regressions/ in ordinary builds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <zip.h>

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

// A workbook holding `parts` (name, contents), stored uncompressed, as the bytes of an xlsx file.
inline std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
    zip_source_keep(buffer); // outlives zip_close, which writes the archive into it
    zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &ze);
    if (!z) std::abort();
    for (const auto& [name, contents] : parts) {
        zip_source_t* s = zip_source_buffer(z, contents.data(), contents.size(), 0);
        zip_int64_t index = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
        if (index < 0) std::abort();
        zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(z) != 0) std::abort();
    std::string out;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        out.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
        zip_source_seek(buffer, 0, SEEK_SET);
        zip_source_read(buffer, out.data(), out.size());
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&ze);
    return out;
}

// libFuzzer, aware of the xlsx structure (random bytes seldom make a valid archive): the input is
// a sheet's XML, then after a NUL the shared strings' XML, then after another the styles'. They
// are packed into a workbook (xlsx_from_fuzz_input) and imported; every spec written must parse.
inline std::string xlsx_from_fuzz_input(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> xml(3);
    for (std::size_t i = 0, part = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\0' && part < 2)
            ++part;
        else
            xml[part] += bytes[i];
    }
    std::vector<std::pair<std::string, std::string>> parts{
        {"xl/workbook.xml",
         R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/)"
         R"(relationships"><sheets><sheet name="表1" r:id="rId1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
         R"(</Relationships>)"},
        {"xl/worksheets/sheet1.xml", xml[0]},
        {"xl/sharedStrings.xml", xml[1]},
        {"xl/styles.xml", xml[2]}};
    return zip_parts(parts);
}

inline int fuzz_xlsx(const std::uint8_t* data, std::size_t size) {
    auto r = jx::import::import_text("fuzz.xlsx", xlsx_from_fuzz_input(data, size),
                                     jx::import::Format::xlsx);
    for (const auto& s : r.specs) {
        jx::SourceFile src(s.file_name, s.spec);
        if (!jx::syntax::parse(src).ok()) std::abort(); // the importer wrote an invalid spec
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
