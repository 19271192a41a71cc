#include <map>

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

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string md_cell(const Cell* c) {
    if (!c) return "";
    std::string t;
    for (char ch : c->text) {
        if (ch == '|')
            t += "\\|";
        else if (ch == '\n')
            t += "<br>";
        else
            t += ch;
    }
    if (c->mismatch) t = fmt::format("**{}** ({})", t, c->aside);
    return t;
}

} // namespace

std::string to_csv(const Layout& l) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : grid(l)) {
        for (std::size_t k = 0; k < row.size(); ++k)
            out += (k ? "," : "") + csv_field(row[k] ? row[k]->text : "");
        out += "\r\n";
    }
    return out;
}

std::string to_markdown(const Layout& l) {
    auto g = grid(l);
    std::string out =
        fmt::format("# 项目支出绩效自评表{}\n\n", l.year ? fmt::format("（{}年度）", l.year) : "");
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
            out += "- " + n + "\n";
    }
    return out;
}

} // namespace jx::rendering
