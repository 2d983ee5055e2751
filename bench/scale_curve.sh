#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# How the cost of Nash, GMR, SMR and SEQ for every party grows with the conflict: generated 5-party
# conflicts (`parley generate --parties 5 --options N --seed 1`, 2^N states, no rules) from 2^FROM
# to 2^TO states, each analysed once as a whole process (`parley analyze FILE --json --only
# equilibria`). For each size: the moves, what `parley check` estimated beforehand, the wall time
# and peak memory measured (/usr/bin/time -v), the states listed in the output, and for sizes up to
# 2^CALLGRIND_TO the instructions executed, counted by callgrind (valgrind), which unlike the time
# do not depend on the machine or its load. Prints a Markdown table (docs/performance.md).
# Usage: bench/scale_curve.sh PATH/TO/parley [FROM=10] [TO=20] [CALLGRIND_TO=16]
set -euo pipefail
parley=$1
from=${2:-10}
to=${3:-20}
callgrind_to=${4:-16}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ ! -x /usr/bin/time ]]; then
  echo "scale_curve.sh: /usr/bin/time not found; peak memory not measured (Debian: apt-get install time)" >&2
fi
if ((callgrind_to >= from)) && ! command -v valgrind >/dev/null; then
  echo "scale_curve.sh: valgrind not found; instruction counts skipped (Debian: apt-get install valgrind)" >&2
  callgrind_to=0
fi

echo "| states | moves | time: estimated | measured | memory: estimated | peak RSS | states listed | instructions (callgrind) | per state |"
echo "|---|---|---|---|---|---|---|---|---|"
for ((n = from; n <= to; n += 2)); do
  model=$tmp/g$n.yaml
  "$parley" generate --parties 5 --options "$n" --seed 1 >"$model"
  # parley check: "... stability analysis (...): [about ]M moves; needs about X and Y on 2 cores"
  estimate=$("$parley" check --max-states $((1 << 30)) "$model" | grep "stability analysis")
  moves=$(sed -E 's/.*: (about )?([0-9.e+]+) moves.*/\2/' <<<"$estimate")
  memory=$(sed -E 's/.*needs about ([^ ]+ [KMG]?i?B) and .*/\1/' <<<"$estimate")
  seconds=$(sed -E 's/.* and (.*) on 2 cores/\1/' <<<"$estimate")
  start=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$tmp/time" "$parley" analyze "$model" --max-states $((1 << 30)) --json --only equilibria \
      >"$tmp/out.json"
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$tmp/time")
  else
    "$parley" analyze "$model" --max-states $((1 << 30)) --json --only equilibria >"$tmp/out.json"
    rss="—"
  fi
  end=$(date +%s%N)
  wall=$(awk -v ns=$((end - start)) 'BEGIN {printf "%.2f", ns / 1e9}')
  listed=$(grep -cE '^ +"[YN]+",?$' "$tmp/out.json" || true)
  instructions="—"
  per_state="—"
  if ((n <= callgrind_to)); then
    instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$parley" analyze "$model" --json \
      --only equilibria 2>&1 >/dev/null | sed -nE 's/.*Collected : ([0-9]+).*/\1/p')
    per_state=$((instructions / (1 << n)))
  fi
  echo "| 2^$n | $moves | $seconds | $wall s | $memory | $rss | $listed | $instructions | $per_state |"
done
