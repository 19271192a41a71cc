#!/bin/sh
# Every spec in indicator_specs/ renders to an xlsx that LibreOffice opens and converts to PDF.
set -u
jx=$1 specs=$2 out=$3
rm -rf "$out" && mkdir -p "$out/pdf"
"$jx" render "$specs" -f xlsx -o "$out/xlsx" > /dev/null || { echo "render failed"; exit 1; }
# Outputs mirror the specs' subdirectories (indicator_specs/<district>/…).
n=$(ls "$out"/xlsx/*/*.xlsx | wc -l)
[ "$n" -ge 27 ] || { echo "only $n workbooks"; exit 1; }
# One LibreOffice run converts them all; its own profile keeps it from touching the user's.
HOME="$out/home" timeout 600 libreoffice --headless --norestore -env:UserInstallation="file://$out/profile" \
    --convert-to pdf --outdir "$out/pdf" "$out"/xlsx/*/*.xlsx > "$out/lo.log" 2>&1 || { cat "$out/lo.log"; exit 1; }
for f in "$out"/xlsx/*/*.xlsx; do
    pdf="$out/pdf/$(basename "$f" .xlsx).pdf"
    [ -s "$pdf" ] || { echo "LibreOffice did not convert $f"; cat "$out/lo.log"; exit 1; }
    head -c 5 "$pdf" | grep -q '%PDF-' || { echo "$pdf is not a PDF"; exit 1; }
done
echo "LibreOffice opened and converted $n workbooks"
