#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole command-line runs, timed in one session against a baseline measured in the same run:
# `parley --version` (process start, no work). Prints a table; figures are medians of N runs.
# Usage: bench/cli_timing.sh PATH/TO/parley [RUNS]
set -euo pipefail
parley=$1
runs=${2:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median_ms() {  # median wall time of a command over $runs runs, in milliseconds
  local times=()
  for ((r = 0; r < runs; r++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

baseline=$(median_ms "$parley" --version)
printf '%-55s %10s %8s\n' "command (median of $runs runs)" "ms" "ratio"
printf '%-55s %10s %8s\n' "parley --version (baseline: process start)" "$baseline" "1.0"
for model in catalog/prisoners-dilemma.yaml catalog/syria-iraq.yaml catalog/cuban-missile-crisis.yaml catalog/elmira.yaml \
  examples/ukraine-talks.yaml; do
  ms=$(median_ms "$parley" analyze "$model" --json --concepts nash,gmr,smr,seq,sim)
  printf '%-55s %10s %8s\n' "analyze $(basename "$model") --json (all concepts)" "$ms" \
    "$(awk -v a="$ms" -v b="$baseline" 'BEGIN {printf "%.1f", a / b}')"
done
