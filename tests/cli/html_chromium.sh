#!/bin/sh
# The html page (or a directory's report) opens in headless Chromium: a screenshot is taken, the
# console shows no errors, nothing is wider than an A4 page (210 mm at 96 dpi = 794 px), no cell's
# content overflows it, and no cell is too narrow for two characters a line.
set -u
jx=$1 spec=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
# A spec gives one page; a directory gives the report (index.html) and a page per spec.
if [ -d "$spec" ]; then
    "$jx" render "$spec" -f html --scores both -o "$out/site" > /dev/null || { echo "render failed"; exit 1; }
    cp "$out/site/index.html" "$out/page.html"
else
    "$jx" render "$spec" -f html --scores both -o "$out/page.html" > /dev/null || { echo "render failed"; exit 1; }
fi
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
       --disable-component-update --disable-sync --user-data-dir=$out/profile --hide-scrollbars"
timeout 120 chromium $flags --window-size=794,1123 --screenshot="$out/page.png" "file://$out/page.html" \
    > "$out/shot.log" 2>&1
[ -s "$out/page.png" ] || { echo "no screenshot"; cat "$out/shot.log"; exit 1; }
# A copy of the page with a probe that records console errors and the widest element, read back
# from the DOM Chromium dumps (the page itself carries no script).
sed 's#</body>#<script>\
var errors = 0; var origError = console.error; console.error = function () { errors++; origError.apply(console, arguments); };\
window.addEventListener("error", function () { errors++; });\
window.addEventListener("load", function () {\
  var widest = document.documentElement.scrollWidth;\
  var overflowing = 0, narrow = 0, examples = "";\
  document.querySelectorAll("td").forEach(function (td) {\
    if (td.scrollWidth > td.clientWidth + 1) { overflowing++; if (overflowing < 6) examples += " {" + td.textContent.trim().slice(0, 12) + " " + td.clientWidth + "px}"; }\
    var size = parseFloat(getComputedStyle(td).fontSize);\
    var text = td.textContent.trim();\
    if (text.length >= 2 \&\& td.clientWidth < 2.6 * size) { narrow++; if (narrow < 6) examples += " [" + text.slice(0, 8) + " " + td.clientWidth + "px]"; }\
  });\
  document.body.setAttribute("data-probe", "width=" + widest + " errors=" + errors +\
    " overflowing=" + overflowing + " narrow=" + narrow + examples);\
});\
</script></body>#' "$out/page.html" > "$out/probe.html"
timeout 120 chromium $flags --window-size=794,1123 --enable-logging=stderr --v=0 --virtual-time-budget=3000 \
    --dump-dom "file://$out/probe.html" > "$out/dom.html" 2> "$out/console.log"
probe=$(grep -o 'data-probe="[^"]*"' "$out/dom.html")
echo "$probe"
width=$(echo "$probe" | sed 's/.*width=\([0-9]*\).*/\1/')
errors=$(echo "$probe" | sed 's/.*errors=\([0-9]*\).*/\1/')
[ -n "$width" ] && [ "$width" -le 794 ] || { echo "the page is $width px wide, more than A4"; exit 1; }
[ "$errors" = "0" ] || { echo "console errors: $errors"; exit 1; }
overflowing=$(echo "$probe" | sed 's/.*overflowing=\([0-9]*\).*/\1/')
narrow=$(echo "$probe" | sed 's/.*narrow=\([0-9]*\).*/\1/')
[ "$overflowing" = "0" ] || { echo "$overflowing cells overflow their box"; exit 1; }
[ "$narrow" = "0" ] || { echo "$narrow cells are too narrow for two characters a line"; exit 1; }
if grep -i "CONSOLE.*error\|Uncaught" "$out/console.log"; then echo "console errors logged"; exit 1; fi
echo "screenshot $out/page.png; width $width px; no console errors, no cell overflows"
