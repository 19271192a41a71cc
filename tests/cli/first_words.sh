#!/bin/sh
# The first words a new user types: `jixiao` alone prints the short help (exit 0); a mistyped
# command names the nearest one (exit 2).
set -u
jx=$1
fail() { echo "FAIL: $*"; exit 1; }
out=$("$jx" 2>&1); s=$?
[ $s -eq 0 ] || fail "jixiao alone exits $s"
echo "$out" | grep -q "check" && echo "$out" | grep -q "SUBCOMMANDS\|Subcommands" || fail "jixiao alone: no help ($out)"
out=$("$jx" chek x.jx 2>&1); s=$?
[ $s -eq 2 ] || fail "jixiao chek exits $s"
echo "$out" | grep -q 'unknown command "chek"; did you mean "check"?' || fail "no suggestion: $out"
out=$("$jx" xyzzy 2>&1); s=$?
[ $s -eq 2 ] && echo "$out" | grep -q 'unknown command "xyzzy" (commands: check' || fail "an unknown command: $out"
echo "help alone, suggestions for a typo"
