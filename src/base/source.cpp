#include "base/source.hpp"

#include <algorithm>
#include <cstring>

#include "base/text.hpp"

namespace jx {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
    // A byte-order mark (as Windows Notepad writes) is not part of the first line: columns count
    // from after it, and it is not shown.
    std::uint32_t first = text_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    line_starts_.push_back(first);
    const char* begin = text_.data();
    const char* end = begin + text_.size();
    for (const char* p = begin + first;
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));)
        line_starts_.push_back(static_cast<std::uint32_t>(++p - begin));
}

Position SourceFile::position(std::uint32_t offset) const {
    offset = std::clamp<std::uint32_t>(offset, line_starts_[0],
                                       static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    std::uint32_t start = line_starts_[line - 1];
    return {line,
            text::code_point_count(std::string_view(text_).substr(start, offset - start)) + 1};
}

std::string_view SourceFile::line_text(std::size_t line) const {
    std::uint32_t start = line_starts_[line - 1];
    std::uint32_t end =
        line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
    std::string_view v = std::string_view(text_).substr(start, end - start);
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r'))
        v.remove_suffix(1);
    return v;
}

} // namespace jx
