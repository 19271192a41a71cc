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
. "$(dirname "$0")/spec_fields.sh"
n=0
for spec in "$specs"/*/*.jx; do
    b=$(basename "$spec" .jx)
    [ -f "$out/specs/$b-01.jx" ] || fail "$b: not imported"
    fields "$spec" > "$out/a.txt"
    fields "$out/specs/$b-01.jx" > "$out/b.txt"
    diff "$out/a.txt" "$out/b.txt" > "$out/$b.diff" || { cat "$out/$b.diff"; fail "$b: differs after html → docx → import"; }
    n=$((n + 1))
done
echo "$n specs: html → docx (LibreOffice) → import gives each spec back"

# The binary formats a clerk may still save (Word 97 .doc, Excel 97 .xls): import reads them
# through LibreOffice and gives the spec back too.
mkdir -p "$out/binary" "$out/binary-specs"
k=0
for spec in "$specs"/*/001-0[1-4]*.jx; do
    b=$(basename "$spec" .jx)
    cp "$out/html/$b.html" "$out/binary/$b-w.html"
    "$jx" render "$spec" -f xlsx -o "$out/binary/$b-x.xlsx" > /dev/null || fail "render $spec as xlsx"
    k=$((k + 1))
done
timeout 600 soffice -env:UserInstallation=file://"$out/profile" --headless \
    --convert-to 'doc:MS Word 97' --outdir "$out/binary" "$out"/binary/*-w.html > "$out/convert-doc.log" 2>&1 ||
    { cat "$out/convert-doc.log"; fail "LibreOffice could not write .doc"; }
timeout 600 soffice -env:UserInstallation=file://"$out/profile" --headless \
    --convert-to xls --outdir "$out/binary" "$out"/binary/*-x.xlsx > "$out/convert-xls.log" 2>&1 ||
    { cat "$out/convert-xls.log"; fail "LibreOffice could not write .xls"; }
rm "$out"/binary/*.html "$out"/binary/*.xlsx
"$jx" import "$out"/binary/*.doc "$out"/binary/*.xls -o "$out/binary-specs" > "$out/import-binary.log" 2>&1 ||
    { cat "$out/import-binary.log"; fail "the .doc and .xls documents did not import whole"; }
grep -q "note: a binary office document, read as the docx LibreOffice made of it" "$out/import-binary.log" ||
    fail "the conversion is not said"
for spec in "$specs"/*/001-0[1-4]*.jx; do
    b=$(basename "$spec" .jx)
    for kind in w x; do
        fields "$spec" > "$out/a.txt"
        fields "$out/binary-specs/$b-$kind-01.jx" > "$out/b.txt" 2> /dev/null || fail "$b ($kind): not imported"
        diff "$out/a.txt" "$out/b.txt" > "$out/$b-$kind.diff" || { cat "$out/$b-$kind.diff"; fail "$b: differs after the .doc/.xls round trip"; }
    done
done
echo "$k specs: as .doc (html → Word 97) and .xls (xlsx → Excel 97) through LibreOffice, each imports back"
