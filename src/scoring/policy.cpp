#include "scoring/policy.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "model/project.hpp"
#include "vocab/vocabulary.hpp"

namespace jx::scoring {

namespace {

Decimal d(long long v) {
    return Decimal::from_int(v);
}

Scale make_scale(std::string name,
                 std::vector<std::pair<std::string, std::pair<int, int>>> grades) {
    Scale s;
    s.name = std::move(name);
    for (auto& [g, band] : grades) {
        s.grades.push_back(g);
        s.bands[g] = Band{d(band.first), d(band.second)};
    }
    return s;
}

} // namespace

Policy Policy::defaults() {
    Policy p;
    // Grade scales. 达成/部分达成/未达成 carry the official bands (as given in issue #3); the finer
    // scales split the same range and are jixiao's defaults, to be set per bureau.
    p.scales = {
        make_scale("优良中低差", {{"优", {90, 100}},
                                  {"良", {80, 90}},
                                  {"中", {60, 80}},
                                  {"低", {20, 60}},
                                  {"差", {0, 20}}}),
        make_scale("优良中差",
                   {{"优", {90, 100}}, {"良", {80, 90}}, {"中", {60, 80}}, {"差", {0, 60}}}),
        make_scale("好/较好/一般/较差/差", {{"好", {90, 100}},
                                            {"较好", {80, 90}},
                                            {"一般", {60, 80}},
                                            {"较差", {20, 60}},
                                            {"差", {0, 20}}}),
        make_scale("高/较高/一般/较低/低", {{"高", {90, 100}},
                                            {"较高", {80, 90}},
                                            {"一般", {60, 80}},
                                            {"较低", {20, 60}},
                                            {"低", {0, 20}}}),
        make_scale("达成/部分达成/未达成",
                   {{"达成", {80, 100}}, {"部分达成", {60, 80}}, {"未达成", {0, 60}}}),
        make_scale("满意/基本满意/不满意",
                   {{"满意", {80, 100}}, {"基本满意", {60, 80}}, {"不满意", {0, 60}}}),
        make_scale("合格/不合格", {{"合格", {60, 100}}, {"不合格", {0, 60}}}),
    };
    p.total_grades = {{"优秀", d(90)}, {"良好", d(80)}, {"一般", d(60)}, {"较差", d(0)}};
    for (auto r : vocab::reason_placeholders)
        p.reason_placeholders.emplace_back(r);
    for (const auto& v : vocab::category_variants)
        p.category_aliases.emplace(std::string(v.written), std::string(v.meant));
    p.required_level1 = {std::string(vocab::cat::output.view()),
                         std::string(vocab::cat::benefit.view()),
                         std::string(vocab::cat::satisfaction.view())};
    // The official tree, from the vocabulary.
    for (const auto& l1 : vocab::tree) {
        std::vector<std::string> children;
        for (const auto& l2 : l1.children)
            if (!l2.empty()) children.emplace_back(l2);
        p.categories.emplace_back(std::string(l1.name), std::move(children));
    }
    return p;
}

const Scale* Policy::scale_named(const std::string& name) const {
    std::string n = text::nfkc(name);
    for (const auto& s : scales) {
        if (text::nfkc(s.name) == n) return &s;
        // 优良中低差 may also be written 优/良/中/低/差.
        std::string joined, slashed;
        for (std::size_t i = 0; i < s.grades.size(); ++i) {
            joined += s.grades[i];
            slashed += (i ? "/" : "") + s.grades[i];
        }
        if (n == joined || n == slashed) return &s;
    }
    return nullptr;
}

const Scale* Policy::scale_with(const std::string& a, const std::string& b) const {
    for (const auto& s : scales)
        if (s.bands.count(a) && (b.empty() || s.bands.count(b))) return &s;
    return nullptr;
}

std::string Policy::grade_for_total(const Decimal& total) const {
    for (const auto& [grade, low] : total_grades)
        if (total >= low) return grade;
    return total_grades.empty() ? std::string() : total_grades.back().first;
}

vocab::Cmp Policy::bare_comparator(const std::string& level1, const std::string& level2) const {
    if (auto it = bare_target.find(category(level2)); it != bare_target.end()) return it->second;
    if (auto it = bare_target.find(category(level1)); it != bare_target.end()) return it->second;
    return bare_target_default;
}

std::string Policy::category(const std::string& written) const {
    std::string c = model::canonical_category(written);
    if (auto it = category_aliases.find(c); it != category_aliases.end())
        return model::canonical_category(it->second);
    return c;
}

bool Policy::matches(const Decimal& reported, const Decimal& exact) const {
    if (matches_at_written_precision(reported, exact)) return true;
    return rounding == Rounding::round_or_truncate && exact.truncated(reported.scale()) == reported;
}

// ---------------------------------------------------------------------------------------------
// YAML

namespace {

struct Failure {
    std::string message;
    YAML::Mark mark;
};

[[noreturn]] void fail(const YAML::Node& n, std::string message) {
    throw Failure{std::move(message), n.Mark()};
}

Decimal number(const YAML::Node& n, const std::string& key) {
    if (!n.IsScalar()) fail(n, trf("{} must be a number", key));
    std::string s = n.Scalar();
    bool percent = !s.empty() && s.back() == '%';
    if (percent) s.pop_back();
    auto v = Decimal::parse(text::nfkc(text::trim(s)));
    if (!v) fail(n, trf("{} must be a number, not \"{}\"", key, n.Scalar()));
    return *v;
}

std::string scalar(const YAML::Node& n, const std::string& key) {
    if (!n.IsScalar()) fail(n, trf("{} must be a single value", key));
    return n.Scalar();
}

template <typename E>
E choice(const YAML::Node& n, const std::string& key,
         std::initializer_list<std::pair<const char*, E>> options) { // the names, in order
    std::string v = scalar(n, key);
    std::string names;
    for (const auto& [name, value] : options) {
        if (v == name) return value;
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    fail(n, trf("{} must be one of {}, not \"{}\"", key, names, v));
}

vocab::Cmp comparator(const YAML::Node& n, const std::string& key) {
    std::string v = text::nfkc(scalar(n, key));
    if (v == "≥" || v == ">=" || v == "ge") return vocab::Cmp::ge;
    if (v == "≤" || v == "<=" || v == "le") return vocab::Cmp::le;
    if (v == ">" || v == "gt") return vocab::Cmp::gt;
    if (v == "<" || v == "lt") return vocab::Cmp::lt;
    if (v == "=" || v == "eq") return vocab::Cmp::eq;
    fail(n, trf("{} must be a comparator (≥, ≤, >, <, =), not \"{}\"", key, v));
}

Band band(const YAML::Node& n, const std::string& key) {
    if (!n.IsSequence() || n.size() != 2)
        fail(n, trf("{} must be a band [low, high] in percent", key));
    Band b{number(n[0], key), number(n[1], key)};
    if (b.high < b.low || b.low < Decimal::from_int(0) || Decimal::from_int(100) < b.high)
        fail(n, trf("{} must satisfy 0 ≤ low ≤ high ≤ 100", key));
    return b;
}

void expect_map(const YAML::Node& n, const std::string& key) {
    if (!n.IsMap()) fail(n, trf("{} must be a mapping", key));
}

// YAML aliases let a small file name one node many times over (a list of 50,000 aliases of a
// scale with 10,000 grades is 1 MB): each use becomes a copy in the policy. Every entry the
// policy takes counts against this budget, which no real policy comes near.
constexpr std::size_t max_policy_entries = 100'000;

class Budget {
public:
    void spend(const YAML::Node& n) {
        if (++used_ > max_policy_entries)
            fail(n, trf("the policy expands to more than {} entries (YAML aliases "
                        "repeat what they name), the budget of a policy",
                        max_policy_entries));
    }

private:
    std::size_t used_ = 0;
};

// The names of each enumerated setting, shared by the reader and the writer.
template <typename E>
using Options = std::initializer_list<std::pair<const char*, E>>;
const Options<Policy::BudgetReference> reference_options{
    {"initial", Policy::BudgetReference::initial}, {"annual", Policy::BudgetReference::annual}};
const Options<Policy::BelowFormula> below_options{
    {"proportional", Policy::BelowFormula::proportional}, {"zero", Policy::BelowFormula::zero}};
const Options<Policy::AboveFormula> above_options{{"linear", Policy::AboveFormula::linear},
                                                  {"ratio", Policy::AboveFormula::ratio},
                                                  {"zero", Policy::AboveFormula::zero}};
const Options<Policy::Combine> combine_options{{"mean", Policy::Combine::mean},
                                               {"min", Policy::Combine::min}};
const Options<Policy::OverDelivery> over_options{
    {"met", Policy::OverDelivery::met}, {"proportional", Policy::OverDelivery::proportional}};
const Options<Policy::Rounding> rounding_options{
    {"round_or_truncate", Policy::Rounding::round_or_truncate}, {"round", Policy::Rounding::round}};

std::vector<std::string> string_list(const YAML::Node& v, const std::string& key, Budget& budget) {
    if (!v.IsSequence()) fail(v, trf("{} must be a list", key));
    std::vector<std::string> out;
    for (const auto& e : v) {
        budget.spend(e);
        out.push_back(scalar(e, key + "[]"));
    }
    return out;
}

void write_list(YAML::Emitter& out, const std::vector<std::string>& v) {
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& s : v)
        out << s;
    out << YAML::EndSeq;
}

template <typename E>
const char* name_of(E value, Options<E> options) {
    for (const auto& [name, v] : options)
        if (v == value) return name;
    return "?";
}

// Every key of a policy file, in the order `jixiao policy` writes them: what it reads and how it
// writes it. A key not in this table is an error naming the known ones.
struct Key {
    const char* name;
    void (*read)(const YAML::Node& v, Policy& p, Budget& budget);
    void (*write)(YAML::Emitter& out, const Policy& p);
};

std::string text(const Decimal& d) {
    return d.to_string();
}

void write_band(YAML::Emitter& out, const Band& b) {
    out << YAML::Flow << YAML::BeginSeq << text(b.low) << text(b.high) << YAML::EndSeq;
}

const Key policy_keys[] = {
    {"precision",
     [](const YAML::Node& v, Policy& p, Budget&) {
         Decimal x = number(v, "precision");
         if (x.scale() != 0 || x < Decimal::from_int(0) || Decimal::from_int(10) < x)
             fail(v, tr("precision must be a whole number from 0 to 10"));
         p.precision = static_cast<int>(x.mantissa());
     },
     [](YAML::Emitter& out, const Policy& p) { out << p.precision; }},
    {"total_weight",
     [](const YAML::Node& v, Policy& p, Budget&) { p.total_weight = number(v, "total_weight"); },
     [](YAML::Emitter& out, const Policy& p) { out << text(p.total_weight); }},
    {"level1_split",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         expect_map(v, "level1_split");
         p.level1_split.clear();
         for (const auto& e : v) {
             budget.spend(e.first);
             p.level1_split[e.first.Scalar()] =
                 number(e.second, "level1_split." + e.first.Scalar());
         }
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::Flow << YAML::BeginMap;
         for (const auto& [k, v] : p.level1_split)
             out << YAML::Key << k << YAML::Value << text(v);
         out << YAML::EndMap;
     }},
    {"budget",
     [](const YAML::Node& v, Policy& p, Budget&) {
         expect_map(v, "budget");
         for (const auto& e : v) {
             std::string k = e.first.Scalar();
             if (k == "weight")
                 p.budget_weight = number(e.second, "budget.weight");
             else if (k == "rate_cap")
                 p.budget_rate_cap = Decimal::divide(number(e.second, "budget.rate_cap"),
                                                     Decimal::from_int(100), 6);
             else if (k == "reference")
                 p.budget_reference = choice(e.second, "budget.reference", reference_options);
             else
                 fail(e.first,
                      trf("unknown key \"budget.{}\" (known: weight, rate_cap, reference)", k));
         }
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::BeginMap << YAML::Key << "weight" << YAML::Value << text(p.budget_weight)
             << YAML::Key << "rate_cap" << YAML::Value
             << text((p.budget_rate_cap * Decimal::from_int(100)).normalized()) << YAML::Key
             << "reference" << YAML::Value << name_of(p.budget_reference, reference_options)
             << YAML::EndMap;
     }},
    {"below_target",
     [](const YAML::Node& v, Policy& p, Budget&) {
         p.below_target = choice(v, "below_target", below_options);
     },
     [](YAML::Emitter& out, const Policy& p) { out << name_of(p.below_target, below_options); }},
    {"above_limit",
     [](const YAML::Node& v, Policy& p, Budget&) {
         p.above_limit = choice(v, "above_limit", above_options);
     },
     [](YAML::Emitter& out, const Policy& p) { out << name_of(p.above_limit, above_options); }},
    {"combined",
     [](const YAML::Node& v, Policy& p, Budget&) {
         p.combined = choice(v, "combined", combine_options);
     },
     [](YAML::Emitter& out, const Policy& p) { out << name_of(p.combined, combine_options); }},
    {"over_delivery",
     [](const YAML::Node& v, Policy& p, Budget&) {
         p.over_delivery = choice(v, "over_delivery", over_options);
     },
     [](YAML::Emitter& out, const Policy& p) { out << name_of(p.over_delivery, over_options); }},
    {"rounding",
     [](const YAML::Node& v, Policy& p, Budget&) {
         p.rounding = choice(v, "rounding", rounding_options);
     },
     [](YAML::Emitter& out, const Policy& p) { out << name_of(p.rounding, rounding_options); }},
    {"reason_placeholders",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         p.reason_placeholders = string_list(v, "reason_placeholders", budget);
     },
     [](YAML::Emitter& out, const Policy& p) { write_list(out, p.reason_placeholders); }},
    {"category_aliases",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         expect_map(v, "category_aliases");
         for (const auto& e : v) { // added to the built-in ones
             budget.spend(e.first);
             p.category_aliases[scalar(e.first, "category_aliases")] =
                 scalar(e.second, "category_aliases." + e.first.Scalar());
         }
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::BeginMap;
         for (const auto& [k, v] : p.category_aliases)
             out << YAML::Key << k << YAML::Value << v;
         out << YAML::EndMap;
     }},
    {"required_level1",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         p.required_level1 = string_list(v, "required_level1", budget);
     },
     [](YAML::Emitter& out, const Policy& p) { write_list(out, p.required_level1); }},
    {"bare_target",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         expect_map(v, "bare_target");
         p.bare_target.clear();
         for (const auto& e : v) {
             budget.spend(e.first);
             if (e.first.Scalar() == "default")
                 p.bare_target_default = comparator(e.second, "bare_target.default");
             else
                 p.bare_target[e.first.Scalar()] =
                     comparator(e.second, "bare_target." + e.first.Scalar());
         }
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::BeginMap;
         for (const auto& [k, v] : p.bare_target)
             out << YAML::Key << k << YAML::Value << YAML::DoubleQuoted << vocab::cmp_symbol(v);
         out << YAML::Key << "default" << YAML::Value << YAML::DoubleQuoted
             << vocab::cmp_symbol(p.bare_target_default) << YAML::EndMap;
     }},
    {"achievement_bands",
     [](const YAML::Node& v, Policy& p, Budget&) {
         expect_map(v, "achievement_bands");
         for (const auto& e : v) {
             std::string k = e.first.Scalar();
             if (k == "达成")
                 p.achieved = band(e.second, "achievement_bands.达成");
             else if (k == "部分达成")
                 p.partly_achieved = band(e.second, "achievement_bands.部分达成");
             else if (k == "未达成")
                 p.not_achieved = band(e.second, "achievement_bands.未达成");
             else
                 fail(e.first,
                      trf("unknown achievement band \"{}\" (known: 达成, 部分达成, 未达成)", k));
         }
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::BeginMap << YAML::Key << "达成" << YAML::Value;
         write_band(out, p.achieved);
         out << YAML::Key << "部分达成" << YAML::Value;
         write_band(out, p.partly_achieved);
         out << YAML::Key << "未达成" << YAML::Value;
         write_band(out, p.not_achieved);
         out << YAML::EndMap;
     }},
    {"scales",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         if (!v.IsSequence()) fail(v, tr("scales must be a list of {name, grades}"));
         p.scales.clear();
         for (const auto& s : v) {
             budget.spend(s);
             expect_map(s, "a scale");
             Scale scale;
             scale.name = scalar(s["name"], "scales[].name");
             const YAML::Node grades = s["grades"];
             if (!grades || !grades.IsMap())
                 fail(s, tr("scales[].grades must map each grade to a band [low, high]"));
             for (const auto& g : grades) {
                 budget.spend(g.first);
                 scale.grades.push_back(g.first.Scalar());
                 scale.bands[g.first.Scalar()] =
                     band(g.second, "scales[].grades." + g.first.Scalar());
             }
             p.scales.push_back(std::move(scale));
         }
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::BeginSeq;
         for (const auto& s : p.scales) {
             out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << s.name << YAML::Key
                 << "grades" << YAML::Value << YAML::BeginMap;
             for (const auto& g : s.grades) {
                 out << YAML::Key << g << YAML::Value;
                 write_band(out, s.bands.at(g));
             }
             out << YAML::EndMap << YAML::EndMap;
         }
         out << YAML::EndSeq;
     }},
    {"total_grades",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         expect_map(v, "total_grades");
         p.total_grades.clear();
         for (const auto& e : v) {
             budget.spend(e.first);
             p.total_grades.emplace_back(e.first.Scalar(),
                                         number(e.second, "total_grades." + e.first.Scalar()));
         }
         std::sort(p.total_grades.begin(), p.total_grades.end(),
                   [](const auto& a, const auto& b) { return b.second < a.second; });
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::BeginMap;
         for (const auto& [g, v] : p.total_grades)
             out << YAML::Key << g << YAML::Value << text(v);
         out << YAML::EndMap;
     }},
    {"categories",
     [](const YAML::Node& v, Policy& p, Budget& budget) {
         expect_map(v, "categories");
         p.categories.clear();
         for (const auto& e : v) {
             budget.spend(e.first);
             if (!e.second.IsSequence())
                 fail(e.second, tr("categories maps each level-1 name to a list of level-2 names"));
             std::vector<std::string> children;
             for (const auto& c : e.second) {
                 budget.spend(c);
                 children.push_back(scalar(c, "categories[]"));
             }
             p.categories.emplace_back(e.first.Scalar(), std::move(children));
         }
     },
     [](YAML::Emitter& out, const Policy& p) {
         out << YAML::BeginMap;
         for (const auto& [l1, l2s] : p.categories) {
             out << YAML::Key << l1 << YAML::Value << YAML::Flow << YAML::BeginSeq;
             for (const auto& l2 : l2s)
                 out << l2;
             out << YAML::EndSeq;
         }
         out << YAML::EndMap;
     }},
};

void apply(const YAML::Node& root, Policy& p) {
    if (root.IsNull()) return;
    expect_map(root, "the policy");
    Budget budget;
    for (const auto& kv : root) {
        std::string name = kv.first.Scalar();
        const Key* key = nullptr;
        for (const auto& k : policy_keys)
            if (name == k.name) key = &k;
        if (!key) {
            std::string known;
            for (const auto& k : policy_keys)
                known += (known.empty() ? "" : ", ") + std::string(k.name);
            fail(kv.first, trf("unknown policy key \"{}\" (known: {})", name, known));
        }
        key->read(kv.second, p, budget);
    }
}

} // namespace

std::optional<Policy> load_policy(const std::string& yaml_text, PolicyError& error) {
    Policy p = Policy::defaults();
    try {
        apply(YAML::Load(yaml_text), p);
    } catch (const Failure& f) {
        error = {f.message, f.mark.line + 1, f.mark.column + 1};
        return std::nullopt;
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard against stack exhaustion; its message says only "bad file".
        error = {"nested too deeply for the YAML reader; a policy needs three levels at most",
                 e.mark.line + 1, e.mark.column + 1};
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        error = {e.msg, e.mark.line + 1, e.mark.column + 1};
        return std::nullopt;
    }
    return p;
}

std::string dump_policy_yaml(const Policy& p) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Comment(
               "jixiao scoring policy (the built-in defaults; see docs/scoring-policy.md)")
        << YAML::Newline << YAML::BeginMap;
    for (const auto& key : policy_keys) {
        out << YAML::Key << key.name << YAML::Value;
        key.write(out, p);
    }
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace jx::scoring
