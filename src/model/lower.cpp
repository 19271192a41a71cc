#include "model/lower.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "format/format.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::model {

std::optional<Figure> read_figure(const ast::Token& number, const std::optional<ast::Token>& unit,
                                  std::vector<Diagnostic>& out) {
    // Full-width digits (１２.５) are read as ASCII; a figure already in ASCII is read as it is.
    const bool is_ascii = std::all_of(number.text.begin(), number.text.end(),
                                      [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string normalised = is_ascii ? std::string() : text::nfkc(number.text);
    Decimal::ParseError error{};
    auto value = Decimal::parse(is_ascii ? std::string_view(number.text) : normalised, &error);
    if (!value) {
        std::string why =
            error == Decimal::ParseError::too_many_decimals
                ? trf("more than {} decimals", Decimal::max_scale)
            : error == Decimal::ParseError::too_large
                ? trf("more than {} digits before the decimal point", Decimal::max_integer_digits)
            : error == Decimal::ParseError::too_precise
                ? trf("more than {} significant digits", Decimal::max_significant_digits)
                : tr("not a number");
        out.push_back(
            make_error("invalid-number", trf("{} cannot be used as a figure: {}", number.text, why))
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

namespace {

Quantity lower_quantity(const ast::Quantity& q, std::vector<Diagnostic>& out) {
    Quantity m;
    m.span = q.span;
    m.number = read_figure(q.number, std::nullopt, out);
    if (m.number) m.number->span = q.number.span;
    m.unit = q.unit ? q.unit->text : "";
    m.shown = q.number.text + m.unit;
    return m;
}

Operand lower_operand(const ast::Operand& o, std::vector<Diagnostic>& out) {
    Operand m;
    m.span = o.span;
    switch (o.kind) {
    case ast::Operand::Kind::quantity:
        m.kind = Operand::Kind::quantity;
        m.quantity = lower_quantity(o.quantity, out);
        break;
    case ast::Operand::Kind::date:
        m.kind = Operand::Kind::date;
        m.date = {o.date.token.span, o.date.token.text, o.date.year,
                  o.date.month,      o.date.day,        o.date.month_end};
        break;
    case ast::Operand::Kind::grade:
        m.kind = Operand::Kind::grade;
        m.word = o.word.text;
        break;
    case ast::Operand::Kind::budget:
        m.kind = Operand::Kind::budget;
        m.word = o.word.text;
        break;
    }
    return m;
}

} // namespace

Value lower_value(const ast::Value& v, std::vector<Diagnostic>& out, Purpose purpose) {
    Value m;
    m.span = v.span;
    m.not_applicable = v.not_applicable.has_value();
    if (purpose == Purpose::display) m.shown = format::value_display(v);
    for (const auto& c : v.conditions) {
        Condition mc;
        mc.span = c.span;
        switch (c.kind) {
        case ast::Condition::Kind::measured:
            mc.kind = Condition::Kind::measured;
            break;
        case ast::Condition::Kind::text:
            mc.kind = Condition::Kind::text;
            break;
        case ast::Condition::Kind::scale:
            mc.kind = Condition::Kind::scale;
            break;
        }
        if (c.label) mc.label = c.label->text;
        if (c.prefix) mc.prefix = c.prefix->cmp;
        if (c.suffix) mc.suffix = c.suffix->cmp;
        if (c.low) mc.low = lower_operand(*c.low, out);
        if (c.high) mc.high = lower_operand(*c.high, out);
        mc.text = c.text.text;
        mc.scale = c.scale.text;
        m.conditions.push_back(std::move(mc));
    }
    return m;
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

// A level-3 row, without its place in the tree.
Row lower_indicator(const ast::Indicator& ind, std::vector<Diagnostic>& out, Purpose purpose) {
    Row r;
    r.name = ind.name.text;
    r.weight_written = ind.weight.has_value();
    r.score_written = ind.score.has_value();
    r.damaged = ind.damaged;
    r.part = ind.part.has_value();
    r.span = ind.name.span;
    r.weight = figure(ind.weight, out);
    r.score = figure(ind.score, out);
    if (ind.target) r.target = lower_value(ind.target->value, out, purpose);
    if (ind.actual) r.actual = lower_value(ind.actual->value, out, purpose);
    if (ind.reason) r.reason = std::string(text::trim(ind.reason->value.text));
    if (ind.criteria) r.criteria = std::string(text::trim(ind.criteria->value.text));
    r.not_applicable =
        ind.not_applicable.has_value() || (r.target && r.target->not_applicable && !r.weight);
    return r;
}

FundKind fund_kind(const std::string& written) {
    namespace kw = vocab::kw;
    std::string n = text::nfkc(written);
    if (n == kw::row_total.view() || n == kw::row_total_en.view()) return FundKind::total;
    if (n == kw::row_appropriation.view() || n == kw::row_appropriation_en.view() ||
        n == kw::row_fiscal.view() || n == kw::row_fiscal_en.view())
        return FundKind::appropriation;
    if (n == kw::row_carryover.view() || n == kw::row_carryover_en.view())
        return FundKind::carried_over;
    if (n == kw::row_basic.view() || n == kw::row_basic_en.view() ||
        n == kw::row_project_spending.view() || n == kw::row_project_spending_en.view())
        return FundKind::spending;
    return FundKind::other; // 其他资金, and 财政专户管理资金 and 单位资金 of other templates
}

std::string text_of(const std::optional<ast::TextField>& f) {
    return f ? f->value.text : std::string();
}

} // namespace

Project lower(const ast::Project& p, std::vector<Diagnostic>& out, Purpose purpose) {
    Project m;
    m.name = p.name.text;
    m.damaged = p.damaged;
    m.name_span = p.name.span;
    m.department = text_of(p.department);
    m.unit = text_of(p.unit);
    m.contact = text_of(p.contact);
    m.phone = text_of(p.phone);
    m.finance_officer = text_of(p.finance_officer);
    m.layout = text_of(p.layout);
    for (const auto& h : p.head_info)
        m.head_info.emplace_back(h.label.text, h.value.text);
    for (const auto& u : p.unplaced)
        m.unplaced.push_back({u.label.text, u.value.text, u.span});
    m.conclusion = text_of(p.conclusion);
    m.problems = text_of(p.problems);
    m.measures = text_of(p.measures);
    if (p.goals) {
        Goals g;
        if (p.goals->expected) g.expected = p.goals->expected->value.text;
        if (p.goals->achieved) g.achieved = p.goals->achieved->value.text;
        m.goals = std::move(g);
    }
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
            f.unit_stated = true;
        }
        for (const auto& row : p.funds->rows) {
            // Every row as written, for the table: its figures are read (and reported) here.
            FundRow shown;
            shown.kind = fund_kind(row.name.text);
            shown.name = row.name.text;
            shown.span = row.span;
            std::vector<Diagnostic> again; // the total row's figures are reported below
            auto& sink = shown.kind == FundKind::total ? again : out;
            shown.initial = figure(row.initial, sink);
            shown.annual = figure(row.annual, sink);
            shown.spent = figure(row.spent, sink);
            shown.weight = figure(row.weight, sink);
            shown.rate = figure(row.rate, sink);
            shown.score = figure(row.score, sink);
            if (row.reason) shown.reason = std::string(text::trim(row.reason->value.text));
            std::vector<Diagnostic> reported_above; // the figures were reported just now
            auto amount_of = [&](const std::optional<ast::NumberField>& field) {
                auto a = amount(field, f.unit_factor, reported_above);
                return a ? std::optional<Decimal>(a->value) : std::nullopt;
            };
            shown.initial_amount = amount_of(row.initial);
            shown.annual_amount = amount_of(row.annual);
            shown.spent_amount = amount_of(row.spent);
            f.rows.push_back(std::move(shown));
            if (f.rows.back().kind != FundKind::total) continue; // sub-rows are shown, not scored
            f.row_span = row.span;
            f.initial = amount(row.initial, f.unit_factor, out);
            f.annual = amount(row.annual, f.unit_factor, out);
            f.spent = amount(row.spent, f.unit_factor, out);
            f.weight = figure(row.weight, out);
            f.rate = figure(row.rate, out);
            f.score = figure(row.score, out);
            f.score_written = row.score.has_value();
            m.unreadable_weight |= row.weight && !f.weight;
            m.unreadable_score |= row.score && !f.score;
        }
        m.funds = f;
    }
    // Each (level 2, name) pair once: the names are views into the syntax tree, which outlives
    // this function, so nothing is copied to find a repeat.
    struct NameKeyHash {
        std::size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
            std::hash<std::string_view> h;
            return h(k.first) * 31 + h(k.second);
        }
    };
    std::unordered_map<std::pair<std::string_view, std::string_view>, Span, NameKeyHash> seen_names;
    std::size_t row_count = 0;
    for (const auto& l1 : p.categories)
        for (const auto& l2 : l1.children)
            row_count += l2.indicators.size() + (l2.not_applicable ? 1 : 0);
    m.rows.reserve(row_count);
    auto stated = [&](const std::string& label, Span span, const std::string& level1) {
        auto lp = label_points(label);
        if (!lp) return;
        auto points = Decimal::parse(lp->points);
        if (!points) return;
        m.stated_weights.push_back(
            {std::string(lp->name), level1, Figure{*points, span, std::string(lp->points)}, span});
    };
    for (const auto& l1 : p.categories) {
        stated(l1.name_text, l1.name.span, "");
        for (const auto& l2 : l1.children) {
            stated(l2.name_text, l2.name.span, l1.name_text);
            if (l2.not_applicable) {
                Row r;
                r.name = l2.name_text;
                r.span = l2.span;
                r.level1 = l1.name_text;
                r.level2 = l2.name_text;
                r.level2_span = l2.name.span;
                r.not_applicable = r.category_not_applicable = true;
                m.rows.push_back(std::move(r));
            }
            for (const auto& ind : l2.indicators) {
                Row r = lower_indicator(ind, out, purpose);
                r.level1 = l1.name_text;
                r.level2 = l2.name_text;
                r.level2_span = l2.name.span;
                m.unreadable_weight |= ind.weight && !r.weight;
                m.unreadable_score |= ind.score && !r.score;
                if (!r.not_applicable && !r.name.empty()) {
                    auto [it, fresh] = seen_names.emplace(
                        std::pair<std::string_view, std::string_view>(l2.name_text, ind.name.text),
                        r.span);
                    if (!fresh)
                        out.push_back(make_warning("duplicate-indicator",
                                                   trf("indicator \"{}\" appears twice under {}",
                                                       r.name, l2.name_text))
                                          .label(r.span)
                                          .label(it->second, tr("first written here"), false));
                }
                m.rows.push_back(std::move(r));
            }
        }
    }
    if (p.index_system) {
        m.index_span = p.index_system->keyword.span;
        for (const auto& l1 : p.index_system->categories)
            for (const auto& l2 : l1.children)
                for (const auto& ind : l2.indicators) {
                    Row r = lower_indicator(ind, out, purpose);
                    r.level1 = l1.name_text;
                    r.level2 = l2.name_text;
                    r.level2_span = l2.name.span;
                    m.index_rows.push_back(std::move(r));
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

Disclosure lower(const ast::Disclosure& d, std::vector<Diagnostic>& out) {
    Disclosure m;
    m.name = d.name.text;
    m.span = d.span;
    m.name_span = d.name.span;
    if (d.year) m.year = std::stoi(text::nfkc(d.year->number.text));
    for (const auto& c : d.claims) {
        auto figure = read_figure(c.figure, c.unit, out);
        if (!figure) continue; // reported
        Claim claim;
        claim.span = c.span;
        claim.keyword = c.keyword.text;
        claim.figure = *figure;
        switch (c.kind) {
        case ast::Claim::Kind::projects:
            claim.kind = ClaimKind::projects;
            break;
        case ast::Claim::Kind::evaluated:
            claim.kind = ClaimKind::evaluated;
            claim.includes_transfers = c.averaging.has_value();
            break;
        case ast::Claim::Kind::excluded:
            claim.kind = ClaimKind::excluded;
            break;
        case ast::Claim::Kind::grade:
            claim.kind = ClaimKind::grade;
            if (c.grade) claim.grade = std::string(vocab::chinese_grade(text::nfkc(c.grade->text)));
            break;
        case ast::Claim::Kind::score:
            claim.kind = ClaimKind::score;
            if (c.averaging) {
                std::string a = text::nfkc(c.averaging->text);
                claim.averaging =
                    a == vocab::kw::claim_mean.view() || a == vocab::kw::claim_mean_en.view()
                        ? Averaging::mean
                        : Averaging::weighted;
            }
            break;
        case ast::Claim::Kind::funds:
            claim.kind = ClaimKind::funds;
            // An amount without a unit is in 万元, as the funds block's are.
            claim.wan = c.unit ? Decimal::mul_div(figure->value, money_factor(c.unit->text),
                                                  Decimal::from_int(10000), Decimal::max_scale)
                                     .normalized()
                               : figure->value;
            break;
        }
        if (c.line) {
            std::string digits = text::nfkc(c.line->text);
            // A line number beyond any file's is kept as "not stated" rather than overflowing.
            if (digits.size() <= 9) claim.line = std::stoi(digits);
        }
        m.claims.push_back(std::move(claim));
    }
    m.damaged = d.damaged;
    for (const auto& t : d.tables) {
        DepartmentTable table;
        table.kind = t.kind == ast::DepartmentTable::Kind::results ? DepartmentTable::Kind::results
                                                                   : DepartmentTable::Kind::targets;
        table.span = t.span;
        table.keyword = t.keyword.text;
        table.keyword_span = t.keyword.span;
        for (const auto& ind : t.indicators) {
            Row r = lower_indicator(ind, out, Purpose::display);
            table.unreadable_weight |= ind.weight && !r.weight;
            table.rows.push_back(std::move(r));
        }
        m.tables.push_back(std::move(table));
    }
    return m;
}

} // namespace jx::model
