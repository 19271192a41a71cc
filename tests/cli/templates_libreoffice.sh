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
# The html page of each table in its own template, made a Word document by LibreOffice Writer:
# the template is recognised from the document's headings and the table imports back whole.
mkdir -p "$out/html" "$out/docx"
"$jx" render "$out/specs/sichuan-filled-01.jx" -f html -o "$out/html/sichuan.html" > /dev/null || fail "render html"
"$jx" render "$out/specs/central-anhui-01.jx" -f html -o "$out/html/central.html" > /dev/null || fail "render html"
HOME="$out/home" timeout 600 libreoffice --headless --norestore -env:UserInstallation="file://$out/profile" \
    --writer --convert-to 'docx:MS Word 2007 XML' --outdir "$out/docx" "$out"/html/*.html > "$out/lo-docx.log" 2>&1 ||
    { cat "$out/lo-docx.log"; fail "LibreOffice could not write .docx"; }
for t in sichuan central; do
    "$jx" import "$out/docx/$t.docx" -o "$out/docx-specs" > "$out/docx.log" 2>&1 ||
        { cat "$out/docx.log"; fail "$t.docx did not import back whole"; }
done
grep -q '模板 "sichuan"' "$out/docx-specs/sichuan-01.jx" || fail "sichuan.docx: the template was not recognised"
grep -q '模板 "central"' "$out/docx-specs/central-01.jx" || fail "central.docx: the template was not recognised"
grep -q '偏差原因 "部分服务费用年底未结算"' "$out/docx-specs/sichuan-01.jx" || fail "sichuan.docx: the funds reason was lost"
echo "LibreOffice opened and converted $n workbooks in the three templates; each imports back whole;"
echo "the Sichuan and central tables as Word documents import back whole, their templates recognised"
