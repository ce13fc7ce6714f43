#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fails when the suite skipped anything tests/allowed-skips.txt does not allow, so that a test
# cannot pass by skipping. Reads the JUnit report of a ctest run (--output-junit), which holds every
# test's whole output when ctest was told not to cut it (scripts/suite.sh does): each Qt Test line
# "SKIP   : Class::function(row) message", and each CTest test that did not run (a script's skip
# code, a failed fixture, a disabled test) as "NAME (ctest: why)".
#   scripts/check-skips.sh build/suite-junit.xml [ALLOWED_SKIPS_FILE]
set -euo pipefail
junit=$1
allowed_file=${2:-$(cd "$(dirname "$0")/.." && pwd)/tests/allowed-skips.txt}
[ -s "$junit" ] || { echo "check-skips.sh: no JUnit report at $junit" >&2; exit 2; }
[ -f "$allowed_file" ] || { echo "check-skips.sh: no list of allowed skips at $allowed_file" >&2; exit 2; }

# One line per skip. awk exits 3 when ctest cut a test's output (a skip could hide in what was cut)
# and 4 when the report holds no test at all.
skips=$(awk '
    function unescape(s) {
        gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
        gsub(/&amp;/, "\\&", s)
        return s
    }
    /<testcase / {
        ++tests
        test = match($0, /name="[^"]*"/) ? unescape(substr($0, RSTART + 6, RLENGTH - 7)) : "?"
    }
    /<skipped / {
        why = match($0, /message="[^"]*"/) ? unescape(substr($0, RSTART + 9, RLENGTH - 10)) : ""
        print test " (ctest: " why ")"
    }
    /was removed since it exceeds the threshold/ { cut = 1 }
    {
        line = $0
        sub(/^[ \t]*<system-out>/, "", line)
        if (line ~ /^SKIP   : /) print unescape(substr(line, 10))
    }
    END { if (cut) exit 3; if (!tests) exit 4 }
' "$junit") || {
    status=$?
    case $status in
    3) echo "check-skips.sh: ctest cut some test output in $junit; run it with --test-output-size-passed and --test-output-size-failed large enough (scripts/suite.sh does)" >&2 ;;
    4) echo "check-skips.sh: $junit holds no test" >&2 ;;
    esac
    exit 2
}

# The list: "PATTERN REASON-PATTERN" per line (shell patterns), blank lines and # comments aside.
patterns=()
line_number=0
while IFS= read -r entry || [ -n "$entry" ]; do
    line_number=$((line_number + 1))
    [[ $entry =~ ^[[:space:]]*(#|$) ]] && continue
    if ! [[ $entry =~ ^[^[:space:]]+[[:space:]]+[^[:space:]] ]]; then
        echo "check-skips.sh: $allowed_file:$line_number: want a test, a space and the skip's message" >&2
        exit 2
    fi
    # One space between the two, whatever the file aligned them with.
    patterns+=("$(sed -E 's/^([^[:space:]]+)[[:space:]]+/\1 /; s/[[:space:]]+$//' <<<"$entry")")
done <"$allowed_file"

declare -A used=()
unexpected=0
allowed=0
while IFS= read -r skip; do
    [ -n "$skip" ] || continue
    match=
    for pattern in "${patterns[@]}"; do
        # shellcheck disable=SC2053 # the right side is a pattern on purpose
        if [[ $skip == $pattern ]]; then
            match=$pattern
            break
        fi
    done
    if [ -n "$match" ]; then
        allowed=$((allowed + 1))
        used[$match]=1
    else
        unexpected=$((unexpected + 1))
        echo "check-skips.sh: unexpected skip: $skip"
    fi
done <<<"$skips"

# Listed skips depend on the machine (recordings, sanitizers): not seeing one is no error.
echo "check-skips.sh: ${#used[@]} of the ${#patterns[@]} listed skips happened here"
if [ "$unexpected" -gt 0 ]; then
    echo "check-skips.sh: FAILED, $unexpected skip(s) not in ${allowed_file#"$PWD"/}: make the test run" \
        "here, or list it there with the reason it may skip"
    exit 1
fi
echo "check-skips.sh: no unexpected skips ($allowed allowed)"
