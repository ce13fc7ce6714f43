#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Everything CI runs, in this order, stopping at the first failure:
#   1. the test suite (CTest: unit, end-to-end, CLI, GUI offscreen, fault matrix, token hygiene,
#      the differential test of the SSE parser against the eventsource-parser npm package), which
#      also fails on a skip tests/allowed-skips.txt does not list;
#   2. the Debian package, checked by lintian, desktop-file-validate and appstreamcli;
#   3. each libFuzzer target for CODY_FUZZ_SECONDS (default 45);
#   4. the whole suite again under AddressSanitizer, LeakSanitizer and UBSan.
#   scripts/test.sh           all of it (what CI runs)
#   scripts/test.sh --quick   the test suite only (about 2 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { printf '\n==== test.sh: %s\n' "$*"; }

step "the test suite"
scripts/build.sh
scripts/suite.sh build
if [ "${1:-}" = "--quick" ]; then
    exit 0
fi
step "the Debian package and its validators"
scripts/package.sh
step "fuzzing, ${CODY_FUZZ_SECONDS:-45} s per target"
scripts/fuzz.sh "${CODY_FUZZ_SECONDS:-45}"
step "the test suite under ASan, LSan and UBSan"
scripts/sanitize.sh
step "all passed in $(( ($(date +%s) - started) / 60 )) min"
