#include "render/disclosure.hpp"

#include <fmt/format.h>

#include "render/html_text.hpp"

namespace jx::rendering {

namespace {

// Markdown cell text: the table's pipes and line breaks escaped.
std::string md(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += "<br>";
        else
            out += c;
    }
    return out;
}

std::string line_of(int line) {
    return line > 0 ? std::to_string(line) : "";
}

} // namespace

std::string disclosure_markdown(const DisclosureView& d) {
    std::string out = fmt::format("# {} 部门决算绩效公开核查\n\n", md(d.name));
    if (d.year) out += fmt::format("{}年度\n\n", d.year);
    out += "## 正文中的说法\n\n| 说法 | 公开值 | 核算值 | 结论 | 原文行 |\n|---|---|---|---|---|\n";
    for (const auto& c : d.claims)
        out +=
            fmt::format("| {} | {} | {} | {} | {} |\n", md(c.what), md(c.claimed), md(c.computed),
                        c.verdict.empty() ? "未见矛盾" : md(c.verdict), line_of(c.line));
    for (const auto& n : d.notes)
        out += "\n> " + md(n) + "\n";
    for (const auto& t : d.tables) {
        out += fmt::format("\n## {}\n\n", md(t.title));
        out += t.results ? "| 指标 | 计划值 | 完成值 | 偏差原因 |\n|---|---|---|---|\n"
                         : "| 指标 | 指标值 | 权重 |\n|---|---|---|\n";
        for (const auto& r : t.rows)
            out += t.results
                       ? fmt::format("| {} | {} | {} | {} |\n", md(r.name), md(r.target),
                                     md(r.actual), md(r.reason))
                       : fmt::format("| {} | {} | {} |\n", md(r.name), md(r.target), md(r.weight));
    }
    if (!d.table_findings.empty()) {
        out += "\n";
        for (const auto& f : d.table_findings)
            out += "- " + md(f) + "\n";
    }
    out += fmt::format("\n## 同目录的项目支出绩效自评表（{} 张）\n\n", d.projects.size());
    if (!d.projects.empty()) {
        out += "| 项目 | 自报总分 | 重算总分 | 错误 | 警告 | 文件 |\n|---|---|---|---|---|---|\n";
        for (const auto& p : d.projects)
            out +=
                fmt::format("| {} | {} | {} | {} | {} | {} |\n", md(p.name), md(p.reported_total),
                            md(p.recomputed_total), p.errors, p.warnings, md(p.file));
    }
    return out;
}

std::string disclosure_html(const DisclosureView& d) {
    std::string out = html_head(d.name + " — 部门决算绩效公开核查");
    out += fmt::format("<h1>{}</h1>\n<p class=\"year\">部门决算绩效公开核查{}</p>\n",
                       html_escape(d.name), d.year ? fmt::format("（{}年度）", d.year) : "");
    out += "<h2>正文中的说法</h2>\n<table class=\"summary\"><tr><th>说法</th><th>公开值</th>"
           "<th>核算值</th><th>结论</th><th>原文行</th></tr>\n";
    for (const auto& c : d.claims)
        out +=
            fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        c.wrong ? " class=\"wrong\"" : "", html_escape(c.what),
                        html_escape(c.claimed), html_escape(c.computed),
                        c.verdict.empty() ? "未见矛盾" : html_escape(c.verdict), line_of(c.line));
    out += "</table>\n";
    if (!d.notes.empty()) {
        out += "<ul class=\"notes\">\n";
        for (const auto& n : d.notes)
            out += "<li>" + html_escape(n) + "</li>\n";
        out += "</ul>\n";
    }
    for (const auto& t : d.tables) {
        out += fmt::format("<h2>{}</h2>\n<table class=\"summary\">", html_escape(t.title));
        out += t.results ? "<tr><th>指标</th><th>计划值</th><th>完成值</th><th>偏差原因</th></tr>\n"
                         : "<tr><th>指标</th><th>指标值</th><th>权重</th></tr>\n";
        for (const auto& r : t.rows)
            out += t.results
                       ? fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                                     html_escape(r.name), html_escape(r.target),
                                     html_escape(r.actual), html_escape(r.reason))
                       : fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                                     html_escape(r.name), html_escape(r.target),
                                     html_escape(r.weight));
        out += "</table>\n";
    }
    if (!d.table_findings.empty()) {
        out += "<ul class=\"notes\">\n";
        for (const auto& f : d.table_findings)
            out += "<li>" + html_escape(f) + "</li>\n";
        out += "</ul>\n";
    }
    out += fmt::format("<h2>同目录的项目支出绩效自评表（{} 张）</h2>\n", d.projects.size());
    if (!d.projects.empty()) {
        out += "<table class=\"summary\"><tr><th>项目</th><th>自报总分</th><th>重算总分</th>"
               "<th>错误</th><th>警告</th></tr>\n";
        for (const auto& p : d.projects)
            out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                               html_escape(p.name), html_escape(p.reported_total),
                               html_escape(p.recomputed_total), p.errors, p.warnings);
        out += "</table>\n";
    }
    return out + "</body>\n</html>\n";
}

} // namespace jx::rendering
