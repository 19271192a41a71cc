#include "templates/template.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "templates/builtin.hpp"

namespace jx::templates {

namespace {

struct Key {
    Column c;
    const char* key;
};
constexpr Key keys[] = {
    {Column::label, "label"},           {Column::initial, "initial"}, {Column::annual, "annual"},
    {Column::spent, "spent"},           {Column::rate, "rate"},       {Column::weight, "weight"},
    {Column::score, "score"},           {Column::reason, "reason"},   {Column::level1, "level1"},
    {Column::level2, "level2"},         {Column::name, "name"},       {Column::target, "target"},
    {Column::comparator, "comparator"}, {Column::value, "value"},     {Column::unit, "unit"},
    {Column::actual, "actual"},
};

std::string squeezed(const std::string& s) {
    std::string n = text::nfkc(s), out;
    for (char c : n)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
    return out;
}

// The `(10分)` at the end of a squeezed heading: where it starts, or npos.
std::size_t points_start(const std::string& h) {
    const std::string tail = "分)";
    if (h.size() < tail.size() + 2 || h.compare(h.size() - tail.size(), tail.size(), tail) != 0)
        return std::string::npos;
    std::size_t open = h.rfind('(');
    if (open == std::string::npos || open == 0) return std::string::npos;
    const std::string digits = h.substr(open + 1, h.size() - tail.size() - open - 1);
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(),
                                       [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
        return std::string::npos;
    return open;
}

bool glob(const std::string& pattern, const std::string& s) {
    // '*' matches any text; everything else itself. Backtracking over the last star suffices.
    std::size_t p = 0, i = 0, star = std::string::npos, mark = 0;
    while (i < s.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = i;
        } else if (p < pattern.size() && pattern[p] == s[i]) {
            ++p;
            ++i;
        } else if (star != std::string::npos) {
            p = star + 1;
            i = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const YAML::Node& n, const std::string& message) {
    throw Failure(n.Mark().is_null() ? message : trf("line {}: {}", n.Mark().line + 1, message));
}

// YAML aliases let a small file name one list many times over; every entry a template takes
// counts against this budget, which no real template (some hundred entries) comes near.
constexpr std::size_t max_template_entries = 10'000;
thread_local std::size_t entries_used = 0;

void spend(const YAML::Node& n) {
    if (++entries_used > max_template_entries)
        fail(n, trf("the template expands to more than {} entries (YAML aliases repeat "
                    "what they name)",
                    max_template_entries));
}

std::string scalar(const YAML::Node& n, const std::string& key) {
    if (!n) return {};
    if (!n.IsScalar()) fail(n, trf("{} must be a text", key));
    return n.as<std::string>();
}

std::vector<std::string> strings(const YAML::Node& n, const std::string& key) {
    std::vector<std::string> out;
    if (!n || n.IsNull()) return out;
    if (!n.IsSequence()) fail(n, trf("{} must be a list", key));
    for (const auto& e : n) {
        spend(e);
        out.push_back(scalar(e, key + "[]"));
    }
    return out;
}

Column role(const YAML::Node& n, const std::string& key) {
    std::string k = scalar(n, key);
    if (auto c = column_from_key(k)) return *c;
    std::string known;
    for (const auto& e : keys)
        known += (known.empty() ? "" : ", ") + std::string(e.key);
    fail(n, trf("{}: unknown column \"{}\" (one of {})", key, k, known));
}

std::vector<ColumnSpec> columns(const YAML::Node& n, const std::string& key) {
    std::vector<ColumnSpec> out;
    if (!n) return out;
    if (!n.IsSequence()) fail(n, trf("{} must be a list", key));
    for (const auto& e : n) {
        spend(e);
        if (!e.IsMap()) fail(e, trf("{}[] must be a mapping {{role, label, also}}", key));
        out.push_back({role(e["role"], key + ".role"), scalar(e["label"], key + ".label"),
                       strings(e["also"], key + ".also")});
    }
    return out;
}

Template read(const YAML::Node& doc, const std::string& origin) {
    if (!doc.IsMap())
        fail(doc, tr("a template must be a mapping (name, title, funds, indicators …)"));
    static const std::vector<std::string> known{
        "name",  "title",      "source", "description", "recognise",  "head",        "funds",
        "goals", "indicators", "total",  "under",       "signatures", "instructions"};
    for (const auto& kv : doc) {
        std::string k = scalar(kv.first, "key");
        if (std::find(known.begin(), known.end(), k) == known.end())
            fail(kv.first, trf("unknown key \"{}\"", k));
    }
    Template t;
    t.origin = origin;
    t.name = scalar(doc["name"], "name");
    if (t.name.empty()) fail(doc, tr("name is required"));
    t.title = scalar(doc["title"], "title");
    t.source = scalar(doc["source"], "source");
    t.description = scalar(doc["description"], "description");
    if (const auto r = doc["recognise"]) {
        t.all = strings(r["all"], "recognise.all");
        t.none = strings(r["none"], "recognise.none");
    }
    if (const auto h = doc["head"]) {
        if (!h.IsSequence()) fail(h, tr("head must be a list of rows"));
        for (const auto& row : h) {
            spend(row);
            t.head.push_back(strings(row, "head[]"));
        }
    }
    const auto f = doc["funds"];
    if (f) {
        t.funds_title = scalar(f["title"], "funds.title");
        t.funds_points = f["points"] && f["points"].as<bool>(false);
        t.funds_unit_heading = scalar(f["unit_heading"], "funds.unit_heading");
        t.funds_columns = columns(f["columns"], "funds.columns");
        if (const auto rows = f["rows"]) {
            if (!rows.IsSequence()) fail(rows, tr("funds.rows must be a list"));
            for (const auto& r : rows) {
                spend(r);
                t.funds_rows.push_back({scalar(r["row"], "funds.rows.row"),
                                        scalar(r["label"], "funds.rows.label"),
                                        strings(r["also"], "funds.rows.also")});
            }
        }
        t.not_applicable = scalar(f["not_applicable"], "funds.not_applicable");
        for (const auto& s : strings(f["struck"], "funds.struck")) {
            auto c = column_from_key(s);
            if (!c) fail(f["struck"], trf("funds.struck: unknown column \"{}\"", s));
            t.struck.push_back(*c);
        }
    }
    t.goals_title = scalar(doc["goals"], "goals");
    const auto ind = doc["indicators"];
    if (!ind || !ind.IsMap()) fail(doc, tr("indicators is required (title, columns)"));
    t.indicators_title = scalar(ind["title"], "indicators.title");
    t.indicators_points = ind["points"] && ind["points"].as<bool>(false);
    t.level1_points = ind["level1_points"] && ind["level1_points"].as<bool>(false);
    t.indicator_columns = columns(ind["columns"], "indicators.columns");
    if (!t.has_column(Column::level1) || !t.has_column(Column::name))
        fail(ind, tr("indicators.columns must have a level1 and a name column"));
    t.total_label = scalar(doc["total"], "total");
    if (t.total_label.empty()) t.total_label = "总分";
    t.under = strings(doc["under"], "under");
    t.signatures = strings(doc["signatures"], "signatures");
    t.instructions = strings(doc["instructions"], "instructions");
    t.index();
    return t;
}

bool matches(const ColumnSpec& c, const std::string& key) {
    if (heading_key(c.label) == key && !key.empty()) return true;
    for (const auto& a : c.also)
        if (heading_key(a) == key) return true;
    return false;
}

std::optional<Column> find_column(const std::vector<ColumnSpec>& cols, const std::string& h) {
    const std::string key = heading_key(h);
    if (key.empty()) return std::nullopt;
    for (const auto& c : cols)
        if (matches(c, key)) return c.role;
    return std::nullopt;
}

} // namespace

const char* column_key(Column c) {
    for (const auto& k : keys)
        if (k.c == c) return k.key;
    return "";
}

std::optional<Column> column_from_key(const std::string& key) {
    for (const auto& k : keys)
        if (key == k.key) return k.c;
    return std::nullopt;
}

std::string heading_key(const std::string& cell) {
    std::string h = squeezed(cell);
    // 年度预算数(万元) → 年度预算数: a unit in a heading is not part of its name.
    for (const char* unit : {"(万元)", "(元)", "(亿元)"}) {
        const std::string u = unit;
        if (h.size() > u.size() && h.compare(h.size() - u.size(), u.size(), u) == 0)
            h.erase(h.size() - u.size());
    }
    std::size_t at = points_start(h);
    return at == std::string::npos ? h : h.substr(0, at);
}

std::string heading_points(const std::string& cell) {
    std::string h = squeezed(cell);
    std::size_t at = points_start(h);
    if (at == std::string::npos) return {};
    return h.substr(at + 1, h.size() - at - 1 - std::string("分)").size());
}

void Template::index() {
    instruction_keys_.clear();
    for (const auto& p : instructions)
        instruction_keys_.push_back(squeezed(p));
}

bool Template::splits_target() const {
    return has_column(Column::comparator) || has_column(Column::unit);
}

bool Template::has_column(Column c) const {
    return std::any_of(indicator_columns.begin(), indicator_columns.end(),
                       [c](const ColumnSpec& s) { return s.role == c; });
}

std::optional<Column> Template::funds_column(const std::string& heading) const {
    auto c = find_column(funds_columns, heading);
    if (c == Column::label) return std::nullopt;
    return c;
}

std::optional<Column> Template::indicator_column(const std::string& heading) const {
    return find_column(indicator_columns, heading);
}

std::string Template::funds_row(const std::string& label) const {
    std::string key = squeezed(label);
    for (const auto& r : funds_rows) {
        if (squeezed(r.label) == key) return r.row;
        for (const auto& a : r.also)
            if (squeezed(a) == key) return r.row;
    }
    return {};
}

bool Template::is_instruction(const std::string& cell) const {
    std::string s = squeezed(cell);
    if (s.empty()) return false;
    for (const auto& p : instruction_keys_)
        if (glob(p, s)) return true;
    return false;
}

const Registry& Registry::builtin() {
    static const Registry r = [] {
        Registry reg;
        std::string error;
        for (const char* y : {builtin_central, builtin_beijing, builtin_sichuan})
            if (!reg.add_yaml(y, "built-in", error)) throw std::logic_error(error);
        return reg;
    }();
    return r;
}

bool Registry::add_yaml(const std::string& yaml, const std::string& origin, std::string& error) {
    try {
        entries_used = 0;
        Template t = read(YAML::Load(yaml), origin);
        t.yaml = yaml;
        auto same = std::find_if(templates_.begin(), templates_.end(),
                                 [&](const Template& e) { return e.name == t.name; });
        if (same != templates_.end())
            *same = std::move(t);
        else
            templates_.push_back(std::move(t));
        return true;
    } catch (const Failure& e) {
        error = fmt::format("{}: {}", origin, e.what());
    } catch (const YAML::Exception& e) {
        error = trf("{}: line {}: {}", origin, e.mark.line + 1, e.msg);
    }
    return false;
}

bool Registry::add_directory(const std::string& dir, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        error = trf("{}: not a directory of templates", dir);
        return false;
    }
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        auto ext = e.path().extension().string();
        if (ext == ".yaml" || ext == ".yml") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        if (!in && !in.eof()) {
            error = trf("{}: cannot be read", f);
            return false;
        }
        if (!add_yaml(ss.str(), f, error)) return false;
    }
    return true;
}

const Template* Registry::find(const std::string& name) const {
    for (const auto& t : templates_)
        if (t.name == name) return &t;
    return nullptr;
}

const Template* Registry::recognise(const std::vector<std::string>& cells) const {
    std::vector<std::string> keys_seen;
    keys_seen.reserve(cells.size());
    for (const auto& c : cells)
        keys_seen.push_back(heading_key(c));
    std::sort(keys_seen.begin(), keys_seen.end());
    auto seen = [&](const std::string& k) {
        return std::binary_search(keys_seen.begin(), keys_seen.end(), heading_key(k));
    };
    const Template* best = nullptr;
    for (const auto& t : templates_) {
        if (t.all.empty()) continue;
        if (!std::all_of(t.all.begin(), t.all.end(), seen)) continue;
        if (std::any_of(t.none.begin(), t.none.end(), seen)) continue;
        if (!best || t.all.size() > best->all.size()) best = &t;
    }
    return best;
}

std::string builtin_yaml(const std::string& name) {
    if (name == "central") return builtin_central;
    if (name == "beijing") return builtin_beijing;
    if (name == "sichuan") return builtin_sichuan;
    return {};
}

} // namespace jx::templates
