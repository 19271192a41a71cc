#include "import/tables.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "base/decimal.hpp"
#include "base/i18n.hpp"
#include "base/text.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::import {

std::string squeeze(const std::string& s) {
    std::string n = text::nfkc(s), out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        char c = n[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
        out += c;
    }
    return out;
}

std::string column_key(const std::string& cell) {
    std::string h = squeeze(cell);
    // A decoration is ASCII letters and figures, '/', '*', '.', '%', or the word 分 (points).
    auto decoration = [](const std::string& d) {
        static const std::string fen = "分";
        for (std::size_t i = 0; i < d.size();) {
            unsigned char c = static_cast<unsigned char>(d[i]);
            if (c < 0x80 && c != '(' && c != ')') {
                ++i;
                continue;
            }
            if (d.compare(i, fen.size(), fen) == 0) {
                i += fen.size();
                continue;
            }
            return false;
        }
        return true;
    };
    // Bracketed groups: (A), (B/A), (10分), (万元), (%), (文字描述), (20分*执行率) — dropped
    // wherever they stand; a heading's name never sits inside brackets.
    for (std::size_t open = h.find('('); open != std::string::npos; open = h.find('(')) {
        std::size_t close = h.find(')', open);
        if (close == std::string::npos) {
            // 年初目标值(A: the page lost the closing bracket.
            if (decoration(h.substr(open + 1)) || h.size() - open <= 8)
                h.erase(open);
            else
                h.erase(open, 1);
            continue;
        }
        h.erase(open, close - open + 1);
    }
    // 执行数B), 执行率B/A), 98分): the page lost the opening bracket.
    for (std::size_t close = h.find(')'); close != std::string::npos; close = h.find(')')) {
        std::size_t begin = close;
        while (begin > 0) {
            std::size_t prev = begin - 1;
            unsigned char c = static_cast<unsigned char>(h[prev]);
            if (c < 0x80 && c != ')') {
                begin = prev;
                continue;
            }
            if (begin >= 3 && h.compare(begin - 3, 3, "分") == 0) {
                begin -= 3;
                continue;
            }
            break;
        }
        h.erase(begin, close - begin + 1);
    }
    while (!h.empty() && (h.back() == ':' || h.back() == '*'))
        h.pop_back();
    // Trailing decorations without brackets: 全年预算数A, 执行率B/A.
    while (!h.empty() && static_cast<unsigned char>(h.back()) < 0x80 &&
           (std::isalpha(static_cast<unsigned char>(h.back())) || h.back() == '/'))
        h.pop_back();
    return h;
}

namespace {

std::string trimmed(const std::string& s) {
    return std::string(text::trim(s));
}

bool empty_cell(const Cell& c) {
    return squeeze(c.text).empty();
}

const Cell* first_filled(const std::vector<Cell>& cells) {
    for (const auto& c : cells)
        if (!empty_cell(c)) return &c;
    return nullptr;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Column roles of the indicator table, recognised by their header text.
enum class Role {
    none,
    indicators, // 绩效指标 over the levels: no data of its own
    level1,
    level1_points, // 分值 (自评权重) right after 一级指标: the level's points
    level2,
    level2_points,
    name,
    target,
    actual,
    weight,
    weight_share,
    score,
    score_raw,
    reason,
    criteria,
    second_score, // a second 得分 column beside 自评分 (the reviewer's)
    status,
    derived,
    comparator,
    unit
};

Role from_vocab(vocab::columns::Role r) {
    using V = vocab::columns::Role;
    switch (r) {
    case V::indicators:
        return Role::indicators;
    case V::level1:
        return Role::level1;
    case V::level2:
        return Role::level2;
    case V::name:
        return Role::name;
    case V::target:
        return Role::target;
    case V::comparator:
        return Role::comparator;
    case V::unit:
        return Role::unit;
    case V::actual:
        return Role::actual;
    case V::weight:
        return Role::weight;
    case V::weight_share:
        return Role::weight_share;
    case V::score:
        return Role::score;
    case V::score_raw:
        return Role::score_raw;
    case V::reason:
        return Role::reason;
    case V::criteria:
        return Role::criteria;
    case V::status:
        return Role::status;
    case V::derived:
        return Role::derived;
    case V::none:
        break;
    }
    return Role::none;
}

// A heading is short: the longest seen, decorations and all
// (偏差大或目标未完成原因分析及改进措施(10分)), is under 80 bytes. A longer cell is data, told
// without normalising it.
constexpr std::size_t max_heading_bytes = 160;

Role role_of(const std::string& header) {
    if (header.empty() || header.size() > max_heading_bytes) return Role::none;
    const std::string h = column_key(header);
    if (h.empty()) return Role::none;
    for (const auto& c : vocab::columns::indicator_headings)
        if (h == c.word) return from_vocab(c.role);
    // The language's own keywords (年度指标值, 完成值 …) and their English.
    namespace kw = vocab::kw;
    if (h == kw::actual.view() || h == kw::achieved.view()) return Role::actual;
    if (h == kw::reason.view() || h == kw::reason_short.view()) return Role::reason;
    // A heading is short and has no sentence in it: a reason cell that says 原因 is data.
    const bool sentence = h.size() > 54 || h.find(',') != std::string::npos ||
                          h.find("，") != std::string::npos || h.find("。") != std::string::npos;
    for (auto w : vocab::columns::reason_words)
        if (!sentence && h.find(w) != std::string::npos && h.size() >= w.size() + 3)
            return Role::reason;
    for (auto w : vocab::columns::indicator_titles)
        if (h == w) return Role::indicators;
    return Role::none;
}

// `received`: 到位数, the funds that arrived — a column the language has no field for, kept as
// 表头.
// `method`: 得分计算方法, the form's own rule for the score — kept as 表头, no field of its own.
enum class FundRole {
    none,
    name,
    initial,
    annual,
    received,
    spent,
    weight,
    rate,
    score,
    reason,
    method
};

FundRole fund_role_of(const std::string& header) {
    if (header.empty() || header.size() > max_heading_bytes) return FundRole::none;
    std::string h = column_key(header);
    namespace kw = vocab::kw;
    if (h == kw::initial.view() || h == "年初预算" || h == "年初预算数(A)")
        return FundRole::initial;
    if (h == "资金到位情况" || h == "到位数" || h == "到位资金" || h == "资金到位数")
        return FundRole::received;
    if (h == kw::annual.view() || h == kw::annual_alt.view() || h == "全年预算" ||
        h == "预算安排情况" || h == "预算安排数" || h == "预算数" || h == "预算安排" ||
        h == "调整后预算" || h == "全年预算数额")
        return FundRole::annual;
    if (h == kw::spent.view() || h == kw::spent_mid.view() || h == kw::spent_alt.view() ||
        h == "全年执行" || h == "全年实际支出" || h == "实际支出" || h == "全年支出数" ||
        h == "资金执行情况" || h == "执行情况")
        return FundRole::spent;
    if (h == kw::weight.view() || h == "权重") return FundRole::weight;
    if (h == "得分计算方法" || h == "计分方法" || h == "评分标准") return FundRole::method;
    if (h == kw::rate.view() || h == "预算执行进度" || h == "执行进度") return FundRole::rate;
    if (h == kw::score.view()) return FundRole::score;
    for (auto w : vocab::columns::reason_words)
        if (h.size() <= 54 && h.find(w) != std::string::npos && h.find(',') == std::string::npos)
            return FundRole::reason;
    return FundRole::none;
}

// The roles a template gives its headings (权重, 指标性质, 预算执行数 …), before the headings
// every template shares.
Role role_in(const std::string& header, const templates::Template* t) {
    using templates::Column;
    if (t)
        if (auto c = t->indicator_column(header)) switch (*c) {
            case Column::level1:
                return Role::level1;
            case Column::level2:
                return Role::level2;
            case Column::name:
                return Role::name;
            case Column::target:
            case Column::value:
                return Role::target;
            case Column::comparator:
                return Role::comparator;
            case Column::unit:
                return Role::unit;
            case Column::actual:
                return Role::actual;
            case Column::weight:
                return Role::weight;
            case Column::score:
                return Role::score;
            case Column::reason:
                return Role::reason;
            default:
                break;
            }
    return role_of(header);
}

FundRole fund_role_in(const std::string& header, const templates::Template* t) {
    using templates::Column;
    if (t)
        if (auto c = t->funds_column(header)) switch (*c) {
            case Column::initial:
                return FundRole::initial;
            case Column::annual:
                return FundRole::annual;
            case Column::spent:
                return FundRole::spent;
            case Column::rate:
                return FundRole::rate;
            case Column::weight:
                return FundRole::weight;
            case Column::score:
                return FundRole::score;
            case Column::reason:
                return FundRole::reason;
            default:
                break;
            }
    return fund_role_of(header);
}

// 二、预算执行情况 → 预算执行情况: a section's numbering is not part of its heading.
std::string without_numbering(const std::string& h) {
    static const std::string numerals[] = {"一", "二", "三", "四", "五",
                                           "六", "七", "八", "九", "十"};
    for (const auto& n : numerals)
        if (starts_with(h, n + "、")) return h.substr(n.size() + std::string("、").size());
    return h;
}

// The row that opens the goals: 年度总体目标, 年度总体目标完成情况, 总体目标 (Word may cut it:
// 年度总 / 体目标).
bool goals_heading(const std::string& head) {
    const std::string key = without_numbering(column_key(head));
    return starts_with(key, "年度总体目标") || key == "总体目标" || key == "年度目标" ||
           key == "总体目标完成情况" || key == "目标完成情况";
}

// A label of a table's head, as the head rows of published tables name their cells.
bool known_head_label(const std::string& cell) {
    static const std::string labels[] = {
        "项目名称", "主管部门", "实施单位",     "项目实施单位", "项目负责人", "项目负责人及电话",
        "联系电话", "金额单位", "项目类别",     "项目属性",     "项目类型",   "是否为专项资金",
        "地址",     "邮编",     "下属单位个数", "评价部门名称", "财务负责人"};
    const std::string key = column_key(cell);
    return std::find(std::begin(labels), std::end(labels), key) != std::end(labels);
}

// The labels over the two goal texts: not part of them.
bool goals_label(const std::string& cell) {
    static const std::string labels[] = {"预期目标",
                                         "实际完成情况",
                                         "年初设定目标",
                                         "全年完成情况",
                                         "年度总体目标完成情况综述",
                                         "总体目标完成情况",
                                         "目标完成情况",
                                         "实际完成目标"};
    const std::string key = column_key(cell);
    return std::find(std::begin(labels), std::end(labels), key) != std::end(labels);
}

// The heading of a funds block: 项目资金（万元）, or the template's (预算执行情况(10分)).
bool funds_heading(const std::string& head, const templates::Template* t) {
    const std::string key = without_numbering(column_key(head));
    for (auto title : vocab::columns::funds_titles)
        if (key == title) return true;
    return starts_with(head, "项目资金") ||
           (t && !t->funds_title.empty() &&
            templates::heading_key(head) == templates::heading_key(t->funds_title));
}

// A header label, or the start of one that Word broke over lines.
bool header_like(const std::string& h) {
    namespace kw = vocab::kw;
    static const std::vector<std::string_view> labels{
        vocab::heading::indicators, vocab::heading::level1,  vocab::heading::level2,
        vocab::heading::level3,     kw::target.view(),       kw::target_short.view(),
        kw::actual.view(),          kw::actual_short.view(), kw::weight.view(),
        kw::score.view(),           kw::reason.view(),       kw::reason_short.view()};
    if (h.empty()) return false;
    for (const auto& l : labels)
        if (l.rfind(h, 0) == 0) return true;
    return false;
}

std::string fund_row_name(const std::string& cell) {
    std::string n = squeeze(cell);
    namespace kw = vocab::kw;
    // 年度财政资金总额 (Hubei), 资金总额: the total row, before 财政资金 which it holds.
    if (n.find("资金总额") != std::string::npos) return std::string(kw::row_total.view());
    // 财政专户管理资金 before 财政资金, which it does not contain but a squeezed cell might.
    for (std::string_view name :
         {kw::row_total.view(), kw::row_appropriation.view(), kw::row_carryover.view(),
          kw::row_other.view(), kw::row_special_account.view(), kw::row_unit_funds.view(),
          kw::row_fiscal.view()})
        if (n.find(name) != std::string::npos) return std::string(name);
    if (n.find("财政拨款") != std::string::npos) return std::string(kw::row_appropriation.view());
    if (n == "其他" || n == "其中:其他") return std::string(kw::row_other.view());
    // 资金结构:(1)基本支出, (2)项目支出 (部门整体 tables): the total by spending.
    if (n.find(std::string(kw::row_basic.view())) != std::string::npos)
        return std::string(kw::row_basic.view());
    if (n.size() <= 30 && n.find(std::string(kw::row_project_spending.view())) != std::string::npos)
        return std::string(kw::row_project_spending.view());

    if (n.find("结转") != std::string::npos) return std::string(kw::row_carryover.view());
    return {};
}

// `indicator_header`: whether the row is the indicator table's header, as the caller has asked.
bool is_department_header(const std::vector<Cell>& cells, bool indicator_header) {
    if (cells.empty()) return false;
    if (squeeze(cells.front().text) == "序号") return true;
    // 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 (Sichuan): a project's
    // indicators.
    if (indicator_header) return false;
    for (const auto& c : cells) {
        std::string h = squeeze(c.text);
        if (h == "指标性质" || h == "指标权重" || h == "度量单位") return true;
    }
    return false;
}

// The indicator table's header: 一级指标 … 三级指标 on one row, or, where a second row splits
// them out (Yunnan: 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 over 一级指标 |
// 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位), the group heading with three or more of the
// figure and text columns.
bool is_indicator_header(const std::vector<Cell>& cells) {
    bool l1 = false, l3 = false, group = false;
    std::vector<Role> columns;
    for (const auto& c : cells) {
        Role r = role_of(c.text);
        l1 = l1 || r == Role::level1;
        l3 = l3 || r == Role::name;
        group = group || r == Role::indicators;
        if ((r == Role::target || r == Role::actual || r == Role::weight || r == Role::score ||
             r == Role::reason) &&
            std::find(columns.begin(), columns.end(), r) == columns.end())
            columns.push_back(r);
    }
    return (l1 && l3) || (group && columns.size() >= 3);
}

// The level 1 a level 2 belongs to in the official tree (数量指标 → 产出指标), or empty.
std::string parent_of(const std::string& level2) {
    const std::string key = column_key(level2);
    for (const auto& l1 : vocab::tree)
        for (auto child : l1.children)
            if (!child.empty() && (key == child || key + "指标" == child))
                return std::string(l1.name);
    return {};
}

// A level 1 as the tree names it (产出 → 产出指标), or empty.
std::string parent_of_level1_of(const std::string& label) {
    const std::string key = column_key(label);
    for (const auto& l1 : vocab::tree)
        if (key == l1.name) return std::string(l1.name);
    return {};
}

bool known_level1(const std::string& label) {
    const std::string key = column_key(label);
    for (const auto& l1 : vocab::tree)
        if (key == l1.name) return true;
    for (const auto& c : vocab::categories)
        if (key == c.short_form && !c.short_form.empty()) return true;
    return false;
}

// The points a label states: 产出指标(50分) → 50, （30分） → 30; empty when none.
// The page may have lost the opening bracket (预算执行情况(万元)20分)).
std::string points_of(const std::string& label) {
    std::string h = squeeze(label);
    std::size_t fen = h.rfind("分)");
    if (fen == std::string::npos) return {};
    std::size_t begin = fen;
    while (begin > 0 && ((h[begin - 1] >= '0' && h[begin - 1] <= '9') || h[begin - 1] == '.'))
        --begin;
    if (begin == fen || h[begin] == '.') return {};
    return h.substr(begin, fen - begin);
}

// The bytes of `head` a total row's label takes (总分, 总计, 合计 …), 0 when it is none; a
// figure may follow, glued on by Word (总分100).
std::size_t total_label_size(const std::string& head) {
    for (auto l : vocab::columns::total_labels)
        if (head.rfind(l, 0) == 0) {
            std::string rest = head.substr(l.size());
            if (rest.empty() || Decimal::parse(rest)) return l.size();
        }
    return 0;
}

bool total_label(const std::string& head) {
    return total_label_size(head) > 0;
}

// A page number a text dump appends to the cell above it (95 then a line " 11", "- 11 -",
// "第11页"): not part of the cell.
bool page_number_line(const std::string& line) {
    std::string t = squeeze(line);
    auto strip = [&](const std::string& a, const std::string& b) {
        if (t.size() > a.size() + b.size() && t.rfind(a, 0) == 0 &&
            t.compare(t.size() - b.size(), b.size(), b) == 0)
            t = t.substr(a.size(), t.size() - a.size() - b.size());
    };
    strip("-", "-");
    strip("第", "页");
    return !t.empty() && t.size() <= 4 &&
           std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A signature or date line under a table (填报人：张三  审核人：李四  填报日期：2024年3月15日,
// 单位负责人：…, (盖章)): the form's foot, not the cell above it.
bool signature_line(const std::string& line) {
    static const std::string words[] = {"填报人",     "审核人",     "填报日期", "单位负责人",
                                        "财务负责人", "项目负责人", "联系人",   "盖章",
                                        "填表人",     "复核人"};
    const std::string t = squeeze(line);
    return std::any_of(std::begin(words), std::end(words), [&](const std::string& w) {
        return t.rfind(w, 0) == 0 || t.rfind("(" + w, 0) == 0;
    });
}

// A figure cell with the lines a dump appended to it: page numbers (dropped) and signature lines
// (returned in `foot`, for the table's head information).
Cell without_page_number(Cell c, std::vector<Cell>* foot = nullptr) {
    std::size_t nl = c.text.find('\n');
    if (nl == std::string::npos) return c;
    std::string first = c.text.substr(0, nl);
    std::string rest = c.text.substr(nl + 1);
    bool pages = !squeeze(rest).empty();
    std::vector<std::string> signatures;
    std::size_t at = 0;
    while (at <= rest.size() && pages) {
        std::size_t end = rest.find('\n', at);
        std::string line = rest.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (!squeeze(line).empty() && !page_number_line(line)) {
            if (foot && signature_line(line))
                signatures.push_back(line);
            else
                pages = false;
        }
        if (end == std::string::npos) break;
        at = end + 1;
    }
    if (pages && Decimal::parse(squeeze(first))) {
        c.text = first;
        for (const auto& s : signatures)
            foot->push_back(Cell{std::string(text::trim(s)), c.line, c.where});
    }
    return c;
}

// A row the template leaves for more indicators, never filled: 指标1:, 指标2:, ……, /, ≥**人.
bool placeholder_name(const std::string& name) {
    std::string n = squeeze(name);
    // ……, ..., /, ——, -: marks only (NFKC makes … three dots).
    if (std::all_of(n.begin(), n.end(), [](char c) { return c == '.' || c == '/' || c == '-'; }))
        return true;
    if (n == "——" || n == "—" || n == "·") return true;
    if (n.find("**") != std::string::npos) return true;
    // 指标1: with nothing after it.
    if (n.rfind("指标", 0) == 0) {
        std::string rest = n.substr(std::string("指标").size());
        while (!rest.empty() && (rest.back() == ':' || rest.back() == '.'))
            rest.pop_back();
        return !rest.empty() &&
               std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    return false;
}

// The project's name when the table does not state it: 项目名称：X, or a heading such as
// "二、X绩效评价报告", in the prose before the table.
std::optional<std::pair<std::string, std::size_t>> name_from_prose(const std::vector<Cell>& prose) {
    for (auto it = prose.rbegin(); it != prose.rend(); ++it) {
        std::string line = trimmed(it->text);
        std::size_t at = line.find("项目名称");
        if (at != std::string::npos) {
            std::string rest = trimmed(line.substr(at + std::string("项目名称").size()));
            for (const char* colon : {"：", ":"})
                if (starts_with(rest, colon))
                    rest = trimmed(rest.substr(std::string(colon).size()));
            if (!rest.empty()) return std::make_pair(rest, it->line);
        }
    }
    // "评价的对象为X项目支出" (seed 004), "本次绩效评价围绕X项目" (seed 001).
    for (auto it = prose.rbegin(); it != prose.rend(); ++it) {
        const std::string& line = it->text;
        for (const std::string marker : {"对象为", "围绕"}) {
            std::size_t at = line.find(marker);
            if (at == std::string::npos) continue;
            std::size_t begin = at + marker.size();
            std::size_t end = line.find("项目", begin);
            std::size_t stop = line.find("，", begin);
            if (end == std::string::npos || (stop != std::string::npos && stop < end)) continue;
            std::string name =
                trimmed(line.substr(begin, end + std::string("项目").size() - begin));
            if (name.size() > std::string("项目").size()) return std::make_pair(name, it->line);
        }
    }
    static const std::vector<std::string> numerals{"一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
    static const std::vector<std::string> suffixes{"绩效评价报告", "绩效自评报告", "绩效自评表",
                                                   "绩效评价情况", "绩效自评情况"};
    for (auto it = prose.rbegin(); it != prose.rend(); ++it) {
        std::string line = trimmed(it->text);
        std::size_t comma = line.find("、");
        if (comma == std::string::npos || comma > 9) continue;
        bool numbered = false;
        for (const auto& n : numerals)
            if (starts_with(line, n)) numbered = true;
        if (!numbered) continue;
        std::string name = trimmed(line.substr(comma + std::string("、").size()));
        for (const auto& s : suffixes)
            if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
                name = name.substr(0, name.size() - s.size());
        // A generic heading ("二、项目支出绩效评价报告") names no project.
        static const std::vector<std::string> generic{"项目支出", "项目", "重点项目",
                                                      "项目支出绩效"};
        if (name.find("项目") != std::string::npos &&
            std::find(generic.begin(), generic.end(), name) == generic.end())
            return std::make_pair(name, it->line);
    }
    return std::nullopt;
}

// The year: （2022年度） just before the table, else the first 20xx年度 of the source.
int year_from_prose(const std::vector<Cell>& prose) {
    for (auto it = prose.rbegin(); it != prose.rend(); ++it) {
        const std::string t = squeeze(it->text); // (2020 年度): spaces are no part of it
        std::size_t at = t.find("年度");
        while (at != std::string::npos) {
            if (at >= 4) {
                std::string y = t.substr(at - 4, 4);
                if (std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                    (y[0] == '1' || y[0] == '2'))
                    return std::stoi(y);
            }
            at = t.find("年度", at + 1);
        }
    }
    return 0;
}

class Extractor {
public:
    Extractor(const Grid& grid, const templates::Template* layout) : grid_(grid), layout_(layout) {}

    Extraction run() {
        for (std::size_t i = 0; i < grid_.size(); ++i)
            step(i);
        close();
        return std::move(out_);
    }

    // Cells holding the template's instructions, emptied in `grid` and kept for their tables.
    static std::vector<Cell> take_instructions(Grid& grid, const templates::Template& t) {
        std::vector<Cell> out;
        for (auto& item : grid) {
            if (item.kind != Item::Kind::row) continue;
            for (auto& c : item.cells)
                if (t.is_instruction(c.text)) {
                    out.push_back(c);
                    c.text.clear();
                }
        }
        return out;
    }

private:
    enum class State { outside, department, head, goals, indicators };

    const Grid& grid_;
    const templates::Template* layout_ = nullptr;
    Extraction out_;
    State state_ = State::outside;
    std::optional<Table> table_;
    std::vector<Cell> prose_; // prose seen so far (for names and years)
    // Reading an index system in the prose (index_system_line).
    int index_header_ = 0; // header cells seen; 4: reading rows
    std::string index_l1_, index_l2_;
    bool index_fresh_l1_ = false, index_expect_name_ = false;
    std::optional<Cell> index_name_;
    std::vector<IndexRow> pending_index_;
    std::vector<Cell> recent_prose_;
    // Funds and indicator column maps, from the header rows.
    std::map<std::size_t, FundRole> fund_columns_;
    std::size_t fund_header_size_ = 0;
    bool rate_in_percent_ = false; // 预算执行进度(%): rates written without their %
    std::vector<Role> columns_;
    bool in_funds_ = false;
    // A row Word split into pieces, waiting for the rest.
    std::vector<Cell> pending_;
    std::vector<Cell> pending_prose_;
    std::string last1_, last2_;
    bool header_fragment_ = false; // a 绩效指标 cell Word broke into 绩 / 效 / 指 / 标
    // The indicator header, open while Word's pieces of it keep coming (年度 / 指标值 / 实际 …).
    std::vector<std::string> header_texts_;
    bool header_open_ = false;
    std::vector<Cell> goal_cells_;
    std::vector<std::size_t> goal_rows_; // cells of each goals row, in order
    std::vector<Cell> goal_labels_;      // the goals heading's labels after the first two
    std::size_t other_rows_line_ = 0, other_rows_ = 0;
    // The table just closed at its total row, and only rows under the total followed since.
    bool under_total_ = false;

    void start_table(std::size_t line) {
        close();
        table_ = Table{};
        table_->index = out_.tables.size() + 1;
        table_->first_line = line;
        table_->year = year_from_prose(recent_prose_.empty() ? prose_ : recent_prose_);
        if (!table_->year) table_->year = year_from_prose(prose_);
        last1_.clear();
        last2_.clear();
        columns_.clear();
        in_funds_ = false;
        if (layout_) table_->layout = layout_->name;
        table_->index_system = std::move(pending_index_);
        pending_index_.clear();
        index_header_ = 0;
    }

    // The goal cells in order: the expected goal, then the achieved result (more cells: its rest).
    void take_goals() {
        if (!table_ || goal_cells_.empty()) return;
        // Several rows of two or three cells (Hebei: 年度预期目标 | 具体完成情况 | 总体完成率(%)):
        // the columns are the expected goal, the result and a figure of its own.
        const bool columns =
            goal_rows_.size() > 1 &&
            std::all_of(goal_rows_.begin(), goal_rows_.end(), [](std::size_t n) { return n >= 2; });
        if (columns) {
            std::size_t at = 0;
            for (std::size_t n : goal_rows_) {
                auto join = [&](std::optional<Cell>& slot, const Cell& c) {
                    if (!slot)
                        slot = c;
                    else
                        slot->text += "\n\n" + c.text;
                };
                join(table_->expected, goal_cells_[at]);
                join(table_->achieved, goal_cells_[at + 1]);
                for (std::size_t k = 2; k < n; ++k) {
                    const Cell& c = goal_cells_[at + k];
                    if (k - 2 < goal_labels_.size())
                        table_->head_info.push_back({goal_labels_[k - 2], c});
                    else
                        table_->unplaced.push_back(c);
                }
                at += n;
            }
            goal_cells_.clear();
            goal_rows_.clear();
            return;
        }
        goal_rows_.clear();
        table_->expected = goal_cells_[0];
        if (goal_cells_.size() > 1) table_->achieved = goal_cells_[1];
        for (std::size_t k = 2; k < goal_cells_.size(); ++k)
            table_->achieved->text += "\n\n" + goal_cells_[k].text;
        goal_cells_.clear();
    }

    static bool holds_nothing(const Table& t) {
        return t.name.empty() && !t.department && !t.unit && !t.contact && !t.phone &&
               t.funds.empty() && !t.expected && !t.achieved && t.indicators.empty() &&
               !t.total_weight && !t.total_score && t.unplaced.empty();
    }

    void close() {
        take_goals();
        flush_pending();
        // A form without a 分值 column states the budget row's points in the funds block's title
        // (预算执行情况(万元)(20分), Hubei's 20/80 form): they are the total row's weight, when
        // the row is scored (a form that prints no score at all is not a scored table).
        if (table_ && table_->funds_points)
            for (auto& r : table_->funds)
                if (r.name == vocab::kw::row_total.view() && !r.weight && r.score &&
                    std::none_of(fund_columns_.begin(), fund_columns_.end(),
                                 [](const auto& c) { return c.second == FundRole::weight; })) {
                    Cell points = *table_->funds_points;
                    points.text = points_of(points.text);
                    r.weight = points;
                }
        if (table_ && holds_nothing(*table_)) {
            // A header row with nothing under it (a template, a page's stray heading): not a
            // project, and not worth an empty spec.
            out_.skipped.push_back({table_->first_line, tr("table heading with no rows under it")});
            table_.reset();
        }
        if (table_) {
            if (table_->name.empty()) {
                if (auto n = name_from_prose(recent_prose_.empty() ? prose_ : recent_prose_)) {
                    table_->name = n->first;
                    table_->name_where = trf("prose, line {}", n->second);
                } else {
                    table_->name = fmt::format("未命名项目（第 {} 行）", table_->first_line);
                    out_.problems.push_back(
                        trf("the table at line {} states no project name; named \"{}\"",
                            table_->first_line, table_->name));
                }
            }
            out_.tables.push_back(std::move(*table_));
            table_.reset();
        }
        recent_prose_.clear();
        state_ = State::outside;
    }

    void step(std::size_t i) {
        const Item& item = grid_[i];
        if (item.kind == Item::Kind::prose) {
            prose(item.prose);
            return;
        }
        const auto& cells = item.cells;
        const Cell* first = first_filled(cells); // may move to a 项目名称 label inside the row
        std::string head = first ? squeeze(first->text) : "";
        header_fragment_ =
            table_ && cells.size() == 1 && !head.empty() && std::string("绩效指标").find(head) == 0;
        if (header_fragment_) return;
        if (under_total_ && under_total_row(cells, head)) return;
        under_total_ = false;
        // Once a row each: both normalise every cell.
        const bool indicator_header = is_indicator_header(cells);
        const bool department_header = is_department_header(cells, indicator_header);
        if (state_ == State::goals && head != "项目名称" && !indicator_header &&
            !department_header && !total_label(head)) {
            goal_rows_.push_back(0);
            for (const auto& c : cells)
                if (!empty_cell(c) && !goals_label(c.text)) {
                    goal_cells_.push_back(c);
                    ++goal_rows_.back();
                }
            if (goal_rows_.back() == 0) goal_rows_.pop_back();
            return;
        }

        // 一、基本情况 | 项目名称: | X | …: a section's first row that names the project.
        if (column_key(head) == "部门名称") head = "评价部门名称"; // 部门(单位)名称
        if (!first || (head != "项目名称" && column_key(head) != "评价部门名称"))
            for (const auto& c : cells)
                if (&c != first && column_key(c.text) == "项目名称" && first &&
                    without_numbering(column_key(head)) != column_key(head)) {
                    first = &c;
                    head = "项目名称";
                    break;
                }
        if (head == "项目名称" || column_key(head) == "评价部门名称") {
            start_table(cells.front().line);
            state_ = State::head;
            // The next filled cell: a spreadsheet leaves the rest of a merged label empty.
            for (std::size_t k = static_cast<std::size_t>(first - cells.data()) + 1;
                 k < cells.size(); ++k)
                if (!empty_cell(cells[k])) {
                    table_->name = trimmed(collapse_breaks(cells[k].text));
                    table_->name_where = cells[k].where;
                    // The rest of the row: more of the head (项目负责人及电话 | …, 下属单位个数 |
                    // 0), never dropped.
                    std::vector<Cell> rest(cells.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                           cells.end());
                    if (!head_info_row(rest, nullptr))
                        for (const auto& c : rest)
                            if (!empty_cell(c)) table_->unplaced.push_back(c);
                    break;
                }
            return;
        }
        if (department_header) {
            close();
            DepartmentRows d;
            d.line = cells.front().line;
            for (const auto& c : cells)
                d.header.push_back(squeeze(c.text));
            out_.department.push_back(std::move(d));
            state_ = State::department;
            return;
        }
        if (indicator_header && state_ == State::indicators && header_open_) {
            merge_header(cells); // a second header row: 一级指标 | … under 绩效指标 | …
            return;
        }
        if (indicator_header) {
            take_goals();
            flush_pending();
            if (!table_ || state_ == State::indicators) start_table(cells.front().line);
            header_texts_.clear();
            for (const auto& c : cells) {
                header_texts_.push_back(squeeze(c.text));
                // 绩效指标(90分), 年度绩效目标(80分): the block's points.
                if (!points_of(c.text).empty() && role_of(c.text) == Role::indicators)
                    table_->indicators_points = c;
            }
            set_columns();
            header_open_ = true;
            state_ = State::indicators;
            return;
        }
        if (state_ == State::indicators && header_open_) {
            bool continues = first != nullptr;
            for (const auto& c : cells)
                if (!empty_cell(c) && !header_like(squeeze(c.text)) &&
                    role_of(c.text) == Role::none)
                    continues = false;
            if (continues) {
                merge_header(cells);
                return;
            }
            header_open_ = false;
        }
        // A table without 项目名称 row starts with its funds, goals or metadata (seed 001, line
        // 470).
        if (state_ == State::outside &&
            (funds_heading(head, layout_) || goals_heading(head) || head == "主管部门" ||
             head == "项目负责人" || head == "项目实施单位")) {
            start_table(cells.front().line);
            state_ = State::head;
        }
        if (state_ == State::department) {
            department_row(cells);
            return;
        }
        if (state_ == State::outside &&
            std::count_if(cells.begin(), cells.end(),
                          [](const Cell& c) { return !empty_cell(c); }) <= 1) {
            if (first) prose(*first); // a title or year line laid out as a row
            return;
        }
        if (state_ == State::outside) {
            // Rows of some other table (a payment list …): reported, not silently dropped.
            if (!out_.skipped.empty() && out_.skipped.back().line == other_rows_line_) {
                out_.skipped.back().what =
                    trf("table of {} rows that is not a self-evaluation table", ++other_rows_);
            } else {
                other_rows_line_ = cells.front().line;
                other_rows_ = 1;
                out_.skipped.push_back(
                    {other_rows_line_, tr("table of 1 row that is not a self-evaluation table")});
            }
            return;
        }
        if (total_label(head)) {
            flush_pending();
            total(cells, first);
            table_->last_line = cells.back().line;
            close();
            under_total_ = true;
            return;
        }
        if (state_ == State::indicators && under_table_text(cells, head)) return;
        if (state_ == State::indicators) {
            indicator_piece(cells);
            return;
        }
        head_row(cells, head);
    }

    // A row of a department-level table. A row of fewer cells than the header continues the
    // last cell of the row above (Word broke a long cell across rows).
    void department_row(const std::vector<Cell>& cells) {
        auto& d = out_.department.back();
        std::vector<Cell> filled;
        for (const auto& c : cells)
            if (!empty_cell(c)) filled.push_back(c);
        if (filled.empty()) return;
        if (filled.size() == 1 && cells.size() < d.header.size() && !d.rows.empty()) {
            d.rows.back().back().text += "\n" + filled.front().text;
            return;
        }
        d.rows.push_back(cells);
    }

    static std::string collapse_breaks(const std::string& s) {
        std::string out;
        for (char c : s)
            if (c != '\n' && c != '\r') out += c;
        return out;
    }

    static std::string header_summary(const std::vector<Cell>& cells) {
        std::string s;
        for (std::size_t k = 0; k < cells.size() && k < 6; ++k)
            s += (k ? " | " : "") + squeeze(cells[k].text);
        return s + (cells.size() > 6 ? " | …" : "");
    }

    void set_columns() {
        columns_.clear();
        for (const auto& h : header_texts_) {
            Role r = role_in(h, layout_);
            // 分值 (自评权重) right after a level's column holds that level's points (Hainan's
            // 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分; Jiangxi's 分解目标 |
            // 自评权重 | 二级指标).
            if (r == Role::weight && !columns_.empty() && columns_.back() == Role::level1)
                r = Role::level1_points;
            else if (r == Role::weight && !columns_.empty() && columns_.back() == Role::level2)
                r = Role::level2_points;
            // 自评分 | … | 得分 (Hunan's 计分表): the unit's own score first, a reviewer's after.
            else if (r == Role::score &&
                     std::find(columns_.begin(), columns_.end(), Role::score) != columns_.end())
                r = Role::second_score;
            columns_.push_back(r);
        }
    }

    // A row under the header that is more header: the rest of headings Word cut (年度 | 实际
    // over 指标值 | 完成值), the columns a group heading splits into (绩效指标 over 一级指标 |
    // 二级指标 | 三级指标; 年度指标值 over 指标性质 | 指标值 | 度量单位; 自评得分 over 单项指标
    // 得分 | 权重占比 | 折算得分), or the next pieces of a header row Word broke.
    void merge_header(const std::vector<Cell>& cells) {
        std::vector<std::string> pieces;
        for (const auto& c : cells)
            if (!empty_cell(c)) pieces.push_back(squeeze(c.text));
        std::vector<std::size_t> cut;
        for (std::size_t k = 0; k < header_texts_.size(); ++k)
            if (!header_texts_[k].empty() && role_of(header_texts_[k]) == Role::none &&
                header_like(header_texts_[k]))
                cut.push_back(k);
        if (!cut.empty() && pieces.size() <= cut.size()) {
            bool completes = true;
            for (std::size_t i = 0; i < pieces.size(); ++i)
                completes = completes && role_of(header_texts_[cut[i]] + pieces[i]) != Role::none;
            if (completes) {
                for (std::size_t i = 0; i < pieces.size(); ++i)
                    header_texts_[cut[i]] += pieces[i];
                set_columns();
                return;
            }
        }
        std::vector<Role> kinds;
        for (const auto& p : pieces)
            kinds.push_back(role_of(p));
        auto child = [](Role r) {
            return r == Role::level1 || r == Role::level2 || r == Role::name ||
                   r == Role::comparator || r == Role::unit || r == Role::score_raw ||
                   r == Role::weight_share;
        };
        if (std::any_of(kinds.begin(), kinds.end(), child)) {
            std::vector<std::string> merged;
            std::size_t j = 0;
            auto take = [&](std::initializer_list<Role> allowed) {
                std::vector<std::string> got;
                while (j < pieces.size() &&
                       std::find(allowed.begin(), allowed.end(), kinds[j]) != allowed.end())
                    got.push_back(pieces[j++]);
                return got;
            };
            for (const auto& h : header_texts_) {
                std::vector<std::string> got;
                switch (role_of(h)) {
                case Role::indicators:
                    got = take({Role::level1, Role::level2, Role::name});
                    break;
                case Role::target:
                    got = take({Role::comparator, Role::target, Role::unit});
                    // 符号 | 单位 with the value's own heading lost: the value stands between.
                    if (!got.empty() &&
                        std::none_of(got.begin(), got.end(), [](const std::string& g) {
                            return role_of(g) == Role::target;
                        }))
                        got.insert(got.begin() + (role_of(got.front()) == Role::comparator ? 1 : 0),
                                   std::string(vocab::kw::target_short.view()));
                    break;
                case Role::score:
                    got = take({Role::score_raw, Role::weight_share, Role::score});
                    break;
                default:
                    break;
                }
                if (got.empty())
                    merged.push_back(h);
                else
                    merged.insert(merged.end(), got.begin(), got.end());
            }
            for (; j < pieces.size(); ++j)
                merged.push_back(pieces[j]);
            header_texts_ = std::move(merged);
            set_columns();
            return;
        }
        for (const auto& c : cells)
            header_texts_.push_back(squeeze(c.text));
        set_columns();
    }

    // The index system of an evaluation report, laid out in its prose one cell a line after the
    // header 一级指标 / 二级指标 / 三级指标 / 分值: category words set the level 1 and 2, a name is
    // taken when a weight follows it. Anything else ends it.
    static bool is_category_word(const std::string& s, bool level1) {
        for (const auto& c : vocab::categories)
            if (s == c.name) {
                const bool top = s == vocab::cat::output.view() ||
                                 s == vocab::cat::benefit.view() ||
                                 s == vocab::cat::satisfaction.view() ||
                                 s == vocab::cat::budget_execution.view();
                return top == level1;
            }
        return false;
    }
    static bool is_weight(const std::string& s) {
        return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == '.';
        });
    }
    // True when the line was taken as part of an index system.
    bool index_system_line(const Cell& line) {
        static const char* const header[] = {"一级指标", "二级指标", "三级指标", "分值"};
        const std::string t = squeeze(line.text);
        if (index_header_ < 4) {
            if (t == header[index_header_]) {
                ++index_header_;
                if (index_header_ == 4) {
                    pending_index_.clear();
                    index_l1_.clear();
                    index_l2_.clear();
                    index_name_.reset();
                    index_fresh_l1_ = index_expect_name_ = false;
                }
                return false; // the header stays prose
            }
            index_header_ = t == header[0] ? 1 : 0;
            return false;
        }
        if (index_name_) {
            if (is_weight(t)) {
                pending_index_.push_back(
                    {index_l1_, index_l2_, index_name_->text, t, index_name_->line});
                index_name_.reset();
                return true;
            }
            // A line without a weight after it: the index system has ended, and that line was
            // prose after all.
            index_header_ = 0;
            prose_.push_back(*index_name_);
            recent_prose_.push_back(*index_name_);
            index_name_.reset();
            return false;
        }
        if (index_fresh_l1_) { // the cell after a level 1 is its level 2, whatever it says
            index_l2_ = t;
            index_fresh_l1_ = false;
            // 预算执行率 | 预算执行率 | 预算执行率: the third is the indicator's name.
            index_expect_name_ = t == vocab::cat::budget_execution.view();
            return true;
        }
        if (index_expect_name_) {
            index_expect_name_ = false;
            index_name_ = Cell{std::string(text::trim(line.text)), line.line, line.where};
            return true;
        }
        if (is_category_word(t, true)) {
            index_l1_ = t;
            index_l2_.clear();
            index_fresh_l1_ = true;
            return true;
        }
        if (is_category_word(t, false)) {
            index_l2_ = t;
            return true;
        }
        if (!index_l1_.empty() && !index_l2_.empty() && !t.empty() && t.size() <= 300) {
            index_name_ = Cell{std::string(text::trim(line.text)), line.line, line.where};
            return true;
        }
        index_header_ = 0; // the end of the index system
        return false;
    }

    void prose(const Cell& line) {
        if (line.text.empty()) { // the end of a spreadsheet's sheet ends its table
            close();
            return;
        }
        if (!table_ && index_system_line(line)) return;
        prose_.push_back(line);
        if (table_ && state_ == State::indicators && header_open_ && !header_texts_.empty() &&
            header_like(header_texts_.back() + squeeze(line.text))) {
            header_texts_.back() += squeeze(line.text);
            set_columns();
            return;
        }
        if (!table_) {
            recent_prose_.push_back(line);
            // Prose after a department-level table ends it.
            if (state_ == State::department) state_ = State::outside;
            return;
        }
        if (header_fragment_ &&
            std::string("绩效指标").find(squeeze(line.text)) != std::string::npos)
            return;
        // A line without TAB inside a table: the rest of a cell that holds an empty paragraph.
        if (!pending_.empty()) {
            pending_prose_.push_back(line);
            return;
        }
        if (state_ == State::goals && !goal_cells_.empty()) {
            goal_cells_.back().text += "\n\n" + line.text;
            return;
        }
        if (state_ == State::indicators && !table_->indicators.empty()) {
            // After the indicator rows: the table is over.
            close();
            recent_prose_.push_back(line);
            return;
        }
        table_->unplaced.push_back(line);
    }

    // A text row at the foot of the indicator table, before or without a total: 偏差大或目标未
    // 完成原因分析 | …, 改进措施及结果应用方案 | … (Hubei), 存在问题 | …, 评价结论 | ….
    bool under_table_text(const std::vector<Cell>& cells, const std::string& head) {
        const std::string key = column_key(head);
        std::optional<Cell>* slot = nullptr;
        if (starts_with(key, "改进措施") || key == "整改措施")
            slot = &table_->measures;
        else if (key == "存在问题" || key == "偏差大或目标未完成原因分析" || key == "问题及原因")
            slot = &table_->problems;
        else if (key == "评价结论" || key == "总体评价")
            slot = &table_->conclusion;
        if (!slot || *slot) return false;
        std::size_t filled = 0;
        const Cell* value = nullptr;
        for (const auto& c : cells)
            if (!empty_cell(c) && ++filled == 2) value = &c;
        if (filled > 2) return false;
        flush_pending();
        *slot = value ? *value : Cell{};
        table_->last_line = cells.back().line;
        return true;
    }

    // A row under the total (评价结论 "…", 财务负责人 "…", 项目负责人 | 李四 | 财务负责人 | 王五):
    // its text joins the table just closed.
    bool under_total_row(const std::vector<Cell>& cells, const std::string& head) {
        if (out_.tables.empty()) return false;
        Table& t = out_.tables.back();
        auto label = [](std::string h) {
            while (!h.empty() && h.back() == ':')
                h.pop_back();
            return h;
        };
        // The field a label names, when it is still empty.
        auto slot_for = [&](const std::string& h) -> std::optional<Cell>* {
            std::optional<Cell>* slot = h == "评价结论"     ? &t.conclusion
                                        : h == "存在问题"   ? &t.problems
                                        : h == "改进措施"   ? &t.measures
                                        : h == "财务负责人" ? &t.finance_officer
                                        : h == "项目负责人" ? &t.contact
                                        : h == "联系电话"   ? &t.phone
                                                            : nullptr;
            return slot && !*slot ? slot : nullptr;
        };
        std::optional<Cell>* slot = slot_for(label(head));
        if (!slot) return false; // a second one is no row of this table
        // 项目负责人 alone is the head of the next table, not a signature.
        if (slot == &t.contact || slot == &t.phone) {
            bool pair = false;
            for (const auto& c : cells)
                pair = pair || label(squeeze(c.text)) == "财务负责人";
            if (!pair) return false;
        }
        std::vector<std::optional<Cell>*> opened;
        for (const auto& c : cells) {
            if (empty_cell(c)) continue;
            if (auto* s = slot_for(label(squeeze(c.text)));
                s && std::find(opened.begin(), opened.end(), s) == opened.end()) {
                opened.push_back(s);
                slot = s;
                continue;
            }
            if (!*slot)
                *slot = c;
            else
                t.unplaced.push_back(c); // a second value: kept, never dropped
        }
        for (auto* s : opened)
            if (!*s) *s = Cell{}; // the label with nothing after it: stated empty
        t.last_line = cells.back().line;
        return true;
    }

    void head_row(const std::vector<Cell>& cells, const std::string& head) {
        static const std::vector<std::string> labels{"主管部门", "实施单位", "项目负责人",
                                                     "联系电话"};
        auto value_after = [&](const std::string& label) -> std::optional<Cell> {
            for (std::size_t k = 0; k + 1 < cells.size(); ++k) {
                if (squeeze(cells[k].text) != label) continue;
                for (std::size_t v = k + 1; v < cells.size(); ++v) {
                    std::string t = squeeze(cells[v].text);
                    if (std::find(labels.begin(), labels.end(), t) != labels.end())
                        return std::nullopt;
                    if (!t.empty()) return cells[v];
                }
            }
            return std::nullopt;
        };
        if (head == "主管部门" || head == "实施单位") {
            if (head_info_row(cells, nullptr)) return;
            table_->department = value_after("主管部门");
            table_->unit = value_after("实施单位");
            return;
        }
        if (head == "项目负责人" || head == "联系电话") {
            table_->contact = value_after("项目负责人");
            table_->phone = value_after("联系电话");
            return;
        }
        if (column_key(head) == "项目负责人及电话" && head_info_row(cells, nullptr)) return;
        if (funds_heading(head, layout_)) {
            for (const auto& c : cells)
                if (!empty_cell(c)) {
                    if (!points_of(c.text).empty()) table_->funds_points = c;
                    break;
                }
            // The unit in the heading, or in the heading over the row labels (年度预算数(万元)).
            for (const auto& c : cells) {
                const std::string h = squeeze(c.text);
                if (h.find("(元)") != std::string::npos) table_->funds_unit = "元";
                if (h.find("(亿元)") != std::string::npos) table_->funds_unit = "亿元";
            }
            fund_columns_.clear();
            fund_header_size_ = cells.size();
            rate_in_percent_ = false;
            for (const auto& c : cells)
                if (fund_role_of(c.text) == FundRole::rate &&
                    squeeze(c.text).find("(%)") != std::string::npos)
                    rate_in_percent_ = true;
            for (std::size_t k = 0; k < cells.size(); ++k)
                if (FundRole r = fund_role_in(cells[k].text, layout_); r != FundRole::none)
                    fund_columns_[k] = r;
            in_funds_ = true;
            return;
        }
        if (goals_heading(head)) {
            in_funds_ = false;
            state_ = State::goals;
            goal_cells_.clear();
            goal_rows_.clear();
            // The labels of the goals' columns after the expected goal and the result (总体完成率).
            goal_labels_.clear();
            std::size_t labels = 0;
            for (const auto& c : cells)
                if (!empty_cell(c) && ++labels > 3) goal_labels_.push_back(c);
            return;
        }
        if (in_funds_) {
            fund_row(cells);
            return;
        }
        if (head_info_row(cells, nullptr)) return;
        for (const auto& c : cells)
            if (!empty_cell(c)) table_->unplaced.push_back(c);
    }

    // 填报人：张三  审核人：李四  填报日期：2024年3月15日: each label and its value, kept.
    bool signature_info(const Cell& line) {
        std::string t = squeeze(line.text);
        std::vector<std::pair<std::string, std::string>> pairs;
        std::size_t at = 0;
        while (at < t.size()) {
            std::size_t colon = t.find(':', at);
            if (colon == std::string::npos) break;
            // The value runs to the next label: the last CJK run before the next colon.
            std::size_t next = t.find(':', colon + 1);
            std::size_t end = t.size();
            if (next != std::string::npos) {
                end = next;
                for (const char* w :
                     {"审核人", "填报日期", "单位负责人", "财务负责人", "项目负责人", "联系人",
                      "填表人", "复核人", "填报人", "联系电话", "日期"}) {
                    std::size_t k = t.rfind(w, next);
                    if (k != std::string::npos && k > colon && k + std::string(w).size() == next) {
                        end = k;
                        break;
                    }
                }
            }
            pairs.push_back({t.substr(at, colon - at), t.substr(colon + 1, end - colon - 1)});
            at = end;
        }
        if (pairs.empty()) return false;
        for (const auto& [l, v] : pairs) {
            if (v.empty()) continue;
            table_->head_info.push_back(
                {Cell{l, line.line, line.where}, Cell{v, line.line, line.where}});
        }
        return true;
    }

    // A row of the head as label | text pairs that have no field of their own (项目类别 | 1、部门
    // 预算项目, 地址 | … | 邮编 | 570204, 下属单位个数 | 0): kept as 表头. A label is short and has
    // no figure in it; `taken` is a cell of the row already placed elsewhere.
    bool head_info_row(const std::vector<Cell>& cells, const Cell* taken) {
        auto label = [](const std::string& t) {
            const std::string k = squeeze(t);
            return !k.empty() && k.size() <= 10 * 3 &&
                   std::none_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        auto ends_colon = [](const std::string& t) {
            const std::string k = squeeze(t);
            return !k.empty() && k.back() == ':';
        };
        // Label | value by position; a value may be empty (是否为专项资金: | ), or follow its label
        // in the same cell (金额单位: 万元).
        std::vector<std::pair<Cell, Cell>> pairs;
        for (std::size_t k = 0; k < cells.size();) {
            const Cell& c = cells[k];
            if (empty_cell(c) || (taken && c.where == taken->where && c.line == taken->line)) {
                ++k;
                continue;
            }
            const std::string sq = squeeze(c.text);
            const std::size_t colon = sq.find(':');
            if (colon != std::string::npos && colon + 1 < sq.size() && label(sq.substr(0, colon))) {
                Cell l = c, v = c;
                l.text = sq.substr(0, colon);
                v.text = sq.substr(colon + 1);
                pairs.push_back({l, v});
                ++k;
                continue;
            }
            if (!label(c.text)) return false;
            // The value is the next filled cell (a spreadsheet leaves the rest of a merged label
            // empty), unless that is the next label: then this one states nothing.
            Cell value{"", c.line, c.where};
            std::size_t next = k + 1;
            while (next < cells.size() && empty_cell(cells[next]))
                ++next;
            if (next < cells.size() && !ends_colon(cells[next].text) &&
                !known_head_label(cells[next].text)) {
                value = cells[next];
                k = next + 1;
            } else {
                k = next;
            }
            pairs.push_back({c, value});
        }
        if (pairs.empty()) return taken != nullptr;
        for (auto& [l, v] : pairs) {
            const std::string key = column_key(l.text);
            const std::string value = squeeze(v.text);
            if (key == "主管部门" && !table_->department)
                table_->department = v;
            else if ((key == "实施单位" || key == "项目实施单位") && !table_->unit)
                table_->unit = v;
            else if ((key == "项目负责人" || key == "项目负责人及电话") && !table_->contact)
                table_->contact = v;
            else if (key == "联系电话" && !table_->phone)
                table_->phone = v;
            else if (key == "金额单位" && (value == "万元" || value == "元" || value == "亿元"))
                table_->funds_unit = value;
            else if (!value.empty())
                table_->head_info.push_back({l, v});
            // A label with nothing after it states nothing: the cell is the layout's.
        }
        return true;
    }

    void fund_row(const std::vector<Cell>& cells) {
        FundRow row;
        row.line = cells.front().line;
        std::size_t name_at = 0;
        for (; name_at < cells.size(); ++name_at) {
            const Cell& c = cells[name_at];
            row.name = layout_ ? layout_->funds_row(c.text) : std::string();
            if (row.name.empty()) row.name = fund_row_name(c.text);
            if (!row.name.empty()) break;
        }
        // 预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 | 100.00 (Hebei's system export): the
        // total row names no row, its first cell names a column.
        if (row.name.empty()) {
            const Cell* f = first_filled(cells);
            if (f && fund_role_of(f->text) != FundRole::none &&
                std::none_of(table_->funds.begin(), table_->funds.end(), [](const FundRow& r) {
                    return r.name == vocab::kw::row_total.view();
                })) {
                row.name = std::string(vocab::kw::row_total.view());
                name_at = static_cast<std::size_t>(f - cells.data());
            }
        }
        if (row.name.empty()) {
            for (const auto& c : cells)
                if (!empty_cell(c)) table_->unplaced.push_back(c);
            return;
        }
        auto put = [&](FundRole role, const Cell& c) {
            std::string v = squeeze(c.text);
            if (v.empty() || v == "—" || v == "-" || v == "无" || v == "/") return;
            switch (role) {
            case FundRole::initial:
                row.initial = c;
                break;
            case FundRole::annual:
                row.annual = c;
                break;
            case FundRole::received: {
                // No field of the language: kept with its row's name (到位数 of 财政资金).
                Cell label = c;
                label.text = std::string(vocab::kw::row_total.view()) == row.name
                                 ? "到位数"
                                 : "到位数（" + row.name + "）";
                table_->head_info.push_back({label, c});
                break;
            }
            case FundRole::spent:
                row.spent = c;
                break;
            case FundRole::weight:
                row.weight = c;
                break;
            case FundRole::method: {
                Cell label = c;
                label.text = "得分计算方法";
                table_->head_info.push_back({label, c});
                break;
            }
            case FundRole::rate: {
                Cell r = c;
                // 预算执行进度(%) | 100.00: the heading says the figure is a percentage.
                if (rate_in_percent_ && r.text.find('%') == std::string::npos &&
                    Decimal::parse(squeeze(r.text)))
                    r.text = squeeze(r.text) + "%";
                row.rate = r;
                break;
            }
            case FundRole::score:
                row.score = c;
                break;
            case FundRole::reason:
                row.reason = c;
                break;
            default:
                break;
            }
        };
        // Label | figure pairs after the name (其中:财政资金 | 6.84 | 其中:财政资金 | 6.84 …,
        // 预算数 | 6.84 | 到位数 | 6.84): the figures take the header's columns in order.
        std::vector<const Cell*> figures;
        std::size_t labels = 0;
        bool pairs = true;
        const std::string name_key = column_key(cells[name_at].text);
        for (std::size_t k = name_at + 1; k < cells.size() && pairs; ++k) {
            const Cell& c = cells[k];
            if (empty_cell(c)) continue;
            const std::string v = squeeze(c.text);
            if (Decimal::parse(v) ||
                (v.size() > 1 && v.back() == '%' && Decimal::parse(v.substr(0, v.size() - 1))))
                figures.push_back(&c);
            else if (fund_role_of(c.text) != FundRole::none || column_key(c.text) == name_key)
                ++labels;
            else
                pairs = false;
        }
        if (pairs && labels > 0 && !figures.empty() && figures.size() <= fund_columns_.size()) {
            auto column = fund_columns_.begin();
            for (const Cell* f : figures)
                put((column++)->second, *f);
            table_->funds.push_back(std::move(row));
            return;
        }
        // The row's cells align with the header by its name: the name stands in the column
        // before the first figure column, and the figures follow it in order, however many cells
        // Word or a merge left in front or behind (a sub-row without the merged 分值 and 得分
        // cells is never shifted right). A row as wide as its header (a spreadsheet's, or a
        // whole Word row) is read column by column: its label may span two columns.
        const std::size_t label_col =
            fund_columns_.empty() ? 0 : std::max<std::size_t>(fund_columns_.begin()->first, 1) - 1;
        const bool full = cells.size() >= fund_header_size_;
        for (std::size_t k = name_at + 1; k < cells.size(); ++k) {
            const Cell& c = cells[k];
            auto it = fund_columns_.find(full ? k : label_col + (k - name_at));
            if (it == fund_columns_.end()) {
                if (!empty_cell(c) && squeeze(c.text) != "/" && squeeze(c.text) != "—")
                    table_->unplaced.push_back(c);
                continue;
            }
            put(it->second, c);
        }
        table_->funds.push_back(std::move(row));
    }

    void total(const std::vector<Cell>& cells, const Cell* first) {
        std::vector<Cell> figures, foot;
        // 总分100: Word glued the weight to its label.
        const std::string glued =
            squeeze(first->text).substr(total_label_size(squeeze(first->text)));
        if (!glued.empty()) figures.push_back(Cell{glued, first->line, first->where});
        for (const Cell* c = first + 1; c < cells.data() + cells.size(); ++c)
            if (!empty_cell(*c)) figures.push_back(without_page_number(*c, &foot));
        // 总分100 | 100 | 99.9: the glued weight is the next cell's, said twice.
        if (!glued.empty() && figures.size() >= 3 && squeeze(figures[1].text) == glued)
            figures.erase(figures.begin() + 1);
        // 填报人：张三  审核人：李四 under the total: the form's foot, as labelled head cells.
        for (const auto& f : foot)
            if (!signature_info(f)) table_->unplaced.push_back(f);
        table_->total_line = first->line;
        // A form without a 分值 column (得分 only): the total's one figure is its score.
        const bool scores_only =
            std::find(columns_.begin(), columns_.end(), Role::weight) == columns_.end() &&
            std::find(columns_.begin(), columns_.end(), Role::weight_share) == columns_.end() &&
            std::find(columns_.begin(), columns_.end(), Role::score) != columns_.end();
        if (scores_only && figures.size() == 1) {
            table_->total_score = figures[0];
            return;
        }
        if (figures.size() >= 1) table_->total_weight = figures[0];
        if (figures.size() >= 2) table_->total_score = figures[1];
        for (std::size_t k = 2; k < figures.size(); ++k) {
            std::string t = squeeze(figures[k].text);
            if (starts_with(t, "自报")) {
                // jixiao's render puts the sum in the score cell and the reported total beside it.
                Cell reported = figures[k];
                reported.text = t.substr(std::string("自报").size());
                table_->total_score = reported;
            } else if (t != "无") {
                table_->unplaced.push_back(figures[k]);
            }
        }
    }

    // Rows Word split into pieces are joined until they have the header's number of cells.
    void indicator_piece(const std::vector<Cell>& cells) {
        const std::size_t want = columns_.size();
        if (pending_.empty()) {
            if (cells.size() + 1 >= want) { // complete, or lacking only the merged front cell
                indicator_row(cells, false);
                return;
            }
            pending_ = cells;
            return;
        }
        if (pending_.size() + cells.size() > want) {
            // Not a continuation: the piece stands alone and this row starts afresh.
            flush_pending();
            indicator_piece(cells);
            return;
        }
        if (pending_.size() + cells.size() + pending_prose_.size() == want) {
            // The lines without TAB were cells of their own.
            pending_.insert(pending_.end(), pending_prose_.begin(), pending_prose_.end());
        } else if (!pending_prose_.empty()) {
            for (const auto& p : pending_prose_)
                pending_.back().text += "\n\n" + p.text;
        }
        pending_prose_.clear();
        pending_.insert(pending_.end(), cells.begin(), cells.end());
        if (pending_.size() >= want - 1) {
            auto row = std::move(pending_);
            pending_.clear();
            indicator_row(row, true);
        }
    }

    void flush_pending() {
        if (pending_.empty()) return;
        for (const auto& p : pending_prose_)
            pending_.back().text += "\n\n" + p.text;
        pending_prose_.clear();
        auto row = std::move(pending_);
        pending_.clear();
        indicator_row(row, true);
    }

    void indicator_row(const std::vector<Cell>& cells_in, bool split) {
        // A row with more cells than the header carries the merged 绩效指标 cell in front.
        std::vector<Cell> cells = cells_in;
        while (cells.size() > columns_.size() && empty_cell(cells.front()))
            cells.erase(cells.begin());
        IndicatorRow row;
        row.line = cells.front().line;
        row.where = cells.front().where;
        row.split = split;
        // A row shorter than the header lacks cells merged from the rows above: the level
        // columns in front (Word drops them), so its cells align from the right.
        const std::size_t want = columns_.size();
        std::size_t shift = want > cells.size() ? want - cells.size() : 0;
        std::size_t extra = cells.size() > want ? cells.size() - want : 0;
        for (std::size_t k = 0; k < extra; ++k)
            if (!empty_cell(cells[cells.size() - 1 - k]))
                table_->unplaced.push_back(cells[cells.size() - 1 - k]);
        std::string points1, points2;
        bool level1_here = false, level2_here = false;
        std::optional<Cell> described, share;
        const bool has_share =
            std::find(columns_.begin(), columns_.end(), Role::weight_share) != columns_.end();
        for (std::size_t k = 0; k + extra < cells.size(); ++k) {
            const Cell& c = cells[k];
            Role r = columns_[k + shift];
            switch (r) {
            case Role::level1:
                if (!empty_cell(c)) {
                    last1_ = collapse_breaks(trimmed(c.text));
                    last2_.clear();
                    level1_here = true;
                }
                break;
            case Role::level1_points:
                if (!empty_cell(c)) points1 = squeeze(c.text);
                break;
            case Role::level2:
                if (!empty_cell(c)) {
                    last2_ = collapse_breaks(trimmed(c.text));
                    level2_here = true;
                }
                break;
            case Role::level2_points:
                if (!empty_cell(c)) points2 = squeeze(c.text);
                break;
            case Role::name:
                row.name = c;
                break;
            case Role::target:
                row.target = c;
                break;
            case Role::actual:
                row.actual = c;
                break;
            case Role::weight:
                // Hebei's system export heads a column of descriptions 指标分值, beside its
                // 权重占比: text there describes the indicator.
                if (has_share && !empty_cell(c) && !Decimal::parse(squeeze(c.text)))
                    described = c;
                else
                    row.weight = without_page_number(c);
                break;
            case Role::weight_share:
                share = c;
                break;
            case Role::score:
                row.score = without_page_number(c);
                break;
            case Role::reason:
                row.reason = c;
                break;
            case Role::criteria:
                row.criteria = c;
                break;
            case Role::second_score:
                // Filled, it is a second opinion the language has no field for: kept, unplaced.
                if (!empty_cell(c)) table_->unplaced.push_back(c);
                break;
            case Role::comparator:
                row.comparator = c;
                break;
            case Role::unit:
                row.unit = c;
                break;
            case Role::none:
                if (!empty_cell(c)) table_->unplaced.push_back(c);
                break;
            case Role::indicators:
                // The merged 绩效指标 cell: a label, or the row's level 1 when the table has no
                // column of its own for it.
                if (!empty_cell(c) && role_of(c.text) == Role::none &&
                    !header_like(squeeze(c.text)))
                    table_->unplaced.push_back(c);
                break;
            case Role::score_raw: // the 0–100 score the weight share scales: 折算得分 says it
            case Role::status:    // 完成 / 未完成: what target and actual say
            case Role::derived:
                break;
            }
        }
        // 权重占比(%) of 100 points is the row's weight, when no 分值 column gives one.
        if (share && !row.weight) row.weight = share;
        // No weight column at all, the points in the name (决策依据(4分), Hunan's 计分表).
        if (!row.weight && row.name && std::none_of(columns_.begin(), columns_.end(), [](Role r) {
                return r == Role::weight || r == Role::weight_share;
            })) {
            const std::string pts = points_of(row.name->text);
            if (!pts.empty()) {
                Cell w = *row.name;
                w.text = pts;
                row.weight = w;
                row.name->text = column_key(row.name->text);
            }
        }
        if (described && row.name) {
            row.name->text =
                one_line_text(row.name->text) + "（" + one_line_text(described->text) + "）";
        } else if (described) {
            table_->unplaced.push_back(*described);
        }
        // The level's points, written into its label as the language reads them (产出指标(50分)).
        if (!points1.empty() && points_of(last1_).empty())
            last1_ = column_key(last1_) + "(" + points1 + "分)";
        if (!points2.empty() && points_of(last2_).empty())
            last2_ = column_key(last2_) + "(" + points2 + "分)";
        // A level-1 cell the page printed without its name ((50分)), or with none at all: the
        // official tree tells it from the level 2.
        if (!last2_.empty() && !known_level1(last1_) && column_key(last1_).empty()) {
            std::string parent = parent_of(last2_);
            if (!parent.empty()) {
                std::string pts = points_of(last1_);
                last1_ = pts.empty() ? parent : parent + "(" + pts + "分)";
            }
        }
        // A level 2 of another level 1 under a level-1 cell left blank (可持续影响指标 after
        // 成本指标, where the merged 效益指标 cell lost its text): the official tree places it.
        if (level2_here && !level1_here && known_level1(last1_)) {
            const std::string parent = parent_of(last2_);
            if (!parent.empty() && parent != column_key(last1_) &&
                parent_of_level1_of(last1_) != parent)
                last1_ = parent;
        }
        row.level1 = last1_;
        row.level2 = last2_;
        // A row the template leaves for more indicators, never filled (指标2:, ……, /): silent.
        auto blank = [](const std::optional<Cell>& c) {
            return !c || squeeze(c->text).empty() || squeeze(c->text) == "/";
        };
        if ((!row.name || placeholder_name(row.name->text)) && blank(row.target) &&
            blank(row.actual) && blank(row.weight) && blank(row.score) && blank(row.reason))
            return;
        if (row.level1.empty() || (row.level2.empty() && !row.name)) {
            for (const auto& c : cells)
                if (!empty_cell(c)) table_->unplaced.push_back(c);
            return;
        }
        // 其中桃树种植面积 | 1.5亩 | 1.5亩 under ★补助种植面积 | 20 | 29.5亩 …: a part of the
        // indicator above, with no weight or score of its own.
        if (row.name && blank(row.weight) && blank(row.score) && !table_->indicators.empty() &&
            table_->indicators.back().level1 == row.level1 &&
            table_->indicators.back().level2 == row.level2 &&
            (table_->indicators.back().weight || table_->indicators.back().part)) {
            std::string n = squeeze(row.name->text);
            if (starts_with(n, "其中")) {
                row.part = true;
                std::string name = one_line_text(row.name->text);
                name = name.substr(name.find("其中") + std::string("其中").size());
                for (const char* colon : {":", "：", "、"})
                    if (starts_with(name, colon)) name = name.substr(std::string(colon).size());
                row.name->text = std::string(text::trim(name));
            }
        }
        table_->indicators.push_back(std::move(row));
        table_->last_line = cells.back().line;
    }

    static std::string one_line_text(const std::string& s) { return collapse_breaks(trimmed(s)); }
};

} // namespace

Extraction extract_tables(const Grid& grid, const templates::Template* layout) {
    if (!layout || layout->instructions.empty()) return Extractor(grid, layout).run();
    Grid emptied = grid;
    std::vector<Cell> instructions = Extractor::take_instructions(emptied, *layout);
    Extraction x = Extractor(emptied, layout).run();
    for (auto& c : instructions) {
        auto in = std::find_if(x.tables.begin(), x.tables.end(), [&](const Table& t) {
            return c.line >= t.first_line && c.line <= std::max(t.last_line, t.total_line);
        });
        if (in == x.tables.end()) // before the first table (its title): the first one's
            in = std::find_if(x.tables.begin(), x.tables.end(),
                              [&](const Table& t) { return c.line < t.first_line; });
        if (in != x.tables.end())
            in->unfilled.push_back(std::move(c));
        else
            x.problems.push_back(trf("{} holds the template's instruction \"{}\" outside "
                                     "any table",
                                     c.where, c.text));
    }
    return x;
}

std::string stated_points(const std::string& label) {
    return points_of(label);
}

bool is_layout_label(const std::string& cell, const templates::Template* t) {
    if (is_layout_label(cell)) return true;
    if (!t) return false;
    const std::string h = templates::heading_key(cell);
    if (h.empty()) return false;
    auto same = [&](const std::string& label) { return templates::heading_key(label) == h; };
    std::vector<std::string> labels{
        t->title,       t->funds_title, t->funds_unit_heading, t->indicators_title,
        t->total_label, t->goals_title};
    for (const auto& c : t->funds_columns) {
        labels.push_back(c.label);
        labels.insert(labels.end(), c.also.begin(), c.also.end());
    }
    for (const auto& c : t->indicator_columns) {
        labels.push_back(c.label);
        labels.insert(labels.end(), c.also.begin(), c.also.end());
    }
    for (const auto& r : t->funds_rows) {
        labels.push_back(r.label);
        labels.insert(labels.end(), r.also.begin(), r.also.end());
    }
    for (const auto& row : t->head)
        labels.insert(labels.end(), row.begin(), row.end());
    labels.insert(labels.end(), t->under.begin(), t->under.end());
    labels.insert(labels.end(), t->signatures.begin(), t->signatures.end());
    return std::any_of(labels.begin(), labels.end(),
                       [&](const std::string& l) { return !l.empty() && same(l); });
}

bool is_layout_label(const std::string& cell) {
    std::string h = squeeze(cell);
    if (h.empty()) return false;
    if (role_of(h) != Role::none || fund_role_of(h) != FundRole::none || header_like(h))
        return true;
    if (!fund_row_name(h).empty() && fund_row_name(h).size() + 12 >= h.size()) return true;
    static constexpr std::string_view labels[] = {
        "项目名称", "主管部门",     "实施单位", "项目负责人", "联系电话", "年度总体目标",
        "预期目标", "实际完成情况", "总分",     "总计",       "合计",     "项目支出绩效自评表",
        "评价结论", "存在问题",     "改进措施", "财务负责人"};
    for (auto l : labels)
        if (h == l) return true;
    // 项目资金（万元）, 项目资金(元); a year line such as （2022年度）.
    return starts_with(h, "项目资金") || (h.find("年度") != std::string::npos && h.size() <= 20 &&
                                          (starts_with(h, "（") || starts_with(h, "(")));
}

} // namespace jx::import
