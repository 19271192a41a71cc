#!/bin/sh
# jixiao import on directories: .txt/.csv/.xlsx found recursively (any case), each source's specs
# under its subdirectory of the output; two sources that would write the same spec in one run
# are caught, not overwritten.
set -u
jx=$1 seed=$2 out=$3
rm -rf "$out" && mkdir -p "$out/src/a" "$out/src/b" "$out/src/empty"
cp "$seed" "$out/src/a/x.txt"
cp "$seed" "$out/src/b/x.TXT"
echo "notes" > "$out/src/b/readme.md"
cd "$out"
"$jx" import src -o specs > stdout 2> stderr; s=$?
[ "$s" -eq 0 ] || { echo "directory import exited $s"; cat stdout stderr; exit 1; }
"$jx" import src/a/x.txt src/b/x.TXT -o flat > stdout2 2> stderr2; s=$?
[ "$s" -eq 1 ] || { echo "clashing import exited $s, expected 1"; cat stdout2 stderr2; exit 1; }
"$jx" import src/empty -o none > stdout3 2> stderr3; s=$?
[ "$s" -eq 0 ] || { echo "empty directory import exited $s"; exit 1; }
"$jx" import --from csv src -o csv-only > stdout4 2> stderr4; s=$?
[ "$s" -eq 0 ] || { echo "--from csv import exited $s"; exit 1; }
cat > expected <<'EOF'
wrote specs/a/x-00.jx  (the prose's claims: 3; department-level tables: 0)
wrote specs/a/x-01.jx  (2023年西城家园社会治理服务平台建设项目)
wrote specs/b/x-00.jx  (the prose's claims: 3; department-level tables: 0)
wrote specs/b/x-01.jx  (2023年西城家园社会治理服务平台建设项目)
imported 2 of 2 project tables (2 whole, 0 with unplaced cells kept as comments, 0 failed); the claims of 2 disclosures' prose
--
error[duplicate-target]: flat/x-00.jx was written from src/a/x.txt in this run; not written again from the claims of the prose of src/b/x.TXT
error[duplicate-target]: flat/x-01.jx was written from src/a/x.txt in this run; not written again from the table of src/b/x.TXT at line 380
wrote flat/x-00.jx  (the prose's claims: 3; department-level tables: 0)
wrote flat/x-01.jx  (2023年西城家园社会治理服务平台建设项目)
imported 1 of 2 project tables (1 whole, 0 with unplaced cells kept as comments, 1 failed); the claims of 1 disclosure's prose; 1 prose's claims not written
--
src/empty: warning[no-table]: no file to import in it (searched for *.txt, *.csv, *.xlsx, *.docx, *.pdf, *.doc, *.xls, *.wps, *.et)
imported 0 of 0 project tables (0 whole, 0 with unplaced cells kept as comments, 0 failed)
--
src: warning[no-table]: no file to import in it (searched for *.csv)
imported 0 of 0 project tables (0 whole, 0 with unplaced cells kept as comments, 0 failed)
EOF
{ cat stderr stdout; echo --; cat stderr2 stdout2; echo --; cat stderr3 stdout3; echo --
  cat stderr4 stdout4; } > actual
diff -u expected actual || exit 1
echo ok
