// Reading Word 2007+ documents (.docx, ECMA-376 WordprocessingML) with libzip and pugixml: the
// body's paragraphs and tables in document order, as the common grid (import/grid.hpp).
#pragma once

#include <string>

#include "import/grid.hpp"

namespace jx::import {

// Each paragraph outside a table is a prose item; each table row is a row of cells as the text
// dumps give them (../shared/README.md): a cell spanning columns (gridSpan) once, a cell that
// continues a vertical merge (vMerge) as an empty cell, a cell's paragraphs joined by line
// breaks, a table nested in a cell as its text. Rows repeated as a page's header (tblHeader)
// after the first page are read once. Every cell is located as "table 2, row 5, cell 3"; its
// line is the item's number in the document. Fails on a damaged archive or a budget passed
// (import/ooxml.hpp), and past max_grid_cells.
bool read_docx_data(const std::string& data, const std::string& path, Grid& grid,
                    std::string& error);

} // namespace jx::import
