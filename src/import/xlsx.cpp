#include "import/xlsx.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "base/decimal.hpp"
#include "base/i18n.hpp"
#include "base/text.hpp"
#include "import/ooxml.hpp"

namespace jx::import {
namespace {

// Bounds that keep a damaged or hostile workbook from exhausting memory or time. Real
// disclosures are far below them: a department's workbook unpacks to a few megabytes.
constexpr int max_rows = 1048576, max_cols = 16384; // a worksheet's bounds (ECMA-376)
// The significant digits Excel shows of a number (and keeps of one typed in).
constexpr int excel_digits = 15;

bool parse(const std::string& xml, pugi::xml_document& doc, std::string& why) {
    return parse_xml(xml, doc, why);
}

// "C3" → (2, 2); nullopt unless it is a reference inside a worksheet's bounds.
std::optional<std::pair<int, int>> cell_ref(std::string_view r) {
    int col = 0, row = 0;
    std::size_t i = 0;
    for (; i < r.size() && r[i] >= 'A' && r[i] <= 'Z'; ++i) {
        col = col * 26 + (r[i] - 'A' + 1);
        if (col > max_cols) return std::nullopt;
    }
    std::size_t digits = i;
    for (; i < r.size() && r[i] >= '0' && r[i] <= '9'; ++i) {
        row = row * 10 + (r[i] - '0');
        if (row > max_rows) return std::nullopt;
    }
    if (col == 0 || row == 0 || i == digits || i != r.size()) return std::nullopt;
    return std::pair{row - 1, col - 1};
}

std::string col_letters(int col) {
    std::string s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

struct NumberStyle {
    bool percent = false;
    int decimals = -1; // -1: as stored
    // Dates and times are stored as day numbers: 45291 is what Excel shows as 2023/12/31.
    enum class Kind { number, date, date_time, time } kind = Kind::number;
};

// The built-in formats that show dates or times (ECMA-376 18.8.30; 27–36 and 50–58 are the East
// Asian ones, of which 32–35 are times).
NumberStyle::Kind builtin_kind(int id) {
    using Kind = NumberStyle::Kind;
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return Kind::date;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
        return Kind::time;
    return id == 22 ? Kind::date_time : Kind::number;
}

// Whether a format code shows a date, a time or both: its y, m, d, h and s outside quoted text,
// escaped characters and [colour] or [$-804] sections.
NumberStyle::Kind code_kind(const std::string& code) {
    bool year_or_day = false, month = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string::npos) break;
        } else if (c == '[') {
            i = code.find(']', i + 1);
            if (i == std::string::npos) break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i; // the next character is literal (or padding)
        } else if (c == 'y' || c == 'd') {
            year_or_day = true;
        } else if (c == 'm') {
            month = true;
        } else if (c == 'h' || c == 's') {
            time = true;
        }
    }
    bool date = year_or_day || (month && !time); // m beside h or s is minutes
    using Kind = NumberStyle::Kind;
    return date && time ? Kind::date_time : date ? Kind::date : time ? Kind::time : Kind::number;
}

// Decimals and percent from a format code such as "0.00%"; General keeps the stored digits.
NumberStyle style_of(const std::string& code) {
    NumberStyle s;
    if (code.empty() || code == "General") return s;
    s.kind = code_kind(code);
    s.percent = code.find('%') != std::string::npos;
    std::size_t dot = code.find('.');
    s.decimals = 0;
    if (dot != std::string::npos)
        for (std::size_t i = dot + 1; i < code.size() && code[i] == '0'; ++i)
            ++s.decimals;
    return s;
}

// A stored number ("2.675", "7.0000000000000007E-2") times 10^shift, in plain notation, exactly:
// the point is moved in the digits, never through a binary double. nullopt when not a number.
std::optional<std::string> plain_number(std::string_view s, int shift) {
    bool negative = false;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    std::string digits;
    long point = -1; // digits before the point
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9')
            digits += s[i];
        else if (s[i] == '.' && point < 0)
            point = static_cast<long>(digits.size());
        else
            break;
    }
    if (digits.empty()) return std::nullopt;
    if (point < 0) point = static_cast<long>(digits.size());
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool neg_exp = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg_exp = s[i++] == '-';
        long e = 0;
        std::size_t start = i;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            if ((e = e * 10 + (s[i] - '0')) > 400) return std::nullopt; // beyond any double
        if (i == start) return std::nullopt;
        point += neg_exp ? -e : e;
    }
    if (i != s.size()) return std::nullopt;
    point += shift;
    long n = static_cast<long>(digits.size());
    if (point <= 0) { // 0.00ddd: zeros in front, one before the point
        digits.insert(0, static_cast<std::size_t>(1 - point), '0');
        n += 1 - point;
        point = 1;
    }
    if (point > n) digits.append(static_cast<std::size_t>(point - n), '0');
    std::string whole = digits.substr(0, static_cast<std::size_t>(point));
    std::string frac = digits.substr(static_cast<std::size_t>(point));
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    while (!frac.empty() && frac.back() == '0')
        frac.pop_back();
    std::string out = negative ? "-" + whole : whole;
    return frac.empty() ? out : out + "." + frac;
}

// `plain` ("-2.675") rounded half away from zero to `decimals` places, as Excel displays it.
std::string round_plain(const std::string& plain, int decimals) {
    bool negative = !plain.empty() && plain[0] == '-';
    std::string body = negative ? plain.substr(1) : plain;
    std::size_t dot = body.find('.');
    std::string whole = dot == std::string::npos ? body : body.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : body.substr(dot + 1);
    auto places = static_cast<std::size_t>(decimals);
    bool up = frac.size() > places && frac[places] >= '5';
    frac.resize(places, '0');
    std::string kept = whole + frac;
    if (up) {
        std::size_t k = kept.size();
        while (k > 0 && kept[k - 1] == '9')
            kept[--k] = '0';
        if (k == 0)
            kept.insert(kept.begin(), '1');
        else
            ++kept[k - 1];
    }
    std::string out = kept.substr(0, kept.size() - places);
    if (places > 0) out += "." + kept.substr(kept.size() - places);
    bool zero = kept.find_first_not_of('0') == std::string::npos;
    return negative && !zero ? "-" + out : out;
}

// A day number as the date (and time) it stands for, in the spec's notation: 2023-12-31,
// 2023-12-31 14:30, 14:30. nullopt when it is no day number of Excel's (negative, past 9999).
std::optional<std::string> show_date(const std::string& plain, NumberStyle::Kind kind,
                                     bool date1904) {
    auto value = Decimal::parse(plain);
    if (!value || value->is_negative() || *value >= Decimal::from_int(2958466)) return std::nullopt;
    Decimal whole = value->rescaled(0);
    if (whole > *value) whole = whole - Decimal::from_int(1); // rescaled rounds; floor wanted
    auto minutes =
        static_cast<long long>(((*value - whole) * Decimal::from_int(1440)).rescaled(0).mantissa());
    auto days = static_cast<long long>(whole.mantissa());
    if (minutes == 1440) { // 23:59:30 and later round up to the next day
        ++days;
        minutes = 0;
    }
    std::string time = fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
    if (kind == NumberStyle::Kind::time) return time;
    std::string date;
    if (!date1904 && days == 60) {
        date = "1900-02-29"; // Excel's day that never was (Lotus 1-2-3 took 1900 for a leap year)
    } else {
        // Day 1 is 1900-01-01 (day 0 is 1904-01-01 in a 1904 workbook); past the fictitious
        // 29 February every day number is one too many.
        namespace chr = std::chrono;
        chr::sys_days epoch = date1904 ? chr::sys_days{chr::year{1904} / 1 / 1}
                                       : chr::sys_days{chr::year{1899} / 12 / 31};
        chr::year_month_day ymd{epoch + chr::days{date1904 || days < 60 ? days : days - 1}};
        int y = static_cast<int>(ymd.year());
        unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
        date = fmt::format("{:04}-{:02}-{:02}", y, m, d);
    }
    return kind == NumberStyle::Kind::date_time ? date + " " + time : date;
}

// `plain` rounded half away from zero to `digits` significant digits, trailing zeros of the
// fraction dropped: what Excel and LibreOffice show of a General cell. A tool other than Excel
// (openpyxl, libxlsxwriter, LibreOffice) stores 9.3 as the shortest double that reads back,
// 9.300000000000001 when the figure was computed; Excel keeps 15 digits, and so does this.
std::string round_significant(const std::string& plain, int digits) {
    const bool negative = !plain.empty() && plain[0] == '-';
    const std::string body = negative ? plain.substr(1) : plain;
    const std::size_t dot = body.find('.');
    const std::size_t first = body.find_first_of("123456789");
    if (first == std::string::npos) return plain;
    // Places after the point that keep `digits` significant ones.
    const long lead =
        dot == std::string::npos ? static_cast<long>(body.size()) : static_cast<long>(dot);
    const long first_pos =
        static_cast<long>(first) < lead ? static_cast<long>(first) : static_cast<long>(first) - 1;
    const long places = static_cast<long>(digits) - (lead - first_pos);
    if (places < 0 || dot == std::string::npos ||
        static_cast<long>(body.size() - dot - 1) <= places)
        return plain; // nothing past the 15th digit after the point
    std::string out = round_plain(plain, static_cast<int>(places));
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    return out;
}

// The number as the cell shows it under its style; the stored text when it is not a number.
std::string show_number(const std::string& stored, const NumberStyle& s, bool date1904) {
    if (s.kind != NumberStyle::Kind::number) {
        auto plain = plain_number(stored, 0);
        if (auto shown = plain ? show_date(*plain, s.kind, date1904) : std::nullopt) return *shown;
    }
    auto plain = plain_number(stored, s.percent ? 2 : 0);
    if (!plain) return stored;
    std::string out =
        s.decimals >= 0 ? round_plain(*plain, s.decimals) : round_significant(*plain, excel_digits);
    return s.percent ? out + "%" : out;
}

// OOXML writes characters XML cannot hold as _xHHHH_ (a carriage return from Word is _x000D_)
// and a literal "_x" that would look like one as _x005F_x (ECMA-376 Part 1, 22.9.2.19
// ST_Xstring). Decoded here; a control character other than tab and line ends becomes U+FFFD.
std::string unescape_xstring(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    auto hex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && hex(s[i + 2]) && hex(s[i + 3]) &&
            hex(s[i + 4]) && hex(s[i + 5]) && s[i + 6] == '_') {
            auto c =
                static_cast<char32_t>(std::stoul(std::string(s.substr(i + 2, 4)), nullptr, 16));
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') c = 0xFFFD;
            if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD; // half of a pair: not a character
            text::append_utf8(out, c);
            i += 6;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The text of a shared or inline string: its runs, without phonetic guides (<rPh>).
std::string string_item(const pugi::xml_node& si) {
    std::string t = si.child("t").text().get();
    for (auto r : si.children("r"))
        t += r.child("t").text().get();
    return unescape_xstring(t);
}

} // namespace

const std::string& XlsxCell::text() const {
    static const std::string none;
    return shown ? *shown : none;
}

const XlsxCell* XlsxSheet::at(const std::string& ref) const {
    auto at = cell_ref(ref);
    auto it = at ? cells.find(*at) : cells.end();
    return it == cells.end() ? nullptr : &it->second;
}

bool read_xlsx_data(const std::string& data, const std::string& path,
                    std::vector<XlsxSheet>& sheets, std::string& error) {
    OoxmlPackage package(path, "xlsx", "workbook");
    if (!package.open(data, error)) return false;
    auto required = [&](const std::string& name, std::string& out) {
        return package.part(name, out, error);
    };
    // A part that may be absent (shared strings, styles), but not damaged or oversized.
    auto optional = [&](const std::string& name, std::string& out, bool& present) {
        return package.optional_part(name, out, present, error);
    };
    std::string workbook, rels, shared, styles;
    if (!required("xl/workbook.xml", workbook) || !required("xl/_rels/workbook.xml.rels", rels))
        return false;
    std::vector<std::shared_ptr<const std::string>> strings;
    bool present = false;
    if (!optional("xl/sharedStrings.xml", shared, present)) return false;
    if (present) {
        pugi::xml_document doc;
        std::string why;
        if (!parse(shared, doc, why)) {
            error = trf("{}: the shared strings cannot be read: {}", path, why);
            return false;
        }
        for (auto si : doc.child("sst").children("si"))
            strings.push_back(std::make_shared<const std::string>(string_item(si)));
    }
    // Cell style index → number style.
    std::vector<NumberStyle> xf_styles;
    if (!optional("xl/styles.xml", styles, present)) return false;
    if (present) {
        // Without them a percentage would show as its stored fraction: an error, not a guess.
        pugi::xml_document doc;
        std::string why;
        if (!parse(styles, doc, why)) {
            error = trf("{}: the number styles cannot be read: {}", path, why);
            return false;
        }
        std::map<int, std::string> codes{{9, "0%"}, {10, "0.00%"}, {2, "0.00"}, {1, "0"}};
        for (auto f : doc.child("styleSheet").child("numFmts").children("numFmt"))
            codes[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
        for (auto xf : doc.child("styleSheet").child("cellXfs").children("xf")) {
            int id = xf.attribute("numFmtId").as_int();
            NumberStyle style = style_of(codes.count(id) ? codes[id] : std::string());
            if (!codes.count(id)) style.kind = builtin_kind(id);
            xf_styles.push_back(style);
        }
    }
    pugi::xml_document wb, rl;
    std::string why;
    if (!parse(workbook, wb, why) || !parse(rels, rl, why)) {
        error = trf("{}: the workbook's list of sheets cannot be read: {}", path, why);
        return false;
    }
    std::size_t cells = 0, text_bytes = 0; // over all sheets, bounded like any source
    // Day numbers count from 1904-01-01 in workbooks made so (old Mac Excel), else from 1900.
    std::string epoch = wb.child("workbook").child("workbookPr").attribute("date1904").value();
    bool date1904 = epoch == "1" || epoch == "true";
    std::map<std::string, std::string> targets;
    for (auto r : rl.child("Relationships").children("Relationship"))
        targets[r.attribute("Id").value()] = r.attribute("Target").value();
    for (auto s : wb.child("workbook").child("sheets").children("sheet")) {
        XlsxSheet sheet;
        sheet.name = s.attribute("name").value();
        std::string target = targets[s.attribute("r:id").value()];
        if (target.rfind("/", 0) == 0)
            target = target.substr(1);
        else
            target = "xl/" + target;
        std::string xml, problem;
        if (!package.read(target, xml, problem)) {
            error = trf("{}: sheet \"{}\" cannot be read: {}", path, sheet.name, problem);
            return false;
        }
        pugi::xml_document doc;
        if (!parse(xml, doc, why)) {
            error = trf("{}: sheet \"{}\" cannot be read: {}", path, sheet.name, why);
            return false;
        }
        auto ws = doc.child("worksheet");
        // Rows and cells may leave out their position (r): they then follow the previous one.
        int r = -1;
        for (auto row : ws.child("sheetData").children("row")) {
            auto row_attr = row.attribute("r");
            if (row_attr) {
                unsigned long long n = row_attr.as_ullong();
                if (n == 0 || n > static_cast<unsigned long long>(max_rows)) {
                    error = trf("{}: sheet \"{}\" has a row numbered \"{}\", outside a "
                                "worksheet's {} rows",
                                path, sheet.name, row_attr.value(), max_rows);
                    return false;
                }
                r = static_cast<int>(n) - 1;
            } else if (++r >= max_rows) {
                error = trf("{}: sheet \"{}\" has more than {} rows", path, sheet.name, max_rows);
                return false;
            }
            int col = -1;
            for (auto c : row.children("c")) {
                auto ref_attr = c.attribute("r");
                if (ref_attr) {
                    auto at = cell_ref(ref_attr.value());
                    if (!at) {
                        error = trf("{}: sheet \"{}\" has a cell at \"{}\", which is not "
                                    "a cell of a worksheet (A1 to XFD1048576)",
                                    path, sheet.name, ref_attr.value());
                        return false;
                    }
                    r = at->first;
                    col = at->second;
                } else if (++col >= max_cols) {
                    error = trf("{}: sheet \"{}\" has a row of more than {} cells", path,
                                sheet.name, max_cols);
                    return false;
                }
                XlsxCell cell;
                std::string type = c.attribute("t").value();
                std::string v = c.child("v").text().get();
                cell.formula = c.child("f").text().get();
                if (type == "s") {
                    std::size_t idx = static_cast<std::size_t>(c.child("v").text().as_ullong());
                    if (idx < strings.size()) cell.shown = strings[idx];
                } else if (type == "inlineStr") {
                    cell.shown = std::make_shared<const std::string>(string_item(c.child("is")));
                } else if (type == "str") {
                    cell.shown = std::make_shared<const std::string>(unescape_xstring(v));
                } else if (type == "b" || type == "e") {
                    cell.shown = std::make_shared<const std::string>(v);
                } else if (!v.empty()) {
                    std::size_t xf = static_cast<std::size_t>(c.attribute("s").as_uint());
                    cell.shown = std::make_shared<const std::string>(show_number(
                        v, xf < xf_styles.size() ? xf_styles[xf] : NumberStyle{}, date1904));
                    cell.is_number = true;
                }
                if (c.child("f") && v.empty() && type != "inlineStr") {
                    cell.uncalculated = true;
                    cell.shown = std::make_shared<const std::string>(
                        "=" + (cell.formula.empty() ? std::string("…") : cell.formula));
                }
                if (cell.text().empty() && cell.formula.empty()) continue;
                if (++cells > max_grid_cells) {
                    error = trf("{}: the workbook holds more than {} cells, more than "
                                "jixiao imports from one source",
                                path, max_grid_cells);
                    return false;
                }
                text_bytes += cell.text().size();
                if (text_bytes > max_grid_text_bytes) {
                    error =
                        trf("{}: the workbook's cells show more than {} bytes of text in all (a "
                            "shared string counted for each cell that shows it), the budget jixiao "
                            "gives one source; at sheet \"{}\", cell {}{}",
                            path, max_grid_text_bytes, sheet.name, col_letters(col), r + 1);
                    return false;
                }
                sheet.rows = std::max(sheet.rows, r + 1);
                sheet.cols = std::max(sheet.cols, col + 1);
                sheet.cells[{r, col}] = std::move(cell);
            }
        }
        for (auto m : ws.child("mergeCells").children("mergeCell"))
            sheet.merges.push_back(m.attribute("ref").value());
        sheets.push_back(std::move(sheet));
    }
    return true;
}

bool read_xlsx(const std::string& path, std::vector<XlsxSheet>& sheets, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = trf("cannot read {}", path);
        return false;
    }
    std::string data;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
        data.append(buf, n);
    std::fclose(f);
    return read_xlsx_data(data, path, sheets, error);
}

bool xlsx_grid(const std::vector<XlsxSheet>& sheets, Grid& grid, std::string& error) {
    std::size_t line = 0, cells = 0;
    for (const auto& s : sheets) {
        // Only the rows that hold something, each as wide as the sheet's widest: a table's
        // columns keep their positions. Bounded, so that one stray cell far out cannot make
        // every row millions of cells wide.
        std::size_t filled_rows = 0;
        for (auto it = s.cells.begin(); it != s.cells.end();
             it = s.cells.lower_bound({it->first.first + 1, 0}))
            ++filled_rows;
        std::size_t before = cells;
        cells += filled_rows * static_cast<std::size_t>(s.cols);
        if (cells > max_grid_cells) {
            error = trf("sheet \"{}\" spans {} rows of {} columns{}, more than the {} "
                        "cells jixiao imports from one source",
                        s.name, filled_rows, s.cols,
                        before ? tr(", with the sheets before it") : "", max_grid_cells);
            return false;
        }
        for (auto it = s.cells.begin(); it != s.cells.end();) {
            int r = it->first.first;
            Item item;
            item.cells.reserve(static_cast<std::size_t>(s.cols));
            for (int c = 0; c < s.cols; ++c) {
                std::string text;
                bool uncalculated = false;
                if (it != s.cells.end() && it->first == std::pair{r, c}) {
                    uncalculated = it->second.uncalculated;
                    text = (it++)->second.text();
                }
                item.cells.push_back({std::move(text), static_cast<std::size_t>(r + 1),
                                      fmt::format("'{}'!{}{}", s.name, col_letters(c), r + 1),
                                      uncalculated});
            }
            line = static_cast<std::size_t>(r + 1);
            bool empty = true;
            for (const auto& c : item.cells)
                if (!c.text.empty()) empty = false;
            if (!empty) grid.push_back(std::move(item));
        }
        Item sep; // a sheet ends whatever table it holds
        sep.kind = Item::Kind::prose;
        sep.prose = {"", line, trf("end of sheet '{}'", s.name)};
        grid.push_back(std::move(sep));
    }
    return true;
}

} // namespace jx::import
