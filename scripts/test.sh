#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds, then runs every test with CTest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
# Tests must not see the developer's own Sourcegraph settings, token or proxy.
unset LLM_BASE_URL LLM_API_KEY SRC_ENDPOINT SRC_ACCESS_TOKEN CODY_MODEL CODY_SSL_BYPASS CODY_CA_FILE \
    http_proxy https_proxy HTTP_PROXY HTTPS_PROXY
export QT_QPA_PLATFORM=offscreen
# The keychain tests talk to a real Secret Service: a throw-away gnome-keyring, unlocked with a
# dummy password, on a private session bus, so the developer's own keyring is never touched.
# Without DISPLAY nothing can autolaunch a bus or pop up a prompt (see platform-notes).
XDG_DATA_HOME=$(mktemp -d)
XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_DATA_HOME XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"' EXIT
unset DISPLAY DBUS_SESSION_BUS_ADDRESS
# Here a missing keychain is a failure, not a reason to skip.
export CODY_REQUIRE_KEYCHAIN=1
# ctest stays last, so its summary closes the output; dbus-run-session passes its exit code on.
dbus-run-session -- bash -c \
    'eval "$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)"; ctest --test-dir build --output-on-failure --parallel "$(nproc)"'
