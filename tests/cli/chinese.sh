#!/bin/sh
# The message language as a user meets it: `LANG=zh_CN.UTF-8 jixiao check indicator_specs` prints
# Chinese only (apart from codes, file names, the spec's own lines and formulas); --lang en and the
# C locale give English; LC_ALL overrides LANG, LANGUAGE comes first; the help is Chinese; JSON
# keys and codes do not change, its messages do.
set -u
jx=$1 specs=$2
fail() { echo "FAIL: $*"; exit 1; }
clean() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@"; }

zh=$(clean LANG=zh_CN.UTF-8 "$jx" check --color never "$specs" 2>&1)
echo "$zh" | grep -q '^已核查 27 个文件' || fail "no Chinese summary: $(echo "$zh" | tail -3)"
echo "$zh" | grep -q '错误\[total-weight-mismatch\]: 总分分值填报为 100，但各行分值合计为 85' ||
    fail "no Chinese finding"
# What is left once the spec's lines (N | …), the codes, the file names, the per-code counts and
# the policy's formulas (min(…)) are taken out must hold no English word.
english=$(echo "$zh" | grep -v '^ *[0-9]* |' | grep -v '^ *|' |
    sed -E 's/\[[a-z0-9-]+\]//g; s/^[^ ]*\.jx(:[0-9]+:[0-9]+)?://; s/min\(//g' |
    grep -vE '^ +[0-9]+  [a-z0-9-]+$' | grep -E '[A-Za-z]{3,}')
[ -z "$english" ] || fail "English in the Chinese output:
$english"

clean LANG=zh_CN.UTF-8 "$jx" check --lang en --color never "$specs" 2>&1 | grep -q '^checked 27 files' ||
    fail "--lang en did not give English"
clean LANG=C "$jx" check --color never "$specs" 2>&1 | grep -q '^checked 27 files' ||
    fail "the C locale did not give English"
clean "$jx" check --color never "$specs" 2>&1 | grep -q '^checked 27 files' ||
    fail "no locale did not give English"
clean LANG=C "$jx" check --lang zh --color never "$specs" 2>&1 | grep -q '^已核查 27 个文件' ||
    fail "--lang zh did not give Chinese"
clean LC_ALL=C LANG=zh_CN.UTF-8 "$jx" check --color never "$specs" 2>&1 | grep -q '^checked' ||
    fail "LC_ALL=C did not override LANG"
clean LANGUAGE=zh_CN LANG=en_US.UTF-8 "$jx" check --color never "$specs" 2>&1 | grep -q '^已核查' ||
    fail "LANGUAGE did not come first"

help=$(clean LANG=zh_CN.UTF-8 "$jx" check --help 2>&1)
echo "$help" | grep -q '重算每一项得分' || fail "the help is not Chinese: $help"
echo "$help" | grep -q -- '--lang' || fail "the help does not list --lang"

json=$(clean LANG=zh_CN.UTF-8 "$jx" check --format json "$specs" 2>&1)
echo "$json" | grep -q '"code":"total-weight-mismatch","severity":"error"' || fail "JSON codes or keys changed"
echo "$json" | grep -q '"message":"总分分值填报为 100' || fail "JSON message is not Chinese"

clean "$jx" check --lang fr "$specs" > /dev/null 2>&1 && fail "--lang fr was accepted"
echo "Chinese by locale or --lang, English otherwise; codes and JSON keys unchanged"
