// The official 项目支出绩效自评表 as a grid of cells with merges, built once from a project and
// its scoring result; the xlsx, html, markdown and csv writers only put it on paper.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "model/project.hpp"
#include "scoring/engine.hpp"
#include "templates/template.hpp"

namespace jx::rendering {

enum class Scores { reported, recomputed, both };

enum class Style { title, subtitle, label, header, text, number, total };

struct Cell {
    int row = 0, col = 0, rows = 1, cols = 1;
    std::string text;              // what the cell shows
    std::optional<Decimal> number; // set when the cell is a number (numbers stay numbers in xlsx)
    bool percent = false;          // a rate: number is a fraction, text a percentage
    std::string formula;           // "SUM(H8:H20)", with its value cached in `number`
    Style style = Style::text;
    bool mismatch = false; // the reported figure is not the recomputed one
    std::string aside;     // shown beside a mismatch: "重算 85", "自报 95"
};

struct Layout {
    std::string project;
    int year = 0;
    int columns = 9;
    int rows = 0;
    std::vector<Cell> cells;
    std::vector<int> widths;        // per column, in display columns (CJK counts two)
    std::vector<std::string> notes; // findings shown under the table
};

// Adds a cell to a layout (the builders of both layouts place their cells through these).
Cell& add_text(Layout& layout, int row, int col, std::string text, Style style, int rows = 1,
               int cols = 1);
// A number cell: its text as shown, its value kept exact for xlsx.
Cell& add_number(Layout& layout, int row, int col, const Decimal& value, std::string shown,
                 int cols = 1);

Layout build_layout(const model::Project& project, const scoring::ProjectResult& result,
                    Scores scores);

// The same in a template's layout (templates/template.hpp): its blocks, headings with their points
// (预算执行情况(10分)), its columns (a target in three) and `/` where it puts it. The default
// template, or none, is the layout above. Scores are shown as reported.
Layout build_layout(const model::Project& project, const scoring::ProjectResult& result,
                    Scores scores, const templates::Template* layout);

// The table's title as its template prints it (部门预算项目支出绩效自评表): the layout's title
// cell.
std::string layout_title(const Layout& layout);

// Column letters as spreadsheets write them: 0 → A, 8 → I.
std::string column_name(int col);

} // namespace jx::rendering
