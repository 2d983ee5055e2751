# SPDX-License-Identifier: Apache-2.0
# Sourced by the end-to-end scripts: `check NAME COMMAND...` runs COMMAND and counts a pass or,
# naming NAME on stderr, a failure; the script ends with its counts and fails if any check did.
failures=0
passes=0
check() {
  local name=$1
  shift
  if "$@"; then passes=$((passes + 1)); else failures=$((failures + 1)); echo "FAIL: $name" >&2; fi
}
