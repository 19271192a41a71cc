#!/bin/sh
# jixiao import on a mix of sources: a good one, a damaged workbook, one with no table at all.
# Every source is accounted for in the messages and the summary, and the exit status is 1.
set -u
jx=$1 spec=$2 out=$3
rm -rf "$out" && mkdir -p "$out/src"
"$jx" render "$spec" -f xlsx -o "$out/src/good.xlsx" > /dev/null || { echo "render failed"; exit 1; }
head -c 1000 "$out/src/good.xlsx" > "$out/src/damaged.xlsx"
printf '附件：部门决算说明\n\n本年度无项目支出。\n' > "$out/src/prose.txt"
cd "$out/src"
"$jx" import good.xlsx damaged.xlsx prose.txt -o ../specs > ../stdout 2> ../stderr; s=$?
cd ..
[ "$s" -eq 1 ] || { echo "exit $s, expected 1"; cat stdout stderr; exit 1; }
cat > expected <<'EOF'
error[unreadable-source]: damaged.xlsx is not a readable xlsx file: Not a zip archive
prose.txt: warning[no-table]: no self-evaluation table found (its indicator table is recognised by a header row such as 一级指标 | 二级指标 | 三级指标)
--
wrote ../specs/good-01.jx  (基层党组织党建活动经费)
imported 1 of 1 project tables (1 whole, 0 with unplaced cells kept as comments, 0 failed); 1 source without a table; 1 source could not be read
EOF
{ cat stderr; echo --; cat stdout; } > actual
diff -u expected actual || exit 1
echo ok
