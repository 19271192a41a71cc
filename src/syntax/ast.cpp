#include "syntax/ast.hpp"

#include <fmt/format.h>

#include "base/text.hpp"

namespace jx::ast {

namespace {

class Dumper {
public:
    std::string out;

    void line(int depth, const std::string& s) {
        out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + s + '\n';
    }

    static std::string opt(const std::optional<Token>& t) { return t ? t->text : "-"; }
    static std::string num(const std::optional<NumberField>& f) {
        if (!f) return "-";
        return fmt::format("{}:{}{}", f->keyword.text, f->number.text,
                           f->unit ? "|" + f->unit->text : "");
    }
    static std::string txt(const std::optional<TextField>& f) {
        return f ? f->keyword.text + ":" + f->value.text : "-";
    }

    static std::string operand(const Operand& o) {
        switch (o.kind) {
        case Operand::Kind::quantity:
            return fmt::format("q({}{})", o.quantity.number.text,
                               o.quantity.unit ? "|" + o.quantity.unit->text : "");
        case Operand::Kind::date:
            return fmt::format("d({}:{}-{}-{}{})", o.date.token.text, o.date.year, o.date.month,
                               o.date.day, o.date.month_end ? "end" : "");
        case Operand::Kind::grade:
            return "g(" + o.word.text + ")";
        case Operand::Kind::budget:
            return "b(" + o.word.text + ")";
        }
        return "?";
    }

    static std::string value(const std::optional<ValueField>& f) {
        if (!f) return "-";
        std::string s = f->keyword.text + ":";
        if (f->value.not_applicable) return s + "n/a(" + f->value.not_applicable->text + ")";
        for (std::size_t i = 0; i < f->value.conditions.size(); ++i) {
            const Condition& c = f->value.conditions[i];
            if (i > 0) s += " " + f->value.separators[i - 1].text + " ";
            if (c.label) s += "label(" + c.label->text + ") ";
            switch (c.kind) {
            case Condition::Kind::text:
                s += "text(" + c.text.text + ")";
                break;
            case Condition::Kind::scale:
                s += "scale(" + c.scale.text + ")";
                break;
            case Condition::Kind::measured:
                if (c.prefix)
                    s += fmt::format("[{}={}]", c.prefix->token.text, cmp_symbol(c.prefix->cmp));
                if (c.low) s += operand(*c.low);
                if (c.high) s += ".." + c.range_sep->text + ".." + operand(*c.high);
                if (c.suffix)
                    s += fmt::format("[{}={}]", c.suffix->token.text, cmp_symbol(c.suffix->cmp));
                break;
            }
        }
        return s;
    }

    void category(const Category& c, int depth) {
        line(depth, fmt::format("category {}{}{}", c.name_text, c.quoted ? " (quoted)" : "",
                                c.not_applicable ? " n/a(" + c.not_applicable->text + ")" : ""));
        for (const auto& child : c.children)
            category(child, depth + 1);
        for (const auto& i : c.indicators)
            indicator(i, depth + 1);
    }

    void indicator(const Indicator& i, int depth) {
        line(depth, fmt::format("indicator {} | {} | {} | {} | {} | {}{}", i.name.text,
                                value(i.target), value(i.actual), num(i.weight), num(i.score),
                                txt(i.reason), i.not_applicable ? " | n/a" : ""));
        for (const auto& d : i.duplicate_keywords)
            line(depth + 1, "duplicate " + d.text);
    }

    void project(const Project& p) {
        line(0, fmt::format("project {} ({})", p.name.text, p.keyword.text));
        line(1, fmt::format("year {} department {} unit {} contact {} phone {}", num(p.year),
                            txt(p.department), txt(p.unit), txt(p.contact), txt(p.phone)));
        // Lines for the fields of other templates only when written, so that dumps of specs
        // without them stay as they were.
        if (p.finance_officer) line(1, "finance-officer " + txt(p.finance_officer));
        if (p.layout) line(1, "template " + txt(p.layout));
        for (const auto& h : p.head_info)
            line(1, "head " + h.label.text + " = " + h.value.text);
        for (const auto& u : p.unplaced)
            line(1, "unplaced " + u.label.text + " = " + u.value.text);
        if (p.funds) {
            line(1, fmt::format("funds {} {}", p.funds->keyword.text, opt(p.funds->unit)));
            for (const auto& r : p.funds->rows)
                line(2,
                     fmt::format("{} {} {} {} {} {} {}", r.name.text, num(r.initial), num(r.annual),
                                 num(r.spent), num(r.weight), num(r.rate), num(r.score)));
        }
        if (p.goals)
            line(1, fmt::format("goals {} | {}", txt(p.goals->expected), txt(p.goals->achieved)));
        for (const auto& c : p.categories)
            category(c, 1);
        if (p.index_system) {
            line(1, "index-system " + p.index_system->keyword.text);
            for (const auto& c : p.index_system->categories)
                category(c, 2);
        }
        if (p.goals)
            for (const auto& d : p.goals->duplicate_keywords)
                line(1, "duplicate " + d.text);
        if (p.total) {
            line(1, fmt::format("total {} {}", num(p.total->weight), num(p.total->score)));
            for (const auto& d : p.total->duplicate_keywords)
                line(1, "duplicate " + d.text);
        }
        if (p.grade) line(1, "grade " + p.grade->number.text);
        if (p.conclusion) line(1, "conclusion " + txt(p.conclusion));
        if (p.problems) line(1, "problems " + txt(p.problems));
        if (p.measures) line(1, "measures " + txt(p.measures));
        for (const auto& d : p.duplicate_keywords)
            line(1, "duplicate " + d.text);
    }

    void disclosure(const Disclosure& d) {
        line(0, fmt::format("disclosure {} {}", d.keyword.text, d.name.text));
        if (d.year) line(1, "year " + d.year->number.text);
        for (const auto& c : d.claims)
            line(1, fmt::format("claim {} {} {}{} {} line {}", c.keyword.text, opt(c.grade),
                                c.figure.text, c.unit ? "|" + c.unit->text : "", opt(c.averaging),
                                opt(c.line)));
        for (const auto& t : d.tables) {
            line(1, "table " + t.keyword.text);
            for (const auto& ind : t.indicators)
                indicator(ind, 2);
        }
        for (const auto& k : d.duplicate_keywords)
            line(1, "duplicate " + k.text);
    }
};

} // namespace

std::string dump(const File& file) {
    Dumper d;
    for (const auto& p : file.projects)
        d.project(p);
    for (const auto& disclosure : file.disclosures)
        d.disclosure(disclosure);
    // Trailing blanks are layout, not comment text: fmt drops them.
    for (const auto& c : file.comments)
        d.line(0, "comment " + std::string(text::trim(c.text)));
    return d.out;
}

} // namespace jx::ast
