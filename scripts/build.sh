#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures and builds everything (programs, tests, fake server) into ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
cmake --build build --parallel "$(nproc)"
