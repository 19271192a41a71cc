#!/usr/bin/env bash
# The language server's latency, from a change to its diagnostics, on this machine:
#   bash bench/lsp_latency.sh [INDICATORS] [CHANGES]     (default: 1000 200)
# Builds the Release command and bench/lsp_latency.cpp in build-bench, runs `jixiao lsp` on a
# generated document of INDICATORS rows, times each change through the process's pipes, and
# writes the report to bench/results/lsp-latency-<machine>-<date>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
indicators=${1:-1000}
changes=${2:-200}
bash scripts/run.sh build-only
build=build-bench
cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DJIXIAO_BENCH=ON > /dev/null
cmake --build $build -j "$(nproc)" --target jixiao bench_lsp_latency > /dev/null
mkdir -p bench/results
report=bench/results/lsp-latency-$(uname -m)-$(nproc)core-$(date +%Y%m%d).txt
{
echo "# jixiao lsp: latency from a change to its diagnostics"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown); build: Release"
echo
"$build/bench/bench_lsp_latency" "$build/jixiao" "$indicators" "$changes"
} | tee "$report"
echo "report written to $report"
