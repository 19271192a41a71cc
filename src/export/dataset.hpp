// `jixiao export`: projects, their rows, the claims of disclosures, every finding, the
// department-level tables' rows and the published index systems' rows as six tables, so that a
// region's disclosures can be analysed in SQL, pandas or DuckDB. One schema (schema() below,
// documented in README "Exporting the data"), three containers: CSV files, JSON Lines files, or one
// SQLite database. Figures are exact: decimals are written as jixiao shows them (text), and SQLite
// gets each also as an integer of ten-thousandths (`*_e4`), so that comparisons and sums in SQL are
// exact too.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jx::exporting {

enum class ColumnType { text, integer, decimal };

struct Column {
    const char* name;
    ColumnType type;
    const char* doc;
};

struct TableSchema {
    const char* name;
    const char* doc;
    std::vector<Column> columns;
};

enum class TableId {
    projects = 0,
    rows = 1,
    claims = 2,
    findings = 3,
    department_rows = 4,
    index_rows = 5
};
inline constexpr std::size_t table_count = 6;

const std::vector<TableSchema>& schema();

// The schema as a Markdown list, as README "Exporting the data" shows it (a test holds them equal).
std::string schema_markdown();

// A row's cells in the table's column order; none is NULL (an empty cell in CSV).
using Values = std::vector<std::optional<std::string>>;

enum class Container { csv, jsonl, sqlite };

class Sink {
public:
    virtual ~Sink() = default;
    // False when the row could not be written; error() says why.
    virtual bool add(TableId table, const Values& values) = 0;
    // Writes what is buffered and closes; the output is complete only when this returns true.
    virtual bool finish() = 0;
    const std::string& error() const { return error_; }

protected:
    std::string error_;
};

// csv and jsonl: `path` is a directory that gets projects.csv, rows.csv … (created if missing);
// sqlite: `path` is the database file, written anew. Files are written beside their targets and
// renamed into place by finish(), so that a failed export leaves no half-written table.
std::unique_ptr<Sink> open_sink(Container container, const std::string& path, std::string& error);

// The e4 integer of a decimal's text ("97.19" → 971900); none when it has more than 4 decimals
// that are not zeros or does not fit.
std::optional<long long> ten_thousandths(const std::string& decimal);

} // namespace jx::exporting
