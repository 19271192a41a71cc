// `jixiao export`: every project, row, claim and finding of the specs given, checked as `check`
// checks them, written as tables (export/dataset.hpp) for analysis outside jixiao.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "export/dataset.hpp"
#include "scoring/policy.hpp"

namespace jx::driver {

struct ExportRequest {
    std::vector<std::string> paths;
    exporting::Container container = exporting::Container::sqlite;
    std::string output;
    unsigned jobs = 1;
};

// Returns the exit status (status.hpp): 0 written (whatever the findings), 2 a usage or I/O error.
int export_specs(const ExportRequest& request, const scoring::Policy& policy, std::ostream& out,
                 std::ostream& err);

} // namespace jx::driver
