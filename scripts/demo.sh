#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what parley needs, builds it (Release) and analyses the flagship example: stability of
# every state, the evolution from the status quo, and the spatial predictions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target parley
parley=./build/release/apps/cli/parley
model=examples/ukraine-talks.yaml
echo; echo "== parley analyze $model"; "$parley" analyze "$model"
echo; echo "== parley paths $model --coalition US+CAN+EU"; "$parley" paths "$model" --coalition US+CAN+EU
echo; echo "== parley predict $model"; "$parley" predict "$model"
