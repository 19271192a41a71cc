// Checking files and directories: discovery, parsing, scoring, in parallel, with results in
// input order. The CLI's `check` and the tests both call this.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "diag/diagnostic.hpp"
#include "driver/analysis.hpp"
#include "model/disclosure.hpp"
#include "scoring/claims.hpp"
#include "scoring/engine.hpp"
#include "scoring/policy.hpp"

namespace jx::driver {

struct FileReport {
    std::string path;
    std::unique_ptr<SourceFile> source;  // null when the file could not be read
    std::vector<Diagnostic> diagnostics; // I/O, syntax, model and scoring findings, in order
    std::size_t projects = 0, indicators = 0;
    bool io_error = false;
    std::string output; // filled by check_files' `prepare`, on the worker thread
    // A disclosure's claims wait for the tables of its directory (check_files checks them).
    std::vector<model::Disclosure> disclosures;
    scoring::TableTally tally;
    // The file's syntax tree, models and results, kept only when asked (for export).
    std::shared_ptr<const Analysis> analysis;
};

// Walks the paths given on a command line: files as given, directories searched recursively for
// files with one of `extensions` (*.jx by default; compared without regard to case) in sorted order
// (as the sorted full paths would be), holding one directory listing per level, so that memory does
// not grow with the corpus. A problem (a missing path, an unreadable directory) comes out in its
// place as a report with io_error set.
class FileWalk {
public:
    explicit FileWalk(std::vector<std::string> paths,
                      std::vector<std::string> extensions = {".jx"});
    ~FileWalk();
    FileWalk(const FileWalk&) = delete;
    FileWalk& operator=(const FileWalk&) = delete;

    struct Item {
        std::string path;                    // a file to check, when problem is null
        bool listed_regular = false;         // the listing showed it as a regular file
        std::unique_ptr<FileReport> problem; // a report to pass on as it is
    };
    // The next item; false at the end.
    bool next(Item& item);

private:
    struct Level;
    std::vector<std::string> roots_;
    std::vector<std::string> extensions_;
    std::size_t next_root_ = 0;
    std::vector<Level> levels_;
};

// Every file of a walk, for commands that need the list (fmt, render); problems go to `problems`.
std::vector<std::string> discover(const std::vector<std::string>& paths,
                                  std::vector<FileReport>& problems,
                                  const std::vector<std::string>& extensions = {".jx"});

// Reads, parses, lowers and scores one file.
// `listed_regular`: a directory listing showed the file as regular, so its type need not be
// asked again.
// `keep_analysis`: the report keeps the file's Analysis (FileReport::analysis).
FileReport check_file(const std::string& path, const scoring::Policy& policy,
                      bool listed_regular = false, bool keep_analysis = false);
FileReport check_source(std::unique_ptr<SourceFile> source, const scoring::Policy& policy,
                        bool keep_analysis = false);

// What is reported against a file when checking it threw (a bug to fix): the run goes on.
Diagnostic internal_error(const std::string& path, const std::exception& e);

// Checks the files of a walk on `jobs` threads; `sink` receives each report (problems of the walk
// included) in walk order, as soon as all earlier ones are done. Reports wait in a bounded
// window, so output streams and memory stays flat however many files there are.
// `prepare`, when given, runs on the worker right after a file is checked (to render its output
// in parallel); `sink` runs on the calling thread, in order.
void check_files(FileWalk& walk, const scoring::Policy& policy, unsigned jobs,
                 const std::function<void(FileReport&)>& sink,
                 const std::function<void(FileReport&)>& prepare = {}, bool keep_analysis = false);
// A disclosure's report (a file with a 部门 block) comes after the reports of the other files of
// its directory, with its claims checked against their tables.

// check_files without the disclosures' checks against their tables: each report as it is done.
void check_files_each(FileWalk& walk, const scoring::Policy& policy, unsigned jobs,
                      const std::function<void(std::unique_ptr<FileReport>)>& sink,
                      const std::function<void(FileReport&)>& prepare = {},
                      bool keep_analysis = false);

// No file larger than this is read at all (specs have a lower limit of their own, reported by the
// parser; imported workbooks may be larger).
inline constexpr std::uint64_t max_read_bytes = std::uint64_t{256} << 20;

// Reads a whole file; false with a message on failure (missing, a directory, a FIFO, unreadable,
// larger than max_read_bytes).
bool read_file(const std::string& path, std::string& contents, std::string& error,
               bool listed_regular = false);

} // namespace jx::driver
