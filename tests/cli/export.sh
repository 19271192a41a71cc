#!/bin/sh
# jixiao export: the SQLite database opens in sqlite3 and the README's query returns the projects
# whose reported total exceeds the recomputed one; the department-level tables and a published
# index system are there row for row; CSV and JSON Lines hold the same rows.
set -u
jx=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
cd "$src"
"$jx" export indicator_specs tests/golden/disclosure -o "$out/jx.db" > "$out/stdout" || exit 1
"$jx" export --format csv indicator_specs tests/golden/disclosure -o "$out/csv" > /dev/null || exit 1
"$jx" export --format jsonl indicator_specs tests/golden/disclosure -o "$out/jsonl" > /dev/null || exit 1
cat > "$out/expected" <<'END'
exported 30 files to OUT/jx.db: 27 projects, 218 rows, 28 claims, 72 findings
indicator_specs/fengtai-2022/001-02-基层党组织党建活动经费.jx|基层党组织党建活动经费|95|80
27|218|28|72
claim-conflict|4
中关村科技园区门头沟园管理委员会|results|42|
中关村科技园区门头沟园管理委员会|targets|21|490000
5|1|指标1：平台6个新建功能建设|20
END
{
    sed "s|$out|OUT|" "$out/stdout"
    sqlite3 "$out/jx.db" "SELECT file, project, reported_total, recomputed_total FROM projects
                          WHERE total_matches = 0 AND reported_total_e4 > recomputed_total_e4;"
    sqlite3 "$out/jx.db" "SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM rows),
                                 (SELECT count(*) FROM claims), (SELECT count(*) FROM findings);"
    sqlite3 "$out/jx.db" "SELECT code, count(*) FROM findings WHERE code = 'claim-conflict';"
    # The department-level tables, their weights summed exactly (49: department-weight-mismatch).
    sqlite3 "$out/jx.db" "SELECT disclosure, kind, count(*), sum(weight_e4) FROM department_rows
                          GROUP BY 1, 2;"
    "$jx" export tests/golden/check/index-system.jx -o "$out/index.db" > /dev/null
    sqlite3 "$out/index.db" "SELECT (SELECT count(*) FROM index_rows), position, indicator, weight
                             FROM index_rows WHERE position = 1;"
} > "$out/actual"
diff -u "$out/expected" "$out/actual" || exit 1
# CSV: a header and as many records as SQLite has rows (python's csv reads quoted line breaks).
python3 - "$out" <<'PY' || exit 1
import csv, json, sqlite3, sys
out = sys.argv[1]
db = sqlite3.connect(out + "/jx.db")
for table in ["projects", "rows", "claims", "findings", "department_rows", "index_rows"]:
    n = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    with open(f"{out}/csv/{table}.csv", newline="", encoding="utf-8") as f:
        records = list(csv.reader(f))
    assert len(records) == n + 1, (table, len(records), n)
    with open(f"{out}/jsonl/{table}.jsonl", encoding="utf-8") as f:
        lines = [json.loads(l) for l in f]
    assert len(lines) == n, (table, len(lines), n)
PY
echo ok
