#include "scoring/index_system.hpp"

#include <map>
#include <regex>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"

namespace jx::scoring {

namespace {

// "指标1" of "指标1：…"; empty when the name has no such label.
std::string ordinal_of(const std::string& name) {
    static const std::regex label("^(指标[0-9]+)[：:]");
    std::smatch m;
    return std::regex_search(name, m, label) ? m[1].str() : std::string();
}

// The figures a name states, in order: "6个新建功能" → {"6"}.
std::vector<std::string> figures_of(const std::string& name) {
    static const std::regex figure("[0-9]+(?:\\.[0-9]+)?");
    std::vector<std::string> out;
    std::string s = text::nfkc(name);
    // The 指标N label is a place, not a figure.
    static const std::regex label("^指标[0-9]+[：:]");
    s = std::regex_replace(s, label, "", std::regex_constants::format_first_only);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), figure); it != std::sregex_iterator();
         ++it)
        out.push_back(it->str());
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s;
}

} // namespace

std::vector<Diagnostic> check_index_system(const model::Project& p) {
    std::vector<Diagnostic> out;
    if (p.index_rows.empty() || p.damaged) return out;
    // The table's rows by level 2, in order.
    std::map<std::string, std::vector<const model::Row*>> table;
    for (const auto& r : p.rows)
        if (!r.category_not_applicable) table[r.level2].push_back(&r);
    std::map<std::string, std::size_t> place; // rows of each level 2 seen in the index system
    for (const auto& want : p.index_rows) {
        const std::size_t at = place[want.level2]++;
        const auto& candidates = table[want.level2];
        const model::Row* got = nullptr;
        const std::string ordinal = ordinal_of(want.name);
        for (const auto* r : candidates)
            if (r->name == want.name || (!ordinal.empty() && ordinal_of(r->name) == ordinal)) {
                got = r;
                break;
            }
        if (!got && ordinal.empty() && at < candidates.size()) got = candidates[at];
        auto finding = [&](Severity s, const char* code, std::string message) -> Diagnostic& {
            Diagnostic d = s == Severity::error ? make_error(code, std::move(message))
                                                : make_warning(code, std::move(message));
            d.label(got ? got->span : p.name_span);
            d.label(want.span, tr("as the index system publishes it"), false);
            d.subject.project = p.name;
            d.subject.indicator = want.name;
            out.push_back(std::move(d));
            return out.back();
        };
        if (!got) {
            finding(Severity::warning, "index-indicator-missing",
                    trf("the index system's \"{}\" ({}) has no row in the table", want.name,
                        want.level2));
            continue;
        }
        if (got->name != want.name) {
            const auto a = figures_of(want.name), b = figures_of(got->name);
            if (a != b) {
                auto& d = finding(Severity::error, "index-indicator-changed",
                                  trf("the table reports \"{}\" where the index system "
                                      "sets \"{}\": its figures differ ({} against {})",
                                      got->name, want.name, joined(b), joined(a)));
                d.subject.reported = got->name;
                d.subject.expected = want.name;
            } else {
                finding(Severity::warning, "index-indicator-reworded",
                        trf("the table names \"{}\" what the index system calls \"{}\"", got->name,
                            want.name));
            }
        }
        if (want.weight && got->weight && want.weight->value != got->weight->value) {
            auto& d = finding(Severity::error, "index-weight-changed",
                              trf("\"{}\" weighs {} in the table but {} in the index "
                                  "system",
                                  got->name, got->weight->text, want.weight->text));
            d.subject.reported = got->weight->text;
            d.subject.expected = want.weight->text;
        }
    }
    return out;
}

} // namespace jx::scoring
