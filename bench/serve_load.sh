#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Load test of `parley serve` on loopback: wrk POSTs a small catalog model to /api/analyze for
# DURATION seconds (default 30), first answered from the workspace cache (the same request
# repeated), then uncached (a new name per request: the analysis runs and its answer is stored).
# Prints requests/s, p50, p99 and errors for each; exits 1 if any request failed or was not 200.
# Usage: bench/serve_load.sh [DURATION] [PARLEY] [MODEL]
set -euo pipefail
duration=${1:-30}
parley=$(realpath "${2:-build/release/apps/cli/parley}")
model=$(realpath "${3:-catalog/elmira.yaml}")
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "serve_load: wrk is not installed (scripts/install-deps.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
"$parley" serve --port 0 --workspace "$tmp/ws.sqlite" >"$tmp/out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
# shellcheck source=../scripts/lib/serve_url.sh
source "$here/../scripts/lib/serve_url.sh"
url=$(serve_url "$tmp/out")
[ -n "$url" ] || { cat "$tmp/out" >&2; exit 1; }
echo "serve_load: $(nproc) cores, $(basename "$model"), ${duration} s per run, wrk -t2 -c8, server $url"
status=0
for mode in cached uncached; do
  PARLEY_MODEL=$model PARLEY_UNCACHED=$([ $mode = uncached ] && echo 1 || echo 0) \
    wrk -t2 -c8 -d"${duration}s" --latency -s "$here/serve_load.lua" "$url" >"$tmp/wrk.$mode" 2>&1 || status=1
  result=$(grep '^RESULT' "$tmp/wrk.$mode" || true)
  echo "$mode: ${result#RESULT }"
  non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' "$tmp/wrk.$mode")
  [ -n "$result" ] || { cat "$tmp/wrk.$mode" >&2; status=1; }
  [[ "$result" == *" errors=0" ]] || status=1
  [ -z "$non2xx" ] || { echo "$mode: $non2xx responses were not 200" >&2; status=1; }
done
exit $status
