#!/bin/sh
# A PDF whose table has the form's signature line under it (填报人 … 审核人 … 填报日期 …, on most
# real forms): LibreOffice prints a rendered workbook with that line right under the total row, and
# import keeps the total and its error (the published 基层党组织党建活动经费: rows weigh 85 and score
# 80 against a total of 100 and 95).
set -u
jx=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
command -v soffice > /dev/null || { echo "soffice not installed"; exit 1; }
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$jx" render "$src/indicator_specs/fengtai-2022/001-02-基层党组织党建活动经费.jx" -f xlsx \
    -o "$out/t.xlsx" > /dev/null || exit 1
$py - "$out/t.xlsx" <<'PY' || exit 1
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
r = ws.max_row + 1
ws.cell(row=r, column=1, value="填报人：张三")
ws.cell(row=r, column=4, value="审核人：李四")
ws.cell(row=r, column=7, value="填报日期：2024年3月15日")
wb.save(sys.argv[1].replace("t.xlsx", "signed.xlsx"))
PY
(cd "$out" && HOME="$out" timeout -k 10 180 soffice --headless --convert-to pdf signed.xlsx > /dev/null 2>&1)
[ -s "$out/signed.pdf" ] || { echo "LibreOffice made no PDF"; exit 1; }
"$jx" import --lang en "$out/signed.pdf" -o "$out/specs" > "$out/import.log" 2>&1
grep -q "总分 分值 100 得分 95" "$out/specs/signed-01.jx" || {
    cat "$out/import.log" "$out/specs/signed-01.jx"; echo "the total row was lost"; exit 1; }
"$jx" check --lang en "$out/specs" > "$out/check.log" 2>&1
grep -q "error\[total-weight-mismatch\]" "$out/check.log" || {
    cat "$out/check.log"; echo "the total's error was lost"; exit 1; }
echo "the signed PDF keeps its total and the total's error"
