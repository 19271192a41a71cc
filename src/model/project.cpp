#include "model/project.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "base/text.hpp"

namespace jx::model {

std::optional<Figure> read_figure(const ast::Token& number, const std::optional<ast::Token>& unit,
                                  std::vector<Diagnostic>& out) {
    std::string ascii = text::nfkc(number.text);
    Decimal::ParseError error{};
    auto value = Decimal::parse(ascii, &error);
    if (!value) {
        std::string why =
            error == Decimal::ParseError::too_many_decimals
                ? fmt::format("more than {} decimals", Decimal::max_scale)
            : error == Decimal::ParseError::too_large
                ? fmt::format("more than {} digits before the decimal point",
                              Decimal::max_integer_digits)
            : error == Decimal::ParseError::too_precise
                ? fmt::format("more than {} significant digits", Decimal::max_significant_digits)
                : "not a number";
        out.push_back(make_error("invalid-number",
                                 fmt::format("{} cannot be used as a figure: {}", number.text, why))
                          .label(number.span));
        return std::nullopt;
    }
    Figure f;
    f.value = *value;
    f.span = number.span;
    f.text = number.text + (unit ? unit->text : "");
    if (unit) f.span.end = unit->span.end;
    return f;
}

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

namespace {

std::optional<Figure> figure(const std::optional<ast::NumberField>& field,
                             std::vector<Diagnostic>& out) {
    if (!field) return std::nullopt;
    return read_figure(field->number, field->unit, out);
}

Decimal money_factor(const std::string& unit) {
    std::string u = text::nfkc(unit);
    if (u == "元" || u == "yuan") return Decimal::from_int(1);
    if (u == "亿元") return Decimal::from_int(100000000);
    return Decimal::from_int(10000);
}

// An amount with its own unit (30万元 in a block of 元) is converted to the block's unit.
std::optional<Figure> amount(const std::optional<ast::NumberField>& field,
                             const Decimal& block_factor, std::vector<Diagnostic>& out) {
    auto f = figure(field, out);
    if (!f || !field->unit) return f;
    Decimal own = money_factor(field->unit->text);
    if (own == block_factor) return f;
    f->value = Decimal::mul_div(f->value, own, block_factor,
                                std::min(Decimal::max_scale, f->value.scale() + 8))
                   .normalized();
    return f;
}

} // namespace

Project lower(const ast::Project& p, std::vector<Diagnostic>& out) {
    Project m;
    m.source = &p;
    m.name = p.name.text;
    if (p.year) {
        std::string y = text::nfkc(p.year->number.text);
        m.year = std::stoi(y);
    }
    if (p.funds) {
        Funds f;
        f.span = p.funds->span;
        if (p.funds->unit) {
            f.unit_text = p.funds->unit->text;
            f.unit_factor = money_factor(p.funds->unit->text);
        }
        for (const auto& row : p.funds->rows) {
            std::string name = text::nfkc(row.name.text);
            if (name != "年度资金总额" && name != "all-funds")
                continue; // sub-rows are shown, not scored
            f.row_span = row.span;
            f.initial = amount(row.initial, f.unit_factor, out);
            f.annual = amount(row.annual, f.unit_factor, out);
            f.spent = amount(row.spent, f.unit_factor, out);
            f.weight = figure(row.weight, out);
            f.rate = figure(row.rate, out);
            f.score = figure(row.score, out);
            m.unreadable_weight |= row.weight && !f.weight;
            m.unreadable_score |= row.score && !f.score;
        }
        m.funds = f;
    }
    std::map<std::string, Span> seen_names;
    for (const auto& l1 : p.categories) {
        for (const auto& l2 : l1.children) {
            if (l2.not_applicable) {
                Row r;
                r.name = l2.name_text;
                r.span = l2.span;
                r.level1 = l1.name_text;
                r.level2 = l2.name_text;
                r.not_applicable = r.category_not_applicable = true;
                m.rows.push_back(std::move(r));
            }
            for (const auto& ind : l2.indicators) {
                Row r;
                r.source = &ind;
                r.name = ind.name.text;
                r.span = ind.name.span;
                r.level1 = l1.name_text;
                r.level2 = l2.name_text;
                r.weight = figure(ind.weight, out);
                r.score = figure(ind.score, out);
                m.unreadable_weight |= ind.weight && !r.weight;
                m.unreadable_score |= ind.score && !r.score;
                r.target = ind.target ? &ind.target->value : nullptr;
                r.actual = ind.actual ? &ind.actual->value : nullptr;
                if (ind.reason) r.reason = std::string(text::trim(ind.reason->value.text));
                r.not_applicable = ind.not_applicable.has_value() ||
                                   (r.target && r.target->not_applicable && !r.weight);
                if (!r.not_applicable && !r.name.empty()) {
                    auto [it, fresh] = seen_names.emplace(l2.name_text + "\x1f" + r.name, r.span);
                    if (!fresh)
                        out.push_back(
                            make_warning("duplicate-indicator",
                                         fmt::format("indicator \"{}\" appears twice under {}",
                                                     r.name, l2.name_text))
                                .label(r.span)
                                .label(it->second, "first written here", false));
                }
                m.rows.push_back(std::move(r));
            }
        }
    }
    for (std::size_t i = 0; i < m.rows.size(); ++i)
        if (canonical_category(m.rows[i].level1) == "预算执行率" && !m.rows[i].not_applicable) {
            m.budget_row = i;
            break;
        }
    if (p.total) {
        m.total_weight = figure(p.total->weight, out);
        m.total_score = figure(p.total->score, out);
    }
    if (p.grade) {
        m.grade = p.grade->number.text;
        m.grade_span = p.grade->number.span;
    }
    return m;
}

} // namespace jx::model
