#include "driver/report.hpp"

#include <ostream>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/status.hpp"

namespace jx::driver {

void Totals::add(const FileReport& r) {
    ++files;
    projects += r.projects;
    indicators += r.indicators;
    io_error = io_error || r.io_error;
    for (const auto& d : r.diagnostics) {
        if (d.explained()) continue; // counted in its cause
        if (d.severity == Severity::error) ++errors;
        if (d.severity == Severity::warning) ++warnings;
        if (d.severity == Severity::note) ++notes;
        ++by_code[d.code];
    }
}

std::string render_text(const FileReport& r, bool colour) {
    std::string out;
    for (const auto& d : r.diagnostics) {
        if (d.explained()) continue;
        if (r.source)
            out += render(d, r.source.get(), {colour});
        else
            out += render(d, nullptr, {colour});
    }
    return out;
}

std::string render_summary(const Totals& t) {
    std::string out =
        trf("checked {} file{}, {} project{}, {} indicator{}: {} error{}, {} warning{}{}\n",
            t.files, t.files == 1 ? "" : "s", t.projects, t.projects == 1 ? "" : "s", t.indicators,
            t.indicators == 1 ? "" : "s", t.errors, t.errors == 1 ? "" : "s", t.warnings,
            t.warnings == 1 ? "" : "s",
            t.notes ? trf(", {} note{}", t.notes, t.notes == 1 ? "" : "s") : "");
    for (const auto& [code, n] : t.by_code)
        out += fmt::format("  {:>5}  {}\n", n, code);
    return out;
}

std::string json_finding(const FileReport& r, const Diagnostic& d) {
    std::size_t line = 0, column = 0;
    if (r.source && !d.labels.empty()) {
        Position p = r.source->position(d.labels.front().span.begin);
        line = p.line;
        column = p.column;
    }
    std::string cause;
    if (d.cause) {
        std::size_t cause_line = 0, cause_column = 0;
        if (r.source) {
            Position p = r.source->position(d.cause->span.begin);
            cause_line = p.line;
            cause_column = p.column;
        }
        cause = fmt::format(",\"cause\":{{\"code\":\"{}\",\"line\":{},\"column\":{}}}",
                            json_escape(d.cause->code), cause_line, cause_column);
    }
    return fmt::format(
        "{{\"code\":\"{}\",\"severity\":\"{}\",\"file\":\"{}\",\"line\":{},\"column\":{},"
        "\"project\":\"{}\",\"indicator\":\"{}\",\"message\":\"{}\",\"reported\":\"{}\","
        "\"expected\":\"{}\"{}}}",
        json_escape(d.code), severity_name(d.severity), json_escape(r.path), line, column,
        json_escape(d.subject.project), json_escape(d.subject.indicator), json_escape(d.message),
        json_escape(d.subject.reported), json_escape(d.subject.expected), cause);
}

std::size_t
for_each_spec(const std::vector<std::string>& paths, std::ostream& err, int& status,
              const std::function<void(const std::string& path, const std::string& text)>& each) {
    std::vector<FileReport> problems;
    auto files = discover(paths, problems);
    for (const auto& p : problems) {
        err << render_text(p, false);
        status = exit_usage;
    }
    for (const auto& path : files) {
        std::string text, error;
        if (!read_file(path, text, error)) {
            report_io_error(err, error);
            status = exit_usage;
            continue;
        }
        each(path, text);
    }
    return files.size();
}

void report_io_error(std::ostream& err, const std::string& message) {
    err << render(make_error("io-error", message), nullptr);
}

} // namespace jx::driver
