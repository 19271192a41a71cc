#!/usr/bin/env bash
# One entry point for newcomers and CI. Each command installs what is missing (Debian 12
# packages), builds, and runs:
#   scripts/run.sh demo      check the bundled real tables in indicator_specs/
#   scripts/run.sh test      the whole test suite (CTest)
#   scripts/run.sh sanitize  the whole test suite built with ASan + UBSan
#   scripts/run.sh format-check  C++ sources against the committed .clang-format
#   scripts/run.sh fuzz      each libFuzzer target for FUZZ_SECONDS (default 30) under ASan+UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

# To build and run jixiao.
packages=(g++ cmake ninja-build pkg-config tao-pegtl-dev libicu-dev libfmt-dev libyaml-cpp-dev catch2 libcli11-dev help2man
          libxlsxwriter-dev libzip-dev libpugixml-dev libjemalloc-dev
          libmupdf-dev libmujs-dev libgumbo-dev libopenjp2-7-dev libjbig2dec0-dev libjpeg-dev libfreetype-dev
          libharfbuzz-dev libbrotli-dev nlohmann-json3-dev libsqlite3-dev gettext)
# The tests also open rendered tables as a person would: xlsx in LibreOffice and openpyxl, html in
# Chromium and LibreOffice Writer (which makes the Word documents import reads back); GNU time
# measures the peak memory of a run.
test_packages=(libreoffice-calc-nogui libreoffice-writer-nogui chromium fonts-noto-cjk python3-openpyxl time neovim sqlite3)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== installing: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: not root and no sudo; install: ${missing[*]}" >&2; exit 2; }
        sudo=sudo
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() { # build DIR [cmake options...]
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DBUILD_TESTING=ON -DJIXIAO_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}

cmd=${1:-}
case "$cmd" in
demo)
    install_missing
    # A directory of its own (Release), so that alternating with `test` rebuilds nothing.
    build build-release -DCMAKE_BUILD_TYPE=Release
    echo "== jixiao check indicator_specs/ (27 published tables, transcribed as they were published)"
    status=0
    ./build-release/jixiao check --color auto indicator_specs || status=$?
    # Exit 1 means findings: the published tables do contain arithmetic errors.
    [ "$status" -le 1 ] || exit "$status"
    echo "== jixiao score: one table, reported and recomputed side by side"
    ./build-release/jixiao score "indicator_specs/fengtai-2022/001-02-基层党组织党建活动经费.jx" 2>/dev/null || true
    echo "== the command is ./build-release/jixiao; to put it on the PATH: cmake --install build-release --prefix ~/.local"
    ;;
test)
    packages+=("${test_packages[@]}")
    install_missing
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ctest --test-dir build --no-tests=error --output-on-failure -j "$(nproc)"
    ;;
sanitize)
    packages+=("${test_packages[@]}")
    install_missing
    build build-asan -DCMAKE_BUILD_TYPE=Debug -DJIXIAO_SANITIZE=ON
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --no-tests=error --output-on-failure -j "$(nproc)"
    ;;
format-check)
    packages=(clang-format)
    install_missing
    find src grammar tests bench -name '*.cpp' -o -name '*.hpp' | sort | xargs clang-format --dry-run --Werror
    echo "C++ sources match .clang-format"
    ;;
build-only)
    install_missing
    ;;
fuzz)
    # FUZZ_SECONDS per target (default 30), FUZZ_TARGETS to pick some, FUZZ_SEED for a repeatable run
    # (CI). Each run's time and executions are appended to tests/fuzz/campaigns.tsv.
    packages+=(clang libclang-rt-14-dev)
    install_missing
    [ -x build/jixiao ] || build build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_FUZZ=ON \
        -DBUILD_TESTING=OFF > /dev/null
    cmake --build build-fuzz -j "$(nproc)"
    seconds=${FUZZ_SECONDS:-30}
    seed_option=()
    [ -n "${FUZZ_SEED:-}" ] && seed_option=(-seed="$FUZZ_SEED")
    seeds=build-fuzz/seeds
    rm -rf "$seeds" && mkdir -p "$seeds"/{parse,format,import,xlsx,docx,pdf,policy,xlsx_writer,safe_write,lsp,template}
    for f in indicator_specs/*/*.jx examples/*.jx tests/golden/*/*.jx tests/golden/*/*/*.jx tests/bad_inputs/*.jx; do
        cp "$f" "$seeds/parse/$(echo "$f" | tr / _)"  # names repeat across folders
    done
    cp "$seeds"/parse/* "$seeds/format/"
    cp "$seeds"/parse/* "$seeds/lsp/"
    cp ../shared/seeds/*.txt "$seeds/import/" 2>/dev/null || true
    cp tests/data/import/*.docx "$seeds/import/"
    ./build/jixiao render indicator_specs/fengtai-2022/001-02-*.jx -f csv -o "$seeds/import/table.csv" > /dev/null 2>&1 || true
    ./build/jixiao render indicator_specs/fengtai-2022/001-02-*.jx -f xlsx -o "$seeds/import/table.xlsx" > /dev/null 2>&1 || true
    cp tests/data/import/*.pdf "$seeds/pdf/"
    cp tests/data/*.yaml "$seeds/policy/"
    ./build/jixiao policy > "$seeds/policy/default.yaml"
    for t in central beijing sichuan; do ./build/jixiao templates --show "$t" > "$seeds/template/$t.yaml"; done
    for target in ${FUZZ_TARGETS:-parse format import xlsx docx pdf policy xlsx_writer safe_write lsp template}; do
        mkdir -p "build-fuzz/corpus/$target" "tests/fuzz/regressions/$target"
        cp tests/fuzz/regressions/"$target"/* tests/fuzz/seeds/"$target"/* "$seeds/$target/" 2>/dev/null || true
        echo "== fuzz_$target for ${seconds}s"
        # A crash leaves its input in tests/fuzz/regressions/<target>/, to be fixed and kept.
        status=0
        ./build-fuzz/tests/fuzz/fuzz_$target -max_total_time="$seconds" -max_len=65536 -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=1 "${seed_option[@]}" \
            -artifact_prefix="tests/fuzz/regressions/$target/" \
            "build-fuzz/corpus/$target" "$seeds/$target" > "build-fuzz/fuzz_$target.log" 2>&1 || status=$?
        grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" "build-fuzz/fuzz_$target.log" || true
        executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "build-fuzz/fuzz_$target.log")
        result=$([ "$status" -eq 0 ] && echo clean || echo "FINDING")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$target" "$seconds" \
            "${executed:-?}" "$(git rev-parse --short HEAD)" "$result" >> tests/fuzz/campaigns.tsv
        [ "$status" -eq 0 ] || { tail -40 "build-fuzz/fuzz_$target.log"; echo "fuzz_$target found a failing input: see tests/fuzz/regressions/$target/"; exit 1; }
    done
    ;;
*)
    echo "usage: scripts/run.sh demo|test|sanitize|format-check|fuzz" >&2
    exit 2
    ;;
esac
