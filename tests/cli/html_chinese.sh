#!/bin/sh
# The html report under a Chinese locale holds no English sentence: the report of every spec, a
# project's page and a disclosure's report are opened in headless Chromium and the text it shows
# (document.body.innerText) is searched for two English words in a row — codes (kebab-case), file
# names and single words of the tables' own text (TOP150, PPT) are not sentences. The same search
# on the English report must find sentences, or the search proves nothing.
set -u
jx=$1 specs=$2 disclosure=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
       --disable-component-update --disable-sync --user-data-dir=$out/profile"
shown_text() { # page.html → the text Chromium shows, one line per line
    sed 's#</body>#<script>window.addEventListener("load", function () {\
  var pre = document.createElement("pre"); pre.id = "shown"; pre.textContent = document.body.innerText;\
  document.body.innerHTML = ""; document.body.appendChild(pre); });</script></body>#' "$1" > "$1.probe.html"
    timeout 120 chromium $flags --virtual-time-budget=3000 --dump-dom "file://$1.probe.html" 2> /dev/null |
        sed -n '/<pre id="shown">/,/<\/pre>/p' | sed 's/<[^>]*>//g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g'
}
sentences() { grep -E '[A-Za-z]{2,} [A-Za-z]{2,}'; }

env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$jx" render "$specs" -f html --scores both -o "$out/zh" > /dev/null ||
    fail "render failed"
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$jx" render "$disclosure" -f html -o "$out/zh-disclosure.html" > /dev/null ||
    fail "render of the disclosure failed"
page=$(find "$out/zh" -name '*科普项目*.html' | head -1)
[ -n "$page" ] || fail "no project page"
for f in "$out/zh/index.html" "$page" "$out/zh-disclosure.html"; do
    text=$(shown_text "$f")
    [ "$(echo "$text" | wc -l)" -gt 10 ] || fail "Chromium showed nothing of $f"
    found=$(echo "$text" | sentences)
    [ -z "$found" ] || fail "English in $f:
$found"
done
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C "$jx" render "$specs" -f html --scores both -o "$out/en" > /dev/null ||
    fail "render failed"
[ -n "$(shown_text "$out/en/index.html" | sentences)" ] || fail "the English report shows no English sentence: the search is blind"
echo "no English sentence in the Chinese report, its project page or the disclosure's report"
