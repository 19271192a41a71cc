#include "import/docx.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "import/ooxml.hpp"

namespace jx::import {
namespace {

// The text of a run container (a paragraph, a hyperlink, an inserted run …): w:t in order,
// tabs as a space, breaks as '\n'; deleted text and field codes left out.
void run_text(const pugi::xml_node& node, std::string& out) {
    for (auto c : node.children()) {
        std::string_view n = c.name();
        if (n == "w:t") {
            out += c.text().get();
        } else if (n == "w:tab") {
            out += ' ';
        } else if (n == "w:br" || n == "w:cr") {
            out += '\n';
        } else if (n == "w:del" || n == "w:instrText" || n == "w:delText" || n == "w:rPr" ||
                   n == "w:pPr") {
            continue;
        } else {
            run_text(c, out); // w:r, w:hyperlink, w:ins, w:smartTag, w:sdt, w:fldSimple …
        }
    }
}

std::string paragraph_text(const pugi::xml_node& p) {
    std::string out;
    run_text(p, out);
    return out;
}

// A cell's text: its paragraphs (and those of tables nested in it), one line each.
void cell_text(const pugi::xml_node& tc, std::string& out) {
    for (auto c : tc.children()) {
        std::string_view n = c.name();
        if (n == "w:p") {
            if (!out.empty()) out += '\n';
            out += paragraph_text(c);
        } else if (n == "w:tbl") {
            for (auto tr : c.children("w:tr"))
                for (auto inner : tr.children("w:tc"))
                    cell_text(inner, out);
        } else if (n == "w:sdt") {
            cell_text(c.child("w:sdtContent"), out);
        }
    }
}

struct Reader {
    Grid& grid;
    std::string& error;
    std::size_t items = 0, cells = 0, tables = 0;

    bool paragraph(const pugi::xml_node& p) {
        ++items;
        std::string text = paragraph_text(p);
        if (text::trim(text).empty()) return true; // an empty paragraph says nothing
        Item item;
        item.kind = Item::Kind::prose;
        item.prose = {std::move(text), items, trf("paragraph {}", items)};
        grid.push_back(std::move(item));
        return true;
    }

    bool table(const pugi::xml_node& tbl) {
        ++tables;
        std::size_t row_no = 0;
        std::vector<std::string> header; // the rows marked as a repeated header, as text
        bool past_header = false;
        for (auto tr : tbl.children("w:tr")) {
            ++row_no;
            ++items;
            bool is_header = tr.child("w:trPr").child("w:tblHeader") != nullptr;
            Item item;
            item.kind = Item::Kind::row;
            std::size_t cell_no = 0;
            std::string row_key;
            for (auto tc : tr.children("w:tc")) {
                ++cell_no;
                if (++cells > max_grid_cells) {
                    error = trf("more than {} cells, more than jixiao reads of one "
                                "source",
                                max_grid_cells);
                    return false;
                }
                auto vmerge = tc.child("w:tcPr").child("w:vMerge");
                std::string text;
                // A continued vertical merge shows nothing of its own, as in the text dumps.
                bool continued =
                    vmerge && std::string_view(vmerge.attribute("w:val").value()) != "restart";
                if (!continued) cell_text(tc, text);
                row_key += text + '\x1f';
                item.cells.push_back({std::move(text), items,
                                      trf("table {}, row {}, cell {}", tables, row_no, cell_no)});
            }
            if (item.cells.empty()) continue;
            if (is_header && !past_header) {
                header.push_back(row_key);
            } else {
                past_header = true;
                // A header row repeated further down (a table pasted in parts, each with its
                // header) is read once.
                if (is_header && std::find(header.begin(), header.end(), row_key) != header.end())
                    continue;
            }
            grid.push_back(std::move(item));
        }
        return true;
    }

    bool block(const pugi::xml_node& parent) {
        for (auto c : parent.children()) {
            std::string_view n = c.name();
            if (n == "w:p") {
                if (!paragraph(c)) return false;
            } else if (n == "w:tbl") {
                if (!table(c)) return false;
            } else if (n == "w:sdt") {
                if (!block(c.child("w:sdtContent"))) return false;
            } else if (n == "w:customXml") {
                if (!block(c)) return false;
            }
        }
        return true;
    }
};

} // namespace

bool read_docx_data(const std::string& data, const std::string& path, Grid& grid,
                    std::string& error) {
    OoxmlPackage package(path, "docx", "document");
    if (!package.open(data, error)) return false;
    std::string xml;
    if (!package.part("word/document.xml", xml, error)) return false;
    pugi::xml_document doc;
    std::string why;
    if (!parse_xml(xml, doc, why)) {
        error = trf("{}: the document cannot be read: {}", path, why);
        return false;
    }
    auto body = doc.child("w:document").child("w:body");
    if (!body) {
        error = trf("{}: word/document.xml has no w:body", path);
        return false;
    }
    Reader reader{grid, error};
    if (!reader.block(body)) {
        error = fmt::format("{}: {}", path, error);
        return false;
    }
    return true;
}

} // namespace jx::import
