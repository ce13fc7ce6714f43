#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The test suite as CI runs it, in one build directory: the whole CTest suite inside the test
# session (scripts/with-test-session.sh), then the skip check (scripts/check-skips.sh): a test that
# skips without being listed in tests/allowed-skips.txt fails the run like a failing test.
#   scripts/suite.sh build         (scripts/test.sh)
#   scripts/suite.sh build-asan    (scripts/sanitize.sh, with the sanitizers' environment)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/suite.sh BUILD_DIR}
junit=$PWD/$build/suite-junit.xml
rm -f "$junit"
status=0
# Every test's whole output goes into the report (ctest keeps only 1 KiB of a passed test's by
# default), so that no "SKIP" line is cut away.
scripts/with-test-session.sh ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" \
    --output-junit "$junit" --test-output-size-passed 100000000 --test-output-size-failed 100000000 \
    || status=$?
scripts/check-skips.sh "$junit" || status=$((status ? status : 1))
exit "$status"
