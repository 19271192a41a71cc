// The fuzz targets' bodies, shared by the libFuzzer entry points (fuzz_*.cpp) and the regression
// test that replays every input kept in tests/fuzz/regressions/ in ordinary builds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <fcntl.h>
#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "base/text.hpp"
#include "driver/files.hpp"
#include "import/xlsx.hpp"
#include "render/writers.hpp"

#include "diag/render.hpp"
#include "format/format.hpp"
#include "import/import.hpp"
#include "model/lower.hpp"
#include "scoring/engine.hpp"
#include "scoring/policy.hpp"
#include "syntax/parser.hpp"
#include "templates/template.hpp"

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

// A workbook holding `parts` (name, contents) as the bytes of an xlsx file: stored uncompressed
// (the fuzzer's inputs), or deflated (a tiny file that unpacks to a huge one).
inline std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts,
                             bool deflate = false) {
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
        zip_set_file_compression(z, static_cast<zip_uint64_t>(index),
                                 deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
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

// libFuzzer, aware of the docx structure: the input is word/document.xml, packed into a
// document and imported; every spec written must parse.
inline int fuzz_docx(const std::uint8_t* data, std::size_t size) {
    std::string xml(reinterpret_cast<const char*>(data), size);
    auto r = jx::import::import_text("fuzz.docx", zip_parts({{"word/document.xml", xml}}),
                                     jx::import::Format::docx);
    for (const auto& s : r.specs) {
        jx::SourceFile src(s.file_name, s.spec);
        if (!jx::syntax::parse(src).ok()) std::abort(); // the importer wrote an invalid spec
    }
    return 0;
}

// libFuzzer: any bytes as a PDF: a reason, or tables whose specs parse; never a crash, and
// MuPDF's memory within its budget.
inline int fuzz_pdf(const std::uint8_t* data, std::size_t size) {
    std::string pdf(reinterpret_cast<const char*>(data), size);
    auto r = jx::import::import_text("fuzz.pdf", pdf, jx::import::Format::pdf);
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

// A template of one's own (YAML): read, and if it is one, every template of the registry then
// reads a small table in Sichuan's layout by name (the path import --template takes).
inline int fuzz_template(const std::uint8_t* data, std::size_t size) {
    jx::templates::Registry registry = jx::templates::Registry::builtin();
    std::string error;
    if (!registry.add_yaml(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml",
                           error))
        return 0;
    static const char* const table =
        "部门预算项目支出绩效自评表,,,,,,,,,,\n"
        "项目名称,城乡社区科技服务项目,,,,,,,,,\n"
        "预算执行情况(10分),年度预算数(万元),,年初预算,调整后预算数,预算执行数,预算执行率,权重,"
        "得分,原因,\n"
        ",总额,,120,120,118,98.33%,10,9.83,部分服务费用年底未结算,\n"
        ",其中:财政资金,,100,100,98,/,/,/,/,\n"
        "绩效指标(90分),一级指标,二级指标,三级指标,指标性质,指标值,度量单位,完成值,权重,得分,"
        "未完成原因分析\n"
        ",产出指标(50分),数量指标,科技服务企业数量,≥,100,家,105家,30,30,\n"
        ",满意度指标(10分),服务对象满意度指标,服务对象满意度,≥,90,%,88%,10,9.78,请填写\n"
        "合计,,,,,,,,100,99.61,\n"
        "项目负责人,李四,,,,财务负责人,王五,,,,\n";
    for (const auto& t : registry.all()) {
        jx::import::ImportOptions options;
        options.templates = &registry;
        options.layout = t.name;
        (void)jx::import::import_text("t.csv", table, jx::import::Format::csv, options);
    }
    return 0;
}

inline std::string read_whole(const std::string& path) {
    std::string out;
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        out.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

// A broken invariant: said, then abort (which the fuzzer takes as a finding).
[[noreturn]] inline void violated(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// The parts of a zip archive's bytes, by name; empty when it is not one.
inline std::map<std::string, std::string> unzip_parts(const std::string& bytes) {
    std::map<std::string, std::string> parts;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : nullptr;
    if (!z) {
        if (src) zip_source_free(src);
        zip_error_fini(&ze);
        return parts;
    }
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
        std::string data(static_cast<std::size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        if (!f) continue;
        zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        parts[st.name] = std::move(data);
    }
    zip_close(z);
    zip_error_fini(&ze);
    return parts;
}

// A scratch directory of this process's own, made once.
inline const std::string& scratch_dir(const char* name) {
    static const std::string dir = [&] {
        auto d = std::filesystem::temp_directory_path() /
                 (std::string("jixiao-fuzz-") + name + "-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d.string();
    }();
    return dir;
}

// libFuzzer: any project names and cell texts (the input's NUL-separated pieces: a project name,
// then its cells' texts, a piece "\x01" starting the next project) through the xlsx writer. The
// workbook must be written, read back with as many sheets, each named as Excel requires (1 to 31
// UTF-16 units, unique without regard to case, none of []:*?/\), every XML part well-formed and
// free of characters XML forbids, and every text as it was but for those characters.
inline int fuzz_xlsx_writer(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> pieces(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0)
            pieces.emplace_back();
        else
            pieces.back() += static_cast<char>(data[i]);
    }
    std::vector<jx::rendering::Layout> layouts;
    for (const auto& p : pieces) {
        if (layouts.empty() || p == "\x01") {
            layouts.emplace_back();
            layouts.back().project = p == "\x01" ? std::string() : p;
            layouts.back().widths = {10, 10};
            continue;
        }
        auto& l = layouts.back();
        jx::rendering::Cell c;
        c.row = static_cast<int>(l.cells.size());
        c.text = p;
        l.cells.push_back(std::move(c));
        l.rows = static_cast<int>(l.cells.size());
    }
    if (layouts.size() > 64) layouts.resize(64);
    const std::string path = scratch_dir("xlsx-writer") + "/w.xlsx";
    std::string error;
    std::vector<std::string> warnings;
    if (!jx::rendering::write_xlsx(layouts, path, error, warnings)) {
        // Only a text too long for a cell may be refused.
        if (error.find("more than the 32767 an xlsx cell can") == std::string::npos) {
            violated(error.c_str());
        }
        return 0;
    }
    std::vector<jx::import::XlsxSheet> sheets;
    if (!jx::import::read_xlsx(path, sheets, error)) violated("the workbook does not read back");
    if (sheets.size() != layouts.size()) violated("a sheet is missing");
    std::set<std::string> folded;
    for (std::size_t k = 0; k < sheets.size(); ++k) {
        const std::string& name = sheets[k].name;
        std::size_t units = 0;
        for (std::size_t i = 0; i < name.size();)
            units += jx::text::next_code_point(name, i) > 0xFFFF ? 2 : 1;
        if (units < 1 || units > 31) violated("a sheet name of the wrong length");
        if (name.find_first_of("[]:*?/\\") != std::string::npos)
            violated("a sheet name with a character Excel refuses");
        if (!folded.insert(jx::text::case_fold(name)).second)
            violated("two sheet names alike without regard to case");
        for (const auto& c : layouts[k].cells) {
            const auto* got =
                sheets[k].at(jx::rendering::column_name(c.col) + std::to_string(c.row + 1));
            // As written but for what XML forbids (a carriage return travels as _x000D_); a
            // text of white space alone reads back as an empty cell.
            std::string want = jx::text::xml_safe(c.text);
            if (want.find_first_not_of(" \t\n\r") == std::string::npos) continue;
            if (!got || got->text() != want) violated("a text did not read back as written");
        }
    }
    for (const auto& [name, part] : unzip_parts(jx::fuzz::read_whole(path))) {
        std::size_t bad = 0;
        (void)jx::text::xml_safe(part, &bad);
        if (bad) violated("a character XML forbids, or a byte that is not UTF-8");
        pugi::xml_document doc;
        if (!doc.load_buffer(part.data(), part.size())) violated("a part is not well-formed XML");
    }
    return 0;
}

// libFuzzer: the safe-write routine against whatever a directory may hold. The input plants
// entries (regular files, directories, FIFOs, symbolic links within and out of the directory,
// hard links) under a few names, protects some as inputs, and writes to one name. Whatever
// happens, nothing but the written target (or the file its link names) changes, a protected input
// never changes, a success leaves the new contents in a regular file, and no temporary file is
// left behind.
inline std::map<std::string, std::string> snapshot(const std::string& root) {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> state;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        struct stat st {};
        const std::string p = it->path().string();
        if (::lstat(p.c_str(), &st) != 0) continue;
        std::string what =
            std::to_string(st.st_mode & S_IFMT) + ":" + std::to_string(st.st_mode & 07777) + ":";
        if (S_ISREG(st.st_mode)) what += read_whole(p);
        if (S_ISLNK(st.st_mode)) what += fs::read_symlink(p, ec).string();
        state[p] = what;
    }
    return state;
}

inline int fuzz_safe_write(const std::uint8_t* data, std::size_t size) {
    namespace fs = std::filesystem;
    const std::string root = scratch_dir("safe-write");
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::create_directories(root + "/d/sub");
    fs::create_directories(root + "/outside");
    ::close(::open((root + "/outside/victim").c_str(), O_WRONLY | O_CREAT, 0644));
    static const char* names[] = {"d/a", "d/b", "d/c.md", "d/sub/e", "d/.jixiao-1-abcdef"};
    jx::driver::OutputWriter writer;
    std::set<std::string> protected_paths;
    std::size_t i = 0;
    auto next = [&]() -> unsigned { return i < size ? data[i++] : 0u; };
    std::string target = root + "/" + names[0];
    while (i < size) {
        unsigned op = next(), a = next() % 5, b = next() % 5;
        std::string pa = root + "/" + names[a], pb = root + "/" + names[b];
        switch (op % 8) {
        case 0: { // a regular file with some contents and a mode
            int fd = ::open(pa.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK,
                            0600 | (b << 3)); // O_NONBLOCK: a FIFO without a reader fails at once
            if (fd >= 0) {
                (void)!::write(fd, names[b], 3);
                ::close(fd);
            }
            break;
        }
        case 1:
            fs::create_directory(pa, ec);
            break;
        case 2:
            ::mkfifo(pa.c_str(), 0644);
            break;
        case 3:
            fs::create_symlink(fs::path(names[b]).filename(), pa, ec); // within d/
            break;
        case 4:
            fs::create_symlink(root + "/outside/victim", pa, ec);
            break;
        case 5:
            fs::create_hard_link(pb, pa, ec);
            break;
        case 6:
            writer.protect(pa);
            if (struct stat st{}; ::stat(pa.c_str(), &st) == 0) protected_paths.insert(pa);
            break;
        case 7:
            target = pa;
            break;
        }
    }
    // What the write may change: the target, or the file its link names.
    std::string resolved = target;
    if (fs::is_symlink(fs::symlink_status(target, ec)))
        resolved = fs::canonical(target, ec).string();
    std::set<std::pair<dev_t, ino_t>> protected_ids;
    for (const auto& p : protected_paths)
        if (struct stat st{}; ::stat(p.c_str(), &st) == 0)
            protected_ids.insert({st.st_dev, st.st_ino});
    auto before = snapshot(root);
    std::string error;
    bool ok = writer.write(target, "new contents", error);
    auto after = snapshot(root);
    struct stat st {};
    bool exists = ::stat(resolved.c_str(), &st) == 0;
    if (ok) {
        if (!exists || !S_ISREG(st.st_mode) || read_whole(resolved) != "new contents")
            violated("a success without the new contents in a regular file");
        if (protected_ids.count({st.st_dev, st.st_ino})) violated("wrote over an input");
    } else if (error.empty()) {
        violated("a refusal says why");
    }
    for (const auto& [path, state] : before) {
        if (path == resolved) continue;
        auto it = after.find(path);
        // A hard link of the target shows its new contents; anything else must be as it was.
        bool linked = false;
        if (struct stat s2{}; ok && ::lstat(path.c_str(), &s2) == 0 && exists)
            linked = s2.st_dev == st.st_dev && s2.st_ino == st.st_ino;
        if (!linked && (it == after.end() || it->second != state)) {
            if (path.find("/.jixiao-1-") != std::string::npos) continue; // pid 1's: kept anyway
            violated("a file other than the target changed");
        }
    }
    for (const auto& [path, state] : after) {
        if (before.count(path) || path == resolved) continue;
        violated("a file appeared: a temporary file left behind");
    }
    return 0;
}

} // namespace jx::fuzz
