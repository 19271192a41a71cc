#include "model/project.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "base/text.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::model {

std::optional<LabelPoints> label_points(std::string_view label) {
    // name, then (N分) or （N分）, N ASCII digits with an optional decimal part.
    std::string_view n = text::trim(label);
    for (auto [open, close] :
         {std::pair<std::string_view, std::string_view>{"(", "分)"}, {"（", "分）"}}) {
        if (n.size() <= close.size() || n.substr(n.size() - close.size()) != close) continue;
        std::size_t at = n.rfind(open);
        if (at == std::string_view::npos || at == 0) continue;
        std::string_view digits =
            n.substr(at + open.size(), n.size() - close.size() - at - open.size());
        bool number = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == '.';
        });
        if (!number) continue;
        return LabelPoints{text::trim(n.substr(0, at)), digits};
    }
    return std::nullopt;
}

std::string canonical_category(const std::string& name) {
    std::string_view n = text::trim(name);
    if (auto stated = label_points(n)) n = stated->name;
    // English keywords and the short forms written without 指标 (社会效益, 满意度), from the
    // vocabulary; any other name as written.
    for (const auto& c : vocab::categories)
        if (n == c.name || (!c.english.empty() && n == c.english) ||
            (!c.short_form.empty() && n == c.short_form))
            return std::string(c.name);
    return std::string(n);
}

} // namespace jx::model
