#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs gateway.test.mjs (the official openai npm client) against `cody-chat-cli serve`, twice
# started (without and with --api-key), in front of the fake Sourcegraph.
#   run.sh CLI FAKE_SERVER        (CTest passes both; npm ci runs here when needed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=$1
fake=$2
for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (Node.js >= 18)" >&2; exit 1; }
done
[ -d "$here/node_modules/openai" ] \
    || npm ci --prefix "$here" --no-audit --no-fund --loglevel=error

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
wait_for() { # FILE PATTERN: the first line of FILE matching PATTERN, once it is there
    for _ in $(seq 200); do
        grep -m1 "$2" "$1" 2>/dev/null && return 0
        sleep 0.05
    done
    echo "run.sh: nothing matched '$2' in $1:" >&2
    cat "$1" >&2
    return 1
}

token=sgp_gateway_test_0123456789abcdef0123456789abcdef
"$fake" --port 0 --token "$token" >"$work/fake.log" 2>&1 &
pids+=($!)
export LLM_BASE_URL
LLM_BASE_URL=$(wait_for "$work/fake.log" '^listening on ' | sed 's/^listening on //')
export LLM_API_KEY=$token HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset CODY_GATEWAY_API_KEY http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

"$cli" serve --port 0 >"$work/open.out" 2>"$work/open.err" &
pids+=($!)
key=gateway-key-$RANDOM$RANDOM
"$cli" serve --port 0 --api-key "$key" >"$work/keyed.out" 2>"$work/keyed.err" &
pids+=($!)
GATEWAY_URL=$(wait_for "$work/open.out" '^serving ' | cut -d' ' -f2)
GATEWAY_KEYED_URL=$(wait_for "$work/keyed.out" '^serving ' | cut -d' ' -f2)

# Loopback unless --host says otherwise; a bad address is a usage error.
case $GATEWAY_URL in http://127.0.0.1:*/v1) ;; *) echo "run.sh: not on loopback: $GATEWAY_URL" >&2; exit 1 ;; esac
if "$cli" serve --host not-an-address >/dev/null 2>&1; then
    echo "run.sh: serve accepted --host not-an-address" >&2
    exit 1
fi

GATEWAY_URL=$GATEWAY_URL GATEWAY_KEYED_URL=$GATEWAY_KEYED_URL GATEWAY_KEY=$key \
    SOURCEGRAPH_TOKEN=$token TRUNCATED_TEXT=$("$fake" --print-truncated-text) \
    node --test "$here/gateway.test.mjs" && status=0 || status=$?

# One log line per request, on stderr: status and size, never a prompt or the token.
for expected in '/v1/models → 200' \
    '/v1/chat/completions cody/anthropic::2023-06-01::claude-3.5-sonnet → 200' \
    '/v1/chat/completions cody/fake::v1::truncated (stream) → 200' \
    '/v1/chat/completions cody/fake::v1::unauthorized → 401' \
    '/v1/chat/completions cody/fake::v1::rate-limited-long → 429'; do
    grep -qF -- "$expected" "$work/open.err" \
        || { echo "run.sh: no log line '$expected' in:" >&2; cat "$work/open.err" >&2; exit 1; }
done
if grep -q 'hello otters' "$work"/*.err; then
    echo "run.sh: a prompt appeared in the gateway's log" >&2
    exit 1
fi
# Neither the gateway's output nor its errors ever contain the Sourcegraph token.
if grep -q "$token" "$work"/*.out "$work"/*.err; then
    echo "run.sh: the Sourcegraph token appeared in the gateway's output" >&2
    exit 1
fi
exit "$status"
