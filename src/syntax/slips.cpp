#include "syntax/slips.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "syntax/errors.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::syntax {
namespace {

char32_t at_code_point(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    std::size_t i = at;
    return text::next_code_point(text, i);
}

std::string utf8(char32_t c) {
    std::string out;
    text::append_utf8(out, c);
    return out;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::size_t line_start(std::string_view text, std::size_t at) {
    std::size_t i = text.rfind('\n', at == 0 ? 0 : at - 1);
    return i == std::string_view::npos || at == 0 ? 0 : i + 1;
}

// The word written just before `at` on its line (the keyword a colon follows).
std::string_view word_before(std::string_view text, std::size_t at) {
    std::size_t end = at, begin_of_line = line_start(text, at);
    while (end > begin_of_line && is_blank(text[end - 1]))
        --end;
    std::size_t begin = end;
    while (begin > begin_of_line && !is_blank(text[begin - 1]) && text[begin - 1] != '{' &&
           text[begin - 1] != '}')
        --begin;
    return text.substr(begin, end - begin);
}

// The run of letters and ideographs at `at`: the word that was not understood.
std::string_view word_at(std::string_view text, std::size_t at) {
    std::size_t i = at;
    while (i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80 && !std::isalpha(c) && c != '-') break;
        if (c >= 0x80) {
            std::size_t j = i;
            char32_t cp = text::next_code_point(text, j);
            // Ideographs and letters; not punctuation of either width.
            bool word = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                        cp == 0x2030; // ‰
            if (!word) break;
            i = j;
            continue;
        }
        ++i;
    }
    return text.substr(at, i - at);
}

// 产出指标 for the line `产出指标 {`.
std::string block_name(std::string_view header) {
    std::string_view h = text::trim(header);
    if (!h.empty() && h.back() == '{') h.remove_suffix(1);
    return std::string(text::trim(h));
}

const std::vector<std::string_view>& vocabulary_words() {
    static const std::vector<std::string_view> words = [] {
        std::vector<std::string_view> w;
        // A keyword of one character (行) is one edit from every other character: never a guess.
        auto one_character = [](std::string_view z) {
            const auto lead = static_cast<unsigned char>(z[0]);
            const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return z.size() == length;
        };
        for (const auto& k : vocab::keywords) {
            for (auto z : k.chinese)
                if (!z.empty() && !one_character(z)) w.push_back(z);
            for (auto e : k.english)
                if (!e.empty()) w.push_back(e);
        }
        for (const auto& c : vocab::categories) {
            w.push_back(c.name);
            if (!c.english.empty()) w.push_back(c.english);
        }
        return w;
    }();
    return words;
}

std::optional<std::string> slip_at(std::string_view text, const Diagnostic& d) {
    const std::size_t at = d.labels.front().span.begin;
    const char32_t cp = at_code_point(text, at);
    if (cp == 0) return std::nullopt;
    // A colon after a keyword: 年度：2022.
    if (cp == U'：' || cp == U':') {
        std::string_view kw = word_before(text, at);
        std::size_t after = at + utf8(cp).size();
        while (after < text.size() && is_blank(text[after]))
            ++after;
        std::size_t value_end = after;
        while (value_end < text.size() && !is_blank(text[value_end]) && text[value_end] != '\n')
            ++value_end;
        return trf(slip::colon, utf8(cp), kw.empty() ? "年度" : kw,
                   after < value_end ? text.substr(after, value_end - after) : "…");
    }
    // Typographic quotes: “研究成果报告”.
    static constexpr std::pair<char32_t, char32_t> quote_pairs[] = {
        {U'“', U'”'}, {U'”', U'”'}, {U'‘', U'’'}, {U'「', U'」'}, {U'『', U'』'}};
    for (auto [open, close] : quote_pairs) {
        if (cp != open) continue;
        std::size_t from = at + utf8(open).size();
        std::size_t eol = text.find('\n', from);
        std::string_view rest = text.substr(from, eol == std::string_view::npos ? eol : eol - from);
        std::size_t end = rest.find(utf8(close));
        std::string inner(end == std::string_view::npos ? rest : rest.substr(0, end));
        return trf(slip::quotes, utf8(open) + " " + utf8(close), inner);
    }
    // A full-width letter, digit or sign where ASCII is needed: ２０２２, ＝.
    if (cp >= 0xFF01 && cp <= 0xFF5E && cp != U'（' && cp != U'）' && cp != U'，')
        return trf(slip::full_width, utf8(cp), utf8(cp - 0xFEE0));
    // A figure where a keyword belongs: 分值 15  15 (得分 forgotten).
    if (d.code == error_of<grammar::indicator_end>.code && cp >= U'0' && cp <= U'9') {
        std::size_t begin = line_start(text, at);
        std::string_view before = text.substr(begin, at - begin);
        const std::string_view order[] = {vocab::kw::target_short.view(),
                                          vocab::kw::actual_short.view(), vocab::kw::weight.view(),
                                          vocab::kw::score.view()};
        int last = -1;
        for (int i = 0; i < 4; ++i)
            if (before.find(order[i]) != std::string_view::npos) last = i;
        std::size_t end = at;
        while (end < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
            ++end;
        std::string_view figure = text.substr(at, end - at);
        for (int i = last + 1; i < 4; ++i)
            if (before.find(order[i]) == std::string_view::npos)
                return trf(slip::missing_keyword, order[i], figure, order[i], figure);
        return std::nullopt;
    }
    // A near-miss word: 产出指表, 15万圆.
    std::string_view word = word_at(text, at);
    if (word.empty()) return std::nullopt;
    const std::size_t length = text::code_point_count(word);
    const std::size_t max = length <= 2 ? 1 : 2;
    bool after_figure = at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]));
    if (after_figure) {
        // The units written after a figure elsewhere on the line first (15万圆 beside 15万元),
        // then every unit.
        std::size_t begin = line_start(text, at), eol = text.find('\n', at);
        std::string_view line =
            text.substr(begin, eol == std::string_view::npos ? eol : eol - begin);
        std::vector<std::string_view> on_line, units;
        for (auto u : vocab::unit_words) {
            units.push_back(u);
            for (std::size_t i = line.find(u); i != std::string_view::npos; i = line.find(u, i + 1))
                if (i > 0 && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
                    line.compare(i, word.size(), word) != 0)
                    on_line.push_back(u);
        }
        for (const auto* candidates : {&on_line, &units})
            if (auto near = text::nearest(word, *candidates, max); near && *near != word)
                return trf(slip::unknown_unit, word, *near);
        return std::nullopt;
    }
    if (auto near = text::nearest(word, vocabulary_words(), max); near && *near != word)
        return trf(slip::did_you_mean, *near);
    // A keyword cut short (偏差 for 偏差原因): the shortest spelling it begins, of one keyword.
    std::optional<std::string_view> longer;
    const vocab::Keyword* of = nullptr;
    for (const auto& k : vocab::keywords)
        for (auto spelling : k.chinese)
            if (spelling.size() > word.size() && spelling.rfind(word, 0) == 0) {
                if (of && of != &k) return std::nullopt;
                of = &k;
                if (!longer || spelling.size() < longer->size()) longer = spelling;
            }
    if (longer) return trf(slip::did_you_mean, *longer);
    return std::nullopt;
}

// Calls on_brace(offset in line, '{' or '}') for each brace of one line outside strings and
// comments; `in_block` carries a """ text block from line to line.
template <typename OnBrace>
void braces_of_line(std::string_view line, bool& in_block, OnBrace on_brace) {
    bool in_string = false; // a line string never spans lines
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (in_block) {
            if (line.compare(i, 3, "\"\"\"") == 0) in_block = false, i += 2;
        } else if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (line.compare(i, 3, "\"\"\"") == 0) {
            in_block = true, i += 2;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '#' || (c == '/' && i + 1 < line.size() && line[i + 1] == '/')) {
            return;
        } else if (c == '{' || c == '}') {
            on_brace(i, c);
        }
    }
}

// Each line of `text` with its offset, without its line break.
template <typename OnLine>
void lines_of(std::string_view text, OnLine on_line) {
    for (std::size_t begin = 0, n = 1; begin < text.size(); ++n) {
        std::size_t eol = text.find('\n', begin);
        std::size_t end = eol == std::string_view::npos ? text.size() : eol;
        std::string_view line = text.substr(begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!on_line(line, begin, n)) return;
        begin = end + 1;
    }
}

} // namespace

std::optional<MissingBrace> find_missing_brace(std::string_view text) {
    // First the count: a file whose braces balance has none missing.
    std::size_t opens = 0, closes = 0;
    bool in_block = false;
    lines_of(text, [&](std::string_view line, std::size_t, std::size_t) {
        braces_of_line(line, in_block, [&](std::size_t, char c) { ++(c == '{' ? opens : closes); });
        return true;
    });
    if (opens <= closes) return std::nullopt;
    struct Open {
        std::size_t indent, line;
        std::string_view header;
    };
    std::vector<Open> open;
    std::optional<MissingBrace> found;
    std::size_t last_end = 0; // the end of the last line with content
    in_block = false;
    lines_of(text, [&](std::string_view line, std::size_t begin, std::size_t line_no) {
        std::size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t'))
            ++indent;
        std::string_view content = line.substr(indent);
        bool blank = content.empty() || content[0] == '#' || content.rfind("//", 0) == 0;
        if (!blank && !in_block && !open.empty()) {
            const Open& top = open.back();
            bool closes_first = content[0] == '}';
            if ((!closes_first && indent <= top.indent) || (closes_first && indent < top.indent)) {
                if (indent == 0) return false; // no blank to make the '}'
                MissingBrace m;
                m.report_at = last_end;
                m.block = block_name(top.header);
                m.opened_line = top.line;
                m.fixed = std::string(text);
                m.fixed[begin] = '}';
                found = std::move(m);
                return false;
            }
        }
        braces_of_line(line, in_block, [&](std::size_t i, char c) {
            if (c == '{')
                open.push_back({indent, line_no, line.substr(indent, i + 1 - indent)});
            else if (!open.empty())
                open.pop_back();
        });
        if (!blank) last_end = begin + line.size();
        return true;
    });
    if (found || open.empty()) return found;
    // Still open at the end of the file: the final line break becomes the '}'.
    if (text.empty() || text.back() != '\n' || last_end >= text.size()) return std::nullopt;
    MissingBrace m;
    m.report_at = last_end;
    m.block = block_name(open.back().header);
    m.opened_line = open.back().line;
    m.fixed = std::string(text);
    m.fixed.back() = '}';
    return m;
}

void name_slips(std::string_view text, std::vector<Diagnostic>& errors) {
    for (auto& d : errors) {
        if (d.labels.empty() || d.code == slip::unknown_category_code || !d.notes.empty()) continue;
        if (auto note = slip_at(text, d)) d.note(std::move(*note));
    }
}

} // namespace jx::syntax
