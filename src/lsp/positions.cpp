#include "lsp/positions.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace jx::lsp {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(static_cast<std::uint32_t>(i + 1));
}

LinePosition LineIndex::position(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
    std::uint32_t units = 0;
    for (std::size_t i = starts_[line]; i < offset;) {
        // An invalid byte decodes as U+FFFD, one unit, as editors show it.
        char32_t c = text::next_code_point(text_, i);
        units += c >= 0x10000 ? 2 : 1;
    }
    return {line, units};
}

std::uint32_t LineIndex::offset(LinePosition p) const {
    if (p.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
    std::size_t i = starts_[p.line];
    std::uint32_t units = 0;
    while (i < text_.size() && text_[i] != '\n') {
        std::size_t next = i;
        char32_t c = text::next_code_point(text_, next);
        std::uint32_t width = c >= 0x10000 ? 2 : 1;
        if (units + width > p.character) break;
        units += width;
        i = next;
    }
    return static_cast<std::uint32_t>(i);
}

} // namespace jx::lsp
