"""Checks that ashyq and the OpenFisca model decide every permanent-residence and investor-visa
application alike: the same outcome (eligible / ineligible / needs_officer, or no decision at
all) and, for a refusal, the same failed rules.

    python compare.py ASHYQ_DECISIONS.jsonl OPENFISCA_OUTCOMES.csv [--json SUMMARY.json]

ASHYQ_DECISIONS.jsonl is what `ashyq eval-batch` wrote (one JSON object per line with
`reference`, `programme`, `outcome`, `failing_rules`; a line that could not be decided carries
`error` instead of `outcome`). Lines of other programmes are ignored. Exits 1 on any
disagreement or any application decided by one side only.
"""

import argparse
import csv
import json
import sys
from collections import Counter

PROGRAMMES = ("permanent-residence", "investor-visa")
# The base rules each side reports (any other rule in ashyq's failing_rules is a disagreement:
# the model does not know it).
SHOWN = 10


def ashyq_decisions(path):
    decisions = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not any(f'"{p}"' in line for p in PROGRAMMES):
                continue
            d = json.loads(line)
            if d.get("programme") not in PROGRAMMES:
                continue
            outcome = d.get("outcome") or ("error" if "error" in d else None)
            failing = tuple(sorted(d.get("failing_rules") or ())) if outcome == "ineligible" else ()
            decisions[d["reference"]] = (d["programme"], outcome, failing, d.get("error"))
    return decisions


def openfisca_outcomes(path):
    outcomes = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            failing = tuple(sorted(r for r in row["failing_rules"].split(";") if r))
            outcomes[row["reference"]] = (row["programme"], row["outcome"], failing, None)
    return outcomes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ashyq")
    ap.add_argument("openfisca")
    ap.add_argument("--json", help="also write the summary as JSON here")
    args = ap.parse_args()
    a = ashyq_decisions(args.ashyq)
    o = openfisca_outcomes(args.openfisca)

    only_ashyq = sorted(set(a) - set(o))
    only_openfisca = sorted(set(o) - set(a))
    outcomes = Counter()
    failing = Counter()
    disagreements = []
    for ref in sorted(set(a) & set(o)):
        pa, oa, fa, err = a[ref]
        po, oo, fo, _ = o[ref]
        outcomes[(pa, oa)] += 1
        for r in fa:
            failing[r] += 1
        if (pa, oa, fa) != (po, oo, fo):
            disagreements.append((ref, (pa, oa, list(fa), err), (po, oo, list(fo))))

    compared = len(set(a) & set(o))
    summary = {
        "compared": compared,
        "disagreements": len(disagreements),
        "only_ashyq": len(only_ashyq),
        "only_openfisca": len(only_openfisca),
        "outcomes": {f"{p} {oc}": n for (p, oc), n in sorted(outcomes.items())},
        "failing_rules": dict(sorted(failing.items())),
    }
    by_programme = Counter(p for p, _ in outcomes.elements())
    parts = []
    for p in PROGRAMMES:
        counts = ", ".join(f"{oc} {n}" for (pp, oc), n in sorted(outcomes.items()) if pp == p)
        parts.append(f"{p} {by_programme[p]} ({counts})")
    print(
        f"compared {compared} applications: {'; '.join(parts)}; "
        f"disagreements {len(disagreements)}; decided by ashyq only {len(only_ashyq)}, "
        f"by OpenFisca only {len(only_openfisca)}"
    )
    print("failed rules of the refusals (both sides): " + ", ".join(f"{r} {n}" for r, n in sorted(failing.items())))
    for ref, x, y in disagreements[:SHOWN]:
        print(f"  {ref}: ashyq {x} / OpenFisca {y}")
    for ref in only_ashyq[:SHOWN]:
        print(f"  {ref}: decided by ashyq only: {a[ref]}")
    for ref in only_openfisca[:SHOWN]:
        print(f"  {ref}: decided by OpenFisca only: {o[ref]}")
    if args.json:
        summary["examples"] = [{"reference": r, "ashyq": x, "openfisca": y} for r, x, y in disagreements[:SHOWN]]
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
    sys.exit(1 if disagreements or only_ashyq or only_openfisca or compared == 0 else 0)


if __name__ == "__main__":
    main()
