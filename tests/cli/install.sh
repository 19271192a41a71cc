#!/bin/sh
# cmake --install puts the command, its documents and the engine where a prefix says, and a
# program built with find_package(jixiao) against that prefix works.
set -u
build=$1 source=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
cmake --install "$build" --prefix "$out/prefix" > "$out/install.log" 2>&1 || { cat "$out/install.log"; fail "install"; }
"$out/prefix/bin/jixiao" --version | grep -q '^jixiao [0-9]' || fail "the installed jixiao does not run"
for f in README.md scoring-policy.md REFERENCE.md examples/01-minimal.jx; do
    [ -f "$out/prefix/share/doc/jixiao/$f" ] || fail "share/doc/jixiao/$f not installed"
done
"$out/prefix/bin/jixiao" check "$out/prefix/share/doc/jixiao/examples/01-minimal.jx" > /dev/null || fail "the installed example does not check"
# The Chinese catalog, found by the installed binary beside it (the prefix is not the one built for).
[ -s "$out/prefix/share/locale/zh_CN/LC_MESSAGES/jixiao.mo" ] || fail "no catalog in share/locale"
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$out/prefix/bin/jixiao" check --help |
    grep -q '重算每一项得分' || fail "the installed jixiao does not speak Chinese"
# The man page and the shell completions.
[ -s "$out/prefix/share/man/man1/jixiao.1" ] || fail "no man page in share/man/man1"
grep -q '^\.SH "COMMAND: CHECK"\|COMMAND: CHECK' "$out/prefix/share/man/man1/jixiao.1" || fail "the man page has no section per command"
[ -s "$out/prefix/share/zsh/site-functions/_jixiao" ] || fail "no zsh completion"
completion="$out/prefix/share/bash-completion/completions/jixiao"
[ -s "$completion" ] || fail "no bash completion"
got=$(bash -c ". '$completion'; COMP_WORDS=(jixiao ch); COMP_CWORD=1; _jixiao; echo \"\${COMPREPLY[*]}\"")
[ "$got" = "check" ] || fail "bash completion of 'jixiao ch' gives '$got'"
got=$(bash -c ". '$completion'; COMP_WORDS=(jixiao check --format j); COMP_CWORD=3; _jixiao; echo \"\${COMPREPLY[*]}\"")
[ "$got" = "json jsonl" ] || fail "bash completion of '--format j' gives '$got'"
cmake -S "$source/tests/install" -B "$out/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$out/prefix" > "$out/consumer.log" 2>&1 &&
    cmake --build "$out/consumer" >> "$out/consumer.log" 2>&1 || { cat "$out/consumer.log"; fail "a find_package(jixiao) program does not build"; }
"$out/consumer/consumer" > "$out/consumer.out"
[ $? -eq 1 ] && grep -q total-score-mismatch "$out/consumer.out" || { cat "$out/consumer.out"; fail "the consumer's check is wrong"; }
echo "installed and used through find_package(jixiao)"
