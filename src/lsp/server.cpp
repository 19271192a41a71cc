#include "lsp/server.hpp"

#include <algorithm>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "diag/render.hpp"
#include "driver/analysis.hpp"
#include "driver/check.hpp"
#include "driver/fix.hpp"
#include "format/format.hpp"
#include "lsp/positions.hpp"
#include "lsp/transport.hpp"
#include "scoring/engine.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::lsp {
namespace {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
namespace code {
constexpr int parse_error = -32700, invalid_request = -32600, method_not_found = -32601,
              invalid_params = -32602, internal_error = -32603, not_initialized = -32002,
              request_failed = -32803;
}

// LSP enumerations used here.
namespace kind {
constexpr int module = 2, namespace_ = 3, class_ = 5, field = 8, struct_ = 23, number = 16;
constexpr int completion_keyword = 14, completion_module = 9, completion_unit = 11,
              completion_enum_member = 20;
} // namespace kind

std::string dump(const json& j) {
    // Text that is not UTF-8 (it cannot come from a client, whose messages are JSON) is
    // replaced, never a reason to fail.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// file:///a/b%20c.jx → /a/b c.jx: the name diagnostics and messages use.
std::string path_of(const std::string& uri) {
    std::string_view s = uri;
    if (s.rfind("file://", 0) == 0) s.remove_prefix(7);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool contains(Span outer, std::uint32_t offset) {
    return outer.begin <= offset && offset <= outer.end;
}
bool within(Span inner, Span outer) {
    return outer.begin <= inner.begin && inner.end <= outer.end;
}

// The indicator a span lies in.
const ast::Indicator* indicator_at(const driver::Analysis& a, Span span) {
    for (const auto& p : a.parsed.file.projects)
        for (const auto& l1 : p.categories)
            for (const auto& l2 : l1.children)
                for (const auto& ind : l2.indicators)
                    if (within(span, ind.span)) return &ind;
    return nullptr;
}

constexpr int max_nesting = 128;

// How deep the arrays and objects of a JSON text nest (strings skipped), without parsing it.
int nesting_depth(std::string_view body) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

const Label* primary_label(const Diagnostic& d) {
    for (const auto& l : d.labels)
        if (l.primary) return &l;
    return d.labels.empty() ? nullptr : &d.labels.front();
}

struct Document {
    std::string uri;
    std::int64_t version = 0;
    driver::Analysis analysis; // its source holds the text
    std::unique_ptr<LineIndex> lines;

    std::string_view text() const { return analysis.source->text(); }
    json position(std::uint32_t offset) const {
        auto p = lines->position(offset);
        return {{"line", p.line}, {"character", p.character}};
    }
    json range(Span s) const { return {{"start", position(s.begin)}, {"end", position(s.end)}}; }
    std::uint32_t offset(const json& position) const {
        return lines->offset({position.at("line").get<std::uint32_t>(),
                              position.at("character").get<std::uint32_t>()});
    }
};

} // namespace

struct Server::Impl {
    scoring::Policy policy;
    std::map<std::string, Document> documents;
    bool initialized = false, shutdown = false, exited = false;
    std::vector<std::string> out;

    // ---- messages out -----------------------------------------------------------------------

    void respond(const json& id, json result) {
        out.push_back(dump({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}));
    }
    void fail(const json& id, int error_code, const std::string& message) {
        out.push_back(dump({{"jsonrpc", "2.0"},
                            {"id", id},
                            {"error", {{"code", error_code}, {"message", message}}}}));
    }
    void notify(const char* method, json params) {
        out.push_back(
            dump({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}));
    }

    // ---- documents --------------------------------------------------------------------------

    void analyse(Document& doc, std::string text) {
        const std::string path = path_of(doc.uri);
        driver::Analysis a;
        try {
            a = driver::analyse(std::make_unique<SourceFile>(path, text), policy);
        } catch (const std::exception& e) {
            // As check reports it: against the file, and the server lives on.
            a = driver::Analysis{};
            a.source = std::make_unique<SourceFile>(path, std::move(text));
            a.diagnostics.push_back(driver::internal_error(path, e).label({0, 0}));
        }
        doc.lines.reset();
        doc.analysis = std::move(a);
        doc.lines = std::make_unique<LineIndex>(doc.text());
    }

    json lsp_diagnostic(const Document& doc, const Diagnostic& d) const {
        const Label* primary = primary_label(d);
        // The notes check prints under the finding, as its message's further lines.
        std::string message = d.message;
        for (const auto& n : d.notes)
            message += "\nnote: " + n;
        json j = {{"range", doc.range(primary ? primary->span : Span{})},
                  {"severity", d.severity == Severity::error     ? 1
                               : d.severity == Severity::warning ? 2
                                                                 : 3},
                  {"code", d.code},
                  {"source", "jixiao"},
                  {"message", message}};
        json related = json::array();
        for (const auto& l : d.labels)
            if (&l != primary)
                related.push_back(
                    {{"location", {{"uri", doc.uri}, {"range", doc.range(l.span)}}},
                     {"message", l.message.empty() ? std::string("here") : l.message}});
        if (!related.empty()) j["relatedInformation"] = std::move(related);
        return j;
    }

    // What check shows: every finding but those explained by another (their text is a note of
    // the cause).
    void publish(const Document& doc) {
        json list = json::array();
        for (const auto& d : doc.analysis.diagnostics)
            if (!d.explained()) list.push_back(lsp_diagnostic(doc, d));
        notify("textDocument/publishDiagnostics",
               {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(list)}});
    }

    Document& document(const json& params) {
        const std::string uri = params.at("textDocument").at("uri").get<std::string>();
        auto it = documents.find(uri);
        if (it == documents.end()) throw std::invalid_argument("the document is not open: " + uri);
        return it->second;
    }

    void did_open(const json& params) {
        const auto& item = params.at("textDocument");
        std::string uri = item.at("uri").get<std::string>();
        Document& doc = documents[uri];
        doc.uri = uri;
        doc.version = item.value("version", std::int64_t{0});
        analyse(doc, item.at("text").get<std::string>());
        publish(doc);
    }

    void did_change(const json& params) {
        Document& doc = document(params);
        std::string text(doc.text());
        // Full text (what the server asks for); ranged changes are applied too, in order.
        for (const auto& change : params.at("contentChanges")) {
            if (!change.contains("range")) {
                text = change.at("text").get<std::string>();
                continue;
            }
            LineIndex lines(text);
            auto at = [&](const json& p) {
                return lines.offset(
                    {p.at("line").get<std::uint32_t>(), p.at("character").get<std::uint32_t>()});
            };
            std::uint32_t b = at(change.at("range").at("start"));
            std::uint32_t e = std::max(b, at(change.at("range").at("end")));
            text.replace(b, e - b, change.at("text").get<std::string>());
        }
        doc.version = params.at("textDocument").value("version", doc.version);
        analyse(doc, std::move(text));
        publish(doc);
    }

    void did_close(const json& params) {
        const std::string uri = params.at("textDocument").at("uri").get<std::string>();
        documents.erase(uri);
        notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
    }

    // ---- hover ------------------------------------------------------------------------------

    // The findings on a part of the table, as check prints them (message and notes).
    std::string findings_in(const Document& doc, Span part) const {
        std::string s;
        for (const auto& d : doc.analysis.diagnostics) {
            const Label* l = primary_label(d);
            if (d.explained() || !l || !within(l->span, part)) continue;
            s += "\n```\n" + render(d, nullptr) + "```\n";
        }
        return s;
    }

    std::string budget_text(const scoring::ProjectResult& r) const {
        const auto& b = r.budget;
        std::string s = fmt::format("**预算执行率** (分值 {})\n\n", b.weight.to_string());
        if (!b.rate)
            return s + tr("执行率: cannot be computed (a budget or the spending is missing)\n");
        Decimal pct = Decimal::mul_div(b.rate->num, Decimal::from_int(100), b.rate->den,
                                       scoring::exact_places);
        s += fmt::format("执行率 = {} / {} = {}%\n\n", b.rate->num.to_string(),
                         b.rate->den.to_string(), scoring::show(pct, 2));
        if (auto e = b.expected())
            s +=
                trf("recomputed score **{}** = {}\n", scoring::show(*e, policy.precision), b.basis);
        return s;
    }

    std::string row_text(const scoring::ProjectResult& r, const scoring::RowResult& rr) const {
        using Kind = scoring::RowResult::Kind;
        const auto& row = *rr.row;
        std::string s = fmt::format("**{}** — {} › {}\n\n", row.name, row.level1, row.level2);
        s +=
            trf("reported: 分值 {} · 得分 {}\n\n", row.weight ? row.weight->value.to_string() : "—",
                row.score ? row.score->value.to_string() : "—");
        switch (rr.kind) {
        case Kind::exact:
            s += trf("recomputed score **{}** = {}\n",
                     scoring::show(rr.expected(), policy.precision), rr.basis);
            break;
        case Kind::band:
            s += trf("grade band **{}**: {}–{} points\n\n{}\n", rr.band_name,
                     scoring::show(rr.band_low), scoring::show(rr.band_high), rr.basis);
            break;
        case Kind::judgement:
            s += trf("the reported score stands (a judgement, 0–{} points): {}\n",
                     rr.weight.to_string(), rr.basis);
            break;
        case Kind::not_applicable:
            s += tr("不涉及: not scored\n");
            break;
        case Kind::unweighted:
            s += tr("no weight: a planned target, nothing to score\n");
            break;
        case Kind::unknown:
            s += tr("target or actual missing: the score cannot be recomputed\n");
            break;
        }
        const auto& p = *r.project;
        if (p.budget_row && &p.rows[*p.budget_row] == &row) s += "\n" + budget_text(r);
        return s;
    }

    std::string total_text(const scoring::ProjectResult& r) const {
        const auto& p = *r.project;
        return trf(
            "**总分**\n\nthe weights add up to {} (总分 分值 {})\n\nthe row scores add up to {} "
            "(总分 得分 {})\n\nrecomputed total **{}**, grade {}\n",
            r.weight_sum.normalized().to_string(),
            p.total_weight ? p.total_weight->value.to_string() : "—",
            r.reported_score_sum.normalized().to_string(),
            p.total_score ? p.total_score->value.to_string() : "—",
            scoring::show(r.recomputed_total, policy.precision), r.recomputed_grade);
    }

    json hover(const json& params) {
        const Document& doc = document(params);
        std::uint32_t at = doc.offset(params.at("position"));
        for (const auto& p : doc.analysis.projects) {
            const auto& m = *p.model;
            const auto& r = p.result;
            auto answer = [&](Span part, std::string value) -> json {
                value += findings_in(doc, part);
                return {{"contents", {{"kind", "markdown"}, {"value", std::move(value)}}},
                        {"range", doc.range(part)}};
            };
            if (p.tree->total && contains(p.tree->total->span, at))
                return answer(p.tree->total->span, total_text(r));
            if (m.funds && contains(m.funds->span, at) && r.budget.present)
                return answer(m.funds->span, budget_text(r));
            // A row is its whole line of fields (the model's span is its name).
            for (const auto& rr : r.rows) {
                const auto* ind = indicator_at(doc.analysis, rr.row->span);
                Span part = ind ? ind->span : rr.row->span;
                if (contains(part, at)) return answer(part, row_text(r, rr));
            }
        }
        return nullptr;
    }

    // ---- completion -------------------------------------------------------------------------

    // The words that opened the blocks around `offset` (项目, 产出指标, "a quoted name" …),
    // outermost first: strings and comments skipped, so that a half-written spec still tells
    // where the cursor is.
    static std::vector<std::string> openers(std::string_view text, std::uint32_t offset) {
        std::vector<std::string> stack;
        std::size_t word_begin = 0, word_end = 0; // the last word or string before a '{'
        for (std::size_t i = 0; i < offset && i < text.size();) {
            char c = text[i];
            if (c == '#' || (c == '/' && i + 1 < text.size() && text[i + 1] == '/')) {
                while (i < text.size() && text[i] != '\n')
                    ++i;
                continue;
            }
            if (c == '"') {
                std::size_t start = i;
                bool triple = text.substr(i, 3) == "\"\"\"";
                i += triple ? 3 : 1;
                while (i < text.size()) {
                    if (triple && text.substr(i, 3) == "\"\"\"") {
                        i += 3;
                        break;
                    }
                    if (!triple && text[i] == '\\') {
                        i += 2;
                        continue;
                    }
                    if (!triple && (text[i] == '"' || text[i] == '\n')) {
                        ++i;
                        break;
                    }
                    ++i;
                }
                word_begin = start;
                word_end = std::min(i, text.size());
                continue;
            }
            if (c == '{') {
                stack.emplace_back(text.substr(word_begin, word_end - word_begin));
                ++i;
                continue;
            }
            if (c == '}') {
                if (!stack.empty()) stack.pop_back();
                ++i;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++i;
                continue;
            }
            // A word: up to the next space, brace, quote or comment.
            std::size_t start = i;
            while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
                   text[i] != '\r' && text[i] != '{' && text[i] != '}' && text[i] != '"' &&
                   text[i] != '#')
                ++i;
            // The ideographic space ends a word as well.
            std::size_t end = i;
            if (auto sp = text.substr(start, i - start).find("\u3000");
                sp != std::string_view::npos) {
                end = start + sp;
                i = end + 3;
            }
            if (end > start) {
                word_begin = start;
                word_end = end;
            }
        }
        return stack;
    }

    json completion(const json& params) {
        const Document& doc = document(params);
        std::uint32_t at = doc.offset(params.at("position"));
        auto stack = openers(doc.text(), at);
        json items = json::array();
        std::set<std::string> seen;
        auto add = [&](std::string_view label, int item_kind, std::string detail) {
            if (label.empty() || !seen.insert(std::string(label)).second) return;
            items.push_back({{"label", std::string(label)},
                             {"kind", item_kind},
                             {"detail", std::move(detail)}});
        };
        auto keyword = [&](const vocab::Keyword& k) {
            for (auto c : k.chinese)
                add(c, kind::completion_keyword, std::string(k.where));
            for (auto e : k.english)
                add(e, kind::completion_keyword, std::string(k.where));
        };
        auto keywords_where = [&](std::initializer_list<std::string_view> wheres) {
            for (const auto& k : vocab::keywords)
                for (auto w : wheres)
                    if (k.where == w) keyword(k);
        };
        auto english_of = [](const std::string& category) -> std::string_view {
            for (const auto& c : vocab::categories)
                if (c.name == category) return c.english;
            return {};
        };
        auto category = [&](const std::string& name, const char* detail) {
            add(name, kind::completion_module, detail);
            add(english_of(name), kind::completion_module, detail + std::string(" (") + name + ")");
        };
        auto is = [&](const std::string& word, auto... names) {
            std::string n = text::nfkc(word);
            return ((n == names.view()) || ...);
        };
        const std::size_t depth = stack.size();
        if (depth == 0) {
            keywords_where({"a project"});
        } else if (depth == 1) {
            keywords_where({"metadata", "the funds block", "goals block", "total row",
                            "stated grade", "assessment text"});
            for (const auto& [l1, kids] : policy.categories)
                category(l1, "level-1 category");
        } else if (depth == 2 && is(stack[1], vocab::kw::funds, vocab::kw::funds_en)) {
            keywords_where({"funds rows", "funds rows of other templates", "funds column",
                            "funds, indicators, total"});
        } else if (depth == 2 && is(stack[1], vocab::kw::goal, vocab::kw::goal_en)) {
            keywords_where({"goals"});
        } else if (depth == 2 && !stack[1].empty()) {
            // The level-2 categories the policy allows under this level 1.
            std::string l1 = policy.category(
                stack[1].front() == '"' ? stack[1].substr(1, stack[1].size() - 2) : stack[1]);
            for (const auto& [name, kids] : policy.categories)
                if (name == l1)
                    for (const auto& k : kids)
                        category(k, trf("level-2 category of {}", l1).c_str());
            add(vocab::kw::na.view(), kind::completion_keyword, tr("the whole category 不涉及"));
        } else {
            keywords_where({"indicator", "funds, indicators, total"});
            for (auto u : vocab::unit_words)
                add(u, kind::completion_unit, "unit");
            // The grades of the scale the row's target uses, else of every scale.
            std::uint32_t line = doc.lines->position(at).line;
            std::uint32_t b = doc.lines->offset({line, 0}), e = doc.lines->offset({line + 1, 0});
            std::string_view row = doc.text().substr(b, e - b);
            const scoring::Scale* in_use = nullptr;
            for (const auto& s : policy.scales)
                for (const auto& g : s.grades)
                    if (!in_use && row.find(g) != std::string_view::npos) in_use = &s;
            for (const auto& s : policy.scales)
                if (!in_use || &s == in_use)
                    for (const auto& g : s.grades)
                        add(g, kind::completion_enum_member, trf("grade of {}", s.name));
        }
        return {{"isIncomplete", false}, {"items", std::move(items)}};
    }

    // ---- code actions -----------------------------------------------------------------------

    json edit_of(const Document& doc, Span span, const std::string& replacement) const {
        return {
            {"changes",
             {{doc.uri, json::array({{{"range", doc.range(span)}, {"newText", replacement}}})}}}};
    }

    json action(const Document& doc, const Diagnostic& d, std::string title, json edit) const {
        return {{"title", std::move(title)},
                {"kind", "quickfix"},
                {"diagnostics", json::array({lsp_diagnostic(doc, d)})},
                {"isPreferred", true},
                {"edit", std::move(edit)}};
    }

    static std::string fix_title(const Diagnostic& d, const std::string& figure) {
        if (d.code == "total-score-mismatch") return trf("Set 总分 得分 to {}", figure);
        if (d.code == "total-weight-mismatch") return trf("Set 总分 分值 to {}", figure);
        if (d.code == "budget-rate-mismatch") return trf("Set 执行率 to {}%", figure);
        return trf("Set the budget score to {}", figure);
    }

    json code_actions(const json& params) {
        const Document& doc = document(params);
        Span asked{doc.offset(params.at("range").at("start")),
                   doc.offset(params.at("range").at("end"))};
        json actions = json::array();
        for (const auto& d : doc.analysis.diagnostics) {
            const Label* l = primary_label(d);
            if (d.explained() || !l || l->span.end < asked.begin || asked.end < l->span.begin)
                continue;
            // The arithmetic fixes: the same edits `jixiao fix` makes.
            if (auto e = driver::arithmetic_fix(d, doc.analysis, policy)) {
                actions.push_back(action(doc, d, fix_title(d, e->replacement),
                                         edit_of(doc, e->span, e->replacement)));
                continue;
            }
            if (d.code == "missing-deviation-reason") {
                // An empty reason to fill in: the warning stays until a reason is written.
                if (const auto* ind = indicator_at(doc.analysis, l->span); ind && !ind->reason)
                    actions.push_back(
                        action(doc, d, tr("Add a 偏差原因 placeholder"),
                               edit_of(doc, {ind->span.end, ind->span.end}, "  偏差原因 \"\"")));
                continue;
            }
            if (d.code == "unknown-category" || d.code == "unknown-category-word" ||
                d.code == "category-variant") {
                // The known name: the one the finding suggests, or the one a template's
                // misspelling is read as.
                std::string_view written =
                    doc.text().substr(l->span.begin, l->span.end - l->span.begin);
                bool quoted =
                    written.size() >= 2 && written.front() == '"' && written.back() == '"';
                std::string name(quoted ? written.substr(1, written.size() - 2) : written);
                std::string known =
                    d.code == "category-variant" ? policy.category(name) : d.subject.expected;
                if (known.empty() || known == name) continue;
                actions.push_back(
                    action(doc, d, trf("Rename to {}", known),
                           edit_of(doc, l->span, quoted ? "\"" + known + "\"" : known)));
            }
        }
        return actions;
    }

    // ---- formatting and symbols -------------------------------------------------------------

    void formatting(const json& id, const json& params) {
        const Document& doc = document(params);
        if (!doc.analysis.parsed.ok())
            return fail(id, code::request_failed,
                        tr("the spec has syntax errors: fix them to format it"));
        std::string formatted = format::format(doc.analysis.parsed.file, doc.text());
        json edits = json::array();
        if (formatted != doc.text())
            edits.push_back(
                {{"range", doc.range({0, static_cast<std::uint32_t>(doc.text().size())})},
                 {"newText", std::move(formatted)}});
        respond(id, std::move(edits));
    }

    json symbols(const json& params) {
        const Document& doc = document(params);
        auto symbol = [&](std::string name, int symbol_kind, Span range, Span selection) {
            if (name.empty()) name = "—";
            return json{{"name", std::move(name)},
                        {"kind", symbol_kind},
                        {"range", doc.range(range)},
                        {"selectionRange", doc.range(selection)},
                        {"children", json::array()}};
        };
        json list = json::array();
        for (const auto& p : doc.analysis.parsed.file.projects) {
            json project = symbol(p.name.text, kind::module, p.span, p.name.span);
            if (p.funds)
                project["children"].push_back(symbol(p.funds->keyword.text, kind::struct_,
                                                     p.funds->span, p.funds->keyword.span));
            for (const auto& l1 : p.categories) {
                json level1 = symbol(l1.name_text, kind::namespace_, l1.span, l1.name.span);
                for (const auto& l2 : l1.children) {
                    json level2 = symbol(l2.name_text, kind::class_, l2.span, l2.name.span);
                    for (const auto& ind : l2.indicators) {
                        json i = symbol(ind.name.text, kind::field, ind.span, ind.name.span);
                        if (ind.weight || ind.score)
                            i["detail"] = fmt::format("分值 {} 得分 {}",
                                                      ind.weight ? ind.weight->number.text : "—",
                                                      ind.score ? ind.score->number.text : "—");
                        level2["children"].push_back(std::move(i));
                    }
                    level1["children"].push_back(std::move(level2));
                }
                project["children"].push_back(std::move(level1));
            }
            if (p.total)
                project["children"].push_back(symbol(p.total->keyword.text, kind::number,
                                                     p.total->span, p.total->keyword.span));
            list.push_back(std::move(project));
        }
        // A disclosure: its claims, then its department-level tables and their rows.
        for (const auto& d : doc.analysis.parsed.file.disclosures) {
            json disclosure = symbol(d.name.text, kind::module, d.span, d.name.span);
            for (const auto& c : d.claims) {
                json claim = symbol(c.keyword.text + (c.grade ? " " + c.grade->text : ""),
                                    kind::number, c.span, c.keyword.span);
                claim["detail"] = c.figure.text + (c.unit ? c.unit->text : "") +
                                  (c.line ? fmt::format("（第 {} 行）", c.line->text) : "");
                disclosure["children"].push_back(std::move(claim));
            }
            for (const auto& t : d.tables) {
                json table = symbol(t.keyword.text, kind::struct_, t.span, t.keyword.span);
                for (const auto& ind : t.indicators)
                    table["children"].push_back(
                        symbol(ind.name.text, kind::field, ind.span, ind.name.span));
                disclosure["children"].push_back(std::move(table));
            }
            list.push_back(std::move(disclosure));
        }
        return list;
    }

    // ---- dispatch ---------------------------------------------------------------------------

    json capabilities() const {
        return {{"capabilities",
                 {{"positionEncoding", "utf-16"},
                  {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
                  {"hoverProvider", true},
                  // No trigger characters: a list popping up at every space would be in the
                  // way of typing; editors ask as a word is typed, or on request.
                  {"completionProvider", json::object()},
                  {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
                  {"documentFormattingProvider", true},
                  {"documentSymbolProvider", true}}},
                {"serverInfo", {{"name", "jixiao"}}}};
    }

    void request(const json& id, const std::string& method, const json& params) {
        if (!initialized && method != "initialize")
            return fail(id, code::not_initialized, "the server is not initialized yet");
        if (shutdown) return fail(id, code::invalid_request, "the server is shutting down");
        if (method == "initialize") {
            if (initialized) return fail(id, code::invalid_request, "already initialized");
            initialized = true;
            return respond(id, capabilities());
        }
        if (method == "shutdown") {
            shutdown = true;
            return respond(id, nullptr);
        }
        if (method == "textDocument/hover") return respond(id, hover(params));
        if (method == "textDocument/completion") return respond(id, completion(params));
        if (method == "textDocument/codeAction") return respond(id, code_actions(params));
        if (method == "textDocument/formatting") return formatting(id, params);
        if (method == "textDocument/documentSymbol") return respond(id, symbols(params));
        fail(id, code::method_not_found, "unknown method: " + method);
    }

    void notification(const std::string& method, const json& params) {
        if (method == "exit") {
            exited = true;
            return;
        }
        if (!initialized || shutdown) return; // dropped, as the protocol says
        if (method == "textDocument/didOpen") return did_open(params);
        if (method == "textDocument/didChange") return did_change(params);
        if (method == "textDocument/didClose") return did_close(params);
        // initialized, didSave, $/cancelRequest, $/setTrace and others: nothing to do.
    }

    std::vector<std::string> handle(std::string_view body) {
        out.clear();
        if (exited) return {};
        // Protocol messages nest a dozen levels; a deeper one is refused before it is parsed, as
        // copying or printing a value is recursive in nlohmann-json.
        if (nesting_depth(body) > max_nesting) {
            fail(nullptr, code::invalid_request,
                 trf("a message nested deeper than {} levels", max_nesting));
            return std::move(out);
        }
        json message = json::parse(body, nullptr, false);
        if (message.is_discarded()) {
            fail(nullptr, code::parse_error, "the message is not JSON (or not UTF-8)");
            return std::move(out);
        }
        if (!message.is_object()) {
            fail(nullptr, code::invalid_request, "a message must be a JSON object");
            return std::move(out);
        }
        auto method_it = message.find("method");
        auto id_it = message.find("id");
        const bool is_request = id_it != message.end();
        if (method_it == message.end()) return {}; // a response to the server: none are sent
        json id = is_request ? *id_it : json(nullptr);
        if (!method_it->is_string() || (is_request && !id.is_number_integer() && !id.is_string())) {
            fail(is_request && (id.is_number_integer() || id.is_string()) ? id : json(nullptr),
                 code::invalid_request,
                 "a request needs a string method and an integer or string id");
            return std::move(out);
        }
        const std::string method = method_it->get<std::string>();
        static const json no_params = json::object();
        auto params_it = message.find("params");
        const json& params = params_it != message.end() ? *params_it : no_params;
        const std::size_t before = out.size();
        try {
            if (is_request)
                request(id, method, params);
            else
                notification(method, params);
        } catch (const std::exception& e) {
            // Bad parameters (a missing field, a wrong type, a document not open): the request
            // is answered with the reason; a notification has no one to answer.
            out.resize(before);
            if (is_request)
                fail(id,
                     dynamic_cast<const json::exception*>(&e) ? code::invalid_params
                                                              : code::request_failed,
                     std::string("invalid params: ") + e.what());
        }
        return std::move(out);
    }
};

Server::Server(scoring::Policy policy) : impl_(std::make_unique<Impl>()) {
    impl_->policy = std::move(policy);
}
Server::~Server() = default;

std::vector<std::string> Server::handle(std::string_view body) {
    try {
        return impl_->handle(body);
    } catch (const std::exception& e) {
        // Nothing should reach here; if it does the server answers and lives on.
        return {dump({{"jsonrpc", "2.0"},
                      {"id", nullptr},
                      {"error", {{"code", code::internal_error}, {"message", e.what()}}}})};
    }
}

bool Server::exited() const {
    return impl_->exited;
}
int Server::exit_status() const {
    return impl_->shutdown ? 0 : 1;
}

int serve(std::istream& in, std::ostream& out, std::ostream& log, scoring::Policy policy) {
    Server server(std::move(policy));
    std::string body, error;
    for (;;) {
        auto status = read_message(in, body, error);
        if (status == ReadStatus::end) {
            if (!error.empty()) log << "jixiao lsp: " << error << "\n";
            return 1; // the client went away without `exit`
        }
        if (status != ReadStatus::message) {
            log << "jixiao lsp: " << error << "\n";
            write_message(out, dump({{"jsonrpc", "2.0"},
                                     {"id", nullptr},
                                     {"error",
                                      {{"code", status == ReadStatus::bad ? code::parse_error
                                                                          : code::invalid_request},
                                       {"message", error}}}}));
            continue;
        }
        for (const auto& m : server.handle(body))
            write_message(out, m);
        if (server.exited()) return server.exit_status();
    }
}

} // namespace jx::lsp
