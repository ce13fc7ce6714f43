#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The sanitizer job: builds ./build-asan with CODY_SANITIZE=ON (AddressSanitizer, LeakSanitizer,
# UndefinedBehaviorSanitizer), then runs the whole CTest suite exactly as scripts/test.sh does
# (scripts/suite.sh: a skip not in tests/allowed-skips.txt fails it too).
# Fails on any failing test and on any sanitizer report, including one written by a child process
# (the CLI, the fake server) whose exit code a test does not look at.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
build="build-asan"

started=$(date +%s)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" -DCODY_SANITIZE=ON \
    -DCODY_BUILD_BENCHMARKS=OFF
cmake --build "$build" --parallel "$(nproc)"
built=$(date +%s)

# Every sanitized process writes its AddressSanitizer and LeakSanitizer reports to a file here
# (log_path appends ".<pid>"), so a report from a child whose exit code a test ignores still fails
# the job. GCC's UBSan runtime ignores log_path next to ASan's (GCC bug 94328) and always writes to
# stderr: it aborts the process instead (a crash every test notices), and the test processes' own
# stderr is searched below. Setting log_path in UBSAN_OPTIONS too would move ASan's reports there.
reports="$repo/$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
# Memory errors and leaks end the process with SIGABRT (abort_on_error), which QProcess and CTest
# see as a crash; undefined behaviour too (built with -fno-sanitize-recover=undefined).
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$reports/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1"
# Only leaks inside system libraries we do not own are suppressed; each entry says why.
export LSAN_OPTIONS="suppressions=$repo/tests/sanitizers/lsan.supp:print_suppressions=0"

# The same session and skip check as scripts/test.sh.
status=0
scripts/suite.sh "$build" || status=$?
tested=$(date +%s)

echo "sanitize.sh: build $((built - started)) s, tests $((tested - built)) s"
# UBSan reports (and any other sanitizer output) that reached a test's own stderr.
if grep -E -n "runtime error:|ERROR: (Address|Leak|UndefinedBehavior)Sanitizer" \
    "$build/Testing/Temporary/LastTest.log" >"$reports/from-test-output.txt"; then
    echo "sanitize.sh: sanitizer output in $build/Testing/Temporary/LastTest.log"
else
    rm -f "$reports/from-test-output.txt"
fi
if [ -n "$(ls -A "$reports")" ]; then
    for report in "$reports"/*; do
        echo "==== $report"
        cat "$report"
    done
    echo "sanitize.sh: FAILED, $(find "$reports" -type f | wc -l) sanitizer report(s) in $reports"
    exit 1
fi
echo "sanitize.sh: no sanitizer reports"
exit "$status"
