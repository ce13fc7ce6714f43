#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Shows Cody Chat working: the command-line client, then the desktop app.
# With a configured instance (LLM_BASE_URL and a token in LLM_API_KEY or the keychain) it talks
# to that; otherwise it starts the bundled fake Sourcegraph and says so.
#   scripts/demo.sh ["prompt"]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/app/cli/cody-chat-cli
gui=build/app/gui/cody-chat
prompt="${1:-Hello, Cody!}"

launch_gui() {
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "== No display here, so the desktop app is not started; on a desktop this script opens $gui"
        return 0
    fi
    echo "== Starting the desktop app: $gui $*"
    "$gui" "$@"
}

if "$cli" auth status >/dev/null 2>&1; then
    echo "== Using your configured Sourcegraph instance"
    "$cli" models
    echo "== cody-chat-cli chat \"$prompt\""
    "$cli" chat "$prompt"
    launch_gui
    exit 0
fi

log=$(mktemp)
build/tests/fakeserver/fake-sourcegraph --port 0 >"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do
    grep -q '^listening on ' "$log" && break
    sleep 0.1
done
base_url=$(sed -n 's/^listening on //p' "$log")
[ -n "$base_url" ] || { echo "the fake server did not start" >&2; exit 1; }

export LLM_BASE_URL="$base_url"
export LLM_API_KEY=sgp_fake_0123456789abcdef0123456789abcdef01234567
echo "== DEMO MODE: no Sourcegraph instance is configured, so this uses the bundled fake"
echo "== Sourcegraph at $base_url (its answers are canned, not a real model)."
echo "== cody-chat-cli models"
"$cli" models
echo
echo "== cody-chat-cli chat \"$prompt\""
"$cli" chat "$prompt"
echo
echo "== A reply that hits the output limit 6 times, continued and stitched automatically:"
echo "== cody-chat-cli chat -m fake::v1::truncated --json \"Tell me a story\""
"$cli" chat -m fake::v1::truncated --json "Tell me a story"
echo
launch_gui --demo
