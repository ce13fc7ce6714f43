#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages Cody Chat needs to build and test. Run as root or with sudo.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-base-dev-tools qtkeychain-qt6-dev libqt6sql6-sqlite
    libcmark-gfm-dev libcmark-gfm-extensions-dev libsource-highlight-dev
    openssl ca-certificates
    dbus-daemon gnome-keyring libsecret-tools
    xvfb xauth xdotool fonts-dejavu-core
    # The fonts 'apt-get install imagemagick' brings (URW, Noto Mono, Ghostscript's): the GUI tests
    # prove that code stays monospaced on a machine with many fonts, as users' machines are.
    fonts-urw-base35 fonts-noto-mono fonts-droid-fallback gsfonts
    sqlite3 libsimdjson-dev rapidjson-dev time
    clang libclang-rt-14-dev
    go-md2man lintian desktop-file-utils appstream
    qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
    qt6-httpserver-dev qt6-websockets-dev
)

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
# Node.js and npm run the differential SSE test; Debian's are used only when the machine has
# none (Debian 12 ships Node 18, which eventsource-parser 3 supports).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
fi
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
