#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""parley against GMCR+ (gmcr-py) on the same GMCR+ save file: whole processes, side by side.

Runs GMCR+'s own analysis engine headless (bench/gmcr_plus_run.py imports the modules of a local
checkout; nothing is fetched) and `parley analyze FILE --json --concepts nash,gmr,smr,seq,sim` on
the same file, prints both wall times (whole process, interpreter or binary start included), peak
memory and their ratio, then compares the stable states of every decision maker under Nash, GMR,
SMR and SEQ (and SIM, for information). Where they differ it asks `parley explain` for the
sanctions parley found, to say whether the difference is GMCR+'s rule that each opponent moves at
most once in a sanction, or for SIM its trying the opponents' joint moves only once per state
(docs/performance.md explains the differences found).

GMCR+ computes all five concepts in one call, so parley is asked for all five too. GMCR+ runs once
(it takes minutes on 12 options); parley runs --runs times and its median is used.

Usage: bench/gmcr_plus_side_by_side.py GMCR_PLUS_CHECKOUT [--parley PATH] [--file FILE.gmcr]
       [--runs N] [--python PYTHON_WITH_NUMPY]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CONCEPTS = ["nash", "gmr", "smr", "seq", "sim"]
COMPARED = ["nash", "gmr", "smr", "seq"]


def run(command, stdout_path):
    """Runs a command; returns (wall seconds, peak resident memory in bytes), stdout to a file."""
    with open(stdout_path, "w") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err = child.stderr.read()
    if child.returncode != 0:
        sys.exit(f"failed ({child.returncode}): {' '.join(command)}\n{err}")
    return wall, usage.ru_maxrss * 1024, err


def explain_sanctions(parley, path, pattern, concept, party):
    """The sanction sequences parley gives for `party`'s improvements from `pattern`."""
    out = subprocess.run([parley, "explain", path, pattern, "--json", "--concepts", concept],
                         capture_output=True, text=True, check=True).stdout
    verdict = json.loads(out)["parties"][party][concept]
    return [[m["party"] for m in imp.get("sanction", [])] for imp in verdict["improvements"]]


def repeats_a_mover(sequence):
    return len(set(sequence)) < len(sequence)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", help="a local GMCR+ (gmcr-py) checkout")
    parser.add_argument("--parley", default="build/release/apps/cli/parley")
    parser.add_argument("--file", default=os.path.join(HERE, "data", "generated-4x12.gmcr"))
    parser.add_argument("--runs", type=int, default=10, help="parley runs (the median is reported)")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs GMCR+ (needs numpy)")
    parser.add_argument("--explain-limit", type=int, default=50, help="disagreements explained per concept")
    a = parser.parse_args()
    if subprocess.run([a.python, "-c", "import numpy"], capture_output=True).returncode != 0:
        sys.exit(f"{a.python} cannot import numpy, which GMCR+ needs (Debian: apt-get install python3-numpy; "
                 "then --python /usr/bin/python3)")
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"gmcr-side-by-side-{os.getpid()}")
    os.makedirs(tmp, exist_ok=True)

    parley_cmd = [a.parley, "analyze", a.file, "--json", "--concepts", ",".join(CONCEPTS)]
    runs = [run(parley_cmd, os.path.join(tmp, "parley.json")) for _ in range(a.runs)]
    parley_wall = statistics.median(w for w, _, _ in runs)
    parley_rss = max(r for _, r, _ in runs)
    gmcr_wall, gmcr_rss, gmcr_note = run([a.python, os.path.join(HERE, "gmcr_plus_run.py"), a.checkout, a.file],
                                         os.path.join(tmp, "gmcr.json"))
    with open(os.path.join(tmp, "parley.json")) as f:
        ours = json.load(f)
    with open(os.path.join(tmp, "gmcr.json")) as f:
        theirs = json.load(f)

    parties = list(ours["stability"]["nash"].keys())
    states = len(ours["states"])
    print(f"file: {a.file}: {len(parties)} parties, {len(ours['options'])} options, {states} states")
    print(f"{'':8} {'wall (s)':>10} {'peak RSS (MB)':>14}")
    print(f"{'GMCR+':8} {gmcr_wall:10.3f} {gmcr_rss / 1e6:14.1f}   one run; {gmcr_note.strip().splitlines()[-1]}")
    print(f"{'parley':8} {parley_wall:10.3f} {parley_rss / 1e6:14.1f}   median of {a.runs} runs")
    print(f"ratio: parley is {gmcr_wall / parley_wall:.0f} times faster (whole process, same file, same concepts)")
    print()
    print(f"{'concept':8} {'GMCR+ eq.':>10} {'parley eq.':>11} {'same':>5}  per party: states where they differ")
    differing = {}
    for c in CONCEPTS:
        g_eq, p_eq = set(theirs["equilibria"][c]), set(ours["equilibria"][c])
        per_party = []
        for i, party in enumerate(parties):
            g_st, p_st = set(theirs["stable"][c][i]), set(ours["stability"][c][party])
            per_party.append(f"{party} {len(p_st - g_st)}+/{len(g_st - p_st)}-")
            differing[(c, party)] = (sorted(p_st - g_st), sorted(g_st - p_st))
        note = "" if c in COMPARED else "  (for information)"
        print(f"{c:8} {len(g_eq):10} {len(p_eq):11} {'yes' if g_eq == p_eq else 'no':>5}  {', '.join(per_party)}{note}")
    print("  (+: stable for parley only; -: stable for GMCR+ only)")

    # Why. GMR, SMR, SEQ: does parley's sanction need an opponent to move twice (GMCR+ lets each
    # opponent move at most once)? SIM: GMCR+ tries the opponents' joint moves only against the
    # first improvements of a state, so a state where the party has two or more improvements may
    # be called unstable wrongly.
    print()
    for c in CONCEPTS:
        for party in parties:
            only_parley, only_gmcr = differing[(c, party)]
            if not only_parley and not only_gmcr:
                continue
            checked = only_parley[: a.explain_limit]
            sanctions = [explain_sanctions(a.parley, a.file, p, c, party) for p in checked]
            if c == "sim":
                why = sum(len(s) >= 2 for s in sanctions)
                reason = "the party has two or more improvements"
            else:
                why = sum(any(repeats_a_mover(x) for x in s) for s in sanctions)
                reason = "a sanction has an opponent moving twice"
            print(f"{c} {party}: {len(only_parley)} states stable only for parley (of {len(checked)} explained, "
                  f"{why} where {reason}); {len(only_gmcr)} stable only for GMCR+")
            for p in only_gmcr[:5]:
                print(f"  stable only for GMCR+: {p}")
    agree = all(set(theirs["equilibria"][c]) == set(ours["equilibria"][c]) for c in COMPARED)
    print()
    print("equilibria (Nash, GMR, SMR, SEQ):", "identical" if agree else "they differ (see above)")


if __name__ == "__main__":
    main()
