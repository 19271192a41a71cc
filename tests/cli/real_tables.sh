#!/bin/sh
# Real tables from other provinces (issue #27): ../shared/real-tables (the shared development set)
# and tests/data/real-tables (found by us on public pages, with a hand triage of our own), each
# imported and checked and held against its triage.json by ../shared/tools/score_real_tables.py:
# problems found, false errors, tables imported whole. The per-table lines are a golden, so that a
# table that gets worse (or better) fails until the golden is read and regenerated:
#   JIXIAO_UPDATE_GOLDEN=1 sh tests/cli/real_tables.sh build/jixiao .
set -u
jx=$1 src=$2
tool="$src/../shared/tools/score_real_tables.py"
golden="$src/tests/golden/trust/real-tables.expected"
[ -f "$tool" ] || { echo "no $tool"; exit 1; }
out=$(mktemp)
for dir in "$src/../shared/real-tables" "$src/tests/data/real-tables" "$src/tests/data/real-tables-2"; do
    echo "== $(basename "$(dirname "$dir")")/$(basename "$dir")"
    python3 "$tool" "$jx" "$dir" --verbose 2>&1 | sed 's/; /\n/g'
done > "$out"
if [ "${JIXIAO_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$out" "$golden"
    echo "wrote $golden"
    exit 0
fi
diff -u "$golden" "$out" && echo "the real tables read as the golden says"
status=$?
rm -f "$out"
exit $status
