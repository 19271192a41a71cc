#include "syntax/parser.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include <fmt/format.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "jixiao/grammar.hpp"
#include "syntax/errors.hpp"
#include "syntax/slips.hpp"

namespace jx::syntax {
namespace pegtl = tao::pegtl;
namespace g = jx::grammar;

// ---------------------------------------------------------------------------------------------
// A tree of the selected rules only. Nodes of failed attempts are discarded, so the conversion
// below sees exactly what matched.

// clang-format off
#define JX_NODE_KINDS(X) \
    X(project) \
    X(kw_project) \
    X(project_name) \
    X(year_stmt) \
    X(year_value) \
    X(department_stmt) \
    X(unit_stmt) \
    X(contact_stmt) \
    X(phone_stmt) \
    X(finance_officer_stmt) \
    X(layout_stmt) \
    X(head_info_stmt) \
    X(unplaced_stmt) \
    X(conclusion_stmt) \
    X(problems_stmt) \
    X(measures_stmt) \
    X(string_lit) \
    X(number) \
    X(unit) \
    X(money_unit) \
    X(percent) \
    X(funds_block) \
    X(kw_funds) \
    X(fund_row) \
    X(fund_row_name) \
    X(initial_field) \
    X(annual_field) \
    X(spent_field) \
    X(fund_weight_field) \
    X(rate_field) \
    X(fund_score_field) \
    X(fund_reason_field) \
    X(goal_block) \
    X(kw_goal) \
    X(expected_stmt) \
    X(achieved_stmt) \
    X(level1_block) \
    X(level2_block) \
    X(category_word) \
    X(category_guess) \
    X(level2_na) \
    X(indicator) \
    X(indicator_stray) \
    X(target_field) \
    X(actual_field) \
    X(weight_field) \
    X(score_field) \
    X(reason_field) \
    X(criteria_field) \
    X(na_field) \
    X(total_stmt) \
    X(kw_total) \
    X(total_weight_field) \
    X(total_score_field) \
    X(grade_stmt) \
    X(total_grade_word) \
    X(value) \
    X(kw_na) \
    X(condition) \
    X(label) \
    X(text_value) \
    X(scale_lit) \
    X(measured) \
    X(cmp_ge) \
    X(cmp_le) \
    X(cmp_gt) \
    X(cmp_lt) \
    X(cmp_eq) \
    X(suffix_ge) \
    X(suffix_le) \
    X(operand) \
    X(date_range) \
    X(quantity_range) \
    X(date) \
    X(dotted_month_date) \
    X(quantity) \
    X(grade) \
    X(budget_ref) \
    X(range_sep) \
    X(condition_sep) \
    X(comment) \
    X(bom) \
    X(kw_year) \
    X(kw_department) \
    X(kw_unit) \
    X(kw_contact) \
    X(kw_phone) \
    X(kw_finance_officer) \
    X(kw_layout) \
    X(kw_head_info) \
    X(kw_unplaced) \
    X(kw_part) \
    X(kw_conclusion) \
    X(kw_problems) \
    X(kw_measures) \
    X(kw_expected) \
    X(kw_achieved) \
    X(kw_initial) \
    X(kw_annual) \
    X(kw_spent) \
    X(kw_rate) \
    X(kw_weight) \
    X(kw_score) \
    X(kw_target) \
    X(kw_actual) \
    X(kw_reason) \
    X(kw_criteria) \
    X(kw_grade) \
    X(disclosure) \
    X(kw_disclosure) \
    X(disclosure_name) \
    X(claim) \
    X(count_claim) \
    X(grade_claim) \
    X(score_claim) \
    X(funds_claim) \
    X(kw_claim_projects) \
    X(kw_claim_evaluated) \
    X(kw_claim_excluded) \
    X(kw_claim_score) \
    X(kw_claim_funds) \
    X(claim_averaging) \
    X(claim_transfers) \
    X(source_line) \
    X(source_line_value) \
    X(kw_source_line) \
    X(dept_table) \
    X(kw_dept_targets) \
    X(kw_dept_results) \
    X(index_block) \
    X(kw_index_system)
// clang-format on

enum class K : std::uint8_t {
#define JX_ENUM(r) r,
    JX_NODE_KINDS(JX_ENUM)
#undef JX_ENUM
        none,
    none_root,
    recover_frame
};

template <typename Rule>
inline constexpr K kind_of = K::none;
#define JX_KIND(r)                                                                                 \
    template <>                                                                                    \
    inline constexpr K kind_of<g::r> = K::r;
JX_NODE_KINDS(JX_KIND)
#undef JX_KIND
template <typename R>
inline constexpr K kind_of<g::recover<R>> = K::recover_frame;

// Lookaheads test without consuming; nothing matched inside them belongs to the tree.
// Rules derived from at<> or not_at<> (such as grammar::indicator_end) count too. The overloads
// are only declared, for decltype (outside the anonymous namespace, where GCC and clang would
// each warn about a function never defined or never emitted).
namespace lookahead_detail {
template <typename... R>
std::true_type test(const pegtl::internal::at<R...>*);
template <typename... R>
std::true_type test(const pegtl::internal::not_at<R...>*);
std::false_type test(const void*);
} // namespace lookahead_detail

// Rules that cannot fail once a sub-rule has matched (sor, star, plus and opt of one rule) need
// no frame of their own: a failed alternative or repetition drops its own nodes.
namespace transparent_detail {
template <typename... R>
std::true_type test(const pegtl::internal::sor<R...>*);
template <typename R>
std::true_type test(const pegtl::internal::star<R>*);
template <typename R>
std::true_type test(const pegtl::internal::plus<R>*);
template <typename R>
std::true_type test(const pegtl::internal::opt<R>*);
std::false_type test(const void*);
} // namespace transparent_detail

namespace {

template <typename Rule>
inline constexpr bool is_lookahead =
    decltype(lookahead_detail::test(static_cast<const Rule*>(nullptr)))::value;
template <typename Rule>
inline constexpr bool is_transparent =
    decltype(transparent_detail::test(static_cast<const Rule*>(nullptr)))::value;

// The selected-node tree, flat: nodes are appended in post-order as their rules succeed, so a
// failed attempt drops its nodes by truncating the vector, and a file's whole tree lives in one
// allocation (kept per thread and reused). link() then threads children and siblings for the
// converter.
struct FlatNode {
    K kind;
    std::uint32_t begin, end;
    std::uint32_t first; // the subtree is nodes [first, this one]
    std::uint32_t first_child = no_node, next_sibling = no_node;
    static constexpr std::uint32_t no_node = 0xFFFFFFFF;
};

struct Frame {
    K kind;
    std::uint32_t begin;
    std::uint32_t nodes_at_start;
};

// The frames of the rule attempts under way. The grammar has no recursive rule, so their depth
// is bounded by the grammar itself (under 100): a fixed array, pushed and popped inline.
class FrameStack {
public:
    void push_back(const Frame& f) {
        if (size_ == frames_.size()) throw std::length_error(tr("rule frames nested too deeply"));
        frames_[size_++] = f;
    }
    void pop_back() { --size_; }
    Frame& back() { return frames_[size_ - 1]; }
    std::size_t size() const { return size_; }
    const Frame& operator[](std::size_t i) const { return frames_[i]; }
    void clear() { size_ = 0; }

private:
    std::array<Frame, 256> frames_;
    std::size_t size_ = 0;
};

class Node;

class Children {
public:
    class iterator {
    public:
        iterator(const std::vector<FlatNode>* all, std::uint32_t i) : all_(all), i_(i) {}
        Node operator*() const;
        iterator& operator++() {
            i_ = (*all_)[i_].next_sibling;
            return *this;
        }
        bool operator!=(const iterator& o) const { return i_ != o.i_; }

    private:
        const std::vector<FlatNode>* all_;
        std::uint32_t i_;
    };
    Children(const std::vector<FlatNode>* all, std::uint32_t first) : all_(all), first_(first) {}
    iterator begin() const { return {all_, first_}; }
    iterator end() const { return {all_, FlatNode::no_node}; }
    bool empty() const { return first_ == FlatNode::no_node; }
    Node front() const;

private:
    const std::vector<FlatNode>* all_;
    std::uint32_t first_;
};

// A node of the flat tree, as the converter sees it.
class Node {
public:
    Node(const std::vector<FlatNode>* all, std::uint32_t i)
        : kind((*all)[i].kind), begin((*all)[i].begin), end((*all)[i].end),
          children(all, (*all)[i].first_child) {}
    Node(K k, std::uint32_t b, std::uint32_t e, Children c)
        : kind(k), begin(b), end(e), children(c) {}

    K kind;
    std::uint32_t begin, end;
    Children children;

    std::optional<Node> find(K k) const {
        for (Node c : children)
            if (c.kind == k) return c;
        return std::nullopt;
    }
};

inline Node Children::iterator::operator*() const {
    return Node(all_, i_);
}
inline Node Children::front() const {
    return Node(all_, first_);
}

// Threads first_child/next_sibling through post-ordered nodes; returns the first root.
std::uint32_t link(std::vector<FlatNode>& nodes, std::vector<std::uint32_t>& roots) {
    roots.clear(); // subtrees complete so far whose parent is not known yet, in order
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
        FlatNode& n = nodes[i];
        n.first_child = n.next_sibling = FlatNode::no_node;
        // The children of i are the complete subtrees that start inside it.
        std::size_t k = roots.size();
        while (k > 0 && roots[k - 1] >= n.first)
            --k;
        for (std::size_t j = k; j < roots.size(); ++j) {
            if (j == k)
                n.first_child = roots[j];
            else
                nodes[roots[j - 1]].next_sibling = roots[j];
        }
        roots.resize(k);
        roots.push_back(i);
    }
    for (std::size_t j = 1; j < roots.size(); ++j)
        nodes[roots[j - 1]].next_sibling = roots[j];
    return roots.empty() ? FlatNode::no_node : roots.front();
}

struct Builder {
    const SourceFile& source;
    const Limits& limits;
    FrameStack& stack;
    std::vector<FlatNode>& nodes;
    std::vector<Diagnostic> errors;
    // Where the must-point rule that failed last began: errors point there, at the start of
    // what was found, not at the furthest byte a partial match reached.
    const void* failed_rule = nullptr;
    std::uint32_t failed_begin = 0;

    Builder(const SourceFile& s, const Limits& l, FrameStack& st, std::vector<FlatNode>& n)
        : source(s), limits(l), stack(st), nodes(n) {
        stack.clear();
        nodes.clear();
        stack.push_back({K::none_root, 0, 0});
    }
};

// Where an error should be underlined: the token that stands at `offset`, up to the next space.
Span offending_span(std::string_view text, std::uint32_t offset) {
    std::uint32_t end = offset;
    while (end < text.size()) {
        char c = text[end];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
        if (text.substr(end, 3) == "\u3000") break;
        ++end;
    }
    // Do not underline more than a reasonable token.
    std::uint32_t limit = offset;
    std::size_t i = offset, n = 0;
    while (i < end && n < 24) {
        text::next_code_point(text, i);
        ++n;
        limit = static_cast<std::uint32_t>(i);
    }
    return {offset, std::min(end, limit)};
}

class SyntaxError : public pegtl::parse_error {
public:
    SyntaxError(const char* code, const std::string& message, const pegtl::position& p)
        : parse_error(message, p), code_(code) {}
    const char* code() const { return code_; }

private:
    const char* code_;
};

// Whether a rule can hold a tree node somewhere below it. Rules that cannot (one<'{'>, digits,
// keyword strings …) need no frame, and their control hooks are switched off entirely: most rule
// attempts are of this kind, so this is where parsing spends or saves its time.
template <typename Rule>
struct has_nodes;
template <typename... Rules>
constexpr bool any_has_nodes(pegtl::type_list<Rules...>) {
    return (has_nodes<Rules>::value || ...);
}
template <typename Rule>
struct has_nodes
    : std::bool_constant<kind_of<Rule> != K::none || any_has_nodes(typename Rule::subs_t{})> {};

template <typename Rule>
struct control : pegtl::normal<Rule> {
    // Hooks for every rule that can hold nodes, PEGTL's internal ones included (a failed internal
    // seq must drop the nodes matched inside it), and for every must-point (its frame tells where
    // the error begins).
    // Transparent rules (see is_transparent) are left out unless they are selected themselves.
    static constexpr bool enable =
        (has_nodes<Rule>::value && (kind_of<Rule> != K::none || !is_transparent<Rule>)) ||
        error_of<Rule>.message != nullptr;

    template <typename Input>
    static std::uint32_t offset(const Input& in) {
        return static_cast<std::uint32_t>(in.current() - in.begin());
    }

    // Every rule attempt gets a frame, as PEGTL's parse_tree does: a failed attempt drops its
    // frame with every node matched inside it; a successful unselected rule hands its nodes up.
    template <typename Input>
    static void start(const Input& in, Builder& b) {
        b.stack.push_back({kind_of<Rule>, offset(in), static_cast<std::uint32_t>(b.nodes.size())});
    }

    template <typename Input>
    static void success(const Input& in, Builder& b) {
        Frame f = b.stack.back();
        b.stack.pop_back();
        if constexpr (kind_of<Rule> != K::none && kind_of<Rule> != K::recover_frame) {
            std::uint32_t end = offset(in);
            if constexpr (std::is_same_v<Rule, g::string_lit>) {
                if (end - f.begin > b.limits.max_string_bytes) {
                    auto at = in.position();
                    at.byte = f.begin; // point at the opening quote, not 10 MB further on
                    throw SyntaxError(
                        "string-too-long",
                        trf("string literal of {} bytes is longer than the limit of {} bytes",
                            end - f.begin, b.limits.max_string_bytes),
                        at);
                }
            }
            b.nodes.push_back({kind_of<Rule>, f.begin, end, f.nodes_at_start});
        } else if constexpr (is_lookahead<Rule>) {
            b.nodes.resize(f.nodes_at_start); // nothing matched inside a lookahead is kept
        }
        // An unselected rule (or a recover frame) leaves its nodes to its parent as they are.
    }

    template <typename Input>
    static void failure(const Input&, Builder& b) {
        if constexpr (error_of<Rule>.message != nullptr) {
            b.failed_rule = &error_of<Rule>;
            b.failed_begin = b.stack.back().begin;
        }
        if (b.nodes.size() != b.stack.back().nodes_at_start) // most failures matched nothing
            b.nodes.resize(b.stack.back().nodes_at_start);
        b.stack.pop_back();
    }

    template <typename Input>
    [[noreturn]] static void raise(const Input& in, Builder& b) {
        constexpr ErrorEntry entry = error_of<Rule>;
        static_assert(entry.message != nullptr,
                      "every must-point needs an entry in syntax/errors.hpp");
        pegtl::position p = in.position();
        if constexpr (std::is_same_v<Rule, g::string_close>) {
            // An unclosed string is shown where it opens.
            for (std::size_t i = b.stack.size(); i-- > 0;)
                if (b.stack[i].kind == K::string_lit) {
                    p.byte = b.stack[i].begin;
                    b.failed_rule = nullptr;
                    throw SyntaxError(entry.code, tr(entry.message), p);
                }
        }
        if (b.failed_rule == &error_of<Rule>) {
            std::uint32_t begin = b.failed_begin;
            std::string_view text = b.source.text();
            // Point at what was found, past the blanks before it.
            while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t' ||
                                           text[begin] == '\n' || text[begin] == '\r'))
                ++begin;
            p.byte = begin;
        }
        b.failed_rule = nullptr;
        throw SyntaxError(entry.code, tr(entry.message), p);
    }

    // Exceptions thrown by actions are rethrown with the source position.
    template <template <typename...> class Action, typename Iterator, typename Input,
              typename... States>
    static auto apply(const Iterator& begin, const Input& in, States&&... st)
        -> decltype(pegtl::normal<Rule>::template apply<Action>(begin, in, st...)) {
        try {
            return pegtl::normal<Rule>::template apply<Action>(begin, in, st...);
        } catch (const pegtl::parse_error&) {
            throw;
        } catch (const std::exception& e) {
            throw pegtl::parse_error(e.what(), in);
        }
    }

    // Called by grammar::recover when an item failed: record the error, drop the item's partial
    // nodes and skip to a point where parsing can resume.
    template <typename Input>
    static void recovered(const pegtl::parse_error& e, const char* item_start, Input& in,
                          Builder& b) {
        const std::uint32_t start = static_cast<std::uint32_t>(item_start - in.begin());
        const std::uint32_t at =
            e.positions().empty() ? start : static_cast<std::uint32_t>(e.positions().front().byte);
        const auto* se = dynamic_cast<const SyntaxError*>(&e);
        std::string_view text = b.source.text();
        Diagnostic d = make_error(se ? se->code() : "syntax", std::string(e.message()));
        Span span = offending_span(text, at);
        d.label(span, span.empty() ? tr("expected here") : "");
        b.errors.push_back(std::move(d));

        // Discard the nodes the failed item left open.
        while (b.stack.size() > 1 && b.stack.back().kind != K::recover_frame)
            b.stack.pop_back();
        b.nodes.resize(b.stack.back().nodes_at_start);

        // Skip to the end of the line, and further while braces opened on the way stay open;
        // stop before a '}' that closes an enclosing block.
        std::size_t i = std::max(at, start);
        int open = 0;
        bool in_string = false;
        while (i < text.size()) {
            char c = text[i];
            if (in_string) {
                if (c == '\n') {
                    in_string = false; // a line string never spans lines: look at this break again
                    continue;
                }
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '#' || (c == '/' && i + 1 < text.size() && text[i + 1] == '/')) {
                while (i < text.size() && text[i] != '\n')
                    ++i;
                continue;
            } else if (c == '{') {
                ++open;
            } else if (c == '}') {
                if (open == 0) break;
                --open;
            } else if (c == '\n' && open == 0) {
                break;
            }
            ++i;
        }
        if (i <= start && i < text.size()) i = start + 1; // always make progress
        // Never past the end: a backslash as the last byte steps two at once (found by fuzz_parse).
        in.iterator() = in.begin() + std::min(i, text.size());
    }
};

template <typename Rule>
struct nothing : pegtl::nothing<Rule> {};

// ---------------------------------------------------------------------------------------------
// Tree → AST

class Converter {
public:
    Converter(const SourceFile& s, std::vector<Diagnostic>& errors) : source_(s), errors_(errors) {}

    ast::File convert(const Node& root, const std::vector<FlatNode>& all) {
        ast::File file;
        for (Node n : root.children) {
            if (n.kind == K::project)
                file.projects.push_back(project(n));
            else if (n.kind == K::disclosure)
                file.disclosures.push_back(disclosure(n));
            else if (n.kind == K::bom)
                file.has_bom = true;
        }
        // Comments are leaves: the flat tree holds them all, without walking it.
        for (const FlatNode& n : all)
            if (n.kind == K::comment)
                file.comments.push_back({{n.begin, n.end}, std::string(text_at(n.begin, n.end))});
        std::sort(file.comments.begin(), file.comments.end(),
                  [](const ast::Comment& a, const ast::Comment& b) {
                      return a.span.begin < b.span.begin;
                  });
        return file;
    }

private:
    const SourceFile& source_;
    std::vector<Diagnostic>& errors_;

    static Span span(const Node& n) { return {n.begin, n.end}; }
    std::string_view text(const Node& n) const { return text_at(n.begin, n.end); }
    std::string_view text_at(std::uint32_t begin, std::uint32_t end) const {
        return source_.text().substr(begin, end - begin);
    }
    ast::Token token(const Node& n) const { return {span(n), std::string(text(n))}; }

    ast::String string(const Node& n) const {
        ast::String s;
        s.span = span(n);
        s.raw = std::string(text(n));
        std::string_view raw = s.raw;
        if (raw.size() >= 6 && raw.substr(0, 3) == "\"\"\"") {
            s.text = std::string(raw.substr(3, raw.size() - 6));
            return s;
        }
        raw = raw.substr(1, raw.size() - 2);
        if (raw.find('\\') == std::string_view::npos) { // no escapes: the text is the raw text
            s.text = std::string(raw);
            return s;
        }
        for (std::size_t i = 0; i < raw.size(); ++i) {
            char c = raw[i];
            if (c != '\\' || i + 1 >= raw.size()) {
                s.text += c;
                continue;
            }
            char e = raw[++i];
            switch (e) {
            case 'n':
                s.text += '\n';
                break;
            case 't':
                s.text += '\t';
                break;
            case 'r':
                s.text += '\r';
                break;
            case 'u': {
                std::size_t close = raw.find('}', i);
                unsigned long cp =
                    std::stoul(std::string(raw.substr(i + 2, close - i - 2)), nullptr, 16);
                append_utf8(s.text, static_cast<char32_t>(cp), n);
                i = close;
                break;
            }
            default:
                s.text += e;
            }
        }
        return s;
    }

    void append_utf8(std::string& out, char32_t cp, const Node& n) const {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) {
            errors_.push_back(
                make_error("invalid-escape",
                           trf("\\u{{{:X}}} is not a valid character", static_cast<unsigned>(cp)))
                    .label(span(n)));
            return;
        }
        text::append_utf8(out, cp);
    }

    // The keyword is the first child of a statement or field node.
    ast::Token keyword(const Node& n) const {
        return n.children.empty() ? ast::Token{} : token(n.children.front());
    }

    ast::NumberField number_field(const Node& n) const {
        ast::NumberField f;
        f.span = span(n);
        f.keyword = keyword(n);
        if (auto num = n.find(K::number)) f.number = token(*num);
        if (auto u = n.find(K::money_unit)) f.unit = token(*u);
        if (auto p = n.find(K::percent)) f.unit = token(*p);
        return f;
    }

    // 表头 "label" "text", 未归位 "where" "text": the two strings in order.
    ast::LabelledText labelled_text(const Node& n) const {
        ast::LabelledText f;
        f.span = span(n);
        f.keyword = keyword(n);
        bool first = true;
        for (Node c : n.children) {
            if (c.kind != K::string_lit) continue;
            (first ? f.label : f.value) = string(c);
            if (!first) break;
            first = false;
        }
        return f;
    }

    ast::TextField text_field(const Node& n) const {
        ast::TextField f;
        f.span = span(n);
        f.keyword = keyword(n);
        if (auto s = n.find(K::string_lit)) f.value = string(*s);
        return f;
    }

    // `kw` may refer into `value` (f.keyword): it is only read on the branch that leaves `value`
    // unmoved.
    template <typename T>
    void set_once(std::optional<T>& slot, std::type_identity_t<T>&& value,
                  std::vector<ast::Token>& duplicates, const ast::Token& kw) {
        if (slot) {
            // A field written twice is a mistake to fix: fmt must not keep one and drop the other.
            duplicates.push_back(kw);
            errors_.push_back(make_error("duplicate-field",
                                         trf("{} is written twice; remove one of them", kw.text))
                                  .label(kw.span));
        } else
            slot = std::move(value);
    }

    // 年度 2023: the year's token kept as written.
    ast::NumberField year_field(const Node& c) const {
        ast::NumberField f;
        f.span = span(c);
        f.keyword = keyword(c);
        if (auto y = c.find(K::year_value)) f.number = token(*y);
        return f;
    }

    ast::Project project(const Node& n) {
        ast::Project p;
        p.span = span(n);
        for (Node c : n.children) {
            switch (c.kind) {
            case K::kw_project:
                p.keyword = token(c);
                break;
            case K::project_name:
                if (auto s = c.find(K::string_lit)) p.name = string(*s);
                break;
            case K::year_stmt:
                set_once(p.year, year_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::department_stmt:
                set_once(p.department, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::unit_stmt:
                set_once(p.unit, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::contact_stmt:
                set_once(p.contact, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::phone_stmt:
                set_once(p.phone, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::finance_officer_stmt:
                set_once(p.finance_officer, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::layout_stmt:
                set_once(p.layout, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::head_info_stmt:
                p.head_info.push_back(labelled_text(c));
                break;
            case K::unplaced_stmt:
                p.unplaced.push_back(labelled_text(c));
                break;
            case K::conclusion_stmt:
                set_once(p.conclusion, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::problems_stmt:
                set_once(p.problems, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::measures_stmt:
                set_once(p.measures, text_field(c), p.duplicate_keywords, keyword(c));
                break;
            case K::funds_block:
                set_once(p.funds, funds(c), p.duplicate_keywords, keyword(c));
                break;
            case K::goal_block:
                set_once(p.goals, goals(c), p.duplicate_keywords, keyword(c));
                break;
            case K::level1_block:
                p.categories.push_back(category(c));
                break;
            case K::index_block: {
                ast::IndexSystem index;
                index.span = span(c);
                index.keyword = keyword(c);
                for (Node l1 : c.children)
                    if (l1.kind == K::level1_block) index.categories.push_back(category(l1));
                set_once(p.index_system, std::move(index), p.duplicate_keywords, keyword(c));
                break;
            }
            case K::total_stmt:
                set_once(p.total, total(c), p.duplicate_keywords, keyword(c));
                break;
            case K::grade_stmt: {
                ast::NumberField f;
                f.span = span(c);
                f.keyword = keyword(c);
                if (auto w = c.find(K::total_grade_word)) f.number = token(*w);
                set_once(p.grade, std::move(f), p.duplicate_keywords, f.keyword);
                break;
            }
            default:
                break;
            }
        }
        return p;
    }

    ast::Disclosure disclosure(const Node& n) {
        ast::Disclosure d;
        d.span = span(n);
        for (Node c : n.children) {
            switch (c.kind) {
            case K::kw_disclosure:
                d.keyword = token(c);
                break;
            case K::disclosure_name:
                if (auto s = c.find(K::string_lit)) d.name = string(*s);
                break;
            case K::year_stmt:
                set_once(d.year, year_field(c), d.duplicate_keywords, keyword(c));
                break;
            case K::claim:
                d.claims.push_back(claim(c));
                break;
            case K::dept_table: {
                ast::DepartmentTable t;
                t.span = span(c);
                t.keyword = keyword(c);
                t.kind = c.children.front().kind == K::kw_dept_results
                             ? ast::DepartmentTable::Kind::results
                             : ast::DepartmentTable::Kind::targets;
                for (Node i : c.children)
                    if (i.kind == K::indicator) t.indicators.push_back(indicator(i));
                d.tables.push_back(std::move(t));
                break;
            }
            default:
                break;
            }
        }
        return d;
    }

    ast::Claim claim(const Node& n) const {
        using Kind = ast::Claim::Kind;
        ast::Claim c;
        c.span = span(n);
        for (Node part : n.children) {
            if (part.kind == K::source_line) {
                c.line_keyword = keyword(part);
                if (auto v = part.find(K::source_line_value)) c.line = token(*v);
                continue;
            }
            c.keyword = keyword(part);
            if (auto num = part.find(K::number)) c.figure = token(*num);
            if (auto u = part.find(K::money_unit)) c.unit = token(*u);
            if (auto a = part.find(K::claim_averaging)) c.averaging = token(*a);
            if (auto a = part.find(K::claim_transfers)) c.averaging = token(*a);
            switch (part.kind) {
            case K::count_claim: {
                K word = part.children.front().kind;
                c.kind = word == K::kw_claim_projects    ? Kind::projects
                         : word == K::kw_claim_evaluated ? Kind::evaluated
                                                         : Kind::excluded;
                break;
            }
            case K::grade_claim:
                c.kind = Kind::grade;
                if (auto w = part.find(K::total_grade_word)) c.grade = token(*w);
                break;
            case K::score_claim:
                c.kind = Kind::score;
                break;
            case K::funds_claim:
                c.kind = Kind::funds;
                break;
            default:
                break;
            }
        }
        return c;
    }

    ast::Funds funds(const Node& n) {
        ast::Funds f;
        f.span = span(n);
        f.keyword = keyword(n);
        if (auto u = n.find(K::money_unit)) f.unit = token(*u);
        for (Node c : n.children) {
            if (c.kind != K::fund_row) continue;
            ast::FundRow row;
            row.span = span(c);
            row.name = keyword(c);
            for (Node fld : c.children) {
                if (fld.kind == K::fund_reason_field) {
                    set_once(row.reason, text_field(fld), row.duplicate_keywords, keyword(fld));
                    continue;
                }
                ast::NumberField v = number_field(fld);
                switch (fld.kind) {
                case K::initial_field:
                    set_once(row.initial, std::move(v), row.duplicate_keywords, v.keyword);
                    break;
                case K::annual_field:
                    set_once(row.annual, std::move(v), row.duplicate_keywords, v.keyword);
                    break;
                case K::spent_field:
                    set_once(row.spent, std::move(v), row.duplicate_keywords, v.keyword);
                    break;
                case K::fund_weight_field:
                    set_once(row.weight, std::move(v), row.duplicate_keywords, v.keyword);
                    break;
                case K::rate_field:
                    set_once(row.rate, std::move(v), row.duplicate_keywords, v.keyword);
                    break;
                case K::fund_score_field:
                    set_once(row.score, std::move(v), row.duplicate_keywords, v.keyword);
                    break;
                default:
                    break;
                }
            }
            f.rows.push_back(std::move(row));
        }
        return f;
    }

    ast::Goals goals(const Node& n) {
        ast::Goals g;
        g.span = span(n);
        g.keyword = keyword(n);
        for (Node c : n.children) {
            if (c.kind == K::expected_stmt)
                set_once(g.expected, text_field(c), g.duplicate_keywords, keyword(c));
            if (c.kind == K::achieved_stmt)
                set_once(g.achieved, text_field(c), g.duplicate_keywords, keyword(c));
        }
        return g;
    }

    ast::Total total(const Node& n) {
        ast::Total t;
        t.span = span(n);
        t.keyword = keyword(n);
        for (Node c : n.children) {
            if (c.kind == K::total_weight_field)
                set_once(t.weight, number_field(c), t.duplicate_keywords, keyword(c));
            if (c.kind == K::total_score_field)
                set_once(t.score, number_field(c), t.duplicate_keywords, keyword(c));
        }
        return t;
    }

    ast::Category category(const Node& n) {
        ast::Category cat;
        cat.span = span(n);
        // category_name is not selected: its child is a category_word or a string_lit.
        for (Node c : n.children) {
            if (c.kind == K::category_word) {
                cat.name = token(c);
                cat.name_text = cat.name.text;
                break;
            }
            if (c.kind == K::string_lit) {
                ast::String s = string(c);
                cat.name = {s.span, s.raw};
                cat.name_text = s.text;
                cat.quoted = true;
                break;
            }
            if (c.kind == K::category_guess) {
                // A slip for a category keyword: read as the one it is nearest to, and said.
                cat.name = token(c);
                cat.name_text = cat.name.text;
                std::vector<std::string_view> names;
                for (const auto& known : vocab::categories)
                    names.push_back(known.name);
                auto near = text::nearest(cat.name.text, names, 2);
                Diagnostic d =
                    make_error(slip::unknown_category_code,
                               near ? trf(slip::unknown_category_near, cat.name.text, *near)
                                    : trf(slip::unknown_category, cat.name.text, cat.name.text));
                d.label(cat.name.span);
                if (near) {
                    // The category meant, for tools that rename it (the language server).
                    d.subject.reported = cat.name.text;
                    d.subject.expected = std::string(*near);
                    d.note(trf(slip::unknown_category_read_as, *near));
                    cat.name_text = std::string(*near);
                }
                errors_.push_back(std::move(d));
                break;
            }
        }
        for (Node c : n.children) {
            if (c.kind == K::level2_block)
                cat.children.push_back(category(c));
            else if (c.kind == K::indicator)
                cat.indicators.push_back(indicator(c));
            else if (c.kind == K::level2_na)
                cat.not_applicable = token(c);
        }
        return cat;
    }

    ast::Indicator indicator(const Node& n) {
        ast::Indicator ind;
        ind.span = span(n);
        for (Node c : n.children) {
            switch (c.kind) {
            case K::kw_part:
                ind.part = token(c);
                break;
            case K::string_lit:
                if (ind.name.raw.empty()) ind.name = string(c);
                break;
            case K::target_field: {
                ast::ValueField f{keyword(c), value(*c.find(K::value)), span(c)};
                set_once(ind.target, std::move(f), ind.duplicate_keywords, f.keyword);
                break;
            }
            case K::actual_field: {
                ast::ValueField f{keyword(c), value(*c.find(K::value)), span(c)};
                set_once(ind.actual, std::move(f), ind.duplicate_keywords, f.keyword);
                break;
            }
            case K::weight_field:
                set_once(ind.weight, number_field(c), ind.duplicate_keywords, keyword(c));
                break;
            case K::score_field:
                set_once(ind.score, number_field(c), ind.duplicate_keywords, keyword(c));
                break;
            case K::reason_field:
                set_once(ind.reason, text_field(c), ind.duplicate_keywords, keyword(c));
                break;
            case K::criteria_field:
                set_once(ind.criteria, text_field(c), ind.duplicate_keywords, keyword(c));
                break;
            case K::na_field:
                set_once(ind.not_applicable, token(c), ind.duplicate_keywords, token(c));
                break;
            case K::indicator_stray: {
                constexpr ErrorEntry entry = error_of<g::indicator_end>;
                // The stray word itself, without a string it took along.
                Span at = span(c);
                std::string_view word = text(c);
                std::size_t blank = word.find_first_of(" \t\"");
                if (blank != std::string_view::npos)
                    at.end = at.begin + static_cast<std::uint32_t>(blank);
                errors_.push_back(make_error(entry.code, tr(entry.message)).label(at));
                ind.damaged = true;
                break;
            }
            default:
                break;
            }
        }
        return ind;
    }

    static std::optional<ast::Cmp> cmp_of(K k) {
        switch (k) {
        case K::cmp_ge:
        case K::suffix_ge:
            return ast::Cmp::ge;
        case K::cmp_le:
        case K::suffix_le:
            return ast::Cmp::le;
        case K::cmp_gt:
            return ast::Cmp::gt;
        case K::cmp_lt:
            return ast::Cmp::lt;
        case K::cmp_eq:
            return ast::Cmp::eq;
        default:
            return std::nullopt;
        }
    }

    ast::Value value(const Node& n) {
        ast::Value v;
        v.span = span(n);
        for (Node c : n.children) {
            if (c.kind == K::kw_na)
                v.not_applicable = token(c);
            else if (c.kind == K::condition)
                v.conditions.push_back(condition(c));
            else if (c.kind == K::condition_sep)
                v.separators.push_back(token(c));
        }
        return v;
    }

    ast::Condition condition(const Node& n) {
        ast::Condition cond;
        cond.span = span(n);
        Node body = n;
        if (auto l = n.find(K::label)) {
            cond.label = string(*l);
            cond.label->raw = std::string(text(*l));
        }
        for (Node c : n.children) {
            if (c.kind == K::text_value) {
                cond.kind = ast::Condition::Kind::text;
                cond.text = string(c.children.front());
                return cond;
            }
            if (c.kind == K::scale_lit) {
                cond.kind = ast::Condition::Kind::scale;
                cond.scale = token(c);
                return cond;
            }
            if (c.kind == K::measured) body = c;
        }
        for (Node c : body.children) {
            if (auto cmp = cmp_of(c.kind)) {
                ast::Comparator comparator{token(c), *cmp};
                if (c.kind == K::suffix_ge || c.kind == K::suffix_le)
                    cond.suffix = comparator;
                else
                    cond.prefix = comparator;
            } else if (c.kind == K::operand) {
                operand_into(c, cond);
            }
        }
        return cond;
    }

    void operand_into(const Node& n, ast::Condition& cond) {
        Node inner = n.children.front();
        switch (inner.kind) {
        case K::date_range:
        case K::quantity_range: {
            std::vector<ast::Operand> parts;
            for (Node c : inner.children) {
                if (c.kind == K::date || c.kind == K::dotted_month_date || c.kind == K::quantity)
                    parts.push_back(single_operand(c));
                if (c.kind == K::range_sep) cond.range_sep = token(c);
            }
            if (parts.size() == 2) {
                cond.low = parts[0];
                cond.high = parts[1];
            }
            break;
        }
        default:
            cond.low = single_operand(inner);
        }
    }

    ast::Operand single_operand(const Node& n) {
        ast::Operand op;
        op.span = span(n);
        switch (n.kind) {
        case K::quantity:
            op.kind = ast::Operand::Kind::quantity;
            op.quantity.span = span(n);
            if (auto num = n.find(K::number)) op.quantity.number = token(*num);
            if (auto u = n.find(K::unit)) op.quantity.unit = token(*u);
            break;
        case K::date:
        case K::dotted_month_date:
            op.kind = ast::Operand::Kind::date;
            op.date = date(n);
            break;
        case K::grade:
            op.kind = ast::Operand::Kind::grade;
            op.word = token(n);
            break;
        case K::budget_ref:
            op.kind = ast::Operand::Kind::budget;
            op.word = token(n);
            break;
        default:
            break;
        }
        return op;
    }

    ast::Date date(const Node& n) const {
        ast::Date d;
        d.token = token(n);
        std::string t = text::nfkc(d.token.text);
        // Numbers in order: [year] month [day]; a leading four-digit number is the year.
        std::vector<std::string> nums;
        std::string cur;
        for (char c : t) {
            if (c >= '0' && c <= '9')
                cur += c;
            else if (!cur.empty()) {
                nums.push_back(cur);
                cur.clear();
            }
        }
        if (!cur.empty()) nums.push_back(cur);
        std::size_t i = 0;
        if (i < nums.size() && nums[i].size() == 4) d.year = std::stoi(nums[i++]);
        if (i < nums.size()) d.month = std::stoi(nums[i++]);
        if (i < nums.size()) d.day = std::stoi(nums[i++]);
        d.month_end = t.find("底") != std::string::npos || t.find("末") != std::string::npos;
        return d;
    }
};

} // namespace

namespace {
ParseResult parse_text(const SourceFile& source, const Limits& limits, bool repair);
}

ParseResult parse(const SourceFile& source, const Limits& limits) {
    return parse_text(source, limits, true);
}

namespace {

ParseResult parse_text(const SourceFile& source, const Limits& limits, bool repair) {
    ParseResult result;
    std::string_view text = source.text();
    if (text.size() > limits.max_file_bytes) {
        result.diagnostics.push_back(
            make_error("file-too-large", trf("the file is {} bytes; the limit is {} bytes",
                                             text.size(), limits.max_file_bytes))
                .label({0, 0}));
        return result;
    }
    if (std::size_t bad = text::find_invalid_utf8(text); bad != std::string_view::npos) {
        result.diagnostics.push_back(
            make_error("invalid-utf8",
                       trf("the file is not valid UTF-8: byte 0x{:02X} at offset {} does "
                           "not start a valid character",
                           static_cast<unsigned>(static_cast<unsigned char>(text[bad])), bad))
                .label({static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)})
                .note(tr("save the file as UTF-8 (in Excel or Word: 另存为 → 编码 UTF-8)")));
        // The usual cause: an editor on Chinese Windows saved it as GB18030 (GBK).
        if (text::looks_like_gb18030(text))
            result.diagnostics.back().note(
                trf("the whole file reads as GB18030 (GBK); convert it with: iconv -f "
                    "GB18030 -t UTF-8 '{}' > utf8.jx",
                    source.name()));
        return result;
    }
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        result.diagnostics.push_back(
            make_error("nul-byte", tr("the file contains a NUL byte; is it a binary file?"))
                .label({static_cast<std::uint32_t>(nul), static_cast<std::uint32_t>(nul + 1)}));
        return result;
    }

    // A block without its '}' would leave the rest of the file misread, error after error:
    // report it once, where its indentation says it ends, and read on as if the '}' were there.
    if (repair) {
        if (auto missing = find_missing_brace(text)) {
            SourceFile fixed(source.name(), std::move(missing->fixed));
            ParseResult r = parse_text(fixed, limits, false);
            auto at = static_cast<std::uint32_t>(missing->report_at);
            r.diagnostics.insert(
                r.diagnostics.begin(),
                make_error(slip::missing_brace_code,
                           trf(slip::missing_brace, missing->block, missing->opened_line))
                    .label({at, at}, tr("expected '}' here"))
                    .note(tr(slip::missing_brace_note)));
            return r;
        }
    }
    // Reused from file to file on each thread: parsing then allocates nothing for the tree.
    thread_local FrameStack stack;
    thread_local std::vector<FlatNode> nodes;
    thread_local std::vector<std::uint32_t> roots;
    Builder builder(source, limits, stack, nodes);
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(
        text.data(), text.size(), source.name());
    try {
        pegtl::parse<g::file, nothing, control>(in, builder);
    } catch (const pegtl::parse_error& e) {
        // Only errors outside any recoverable item reach here.
        const auto* se = dynamic_cast<const SyntaxError*>(&e);
        std::uint32_t at =
            e.positions().empty() ? 0 : static_cast<std::uint32_t>(e.positions().front().byte);
        builder.errors.push_back(make_error(se ? se->code() : "syntax", std::string(e.message()))
                                     .label(offending_span(text, at)));
    }
    // After an error no item recovered from, the nodes of the items left open are dropped.
    if (stack.size() > 1) nodes.resize(stack[1].nodes_at_start);
    result.diagnostics = std::move(builder.errors);
    std::vector<std::uint32_t> syntax_error_at;
    for (const auto& d : result.diagnostics)
        if (!d.labels.empty()) syntax_error_at.push_back(d.labels.front().span.begin);
    Node root(K::none_root, 0, static_cast<std::uint32_t>(text.size()),
              Children(&nodes, link(nodes, roots)));
    Converter converter(source, result.diagnostics);
    result.file = converter.convert(root, nodes);
    for (auto& p : result.file.projects) {
        for (std::uint32_t at : syntax_error_at)
            if (p.span.begin <= at && at <= p.span.end) p.damaged = true;
        for (const auto& l1 : p.categories)
            for (const auto& l2 : l1.children)
                for (const auto& ind : l2.indicators)
                    p.damaged = p.damaged || ind.damaged;
    }
    for (auto& d : result.file.disclosures) {
        for (std::uint32_t at : syntax_error_at)
            if (d.span.begin <= at && at <= d.span.end) d.damaged = true;
        for (const auto& t : d.tables)
            for (const auto& ind : t.indicators)
                d.damaged = d.damaged || ind.damaged;
    }
    name_slips(text, result.diagnostics);
    if (nodes.capacity() > (std::size_t{1} << 20)) { // a huge file: do not keep its memory
        std::vector<FlatNode>().swap(nodes);
        std::vector<std::uint32_t>().swap(roots);
    }
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.labels.front().span.begin < b.labels.front().span.begin;
                     });
    return result;
}

} // namespace

} // namespace jx::syntax
