#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what parley needs, builds it (Release) and analyses the flagship example: stability of
# every state, the evolution from the status quo, what would make a just peace hold, and the
# spatial predictions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target parley
parley=./build/release/apps/cli/parley
model=examples/ukraine-talks.yaml
echo; echo "== parley analyze $model"; "$parley" analyze "$model"
echo; echo "== parley paths $model --coalition US+CAN+EU"; "$parley" paths "$model" --coalition US+CAN+EU
echo; echo "== parley inverse $model --target YYYYYYNYYY --vary RUS --concepts nash,gmr,seq"
echo "   (what would have to change in Moscow for the just peace, state 352, to hold)"
"$parley" inverse "$model" --target YYYYYYNYYY --vary RUS --concepts nash,gmr,seq
echo; echo "== parley predict $model"; "$parley" predict "$model"
echo; echo "The walk-through of these results, and more: docs/tutorial.md"
