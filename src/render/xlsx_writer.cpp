// The official table as an xlsx workbook, written with libxlsxwriter: merged label cells,
// numbers as numbers, the total as a live SUM with its value cached, A4 print setup.
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "render/writers.hpp"

namespace jx::rendering {
namespace {

double to_double(const Decimal& d) {
    return std::stod(d.to_string());
}

// Excel's number format for a figure written with `scale` decimals: 9.99 → "0.00".
std::string number_format(const Cell& c) {
    if (!c.number) return "@";
    int scale = c.number->scale();
    if (c.percent) {
        int places = std::max(0, scale - 2);
        return places ? "0." + std::string(static_cast<std::size_t>(places), '0') + "%" : "0%";
    }
    return scale ? "0." + std::string(static_cast<std::size_t>(scale), '0') : "0";
}

class Formats {
public:
    explicit Formats(lxw_workbook* wb) : wb_(wb) {}

    lxw_format* get(const Cell& c) {
        auto key = std::make_tuple(static_cast<int>(c.style), c.mismatch, number_format(c));
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
        lxw_format* f = workbook_add_format(wb_);
        format_set_font_name(f, "宋体");
        format_set_font_size(f, 10.5);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        switch (c.style) {
        case Style::title:
            format_set_font_size(f, 16);
            format_set_bold(f);
            format_set_align(f, LXW_ALIGN_CENTER);
            break;
        case Style::subtitle:
            format_set_align(f, LXW_ALIGN_CENTER);
            break;
        case Style::label:
        case Style::header:
        case Style::total:
            format_set_bold(f);
            format_set_align(f, LXW_ALIGN_CENTER);
            format_set_bg_color(f, 0xF2F2F2);
            format_set_border(f, LXW_BORDER_THIN);
            break;
        case Style::number:
            format_set_align(f, LXW_ALIGN_RIGHT);
            format_set_border(f, LXW_BORDER_THIN);
            format_set_num_format(f, number_format(c).c_str());
            break;
        case Style::text:
            format_set_border(f, LXW_BORDER_THIN);
            break;
        }
        if (c.mismatch) {
            format_set_bg_color(f, 0xFDE2E1);
            format_set_font_color(f, 0xA40000);
            format_set_bold(f);
        }
        cache_[key] = f;
        return f;
    }

private:
    lxw_workbook* wb_;
    std::map<std::tuple<int, bool, std::string>, lxw_format*> cache_;
};

// Sheet names as Excel requires them: 1 to 31 characters (counted in UTF-16 units, as Excel
// counts), none of []:*?/\ nor a character XML forbids (each replaced by _), no apostrophe at
// either end, not "History" (reserved), and unique without regard to case: Excel takes "abc" and
// "ABC" for one sheet. libxlsxwriter refuses any other name (and returns no sheet).
std::string sheet_name(const std::string& project, std::set<std::string>& used_folded) {
    struct Piece {
        std::string text;
        int units; // UTF-16 code units
    };
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < project.size();) {
        std::size_t start = i;
        char32_t cp = text::next_code_point(project, i);
        bool invalid = cp == 0xFFFD && i - start == 1;
        if (invalid || !text::is_xml_char(cp) || cp < 0x20 || cp == '[' || cp == ']' || cp == ':' ||
            cp == '*' || cp == '?' || cp == '/' || cp == '\\')
            pieces.push_back({"_", 1});
        else
            pieces.push_back({project.substr(start, i - start), cp > 0xFFFF ? 2 : 1});
    }
    while (!pieces.empty() && pieces.front().text == "'")
        pieces.erase(pieces.begin());
    if (pieces.empty()) pieces.push_back({"自评表", 3});
    constexpr int max_units = 31;
    for (int k = 1;; ++k) {
        std::string suffix = k == 1 ? "" : fmt::format("({})", k);
        int budget = max_units - static_cast<int>(suffix.size());
        std::string name;
        std::size_t taken = 0;
        for (int units = 0; taken < pieces.size() && units + pieces[taken].units <= budget;
             ++taken) {
            units += pieces[taken].units;
        }
        while (taken > 0 && pieces[taken - 1].text == "'") // no apostrophe at the end either
            --taken;
        for (std::size_t j = 0; j < taken; ++j)
            name += pieces[j].text;
        if (name.empty()) name = "自评表";
        name += suffix;
        std::string folded = text::case_fold(name);
        if (folded == "history" || used_folded.count(folded)) continue;
        used_folded.insert(folded);
        return name;
    }
}

// The height (in points) each row needs for its cells' text, wrapped at the column widths, where
// that is more than one line; a merged cell's lines are shared among the rows it spans.
std::map<int, double> row_heights(const Layout& l) {
    constexpr double line_height = 14.5; // 11-point text, as both office suites lay it out
    std::map<int, int> lines;            // row → lines needed
    auto wrapped_lines = [&](const Cell& c) {
        int width = 0;
        for (int k = c.col; k < c.col + c.cols && k < static_cast<int>(l.widths.size()); ++k)
            width += static_cast<int>(l.widths[static_cast<std::size_t>(k)] * 1.1);
        width = std::max(width - 1, 2);
        int n = 0;
        std::size_t start = 0;
        std::string_view t = c.text;
        while (start <= t.size()) {
            std::size_t end = t.find('\n', start);
            if (end == std::string_view::npos) end = t.size();
            int w = text::display_width(t.substr(start, end - start));
            n += std::max(1, (w + width - 1) / width);
            start = end + 1;
        }
        return n;
    };
    for (const auto& c : l.cells) {
        if (c.number || c.text.empty() || c.style == Style::title) continue;
        int need = (wrapped_lines(c) + c.rows - 1) / c.rows;
        for (int r = c.row; r < c.row + c.rows; ++r)
            lines[r] = std::max(lines[r], need);
    }
    std::map<int, double> out;
    for (const auto& [row, n] : lines)
        if (n > 1 && row > 0) out[row] = n * line_height + 2;
    return out;
}

} // namespace

bool write_xlsx(const std::vector<Layout>& layouts, const std::string& path, std::string& error,
                std::vector<std::string>& warnings) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) {
        error = trf("cannot create {}", path);
        return false;
    }
    Formats formats(wb);
    std::set<std::string> used;
    for (const auto& l : layouts) {
        std::string name = sheet_name(l.project, used);
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        if (!ws) { // sheet_name makes only names Excel takes; never go on without the sheet
            workbook_close(wb);
            error = trf("cannot write {}: libxlsxwriter refused the sheet name \"{}\"", path, name);
            return false;
        }
        // Every write is checked: libxlsxwriter refuses a string over Excel's 32,767 characters
        // a cell, and a table with an empty cell where its text should be is a wrong table.
        std::string failed; // the first write refused, for the message
        auto check = [&](lxw_error e, int row, int col, const std::string& text) {
            if (e == LXW_NO_ERROR || !failed.empty()) return;
            failed = trf("cell {}{} of \"{}\"", column_name(col), row + 1, l.project);
            if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
                failed += trf(" holds {} characters, more than the {} an xlsx cell can "
                              "(render it as html or md instead)",
                              text::code_point_count(text), 32767);
            else
                failed += std::string(": ") + lxw_strerror(e);
        };
        // XML cannot hold control characters (nor U+FFFE, U+FFFF): an xlsx with one is a corrupt
        // file. They are replaced by U+FFFD, and each cell where that happened is named.
        auto safe = [&](const std::string& text, int row, int col) {
            std::size_t replaced = 0;
            std::string out = text::xml_safe(text, &replaced);
            if (replaced)
                warnings.push_back(
                    trf("cell {}{} of \"{}\": {} character{} that an xlsx file cannot hold "
                        "(control characters) replaced by U+FFFD",
                        column_name(col), row + 1, text::xml_safe(l.project), replaced,
                        replaced == 1 ? "" : "s"));
            return out;
        };
        for (std::size_t c = 0; c < l.widths.size(); ++c)
            check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                       l.widths[c] * 1.1, nullptr),
                  0, static_cast<int>(c), "");
        check(worksheet_set_row(ws, 0, 28, nullptr), 0, 0, "");
        // Neither Excel nor LibreOffice fits a row's height to a merged cell's text, and a clipped
        // cell prints (and converts to PDF) without its hidden lines: each row is given the
        // height its cells' wrapped lines need, a merged cell's spread over its rows.
        for (const auto& [row, height] : row_heights(l))
            check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), height, nullptr), row, 0, "");
        for (const auto& c : l.cells) {
            lxw_format* f = formats.get(c);
            auto r = static_cast<lxw_row_t>(c.row);
            auto col = static_cast<lxw_col_t>(c.col);
            if (c.rows > 1 || c.cols > 1)
                check(worksheet_merge_range(ws, r, col, static_cast<lxw_row_t>(c.row + c.rows - 1),
                                            static_cast<lxw_col_t>(c.col + c.cols - 1), "", f),
                      c.row, c.col, "");
            if (!c.formula.empty() && c.number)
                check(worksheet_write_formula_num(ws, r, col, ("=" + c.formula).c_str(), f,
                                                  to_double(*c.number)),
                      c.row, c.col, c.formula);
            else if (c.number)
                check(worksheet_write_number(ws, r, col, to_double(*c.number), f), c.row, c.col,
                      "");
            else if (!c.text.empty()) {
                std::string text = safe(c.text, c.row, c.col);
                check(worksheet_write_string(ws, r, col, text.c_str(), f), c.row, c.col, text);
            } else if (c.rows == 1 && c.cols == 1)
                check(worksheet_write_blank(ws, r, col, f), c.row, c.col, "");
        }
        int note_row = l.rows + 1;
        for (const auto& n : l.notes) {
            std::string note = safe("※ " + n, note_row, 0);
            check(worksheet_write_string(ws, static_cast<lxw_row_t>(note_row), 0, note.c_str(),
                                         nullptr),
                  note_row, 0, note);
            ++note_row;
        }
        if (!failed.empty()) {
            workbook_close(wb); // frees it; the caller removes the partial file
            error = trf("cannot write {}: {}", path, failed);
            return false;
        }
        worksheet_set_paper(ws, 9); // A4
        worksheet_set_portrait(ws);
        worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
        worksheet_center_horizontally(ws);
        worksheet_fit_to_pages(ws, 1, 0);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        error = trf("cannot write {}: {}", path, lxw_strerror(e));
        return false;
    }
    return true;
}

} // namespace jx::rendering
