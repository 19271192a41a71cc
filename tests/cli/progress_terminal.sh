#!/bin/sh
# On a terminal, check draws a progress bar on stderr that ends at the total; into a pipe, none.
set -u
jx=$1 spec=$2 out=$3
rm -rf "$out" && mkdir -p "$out/specs"
i=0
while [ $i -lt 300 ]; do cp "$spec" "$out/specs/$i.jx"; i=$((i + 1)); done
# script(1) gives the command a terminal; its output, carriage returns and all, lands in a file.
script -qec "'$jx' check --format jsonl '$out/specs' > /dev/null" "$out/terminal.txt" > /dev/null
last=$(tr '\r' '\n' < "$out/terminal.txt" | grep -a 'files' | tail -n 1)
echo "last line: $last"
echo "$last" | grep -q '\[##############################\] 300 / 300 files (100%)' ||
    { echo "no finished progress bar"; exit 1; }
"$jx" check --format jsonl "$out/specs" 2> "$out/pipe.txt" > /dev/null
[ ! -s "$out/pipe.txt" ] || { echo "progress written to a pipe:"; cat "$out/pipe.txt"; exit 1; }
