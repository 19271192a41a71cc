// Finding the self-evaluation tables in a grid and placing every cell by the table's header row,
// so that layouts not seen before (a missing 年初预算数 column, a table without 项目名称 row) work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/grid.hpp"
#include "templates/template.hpp"

namespace jx::import {

struct FundRow {
    std::string name; // 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金
    std::size_t line = 0;
    std::optional<Cell> initial, annual, spent, weight, rate, score;
    std::optional<Cell> reason; // 原因 (Sichuan): the language has no field for it
};

struct IndicatorRow {
    std::size_t line = 0;
    std::string where;
    std::string level1, level2; // carried down when the table leaves them empty
    std::optional<Cell> name, target, actual, weight, score, reason;
    std::optional<Cell> criteria; // 评分标准 / 评价标准 of a scoring table
    // A target a template splits in three columns: 指标性质 (＝ ≥ ≤ 定性) | 指标值 (target) |
    // 度量单位.
    std::optional<Cell> comparator, unit;
    bool split = false; // Word split this row into pieces that were joined again
    bool part = false;  // 其中…: a breakdown row of the indicator above it
};

// A row of the index system an evaluation report lays out in its prose (评价指标体系: 一级指标 /
// 二级指标 / 三级指标 / 分值, one cell a line), for the table that follows it.
struct IndexRow {
    std::string level1, level2, name, weight;
    std::size_t line = 0;
};

struct Table {
    std::size_t index = 0; // 1-based, among the project tables of the source
    std::size_t first_line = 0, last_line = 0;
    std::string name;
    std::string name_where; // "line 705", or "prose, line 173" when taken from the text before
    int year = 0;
    std::optional<Cell> department, unit, contact, phone;
    std::string funds_unit = "万元";
    std::vector<FundRow> funds;
    std::optional<Cell> expected, achieved;
    std::vector<IndicatorRow> indicators;
    std::optional<Cell> total_weight, total_score;
    std::size_t total_line = 0;
    // The rows under the total of some templates (Sichuan): 评价结论, 存在问题, 改进措施 and the
    // second signature, 财务负责人.
    std::optional<Cell> conclusion, problems, measures, finance_officer;
    std::vector<Cell> unplaced; // cells that could not be placed: reported, kept as 未归位
    // Labelled cells of the head without a field of their own (项目类别 | 部门预算项目, 地址 | …).
    std::vector<std::pair<Cell, Cell>> head_info;
    std::vector<IndexRow> index_system; // the report's 评价指标体系 before the table, if any
    // The template the source follows (templates/template.hpp), when recognised or named.
    std::string layout;
    // Cells that still hold the template's instruction text (填写…): read as empty, reported.
    std::vector<Cell> unfilled;
    // Block titles that state their points (预算执行情况(10分), 绩效指标(90分)), to check them
    // against the rows: the spec has no place for them, render writes them from the weights.
    std::optional<Cell> funds_points, indicators_points;
};

struct Skipped {
    std::size_t line;
    std::string what; // "department-level table (序号 | 三级指标 | 指标性质 | …)"
};

// A department-level table (部门整体绩效目标 / 整体绩效目标实现情况), as its rows were laid out:
// read into the disclosure's spec (import/claims.hpp), not as a project table.
struct DepartmentRows {
    std::size_t line = 0;            // of its header row
    std::vector<std::string> header; // squeezed: 序号, 三级指标, 指标性质 …
    std::vector<std::vector<Cell>> rows;
};

struct Extraction {
    std::vector<Table> tables;
    std::vector<DepartmentRows> department;
    std::vector<Skipped> skipped;
    std::vector<std::string> problems; // a table that could not be imported at all
};

// `layout`: the template the source follows, or none to read it by the headings alone.
Extraction extract_tables(const Grid& grid, const templates::Template* layout = nullptr);

// Whether a cell is part of the template's layout rather than the table's data: a column heading
// (一级指标, 年度指标值 …, or the start of one Word broke), a row label (项目名称, 主管部门,
// 年度总体目标, 总分 …), a funds row's name, or the title. The cell accounting counts these as
// placed by the layout; every other cell must land in a field.
bool is_layout_label(const std::string& cell);
// The same, with the headings and row labels of a template (预算执行情况(10分), 总额, 合计 …).
bool is_layout_label(const std::string& cell, const templates::Template* layout);

// A cell's text without line breaks and spaces, as header cells are compared: "年度\n\n指标值" →
// 年度指标值.
std::string squeeze(const std::string& s);

// A column heading as its role is told: squeezed, its decorations dropped — (A), (B/A), （10分）,
// (万元), (%), a bracket the page lost (执行数B), 年初目标值(A) — and a trailing colon.
std::string column_key(const std::string& cell);

// The points a label states: 产出指标(50分) → 50, 预算执行情况(万元)20分) → 20; empty when none.
std::string stated_points(const std::string& label);

} // namespace jx::import
