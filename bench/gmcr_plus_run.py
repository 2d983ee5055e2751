#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Run GMCR+'s own analysis engine headless on a save file and print its equilibria as JSON.

GMCR+ (gmcr-py) is not part of parley and has no open-source licence: this script only imports
the modules of a local checkout given on the command line (nothing is fetched, nothing copied)
and calls them as GMCR+'s own tests do: load the file, build the logical solver, find the
equilibria. No GUI module is imported, so no display is needed; GMCR+ needs numpy.

Prints {"equilibria": {"nash": [pattern, ...], "gmr": ..., "seq": ..., "sim": ..., "smr": ...},
"stable": {"nash": [[pattern, ...] for each decision maker], ...}}, each pattern one Y/N letter per
option in the file's order after GMCR+ regroups the options by decision maker (the order parley
uses too); then the seconds spent loading and solving on stderr.

Usage: bench/gmcr_plus_run.py GMCR_PLUS_CHECKOUT FILE.gmcr
"""

import contextlib
import json
import os
import sys
import time

# GMCR+ stacks its equilibria in this order (LogicalSolver.findEquilibria).
ROWS = ["nash", "gmr", "seq", "sim", "seqsim", "smr"]
# Where LogicalSolver.findEquilibria leaves each concept's stability per decision maker and state.
STABILITIES = {"nash": "nashStabilities", "gmr": "gmrStabilities", "smr": "smrStabilities",
               "seq": "seqStabilities", "sim": "simStabilities"}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gmcr_plus_run.py GMCR_PLUS_CHECKOUT FILE.gmcr")
    checkout, path = sys.argv[1], os.path.abspath(sys.argv[2])
    sys.path.insert(0, os.path.abspath(checkout))
    start = time.perf_counter()
    # GMCR+ prints notes on stdout while it works; keep stdout for the JSON.
    with contextlib.redirect_stdout(sys.stderr):
        import data_01_conflictModel as model
        import data_02_conflictSolvers as solvers

        conflict = model.ConflictModel()
        conflict.load_from_file(path)
        loaded = time.perf_counter()
        solver = solvers.LogicalSolver(conflict)
        solver.findEquilibria()
    solved = time.perf_counter()
    patterns = conflict.feasibles.yn
    out = {"equilibria": {row: [patterns[s] for s, eq in enumerate(solver.allEquilibria[k]) if eq]
                          for k, row in enumerate(ROWS)},
           "stable": {c: [[patterns[s] for s, ok in enumerate(row) if ok] for row in getattr(solver, attr)]
                      for c, attr in STABILITIES.items()}}
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    print(f"gmcr+: {len(patterns)} states; load {loaded - start:.2f} s, solve {solved - loaded:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
