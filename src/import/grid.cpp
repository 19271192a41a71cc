#include "import/grid.hpp"

#include <string_view>

#include "base/i18n.hpp"
#include <fmt/format.h>

namespace jx::import {
namespace {

std::string too_many_cells(std::size_t line) {
    return trf("line {} holds cell number {}, more than the {} jixiao imports from one "
               "source; split the file",
               line, max_grid_cells + 1, max_grid_cells);
}

} // namespace

bool read_text_dump(const std::string& text, Grid& grid, std::string& error) {
    Item row;
    std::size_t cells = 0;
    bool in_row = false;
    std::size_t line_no = 0, pos = 0;
    auto end_row = [&] {
        if (in_row && !row.cells.empty()) grid.push_back(std::move(row));
        row = Item{};
        in_row = false;
    };
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        ++line_no;
        pos = nl + 1;
        if (!line.empty() && line[0] == '\t') {
            if (++cells > max_grid_cells) {
                error = too_many_cells(line_no);
                return false;
            }
            in_row = true;
            row.kind = Item::Kind::row;
            row.cells.push_back({line.substr(1), line_no, trf("line {}", line_no)});
        } else if (line.find_first_not_of(' ') == std::string::npos) {
            end_row(); // a blank line ends a row
        } else if (in_row) {
            row.cells.back().text += "\n" + line; // a cell spanning several lines
        } else {
            Item prose;
            prose.kind = Item::Kind::prose;
            prose.prose = {line, line_no, trf("line {}", line_no)};
            grid.push_back(std::move(prose));
        }
        if (nl == text.size()) break;
    }
    end_row();
    return true;
}

bool read_csv(const std::string& text, Grid& grid, std::string& error) {
    std::size_t i = 0, line = 1, record = 1;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;
    Item row;
    std::string field;
    std::size_t field_line = 1;
    bool quoted = false, field_started = false;
    std::size_t cells = 0;
    auto end_field = [&] {
        if (++cells > max_grid_cells) return false;
        // An apostrophe before =, +, - or @ is a writer's guard against formula injection
        // (jixiao render writes one): the cell's text is what follows it.
        if (field.size() > 1 && field[0] == '\'' &&
            std::string_view("=+-@\t\r").find(field[1]) != std::string_view::npos)
            field.erase(0, 1);
        row.cells.push_back(
            {field, field_line, trf("row {}, column {}", record, row.cells.size() + 1)});
        field.clear();
        field_started = false;
        field_line = line;
        return true;
    };
    auto end_record = [&] {
        if (!end_field()) return false;
        bool empty = true;
        for (const auto& c : row.cells)
            if (!c.text.empty()) empty = false;
        if (!empty) grid.push_back(std::move(row));
        row = Item{};
        ++record;
        return true;
    };
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                if (c != '\r') field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = field_started = true;
        } else if (c == ',') {
            if (!end_field()) break;
        } else if (c == '\n') {
            ++line;
            if (!end_record()) break;
        } else if (c != '\r') {
            field += c;
            field_started = true;
        }
    }
    if (cells > max_grid_cells) {
        error = too_many_cells(field_line);
        return false;
    }
    if (quoted) {
        error = trf("a quoted field opened on line {} is never closed", field_line);
        return false;
    }
    if ((!field.empty() || !row.cells.empty()) && !end_record()) {
        error = too_many_cells(field_line);
        return false;
    }
    return true;
}

} // namespace jx::import
