// Text helpers over UTF-8: validation, display width for aligning CJK text in a terminal or a
// formatted spec, and NFKC normalisation so that full-width and half-width forms mean the same.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jx::text {

// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid.
std::size_t find_invalid_utf8(std::string_view s);

// Decodes the code point at s[i], advancing i. Invalid bytes decode as U+FFFD, one byte each.
char32_t next_code_point(std::string_view s, std::size_t& i);

// Columns a terminal gives `s`: 2 for East-Asian wide and full-width characters, 0 for
// combining marks and control characters, 1 otherwise (ICU UCHAR_EAST_ASIAN_WIDTH).
int display_width(std::string_view s);
int display_width(char32_t c);

// Number of code points in s.
std::size_t code_point_count(std::string_view s);

// NFKC: ＝ → =, ９ → 9, ％ → %, （ → (. Used to interpret tokens, never to rewrite a user's text.
std::string nfkc(std::string_view s);

// `s` decoded from GB18030 (GBK's superset: what Excel on Chinese Windows writes as "CSV") into
// UTF-8, by ICU; nullopt when `s` is not valid GB18030, with the byte offset of the first invalid
// sequence in *error_offset.
std::optional<std::string> gb18030_to_utf8(std::string_view s, std::size_t* error_offset = nullptr);

// Whether a file that is not valid UTF-8 is GB18030 as a whole (so that converting it is the cure),
// rather than UTF-8 with a stray piece pasted in from elsewhere (which converting would garble):
// it decodes as GB18030, and most of its non-ASCII bytes are not UTF-8.
bool looks_like_gb18030(std::string_view s);

// Unicode case folding (ICU): names that Excel, say, takes for the same without regard to case.
std::string case_fold(std::string_view s);

// Whether XML 1.0 allows the character in a document (tab, line feed and carriage return, and
// U+0020 on, less the surrogates, U+FFFE and U+FFFF).
bool is_xml_char(char32_t c);

// `s` with every character XML forbids, and every invalid UTF-8 byte, replaced by U+FFFD; the
// count of replacements in *replaced.
std::string xml_safe(std::string_view s, std::size_t* replaced = nullptr);

// `s` as it may be printed to a terminal: control characters (C0, DEL, C1, which a terminal
// would act on: ESC sequences, a carriage return over the line) shown as escapes (\n, \t, \r,
// \x1b, \u{9b}), invalid UTF-8 bytes as \xff; everything else as it is.
std::string for_terminal(std::string_view s);

// Removes ASCII and ideographic spaces at both ends.
std::string_view trim(std::string_view s);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t c);

// A CJK radical or compatibility ideograph (Kangxi Radicals, CJK Radicals Supplement, CJK
// Compatibility Ideographs) as the ideograph it shows in a simplified-Chinese font (⽂ → 文,
// ⻔ → 门, ⼾ → 户), any other code point as it is. The text layer of many PDFs (Chromium's and
// others' font subsets) names ordinary characters by these radicals, which look the same but
// compare unequal.
char32_t unify_radical(char32_t c);

// Edit distance in code points (insertions, deletions, substitutions and swaps of neighbours
// each count 1), for "did you mean …?". Stops counting past `limit` and returns limit + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = 8);

// The candidate nearest to `word`, when it lies within `max_distance` edits and no other
// candidate is as near; none otherwise.
std::optional<std::string_view> nearest(std::string_view word,
                                        const std::vector<std::string_view>& candidates,
                                        std::size_t max_distance);

// The body of a JSON string holding `s` (without the quotes): control characters, quotes and
// backslashes escaped; a byte that is not UTF-8 becomes U+FFFD.
std::string json_escape(std::string_view s);

} // namespace jx::text
