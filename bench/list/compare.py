#!/usr/bin/env python3
"""Checks that `ashyq list compute --json` and duckdb_list.py computed the same list.

Compared, for every candidate of the universe: the 14 national indicators, each check's value,
benchmark, threshold, pass and percentile, the criteria passed, the score, the sector, the
verdict and the rank; and the benchmarks. Numbers must agree within 1e-6 relative (with an
absolute floor of 1e-12 for values near zero), missing values must be missing on both sides;
the top-20 ranking must be identical (and so must the whole ranking: any other difference is
reported too). Prints "results agree" and exits 0, or prints the differences and exits 1.

Usage: compare.py ASHYQ_JSON DUCKDB_JSON
"""

import json
import math
import signal
import sys

REL = 1e-6
ABS = 1e-12
TOP = 20
INDICATORS = [
    "forecast_need",
    "vacancies_posted",
    "vacancies_posted_prev",
    "vacancy_growth",
    "open_at_end",
    "median_duration_days",
    "hard_to_fill_share",
    "median_salary_kzt",
    "median_salary_kzt_prev",
    "salary_growth",
    "salary_growth_relative",
    "work_permits",
    "work_permits_prev",
    "work_permit_growth",
]


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    a, b = float(a), float(b)
    return math.isclose(a, b, rel_tol=REL, abs_tol=ABS)


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        ours = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        theirs = json.load(f)
    diffs = []
    compared = 0

    def check(what, a, b):
        nonlocal compared
        compared += 1
        if not close(a, b):
            diffs.append(f"{what}: ashyq {a!r}, duckdb {b!r}")

    if ours.get("period") != theirs.get("period"):
        diffs.append(f"period: ashyq {ours.get('period')}, duckdb {theirs.get('period')}")
    for k in sorted(set(ours["benchmarks"]) | set(theirs["benchmarks"])):
        check(f"benchmark {k}", ours["benchmarks"].get(k), theirs["benchmarks"].get(k))

    a_rank = [c["occupation"] for c in ours["candidates"]]
    b_rank = [c["occupation"] for c in theirs["candidates"]]
    if a_rank[:TOP] != b_rank[:TOP]:
        diffs.append(f"top-{TOP} ranking differs:\n  ashyq  {a_rank[:TOP]}\n  duckdb {b_rank[:TOP]}")
    elif a_rank != b_rank:
        first = next(i for i, (x, y) in enumerate(zip(a_rank, b_rank)) if x != y) if len(a_rank) == len(b_rank) else None
        diffs.append(f"ranking differs beyond the top {TOP} (first at rank {first + 1 if first is not None else '?'})")
    if set(a_rank) != set(b_rank):
        diffs.append(
            f"candidates differ: only ashyq {sorted(set(a_rank) - set(b_rank))}, "
            f"only duckdb {sorted(set(b_rank) - set(a_rank))}"
        )

    by_b = {c["occupation"]: c for c in theirs["candidates"]}
    for a in ours["candidates"]:
        occ = a["occupation"]
        b = by_b.get(occ)
        if b is None:
            continue
        for k in ("rank", "score", "criteria_passed", "criteria_total"):
            check(f"{occ} {k}", a[k], b[k])
        for k in ("included", "sector"):
            compared += 1
            if a[k] != b[k]:
                diffs.append(f"{occ} {k}: ashyq {a[k]!r}, duckdb {b[k]!r}")
        for k in INDICATORS:
            check(f"{occ} {k}", a["indicators"].get(k), b["indicators"].get(k))
        b_checks = {c["indicator"]: c for c in b["checks"]}
        for ca in a["checks"]:
            cb = b_checks.get(ca["indicator"])
            if cb is None:
                diffs.append(f"{occ} check {ca['indicator']}: missing on the duckdb side")
                continue
            for k in ("value", "benchmark", "threshold", "passed", "percentile"):
                check(f"{occ} check {ca['indicator']}.{k}", ca[k], cb[k])

    if diffs:
        print(f"results DISAGREE: {len(diffs)} differences of {compared} values compared")
        for d in diffs[:60]:
            print("  " + d)
        if len(diffs) > 60:
            print(f"  … and {len(diffs) - 60} more")
        sys.exit(1)
    on_list = sum(1 for c in ours["candidates"] if c["included"])
    print(
        f"results agree: {len(a_rank)} candidates, {on_list} on the list, identical ranking "
        f"(top {TOP} and beyond), {compared} values within {REL:g} relative"
    )


if __name__ == "__main__":
    main()
