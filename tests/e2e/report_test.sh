#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end tests of `parley report`: the real binary writes the briefing as HTML and as Markdown
# with its pictures, lists the equilibria `parley analyze` finds, and never replaces a file
# without --force.
set -u
parley=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flagship=examples/ukraine-talks.yaml

# shellcheck source=check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

# The equilibria `analyze --json` finds and the report's equilibria table lists, as "concept pattern" lines.
analysed_equilibria() {
  "$parley" analyze "$1" --json --only equilibria |
    python3 -c 'import json,sys; d=json.load(sys.stdin)
for c, ps in d["equilibria"].items():
    for p in ps: print(c, p)' | sort
}
listed_equilibria() {
  python3 -c 'import re,sys
html = open(sys.argv[1], encoding="utf-8").read()
table = html[html.index("<table id=\"equilibria\">"):]
table = table[:table.index("</table>")]
for row in re.findall(r"<tr [^>]*>", table):
    pattern = re.search(r"data-pattern=\"([YN]+)\"", row).group(1)
    for c in re.search(r"data-concepts=\"([a-z ]*)\"", row).group(1).split():
        print(c, pattern)' "$1" | sort
}

# HTML: written, self-contained, with the findings, the tables and both pictures.
"$parley" report "$flagship" -o "$tmp/tmp.html" >"$tmp/out" 2>"$tmp/err"
check "report exits 0" test $? -eq 0
check "report says where it wrote" grep -q "$flagship -> $tmp/tmp.html" "$tmp/out"
check "report is quiet on stderr" test ! -s "$tmp/err"
check "report is HTML" grep -q '^<!DOCTYPE html>' "$tmp/tmp.html"
check "findings first" python3 -c 'import sys; h=open(sys.argv[1]).read(); sys.exit(not 0 < h.index("id=\"findings\"") < h.index("id=\"equilibria\"") < h.index("id=\"method\""))' "$tmp/tmp.html"
check "state graph picture" grep -q '<title id="sg-title">' "$tmp/tmp.html"
check "positions picture" grep -q '<title id="pc-title">' "$tmp/tmp.html"
check "labelled an illustration" grep -q 'Illustration, not a forecast' "$tmp/tmp.html"
check "no external resource" test -z "$(grep -oE '(src|href)="[^#][^"]*"|url\([^#]|https?://[^"]*' "$tmp/tmp.html" | grep -v '^http://www.w3.org/2000/svg$')"
analysed_equilibria "$flagship" >"$tmp/expected"
listed_equilibria "$tmp/tmp.html" >"$tmp/listed"
check "equilibria as analyze finds them" cmp -s "$tmp/expected" "$tmp/listed"
check "some equilibria to compare" test -s "$tmp/expected"
check "no temporary file left" test "$(ls "$tmp" | grep -c '^tmp\.html.')" -eq 0

# Never replace a file without --force; with --force, replace it.
echo "an analyst's own notes" >"$tmp/saved.html"
"$parley" report "$flagship" -o "$tmp/saved.html" >"$tmp/out" 2>"$tmp/err"
check "existing file: exits 1" test $? -eq 1
check "existing file: says so" grep -q "^parley report: error: $tmp/saved.html exists$" "$tmp/err"
check "existing file: help" grep -q "help: choose another name, or add --force to replace it" "$tmp/err"
check "existing file: untouched" test "$(cat "$tmp/saved.html")" = "an analyst's own notes"
"$parley" report "$flagship" -o "$tmp/saved.html" --force >/dev/null 2>&1
check "--force replaces" grep -q '^<!DOCTYPE html>' "$tmp/saved.html"
check "the same model gives the same bytes" cmp -s "$tmp/saved.html" "$tmp/tmp.html"

# Markdown: the pictures are SVG files next to it, referred to by relative path.
mkdir "$tmp/md"
"$parley" report "$flagship" --format md -o "$tmp/md/brief.md" >"$tmp/out" 2>&1
check "md exits 0" test $? -eq 0
check "md written" test -s "$tmp/md/brief.md"
check "md graph svg" grep -q '^<svg xmlns="http://www.w3.org/2000/svg"' "$tmp/md/brief-graph.svg"
check "md positions svg" grep -q '^<svg xmlns="http://www.w3.org/2000/svg"' "$tmp/md/brief-positions.svg"
check "md refers to the graph" grep -q '](brief-graph.svg)' "$tmp/md/brief.md"
check "md refers to the positions" grep -q '](brief-positions.svg)' "$tmp/md/brief.md"
check "md has the findings" grep -q '^## Findings' "$tmp/md/brief.md"
check "md has no URL" test "$(grep -c '://' "$tmp/md/brief.md")" -eq 0
check "md says it wrote the pictures" grep -q "brief-positions.svg" "$tmp/out"
"$parley" report "$flagship" -o "$tmp/md/other.md" >/dev/null 2>&1
check "md from the extension" test -s "$tmp/md/other-graph.svg"

# A picture that exists already stops the whole report: nothing is written.
echo "keep" >"$tmp/md/third-graph.svg"
"$parley" report "$flagship" --format md -o "$tmp/md/third.md" >/dev/null 2>"$tmp/err"
check "existing picture: exits 1" test $? -eq 1
check "existing picture: named" grep -q "third-graph.svg exists" "$tmp/err"
check "existing picture: report not written" test ! -e "$tmp/md/third.md"
check "existing picture: untouched" test "$(cat "$tmp/md/third-graph.svg")" = "keep"

# Every catalog conflict and example gives a report.
for f in catalog/*.yaml examples/*.yaml examples/ukraine-talks/*.yaml; do
  out="$tmp/$(basename "$f" .yaml).html"
  "$parley" report "$f" -o "$out" >/dev/null 2>"$tmp/err"
  check "report $f exits 0" test $? -eq 0
  check "report $f is quiet" test ! -s "$tmp/err"
  check "report $f has findings" grep -q '<h2 id="findings">Findings</h2>' "$out"
done

# Errors: an invalid model is located and nothing is written; bad flags are usage errors.
printf 'parley: 1\nparties:\n  - {id: A, options: [a], rankng: [N, Y]}\n' >"$tmp/bad.yaml"
"$parley" report "$tmp/bad.yaml" -o "$tmp/bad.html" >"$tmp/out" 2>"$tmp/err"
check "bad model exits 1" test $? -eq 1
check "bad model: located error" grep -q "^$tmp/bad.yaml:3:27: error: unknown key 'rankng' in a party$" "$tmp/err"
check "bad model: nothing written" test ! -e "$tmp/bad.html"
"$parley" report "$flagship" -o "$tmp/x.html" --coalition US+Nobody >/dev/null 2>"$tmp/err"
check "unknown coalition member exits 1" test $? -eq 1
check "unknown coalition member: said" grep -q "^parley report: error: --coalition US+Nobody:" "$tmp/err"
"$parley" report "$flagship" -o "$tmp/x.html" --target NNN >/dev/null 2>"$tmp/err"
check "bad target exits 1" test $? -eq 1
check "bad target: said" grep -q "^parley report: error: --target NNN:" "$tmp/err"
"$parley" report "$flagship" -o "$tmp/x.html" --format pdf >/dev/null 2>&1
rc=$?
check "unknown format is a usage error" test "$rc" -ge 100
"$parley" report "$flagship" >/dev/null 2>&1
check "missing -o is a usage error" test $? -ne 0
check "errors wrote nothing" test ! -e "$tmp/x.html"

echo "report e2e: $passes passed, $failures failed"
test "$failures" -eq 0
