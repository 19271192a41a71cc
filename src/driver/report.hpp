// Output of `jixiao check`: rendered diagnostics, the closing summary, and the JSON document.
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "driver/check.hpp"

namespace jx::driver {

struct Totals {
    std::size_t files = 0, projects = 0, indicators = 0, errors = 0, warnings = 0, notes = 0;
    bool io_error = false;
    std::map<std::string, std::size_t> by_code;
    void add(const FileReport& r);
};

// Every finding but those explained by another (shown as notes of their cause).
std::string render_text(const FileReport& r, bool colour);
std::string render_summary(const Totals& t);

using text::json_escape;
// One finding as a JSON object (also one line of --format jsonl); an explained finding carries
// "cause": the code, line and column of the finding that explains it.
std::string json_finding(const FileReport& r, const Diagnostic& d);

// For the commands that rewrite specs in place (fmt, fix): each spec file of `paths` (files, and
// directories searched) read and handed to `each`; a path that cannot be walked or a file that
// cannot be read is reported to `err` and sets `status` to exit_usage. Returns the number of
// files found.
std::size_t
for_each_spec(const std::vector<std::string>& paths, std::ostream& err, int& status,
              const std::function<void(const std::string& path, const std::string& text)>& each);

// An I/O problem that belongs to no line of a file (a write refused, a path missing), to `err`.
void report_io_error(std::ostream& err, const std::string& message);

} // namespace jx::driver
