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
    xvfb xauth fonts-dejavu-core
)

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
