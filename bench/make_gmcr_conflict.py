#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write a reproducible synthetic conflict as a GMCR+ save file (JSON), for timing parley against
GMCR+ on the same file (bench/gmcr_plus_side_by_side.sh).

The file has PARTIES decision makers with the options spread evenly, random prioritized preference
statements (a literal, two literals joined by "and" or "or", or "q if p"), a mutually exclusive
pair of options for the first EXCLUSIVE decision makers (their first two options), and one
take-only and one withdraw-only option, so that infeasible states and irreversible moves are exercised too. The
format is the one described in docs/gmcr-files.md. Statements are kept distinct, since GMCR+ drops
a repeated one when it loads a file.

Usage: bench/make_gmcr_conflict.py [--parties 4] [--options 12] [--statements 6] [--exclusive 1] [--seed 1] > FILE
"""

import argparse
import json
import random
import sys


def literal(rng, options):
    return [rng.randrange(options), rng.choice("YN")]


def negate(lit):
    return [lit[0], "N" if lit[1] == "Y" else "Y"]


def two_literals(rng, options):
    """Two literals on different options."""
    first = literal(rng, options)
    second = literal(rng, options)
    while second[0] == first[0]:
        second = literal(rng, options)
    return first, second


def statement(rng, options):
    """A condition in the save file's form: a list of pairs (all hold) or a compound (one member holds)."""
    kind = rng.randrange(4)
    if kind == 0:
        return [literal(rng, options)]
    p, q = two_literals(rng, options)
    if kind == 1:
        return [p, q]
    if kind == 2:
        return {"compound": True, "members": [[p], [q]]}
    # "q if p": true unless p holds and q does not, written as GMCR+'s editor writes it.
    return {"compound": True, "members": [[p, q], [negate(p), q], [negate(p), negate(q)]]}


def key(condition):
    """What makes two statements the same to GMCR+ (it compares the conditions' patterns)."""
    if isinstance(condition, dict):
        return ("or",) + tuple(sorted(tuple(sorted((o, v) for o, v in member)) for member in condition["members"]))
    return ("and",) + tuple(sorted((o, v) for o, v in condition))


def conflict(parties, options, statements, exclusive, seed):
    rng = random.Random(seed)
    owner = [k * parties // options for k in range(options)]
    controlled = [[k for k in range(options) if owner[k] == p] for p in range(parties)]
    directions = ["both"] * options
    directions[0] = "fwd"  # take-only
    directions[options - 1] = "back"  # withdraw-only
    dms = []
    for p in range(parties):
        chosen, seen = [], set()
        while len(chosen) < statements:
            s = statement(rng, options)
            if key(s) not in seen:
                seen.add(key(s))
                chosen.append(s)
        dms.append({"name": f"Party {p}", "options": controlled[p], "preferences": chosen, "payoffs": [],
                    "misperceptions": []})
    infeasibles = [[[own[0], "Y"], [own[1], "Y"]] for own in controlled[:exclusive] if len(own) >= 2]
    return {
        "program": "parley bench/make_gmcr_conflict.py",
        "useManualPreferenceRanking": False,
        "options": [{"name": f"p{owner[k]} option {k}", "permittedDirection": directions[k]} for k in range(options)],
        "decisionMakers": dms,
        "infeasibles": infeasibles,
        "coalitions": list(range(parties)),
    }


def dumps(data):
    """JSON with one option, decision maker, statement or infeasible condition per line."""

    def block(items, indent):
        return "[\n" + ",\n".join(indent + json.dumps(x) for x in items) + "\n" + indent[:-2] + "]"

    def dm(d):
        fields = [f'"{k}": {json.dumps(v)}' for k, v in d.items() if k != "preferences"]
        return ("{" + ", ".join(fields) + ',\n      "preferences": ' + block(d["preferences"], "        ") + "}")

    lines = []
    for k, v in data.items():
        if k == "decisionMakers":
            lines.append(f'  "{k}": [\n' + ",\n".join("    " + dm(d) for d in v) + "\n  ]")
        elif k in ("options", "infeasibles"):
            lines.append(f'  "{k}": ' + block(v, "    "))
        else:
            lines.append(f'  "{k}": {json.dumps(v)}')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=4)
    parser.add_argument("--options", type=int, default=12)
    parser.add_argument("--statements", type=int, default=6)
    parser.add_argument("--exclusive", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    a = parser.parse_args()
    if not 1 <= a.parties <= a.options <= 63:
        parser.error("need 1 <= parties <= options <= 63")
    sys.stdout.write(dumps(conflict(a.parties, a.options, a.statements, a.exclusive, a.seed)))


if __name__ == "__main__":
    main()
