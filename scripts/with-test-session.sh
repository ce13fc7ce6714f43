#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs a command the way every test run needs: without the developer's own Sourcegraph settings,
# token or proxy, offscreen, with throw-away data and runtime directories, and inside a private
# D-Bus session with a throw-away gnome-keyring unlocked with a dummy password, so the keychain
# tests talk to a real Secret Service and the developer's own keyring is never touched. Without
# DISPLAY nothing can autolaunch a bus or pop up a prompt (see platform-notes).
#   scripts/with-test-session.sh ctest --test-dir build --output-on-failure
set -euo pipefail
unset LLM_BASE_URL LLM_API_KEY SRC_ENDPOINT SRC_ACCESS_TOKEN CODY_MODEL CODY_SSL_BYPASS CODY_CA_FILE \
    http_proxy https_proxy HTTP_PROXY HTTPS_PROXY
export QT_QPA_PLATFORM=offscreen
XDG_DATA_HOME=$(mktemp -d)
XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_DATA_HOME XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"' EXIT
unset DISPLAY DBUS_SESSION_BUS_ADDRESS
# Here a missing keychain is a failure, not a reason to skip.
export CODY_REQUIRE_KEYCHAIN=1
# dbus-run-session passes the command's exit code on.
dbus-run-session -- bash -c \
    'eval "$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)"; exec "$@"' \
    with-test-session "$@"
