#include <map>
#include <string_view>

#include <fmt/format.h>

#include "render/writers.hpp"

namespace jx::rendering {
namespace {

// The grid as rows of strings, a merged cell's text in its top-left cell.
std::vector<std::vector<const Cell*>> grid(const Layout& l) {
    std::vector<std::vector<const Cell*>> g(
        static_cast<std::size_t>(l.rows),
        std::vector<const Cell*>(static_cast<std::size_t>(l.columns), nullptr));
    for (const auto& c : l.cells)
        g[static_cast<std::size_t>(c.row)][static_cast<std::size_t>(c.col)] = &c;
    return g;
}

// A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return
// before one) gets a leading apostrophe, as OWASP recommends against CSV injection: an imported
// =HYPERLINK(...) must stay text. A figure is a figure: "-5" cannot be a formula.
std::string neutralised(const Cell* c) {
    if (!c) return "";
    const std::string& s = c->text;
    if (s.empty() || c->number) return s;
    if (std::string_view("=+-@\t\r").find(s.front()) == std::string_view::npos) return s;
    return "'" + s;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Text as Markdown shows it literally: what would start HTML (a <script> in a name, an entity)
// escaped, and Markdown's own marks; line breaks inside a cell as <br>. A "<" that cannot open a
// tag ("<= 6个月") stays as it is, so that the file reads well as text too.
std::string md_text(std::string_view s) {
    std::string t;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char ch = s[i];
        char next = i + 1 < s.size() ? s[i + 1] : '\0';
        bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        switch (ch) {
        case '<':
            t += letter || next == '/' || next == '!' || next == '?' ? "&lt;" : "<";
            break;
        case '&':
            t += letter || next == '#' ? "&amp;" : "&";
            break;
        case '\n':
            t += "<br>";
            break;
        case '|':
        case '\\':
        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
            t += '\\';
            t += ch;
            break;
        default:
            t += ch;
        }
    }
    return t;
}

std::string md_cell(const Cell* c) {
    if (!c) return "";
    std::string t = md_text(c->text);
    if (c->mismatch) t = fmt::format("**{}** ({})", t, md_text(c->aside));
    return t;
}

} // namespace

std::string to_csv(const Layout& l) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : grid(l)) {
        for (std::size_t k = 0; k < row.size(); ++k)
            out += (k ? "," : "") + csv_field(neutralised(row[k]));
        out += "\r\n";
    }
    return out;
}

std::string to_markdown(const Layout& l) {
    auto g = grid(l);
    std::string out =
        fmt::format("# {}{}\n\n", layout_title(l), l.year ? fmt::format("（{}年度）", l.year) : "");
    out += "|"; // an empty header row: the table's own rows follow
    for (int k = 0; k < l.columns; ++k)
        out += "   |";
    out += "\n|";
    for (int k = 0; k < l.columns; ++k)
        out += "---|";
    out += "\n";
    for (std::size_t r = 2; r < g.size(); ++r) {
        out += "|";
        for (const auto* c : g[r])
            out += " " + md_cell(c) + " |";
        out += "\n";
    }
    if (!l.notes.empty()) {
        out += "\n";
        for (const auto& n : l.notes)
            out += "- " + md_text(n) + "\n";
    }
    return out;
}

} // namespace jx::rendering
