#include "driver/import.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/check.hpp"
#include "driver/files.hpp"
#include "driver/report.hpp"
#include "driver/status.hpp"
#include "import/import.hpp"
#include "syntax/parser.hpp"

namespace jx::driver {
namespace {

// The program `name` on the PATH, if there is one.
std::optional<std::string> on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    std::string_view rest = path;
    while (!rest.empty()) {
        std::size_t colon = rest.find(':');
        std::string dir(rest.substr(0, colon));
        rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

// A binary office document (.doc, .xls, .wps, .et) made a docx or xlsx by LibreOffice, run
// headless with a profile of its own in a scratch directory, bounded in time; the converted
// file's bytes in `converted`. False with the reason.
bool convert_with_libreoffice(const std::string& soffice, const std::string& path,
                              import::Format to, std::string& converted, std::string& error) {
    namespace fs = std::filesystem;
    char scratch[] = "/tmp/jixiao-convert-XXXXXX";
    if (!::mkdtemp(scratch)) {
        error = trf("cannot make a scratch directory: {}", std::strerror(errno));
        return false;
    }
    const std::string dir = scratch;
    const std::string ext = to == import::Format::xlsx ? "xlsx" : "docx";
    const std::string profile = "-env:UserInstallation=file://" + dir + "/profile";
    std::vector<std::string> args{"timeout",      "300", soffice,    profile, "--headless",
                                  "--convert-to", ext,   "--outdir", dir,     path};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int spawned = ::posix_spawnp(&pid, "timeout", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    bool ran = spawned == 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
               WEXITSTATUS(status) == 0;
    std::string target = (fs::path(dir) / (fs::path(path).stem().string() + "." + ext)).string();
    bool ok = ran && read_file(target, converted, error);
    if (!ran)
        error = trf("LibreOffice could not convert it ({})", import::conversion_command(path));
    std::error_code ec;
    fs::remove_all(dir, ec);
    return ok;
}

} // namespace

int import_sources(const std::vector<std::string>& files, std::optional<import::Format> from,
                   const std::string& out_dir, bool force, std::ostream& out, std::ostream& err,
                   const import::ImportOptions& options) {
    namespace fs = std::filesystem;
    std::error_code ec;
    bool io_error = false;
    auto report_io = [&](const std::string& message) {
        err << render(make_error("io-error", message), nullptr);
        io_error = true;
    };
    fs::create_directories(out_dir, ec);
    if (ec) {
        report_io(trf("cannot create {}: {}", out_dir, ec.message()));
        return exit_usage;
    }
    std::size_t tables = 0, written = 0, whole = 0, failed = 0, skipped = 0, unreadable = 0,
                empty = 0, disclosures = 0, claims_unwritten = 0, blank_errors = 0;
    bool io_failed = false; // the last spec was not written for an I/O error (reported as such)
    // Sources: files as given; directories searched for .txt, .csv and .xlsx, the specs of each
    // source written under its subdirectory of the output directory, so that names cannot clash.
    struct Source {
        std::string path, subdir;
    };
    std::vector<Source> sources;
    for (const auto& given : files) {
        if (!fs::is_directory(given, ec)) {
            sources.push_back({given, ""});
            continue;
        }
        std::vector<FileReport> problems;
        // --from narrows the search to that format's files.
        std::vector<std::string> extensions =
            from == import::Format::csv    ? std::vector<std::string>{".csv"}
            : from == import::Format::xlsx ? std::vector<std::string>{".xlsx"}
            : from == import::Format::docx ? std::vector<std::string>{".docx"}
            : from == import::Format::pdf  ? std::vector<std::string>{".pdf"}
            : from == import::Format::text
                ? std::vector<std::string>{".txt"}
                : std::vector<std::string>{".txt", ".csv", ".xlsx", ".docx", ".pdf",
                                           ".doc", ".xls", ".wps",  ".et"};
        auto found = discover({given}, problems, extensions);
        for (const auto& p : problems)
            report_io(p.diagnostics.front().message);
        if (found.empty() && problems.empty()) {
            std::string searched;
            for (const auto& e : extensions)
                searched += (searched.empty() ? "*" : ", *") + e;
            err << trf("{}: {}[no-table]: no file to import in it (searched for {})\n",
                       text::for_terminal(given), severity_label(Severity::warning), searched);
        }
        for (auto& f : found) {
            std::string subdir = fs::path(f).lexically_relative(given).parent_path().string();
            sources.push_back({std::move(f), std::move(subdir)});
        }
    }
    std::map<std::string, std::string> written_from; // spec → source, in this run
    OutputWriter writer;                             // never over a source of this run
    for (const auto& s : sources)
        writer.protect(s.path);
    const syntax::Limits limits;
    for (const auto& [path, subdir] : sources) {
        std::string contents, error;
        if (!read_file(path, contents, error)) {
            report_io(error);
            continue;
        }
        import::Format format = from ? *from : import::detect_format(path, contents);
        std::string conversion_note;
        if (format == import::Format::office_binary) {
            // Read through LibreOffice when it is installed; otherwise the importer says how.
            if (auto soffice = on_path("soffice")) {
                std::string converted, why;
                import::Format to = import::converted_format(path);
                if (!convert_with_libreoffice(*soffice, path, to, converted, why)) {
                    err << render(make_error("unreadable-source", fmt::format("{}: {}", path, why)),
                                  nullptr);
                    ++unreadable;
                    continue;
                }
                contents = std::move(converted);
                format = to;
                conversion_note = trf(
                    "a binary office document, read as the {} LibreOffice made of it "
                    "({})",
                    to == import::Format::xlsx ? "xlsx" : "docx", import::conversion_command(path));
            }
        }
        auto result = import::import_text(path, contents, format, options);
        if (!conversion_note.empty()) result.notes.insert(result.notes.begin(), conversion_note);
        if (!result.source_error.empty()) {
            err << render(make_error("unreadable-source", result.source_error), nullptr);
            ++unreadable;
            continue;
        }
        const std::string shown = text::for_terminal(path);
        // Each message once per source, however many ways the importer came to it.
        std::set<std::string> said;
        auto once = [&](std::string line) {
            if (said.insert(line).second) err << line << "\n";
        };
        for (const auto& n : result.notes)
            once(shown + ": " + severity_label(Severity::note) + ": " + text::for_terminal(n));
        for (const auto& s : result.skipped) {
            once(trf("{}:{}: {}: skipped a {}", shown, s.line, severity_label(Severity::note),
                     text::for_terminal(s.what)));
            ++skipped;
        }
        for (const auto& p : result.problems)
            once(shown + ": " + severity_label(Severity::warning) + ": " + text::for_terminal(p));
        if (result.specs.empty() && result.failures.empty() && result.skipped.empty() &&
            !(result.disclosure && result.disclosure->tables > 0)) {
            err << trf("{}: {}[no-table]: no self-evaluation table found (its indicator table is "
                       "recognised by a header row such as 一级指标 | 二级指标 | 三级指标)\n",
                       shown, severity_label(Severity::warning));
            ++empty;
        }
        for (const auto& f : result.failures) {
            err << render(make_error("import-failed", f), nullptr);
            ++failed;
            ++tables;
        }
        if (!subdir.empty() && (!result.specs.empty() || result.disclosure)) {
            fs::create_directories(fs::path(out_dir) / subdir, ec);
            if (ec) {
                report_io(trf("cannot create {}: {}", (fs::path(out_dir) / subdir).string(),
                              ec.message()));
                continue;
            }
        }
        // Writes one spec of this source; `what` names its part of the source for messages ("the
        // table of X at line N"). False when it was not written (reported).
        // A name of its own for the source: clang before 16 cannot capture a structured binding.
        const std::string& source = path;
        auto place = [&](const std::string& target, const std::string& spec,
                         const std::string& what) {
            auto [earlier, first_time] = written_from.emplace(target, source);
            if (!first_time) {
                err << render(
                    make_error("duplicate-target", trf("{} was written from {} in this run; not "
                                                       "written again from {}",
                                                       target, earlier->second, what)),
                    nullptr);
                return false;
            }
            if (fs::exists(target) && !force) {
                err << render(
                    make_error("exists", trf("{} exists; not overwritten (use --force)", target)),
                    nullptr);
                return false;
            }
            if (spec.size() > limits.max_file_bytes) { // nothing could read it
                err << render(
                    make_error("spec-too-large",
                               trf("{}: {} makes a spec of {} bytes, more than "
                                   "the {} MiB a spec may have; not written",
                                   target, what, spec.size(), limits.max_file_bytes >> 20)),
                    nullptr);
                return false;
            }
            if (!writer.write(target, spec, error)) {
                report_io(error);
                io_failed = true;
                return false;
            }
            return true;
        };
        if (result.disclosure) {
            std::string target =
                (fs::path(out_dir) / subdir / result.disclosure->file_name).string();
            io_failed = false;
            if (place(target, result.disclosure->spec,
                      trf("the claims of the prose of {}", path))) {
                ++disclosures;
                out << trf("wrote {}  (the prose's claims: {}; department-level tables: {})\n",
                           text::for_terminal(target), result.disclosure->claims,
                           result.disclosure->tables);
            } else if (!io_failed) {
                ++claims_unwritten;
            }
        }
        for (const auto& spec : result.specs) {
            ++tables;
            std::string target = (fs::path(out_dir) / subdir / spec.file_name).string();
            for (const auto& c : spec.table.unplaced)
                once(trf("{}:{}: {}[unplaced-cell]: could not place the cell \"{}\" ({}); kept as "
                         "a comment in {}",
                         shown, c.line, severity_label(Severity::warning),
                         text::for_terminal(c.text), text::for_terminal(c.where),
                         text::for_terminal(target)));
            for (const auto& f : spec.findings) {
                once(fmt::format("{}:{}: {}[{}]: {}", shown, f.line,
                                 severity_label(f.error ? Severity::error : Severity::warning),
                                 f.code, text::for_terminal(f.message)));
                blank_errors += f.error;
            }
            io_failed = false;
            if (!place(target, spec.spec,
                       trf("the table of {} at line {}", path, spec.table.first_line))) {
                if (!io_failed) ++failed;
                continue;
            }
            ++written;
            if (spec.whole) ++whole;
            out << trf("wrote {}  ({})\n", text::for_terminal(target),
                       text::for_terminal(spec.table.name));
        }
    }
    out << trf(
        "imported {} of {} project tables ({} whole, {} with unplaced cells kept as comments, "
        "{} failed)",
        written, tables, whole, written - whole, failed);
    if (skipped)
        out << (skipped == 1 ? trf("; skipped {} other table", skipped)
                             : trf("; skipped {} other tables", skipped));
    if (disclosures)
        out << (disclosures == 1 ? trf("; the claims of {} disclosure's prose", disclosures)
                                 : trf("; the claims of {} disclosures' prose", disclosures));
    if (claims_unwritten)
        out << (claims_unwritten == 1 ? trf("; {} prose's claims not written", claims_unwritten)
                                      : trf("; {} proses' claims not written", claims_unwritten));
    if (empty)
        out << (empty == 1 ? trf("; {} source without a table", empty)
                           : trf("; {} sources without a table", empty));
    if (unreadable)
        out << (unreadable == 1 ? trf("; {} source could not be read", unreadable)
                                : trf("; {} sources could not be read", unreadable));
    if (blank_errors)
        out << (blank_errors == 1 ? trf("; {} blank score", blank_errors)
                                  : trf("; {} blank scores", blank_errors));
    out << "\n";
    if (io_error) return exit_usage;
    return (failed == 0 && claims_unwritten == 0 && unreadable == 0 && whole == written &&
            blank_errors == 0)
               ? exit_ok
               : exit_findings;
}

} // namespace jx::driver
