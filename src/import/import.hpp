// `jixiao import`: published self-evaluation tables → specs, one per table, so that existing
// disclosures can be checked in bulk. Nothing is lost silently: a cell that cannot be placed is
// reported and kept in the spec as a comment.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "import/tables.hpp"

namespace jx::import {

enum class Format {
    text,
    csv,
    xlsx,
    docx,
    pdf,
    office_binary, // .doc, .xls, .wps, .et (OLE2 compound files): read through a conversion
};

// For an office_binary source: the format LibreOffice converts it to (docx for .doc and .wps,
// xlsx for .xls and .et), and the command a user would run for it.
Format converted_format(const std::string& path);
std::string conversion_command(const std::string& path);

// What importing a table by its template found: a cell still holding the template's instruction
// (`unfilled-cell`), a blank score (`blank-score`, an error) or actual (`blank-actual`).
struct ImportFinding {
    bool error = false; // else a warning
    std::string code;
    std::size_t line = 0;
    std::string message; // names the cell ("A12", "line 40")
};

struct ImportedSpec {
    Table table;
    std::vector<ImportFinding> findings;
    std::string file_name; // stable: <source stem>-<table index>.jx
    std::string spec;      // formatted spec text
    bool whole = true;     // every cell placed
};

// The claims of the disclosure's prose, as a spec of their own (a `部门` block).
struct ImportedDisclosure {
    std::string file_name; // <source stem>-00.jx: before the tables' specs
    std::string spec;
    std::size_t claims = 0;
    std::size_t tables = 0; // department-level tables
};

struct ImportResult {
    std::vector<ImportedSpec> specs;
    std::optional<ImportedDisclosure> disclosure;
    std::vector<Skipped> skipped;      // tables that are not project tables (department-level …)
    std::vector<std::string> problems; // warnings about the source (unnamed tables …)
    std::vector<std::string> notes;    // how the source was read (its encoding, when not UTF-8)
    std::vector<std::string> failures; // tables that could not be imported
    std::string source_error;          // the source could not be read at all (nothing imported)
};

// The format from the file name (.csv, .xlsx, .docx, .pdf, .doc/.xls/.wps/.et), else from the
// content (a zip archive: docx when it holds word/document.xml, else xlsx; %PDF- near the start:
// pdf; an OLE2 compound file: a binary office document).
Format detect_format(const std::string& path, const std::string& contents);

// Text and CSV sources are UTF-8 (a BOM allowed) or, failing that, GB18030 — what Excel on
// Chinese Windows saves as CSV; anything else, UTF-16 included, is refused with the reason.
// How a source's layout is told: by the template named, else by the one whose headings the source
// has (templates::Registry::recognise), else by the headings alone.
struct ImportOptions {
    const templates::Registry* templates = nullptr; // none: the built-in ones
    std::string layout;                             // a template's name, or "" to recognise it
};

ImportResult import_text(const std::string& source_name, const std::string& contents, Format format,
                         const ImportOptions& options = {});

// The value of a target or actual cell as spec syntax: the cell itself when the language reads it
// whole (≥350天, 不少于8次, 优), otherwise the cell as quoted text, so that no character is lost.
std::string spec_value(const std::string& cell);

// A string literal holding `s` exactly.
std::string quote(const std::string& s);

} // namespace jx::import
