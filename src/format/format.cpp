#include "format/format.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace jx::format {
namespace {

constexpr int indent_width = 2;
constexpr int max_aligned_cell = 40; // wider cells do not widen their column

std::string operand_text(const ast::Operand& o) {
    switch (o.kind) {
    case ast::Operand::Kind::quantity:
        return o.quantity.number.text + (o.quantity.unit ? o.quantity.unit->text : "");
    case ast::Operand::Kind::date:
        return o.date.token.text;
    case ast::Operand::Kind::grade:
    case ast::Operand::Kind::budget:
        return o.word.text;
    }
    return {};
}

std::string condition_text(const ast::Condition& c) {
    std::string s;
    if (c.label) s += c.label->raw + " ";
    switch (c.kind) {
    case ast::Condition::Kind::text:
        return s + c.text.raw;
    case ast::Condition::Kind::scale:
        return s + c.scale.text;
    case ast::Condition::Kind::measured:
        if (c.prefix) s += c.prefix->token.text + " ";
        if (c.low) s += operand_text(*c.low);
        if (c.high) s += c.range_sep->text + operand_text(*c.high);
        if (c.suffix) s += c.suffix->token.text;
        return s;
    }
    return s;
}

std::string separator_text(const std::string& sep) {
    if (sep == "," || sep == ";" || sep == "and") return sep + " ";
    if (sep == "且") return " 且 ";
    return sep; // full-width punctuation carries its own space
}

} // namespace

std::string value_display(const ast::Value& v) {
    if (v.not_applicable) return v.not_applicable->text;
    std::string s;
    for (std::size_t i = 0; i < v.conditions.size(); ++i) {
        const auto& c = v.conditions[i];
        if (i > 0) s += separator_text(v.separators[i - 1].text);
        if (c.kind == ast::Condition::Kind::text) {
            s += c.text.text;
            continue;
        }
        ast::Condition bare = c;
        if (bare.label) s += bare.label->text + " ";
        bare.label.reset();
        s += condition_text(bare);
    }
    return s;
}

std::string value_text(const ast::Value& v) {
    if (v.not_applicable) return v.not_applicable->text;
    std::string s;
    for (std::size_t i = 0; i < v.conditions.size(); ++i) {
        if (i > 0) s += separator_text(v.separators[i - 1].text);
        s += condition_text(v.conditions[i]);
    }
    return s;
}

namespace {

std::string number_cell(const std::optional<ast::NumberField>& f) {
    if (!f) return {};
    return f->keyword.text + " " + f->number.text + (f->unit ? f->unit->text : "");
}

using Cells = std::vector<std::string>;

class Printer {
public:
    Printer(const ast::File& file, std::string_view source) : file_(file), source_(source) {}

    std::string run() {
        if (file_.has_bom) out_ += "\xEF\xBB\xBF";
        // Projects and disclosures in the order they were written.
        std::size_t p = 0, d = 0;
        while (p < file_.projects.size() || d < file_.disclosures.size()) {
            if (p + d > 0) out_ += '\n';
            if (d == file_.disclosures.size() ||
                (p < file_.projects.size() &&
                 file_.projects[p].span.begin < file_.disclosures[d].span.begin))
                project(file_.projects[p++]);
            else
                disclosure(file_.disclosures[d++]);
        }
        comments_before(static_cast<std::uint32_t>(source_.size()) + 1, 0);
        return out_;
    }

private:
    const ast::File& file_;
    std::string_view source_;
    std::string out_;
    std::size_t next_comment_ = 0;

    void line(int depth, const std::string& s) {
        out_ += std::string(static_cast<std::size_t>(depth * indent_width), ' ') + s;
    }

    // Comments that stand before `offset` in the source go on lines of their own.
    void comments_before(std::uint32_t offset, int depth) {
        const auto& cs = file_.comments;
        while (next_comment_ < cs.size() && cs[next_comment_].span.begin < offset) {
            line(depth, std::string(text::trim(cs[next_comment_].text)) + "\n");
            ++next_comment_;
        }
    }

    // Ends a line whose source ended at `end`: a comment on the same source line stays there.
    void end_line(std::uint32_t end) {
        const auto& cs = file_.comments;
        if (next_comment_ < cs.size()) {
            std::uint32_t b = cs[next_comment_].span.begin;
            std::size_t nl = source_.find('\n', end);
            if (b >= end && (nl == std::string_view::npos || b < nl)) {
                out_ += "  " + std::string(text::trim(cs[next_comment_].text));
                ++next_comment_;
            }
        }
        out_ += '\n';
    }

    // One statement on one line: comments inside it move above it.
    void statement(int depth, Span span, const std::string& text) {
        comments_before(span.end, depth);
        line(depth, text);
        end_line(span.end);
    }

    static int width(const std::string& s) { return text::display_width(s); }

    // Rows of cells, each column padded to its widest cell (by display width).
    void table(int depth, const std::vector<std::pair<Span, Cells>>& rows) {
        std::vector<int> widths = column_widths(rows);
        for (const auto& [span, cells] : rows)
            aligned(depth, span, cells, widths);
    }

    static Cells indicator_cells(const ast::Indicator& ind) {
        Cells c;
        c.push_back(ind.part ? ind.part->text + " " + ind.name.raw : ind.name.raw);
        c.push_back(ind.target ? ind.target->keyword.text + " " + value_text(ind.target->value)
                               : "");
        c.push_back(ind.actual ? ind.actual->keyword.text + " " + value_text(ind.actual->value)
                               : "");
        c.push_back(number_cell(ind.weight));
        c.push_back(number_cell(ind.score));
        c.push_back(ind.reason ? ind.reason->keyword.text + " " + ind.reason->value.raw : "");
        c.push_back(ind.criteria ? ind.criteria->keyword.text + " " + ind.criteria->value.raw : "");
        c.push_back(ind.not_applicable ? ind.not_applicable->text : "");
        return c;
    }

    void project(const ast::Project& p) {
        comments_before(p.span.begin, 0);
        line(0, p.keyword.text + " " + p.name.raw + " {");
        end_line(p.name.span.end);
        auto text_stmt = [&](const std::optional<ast::TextField>& f) {
            if (f) statement(1, f->span, f->keyword.text + " " + f->value.raw);
        };
        if (p.year) statement(1, p.year->span, p.year->keyword.text + " " + p.year->number.text);
        text_stmt(p.department);
        text_stmt(p.unit);
        text_stmt(p.contact);
        text_stmt(p.phone);
        text_stmt(p.finance_officer);
        text_stmt(p.layout);
        for (const auto& h : p.head_info)
            statement(1, h.span, h.keyword.text + " " + h.label.raw + " " + h.value.raw);
        if (p.funds) funds(*p.funds);
        if (p.goals) goals(*p.goals);

        // Indicators of the whole project share their columns, so the table reads as one.
        std::vector<std::pair<Span, Cells>> all;
        for (const auto& l1 : p.categories)
            for (const auto& l2 : l1.children)
                for (const auto& ind : l2.indicators)
                    all.push_back({ind.span, indicator_cells(ind)});
        std::vector<int> widths = column_widths(all);
        for (const auto& l1 : p.categories)
            category1(l1, widths);
        if (p.index_system) {
            const auto& index = *p.index_system;
            comments_before(index.span.begin, 1);
            line(1, index.keyword.text + " {");
            end_line(index.keyword.span.end);
            std::vector<std::pair<Span, Cells>> rows;
            for (const auto& l1 : index.categories)
                for (const auto& l2 : l1.children)
                    for (const auto& ind : l2.indicators)
                        rows.push_back({ind.span, indicator_cells(ind)});
            std::vector<int> index_widths = column_widths(rows);
            for (const auto& l1 : index.categories)
                category1(l1, index_widths, 2);
            comments_before(index.span.end, 2);
            line(1, "}\n");
        }

        if (p.total) {
            std::string s = p.total->keyword.text;
            if (p.total->weight) s += " " + number_cell(p.total->weight);
            if (p.total->score) s += " " + number_cell(p.total->score);
            statement(1, p.total->span, s);
        }
        if (p.grade)
            statement(1, p.grade->span, p.grade->keyword.text + " " + p.grade->number.text);
        text_stmt(p.conclusion);
        text_stmt(p.problems);
        text_stmt(p.measures);
        for (const auto& u : p.unplaced)
            statement(1, u.span, u.keyword.text + " " + u.label.raw + " " + u.value.raw);
        comments_before(p.span.end, 1);
        line(0, "}\n");
    }

    void disclosure(const ast::Disclosure& d) {
        comments_before(d.span.begin, 0);
        line(0, d.keyword.text + " " + d.name.raw + " {");
        end_line(d.name.span.end);
        if (d.year) statement(1, d.year->span, d.year->keyword.text + " " + d.year->number.text);
        std::vector<std::pair<Span, Cells>> rows;
        for (const auto& c : d.claims) {
            Cells cells;
            cells.push_back(c.keyword.text + (c.grade ? " " + c.grade->text : ""));
            cells.push_back(c.figure.text + (c.unit ? c.unit->text : "") +
                            (c.averaging ? " " + c.averaging->text : ""));
            cells.push_back(c.line ? c.line_keyword->text + " " + c.line->text : "");
            rows.push_back({c.span, std::move(cells)});
        }
        table(1, rows);
        for (const auto& t : d.tables) {
            comments_before(t.span.begin, 1);
            line(1, t.keyword.text + " {");
            end_line(t.keyword.span.end);
            std::vector<std::pair<Span, Cells>> indicators;
            for (const auto& ind : t.indicators)
                indicators.push_back({ind.span, indicator_cells(ind)});
            table(2, indicators);
            comments_before(t.span.end, 2);
            line(1, "}\n");
        }
        comments_before(d.span.end, 1);
        line(0, "}\n");
    }

    static std::vector<int> column_widths(const std::vector<std::pair<Span, Cells>>& rows) {
        std::vector<int> widths;
        for (const auto& [span, cells] : rows) {
            if (widths.size() < cells.size()) widths.resize(cells.size(), 0);
            for (std::size_t i = 0; i < cells.size(); ++i) {
                int w = width(cells[i]);
                if (w <= max_aligned_cell && cells[i].find('\n') == std::string::npos)
                    widths[i] = std::max(widths[i], w);
            }
        }
        return widths;
    }

    void aligned(int depth, Span span, const Cells& cells, const std::vector<int>& widths) {
        std::size_t last = cells.size();
        while (last > 0 && cells[last - 1].empty())
            --last;
        std::string s;
        for (std::size_t i = 0; i < last; ++i) {
            if (widths[i] == 0 && cells[i].empty()) continue; // a column empty in every row
            s += cells[i];
            if (i + 1 < last)
                s += std::string(
                    static_cast<std::size_t>(std::max(0, widths[i] - width(cells[i])) + 2), ' ');
        }
        statement(depth, span, s);
    }

    // A level-1 block at `depth` (1 in a project, 2 in its index system).
    void category1(const ast::Category& c, const std::vector<int>& widths, int depth = 1) {
        comments_before(c.span.begin, depth);
        line(depth, c.name.text + " {");
        end_line(c.name.span.end);
        for (const auto& l2 : c.children) {
            comments_before(l2.span.begin, depth + 1);
            if (l2.not_applicable && l2.indicators.empty() && !has_comment_inside(l2.span)) {
                line(depth + 1, l2.name.text + " { " + l2.not_applicable->text + " }");
                end_line(l2.span.end);
                continue;
            }
            line(depth + 1, l2.name.text + " {");
            end_line(l2.name.span.end);
            if (l2.not_applicable)
                statement(depth + 2, l2.not_applicable->span, l2.not_applicable->text);
            for (const auto& ind : l2.indicators)
                aligned(depth + 2, ind.span, indicator_cells(ind), widths);
            comments_before(l2.span.end, depth + 2);
            line(depth + 1, "}\n");
        }
        comments_before(c.span.end, depth + 1);
        line(depth, "}\n");
    }

    bool has_comment_inside(Span s) const {
        const auto& cs = file_.comments;
        return next_comment_ < cs.size() && cs[next_comment_].span.begin < s.end;
    }

    void funds(const ast::Funds& f) {
        comments_before(f.span.begin, 1);
        line(1, f.keyword.text + (f.unit ? " " + f.unit->text : "") + " {");
        end_line(f.unit ? f.unit->span.end : f.keyword.span.end);
        std::vector<std::pair<Span, Cells>> rows;
        for (const auto& r : f.rows)
            rows.push_back(
                {r.span,
                 {r.name.text, number_cell(r.initial), number_cell(r.annual), number_cell(r.spent),
                  number_cell(r.weight), number_cell(r.rate), number_cell(r.score),
                  r.reason ? r.reason->keyword.text + " " + r.reason->value.raw : ""}});
        table(2, rows);
        comments_before(f.span.end, 2);
        line(1, "}\n");
    }

    void goals(const ast::Goals& g) {
        comments_before(g.span.begin, 1);
        line(1, g.keyword.text + " {");
        end_line(g.keyword.span.end);
        if (g.expected)
            statement(2, g.expected->span, g.expected->keyword.text + " " + g.expected->value.raw);
        if (g.achieved)
            statement(2, g.achieved->span, g.achieved->keyword.text + " " + g.achieved->value.raw);
        comments_before(g.span.end, 2);
        line(1, "}\n");
    }
};

} // namespace

std::string format(const ast::File& file, std::string_view source) {
    return Printer(file, source).run();
}

} // namespace jx::format
