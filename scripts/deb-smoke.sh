#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CI only (it installs into the system, as root): installs the .deb from scripts/package.sh with
# apt-get, as a user would, and starts both programs from the installed files alone.
#   scripts/deb-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls build/cody-chat_*.deb)
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "./$deb"

# Installed where a desktop looks for them, and still valid there.
desktop-file-validate /usr/share/applications/org.codychat.CodyChat.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.codychat.CodyChat.metainfo.xml
test -s /usr/share/icons/hicolor/scalable/apps/org.codychat.CodyChat.svg
man -w cody-chat cody-chat-cli >/dev/null

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
run() { # the installed program, in an empty home, with no build tree on its paths
    env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/config" \
        XDG_DATA_HOME="$home/data" QT_QPA_PLATFORM=offscreen "$@"
}
version=$(sed -n 's/^project(CodyChat VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ "$(run cody-chat-cli --version)" = "cody-chat-cli $version" ]
run cody-chat --version | grep -qx "Cody Chat $version\|cody-chat $version"
run cody-chat-cli resolve cody-sonnet | grep -qx 'cody/anthropic::2023-06-01::claude-3.5-sonnet'
# The installed translation is found beside the installed program.
run env LANG=de_DE.UTF-8 cody-chat --help | grep -q 'Chatten Sie mit Sourcegraph Cody'
# The window opens and paints (FirstPaintProbe quits after the first paint).
run env CODY_STARTUP_PROBE=1 timeout 30 cody-chat 2>&1 | grep -q '^first-paint-ms [0-9]'
echo "deb-smoke: $deb installs, and both programs run from /usr/bin"
