#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets with clang in build-fuzz and runs each for SECONDS (default 60).
# Prints "target: N execs" per target; exits non-zero on any crash, leak, timeout or violated
# property (the input is kept in build-fuzz/fuzz-findings/<target>/). Needs clang and
# libclang-rt-14-dev; no network. The corpus in build-fuzz/fuzz-corpus/<target>/ grows across runs.
#   scripts/fuzz.sh [SECONDS]          e.g. scripts/fuzz.sh 3600 for a long run by hand
#   CODY_FUZZ_TARGETS="fuzz_sseparser" scripts/fuzz.sh 600   one target only
#   CODY_FUZZ_MAX_LEN=65536 scripts/fuzz.sh 600   longer inputs (default 4096 bytes)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
build=build-fuzz
targets=${CODY_FUZZ_TARGETS:-"fuzz_sseparser fuzz_modelref fuzz_completionevent fuzz_retryafter fuzz_chatrequestoutline"}
recorded=${CODY_RECORDINGS_DIR:-$root/../shared/protocol/recorded}
# Larger seeds are cut to this: small inputs run many times faster and find the same bugs.
max_len=${CODY_FUZZ_MAX_LEN:-4096}

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ not found; install clang and libclang-rt-14-dev" >&2
    exit 2
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCODY_BUILD_FUZZERS=ON \
    -DCODY_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --parallel 2 --target $targets

# Seeds: our own small ones, plus ones derived from the real recordings when they are there. The
# recordings belong to another project, so they are read at run time and never committed.
seeds=$build/fuzz-seeds
rm -rf "$seeds"
for target in $targets; do
    mkdir -p "$seeds/$target" "$build/fuzz-corpus/$target" "$build/fuzz-findings/$target"
    cp tests/fuzz/corpus/"$target"/* "$seeds/$target/"
done
if [[ -d $recorded ]]; then
    n=0
    for file in "$recorded"/*.sse; do
        name=$(basename "$file" .sse)
        n=$((n + 1))
        # fuzz_sseparser reads two control bytes first: default limit with one cut, and a tiny limit.
        [[ -d $seeds/fuzz_sseparser ]] && {
            { printf '\x00\x2a'; cat "$file"; } > "$seeds/fuzz_sseparser/$name"
            { printf '\x9f\x11'; cat "$file"; } > "$seeds/fuzz_sseparser/$name-limit"
        }
        [[ -d $seeds/fuzz_completionevent ]] && {
            cp "$file" "$seeds/fuzz_completionevent/$name"
            # Each data payload on its own, as decode() sees it.
            grep -a -m 20 '^data: ' "$file" | sed 's/^data: //' | {
                i=0
                while IFS= read -r line; do
                    i=$((i + 1))
                    printf '%s' "$line" > "$seeds/fuzz_completionevent/$name-data$i"
                done
            }
        }
    done
    if [[ -d $seeds/fuzz_modelref ]]; then
        cat "$recorded"/*.json 2>/dev/null \
            | grep -aoE '"(modelRef|model|chatModel|fastChatModel|completionModel)" *: *"[^"]*"' \
            | sed -E 's/.*: *"([^"]*)"/\1/' | sort -u | {
                i=0
                while IFS= read -r model; do
                    i=$((i + 1))
                    printf '%s' "$model" > "$seeds/fuzz_modelref/recorded$i"
                    printf 'cody/%s' "$model" > "$seeds/fuzz_modelref/recorded$i-full"
                done
            }
    fi
    if [[ -d $seeds/fuzz_retryafter ]]; then
        # The Date headers of the recorded responses, with "now" at 2024-12-13 11:55 UTC.
        grep -ahiE '^ *< (date|retry-after): ' "$recorded"/*-meta.txt | sed -E 's/^ *< [^:]*: //' \
            | sort -u | awk 'NR <= 20' | {
                i=0
                while IFS= read -r value; do
                    i=$((i + 1))
                    { printf '\xc0\x20\x5c\x67'; printf '%s' "$value"; } \
                        > "$seeds/fuzz_retryafter/recorded$i"
                done
            }
    fi
    echo "fuzz.sh: seeds derived from $n recorded streams in $recorded"
else
    echo "fuzz.sh: $recorded not found; running with the committed seeds only"
fi

status=0
for target in $targets; do
    log=$build/fuzz-findings/$target/last-run.log
    set +e
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -max_len="$max_len" \
        -print_final_stats=1 -artifact_prefix="$build/fuzz-findings/$target/" \
        "$build/fuzz-corpus/$target" "$seeds/$target" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "$target: ${execs:-0} execs"
    if [[ $rc -ne 0 ]]; then
        status=1
        echo "fuzz.sh: $target failed (exit $rc); log: $log" >&2
        grep -aE 'ERROR|SUMMARY|property violated|Test unit written|^artifact' "$log" >&2 || tail -n 30 "$log" >&2
    fi
done
exit $status
