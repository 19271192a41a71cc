#include "import/xlsx.hpp"

#include <cmath>
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

namespace jx::import {
namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_close(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

// Reads one member of the archive; false when it is absent.
bool member(zip_t* z, const std::string& name, std::string& out) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name.c_str(), 0, &st) != 0) return false;
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    if (!f) return false;
    out.resize(static_cast<std::size_t>(st.size));
    zip_int64_t n = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    return n == static_cast<zip_int64_t>(st.size);
}

bool parse(const std::string& xml, pugi::xml_document& doc) {
    return static_cast<bool>(doc.load_buffer(xml.data(), xml.size()));
}

// "C3" → (2, 2)
std::pair<int, int> cell_ref(const std::string& r) {
    int col = 0, row = 0;
    std::size_t i = 0;
    for (; i < r.size() && r[i] >= 'A' && r[i] <= 'Z'; ++i)
        col = col * 26 + (r[i] - 'A' + 1);
    for (; i < r.size() && r[i] >= '0' && r[i] <= '9'; ++i)
        row = row * 10 + (r[i] - '0');
    return {row - 1, col - 1};
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
};

// Decimals and percent from a format code such as "0.00%"; General keeps the stored digits.
NumberStyle style_of(const std::string& code) {
    NumberStyle s;
    if (code.empty() || code == "General") return s;
    s.percent = code.find('%') != std::string::npos;
    std::size_t dot = code.find('.');
    s.decimals = 0;
    if (dot != std::string::npos)
        for (std::size_t i = dot + 1; i < code.size() && code[i] == '0'; ++i)
            ++s.decimals;
    return s;
}

std::string show_number(const std::string& stored, const NumberStyle& s) {
    double v = std::strtod(stored.c_str(), nullptr);
    if (s.percent) v *= 100;
    std::string out = s.decimals >= 0 ? fmt::format("{:.{}f}", v, s.decimals) : stored;
    if (s.decimals < 0 && s.percent) out = fmt::format("{}", v);
    return s.percent ? out + "%" : out;
}

} // namespace

const XlsxCell* XlsxSheet::at(const std::string& ref) const {
    auto it = cells.find(cell_ref(ref));
    return it == cells.end() ? nullptr : &it->second;
}

bool read_xlsx_data(const std::string& data, const std::string& path,
                    std::vector<XlsxSheet>& sheets, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &ze);
    Zip z(src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : nullptr);
    if (!z) {
        if (src) zip_source_free(src);
        error = fmt::format("{} is not a readable xlsx file: {}", path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return false;
    }
    zip_error_fini(&ze);
    std::string workbook, rels, shared, styles;
    if (!member(z.get(), "xl/workbook.xml", workbook) ||
        !member(z.get(), "xl/_rels/workbook.xml.rels", rels)) {
        error = fmt::format("{} is not an xlsx workbook (xl/workbook.xml missing)", path);
        return false;
    }
    std::vector<std::string> strings;
    if (member(z.get(), "xl/sharedStrings.xml", shared)) {
        pugi::xml_document doc;
        if (parse(shared, doc))
            for (auto si : doc.child("sst").children("si")) {
                std::string t;
                for (auto node : si.select_nodes(".//t"))
                    t += node.node().text().get();
                strings.push_back(t);
            }
    }
    // Cell style index → number style.
    std::vector<NumberStyle> xf_styles;
    if (member(z.get(), "xl/styles.xml", styles)) {
        pugi::xml_document doc;
        if (parse(styles, doc)) {
            std::map<int, std::string> codes{{9, "0%"}, {10, "0.00%"}, {2, "0.00"}, {1, "0"}};
            for (auto f : doc.child("styleSheet").child("numFmts").children("numFmt"))
                codes[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
            for (auto xf : doc.child("styleSheet").child("cellXfs").children("xf")) {
                int id = xf.attribute("numFmtId").as_int();
                xf_styles.push_back(style_of(codes.count(id) ? codes[id] : std::string()));
            }
        }
    }
    pugi::xml_document wb, rl;
    if (!parse(workbook, wb) || !parse(rels, rl)) {
        error = fmt::format("{}: the workbook's XML cannot be read", path);
        return false;
    }
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
        std::string xml;
        pugi::xml_document doc;
        if (!member(z.get(), target, xml) || !parse(xml, doc)) {
            error = fmt::format("{}: sheet \"{}\" cannot be read", path, sheet.name);
            return false;
        }
        auto ws = doc.child("worksheet");
        for (auto row : ws.child("sheetData").children("row")) {
            for (auto c : row.children("c")) {
                auto [r, col] = cell_ref(c.attribute("r").value());
                XlsxCell cell;
                std::string type = c.attribute("t").value();
                std::string v = c.child("v").text().get();
                cell.formula = c.child("f").text().get();
                if (type == "s") {
                    std::size_t idx = static_cast<std::size_t>(std::atoi(v.c_str()));
                    cell.text = idx < strings.size() ? strings[idx] : "";
                } else if (type == "inlineStr") {
                    for (auto node : c.child("is").select_nodes(".//t"))
                        cell.text += node.node().text().get();
                } else if (type == "str" || type == "b" || type == "e") {
                    cell.text = v;
                } else if (!v.empty()) {
                    std::size_t xf = static_cast<std::size_t>(c.attribute("s").as_int());
                    cell.text =
                        show_number(v, xf < xf_styles.size() ? xf_styles[xf] : NumberStyle{});
                    cell.is_number = true;
                }
                if (cell.text.empty() && cell.formula.empty()) continue;
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
        error = fmt::format("cannot read {}", path);
        return false;
    }
    std::string data;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
        data.append(buf, n);
    std::fclose(f);
    return read_xlsx_data(data, path, sheets, error);
}

Grid xlsx_grid(const std::vector<XlsxSheet>& sheets) {
    Grid grid;
    std::size_t line = 0;
    for (const auto& s : sheets) {
        for (int r = 0; r < s.rows; ++r) {
            ++line;
            Item item;
            for (int c = 0; c < s.cols; ++c) {
                auto it = s.cells.find({r, c});
                std::string text = it == s.cells.end() ? "" : it->second.text;
                item.cells.push_back({text, static_cast<std::size_t>(r + 1),
                                      fmt::format("'{}'!{}{}", s.name, col_letters(c), r + 1)});
            }
            bool empty = true;
            for (const auto& c : item.cells)
                if (!c.text.empty()) empty = false;
            if (!empty) grid.push_back(std::move(item));
        }
        Item sep; // a sheet ends whatever table it holds
        sep.kind = Item::Kind::prose;
        sep.prose = {"", line, fmt::format("end of sheet '{}'", s.name)};
        grid.push_back(std::move(sep));
    }
    return grid;
}

} // namespace jx::import
