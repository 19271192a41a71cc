#!/bin/sh
# A real editor as the client: Neovim headless (Debian's neovim, 0.7.2) opens a spec with the
# editors/nvim/jixiao.lua setup and must receive the diagnostic through its built-in LSP client;
# then Neovim applies the rate's quick fix itself, and the diagnostic must go.
#   nvim_lsp.sh JIXIAO SOURCE_DIR WORK_DIR
set -eu
bin=$1 src=$2 work=$3
command -v nvim >/dev/null || { echo "nvim is not installed (apt-get install neovim)"; exit 1; }
rm -rf "$work"
mkdir -p "$work"
# The real table 001-26, whose 执行率 80% is 31.6 / 31.6 = 100% (line 9), under a name of its own.
cp "$src/indicator_specs/fengtai-2022/001-26-中小企业发展专项资金.jx" "$work/中小企业.jx"
# --clean: no user configuration; HOME and XDG dirs inside the work directory, so that nothing
# of the machine's Neovim state is read or written.
HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state \
XDG_CACHE_HOME=$work/cache JIXIAO_BIN=$bin JIXIAO_PLUGIN=$src/editors/nvim/jixiao.lua \
JIXIAO_SPEC=$work/中小企业.jx JIXIAO_OUT=$work/out.txt \
    timeout 60 nvim --headless --clean -c "luafile $src/tests/cli/nvim_lsp.lua" >/dev/null 2>&1 || true
# Columns in bytes, as Neovim holds them after converting the server's UTF-16 positions: the 80%
# after 26 CJK characters and 31 other characters is at byte 109 (code point 57, UTF-16 unit 57).
expected='filetype jixiao
diagnostic 8:109-8:112 severity 1 [budget-rate-mismatch] 执行率 is reported as 80% but 31.6 / 31.6 = 100%
diagnostic 9:107-9:110 severity 1 [budget-rate-mismatch] the 当年财政拨款 row reports 执行率 80% but 31.6 / 31.6 = 100%
diagnostic 33:284-33:285 severity 2 [missing-deviation-reason] "对参赛企业影响" loses 1 of 10 points and gives no deviation reason
diagnostic 36:163-36:164 severity 2 [missing-deviation-reason] "对我区创新创业氛围影响" loses 1 of 10 points and gives no deviation reason
diagnostic 39:230-39:231 severity 2 [missing-deviation-reason] "对我区创新创业生态构建影响" loses 1 of 10 points and gives no deviation reason
diagnostic 43:287-43:288 severity 2 [missing-deviation-reason] "对我区创新创业环境持续影响" loses 1 of 10 points and gives no deviation reason
diagnostic 47:4-47:30 severity 3 [category-variant] "服务对象满意度标" is read as 服务对象满意度指标, as published templates misspell it
diagnostic 48:141-48:142 severity 2 [score-understated] "服务满意度" reports 9 points, less than the 10 the rules give
hover **预算执行率** (分值 10)
action Set 执行率 to 100%
line     年度资金总额  年初预算数 40  全年预算数 31.6  全年执行数 31.6  分值 10  执行率 100%  得分 8
rate diagnostic gone
exit 0'
actual=$(cat "$work/out.txt" 2>/dev/null || echo "(Neovim wrote nothing)")
if [ "$actual" != "$expected" ]; then
    echo "expected:"; echo "$expected"; echo "got:"; echo "$actual"
    exit 1
fi
echo "Neovim received the diagnostics and the hover, applied the quick fix, and the diagnostic went"
