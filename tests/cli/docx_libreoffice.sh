#!/bin/sh
# Word documents as a clerk's office suite makes them: every spec of indicator_specs/ rendered to
# html, turned into .docx by LibreOffice Writer (headless), and imported back gives the spec it
# came from, row for row (comments, alignment and quotes aside).
set -u
jx=$1 specs=$2 out=$3
rm -rf "$out" && mkdir -p "$out/html" "$out/docx" "$out/specs"
fail() { echo "FAIL: $*"; exit 1; }
command -v soffice > /dev/null || fail "soffice (libreoffice-writer-nogui) is not installed"
for spec in "$specs"/*/*.jx; do
    "$jx" render "$spec" -f html -o "$out/html/$(basename "$spec" .jx).html" > /dev/null ||
        fail "render $spec"
done
# One LibreOffice for all of them, with a profile of its own.
timeout 600 soffice -env:UserInstallation=file://"$out/profile" --headless \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$out/docx" "$out"/html/*.html \
    > "$out/convert.log" 2>&1 || { cat "$out/convert.log"; fail "LibreOffice could not convert"; }
"$jx" import "$out"/docx/*.docx -o "$out/specs" > "$out/import.log" 2>&1 ||
    { cat "$out/import.log"; fail "the documents did not import whole"; }
n=0
for spec in "$specs"/*/*.jx; do
    b=$(basename "$spec" .jx)
    [ -f "$out/specs/$b-01.jx" ] || fail "$b: not imported"
    # The same fields, row for row: comments, alignment, the quotes of a value the importer
    # writes bare (35件/次 for "35件/次"), 总计 for 总分 and a goals block of empty texts aside.
    fields() {
        grep -v '^ *#' "$1" | sed 's/  *#.*$//; s/"//g; s/  */ /g; s/^ 总计 / 总分 /' |
            awk '/^ 年度总体目标 \{$/ { held = $0; n = 0; next }
                 held != "" { lines[n++] = $0
                              if ($0 == " }") { empty = 1
                                  for (i = 0; i < n - 1; i++) if (lines[i] !~ /^ (预期目标|实际完成情况) ?$/) empty = 0
                                  if (!empty) { print held; for (i = 0; i < n; i++) print lines[i] }
                                  held = "" }
                              next }
                 { print }'
    }
    fields "$spec" > "$out/a.txt"
    fields "$out/specs/$b-01.jx" > "$out/b.txt"
    diff "$out/a.txt" "$out/b.txt" > "$out/$b.diff" || { cat "$out/$b.diff"; fail "$b: differs after html → docx → import"; }
    n=$((n + 1))
done
echo "$n specs: html → docx (LibreOffice) → import gives each spec back"
