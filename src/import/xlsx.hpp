// Reading xlsx workbooks with libzip (the archive) and pugixml (its XML parts): cell texts as a
// person sees them (numbers at their displayed precision, percentages as 99.92%), formulas and
// merged ranges. Used by `jixiao import` and by the tests that read rendered workbooks back.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/grid.hpp"

namespace jx::import {

struct XlsxCell {
    std::string text;    // as displayed
    std::string formula; // without '=', empty when none
    bool is_number = false;
};

struct XlsxSheet {
    std::string name;
    std::map<std::pair<int, int>, XlsxCell> cells; // (row, col), 0-based
    std::vector<std::string> merges;               // "A1:I1"
    int rows = 0, cols = 0;
    const XlsxCell* at(const std::string& ref) const; // "H22"
};

// Fails with a message on a damaged archive, a part unpacking to more than 64 MiB, or a cell
// outside a worksheet's bounds; cells without a position follow the previous one, as in Excel.
bool read_xlsx(const std::string& path, std::vector<XlsxSheet>& sheets, std::string& error);
// The same, from the file's bytes; `path` only names it in errors.
bool read_xlsx_data(const std::string& data, const std::string& path,
                    std::vector<XlsxSheet>& sheets, std::string& error);

// The sheets as one grid, sheet after sheet, each cell located as 'Sheet'!C3; fails past
// max_grid_cells.
bool xlsx_grid(const std::vector<XlsxSheet>& sheets, Grid& grid, std::string& error);

} // namespace jx::import
