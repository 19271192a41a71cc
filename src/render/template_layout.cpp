// The table in a template's layout (templates/template.hpp): Sichuan's 预算执行情况(10分) and
// 绩效指标(90分) blocks, its target in three columns, 合计, the texts and signatures under it; the
// central table's level-1 cells with their points. The default layout stays in layout.cpp.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "base/text.hpp"
#include "render/layout.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::rendering {

namespace {

using templates::Column;

class TemplateBuilder {
public:
    TemplateBuilder(const model::Project& p, const scoring::ProjectResult& r,
                    const templates::Template& t)
        : p_(p), r_(r), t_(t) {}

    Layout run() {
        out_.project = p_.name;
        out_.year = p_.year;
        out_.columns = 1 + static_cast<int>(t_.indicator_columns.size());
        text(0, 0, t_.title, Style::title, 1, out_.columns);
        text(1, 0, p_.year ? fmt::format("（{}年度）", p_.year) : "", Style::subtitle, 1,
             out_.columns);
        row_ = 2;
        head();
        funds();
        goals();
        indicators();
        total();
        under();
        out_.rows = row_;
        widths();
        return std::move(out_);
    }

private:
    const model::Project& p_;
    const scoring::ProjectResult& r_;
    const templates::Template& t_;
    Layout out_;
    int row_ = 0;
    int weight_col_ = -1, score_col_ = -1;

    int last() const { return out_.columns - 1; }

    Cell& text(int row, int col, std::string s, Style style, int rows = 1, int cols = 1) {
        return add_text(out_, row, col, std::move(s), style, rows, cols);
    }
    Cell& number(int row, int col, const Decimal& d, std::string shown, int cols = 1) {
        return add_number(out_, row, col, d, std::move(shown), cols);
    }

    std::string value_of(const std::string& label) const {
        namespace kw = vocab::kw;
        if (label == vocab::heading::project_name) return p_.name;
        if (label == kw::department.view()) return p_.department;
        if (label == kw::unit.view()) return p_.unit;
        if (label == kw::contact.view()) return p_.contact;
        if (label == kw::phone.view()) return p_.phone;
        if (label == kw::finance_officer.view()) return p_.finance_officer;
        if (label == kw::conclusion.view()) return p_.conclusion;
        if (label == kw::problems.view()) return p_.problems;
        if (label == kw::measures.view()) return p_.measures;
        return {};
    }

    bool placed(const std::string& label) const {
        for (const auto& row : t_.head)
            if (std::find(row.begin(), row.end(), label) != row.end()) return true;
        return std::find(t_.under.begin(), t_.under.end(), label) != t_.under.end() ||
               std::find(t_.signatures.begin(), t_.signatures.end(), label) != t_.signatures.end();
    }

    // A row of one label and its value, or two pairs.
    void labelled(const std::vector<std::string>& labels) {
        if (labels.size() == 1) {
            text(row_, 0, labels[0], Style::label, 1, 2);
            text(row_, 2, value_of(labels[0]), Style::text, 1, last() - 1);
        } else if (labels.size() >= 2) {
            text(row_, 0, labels[0], Style::label, 1, 2);
            text(row_, 2, value_of(labels[0]), Style::text, 1, 3);
            text(row_, 5, labels[1], Style::label, 1, 2);
            text(row_, 7, value_of(labels[1]), Style::text, 1, last() - 6);
        }
        ++row_;
    }

    void head() {
        for (const auto& row : t_.head)
            labelled(row);
        // What the spec states that the template has no place for: kept, in the default's words.
        namespace kw = vocab::kw;
        const std::string contact(kw::contact.view()), phone(kw::phone.view());
        if ((!p_.contact.empty() && !placed(contact)) || (!p_.phone.empty() && !placed(phone)))
            labelled({contact, phone});
    }

    static std::string canonical_row(const std::string& name) {
        namespace kw = vocab::kw;
        if (name == kw::row_total_en.view()) return std::string(kw::row_total.view());
        if (name == kw::row_appropriation_en.view() || name == kw::row_fiscal.view() ||
            name == kw::row_fiscal_en.view())
            return std::string(kw::row_appropriation.view());
        if (name == kw::row_carryover_en.view()) return std::string(kw::row_carryover.view());
        if (name == kw::row_other_en.view()) return std::string(kw::row_other.view());
        if (name == kw::row_special_account_en.view())
            return std::string(kw::row_special_account.view());
        if (name == kw::row_unit_funds_en.view()) return std::string(kw::row_unit_funds.view());
        if (name == kw::row_basic_en.view()) return std::string(kw::row_basic.view());
        if (name == kw::row_project_spending_en.view())
            return std::string(kw::row_project_spending.view());
        return name;
    }

    // The template's label of a funds row of the spec, or its own name.
    std::string row_label(const model::FundRow& r, std::size_t& order) const {
        const std::string name = canonical_row(r.name);
        for (std::size_t k = 0; k < t_.funds_rows.size(); ++k) {
            const auto& spec = t_.funds_rows[k];
            bool same = canonical_row(spec.row) == name;
            for (const auto& a : spec.also)
                same = same || canonical_row(a) == name;
            if (same) {
                order = k;
                return spec.label;
            }
        }
        order = t_.funds_rows.size();
        return r.name;
    }

    void figure(int col, const std::optional<model::Figure>& f, bool rate, bool struck) {
        if (!f) {
            text(row_, col, struck ? t_.not_applicable : "", Style::text);
            return;
        }
        if (rate) {
            const Decimal& d = f->value;
            Cell& c = number(row_, col, Decimal::divide(d, Decimal::from_int(100), d.scale() + 2),
                             f->text);
            c.percent = true;
            return;
        }
        number(row_, col, f->value, f->text);
    }

    void funds() {
        if (!p_.funds || t_.funds_columns.empty()) return;
        const auto& f = *p_.funds;
        std::vector<std::pair<std::size_t, const model::FundRow*>> rows;
        std::vector<std::string> labels;
        for (const auto& r : f.rows) {
            std::size_t order = 0;
            labels.push_back(row_label(r, order));
            rows.emplace_back(order, &r);
        }
        std::vector<std::size_t> index(rows.size());
        for (std::size_t k = 0; k < index.size(); ++k)
            index[k] = k;
        std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
            return rows[a].first < rows[b].first;
        });
        std::string title = t_.funds_title;
        if (t_.funds_points && f.weight) title += fmt::format("({}分)", f.weight->text);
        const bool unit_heading = !t_.funds_unit_heading.empty();
        if (!unit_heading) title += fmt::format("（{}）", f.unit_text);
        const int title_cols = unit_heading ? 1 : 2;
        text(row_, 0, title, Style::label, 1 + static_cast<int>(rows.size()), title_cols);
        text(row_, title_cols,
             unit_heading ? fmt::format("{}({})", t_.funds_unit_heading, f.unit_text) : "",
             Style::header, 1, 3 - title_cols);
        std::vector<Column> data;
        for (const auto& c : t_.funds_columns)
            if (c.role != Column::label) data.push_back(c.role);
        auto span = [&](std::size_t k) {
            return k + 1 == data.size() ? std::max(1, out_.columns - 3 - static_cast<int>(k)) : 1;
        };
        int k = 0;
        for (const auto& c : t_.funds_columns) {
            if (c.role == Column::label) continue;
            text(row_, 3 + k, c.label, Style::header, 1, span(static_cast<std::size_t>(k)));
            ++k;
        }
        ++row_;
        for (std::size_t i : index) {
            const model::FundRow& r = *rows[i].second;
            const bool total = r.kind == model::FundKind::total;
            text(row_, title_cols, labels[i], Style::text, 1, 3 - title_cols);
            for (std::size_t d = 0; d < data.size(); ++d) {
                const int col = 3 + static_cast<int>(d);
                const bool struck = !total && std::find(t_.struck.begin(), t_.struck.end(),
                                                        data[d]) != t_.struck.end();
                switch (data[d]) {
                case Column::initial:
                    figure(col, r.initial, false, struck);
                    break;
                case Column::annual:
                    figure(col, r.annual, false, struck);
                    break;
                case Column::spent:
                    figure(col, r.spent, false, struck);
                    break;
                case Column::rate:
                    figure(col, r.rate, true, struck);
                    break;
                case Column::weight:
                    figure(col, r.weight, false, struck);
                    break;
                case Column::score:
                    figure(col, r.score, false, struck);
                    break;
                default: // the funds block's 原因
                    text(row_, col,
                         !r.reason.empty() ? r.reason
                         : struck          ? t_.not_applicable
                                           : "",
                         Style::text, 1, span(d));
                    break;
                }
                if (data[d] != Column::reason && span(d) > 1) out_.cells.back().cols = span(d);
            }
            ++row_;
        }
    }

    void goals() {
        if (!p_.goals || t_.goals_title.empty()) return;
        text(row_, 0, t_.goals_title, Style::label, 2, 2);
        text(row_, 2, std::string(vocab::kw::expected.view()), Style::header, 1, 3);
        text(row_, 5, std::string(vocab::kw::achieved.view()), Style::header, 1, last() - 4);
        ++row_;
        text(row_, 2, p_.goals->expected.value_or(""), Style::text, 1, 3);
        text(row_, 5, p_.goals->achieved.value_or(""), Style::text, 1, last() - 4);
        ++row_;
    }

    // A target split in three columns: ≥ | 100 | %, or 定性 | its text | /.
    struct Split {
        std::string comparator, value, unit;
    };
    Split split(const std::optional<model::Value>& v) const {
        if (!v) return {};
        if (v->conditions.size() == 1) {
            const auto& c = v->conditions[0];
            if (c.kind == model::Condition::Kind::measured && !c.is_range() && c.prefix &&
                !c.suffix && c.low && c.low->kind == model::Operand::Kind::quantity &&
                c.low->quantity.number) {
                std::string cmp = vocab::cmp_symbol(*c.prefix);
                if (cmp == "=") cmp = "＝"; // as the template's choices write it
                return {cmp, c.low->quantity.number->text, c.low->quantity.unit};
            }
        }
        return {"定性", v->shown, t_.not_applicable};
    }

    void indicators() {
        if (r_.rows.empty()) return;
        const int header_row = row_;
        Decimal weights = Decimal::from_int(0);
        for (const auto& rr : r_.rows)
            if (rr.row->weight) weights = weights + rr.row->weight->value;
        for (std::size_t k = 0; k < t_.indicator_columns.size(); ++k) {
            const auto& c = t_.indicator_columns[k];
            text(row_, 1 + static_cast<int>(k), c.label, Style::header);
            if (c.role == Column::weight) weight_col_ = 1 + static_cast<int>(k);
            if (c.role == Column::score) score_col_ = 1 + static_cast<int>(k);
        }
        ++row_;
        std::size_t i = 0;
        while (i < r_.rows.size()) {
            const std::string l1 = r_.rows[i].row->level1;
            std::size_t end1 = i;
            while (end1 < r_.rows.size() && r_.rows[end1].row->level1 == l1)
                ++end1;
            bool first1 = true;
            while (i < end1) {
                const std::string l2 = r_.rows[i].row->level2;
                std::size_t end2 = i;
                while (end2 < end1 && r_.rows[end2].row->level2 == l2)
                    ++end2;
                bool first2 = true;
                for (; i < end2; ++i) {
                    row(*r_.rows[i].row, first1 ? static_cast<int>(end1 - i) : 0,
                        first2 ? static_cast<int>(end2 - i) : 0);
                    first1 = first2 = false;
                }
            }
        }
        std::string title = t_.indicators_title;
        if (t_.indicators_points) title += fmt::format("({}分)", weights.normalized().to_string());
        text(header_row, 0, title, Style::label, row_ - header_row);
    }

    // One indicator row; level1_rows / level2_rows > 0 on the first row of a merged category.
    void row(const model::Row& m, int level1_rows, int level2_rows) {
        const Split s = m.category_not_applicable ? Split{} : split(m.target);
        for (std::size_t k = 0; k < t_.indicator_columns.size(); ++k) {
            const int col = 1 + static_cast<int>(k);
            switch (t_.indicator_columns[k].role) {
            case Column::level1:
                if (level1_rows) text(row_, col, m.level1, Style::text, level1_rows);
                break;
            case Column::level2:
                if (level2_rows) text(row_, col, m.level2, Style::text, level2_rows);
                break;
            case Column::name:
                text(row_, col,
                     m.category_not_applicable ? std::string(vocab::kw::na.view()) : m.name,
                     Style::text);
                break;
            case Column::target:
                text(row_, col, m.target ? m.target->shown : "", Style::text);
                break;
            case Column::comparator:
                text(row_, col, s.comparator, Style::text);
                break;
            case Column::value:
                text(row_, col, s.value, Style::text);
                break;
            case Column::unit:
                text(row_, col, s.unit, Style::text);
                break;
            case Column::actual:
                text(row_, col, m.actual ? m.actual->shown : "", Style::text);
                break;
            case Column::weight:
                if (m.weight)
                    number(row_, col, m.weight->value, m.weight->text);
                else
                    text(row_, col, "", Style::text);
                break;
            case Column::score:
                if (m.score)
                    number(row_, col, m.score->value, m.score->text);
                else
                    text(row_, col, "", Style::text);
                break;
            case Column::reason:
                text(row_, col, m.reason, Style::text);
                break;
            default:
                text(row_, col, "", Style::text);
                break;
            }
        }
        ++row_;
    }

    void total() {
        const int weight_col = weight_col_ > 0 ? weight_col_ : last() - 2;
        const int score_col = score_col_ > 0 ? score_col_ : last() - 1;
        text(row_, 0, t_.total_label, Style::total, 1, weight_col);
        Decimal weights = r_.weight_sum.normalized();
        if (p_.total_weight)
            number(row_, weight_col, p_.total_weight->value, p_.total_weight->text);
        else
            number(row_, weight_col, weights, weights.to_string());
        for (int c = weight_col + 1; c < out_.columns; ++c)
            if (c == score_col && p_.total_score)
                number(row_, c, p_.total_score->value, p_.total_score->text);
            else
                text(row_, c, "", Style::text);
        ++row_;
        for (const auto& d : r_.findings)
            if (d.severity == Severity::error && !d.explained()) out_.notes.push_back(d.message);
    }

    void under() {
        namespace kw = vocab::kw;
        std::vector<std::string> texts = t_.under;
        // The spec's texts the template has no place for: kept, in the default's words.
        for (auto w : {kw::conclusion.view(), kw::problems.view(), kw::measures.view()})
            if (!value_of(std::string(w)).empty() && !placed(std::string(w))) texts.emplace_back(w);
        for (const auto& label : texts)
            labelled({label});
        if (!t_.signatures.empty()) labelled(t_.signatures);
        const std::string officer(kw::finance_officer.view());
        if (!p_.finance_officer.empty() && !placed(officer)) labelled({officer});
    }

    void widths() {
        std::vector<int> w(static_cast<std::size_t>(out_.columns), 10);
        w[0] = 12; // the block titles with their points: 预算执行情况(10分)
        for (const auto& c : out_.cells) {
            if (c.cols != 1 || c.style == Style::title || c.style == Style::subtitle) continue;
            int need = text::display_width(c.text) + 2;
            auto& cw = w[static_cast<std::size_t>(c.col)];
            cw = std::max(cw, std::min(need, 22));
        }
        out_.widths = w;
    }
};

} // namespace

std::string layout_title(const Layout& layout) {
    for (const auto& c : layout.cells)
        if (c.row == 0 && c.style == Style::title && !c.text.empty()) return c.text;
    return std::string(vocab::heading::title);
}

Layout build_layout(const model::Project& project, const scoring::ProjectResult& result,
                    Scores scores, const templates::Template* layout) {
    if (!layout || layout->name == templates::default_template)
        return build_layout(project, result, scores);
    return TemplateBuilder(project, result, *layout).run();
}

} // namespace jx::rendering
