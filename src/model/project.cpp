#include "model/project.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "base/text.hpp"

namespace jx::model {

std::string canonical_category(const std::string& name) {
    static const std::map<std::string, std::string> english{
        {"output", "产出指标"},
        {"benefit", "效益指标"},
        {"satisfaction", "满意度指标"},
        {"cost", "成本指标"},
        {"quantity", "数量指标"},
        {"quality", "质量指标"},
        {"timeliness", "时效指标"},
        {"economic", "经济效益指标"},
        {"social", "社会效益指标"},
        {"ecological", "生态效益指标"},
        {"sustainability", "可持续影响指标"},
        {"beneficiary-satisfaction", "服务对象满意度指标"},
        {"budget-execution", "预算执行率"},
    };
    std::string n(text::trim(name));
    if (auto it = english.find(n); it != english.end()) return it->second;
    // 社会效益 / 经济效益 / 可持续影响 / 产出 / 效益 / 满意度 are written without 指标 too.
    static const std::set<std::string> short_forms{
        "产出", "效益",     "满意度",   "成本",     "数量",       "质量",
        "时效", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"};
    if (short_forms.count(n)) return n + "指标";
    return n;
}

} // namespace jx::model
