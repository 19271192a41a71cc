// Writers of a Layout: each puts the same grid on its own paper.
#pragma once

#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "render/layout.hpp"

namespace jx::rendering {

// CSV (RFC 4180, UTF-8 with BOM so that spreadsheets read the Chinese): one line per grid row,
// a merged cell's text in its top-left cell. `jixiao import` reads it back.
std::string to_csv(const Layout& layout);

// Markdown: the same rows as a table, mismatches in bold with the recomputed figure.
std::string to_markdown(const Layout& layout);

// One self-contained HTML table (no network), for the page writers below.
std::string html_table(const Layout& layout, const std::string& id);

// A print-ready page (A4) with one project's table.
std::string html_page(const Layout& layout);

struct ReportFinding {
    bool error = true; // else a warning
    std::string code, message;
};

struct ReportEntry {
    Layout layout;
    std::string file;
    std::string grade;          // recomputed grade; empty when the total is not possible
    std::string reported_total; // as written, "" when not stated
    std::string recomputed_total;
    Decimal recomputed_value;
    // The recomputed total is within the table's total weight: a total above it (weights that
    // add up to 110) is no score, and earns no grade.
    bool total_possible = true;
    std::string total_weight;
    std::vector<ReportFinding> findings;
};

// A report over many projects: totals, the grade and score distributions as inline SVG, the
// findings grouped by code, each linking to its project's table further down the page.
std::string html_report(const std::vector<ReportEntry>& entries);

// An xlsx workbook with one sheet per layout, written at `path` (the caller writes it into a
// private directory and renames it into place). Sheet names are made to fit Excel's rules;
// characters that XML cannot hold are replaced, each such cell named in `warnings` ("cell B3 of
// …").
bool write_xlsx(const std::vector<Layout>& layouts, const std::string& path, std::string& error,
                std::vector<std::string>& warnings);

} // namespace jx::rendering
