#include "driver/fix.hpp"

#include <algorithm>
#include <array>
#include <ostream>

#include <fmt/format.h>

#include "base/decimal.hpp"
#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/check.hpp"
#include "driver/files.hpp"
#include "driver/report.hpp"
#include "driver/status.hpp"

namespace jx::driver {
namespace {

// Findings about a figure that is a sum or a quotient of other figures of the table.
bool is_total(const std::string& code) {
    return code == "total-score-mismatch" || code == "total-weight-mismatch";
}

// Whether `span` is the budget row's score (in the funds block, or a 预算执行率 row): its score
// follows from the execution rate alone, so an understated one is arithmetic too.
bool is_budget_score(Span span, const Analysis& a) {
    for (const auto& p : a.projects) {
        const auto& m = *p.model;
        if (m.funds && m.funds->score && m.funds->score->span.begin == span.begin) return true;
        if (m.budget_row) {
            const auto& row = m.rows[*m.budget_row];
            if (row.score && row.score->span.begin == span.begin) return true;
        }
    }
    return false;
}

// Bytes of the number at the start of a figure as written (ASCII or full-width digits, a sign,
// a decimal point); its unit (%, ％) follows and is kept.
std::size_t number_length(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+') {
            ++i;
            continue;
        }
        // U+FF0D － U+FF0E ． U+FF10–U+FF19 ０–９ are EF BC 8D, 8E, 90–99.
        if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
            unsigned char d = static_cast<unsigned char>(s[i + 2]);
            if (d == 0x8D || d == 0x8E || (d >= 0x90 && d <= 0x99)) {
                i += 3;
                continue;
            }
        }
        break;
    }
    return i;
}

} // namespace

std::optional<TextEdit> arithmetic_fix(const Diagnostic& d, const Analysis& analysis,
                                       const scoring::Policy& policy) {
    // A finding explained by another (a total off because a row's score is above its weight, or
    // by the same amount as the weights) is settled by settling its cause, by hand: setting the
    // total to the sum would carry the row's error into it.
    if (d.explained()) return std::nullopt;
    // A sum's finding said as a warning because the table was not read whole (uncertain-reading):
    // the figure to write is not known.
    if (d.severity != Severity::error &&
        (is_total(d.code) || d.code == "budget-rate-mismatch" || d.code == "budget-score-mismatch"))
        return std::nullopt;
    // The weights' sum is the right 总分 分值 only when it is the policy's total as well: weights
    // adding up to 110 or 85 are the error, not the 100 written under them.
    if (d.code == "total-weight-mismatch") {
        auto sum = Decimal::parse(d.subject.expected);
        if (!sum || *sum != policy.total_weight) return std::nullopt;
    }
    const bool fixable = is_total(d.code) || d.code == "budget-rate-mismatch" ||
                         d.code == "budget-score-mismatch" ||
                         (d.code == "score-understated" && !d.labels.empty() &&
                          is_budget_score(d.labels.front().span, analysis));
    if (!fixable || d.labels.empty() || d.subject.expected.empty()) return std::nullopt;
    const Span span = d.labels.front().span;
    std::string_view text = analysis.source->text();
    if (span.begin > span.end || span.end > text.size()) return std::nullopt;
    std::string_view written = text.substr(span.begin, span.end - span.begin);
    std::size_t digits = number_length(written);
    if (digits == 0 || written.substr(0, digits).find('\n') != std::string_view::npos)
        return std::nullopt;
    std::string expected = d.subject.expected;
    if (!expected.empty() && expected.back() == '%') expected.pop_back();
    // Only a plain figure is written back, never a message's wording.
    if (!Decimal::parse(expected)) return std::nullopt;
    if (written.substr(0, digits) == expected) return std::nullopt;
    return TextEdit{{span.begin, static_cast<std::uint32_t>(span.begin + digits)}, expected};
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit& a, const TextEdit& b) { return a.span.begin < b.span.begin; });
    std::string out;
    out.reserve(text.size() + 16 * edits.size());
    std::uint32_t at = 0;
    for (const auto& e : edits) {
        if (e.span.begin < at || e.span.end > text.size()) continue; // overlaps an earlier one
        out.append(text.substr(at, e.span.begin - at));
        out += e.replacement;
        at = e.span.end;
    }
    out.append(text.substr(at));
    return out;
}

FixOutcome fix_text(const std::string& name, std::string text, const scoring::Policy& policy) {
    FixOutcome outcome;
    // Rates and budget scores first: the totals are taken over them. A handful of rounds is
    // enough for any table (rates, then budget scores, then totals); the bound keeps a
    // pathological text from looping.
    for (int round = 0; round < 8; ++round) {
        Analysis a = analyse(std::make_unique<SourceFile>(name, text), policy);
        if (!a.parsed.ok()) {
            outcome.parsed = round > 0; // a fixed figure never breaks the syntax
            break;
        }
        std::vector<TextEdit> figures, totals;
        std::vector<std::string> figure_codes, total_codes;
        for (const auto& d : a.diagnostics)
            if (auto e = arithmetic_fix(d, a, policy)) {
                (is_total(d.code) ? totals : figures).push_back(std::move(*e));
                (is_total(d.code) ? total_codes : figure_codes).push_back(d.code);
            }
        auto& edits = figures.empty() ? totals : figures;
        auto& codes = figures.empty() ? total_codes : figure_codes;
        if (edits.empty()) break;
        text = apply_edits(text, std::move(edits));
        outcome.fixed.insert(outcome.fixed.end(), codes.begin(), codes.end());
    }
    outcome.text = std::move(text);
    return outcome;
}

namespace {

// Lines without their line breaks; `ends_open` tells whether the last one lacks one.
std::vector<std::string_view> split_lines(std::string_view s, bool& ends_open) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back(s.substr(start));
            ends_open = true;
            return lines;
        }
        lines.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    ends_open = false;
    return lines;
}

} // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
    if (before == after) return {};
    bool open_a = false, open_b = false;
    auto a = split_lines(before, open_a), b = split_lines(after, open_b);
    std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
    auto line = [&](char mark, std::string_view l, bool last_open) {
        out += mark;
        out.append(l);
        out += '\n';
        if (last_open) out += "\\ No newline at end of file\n";
    };
    if (a.size() != b.size()) { // not fix's edits: one hunk of the whole text
        out += fmt::format("@@ -1,{} +1,{} @@\n", a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            line('-', a[i], open_a && i + 1 == a.size());
        for (std::size_t i = 0; i < b.size(); ++i)
            line('+', b[i], open_b && i + 1 == b.size());
        return out;
    }
    const std::size_t context = 3, n = a.size();
    std::vector<std::size_t> changed;
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i] || (i + 1 == n && open_a != open_b)) changed.push_back(i);
    for (std::size_t k = 0; k < changed.size();) {
        // A hunk runs while the next change is within two contexts of the last.
        std::size_t first = changed[k], last = changed[k];
        while (k + 1 < changed.size() && changed[k + 1] <= last + 2 * context + 1)
            last = changed[++k];
        ++k;
        std::size_t from = first >= context ? first - context : 0;
        std::size_t to = std::min(n, last + context + 1);
        out += fmt::format("@@ -{},{} +{},{} @@\n", from + 1, to - from, from + 1, to - from);
        for (std::size_t i = from; i < to; ++i) {
            bool last_line = i + 1 == n;
            if (a[i] == b[i] && !(last_line && open_a != open_b)) {
                line(' ', a[i], last_line && open_a);
                continue;
            }
            line('-', a[i], last_line && open_a);
            line('+', b[i], last_line && open_b);
        }
    }
    return out;
}

int fix_files(const std::vector<std::string>& paths, bool dry_run, const scoring::Policy& policy,
              bool colour, std::ostream& out, std::ostream& err) {
    int status = exit_ok;
    const syntax::Limits limits;
    OutputWriter writer;
    std::size_t changed = 0;
    std::size_t files =
        for_each_spec(paths, err, status, [&](const std::string& path, const std::string& text) {
            FixOutcome fixed = fix_text(path, text, policy);
            if (!fixed.parsed) {
                // A file that does not parse is never rewritten: its sums are unknown.
                SourceFile source(path, text);
                for (const auto& d : syntax::parse(source, limits).diagnostics)
                    err << render(d, &source, {colour});
                err << trf("{}: not fixed: fix the errors above first\n", text::for_terminal(path));
                if (status == exit_ok) status = exit_findings;
                return;
            }
            if (fixed.text == text) return;
            if (fixed.text.size() > limits.max_file_bytes) {
                err << render(
                    make_error("spec-too-large", trf("{}: not fixed: fixed, it would be more than "
                                                     "the {} MiB a spec may have",
                                                     path, limits.max_file_bytes >> 20)),
                    nullptr);
                if (status == exit_ok) status = exit_findings;
                return;
            }
            ++changed;
            if (dry_run) {
                out << unified_diff(path, text, fixed.text);
                if (status == exit_ok) status = exit_findings;
                return;
            }
            std::string error;
            if (!writer.write(path, fixed.text, error)) {
                report_io_error(err, error);
                status = exit_usage;
                return;
            }
            std::string codes;
            for (const auto& c : fixed.fixed)
                codes += (codes.empty() ? "" : ", ") + c;
            out << trf("fixed {}: {} figure{} ({})\n", text::for_terminal(path), fixed.fixed.size(),
                       fixed.fixed.size() == 1 ? "" : "s", codes);
        });
    if (changed == 0 && status == exit_ok)
        out << trf("{} file{}: no arithmetic to fix\n", files, files == 1 ? "" : "s");
    return status;
}

} // namespace jx::driver
