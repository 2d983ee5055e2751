#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every build and test dependency of parley from Debian 12 packages. Idempotent.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git python3 clang-format
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev libtbb-dev libz3-dev
  libcpp-httplib-dev libsqlite3-dev
  # The web application is built with Node.js and npm (packages from the npm registry, web/package-lock.json);
  # its browser tests drive Debian's Chromium; wrk is the HTTP load generator of the server benchmark.
  nodejs chromium wrk
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian's own nodejs package ships npm separately; NodeSource's repackaged nodejs includes it.
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: npm is missing; run as root or: sudo apt-get install npm" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
fi
