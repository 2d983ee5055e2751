#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end tests of the real parley binary: exit codes, standard output and standard error.
set -u
parley=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

# --version and --help
check "version" test "$("$parley" --version)" = "parley 0.1.0"
"$parley" --help >"$tmp/help" 2>&1
check "help lists check" grep -q "check" "$tmp/help"
check "help lists analyze" grep -q "analyze" "$tmp/help"

# check: valid models exit 0 and summarise
for f in catalog/*.yaml examples/*.yaml examples/ukraine-talks/*.yaml; do
  "$parley" check "$f" >"$tmp/out" 2>"$tmp/err"
  check "check $f exits 0" test $? -eq 0
  check "check $f says valid" grep -q ": valid" "$tmp/out"
  check "check $f is silent on stderr" test ! -s "$tmp/err"
done
"$parley" check catalog/elmira.yaml >"$tmp/out"
check "elmira summary: states" grep -q "feasible states: 12 of 32 combinations" "$tmp/out"
check "check estimates the analysis" grep -q "stability analysis (Nash, GMR, SMR, SEQ): 30 moves; needs about" "$tmp/out"

# check: invalid models exit non-zero with FILE:LINE:COLUMN: error: on stderr and nothing on stdout
printf 'parley: 1\nparties:\n  - {id: A, options: [a], rankng: [N, Y]}\n' >"$tmp/bad.yaml"
"$parley" check "$tmp/bad.yaml" >"$tmp/out" 2>"$tmp/err"
check "bad model exits 1" test $? -eq 1
check "bad model: nothing on stdout" test ! -s "$tmp/out"
check "bad model: located error" grep -q "^$tmp/bad.yaml:3:27: error: unknown key 'rankng' in a party$" "$tmp/err"
check "bad model: help line" grep -q "^  help: did you mean 'ranking'?" "$tmp/err"
check "bad model: error count" grep -q "2 errors; the model was not read" "$tmp/err"

"$parley" check "$tmp/missing.yaml" >/dev/null 2>"$tmp/err"
check "missing file exits 1" test $? -eq 1
check "missing file is named" grep -q "missing.yaml:1:1: error: cannot open the file" "$tmp/err"

head -c 2000 /dev/urandom >"$tmp/random.bin"
"$parley" check "$tmp/random.bin" >/dev/null 2>"$tmp/err"
check "binary file exits 1" test $? -eq 1
check "binary file error" grep -Eq "random.bin:[0-9]+:[0-9]+: error: (the file is binary|invalid UTF-8)" "$tmp/err"

# --max-states: the limit is explained and can be raised
printf 'parley: 1\nparties:\n  - id: A\n    priorities: [a]\n    options: [a, b, c, d, e, f, g, h, i, j, k, l]\n' >"$tmp/big.yaml"
"$parley" check --max-states 1000 "$tmp/big.yaml" >/dev/null 2>"$tmp/err"
check "over the limit exits 1" test $? -eq 1
check "over the limit says so" grep -q "more than 1000 feasible states" "$tmp/err"
"$parley" check --max-states 4096 "$tmp/big.yaml" >/dev/null 2>&1
check "raised limit admits it" test $? -eq 0

# analyze: the tabular form and the JSON of the contract
"$parley" analyze catalog/syria-iraq.yaml >"$tmp/out"
check "analyze table" grep -Eq "^Iraq attack +N +N +N +Y +Y +Y$" "$tmp/out"
check "analyze stability rows" grep -Eq "^GMR +Syria +\+ +- +\+ +- +- +\+$" "$tmp/out"
check "analyze equilibria" grep -Eq "^  SEQ +6 NYY$" "$tmp/out"
check "analyze rankings" grep -q "^Syria      1 3 6 2 4 5$" "$tmp/out"
"$parley" analyze catalog/syria-iraq.yaml --json >"$tmp/out.json"
check "analyze --json exits 0" test $? -eq 0
check "json keys" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["parley"] == "0.1.0" and d["model"].startswith("Syria")
assert d["options"] == ["Syria.release", "Syria.escalate", "Iraq.attack"]
assert [s["pattern"] for s in d["states"]] == ["NNN", "YNN", "NYN", "NNY", "YNY", "NYY"]
assert [s["id"] for s in d["states"]] == [1, 2, 3, 4, 5, 6]
assert d["status_quo"] == "NNN"
assert d["equilibria"] == {"nash": ["NYY"], "gmr": ["NNN", "NYY"], "smr": ["NYY"], "seq": ["NYY"]}
assert d["stability"]["gmr"] == {"Syria": ["NNN", "NYN", "NYY"], "Iraq": ["NNN", "YNN", "NNY", "YNY", "NYY"]}
' "$tmp/out.json"
"$parley" analyze catalog/elmira.yaml --json --only equilibria --concepts nash,seq >"$tmp/only.json"
check "--only equilibria keys" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["parley", "model", "options", "status_quo", "equilibria"], list(d)
assert list(d["equilibria"]) == ["nash", "seq"]
' "$tmp/only.json"
"$parley" analyze catalog/elmira.yaml --concepts nash,bogus >/dev/null 2>"$tmp/err"
check "unknown concept fails" test $? -ne 0
check "unknown concept is named" grep -q "unknown concept 'bogus'" "$tmp/err"
"$parley" analyze catalog/ec-car-emissions.yaml >/dev/null 2>"$tmp/err"
check "spatial model cannot be analysed for stability" grep -q "has no options" "$tmp/err"

# each party under its own concept
"$parley" analyze catalog/syria-iraq.yaml --json --only equilibria --per-party Syria=gmr,Iraq=nash >"$tmp/pp.json"
check "per-party equilibria" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["equilibria_per_party"]
assert d == {"concepts": {"Syria": "gmr", "Iraq": "nash"}, "states": ["NYY"]}, d
' "$tmp/pp.json"
"$parley" analyze catalog/syria-iraq.yaml --per-party Syria=gmr >/dev/null 2>"$tmp/err"
check "per-party needs every party" grep -q "no concept for party 'Iraq'" "$tmp/err"

# status quo paths
"$parley" paths catalog/syria-iraq.yaml --json >"$tmp/paths.json"
check "paths json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["from", "reachable"] and d["from"] == "NNN"
r = {x["pattern"]: x for x in d["reachable"]}
assert r["NNN"]["moves"] == 0 and r["NNN"]["path"] == []
assert r["NYY"]["path"] == [{"party": "Iraq", "to": "NNY"}, {"party": "Syria", "to": "NYY"}]
moves = [x["moves"] for x in d["reachable"]]
assert moves == sorted(moves)
' "$tmp/paths.json"
"$parley" paths catalog/elmira.yaml >"$tmp/out"
check "paths tree marks equilibria" grep -q "LG moves to 7 NYNNY  \[equilibrium: Nash, GMR, SMR, SEQ\]" "$tmp/out"
"$parley" paths catalog/cuban-missile-crisis.yaml --to NYYN >"$tmp/out"
check "paths --to lists the historical path" grep -q "1 -(US)-> 3 -(USSR)-> 7" "$tmp/out"

"$parley" paths catalog/elmira.yaml --coalition MoE+UR --json >"$tmp/cpaths.json"
check "elmira: only the coalition carries it on to 8" python3 -c '
import json, sys
r = {x["pattern"]: x for x in json.load(open(sys.argv[1]))["reachable"]}
assert r["YNYNY"]["moves"] == 2, r
assert r["YNYNY"]["path"][0] == {"party": "LG", "to": "NYNNY"}
step = r["YNYNY"]["path"][1]
assert step["coalition"] == ["MoE", "UR"] and step["to"] == "YNYNY"
assert step["moves"] == [{"party": "MoE", "to": "YYNNY"}, {"party": "UR", "to": "YNYNY"}], step
' "$tmp/cpaths.json"
"$parley" paths catalog/elmira.yaml --coalition MoE+Nobody >/dev/null 2>"$tmp/err"
check "unknown coalition member" grep -q "'Nobody' is not a party" "$tmp/err"

# spatial predictions
"$parley" predict catalog/ec-car-emissions.yaml --json >"$tmp/predict.json"
check "predict json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["issues"]["years"]["median"] == 7.0
assert abs(d["issues"]["years"]["compromise"] - 7.39) < 0.005
assert d["zone_of_agreement"] == {"years": [4.0, 10.0]}
' "$tmp/predict.json"
# red lines that do not overlap: the smallest concessions that open a deal
cat >"$tmp/closed.yaml" <<'YAML'
parley: 1
issues: [{id: x, range: [0, 100]}]
parties:
  - {id: P0, capability: 1, positions: {x: 5}, salience: {x: 1}, red_lines: {x: [0, 10]}}
  - {id: P1, capability: 1, positions: {x: 25}, salience: {x: 1}, red_lines: {x: [20, 30]}}
  - {id: P2, capability: 1, positions: {x: 30}, salience: {x: 1}, red_lines: {x: [25, 40]}}
YAML
"$parley" predict "$tmp/closed.yaml" >"$tmp/out"
check "concessions text" grep -q "x: the smallest concessions open a deal at 25: P0 from 10 to 25 (15 further) (in all 15)" "$tmp/out"
"$parley" predict "$tmp/closed.yaml" --json >"$tmp/closed.json"
check "concessions json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["agreement_possible"] is False
assert d["concessions"] == {"x": {"point": 25.0, "total": 15.0, "parties": [{"party": "P0", "from": 10.0, "to": 25.0, "distance": 15.0}]}}, d["concessions"]
' "$tmp/closed.json"
"$parley" predict catalog/elmira.yaml >/dev/null 2>"$tmp/err"
check "predict needs issues" grep -q "has no issues to predict" "$tmp/err"

# coalition stability: Elmira's textbook 5 is not stable once the ministry and Uniroyal act together
"$parley" analyze catalog/elmira.yaml --json --coalition MoE+UR >"$tmp/coal.json"
check "coalition stability json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert "NYNNY" not in d["coalition_stability"]["cnash"]["MoE+UR"]
assert "YNYNY" in d["coalition_stability"]["cnash"]["MoE+UR"]
assert d["coalition_equilibria"]["cnash"] == ["NNNYN", "YNNYN", "YNYNY", "NNNYY", "YNNYY"], d["coalition_equilibria"]
for c in ("cnash", "cgmr", "csmr", "cseq"):
    assert set(d["coalition_equilibria"][c]) <= set(d["equilibria"][c[1:]])
' "$tmp/coal.json"
"$parley" analyze catalog/elmira.yaml --coalition MoE+UR >"$tmp/out"
check "coalition text names the joint move" grep -q "7 NYNNY is no longer stable if MoE+UR act together: MoE moves to 8 YYNNY, then UR moves to 10 YNYNY" "$tmp/out"
check "coalition text names the created equilibrium" grep -q "9 NNYNY becomes stable if MoE+UR act together: UR alone would move to 11 NNNYY" "$tmp/out"
check "coalition effects json" python3 -c '
import json
d = json.load(open("'"$tmp/coal.json"'"))
e = d["coalition_effects"]["cnash"]["MoE+UR"]
assert [x["state"] for x in e["destroyed"]] == ["NYNNY"], e
assert e["destroyed"][0]["by"][0]["moves"] == [{"party": "MoE", "to": "YYNNY"}, {"party": "UR", "to": "YNYNY"}], e
assert e["created"] == [{"state": "NNYNY", "member": "UR", "forgone": "NNNYY"}], e
assert "coalition_structure" not in d
'
# levers: single changes of the flagship's priorities that make the just peace (state 352: ceasefire,
# guarantees, withdrawal, sanctions eased in return) GMR-stable; only Russia's changes can do it
"$parley" inverse examples/ukraine-talks.yaml --target YYYYYYNYYY --vary RUS --vary UKR --concepts gmr --json >"$tmp/levers.json"
check "levers json" python3 -c '
import json
d = json.load(open("'"$tmp/levers.json"'"))
g = d["levers"]["gmr"]
assert g["total"] == len(g["levers"]) == 9, g["total"]
first = g["levers"][0]
assert first["party"] == "RUS" and first["change"] == {"kind": "move", "statement": "not withdraw", "from": 1, "to": 4}, first
assert first["priorities"][3] == "not withdraw"
assert all(l["party"] == "RUS" for l in g["levers"])
assert [l["distance"] for l in g["levers"]] == sorted(l["distance"] for l in g["levers"])
'
"$parley" inverse examples/ukraine-talks.yaml --target YYYYYYNYYY --vary RUS --concepts gmr >"$tmp/out"
check "levers text" grep -q "RUS: lower 'not withdraw' from its 1st priority to its 4th (5632 reversed pairs)" "$tmp/out"
"$parley" inverse catalog/syria-iraq.yaml --target 2 --vary Syria >"$tmp/out"
check "levers need priorities" grep -q "Note: Syria: levers change priority statements" "$tmp/out"
# a GMCR+ file that groups MoE and UR: the structure is honoured unless --alone
"$parley" analyze tests/data/gmcr/elmira.gmcr --json >"$tmp/gcoal.json"
check "gmcr coalition structure honoured" python3 -c '
import json
d = json.load(open("'"$tmp/gcoal.json"'"))
s = d["coalition_structure"]
assert s["coalitions"] == [["MoE", "UR"]], s
assert s["equilibria"]["cnash"] == ["NNNYN", "YNNYN", "NNYNY", "YNYNY", "NNNYY", "YNNYY"], s
'
"$parley" analyze tests/data/gmcr/elmira.gmcr --json --alone >"$tmp/galone.json"
check "--alone ignores the structure" python3 -c '
import json
d = json.load(open("'"$tmp/galone.json"'"))
assert "coalition_structure" not in d and "coalition_effects" not in d
'
# every shortest path to 8 when the coalition may move: LG, then MoE+UR together
"$parley" paths catalog/elmira.yaml --to YNYNY --coalition MoE+UR >"$tmp/out"
check "paths --to with a coalition" grep -q "1 -(LG)-> 7 -(MoE+UR)-> 10" "$tmp/out"
"$parley" paths catalog/elmira.yaml --to YNYNY >"$tmp/out"
check "paths --to alone cannot reach 8" grep -q "cannot be reached from 1 NYNNN by unilateral improvements" "$tmp/out"

# limited move for two parties
"$parley" analyze catalog/chicken.yaml --json --only equilibria --horizon 4 >"$tmp/lm.json"
check "limited move json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["limited_move"] == {"L1": ["YN", "NY"], "L2": [], "L3": ["YY"], "L4": ["YY"], "nonmyopic": ["YY"]}, d["limited_move"]
' "$tmp/lm.json"
"$parley" analyze catalog/elmira.yaml --horizon 2 >/dev/null 2>"$tmp/err"
check "limited move needs two parties" grep -q "needs a two-party conflict" "$tmp/err"

# explain: sentences and JSON for one state
"$parley" explain catalog/elmira.yaml 1 >"$tmp/out"
check "explain names the sanction" grep -q "GMR   deterred: MoE moves to 8 (YYNNY) in answer" "$tmp/out"
"$parley" explain catalog/elmira.yaml NYNNN --json >"$tmp/explain.json"
check "explain --json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["state"] == {"id": 1, "pattern": "NYNNN"}
lg = d["parties"]["LG"]
assert lg["nash"]["stable"] is False and lg["gmr"]["stable"] is True
assert lg["gmr"]["improvements"][0]["sanction"] == [{"party": "MoE", "to": "YYNNY"}]
' "$tmp/explain.json"
"$parley" explain catalog/elmira.yaml 99 >/dev/null 2>"$tmp/err"
check "explain unknown state fails" test $? -eq 1
check "explain unknown state says why" grep -q "there is no state 99" "$tmp/err"

# GMCR+ files are read wherever a model is, and converted to parley's format
"$parley" analyze tests/data/gmcr/elmira.gmcr --json --only equilibria >"$tmp/gmcr.json"
check "gmcr analyze" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["equilibria"]["nash"] == ["NNNYN", "YNNYN", "NYNNY", "YNYNY", "NNNYY", "YNNYY"], d["equilibria"]
' "$tmp/gmcr.json"
"$parley" convert tests/data/gmcr/elmira.gmcr -o "$tmp/elmira.yaml" >/dev/null
check "convert writes yaml" test $? -eq 0
"$parley" analyze "$tmp/elmira.yaml" --json --only equilibria >"$tmp/conv.json"
check "converted model has the same equilibria" python3 -c '
import json, sys
a, b = (json.load(open(p))["equilibria"] for p in sys.argv[1:3])
assert a == b
' "$tmp/gmcr.json" "$tmp/conv.json"
"$parley" convert tests/data/gmcr/elmira.gmcr -o "$tmp/elmira.yaml" >/dev/null 2>"$tmp/err"
check "convert refuses to overwrite" grep -q "exists; pass --force" "$tmp/err"
printf '{"decisionMakers": [{"name": "A", "options": [7]}], "options": []}' >"$tmp/bad.gmcr"
"$parley" check "$tmp/bad.gmcr" >/dev/null 2>"$tmp/err"
check "bad gmcr exits 1" test $? -eq 1
check "bad gmcr is located" grep -Eq "bad.gmcr:[0-9]+:[0-9]+: error: " "$tmp/err"

# bad arguments get a clear error and a non-zero exit
"$parley" convert catalog/elmira.yaml -o "$tmp/elmira.txt" >/dev/null 2>"$tmp/err"
check "convert: unknown output format" grep -q "cannot tell the format" "$tmp/err"
"$parley" paths catalog/elmira.yaml --from 99 >/dev/null 2>"$tmp/err"
check "paths: unknown --from state" grep -q "there is no state 99" "$tmp/err"
"$parley" paths catalog/chicken.yaml --from YN --to NNN >/dev/null 2>"$tmp/err"
check "paths: malformed --to pattern" grep -q "neither a state number nor a pattern" "$tmp/err"
"$parley" generate --parties 4 --options 3 >/dev/null 2>"$tmp/err"
check "generate: fewer options than parties" grep -q "at least --parties" "$tmp/err"
"$parley" generate --parties 3 --options 9 --seed 7 >"$tmp/gen.yaml"
"$parley" check "$tmp/gen.yaml" >/dev/null
check "generate writes a valid model" test $? -eq 0
"$parley" generate --parties 3 --options 3 --exclusive-pairs >"$tmp/gen2.yaml"
"$parley" check "$tmp/gen2.yaml" >/dev/null
check "generate --exclusive-pairs without pairs is still valid" test $? -eq 0

# inverse analysis: the Syria-Iraq counts of the catalog, the least change, and bad arguments
"$parley" inverse catalog/syria-iraq.yaml --target YNN --vary Syria --json >"$tmp/inverse.json"
check "inverse json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["target"] == "YNN" and d["vary"] == ["Syria"] and d["rankings_considered"] == 720, d
assert d["counts"] == {"nash": 240, "gmr": 384, "smr": 300, "seq": 384}, d["counts"]
assert d["least_change"]["nash"]["distance"] == 3, d["least_change"]
assert d["least_change"]["nash"]["rankings"]["Syria"][0] == "YNN", d["least_change"]
' "$tmp/inverse.json"
"$parley" inverse catalog/syria-iraq.yaml --target 2 --vary Syria >"$tmp/out"
check "inverse text: conditions in words" grep -q "Syria must prefer YNN to NNN, or to one of the others' replies NNY." "$tmp/out"
check "inverse text: table" grep -Eq "^SMR +300 \(41.7%\) +1 reversed pair$" "$tmp/out"
"$parley" inverse catalog/syria-iraq.yaml --target YNN --vary Syrria >/dev/null 2>"$tmp/err"
check "inverse: unknown party exits 1" test $? -eq 1
check "inverse: unknown party suggestion" grep -q "did you mean 'Syria'?" "$tmp/err"
"$parley" inverse catalog/syria-iraq.yaml --target YYY --vary Syria >/dev/null 2>"$tmp/err"
check "inverse: infeasible target exits 1" test $? -eq 1
"$parley" inverse catalog/syria-iraq.yaml --target YNN --vary Syria --concepts sim >/dev/null 2>"$tmp/err"
check "inverse: sim refused" grep -q "covers nash, gmr, smr and seq" "$tmp/err"

# margins of stability: Syria-Iraq's Nash equilibrium breaks when Syria reverses 2 pairs
"$parley" robustness catalog/syria-iraq.yaml --json --concepts nash,gmr >"$tmp/margins.json"
check "robustness json" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["margins"]["nash"] == [{"state": "NYY", "distance": 2, "party": "Syria", "ranking": d["margins"]["nash"][0]["ranking"]}], d
assert [m["state"] for m in d["margins"]["gmr"]] == ["NNN", "NYY"], d
' "$tmp/margins.json"
"$parley" robustness catalog/elmira.yaml --concepts nash >"$tmp/out"
check "robustness text: a tie breaks for free" grep -q "NNNYN (state 5): 0 (MoE is indifferent" "$tmp/out"

# spatial CSV imports: KTAB's SMP layout and the expected-utility layout
"$parley" predict examples/imports/ktab-smp-sample.csv --json >"$tmp/ktab.json"
check "ktab csv predicts both issues" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(d["issues"]) == ["reform", "timing"], d["issues"].keys()
' "$tmp/ktab.json"
"$parley" predict examples/imports/ec-car-emissions.csv --json >"$tmp/eumcsv.json"
check "eum csv median" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["issues"]["issue"]["median"] == 7.0
' "$tmp/eumcsv.json"
# Each issue is its own expected-utility run: the EC issue runs to its 18-round cycle and is
# forecast by the cycle's mean; the flagship's issues stop one by one, each said in the text.
"$parley" predict catalog/ec-car-emissions.yaml --rounds 1000 --json >"$tmp/eccycle.json"
check "eum issue runs to its cycle" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
run = d["eum"]["issues"]["years"]
assert run["stop"] == "cycle" and run["cycle_length"] == 18 and run["rounds"] == d["eum"]["rounds"], run
medians = [r["median"]["years"] for r in d["eum"]["trajectory"][-18:]]
assert abs(d["issues"]["years"]["eum"] - sum(medians) / 18) < 1e-12, d["issues"]["years"]["eum"]
assert abs(d["issues"]["years"]["eum"] - 8.759) < 1e-3
' "$tmp/eccycle.json"
"$parley" predict examples/ukraine-talks.yaml >"$tmp/flagship-predict.txt"
check "eum text says how each issue stopped" grep -q "territory cycles (2 rounds) from round" "$tmp/flagship-predict.txt"
printf 'Actor,Capability,Position,Salience\nA,1,ten,0.5\n' >"$tmp/bad.csv"
"$parley" check "$tmp/bad.csv" 2>"$tmp/err"
check "bad csv exits 1" test $? -eq 1
check "bad csv located error" grep -q "bad.csv:2:5: error: position 'ten' is not a number" "$tmp/err"

# uncertain inputs: Monte Carlo percentiles, reproducible with a seed; convert keeps the intervals
"$parley" predict examples/ukraine-talks.yaml --json --samples 200 --seed 5 >"$tmp/mc1.json"
"$parley" predict examples/ukraine-talks.yaml --json --samples 200 --seed 5 >"$tmp/mc2.json"
check "monte carlo is reproducible" cmp -s "$tmp/mc1.json" "$tmp/mc2.json"
check "monte carlo json" python3 -c '
import json, sys
u = json.load(open(sys.argv[1]))["uncertainty"]
assert u["samples"] == 200 and u["uncertain_numbers"] == 3, u
c = u["issues"]["territory"]["compromise"]
assert c["p5"] <= c["p25"] <= c["p50"] <= c["p75"] <= c["p95"] and c["p5"] < c["p95"], c
' "$tmp/mc1.json"
"$parley" convert examples/ukraine-talks.yaml -o "$tmp/converted.yaml" >/dev/null
check "convert keeps uncertainty" grep -q "capability: \[25, 45\]" "$tmp/converted.yaml"

# Ctrl-C stops a long analysis cleanly: a message, exit code 130, no partial output
# 2^22 states: several seconds of work, so the interrupt after 1.5 s always lands mid-analysis.
"$parley" generate --parties 5 --options 22 --seed 1 >"$tmp/big22.yaml"
"$parley" analyze --json --only equilibria "$tmp/big22.yaml" >"$tmp/big22.json" 2>"$tmp/err" &
analysis=$!
sleep 1.5
kill -INT "$analysis"
wait "$analysis"
check "interrupted analysis exits 130" test $? -eq 130
check "interrupted analysis says so" grep -q "interrupted" "$tmp/err"
check "interrupted analysis prints no partial JSON" test ! -s "$tmp/big22.json"

# usage errors: no subcommand, unknown flag
"$parley" >/dev/null 2>&1
check "no subcommand fails" test $? -ne 0
"$parley" analyze --frobnicate catalog/elmira.yaml >/dev/null 2>&1
check "unknown flag fails" test $? -ne 0

# ---- partial preferences: parley partial (issue #9) -------------------------------------------
"$parley" partial examples/syria-iraq-partial.yaml --json >"$tmp/partial.json" 2>"$tmp/err"
check "partial exits 0" test $? -eq 0
check "partial is silent on stderr" test ! -s "$tmp/err"
check "partial json: exact over Syria's 24 orders" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["uncertain"] == [{"party": "Syria", "completions": 24}], d["uncertain"]
assert d["completions"] == {"count": 24, "method": "exact", "samples": None, "seed": None}, d["completions"]
assert list(d["concepts"]) == ["nash", "gmr", "smr", "seq"], list(d["concepts"])
n = d["concepts"]["nash"]
assert n["stated"] == ["NYY"] and n["necessary"] == [] and n["possible"] == ["NNY", "NYY"], n
assert n["share"] == {"NNY": 0.5, "NYY": 0.5}, n["share"]
assert d["concepts"]["gmr"]["necessary"] == ["NNN"], d["concepts"]["gmr"]
for key, c in d["concepts"].items():
    assert c["method"] == "exact", key
    assert set(c["necessary"]) <= set(c["stated"]) <= set(c["possible"]) == set(c["share"]), key
    assert all(0 < v <= 1 for v in c["share"].values()), key
' "$tmp/partial.json"
"$parley" check examples/syria-iraq-partial.yaml >"$tmp/partial-check.txt"
check "check says the ranking is partly known" \
  grep -q "Syria .*; preference by ranking, partly known (24 completions)$" "$tmp/partial-check.txt"
"$parley" partial examples/syria-iraq-partial.yaml --concepts nash >"$tmp/partial.txt"
check "partial text: method" grep -q "^Nash (exact over 24 completions)$" "$tmp/partial.txt"
check "partial text: necessary" grep -q "^  necessary   none$" "$tmp/partial.txt"
check "partial text: share" grep -q "^  possible    4 NNY  50.0% (12 of 24)$" "$tmp/partial.txt"
"$parley" partial catalog/syria-iraq.yaml >"$tmp/partial-plain.txt"
check "partial without uncertainty says so" grep -q "No party's preference is uncertain" "$tmp/partial-plain.txt"
check "partial without uncertainty lists the equilibria" grep -q "^  GMR   1 NNN, 6 NYY$" "$tmp/partial-plain.txt"
# 8 states in any order: 8! = 40320 completions, over the exact limit, so sampled
{
  printf 'parley: 1\nparties:\n  - id: A\n    options: [a, b, c]\n    ranking:\n'
  printf '      - {any_order: [NNNN, YNNN, NYNN, YYNN, NNYN, YNYN, NYYN, YYYN]}\n'
  printf '      - [NNNY, YNNY, NYNY, YYNY, NNYY, YNYY, NYYY, YYYY]\n'
  printf '  - id: B\n    options: [d]\n    priorities: [d if a]\n'
} >"$tmp/partial-big.yaml"
"$parley" partial "$tmp/partial-big.yaml" --json --samples 200 --seed 7 >"$tmp/partial-big1.json"
"$parley" partial "$tmp/partial-big.yaml" --json --samples 200 --seed 7 >"$tmp/partial-big2.json"
check "partial sampling is reproducible" cmp -s "$tmp/partial-big1.json" "$tmp/partial-big2.json"
check "partial json: sampled" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["completions"] == {"count": 40320, "method": "sampled", "samples": 200, "seed": 7}, d["completions"]
assert d["concepts"]["nash"]["method"] == "sampled", d["concepts"]["nash"]
' "$tmp/partial-big1.json"
"$parley" partial "$tmp/partial-big.yaml" --samples 200 --seed 7 --concepts gmr >"$tmp/partial-big.txt"
check "partial text: sampled" grep -q "^GMR (sampled 200 completions, seed 7; necessary and possible are estimates)$" \
  "$tmp/partial-big.txt"
"$parley" partial examples/syria-iraq-partial.yaml --concepts sim >/dev/null 2>"$tmp/err"
check "partial refuses sim" test $? -eq 1
check "partial says why sim is refused" grep -q "partial preferences cover nash, gmr, smr and seq" "$tmp/err"
"$parley" partial examples/syria-iraq-partial.yaml --samples 0 >/dev/null 2>&1
check "partial --samples 0 is a usage error" test $? -eq 105
"$parley" convert examples/syria-iraq-partial.yaml -o "$tmp/partial-converted.yaml" >/dev/null
check "convert keeps any_order" grep -q "any_order: \[NYN, NYY, YNN, NNY\]" "$tmp/partial-converted.yaml"
"$parley" analyze "$tmp/partial-converted.yaml" --json --only equilibria >"$tmp/partial-analyze.json"
check "analyze reads the written order" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["equilibria"]["gmr"] == ["NNN", "NYY"]
' "$tmp/partial-analyze.json"
printf 'parley: 1\nparties:\n  - id: A\n    options: [a]\n    ranking: [{any_order: []}, N, Y]\n' >"$tmp/partial-bad.yaml"
"$parley" check "$tmp/partial-bad.yaml" >/dev/null 2>"$tmp/err"
check "empty any_order group exits 1" test $? -eq 1
check "empty any_order group located" grep -q "partial-bad.yaml:5:27: error: empty any_order group in ranking" "$tmp/err"
# ---- end of partial preferences ---------------------------------------------------------------

echo "$passes passed, $failures failed"
test "$failures" -eq 0
