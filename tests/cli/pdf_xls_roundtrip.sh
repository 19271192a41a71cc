#!/bin/sh
# PDF and Excel 97 files as a clerk's tools make them: every spec of indicator_specs/ rendered to
# xlsx and html; LibreOffice (headless) turns each xlsx into .pdf and .xls, Chromium prints each
# html page to PDF; each imports back to the spec it came from, row for row (weights, reported
# scores and so the recomputed ones). Usage: pdf_xls_roundtrip.sh JIXIAO SPECS OUT
set -u
jx=$1 specs=$2 out=$3
rm -rf "$out" && mkdir -p "$out/xlsx" "$out/html" "$out/lo-pdf" "$out/xls" "$out/chromium-pdf"
fail() { echo "FAIL: $*"; exit 1; }
. "$(dirname "$0")/spec_fields.sh"
command -v soffice > /dev/null || fail "soffice (libreoffice-calc-nogui) is not installed"
chromium=$(command -v chromium || command -v chromium-browser) || fail "chromium is not installed"
for spec in "$specs"/*/*.jx; do
    b=$(basename "$spec" .jx)
    "$jx" render "$spec" -f xlsx -o "$out/xlsx/$b.xlsx" > /dev/null || fail "render $spec as xlsx"
    "$jx" render "$spec" -f html -o "$out/html/$b.html" > /dev/null || fail "render $spec as html"
done
# One LibreOffice for each conversion, with a profile of its own.
for to in pdf xls; do
    dir=$([ $to = pdf ] && echo lo-pdf || echo xls)
    timeout 900 soffice -env:UserInstallation=file://"$out/profile" --headless \
        --convert-to $to --outdir "$out/$dir" "$out"/xlsx/*.xlsx > "$out/convert-$to.log" 2>&1 ||
        { cat "$out/convert-$to.log"; fail "LibreOffice could not write .$to"; }
done
# Chromium prints as a browser's "Save as PDF" does (no header or footer).
for page in "$out"/html/*.html; do
    b=$(basename "$page" .html)
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$out/chromium-profile" --no-pdf-header-footer \
        --print-to-pdf="$out/chromium-pdf/$b.pdf" "file://$page" > "$out/chromium.log" 2>&1 ||
        { cat "$out/chromium.log"; fail "Chromium could not print $b"; }
    [ -s "$out/chromium-pdf/$b.pdf" ] || fail "Chromium wrote no PDF for $b"
done
for kind in lo-pdf xls chromium-pdf; do
    mkdir -p "$out/specs-$kind"
    "$jx" import "$out/$kind" -o "$out/specs-$kind" > "$out/import-$kind.log" 2>&1 ||
        { cat "$out/import-$kind.log"; fail "the $kind documents did not import whole"; }
    n=0
    for spec in "$specs"/*/*.jx; do
        b=$(basename "$spec" .jx)
        got="$out/specs-$kind/$b-01.jx"
        [ -f "$got" ] || fail "$b ($kind): not imported"
        [ ! -f "$out/specs-$kind/$b-02.jx" ] || fail "$b ($kind): read as more than one table"
        fields "$spec" > "$out/a.txt"
        fields "$got" > "$out/b.txt"
        diff "$out/a.txt" "$out/b.txt" > "$out/$b-$kind.diff" ||
            { cat "$out/$b-$kind.diff"; fail "$b: differs after the $kind round trip"; }
        n=$((n + 1))
    done
    echo "$n specs: $kind imports back to each spec"
done
