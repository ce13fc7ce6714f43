#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Debian package from ./build and checks it and its desktop files the way a
# distribution would: lintian, desktop-file-validate and appstreamcli must report no errors.
#   scripts/package.sh      after scripts/build.sh; prints the path of the .deb last
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f build/cody-chat_*.deb
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/cody-chat_*.deb)
desktop-file-validate packaging/org.codychat.CodyChat.desktop
appstreamcli validate --no-net packaging/org.codychat.CodyChat.metainfo.xml
# Warnings are shown, errors fail. "initial-upload-closes-no-bugs" asks for a Debian ITP bug,
# which a package made outside Debian cannot close.
lintian --allow-root --fail-on error --suppress-tags initial-upload-closes-no-bugs "$deb"
echo "$deb"
