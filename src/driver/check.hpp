// Checking files and directories: discovery, parsing, scoring, in parallel, with results in
// input order. The CLI's `check` and the tests both call this.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "diag/diagnostic.hpp"
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
};

// Files named by `paths`: files as given, directories searched recursively for *.jx, sorted.
// Problems (missing path, unreadable directory) become FileReports with io_error set.
std::vector<std::string> discover(const std::vector<std::string>& paths,
                                  std::vector<FileReport>& problems);

// Reads, parses, lowers and scores one file.
FileReport check_file(const std::string& path, const scoring::Policy& policy);
FileReport check_source(std::unique_ptr<SourceFile> source, const scoring::Policy& policy);

// Checks files on `jobs` threads; `sink` receives each report in input order, as soon as all
// earlier ones are done, so output streams while memory stays bounded.
// `prepare`, when given, runs on the worker right after a file is checked (to render its output
// in parallel); `sink` runs on the calling thread, in order.
void check_files(const std::vector<std::string>& files, const scoring::Policy& policy,
                 unsigned jobs, const std::function<void(FileReport&)>& sink,
                 const std::function<void(FileReport&)>& prepare = {});

// Reads a whole file; false with a message on failure (missing, a directory, a FIFO, unreadable).
bool read_file(const std::string& path, std::string& contents, std::string& error);

} // namespace jx::driver
