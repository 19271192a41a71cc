// The slips a person makes behind a syntax error — a Chinese colon after a keyword, typographic
// quotes, a full-width character, a keyword forgotten before a figure, a near-miss keyword,
// category or unit — named in a note on the error, with the fix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace jx::syntax {

void name_slips(std::string_view text, std::vector<Diagnostic>& errors);

// A block left without its '}', found by indentation: where the '}' is missing (the end of the
// block's last line), and how to read on as if it were there (`fixed`: the text with one blank of
// the next line's indentation, or the end of the file, made the '}', so that no byte moves).
struct MissingBrace {
    std::size_t report_at; // the end of the block's last line
    std::string fixed;
    std::string block; // the line that opened it, trimmed: 产出指标 {
    std::size_t opened_line = 0;
};
std::optional<MissingBrace> find_missing_brace(std::string_view text);

} // namespace jx::syntax
