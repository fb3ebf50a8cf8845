#!/usr/bin/env bash
# Benchmark: `ashyq list compute` straight from the three CSV files against DuckDB running the
# equivalent SQL over the same files, in the same run. See bench/list/README.md.
#
# Environment (defaults in brackets):
#   VACANCIES [5000000]  PERMITS [500000]  SEED [2026]   size and seed of the generated data
#   RUNS [3]             timed runs of each engine (after one warm-up each); the median counts
#   SCALING_VACANCIES [1000000]  also run ashyq alone on data sets of these many vacancies
#                        (space-separated; proportionally many permits) to show its peak memory
#                        against rows; empty to skip
#   DUCKDB_THREADS []    DuckDB threads (default: DuckDB's own, all cores)
#   ASHYQ_ONLY []        1: time ashyq alone on the data set (no DuckDB, no comparison) and
#                        print its row; results.md is left alone
#   PYTHON [python3]     the Python (≥ 3.11) the venv is made from
#   IMPORT_BACKENDS [postgres sqlite]  also import the three files into each (empty to skip)
#   PG_URL [postgres://postgres@127.0.0.1:5432/test]  for the import into PostgreSQL
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VACANCIES="${VACANCIES:-5000000}"
PERMITS="${PERMITS:-500000}"
SEED="${SEED:-2026}"
RUNS="${RUNS:-3}"
SCALING_VACANCIES="${SCALING_VACANCIES-1000000}"
ASHYQ_ONLY="${ASHYQ_ONLY:-}"
DUCKDB_THREADS="${DUCKDB_THREADS:-}"
PYTHON="${PYTHON:-python3}"
PERIOD=2025
ON=2026-11-21
FIRST_YEAR=2022
LAST_YEAR=2025

ASHYQ="$ROOT/target/release/ashyq"
VENV="$HERE/.venv"
OUT="$HERE/out"
TIME=/usr/bin/time

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

[[ -x $TIME ]] || die "$TIME (GNU time) is needed for the peak memory; apt-get install time"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"

# ---- build ---------------------------------------------------------------------------------
say "building ashyq (release)"
(cd "$ROOT" && cargo build --release -p ashyq)

# ---- DuckDB in a venv ----------------------------------------------------------------------
if [[ ! -x $VENV/bin/python ]]; then
    say "creating $VENV"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$PYTHON is older than 3.11 (tomllib is needed); set PYTHON"
    "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import duckdb' 2>/dev/null; then
    say "installing duckdb from PyPI"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check duckdb
fi
DUCKDB_VERSION="$("$VENV/bin/python" -c 'import duckdb; print(duckdb.__version__)')"

# ---- data ----------------------------------------------------------------------------------
# A data set per parameters, regenerated when the parameters or the generator's source change.
generator_hash() {
    cat "$ROOT"/crates/cli/src/synth/*.rs | sha256sum | cut -c1-16
}

# dataset VACANCIES PERMITS → prints the folder, generating it when needed.
dataset() {
    local v=$1 p=$2
    local dir="$HERE/data/v$v-p$p-s$SEED"
    local stamp="vacancies=$v permits=$p seed=$SEED years=$FIRST_YEAR-$LAST_YEAR generator=$(generator_hash)"
    if [[ -f $dir/params.txt && "$(head -n1 "$dir/params.txt")" == "$stamp" ]]; then
        echo "$dir"
        return
    fi
    say "generating $v vacancies and $p work permits into $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    "$ASHYQ" generate labour --out "$dir" --vacancies "$v" --work-permits "$p" --seed "$SEED" \
        --first-year "$FIRST_YEAR" --last-year "$LAST_YEAR" >&2
    # Data rows (no field of the generated files spans lines).
    local rows=0 f n
    for f in forecast vacancies work-permits; do
        n=$(($(wc -l <"$dir/$f.csv") - 1))
        rows=$((rows + n))
        echo "$f=$n"
    done >"$dir/rows.txt"
    {
        echo "$stamp"
        echo "rows=$(awk -F= '{s += $2} END {print s}' "$dir/rows.txt")"
        cat "$dir/rows.txt"
        echo "bytes=$(cat "$dir"/*.csv | wc -c)"
    } >"$dir/params.txt"
    rm "$dir/rows.txt"
    echo "$dir"
}

param() { sed -n "2,\$ s/^$2=//p" "$1/params.txt"; }

DATA="$(dataset "$VACANCIES" "$PERMITS")"
ROWS="$(param "$DATA" rows)"
BYTES="$(param "$DATA" bytes)"
mkdir -p "$OUT"

# ---- the engines ---------------------------------------------------------------------------
# run_engine ENGINE DATA_DIR RESULT_JSON TIMES: one run; appends "seconds peak_kb user sys" to TIMES.
run_engine() {
    local name=$1 dir=$2 json=$3 times=$4 timing
    timing="$(mktemp)"
    case $name in
        ashyq)
            "$TIME" -f "%e %M %U %S" -o "$timing" "$ASHYQ" list compute --period "$PERIOD" --on "$ON" \
                --forecast "$dir/forecast.csv" --vacancies "$dir/vacancies.csv" \
                --work-permits "$dir/work-permits.csv" --json >"$json"
            ;;
        duckdb | duckdb-types)
            local checks=full
            [[ $name == duckdb-types ]] && checks=types
            "$TIME" -f "%e %M %U %S" -o "$timing" "$VENV/bin/python" "$HERE/duckdb_list.py" \
                --period "$PERIOD" --on "$ON" --checks "$checks" ${DUCKDB_THREADS:+--threads "$DUCKDB_THREADS"} \
                --forecast "$dir/forecast.csv" --vacancies "$dir/vacancies.csv" \
                --work-permits "$dir/work-permits.csv" --out "$json"
            ;;
    esac
    tail -n1 "$timing" >>"$times"
    rm -f "$timing"
}

# bench TAG DATA_DIR ENGINE…: a warm-up of each engine (so that every run reads the files from
# the page cache), then RUNS rounds of all engines in turn. Times go to $OUT/TAG-ENGINE.times,
# results to $OUT/TAG-ENGINE.json.
bench() {
    local tag=$1 dir=$2 e i
    shift 2
    for e in "$@"; do
        say "$tag: warm-up of $e"
        run_engine "$e" "$dir" "$OUT/$tag-$e.json" /dev/null
        rm -f "$OUT/$tag-$e.times"
    done
    for ((i = 1; i <= RUNS; i++)); do
        for e in "$@"; do
            say "$tag: $e, run $i of $RUNS"
            run_engine "$e" "$dir" "$OUT/$tag-$e.json" "$OUT/$tag-$e.times"
        done
    done
}

# Over the runs of TAG-ENGINE: the median time, every time, the largest peak RSS in MiB.
seconds() { awk '{print $1}' "$OUT/$1.times" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
all_seconds() { awk '{print $1}' "$OUT/$1.times" | paste -sd' ' | sed 's/ /, /g'; }
cpu_seconds() { awk '{print $3 + $4}' "$OUT/$1.times" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
mib() { awk '{print $2}' "$OUT/$1.times" | sort -g | tail -n1 | awk '{printf "%.0f", $1 / 1024}'; }
per_second() { awk -v r="$1" -v s="$2" 'BEGIN {printf "%.2f M", r / s / 1e6}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v r="$1" 'BEGIN {print (r <= 1 ? "met" : "NOT met")}'; }

if [[ $ASHYQ_ONLY == 1 ]]; then
    bench alone "$DATA" ashyq
    echo
    echo "| vacancies | work permits | rows | ashyq median time (s) | runs (s) | ashyq peak memory (MiB) |"
    echo "|---:|---:|---:|---:|---:|---:|"
    echo "| $VACANCIES | $PERMITS | $ROWS | $(seconds alone-ashyq) | $(all_seconds alone-ashyq) | $(mib alone-ashyq) |"
    exit 0
fi

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
bench main "$DATA" ashyq duckdb duckdb-types
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

say "comparing the results"
if ! agree="$("$VENV/bin/python" "$HERE/compare.py" "$OUT/main-ashyq.json" "$OUT/main-duckdb.json")"; then
    echo "$agree"
    die "ashyq and DuckDB (same checks) disagree: the timings mean nothing"
fi
if ! agree_types="$("$VENV/bin/python" "$HERE/compare.py" "$OUT/main-ashyq.json" "$OUT/main-duckdb-types.json")"; then
    echo "$agree_types"
    die "ashyq and DuckDB (types only) disagree: the timings mean nothing"
fi
echo "$agree" >&2

# ---- memory against rows: ashyq alone on a second data set ---------------------------------
# One row per data set: vacancies, permits, rows, median time, peak MiB (sorted by vacancies).
SCALING_ROWS="$OUT/scaling.rows"
echo "$VACANCIES $PERMITS $ROWS $(seconds main-ashyq) $(mib main-ashyq)" >"$SCALING_ROWS"
for sv in $SCALING_VACANCIES; do
    [[ $sv == "$VACANCIES" ]] && continue
    sp=$((PERMITS * sv / VACANCIES))
    sdata="$(dataset "$sv" "$sp")"
    bench "scaling-$sv" "$sdata" ashyq
    echo "$sv $sp $(param "$sdata" rows) $(seconds "scaling-$sv-ashyq") $(mib "scaling-$sv-ashyq")" >>"$SCALING_ROWS"
done

# ---- importing the same files into each database -----------------------------------------------
# import_into BACKEND: `ashyq import` of the three files into a fresh database, timed; prints
# "seconds peak_kb" (the three imports together; peak is the largest of the three).
IMPORT_BACKENDS="${IMPORT_BACKENDS-postgres sqlite}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
import_into() {
    local backend=$1 url total=0 peak=0 f s m
    case $backend in
        postgres)
            command -v psql >/dev/null || die "psql is needed for the import into PostgreSQL"
            psql "$PG_URL" -qAt -c "DROP SCHEMA IF EXISTS bench_list_import CASCADE" -c "CREATE SCHEMA bench_list_import" >&2
            url="$PG_URL?options=-c%20search_path%3Dbench_list_import"
            ;;
        sqlite)
            rm -f "$OUT/import.db" "$OUT/import.db-wal" "$OUT/import.db-shm"
            url="sqlite://$OUT/import.db"
            ;;
    esac
    "$ASHYQ" --database-url "$url" migrate >&2
    for f in forecast vacancies work-permits; do
        say "import into $backend: $f"
        "$TIME" -f "%e %M" -o "$OUT/import.time" "$ASHYQ" --database-url "$url" import "$f" "$DATA/$f.csv" >&2
        read -r s m <"$OUT/import.time"
        total=$(awk -v a="$total" -v b="$s" 'BEGIN {print a + b}')
        ((m > peak)) && peak=$m
    done
    [[ $backend == postgres ]] && psql "$PG_URL" -qAt -c "DROP SCHEMA bench_list_import CASCADE" >&2
    echo "$total $peak"
}
IMPORT_ROWS="$OUT/import.rows"
: >"$IMPORT_ROWS"
for backend in $IMPORT_BACKENDS; do
    echo "$backend $(import_into "$backend")" >>"$IMPORT_ROWS"
done

# ---- report --------------------------------------------------------------------------------
A="$(seconds main-ashyq)"
D="$(seconds main-duckdb)"
DT="$(seconds main-duckdb-types)"
R="$(ratio "$A" "$D")"
RT="$(ratio "$A" "$DT")"
THREADS="$("$VENV/bin/python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["engine"]["threads"])' "$OUT/main-duckdb.json")"

report() {
    local cpu mem rev
    cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
    mem="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    rev="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
    if [[ -n "$(cd "$ROOT" && git status --porcelain -- crates 2>/dev/null)" ]]; then
        rev="$rev with uncommitted changes in crates/"
    fi
    echo "## \`ashyq list compute\` against DuckDB — $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "- machine: $(nproc) CPUs ($cpu), $mem memory, $(uname -sr)"
    echo "- data: \`ashyq generate labour --vacancies $VACANCIES --work-permits $PERMITS --seed $SEED" \
        "--first-year $FIRST_YEAR --last-year $LAST_YEAR\`: $(param "$DATA" forecast) forecast rows," \
        "$(param "$DATA" vacancies) vacancies, $(param "$DATA" work-permits) work permits —" \
        "$ROWS rows, $(awk -v b="$BYTES" 'BEGIN {printf "%.0f", b / 1048576}') MiB of CSV"
    echo "- task: the national list for the period $PERIOD under the methodology in force on $ON:" \
        "every indicator, benchmark, percentile, check, score, verdict and rank of the universe's unit groups"
    echo "- ashyq: \`target/release/ashyq list compute … --json\` (crates/cli/src/from_files.rs: one thread parses," \
        "min(cores, 8) = $(( $(nproc) < 8 ? $(nproc) : 8 )) threads check and accumulate); revision $rev"
    echo "- DuckDB $DUCKDB_VERSION from PyPI, $THREADS threads (its default: all cores): \`bench/list/duckdb_list.py\`"
    echo "- each engine: one warm-up run, then $RUNS runs taken in turn; median wall time," \
        "largest peak RSS (GNU time \`%M\`; DuckDB's includes the Python interpreter), median user + system CPU time"
    echo "- load average (1, 5, 15 min) before the runs: $LOAD_BEFORE; after: $LOAD_AFTER" \
        "(anything well above 0 means other work shared the CPUs and the wall times are noisy)"
    echo
    echo "| engine | median time (s) | runs (s) | peak memory (MiB) | rows per second | median CPU time (s) |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "| ashyq (every check) | $A | $(all_seconds main-ashyq) | $(mib main-ashyq) | $(per_second "$ROWS" "$A") | $(cpu_seconds main-ashyq) |"
    echo "| DuckDB ($THREADS threads, the same checks) | $D | $(all_seconds main-duckdb) | $(mib main-duckdb) | $(per_second "$ROWS" "$D") | $(cpu_seconds main-duckdb) |"
    echo "| DuckDB ($THREADS threads, types only) | $DT | $(all_seconds main-duckdb-types) | $(mib main-duckdb-types) | $(per_second "$ROWS" "$DT") | $(cpu_seconds main-duckdb-types) |"
    echo
    echo "**ashyq / DuckDB (same checks) = $R** — target \"ashyq no slower than DuckDB\": **$(verdict "$R")**."
    echo "ashyq / DuckDB (types only) = $RT ($(verdict "$RT") against this lower bound of DuckDB's work)."
    echo
    echo "Agreement: $agree; the types-only run agrees too."
    echo "DuckDB computes the national list only; ashyq also accumulates the regional breakdown" \
        "(unit group × region), so it keeps the salary and duration counts of every region's cell."
    if [[ -s $IMPORT_ROWS ]]; then
        echo
        echo "Importing the same three files into the database (\`ashyq import forecast|vacancies|work-permits\`:" \
            "every row checked, upserted by its key, all or nothing, audited), against \`list compute\` reading them:"
        echo
        echo "| backend | import time (s) | rows per second | peak memory (MiB) | vs \`list compute\` |"
        echo "|---|---:|---:|---:|---:|"
        awk -v rows="$ROWS" -v a="$A" '{printf "| %s | %.2f | %.2f M | %.0f | %.1f× its time |\n", $1, $2, rows / $2 / 1e6, $3 / 1024, $2 / a}' "$IMPORT_ROWS"
    fi
    if [[ $(wc -l <"$SCALING_ROWS") -gt 1 ]]; then
        echo
        echo "Peak memory of ashyq against rows (the target: it follows unit groups × regions, not rows):"
        echo
        echo "| vacancies | work permits | rows | ashyq median time (s) | ashyq peak memory (MiB) |"
        echo "|---:|---:|---:|---:|---:|"
        sort -n "$SCALING_ROWS" | awk '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'
    fi
}

report >"$HERE/results.md"
echo
cat "$HERE/results.md"
