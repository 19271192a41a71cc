#include "render/layout.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/text.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::rendering {

std::string column_name(int col) {
    std::string s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

namespace {

using scoring::RowResult;

constexpr int col_label = 0, col_level1 = 1, col_level2 = 2, col_name = 3, col_target = 4,
              col_actual = 5, col_weight = 6, col_score = 7, col_reason = 8, col_recomputed = 9;

class Builder {
public:
    Builder(const model::Project& p, const scoring::ProjectResult& r, Scores s)
        : p_(p), r_(r), scores_(s) {}

    Layout run() {
        out_.project = p_.name;
        out_.year = p_.year;
        out_.columns = scores_ == Scores::both ? 10 : 9;
        const int last = out_.columns - 1;
        text(0, 0, std::string(vocab::heading::title), Style::title, 1, out_.columns);
        text(1, 0, p_.year ? fmt::format("（{}年度）", p_.year) : "", Style::subtitle, 1,
             out_.columns);
        row_ = 2;
        text(row_, 0, std::string(vocab::heading::project_name), Style::label, 1, 2);
        text(row_, 2, p_.name, Style::text, 1, last - 1);
        ++row_;
        pair_row(vocab::kw::department.view(), p_.department, vocab::kw::unit.view(), p_.unit);
        pair_row(vocab::kw::contact.view(), p_.contact, vocab::kw::phone.view(), p_.phone);
        funds();
        goals();
        indicators();
        total();
        assessment();
        out_.rows = row_;
        widths();
        return std::move(out_);
    }

private:
    const model::Project& p_;
    const scoring::ProjectResult& r_;
    Scores scores_;
    Layout out_;
    int row_ = 0;
    int first_score_row_ = -1, last_score_row_ = -1, budget_score_row_ = -1;

    Cell& text(int row, int col, std::string t, Style style, int rows = 1, int cols = 1) {
        return add_text(out_, row, col, std::move(t), style, rows, cols);
    }
    Cell& number(int row, int col, const Decimal& d, std::string shown, int cols = 1) {
        return add_number(out_, row, col, d, std::move(shown), cols);
    }

    void pair_row(std::string_view l1, const std::string& v1, std::string_view l2,
                  const std::string& v2) {
        const int last = out_.columns - 1;
        text(row_, 0, std::string(l1), Style::label, 1, 2);
        text(row_, 2, v1, Style::text, 1, 3);
        text(row_, 5, std::string(l2), Style::label, 1, 2);
        text(row_, 7, v2, Style::text, 1, last - 6);
        ++row_;
    }

    // A figure of the funds block as written (an unreadable one is reported by check).
    void figure(int col, const std::optional<model::Figure>& f, bool rate = false) {
        if (!f) {
            text(row_, col, "", Style::text);
            return;
        }
        const Decimal& d = f->value;
        if (rate) {
            Cell& c = number(row_, col, Decimal::divide(d, Decimal::from_int(100), d.scale() + 2),
                             f->text);
            c.percent = true;
            return;
        }
        number(row_, col, d, f->text);
    }

    void funds() {
        if (!p_.funds) return;
        const auto& f = *p_.funds;
        const int rows = 1 + static_cast<int>(f.rows.size());
        text(row_, 0, fmt::format("{}（{}）", vocab::kw::funds.view(), f.unit_text), Style::label,
             rows, 2);
        text(row_, 2, "", Style::header);
        const std::string_view heads[] = {vocab::kw::initial.view(), vocab::kw::annual.view(),
                                          vocab::kw::spent.view(),   vocab::kw::weight.view(),
                                          vocab::kw::rate.view(),    vocab::kw::score.view()};
        for (int k = 0; k < 6; ++k)
            text(row_, 3 + k, std::string(heads[k]), Style::header);
        if (out_.columns == 10) text(row_, col_recomputed, "重算得分", Style::header);
        ++row_;
        for (const auto& r : f.rows) {
            std::string name = r.name;
            if (r.kind == model::FundKind::appropriation)
                name = fmt::format("其中：{}", vocab::kw::row_appropriation.view());
            text(row_, 2, name, Style::text);
            figure(3, r.initial);
            figure(4, r.annual);
            figure(5, r.spent);
            figure(6, r.weight);
            figure(7, r.rate, true);
            if (r.kind == model::FundKind::total)
                budget_score(r);
            else
                figure(8, r.score);
            ++row_;
        }
    }

    void budget_score(const model::FundRow& r) {
        auto expected = r_.budget.expected();
        std::string recomputed = expected ? scoring::show(*expected) : "";
        auto reported = r.score ? std::optional<Decimal>(r.score->value) : std::nullopt;
        budget_score_row_ = row_;
        put_score(8, reported, r.score ? r.score->text : "", expected, recomputed);
    }

    // A score cell under --scores: the reported figure, the recomputed one, or both (two columns).
    void put_score(int col, std::optional<Decimal> reported, const std::string& reported_text,
                   std::optional<Decimal> expected, const std::string& recomputed_text) {
        bool mismatch = reported && expected && !r_.matches(*reported, *expected);
        std::optional<Decimal> shown =
            scores_ == Scores::recomputed ? (expected ? expected : reported) : reported;
        std::string shown_text =
            scores_ == Scores::recomputed && expected ? recomputed_text : reported_text;
        if (shown) {
            Decimal value = scores_ == Scores::recomputed && expected
                                ? expected->rounded(2).normalized()
                                : *shown;
            Cell& c = number(row_, col, value, shown_text);
            c.mismatch = mismatch;
            c.aside = "重算 " + recomputed_text;
        } else {
            text(row_, col, shown_text, Style::text);
        }
        if (out_.columns == 10) {
            if (expected)
                number(row_, col_recomputed, expected->rounded(2).normalized(), recomputed_text)
                    .mismatch = mismatch;
            else
                text(row_, col_recomputed, "", Style::text);
        }
    }

    void goals() {
        if (!p_.goals) return;
        const int last = out_.columns - 1;
        text(row_, 0, std::string(vocab::kw::goal.view()), Style::label, 2, 2);
        text(row_, 2, std::string(vocab::kw::expected.view()), Style::header, 1, 3);
        text(row_, 5, std::string(vocab::kw::achieved.view()), Style::header, 1, last - 4);
        ++row_;
        text(row_, 2, p_.goals->expected.value_or(""), Style::text, 1, 3);
        text(row_, 5, p_.goals->achieved.value_or(""), Style::text, 1, last - 4);
        ++row_;
    }

    void indicators() {
        if (r_.rows.empty()) return;
        const int header_row = row_;
        namespace h = vocab::heading;
        const std::string_view heads[] = {h::level1, h::level2, h::level3, h::target,
                                          h::actual, h::weight, h::score,  h::reason};
        for (int k = 0; k < 8; ++k)
            text(row_, 1 + k, std::string(heads[k]), Style::header);
        if (out_.columns == 10) text(row_, col_recomputed, "重算得分", Style::header);
        ++row_;
        first_score_row_ = row_;
        // Level-1 and level-2 cells are merged over their rows.
        std::size_t i = 0;
        while (i < r_.rows.size()) {
            const std::string l1 = r_.rows[i].row->level1;
            std::size_t end1 = i;
            while (end1 < r_.rows.size() && r_.rows[end1].row->level1 == l1)
                ++end1;
            text(row_, col_level1, l1, Style::text, static_cast<int>(end1 - i));
            while (i < end1) {
                const std::string l2 = r_.rows[i].row->level2;
                std::size_t end2 = i;
                while (end2 < end1 && r_.rows[end2].row->level2 == l2)
                    ++end2;
                text(row_, col_level2, l2, Style::text, static_cast<int>(end2 - i));
                for (; i < end2; ++i)
                    indicator(r_.rows[i]);
            }
        }
        last_score_row_ = row_ - 1;
        text(header_row, col_label, std::string(vocab::heading::indicators), Style::label,
             row_ - header_row);
    }

    void indicator(const RowResult& rr) {
        const model::Row& m = *rr.row;
        if (m.category_not_applicable) {
            text(row_, col_name, std::string(vocab::kw::na.view()), Style::text);
            for (int c = col_target; c < out_.columns; ++c)
                text(row_, c, "", Style::text);
            ++row_;
            return;
        }
        text(row_, col_name, m.name, Style::text);
        text(row_, col_target, m.target ? m.target->shown : "", Style::text);
        text(row_, col_actual, m.actual ? m.actual->shown : "", Style::text);
        if (m.weight)
            number(row_, col_weight, m.weight->value, m.weight->text);
        else
            text(row_, col_weight, "", Style::text);
        std::optional<Decimal> expected;
        std::string recomputed;
        if (rr.kind == RowResult::Kind::exact) {
            expected = rr.expected();
            recomputed = scoring::show(*expected);
        } else if (rr.kind == RowResult::Kind::band) {
            recomputed = scoring::show(rr.band_low) + "–" + scoring::show(rr.band_high);
        }
        std::optional<Decimal> reported =
            m.score ? std::optional<Decimal>(m.score->value) : std::nullopt;
        put_score(col_score, reported, m.score ? m.score->text : "", expected, recomputed);
        if (rr.kind == RowResult::Kind::band && m.score) {
            Cell& c = out_.cells[out_.cells.size() - (out_.columns == 10 ? 2 : 1)];
            c.mismatch = m.score->value < rr.band_low || rr.band_high < m.score->value;
            c.aside = "重算 " + recomputed;
        }
        text(row_, col_reason, m.reason, Style::text);
        ++row_;
    }

    // The texts and the signature under the table of some templates, written only when the spec
    // states them, so that a table without them keeps its layout.
    void assessment() {
        const int last = out_.columns - 1;
        auto text_row = [&](std::string_view label, const std::string& value) {
            if (value.empty()) return;
            text(row_, 0, std::string(label), Style::label, 1, 2);
            text(row_, 2, value, Style::text, 1, last - 1);
            ++row_;
        };
        text_row(vocab::kw::conclusion.view(), p_.conclusion);
        text_row(vocab::kw::problems.view(), p_.problems);
        text_row(vocab::kw::measures.view(), p_.measures);
        text_row(vocab::kw::finance_officer.view(), p_.finance_officer);
    }

    void total() {
        const int score_col = col_score;
        text(row_, 0, std::string(vocab::kw::total.view()), Style::total, 1, col_weight);
        Decimal weights = r_.weight_sum.normalized();
        if (p_.total_weight) {
            Cell& w = number(row_, col_weight, p_.total_weight->value, p_.total_weight->text);
            w.mismatch = p_.total_weight->value != weights;
            w.aside = "各行合计 " + weights.to_string();
        } else {
            number(row_, col_weight, weights, weights.to_string());
        }
        // The total score is a live SUM over the score cells, its value cached.
        Decimal sum = Decimal::from_int(0);
        std::vector<std::string> ranges;
        // The budget row's score stands in the funds block's last column (I), the rows' in H.
        const int budget_col = 8;
        for (const auto& c : out_.cells)
            if (c.number &&
                ((c.col == score_col && c.row >= first_score_row_ && c.row <= last_score_row_) ||
                 (c.col == budget_col && c.row == budget_score_row_)))
                sum = sum + *c.number;
        if (budget_score_row_ >= 0)
            ranges.push_back(fmt::format("{}{}", column_name(budget_col), budget_score_row_ + 1));
        if (first_score_row_ >= 0 && last_score_row_ >= first_score_row_)
            ranges.push_back(fmt::format("{0}{1}:{0}{2}", column_name(score_col),
                                         first_score_row_ + 1, last_score_row_ + 1));
        Cell& s = number(row_, score_col, sum.normalized(), sum.normalized().to_string());
        if (!ranges.empty()) {
            s.formula = "SUM(" + ranges[0];
            for (std::size_t k = 1; k < ranges.size(); ++k)
                s.formula += "," + ranges[k];
            s.formula += ")";
        }
        // A reported total that is not the sum stays visible beside it.
        std::string note;
        if (p_.total_score && p_.total_score->value != sum) {
            s.mismatch = true;
            note = "自报 " + p_.total_score->text;
            s.aside = note;
        }
        text(row_, col_reason, note, Style::text);
        if (out_.columns == 10)
            number(row_, col_recomputed, r_.recomputed_total.rounded(2).normalized(),
                   scoring::show(r_.recomputed_total));
        ++row_;
        for (const auto& d : r_.findings)
            if (d.severity == Severity::error && !d.explained()) out_.notes.push_back(d.message);
    }

    void widths() {
        // Starting widths as a finance office sets them, widened for CJK text, capped for wrapping.
        // The narrow columns hold four CJK characters (年度总体目标 in two lines, not six) and a
        // score with its recomputed figure beside it.
        std::vector<int> w{9, 10, 12, 20, 16, 16, 10, 12, 18, 10};
        w.resize(static_cast<std::size_t>(out_.columns));
        for (const auto& c : out_.cells) {
            if (c.cols != 1 || c.style == Style::title || c.style == Style::subtitle) continue;
            int need = text::display_width(c.text) + 2;
            auto& cw = w[static_cast<std::size_t>(c.col)];
            cw = std::max(cw, std::min(need, c.col == col_name || c.col >= col_target ? 22 : 14));
        }
        out_.widths = w;
    }
};

} // namespace

Layout build_layout(const model::Project& project, const scoring::ProjectResult& result,
                    Scores scores) {
    return Builder(project, result, scores).run();
}

Cell& add_text(Layout& layout, int row, int col, std::string text, Style style, int rows,
               int cols) {
    Cell c;
    c.row = row;
    c.col = col;
    c.rows = rows;
    c.cols = cols;
    c.text = std::move(text);
    c.style = style;
    layout.cells.push_back(std::move(c));
    return layout.cells.back();
}

Cell& add_number(Layout& layout, int row, int col, const Decimal& value, std::string shown,
                 int cols) {
    Cell& c = add_text(layout, row, col, std::move(shown), Style::number, 1, cols);
    c.number = value;
    return c;
}

} // namespace jx::rendering
