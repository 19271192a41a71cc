// The common input of every importer: a published table read as rows of cells, whatever the
// format it came in (a text dump of Word/PDF tables, CSV, XLSX). Prose between tables is kept too:
// a project's name is sometimes stated only there.
#pragma once

#include <string>
#include <vector>

namespace jx::import {

struct Cell {
    std::string text;  // as read, line breaks inside the cell kept as '\n'
    std::size_t line;  // 1-based source line (text, CSV), or row number (XLSX)
    std::string where; // "line 705", "A3" …: how a person finds the cell in the source
    // A workbook's formula whose value the file does not store (saved by a program that does not
    // calculate): its text is the formula (=SUM(H3:H11)), never a blank that shifts the row.
    bool uncalculated = false;
};

struct Item {
    enum class Kind { row, prose } kind = Kind::row;
    std::vector<Cell> cells; // Kind::row
    Cell prose;              // Kind::prose
    std::size_t line() const { return kind == Kind::row ? cells.front().line : prose.line; }
};

using Grid = std::vector<Item>;

// The most cells one source may hold. A large department's disclosure has some 20,000; the bound
// keeps a hostile or mistaken file (a CSV of commas, a sheet with a stray cell far out) from
// taking more than a few hundred megabytes. A reader stops with an error when it is passed.
inline constexpr std::size_t max_grid_cells = 1'000'000;
// The most text all the cells of one source may hold together: 64 MiB, where a department's
// disclosure has well under one. Text and CSV sources are refused past it as a whole.
inline constexpr std::size_t max_grid_text_bytes = std::size_t{64} << 20;

// Text dumps (shared/README.md): one cell per line starting with a TAB, an empty cell a lone TAB,
// continuation lines without a TAB, a blank line ending a row.
bool read_text_dump(const std::string& text, Grid& grid, std::string& error);

// CSV as RFC 4180 (quoted fields may hold commas, quotes and line breaks); a UTF-8 BOM is skipped.
// Debian packages libcsv (libcsv-dev), but its callbacks say nothing of where a field stood, and
// every cell here carries the line it started on, for the messages that point a user back to
// the source; feeding it a byte at a time to learn that would cost more than this small reader.
// Fails on an unclosed quote.
// Both readers fail past max_grid_cells.
bool read_csv(const std::string& text, Grid& grid, std::string& error);

} // namespace jx::import
