#include "diag/render.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "base/text.hpp"

namespace jx {
namespace {

struct Style {
    bool on;
    std::string paint(std::string_view s, const char* code) const {
        return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
    }
};

const char* severity_colour(Severity s) {
    switch (s) {
    case Severity::error:
        return "1;31";
    case Severity::warning:
        return "1;33";
    case Severity::note:
        return "1;36";
    }
    return "1";
}

// Source line as shown: tabs become one space so that widths stay predictable, and any other
// control character (which a terminal would act on) a U+FFFD, one column wide.
std::string shown_line(std::string_view line) {
    std::string s;
    s.reserve(line.size());
    for (std::size_t i = 0; i < line.size();) {
        std::size_t start = i;
        char32_t c = text::next_code_point(line, i);
        if (c == '\t')
            s += ' ';
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
            s += "\xEF\xBF\xBD";
        else
            s.append(line.substr(start, i - start));
    }
    return s;
}

// A line too long to show whole (a 10 MB string on one line) is shown as a window around its
// labels, cut at character boundaries and marked with "...".
struct Window {
    std::uint32_t begin, end; // byte offsets within the line
    bool cut_before, cut_after;
};

constexpr std::uint32_t long_line_bytes = 400;
constexpr std::uint32_t context_bytes = 120;

Window window_for(std::string_view line, std::uint32_t first, std::uint32_t last) {
    auto size = static_cast<std::uint32_t>(line.size());
    if (size <= long_line_bytes) return {0, size, false, false};
    auto on_boundary = [&](std::uint32_t i) {
        return i >= size || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    };
    std::uint32_t begin = first > context_bytes ? first - context_bytes : 0;
    while (begin > 0 && !on_boundary(begin))
        --begin;
    std::uint32_t end = std::min(size, std::max(last, first) + context_bytes);
    while (end < size && !on_boundary(end))
        ++end;
    return {begin, end, begin > 0, end < size};
}

} // namespace

std::string render(const Diagnostic& d, const SourceFile* file, const RenderOptions& options) {
    Style style{options.colour};
    std::string out;
    const Label* primary = nullptr;
    for (const auto& l : d.labels)
        if (l.primary) {
            primary = &l;
            break;
        }
    if (!primary && !d.labels.empty()) primary = &d.labels.front();

    if (file) {
        if (primary) {
            Position p = file->position(primary->span.begin);
            out += style.paint(
                fmt::format("{}:{}:{}: ", text::for_terminal(file->name()), p.line, p.column), "1");
        } else {
            out += style.paint(fmt::format("{}: ", text::for_terminal(file->name())), "1");
        }
    }
    out += style.paint(fmt::format("{}[{}]", severity_label(d.severity), d.code),
                       severity_colour(d.severity));
    out += style.paint(": " + text::for_terminal(d.message), "1");
    out += '\n';

    if (file && !d.labels.empty()) {
        // Group labels by line, in line order.
        std::map<std::size_t, std::vector<const Label*>> by_line;
        for (const auto& l : d.labels)
            by_line[file->position(l.span.begin).line].push_back(&l);
        std::size_t gutter = std::to_string(by_line.rbegin()->first).size();
        std::string pad(gutter, ' ');
        out += style.paint(pad + " |", "1;34") + '\n';
        for (const auto& [line, labels] : by_line) {
            std::string_view whole = file->line_text(line);
            std::uint32_t line_begin = file->line_start(line);
            auto sorted = labels;
            std::sort(sorted.begin(), sorted.end(),
                      [](const Label* a, const Label* b) { return a->span.begin < b->span.begin; });
            // Offsets of the labels within the line decide the window shown of a long line.
            auto in_line = [&](std::uint32_t offset) {
                return static_cast<std::uint32_t>(
                    std::min<std::size_t>(offset - std::min(offset, line_begin), whole.size()));
            };
            std::uint32_t first = in_line(sorted.front()->span.begin), last = first;
            for (const Label* l : sorted)
                last = std::max(last, in_line(std::max(l->span.begin, l->span.end)));
            Window w = window_for(whole, first, last);
            std::string_view src = whole.substr(w.begin, w.end - w.begin);
            const std::string_view ellipsis = "...";
            out += style.paint(fmt::format("{:>{}} |", line, gutter), "1;34");
            if (!src.empty())
                out += " " + std::string(w.cut_before ? ellipsis : "") + shown_line(src) +
                       std::string(w.cut_after ? ellipsis : "");
            out += '\n';
            line_begin += w.begin;
            for (const Label* l : sorted) {
                std::uint32_t b = std::min(std::max(l->span.begin, line_begin),
                                           line_begin + static_cast<std::uint32_t>(src.size()));
                std::uint32_t line_end = line_begin + static_cast<std::uint32_t>(src.size());
                std::uint32_t e = std::min(std::max(l->span.end, b), line_end);
                int lead = text::display_width(shown_line(src.substr(0, b - line_begin))) +
                           (w.cut_before ? static_cast<int>(ellipsis.size()) : 0);
                int width =
                    std::max(1, text::display_width(shown_line(src.substr(b - line_begin, e - b))));
                std::string marks(static_cast<std::size_t>(width), l->primary ? '^' : '-');
                std::string underline = std::string(static_cast<std::size_t>(lead), ' ') + marks;
                if (!l->message.empty()) underline += " " + text::for_terminal(l->message);
                out += style.paint(pad + " |", "1;34") + " " +
                       style.paint(underline, l->primary ? severity_colour(d.severity) : "1;34") +
                       '\n';
            }
        }
    }
    for (const auto& n : d.notes) {
        std::size_t gutter = 0;
        if (file && !d.labels.empty()) {
            std::size_t max_line = 0;
            for (const auto& l : d.labels)
                max_line = std::max(max_line, file->position(l.span.begin).line);
            gutter = std::to_string(max_line).size();
        }
        out += std::string(gutter, ' ') +
               style.paint(std::string(" = ") + severity_label(Severity::note), "1") + ": " +
               text::for_terminal(n) + '\n';
    }
    return out;
}

} // namespace jx
