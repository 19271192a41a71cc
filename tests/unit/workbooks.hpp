// Workbooks made part by part for the xlsx tests: what another program, or an attacker, could
// put in a file.
#pragma once

#include <map>
#include <string>

namespace jx::test {

// The parts (name → contents) packed into a zip archive, returned as the file's bytes.
std::string zip_parts(const std::map<std::string, std::string>& parts);

} // namespace jx::test
