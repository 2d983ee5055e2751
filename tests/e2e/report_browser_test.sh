#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The briefing in a real browser: headless Chromium renders the flagship's report from a file,
# with networking disabled; the DOM must hold the findings, the tables and both pictures, and the
# screenshot must show a page (not a blank one). The report, the DOM and the screenshot stay in
# ARTEFACT_DIR for a person to look at. Exit 77 (CTest: skipped) only when Chromium is absent.
set -u
parley=$1
artefacts=$2
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "SKIP: no Chromium at $chromium (set CHROMIUM to run the browser test)"
  exit 77
fi
# shellcheck source=check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

mkdir -p "$artefacts"
artefacts=$(cd "$artefacts" && pwd)
rm -f "$artefacts/report.html" "$artefacts/report.png" "$artefacts/dom.html"
"$parley" report examples/ukraine-talks.yaml -o "$artefacts/report.html" >/dev/null
check "report written" test -s "$artefacts/report.html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browse() {  # browse ARGS...: headless Chromium, fresh profile, no network of any kind
  timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --host-resolver-rules="MAP * ~NOTFOUND" "$@" "file://$artefacts/report.html" 2>>"$artefacts/chromium.log"
}
: >"$artefacts/chromium.log"
browse --dump-dom >"$artefacts/dom.html"
check "DOM dumped" test -s "$artefacts/dom.html"
check "DOM: findings" grep -q '<h2 id="findings">Findings</h2>' "$artefacts/dom.html"
check "DOM: a finding in words" grep -q '<strong>Stable outcomes.</strong>' "$artefacts/dom.html"
check "DOM: equilibria table" grep -q '<table id="equilibria">' "$artefacts/dom.html"
check "DOM: state graph SVG" grep -q '<title id="sg-title">' "$artefacts/dom.html"
check "DOM: positions SVG" grep -q '<title id="pc-title">' "$artefacts/dom.html"
check "DOM: references" grep -q '<h2 id="references">References</h2>' "$artefacts/dom.html"

browse --screenshot="$artefacts/report.png" --window-size=1280,4000 >/dev/null
check "screenshot taken" test -s "$artefacts/report.png"
# Decodes the PNG (8-bit RGB or RGBA, no library needed) and asks for ink: a blank page is all
# one colour; a rendered report has text, tables and coloured pictures.
check "screenshot is a rendered page" python3 - "$artefacts/report.png" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
at, chunks, idat = 8, {}, b""
while at < len(data):
    length, kind = struct.unpack(">I4s", data[at:at + 8])
    body = data[at + 8:at + 8 + length]
    if kind == b"IHDR": chunks["IHDR"] = body
    if kind == b"IDAT": idat += body
    at += 12 + length
width, height, depth, colour = struct.unpack(">IIBB", chunks["IHDR"][:10])
assert depth == 8 and colour in (2, 6), f"unexpected PNG format {depth}/{colour}"
bpp = 3 if colour == 2 else 4
raw, stride, prev, rows = zlib.decompress(idat), width * bpp, bytearray(width * bpp), []
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line)); prev = line
colours, inked = set(), 0
for y in range(0, height, 4):
    for x in range(0, width, 4):
        px = rows[y][x * bpp:x * bpp + 3]
        colours.add(px)
        inked += px != b"\xff\xff\xff"
share = inked / ((height // 4) * (width // 4))
print(f"{width}x{height}, {len(colours)} colours, {share:.1%} not white")
sys.exit(0 if width == 1280 and len(colours) > 50 and share > 0.03 else 1)
EOF

echo "report browser test: $passes passed, $failures failed (artefacts in $artefacts)"
test "$failures" -eq 0
