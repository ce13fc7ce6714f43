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
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
