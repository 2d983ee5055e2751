#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what parley needs, builds it (Release) and analyses the flagship example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target parley
./build/release/apps/cli/parley analyze examples/ukraine-talks.yaml
