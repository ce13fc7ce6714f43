#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end streaming benchmark: cody-chat-cli chat against the fake Sourcegraph over loopback,
# side by side with baseline clients reading the same stream, interleaved run by run.
#   benchmarks/streaming/run.sh [RUNS]          (default 5; see README.md)
# Needs: a build with cody-chat-cli and fake-sourcegraph (CODY_BUILD_DIR, default build-bench),
# curl, node >= 18 with `npm ci --prefix tests/sseparity`, /usr/bin/time (Debian package `time`).
# Writes $CODY_BENCH_RESULTS/streaming.json (default $CODY_BUILD_DIR/bench-results).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${CODY_BUILD_DIR:-$root/build-bench}
results=${CODY_BENCH_RESULTS:-$build/bench-results}
runs=${1:-5}
cli=$build/app/cli/cody-chat-cli
server_bin=$build/tests/fakeserver/fake-sourcegraph
segments=200 # BenchmarkScenarios::SegmentCount
segment_chars=128 # BenchmarkScenarios::SegmentChars

for tool in curl node; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
[ -d "$root/tests/sseparity/node_modules/eventsource-parser" ] \
    || { echo "run.sh: run npm ci --prefix tests/sseparity first" >&2; exit 1; }
for binary in "$cli" "$server_bin"; do
    [ -x "$binary" ] || { echo "run.sh: $binary is not built" >&2; exit 1; }
done

work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Every client sees the same clean environment: no proxy, no user settings, no keychain.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    XDG_CACHE_HOME=$work/cache
mkdir -p "$HOME"
token=sgp_fake_0123456789abcdef0123456789abcdef01234567
client_name=openhands # the CLI's default (core/defaults.h)
unset CODY_CLIENT_NAME
export LLM_API_KEY=$token

"$server_bin" --port 0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$work/server.log" && break
    sleep 0.05
done
base_url=$(sed -n 's/^listening on //p' "$work/server.log")
[ -n "$base_url" ] || { echo "run.sh: the fake server did not start" >&2; exit 1; }
export LLM_BASE_URL=$base_url
version=$(sed -n 's/^project(CodyChat VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
stream_url="$base_url/.api/completions/stream?api-version=8&client-name=$client_name&client-version=$version"

# The stream request exactly as cody-chat-cli sends it (headers and body, captured from the CLI).
headers=(-H 'Content-Type: application/json' -H 'Accept-Encoding: gzip;q=0'
    -H "X-Requested-With: $client_name $version" -H "X-Sourcegraph-API-Client-Name: $client_name"
    -H "X-Sourcegraph-API-Client-Version: $version" -H "Authorization: token $token"
    -H 'Accept: text/event-stream')
# Qt sends no "Expect: 100-continue"; curl would for a body over 1 KiB, and wait for the answer.
headers+=(-H 'Expect:')
body() { # MODEL [ASSISTANT_TEXT]: the body of a chat "hi", or of a continuation after the text
    node -e '
        const [model, soFar] = process.argv.slice(1);
        const messages = [{ speaker: "human", text: "hi" }];
        if (soFar) messages.push({ speaker: "assistant", text: soFar });
        process.stdout.write(JSON.stringify({ maxTokensToSample: 512, messages, model,
            temperature: 0, topK: -1, topP: -1 }));' "$@"
}
for shape in bulk tokens; do body "fake::v1::$shape" >"$work/$shape.json"; done
node -e '
    const headers = {};
    for (let i = 1; i < process.argv.length; i += 2) {
        const [name, ...value] = process.argv[i + 1].split(": ");
        if (value.join(": ")) headers[name] = value.join(": ");
    }
    process.stdout.write(JSON.stringify(headers));' -- "${headers[@]}" >"$work/headers.json"
# A continuation of the segments scenario from halfway: the request of average size.
half=$(node -e '
    const words = [];
    for (let i = 0; i < Number(process.argv[1]); ++i) words.push("w" + String(i).padStart(6, "0"));
    process.stdout.write(words.join(" "));' $((segments * segment_chars / 8 / 2)))
body fake::v1::segments "$half" >"$work/rtt.json"

samples=$work/samples
: >"$samples"
# The commands, as arrays so that /usr/bin/time runs the program itself.
cli_chat() { cmd=("$cli" chat --no-history --max-continuations 0 -m "fake::v1::$1" hi); }
curl_stream() {
    cmd=(curl -sS -N --fail "${headers[@]}" --data-binary "@$work/$1.json" "$stream_url")
}
node_stream() {
    cmd=(node "$here/node-client.mjs" "$stream_url" "$work/$1.json" "$work/headers.json")
}
curl_rtt() { # N: that many continuation requests on one connection
    cmd=(curl -sS --fail "${headers[@]}" --data-binary "@$work/rtt.json")
    for _ in $(seq "$1"); do cmd+=("$stream_url"); done
}
run() { "$@" && "${cmd[@]}"; }
# timed KEY RSS_KEY|- COMMAND ARG: wall time in µs (and the max RSS in KiB) of one run.
timed() {
    local key=$1 rss_key=$2 start end
    "$3" "$4"
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "${cmd[@]}" >/dev/null
    end=$(date +%s%N)
    echo "$key $(((end - start) / 1000))" >>"$samples"
    [ "$rss_key" = - ] || echo "$rss_key $(tail -1 "$work/rss")" >>"$samples"
}

echo "== warm-up and correctness (the server builds each reply once, on its first request)"
for shape in bulk tokens; do
    run curl_stream "$shape" >/dev/null
    run cli_chat "$shape" >"$work/cli-$shape.txt"
    run node_stream "$shape" >"$work/node-$shape.txt"
    cmp -s "$work/cli-$shape.txt" "$work/node-$shape.txt" \
        || { echo "run.sh: cody-chat-cli and the Node client disagree on $shape" >&2; exit 1; }
done
run cli_chat segments >"$work/cli-segments.txt"
run cli_chat segments-one >"$work/cli-segments-one.txt"
cmp -s "$work/cli-segments.txt" "$work/cli-segments-one.txt" \
    || { echo "run.sh: the continued reply differs from the one-segment reply" >&2; exit 1; }
[ "$(run curl_rtt 3 | grep -c '^event: done')" = 3 ] \
    || { echo "run.sh: curl did not get 3 continuation answers" >&2; exit 1; }

node -e '
    const fs = require("fs");
    const [work, segments] = process.argv.slice(1);
    const facts = { segments: Number(segments) };
    for (const shape of ["bulk", "tokens"]) {
        const text = fs.readFileSync(`${work}/cli-${shape}.txt`, "utf8").replace(/\n$/, "");
        facts[shape + "Utf8Bytes"] = Buffer.byteLength(text);
        facts[shape + "Utf16Bytes"] = text.length * 2;
    }
    fs.writeFileSync(`${work}/facts.json`, JSON.stringify(facts));' "$work" "$segments"

echo "== $runs interleaved runs"
for run in $(seq "$runs"); do
    echo "   run $run"
    # The side that goes first alternates, so neither always meets a warmer or busier machine.
    if ((run % 2)); then
        timed cli_bulk_us rss_bulk_kib cli_chat bulk
        timed curl_bulk_us - curl_stream bulk
        timed cli_tokens_us rss_tokens_kib cli_chat tokens
        timed node_tokens_us - node_stream tokens
    else
        timed curl_bulk_us - curl_stream bulk
        timed cli_bulk_us rss_bulk_kib cli_chat bulk
        timed node_tokens_us - node_stream tokens
        timed cli_tokens_us rss_tokens_kib cli_chat tokens
    fi
    timed curl_tokens_us - curl_stream tokens
    timed cli_normal_us rss_normal_kib cli_chat normal
    timed cli_segments_us - cli_chat segments
    timed cli_segments_one_us - cli_chat segments-one
    timed curl_rtt_many_us - curl_rtt "$segments"
    timed curl_rtt_one_us - curl_rtt 1
done

mkdir -p "$results"
echo
node "$here/report.mjs" "$samples" "$work/facts.json" "$results/streaming.json"
echo
echo "wrote $results/streaming.json"
