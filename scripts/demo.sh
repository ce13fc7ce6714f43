#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Shows cody-chat-cli working. With LLM_BASE_URL and LLM_API_KEY set, it talks to that Sourcegraph
# instance; otherwise it starts the bundled fake Sourcegraph on a free loopback port.
#   scripts/demo.sh ["prompt"]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/app/cli/cody-chat-cli
prompt="${1:-Hello, Cody!}"

if [ -n "${LLM_BASE_URL:-}" ] && [ -n "${LLM_API_KEY:-}" ]; then
    echo "== Using $LLM_BASE_URL"
    "$cli" models
    echo "== cody-chat-cli chat \"$prompt\""
    exec "$cli" chat "$prompt"
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
echo "== No LLM_BASE_URL/LLM_API_KEY set: using the bundled fake Sourcegraph at $base_url"
echo "== cody-chat-cli models"
"$cli" models
echo
echo "== cody-chat-cli chat \"$prompt\""
"$cli" chat "$prompt"
echo
echo "== A reply that hits the output limit 6 times, continued and stitched automatically:"
echo "== cody-chat-cli chat -m fake::v1::truncated --json \"Tell me a story\""
"$cli" chat -m fake::v1::truncated --json "Tell me a story"
