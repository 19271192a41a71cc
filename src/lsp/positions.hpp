// Positions as the Language Server Protocol counts them: a 0-based line and a 0-based character
// offset in UTF-16 code units (a CJK character is one unit, a character beyond the BMP two),
// to and from the byte offsets of the engine's spans.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace jx::lsp {

struct LinePosition {
    std::uint32_t line = 0;
    std::uint32_t character = 0; // UTF-16 code units from the start of the line
};

class LineIndex {
public:
    // `text` must outlive the index. Lines end at '\n' (a '\r' before it counts as a character
    // of the line, as the protocol's own editors show it at the end of the line).
    explicit LineIndex(std::string_view text);
    LinePosition position(std::uint32_t offset) const;
    // The byte offset of a position; a line or character past the end is clamped to it, and a
    // character inside a surrogate pair or past the line's end to the nearest boundary before.
    std::uint32_t offset(LinePosition p) const;
    std::uint32_t lines() const { return static_cast<std::uint32_t>(starts_.size()); }

private:
    std::string_view text_;
    std::vector<std::uint32_t> starts_;
};

} // namespace jx::lsp
