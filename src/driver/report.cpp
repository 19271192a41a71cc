#include "driver/report.hpp"

#include <ostream>

#include <fmt/format.h>

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
        fmt::format("checked {} file{}, {} project{}, {} indicator{}: {} error{}, {} warning{}{}\n",
                    t.files, t.files == 1 ? "" : "s", t.projects, t.projects == 1 ? "" : "s",
                    t.indicators, t.indicators == 1 ? "" : "s", t.errors, t.errors == 1 ? "" : "s",
                    t.warnings, t.warnings == 1 ? "" : "s",
                    t.notes ? fmt::format(", {} note{}", t.notes, t.notes == 1 ? "" : "s") : "");
    for (const auto& [code, n] : t.by_code)
        out += fmt::format("  {:>5}  {}\n", n, code);
    return out;
}

std::string json_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    std::size_t run = 0; // the start of the bytes not yet copied: they need no escape
    auto flush = [&](std::size_t i) { out.append(s.data() + run, i - run); };
    const bool valid = text::find_invalid_utf8(s) == std::string_view::npos;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80 && valid) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            // JSON is Unicode text: a byte that is not UTF-8 (a file name can hold any) becomes
            // U+FFFD, or the document would not be JSON.
            std::size_t start = i;
            char32_t cp = text::next_code_point(s, i);
            if (cp == 0xFFFD && i - start == 1) {
                flush(start);
                out += "\\ufffd";
                run = i;
            }
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        flush(i);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        }
        run = ++i;
    }
    flush(s.size());
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
