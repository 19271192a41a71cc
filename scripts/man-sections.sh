#!/bin/sh
# The man page's per-command sections (help2man --include): each command's --help.
set -eu
jx=$1 out=$2
{
    for cmd in check score fmt fix import render lsp policy; do
        echo "[COMMAND: $cmd]"
        "$jx" "$cmd" --help | sed 's/^Usage: .*jixiao /Usage: jixiao /; s/\\/\\\\/g'
        echo
    done
} > "$out"
