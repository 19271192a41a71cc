#!/bin/bash
# Every user-facing message goes through the catalog, and the Chinese catalog translates them all:
#  1. xgettext extracts the messages of the sources (tr, trf, N_, the syntax error table) and
#     msgcmp holds po/zh_CN.po to them: a message without a translation, or only a fuzzy one,
#     fails (msgcmp counts neither as present).
#  2. No message escapes the marking: a fmt::format, a diagnostic, a note or a label with English
#     words and no tr()/trf() is reported, apart from the strings that are not messages (listed
#     below with the reason).
# Usage: coverage.sh SOURCE_DIR
set -u
src=${1:?usage: coverage.sh SOURCE_DIR}
cd "$src" || exit 2
status=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mapfile -t sources < <(find src -name '*.cpp' -o -name '*.hpp' | sort)
xgettext --language=C++ --from-code=UTF-8 --no-wrap --keyword= --keyword=tr --keyword=trf \
    --keyword=JX_ERROR:3 --keyword=N_ --flag=tr:1:no-c-format --flag=trf:1:no-c-format \
    --flag=JX_ERROR:3:no-c-format --flag=N_:1:no-c-format -o "$scratch/jixiao.pot" "${sources[@]}" ||
    { echo "xgettext failed"; exit 1; }
if ! msgcmp po/zh_CN.po "$scratch/jixiao.pot"; then
    echo "FAIL: po/zh_CN.po lacks translations of the messages above (cmake --build build --target pot, then translate)"
    status=1
fi
if [ -n "$(msgattrib --only-fuzzy --no-obsolete po/zh_CN.po)" ]; then
    echo "FAIL: po/zh_CN.po has fuzzy entries:"
    msgattrib --only-fuzzy --no-obsolete po/zh_CN.po
    status=1
fi
if [ -n "$(msgattrib --untranslated --no-obsolete po/zh_CN.po)" ]; then
    echo "FAIL: po/zh_CN.po has untranslated entries:"
    msgattrib --untranslated --no-obsolete po/zh_CN.po
    status=1
fi

# Strings with English words that are not messages: markup and SQL, the parse tree's debug dump
# (tests read it), a temporary file's name, a shell command shown as is, a formula.
allowed='src/syntax/ast\.cpp|src/render/html_writer\.cpp|src/render/disclosure\.cpp|XXXXXX|soffice --headless|max\(0, 1|CREATE TABLE|INSERT INTO|\.jixiao-\{\}\.partial'
unmarked=$(grep -rnE 'fmt::format\(\s*"[^"]*[A-Za-z]{3,}' src | grep -vE "$allowed")
# A diagnostic, note or label given an English literal directly.
direct=$(grep -rnE '(make_(error|warning|note)\("[a-z0-9-]+",\s*|\.note\(|\.label\([^,()]+,\s*)"[^"]*[A-Za-z]{3,}' src)
if [ -n "$unmarked$direct" ]; then
    echo "FAIL: messages outside the catalog (wrap them in tr() or trf()):"
    printf '%s\n' "$unmarked" "$direct" | grep -v '^$'
    status=1
fi
[ $status = 0 ] && echo "catalog: every message marked, $(grep -c '^msgid' "$scratch/jixiao.pot") messages translated"
exit $status
