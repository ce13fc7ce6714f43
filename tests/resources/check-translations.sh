#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The .ts files are up to date with the sources and every message is translated: lupdate, run on
# a copy, must change nothing, and lrelease must find no unfinished translation.
#   check-translations.sh BUILD_DIR TS_FILE...
set -euo pipefail
build=$1
shift
tools=/usr/lib/qt6/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The project file lupdate reads (sources, include paths) as the update_translations target makes it.
cmake -DIN_FILE="$build/resources/.lupdate/cody-chat_project.cmake" -DOUT_FILE="$work/project.json" \
    -P "$(dirname "$(find /usr/lib -name GenerateLUpdateProject.cmake -path '*Qt6LinguistTools*' | head -1)")/GenerateLUpdateProject.cmake"
status=0
for ts in "$@"; do
    copy=$work/$(basename "$ts")
    cp "$ts" "$copy"
    "$tools/lupdate" -project "$work/project.json" -no-obsolete -locations none -ts "$copy" \
        >"$work/lupdate.log" 2>&1
    if ! cmp -s "$ts" "$copy"; then
        echo "FAIL: $ts is out of date with the sources; run: cmake --build build --target update_translations, then translate:" >&2
        diff "$ts" "$copy" | head -40 >&2 || true
        status=1
    fi
    if grep -q 'type="unfinished"' "$copy"; then
        echo "FAIL: $ts has untranslated messages:" >&2
        grep -B2 'type="unfinished"' "$copy" | grep '<source>' | head -40 >&2
        status=1
    fi
    "$tools/lrelease" "$copy" -qm "$work/check.qm" | grep -q ' 0 unfinished' \
        || { echo "FAIL: lrelease reports unfinished messages in $ts" >&2; status=1; }
done
[ "$status" = 0 ] && echo "translations complete and up to date: $*"
exit "$status"
