#include "import/import.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "base/decimal.hpp"
#include "base/i18n.hpp"
#include "base/text.hpp"
#include "format/format.hpp"
#include "import/claims.hpp"
#include "import/docx.hpp"
#include "import/pdf.hpp"
#include "import/xlsx.hpp"
#include "jixiao/grammar.hpp"
#include "syntax/parser.hpp"

namespace jx::import {
namespace pegtl = tao::pegtl;

namespace {

template <typename Rule>
bool reads_whole(const std::string& s) {
    pegtl::memory_input in(s, "cell");
    try {
        return pegtl::parse<pegtl::seq<Rule, pegtl::eof>>(in);
    } catch (const pegtl::parse_error&) {
        return false;
    }
}

bool filled(const std::optional<Cell>& c) {
    return c && !squeeze(c->text).empty();
}

std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != '\n' && c != '\r') out += c;
    return std::string(text::trim(out));
}

std::string comment_text(const std::string& s) {
    std::string out;
    for (char c : s)
        out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

// A figure cell (分值, 得分, amounts, rates) as spec syntax, or empty when it is not a figure.
// `points`: a 分值 or 得分, which an office may type with its unit (8分, 10.0分).
std::string figure(const std::optional<Cell>& c, bool amount, bool rate, bool points = false) {
    if (!c) return {};
    std::string v = one_line(c->text);
    static const std::string fen = "分";
    if (points && v.size() > fen.size() && v.compare(v.size() - fen.size(), fen.size(), fen) == 0)
        v = std::string(text::trim(v.substr(0, v.size() - fen.size())));
    // 86.19 %: a space before the sign is no part of the figure.
    if (rate && v.size() > 2 && v.back() == '%' && v[v.size() - 2] == ' ')
        v = std::string(text::trim(v.substr(0, v.size() - 1))) + "%";
    // Thousands separators are not part of the language: 1,234.5 → 1234.5.
    std::string plain;
    for (char ch : v)
        if (ch != ',') plain += ch;
    if (reads_whole<grammar::number>(plain)) return plain;
    if (amount && reads_whole<grammar::amount>(plain)) return plain;
    if (rate && reads_whole<grammar::rate_value>(plain)) return plain;
    return {};
}

struct Writer {
    std::string out;
    Table& table;

    void line(int depth, const std::string& s) {
        out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + s + "\n";
    }

    // A figure, or the cell kept as an unplaced comment when it is not one.
    void field(std::string& s, const char* keyword, const std::optional<Cell>& c,
               bool amount = false, bool rate = false) {
        if (!c) return;
        const std::string k = keyword;
        std::string v = figure(c, amount, rate, k == "分值" || k == "得分");
        if (!v.empty()) {
            s += fmt::format("  {} {}", keyword, v);
        } else if (!std::string(text::trim(c->text)).empty()) {
            table.unplaced.push_back(*c);
        }
    }

    static std::string category(const std::string& name) {
        std::string n = squeeze(name);
        if (reads_whole<grammar::category_word>(n)) return n;
        return quote(n);
    }
};

} // namespace

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out + "\"";
}

std::string spec_value(const std::string& cell) {
    std::string v = one_line(cell);
    if (v.find('\n') == std::string::npos && cell.find('\n') == std::string::npos &&
        reads_whole<grammar::value>(v))
        return v;
    return quote(std::string(text::trim(cell)));
}

namespace {
std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}
} // namespace

Format converted_format(const std::string& path) {
    std::string ext = lower_extension(path);
    return ext == ".xls" || ext == ".et" ? Format::xlsx : Format::docx;
}

std::string conversion_command(const std::string& path) {
    return fmt::format("soffice --headless --convert-to {} '{}'",
                       converted_format(path) == Format::xlsx ? "xlsx" : "docx", path);
}

Format detect_format(const std::string& path, const std::string& contents) {
    const std::string lower = lower_extension(path);
    if (lower == ".doc" || lower == ".xls" || lower == ".wps" || lower == ".et" ||
        contents.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0)
        return Format::office_binary;
    std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".csv" || ext == ".CSV") return Format::csv;
    if (ext == ".docx" || ext == ".DOCX") return Format::docx;
    if (ext == ".xlsx" || ext == ".XLSX") return Format::xlsx;
    if (lower == ".pdf") return Format::pdf;
    // PDF readers accept the header anywhere in the first kilobyte.
    if (contents.substr(0, 1024).find("%PDF-") != std::string::npos) return Format::pdf;
    if (contents.rfind("PK\x03\x04", 0) == 0)
        return contents.find("word/document.xml") != std::string::npos ? Format::docx
                                                                       : Format::xlsx;
    return Format::text;
}

// A target its template splits in three columns (指标性质 | 指标值 | 度量单位) as one: ≥ | 100 | %
// → ≥100%; a 定性 one is its value.
static std::optional<std::string> split_target(const IndicatorRow& r) {
    const std::string cmp = r.comparator ? squeeze(r.comparator->text) : std::string();
    const std::string value = r.target ? one_line(r.target->text) : std::string();
    std::string unit = r.unit ? one_line(r.unit->text) : std::string();
    if (squeeze(unit) == "/") unit.clear();
    // %(百分比), 人(人数): a unit with its gloss; the gloss is not part of it.
    if (std::size_t open = unit.find('(');
        open != std::string::npos && open > 0 && unit.back() == ')')
        unit = std::string(text::trim(unit.substr(0, open)));
    if (std::size_t open = unit.find("（"); open != std::string::npos && open > 0 &&
                                            unit.size() >= 3 &&
                                            unit.compare(unit.size() - 3, 3, "）") == 0)
        unit = std::string(text::trim(unit.substr(0, open)));
    if (squeeze(value).empty()) return std::nullopt;
    if (cmp.empty() || cmp == "定性" || cmp == "/") return spec_value(value + unit);
    return spec_value(cmp + value + unit);
}

// Blank scores and actuals, and cells still holding the template's instructions, of a table read
// by a template: never silently empty.
static std::vector<ImportFinding> blanks(const Table& t) {
    std::vector<ImportFinding> out;
    // A blank score in a table scored elsewhere is check's `missing-score`, said there once; a
    // table with no score anywhere (published unfilled) gets check's one `table-not-scored`
    // warning, and the blank cells are the errors, said here.
    bool scored = filled(t.total_score);
    for (const auto& r : t.funds)
        scored = scored || filled(r.score);
    for (const auto& r : t.indicators)
        scored = scored || filled(r.score);
    for (const auto& c : t.unfilled)
        out.push_back({false, "unfilled-cell", c.line,
                       trf("the cell ({}) still holds the template's instruction \"{}\"; "
                           "read as empty",
                           c.where, one_line(c.text))});
    // Blank cells are the template's findings: a layout not told has no cell it must fill.
    const bool by_template = !t.layout.empty();
    if (by_template) {
        for (const auto& r : t.funds) {
            if (r.name != "年度资金总额") continue;
            if (!filled(r.spent))
                out.push_back({false, "blank-actual", r.line,
                               trf("the funds total row (line {}) states no amount spent "
                                   "(预算执行数)",
                                   r.line)});
            if (filled(r.weight) && !filled(r.score) && !scored)
                out.push_back(
                    {true, "blank-score", r.line,
                     trf("the funds total row (line {}) states no score (得分)", r.line)});
        }
        for (const auto& r : t.indicators) {
            const std::string name = r.name ? one_line(r.name->text) : std::string();
            if (name == "不涉及") continue;
            if (!filled(r.actual))
                out.push_back({false, "blank-actual", r.line,
                               trf("\"{}\" ({}) states no actual value (完成值)", name, r.where)});
            // A row with neither weight nor score is check's `missing-weight`; one weighed and not
            // scored is a score left blank.
            if (filled(r.weight) && !filled(r.score) && !scored)
                out.push_back({true, "blank-score", r.line,
                               trf("\"{}\" ({}) states no score (得分)", name, r.where)});
        }
    }
    // The points a block title states against its rows' weights.
    auto number = [](const std::optional<Cell>& c) -> std::optional<Decimal> {
        if (!c) return std::nullopt;
        return Decimal::parse(figure(c, false, false, true));
    };
    auto mismatch = [&](const Cell& title, std::optional<Decimal> weights) {
        auto stated = Decimal::parse(stated_points(title.text));
        if (stated && weights && *stated != *weights)
            out.push_back(
                {true, "block-weight-mismatch", title.line,
                 trf("\"{}\" ({}) states {} points; its rows weigh {}", one_line(title.text),
                     title.where, stated->to_string(), weights->normalized().to_string())});
    };
    if (t.funds_points)
        for (const auto& r : t.funds)
            if (r.name == "年度资金总额") mismatch(*t.funds_points, number(r.weight));
    // A block with no weighted row under it (a table cut right after its header, a form without
    // a 分值 column) has nothing to hold its points against.
    const bool weighted = std::any_of(t.indicators.begin(), t.indicators.end(),
                                      [](const IndicatorRow& r) { return filled(r.weight); });
    // No row weighted (Hubei's form, 年度绩效目标(80分) over 产出指标(60分) and 效益指标(40分)):
    // the block's points against its level-1 labels' points.
    if (t.indicators_points && !weighted) {
        std::optional<Decimal> sum;
        std::vector<std::string> seen;
        for (const auto& r : t.indicators) {
            if (std::find(seen.begin(), seen.end(), r.level1) != seen.end()) continue;
            seen.push_back(r.level1);
            auto p = Decimal::parse(stated_points(r.level1));
            if (!p) continue;
            sum = sum ? *sum + *p : *p;
        }
        if (sum) mismatch(*t.indicators_points, sum);
    }
    if (t.indicators_points && weighted) {
        std::optional<Decimal> sum = Decimal::from_int(0);
        for (const auto& r : t.indicators) {
            if (!filled(r.weight)) continue;
            auto w = number(r.weight);
            sum = sum && w ? std::optional<Decimal>(*sum + *w) : std::nullopt;
        }
        mismatch(*t.indicators_points, sum);
    }
    // A table without its total row is check's `incomplete-table`, said there.
    if (!t.indicators.empty() && t.total_line && !filled(t.total_score))
        out.push_back({true, "blank-score", t.total_line,
                       trf("the total row (line {}) states no score", t.total_line)});
    std::stable_sort(out.begin(), out.end(), [](const ImportFinding& a, const ImportFinding& b) {
        return a.line < b.line;
    });
    return out;
}

static std::string text_block(const std::string& s) {
    std::string t(text::trim(s));
    if (t.find('\n') != std::string::npos && t.find("\"\"\"") == std::string::npos)
        return "\"\"\"" + t + "\"\"\"";
    return quote(t);
}

static std::string emit(Table& t, const std::string& source_name) {
    Writer w{"", t};
    w.line(0, fmt::format("# 导入自 {} 第 {}–{} 行（第 {} 张自评表）", source_name, t.first_line,
                          t.last_line ? t.last_line : t.first_line, t.index));
    if (t.name_where.rfind("prose", 0) == 0)
        w.line(0, fmt::format("# 项目名称取自表前正文（{}）", t.name_where));
    w.line(0, fmt::format("项目 {} {{", quote(t.name)));
    if (t.year) w.line(1, fmt::format("年度 {}", t.year));
    auto meta = [&](const char* kw, const std::optional<Cell>& c) {
        if (c && !std::string(text::trim(c->text)).empty())
            w.line(1, fmt::format("{} {}", kw, quote(one_line(c->text))));
    };
    meta("主管部门", t.department);
    meta("实施单位", t.unit);
    meta("项目负责人", t.contact);
    meta("联系电话", t.phone);
    meta("财务负责人", t.finance_officer);
    // The default layout goes unsaid: a spec without 模板 follows it.
    if (!t.layout.empty() && t.layout != templates::default_template)
        w.line(1, fmt::format("模板 {}", quote(t.layout)));
    for (const auto& [label, value] : t.head_info)
        w.line(1, fmt::format("表头 {} {}", quote(one_line(label.text)),
                              quote(std::string(text::trim(value.text)))));
    if (!t.funds.empty()) {
        w.line(1, fmt::format("项目资金 {} {{", t.funds_unit));
        for (const auto& r : t.funds) {
            std::string s = r.name;
            w.field(s, "年初预算数", r.initial, true);
            w.field(s, "全年预算数", r.annual, true);
            w.field(s, "全年执行数", r.spent, true);
            w.field(s, "分值", r.weight);
            w.field(s, "执行率", r.rate, false, true);
            w.field(s, "得分", r.score);
            // The funds block's 原因 (Sichuan).
            if (filled(r.reason) && squeeze(r.reason->text) != "/")
                s += "  偏差原因 " + quote(std::string(text::trim(r.reason->text)));
            w.line(2, s + fmt::format("  # 第 {} 行", r.line));
        }
        w.line(1, "}");
    }
    if (t.expected || t.achieved) {
        w.line(1, "年度总体目标 {");
        if (t.expected) w.line(2, "预期目标 " + text_block(t.expected->text));
        if (t.achieved) w.line(2, "实际完成情况 " + text_block(t.achieved->text));
        w.line(1, "}");
    }
    // Level 1 → level 2 → rows, in table order; a level name seen again opens a new block.
    std::size_t i = 0;
    while (i < t.indicators.size()) {
        const std::string l1 = t.indicators[i].level1;
        w.line(1, Writer::category(l1) + " {");
        while (i < t.indicators.size() && t.indicators[i].level1 == l1) {
            const std::string l2 =
                t.indicators[i].level2.empty() ? t.indicators[i].level1 : t.indicators[i].level2;
            const auto& first = t.indicators[i];
            bool na_block = first.name && squeeze(first.name->text) == "不涉及" &&
                            !filled(first.target) && !filled(first.actual) &&
                            !filled(first.weight) && !filled(first.score);
            if (na_block) {
                w.line(2, Writer::category(l2) + " { 不涉及 }" +
                              fmt::format("  # 第 {} 行", first.line));
                ++i;
                continue;
            }
            w.line(2, Writer::category(l2) + " {");
            while (i < t.indicators.size() && t.indicators[i].level1 == l1 &&
                   (t.indicators[i].level2.empty() ? l1 : t.indicators[i].level2) == l2) {
                const auto& r = t.indicators[i++];
                if (r.name && squeeze(r.name->text) == "不涉及" && !filled(r.weight) &&
                    !filled(r.score)) {
                    w.line(3, fmt::format("不涉及  # 第 {} 行", r.line));
                    continue;
                }
                std::string s = (r.part ? "其中 " : "") +
                                quote(r.name ? one_line(r.name->text) : std::string());
                if (r.comparator || r.unit) {
                    if (auto v = split_target(r)) s += "  指标值 " + *v;
                } else if (filled(r.target)) {
                    s += "  指标值 " + spec_value(r.target->text);
                }
                if (filled(r.actual)) s += "  完成值 " + spec_value(r.actual->text);
                w.field(s, "分值", r.weight);
                w.field(s, "得分", r.score);
                if (filled(r.reason))
                    s += "  偏差原因 " + quote(std::string(text::trim(r.reason->text)));
                if (filled(r.criteria))
                    s += "  评分标准 " + quote(std::string(text::trim(r.criteria->text)));
                w.line(3, s + fmt::format("  # 第 {} 行{}", r.line,
                                          r.split ? "（源表此行被拆开，已拼合）" : ""));
            }
            w.line(2, "}");
        }
        w.line(1, "}");
    }
    if (!t.index_system.empty()) {
        // The index system the report published before the table, in its own tree.
        w.line(1, "评价指标体系 {");
        for (std::size_t i = 0; i < t.index_system.size();) {
            const std::string l1 = t.index_system[i].level1;
            w.line(2, Writer::category(l1) + " {");
            while (i < t.index_system.size() && t.index_system[i].level1 == l1) {
                const std::string l2 = t.index_system[i].level2;
                w.line(3, Writer::category(l2) + " {");
                while (i < t.index_system.size() && t.index_system[i].level1 == l1 &&
                       t.index_system[i].level2 == l2) {
                    const auto& r = t.index_system[i++];
                    w.line(4, fmt::format("{}  分值 {}  # 第 {} 行", quote(one_line(r.name)),
                                          r.weight, r.line));
                }
                w.line(3, "}");
            }
            w.line(2, "}");
        }
        w.line(1, "}");
    }
    if (t.total_weight || t.total_score) {
        std::string s = "总分";
        w.field(s, "分值", t.total_weight);
        w.field(s, "得分", t.total_score);
        w.line(1, s + fmt::format("  # 第 {} 行", t.total_line));
    }
    auto text_under = [&](const char* kw, const std::optional<Cell>& c) {
        if (c && !std::string(text::trim(c->text)).empty())
            w.line(1, fmt::format("{} {}", kw, text_block(c->text)));
    };
    text_under("评价结论", t.conclusion);
    text_under("存在问题", t.problems);
    text_under("改进措施", t.measures);
    for (const auto& c : t.unfilled)
        w.line(1, fmt::format("# 未填写：单元格（{}）仍是模板的填写说明：{}", c.where,
                              comment_text(c.text)));
    // Cells that could not be placed, as statements check reads: the table is not whole.
    for (const auto& c : t.unplaced)
        w.line(1,
               fmt::format("未归位 {} {}", quote(c.where), quote(std::string(text::trim(c.text)))));
    w.line(0, "}");
    return w.out;
}

namespace {

// Text and CSV sources as UTF-8: as they are when valid, else decoded from GB18030; nullopt with
// `error` when neither.
std::optional<std::string> as_utf8(const std::string& contents, std::string& error,
                                   std::vector<std::string>& notes) {
    std::size_t bad = text::find_invalid_utf8(contents);
    if (bad == std::string::npos) return contents;
    if (contents.rfind("\xFF\xFE", 0) == 0 || contents.rfind("\xFE\xFF", 0) == 0) {
        error = tr("the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or as "
                   "a workbook (xlsx) instead");
        return std::nullopt;
    }
    auto line_of = [&](std::size_t offset) {
        return 1 + std::count(contents.begin(),
                              contents.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    };
    if (!text::looks_like_gb18030(contents)) {
        std::size_t gb_bad = 0;
        if (text::gb18030_to_utf8(contents, &gb_bad))
            // Mostly UTF-8 with a piece in another encoding: decoding it all as GB18030 would
            // garble the rest, and guessing the piece could put a wrong figure in a spec.
            error =
                trf("the file is UTF-8 except at line {} (byte 0x{:02X}), where "
                    "some text in another encoding was pasted in; retype it there",
                    line_of(bad), static_cast<unsigned>(static_cast<unsigned char>(contents[bad])));
        else
            error = trf("the file is neither UTF-8 (line {} has an invalid byte) nor "
                        "GB18030 (line {})",
                        line_of(bad), line_of(gb_bad));
        return std::nullopt;
    }
    auto decoded = text::gb18030_to_utf8(contents);
    notes.push_back(trf("not UTF-8 (line {} has an invalid byte); read as GB18030", line_of(bad)));
    return decoded;
}

} // namespace

ImportResult import_text(const std::string& source_name, const std::string& raw_contents,
                         Format format, const ImportOptions& options) {
    ImportResult result;
    const templates::Registry& registry =
        options.templates ? *options.templates : templates::Registry::builtin();
    const templates::Template* layout = nullptr;
    if (!options.layout.empty()) {
        layout = registry.find(options.layout);
        if (!layout) {
            result.source_error = trf("no template named \"{}\" (jixiao templates lists "
                                      "them)",
                                      options.layout);
            return result;
        }
    }
    if (format == Format::office_binary) {
        result.source_error =
            trf("{} is a binary office document (Word 97–2003, Excel 97–2003 or WPS), which jixiao "
                "reads through LibreOffice; install it (apt-get install libreoffice-writer-nogui "
                "libreoffice-calc-nogui) or convert the file yourself: {}",
                source_name, conversion_command(source_name));
        return result;
    }
    std::string decode_error;
    // Zip archives and PDF are binary: no text decoding.
    const bool package = format == Format::xlsx || format == Format::docx || format == Format::pdf;
    std::optional<std::string> decoded = package
                                             ? std::optional<std::string>(std::nullopt)
                                             : as_utf8(raw_contents, decode_error, result.notes);
    if (!package && !decoded) {
        result.source_error = fmt::format("{}: {}", source_name, decode_error);
        return result;
    }
    const std::string& contents = decoded ? *decoded : raw_contents;
    if (!package && contents.size() > max_grid_text_bytes) {
        result.source_error =
            trf("{}: {} bytes of text, more than the {} jixiao imports from one source "
                "(split it)",
                source_name, contents.size(), max_grid_text_bytes);
        return result;
    }
    Grid grid;
    std::string error;
    bool read = false;
    if (format == Format::csv) {
        read = read_csv(contents, grid, error);
    } else if (format == Format::xlsx) {
        std::vector<XlsxSheet> sheets;
        read = read_xlsx_data(contents, source_name, sheets, error);
        read = read && xlsx_grid(sheets, grid, error);
    } else if (format == Format::docx) {
        read = read_docx_data(contents, source_name, grid, error);
    } else if (format == Format::pdf) {
        read = read_pdf_data(contents, source_name, grid, result.notes, error);
    } else {
        read = read_text_dump(contents, grid, error);
    }
    if (!read) {
        // The package readers name the file themselves; the grid readers do not.
        if (error.rfind(source_name, 0) != 0) error = fmt::format("{}: {}", source_name, error);
        result.source_error = std::move(error);
        return result;
    }
    if (!layout) {
        std::vector<std::string> cells;
        for (const auto& item : grid)
            if (item.kind == Item::Kind::row)
                for (const auto& c : item.cells)
                    if (c.text.size() <= 64) cells.push_back(c.text);
        layout = registry.recognise(cells);
    }
    std::vector<Cell> uncalculated;
    for (const auto& item : grid)
        if (item.kind == Item::Kind::row)
            for (const auto& c : item.cells)
                if (c.uncalculated) uncalculated.push_back(c);
    Extraction x = extract_tables(grid, layout);
    result.skipped = std::move(x.skipped);
    result.problems = std::move(x.problems);
    std::string stem = std::filesystem::path(source_name).stem().string();
    for (auto& t : x.tables) {
        ImportedSpec spec;
        std::string raw = emit(t, std::filesystem::path(source_name).filename().string());
        SourceFile src(source_name, raw);
        auto parsed = syntax::parse(src);
        if (!parsed.ok()) {
            result.failures.push_back(trf("{}: the table at line {} could not be imported: {}",
                                          source_name, t.first_line,
                                          parsed.diagnostics.front().message));
            continue;
        }
        spec.spec = format::format(parsed.file, src.text());
        spec.whole = t.unplaced.empty();
        spec.findings = blanks(t);
        for (const auto& c : uncalculated)
            if (c.line >= t.first_line &&
                c.line <= std::max({t.last_line, t.total_line, t.first_line})) {
                spec.findings.push_back(
                    {false, "uncalculated-formula", c.line,
                     trf("the cell {} holds the formula {} but the workbook stores no value for "
                         "it (it was saved by a program that does not calculate); open and save "
                         "it in Excel, WPS or LibreOffice, or type the value",
                         c.where, c.text)});
                spec.whole = false;
            }
        spec.file_name = fmt::format("{}-{:02}.jx", stem, t.index);
        spec.table = std::move(t);
        result.specs.push_back(std::move(spec));
    }
    ProseClaims claims = read_claims(grid);
    std::string fallback = stem;
    for (const auto& s : result.specs)
        if (s.table.department && !text::trim(s.table.department->text).empty()) {
            fallback = std::string(text::trim(s.table.department->text));
            break;
        }
    if (auto raw =
            disclosure_spec(claims, x.department,
                            std::filesystem::path(source_name).filename().string(), fallback)) {
        SourceFile src(source_name, *raw);
        auto parsed = syntax::parse(src);
        if (parsed.ok())
            result.disclosure = {fmt::format("{}-00.jx", stem),
                                 format::format(parsed.file, src.text()), claims.claims.size(),
                                 x.department.size()};
        else // a bug of the claim reader: say so rather than write a spec that does not parse
            result.failures.push_back(trf("{}: the claims of its prose could not be written: {}",
                                          source_name, parsed.diagnostics.front().message));
    }
    return result;
}

} // namespace jx::import
