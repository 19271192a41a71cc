// A disclosure's report (render of a file with a 部门 block): its claims with what the tables
// give and the verdict, its department-level tables, and the projects of its directory with
// their totals and findings — as an html page or Markdown.
#pragma once

#include <string>
#include <vector>

namespace jx::rendering {

struct ClaimView {
    std::string what;     // 评价项目数, 等级 优秀 …
    std::string claimed;  // as written
    std::string computed; // what the tables or the other claims give, when a finding says
    int line = 0;         // of the source; 0 when not stated
    std::string verdict;  // the findings on the claim; empty when none
    bool wrong = false;   // an error among them
};

struct DepartmentRowView {
    std::string name, target, actual, weight, reason;
};

struct DepartmentTableView {
    std::string title; // 整体绩效目标 / 整体绩效完成 as written
    bool results = false;
    std::vector<DepartmentRowView> rows;
};

struct ProjectView {
    std::string file, name, reported_total, recomputed_total;
    std::size_t errors = 0, warnings = 0;
};

struct DisclosureView {
    std::string name;
    int year = 0;
    std::vector<ClaimView> claims;
    std::vector<std::string> notes; // findings on the disclosure as a whole (unverifiable …)
    std::vector<std::string> table_findings; // on the department-level tables
    std::vector<DepartmentTableView> tables;
    std::vector<ProjectView> projects;
};

std::string disclosure_markdown(const DisclosureView& d);
std::string disclosure_html(const DisclosureView& d);

} // namespace jx::rendering
