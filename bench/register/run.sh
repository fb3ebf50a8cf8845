#!/usr/bin/env bash
# Benchmark of the register of movements (issue 5 §5), in one run:
#   1. PostgreSQL COPY of the crossings file into a bare table (no keys, no indexes; text
#      columns), and into a table shaped as ashyq's (its primary key and index), as references;
#   2. ashyq's import of the same file (every row validated; documents and persons matched;
#      idempotent by event id) into PostgreSQL and into SQLite;
#   3. status lookups of random persons (p50, p95, p99), read only and audited;
#   4. the full overstay scan.
# See bench/register/README.md.
#
# Environment (defaults in brackets):
#   SIZES ["300000:1000000 3000000:10000000"]  PEOPLE:CROSSINGS of each generated year (2025),
#                     measured one after the other in this run (the second is the national year)
#   PEOPLE, CROSSINGS  one size instead of SIZES (both must be set)
#   SEED [2026]
#   PG_URL [postgres://postgres@127.0.0.1:5432/test]      the server (a schema is made per run)
#   SAMPLES [5000]    status lookups per measurement
#   BACKENDS [postgres sqlite]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
if [[ -n ${PEOPLE:-} && -n ${CROSSINGS:-} ]]; then
    SIZES="$PEOPLE:$CROSSINGS"
fi
SIZES="${SIZES:-300000:1000000 3000000:10000000}"
SEED="${SEED:-2026}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
SAMPLES="${SAMPLES:-5000}"
BACKENDS="${BACKENDS:-postgres sqlite}"
YEAR=2025
ON=2025-12-31
ASHYQ="$ROOT/target/release/ashyq"
OUT="$HERE/out"
TIME=/usr/bin/time
SCHEMA="bench_register"

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }
[[ -x $TIME ]] || die "$TIME (GNU time) is needed; apt-get install time"
command -v psql >/dev/null || die "psql is needed"
mkdir -p "$OUT"

say "building ashyq (release)"
(cd "$ROOT" && cargo build --release -p ashyq)

psql_q() { psql "$PG_URL" -v ON_ERROR_STOP=1 -qAt "$@"; }
fresh_schema() { psql_q -c "DROP SCHEMA IF EXISTS $1 CASCADE" -c "CREATE SCHEMA $1"; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }

# measure PEOPLE CROSSINGS: one generated year, every step; appends its tables to $results.
measure() {
    local PEOPLE=$1 CROSSINGS=$2
    local DATA="$HERE/data/$PEOPLE-$CROSSINGS-$SEED"
    if [[ ! -s $DATA/crossings.csv ]]; then
        say "generating $CROSSINGS crossings of $PEOPLE people ($YEAR)"
        "$ASHYQ" generate register --out "$DATA" --people "$PEOPLE" --crossings "$CROSSINGS" --year "$YEAR" --seed "$SEED"
    fi
    ROWS=$(($(wc -l <"$DATA/crossings.csv") - 1))
    BYTES=$(stat -c %s "$DATA/crossings.csv")


    # ---- 1. COPY references ------------------------------------------------------------------------
    say "PostgreSQL COPY into a bare table"
    fresh_schema "${SCHEMA}_copy"
    COLUMNS="event_id text, kind text, at text, checkpoint text, document_type text, issuing_state text, \
    document_number text, nationality text, surname text, given_names text, birth_date text, sex text, \
    expiry_date text, reason text"
    psql_q -c "CREATE TABLE ${SCHEMA}_copy.bare ($COLUMNS)" \
        -c "CREATE TABLE ${SCHEMA}_copy.keyed ($COLUMNS, PRIMARY KEY (event_id))"
    psql_q -c "CREATE INDEX ON ${SCHEMA}_copy.keyed (issuing_state, document_number, at)"
    t0=$(date +%s.%N)
    psql_q -c "\\copy ${SCHEMA}_copy.bare FROM '$DATA/crossings.csv' WITH (FORMAT csv, HEADER true)"
    COPY_BARE=$(echo "$(date +%s.%N) - $t0" | bc)
    say "PostgreSQL COPY into a table with the event id key and a document index"
    t0=$(date +%s.%N)
    psql_q -c "\\copy ${SCHEMA}_copy.keyed FROM '$DATA/crossings.csv' WITH (FORMAT csv, HEADER true)"
    COPY_KEYED=$(echo "$(date +%s.%N) - $t0" | bc)
    psql_q -c "DROP SCHEMA ${SCHEMA}_copy CASCADE"

    {
        echo
        echo "## $ROWS crossings of $PEOPLE people ($BYTES bytes), seed $SEED; PostgreSQL $(psql_q -c 'SHOW server_version')"
        echo
        echo "| step | backend | seconds | rows/s | vs bare COPY | vs keyed COPY |"
        echo "|---|---|---:|---:|---:|---:|"
        printf '| COPY, bare table | postgres | %s | %.0f | 1.00 | %.2f |\n' "$(seconds "$COPY_BARE")" \
            "$(echo "$ROWS / $COPY_BARE" | bc -l)" "$(echo "$COPY_KEYED / $COPY_BARE" | bc -l)"
        printf '| COPY, keyed and indexed table | postgres | %s | %.0f | %.2f | 1.00 |\n' "$(seconds "$COPY_KEYED")" \
            "$(echo "$ROWS / $COPY_KEYED" | bc -l)" "$(echo "$COPY_BARE / $COPY_KEYED" | bc -l)"
    } >>"$results"

    # ---- 2–4. ashyq on each backend ----------------------------------------------------------------
    for backend in $BACKENDS; do
        case $backend in
            postgres)
                fresh_schema "$SCHEMA"
                URL="$PG_URL?options=-c%20search_path%3D$SCHEMA"
                ;;
            sqlite)
                rm -f "$OUT/register.db" "$OUT/register.db-wal" "$OUT/register.db-shm"
                URL="sqlite://$OUT/register.db"
                ;;
            *) die "unknown backend $backend" ;;
        esac
        say "$backend: ashyq register import crossings"
        $TIME -f '%e %M' -o "$OUT/time.txt" "$ASHYQ" --database-url "$URL" register import crossings "$DATA/crossings.csv" >&2
        read -r IMPORT PEAK <"$OUT/time.txt"
        say "$backend: registrations and permits"
        "$ASHYQ" --database-url "$URL" register import registrations "$DATA/registrations.csv" >&2
        "$ASHYQ" --database-url "$URL" register import permits "$DATA/permits.csv" >&2
        say "$backend: status lookups"
        "$ASHYQ" --database-url "$URL" register latency --samples "$SAMPLES" --on "$ON" >"$OUT/latency-$backend.json"
        "$ASHYQ" --database-url "$URL" register latency --samples "$SAMPLES" --on "$ON" --audited >"$OUT/latency-$backend-audited.json"
        say "$backend: overstay scan"
        $TIME -f '%e %M' -o "$OUT/time.txt" "$ASHYQ" --database-url "$URL" register overstays --on "$ON" --json --limit 0 >"$OUT/scan-$backend.json"
        read -r SCAN SCAN_PEAK <"$OUT/time.txt"
        {
            printf '| ashyq import (validated, matched, idempotent; peak %d MiB) | %s | %s | %.0f | %.2f | %.2f |\n' \
                $((PEAK / 1024)) "$backend" "$(seconds "$IMPORT")" "$(echo "$ROWS / $IMPORT" | bc -l)" \
                "$(echo "$COPY_BARE / $IMPORT" | bc -l)" "$(echo "$COPY_KEYED / $IMPORT" | bc -l)"
        } >>"$results"
        python3 "$HERE/status_row.py" "$OUT" "$backend" "$SCAN" "$SCAN_PEAK" >>"$OUT/extra-$backend.md"
    done
    {
        echo
        echo "| backend | status p50 (ms) | p95 | p99 | audited p50 | audited p99 | overstay scan (s, whole command) | present | overstaying | scan peak MiB |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        for backend in $BACKENDS; do cat "$OUT/extra-$backend.md"; rm -f "$OUT/extra-$backend.md"; done
    } >>"$results"
}

results="$OUT/results-$(date +%Y%m%d-%H%M%S).md"
{
    echo "# bench/register — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, revision $(cd "$ROOT" && git rev-parse --short HEAD)"
    echo
    echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$results"
for size in $SIZES; do
    measure "${size%%:*}" "${size##*:}"
done
echo >>"$results"
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results"
cat "$results"
cp "$results" "$HERE/results.md"
