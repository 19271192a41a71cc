#include "model/measure_text.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"
#include "model/units.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::model {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool ends_with(std::string_view s, std::string_view w) {
    return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}

// Closing punctuation and spaces a cell ends with: `满意度≥95%。`
std::string_view strip_end(std::string_view s) {
    for (bool again = true; again;) {
        again = false;
        s = text::trim(s);
        for (std::string_view p : {"。", "；", ";", "，", ",", "！", "!"})
            if (ends_with(s, p)) {
                s.remove_suffix(p.size());
                again = true;
            }
    }
    return s;
}

// The longest comparator word `s` ends with (prefix words sit at the end of the text before the
// figure; suffix words at the end of the text after it).
template <std::size_t N>
std::optional<vocab::ComparatorWord> ending_word(std::string_view s,
                                                 const vocab::ComparatorWord (&words)[N]) {
    std::optional<vocab::ComparatorWord> best;
    for (const auto& w : words)
        if (ends_with(s, w.word) && (!best || best->word.size() < w.word.size())) best = w;
    return best;
}

bool is_cjk_char(std::string_view u) {
    std::size_t i = 0;
    char32_t cp = text::next_code_point(u, i);
    return i == u.size() && cp >= 0x4E00 && cp <= 0x9FFF;
}

// A unit as tables write it: a unit jixiao converts, or one ideograph that counts (次, 场, 个).
bool plausible_unit(std::string_view u) {
    return u.empty() || is_known_unit(u) || is_cjk_char(u);
}

struct Run {
    std::size_t begin, end;
};

std::vector<Run> figures(std::string_view s) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < s.size();) {
        if (!is_digit(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && is_digit(s[j]))
            ++j;
        if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
            ++j;
            while (j < s.size() && is_digit(s[j]))
                ++j;
        }
        runs.push_back({i, j});
        i = j;
    }
    return runs;
}

// [label][YYYY年]M月[D日|底|末][前|之前|以前|以内]: a deadline.
std::optional<Condition> deadline(const Condition& c, std::string_view s,
                                  const std::vector<Run>& runs) {
    if (runs.empty() || runs.size() > 3) return std::nullopt;
    std::size_t k = 0, at = runs[0].begin;
    Date d;
    d.span = c.span;
    auto number = [&](const Run& r) {
        return std::stoi(std::string(s.substr(r.begin, r.end - r.begin)));
    };
    auto follows = [&](std::size_t pos, std::string_view w) {
        return s.substr(pos, w.size()) == w;
    };
    if (runs[k].end - runs[k].begin == 4 && follows(runs[k].end, "年")) {
        d.year = number(runs[k]);
        std::size_t next = runs[k].end + std::string_view("年").size();
        if (++k == runs.size() || runs[k].begin != next) return std::nullopt;
    }
    if (!follows(runs[k].end, "月")) return std::nullopt;
    d.month = number(runs[k]);
    std::size_t pos = runs[k].end + std::string_view("月").size();
    if (++k < runs.size()) {
        if (runs[k].begin != pos || !follows(runs[k].end, "日")) return std::nullopt;
        d.day = number(runs[k]);
        pos = runs[k].end + std::string_view("日").size();
        ++k;
    } else if (follows(pos, "底") || follows(pos, "末")) {
        d.month_end = true;
        pos += std::string_view("底").size();
    }
    if (k != runs.size() || d.month < 1 || d.month > 12 || d.day < 0 || d.day > 31)
        return std::nullopt;
    std::string_view rest = text::trim(s.substr(pos));
    if (!rest.empty()) {
        auto suffix = ending_word(rest, vocab::suffix_comparators);
        if (!suffix || suffix->word.size() != rest.size() || suffix->cmp != vocab::Cmp::le)
            return std::nullopt;
    }
    Condition m;
    m.kind = Condition::Kind::measured;
    m.span = c.span;
    std::string_view label = text::trim(s.substr(0, at));
    for (std::string_view w : {"于", "在"}) // 于11月底前, 在12月前
        if (ends_with(label, w)) label = text::trim(label.substr(0, label.size() - w.size()));
    if (!label.empty()) m.label = std::string(label);
    m.suffix = vocab::Cmp::le;
    Operand o;
    o.kind = Operand::Kind::date;
    o.span = c.span;
    d.text = std::string(s.substr(at, pos - at));
    o.date = d;
    m.low = o;
    return m;
}

} // namespace

std::optional<Condition> measure_in_text(const Condition& c, MeasureSide side) {
    if (c.kind != Condition::Kind::text) return std::nullopt;
    const std::string normalised = text::nfkc(c.text);
    std::string_view s = strip_end(normalised);
    if (s.empty() || s.size() > 240) return std::nullopt;
    auto runs = figures(s);
    if (runs.empty()) return std::nullopt;
    if (auto d = deadline(c, s, runs)) return d;
    if (runs.size() != 1) return std::nullopt;
    std::string_view before = text::trim(s.substr(0, runs[0].begin));
    std::string_view after = text::trim(s.substr(runs[0].end));
    Condition m;
    m.kind = Condition::Kind::measured;
    m.span = c.span;
    std::string_view label = before;
    if (auto w = ending_word(before, vocab::prefix_comparators)) {
        m.prefix = w->cmp;
        label = text::trim(before.substr(0, before.size() - w->word.size()));
    }
    std::string_view unit = after;
    if (auto w = ending_word(after, vocab::suffix_comparators)) {
        m.suffix = w->cmp;
        unit = text::trim(after.substr(0, after.size() - w->word.size()));
    }
    if (!plausible_unit(unit)) return std::nullopt;
    if (side == MeasureSide::target && !m.prefix && !m.suffix) return std::nullopt;
    if (ends_with(label, "-")) return std::nullopt; // a range or a negative: not this simple form
    auto value = Decimal::parse(s.substr(runs[0].begin, runs[0].end - runs[0].begin));
    if (!value) return std::nullopt;
    if (!label.empty()) m.label = std::string(label);
    Operand o;
    o.kind = Operand::Kind::quantity;
    o.span = c.span;
    o.quantity.span = c.span;
    std::string figure(s.substr(runs[0].begin, runs[0].end - runs[0].begin));
    o.quantity.number = Figure{*value, c.span, figure + std::string(unit)};
    o.quantity.unit = std::string(unit);
    o.quantity.shown = figure + std::string(unit);
    m.low = o;
    return m;
}

} // namespace jx::model
