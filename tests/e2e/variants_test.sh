#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The flagship's variants (examples/ukraine-talks/*.yaml) are full model files, so that each can be
# read, checked and analysed on its own. This test keeps them from drifting apart from the base:
# each variant names, under `x-variant.change`, a jq program; run on the base as `parley convert`
# writes it (JSON), it must give exactly the variant as `parley convert` writes it, the name and
# description aside. A change to the base that is not carried into the variants fails here.
# Usage: bash tests/e2e/variants_test.sh PATH/TO/parley   (from the repository root)
set -u
parley=${1:?usage: variants_test.sh PATH/TO/parley}
base=examples/ukraine-talks.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

normalise() {  # MODEL OUT: the model as parley reads it, without the parts a variant may rename
  rm -f "$tmp/converted.json"
  "$parley" convert "$1" -o "$tmp/converted.json" >/dev/null || return 1
  jq -S 'del(.name, .description)' "$tmp/converted.json" >"$2"
}

normalise "$base" "$tmp/base.json" || { echo "FAIL: cannot read $base"; exit 1; }
count=0
for variant in examples/ukraine-talks/*.yaml; do
  count=$((count + 1))
  if ! python3 - "$variant" >"$tmp/change.jq" <<'EOF'; then
import sys, yaml
v = yaml.safe_load(open(sys.argv[1])).get("x-variant") or {}
if not v.get("question") or not v.get("change") or v.get("of") != "../ukraine-talks.yaml":
    sys.exit(f"{sys.argv[1]}: x-variant needs of: ../ukraine-talks.yaml, a question and a change")
print(v["change"])
EOF
    fail "$variant: no x-variant with of, question and change"
    continue
  fi
  normalise "$variant" "$tmp/variant.json" || { fail "$variant is not a valid model"; continue; }
  if ! jq -S -f "$tmp/change.jq" "$tmp/base.json" >"$tmp/expected.json" 2>"$tmp/err"; then
    fail "$variant: its change is not a jq program that runs on the base: $(cat "$tmp/err")"
    continue
  fi
  if cmp -s "$tmp/base.json" "$tmp/variant.json"; then
    fail "$variant does not differ from the base"
  elif ! diff -u "$tmp/expected.json" "$tmp/variant.json" >"$tmp/diff"; then
    fail "$variant differs from the base by more than its change (expected - , variant +):"
    cat "$tmp/diff"
  else
    echo "ok: $variant is the base with its change"
  fi
done
[ "$count" -gt 0 ] || fail "no variants found in examples/ukraine-talks/"
if [ "$failures" -gt 0 ]; then
  echo "$failures variant check(s) failed"
  exit 1
fi
echo "all $count variants are the base with their stated change"
