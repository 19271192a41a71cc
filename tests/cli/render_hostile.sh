#!/bin/sh
# render against the specs and file systems that crashed it or made it write where it must not:
# sheet names past Excel's rules (ten projects sharing a long prefix, "abc" beside "ABC", control
# characters), a link planted under the old predictable temporary name, a FIFO as the output, the
# output being the input, and a link planted in the output directory pointing at a spec. Each
# workbook is read back by openpyxl (Debian's python3-openpyxl), a reader other than jixiao's.
set -u
jx=$1 out=$2
py=/usr/bin/python3
rm -rf "$out" && mkdir -p "$out"
cd "$out" || exit 1
fail() { echo "FAIL: $*"; exit 1; }

# Ten projects whose names share 40 characters: cut to 31, they would all be one name.
{
    for n in 1 2 3 4 5 6 7 8 9 10; do
        printf '项目 "北京市丰台区科学技术和信息化局2022年度科技创新专项资金项目（第%s批）" {\n  年度 2022\n  总分 分值 100 得分 100\n}\n' "$n"
    done
} > long.jx
printf '项目 "abc" {\n  年度 2022\n  总分 分值 100 得分 100\n}\n项目 "ABC" {\n  年度 2022\n  总分 分值 100 得分 100\n}\n项目 "History" {\n  年度 2022\n  总分 分值 100 得分 100\n}\n' > case.jx
printf '项目 "a\\u{1}b\\u{FFFE}c[d]:e*f?g/h\\\\i" {\n  年度 2022\n  总分 分值 100 得分 100\n}\n' > control.jx
for spec in long case control; do
    "$jx" render $spec.jx -f xlsx -o $spec.xlsx > $spec.log 2>&1 || { cat $spec.log; fail "render $spec exited $?"; }
    $py - "$spec.xlsx" <<'EOF' || fail "openpyxl could not read $spec.xlsx"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
assert all(1 <= len(n.encode("utf-16-le")) // 2 <= 31 for n in names), names
assert len({n.casefold() for n in names}) == len(names), names
assert "history" not in {n.casefold() for n in names}, names
assert not any(c in n for n in names for c in "[]:*?/\\"), names
for ws in wb.worksheets:
    assert ws["A1"].value == "项目支出绩效自评表", ws["A1"].value
print(len(names), "sheets:", " | ".join(names))
EOF
done
grep -q "warning: control.xlsx: cell C3 of" control.log || { cat control.log; fail "no warning for the replaced control characters"; }
# Every XML part well-formed (openpyxl reads only some of them).
$py - control.xlsx <<'EOF' || fail "control.xlsx has a part that is not well-formed XML"
import sys, zipfile, xml.dom.minidom
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            xml.dom.minidom.parseString(z.read(name))
EOF

# A link planted under the name the xlsx temporary file used to have.
echo victim > victim.txt
ln -s victim.txt "book.xlsx.jixiao-$$.tmp"
"$jx" render case.jx -f xlsx -o book.xlsx > /dev/null 2>&1 || fail "render book.xlsx"
[ "$(cat victim.txt)" = victim ] || fail "the planted link's file was overwritten"

# A FIFO as the output: refused, and still a FIFO.
mkfifo pipe.md
"$jx" render case.jx -f md -o pipe.md > fifo.log 2>&1 && fail "render onto a FIFO succeeded"
[ -p pipe.md ] || fail "the FIFO was replaced"
grep -q "it is a FIFO, not a regular file" fifo.log || { cat fifo.log; fail "no reason given for the FIFO"; }

# The output is the input.
cp case.jx self.jx
"$jx" render self.jx -f md -o self.jx > self.log 2>&1 && fail "render over its own input succeeded"
cmp -s case.jx self.jx || fail "the input was overwritten"
grep -q "it is an input of this run" self.log || { cat self.log; fail "no reason given"; }

# render dir -o dir, with a link planted where an output will go, pointing at a spec.
mkdir -p specs && cp case.jx specs/a.jx && cp case.jx specs/b.jx
ln -s a.jx specs/b.md
"$jx" render specs -f md -o specs > dir.log 2>&1 && fail "render through a planted link succeeded"
cmp -s case.jx specs/a.jx || fail "the spec behind the planted link was overwritten"
[ -f specs/a.md ] || fail "the other spec was not rendered"
grep -q "specs/b.md: it is specs/a.jx, an input of this run" dir.log || { cat dir.log; fail "no reason given"; }
ls -a specs | grep -q '^\.jixiao-' && fail "a temporary file was left behind"
echo "hostile render cases refused or written whole"
