" Vim syntax file: jixiao specs (*.jx), 绩效自评表. Vim and Neovim.
" The full grammar is grammar/REFERENCE.md; this covers what is worth a colour.
if exists('b:current_syntax')
  finish
endif

" Chinese words have no boundaries: alternatives go longest first, as the parser reads them.
syn match jixiaoKeyword "\v项目负责人|项目资金|项目|年度资金总额|年度总体目标|年度指标值|年度|主管部门|实施单位|联系电话"
syn match jixiaoKeyword "\v当年财政拨款|上年结转资金|其他资金|财政专户管理资金|财政资金|单位资金"
syn match jixiaoKeyword "\v年初预算数|年初|全年预算数|全年执行数|全年|调整后预算数|预算执行数|执行数|执行率|执行"
syn match jixiaoKeyword "\v分值|权重|得分|指标值|实际完成值|完成值|偏差原因分析及改进措施|偏差原因|未完成原因分析"
syn match jixiaoKeyword "\v预期目标|实际完成情况|总分|总计|等级|不涉及"
syn match jixiaoKeyword "\v<(project|year|department|unit-funds|unit|contact|phone|funds|all-funds|appropriation|carryover|other|fiscal-funds|special-account|initial|annual|spent|rate|weight|score|goal|expected|achieved|target|actual|reason|total|grade|n/a|n-a)>-@!"

syn match jixiaoCategory "\v服务对象满意度指标|满意度指标|产出指标|效益指标|预算执行率|经济成本指标|社会成本指标|生态环境成本指标|成本指标"
syn match jixiaoCategory "\v数量指标|质量指标|时效指标|经济效益指标|社会效益指标|生态效益指标|可持续影响指标"
syn match jixiaoCategory "\v<(output|benefit|satisfaction|budget-execution|beneficiary-satisfaction|cost|quantity|quality|timeliness|economic|social|ecological|sustainability)>-@!"

syn match jixiaoOperator "\v[≥≤＞＜=＝<>]|大于或等于|小于或等于|大于等于|小于等于|不低于|不少于|不小于|不超过|不高于|不多于|不大于|至少|达到|至多|高于|大于|超过|多于|低于|小于|少于|等于"
syn match jixiaoOperator "\v及以上|以上|及以下|以下|以内|之内|之前|以前"

syn match jixiaoNumber "\v[+\-－]?[0-9０-９]+([.．][0-9０-９]+)?" nextgroup=jixiaoUnit
syn match jixiaoNumber "\v[0-9０-９]{4}年([0-9０-９]{1,2}月)?([0-9０-９]{1,2}[日号]|底|末|初|[上中下]旬)?"
syn match jixiaoNumber "\v[0-9０-９]{1,2}月([0-9０-９]{1,2}[日号]|底|末|初|[上中下]旬)?"
" A unit right after a number: a known word or one ideograph that no other ideograph follows.
syn match jixiaoUnit contained "\v\s*([%％‰]|百分比|(万人次|人次|万元|亿元|元|个月|分钟|小时|工作日|平方米|平方公里|公里|万人|万户|万|亿|[\u3400-\u9fff])([\u3400-\u9fff]@!|(以|之|前|及)@=))(/(万人次|人次|万元|亿元|元|个月|[\u3400-\u9fff]))*"
syn match jixiaoUnit "\v(项目资金\s*)@<=(万元|亿元|元)|<(wan-yuan|yuan)>"

syn match jixiaoGrade "\v[\u3400-\u9fff]@<!(优良中低差|优良中差|部分达成|未达成|达成|基本满意|不满意|满意|不合格|合格|较好|较差|一般|较高|较低|优秀|良好|优|良|中|低|差|好|高)([\u3400-\u9fff]@!|(以|及)@=)"
syn match jixiaoGrade "\v<(excellent|good|fair|poor)>"
syn match jixiaoBudget "\v预算批复金额|预算批复数|预算数|<budget>"

syn match jixiaoEscape contained +\\\(["\\ntr]\|u{\x\{1,6}}\)+
syn region jixiaoString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=jixiaoEscape
" Defined after the one-line string, so that it wins where both start.
syn region jixiaoTriple start=+"""+ end=+"""+
syn match jixiaoComment "\v(#|//).*$" contains=@Spell
syn match jixiaoBrace "[{}｛｝]"

" Specs are small; a triple-quoted string can span many lines.
syn sync fromstart

hi def link jixiaoKeyword  Keyword
hi def link jixiaoCategory Structure
hi def link jixiaoOperator Operator
hi def link jixiaoNumber   Number
hi def link jixiaoUnit     Type
hi def link jixiaoGrade    Constant
hi def link jixiaoBudget   Constant
hi def link jixiaoEscape   SpecialChar
hi def link jixiaoString   String
hi def link jixiaoTriple   String
hi def link jixiaoComment  Comment
hi def link jixiaoBrace    Delimiter

let b:current_syntax = 'jixiao'
