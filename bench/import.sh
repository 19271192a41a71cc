#!/usr/bin/env bash
# Import throughput per source format, on this machine:
#   bash bench/import.sh [COPIES]      (default 40)
# Sources: the text dumps of ../shared/seeds (29 tables), and the 27 specs of indicator_specs/
# rendered to csv and xlsx by jixiao, to docx by LibreOffice Writer (html → docx) and to pdf by
# LibreOffice Calc (xlsx → pdf) and Chromium (html → pdf), each set
# copied COPIES times into a directory of its own. `jixiao import` reads every directory; the
# best of BENCH_ROUNDS (default 3) runs is reported as tables per second, with peak RSS, and the
# report is written to bench/results/import-<machine>-<date>.txt. (.doc and .xls go through a
# LibreOffice conversion per file, whose start-up dominates; they are not timed here.)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-40}
rounds=${BENCH_ROUNDS:-3}
bash scripts/run.sh build-only
command -v soffice > /dev/null || { echo "bench/import.sh needs LibreOffice Writer (libreoffice-writer-nogui)" >&2; exit 2; }
[ -x /usr/bin/time ] || { apt-get install -y -qq time > /dev/null; }
build=build-bench
cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DJIXIAO_BENCH=ON > /dev/null
cmake --build $build -j "$(nproc)" --target jixiao > /dev/null
jx=$build/jixiao
work=${BENCH_DIR:-/tmp/jixiao-bench-import}
rm -rf "$work" && mkdir -p "$work"/{one,src,out}
mkdir -p bench/results
report=bench/results/import-$(uname -m)-$(nproc)core-$(date +%Y%m%d).txt

# One copy of each format.
mkdir -p "$work/one"/{txt,csv,xlsx,html,docx,pdf,pdf-chromium}
cp ../shared/seeds/*.txt "$work/one/txt/"
for spec in indicator_specs/*/*.jx; do
    b=$(basename "$spec" .jx)
    "$jx" render "$spec" -f csv -o "$work/one/csv/$b.csv" > /dev/null
    "$jx" render "$spec" -f xlsx -o "$work/one/xlsx/$b.xlsx" > /dev/null
    "$jx" render "$spec" -f html -o "$work/one/html/$b.html" > /dev/null
done
soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to 'docx:MS Word 2007 XML' \
    --outdir "$work/one/docx" "$work"/one/html/*.html > /dev/null 2>&1
soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf \
    --outdir "$work/one/pdf" "$work"/one/xlsx/*.xlsx > /dev/null 2>&1
for page in "$work"/one/html/*.html; do
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/chromium" --no-pdf-header-footer \
        --print-to-pdf="$work/one/pdf-chromium/$(basename "$page" .html).pdf" "file://$page" > /dev/null 2>&1
done

{
echo "# jixiao import throughput per format"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "each figure: the best of $rounds runs of jixiao import over $copies copies of each source set"
echo
printf '%-12s %8s %8s %10s %12s %9s\n' format files tables MB seconds tables/s
for format in txt csv xlsx docx pdf pdf-chromium; do
    dir=$work/src/$format
    mkdir -p "$dir"
    for i in $(seq 1 "$copies"); do
        for f in "$work/one/$format"/*; do cp "$f" "$dir/$i-$(basename "$f")"; done
    done
    files=$(find "$dir" -type f | wc -l)
    bytes=$(du -cb "$dir" | tail -1 | cut -f1)
    best="" rss=0 tables=0
    for r in $(seq 1 "$rounds"); do
        rm -rf "$work/out/$format"
        sync
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$jx" import "$dir" -o "$work/out/$format" > "$work/import.log" 2>&1 || true
        read -r secs kb < <(tail -n 1 "$work/time.txt")
        tables=$(sed -n 's/^imported \([0-9]*\) of.*/\1/p' "$work/import.log")
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs; fi
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    rate=$(awk -v t="$tables" -v s="$best" 'BEGIN { printf "%.0f", (s > 0 ? t / s : 0) }')
    printf '%-12s %8d %8d %10.1f %12s %9s   peak RSS %d MB\n' "$format" "$files" "$tables" \
        "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$best" "$rate" $((rss / 1024))
done
} | tee "$report"
echo "written to $report"
