#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what parley needs, builds it with warnings as errors, and runs every test (CTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$(nproc)"
ctest --preset ci
