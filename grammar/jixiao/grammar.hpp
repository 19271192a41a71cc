// The grammar of jixiao specs (*.jx), as PEGTL 3 rules only: no actions, no messages.
// Actions live in src/syntax/parser.cpp; every user-facing message lives in
// src/syntax/errors.hpp, keyed by the must-point rules below (each must-point has its own rule).
// The language reference with an example of every construct is grammar/REFERENCE.md.
#pragma once

#include <string_view>
#include <utility>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "vocab/vocabulary.hpp"

namespace jx::grammar {

namespace pegtl = tao::pegtl;
using namespace tao::pegtl;

// A literal string, compared byte by byte inline. PEGTL's own string<> calls memcmp, and keyword
// alternatives are tried at nearly every position: the call was a tenth of all checking time.
template <char... Cs>
struct literal {
    using rule_t = literal;
    using subs_t = empty_list;
    static_assert(sizeof...(Cs) > 0);

    template <typename ParseInput>
    static bool match(ParseInput& in) noexcept(noexcept(in.size(0))) {
        constexpr std::size_t n = sizeof...(Cs);
        if (in.size(n) < n) return false;
        const char* p = in.current();
        std::size_t i = 0;
        if (!((p[i++] == Cs) && ...)) return false;
        in.bump_in_this_line(n); // no literal holds a line break
        return true;
    }
};

// JX_STR("年度") is literal<'\xE5', …>; the spelling macro is PEGTL's own (as TAO_PEGTL_STRING).
#define JX_STR(s) TAO_PEGTL_INTERNAL_STRING(::jx::grammar::literal, s)

// lit<vocab::kw::target> is the literal of a vocabulary word (src/vocab/vocabulary.hpp), the
// same rule JX_STR would make of its spelling.
template <vocab::Word W, typename = std::make_index_sequence<W.size>>
struct word_literal;
template <vocab::Word W, std::size_t... I>
struct word_literal<W, std::index_sequence<I...>> {
    using type = literal<W.text[I]...>;
};
template <vocab::Word W>
using lit = typename word_literal<W>::type;

// ---------------------------------------------------------------------------------------------
// Error recovery. recover<R> matches R; when R raises a parse error, the error is handed to
// Control<R>::recovered(error, in, states...) (which records it and skips to a safe point) and
// the match succeeds, so that one file reports every error it can recover from. With a control
// that has no such hook, errors propagate as usual.
template <typename Rule>
struct recover {
    using rule_t = recover;
    using subs_t = type_list<Rule>;

    template <apply_mode A, rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput, typename... States>
    static bool match(ParseInput& in, States&&... st) {
        const char* start = in.current();
        try {
            return Control<Rule>::template match<A, rewind_mode::required, Action, Control>(in,
                                                                                            st...);
        } catch (const parse_error& e) {
            // Without a recovery hook (PEGTL's plain control, as in rule tests) errors propagate.
            if constexpr (requires { Control<Rule>::recovered(e, start, in, st...); }) {
                Control<Rule>::recovered(e, start, in, st...);
                return true;
            } else {
                throw;
            }
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Lexical layer. Full-width forms are accepted beside their ASCII twins wherever they can occur.

struct bom : JX_STR("\xEF\xBB\xBF") {};
struct ideographic_space : JX_STR("\u3000") {};
struct comment : seq<sor<one<'#'>, two<'/'>>, until<at<eolf>>> {};
struct blank : sor<one<' ', '\t', '\r', '\n'>, ideographic_space> {};
struct sp : star<sor<blank, comment>> {};
// Horizontal space only: between a number and its unit, inside one value.
struct hsp : star<sor<one<' ', '\t'>, ideographic_space>> {};

struct cjk : utf8::ranges<U'\u3400', U'\u9FFF', U'\uF900', U'\uFAFF'> {};
struct ident_tail : sor<ascii::identifier_other, cjk> {};

template <typename... S>
struct en_kw : seq<S..., not_at<ascii::identifier_other>> {};

struct lbrace : sor<one<'{'>, JX_STR("｛")> {};
struct rbrace : sor<one<'}'>, JX_STR("｝")> {};
struct digit : sor<ascii::digit, utf8::range<U'０', U'９'>> {};
struct point : sor<one<'.'>, JX_STR("．")> {};
struct minus : sor<one<'-'>, JX_STR("－")> {};
struct percent : sor<one<'%'>, JX_STR("％"), JX_STR("百分比")> {}; // ≥100百分比 (Anhui)
struct permille : JX_STR("‰") {};

// Numbers: 350, 99.92, ９５ (full-width digits), -3 (signs are allowed so that a negative
// weight is reported by the checks, not as a syntax error).
struct unsigned_number : seq<plus<digit>, opt<point, plus<digit>>> {};
struct number : seq<opt<sor<minus, one<'+'>>>, unsigned_number> {};

// Strings. "..." stays on one line and knows the escapes \" \\ \n \t \u{4E00};
// """...""" spans lines and is taken verbatim.
struct escape_code : sor<one<'"', '\\', 'n', 't', 'r'>,
                         seq<one<'u'>, one<'{'>, rep_min_max<1, 6, ascii::xdigit>, one<'}'>>> {};
struct escape : if_must<one<'\\'>, escape_code> {};
// A run of plain characters inside a string, taken bytewise: the parser checks that the whole
// file is well-formed UTF-8 before it parses, and no byte of a multi-byte character is ASCII.
struct string_run {
    using rule_t = string_run;
    using subs_t = empty_list;
    template <typename ParseInput>
    static bool match(ParseInput& in) noexcept(noexcept(in.size(1))) {
        const char* p = in.current();
        const char* end = in.end();
        const char* q = p;
        while (q != end && *q != '"' && *q != '\\' && *q != '\n' && *q != '\r')
            ++q;
        if (q == p) return false;
        in.bump_in_this_line(static_cast<std::size_t>(q - p));
        return true;
    }
};
struct string_char : sor<escape, string_run> {};
struct string_close : one<'"'> {};
struct line_string : seq<one<'"'>, star<string_char>, must<string_close>> {};
struct block_string_close : JX_STR("\"\"\"") {};
struct block_string
    : seq<JX_STR("\"\"\""), until<at<block_string_close>, utf8::any>, must<block_string_close>> {};
struct string_lit : sor<block_string, line_string> {};

// ---------------------------------------------------------------------------------------------
// Keywords. Every keyword has a Chinese and an English spelling; longer Chinese spellings come
// first so that 年度总体目标 is not read as 年度.

// 项目 must not swallow the head of 项目资金 or 项目负责人.
struct kw_project : sor<seq<lit<vocab::kw::project>, not_at<sor<JX_STR("资金"), JX_STR("负责人")>>>,
                        en_kw<lit<vocab::kw::project_en>>> {};
// 年度 must not swallow the head of 年度总体目标, 年度资金总额 or 年度指标值.
struct kw_year : sor<seq<lit<vocab::kw::year>,
                         not_at<sor<JX_STR("总体目标"), JX_STR("资金总额"), JX_STR("指标值")>>>,
                     en_kw<lit<vocab::kw::year_en>>> {};
struct kw_department : sor<lit<vocab::kw::department>, en_kw<lit<vocab::kw::department_en>>> {};
struct kw_unit : sor<lit<vocab::kw::unit>, en_kw<lit<vocab::kw::unit_en>>> {};
struct kw_contact : sor<lit<vocab::kw::contact>, en_kw<lit<vocab::kw::contact_en>>> {};
struct kw_phone : sor<lit<vocab::kw::phone>, en_kw<lit<vocab::kw::phone_en>>> {};
struct kw_finance_officer
    : sor<lit<vocab::kw::finance_officer>, en_kw<lit<vocab::kw::finance_officer_en>>> {};
struct kw_layout : sor<lit<vocab::kw::layout>, en_kw<lit<vocab::kw::layout_en>>> {};
struct kw_head_info : sor<lit<vocab::kw::head_info>, en_kw<lit<vocab::kw::head_info_en>>> {};
struct kw_unplaced : sor<lit<vocab::kw::unplaced>, en_kw<lit<vocab::kw::unplaced_en>>> {};
struct kw_part : sor<lit<vocab::kw::part>, en_kw<lit<vocab::kw::part_en>>> {};
struct kw_conclusion : sor<lit<vocab::kw::conclusion>, en_kw<lit<vocab::kw::conclusion_en>>> {};
struct kw_problems : sor<lit<vocab::kw::problems>, en_kw<lit<vocab::kw::problems_en>>> {};
struct kw_measures : sor<lit<vocab::kw::measures>, en_kw<lit<vocab::kw::measures_en>>> {};
struct kw_funds : sor<lit<vocab::kw::funds>, en_kw<lit<vocab::kw::funds_en>>> {};
struct kw_goal : sor<lit<vocab::kw::goal>, en_kw<lit<vocab::kw::goal_en>>> {};
struct kw_expected : sor<lit<vocab::kw::expected>, en_kw<lit<vocab::kw::expected_en>>> {};
struct kw_achieved : sor<lit<vocab::kw::achieved>, en_kw<lit<vocab::kw::achieved_en>>> {};
struct kw_total
    : sor<lit<vocab::kw::total>, lit<vocab::kw::total_alt>, en_kw<lit<vocab::kw::total_en>>> {};
struct kw_grade : sor<lit<vocab::kw::grade>, en_kw<lit<vocab::kw::grade_en>>> {};
// 部门 must not swallow the head of 部门得分 (a claim, never at the top of a file).
struct kw_disclosure : sor<seq<lit<vocab::kw::disclosure>, not_at<JX_STR("得分")>>,
                           en_kw<lit<vocab::kw::disclosure_en>>> {};
struct kw_claim_projects
    : sor<lit<vocab::kw::claim_projects>, en_kw<lit<vocab::kw::claim_projects_en>>> {};
struct kw_claim_evaluated
    : sor<lit<vocab::kw::claim_evaluated>, en_kw<lit<vocab::kw::claim_evaluated_en>>> {};
struct kw_claim_excluded
    : sor<lit<vocab::kw::claim_excluded>, en_kw<lit<vocab::kw::claim_excluded_en>>> {};
struct kw_claim_score : sor<lit<vocab::kw::claim_score>, en_kw<lit<vocab::kw::claim_score_en>>> {};
struct kw_claim_weighted
    : sor<lit<vocab::kw::claim_weighted>, en_kw<lit<vocab::kw::claim_weighted_en>>> {};
struct kw_claim_mean : sor<lit<vocab::kw::claim_mean>, en_kw<lit<vocab::kw::claim_mean_en>>> {};
struct kw_claim_transfers
    : sor<lit<vocab::kw::claim_transfers>, en_kw<lit<vocab::kw::claim_transfers_en>>> {};
struct kw_claim_funds : sor<lit<vocab::kw::claim_funds>, en_kw<lit<vocab::kw::claim_funds_en>>> {};
struct kw_index_system : sor<lit<vocab::kw::index_system>, en_kw<lit<vocab::kw::index_system_en>>> {
};
struct kw_dept_targets : sor<lit<vocab::kw::dept_targets>, en_kw<lit<vocab::kw::dept_targets_en>>> {
};
struct kw_dept_results : sor<lit<vocab::kw::dept_results>, en_kw<lit<vocab::kw::dept_results_en>>> {
};
struct kw_source_line : sor<lit<vocab::kw::source_line>, en_kw<lit<vocab::kw::source_line_en>>> {};

struct kw_row_total : sor<lit<vocab::kw::row_total>, en_kw<lit<vocab::kw::row_total_en>>> {};
struct kw_row_appropriation
    : sor<lit<vocab::kw::row_appropriation>, en_kw<lit<vocab::kw::row_appropriation_en>>> {};
struct kw_row_carryover
    : sor<lit<vocab::kw::row_carryover>, en_kw<lit<vocab::kw::row_carryover_en>>> {};
struct kw_row_other : sor<lit<vocab::kw::row_other>, en_kw<lit<vocab::kw::row_other_en>>> {};
struct kw_row_fiscal : sor<lit<vocab::kw::row_fiscal>, en_kw<lit<vocab::kw::row_fiscal_en>>> {};
struct kw_row_special_account
    : sor<lit<vocab::kw::row_special_account>, en_kw<lit<vocab::kw::row_special_account_en>>> {};
struct kw_row_unit_funds
    : sor<lit<vocab::kw::row_unit_funds>, en_kw<lit<vocab::kw::row_unit_funds_en>>> {};
struct kw_row_basic : sor<lit<vocab::kw::row_basic>, en_kw<lit<vocab::kw::row_basic_en>>> {};
struct kw_row_project_spending
    : sor<lit<vocab::kw::row_project_spending>, en_kw<lit<vocab::kw::row_project_spending_en>>> {};

struct kw_initial : sor<lit<vocab::kw::initial>, lit<vocab::kw::initial_short>,
                        en_kw<lit<vocab::kw::initial_en>>> {};
// 全年 must not swallow the head of 全年执行数.
struct kw_annual : sor<lit<vocab::kw::annual>, lit<vocab::kw::annual_alt>,
                       seq<lit<vocab::kw::annual_short>, not_at<JX_STR("执行")>>,
                       en_kw<lit<vocab::kw::annual_en>>> {};
struct kw_spent
    : sor<lit<vocab::kw::spent>, lit<vocab::kw::spent_alt>, lit<vocab::kw::spent_mid>,
          seq<lit<vocab::kw::spent_short>, not_at<JX_STR("率")>>, en_kw<lit<vocab::kw::spent_en>>> {
};
struct kw_rate : sor<lit<vocab::kw::rate>, en_kw<lit<vocab::kw::rate_en>>> {};
struct kw_weight
    : sor<lit<vocab::kw::weight>, lit<vocab::kw::weight_alt>, en_kw<lit<vocab::kw::weight_en>>> {};
struct kw_score : sor<lit<vocab::kw::score>, en_kw<lit<vocab::kw::score_en>>> {};

struct kw_target
    : sor<lit<vocab::kw::target>, lit<vocab::kw::target_short>, en_kw<lit<vocab::kw::target_en>>> {
};
struct kw_actual
    : sor<lit<vocab::kw::actual>, lit<vocab::kw::actual_short>, en_kw<lit<vocab::kw::actual_en>>> {
};
struct kw_reason : sor<lit<vocab::kw::reason>, lit<vocab::kw::reason_short>,
                       lit<vocab::kw::reason_alt>, en_kw<lit<vocab::kw::reason_en>>> {};
struct kw_na
    : sor<lit<vocab::kw::na>, en_kw<lit<vocab::kw::na_en>>, en_kw<lit<vocab::kw::na_en2>>> {};

// Category names that may be written without quotes (others are quoted strings): those of the
// vocabulary (vocab::categories), Chinese or English.
struct category_word {
    using rule_t = category_word;
    using subs_t = empty_list;

    template <typename ParseInput>
    static bool match(ParseInput& in) noexcept(noexcept(in.size(0))) {
        const std::string_view rest(in.current(), in.size(64));
        std::size_t best = 0; // the longest name that matches
        for (const auto& c : vocab::categories) {
            if (c.name.size() > best && rest.substr(0, c.name.size()) == c.name)
                best = c.name.size();
            if (!c.english.empty() && c.english.size() > best &&
                rest.substr(0, c.english.size()) == c.english) {
                // An English word ends where an identifier would not go on.
                char next = rest.size() > c.english.size() ? rest[c.english.size()] : ' ';
                bool word_goes_on = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                                    (next >= '0' && next <= '9') || next == '_';
                if (!word_goes_on) best = c.english.size();
            }
        }
        if (best == 0) return false;
        in.bump_in_this_line(best);
        return true;
    }
};

// ---------------------------------------------------------------------------------------------
// Values: targets (年度指标值) and actual values (实际完成值).

// Comparators written before a value: ≥ 95%, 不少于 8次.
struct cmp_ge : sor<JX_STR("≥"), JX_STR(">="), JX_STR("＞＝"), JX_STR("＞="), JX_STR("大于等于"),
                    JX_STR("大于或等于"), JX_STR("不低于"), JX_STR("不少于"), JX_STR("不小于"),
                    JX_STR("至少"), JX_STR("达到")> {};
struct cmp_le : sor<JX_STR("≤"), JX_STR("<="), JX_STR("＜＝"), JX_STR("＜="), JX_STR("小于等于"),
                    JX_STR("小于或等于"), JX_STR("不超过"), JX_STR("不高于"), JX_STR("不多于"),
                    JX_STR("不大于"), JX_STR("至多")> {};
struct cmp_gt : sor<JX_STR(">"), JX_STR("＞"), JX_STR("高于"), JX_STR("大于"), JX_STR("超过"),
                    JX_STR("多于")> {};
struct cmp_lt : sor<JX_STR("<"), JX_STR("＜"), JX_STR("低于"), JX_STR("小于"), JX_STR("少于")> {};
struct cmp_eq : sor<JX_STR("="), JX_STR("＝"), JX_STR("等于")> {};
struct prefix_cmp : sor<cmp_ge, cmp_le, cmp_gt, cmp_lt, cmp_eq> {};

// Comparators written after a value: 90%以上, 5个月以内, 2023年12月前.
struct suffix_ge : sor<JX_STR("及以上"), JX_STR("以上")> {};
struct suffix_le : sor<JX_STR("及以下"), JX_STR("以下"), JX_STR("以内"), JX_STR("之内"),
                       JX_STR("之前"), JX_STR("以前"), JX_STR("前")> {};
struct suffix_cmp : sor<suffix_ge, suffix_le> {};

// Units: longer spellings first. A single ideograph is also a unit (名, 辆, 座 …) when no other
// ideograph follows it, so that 分值 and 得分 are never read as units.
struct unit_word : sor<JX_STR("万人次"), JX_STR("人次"), JX_STR("万元"), JX_STR("亿元"),
                       JX_STR("元"), JX_STR("个月"), JX_STR("分钟"), JX_STR("小时"),
                       JX_STR("工作日"), JX_STR("平方米"), JX_STR("平方公里"), JX_STR("公里"),
                       JX_STR("万人"), JX_STR("万户"), JX_STR("万"), JX_STR("亿")> {};
struct unit_atom : sor<percent, permille, seq<unit_word, sor<at<suffix_cmp>, not_at<cjk>>>,
                       seq<cjk, sor<at<suffix_cmp>, not_at<cjk>>>> {};
struct unit : seq<unit_atom, star<one<'/'>, sor<unit_word, cjk>>> {};
struct quantity : seq<number, hsp, opt<unit>> {};

// Dates, months and deadlines: 2023-11-30, 2023-11, 2023年12月, 2023年12月31日, 11月底.
struct year4 : seq<digit, digit, digit, digit> {};
struct day_or_month : seq<digit, opt<digit>> {};
struct iso_date : seq<year4, minus, day_or_month, opt<minus, day_or_month>, not_at<digit>> {};
struct month_part : sor<JX_STR("底"), JX_STR("末"), JX_STR("初"), JX_STR("中旬"), JX_STR("上旬"),
                        JX_STR("下旬")> {};
struct cn_month_day
    : seq<day_or_month, JX_STR("月"),
          opt<sor<seq<day_or_month, sor<JX_STR("日"), JX_STR("号")>>, month_part>>> {};
struct cn_date : sor<seq<year4, JX_STR("年"), opt<cn_month_day>>, cn_month_day> {};
// Dotted dates: 2021.7.14 is a date; 2022.5 alone is a number, but 2022.5-2023.4 is a period.
struct dotted_day_date : seq<year4, point, day_or_month, point, day_or_month, not_at<digit>> {};
struct dotted_month_date : seq<year4, point, day_or_month, not_at<sor<digit, point>>> {};
struct date : sor<iso_date, dotted_day_date, cn_date> {};

// Qualitative grades and grade scales: 优良中低差 (a scale), 优 (a grade).
struct grade_word : sor<JX_STR("部分达成"), JX_STR("未达成"), JX_STR("达成"), JX_STR("基本满意"),
                        JX_STR("不满意"), JX_STR("满意"), JX_STR("不合格"), JX_STR("合格"),
                        JX_STR("较好"), JX_STR("较差"), JX_STR("一般"), JX_STR("较高"),
                        JX_STR("较低"), JX_STR("优秀"), JX_STR("良好"), JX_STR("优"), JX_STR("良"),
                        JX_STR("中"), JX_STR("低"), JX_STR("差"), JX_STR("好"), JX_STR("高")> {};
struct grade : seq<grade_word, sor<at<suffix_cmp>, not_at<cjk>>> {};
struct scale_lit : sor<seq<sor<JX_STR("优良中低差"), JX_STR("优良中差")>, not_at<cjk>>,
                       seq<grade_word, plus<one<'/'>, grade_word>, not_at<cjk>>> {};

// The project's own budget: 不超过预算批复数.
struct budget_ref
    : sor<JX_STR("预算批复数"), JX_STR("预算批复金额"), JX_STR("预算数"), en_kw<JX_STR("budget")>> {
};

struct range_sep : sor<minus, one<'~'>, JX_STR("～"), JX_STR("至"), JX_STR("到")> {};
struct dotted_period : seq<dotted_month_date, hsp, range_sep, hsp, dotted_month_date> {};
struct date_range : sor<seq<date, hsp, range_sep, hsp, date>, dotted_period> {};
struct quantity_range : seq<quantity, hsp, range_sep, hsp, quantity> {};
struct operand : sor<date_range, date, quantity_range, quantity, grade, budget_ref> {};
struct measured : seq<opt<prefix_cmp, hsp>, operand, hsp, opt<suffix_cmp>> {};

struct text_value : seq<string_lit> {};
struct label : line_string {};
struct labelled : seq<label, hsp, at<sor<prefix_cmp, digit>>, measured> {};
struct condition : sor<labelled, text_value, scale_lit, measured> {};
struct condition_sep
    : sor<JX_STR("，"), one<','>, JX_STR("；"), one<';'>, JX_STR("且"), en_kw<JX_STR("and")>> {};
struct conditions : seq<condition, star<hsp, condition_sep, hsp, condition>> {};
struct value : sor<kw_na, conditions> {};

// ---------------------------------------------------------------------------------------------
// Statements. Each must-point has a rule of its own so that its message is precise.

struct project_name : seq<string_lit> {};
struct project_open : lbrace {};
struct project_close : rbrace {};
struct year_value : seq<year4, not_at<digit>> {};
struct department_value : seq<string_lit> {};
struct unit_value : seq<string_lit> {};
struct contact_value : seq<string_lit> {};
struct phone_value : seq<string_lit> {};

struct year_stmt : seq<kw_year, sp, must<year_value>> {};
struct department_stmt : seq<kw_department, sp, must<department_value>> {};
struct unit_stmt : seq<kw_unit, sp, must<unit_value>> {};
struct contact_stmt : seq<kw_contact, sp, must<contact_value>> {};
struct phone_stmt : seq<kw_phone, sp, must<phone_value>> {};
struct finance_officer_value : seq<string_lit> {};
struct layout_value : seq<string_lit> {};
struct finance_officer_stmt : seq<kw_finance_officer, sp, must<finance_officer_value>> {};
struct layout_stmt : seq<kw_layout, sp, must<layout_value>> {};
// 表头 "项目类别" "部门预算项目": a labelled cell of the head with no field of its own.
struct head_info_label : seq<string_lit> {};
struct head_info_value : seq<string_lit> {};
struct head_info_stmt : seq<kw_head_info, sp, must<head_info_label>, sp, must<head_info_value>> {};
// 未归位 "第 59 行" "年度总体目标完成情况": a cell import could not place.
struct unplaced_where : seq<string_lit> {};
struct unplaced_text : seq<string_lit> {};
struct unplaced_stmt : seq<kw_unplaced, sp, must<unplaced_where>, sp, must<unplaced_text>> {};

// 评价结论 "…" 存在问题 "…" 改进措施 """…""" (the texts under other provinces' tables)
struct conclusion_text : seq<string_lit> {};
struct problems_text : seq<string_lit> {};
struct measures_text : seq<string_lit> {};
struct conclusion_stmt : seq<kw_conclusion, sp, must<conclusion_text>> {};
struct problems_stmt : seq<kw_problems, sp, must<problems_text>> {};
struct measures_stmt : seq<kw_measures, sp, must<measures_text>> {};

// 项目资金 万元 { 年度资金总额 年初 280 全年 280 执行 279.77 分值 10 执行率 99.92% 得分 9.99 }
struct money_unit : sor<JX_STR("万元"), JX_STR("亿元"), JX_STR("元"), JX_STR("万"),
                        en_kw<JX_STR("wan-yuan")>, en_kw<JX_STR("yuan")>> {};
struct amount : seq<number, hsp, opt<money_unit>> {};
struct rate_value : seq<number, hsp, opt<percent>> {};
struct initial_value : amount {};
struct annual_value : amount {};
struct spent_value : amount {};
struct fund_weight_value : seq<number> {};
struct rate_figure : rate_value {};
struct fund_score_value : seq<number> {};
struct initial_field : seq<kw_initial, sp, must<initial_value>> {};
struct annual_field : seq<kw_annual, sp, must<annual_value>> {};
struct spent_field : seq<kw_spent, sp, must<spent_value>> {};
struct fund_weight_field : seq<kw_weight, sp, must<fund_weight_value>> {};
struct rate_field : seq<kw_rate, sp, must<rate_figure>> {};
struct fund_score_field : seq<kw_score, sp, must<fund_score_value>> {};
struct reason_text : seq<string_lit> {};
// A funds row's deviation reason (Sichuan's 原因 column): text, kept for the table.
struct fund_reason_field : seq<kw_reason, sp, must<reason_text>> {};
struct fund_field : sor<initial_field, annual_field, rate_field, spent_field, fund_weight_field,
                        fund_score_field, fund_reason_field> {};
struct fund_row_name
    : sor<kw_row_total, kw_row_appropriation, kw_row_carryover, kw_row_other, kw_row_fiscal,
          kw_row_special_account, kw_row_unit_funds, kw_row_basic, kw_row_project_spending> {};
struct fund_row : seq<fund_row_name, star<sp, fund_field>> {};
struct fund_item : sor<fund_row, raise<fund_item>> {};
struct funds_open : lbrace {};
struct funds_close : rbrace {};
struct funds_block
    : seq<kw_funds, sp, opt<money_unit, sp>, must<funds_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<fund_item>, sp>, must<funds_close>> {};

// 年度总体目标 { 预期目标 "…" 实际完成情况 "…" }
struct expected_text : seq<string_lit> {};
struct achieved_text : seq<string_lit> {};
struct expected_stmt : seq<kw_expected, sp, must<expected_text>> {};
struct achieved_stmt : seq<kw_achieved, sp, must<achieved_text>> {};
struct goal_item : sor<expected_stmt, achieved_stmt, raise<goal_item>> {};
struct goal_open : lbrace {};
struct goal_close : rbrace {};
struct goal_block
    : seq<kw_goal, sp, must<goal_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<goal_item>, sp>, must<goal_close>> {};

// "展示场景数量" 指标值 = 8 个 完成值 8 个 分值 10 得分 10 偏差原因 "…"
struct indicator_name : seq<string_lit> {};
struct target_value : seq<value> {};
struct actual_value : seq<value> {};
struct weight_value : seq<number> {};
struct score_value : seq<number> {};
struct target_field : seq<kw_target, sp, must<target_value>> {};
struct actual_field : seq<kw_actual, sp, must<actual_value>> {};
struct weight_field : seq<kw_weight, sp, must<weight_value>> {};
struct score_field : seq<kw_score, sp, must<score_value>> {};
struct reason_field : seq<kw_reason, sp, must<reason_text>> {};
struct kw_criteria : sor<lit<vocab::kw::criteria>, lit<vocab::kw::criteria_alt>,
                         en_kw<lit<vocab::kw::criteria_en>>> {};
struct criteria_text : seq<string_lit> {};
// 评分标准 "符合法律法规(1分) …": a scoring table's standard for the row.
struct criteria_field : seq<kw_criteria, sp, must<criteria_text>> {};
struct na_field : kw_na {};
struct indicator_field : sor<target_field, actual_field, weight_field, score_field, reason_field,
                             criteria_field, na_field> {};
// After a field, the next thing must be a field, another indicator, a category or '}'.
struct indicator_end : at<sp, sor<rbrace, one<'"'>, kw_part, category_word, eof>> {};
// Matches nothing, where something other than blanks precedes on the same line: a token at the
// start of a line begins a row of its own, never a stray of the row above.
struct within_line {
    using rule_t = within_line;
    using subs_t = empty_list;

    template <typename ParseInput>
    static bool match(ParseInput& in) noexcept {
        const char* p = in.current();
        const char* begin = in.begin();
        while (p > begin && (p[-1] == ' ' || p[-1] == '\t'))
            --p;
        return p > begin && p[-1] != '\n' && p[-1] != '\r';
    }
};
// A token no field starts with, inside an indicator's line (15 after 分值 15, 得分 forgotten; 圆
// of 15万圆): a slip, reported, while the rest of the row is still read.
// A stray word takes a string written after it on the line with it (偏差 "…" for 偏差原因 "…"),
// which would otherwise read as the next indicator's name.
struct indicator_stray
    : seq<within_line, not_at<indicator_end>, plus<not_one<' ', '\t', '\r', '\n', '{', '}', '"'>>,
          opt<hsp, string_lit>> {};
// A row that ends its line is complete, whatever the next line holds: a mistake there is the
// next row's.
struct row_ends_line : at<hsp, opt<comment>, eolf> {};
// 其中 "桃树种植面积" 指标值 1.5亩 完成值 1.5亩: a part of the indicator above it.
struct indicator
    : seq<opt<kw_part, sp>, indicator_name, star<sp, sor<indicator_field, indicator_stray>>,
          sor<row_ends_line, must<indicator_end>>> {};

// An unquoted word that opens a block but is no category keyword (产出指表 {): read as a
// category, so that its block is kept, and named as a slip.
struct category_guess : seq<plus<cjk>, at<sp, lbrace>> {};
struct category_name : sor<category_word, string_lit, category_guess> {};
struct level2_open : lbrace {};
struct level2_close : rbrace {};
struct level2_na : kw_na {};
struct level2_item : sor<level2_na, indicator, raise<level2_item>> {};
struct level2_block
    : seq<category_name, sp, must<level2_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<level2_item>, sp>, must<level2_close>> {};
struct level1_open : lbrace {};
struct level1_close : rbrace {};
struct level1_item : sor<level2_block, raise<level1_item>> {};
struct level1_block
    : seq<category_name, sp, must<level1_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<level1_item>, sp>, must<level1_close>> {};

// 总分 分值 100 得分 99.99
struct total_weight_value : seq<number> {};
struct total_score_value : seq<number> {};
struct total_weight_field : seq<kw_weight, sp, must<total_weight_value>> {};
struct total_score_field : seq<kw_score, sp, must<total_score_value>> {};
struct total_stmt : seq<kw_total, star<sp, sor<total_weight_field, total_score_field>>> {};

// 等级 优秀
struct total_grade_word : sor<JX_STR("优秀"), JX_STR("良好"), JX_STR("一般"), JX_STR("较差"),
                              en_kw<JX_STR("excellent")>, en_kw<JX_STR("good")>,
                              en_kw<JX_STR("fair")>, en_kw<JX_STR("poor")>> {};
struct grade_stmt : seq<kw_grade, sp, must<total_grade_word>> {};

// 评价指标体系 { 产出指标 { 数量指标 { "指标1：…6个新建功能建设" 分值 10 } } }: the indicator tree
// as the evaluation report publishes it (its 评价指标体系), which the table must follow.
struct index_open : lbrace {};
struct index_close : rbrace {};
struct index_item : sor<level1_block, raise<index_item>> {};
struct index_block
    : seq<kw_index_system, sp, must<index_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<index_item>, sp>, must<index_close>> {};

struct project_item
    : sor<year_stmt, department_stmt, unit_stmt, contact_stmt, phone_stmt, finance_officer_stmt,
          layout_stmt, head_info_stmt, unplaced_stmt, funds_block, goal_block, total_stmt,
          grade_stmt, conclusion_stmt, problems_stmt, measures_stmt, index_block, level1_block,
          raise<project_item>> {};
struct project
    : seq<kw_project, sp, must<project_name>, sp, must<project_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<project_item>, sp>, must<project_close>> {};
// A disclosure: the department's block, holding the claims its prose makes, each with the line
// of the source it was read from.
// 部门 "丰台区科学技术和信息化局" { 年度 2022  评价项目数 72 行 271  等级 优秀 47 行 271 }
struct disclosure_name : seq<string_lit> {};
struct disclosure_open : lbrace {};
struct disclosure_close : rbrace {};
struct source_line_value : seq<plus<digit>> {};
struct source_line : seq<kw_source_line, sp, must<source_line_value>> {};
struct claim_count : seq<number> {};
struct claim_transfers : kw_claim_transfers {};
struct count_claim : seq<sor<kw_claim_projects, kw_claim_evaluated, kw_claim_excluded>, sp,
                         must<claim_count>, opt<hsp, claim_transfers>> {};
struct claim_grade : seq<total_grade_word> {};
struct grade_claim : seq<kw_grade, sp, must<claim_grade>, sp, must<claim_count>> {};
struct claim_score : seq<number> {};
struct claim_averaging : sor<kw_claim_weighted, kw_claim_mean> {};
struct score_claim : seq<kw_claim_score, sp, must<claim_score>, opt<hsp, claim_averaging>> {};
struct claim_amount : amount {};
struct funds_claim : seq<kw_claim_funds, sp, must<claim_amount>> {};
// funds_claim first: `evaluated` is the head of `evaluated-funds`.
struct claim : seq<sor<funds_claim, count_claim, grade_claim, score_claim>, opt<hsp, source_line>> {
};
// The department-level tables: 整体绩效目标 { "方案编制内容" 指标值 ≥ 4项 权重 3 } (its targets and
// weights) and 整体绩效完成 { "方案编制内容" 指标值 4 完成值 1 偏差原因 "…" } (plan and
// completion).
struct dept_table_open : lbrace {};
struct dept_table_close : rbrace {};
struct dept_table_item : sor<indicator, raise<dept_table_item>> {};
struct dept_table
    : seq<sor<kw_dept_targets, kw_dept_results>, sp, must<dept_table_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<dept_table_item>, sp>, must<dept_table_close>> {
};
struct disclosure_item : sor<year_stmt, dept_table, claim, raise<disclosure_item>> {};
struct disclosure
    : seq<kw_disclosure, sp, must<disclosure_name>, sp, must<disclosure_open>, sp,
          star<not_at<rbrace>, not_at<eof>, recover<disclosure_item>, sp>, must<disclosure_close>> {
};

struct file_item : sor<project, disclosure, raise<file_item>> {};
struct file : seq<opt<bom>, sp, star<not_at<eof>, recover<file_item>, sp>, eof> {};

#undef JX_STR

} // namespace jx::grammar

template <typename Name, char... Cs>
struct tao::pegtl::analyze_traits<Name, jx::grammar::literal<Cs...>> : analyze_any_traits<> {};
template <typename Name>
struct tao::pegtl::analyze_traits<Name, jx::grammar::string_run> : analyze_any_traits<> {};
template <typename Name>
struct tao::pegtl::analyze_traits<Name, jx::grammar::category_word> : analyze_any_traits<> {};
template <typename Name>
struct tao::pegtl::analyze_traits<Name, jx::grammar::within_line> : analyze_opt_traits<> {};

// recover<R> behaves like R for grammar analysis.
template <typename Name, typename Rule>
struct tao::pegtl::analyze_traits<Name, jx::grammar::recover<Rule>>
    : analyze_traits<Name, typename Rule::rule_t> {};
