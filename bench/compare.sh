#!/usr/bin/env bash
# Before and after: jixiao check at another commit against the working tree, on the same
# corpora, the runs interleaved, each figure the best of BENCH_ROUNDS (default 5):
#   bash bench/compare.sh BASE_COMMIT [N...]      (default N: 10000 100000)
# Prints each time and the ratio new / old, and a verdict against a 5% regression budget.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/compare.sh BASE_COMMIT [N...]}
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
rounds=${BENCH_ROUNDS:-5}
work=${BENCH_DIR:-/tmp/jixiao-bench}
mkdir -p "$work"

bash scripts/run.sh build-only
new=build-bench
cmake -S . -B $new -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DJIXIAO_BENCH=ON > /dev/null
cmake --build $new -j "$(nproc)" --target jixiao bench_generate > /dev/null
old_src=$work/base-$base
if [ ! -x "$old_src/build/jixiao" ]; then
    rm -rf "$old_src"
    git worktree add -f --detach "$old_src" "$base" > /dev/null 2>&1 || git -C "$old_src" checkout -q "$base"
    cmake -S "$old_src" -B "$old_src/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
    cmake --build "$old_src/build" -j "$(nproc)" --target jixiao > /dev/null
fi

seconds() { # the wall time of one check run, to the millisecond (GNU time's %e has 10 ms steps)
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", (b - a) / 1e9 }'
}
{
echo "# jixiao check before ($base) and after ($(git rev-parse --short HEAD)$(git diff --quiet || echo ', with uncommitted changes'))"
echo "machine: $(nproc) cores, $(uname -sr); each figure the best of $rounds interleaved runs"
worst=0
for n in "${sizes[@]}"; do
    dir=$work/corpus-$n
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"
        $new/bench/bench_generate indicator_specs "$n" "$dir" > /dev/null
        touch "$dir/.done"
    fi
    find "$dir/jx" -type f -print0 | xargs -0 cat > /dev/null
    b_cat=""
    for ((r = 1; r <= rounds; r++)); do
        t=$(seconds sh -c "find '$dir/jx' -name '*.jx' -print0 | xargs -0 cat")
        [ -z "$b_cat" ] || awk -v a="$t" -v b="$b_cat" 'BEGIN { exit !(a < b) }' && b_cat=$t
    done
    for jobs in 1 2; do
        b_old="" b_new=""
        for ((r = 1; r <= rounds; r++)); do
            t=$(seconds "$old_src/build/jixiao" check --jobs $jobs --format jsonl "$dir/jx")
            [ -z "$b_old" ] || awk -v a="$t" -v b="$b_old" 'BEGIN { exit !(a < b) }' && b_old=$t
            t=$(seconds "$new/jixiao" check --jobs $jobs --format jsonl "$dir/jx")
            [ -z "$b_new" ] || awk -v a="$t" -v b="$b_new" 'BEGIN { exit !(a < b) }' && b_new=$t
        done
        ratio=$(awk -v a="$b_new" -v b="$b_old" 'BEGIN { printf "%.3f", a / b }')
        worst=$(awk -v a="$ratio" -v b="$worst" 'BEGIN { print (a > b ? a : b) }')
        printf "N = %6d, --jobs %d: before %7.3f s, after %7.3f s, after / before = %s\n" "$n" $jobs "$b_old" "$b_new" "$ratio"
        [ $jobs -eq 1 ] && awk -v c="$b_cat" -v j="$b_new" 'BEGIN { printf "            the floor: cat %.2f s; check --jobs 1 takes %.1fx as long as cat (%.3f of its throughput)\n", c, j / c, c / j }' 
    done
done
awk -v w="$worst" 'BEGIN { printf "%s slowest after / before = %.3f (budget: 1.05)\n", (w <= 1.05 ? "met    " : "NOT MET"), w }'
} | tee "bench/results/compare-$base-$(git rev-parse --short HEAD)-$(date +%Y%m%d).txt"
