// An Office Open XML package (an xlsx workbook, a docx document): a zip archive of XML parts,
// opened with libzip and parsed with pugixml within budgets, so that a damaged or hostile file is
// refused with a reason instead of exhausting memory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <pugixml.hpp>

#include "import/grid.hpp"

struct zip;

namespace jx::import {

// One part unpacks to at most 64 MiB, all parts together to 256 MiB (a 70 KB file can list one
// huge part under 2,000 names).
inline constexpr std::uint64_t max_part_bytes = std::uint64_t{64} << 20;
inline constexpr std::uint64_t max_unpacked_bytes = std::uint64_t{256} << 20;
// pugixml builds a tree of some 60 bytes a node: 10 MB of "<row/>" would take 800 MB. Counting
// the tags first bounds that; max_grid_cells cells need about 4 tags a cell.
inline constexpr std::size_t max_xml_tags = 4 * max_grid_cells;

class OoxmlPackage {
public:
    // `kind` names the file in messages: "xlsx" (a workbook), "docx" (a document).
    OoxmlPackage(std::string path, std::string kind, std::string whole);
    ~OoxmlPackage();
    OoxmlPackage(const OoxmlPackage&) = delete;
    OoxmlPackage& operator=(const OoxmlPackage&) = delete;

    // False with `error` when the bytes are no readable zip archive.
    bool open(const std::string& data, std::string& error);
    // Reads a part whole. A required part that is absent is an error; an optional one sets
    // `present` false. A damaged or oversized part is an error either way.
    bool part(const std::string& name, std::string& out, std::string& error);
    bool optional_part(const std::string& name, std::string& out, bool& present,
                       std::string& error);
    // Reads a part whole; false with only why it could not be (absent, damaged, too large).
    bool read(const std::string& name, std::string& out, std::string& why);

private:
    enum class Member { read, absent, too_large, over_budget, damaged };
    Member member(const std::string& name, std::string& out, std::uint64_t& size);
    std::string problem(Member m, const std::string& name, std::uint64_t size) const;

    std::string path_, kind_, whole_; // whole_: "workbook", "document"
    zip* zip_ = nullptr;
    std::uint64_t unpacked_ = 0; // over all parts, against max_unpacked_bytes
};

// Parses one part; false with the reason in `why`.
bool parse_xml(const std::string& xml, pugi::xml_document& doc, std::string& why);

} // namespace jx::import
