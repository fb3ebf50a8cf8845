#!/usr/bin/env python3
"""The list of professions in demand computed by DuckDB SQL over the same three CSV files that
`ashyq list compute` reads — the other side of the benchmark in bench/list/run.sh.

It computes what ashyq computes for the national list (crates/core/src/labour/indicators.rs and
list.rs): the indicators of every unit group for the period and the year before, the
all-occupations salary growth, the benchmarks (medians across the universe's unit groups that
have a value, or fixed values), the mid-rank percentiles, the weighted score, the checks, the
inclusion rule and the rank. The methodology, the sector map and the universe come from the same
policy file and classifier table that ashyq compiles in. The regional breakdown that ashyq also
accumulates is not computed here.

Checks on the rows (`--checks`):
  full   every check ashyq makes on every row (dates, whole numbers and their ranges, region,
         unit group of the classifier, national suffix, status ↔ closed_on, closed_on ≥
         posted_on, BIN check digits, citizenship, permit category, lengths, control
         characters); any bad row fails the run, as it fails ashyq. This is the equivalent work.
  types  only what typed CSV reading gives: dates and whole numbers parsed (a bad one fails the
         run); region and occupation are only used, not checked. A lower bound for DuckDB.

Writes the result as JSON (see compare.py for the comparison with ashyq's --json output).
"""

import argparse
import csv
import datetime as dt
import json
import sys
import time
import tomllib
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]

VACANCY_COLUMNS = {
    "vacancy_id": "VARCHAR",
    "posted_on": "DATE",
    "closed_on": "DATE",
    "status": "VARCHAR",
    "region": "VARCHAR",
    "occupation": "VARCHAR",
    "positions": "BIGINT",
    "salary_kzt": "BIGINT",
    "employer_bin": "VARCHAR",
    "title": "VARCHAR",
}
PERMIT_COLUMNS = {
    "permit_id": "VARCHAR",
    "issued_on": "DATE",
    "valid_until": "DATE",
    "region": "VARCHAR",
    "occupation": "VARCHAR",
    "employer_bin": "VARCHAR",
    "citizenship": "VARCHAR",
    "category": "VARCHAR",
    "workers": "BIGINT",
}
FORECAST_COLUMNS = {
    "year": "BIGINT",
    "region": "VARCHAR",
    "occupation": "VARCHAR",
    "additional_need": "BIGINT",
}
PERMIT_CATEGORIES = ["1", "2", "3", "4", "seasonal", "ict"]

# Indicators whose value may be missing (None in ashyq); the others are counts, 0 when absent.
INDICATORS = [
    "forecast_need",
    "vacancies_posted",
    "open_at_end",
    "median_duration_days",
    "hard_to_fill_share",
    "vacancy_growth",
    "median_salary_kzt",
    "salary_growth_relative",
    "work_permits",
    "work_permit_growth",
]


def sql_list(values):
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"


def in_force(versions, on):
    """The version in force on a date: the latest `from` on or before it (policy::in_force)."""
    chosen = None
    for v in versions:
        if dt.date.fromisoformat(v["from"]) <= on and (
            chosen is None or dt.date.fromisoformat(v["from"]) > dt.date.fromisoformat(chosen["from"])
        ):
            chosen = v
    if chosen is None:
        sys.exit(f"duckdb_list: no version in force on {on}")
    return chosen["value"]


def within(code, group):
    """OccupationCode::is_within for plain digit codes (unit groups against a group)."""
    return code.startswith(group)


def check_header(path, columns):
    """ashyq finds columns by header name; here they are read by position, so the header must
    be exactly in the documented order (it is in generated files)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = [h.strip().lower() for h in next(csv.reader(f))]
    if header != list(columns):
        sys.exit(f"duckdb_list: {path}: header {header} is not {list(columns)}")


def read_csv(path, columns, full, ordered=False):
    """The typed scan of a file. With the full checks, whole numbers are read as text (DuckDB
    would round `1.5` into an integer column; ashyq refuses it) and dates must be YYYY-MM-DD."""
    types = {k: ("VARCHAR" if full and v == "BIGINT" else v) for k, v in columns.items()}
    cols = "{" + ", ".join(f"'{k}': '{v}'" for k, v in types.items()) + "}"
    p = str(path).replace("'", "''")
    return (
        f"read_csv('{p}', header = true, auto_detect = false, delim = ',', quote = '\"', "
        f"escape = '\"', columns = {cols}"
        + (", dateformat = '%Y-%m-%d'" if full else "")
        + (", parallel = false" if ordered else "")
        + ")"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--period", type=int, default=2025)
    ap.add_argument("--on", default="2026-11-21", help="the methodology in force on this date")
    ap.add_argument("--forecast", required=True)
    ap.add_argument("--vacancies", required=True)
    ap.add_argument("--work-permits", required=True)
    ap.add_argument("--policy", default=str(REPO / "data/policy/kz.toml"))
    ap.add_argument("--classifier", default=str(REPO / "data/occupations/isco08.csv"))
    ap.add_argument("--regions", default=str(REPO / "data/regions.csv"))
    ap.add_argument("--countries", default=str(REPO / "data/countries.csv"))
    ap.add_argument("--checks", choices=["full", "types"], default="full")
    ap.add_argument("--threads", type=int, help="DuckDB threads (default: DuckDB's, all cores)")
    ap.add_argument("--out", required=True, help="the JSON result")
    args = ap.parse_args()
    started = time.perf_counter()

    # ---- reference data: the same tables ashyq compiles in ----------------------------------
    on = dt.date.fromisoformat(args.on)
    with open(args.policy, "rb") as f:
        policy = tomllib.load(f)
    method = in_force(policy["list_methodology"], on)
    sectors = in_force(policy["sectors"], on)
    with open(args.classifier, encoding="utf-8", newline="") as f:
        unit_groups = [r["code"] for r in csv.DictReader(f) if r["level"] == "4"]
    with open(args.regions, encoding="utf-8", newline="") as f:
        regions = list(csv.DictReader(f))
    with open(args.countries, encoding="utf-8", newline="") as f:
        countries = [r["alpha3"] for r in csv.DictReader(f)]
    universe = [u for u in unit_groups if any(within(u, g) for g in method["universe"])]
    rules = method["indicators"]
    for r in rules:
        if r["id"] not in INDICATORS:
            sys.exit(f"duckdb_list: unknown indicator {r['id']}")
    # Sector of each unit group: the first sector by name whose groups contain it (SectorMap).
    sector_of = {}
    for u in universe:
        for name in sorted(sectors):
            if any(within(u, g) for g in sectors[name]):
                sector_of[u] = name
                break

    for path, cols in (
        (args.forecast, FORECAST_COLUMNS),
        (args.vacancies, VACANCY_COLUMNS),
        (args.work_permits, PERMIT_COLUMNS),
    ):
        check_header(path, cols)

    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]

    year = args.period
    start, end, prev_start = f"DATE '{year}-01-01'", f"DATE '{year}-12-31'", f"DATE '{year - 1}-01-01'"
    hard_days = int(method["hard_to_fill_days"])

    # ---- row checks -----------------------------------------------------------------------
    # Written for DuckDB's speed as much as ashyq is written for its own: derived values are
    # computed once per row in an inner projection, cheap tests go before regular expressions,
    # and the unit group of the classifier is checked on the group keys after the aggregation
    # (each row's unit group is a key, so every row is still checked).
    region_codes = sql_list([r["code"] for r in regions])
    region_katos = sql_list([r["kato"] for r in regions])
    kato_to_code = "MAP {" + ", ".join(f"'{r['kato']}': '{r['code']}'" for r in regions) + "}"
    units = sql_list(unit_groups)
    full = args.checks == "full"

    def region_ok(c):
        # region::parse: an ISO 3166-2 code (any case), or a 2- or 9-digit KATO code.
        return (
            f"CASE WHEN {c} IN {region_codes} THEN true WHEN upper({c}) IN {region_codes} THEN true "
            f"ELSE regexp_full_match({c}, '[0-9]{{2}}|[0-9]{{9}}') AND left({c}, 2) IN {region_katos} END"
        )

    def occupation_ok(c):
        # 4 digits (a unit group: checked on the group keys), or 4 digits and a national suffix
        # of 1–3 digits that is not 0 (OccupationCode::parse).
        return (
            f"CASE WHEN length({c}) = 4 THEN true "
            f"ELSE regexp_full_match({c}, '[0-9]{{4}}-(0{{0,2}}[1-9]|0?[1-9][0-9]|[1-9][0-9]{{2}})') END"
        )

    # ids::check_12: 12 digits; check digit Σ dᵢ·i mod 11, or Σ dᵢ·wᵢ mod 11 with the weights
    # 3…11,1,2 when that is 10 (and never 10). The digits come from the number, parsed once.
    digit = [f"((bin_n // {10 ** (11 - i)}) % 10)" for i in range(12)]
    bin_s1 = "(" + " + ".join(f"{w} * {digit[i]}" for i, w in enumerate(range(1, 12))) + ") % 11"
    bin_s2 = "(" + " + ".join(f"{w} * {digit[i]}" for i, w in enumerate([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) + ") % 11"
    bin_ok = (
        "(regexp_full_match(employer_bin, '[0-9]{12}') AND "
        "CASE WHEN bin_s1 <> 10 THEN bin_s1 = bin_n % 10 ELSE bin_s2 <> 10 AND bin_s2 = bin_n % 10 END)"
    )

    def ident_ok(c):
        return (
            f"({c} IS NOT NULL AND CASE WHEN strlen({c}) <= 64 THEN true ELSE length({c}) <= 64 END "
            f"AND NOT regexp_matches({c}, '\\p{{Cc}}'))"
        )

    def date_ok(c):
        return f"(year({c}) BETWEEN 1900 AND 2199)"

    def source(path, columns, with_bin, ordered=False):
        """The file; with the full checks, its whole numbers parsed as ashyq parses them (digits,
        `12.0` accepted) with a `<column>_fmt` flag each, and the BIN's number and check sums.
        `ordered`: read on one thread, so that the rows come in the file's order."""
        scan = read_csv(path, columns, full, ordered)
        if not full:
            return scan
        ints = [k for k, v in columns.items() if v == "BIGINT"]
        replace = ", ".join(
            f"TRY_CAST(CASE WHEN suffix({k}, '.0') THEN left({k}, -2) ELSE {k} END AS BIGINT) AS {k}" for k in ints
        )
        flags = ", ".join(f"regexp_full_match({k}, '[+]?[0-9]+([.]0)?') AS {k}_fmt" for k in ints)
        parsed = f"(SELECT * REPLACE ({replace}), {flags} FROM {scan})"
        if not with_bin:
            return parsed
        return (
            f"(SELECT *, {bin_s1} AS bin_s1, {bin_s2} AS bin_s2 FROM "
            f"(SELECT *, TRY_CAST(employer_bin AS UBIGINT) AS bin_n FROM {parsed}))"
        )

    def all_of(conds):
        return " AND ".join(f"({c})" for c in conds) if full else "true"

    v_ok = all_of(
        [
            ident_ok("vacancy_id"),
            f"posted_on IS NOT NULL AND {date_ok('posted_on')}",
            f"closed_on IS NULL OR {date_ok('closed_on')}",
            "status_l IN ('open', 'filled', 'cancelled', 'expired')",
            "(status_l = 'open') = (closed_on IS NULL)",
            "closed_on IS NULL OR closed_on >= posted_on",
            region_ok("region"),
            occupation_ok("occupation"),
            "positions_fmt AND positions BETWEEN 1 AND 100000",
            "salary_kzt_fmt IS NULL OR (salary_kzt_fmt AND salary_kzt BETWEEN 0 AND 100000000)",
            bin_ok,
            "title IS NULL OR CASE WHEN strlen(title) <= 300 THEN true ELSE length(title) <= 300 END",
        ]
    )
    p_ok = all_of(
        [
            ident_ok("permit_id"),
            f"issued_on IS NOT NULL AND {date_ok('issued_on')}",
            f"valid_until IS NOT NULL AND {date_ok('valid_until')}",
            "valid_until >= issued_on",
            region_ok("region"),
            occupation_ok("occupation"),
            bin_ok,
            f"citizenship IN {sql_list(countries)}",
            f"lower(category) IN {sql_list(PERMIT_CATEGORIES)}",
            "workers_fmt AND workers BETWEEN 1 AND 100000",
        ]
    )
    f_ok = all_of(
        [
            "year_fmt AND year BETWEEN 2000 AND 2100",
            region_ok("region"),
            occupation_ok("occupation"),
            "additional_need_fmt AND additional_need BETWEEN 0 AND 10000000",
        ]
    )

    # ---- one scan per file: the sums and medians per unit group, and over all ---------------
    in_period = f"(posted_on BETWEEN {start} AND {end})"
    in_prev = f"(posted_on >= {prev_start} AND posted_on < {start})"
    # Closed by the period's end (a vacancy closed after it was open then).
    closed_by_end = f"(closed_on IS NOT NULL AND closed_on <= {end})"
    days = f"date_diff('day', posted_on, CASE WHEN {closed_by_end} THEN closed_on ELSE {end} END)"
    within_h = f"({closed_by_end} AND date_diff('day', posted_on, closed_on) <= {hard_days})"
    outcome_known = f"({in_period} AND date_diff('day', posted_on, {end}) >= {hard_days})"
    cancelled_early = f"({within_h} AND status_l = 'cancelled')"
    filled_in_time = f"({within_h} AND status_l = 'filled')"
    # Salaries are counted to the nearest 1,000 tenge, half up (SALARY_STEP in indicators.rs).
    salary_step = "((salary_kzt + 500) // 1000 * 1000)"

    con.execute(
        f"""
        CREATE TEMP TABLE vac AS
        SELECT unit, grouping(unit) AS is_all,
            sum(positions) FILTER (WHERE {in_period}) AS posted,
            sum(positions) FILTER (WHERE {in_prev}) AS posted_prev,
            sum(positions) FILTER (WHERE posted_on <= {end} AND NOT {closed_by_end}) AS open_at_end,
            median({days}) FILTER (WHERE {in_period}) AS median_duration_days,
            count(*) FILTER (WHERE {outcome_known} AND NOT {cancelled_early}) AS hard_known,
            count(*) FILTER (WHERE {outcome_known} AND NOT {cancelled_early} AND NOT {filled_in_time}) AS hard,
            median({salary_step}) FILTER (WHERE {in_period}) AS median_salary_kzt,
            median({salary_step}) FILTER (WHERE {in_prev}) AS median_salary_kzt_prev,
            count(*) FILTER (WHERE NOT ok) AS bad,
            count(*) AS rows
        FROM (
            SELECT left(occupation, 4) AS unit, posted_on, closed_on, status_l, positions, salary_kzt,
                coalesce({v_ok}, false) AS ok
            FROM (SELECT *, lower(status) AS status_l FROM {source(args.vacancies, VACANCY_COLUMNS, True)})
        )
        GROUP BY GROUPING SETS ((unit), ())
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE wp AS
        SELECT unit, grouping(unit) AS is_all,
            sum(workers) FILTER (WHERE issued_on BETWEEN {start} AND {end}) AS permits,
            sum(workers) FILTER (WHERE issued_on >= {prev_start} AND issued_on < {start}) AS permits_prev,
            count(*) FILTER (WHERE NOT ok) AS bad,
            count(*) AS rows
        FROM (
            SELECT left(occupation, 4) AS unit, issued_on, workers, coalesce({p_ok}, false) AS ok
            FROM {source(args.work_permits, PERMIT_COLUMNS, True)}
        )
        GROUP BY GROUPING SETS ((unit), ())
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE fc AS
        SELECT unit, grouping(unit) AS is_all,
            sum(additional_need) FILTER (WHERE year = {year} AND latest) AS need,
            count(*) FILTER (WHERE NOT ok) AS bad,
            count(*) AS rows
        FROM (
            -- A repeated key (year, region, occupation) counts once: the later row, as ashyq
            -- keeps it (crates/cli/src/from_files.rs, read_forecast).
            SELECT left(occupation, 4) AS unit, year, additional_need, ok,
                row_number() OVER (PARTITION BY year, region_key, occupation_key ORDER BY rn DESC) = 1 AS latest
            FROM (
                SELECT year, occupation, additional_need, coalesce({f_ok}, false) AS ok,
                    row_number() OVER () AS rn,
                    CASE WHEN upper(left(region, 3)) = 'KZ-' THEN upper(region)
                        ELSE {kato_to_code}[left(region, 2)] END AS region_key,
                    CASE WHEN length(occupation) = 4 THEN occupation
                        ELSE left(occupation, 4) || '-' || TRY_CAST(substr(occupation, 6) AS INTEGER)::VARCHAR
                        END AS occupation_key
                FROM {source(args.forecast, FORECAST_COLUMNS, False, ordered=True)}
            )
        )
        GROUP BY GROUPING SETS ((unit), ())
        """
    )
    counts = {}
    for table, path in (("fc", args.forecast), ("vac", args.vacancies), ("wp", args.work_permits)):
        bad, rows = con.execute(f"SELECT bad, rows FROM {table} WHERE is_all = 1").fetchone()
        counts[table] = rows
        if bad:
            sys.exit(f"duckdb_list: {path}: {bad} of {rows} rows fail the checks")
        # Every row names a unit group of the classifier: checked over the group keys (in both
        # modes: the indicators are keyed by it).
        strays = con.execute(
            f"SELECT list(unit) FROM {table} WHERE is_all = 0 AND (unit IS NULL OR unit NOT IN {units})"
        ).fetchone()[0]
        if strays:
            sys.exit(f"duckdb_list: {path}: not unit groups of the classifier: {strays[:5]}")

    # ---- the national indicators of the universe, benchmarks, percentiles, score, rank ----
    con.execute(f"CREATE TEMP TABLE universe AS SELECT * FROM (VALUES {', '.join(f'({u!r}, {i})' for i, u in enumerate(universe))}) t(unit, ord)")
    con.execute(
        "CREATE TEMP TABLE sector_of AS SELECT * FROM (VALUES "
        + ", ".join(f"({u!r}, {s!r})" for u, s in sector_of.items())
        + ") t(unit, sector)"
        if sector_of
        else "CREATE TEMP TABLE sector_of (unit VARCHAR, sector VARCHAR)"
    )

    def growth(now, before):
        return f"CASE WHEN ({before}) > 0 THEN (({now})::DOUBLE - ({before})::DOUBLE) / ({before})::DOUBLE END"

    con.execute(
        f"""
        CREATE TEMP TABLE ind AS
        WITH overall AS (
            SELECT {growth('median_salary_kzt', 'median_salary_kzt_prev')} AS salary_growth
            FROM vac WHERE is_all = 1
        ),
        base AS (
            SELECT u.unit, u.ord,
                coalesce(fc.need, 0)::BIGINT AS forecast_need,
                coalesce(v.posted, 0)::BIGINT AS vacancies_posted,
                coalesce(v.posted_prev, 0)::BIGINT AS vacancies_posted_prev,
                coalesce(v.open_at_end, 0)::BIGINT AS open_at_end,
                v.median_duration_days::DOUBLE AS median_duration_days,
                CASE WHEN v.hard_known > 0 THEN v.hard::DOUBLE / v.hard_known::DOUBLE END AS hard_to_fill_share,
                v.median_salary_kzt::DOUBLE AS median_salary_kzt,
                v.median_salary_kzt_prev::DOUBLE AS median_salary_kzt_prev,
                coalesce(wp.permits, 0)::BIGINT AS work_permits,
                coalesce(wp.permits_prev, 0)::BIGINT AS work_permits_prev
            FROM universe u
            LEFT JOIN vac v ON v.is_all = 0 AND v.unit = u.unit
            LEFT JOIN wp ON wp.is_all = 0 AND wp.unit = u.unit
            LEFT JOIN fc ON fc.is_all = 0 AND fc.unit = u.unit
        )
        SELECT base.*,
            {growth('vacancies_posted', 'vacancies_posted_prev')} AS vacancy_growth,
            {growth('median_salary_kzt', 'median_salary_kzt_prev')} AS salary_growth,
            {growth('median_salary_kzt', 'median_salary_kzt_prev')} - overall.salary_growth AS salary_growth_relative,
            {growth('work_permits', 'work_permits_prev')} AS work_permit_growth
        FROM base, overall
        """
    )
    # One row per unit group and indicator of the methodology, in the methodology's order.
    unpivot = " UNION ALL ".join(
        f"SELECT unit, {i} AS k, '{r['id']}' AS indicator, {r['id']}::DOUBLE AS value FROM ind"
        for i, r in enumerate(rules)
    )
    benchmark_of = " ".join(
        f"WHEN {i} THEN "
        + ("b.median" if r["benchmark"] == "median" else f"{float(r['benchmark']['value'])!r}::DOUBLE")
        for i, r in enumerate(rules)
    )
    factor_of = " ".join(f"WHEN {i} THEN {float(r.get('factor', 1.0))!r}::DOUBLE" for i, r in enumerate(rules))
    con.execute(
        f"""
        CREATE TEMP TABLE checks AS
        WITH long AS ({unpivot}),
        bench AS (SELECT k, median(value) AS median FROM long GROUP BY k),
        ranked AS (
            SELECT long.*,
                -- among the universe's present values: how many below, and up to and including
                CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY k, value IS NULL ORDER BY value) - 1 END AS below,
                CASE WHEN value IS NOT NULL THEN count(*) OVER (PARTITION BY k, value IS NULL ORDER BY value
                    RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS upto,
                count(value) OVER (PARTITION BY k) AS n
            FROM long
        )
        SELECT r.unit, r.k, r.indicator, r.value,
            CASE r.k {benchmark_of} END AS benchmark,
            CASE r.k {benchmark_of} END * CASE r.k {factor_of} END AS threshold,
            coalesce(r.value > CASE r.k {benchmark_of} END * CASE r.k {factor_of} END, false) AS passed,
            CASE WHEN r.value IS NOT NULL AND r.n > 0
                THEN (r.below::DOUBLE + (r.upto - r.below)::DOUBLE / 2.0) / r.n::DOUBLE ELSE 0.0 END AS percentile
        FROM ranked r JOIN bench b USING (k)
        """
    )
    total_weight = 0.0
    for r in rules:
        total_weight += float(r["weight"])
    # The weighted sum in the methodology's order, as ashyq adds it up.
    weighted = " + ".join(f"{float(r['weight'])!r} * p{i}" for i, r in enumerate(rules))
    pivot = ", ".join(
        f"max(percentile) FILTER (WHERE k = {i}) AS p{i}" for i in range(len(rules))
    )
    inclusion = method["inclusion"]
    k_req = inclusion.get("k_of_n", inclusion.get("both", {})).get("k")
    cutoff = inclusion.get("composite", inclusion.get("both", {})).get("cutoff")
    conds = [
        f"sector IN {sql_list(method['priority_sectors'])}",
        f"vacancies_posted >= {int(method['min_vacancies'])}",
    ]
    if k_req is not None:
        conds.append(f"criteria_passed >= {int(k_req)}")
    if cutoff is not None:
        conds.append(f"score >= {float(cutoff)!r}")
    eligible = " AND ".join(f"coalesce({c}, false)" for c in conds)
    max_entries = method.get("max_entries")
    included = (
        f"(eligible AND sum(eligible::INT) OVER (ORDER BY rank ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) <= {int(max_entries)})"
        if max_entries is not None
        else "eligible"
    )
    rows = con.execute(
        f"""
        WITH per_unit AS (
            SELECT unit, {pivot}, count(*) FILTER (WHERE passed)::INT AS criteria_passed
            FROM checks GROUP BY unit
        ),
        scored AS (
            SELECT ind.*, s.sector, p.criteria_passed,
                round((100.0 * ({weighted}) / {total_weight!r}) * 100.0) / 100.0 AS score
            FROM ind JOIN per_unit p USING (unit) LEFT JOIN sector_of s USING (unit)
        ),
        ranked AS (
            SELECT *, row_number() OVER (ORDER BY score DESC, criteria_passed DESC, unit) AS rank,
                {eligible} AS eligible
            FROM scored
        )
        SELECT unit, rank, score, criteria_passed, {included} AS included, sector,
            forecast_need, vacancies_posted, vacancies_posted_prev, vacancy_growth, open_at_end,
            median_duration_days, hard_to_fill_share, median_salary_kzt, median_salary_kzt_prev,
            salary_growth, salary_growth_relative, work_permits, work_permits_prev, work_permit_growth
        FROM ranked ORDER BY rank
        """
    )
    names = [d[0] for d in rows.description]
    candidates = [dict(zip(names, r)) for r in rows.fetchall()]
    checks = {}
    for unit, indicator, value, benchmark, threshold, passed, percentile in con.execute(
        "SELECT unit, indicator, value, benchmark, threshold, passed, percentile FROM checks ORDER BY unit, k"
    ).fetchall():
        checks.setdefault(unit, []).append(
            {
                "indicator": indicator,
                "value": value,
                "benchmark": benchmark,
                "threshold": threshold,
                "passed": passed,
                "percentile": percentile,
            }
        )
    benchmarks = {
        r[0]: r[1]
        for r in con.execute("SELECT DISTINCT indicator, benchmark FROM checks ORDER BY indicator").fetchall()
    }
    ind_keys = [
        "forecast_need", "vacancies_posted", "vacancies_posted_prev", "vacancy_growth", "open_at_end",
        "median_duration_days", "hard_to_fill_share", "median_salary_kzt", "median_salary_kzt_prev",
        "salary_growth", "salary_growth_relative", "work_permits", "work_permits_prev", "work_permit_growth",
    ]
    out = {
        "period": year,
        "benchmarks": benchmarks,
        "candidates": [
            {
                "occupation": c["unit"],
                "rank": c["rank"],
                "score": c["score"],
                "included": bool(c["included"]),
                "sector": c["sector"],
                "criteria_passed": c["criteria_passed"],
                "criteria_total": len(rules),
                "checks": checks[c["unit"]],
                "indicators": {k: c[k] for k in ind_keys},
            }
            for c in candidates
        ],
        "engine": {
            "duckdb": duckdb.__version__,
            "threads": threads,
            "checks": args.checks,
            "rows": {"forecast": counts["fc"], "vacancies": counts["vac"], "work_permits": counts["wp"]},
            "seconds_inside": round(time.perf_counter() - started, 3),
        },
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
