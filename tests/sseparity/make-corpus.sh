#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Writes the corpus of tst_sseparity: installs the pinned eventsource-parser (npm ci, from the
# registry or npm's cache) into WORK, a folder in the build tree, and runs generate-corpus.mjs
# there. CTest runs it as the fixture sseparity_corpus before tst_sseparity; a missing Node or npm
# fails it, and with it tst_sseparity, rather than letting the differential test skip.
#   make-corpus.sh WORK OUT [SEED [COUNT]]      (defaults: seed 1, 2500 streams)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$1
out=$2
seed=${3:-1}
count=${4:-2500}
for tool in node npm; do
    command -v "$tool" >/dev/null \
        || { echo "make-corpus.sh: $tool is needed (Node.js >= 18; scripts/install-deps.sh)" >&2; exit 1; }
done

mkdir -p "$work" "$(dirname "$out")"
# generate-corpus.mjs imports eventsource-parser, which Node looks up beside the script: both go
# into the same folder, so the source tree stays untouched.
cp "$here/package.json" "$here/package-lock.json" "$here/generate-corpus.mjs" "$work/"
cd "$work"
version() { node -p "$1" 2>/dev/null || true; }
wanted=$(version "require('./package-lock.json').packages['node_modules/eventsource-parser'].version")
installed=$(version "require('./node_modules/eventsource-parser/package.json').version")
if [ -z "$wanted" ] || [ "$installed" != "$wanted" ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
node generate-corpus.mjs --out "$out" --seed "$seed" --count "$count"
