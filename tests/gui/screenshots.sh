#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Saves PNGs of the real window under Xvfb against the fake server: mid-conversation in light and
# dark, an error state, the settings dialog, "What was sent", a message's codebase context, the
# standing repositories, the @-mention popup and the context chips.
#   tests/gui/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(realpath -m "${1:-build/screenshots}")"
cmake -S . -B build -G Ninja >/dev/null
cmake --build build --target cody-chat-screenshots
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1280x800x24" build/tests/gui/cody-chat-screenshots "$out"
