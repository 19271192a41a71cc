// A source text with a name and a line index, so that byte offsets in spans can be turned into
// line:column positions and the source line can be shown under a diagnostic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jx {

struct Span {
    std::uint32_t begin = 0; // byte offset, inclusive
    std::uint32_t end = 0;   // byte offset, exclusive
    bool empty() const { return begin == end; }
};

struct Position {
    std::size_t line = 1;   // 1-based
    std::size_t column = 1; // 1-based, in code points (as rustc and clang count)
};

class SourceFile {
public:
    SourceFile(std::string name, std::string text);
    const std::string& name() const { return name_; }
    std::string_view text() const { return text_; }
    Position position(std::uint32_t offset) const;
    // The line containing `offset`, without its line break.
    std::string_view line_text(std::size_t line) const;
    std::uint32_t line_start(std::size_t line) const { return line_starts_[line - 1]; }

private:
    std::string name_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
};

} // namespace jx
