#include "import/claims.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "base/text.hpp"
#include "import/import.hpp"

namespace jx::import {

namespace {

// The prose's sentences are matched byte by byte: the patterns hold Chinese only as literals and
// capture ASCII digits, which std::regex reads correctly in UTF-8.
const std::string number = "([0-9]+(?:\\.[0-9]+)?)";
const std::string count = "([0-9]+)";
const std::string grade = "(优秀|良好|一般|较差)";

struct Found {
    std::size_t position;
    std::string value;
};

std::vector<std::smatch> all(const std::string& s, const std::regex& re) {
    std::vector<std::smatch> out;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(*it);
    return out;
}

std::optional<std::string> first(const std::string& s, const std::vector<std::regex>& res) {
    for (const auto& re : res) {
        std::smatch m;
        if (std::regex_search(s, m, re)) return m[1].str();
    }
    return std::nullopt;
}

long long as_int(const std::string& digits) {
    return digits.size() > 9 ? -1 : std::stoll(digits);
}

void claims_of_sentence(const std::string& s, std::size_t line, ProseClaims& out) {
    static const std::vector<std::regex> projects_res{
        std::regex("部门预算项目" + count + "个"),
        std::regex("全年预算项目" + count + "个"),
        std::regex("实施完成" + count + "个项目"),
        std::regex(count + "个预算项目进行绩效运行监控，占部门项目总数的100%"),
        std::regex("评价项目" + count + "个，占部门项目总数的100%"),
    };
    static const std::vector<std::regex> excluded_res{
        std::regex("除" + count + "个涉密项目外"),
        std::regex("涉密项目" + count + "个，不予评价"),
    };
    static const std::regex evaluated_part("(?:部门评价项目|单位自评项目)" + count + "个");
    static const std::regex evaluated_re("评价项目" + count + "个");
    static const std::regex all_evaluated("均完成了绩效自评");
    static const std::vector<std::pair<std::regex, std::string>> grade_bands{
        {std::regex("90分（含90分）以上的" + count + "个"), "优秀"},
        {std::regex("80-90分（含80分）的" + count + "个"), "良好"},
        {std::regex("60-80分（含60分）的" + count + "个"), "一般"},
        {std::regex("60分以下的" + count + "个"), "较差"},
        {std::regex(count + "个项目评分60(?:分)?以下"), "较差"},
    };
    static const std::regex grade_then_count(grade + "的项目" + count + "个");
    static const std::regex count_then_grade("(?:部门评价项目)?" + count +
                                             "个(?:项目)?(?:，)?评价结果(?:为)?" + grade);
    static const std::regex score_re("自评(?:分数|得分)为" + number + "(（加权平均|（算术平均)?");
    static const std::regex funds_re("评价项目[0-9]+个，(?:占部门项目总数的[0-9.]+%，)?涉及金额" +
                                     number + "(万元|元)");

    auto add = [&](std::string keyword, std::string figure, std::string how = {}) {
        out.claims.push_back({std::move(keyword), std::move(figure), {}, line, std::move(how)});
    };
    const std::size_t before = out.claims.size();
    auto projects = first(s, projects_res);
    auto excluded = first(s, excluded_res);
    if (projects) add("项目总数", *projects);
    if (excluded) add("不予评价数", *excluded);
    // Evaluated: the parts a sentence splits it into (部门评价 1, 单位自评 71), or its one count,
    // or "all but the excluded".
    if (auto parts = all(s, evaluated_part); !parts.empty()) {
        long long sum = 0;
        std::string how;
        for (const auto& m : parts) {
            sum += as_int(m[1].str());
            how += (how.empty() ? "" : " + ") + m[1].str();
        }
        add("评价项目数", std::to_string(sum), parts.size() > 1 ? how : "");
    } else if (std::smatch m; std::regex_search(s, m, evaluated_re)) {
        add("评价项目数", m[1].str());
        // （包括…转移支付…绩效自评项目）: the count covers transfer payments.
        if (s.find("转移支付") != std::string::npos) out.claims.back().averaging = "含转移支付";
    } else if (projects && excluded && std::regex_search(s, all_evaluated)) {
        long long n = as_int(*projects) - as_int(*excluded);
        if (n >= 0) add("评价项目数", std::to_string(n), *projects + " − " + *excluded);
    }
    // Grades: every count of a grade in the sentence, added up per grade.
    std::map<std::string, std::pair<long long, std::string>> grades;
    auto grade_count = [&](const std::string& g, const std::string& n) {
        auto& [sum, how] = grades[g];
        sum += as_int(n);
        how += (how.empty() ? "" : " + ") + n;
    };
    for (const auto& [re, g] : grade_bands)
        for (const auto& m : all(s, re))
            grade_count(g, m[1].str());
    for (const auto& m : all(s, grade_then_count))
        grade_count(m[1].str(), m[2].str());
    for (const auto& m : all(s, count_then_grade))
        grade_count(m[2].str(), m[1].str());
    for (const char* g : {"优秀", "良好", "一般", "较差"})
        if (auto it = grades.find(g); it != grades.end()) {
            const auto& [sum, how] = it->second;
            add(std::string("等级 ") + g, std::to_string(sum),
                how.find('+') != std::string::npos ? how : "");
        }
    if (std::smatch m; std::regex_search(s, m, score_re)) {
        add("部门得分", m[1].str());
        if (m[2].matched)
            out.claims.back().averaging =
                m[2].str().find("加权") != std::string::npos ? "加权平均" : "算术平均";
    }
    if (std::smatch m; std::regex_search(s, m, funds_re)) add("涉及金额", m[1].str() + m[2].str());
    if (out.claims.size() > before) out.sentences.push_back({line, s});
}

} // namespace

ProseClaims read_claims(const Grid& grid) {
    ProseClaims out;
    static const std::regex title_year("([0-9]{4})年度(.*?)部门决算");
    static const std::regex summary_title("^(.+?)（汇总）([0-9]{4})年度部门决算");
    static const std::regex year_alone("^([0-9]{4})年度(.+)$");
    static const std::regex other_year("([0-9]{4})年(?:度)?(?:本部门及所属单位)?项目支出");
    std::vector<const Cell*> prose;
    for (const auto& item : grid)
        if (item.kind == Item::Kind::prose) prose.push_back(&item.prose);
    // The department and year from the title lines at the top.
    for (std::size_t i = 0; i < prose.size() && i < 8; ++i) {
        std::string s(text::trim(prose[i]->text));
        std::smatch m;
        if (std::regex_search(s, m, summary_title)) {
            if (out.department.empty()) out.department = m[1].str();
            if (!out.year) out.year = static_cast<int>(as_int(m[2].str()));
        } else if (std::regex_search(s, m, title_year)) {
            if (out.department.empty()) out.department = std::string(text::trim(m[2].str()));
            if (!out.year) out.year = static_cast<int>(as_int(m[1].str()));
        } else if (std::regex_match(s, m, year_alone) && i + 1 < prose.size() &&
                   prose[i + 1]->text.find("部门决算") != std::string::npos) {
            if (out.department.empty()) out.department = m[2].str();
            if (!out.year) out.year = static_cast<int>(as_int(m[1].str()));
        }
    }
    // Else the unit that carried out the self-evaluation: 2023年，北京市…局（部门全称）对2023年度…
    static const std::regex evaluator("^[0-9]{4}年，(.+?)(?:（部门全称）)?对[0-9]{4}年度");
    for (std::size_t i = 0; i < prose.size() && out.department.empty(); ++i)
        if (std::smatch m; std::regex_search(prose[i]->text, m, evaluator))
            out.department = m[1].str();
    for (const Cell* c : prose) {
        const std::string& s = c->text;
        // A sentence about another year's projects (a paragraph carried over from last year's
        // disclosure) is not about the tables published with this one.
        if (std::smatch m;
            out.year && std::regex_search(s, m, other_year) && as_int(m[1].str()) != out.year) {
            ProseClaims probe;
            claims_of_sentence(s, c->line, probe);
            if (!probe.claims.empty())
                out.left_out.push_back(fmt::format(
                    "第 {} 行说的是 {} 年的项目，未作为本公开的说法读入", c->line, m[1].str()));
            continue;
        }
        claims_of_sentence(s, c->line, out);
    }
    return out;
}

namespace {

bool is_comparator(const std::string& s) {
    for (const char* c : {"≥", "≤", "=", "＝", ">", "<", "＞", "＜"})
        if (s == c) return true;
    return false;
}

bool is_plain_number(const std::string& s) {
    static const std::regex number_re("^[0-9]+(\\.[0-9]+)?$");
    return std::regex_match(s, number_re);
}

// One department-level table as a block of the disclosure's spec.
std::string department_block(const DepartmentRows& d) {
    auto column = [&](std::initializer_list<const char*> names) -> std::optional<std::size_t> {
        for (const char* n : names)
            for (std::size_t i = 0; i < d.header.size(); ++i)
                if (d.header[i] == n) return i;
        return std::nullopt;
    };
    const auto name_col = column({"三级指标", "绩效指标", "年度任务"});
    const auto duty_col = column({"职责"});
    const auto nature_col = column({"指标性质"});
    const auto value_col = column({"指标值", "绩效指标及指标值"});
    const auto unit_col = column({"度量单位"});
    const auto weight_col = column({"指标权重", "权重"});
    const auto plan_col = column({"计划值"});
    const auto done_col = column({"完成值"});
    const auto reason_col = column({"偏差原因"});
    const bool results = plan_col && done_col;
    auto cell = [](const std::vector<Cell>& row, std::optional<std::size_t> col) {
        if (!col || *col >= row.size()) return std::string();
        std::string t(text::trim(row[*col].text));
        // An ideographic space is an empty cell's filler, at either end.
        const std::string_view filler = "\u3000";
        while (t.size() >= filler.size() &&
               t.compare(t.size() - filler.size(), filler.size(), filler) == 0)
            t.resize(t.size() - filler.size());
        while (t.rfind(filler, 0) == 0)
            t.erase(0, filler.size());
        return t;
    };
    std::string out =
        fmt::format("  {} {{  # 第 {} 行\n", results ? "整体绩效完成" : "整体绩效目标", d.line);
    for (const auto& row : d.rows) {
        std::string name = cell(row, name_col);
        if (std::string duty = cell(row, duty_col); !duty.empty())
            name = name.empty() ? duty : duty + "：" + name;
        std::string line = "    " + quote(name);
        if (results) {
            if (auto plan = cell(row, plan_col); !plan.empty())
                line += " 指标值 " + spec_value(plan);
            if (auto done = cell(row, done_col); !done.empty())
                line += " 完成值 " + spec_value(done);
            if (auto reason = cell(row, reason_col); !reason.empty())
                line += " 偏差原因 " + quote(reason);
        } else {
            const std::string nature = cell(row, nature_col), value = cell(row, value_col),
                              unit = cell(row, unit_col);
            if (is_comparator(nature) && !value.empty())
                line += " 指标值 " + spec_value(nature + value + unit);
            else if (!value.empty())
                // 定性 (or no comparator): the value, and a unit the table gives beside it kept.
                line += " 指标值 " + spec_value(value) + (unit.empty() ? "" : "，" + quote(unit));
            else if (!unit.empty())
                line += " 指标值 " + quote(unit);
            if (auto weight = cell(row, weight_col); !weight.empty())
                line += is_plain_number(weight) ? " 权重 " + weight
                                                : " 偏差原因 " + quote("权重：" + weight);
        }
        out += line + fmt::format("  # 第 {} 行\n", row.front().line);
    }
    return out + "  }\n";
}

} // namespace

std::optional<std::string> disclosure_spec(const ProseClaims& pc,
                                           const std::vector<DepartmentRows>& tables,
                                           const std::string& source_name,
                                           const std::string& fallback_name) {
    if (pc.claims.empty() && tables.empty()) return std::nullopt;
    std::string out = fmt::format(
        "# 导入自 {}：正文中关于绩效自评的说法（各注明所在行）与部门整体绩效表\n", source_name);
    for (const auto& [line, sentence] : pc.sentences) {
        std::string shown(text::trim(sentence));
        // A long paragraph is cut; the line number finds the rest.
        if (text::code_point_count(shown) > 90) {
            std::size_t i = 0, points = 0;
            while (i < shown.size() && points < 90) {
                i += static_cast<unsigned char>(shown[i]) >= 0xF0   ? 4
                     : static_cast<unsigned char>(shown[i]) >= 0xE0 ? 3
                     : static_cast<unsigned char>(shown[i]) >= 0xC0 ? 2
                                                                    : 1;
                ++points;
            }
            shown = shown.substr(0, i) + "…";
        }
        out += fmt::format("# 第 {} 行: {}\n", line, shown);
    }
    for (const auto& l : pc.left_out)
        out += "# " + l + "\n";
    out +=
        fmt::format("部门 {} {{\n", quote(pc.department.empty() ? fallback_name : pc.department));
    if (pc.year) out += fmt::format("  年度 {}\n", pc.year);
    for (const auto& c : pc.claims) {
        out += fmt::format("  {} {}{} 行 {}", c.keyword, c.figure,
                           c.averaging.empty() ? "" : " " + c.averaging, c.line);
        if (!c.how.empty()) out += "  # " + c.how;
        out += "\n";
    }
    for (const auto& t : tables)
        out += department_block(t);
    out += "}\n";
    return out;
}

} // namespace jx::import
