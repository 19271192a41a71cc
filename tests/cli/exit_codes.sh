#!/bin/sh
# Every command agrees on its exit status: 0 clean or warnings only, 1 error-level findings, 2
# usage or I/O errors. And a file that cannot be computed (figures past 38 digits) is one finding
# among the others of a directory run, never an abort that drops them.
set -u
jx=$1 examples=$2 out=$3
rm -rf "$out" && mkdir -p "$out/dir"
fail() { echo "FAIL: $*"; exit 1; }
expect() { # status command...
    want=$1
    shift
    "$@" > "$out/last.log" 2>&1
    got=$?
    [ "$got" -eq "$want" ] || { cat "$out/last.log"; fail "exit $got, expected $want: $*"; }
}
cp "$examples/01-minimal.jx" "$out/clean.jx"
sed 's/总分 分值 100 得分 100/总分 分值 100 得分 90/' "$examples/01-minimal.jx" > "$out/error.jx"
printf '项目 "溢出" {\n  年度 2022\n  项目资金 万元 {\n    年度资金总额  年初预算数 0.0000000001  全年执行数 99999999999999999  分值 10  得分 10\n  }\n}\n' > "$out/dir/a-overflow.jx"
cp "$out/error.jx" "$out/dir/b-error.jx"

# A warning only: the same indicator twice, the second without figures.
printf '项目 "p" {\n  年度 2022\n  产出指标 {\n    数量指标 {\n      "r"  指标值 ≥ 5场  完成值 6场  分值 100  得分 100\n      "r"  指标值 ≥ 5场  完成值 6场\n    }\n  }\n  总分 分值 100 得分 100\n}\n' > "$out/warning.jx"
for cmd in check score; do
    expect 0 "$jx" $cmd "$out/clean.jx"
    expect 0 "$jx" $cmd "$out/warning.jx"
    grep -q "warning\[duplicate-indicator\]" "$out/last.log" || fail "$cmd: no warning shown"
    expect 1 "$jx" $cmd "$out/error.jx"
    expect 2 "$jx" $cmd "$out/missing.jx"
done
expect 0 "$jx" render "$out/clean.jx" -f md -o "$out/clean.md"
printf '项目 "p" {\n  年度 二〇二二\n}\n' > "$out/syntax.jx"
expect 1 "$jx" render "$out/syntax.jx" -f md -o "$out/syntax.md"
expect 2 "$jx" render "$out/missing.jx" -f md -o "$out/missing.md"
expect 2 "$jx" render "$out/clean.jx" -f md -o "$out/clean.jx"   # over its own input
expect 0 "$jx" fmt --check "$out/clean.jx"
expect 1 "$jx" fmt --check "$out/syntax.jx"
expect 2 "$jx" fmt --check "$out/missing.jx"
# fix: --dry-run exits 1 when a file would change and changes nothing; fixing exits 0 and leaves
# nothing to fix; a file that does not parse is not fixed (1); a missing path is 2. The overflow
# file is not a reason to stop.
cp "$out/error.jx" "$out/fixme.jx"
expect 0 "$jx" fix --dry-run "$out/clean.jx"
expect 1 "$jx" fix --dry-run "$out/fixme.jx"
cmp -s "$out/fixme.jx" "$out/error.jx" || fail "fix --dry-run changed the file"
expect 0 "$jx" fix "$out/fixme.jx"
cmp -s "$out/fixme.jx" "$out/clean.jx" || fail "fix did not restore 得分 100"
expect 0 "$jx" fix --dry-run "$out/fixme.jx"
expect 1 "$jx" fix "$out/syntax.jx"
expect 2 "$jx" fix "$out/missing.jx"
# lsp: 0 after shutdown and exit, 1 when the input ends without them.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }
{ frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'; } > "$out/session.txt"
expect 0 sh -c '"$0" lsp < "$1"' "$jx" "$out/session.txt"
expect 1 sh -c '"$0" lsp < /dev/null' "$jx"

# The overflow is reported with the other file's finding; no abort.
expect 1 "$jx" check "$out/dir"
grep -q "error\[figure-too-large\]" "$out/last.log" || fail "no figure-too-large finding"
grep -q "dir/b-error.jx:.*error\[total-score-mismatch\]" "$out/last.log" || fail "the other file's finding was lost"
grep -q "checked 2 files" "$out/last.log" || fail "not every file was checked"
expect 1 "$jx" check --jobs 2 --format jsonl "$out/dir"
grep -q '"code":"figure-too-large"' "$out/last.log" || fail "jsonl: no figure-too-large"
grep -q '"code":"total-score-mismatch"' "$out/last.log" || fail "jsonl: the other file's finding was lost"
echo "exit statuses agree"
