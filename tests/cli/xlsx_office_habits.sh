#!/bin/sh
# A workbook as a tool other than Excel writes it (openpyxl: the one a script or a web system
# uses): one-decimal scores computed in binary floating point (9.300000000000001, 8.299999999999999)
# are read as Excel shows them, so the table checks clean; a formula saved without its value
# (openpyxl never calculates) is named with its cell, never read as a blank.
set -u
jx=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
$py - "$out/t.xlsx" <<'PY' || exit 1
import sys
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = "自评表"
rows = [
    ["项目支出绩效自评表"], ["（2023年度）"],
    ["项目名称", None, "培训项目"],
    ["主管部门", None, "某局", None, None, "实施单位", None, "某中心"],
    ["项目资金（万元）", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, None, "年度资金总额", 100, 100, 0.1 * 930, 10, "93%", 0.1 * 93],
    ["年度总体目标", None, "预期目标", None, None, "实际完成情况"],
    [None, None, "完成培训", None, None, "已完成"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [None, "产出指标", "数量指标", "培训人次", "≥100人次", "83人次", 50, 4.1 * 10 + 0.5, "报名不足"],
    [None, "效益指标", "社会效益指标", "群众知晓率", "≥90%", "90%", 30, 30, None],
    [None, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, None],
    ["总分", None, None, None, None, None, 100, 0.1 * 93 + 41.5 + 40, None],
]
for r in rows:
    ws.append(r)
wb.save(sys.argv[1])
# The same table with its total left to a formula that nothing calculated.
ws["H13"] = "=SUM(I6,H10:H12)"
wb.save(sys.argv[1].replace("t.xlsx", "formula.xlsx"))
PY
$py -c "
import zipfile,sys
x = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode()
assert '9.300000000000001' in x, 'openpyxl no longer stores the binary artefact: the test proves nothing'
" "$out/t.xlsx" || exit 1
"$jx" import --lang en "$out/t.xlsx" -o "$out/specs" > "$out/import.log" 2>&1
status=$?
[ $status -eq 0 ] || { cat "$out/import.log"; echo "import exit $status"; exit 1; }
grep -q "得分 9.3 " "$out/specs/t-01.jx" || { cat "$out/specs/t-01.jx"; echo "9.3 not read as 9.3"; exit 1; }
"$jx" check --lang en "$out/specs" > "$out/check.log" 2>&1
status=$?
if grep -q "error\[" "$out/check.log" || [ $status -gt 1 ]; then
    cat "$out/check.log"; echo "a false error on the openpyxl workbook"; exit 1
fi
"$jx" import --lang en "$out/formula.xlsx" -o "$out/formula" > "$out/formula.log" 2>&1
grep -q "uncalculated-formula\].*'自评表'!H13.*=SUM(I6,H10:H12)" "$out/formula.log" || {
    cat "$out/formula.log"; echo "the uncalculated formula is not named with its cell"; exit 1; }
grep -q '未归位 .*=SUM' "$out/formula/formula-01.jx" || {
    cat "$out/formula/formula-01.jx"; echo "the formula's cell is not kept as unplaced"; exit 1; }
echo "openpyxl's workbook checks clean; its uncalculated formula is named at H13"
