#!/bin/sh
# jixiao import refuses to overwrite a spec unless --force is given, and says how many of how many.
set -u
jx=$1 src=$2 out=$3
rm -rf "$out"
"$jx" import "$src" -o "$out" > "$out.log" 2>&1 || { echo "first import failed"; cat "$out.log"; exit 1; }
grep -q "imported 27 of 27 project tables (27 whole" "$out.log" || { echo "unexpected summary"; cat "$out.log"; exit 1; }
cp "$out/001_e5e93a452c6c52c4.part1-03.jx" "$out.before"
echo "# edited by hand" >> "$out/001_e5e93a452c6c52c4.part1-03.jx"
"$jx" import "$src" -o "$out" > /dev/null 2> "$out.err"; s=$?
[ "$s" -eq 1 ] || { echo "second import exited $s, expected 1"; exit 1; }
grep -q "exists; not overwritten (use --force)" "$out.err" || { echo "no refusal message"; cat "$out.err"; exit 1; }
tail -n 1 "$out/001_e5e93a452c6c52c4.part1-03.jx" | grep -q "edited by hand" || { echo "the edited spec was overwritten"; exit 1; }
"$jx" import --force "$src" -o "$out" > "$out.log" 2>&1 || { echo "--force failed"; cat "$out.log"; exit 1; }
cmp -s "$out/001_e5e93a452c6c52c4.part1-03.jx" "$out.before" || { echo "--force did not rewrite"; exit 1; }
echo ok
