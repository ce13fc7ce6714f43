#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A new user's first minute, typed on a real X server (Xvfb) into the real cody-chat against the
# real keychain (the test session's gnome-keyring): the first-run Settings dialog opens, and
# typing the URL, Tab, the token and Enter must leave the token in the keychain, and nothing typed
# anywhere else (the TLS bypass stays off).
#   first-run-token.sh PATH/TO/cody-chat
set -euo pipefail
gui=$1
skip() {
    echo "SKIP: $*"
    [ -z "${CODY_REQUIRE_KEYCHAIN:-}" ] || { echo "FAIL: required here"; exit 1; }
    exit 77
}
for tool in Xvfb xdotool secret-tool; do
    command -v "$tool" >/dev/null || skip "needs $tool"
done
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || skip "needs a session bus with a Secret Service"

home=$(mktemp -d)
app=""
xvfb=""
cleanup() {
    [ -z "$app" ] || kill "$app" 2>/dev/null || true
    [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$home"
}
trap cleanup EXIT

# A display of our own: -displayfd writes the number that was free once it is ready.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$home/display" >"$home/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 1 200); do
    [ -s "$home/display" ] && break
    sleep 0.1
done
[ -s "$home/display" ] || { cat "$home/xvfb.log"; echo "FAIL: Xvfb did not start"; exit 1; }
export DISPLAY=":$(head -n 1 "$home/display")"

url="https://sourcegraph.first-run-$$.example.com"
token="sgp_first_run_$$_0123456789abcdef"
# A fresh user: no settings, no history; the keychain is the session's.
env -u QT_QPA_PLATFORM -u LLM_BASE_URL -u LLM_API_KEY HOME="$home" \
    XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" QT_QPA_PLATFORM=xcb \
    "$gui" >"$home/app.log" 2>&1 &
app=$!

# Xvfb has no window manager: the dialog gets the keyboard only when given it.
window=$(timeout 20 xdotool search --sync --onlyvisible --name "Cody Chat Settings" | head -n 1) \
    || { cat "$home/app.log"; echo "FAIL: the first-run Settings dialog did not open"; exit 1; }
xdotool windowfocus --sync "$window"
sleep 0.5 # the dialog settles its initial focus once it is active
# Typed as a person types: no pause for the keychain read that leaving the URL field starts.
xdotool type --delay 20 "$url"
xdotool key Tab
xdotool type --delay 20 "$token"
xdotool key Return

stored=""
for _ in $(seq 1 100); do
    stored=$(secret-tool lookup server cody-chat user "$url" 2>/dev/null || true)
    [ -z "$stored" ] || break
    sleep 0.1
done
secret-tool clear server cody-chat user "$url" 2>/dev/null || true
settings="$home/config/cody-chat/cody-chat.ini"
if [ "$stored" != "$token" ]; then
    echo "FAIL: the keychain holds '${stored:-nothing}' for $url, not the token typed"
    [ ! -f "$settings" ] || cat "$settings"
    cat "$home/app.log"
    exit 1
fi
if [ -f "$settings" ] && grep -qi 'bypass' "$settings"; then
    echo "FAIL: a keystroke turned the TLS bypass on:"
    cat "$settings"
    exit 1
fi
grep -q "url=$url" "$settings" || { echo "FAIL: the URL was not saved"; cat "$settings"; exit 1; }
if grep -q "$token" "$settings"; then
    echo "FAIL: the token is in the settings file"
    exit 1
fi
echo "PASS: URL, Tab, token, Enter stored the token in the keychain for $url"
