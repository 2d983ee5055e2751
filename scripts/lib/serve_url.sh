# SPDX-License-Identifier: Apache-2.0
# Sourced by scripts that start `parley serve --port 0` (tests/e2e/serve_test.sh,
# bench/serve_load.sh): `serve_url FILE` waits up to 10 s for the server's "listening on URL" line in
# FILE (its standard output) and prints the URL without a trailing slash; prints nothing if the
# server never said it.
serve_url() {
  local url=
  for _ in $(seq 1 200); do
    url=$(sed -n 's/^parley serve: listening on \(http[^ ]*\)$/\1/p' "$1")
    [ -n "$url" ] && break
    sleep 0.05
  done
  echo "${url%/}"
}
