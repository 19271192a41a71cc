#!/bin/sh
# The tables of tests/data/import/templates, imported, rendered as xlsx in each built-in template:
# LibreOffice opens every workbook (and converts it to PDF), and each imports back whole.
set -u
jx=$1 fixtures=$2 out=$3
fail() { echo "$1"; exit 1; }
rm -rf "$out" && mkdir -p "$out/xlsx" "$out/pdf"
"$jx" import "$fixtures/sichuan-filled.csv" "$fixtures/central-anhui.csv" -o "$out/specs" > "$out/import.log" 2>&1 ||
    { cat "$out/import.log"; fail "the fixtures did not import whole"; }
for t in central beijing sichuan; do
    for s in "$out"/specs/*.jx; do
        "$jx" render "$s" --template "$t" -f xlsx -o "$out/xlsx/$t-$(basename "$s" .jx).xlsx" > /dev/null ||
            fail "render --template $t $s failed"
    done
done
n=$(ls "$out"/xlsx/*.xlsx | wc -l)
[ "$n" -eq 6 ] || fail "only $n workbooks"
HOME="$out/home" timeout 600 libreoffice --headless --norestore -env:UserInstallation="file://$out/profile" \
    --convert-to pdf --outdir "$out/pdf" "$out"/xlsx/*.xlsx > "$out/lo.log" 2>&1 || { cat "$out/lo.log"; exit 1; }
for f in "$out"/xlsx/*.xlsx; do
    pdf="$out/pdf/$(basename "$f" .xlsx).pdf"
    [ -s "$pdf" ] || { cat "$out/lo.log"; fail "LibreOffice did not convert $f"; }
    head -c 5 "$pdf" | grep -q '%PDF-' || fail "$pdf is not a PDF"
    t=$(basename "$f" | cut -d- -f1)
    "$jx" import "$f" --template "$t" -o "$out/back/$(basename "$f" .xlsx)" > "$out/back.log" 2>&1 ||
        { cat "$out/back.log"; fail "$f did not import back whole"; }
done
echo "LibreOffice opened and converted $n workbooks in the three templates; each imports back whole"
