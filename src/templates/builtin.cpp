// The built-in templates, as the YAML a user would write (`jixiao templates --show NAME` prints
// it), embedded so that the installed tool needs no data directory.
#include "templates/builtin.hpp"

namespace jx::templates {

// The Ministry of Finance's 项目支出绩效自评表 (财预〔2020〕10号, 附件), as the central
// departments and provinces such as Anhui publish it: level-1 cells may state their points.
const char* const builtin_central = R"yaml(name: central
title: 项目支出绩效自评表
source: 财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）附件；安徽省等沿用
description: the Ministry of Finance's table; level-1 cells may state their points (产出指标(50分))
recognise:
  all: [年度资金总额, 年度指标值, 实际完成值]
  none: [项目负责人, 预算执行情况]
head:
  - [项目名称]
  - [主管部门, 实施单位]
funds:
  title: 项目资金
  unit_heading: ""
  columns:
    - {role: label, label: ""}
    - {role: initial, label: 年初预算数}
    - {role: annual, label: 全年预算数}
    - {role: spent, label: 全年执行数}
    - {role: weight, label: 分值}
    - {role: rate, label: 执行率}
    - {role: score, label: 得分}
  rows:
    - {row: 年度资金总额, label: 年度资金总额}
    - {row: 当年财政拨款, label: 其中：当年财政拨款, also: [当年财政拨款]}
    - {row: 上年结转资金, label: 上年结转资金}
    - {row: 其他资金, label: 其他资金}
  not_applicable: "—"
  struck: [weight, rate, score]
goals: 年度总体目标
indicators:
  title: 绩效指标
  level1_points: true
  columns:
    - {role: level1, label: 一级指标}
    - {role: level2, label: 二级指标}
    - {role: name, label: 三级指标}
    - {role: target, label: 年度指标值}
    - {role: actual, label: 实际完成值}
    - {role: weight, label: 分值}
    - {role: score, label: 得分}
    - {role: reason, label: 偏差原因分析及改进措施}
total: 总分
instructions: []
)yaml";

// Beijing's layout, as the tables of shared/seeds have it: the central table with the 项目负责人
// | 联系电话 row. jixiao renders it by default.
const char* const builtin_beijing = R"yaml(name: beijing
title: 项目支出绩效自评表
source: 北京市财政局 项目支出绩效自评表（2022年度，各区部门决算公开）
description: the central table with a 项目负责人 | 联系电话 row; jixiao's default layout
recognise:
  all: [年度资金总额, 项目负责人, 联系电话]
  none: [预算执行情况]
head:
  - [项目名称]
  - [主管部门, 实施单位]
  - [项目负责人, 联系电话]
funds:
  title: 项目资金
  unit_heading: ""
  columns:
    - {role: label, label: ""}
    - {role: initial, label: 年初预算数}
    - {role: annual, label: 全年预算数}
    - {role: spent, label: 全年执行数}
    - {role: weight, label: 分值}
    - {role: rate, label: 执行率}
    - {role: score, label: 得分}
  rows:
    - {row: 年度资金总额, label: 年度资金总额}
    - {row: 当年财政拨款, label: 其中：当年财政拨款, also: [当年财政拨款]}
    - {row: 上年结转资金, label: 上年结转资金}
    - {row: 其他资金, label: 其他资金}
  not_applicable: ""
  struck: []
goals: 年度总体目标
indicators:
  title: 绩效指标
  columns:
    - {role: level1, label: 一级指标}
    - {role: level2, label: 二级指标}
    - {role: name, label: 三级指标}
    - {role: target, label: 年度指标值}
    - {role: actual, label: 实际完成值}
    - {role: weight, label: 分值}
    - {role: score, label: 得分}
    - {role: reason, label: 偏差原因分析及改进措施}
total: 总分
instructions: []
)yaml";

// Sichuan's 部门预算项目支出绩效自评表 (2023), as issue 17 describes it. The instruction texts
// are those its empty form holds in the cells to be filled, as patterns (* is any text).
const char* const builtin_sichuan = R"yaml(name: sichuan
title: 部门预算项目支出绩效自评表
source: 四川省财政厅 部门预算项目支出绩效自评表（2023年度）
description: 预算执行情况(10分) and 绩效指标(90分) blocks, the target in three columns, 合计, conclusions and two signatures
recognise:
  all: [预算执行情况, 指标性质, 度量单位]
  none: []
head:
  - [项目名称]
  - [主管部门, 实施单位]
funds:
  title: 预算执行情况
  points: true
  unit_heading: 年度预算数
  columns:
    - {role: label, label: 年度预算数}
    - {role: initial, label: 年初预算, also: [年初预算数]}
    - {role: annual, label: 调整后预算数, also: [全年预算数]}
    - {role: spent, label: 预算执行数, also: [全年执行数]}
    - {role: rate, label: 预算执行率, also: [执行率]}
    - {role: weight, label: 权重, also: [分值]}
    - {role: score, label: 得分}
    - {role: reason, label: 原因}
  rows:
    - {row: 年度资金总额, label: 总额, also: [年度资金总额]}
    - {row: 财政资金, label: 其中:财政资金, also: [财政资金, 当年财政拨款]}
    - {row: 财政专户管理资金, label: 财政专户管理资金}
    - {row: 单位资金, label: 单位资金}
    - {row: 其他资金, label: 其他资金}
  not_applicable: /
  struck: [rate, weight, score, reason]
goals: ""
indicators:
  title: 绩效指标
  points: true
  level1_points: true
  columns:
    - {role: level1, label: 一级指标}
    - {role: level2, label: 二级指标}
    - {role: name, label: 三级指标}
    - {role: comparator, label: 指标性质}
    - {role: value, label: 指标值}
    - {role: unit, label: 度量单位}
    - {role: actual, label: 完成值}
    - {role: weight, label: 权重, also: [分值]}
    - {role: score, label: 得分}
    - {role: reason, label: 未完成原因分析, also: [偏差原因]}
total: 合计
under: [评价结论, 存在问题, 改进措施]
signatures: [项目负责人, 财务负责人]
instructions:
  - 填写*
  - 请填写*
  - 根据*填写*
  - 按*填写*
  - 请选择*
  - 选择*
  - "*自动计算*"
  - "*（此处填写*"
)yaml";

} // namespace jx::templates
