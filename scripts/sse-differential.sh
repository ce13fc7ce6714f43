#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Differential test of SseParser against the eventsource-parser npm package, with any seed and
# size. The suite already runs it with seed 1 and 2500 streams (CTest fixture sseparity_corpus,
# then tst_sseparity); this script is for more, by hand. It generates the random event streams
# with tests/sseparity/make-corpus.sh into build/sseparity/corpus-SEED-COUNT.json, then runs
# tst_sseparity, which parses each stream under every split.
#   scripts/sse-differential.sh                                          seed 1, 2500 streams
#   SSE_PARITY_SEED=7 SSE_PARITY_COUNT=20000 scripts/sse-differential.sh  more
# Needs Node >= 18 and npm (the registry the first time, or a warm npm cache).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${CODY_BUILD_DIR:-build}
seed=${SSE_PARITY_SEED:-1}
count=${SSE_PARITY_COUNT:-2500}

if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S . -B "$build" -G Ninja
fi
cmake --build "$build" --parallel 2 --target tst_sseparity

corpus=$PWD/$build/sseparity/corpus-$seed-$count.json
tests/sseparity/make-corpus.sh "$PWD/$build/tests/sseparity/node" "$corpus" "$seed" "$count"
CODY_SSE_PARITY_CORPUS=$corpus "$build/tests/sseparity/tst_sseparity"
