#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "render/html_text.hpp"
#include "render/writers.hpp"

namespace jx::rendering {

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\n':
            out += "<br>";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

std::string esc(const std::string& s) {
    return html_escape(s);
}

// Print-ready: A4, the table within the page width, CJK fonts that Debian and Windows have.
const char* style_sheet = R"(
@page { size: A4 portrait; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", SimSun, sans-serif;
       font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; }
p.year { text-align: center; margin: 0 0 4mm; }
table.jx { border-collapse: collapse; width: 100%; table-layout: fixed; page-break-inside: auto; }
table.jx td { border: 0.5pt solid #333; padding: 1.2mm 1.5mm; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
table.jx td.label, table.jx td.header, table.jx td.total { background: #f2f2f2; font-weight: bold; text-align: center; }
table.jx td.number { text-align: right; word-break: normal; overflow-wrap: anywhere; }
table.jx td.mismatch { background: #fde2e1; color: #a40000; font-weight: bold; }
table.jx td.mismatch::after { content: attr(data-aside); display: block; font-weight: normal; color: #333; font-size: 8.5pt; }
ul.notes { color: #a40000; }
table.summary { border-collapse: collapse; width: 100%; }
span.impossible { color: #a40000; font-weight: bold; }
table.summary tr.wrong td { color: #a40000; }
table.summary td, table.summary th { border-bottom: 0.5pt solid #999; padding: 1mm 2mm; text-align: left; }
svg { max-width: 100%; height: auto; }
@media print { a { color: inherit; text-decoration: none; } section.project { page-break-before: always; }
               table.jx td.mismatch::after { content: none; } }
)";

const char* css_class(Style s) {
    switch (s) {
    case Style::title:
        return "title";
    case Style::subtitle:
        return "subtitle";
    case Style::label:
        return "label";
    case Style::header:
        return "header";
    case Style::number:
        return "number";
    case Style::total:
        return "total";
    case Style::text:
        return "text";
    }
    return "text";
}

std::string head(const std::string& title) {
    return html_head(title);
}

} // namespace

std::string html_head(const std::string& title) {
    return fmt::format("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" "
                       "content=\"width=device-width\">\n<title>{}</title>\n<style>{}</style>\n"
                       "</head>\n<body>\n",
                       esc(title), style_sheet);
}

namespace {

// Bars with labels, as an inline SVG: no script, no network.
std::string bar_chart(const std::vector<std::pair<std::string, std::size_t>>& bars,
                      const std::string& caption) {
    std::size_t most = 1;
    for (const auto& [label, n] : bars)
        most = std::max(most, n);
    const int width = 640, bar_h = 22, gap = 8, left = 110, top = 28;
    int height = top + static_cast<int>(bars.size()) * (bar_h + gap) + 10;
    std::string svg =
        fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
                    "aria-label=\"{}\">\n<text x=\"0\" y=\"18\" font-size=\"14\">{}</text>\n",
                    width, height, esc(caption), esc(caption));
    int y = top;
    for (const auto& [label, n] : bars) {
        int w = static_cast<int>((width - left - 60) * n / most);
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>"
                           "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#4a6fa5\"/>"
                           "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>\n",
                           left - 8, y + 15, esc(label), left, y, std::max(w, 1), bar_h,
                           left + w + 6, y + 15, n);
        y += bar_h + gap;
    }
    return svg + "</svg>\n";
}

} // namespace

std::string html_table(const Layout& l, const std::string& id) {
    std::string out = fmt::format("<table class=\"jx\" id=\"{}\">\n<colgroup>", esc(id));
    int total_width = 0;
    for (int w : l.widths)
        total_width += w;
    for (int w : l.widths)
        out += fmt::format("<col style=\"width:{:.1f}%\">", 100.0 * w / std::max(total_width, 1));
    out += "</colgroup>\n";
    // HTML places a row's cells in document order: sort them by column.
    std::vector<const Cell*> cells;
    for (const auto& c : l.cells)
        cells.push_back(&c);
    std::stable_sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) {
        return a->row != b->row ? a->row < b->row : a->col < b->col;
    });
    for (int r = 2; r < l.rows; ++r) {
        out += "<tr>";
        for (const Cell* cp : cells) {
            const Cell& c = *cp;
            if (c.row != r) continue;
            std::string cls = css_class(c.style);
            if (c.mismatch) cls += " mismatch";
            std::string span;
            if (c.rows > 1) span += fmt::format(" rowspan=\"{}\"", c.rows);
            if (c.cols > 1) span += fmt::format(" colspan=\"{}\"", c.cols);
            // The other figure of a mismatch is shown by the style sheet, not held in the cell's
            // text: a copy of the table (into Word, a spreadsheet, jixiao import) keeps the cell's
            // figure alone.
            if (c.mismatch) span += fmt::format(" data-aside=\"{}\"", esc(c.aside));
            out += fmt::format("<td class=\"{}\"{}>{}</td>", cls, span, esc(c.text));
        }
        out += "</tr>\n";
    }
    return out + "</table>\n";
}

std::string html_page(const Layout& l) {
    const std::string title = layout_title(l);
    std::string out = head(l.project + " — " + title);
    out += "<h1>" + esc(title) + "</h1>\n";
    if (l.year) out += fmt::format("<p class=\"year\">（{}年度）</p>\n", l.year);
    out += html_table(l, "table");
    if (!l.notes.empty()) {
        out += "<ul class=\"notes\">\n";
        for (const auto& n : l.notes)
            out += "<li>" + esc(n) + "</li>\n";
        out += "</ul>\n";
    }
    return out + "</body>\n</html>\n";
}

std::string html_report(const std::vector<ReportEntry>& entries) {
    std::string out = head("项目支出绩效自评 — 汇总");
    out += fmt::format("<h1>项目支出绩效自评汇总</h1>\n<p class=\"year\">{} 个项目</p>\n",
                       entries.size());
    // Totals
    out += "<h2>各项目得分</h2>\n<table "
           "class=\"summary\"><tr><th>项目</th><th>自报总分</th><th>重算总分</th>"
           "<th>等级</th><th>错误</th><th>警告</th></tr>\n";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        std::size_t errors = 0;
        for (const auto& f : e.findings)
            errors += f.error;
        std::string recomputed = esc(e.recomputed_total);
        if (!e.total_possible)
            recomputed = fmt::format("<span class=\"impossible\">{}（超过满分 {}）</span>",
                                     recomputed, esc(e.total_weight));
        out += fmt::format("<tr><td><a href=\"#p{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>"
                           "<td>{}</td><td>{}</td></tr>\n",
                           i + 1, esc(e.layout.project), esc(e.reported_total), recomputed,
                           e.total_possible ? esc(e.grade) : "不评", errors,
                           e.findings.size() - errors);
    }
    out += "</table>\n";
    // Distributions: grades and totals of the possible totals only; the others counted apart.
    const char* grade_names[] = {"优秀", "良好", "一般", "较差"};
    std::map<std::string, std::size_t> grades;
    std::vector<std::pair<std::string, std::size_t>> score_bins{
        {"90–100", 0}, {"80–90", 0}, {"60–80", 0}, {"<60", 0}, {"超过满分", 0}};
    const Decimal ninety = Decimal::from_int(90), eighty = Decimal::from_int(80),
                  sixty = Decimal::from_int(60);
    for (const auto& e : entries) {
        if (!e.total_possible) {
            ++score_bins[4].second;
            continue;
        }
        ++grades[e.grade];
        const Decimal& t = e.recomputed_value;
        ++score_bins[!(t < ninety) ? 0 : !(t < eighty) ? 1 : !(t < sixty) ? 2 : 3].second;
    }
    std::vector<std::pair<std::string, std::size_t>> grade_bars;
    for (const char* g : grade_names)
        grade_bars.emplace_back(g, grades[g]);
    out += "<h2>等级与得分分布</h2>\n" + bar_chart(grade_bars, "重算等级") +
           bar_chart(score_bins, "重算总分");
    // Findings by code, errors apart from warnings
    for (bool errors : {true, false}) {
        std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> by_code;
        for (std::size_t i = 0; i < entries.size(); ++i)
            for (const auto& f : entries[i].findings)
                if (f.error == errors) by_code[f.code].emplace_back(i, f.message);
        out += errors ? "<h2>错误（按类别）</h2>\n" : "<h2>警告（按类别）</h2>\n";
        if (by_code.empty()) out += "<p>无</p>\n";
        for (const auto& [code, list] : by_code) {
            out += fmt::format("<h3>{} ({})</h3>\n<ul>\n", esc(code), list.size());
            for (const auto& [i, message] : list)
                out += fmt::format("<li><a href=\"#p{}\">{}</a>: {}</li>\n", i + 1,
                                   esc(entries[i].layout.project), esc(message));
            out += "</ul>\n";
        }
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& l = entries[i].layout;
        out += fmt::format("<section class=\"project\" id=\"p{}\">\n<h2>{}</h2>\n", i + 1,
                           esc(l.project));
        out += html_table(l, fmt::format("t{}", i + 1)) + "</section>\n";
    }
    return out + "</body>\n</html>\n";
}

} // namespace jx::rendering
