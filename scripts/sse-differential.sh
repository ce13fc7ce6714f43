#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Differential test of SseParser against the eventsource-parser npm package: installs the pinned
# package (npm ci into tests/sseparity/node_modules), generates random event streams with it into
# build/sseparity/corpus.json, then runs tst_sseparity, which parses each stream under every split.
#   scripts/sse-differential.sh                 seed 1, 2500 streams (what CI runs)
#   SSE_PARITY_SEED=7 SSE_PARITY_COUNT=20000 scripts/sse-differential.sh   more, by hand
# Needs Node >= 18 and npm (the registry the first time, or a warm npm cache).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${CODY_BUILD_DIR:-build}
seed=${SSE_PARITY_SEED:-1}
count=${SSE_PARITY_COUNT:-2500}

for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "sse-differential.sh: $tool not found; install Node.js >= 18 and npm" >&2
        exit 2
    fi
done
npm ci --prefix tests/sseparity --no-audit --no-fund --loglevel=error

if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S . -B "$build" -G Ninja
fi
cmake --build "$build" --parallel 2 --target tst_sseparity

corpus=$PWD/$build/sseparity/corpus.json
mkdir -p "$(dirname "$corpus")"
node tests/sseparity/generate-corpus.mjs --out "$corpus" --seed "$seed" --count "$count"
CODY_SSE_PARITY_CORPUS=$corpus "$build/tests/sseparity/tst_sseparity"
