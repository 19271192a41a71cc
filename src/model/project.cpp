#include "model/project.hpp"

#include <fmt/format.h>

#include "base/text.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::model {

std::string canonical_category(const std::string& name) {
    std::string_view n = text::trim(name);
    // English keywords and the short forms written without 指标 (社会效益, 满意度), from the
    // vocabulary; any other name as written.
    for (const auto& c : vocab::categories)
        if (n == c.name || (!c.english.empty() && n == c.english) ||
            (!c.short_form.empty() && n == c.short_form))
            return std::string(c.name);
    return std::string(n);
}

} // namespace jx::model
