#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end tests of `parley serve`: the real binary on a free loopback port, driven with curl.
# Answers equal the command line's --json output byte for byte; malformed and oversized bodies,
# parallel requests, a job polled and cancelled, the time limit, the workspace, the token, a clean
# stop on SIGTERM, and a SIGKILL in the middle of saves that must lose nothing acknowledged.
set -u
parley=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 1
for tool in curl sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "serve_test: $tool is not installed (scripts/install-deps.sh)" >&2; exit 1; }
done
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
# shellcheck source=../../scripts/lib/serve_url.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/serve_url.sh"

# start_server OUT ARGS...: starts parley serve, waits for its URL; sets $pid and $url.
start_server() {
  local out=$1
  shift
  "$parley" serve --port 0 "$@" >"$out" 2>"$out.err" &
  pid=$!
  pids+=("$pid")
  url=$(serve_url "$out")
  [ -n "$url" ] || { echo "serve_test: the server did not start:" >&2; cat "$out" "$out.err" >&2; exit 1; }
}
status_of() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }
json_field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); print(eval("v"+sys.argv[2]))' "$@"; }

ws=$tmp/ws.sqlite
start_server "$tmp/server.out" --workspace "$ws"
check "prints the workspace" grep -q "workspace: $ws" "$tmp/server.out"
check "no token on loopback" bash -c "! grep -q token: '$tmp/server.out'"
check "health" test "$(status_of "$url/api/health")" = 200
check "health says ok" grep -q '"ok": true' "$tmp/body"

# Analyses answer exactly the command line's JSON.
model=examples/ukraine-talks.yaml
"$parley" analyze --json "$model" >"$tmp/cli.json"
curl -s --data-binary @"$model" "$url/api/analyze?name=ukraine-talks" >"$tmp/api.json"
check "analyze = parley analyze --json" cmp -s "$tmp/cli.json" "$tmp/api.json"
"$parley" analyze --json --concepts nash,seq --coalition US+EU "$model" >"$tmp/cli.json" 2>&1
curl -s --data-binary @"$model" "$url/api/analyze?concepts=nash,seq&coalition=US%2BEU" >"$tmp/api.json"
check "analyze with flags = the CLI" cmp -s "$tmp/cli.json" "$tmp/api.json"
"$parley" paths --json "$model" >"$tmp/cli.json"
curl -s --data-binary @"$model" "$url/api/paths" >"$tmp/api.json"
check "paths = parley paths --json" cmp -s "$tmp/cli.json" "$tmp/api.json"
"$parley" predict --json catalog/ec-car-emissions.yaml >"$tmp/cli.json"
curl -s --data-binary @catalog/ec-car-emissions.yaml "$url/api/predict" >"$tmp/api.json"
check "predict = parley predict --json" cmp -s "$tmp/cli.json" "$tmp/api.json"
"$parley" explain --json catalog/elmira.yaml 5 >"$tmp/cli.json"
curl -s --data-binary @catalog/elmira.yaml "$url/api/explain?state=5&name=elmira" >"$tmp/api.json"
check "explain = parley explain --json" cmp -s "$tmp/cli.json" "$tmp/api.json"
"$parley" analyze --json tests/data/gmcr/elmira.gmcr >"$tmp/cli.json"
curl -s --data-binary @tests/data/gmcr/elmira.gmcr "$url/api/analyze?name=elmira" >"$tmp/api.json"
check "a GMCR+ file = the CLI" cmp -s "$tmp/cli.json" "$tmp/api.json"

# Malformed and invalid bodies: 400 with the first error's line and column.
printf 'parley: 1\nname: x\nparties: [\n' >"$tmp/broken.yaml"
check "malformed YAML is 400" test "$(status_of --data-binary @"$tmp/broken.yaml" "$url/api/analyze")" = 400
check "malformed YAML has a line" test "$(json_field "$tmp/body" '["line"]')" != None
check "malformed YAML has a column" test "$(json_field "$tmp/body" '["column"]')" != None
printf 'parley: 1\nparties:\n  - {id: A, options: [a], rankng: [N, Y]}\n' >"$tmp/bad.yaml"
"$parley" check "$tmp/bad.yaml" 2>"$tmp/cli.err" >/dev/null
check "invalid model is 400" test "$(status_of --data-binary @"$tmp/bad.yaml" "$url/api/check?name=$tmp/bad.yaml")" = 400
check "the CLI's message" test "$(json_field "$tmp/body" '["diagnostics"][0]["text"]')" = "$(head -2 "$tmp/cli.err")"
check "error line" test "$(json_field "$tmp/body" '["line"]')" = 3
check "error column" test "$(json_field "$tmp/body" '["column"]')" = 10
check "binary body is 400" test "$(head -c 300 /dev/urandom | status_of --data-binary @- "$url/api/analyze")" = 400
check "empty body is 400" test "$(status_of -X POST "$url/api/analyze")" = 400
check "unknown parameter is 400" test "$(status_of --data-binary @"$model" "$url/api/analyze?concept=nash")" = 400
check "unknown route is 404" test "$(status_of "$url/api/nowhere")" = 404

# Oversized body: 413 (default limit 4 MiB).
head -c $((5 << 20)) /dev/zero | tr '\0' 'x' >"$tmp/huge"
check "oversized body is 413" test "$(status_of --data-binary @"$tmp/huge" "$url/api/analyze")" = 413
check "413 says what to do" grep -q -- "--max-body" "$tmp/body"

# 20 requests in parallel: every answer 200 and identical to the command line's.
"$parley" analyze --json catalog/elmira.yaml >"$tmp/elmira.json"
mkdir -p "$tmp/par"
seq 1 20 | xargs -P 20 -I{} sh -c "curl -s -o '$tmp/par/{}.json' -w '%{http_code}\n' --data-binary @catalog/elmira.yaml \
  '$url/api/analyze?name=elmira' >'$tmp/par/{}.code'"
check "20 parallel requests: all 200" test "$(cat "$tmp"/par/*.code | sort -u)" = 200
same=0
for f in "$tmp"/par/*.json; do cmp -s "$f" "$tmp/elmira.json" && same=$((same + 1)); done
check "20 parallel requests: all identical to the CLI" test "$same" = 20

# A long job on a million-state model: progress while running, then DELETE cancels it.
"$parley" generate --parties 5 --options 20 --seed 1 >"$tmp/big.yaml"
python3 -c 'import json,sys; print(json.dumps({"kind": "analyze", "model": open(sys.argv[1]).read(),
  "options": {"concepts": "nash,gmr,smr,seq,sim", "only": "equilibria"}}))' "$tmp/big.yaml" >"$tmp/job.json"
check "job accepted (202)" test "$(status_of --data-binary @"$tmp/job.json" "$url/api/jobs")" = 202
job=$(json_field "$tmp/body" '["id"]')
state=
progress=0
for _ in $(seq 1 600); do
  curl -s "$url/api/jobs/$job" >"$tmp/job.status"
  state=$(json_field "$tmp/job.status" '["status"]')
  progress=$(json_field "$tmp/job.status" '["progress"]')
  [ "$state" = running ] && python3 -c "import sys; sys.exit(0 if $progress > 0 else 1)" && break
  [ "$state" = done ] && break
  sleep 0.05
done
check "job runs with progress > 0 (was $state, $progress)" test "$state" = running
check "DELETE cancels the job" test "$(status_of -X DELETE "$url/api/jobs/$job")" = 200
check "cancelled" test "$(json_field "$tmp/body" '["status"]')" = cancelled
check "GET says cancelled" test "$(curl -s "$url/api/jobs/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')" = cancelled
check "unknown job is 404" test "$(status_of "$url/api/jobs/j999999")" = 404

# Workspace: save, list, versions.
check "save v1" test "$(status_of -X PUT --data-binary @catalog/elmira.yaml "$url/api/models/elmira")" = 200
check "v1" test "$(json_field "$tmp/body" '["version"]')" = 1
check "save v2" test "$(status_of -X PUT --data-binary @catalog/chicken.yaml "$url/api/models/elmira")" = 200
check "v2" test "$(json_field "$tmp/body" '["version"]')" = 2
check "invalid save is 400" test "$(status_of -X PUT --data-binary @"$tmp/bad.yaml" "$url/api/models/elmira")" = 400
check "list" test "$(curl -s "$url/api/models" | python3 -c 'import json,sys; print([m["name"] for m in json.load(sys.stdin)])')" = "['elmira']"
check "two versions" test "$(curl -s "$url/api/models/elmira/versions" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2
curl -s "$url/api/models/elmira/versions/1" | python3 -c 'import json,sys; sys.stdout.write(json.load(sys.stdin)["text"])' >"$tmp/v1"
check "version 1's text" cmp -s "$tmp/v1" catalog/elmira.yaml
check "runs are cached" test "$(curl -s "$url/api/runs?model=elmira" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)) > 0)')" = True

# SIGTERM stops it cleanly.
kill -TERM "$pid"
wait "$pid"
check "SIGTERM: exit 0" test $? -eq 0
check "SIGTERM: says stopped" grep -q "parley serve: stopped" "$tmp/server.out"

# The time limit: 503 when an analysis runs past it.
start_server "$tmp/limit.out" --workspace "$tmp/limit.sqlite" --time-limit 0.3
check "time limit: 503" test "$(status_of --data-binary @"$tmp/big.yaml" "$url/api/analyze?concepts=nash,gmr,smr,seq,sim&only=equilibria")" = 503
check "time limit: says so" grep -q "time limit" "$tmp/body"
port=${url##*:}
timeout 20 "$parley" serve --port "$port" --workspace "$tmp/second.sqlite" >"$tmp/second.out" 2>&1
check "port in use: exit 1" test $? -eq 1
check "port in use: says so" grep -q "in use" "$tmp/second.out"
kill -TERM "$pid"
wait "$pid"

# A non-loopback host needs the token it prints.
start_server "$tmp/token.out" --workspace "$tmp/token.sqlite" --host 0.0.0.0
token=$(sed -n 's/^  token: //p' "$tmp/token.out")
url=http://127.0.0.1:${url##*:}
check "token printed" test ${#token} -eq 32
check "no token: 401" test "$(status_of "$url/api/health")" = 401
check "bearer token: 200" test "$(status_of -H "Authorization: Bearer $token" "$url/api/health")" = 200
kill -TERM "$pid"
wait "$pid"

# Crash test: four clients save versions in a loop; SIGKILL in the middle; every acknowledged
# version must be there after a restart, with its text, and the file must be intact.
start_server "$tmp/crash.out" --workspace "$tmp/crash.sqlite"
mkdir -p "$tmp/acked"
saver() {  # saver CLIENT: saves until the server is gone; records each acknowledged version
  local client=$1 i=0
  while :; do
    i=$((i + 1))
    { cat catalog/prisoners-dilemma.yaml; echo "# client $client save $i"; } >"$tmp/acked/$client.$i.txt"
    code=$(curl -s -o "$tmp/acked/$client.$i.ack" -w '%{http_code}' -X PUT \
      --data-binary @"$tmp/acked/$client.$i.txt" "$url/api/models/crash-$client") || break
    [ "$code" = 200 ] || break
  done
  rm -f "$tmp/acked/$client.$i.ack"  # the one in flight at the kill was not acknowledged
}
for c in 1 2 3 4; do saver "$c" & done
sleep 1.5
kill -9 "$pid"
wait
acked=$(ls "$tmp"/acked/*.ack 2>/dev/null | wc -l)
check "some saves were acknowledged before the kill ($acked)" test "$acked" -gt 10
check "integrity_check after SIGKILL" test "$(sqlite3 "$tmp/crash.sqlite" 'PRAGMA integrity_check')" = ok
start_server "$tmp/crash2.out" --workspace "$tmp/crash.sqlite"
missing=0
for ack in "$tmp"/acked/*.ack; do
  name=$(json_field "$ack" '["name"]')
  version=$(json_field "$ack" '["version"]')
  curl -s "$url/api/models/$name/versions/$version" |
    python3 -c 'import json,sys; sys.stdout.write(json.load(sys.stdin)["text"])' >"$tmp/got" 2>/dev/null
  cmp -s "$tmp/got" "${ack%.ack}.txt" || missing=$((missing + 1))
done
check "every acknowledged version is there with its text ($missing missing of $acked)" test "$missing" -eq 0
check "integrity_check after restart" test "$(sqlite3 "$tmp/crash.sqlite" 'PRAGMA integrity_check')" = ok
kill -TERM "$pid"
wait "$pid"

echo "serve_test: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
