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
client_name=openhands # the CLI's default (core/cody/defaults.h)
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
for shape in bulk tokens tokens-per-event; do body "fake::v1::$shape" >"$work/$shape.json"; done
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
body fake::v1::segments-per-event "$half" >"$work/rtt-per-event.json"

samples=$work/samples
: >"$samples"
# The commands, as arrays so that /usr/bin/time runs the program itself.
# The flags of each side are part of its label in RESULTS.md (report.mjs): keep them in step.
cli_chat() { cmd=("$cli" chat --no-history --max-continuations 0 -m "fake::v1::$1" hi); }
cli_chat_history() { # the same with the history on: the reply is recorded as it streams
    cmd=("$cli" chat --max-continuations 0 -m "fake::v1::$1" hi)
}
curl_stream() {
    cmd=(curl -sS -N --fail "${headers[@]}" --data-binary "@$work/$1.json" "$stream_url")
}
node_stream() {
    cmd=(node "$here/node-client.mjs" "$stream_url" "$work/$1.json" "$work/headers.json")
}
curl_rtt() { # N [SUFFIX]: that many continuation requests on one connection
    cmd=(curl -sS --fail "${headers[@]}" --data-binary "@$work/rtt${2:-}.json")
    for _ in $(seq "$1"); do cmd+=("$stream_url"); done
}
run() { "$@" && "${cmd[@]}"; }
# timed KEY RSS_KEY|- COMMAND ARG...: wall time in µs, CPU time (user + system) in µs as
# KEY_cpu, and the max RSS in KiB as RSS_KEY, of one run. One event per chunk makes the server
# the bottleneck, so there the client's CPU time says more than its wall time.
timed() {
    local key=$1 rss_key=$2 start end
    shift 2
    "$@"
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "${cmd[@]}" >/dev/null
    end=$(date +%s%N)
    echo "$key $(((end - start) / 1000))" >>"$samples"
    read -r kib user system < <(tail -1 "$work/rss")
    echo "${key}_cpu $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%d", (u + s) * 1e6 }')" \
        >>"$samples"
    [ "$rss_key" = - ] || echo "$rss_key $kib" >>"$samples"
}

echo "== warm-up and correctness (the server builds each reply once, on its first request)"
for shape in bulk tokens tokens-per-event; do
    run curl_stream "$shape" >"$work/curl-$shape.sse"
    run cli_chat "$shape" >"$work/cli-$shape.txt"
    run node_stream "$shape" >"$work/node-$shape.txt"
    cmp -s "$work/cli-$shape.txt" "$work/node-$shape.txt" \
        || { echo "run.sh: cody-chat-cli and the Node client disagree on $shape" >&2; exit 1; }
done
cmp -s "$work/cli-tokens.txt" "$work/cli-tokens-per-event.txt" \
    || { echo "run.sh: tokens and tokens-per-event differ" >&2; exit 1; }
for variant in segments segments-one segments-per-event segments-one-per-event; do
    run cli_chat "$variant" >"$work/cli-$variant.txt"
    cmp -s "$work/cli-segments.txt" "$work/cli-$variant.txt" \
        || { echo "run.sh: $variant differs from the continued reply" >&2; exit 1; }
done
run cli_chat_history segments-one >"$work/cli-segments-one-history.txt"
cmp -s "$work/cli-segments.txt" "$work/cli-segments-one-history.txt" \
    || { echo "run.sh: the reply differs with the history on" >&2; exit 1; }
# The tokens reply with the history on takes minutes (the recorder rewrites the growing message
# on every 4 KiB flush): timed once, here, not in every run.
echo "   tokens with the history on (once)"
timed cli_tokens_hist_us rss_tokens_hist_kib cli_chat_history tokens
# One event per chunk, checked on the wire: as many HTTP chunks as events (plus the end chunk).
body fake::v1::segments-one-per-event >"$work/segments-one-per-event.json"
run curl_stream segments-one-per-event >"$work/per-event.sse"
"${cmd[@]}" --raw >"$work/per-event.raw"
chunks=$(grep -cE $'^[0-9a-f]+\r$' "$work/per-event.raw")
events=$(grep -c '^event: ' "$work/per-event.sse")
[ "$chunks" = $((events + 1)) ] \
    || { echo "run.sh: $events events came in $((chunks - 1)) chunks, not one each" >&2; exit 1; }
for suffix in '' -per-event; do
    [ "$(run curl_rtt 3 "$suffix" | grep -c '^event: done')" = 3 ] \
        || { echo "run.sh: curl did not get 3 continuation answers ($suffix)" >&2; exit 1; }
done

node -e '
    const fs = require("fs");
    const [work, segments] = process.argv.slice(1);
    const facts = { segments: Number(segments) };
    for (const shape of ["bulk", "tokens", "tokens-per-event"]) {
        const text = fs.readFileSync(`${work}/cli-${shape}.txt`, "utf8").replace(/\n$/, "");
        facts[shape + "Utf8Bytes"] = Buffer.byteLength(text);
        facts[shape + "Utf16Bytes"] = text.length * 2;
    }
    const sse = fs.readFileSync(`${work}/curl-tokens.sse`, "latin1");
    facts.tokensEvents = sse.split("\nevent: completion").length - 1 + (sse.startsWith("event: completion") ? 1 : 0);
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
    # The same stream one event per HTTP chunk, as real servers send it.
    if ((run % 2)); then
        timed cli_tokens_pe_us rss_tokens_pe_kib cli_chat tokens-per-event
        timed node_tokens_pe_us - node_stream tokens-per-event
    else
        timed node_tokens_pe_us - node_stream tokens-per-event
        timed cli_tokens_pe_us rss_tokens_pe_kib cli_chat tokens-per-event
    fi
    timed curl_tokens_pe_us - curl_stream tokens-per-event
    timed cli_normal_us rss_normal_kib cli_chat normal
    timed cli_normal_hist_us - cli_chat_history normal
    timed cli_segments_us - cli_chat segments
    timed cli_segments_one_us - cli_chat segments-one
    timed cli_segments_one_hist_us - cli_chat_history segments-one
    timed curl_rtt_many_us - curl_rtt "$segments"
    timed curl_rtt_one_us - curl_rtt 1
    timed cli_segments_pe_us - cli_chat segments-per-event
    timed cli_segments_one_pe_us - cli_chat segments-one-per-event
    timed curl_rtt_many_pe_us - curl_rtt "$segments" -per-event
    timed curl_rtt_one_pe_us - curl_rtt 1 -per-event
done

mkdir -p "$results"
echo
node "$here/report.mjs" "$samples" "$work/facts.json" "$results/streaming.json"
echo
echo "wrote $results/streaming.json"
