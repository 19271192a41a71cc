// Reading xlsx workbooks with libzip (the archive) and pugixml (its XML parts): cell texts as a
// person sees them (numbers at their displayed precision, percentages as 99.92%), formulas and
// merged ranges. Used by `jixiao import` and by the tests that read rendered workbooks back.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "import/grid.hpp"
#include "import/ooxml.hpp"

namespace jx::import {

struct XlsxCell {
    // As displayed. A shared string is held once for all the cells that show it (a workbook may
    // point 100,000 cells at one long string).
    std::shared_ptr<const std::string> shown;
    std::string formula; // without '=', empty when none
    bool is_number = false;
    // A formula (<f>) without a cached value (<v>): the workbook was saved by a program that does
    // not calculate (a script, some converters), so what the cell shows is not in the file.
    bool uncalculated = false;
    const std::string& text() const;
};

struct XlsxSheet {
    std::string name;
    std::map<std::pair<int, int>, XlsxCell> cells; // (row, col), 0-based
    std::vector<std::string> merges;               // "A1:I1"
    int rows = 0, cols = 0;
    const XlsxCell* at(const std::string& ref) const; // "H22"
};

// Budgets on what one workbook may expand to, each with an error naming it: the package's
// (import/ooxml.hpp: one part, all parts), and all cells together show at most
// max_grid_text_bytes of text, a shared string counted for every cell that shows it (as the grid
// will hold it).

// Fails with a message on a damaged archive, a budget passed, or a cell outside a worksheet's
// bounds; cells without a position follow the previous one, as in Excel.
bool read_xlsx(const std::string& path, std::vector<XlsxSheet>& sheets, std::string& error);
// The same, from the file's bytes; `path` only names it in errors.
bool read_xlsx_data(const std::string& data, const std::string& path,
                    std::vector<XlsxSheet>& sheets, std::string& error);

// The sheets as one grid, sheet after sheet, each cell located as 'Sheet'!C3; fails past
// max_grid_cells.
bool xlsx_grid(const std::vector<XlsxSheet>& sheets, Grid& grid, std::string& error);

} // namespace jx::import
