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
};

struct Item {
    enum class Kind { row, prose } kind = Kind::row;
    std::vector<Cell> cells; // Kind::row
    Cell prose;              // Kind::prose
    std::size_t line() const { return kind == Kind::row ? cells.front().line : prose.line; }
};

using Grid = std::vector<Item>;

// Text dumps (shared/README.md): one cell per line starting with a TAB, an empty cell a lone TAB,
// continuation lines without a TAB, a blank line ending a row.
Grid read_text_dump(const std::string& text);

// CSV as RFC 4180 (quoted fields may hold commas, quotes and line breaks); a UTF-8 BOM is skipped.
// Debian packages no C/C++ CSV library, hence this small reader. Fails on an unclosed quote.
bool read_csv(const std::string& text, Grid& grid, std::string& error);

} // namespace jx::import
