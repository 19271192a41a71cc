#!/bin/sh
# File names can hold any byte but / and NUL. check --format json|jsonl must stay valid JSON for
# them (invalid UTF-8 becomes U+FFFD), and text output must not hand a terminal an ESC sequence
# or a line break from a name (shown as \x1b, \n).
set -u
jx=$1 spec=$2 out=$3
py=/usr/bin/python3
rm -rf "$out" && mkdir -p "$out/specs"
fail() { echo "FAIL: $*"; exit 1; }
bad=$(printf 'bad\377\033[2J\nname.jx')
sed 's/总分 分值 100 得分 100/总分 分值 100 得分 90/' "$spec" > "$out/specs/$bad"
"$jx" check --format json "$out/specs" > "$out/check.json"
[ $? -eq 1 ] || fail "check should find the total mismatch"
$py -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); f=d["findings"][0]["file"]; assert "\ufffd" in f and "\x1b" in f and "\n" in f, f' "$out/check.json" \
    || fail "check --format json is not valid JSON for the name"
"$jx" check --format jsonl "$out/specs" > "$out/check.jsonl"
$py -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$out/check.jsonl" \
    || fail "check --format jsonl is not valid JSON for the name"
"$jx" check "$out/specs" > "$out/check.txt" 2>&1
grep -q "$(printf '\033')" "$out/check.txt" && fail "an ESC byte reached the text output"
grep -q 'bad\\xff\\x1b\[2J\\nname.jx:' "$out/check.txt" || { cat "$out/check.txt"; fail "the name is not shown escaped"; }
echo "names escaped in json, jsonl and text"
