// Reading PDF documents with MuPDF: a page's characters with their positions and the page's ruling
// lines give its tables, as a lattice (the approach of Camelot's lattice mode and Tabula's ruled
// extraction, here from the drawn lines themselves rather than a rendered image).
#pragma once

#include <string>
#include <vector>

#include "import/grid.hpp"

namespace jx::import {

// A PDF at most this large is read (a department's disclosure is a few megabytes).
inline constexpr std::size_t max_pdf_bytes = std::size_t{256} << 20;
// At most this many pages, and MuPDF given at most this much memory: a hostile file (a huge
// page, a stream that inflates to gigabytes) is refused when it would take more.
inline constexpr int max_pdf_pages = 5000;
inline constexpr std::size_t max_pdf_memory = std::size_t{768} << 20;

// Each table found by its ruling lines becomes rows of cells as the text dumps give them
// (../shared/README.md): a cell spanning columns once, a cell continuing a span from the row above
// as an empty cell, the lines of a cell joined by '\n' where the text broke (a line that only
// wrapped at the cell's edge is joined again). A table's header repeated at the top of the next
// page is read once. Text outside tables becomes prose, a line each, in reading order. Cells are
// located as "page 2, table 1, row 5, cell 3"; a cell's line is the item's number.
// Fails on a damaged or encrypted file, on a document with no text layer at all (a scan: no
// optical recognition is attempted), and past the budgets above or max_grid_cells; `notes` say
// which pages, if any, are images without text.
bool read_pdf_data(const std::string& data, const std::string& path, Grid& grid,
                   std::vector<std::string>& notes, std::string& error);

} // namespace jx::import
